"""The management case (how risks are managed, the open risks and issues, governance, roles,
communications), the final service model and the evaluation findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Project
from ....vocabulary import OPERATIONAL_CADENCES, ROUTE_PHRASES
from ...formatting import long_date, money
from ...people import owner_names
from ...wording import NO_OWNER
from ..partnership import Group, Role, governance_group, groups, roles
from .options import OptionRow
from .raid import RaidRow, no_actions, raid_rows


@dataclass(frozen=True)
class Communication:
    audience: str
    method: str
    frequency: str
    messages: str
    action: str
    owner: str


@dataclass(frozen=True)
class Named:
    """A person the case names as an owner, with their role and organisation."""

    name: str
    title: str
    organisation: str


@dataclass(frozen=True)
class Management:
    risk_approach: str
    risks: tuple[RaidRow, ...]
    """The open risks and issues, highest score first."""
    communications: tuple[Communication, ...]
    groups: tuple[Group, ...]
    roles: tuple[Role, ...]
    no_actions: str = ""
    """The open risks and issues without actions, in one sentence below their table."""
    people: tuple[Named, ...] = ()
    """Everyone the case names as an owner or a chair, with their role and organisation, so
    a name in a table ("E. Grant") is never without who they are."""


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
    """Funding future funders have committed."""
    engaged: str
    """Funding funders have engaged with but not yet committed (committed kept apart)."""
    has_engaged: bool
    """Whether any funder has engaged or committed funding."""
    cost_text: str = ""
    """The estimated cost with what it covers: "£1,300,000 (the annual cost of …)"."""
    funding: str = ""
    """Committed and engaged funding in one sentence, each against the cost it pays for:
    "the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and outcome monitoring has
    no committed or engaged funding; the £1,300,000 for external foster placements in 2012/13
    is engaged, with the budget decision on 16 February 2012" (finance.funding_words)."""
    piloted: bool = True
    """Whether the pilot has begun (its start date passed, or a pilot milestone completed):
    only then is the service "the preferred option tested in the pilot"."""
    piloting: bool = False
    """Whether the pilot is still running on the paper's date: the option is "being tested
    in the pilot", not yet "tested"."""


@dataclass(frozen=True)
class Evaluation:
    evaluator: str
    start: str
    end: str
    approach: str
    summary: str
    issues: tuple[RaidRow, ...]
    interim: str = ""
    """Before the evaluation ends: that its findings are interim, as at the paper's date."""
    no_actions: str = ""
    """Left empty: the open issues without actions are said once, below the management
    case's risks and issues (`Management.no_actions`)."""


def named(project: Project) -> tuple[Named, ...]:
    """The people the business case names (owners of milestones, RAID entries, benefits,
    goals and communications; the groups' chairs and members; the roles' holders, such as the
    author; those giving and receiving knowledge; the partners' signatories in the sign-off
    table), in the order partners.yaml lists them."""
    from ..signoff import position, signatures

    ids: set[str] = set()
    ids.update(m for g in project.psp.governance.groups for m in g.members)
    ids.update(r.person for r in project.psp.roles if r.person)
    signing = {
        (s.partner, s.name)
        for document in ("outline_business_case", "full_business_case")
        for s in signatures(project, document)
    }
    ids.update(m.owner for m in project.milestones.milestones if m.owner)
    ids.update(r.owner for r in project.risks.risks if r.owner)
    ids.update(b.owner for b in project.benefits.benefits if b.owner)
    ids.update(g.owner for g in project.goals.goals if g.owner)
    ids.update(c.owner for c in project.stakeholders.communications if c.owner)
    ids.update(g.chair for g in project.psp.governance.groups if g.chair)
    for t in project.knowledge.transfers:
        ids.update(x for x in (t.from_, *t.to) if x)
    return tuple(
        Named(person.name, position(person.title or "", partner.name), partner.name)
        for partner in project.partners.partners
        for person in partner.people
        if person.id in ids or (partner.name, person.name) in signing
    )


def _cell(text: str) -> str:
    """A table cell as the other cells are written: a capital first letter ("Quarterly",
    "Newsletter"), the rest as the folder has it."""
    return text[:1].upper() + text[1:]


