"""The terminal: colour on a TTY, plain text when piped (rich decides; NO_COLOR is honoured).

What is printed fits the width the terminal gives, or COLUMNS when it is set: tables lay out
to it, paragraphs and findings wrap at word boundaries. Written to a file or a pipe with no
COLUMNS, no width is known: tables are laid out `PIPED_WIDTH` wide and every other line is
written whole, for the tool that reads it to wrap (rich's soft wrapping).
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from ..render.document import ReportOutput

PIPED_WIDTH = 160
"""Width of tables written to a file or a pipe, where neither a terminal nor COLUMNS says how
wide it is."""


@cache
def out() -> Console:
    return _console(stderr=False)


@cache
def err() -> Console:
    return _console(stderr=True)


def _console(stderr: bool) -> Console:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPED_WIDTH
        console.soft_wrap = True
    return console


def line_width(console: Console) -> int | None:
    """The width to wrap lines to, or None where they are written whole."""
    return None if console.soft_wrap else console.width


def print_lines(console: Console, lines: Iterable[Any]) -> None:
    """Print rich `Text` lines, each wrapped to the console's width as rich wraps it (unless
    the console soft-wraps).

    Without colour (piped, in CI, NO_COLOR) rich would print each line's plain text, one slow
    render at a time: 15,000 findings took seconds. So the plain text is written at once, as
    rich would have written it; only a line wider than the console goes through rich's
    wrapping."""
    if console.color_system is None and not console.is_jupyter:
        width = line_width(console) or 0
        console.file.write("".join(_plain(console, line, width) for line in lines))
        console.file.flush()
    else:
        for line in lines:
            console.print(line)


def _plain(console: Console, line: Any, width: int) -> str:
    from rich.cells import cell_len

    text = str(line.plain)
    if "\t" in text:
        line = line.copy()
        line.expand_tabs()
        text = str(line.plain)
    if not width or ("\n" not in text and cell_len(text) <= width):
        return text + "\n"
    return "".join(f"{part.plain}\n" for part in line.wrap(console, width))


def plain_stream(stderr: bool = False) -> TextIO | None:
    """The stream itself where rich would write to it without colour and without a width:
    a pipe or a file, with no COLUMNS and nothing that forces a terminal (FORCE_COLOR,
    TTY_COMPATIBLE) or a notebook. None where rich must decide.

    There a report is written line by line as it is and rich is not imported at all:
    pre-commit runs `psp validate` piped on every commit, and importing rich took longer
    than checking the worked example does (docs/performance.md)."""
    stream = sys.stderr if stderr else sys.stdout
    stream = getattr(stream, "rich_proxied_file", stream)
    if stream is None or hasattr(builtins, "get_ipython"):
        return None
    if any(name in os.environ for name in ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE")):
        return None
    try:
        return None if stream.isatty() else stream
    except (AttributeError, ValueError):
        return None


def print_report(lines: Callable[[int | None, bool], Iterable[Any]]) -> None:
    """Print a report to standard output: `lines(width, plain)` gives its lines wrapped to
    `width` (None: each whole), as `PlainLine`s when `plain`, else as rich `Text`."""
    stream = plain_stream()
    if stream is None:
        console = out()
        print_lines(console, lines(line_width(console), False))
        return
    stream.write("".join(_whole(line.plain) for line in lines(None, True)))
    stream.flush()


def _whole(text: str) -> str:
    """A plain line as rich writes it without a width: whole, its tabs expanded as rich
    expands them."""
    if "\t" in text:
        from rich.text import Text

        expanded = Text(text)
        expanded.expand_tabs()
        text = expanded.plain
    return text + "\n"


def show_output(shown: ReportOutput) -> None:
    """What a report command has left to show once its report is rendered: the file it
    wrote, its text as it stands, or its blocks for the console."""
    written, text, blocks = shown.written, shown.text, shown.blocks
    if written is not None:
        out().print(f"wrote {written}")
    elif text is not None:
        import typer

        typer.echo(text, nl=False)
    else:
        console = out()
        for block in blocks:
            console.print(block)
