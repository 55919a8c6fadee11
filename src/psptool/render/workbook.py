"""Shared pieces for the Excel workbooks: styled tables, fitted columns, real dates,
dropdown lists kept on a hidden sheet, custom properties, and an atomic save."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..load.write import write_through
from ..vocabulary import RAG_COLOURS

HEADER_FILL = "1F3864"
RAG_FILL = RAG_COLOURS
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "#,##0"


def put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write a value from the folder into a cell. Text that starts with '=' stays text: a
    partner's title must never become a formula Excel runs (formula injection)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def cell_style(
    sheet: Any,
    *,
    font: Any = None,
    fill: Any = None,
    border: Any = None,
    alignment: Any = None,
    protection: Any = None,
    number_format: str | None = None,
) -> Any:
    """A cell style registered with the sheet's workbook once, for `append_row` to give to
    many cells. Setting `cell.font` (or fill, alignment...) looks the style up in the
    workbook's list by hashing and comparing it, for every cell; a style made once and
    copied is the same style in the saved file at a fraction of the cost. It is openpyxl's
    StyleArray, as `Cell(style_array=...)` takes it."""
    from openpyxl.cell.cell import Cell

    # never added to the sheet, so it needs no row or column (the stubs ask for them)
    probe = Cell(sheet)  # type: ignore[call-arg]
    for name, value in (
        ("font", font),
        ("fill", fill),
        ("border", border),
        ("alignment", alignment),
        ("protection", protection),
        ("number_format", number_format),
    ):
        if value is not None:
            setattr(probe, name, value)
    return probe._style  # type: ignore[attr-defined]  # the StyleArray: private, not in the stubs


def append_row(
    sheet: Any,
    values: Sequence[Any],
    styles: Sequence[Any],
    formulas: Container[int] = (),
) -> None:
    """Append a row below the sheet's last, each value with the style from `cell_style` at
    the same place in `styles` (None: no style). As with `put`, text from the folder that
    starts with '=' stays text; only the places in `formulas` hold formulas psp wrote."""
    from openpyxl.cell.cell import Cell

    cells = []
    for i, (value, style) in enumerate(zip(values, styles, strict=True)):
        # sheet.append gives each cell its row and column (the stubs ask for them here)
        cell = Cell(sheet, value=value, style_array=style)  # type: ignore[call-arg]
        if cell.data_type == "f" and isinstance(value, str) and i not in formulas:
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)


def new_workbook() -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    if workbook.active is not None:  # the empty sheet every new workbook starts with
        workbook.remove(workbook.active)
    return workbook


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def write_table(
    sheet: Any,
    name: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    start_row: int = 1,
    widths: dict[str, float] | None = None,
    date_columns: Sequence[str] = (),
    money_columns: Sequence[str] = (),
) -> str:
    """Write a header and rows as a real Excel table (filters, banded rows), freeze the header,
    fit the column widths, and format dates and money. Returns the table's cell range."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.table import Table, TableStyleInfo

    font, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
    centre = Alignment(vertical="center", wrap_text=True)
    for c, header in enumerate(headers, 1):
        cell = sheet.cell(row=start_row, column=c, value=header)
        cell.font, cell.fill, cell.alignment = font, fill, centre
    # one Alignment for all the cells that share it: openpyxl hashes what it is given per cell
    top, wrapped_top = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start_row + 1):
        for c, value in enumerate(row, 1):
            cell = put(sheet, r, c, value)
            header = headers[c - 1]
            if header in date_columns or isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif header in money_columns:
                cell.number_format = MONEY_FORMAT
            cell.alignment = wrapped_top if isinstance(value, str) and len(value) > 40 else top
    last_row = start_row + max(len(rows), 1)
    ref = f"A{start_row}:{column_letter(len(headers))}{last_row}"
    if rows:
        table = Table(displayName=name, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        sheet.add_table(table)
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    fit_columns(sheet, headers, rows, widths or {})
    return ref


def fit_columns(
    sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]], fixed: dict[str, float]
) -> None:
    for c, header in enumerate(headers, 1):
        if header in fixed:
            width = fixed[header]
        else:
            longest = max(
                [len(str(header))]
                + [
                    10 if isinstance(row[c - 1], date) else len(str(row[c - 1] or ""))
                    for row in rows
                    if c - 1 < len(row)
                ]
            )
            width = min(max(longest + 2, 6), 60)
        sheet.column_dimensions[column_letter(c)].width = width


