"""Options shared by several commands, declared once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer


def parse_date(value: str | None, option: str) -> date | None:
    """The date given to `option`, written YYYY-MM-DD; a usage error (exit 2) otherwise."""
    from ..model.common import iso_date

    if value is None:
        return None
    try:
        return iso_date(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date; write it as YYYY-MM-DD", param_hint=option
        ) from None


FolderArgument = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.11
    typer.Argument(
        help="The PSP folder (default: the nearest folder above here that holds psp.yaml).",
        show_default=False,
    ),
]
ProjectOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--project", help="The PSP folder, as an option.", show_default=False),
]
AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        help="Check as at this date (YYYY-MM-DD) instead of today, for reproducible runs.",
        show_default=False,
    ),
]


def folder_of(argument: Path | None, project: Path | None) -> Path | None:
    return argument or project


def as_of_date(value: str | None) -> date:
    return parse_date(value, "--as-of") or date.today()
