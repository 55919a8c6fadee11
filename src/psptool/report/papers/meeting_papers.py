"""What the agenda and the minutes of a meeting are built from (meetings.yaml): the meeting,
who came and from where, what was decided and who agreed to do what by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...errors import UserError
from ...model import Project
from ...model.meeting import Decision, Meeting
from ...vocabulary import CADENCE_PHRASES, MEETING_STATUS_LABELS, RAID_TYPE_LABELS
from ..formatting import long_date
from ..people import owner_names
from ..wording import NO_OWNER, action_state
from .signoff import position


@dataclass(frozen=True)
class MeetingDetails:
    id: str
    group: str
    """The group's name: "PSP Governance Group"."""
    partnership: str
    date: str
    time: str
    location: str
    status: str
    chair: str
    cadence: str
    """How often the group meets, in words: "quarterly"."""


@dataclass(frozen=True)
class Present:
    name: str
    organisation: str
    title: str


@dataclass(frozen=True)
class DecisionRow:
    id: str
    decision: str
    rationale: str
    affects: str
    """The records it changes, by kind and title: "Risk: Fewer pilot placements; Milestone:
    Pilot ends"."""
    number: str = ""
    """Its place among the meeting's decisions, "1", as the minutes number them: a chair
    reads a decision by its number and title, not by its id in meetings.yaml (D9)."""


@dataclass(frozen=True)
class ActionRow:
    ref: str
    """`GG-2011-06.1`, as `psp action done` takes it; the papers show `number`."""
    action: str
    owner: str
    due: str
    state: str
    """"Done on 8 April 2011", "Overdue", "Not yet due" or "Open" (no due date) as at the
    paper's date (`wording.action_state`)."""
    number: str = ""
    """Its place among the meeting's actions, "1", as the papers number them."""


def find_meeting(project: Project, meeting_id: str) -> Meeting:
    for meeting in project.meetings.meetings:
        if meeting.id == meeting_id:
            return meeting
    known = ", ".join(m.id for m in project.meetings.meetings[-5:]) or "none yet"
    raise UserError(f"no meeting '{meeting_id}' in meetings.yaml (the latest: {known})")


def details(project: Project, meeting: Meeting) -> MeetingDetails:
    names = owner_names(project)
    group = next((g for g in project.psp.governance.groups if g.id == meeting.group), None)
    return MeetingDetails(
        id=meeting.id,
        group=group.name if group else meeting.group,
        partnership=project.psp.name,
        date=long_date(meeting.date),
        time=meeting.time or "",
        location=meeting.location or "",
        status=MEETING_STATUS_LABELS[meeting.status],
        chair=names.get(group.chair, group.chair) if group and group.chair else "",
        cadence=CADENCE_PHRASES[group.cadence] if group and group.cadence else "",
    )


def people(project: Project, ids: list[str]) -> tuple[Present, ...]:
    """The people named, each with their organisation and title, in the order given; a title
    ending in the organisation's name drops it, as the organisation has its own column
    ("Director, FCA Scotland" of FCA Scotland is "Director")."""

    everyone = project.people()
    partners = {p.id: p.name for p in project.partners.partners}
    rows = []
    for pid in ids:
        person, partner = everyone.get(pid, (None, ""))
        if person is None:
            rows.append(Present(pid, "", ""))
        else:
            organisation = partners.get(partner, partner)
            title = position(person.title or "", organisation)
            rows.append(Present(person.name, organisation, title))
    return tuple(rows)


def decisions(project: Project, meeting: Meeting) -> tuple[DecisionRow, ...]:
    return tuple(
        DecisionRow(
            d.id, d.decision, rationale(project, d), "; ".join(affected(project, d)), str(j + 1)
        )
        for j, d in enumerate(meeting.decisions)
    )


def affected(project: Project, decision: Decision) -> list[str]:
    """What a decision changes, each record by its kind and title: "Risk: Recruitment of
    carers", "Milestone: Framework agreement awarded", "Option: Shared booking line"."""
    raid = {r.id: f"{RAID_TYPE_LABELS[r.type]}: {r.title}" for r in project.risks.risks}
    kinds = (
        (decision.risks, raid),
        (
            decision.milestones,
            {m.id: f"Milestone: {m.title}" for m in project.milestones.milestones},
        ),
        (decision.goals, {g.id: f"Goal: {g.title}" for g in project.goals.goals}),
        (decision.benefits, {b.id: f"Benefit: {b.title}" for b in project.benefits.benefits}),
        (decision.options, {o.id: f"Option: {o.name}" for o in project.options.options}),
    )
    return [named[ref] for refs, named in kinds for ref in refs if ref in named]


def meeting_name(project: Project, meeting: Meeting) -> str:
    """A meeting as a paper names it: its group and date, "PSP Governance Group, 24 June
    2011"."""
    group = next((g.name for g in project.psp.governance.groups if g.id == meeting.group), None)
    return f"{group or 'Meeting'}, {long_date(meeting.date)}"


NO_RATIONALE = "No reason was recorded."
"""A decision's reason where neither it nor the option it chooses gives one (`psp validate`
warns, PSP508)."""


def rationale(project: Project, decision: Decision) -> str:
    """Why the meeting decided, from the records (`decision_rationale`), or plainly none."""
    from ...analysis.decisions import decision_rationale

    return decision_rationale(project, decision) or NO_RATIONALE


def actions(project: Project, meeting: Meeting, as_of: date) -> tuple[ActionRow, ...]:
    names = owner_names(project)
    rows = []
    for j, a in enumerate(meeting.actions):
        state = action_state(a.done, a.completed, a.due, as_of)
        owner = names.get(a.owner, a.owner) if a.owner else NO_OWNER
        rows.append(
            ActionRow(f"{meeting.id}.{j + 1}", a.action, owner, long_date(a.due), state, str(j + 1))
        )
    return tuple(rows)


def previous(project: Project, meeting: Meeting) -> Meeting | None:
    """The last meeting of the same group held before this one: its minutes are approved and
    its actions reviewed at this one."""
    held = [
        m
        for m in project.meetings.meetings
        if m.group == meeting.group and m.status == "held" and m.date < meeting.date
    ]
    return max(held, key=lambda m: m.date) if held else None


def following(project: Project, meeting: Meeting) -> Meeting | None:
    """The group's next meeting on record after this one, not cancelled."""
    later = [
        m
        for m in project.meetings.meetings
        if m.group == meeting.group and m.status != "cancelled" and m.date > meeting.date
    ]
    return min(later, key=lambda m: m.date) if later else None
