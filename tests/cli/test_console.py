"""Findings printed without colour are written at once, exactly as rich would print them."""

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


def _console(color: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        soft_wrap=True,
        width=160,
        force_terminal=color,
        color_system="standard" if color else None,
    )
    return console, buffer


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_plain_lines_are_what_rich_prints(folder: Path) -> None:
    lines = list(text_report(validate(folder, date(2026, 6, 30))))
    by_rich, expected = _console(color=False)
    for line in lines:
        by_rich.print(line)
    fast, written = _console(color=False)
    print_lines(fast, lines)
    assert written.getvalue() == expected.getvalue()


def test_tabs_and_wide_lines_as_rich_prints_them() -> None:
    lines = [Text("\tindented\twith tabs", style="dim"), Text("x" * 400), Text("")]
    by_rich, expected = _console(color=False)
    for line in lines:
        by_rich.print(line)
    fast, written = _console(color=False)
    print_lines(fast, lines)
    assert written.getvalue() == expected.getvalue()


def test_with_colour_rich_prints_the_styles() -> None:
    console, written = _console(color=True)
    print_lines(console, [Text("error", style="bold red")])
    assert "\x1b[" in written.getvalue()
