"""Reading a rendered paper back as text, the way a reader meets it: a Word paper's
paragraphs and table cells in body order, its headers and footers; a workbook's cells,
sheet by sheet."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Cell:
    """One piece of text in a paper and where it is: `table 3 row 2`, `Risks!C4`."""

    where: str
    text: str


def docx_lines(path: Path) -> list[str]:
    """Every paragraph's text and every table row (cells joined by " | "), in body order."""
    return [cell.text for cell in docx_cells(path, rows=True)]


def docx_cells(path: Path, rows: bool = False) -> Iterator[Cell]:
    """Each paragraph and each table cell of a Word paper (or each table row, `rows`), then
    the headers' and footers' paragraphs."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    tables = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Cell("paragraph", Paragraph(child, document).text)
        elif tag == "tbl":
            tables += 1
            for r, row in enumerate(Table(child, document).rows, 1):
                texts = _row_texts(row)
                if rows:
                    yield Cell(f"table {tables} row {r}", " | ".join(texts))
                else:
                    for c, text in enumerate(texts, 1):
                        yield Cell(f"table {tables} row {r} cell {c}", text)
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                yield Cell("header or footer", paragraph.text)


def _row_texts(row: Any) -> list[str]:
    """A row's cells, a merged cell once."""
    seen: list[Any] = []
    texts = []
    for cell in row.cells:
        if any(cell._tc is s for s in seen):
            continue
        seen.append(cell._tc)
        texts.append(cell.text)
    return texts


def docx_tables(path: Path) -> list[list[list[str]]]:
    """Each table of a Word paper as rows of cell texts."""
    from docx import Document

    return [[_row_texts(row) for row in table.rows] for table in Document(str(path)).tables]


def xlsx_cells(path: Path, skip: Callable[[str, str], bool] | None = None) -> Iterator[Cell]:
    """Every text cell a reader sees, sheet by sheet: hidden sheets, numbers, dates, true or
    false and formulas left out (they are data the workbook computes or imports with), and
    any cell in a column `skip(sheet, header)` says to leave out."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        headers = {c.column: str(c.value) for c in sheet[1] if c.value is not None}
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or value.startswith("="):
                    continue
                if (
                    skip is not None
                    and cell.row > 1
                    and skip(sheet.title, headers.get(cell.column, ""))
                ):
                    continue
                yield Cell(f"{sheet.title}!{cell.coordinate}", value)


def xlsx_rows(path: Path, sheet: str) -> list[list[Any]]:
    """A sheet's rows as lists of values."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def paper_cells(path: Path, skip: Callable[[str, str], bool] | None = None) -> list[Cell]:
    """Every piece of text in a paper, Word or Excel (`skip` as for `xlsx_cells`)."""
    return list(docx_cells(path) if path.suffix == ".docx" else xlsx_cells(path, skip))
