"""The highlight report in Markdown, HTML and Word: content checked, not bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.check import validate
from psptool.render.html import to_html
from psptool.render.status import status_document
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
    assert "## Overall status — RED" in text
    row = "| R7 | issue | Fewer pilot placements than planned | L. Baird | 5 × 3 | 15 | red |"
    assert row in text
    assert "| To date | £46,500 | £46,480 | −£20 | 0 |" in text
    assert "1. Before moving to sustain: The pilot has run 12 months" in text


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
    assert '<span class="rag" style="background:#c00000;color:#ffffff">RED</span>' in page


def test_html_escapes_names() -> None:
    from psptool.render.document import Document, Para

    assert "&lt;b&gt;Smith &amp; Co" in to_html(Document("t", "", [Para("<b>Smith & Co")]))


def test_docx(document, tmp_path: Path) -> None:
    from docx import Document as WordDocument

    path = tmp_path / "status.docx"
    to_docx(document, path)
    word = WordDocument(str(path))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Overall status  RED" in headings
    assert "Key risks and issues" in headings and "Benefits and KPIs" in headings
    cells = [[c.text for c in row.cells] for t in word.tables for row in t.rows]
    assert [
        "R7",
        "issue",
        "Fewer pilot placements than planned",
        "L. Baird",
        "5 × 3",
        "15",
        "red",
        "10",
        "2",
    ] in cells
    assert word.sections[0].page_width.cm == pytest.approx(21.0, abs=0.01)
