"""Text out as text: CSV fields a spreadsheet would run as formulas are escaped, control
characters in folder names and values are escaped on the terminal, and the crash-report
writer cannot fail."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from psptool.cli.crash import write_crash_report
from psptool.render.tables import Table, to_csv
from tests.helpers import PspRunner, make_project

PAYLOAD = "-2+3+cmd|' /C calc'!A0"


def test_every_formula_start_is_escaped_in_csv() -> None:
    rows = [[PAYLOAD], ["=1+1"], ["+1"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["plain"], [-2]]
    assert to_csv(Table("t", ["Title"], rows)) == (
        "Title\n'-2+3+cmd|' /C calc'!A0\n'=1+1\n'+1\n'@SUM(A1)\n'\tx\n'\rx\nplain\n-2\n"
    )


def test_a_risk_title_reaches_csv_as_text(commented: Path) -> None:
    risks = commented / "risks.yaml"
    text = risks.read_text(encoding="utf-8")
    risks.write_text(
        text.replace('title: "Providers withdraw: before the pilot ends"', f'title: "{PAYLOAD}"'),
        encoding="utf-8",
    )
    result = PspRunner().invoke(
        ["score", "risks", str(commented), "--format", "csv", "--as-of", "2026-06-30"]
    )
    assert result.exit_code == 0, result.output
    assert f",'{PAYLOAD}," in result.stdout.replace('"', "")


def test_a_folder_name_with_escape_sequences_is_printed_escaped(tmp_path: Path) -> None:
    name = "psp\x1b]0;owned\x07\nsrc/x.py:1:1: fake"
    root = make_project(tmp_path / name, risks_yaml="risks:\n  - id: R1\n")
    result = PspRunner().invoke(["validate", str(root), "--as-of", "2026-06-30"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "psp\\x1b]0;owned\\x07\\nsrc/x.py:1:1: fake/risks.yaml:2:5: PSP102" in result.output
    located = [line for line in result.stdout.splitlines() if ": PSP" in line]
    assert located and all(line.startswith(str(tmp_path)) for line in located)


def test_the_crash_report_survives_bytes_that_are_not_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["psp", "validate", "caf\udce9"])

    class Broken(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    report = write_crash_report(Broken())
    assert report is not None
    text = report.read_text(encoding="utf-8")
    assert "command: psp validate caf\\udce9" in text


def test_the_crash_report_writer_cannot_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    assert write_crash_report(ValueError("x")) is None
