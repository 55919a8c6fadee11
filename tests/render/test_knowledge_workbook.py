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
    # the statuses a Status cell offers are on a hidden sheet
    assert workbook.sheetnames == ["Knowledge transfer", "Lessons learned", "Lists"]
    assert workbook["Lists"].sheet_state == "hidden"
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
    assert [r[0] for r in rows[1:] if r[0]] == ["K1", "K2", "K3", "K4", "K5"]
    # (#14 round 3) a person who gives or receives is named with their organisation, as the
    # partners beside them are organisations: K4 from K. Duncan of Falkirk Council, K5 from
    # L. Baird to S. Reid (both Falkirk Council, partners.yaml); and no bare id in the text:
    # K1's evidence names the baseline (M4, due 7 May 2010, milestones.yaml)
    assert rows[4][2] == "K. Duncan (Falkirk Council)"
    assert (rows[5][2], rows[5][3]) == ("L. Baird (Falkirk Council)", "S. Reid (Falkirk Council)")
    assert rows[1][9] == (
        "In-house service profile, circulated with the baseline of current placements (7 May 2010)"
    )
    # (#14) done is green and past due and not done red by rules, not fills, so a status or
    # a date changed in the sheet recolours it: over the five rows and 200 spare ones
    assert sheet.cell(row=2, column=8).fill.fgColor.rgb == "00000000"
    rules = [
        (str(rng.sqref), r.formula, r.dxf.fill.bgColor.rgb)
        for rng in sheet.conditional_formatting
        for r in rng.rules
    ]
    assert rules == [
        ("H2:H206", ['$H2="Done"'], "00C6EFCE"),
        ("H2:H206", ['AND($H2<>"",$H2<>"Done",ISNUMBER($G2),$G2<AsAt)'], "00FFC7CE"),
    ]
    assert workbook.defined_names["AsAt"].attr_text == "DATE(2011,10,15)"
    (status,) = sheet.data_validations.dataValidation
    assert (str(status.sqref), status.formula1) == ("H2:H206", "Lists!$A$2:$A$4")
    assert [workbook["Lists"].cell(row=r, column=1).value for r in (2, 3, 4)] == [
        "Planned", "In progress", "Done",
    ]  # fmt: skip
    # a date typed below reads as the dates above: the column's format; and a row a
    # partner adds prints, as no fixed print area leaves it out
    assert sheet.column_dimensions["G"].number_format == "d mmmm yyyy"
    assert workbook["Lessons learned"].column_dimensions["B"].number_format == "d mmmm yyyy"
    assert not sheet.print_area and not workbook["Lessons learned"].print_area
    lessons = [[c.value for c in row] for row in workbook["Lessons learned"].iter_rows(max_row=5)]
    assert lessons[0] == ["ID", "Date", "Lesson", "Detail", "Category", "Action", "Owner"]
    assert [(r[0], r[2], r[6]) for r in lessons[1:]] == [
        ("L1", "Keep the vision on the table at every meeting", "L. Baird"),
        ("L2", "Have a fallback date for winter meetings", "R. Shaw"),
        ("L3", "Small providers find the time commitment hardest", "L. Baird"),
        ("L4", "Explain the standstill before the tender", "K. Duncan"),
    ]
    # categories as a heading writes them; every action in words, no bare K3 or K4 (#14
    # round 3): L1 needs none, as its practice is one of the values in psp.yaml
    assert [(r[4], r[5]) for r in lessons[1:]] == [
        (
            "Governance",
            "None needed: reading the vision at the start of every meeting is now one of the "
            "partnership's values",
        ),
        ("Governance", "Set a fallback date for every winter Governance Group"),
        (
            "Partnership",
            "Offer one-to-one briefings and mentoring by a larger provider (FCA Scotland "
            "mentors JMT Fostering in outcome recording)",
        ),
        (
            "Procurement",
            "Brief the providers on the tender and its standstill before it begins "
            "(Corporate Procurement's workshop, due 30 September 2011)",
        ),
    ]


def test_empty_registers_are_tables_and_say_so(tmp_path: Path) -> None:
    # (#14) the sparse folder records no transfers and no lessons: each sheet is still a
    # table (as the worked example's are), its one row the note every workbook writes, and
    # its date and name columns wide enough for "30 September 2026" and a partner's name
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    out = tmp_path / "knowledge.xlsx"
    args = ["render", "knowledge", str(folder), "--as-of", SPARSE_AS_OF.isoformat(), "-o", str(out)]
    result = PspRunner().invoke(args)
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    transfers, lessons = workbook["Knowledge transfer"], workbook["Lessons learned"]
    assert transfers.tables["KnowledgeTransfer"].ref == "A1:J2"
    assert lessons.tables["LessonsLearned"].ref == "A1:G2"
    assert transfers["A2"].value == "No knowledge transfers are recorded as at 30 June 2026."
    assert lessons["A2"].value == "No lessons are recorded as at 30 June 2026."
    widths = {c: transfers.column_dimensions[c].width for c in "CFG"}  # From, Owner, Due
    assert widths == {"C": 14, "F": 14, "G": 17}
    assert {c: lessons.column_dimensions[c].width for c in "BG"} == {"B": 17, "G": 14}
