"""The highlight report, the agenda and the minutes read back as a chair reads them: the
overall status in a sentence, one way to write a RAG, nothing rated that has nothing to rate,
who takes any other business, the meeting's time and venue, and why each decision was taken
(issue #14)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.papers.text import docx_lines, docx_tables

pytestmark = pytest.mark.slow


def _lines(rendered: dict, case: str) -> list[str]:
    return docx_lines(rendered[case][0])


def _after(lines: list[str], heading: str, count: int = 1) -> list[str]:
    start = lines.index(heading) + 1
    return lines[start : start + count]


def test_the_sparse_highlight_report_rates_no_budget_it_does_not_have(rendered: dict) -> None:
    lines = _lines(rendered, "sparse:status")
    assert _after(lines, "Overall status  Red") == [
        "Red, set by the risks and issues: Respite places run out in the winter is Red. The "
        "schedule is Amber. The budget and the benefits are not rated: no budget is recorded "
        "and no benefits are recorded yet."
    ]
    # the heading of the budget has no RAG and no table of zeros follows it
    assert _after(lines, "Budget", 2) == ["Not rated: no budget is recorded.", "Benefits and KPIs"]
    (areas, *_) = docx_tables(rendered["sparse:status"][0])
    assert areas == [
        ["Area", "RAG", "Why"],
        # M2 (the tender, due 30 September) depends on M1 (due 31 December): by title
        [
            "Schedule",
            "Amber",
            # M1 is due before a 12-month pilot can end (from 21 August 2026)
            "‘Full business case agreed’ is due on 31 December 2026, before a 12-month pilot "
            "can have run (it cannot end before 20 August 2027); "
            "‘Tender for respite services published’ is due on 30 September 2026, before ‘Full "
            "business case agreed’, which it depends on",
        ],
        ["Risks and issues", "Red", "Respite places run out in the winter is Red"],
        ["Budget", "Not rated", "no budget is recorded"],
        ["Benefits", "Not rated", "no benefits are recorded yet"],
    ]


def test_a_rag_is_written_one_way_and_keeps_its_colour(rendered: dict) -> None:
    from docx import Document

    word = Document(str(rendered["example:status"][0]))
    risks = next(t for t in word.tables if t.rows[0].cells[0].text == "Type")
    r7 = risks.rows[1].cells
    assert [c.text for c in r7[:2]] + [r7[5].text] == [
        "Issue",
        "Fewer pilot placements than planned",
        "Red",
    ]
    shading = r7[5]._tc.tcPr.xpath("./w:shd/@w:fill")
    assert shading == ["C00000"]
    actions = next(t for t in word.tables if t.rows[0].cells[0].text == "No.")
    assert {row.cells[4].text for row in actions.rows[1:]} == {"Not yet due"}  # July 2011
    benefits = next(t for t in word.tables if t.rows[0].cells[0].text == "Benefit")
    b1 = [c.text for c in benefits.rows[1].cells]
    assert b1[4:] == ["Amber", "behind the line by 7.8 percentage points"]
    b3 = [c.text for c in benefits.rows[3].cells]
    assert b3[5] == "behind the line by £7 a week"


def test_the_agenda_says_who_takes_other_business_when_there_is_no_chair(
    rendered: dict,
) -> None:
    lines = _lines(rendered, "sparse:agenda")
    # the meeting by its group and date, never its id (SG-2); no chair, said once
    assert lines[1:5] == [
        "Partnership Board",
        "Riverside Carers PSP · 20 August 2026",
        "The group has no chair yet.",
        "The time and venue are not yet set.",
    ]
    assert _after(lines, "8. Any other business") == [
        "Items to be notified to B. Manager, the project manager, before the meeting."
    ]
    assert _after(lines, "2. Minutes of the last meeting") == [
        "The minutes of the meeting of 14 May 2026, for approval."
    ]
    assert _after(lines, "4. Highlight report") == [
        "Overall status: Red, set by the risks and issues: Respite places run out in the winter "
        "is Red. The schedule is Amber. The budget and the benefits are not rated: no budget is "
        "recorded and no benefits are recorded yet."
    ]


def test_the_example_agenda_gives_its_time_venue_and_chair(rendered: dict) -> None:
    lines = _lines(rendered, "example:agenda")
    assert lines[1:4] == [
        "PSP Governance Group",
        "Falkirk Foster Care PSP · 23 September 2011 at 10:00 · Falkirk Council, Municipal "
        "Buildings",
        "Chair: A. Morrison",
    ]
    assert _after(lines, "8. Any other business") == [
        "Items to be notified to A. Morrison, the chair, before the meeting."
    ]


def test_the_minutes_give_each_decision_its_reason(rendered: dict) -> None:
    (_, decisions, _) = docx_tables(rendered["sparse:minutes"][0])
    assert decisions == [
        # the decision numbered in the minutes, 1, not the log's D1
        ["No.", "Decision", "Rationale", "Affects"],
        [
            "1",
            "Prefer the shared respite booking line",
            # cost 4 × 2 + reach 4 × 3 = 20 of the most 25: 80 of 100, above doing nothing
            "Highest scored in the options appraisal: 80 of 100.",
            "Option: Shared respite booking line",  # kind and title, not O1
        ],
    ]
    example = docx_tables(rendered["example:minutes"][0])[1]
    assert [row[2] for row in example[1:]] == [
        "Nine placements against sixteen planned",
        "The preferred option of the appraisal and the time Corporate Procurement has confirmed",
    ]


def test_a_measurement_since_the_last_report_reads_as_a_figure(example: Path) -> None:
    """A large measurement compared with git is written with its unit, never as 1.388e+06."""
    from psptool import load_project
    from psptool.render.status import status_document
    from psptool.report.changes import Changes, Measured
    from psptool.report.status import status_report

    project = load_project(example).project
    report = status_report(project, date(2011, 6, 30))
    report.changes = Changes(
        benefits_measured=[Measured("B4", "Lower annual spend", [(date(2011, 6, 30), 1388000)])]
    )
    report.since = "abc12345 of 2011-03-31 (quarter end)"
    items = next(
        b.items
        for b in status_document(report).blocks
        if getattr(b, "items", None) and any("measured" in i for i in b.items)
    )
    assert items == ["Lower annual spend: measured £1,388,000 a year on 30 June 2011"]
