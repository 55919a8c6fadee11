"""`psp score KIND`: risks, options, partners, goals, benefits, stakeholders, the plan or
the economic case."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..render.scores import SCORES
from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of

Kind = StrEnum("Kind", {name: name for name in SCORES})  # type: ignore[misc]
"""The kinds `psp score` takes: the scores declared in render/scores.py."""


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def score_command(
    kind: Annotated[Kind, typer.Argument(help="What to score.")],
    folder: FolderArgument = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="table for people; json and csv for other tools.")
    ] = Format.table,
    heatmap: Annotated[
        bool, typer.Option("--heatmap", help="With risks: show the 5 × 5 heat map.")
    ] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Score the partnership: RAG ratings, rankings, progress, quadrants, slippage, and the
    economic case."""
    from ..render.tables import Prose, to_csv, to_json, to_rich
    from .console import out
    from .project import checked_project

    score = SCORES[kind.value]
    if heatmap and score.heatmap is None:
        kinds = [name for name, other in SCORES.items() if other.heatmap is not None]
        shown = ", ".join(f"psp score {name} --heatmap" for name in kinds)
        raise typer.BadParameter(
            f"the heat map is of {' and '.join(kinds)}: {shown}", param_hint="--heatmap"
        )
    when = as_of_date(as_of)
    loaded, _ = checked_project(folder_of(folder, project), when)
    result = score.run(loaded, when)
    tables = score.show(result, heatmap)
    if output_format is Format.json:
        typer.echo(to_json({"kind": score.name, "as_of": when, "result": result}))
    elif output_format is Format.csv:
        typer.echo(to_csv(score.csv_table(result)), nl=False)
    else:
        console = out()
        for table in tables:
            console.print(to_rich(table))
            for note in table.notes:
                console.print(Prose(note))
            console.print()
