"""The highlight report in Markdown, HTML and Word: content checked, not bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.check import validate
from psptool.render.html import to_html
from psptool.render.status import status_document
from psptool.render.tables import Table
from psptool.render.writers import to_docx, to_markdown_text
from psptool.report import status_report
from tests.helpers import EXAMPLE

AS_OF = date(2011, 6, 30)


@pytest.fixture(scope="module")
def document():
    project = validate(EXAMPLE, AS_OF, find=False).result.project
    return status_document(status_report(project, AS_OF))


def test_markdown(document) -> None:
    text = to_markdown_text(document)
    assert text.startswith("# Highlight report: Falkirk Foster Care PSP\n")
    assert "## Overall status — Red" in text
    row = "| Issue | Fewer pilot placements than planned | L. Baird | 5 × 3 | 15 | Red |"
    assert row in text
    # −20 ÷ 46,500 = −0.043%: not 0% beside money that differs
    assert "| To date | £46,500 | £46,480 | −£20 | −0.04% |" in text
    # R1, R4 and R10 tie on 9 for fifth place: all three are shown, six of the ten open
    assert "**The 6 highest scoring of the 10 open entries (3 entries tie on a score of 9)**" in (
        text
    )
    assert "- Full business case: Falkirk Council, needed by 30 September 2011" in text
    # R7's target of 10 is a score (risks.yaml: likelihood 5, impact 2 once its actions are
    # done), not a date: the note says what Target is
    assert (
        "Open entries: 1 Red, 9 Amber, 0 Green. Score = likelihood × impact; Amber from 5, Red "
        "from 15. Target: the score aimed for once the actions are done."
    ) in text
    # ten of the fourteen milestones on the critical path are done; M13 to M16 are to come
    assert (
        "Critical path: 10 milestones done; still to come: Pilot ends: evaluation and full "
        "business case to the Governance Group (30 September 2011) → Service specification "
        "co-designed with providers (31 October 2011) → Framework agreement awarded (31 "
        "January 2012) → Framework contract mobilised and started (2 April 2012)."
    ) in text
    # the one decision: the full business case, needed by the next period's end (see
    # tests/report/test_status.py)
    assert (
        "1. Approve the full business case (Falkirk Council's sign-off is needed by 30 "
        "September 2011)."
    ) in text


def test_the_highlight_report_names_things_by_title_never_by_id(document) -> None:
    import re

    html = to_html(document)
    html = html[: html.index("<style>")] + html[html.index("</style>") :]  # A4 paper
    for page in (to_markdown_text(document), html):
        # RAID entries R7, milestones M13, benefits B1, decisions D9, meetings GG-2011-06
        assert re.findall(r"\b(?:[RAIDMB]\d+|GG-\d{4}-\d\d)\b", page) == []


def test_html_is_self_contained_with_svg_charts(document) -> None:
    page = to_html(document)
    assert page.startswith("<!DOCTYPE html>")
    assert (
        "<script" not in page
        and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
        and "https://" not in page
    )
    assert page.count('aria-label="Risk heat map"') == 1
    assert page.count('aria-label="Benefits progress"') == 1
    assert "@page { size: A4" in page
    assert '<span class="rag" style="background:#c00000;color:#ffffff">Red</span>' in page


def test_html_escapes_names() -> None:
    from psptool.render.document import Document, Para

    assert "&lt;b&gt;Smith &amp; Co" in to_html(Document("t", "", [Para("<b>Smith & Co")]))


def test_docx(document, tmp_path: Path) -> None:
    from docx import Document as WordDocument

    path = tmp_path / "status.docx"
    to_docx(document, path)
    word = WordDocument(str(path))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Overall status  Red" in headings
    assert "Key risks and issues" in headings and "Benefits and KPIs" in headings
    cells = [[c.text for c in row.cells] for t in word.tables for row in t.rows]
    assert [
        "Issue",
        "Fewer pilot placements than planned",
        "L. Baird",
        "5 × 3",
        "15",
        "Red",
        "10",
        "1",  # R7's open actions: the evaluation's weighting was agreed on 24 June 2011 (D9)
    ] in cells
    assert word.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)


def test_the_benefits_table_gives_baseline_and_target_in_one_column(document, tmp_path) -> None:
    """Six columns, not seven: the benefit and why it is behind have the room they need."""
    from docx import Document as WordDocument

    path = tmp_path / "status.docx"
    to_docx(document, path)
    word = WordDocument(str(path))
    benefits = next(t for t in word.tables if t.rows[0].cells[0].text == "Benefit")
    rows = [[c.text for c in row.cells] for row in benefits.rows]
    assert rows[0] == ["Benefit", "Baseline to target", "Latest", "Progress", "RAG", "Why"]
    # benefits.yaml: B3 from £860 to £800 a week, latest £829 a week: (829 − 860) / (800 −
    # 860) = 31 / 60 = 52%
    assert rows[3][:4] == [
        "Lower average weekly fee for external placements",
        "£860 to £800 a week",
        "£829 a week",
        "52%",
    ]
    assert rows[2][1] == "22 to 12 children"  # B2
    assert rows[1][1] == "35% to 70%"  # B1
    assert rows[4][1] == "£1,450,000 to £1,300,000 a year"  # B4
    # the RAG cell still shaded amber (FFC000), now the fifth column
    assert rows[1][4] == "Amber"
    assert benefits.rows[1].cells[4]._tc.tcPr.xpath("./w:shd/@w:fill") == ["FFC000"]
    # "the line" in each reason is said once, under the table
    texts = [p.text for p in word.paragraphs]
    assert (
        "The line to target runs straight from the baseline, at the partnership's start, to "
        "the target by its date. A benefit behind the line is Amber; Red when it is behind by "
        "more than a quarter of the distance from baseline to target."
    ) in texts


def test_the_stage_gate_gives_a_due_column_only_where_the_plan_dates_an_item(
    document, tmp_path: Path
) -> None:
    from tests.papers.folders import sparse_folder

    def gate(doc) -> list[list[str]]:
        table = next(t for t in doc.blocks if isinstance(t, Table) and t.columns[1:2] == ["Item"])
        return [table.columns, *table.rows]

    # the example: three items unmet, each due on 30 September 2011 (M13, the pilot's end)
    rows = gate(document)
    assert rows[0] == ["", "Item", "Why", "Due"]
    assert [r[3] for r in rows[1:] if r[0] == "✗"] == ["30 September 2011"] * 3
    # the sparse folder: seven unmet; only the outline business case is dated, by the
    # board's meeting of 20 August 2026 whose agenda names it (no milestone delivers it)
    folder = sparse_folder(tmp_path / "sparse")
    as_of = date(2026, 6, 30)
    sparse = status_document(
        status_report(validate(folder, as_of, find=False).result.project, as_of)
    )
    rows = gate(sparse)
    assert rows[0] == ["", "Item", "Why", "Due"]
    assert [(r[1], r[3]) for r in rows[1:] if r[3]] == [
        ("Outline business case signed off by every partner", "20 August 2026")
    ]
    # the issue no one owns says so, as the agenda does, not with a dash
    risks = next(t for t in sparse.blocks if isinstance(t, Table) and t.columns[0] == "Type")
    assert [row[:3] for row in risks.rows] == [
        ["Risk", "Respite places run out in the winter", "B. Manager"],
        ["Issue", "Referrals from GP practices are slow", "No owner"],
    ]
    # neither has a target score agreed: the Target column says so, not with a dash
    assert [row[6] for row in risks.rows] == ["Not set", "Not set"]
    # M2 (due 30 September 2026) waits for M1, the full business case, due 31 December 2026
    # but forecast no earlier than a 12-month pilot from the outline's sign-off on 20 August
    # 2026 can end (20 August 2027): both forecasts are given, so the path does not seem to
    # run back in time, nor forecast what cannot be met
    assert (
        "Critical path: Full business case agreed (due 31 December 2026, forecast 20 August "
        "2027) → Tender for respite services published (due 30 September 2026, forecast 20 "
        "August 2027)."
    ) in to_markdown_text(sparse)
    assert len(rows) == 10 and sum(r[0] == "✗" for r in rows) == 7
    assert "Due: when the plan needs an item still unmet." in to_markdown_text(sparse)


@pytest.mark.parametrize(
    ("baseline", "target", "unit", "shown"),
    [
        (35, 70, "%", "35% to 70%"),
        (22, 12, "children", "22 to 12 children"),
        (860, 800, "GBP per week", "£860 to £800 a week"),
        (1_450_000, 1_300_000, "GBP per year", "£1,450,000 to £1,300,000 a year"),
        (1500, 1200, "GBP", "£1,500 to £1,200"),
        (2.5, 4, None, "2.5 to 4"),
        (None, 70, "%", "70%"),
        (35, None, "%", "35%"),
    ],
)
def test_from_to_says_the_unit_once(baseline, target, unit, shown) -> None:
    from psptool.render.status import from_to

    assert from_to(baseline, target, unit) == shown


# choosing the format and the file (psp report status --format / -o) -----------------------


def _never() -> bool:
    raise AssertionError("the terminal is asked about only when nothing else decides")


def test_a_files_suffix_decides_its_format(tmp_path: Path) -> None:
    from psptool.render.status_output import status_target

    for name, fmt in [
        ("r.md", "markdown"),
        ("r.MARKDOWN", "markdown"),
        ("r.html", "html"),
        ("r.htm", "html"),
        ("r.docx", "docx"),
        ("r.txt", "terminal"),
    ]:
        target = status_target(None, tmp_path / name, tmp_path, AS_OF, is_terminal=_never)
        assert (target.format, target.output) == (fmt, tmp_path / name)
    agreed = status_target("html", tmp_path / "r.htm", tmp_path, AS_OF, is_terminal=_never)
    assert agreed.format == "html"


def test_a_suffix_that_does_not_fit_is_refused(tmp_path: Path) -> None:
    from psptool.errors import WrongSuffix
    from psptool.render.status_output import status_target

    with pytest.raises(WrongSuffix) as wrong:
        status_target("html", tmp_path / "r.md", tmp_path, AS_OF, is_terminal=_never)
    assert str(wrong.value) == "r.md: write html to a file ending in .html or .htm"
    with pytest.raises(WrongSuffix) as unknown:
        status_target(None, tmp_path / "r.pdf", tmp_path, AS_OF, is_terminal=_never)
    assert str(unknown.value) == "r.pdf: write a report to a file ending in .md, .html or .docx"
    with pytest.raises(WrongSuffix):  # so never over one of the folder's own files
        status_target(None, tmp_path / "risks.yaml", tmp_path, AS_OF, is_terminal=_never)


def test_without_a_file_the_terminal_decides(tmp_path: Path) -> None:
    from psptool.render.status_output import status_target

    on_tty = status_target(None, None, tmp_path, AS_OF, is_terminal=lambda: True)
    piped = status_target(None, None, tmp_path, AS_OF, is_terminal=lambda: False)
    assert (on_tty.format, on_tty.output) == ("terminal", None)
    assert (piped.format, piped.output) == ("markdown", None)
    assert status_target("html", None, tmp_path, AS_OF, is_terminal=_never).format == "html"
    word = status_target("docx", None, tmp_path, AS_OF, is_terminal=_never)
    assert word.output == tmp_path / "out" / "status-2011-06-30.docx"


@pytest.fixture(scope="module")
def report():
    return status_report(validate(EXAMPLE, AS_OF, find=False).result.project, AS_OF)


def test_standard_output_gets_text_or_rich_blocks(report, document) -> None:
    from io import StringIO

    from rich.console import Console

    from psptool.render.status_output import StatusTarget, render_status

    markdown = render_status(report, StatusTarget("markdown", None), force=False)
    assert (markdown.written, markdown.text) == (None, to_markdown_text(document))
    html = render_status(report, StatusTarget("html", None), force=False)
    assert html.text == to_html(document)
    terminal = render_status(report, StatusTarget("terminal", None), force=False)
    assert terminal.text is None and terminal.written is None
    shown = StringIO()
    console = Console(file=shown, width=80, color_system=None)
    for block in terminal.blocks:
        console.print(block)
    lines = shown.getvalue().splitlines()
    assert lines[:3] == [
        "Highlight report: Falkirk Foster Care PSP",
        # "pilot stage", as the stage gate's heading says it; the date kept on one line
        "As at 30 June 2011 · pilot stage · reporting period 1 April 2011 to 30 June 2011",
        "(3 months)",
    ]
    assert "┃ Area             ┃ RAG   ┃ Why" in shown.getvalue()


def test_files_are_written_and_never_over_one_unless_forced(report, tmp_path: Path) -> None:
    from psptool.errors import OutputExists
    from psptool.render.status_output import StatusTarget, render_status

    text = tmp_path / "status.txt"
    assert render_status(report, StatusTarget("terminal", text), force=False).written == text
    plain = text.read_text(encoding="utf-8")
    assert plain.startswith("Highlight report: Falkirk Foster Care PSP\n")
    assert "\x1b[" not in plain  # no colour in a file
    assert max(len(line) for line in plain.splitlines()) <= 120
    with pytest.raises(OutputExists):
        render_status(report, StatusTarget("terminal", text), force=False)
    word = tmp_path / "out" / "status.docx"
    assert render_status(report, StatusTarget("docx", word), force=False).written == word
    assert word.read_bytes()[:2] == b"PK"
    with pytest.raises(OutputExists):
        render_status(report, StatusTarget("docx", word), force=False)
    render_status(report, StatusTarget("docx", word), force=True)


def test_docx_captions_stand_clear_and_the_footer_gives_the_date(document, tmp_path: Path) -> None:
    from docx import Document as WordDocument

    from psptool.render.writers import CAPTION_SPACE_BEFORE

    path = tmp_path / "status.docx"
    to_docx(document, path)
    word = WordDocument(str(path))
    caption = next(
        p for p in word.paragraphs if p.text.startswith("The 6 highest scoring of the 10")
    )
    # space above (10 pt), and kept on the page of its table
    assert caption.paragraph_format.space_before.pt == CAPTION_SPACE_BEFORE == 10
    assert caption.paragraph_format.keep_with_next is True
    note = next(p for p in word.paragraphs if p.text.startswith("Open entries: 1 Red"))
    assert note.paragraph_format.space_before.pt == 3
    footer = word.sections[0].footer.paragraphs[0].text
    assert "Highlight report: Falkirk Foster Care PSP · 30 June 2011" in footer


def test_a_small_variance_is_not_printed_as_nought_per_cent() -> None:
    from psptool.render.status import signed_pct

    # the example to date: £46,480 spent of £46,500 planned, −20 ÷ 46,500 = −0.043%
    assert signed_pct(-20 / 46_500 * 100) == "−0.04%"
    assert signed_pct(2 / 46_500 * 100) == "under 0.01%"  # 0.0043%
    assert signed_pct(0.0) == "0%"
    assert signed_pct(-2.66) == "−2.7%"
    assert signed_pct(5.0) == "+5%"
