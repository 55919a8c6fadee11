"""Loading the folder for commands that use it: refuse a folder with errors, with the errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from ..check import Validation
from ..model import Project


def checked_project(folder: Path | None, as_of: date) -> tuple[Project, Validation]:
    """The project, or exit: 2 when there is no folder, 1 (after listing them) on errors.

    Scores and reports are only as good as the folder, so a folder with errors is refused
    rather than reported on with records silently missing.
    """
    from ..check import validate
    from ..render.diagnostics import text_report
    from .console import err, line_width, print_lines

    validation = validate(folder, as_of)
    if validation.cannot_run or validation.errors or validation.result is None:
        console = err()
        errors_only = Validation(validation.root, validation.errors, validation.result)
        print_lines(console, text_report(errors_only, line_width(console)))
        if not validation.cannot_run:
            console.print("psp: fix these errors first (psp validate shows them too)")
        raise typer.Exit(validation.exit_code())
    return validation.result.project, validation
