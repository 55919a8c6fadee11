"""The portfolio as an Excel workbook: one sheet for the partnerships and one for each view
across the portfolio, each printing as DESIGN.md §6 asks (landscape, one page wide, header
row repeated, the title, sheet name and page number in the header and footer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..report.formatting import long_date
from ..report.portfolio import Portfolio, rows_by_concern
from .portfolio import TITLE, portfolio_tables
from .tables import Table, cell_text
from .workbook import RAG_FILL, new_workbook, put, save, set_properties, text_colour, write_table

SHEETS = {
    "One row per partnership": "Partnerships",
    "Run psp validate": "Errors",
    "Risk heat map": "Heat map",
    "Open entries by cell": "Heat map",
    "Funders": "Budget cycles",
    "Stages": "Stages",
    "Partners in several partnerships": "Shared partners",
    "Since": "Since",
}
"""Sheet names by the start of a table's title; the heat map's grid and its list of cells
share a sheet."""

WIDE = 60


def _sheet_for(table: Table) -> str:
    return next(name for start, name in SHEETS.items() if table.title.startswith(start))


def _values(table: Table) -> list[list[Any]]:
    """Cells as a reader sees them, numbers kept numbers so Excel can sum and sort them."""
    return [
        [v if isinstance(v, int | float) and not isinstance(v, bool) else cell_text(v) for v in row]
        for row in table.rows
    ]


def _colour(sheet: Any, table: Table, first_row: int) -> None:
    from openpyxl.styles import Font, PatternFill

    fills = {rag: PatternFill("solid", fgColor=colour) for rag, colour in RAG_FILL.items()}
    white = Font(color="FFFFFF", bold=True)
    for (r, c), rag in table.rags.items():
        if rag in fills:
            cell = sheet.cell(row=first_row + r, column=c + 1)
            cell.fill = fills[rag]
            if rag == "red":
                cell.font = white


def _print_setup(sheet: Any, portfolio: Portfolio) -> None:
    sheet.oddHeader.left.text = f"{TITLE}, {long_date(portfolio.as_of)}"
    sheet.oddHeader.right.text = "&A"
    sheet.oddFooter.left.text = "psp portfolio"
    sheet.oddFooter.right.text = "Page &P of &N"


def _heat_map_sheet(sheet: Any, grid: Table, cells: Table) -> None:
    """The 5 × 5 grid of counts, coloured, then the list of cells with their partnerships."""
    from openpyxl.styles import Alignment, Font

    put(sheet, 1, 1, grid.title).font = Font(bold=True, size=12)
    for c, name in enumerate(grid.columns, 1):
        put(sheet, 2, c, name).font = Font(bold=True)
    for r, line in enumerate(_values(grid), 3):
        for c, value in enumerate(line, 1):
            cell = put(
                sheet,
                r,
                c,
                int(value) if isinstance(value, str) and value.isdigit() else value or None,
            )
            cell.alignment = Alignment(horizontal="center" if c > 1 else "left")
    _colour(sheet, grid, 3)
    put(sheet, 8, 1, grid.notes[0]).alignment = Alignment(wrap_text=False)
    start = 10
    put(sheet, start, 1, cells.title).font = Font(bold=True, size=12)
    write_table(
        sheet,
        "HeatMapCells",
        cells.columns,
        _values(cells),
        start_row=start + 1,
        widths={"Partnerships": WIDE, "L × I": 14},
    )
    _colour(sheet, cells, start + 2)
    for r in range(start + 2, start + 2 + len(cells.rows)):
        sheet.cell(row=r, column=4).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.print_title_rows = f"{start + 1}:{start + 1}"
    sheet.freeze_panes = None


def _brand_names(sheet: Any, portfolio: Portfolio) -> None:
    """Each partnership's name on its own colour (psp.yaml `branding.colour`), where it has
    one, the text black or white for contrast; the rows as the Partnerships table orders
    them."""
    from openpyxl.styles import Font, PatternFill

    for r, row in enumerate(rows_by_concern(portfolio.rows), 2):
        if row.colour is None:
            continue
        colour = row.colour.removeprefix("#")
        cell = sheet.cell(row=r, column=1)
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.font = Font(bold=True, color=text_colour(colour))


def write_portfolio_workbook(portfolio: Portfolio, output: Path, *, force: bool) -> None:
    """Write the workbook to `output` atomically (an existing file only with `force`)."""
    from openpyxl.styles import Alignment

    workbook = new_workbook()
    tables = portfolio_tables(portfolio)
    by_sheet: dict[str, list[Table]] = {}
    for table in tables:
        by_sheet.setdefault(_sheet_for(table), []).append(table)
    for index, (name, found) in enumerate(by_sheet.items()):
        sheet = workbook.create_sheet(name)
        if name == "Heat map":
            _heat_map_sheet(sheet, found[0], found[1])
        else:
            table = found[0]
            wide: dict[str, float] = {
                c: WIDE
                for c in ("Partnerships", "Which", "First error", "Note")
                if c in table.columns
            }
            write_table(
                sheet,
                f"T{index}_{name.replace(' ', '')}",
                table.columns,
                _values(table),
                widths=wide,
            )
            _colour(sheet, table, 2)
            for c, column in enumerate(table.columns, 1):
                if column in wide:
                    for r in range(2, 2 + len(table.rows)):
                        sheet.cell(row=r, column=c).alignment = Alignment(
                            wrap_text=True, vertical="top"
                        )
        if name == "Partnerships":
            _brand_names(sheet, portfolio)
        _print_setup(sheet, portfolio)
    set_properties(
        workbook,
        TITLE,
        {"As at": portfolio.as_of.isoformat(), "Partnerships": str(len(portfolio.rows))},
    )
    save(workbook, output, force)
