"""One exception hierarchy. Exceptions carry a message; they never print."""

from __future__ import annotations


class PspError(Exception):
    """Base of every error psp raises on purpose."""

    exit_code = 2


class UserError(PspError):
    """Something the user can fix: a missing folder, a file in the way, a bad argument."""


class OutputExists(UserError):
    """An output file exists and --force was not given."""
