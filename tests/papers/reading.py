"""Reading a rendered paper back as text, the way a reader meets it: a Word paper's
paragraphs and table cells in body order, its headers and footers; a workbook's cells,
sheet by sheet."""

from __future__ import annotations

from collections.abc import Iterator
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


def xlsx_cells(path: Path) -> Iterator[Cell]:
    """Every cell with a value, as its text (a formula as written), sheet by sheet."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield Cell(f"{sheet.title}!{cell.coordinate}", str(cell.value))


def xlsx_rows(path: Path, sheet: str) -> list[list[Any]]:
    """A sheet's rows as lists of values."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    return [list(row) for row in book[sheet].iter_rows(values_only=True)]


def paper_cells(path: Path) -> list[Cell]:
    """Every piece of text in a paper, Word or Excel."""
    return list(docx_cells(path) if path.suffix == ".docx" else xlsx_cells(path))
