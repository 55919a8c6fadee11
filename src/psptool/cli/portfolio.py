"""`psp portfolio`: one view over many partnerships, for a programme team."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .options import AsOfOption, as_of_date, parse_date


class PortfolioFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    json = "json"


def portfolio_command(
    roots: Annotated[
        list[Path],
        typer.Argument(
            help="Folders to search for partnerships (every folder below holding psp.yaml).",
            show_default=False,
        ),
    ],
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Compare each partnership with itself at this date (YYYY-MM-DD) or git "
            "revision, from its git history.",
        ),
    ] = None,
    months: Annotated[
        int,
        typer.Option(
            "--months", min=1, max=60, help="Funders' budget cycles this many months ahead."
        ),
    ] = 12,
    output_format: Annotated[
        PortfolioFormat | None,
        typer.Option(
            "--format",
            help="terminal (default on a terminal), markdown (default when piped), html, "
            "xlsx, json.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (atomically).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing output file.")
    ] = False,
    as_of: AsOfOption = None,
) -> int:
    """Report on every partnership under the folders given: status, red risks, slipped
    milestones, budget, benefits, gates; and across them, the risks, funders' budget cycles,
    stages and shared partners. Exits 1 when a folder has errors (it is still reported)."""
    from ..errors import WrongSuffix
    from ..render.portfolio_output import portfolio_target, render_portfolio
    from ..report.portfolio import build_portfolio
    from .console import show_output

    when = as_of_date(as_of)
    if since is not None and len(since) == 10 and since[4] == "-":
        parse_date(since, "--since")
    requested = output_format.value if output_format else None
    try:
        target = portfolio_target(
            requested, output, is_terminal=lambda: sys.stdout.isatty(), as_of=when.isoformat()
        )
    except WrongSuffix as exc:
        raise typer.BadParameter(str(exc), param_hint="-o") from None
    portfolio = build_portfolio(roots, when, since=since, horizon_months=months)
    shown = render_portfolio(portfolio, target, force=force)
    show_output(shown)
    return 1 if portfolio.with_errors else 0
