"""Sections every paper about the partnership prints: who it is, its roles and its groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from ...model.partnership import GovernanceGroup
from ...vocabulary import CADENCE_PHRASES
from ..formatting import long_date
from ..people import owner_names, role_label


@dataclass(frozen=True)
class Partnership:
    """The partnership as psp.yaml describes it, dates written out."""

    name: str
    id: str
    stage: str
    start: str
    end: str
    currency: str
    vision: str
    purpose: str
    scope: str
    objectives: tuple[str, ...]
    values: tuple[str, ...]
    funding: str
    as_of: str
    """The date the paper is written as at."""


@dataclass(frozen=True)
class Role:
    role: str
    person: str
    """Who holds it, with their partner: "L. Baird (Falkirk Council)"."""
    note: str


@dataclass(frozen=True)
class Group:
    """A governance group: how often it meets, its chair and members by name."""

    name: str
    cadence: str
    """As a sentence says it: "quarterly", "every two weeks"."""
    chair: str
    members: tuple[str, ...]
    remit: str


def partnership(project: Project, as_of: date) -> Partnership:
    psp = project.psp
    return Partnership(
        name=psp.name,
        id=psp.id,
        stage=psp.stage,
        start=long_date(psp.start),
        end=long_date(psp.end),
        currency=psp.currency,
        vision=psp.vision or "",
        purpose=psp.purpose or "",
        scope=psp.scope or "",
        objectives=tuple(psp.objectives),
        values=tuple(psp.values),
        funding=psp.funding or "",
        as_of=long_date(as_of),
    )


def roles(project: Project) -> tuple[Role, ...]:
    who = owner_names(project, with_partner=True)
    return tuple(
        Role(
            role=role_label(project, r.role, r.person),
            person=who.get(r.person, r.person),
            note=r.note or "",
        )
        for r in project.psp.roles
    )


def groups(project: Project) -> tuple[Group, ...]:
    who = owner_names(project, with_partner=True)
    return tuple(
        Group(
            name=g.name,
            cadence=CADENCE_PHRASES.get(g.cadence or "", "as agreed"),
            chair=who.get(g.chair, g.chair) if g.chair else "Not yet chosen",
            members=tuple(who.get(m, m) for m in g.members),
            remit=g.remit or "",
        )
        for g in project.psp.governance.groups
    )


def _signing_group(project: Project) -> GovernanceGroup | None:
    ranked = sorted(
        project.psp.governance.groups,
        key=lambda g: (g.id != "governance-group", "governance" not in g.id),
    )
    return ranked[0] if ranked else None


def governance_group(project: Project) -> str:
    """The group that signs papers off: the governance group as `reporting_period` finds it,
    else the first group."""
    group = _signing_group(project)
    return group.name if group else "Meeting of the partners"


def governance_group_id(project: Project) -> str | None:
    """The id of the group `governance_group` names, or None without groups."""
    group = _signing_group(project)
    return group.id if group else None
