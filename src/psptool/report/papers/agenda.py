"""The agenda of a meeting (Word), sent out a week before: the meeting's details, apologies
received, the last meeting's minutes for approval and the actions arising from them with
their state, the business, decisions the group is asked for, risks for escalation, any other
business and the date of the next meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..formatting import long_date
from . import CheckedFolder, Option, Paper
from .meeting_papers import (
    ActionRow,
    MeetingDetails,
    Present,
    actions,
    details,
    find_meeting,
    following,
    people,
    previous,
)


@dataclass(frozen=True)
class Escalation:
    id: str
    title: str
    score: int
    owner: str


@dataclass(frozen=True)
class Agenda:
    meeting: MeetingDetails
    apologies: tuple[Present, ...]
    previous: str
    """The last meeting of the group, for its minutes' approval: "GG-2011-03, 25 March 2011"."""
    actions_arising: tuple[ActionRow, ...]
    items: tuple[str, ...]
    decisions_needed: tuple[str, ...]
    escalations: tuple[Escalation, ...]
    summary: str
    """The highlight report's overall status in a sentence."""
    next_meeting: str
    as_of: str


def build(folder: CheckedFolder, as_of: date, *, meeting: str) -> Agenda:
    from ...analysis import score_risks
    from ..people import owner_names
    from ..status import status_report

    project = folder.project
    this = find_meeting(project, meeting)
    last = previous(project, this)
    nxt = following(project, this)
    report = status_report(project, as_of)
    names = owner_names(project)
    red = [r for r in score_risks(project, as_of).risks if r.rag == "red" and r.status == "open"]
    return Agenda(
        meeting=details(project, this),
        apologies=people(project, this.apologies),
        previous=f"{last.id}, {long_date(last.date)}" if last else "",
        actions_arising=actions(project, last, as_of) if last else (),
        items=tuple(this.agenda),
        decisions_needed=tuple(report.decisions),
        escalations=tuple(
            Escalation(r.id, r.title, r.score, names.get(r.owner or "", r.owner or "")) for r in red
        ),
        summary=f"Overall status {report.overall.upper()}: "
        + report.overall_rule.split(": ", 1)[-1].rstrip(".")
        + ".",
        next_meeting=long_date(nxt.date) if nxt else "",
        as_of=long_date(as_of),
    )


PAPER = Paper(
    name="agenda",
    kind="docx",
    title="Agenda",
    help="The agenda of a meeting, with the last minutes' actions and the decisions needed (Word).",
    stage="create",
    build=build,
    template="agenda.docx",
    options=(Option("meeting", "The meeting's id in meetings.yaml: GG-2011-09."),),
)
