"""Findings printed without colour are written at once, exactly as rich would print them,
wrapped to the console's width."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from psptool.check import validate
from psptool.cli.console import print_lines
from psptool.render.diagnostics import text_report
from tests.helpers import EXAMPLE

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "bad"
FOLDERS = [EXAMPLE, *sorted(p for p in CORPUS.iterdir() if p.is_dir())]


def _console(color: bool, width: int = 160, soft_wrap: bool = False) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        soft_wrap=soft_wrap,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
    )
    return console, buffer


LAYOUTS = {
    # psp piped with no COLUMNS: findings written whole, as psptool.cli.console.out() does
    "piped": (160, True, None),
    # a terminal 80 columns wide: findings fitted to it
    "80 columns": (80, False, 80),
    # findings not fitted: the console wraps them
    "unfitted": (80, False, None),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_plain_lines_are_what_rich_prints(folder: Path, layout: str) -> None:
    width, soft_wrap, fitted = LAYOUTS[layout]
    lines = list(text_report(validate(folder, date(2026, 6, 30)), fitted))
    by_rich, expected = _console(color=False, width=width, soft_wrap=soft_wrap)
    for line in lines:
        by_rich.print(line)
    fast, written = _console(color=False, width=width, soft_wrap=soft_wrap)
    print_lines(fast, lines)
    assert written.getvalue() == expected.getvalue()


def test_tabs_and_wide_lines_as_rich_prints_them() -> None:
    lines = [
        Text("\tindented\twith tabs", style="dim"),
        Text("x" * 400),
        Text(""),
        Text("a sentence of words " * 20, style="cyan"),
        Text("two\nlines"),
    ]
    by_rich, expected = _console(color=False)
    for line in lines:
        by_rich.print(line)
    fast, written = _console(color=False)
    print_lines(fast, lines)
    assert written.getvalue() == expected.getvalue()
    assert written.getvalue().splitlines()[1:4] == ["x" * 160, "x" * 160, "x" * 80]


def test_a_console_that_soft_wraps_gets_lines_whole() -> None:
    lines = [Text("x" * 400), Text("a sentence of words " * 20)]
    fast, written = _console(color=False, soft_wrap=True)
    print_lines(fast, lines)
    assert written.getvalue() == "x" * 400 + "\n" + "a sentence of words " * 20 + "\n"


def test_with_colour_rich_prints_the_styles() -> None:
    console, written = _console(color=True)
    print_lines(console, [Text("error", style="bold red")])
    assert "\x1b[" in written.getvalue()
