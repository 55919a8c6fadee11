"""The management case (how risks are managed, the open risks and issues, governance, roles,
communications), the final service model and the evaluation findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Project
from ....vocabulary import ROUTE_PHRASES
from ...formatting import long_date, money
from ...people import owner_names
from ..partnership import Group, Role, governance_group, groups, roles
from .options import OptionRow
from .raid import RaidRow, raid_rows


@dataclass(frozen=True)
class Communication:
    audience: str
    method: str
    frequency: str
    messages: str
    action: str
    owner: str


@dataclass(frozen=True)
class Management:
    risk_approach: str
    risks: tuple[RaidRow, ...]
    """The open risks and issues, highest score first."""
    communications: tuple[Communication, ...]
    groups: tuple[Group, ...]
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class Funder:
    name: str
    status: str
    amount: str
    budget_cycle: str
    notes: str


@dataclass(frozen=True)
class Service:
    """The final service model: the preferred option, the scope, the route to sustain it and
    the future funders, "committed" and "engaged" funding kept apart."""

    name: str
    description: str
    cost: str
    scope: str
    route: str
    summary: str
    marketing: str
    funders: tuple[Funder, ...]
    committed: str
    engaged: str
    """Engaged or committed."""
    has_engaged: bool


@dataclass(frozen=True)
class Evaluation:
    evaluator: str
    start: str
    end: str
    approach: str
    summary: str
    issues: tuple[RaidRow, ...]


def management(project: Project, as_of: date) -> Management:
    from ....analysis.common import natural_key, reporting_period

    names = owner_names(project)
    matrix = project.psp.risk_matrix
    entries = [r for r in raid_rows(project, as_of) if r.open and r.type in ("Risk", "Issue")]
    entries.sort(key=lambda r: (-r.score, natural_key(r.id)))
    approach = (
        "Risks, assumptions, issues and dependencies are kept in the RAID log, each with an "
        "owner, actions and a review date, and scored likelihood × impact on 1–5 scales: "
        f"green below {matrix.amber}, amber from {matrix.amber}, red from {matrix.red}. The "
        "log is reviewed at each operational meeting, and the key risks and issues go to the "
        f"{governance_group(project)} in the highlight report every "
        f"{reporting_period(project)}."
    )
    audiences = {s.id: s.name for s in project.stakeholders.stakeholders}
    return Management(
        risk_approach=approach,
        risks=tuple(entries),
        communications=tuple(
            Communication(
                audience="; ".join(audiences.get(a, a) for a in c.audience),
                method=c.method or "",
                frequency=c.frequency or "",
                messages=c.messages or "",
                action=c.action or "",
                owner=names.get(c.owner, c.owner) if c.owner else "",
            )
            for c in project.stakeholders.communications
        ),
        groups=groups(project),
        roles=roles(project),
    )


def service(project: Project, preferred: OptionRow | None) -> Service:
    currency = project.psp.currency
    sustain = project.sustainability
    committed = sum(f.amount or 0.0 for f in sustain.funders if f.status == "committed")
    engaged = sum(f.amount or 0.0 for f in sustain.funders if f.status in ("engaged", "committed"))
    return Service(
        name=preferred.name if preferred else "",
        description=preferred.description if preferred else "",
        cost=preferred.cost if preferred else "",
        scope=project.psp.scope or "",
        route=ROUTE_PHRASES.get(sustain.route or "", ""),
        summary=sustain.summary or "",
        marketing=sustain.marketing or "",
        funders=tuple(
            Funder(
                name=f.name,
                status=f.status.capitalize(),
                amount=money(f.amount, currency),
                budget_cycle=long_date(f.budget_cycle),
                notes=f.notes or "",
            )
            for f in sustain.funders
        ),
        committed=money(committed, currency),
        engaged=money(engaged, currency),
        has_engaged=bool(engaged),
    )


def evaluation(project: Project, as_of: date, summary: str) -> Evaluation:
    found = project.sustainability.evaluation
    return Evaluation(
        evaluator=(found.evaluator or "") if found else "",
        start=long_date(found.start) if found else "",
        end=long_date(found.end) if found else "",
        approach=(found.approach or "") if found else "",
        summary=summary,
        issues=raid_rows(project, as_of, "issue"),
    )
