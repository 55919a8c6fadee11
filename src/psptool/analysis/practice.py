"""The How to Guide's good practice as plain predicates, shared by the checks and the gates.

`psp validate` warns where a folder falls short of the guide (check/practice.py) and `psp
report gate` lists what a stage still lacks (analysis/gate.py); both decide it here, so a
rule cannot say one thing in a warning and another at the gate.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Milestone, Project
from ..model.goal import Goal, smart_gaps
from ..model.options import Option
from ..model.partner import Person
from ..model.partnership import Approval
from ..model.risk import Risk
from ..model.stakeholder import Stakeholder
from ..vocabulary import DOCUMENT_TITLES, Sector

PILOT_MONTHS = 12
"""The guide advises a pilot, and its evaluation, of at least twelve months (§4.5.2)."""

PSP_SECTORS: tuple[Sector, ...] = ("public", "third")
"""A PSP is a partnership of public and third-sector bodies: it needs one of each."""


def missing_sectors(project: Project) -> list[Sector]:
    """The sectors of `PSP_SECTORS` no partner is in."""
    sectors = {x.sector for x in project.partners.partners}
    return [s for s in PSP_SECTORS if s not in sectors]


def potential_funders(project: Project) -> list[str]:
    """Public partners willing to consider funding the service after the pilot."""
    return [x.id for x in project.partners.partners if x.sector == "public" and x.potential_funder]


def lead_partners(project: Project) -> list[str]:
    return [x.id for x in project.partners.partners if x.lead]


def benefit_goals(project: Project) -> set[str]:
    """The goals some benefit measures: a goal is Relevant when one does."""
    return {b.goal for b in project.benefits.benefits if b.goal}


def goal_gaps(project: Project, goal: Goal, linked: bool) -> dict[str, str]:
    """The SMART letters `goal` fails and why; `linked`: a benefit measures it."""
    return smart_gaps(goal, project.psp.start, project.psp.end, linked)


def needs_owner(risk: Risk) -> bool:
    """An open RAID entry nobody answers for."""
    return risk.status == "open" and risk.owner is None


def needs_action(risk: Risk) -> bool:
    """An open risk or issue with nothing being done about it (assumptions and dependencies
    are watched rather than acted on)."""
    return risk.status == "open" and risk.type in ("risk", "issue") and not risk.actions


def review_overdue(risk: Risk, as_of: date) -> bool:
    return risk.status == "open" and risk.review is not None and risk.review < as_of


def overdue_actions(risk: Risk, as_of: date) -> list[int]:
    """The positions of an open entry's actions that are not done and past their due date."""
    if risk.status != "open":
        return []
    return [
        i for i, a in enumerate(risk.actions) if not a.done and a.due is not None and a.due < as_of
    ]


def do_nothing_options(options: list[Option]) -> list[int]:
    """The positions of the options marked do nothing: there should be exactly one."""
    return [i for i, o in enumerate(options) if o.do_nothing]


def signs_at_director_level(people: dict[str, tuple[Person, str]], approval: Approval) -> bool:
    """The approval is given by a Director-level person of the partner it is given for (the
    guide asks for senior sponsorship, Director level or above, on the MoU)."""
    entry = people.get(approval.person or "")
    return entry is not None and entry[1] == approval.partner and entry[0].director_level


def unrated(stakeholder: Stakeholder) -> list[str]:
    """Which of interest and influence a stakeholder has no rating for."""
    return [k for k in ("interest", "influence") if getattr(stakeholder, k) is None]


def transfers_outstanding(project: Project) -> list[str]:
    """The knowledge transfers (guide §7.4) not yet done: the partners cannot sustain what
    they have not passed on to each other."""
    return [t.id for t in project.knowledge.transfers if t.status != "done"]


def decided_preference(project: Project, as_of: date) -> tuple[str, str, date, str] | None:
    """The preferred option as the partners chose it: options.yaml's `preferred`, else the
    latest decision, at a meeting held on or before `as_of`, that names exactly one option
    other than doing nothing (`decisions[].options`). Returns the option's id and, for a
    decision, its id, the meeting's date and its group's id (empty for options.yaml's); None
    when neither chooses one."""
    known = {o.id: o for o in project.options.options}
    if project.options.preferred in known:
        return project.options.preferred, "", as_of, ""
    found: tuple[str, str, date, str] | None = None
    held = sorted(
        (m for m in project.meetings.meetings if m.status == "held" and m.date <= as_of),
        key=lambda m: m.date,
    )
    for meeting in held:
        for decision in meeting.decisions:
            named = [i for i in decision.options if i in known and not known[i].do_nothing]
            if len(named) == 1:
                found = named[0], decision.id, meeting.date, meeting.group
    return found


def delivers(m: Milestone) -> str | None:
    """The paper milestone `m` delivers: its `document`, else the business case its title
    names ("Full business case agreed")."""
    if m.document is not None:
        return m.document
    for document in ("full_business_case", "outline_business_case"):
        if DOCUMENT_TITLES[document].lower() in m.title.lower():
            return document
    return None


def add_months(when: date, months: int) -> date:
    """`when` so many months on, on the same day of the month or the month's last day."""
    year, month = divmod(when.month - 1 + months, 12)
    year += when.year
    for day in range(when.day, 27, -1):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    return date(year, month + 1, min(when.day, 28))


def pilot_earliest_end(project: Project, as_of: date) -> date | None:
    """See `PlanAnalysis.pilot_earliest_end`: a pilot from 1 October 2010 ends on 30
    September 2011 at the earliest; one that can start only after an outline business case
    signed off on 20 August 2026 ends on 20 August 2027 at the earliest."""
    milestones = project.milestones.milestones
    if not any(delivers(m) == "full_business_case" for m in milestones):
        return None
    pilot = project.psp.pilot
    if pilot is not None and pilot.start is not None:
        start = pilot.start
    else:
        outline = [
            when
            for m in milestones
            if delivers(m) == "outline_business_case" and (when := m.completed or m.due)
        ]
        title = DOCUMENT_TITLES["outline_business_case"].lower()
        meetings = [
            g.date
            for g in project.meetings.meetings
            if g.status == "planned"
            and g.date > as_of
            and any(title in item.lower() for item in g.agenda)
        ]
        signed = min(outline) if outline else min(meetings) if meetings else as_of
        start = max(as_of, signed) + timedelta(days=1)
    return add_months(start, PILOT_MONTHS) - timedelta(days=1)
