"""`psp import raid` wiring: the differences table, --apply, problems, conflicts, --force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.edit import raid_workbook as wb
from tests.helpers import COMMENTED, PspRunner


@pytest.fixture
def book(commented: Path) -> Path:
    return wb.build(commented.parent / "raid.xlsx", wb.records(commented))


def psp_import(folder: Path, book: Path, *args: str):
    """`psp import raid BOOK ARGS --project FOLDER --as-of 2026-06-30`."""
    return PspRunner().invoke(
        ["import", "raid", str(book), *args, "--project", str(folder), "--as-of", "2026-06-30"],
    )


def test_an_unchanged_workbook(commented: Path, book: Path) -> None:
    result = psp_import(commented, book)
    assert (result.exit_code, result.stdout) == (
        0,
        "no differences: risks.yaml already holds what the workbook says\n",
    )


def test_differences_are_shown_then_applied(commented: Path, book: Path) -> None:
    wb.edit(
        book,
        {("RAID log", "G2"): 4, ("RAID log", "L3"): "closed"},
        Actions=[["R-002", None, "Phone", "p-pm", date(2026, 7, 15)]],
    )
    before = (commented / "risks.yaml").read_text()
    preview = psp_import(commented, book)
    assert preview.exit_code == 0, preview.output
    lines = preview.stdout.splitlines()
    assert lines[0] == "raid.xlsx against risks.yaml"
    assert lines[2:6] == [
        "┃ Entry ┃ Field      ┃ In risks.yaml ┃ In the workbook ┃ Note ┃",
        "┡━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━┩",
        "│ R-001 │ Likelihood │ 3             │ 4               │      │",
        "│ R-002 │ Status     │ open          │ closed          │      │",
    ]
    assert lines[6] == "│ R-002 │ new action │ –             │ Phone           │      │"
    assert lines[-1] == "run again with --apply to write these into risks.yaml"
    assert (commented / "risks.yaml").read_text() == before
    applied = psp_import(commented, book, "--apply")
    assert applied.exit_code == 0, applied.output
    assert applied.stdout.splitlines()[-3:] == [
        "risks.yaml: R-001: likelihood 3 → 4",
        "risks.yaml: R-002: status open → closed",
        "risks.yaml: R-002: added action: Phone",
    ]
    text = (commented / "risks.yaml").read_text()
    assert "    impact: 2\n    status: closed\n    raised: 2026-03-01\n" in text
    assert "      {action: Phone, owner: p-pm, due: 2026-07-15},\n    ]\n" in text


def test_problems_exit_1_and_nothing_is_written(commented: Path, book: Path) -> None:
    wb.edit(book, {("RAID log", "G2"): "=1+2", ("RAID log", "A3"): None})
    result = psp_import(commented, book, "--apply", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        "sheet 'RAID log', row 2, column G (Likelihood): '=1+2' is a formula; type the value "
        "itself (psp reads what was typed, not what Excel last calculated)\n"
        "sheet 'RAID log', row 3, column A (ID): this row has no ID: put back the id of the entry "
        "it was, or give a new entry a new id (the next free one is R-003)\n"
        "sheet 'Actions', row 4, column A (Risk ID): there is no row for R-002 in the sheet "
        "'RAID log'\n"
        "psp: nothing was imported: fix the 3 problems in raid.xlsx first\n"
    )
    assert (commented / "risks.yaml").read_bytes() == (COMMENTED / "risks.yaml").read_bytes()


def test_conflicts_are_refused_unless_forced(
    commented: Path, book: Path, runner: PspRunner
) -> None:
    runner.invoke(["risk", "update", "R-001", "--impact", "2", "--project", str(commented)])
    wb.edit(book, {("RAID log", "G2"): 1})
    refused = psp_import(commented, book, "--apply")
    assert refused.exit_code == 1
    assert refused.stdout.splitlines()[4:6] == [
        "│ R-001 │ Likelihood │             3 │               1 │ changed in both │",
        "│ R-001 │ Impact     │             2 │               4 │ changed in both │",
    ]
    assert refused.stderr == (
        "psp: nothing was written: the workbook was made from an older state of the folder, and "
        "R-001 changed both in the folder and in the workbook since; use --force to take the "
        "workbook's values for them\n"
    )
    forced = psp_import(commented, book, "--apply", "--force")
    assert forced.exit_code == 0, forced.output
    assert forced.stdout.splitlines()[-2:] == [
        "risks.yaml: R-001: likelihood 3 → 1",
        "risks.yaml: R-001: impact 2 → 4",
    ]


def test_notes_for_entries_changed_in_the_folder(
    commented: Path, book: Path, runner: PspRunner
) -> None:
    runner.invoke(["risk", "close", "R-002", "--project", str(commented)])
    result = psp_import(commented, book)
    assert result.exit_code == 0
    assert result.stdout == (
        "no differences: risks.yaml already holds what the workbook says\n"
        "note: R-002 changed in the folder since the workbook was made; the folder's values are "
        "kept\n"
    )


def test_not_a_workbook_exits_2(commented: Path) -> None:
    result = psp_import(commented, commented / "psp.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("psp: ")
    assert "cannot be read as an Excel workbook (.xlsx)" in result.stderr
