"""Options shared by several commands, declared once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..quoting import shorten


def parse_date(value: str | None, option: str) -> date | None:
    """The date given to `option`, written YYYY-MM-DD; a usage error (exit 2) otherwise."""
    from ..model.common import iso_date

    if value is None:
        return None
    try:
        return iso_date(value)
    except ValueError as exc:
        if "outside the dates" in str(exc):
            raise typer.BadParameter(str(exc), param_hint=option) from None
        raise typer.BadParameter(
            f"'{shorten(value)}' is not a date; write it as YYYY-MM-DD", param_hint=option
        ) from None


LONGEST_PERIOD_DAYS = 3_660
"""The longest reporting period: ten years, far more than governance groups leave between
meetings, and far from the dates a period could push past."""


def parse_period(value: str | None) -> Any:
    """The reporting period given to --period (`3m`, `2w`, `14d`, a cadence), at most ten
    years; a usage error otherwise."""
    from ..analysis.common import Period

    if value is None:
        return None
    if re.search(r"\d{6}", value):  # past ten years in any unit, and past int()'s digits
        raise typer.BadParameter(
            f"'{shorten(value, 20)}' is longer than the ten years a reporting period may be",
            param_hint="--period",
        )
    try:
        period = Period.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(shorten(str(exc), 200), param_hint="--period") from None
    if period.months * 31 + period.days > LONGEST_PERIOD_DAYS:
        raise typer.BadParameter(
            f"'{shorten(value)}' is longer than the ten years a reporting period may be",
            param_hint="--period",
        )
    return period


def refuse_undecodable(argv: Sequence[str]) -> None:
    """Refuse an argument that is not valid text: Python keeps the bytes of one that is not
    UTF-8 as lone surrogates, which then fail far from here (an edit "could not change risks
    without changing other values", a crash writing a report)."""
    from ..errors import BadArgument
    from ..quoting import escape_controls

    for number, argument in enumerate(argv, 1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise BadArgument(
                f"argument {number} ({shorten(escape_controls(argument), 60)}) is not valid "
                "text (UTF-8); psp takes names, titles and paths as UTF-8 only (to use a "
                "folder whose name is not, run psp from inside it)"
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
