"""`psp import raid`: read back a RAID workbook edited in Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import AsOfOption, ProjectOption, as_of_date


def raid_command(
    workbook: Annotated[
        Path, typer.Argument(help="The RAID workbook (.xlsx) edited in Excel.", show_default=False)
    ],
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the differences into risks.yaml.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Import entries that changed in the folder too since the workbook was made "
            "(the workbook's values win).",
        ),
    ] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> int:
    """Show how a RAID workbook differs from risks.yaml; with --apply, write the differences."""
    from ..edit.raid_import import apply_raid_import, plan_raid_import, refusal
    from ..render.tables import Prose, Table, to_rich
    from .console import out
    from .edit import report

    plan = plan_raid_import(workbook, project, as_of=as_of_date(as_of))
    if plan.problems:
        for problem in plan.problems:
            typer.echo(str(problem), err=True)
        count = len(plan.problems)
        typer.echo(
            f"psp: nothing was imported: fix the {count} problem{'s' if count != 1 else ''} "
            f"in {workbook.name} first",
            err=True,
        )
        return 1
    if plan.differences:
        rows = [
            [d.record, d.field, d.folder, d.workbook, "changed in both" if d.conflict else ""]
            for d in plan.differences
        ]
        columns = ["Entry", "Field", "In risks.yaml", "In the workbook", "Note"]
        out().print(to_rich(Table(f"{workbook.name} against risks.yaml", columns, rows)))
    else:
        typer.echo("no differences: risks.yaml already holds what the workbook says")
    for note in plan.notes:
        out().print(Prose(f"note: {note}", indent=len("note: ")))
    reason = refusal(plan, force=force)
    if reason is not None:
        typer.echo(f"psp: {reason}", err=True)
        return 1
    if not apply:
        if plan.differences:
            typer.echo("run again with --apply to write these into risks.yaml")
        return 0
    report(apply_raid_import(plan, force=force), dry_run=False)
    return 0


import_app = typer.Typer(
    name="import",
    help="Read back files edited outside psp.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
import_app.command("raid")(raid_command)