def management(project: Project, as_of: date) -> Management:
    from ....analysis.common import natural_key, reporting_period

    names = owner_names(project)
    matrix = project.psp.risk_matrix
    operational = [g for g in project.psp.governance.groups if g.cadence in OPERATIONAL_CADENCES]
    entries = [r for r in raid_rows(project, as_of) if r.open and r.type in ("Risk", "Issue")]
    entries.sort(key=lambda r: (-r.score, natural_key(r.id)))
    every = project.risks.risks
    gaps = [
        what
        for what, missing in (
            ("an owner", sum(1 for r in every if r.owner is None)),
            ("actions", sum(1 for r in every if not r.actions)),
            ("a review date", sum(1 for r in every if r.review is None)),
        )
        if missing
    ]
    kept = (
        "each with an owner, actions and a review date"
        if not gaps
        else "each to have an owner, actions and a review date (not every entry has "
        + (", ".join(gaps[:-1]) + " or " + gaps[-1] if len(gaps) > 1 else gaps[0])
        + " yet)"
    )
    approach = (
        f"Risks, assumptions, issues and dependencies are kept in the RAID log, {kept}, and "
        "scored likelihood × impact on 1–5 scales: "
        f"green below {matrix.amber}, amber from {matrix.amber}, red from {matrix.red}. "
        + (
            f"The log is reviewed at each meeting of the {operational[0].name}, and the "
            if operational
            else "The "
        )
        + "key risks and issues go to the "
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
                method=_cell(c.method or ""),
                frequency=_cell(c.frequency or ""),
                messages=_cell(c.messages or ""),
                action=_cell(c.action or ""),
                owner=names.get(c.owner, c.owner) if c.owner else NO_OWNER,
            )
            for c in project.stakeholders.communications
        ),
        groups=groups(project),
        roles=roles(project),
        no_actions=no_actions(entries),
        people=named(project),
    )


def _scope(scope: str | None) -> str:
    """The scope as the service model states it: labelled, unless it labels itself ("In
    scope: …")."""
    if not scope:
        return ""
    return scope if scope.lower().startswith(("in scope", "scope")) else f"Scope: {scope}"


def service(project: Project, preferred: OptionRow | None, as_of: date | None = None) -> Service:
    currency = project.psp.currency
    pilot = project.psp.pilot
    piloted = (
        as_of is not None and pilot is not None and pilot.start is not None and pilot.start <= as_of
    ) or any(m.stage == "pilot" and m.completed is not None for m in project.milestones.milestones)
    from .finance import budget_decision, funder_amount, funding_words

    sustain = project.sustainability
    money_funders = [f for f in sustain.funders if not f.in_kind]
    committed = sum(f.amount or 0.0 for f in money_funders if f.status == "committed")
    engaged = sum(f.amount or 0.0 for f in money_funders if f.status == "engaged")
    return Service(
        name=preferred.name if preferred else "",
        piloted=piloted,
        description=preferred.description if preferred else "",
        cost=preferred.cost if preferred else "",
        scope=_scope(project.psp.scope),
        route=ROUTE_PHRASES.get(sustain.route or "", ""),
        summary=sustain.summary or "",
        marketing=sustain.marketing or "",
        funders=tuple(
            Funder(
                name=f.name,
                status=f.status.capitalize() + (" (in kind)" if f.in_kind else ""),
                amount=funder_amount(f, currency, project.psp.financial_year_start),
                budget_cycle=budget_decision(f),
                notes=f.notes or "",
            )
            for f in sustain.funders
        ),
        committed=money(committed, currency),
        engaged=money(engaged, currency),
        has_engaged=bool(engaged or committed),
        funding=funding_words(project, preferred.id if preferred else None, as_of),
        cost_text=(
            preferred.cost
            + (
                f", {project.options.cost_covers}"
                if project.options.cost_covers
                else "; what it covers is not yet recorded"
            )
            if preferred and preferred.cost
            else ""
        ),
        piloting=piloted
        and pilot is not None
        and as_of is not None
        and (pilot.end is None or pilot.end > as_of),
    )


def evaluation(
    project: Project, as_of: date, summary: str, signing: date | None = None
) -> Evaluation:
    """The evaluation's approach and findings; before it ends, that they are interim, and
    where the partners are to sign the case off (`signing`, the planned sign-off meeting)
    before it ends, that they sign on these interim findings."""
    found = project.sustainability.evaluation
    issues = raid_rows(project, as_of, "issue")
    return Evaluation(
        evaluator=(found.evaluator or "") if found else "",
        start=long_date(found.start) if found else "",
        end=long_date(found.end) if found else "",
        approach=(found.approach or "") if found else "",
        summary=summary,
        issues=issues,
        # the open issues' actions, or their lack, are said once, in the management case
        interim=(
            f"These findings are interim, as at {long_date(as_of)}: the evaluation runs to "
            f"{long_date(found.end)}"
            + (
                f", after the partners are to sign this case off on {long_date(signing)}, so "
                "they sign it on interim findings."
                if signing is not None and signing < found.end
                else "."
            )
            if found is not None and found.end is not None and found.end > as_of
            else ""
        ),
    )