def fit_row_heights(sheet: Any, widths: Mapping[int, float], first_row: int = 2) -> None:
    """Give wrapped rows the height their longest cell needs (Excel does not on opening)."""
    import math

    # only the columns that wrap are read (reading a cell makes it, so none past the last)
    first, last = min(widths, default=1), min(max(widths, default=0), sheet.max_column)
    if first > last:
        return
    for row in sheet.iter_rows(min_row=first_row, min_col=first, max_col=last):
        lines = 1
        for cell in row:
            width = widths.get(cell.column)
            if width and isinstance(cell.value, str):
                lines = max(lines, math.ceil(len(cell.value) / max(width - 1, 1)))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = 15 * min(lines, 12)


def print_landscape(workbook: Any) -> None:
    """Every sheet prints landscape on A4, one page wide, header row repeated."""
    for sheet in workbook.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet.max_row > 1 and sheet.title not in ("Map", "Heat map", "Gantt"):
            sheet.print_title_rows = "1:1"


def add_lists(workbook: Any, lists: dict[str, Sequence[str]]) -> dict[str, str]:
    """Put dropdown choices on a hidden 'Lists' sheet; return a range formula for each."""
    sheet = workbook.create_sheet("Lists")
    sheet.sheet_state = "hidden"
    refs = {}
    for c, (name, values) in enumerate(lists.items(), 1):
        sheet.cell(row=1, column=c, value=name)
        for r, value in enumerate(values, 2):
            sheet.cell(row=r, column=c, value=value)
        letter = column_letter(c)
        refs[name] = f"Lists!${letter}$2:${letter}${len(values) + 1}"
    return refs


def with_article(noun: str) -> str:
    """'an impact', 'a likelihood': the prompt Excel shows reads as English."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def dropdown(sheet: Any, formula: str, cells: str, prompt: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    # Excel shows the prompt and refuses a value not in the list only when asked to
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    validation.error = f"Choose {prompt} from the list"
    validation.errorTitle = "Not in the list"
    validation.prompt = f"Choose {prompt}"
    sheet.add_data_validation(validation)
    validation.add(cells)


def set_properties(workbook: Any, title: str, properties: dict[str, str]) -> None:
    from openpyxl.packaging.custom import StringProperty

    workbook.properties.title = title
    workbook.properties.creator = "psp"
    for key, value in properties.items():
        workbook.custom_doc_props.append(StringProperty(name=key, value=value))


def save(workbook: Any, output: Path, force: bool) -> None:
    """Save through a temporary file, then move it into place: never a half-written workbook,
    and never one holding a cell cut at Excel's limit."""
    refuse_full_cells(workbook)
    print_landscape(workbook)
    write_through(output, lambda path: workbook.save(str(path)), force=force)


def refuse_full_cells(workbook: Any) -> None:
    """Refuse a workbook with a text cell filled to Excel's limit: openpyxl cuts longer text
    to it without a word, so the cell may have lost the rest of a value (`CellTooLong`)."""
    from ..errors import CellTooLong
    from ..load.limits import EXCEL_CELL_CHARS, excel_length

    for sheet in workbook.worksheets:
        cells = sheet._cells.values()  # the cells written, without padding the grid
        for cell in cells:
            value = cell.value
            if isinstance(value, str) and excel_length(value) >= EXCEL_CELL_CHARS:
                raise CellTooLong(
                    f"sheet '{sheet.title}', cell {cell.coordinate}: the text fills the "
                    f"{EXCEL_CELL_CHARS:,} characters an Excel cell holds, and the rest of it "
                    "would be lost; shorten it in the folder; nothing was written"
                )
