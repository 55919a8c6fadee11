"""The chase list: everything someone owes the partnership, by owner, overdue first.

What the project manager goes through before each meeting and sends out after it: open
actions on risks, milestone tasks, actions agreed at meetings and knowledge transfers; risk
reviews falling due; benefits' measurements falling due by their KPIs' cadence; sign-offs the
stage (and any stage before it) still needs; and funders' budget-cycle dates coming up, while
there is still time to engage them. Every action carries a reference a person can
read off the list and give to `psp action done` (`R7.2`, `M13.1`, `GG-2011-06.1`, `K4`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..analysis.common import CADENCE_PERIODS, reporting_period
from ..model import STAGES, Project
from ..vocabulary import DOCUMENT_TITLES
from .people import owner_names

DEFAULT_WITHIN = 30
"""Days ahead the chase list looks by default: what falls due before the next monthly
meeting, and a governance meeting's papers a month ahead."""

STAGE_SIGN_OFFS: dict[str, tuple[tuple[str, str], ...]] = {
    "create": (("mou", "every partner"),),
    "design": (("outline_business_case", "every partner"),),
    "pilot": (("pilot_plan", "every partner"), ("full_business_case", "the lead partner")),
    "sustain": (("sustainability_plan", "the funders"),),
}
"""The documents each stage's gate asks to be signed before the partnership leaves it, and by
whom (analysis/gate.py): every partner, the lead partner, or the public partners willing to
fund the service."""


@dataclass(frozen=True)
class ChaseItem:
    """One thing someone is to do, with the reference that names it."""

    ref: str
    kind: str
    """What it is: "risk action", "task", "meeting action", "knowledge transfer", "risk
    review", "measurement", "sign-off" or "budget cycle"."""
    what: str
    owner: str | None
    owner_name: str
    due: date | None
    overdue_days: int
    """Days past its due date as at the list's date; 0 when not overdue or undated."""

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(frozen=True)
class ChaseList:
    as_of: date
    within: int
    owner: str | None
    items: tuple[ChaseItem, ...]

    @property
    def overdue(self) -> int:
        return sum(item.overdue for item in self.items)

    def by_owner(self) -> list[tuple[str, list[ChaseItem]]]:
        """The items grouped under each owner's name, in the list's order."""
        groups: dict[str, list[ChaseItem]] = {}
        for item in self.items:
            groups.setdefault(item.owner_name, []).append(item)
        return list(groups.items())


UNOWNED = "No owner"


def chase_list(
    project: Project, as_of: date, *, within: int = DEFAULT_WITHIN, owner: str | None = None
) -> ChaseList:
    """Everything open, overdue or falling due within `within` days of `as_of`, by owner
    (by name, the unowned last), each owner's overdue items first, then by due date.

    Open actions with no due date are listed too: they are the ones most easily forgotten.
    `owner` keeps one person's items, or a partner's and its people's.
    """
    names = owner_names(project)
    horizon = as_of + timedelta(days=within)
    found: list[ChaseItem] = []

    def add(ref: str, kind: str, what: str, who: str | None, due: date | None) -> None:
        if due is not None and due > horizon:
            return
        late = (as_of - due).days if due is not None and due < as_of else 0
        name = names.get(who, who) if who else UNOWNED
        found.append(ChaseItem(ref, kind, what, who, name, due, late))

    for risk in project.risks.risks:
        if risk.status != "open":
            continue
        for j, action in enumerate(risk.actions):
            if not action.done:
                add(f"{risk.id}.{j + 1}", "risk action", action.action, action.owner, action.due)
        if risk.review is not None:
            review = f"Review {risk.type} {risk.id}: {risk.title}"
            add(risk.id, "risk review", review, risk.owner, risk.review)
    for ms in project.milestones.milestones:
        if ms.completed is not None:
            continue
        for j, task in enumerate(ms.tasks):
            if not task.done:
                add(f"{ms.id}.{j + 1}", "task", task.title, task.owner, task.due)
    for meeting in project.meetings.meetings:
        for j, agreed in enumerate(meeting.actions):
            if not agreed.done:
                ref = f"{meeting.id}.{j + 1}"
                add(ref, "meeting action", agreed.action, agreed.owner, agreed.due)
    for transfer in project.knowledge.transfers:
        if transfer.status != "done":
            add(transfer.id, "knowledge transfer", transfer.topic, transfer.owner, transfer.due)
    for item in _measurements(project):
        add(*item)
    for item in _sign_offs(project):
        add(*item)
    lead = next((r.person for r in project.psp.roles if r.role == "sustainability_lead"), None)
    for funder in project.sustainability.funders:
        cycle = funder.budget_cycle
        if cycle is None or funder.status == "declined" or cycle < as_of:
            continue
        add(funder.id, "budget cycle", f"{funder.name} sets its budget", lead, cycle)

    if owner is not None:
        people = project.people()
        found = [
            i
            for i in found
            if i.owner == owner or (i.owner in people and people[i.owner][1] == owner)
        ]
    found.sort(
        key=lambda i: (
            i.owner is None,
            i.owner_name.lower(),
            not i.overdue,
            i.due is None,
            i.due or date.max,
            i.ref,
        )
    )
    return ChaseList(as_of, within, owner, tuple(found))


Item = tuple[str, str, str, str | None, date | None]


def _measurements(project: Project) -> list[Item]:
    """The next measurement of each benefit: a KPI's `cadence` (default: the reporting
    period) after its last measurement, or after the pilot's (else the partnership's) start
    when it has none. None for a benefit measured as needed, or measured on or after its
    target date; the reference is the benefit's id, as `psp benefit record` takes it."""
    period = reporting_period(project)
    pilot = project.psp.pilot.start if project.psp.pilot else None
    items: list[Item] = []
    for benefit in project.benefits.benefits:
        if benefit.cadence == "as_needed":
            continue
        every = CADENCE_PERIODS.get(benefit.cadence or "", period)
        measured = [m.date for m in benefit.measurements]
        last = max(measured) if measured else (pilot or project.psp.start)
        if last is None or (benefit.target_date and measured and last >= benefit.target_date):
            continue
        what = f"Measure {benefit.kpi or benefit.title}"
        items.append((benefit.id, "measurement", what, benefit.owner, every.after(last)))
    return items


def _sign_offs(project: Project) -> list[Item]:
    """A sign-off each partner still owes for the documents the gates of the stage and of the
    stages before it ask for, owned by the partner's signatory where it has exactly one, due
    when that stage's last milestone is. It has no reference: `psp sign` records it."""
    if project.psp.stage not in STAGE_SIGN_OFFS:
        return []
    reached = STAGES[: STAGES.index(project.psp.stage) + 1]
    signed = {(a.document, a.partner) for a in project.psp.approvals if a.date is not None}
    partners = project.partners.partners
    signers = {
        "every partner": partners,
        "the lead partner": [p for p in partners if p.lead],
        "the funders": [p for p in partners if p.sector == "public" and p.potential_funder],
    }
    items: list[Item] = []
    for stage in reached:
        ends = [m.due for m in project.milestones.milestones if m.stage == stage and m.due]
        due = max(ends) if ends else None
        for document, by in STAGE_SIGN_OFFS.get(stage, ()):
            for partner in signers[by]:
                if (document, partner.id) in signed:
                    continue
                signatories = [p.id for p in partner.people if p.signatory]
                who = signatories[0] if len(signatories) == 1 else partner.id
                title = DOCUMENT_TITLES[document]
                items.append(("", "sign-off", f"Sign the {title} for {partner.name}", who, due))
    return items
