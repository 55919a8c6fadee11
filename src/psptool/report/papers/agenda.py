"""The agenda of a meeting (Word), sent out a week before: the meeting's details, apologies
received, the last meeting's minutes for approval and the actions arising from them with
their state, the business, decisions the group is asked for, risks for escalation, any other
business and the date of the next meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from ...model.meeting import Meeting
from ...vocabulary import RAID_TYPE_LABELS
from ..formatting import long_date
from ..wording import NO_OWNER
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
    review: str = ""
    """When it is next reviewed: "1 May 2026 (overdue)", "Not set"."""
    kind: str = ""
    """What the entry is, as a paper names it: "Risk", "Issue" (the agenda names no ids)."""


@dataclass(frozen=True)
class Agenda:
    meeting: MeetingDetails
    apologies: tuple[Present, ...]
    previous: str
    """The date of the group's last meeting, for its minutes' approval: "25 March 2011"."""
    to_confirm: str
    """What of the meeting's arrangements meetings.yaml does not give yet, in a sentence:
    "The time and venue are not yet set."; empty when both are given."""
    other_business: str
    """Who items of any other business go to: the chair, else the project manager."""
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
    from ..status import GATE_BELOW, GATE_IN_REPORT, status_report

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
        previous=long_date(last.date) if last else "",
        to_confirm=to_confirm(this),
        other_business=other_business(project, this),
        actions_arising=actions(project, last, as_of) if last else (),
        items=tuple(this.agenda),
        # the agenda holds no stage gate: its reasons are in the highlight report
        decisions_needed=tuple(d.replace(GATE_BELOW, GATE_IN_REPORT) for d in report.decisions),
        escalations=tuple(
            Escalation(
                r.id,
                r.title,
                r.score,
                names.get(r.owner, r.owner) if r.owner else NO_OWNER,
                review_text(r.review, as_of),
                RAID_TYPE_LABELS[r.type],
            )
            for r in red
        ),
        summary=f"Overall status: {report.overall_rule}",
        next_meeting=long_date(nxt.date) if nxt else "",
        as_of=long_date(as_of),
    )


def review_text(review: date | None, as_of: date) -> str:
    """A RAID entry's next review as the agenda writes it: "1 May 2026 (overdue)" before the
    paper's date, "Not set" with none."""
    if review is None:
        return "Not set"
    return long_date(review) + (" (overdue)" if review < as_of else "")


def to_confirm(meeting: Meeting) -> str:
    """The arrangements not yet set, said plainly: the agenda never leaves them out silently
    (`psp validate` warns, PSP507)."""
    missing = [
        what for what, given in (("time", meeting.time), ("venue", meeting.location)) if not given
    ]
    if not missing:
        return ""
    verb = "is" if len(missing) == 1 else "are"
    return f"The {' and '.join(missing)} {verb} not yet set."


def other_business(project: Project, meeting: Meeting) -> str:
    """Where items of any other business go before the meeting: to the group's chair; where
    it has none, to the project manager (the agenda's heading has said there is no chair:
    the gap is stated once)."""
    from ..people import owner_names

    names = owner_names(project)
    group = next((g for g in project.psp.governance.groups if g.id == meeting.group), None)
    if group is not None and group.chair:
        chair = names.get(group.chair, group.chair)
        return f"Items to be notified to {chair}, the chair, before the meeting."
    manager = next((r.person for r in project.psp.roles if r.role == "project_manager"), None)
    if manager:
        return (
            f"Items to be notified to {names.get(manager, manager)}, the project manager, "
            "before the meeting."
        )
    return "Items to be notified before the meeting."


PAPER = Paper(
    name="agenda",
    kind="docx",
    title="Agenda",
    help="The agenda of a meeting, with the last minutes' actions and the decisions needed (Word).",
    stage="create",
    build=build,
    template="agenda.docx",
    gaps=("PSP501", "PSP507"),
    options=(Option("meeting", "The meeting's id in meetings.yaml: GG-2011-09."),),
)
