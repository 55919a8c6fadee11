"""The portfolio's outputs: which format, where it goes, and writing it.

Terminal (rich tables), Markdown, one HTML page, a workbook or JSON, to standard output or a
file; a file is written atomically and never over an existing one without `force`, as every
paper psp writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import WrongSuffix
from ..report.portfolio import Portfolio
from .document import ReportOutput

FORMATS = ("terminal", "markdown", "html", "xlsx", "json")
SUFFIX_FORMAT = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".json": "json",
    ".txt": "terminal",
}
TEXT_WIDTH = 120
"""Width of the terminal layout written to a .txt file."""


@dataclass(frozen=True)
class PortfolioTarget:
    format: str
    output: Path | None


def portfolio_target(
    requested: str | None, output: Path | None, *, is_terminal: Callable[[], bool], as_of: str
) -> PortfolioTarget:
    """The format and file: a file's suffix settles its format (`WrongSuffix` when it fits
    none, or not the one requested); without a file, terminal on a terminal and Markdown
    when piped. A workbook, which cannot go to standard output, goes to
    portfolio-DATE.xlsx in the current folder."""
    fmt = requested
    if output is not None:
        by_suffix = SUFFIX_FORMAT.get(output.suffix.lower())
        if by_suffix is None or (fmt is not None and fmt != by_suffix):
            wanted = [s for s, f in SUFFIX_FORMAT.items() if f == (fmt or by_suffix)]
            raise WrongSuffix(
                f"{output.name}: write {fmt or 'the portfolio'} to a file ending in "
                + (" or ".join(wanted) if wanted else ".md, .html, .xlsx, .json or .txt")
            )
        fmt = by_suffix
    if fmt is None:
        fmt = "terminal" if is_terminal() else "markdown"
    if fmt == "xlsx" and output is None:
        output = Path(f"portfolio-{as_of}.xlsx")
    return PortfolioTarget(fmt, output)


def portfolio_text(portfolio: Portfolio, fmt: str) -> str:
    from .portfolio import portfolio_document, portfolio_json

    if fmt == "json":
        from .tables import to_json

        return to_json(portfolio_json(portfolio)) + "\n"
    if fmt == "html":
        from .portfolio_html import portfolio_html

        return portfolio_html(portfolio)
    if fmt == "terminal":
        from io import StringIO

        from rich.console import Console

        from .writers import to_rich_blocks

        buffer = StringIO()
        console = Console(file=buffer, width=TEXT_WIDTH, color_system=None)
        for block in to_rich_blocks(portfolio_document(portfolio)):
            console.print(block)
        return buffer.getvalue()
    from .writers import to_markdown_text

    return to_markdown_text(portfolio_document(portfolio))


def render_portfolio(portfolio: Portfolio, target: PortfolioTarget, *, force: bool) -> ReportOutput:
    """Write the portfolio to `target.output`, or return what standard output shows."""
    from ..load.write import write_atomic

    if target.format == "xlsx":
        assert target.output is not None
        from .portfolio_workbook import write_portfolio_workbook

        write_portfolio_workbook(portfolio, target.output, force=force)
        return ReportOutput(written=target.output)
    if target.output is not None:
        write_atomic(target.output, portfolio_text(portfolio, target.format), force=force)
        return ReportOutput(written=target.output)
    if target.format == "terminal":
        from .portfolio import portfolio_document
        from .writers import to_rich_blocks

        return ReportOutput(blocks=list(to_rich_blocks(portfolio_document(portfolio))))
    return ReportOutput(text=portfolio_text(portfolio, target.format))
