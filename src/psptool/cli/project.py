"""Loading the folder for commands that use it: refuse a folder with errors, with the errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..check import Validation
from ..errors import FolderHasErrors
from ..model import Project


def checked_project(folder: Path | None, as_of: date) -> tuple[Project, Validation]:
    """The project, or `FolderHasErrors` carrying the findings (exit 1; exit 2 when there is
    no folder or a file cannot be read).

    Scores and reports are only as good as the folder, so a folder with errors is refused
    rather than reported on with records silently missing."""
    from ..check import validate

    validation = validate(folder, as_of)
    if validation.cannot_run or validation.errors or validation.result is None:
        refused = FolderHasErrors(validation)
        refused.exit_code = validation.exit_code() or 1
        raise refused
    return validation.result.project, validation


def show_errors(refused: FolderHasErrors) -> None:
    """Print the errors a folder was refused for, as `psp validate` prints them."""
    from ..render.diagnostics import text_report
    from .console import err, line_width, print_lines

    validation: Validation = refused.validation
    console = err()
    errors_only = Validation(validation.root, validation.errors, validation.result)
    print_lines(console, text_report(errors_only, width=line_width(console)))
    if not validation.cannot_run:
        console.print(f"psp: {refused}")
