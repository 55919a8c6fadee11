"""`psp report actions`: the chase list, by owner and overdue first."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of


class ChaseFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"


def actions_command(
    folder: FolderArgument = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", help="Only this person's (or partner's) items.", show_default=False
        ),
    ] = None,
    within: Annotated[
        int,
        typer.Option("--within", min=0, help="Days ahead to look for what falls due."),
    ] = 30,
    output_format: Annotated[
        ChaseFormat, typer.Option("--format", help="table, markdown, csv or json.")
    ] = ChaseFormat.table,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> int:
    """The chase list: open actions, tasks, meeting actions, knowledge transfers, reviews,
    sign-offs and budget cycles, by owner, overdue first. An owner's list pastes into an email."""
    from ..errors import UserError
    from ..render.actions import flat_table, owner_tables, summary
    from ..render.tables import Prose, to_csv, to_json, to_markdown, to_rich
    from ..report.actions import chase_list
    from .console import out
    from .project import checked_project

    when = as_of_date(as_of)
    loaded, _ = checked_project(folder_of(folder, project), when)
    if owner is not None and owner not in loaded.owner_ids():
        raise UserError(f"--owner '{owner}' is not a partner or a person in partners.yaml")
    chase = chase_list(loaded, when, within=within, owner=owner)
    if output_format is ChaseFormat.json:
        typer.echo(to_json({"as_of": when, "within": within, "owner": owner, "items": chase.items}))
    elif output_format is ChaseFormat.csv:
        typer.echo(to_csv(flat_table(chase)), nl=False)
    elif output_format is ChaseFormat.markdown:
        parts = [to_markdown(table) for table in owner_tables(chase)]
        typer.echo("\n\n".join([*parts, summary(chase)]))
    else:
        console = out()
        for table in owner_tables(chase):
            console.print(to_rich(table))
        console.print(Prose(summary(chase)))
    return 0
