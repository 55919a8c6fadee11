"""The terminal: colour on a TTY, plain text when piped (rich decides; NO_COLOR is honoured).

What is printed fits the width the terminal gives, or COLUMNS when it is set: tables lay out
to it, paragraphs and findings wrap at word boundaries. Written to a file or a pipe with no
COLUMNS, no width is known: tables are laid out `PIPED_WIDTH` wide and every other line is
written whole, for the tool that reads it to wrap (rich's soft wrapping).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from typing import Any

from rich.cells import cell_len
from rich.console import Console

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
    text = str(line.plain)
    if "\t" in text:
        line = line.copy()
        line.expand_tabs()
        text = str(line.plain)
    if not width or ("\n" not in text and cell_len(text) <= width):
        return text + "\n"
    return "".join(f"{part.plain}\n" for part in line.wrap(console, width))
