"""The terminal: colour on a TTY, plain text when piped (rich decides; NO_COLOR is honoured)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from typing import Any

from rich.console import Console

PIPED_WIDTH = 160
"""Width of tables written to a file or a pipe, where no terminal says how wide it is."""


@cache
def out() -> Console:
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPED_WIDTH
    return console


@cache
def err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_lines(console: Console, lines: Iterable[Any]) -> None:
    """Print rich `Text` lines. Without colour (piped, in CI, NO_COLOR) rich would print each
    line's plain text, one slow render at a time: 15,000 findings took seconds. So the plain
    text is written at once, as rich would have written it."""
    if console.color_system is None and not console.is_jupyter:
        console.file.write("".join(f"{_expanded(line)}\n" for line in lines))
        console.file.flush()
    else:
        for line in lines:
            console.print(line)


def _expanded(line: Any) -> str:
    if "\t" not in line.plain:
        return str(line.plain)
    line = line.copy()
    line.expand_tabs()
    return str(line.plain)
