"""`psp validate`: every finding in one run; exit 0 clean, 1 findings, 2 cannot run."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def validate_command(
    folder: FolderArgument = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    output_format: Annotated[
        Format, typer.Option("--format", help="text for people, json for tools, github for CI.")
    ] = Format.text,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Check the PSP folder: YAML, fields, references, dates and good practice."""
    from ..check import validate
    from ..render.diagnostics import github_report, json_report, text_report
    from .console import line_width, out, print_lines

    validation = validate(folder_of(folder, project), as_of_date(as_of))
    if output_format is Format.json:
        typer.echo(json_report(validation))
    elif output_format is Format.github:
        report = github_report(validation)
        if report:
            typer.echo(report)
    else:
        console = out()
        print_lines(console, text_report(validation, line_width(console)))
    raise typer.Exit(validation.exit_code(strict))
