"""What the agenda and the minutes of a meeting are built from (meetings.yaml): the meeting,
who came and from where, what was decided and who agreed to do what by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...errors import UserError
from ...model import Project
from ...model.meeting import Decision, Meeting
from ...vocabulary import CADENCE_PHRASES, MEETING_STATUS_LABELS
from ..formatting import long_date
from ..people import owner_names
from ..wording import NO_OWNER, action_state


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
    """The records it changes, by id and title: "R7 Fewer pilot placements; M13 Pilot ends"."""


@dataclass(frozen=True)
class ActionRow:
    ref: str
    action: str
    owner: str
    due: str
    state: str
    """"Done on 8 April 2011", "Overdue", "Not yet due" or "Open" (no due date) as at the
    paper's date (`wording.action_state`)."""


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
    """The people named, each with their organisation and title, in the order given."""
    everyone = project.people()
    partners = {p.id: p.name for p in project.partners.partners}
    rows = []
    for pid in ids:
        person, partner = everyone.get(pid, (None, ""))
        if person is None:
            rows.append(Present(pid, "", ""))
        else:
            rows.append(Present(person.name, partners.get(partner, partner), person.title or ""))
    return tuple(rows)


def decisions(project: Project, meeting: Meeting) -> tuple[DecisionRow, ...]:
    titles = {r.id: r.title for r in project.risks.risks}
    titles |= {m.id: m.title for m in project.milestones.milestones}
    titles |= {g.id: g.title for g in project.goals.goals}
    titles |= {b.id: b.title for b in project.benefits.benefits}
    titles |= {o.id: o.name for o in project.options.options}
    return tuple(
        DecisionRow(
            d.id,
            d.decision,
            rationale(project, d),
            "; ".join(f"{ref} {titles.get(ref, '')}".strip() for ref in d.affects),
        )
        for d in meeting.decisions
    )


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
        rows.append(ActionRow(f"{meeting.id}.{j + 1}", a.action, owner, long_date(a.due), state))
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
