"""The minutes of a meeting (Word): who came and from where, apologies, decisions with what
they change, and actions with owner and date, for the chair to approve at the next meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    )


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
