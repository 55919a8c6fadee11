"""`psp report`: the stage gate and the highlight report (status) for the governance group."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .actions import actions_command
from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of
from .status import status_command

report_app = typer.Typer(
    name="report",
    help="Reports for the governance group.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class GateFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def gate_command(
    folder: FolderArgument = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help="Check the gate out of this stage instead of the current."),
    ] = None,
    output_format: Annotated[
        GateFormat, typer.Option("--format", help="table, json or markdown.")
    ] = GateFormat.table,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> int:
    """Is the partnership ready to leave its stage? Exit 0 when the gate is met, 1 when not."""
    from ..analysis.gate import CHECKLISTS, stage_gate
    from ..render.scores import gate_table
    from ..render.tables import Prose, to_json, to_markdown, to_rich
    from .console import out
    from .project import checked_project

    if stage is not None and stage not in CHECKLISTS:
        raise typer.BadParameter(
            f"'{stage}' has no gate; choose one of {', '.join(CHECKLISTS)}", param_hint="--stage"
        )
    when = as_of_date(as_of)
    loaded, _ = checked_project(folder_of(folder, project), when)
    gate = stage_gate(loaded, when, stage)
    table = gate_table(gate)
    if output_format is GateFormat.json:
        typer.echo(to_json({"as_of": when, "met": gate.met, "gate": gate}))
    elif output_format is GateFormat.markdown:
        typer.echo(to_markdown(table))
    else:
        console = out()
        console.print(to_rich(table))
        for note in table.notes:
            console.print(Prose(note))
    return 0 if gate.met else 1


report_app.command("gate")(gate_command)
report_app.command("status")(status_command)
report_app.command("actions")(actions_command)
