"""Editing commands: `psp risk …`, `psp milestone …`, `psp benefit record`, `psp sign mou`,
`psp partner add`, `psp goal add`.

Each parses its options, calls one function of `psptool.edit` (which changes only the lines
it must, and refuses a change that every check of `psp validate`, as at --as-of, finds adds
errors), and prints what changed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..vocabulary import RAID_STATUSES, RAID_TYPES, SECTORS, TERMS, choices, one_of
from .options import AsOfOption, ProjectOption, as_of_date, parse_date

DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="Show the change as a diff and check it, but write nothing."),
]
IdArgument = Annotated[
    str, typer.Argument(metavar="ID", help="The record's id.", show_default=False)
]


if TYPE_CHECKING:  # the choices are built from the vocabulary; to mypy, each is a StrEnum
    from ..edit import EditResult

    RaidType = StrEnum
    Status = StrEnum
    Sector = StrEnum
    Term = StrEnum
else:
    RaidType = choices("RaidType", RAID_TYPES)
    Status = choices("Status", RAID_STATUSES)
    Sector = choices("Sector", SECTORS)
    Term = choices("Term", TERMS)
A_RISK = RaidType("risk")
"""`psp risk add` adds a risk unless told otherwise."""


def _number(value: str, option: str) -> int | float:
    text = value.strip().replace(",", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    try:
        number = float(text)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a number", param_hint=option) from None
    if not math.isfinite(number):
        raise typer.BadParameter(f"'{value}' is not a finite number", param_hint=option)
    return number


def report(result: EditResult, dry_run: bool) -> None:
    """Print what an edit changed (with --dry-run, the diff first) and the warnings it added."""
    from ..render.diagnostics import location

    if dry_run and result.documents:
        typer.echo(result.diff(), nl=False)
    for change in result.changes:
        typer.echo(str(change))
    if not result.changes:
        typer.echo("nothing to change: the folder already says so")
    for warning in result.warnings:
        where = location(warning, result.root)
        typer.echo(f"{where}: {warning.code} warning {warning.message}", err=True)
    if dry_run and result.changes:
        typer.echo("dry run: nothing was written")


# --- psp risk -----------------------------------------------------------------------------


def risk_add_command(
    title: Annotated[str, typer.Option("--title", help="What could happen.", show_default=False)],
    owner: Annotated[
        str, typer.Option("--owner", help="A person or partner id.", show_default=False)
    ],
    likelihood: Annotated[int, typer.Option("--likelihood", min=1, max=5, help="1 to 5.")],
    impact: Annotated[int, typer.Option("--impact", min=1, max=5, help="1 to 5.")],
    raid_type: Annotated[RaidType, typer.Option("--type", help=f"{one_of(RAID_TYPES)}.")] = A_RISK,
    category: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--category", help="A category, e.g. partnership or finance."),
    ] = None,
    description: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--description", help="More about it: cause, effect."),
    ] = None,
    review: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--review", help="Next review date, YYYY-MM-DD.", show_default=False),
    ] = None,
    raised: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", help="Date raised (default: today).", show_default=False),
    ] = None,
    record_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--id", help="The id (default: the next free one, e.g. R7 or R-007)."),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Add an entry to the RAID log (risks.yaml), with the next free id."""
    if not title.strip():
        raise typer.BadParameter("a risk needs a title", param_hint="--title")
    from ..edit.risks import add_risk

    result = add_risk(
        project,
        title=title,
        kind=raid_type.value,
        owner=owner,
        likelihood=likelihood,
        impact=impact,
        category=category,
        description=description,
        review=parse_date(review, "--review"),
        raised=parse_date(raised, "--date"),
        record_id=record_id,
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def risk_update_command(
    risk_id: IdArgument,
    likelihood: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--likelihood", min=1, max=5, help="The new likelihood, 1 to 5."),
    ] = None,
    impact: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--impact", min=1, max=5, help="The new impact, 1 to 5."),
    ] = None,
    status: Annotated[
        Optional[Status],  # noqa: UP045
        typer.Option("--status", help="open, or closed (psp risk close also notes the date)."),
    ] = None,
    owner: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--owner", help="The new owner: a person or partner id."),
    ] = None,
    review: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--review", help="Next review date, YYYY-MM-DD.", show_default=False),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Change a RAID entry's likelihood, impact, status, owner or review date."""
    from ..edit.risks import update_risk

    result = update_risk(
        project,
        risk_id,
        likelihood=likelihood,
        impact=impact,
        status=status.value if status else None,
        owner=owner,
        review=parse_date(review, "--review"),
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def risk_action_command(
    risk_id: IdArgument,
    action: Annotated[str, typer.Option("--action", help="What will be done.", show_default=False)],
    owner: Annotated[str, typer.Option("--owner", help="Who does it.", show_default=False)],
    due: Annotated[str, typer.Option("--due", help="By when, YYYY-MM-DD.", show_default=False)],
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Add an action to a RAID entry."""
    from ..edit.risks import add_risk_action

    result = add_risk_action(
        project,
        risk_id,
        action=action,
        owner=owner,
        due=parse_date(due, "--due"),
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


DateOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--date", help="YYYY-MM-DD (default: today).", show_default=False),
]


def dated_risk_command(operation: str, help_text: str) -> Callable[..., None]:
    """A `psp risk` command that takes an entry and a date, and calls `operation` of
    `psptool.edit.risks`: `close` and `escalate` differ in nothing else."""

    def command(
        risk_id: IdArgument,
        when: DateOption = None,
        dry_run: DryRunOption = False,
        as_of: AsOfOption = None,
        project: ProjectOption = None,
    ) -> None:
        from ..edit import risks

        result = getattr(risks, operation)(
            project,
            risk_id,
            when=parse_date(when, "--date"),
            as_of=as_of_date(as_of),
            write=not dry_run,
        )
        report(result, dry_run)

    command.__doc__ = help_text
    command.__name__ = f"risk_{operation.removesuffix('_risk')}_command"
    return command


risk_close_command = dated_risk_command(
    "close_risk", "Close a RAID entry, noting the date it was closed."
)
risk_escalate_command = dated_risk_command(
    "escalate_risk",
    "A risk that has happened becomes an issue: same id, likelihood 5, the date noted.",
)


# --- psp milestone, benefit, sign -----------------------------------------------------------


def milestone_done_command(
    milestone_id: IdArgument,
    when: DateOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Correct the date of a milestone already done.")
    ] = False,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Record that a milestone is done (completed today, or on --date)."""
    from ..edit.plan import complete_milestone

    result = complete_milestone(
        project,
        milestone_id,
        when=parse_date(when, "--date"),
        force=force,
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def milestone_move_command(
    milestone_id: IdArgument,
    due: Annotated[str, typer.Option("--due", help="The new due date.", show_default=False)],
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Move a milestone's due date; warns about milestones depending on it that are now due
    before it."""
    from ..edit.plan import move_milestone

    new_due = parse_date(due, "--due")
    assert new_due is not None
    result = move_milestone(
        project,
        milestone_id,
        due=new_due,
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def benefit_record_command(
    benefit_id: IdArgument,
    value: Annotated[str, typer.Option("--value", help="The KPI's value.", show_default=False)],
    when: DateOption = None,
    note: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--note", help="A note on the measurement, e.g. its source."),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Record a measurement of a benefit's KPI (for today, or --date)."""
    from ..edit.benefits import record_benefit

    result = record_benefit(
        project,
        benefit_id,
        value=_number(value, "--value"),
        when=parse_date(when, "--date"),
        note=note,
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def sign_mou_command(
    partner: Annotated[
        str, typer.Option("--partner", help="The partner's id.", show_default=False)
    ],
    person: Annotated[
        str, typer.Option("--person", help="Who signed for it (a person id).", show_default=False)
    ],
    when: DateOption = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Record a partner's signature of the Memorandum of Understanding."""
    from ..edit.approvals import sign

    result = sign(
        project,
        document="mou",
        partner=partner,
        person=person,
        when=parse_date(when, "--date"),
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


# --- psp partner, goal ----------------------------------------------------------------------


def partner_add_command(
    name: Annotated[str, typer.Option("--name", help="The organisation.", show_default=False)],
    sector: Annotated[Sector, typer.Option("--sector", help=f"{one_of(SECTORS)}.")],
    record_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--id", help="The id (default: made from the name)."),
    ] = None,
    lead: Annotated[bool, typer.Option("--lead", help="The lead partner.")] = False,
    potential_funder: Annotated[
        bool, typer.Option("--potential-funder", help="Willing to fund after the pilot.")
    ] = False,
    contribution: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--contribution", help="What the partner brings: staff, money, venues."),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Add a partner organisation to partners.yaml."""
    from ..edit.partners import add_partner

    result = add_partner(
        project,
        name=name,
        sector=sector.value,
        record_id=record_id,
        lead=lead,
        potential_funder=potential_funder,
        contribution=contribution,
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def goal_add_command(
    title: Annotated[str, typer.Option("--title", help="The goal.", show_default=False)],
    record_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--id", help="The id (default: the next free one, e.g. G4)."),
    ] = None,
    term: Annotated[
        Optional[Term],  # noqa: UP045
        typer.Option("--term", help="short, medium or long term."),
    ] = None,
    measure: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--measure", help="What is measured (Specific, Measurable)."),
    ] = None,
    baseline: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--baseline", help="The measure's value now, a number."),
    ] = None,
    target: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--target", help="The value aimed for by --due, a number."),
    ] = None,
    unit: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--unit", help="The unit of baseline and target, e.g. % or children."),
    ] = None,
    due: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--due", help="When it is due, YYYY-MM-DD (Time-bound).", show_default=False),
    ] = None,
    owner: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--owner", help="Who is accountable: a person or partner id (Achievable)."),
    ] = None,
    relevance: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--relevance", help="Why it matters to the partnership (Relevant)."),
    ] = None,
    dry_run: DryRunOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Add a SMART goal to goals.yaml."""
    from ..edit.goals import add_goal

    result = add_goal(
        project,
        title=title,
        record_id=record_id,
        term=term.value if term else None,
        measure=measure,
        baseline=_number(baseline, "--baseline") if baseline is not None else None,
        target=_number(target, "--target") if target is not None else None,
        unit=unit,
        due=parse_date(due, "--due"),
        owner=owner,
        relevance=relevance,
        as_of=as_of_date(as_of),
        write=not dry_run,
    )
    report(result, dry_run)


def _group(name: str, help_text: str, commands: dict[str, Callable[..., Any]]) -> typer.Typer:
    group = typer.Typer(name=name, help=help_text, no_args_is_help=True, rich_markup_mode=None)
    for command_name, command in commands.items():
        group.command(command_name)(command)
    return group


risk_app = _group(
    "risk",
    "Edit the RAID log, keeping its comments and layout.",
    {
        "add": risk_add_command,
        "update": risk_update_command,
        "action": risk_action_command,
        "close": risk_close_command,
        "escalate": risk_escalate_command,
    },
)
milestone_app = _group(
    "milestone",
    "Edit the plan.",
    {"done": milestone_done_command, "move": milestone_move_command},
)
benefit_app = _group("benefit", "Record benefits' KPIs.", {"record": benefit_record_command})
sign_app = _group("sign", "Record sign-offs.", {"mou": sign_mou_command})
partner_app = _group("partner", "Edit the partners.", {"add": partner_add_command})
goal_app = _group("goal", "Edit the goals.", {"add": goal_add_command})
