"""The minutes of a meeting (Word): who came and from where, apologies, decisions with what
they change, and actions with owner and date, for the chair to approve at the next meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from ...model.meeting import Meeting
from ..formatting import long_date
from . import CheckedFolder, Option, Paper
from .meeting_papers import (
    ActionRow,
    DecisionRow,
    MeetingDetails,
    Present,
    actions,
    decisions,
    details,
    find_meeting,
    following,
    people,
)


@dataclass(frozen=True)
class Minutes:
    meeting: MeetingDetails
    attendees: tuple[Present, ...]
    apologies: tuple[Present, ...]
    agenda: tuple[str, ...]
    decisions: tuple[DecisionRow, ...]
    actions: tuple[ActionRow, ...]
    notes: str
    next_meeting: str
    as_of: str
    status: str = "Draft"
    """"Draft" until a later meeting of the group, held by the paper's date, approves them;
    then "Approved"."""
    approval: str = ""
    """The status in a sentence: "Draft: for approval at the next meeting of the PSP
    Governance Group, on 23 September 2011." or "Approved at the meeting of 23 September
    2011."."""


def build(folder: CheckedFolder, as_of: date, *, meeting: str) -> Minutes:
    from ...errors import UserError

    project = folder.project
    held = find_meeting(project, meeting)
    if held.status != "held":
        raise UserError(
            f"meeting {meeting} is {held.status}: minutes are of a meeting held "
            f"(psp meeting held {meeting} --attendees …)"
        )
    nxt = following(project, held)
    status, approval = approval_of(project, held, as_of)
    return Minutes(
        meeting=details(project, held),
        attendees=people(project, held.attendees),
        apologies=people(project, held.apologies),
        agenda=tuple(held.agenda),
        decisions=decisions(project, held),
        actions=actions(project, held, as_of),
        notes=held.notes or "",
        next_meeting=long_date(nxt.date) if nxt else "",
        as_of=long_date(as_of),
        status=status,
        approval=approval,
    )


def approval_of(project: Project, held: Meeting, as_of: date) -> tuple[str, str]:
    """Minutes are a draft until the group's next meeting approves them: approved once a
    later meeting of the group is held on or before `as_of`."""
    later = [
        m
        for m in project.meetings.meetings
        if m.group == held.group and m.status == "held" and held.date < m.date <= as_of
    ]
    if later:
        approving = min(later, key=lambda m: m.date)
        return "Approved", f"Approved at the meeting of {long_date(approving.date)}."
    group = next((g.name for g in project.psp.governance.groups if g.id == held.group), None)
    of = f" of the {group}" if group else ""
    nxt = following(project, held)
    on = f", on {long_date(nxt.date)}" if nxt else ""
    return "Draft", f"Draft: for approval at the next meeting{of}{on}."


PAPER = Paper(
    name="minutes",
    kind="docx",
    title="Minutes",
    help="The minutes of a meeting held: attendees, apologies, decisions and actions (Word).",
    stage="create",
    build=build,
    template="minutes.docx",
    gaps=("PSP508",),
    options=(Option("meeting", "The meeting's id in meetings.yaml: GG-2011-06."),),
)
