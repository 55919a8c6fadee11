"""psp render knowledge: the knowledge transfer register and lessons learned, read back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from tests.helpers import PspRunner


def test_the_register_and_the_lessons(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "knowledge.xlsx"
    args = ["render", "knowledge", str(example), "--as-of", "2011-10-15", "-o", str(out)]
    result = PspRunner().invoke(args)
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Knowledge transfer", "Lessons learned"]
    sheet = workbook["Knowledge transfer"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "ID", "Topic", "From", "To", "Method", "Owner", "Due", "Status", "Completed", "Evidence",
    ]  # fmt: skip
    assert rows[3] == [
        "K3",
        "Outcome recording for a small provider",
        "FCA Scotland",
        "JMT Fostering",
        "Mentoring",
        "P. Stewart",
        datetime(2011, 8, 31),
        "In progress",
        None,
        None,
    ]
    assert [r[0] for r in rows[1:]] == ["K1", "K2", "K3", "K4", "K5"]
    # as at 15 October 2011, K3 and K4 are past due and not done: red; done ones green
    fills = [sheet.cell(row=r, column=8).fill.fgColor.rgb for r in range(2, 7)]
    assert fills == ["00C6EFCE", "00C6EFCE", "00FFC7CE", "00FFC7CE", "00000000"]
    lessons = [[c.value for c in row] for row in workbook["Lessons learned"].iter_rows()]
    assert lessons[0] == ["ID", "Date", "Lesson", "Detail", "Category", "Action", "Owner"]
    assert [(r[0], r[2], r[6]) for r in lessons[1:]] == [
        ("L1", "Keep the vision on the table at every meeting", "L. Baird"),
        ("L2", "Have a fallback date for winter meetings", "R. Shaw"),
        ("L3", "Small providers find the time commitment hardest", "L. Baird"),
        ("L4", "Explain the standstill before the tender", "K. Duncan"),
    ]
    # categories as a heading writes them; L1 has no action and says so rather than a blank
    assert [(r[4], r[5]) for r in lessons[1:]] == [
        ("Governance", "No action set"),
        ("Governance", "Set a fallback date for every winter Governance Group"),
        ("Partnership", "Offer one-to-one briefings and mentoring by a larger provider (K3)"),
        ("Procurement", "Standstill briefing (K4)"),
    ]
