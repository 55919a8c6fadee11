"""`psp meeting add|held|action`, `psp decision add` and `psp action done`: recording
meetings, what they decided and who agreed to do what, and marking actions done."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .edit import DateOption, DryRunOption, IdArgument, _group, report
from .options import AsOfOption, ProjectOption, as_of_date, parse_date

Ids = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="Ids separated by commas: R7,R9.", show_default=False),
]


def _ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def meeting_add_command(
    group: Annotated[str, typer.Option("--group", help="The group's id (psp.yaml).")],
    day: Annotated[str, typer.Option("--date", help="YYYY-MM-DD.", show_default=False)],
    time: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--time", help="Start time, HH:MM.", show_default=False),
    ] = None,
    location: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--location", help="Where it meets.", show_default=False),
    ] = None,
    agenda: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--item", help="An agenda item (give --item again for each).", show_default=False
        ),
    ] = None,
    record_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--id", help="The meeting's id (default: GG-2011-06 style).", show_default=False
        ),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Plan a meeting of a group."""
    from ..edit.meetings import add_meeting

    when = parse_date(day, "--date")
    assert when is not None  # a required option
    result = add_meeting(
        project, group=group, day=when, time=time, location=location, agenda=agenda,
        record_id=record_id, as_of=as_of_date(as_of), write=not dry_run,
    )  # fmt: skip
    report(result, dry_run)


def meeting_held_command(
    meeting: IdArgument,
    attendees: Annotated[str, typer.Option("--attendees", help="Person ids who came, by commas.")],
    apologies: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--apologies", help="Person ids who sent apologies.", show_default=False),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Record that a meeting was held, with who came and who sent apologies."""
    from ..edit.meetings import meeting_held

    result = meeting_held(
        project, meeting, attendees=_ids(attendees), apologies=_ids(apologies),
        as_of=as_of_date(as_of), write=not dry_run,
    )  # fmt: skip
    report(result, dry_run)


def meeting_action_command(
    meeting: IdArgument,
    action: Annotated[str, typer.Option("--action", help="What is to be done.")],
    owner: Annotated[str, typer.Option("--owner", help="A person or partner id.")],
    due: Annotated[str, typer.Option("--due", help="YYYY-MM-DD.", show_default=False)],
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Add an action agreed at a meeting."""
    from ..edit.meetings import add_meeting_action

    result = add_meeting_action(
        project, meeting, action=action, owner=owner, due=parse_date(due, "--due"),
        as_of=as_of_date(as_of), write=not dry_run,
    )  # fmt: skip
    report(result, dry_run)


def decision_add_command(
    meeting: Annotated[str, typer.Argument(metavar="MEETING", help="The meeting's id.")],
    decision: Annotated[str, typer.Option("--decision", help="What was decided.")],
    rationale: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--rationale", help="Why.", show_default=False),
    ] = None,
    risks: Ids = None,
    milestones: Ids = None,
    goals: Ids = None,
    benefits: Ids = None,
    options: Ids = None,
    record_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--id", help="The decision's id (default: the next D number).", show_default=False
        ),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Record a decision a meeting took, with the records it changes."""
    from ..edit.meetings import add_decision

    result = add_decision(
        project, meeting, decision=decision, rationale=rationale, risks=_ids(risks),
        milestones=_ids(milestones), goals=_ids(goals), benefits=_ids(benefits),
        options=_ids(options), record_id=record_id, as_of=as_of_date(as_of), write=not dry_run,
    )  # fmt: skip
    report(result, dry_run)


def action_done_command(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF", help="As the chase list shows it: R7.2, M13.1, GG-2011-06.1 or K4."
        ),
    ],
    when: DateOption = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Mark an action, task or knowledge transfer done (by the chase list's reference)."""
    from ..edit.actions import complete_action

    result = complete_action(
        project, ref, when=parse_date(when, "--date"), as_of=as_of_date(as_of),
        write=not dry_run,
    )  # fmt: skip
    report(result, dry_run)


meeting_app = _group(
    "meeting",
    "Plan and record meetings.",
    {"add": meeting_add_command, "held": meeting_held_command, "action": meeting_action_command},
)
decision_app = _group("decision", "Record meetings' decisions.", {"add": decision_add_command})
action_app = _group("action", "Mark actions done.", {"done": action_done_command})
