"""One exception hierarchy. Exceptions carry a message; they never print."""

from __future__ import annotations


class PspError(Exception):
    """Base of every error psp raises on purpose."""

    exit_code = 2


class UserError(PspError):
    """Something the user can fix: a missing folder, a file in the way, a bad argument."""


class OutputExists(UserError):
    """An output file exists and --force was not given."""


class NothingToDo(PspError):
    """The folder already says what was asked: the risk is already closed, the milestone
    already completed, the MoU already signed by that partner. Nothing was changed, and that
    is not a failure: the command says so and ends with exit code 0 (docs/cli.md)."""

    exit_code = 0
