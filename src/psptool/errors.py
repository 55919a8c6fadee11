"""One exception hierarchy: every error psp raises on purpose, and the exit code it means.

Exceptions carry a message; they never print. `psptool.cli.main` is the one place that turns
an exception (or a command's returned code) into an exit code, as docs/cli.md sets out:

    0  done, or nothing to do (the folder already says so)     NothingToDo
    1  findings: the folder has errors, or a change would add  FolderHasErrors, EditRefused,
       some, or an imported workbook has problems              ImportRefused
    2  could not run as asked: no folder, a bad argument, an   UserError and the rest
       output in the way, a revision or record not found
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagnostics import Diagnostic

MARKER = "psp.yaml"
"""The file that makes a folder a PSP folder, as `.git` makes a repository."""


class PspError(Exception):
    """Base of every error psp raises on purpose."""

    exit_code = 2


class UserError(PspError):
    """Something the user can fix: a missing folder, a file in the way, a bad argument."""


class NothingToDo(PspError):
    """The folder already says what was asked: the risk is already closed, the milestone
    already completed, the MoU already signed by that partner. Nothing was changed, and that
    is not a failure: the command says so and ends with exit code 0 (docs/cli.md)."""

    exit_code = 0


# the folder ---------------------------------------------------------------------------------


class ProjectNotFound(UserError):
    """No PSP folder at or above the given path."""

    def __init__(self, start: Path, *, missing: bool = False) -> None:
        from .quoting import escape_controls

        shown = escape_controls(str(start))
        super().__init__(
            f"{shown} does not exist"
            if missing
            else f"no PSP folder found: no {MARKER} in {shown} or any folder above it"
        )
        self.start = start
        self.missing = missing

    @property
    def diagnostic(self) -> Diagnostic:
        """The finding `psp validate` reports for it (PSP001)."""
        from .diagnostics import make

        return make(
            "PSP001",
            str(self),
            hint="check the folder's name"
            if self.missing
            else "run 'psp init' to create one, or pass the folder's path",
        )


class FolderHasErrors(PspError):
    """A score, report or paper was asked of a folder with errors: a figure computed with
    records silently left out would mislead a governance group. The errors are in
    `validation`, for the caller to show."""

    exit_code = 1

    def __init__(self, validation: Any) -> None:
        super().__init__("fix these errors first (psp validate shows them too)")
        self.validation = validation


class NotARepository(UserError):
    """The folder is not inside a git repository."""


class RevisionNotFound(UserError):
    """The revision (or a commit before the date) does not exist."""


# writing ------------------------------------------------------------------------------------


class OutputExists(UserError):
    """An output file exists and --force was not given."""


class WrongSuffix(UserError):
    """The output file's name does not fit the format asked for, or no format at all."""


class FileChanged(UserError):
    """A file changed on disk after psp read it, so psp did not write over it."""


# editing ------------------------------------------------------------------------------------


class RecordNotFound(UserError):
    """The id given names no record of that kind."""


class EditError(UserError):
    """An edit cannot be made without disturbing other values; the text is left as it was."""


class EditRefused(UserError):
    """The change would add errors to the folder, so nothing was written."""

    exit_code = 1

    def __init__(self, message: str, errors: list[Diagnostic]) -> None:
        super().__init__(message)
        self.errors = errors


class ImportRefused(UserError):
    """The workbook has problems, or conflicts with the folder; nothing was written."""

    exit_code = 1


# analysis and papers ------------------------------------------------------------------------


class PlanError(UserError):
    """The plan cannot be analysed: milestones depend on each other in a cycle."""


class TemplateProblem(UserError):
    """A template could not be rendered: a syntax error, an unknown variable, a forbidden
    operation. Nothing is written."""


# hostile input ------------------------------------------------------------------------------


class UnsafeInput(UserError):
    """An input psp will not read: a symbolic link out of the folder, a named pipe or device,
    a file or zip too large, XML declaring entities or cut short, a sheet beyond the rows and
    columns psp reads (docs/architecture.md, "Everything else psp reads"). Nothing is read
    past the check."""


class CellTooLong(UserError):
    """A value is longer than an Excel cell holds (32,767 characters): the workbook would cut
    it, and importing the workbook back would write the cut text. Nothing is written."""


class BadArgument(UserError):
    """A command-line value psp cannot use: a date or period outside the range the analyses
    carry, a folder that does not exist, an argument that is not valid text."""
