"""The terminal: colour on a TTY, plain text when piped (rich decides; NO_COLOR is honoured)."""

from __future__ import annotations

import os
from functools import cache

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
