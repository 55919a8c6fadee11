"""`psp report status`: the highlight report for the governance group."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .options import (
    AsOfOption,
    FolderArgument,
    ProjectOption,
    as_of_date,
    folder_of,
    parse_period,
)


class StatusFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    docx = "docx"


def status_command(
    folder: FolderArgument = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Compare with the folder at a git revision, a date or a meeting (its id).",
        ),
    ] = None,
    output_format: Annotated[
        StatusFormat | None,
        typer.Option(
            "--format",
            help="terminal (default on a terminal), markdown (default when piped), html, docx.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (atomically).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Reporting period: 3m, 2w, 14d or a cadence "
            "(default: the governance group's cadence).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing output file.")
    ] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Write the highlight report: overall RAG, milestones, risks, budget, benefits, decisions."""
    from ..errors import WrongSuffix
    from ..render.status_output import render_status, status_target
    from ..report.status import status_since
    from .console import show_output
    from .project import checked_project

    chosen_period = parse_period(period)
    when = as_of_date(as_of)
    loaded, validation = checked_project(folder_of(folder, project), when)
    assert validation.root is not None
    requested = output_format.value if output_format else None
    try:
        target = status_target(
            requested, output, validation.root, when, is_terminal=lambda: sys.stdout.isatty()
        )
    except WrongSuffix as exc:
        raise typer.BadParameter(str(exc), param_hint="-o") from None
    report = status_since(validation.root, loaded, when, chosen_period, since)
    from ..render.branding import brand_of

    assert validation.result is not None
    brand = brand_of(validation.result.project, validation.root)
    shown = render_status(
        report,
        target,
        force=force,
        root=validation.root,
        brand=brand,
        acronyms=validation.result.project.psp.acronyms,
    )
    show_output(shown)
