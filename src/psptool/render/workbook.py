"""Shared pieces for the Excel workbooks: styled tables, fitted columns, real dates,
dropdown lists kept on a hidden sheet, custom properties, and an atomic save that lays every
sheet out for print and for editing (`finish`): landscape and one page wide, header rows
repeated, the partnership, sheet and page in the header and footer, wrapped rows tall enough
to show their text, a filter on every table, and every font named."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..load.write import write_through
from ..vocabulary import RAG_COLOURS

HEADER_FILL = "1F3864"
RAG_FILL = RAG_COLOURS
DATE_FORMAT = "d mmmm yyyy"
"""Dates as the Word papers write them ("30 June 2011", DESIGN.md §6), still real dates."""
DATE_WIDTH = 17
"""The characters the longest date takes in `DATE_FORMAT` ("30 September 2011")."""
MONEY_FORMAT = '"£"#,##0;("£"#,##0)'
"""Whole pounds, a negative amount in brackets as accounts print it: "(£59,782)"."""
FONT = "Arial"
"""The face of every cell, as of the Word papers: a font left unnamed falls back to a serif
face in some spreadsheets."""
SPARE_ROWS = 200
"""Empty rows below a table that a partner may fill in: its formulas, dropdowns, validations
and conditional formats run this far, so a new row works as the rows psp wrote do."""
AS_AT = "AsAt"
"""The defined name holding the date a workbook is as at, which its formulas of lateness
(overdue, slippage) read: change it in Excel's Name Manager to see the workbook as at another
day, or make it `TODAY()`."""
CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def money_format(currency: str) -> str:
    """Whole amounts in the partnership's currency: "£1,300,000" (a code where there is no
    symbol: "1,300,000 CHF"), a negative one in brackets: "(£59,782)"."""
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    if symbol is None:
        return f'#,##0 "{currency}";(#,##0 "{currency}")'
    return f'"{symbol}"#,##0;("{symbol}"#,##0)'


def define_as_at(workbook: Any, as_of: date) -> str:
    """Name the workbook's as-at date (`AS_AT`) and return the name for formulas."""
    from openpyxl.workbook.defined_name import DefinedName

    workbook.defined_names[AS_AT] = DefinedName(
        AS_AT, attr_text=f"DATE({as_of.year},{as_of.month},{as_of.day})"
    )
    return AS_AT


def whole_numbers(sheet: Any, cells: str, low: int, high: int, what: str) -> None:
    """Only whole numbers from `low` to `high` in `cells` (a score from 1 to 5)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="whole",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    validation.error = f"{what[:1].upper()}{what[1:]} is a whole number from {low} to {high}"
    validation.errorTitle = "Out of range"
    validation.prompt = f"{what[:1].upper()}{what[1:]}: {low} to {high}"
    sheet.add_data_validation(validation)
    validation.add(cells)


def put(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write a value from the folder into a cell. Text that starts with '=' stays text: a
    partner's title must never become a formula Excel runs (formula injection)."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def is_figure(value: Any) -> bool:
    """A number or a date, which a spreadsheet aligns to the right (never a yes/no)."""
    return isinstance(value, int | float | date) and not isinstance(value, bool)


def text_colour(fill: str) -> str:
    """White text on a dark fill (RAG red, the header blue), black on a light one: the
    fill's relative luminance (WCAG) below the point where black text loses contrast."""

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(fill[-6:][i : i + 2]) for i in (0, 2, 4))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    # black text passes 4.5:1 above 0.179, white below it
    return "000000" if luminance > 0.179 else "FFFFFF"


EMPTY_NOTE = "No {what} are recorded as at {date}."
"""What an empty table says under its header, the same on every sheet of every workbook
("No actions are recorded as at 30 June 2026."); `psp import raid` skips it."""


def empty_note(what: str, as_of: date | None = None) -> str:
    """The note an empty table carries (`EMPTY_NOTE`); without a date, "… are recorded
    yet."."""
    from ..report.formatting import long_date

    if as_of is None:
        return f"No {what} are recorded yet."
    return EMPTY_NOTE.format(what=what, date=long_date(as_of))


def none_yet(sheet: Any, row: int, what: str, column: int = 1, as_of: date | None = None) -> Any:
    """Say under an empty table's header that nothing is recorded ("No tasks are recorded
    as at 30 June 2026."), so its printed page is not blank."""
    from openpyxl.styles import Font

    cell = sheet.cell(row=row, column=column, value=empty_note(what, as_of))
    cell.font = Font(italic=True)
    return cell


def as_at_label(as_of: date, when: str) -> str:
    """What a sheet of figures psp typed (not formulas) says of itself, in words a reader
    of the printed page can act on: the date they are a snapshot as at, and that they do not
    change `when` ("when the RAID log is edited")."""
    from ..report.formatting import long_date

    return f"A snapshot as at {long_date(as_of)}: it does not change {when}."


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
    money: str = MONEY_FORMAT,
    formula_columns: Sequence[str] = (),
    empty: str | None = None,
    as_of: date | None = None,
    grows: bool = False,
) -> str:
    """Write a header and rows as a real Excel table (filters, banded rows), freeze the header,
    fit the column widths, and format dates and money (`money`, from `money_format`). Text
    longer than its column wraps. Only the `formula_columns` hold formulas (psp's own); text
    from the folder that starts with '=' stays text. A table without rows is still a table,
    of one row saying "No `empty` are recorded as at `as_of`." where `empty` is given. Date
    columns are at least `DATE_WIDTH` wide and a name's (`NAME_HEADERS`) `NAME_WIDTH`, so
    what a partner adds fits. A table that `grows` prints as far as a partner fills it in
    (`print_as_it_grows`), a date typed below it formatted as the dates above (the columns'
    own format, which adds no cell a printer counts). Returns the table's cell range."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.table import Table, TableStyleInfo

    font, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
    centre = Alignment(vertical="center", wrap_text=True)
    for c, header in enumerate(headers, 1):
        cell = sheet.cell(row=start_row, column=c, value=header)
        cell.font, cell.fill, cell.alignment = font, fill, centre
    # one Alignment for all the cells that share it: openpyxl hashes what it is given per cell
    top, wrapped_top = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    least = {h: NAME_WIDTH for h in headers if h in NAME_HEADERS}
    least.update({h: DATE_WIDTH for h in headers if h in date_columns})
    fit_columns(sheet, headers, rows, widths or {}, least)
    room = [sheet.column_dimensions[column_letter(c)].width - 2 for c in range(1, len(headers) + 1)]
    for r, row in enumerate(rows, start_row + 1):
        for c, value in enumerate(row, 1):
            header = headers[c - 1]
            if header in formula_columns:
                cell = sheet.cell(row=r, column=c, value=value)
            else:
                cell = put(sheet, r, c, value)
            if header in date_columns or isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif header in money_columns:
                cell.number_format = money
            long = (
                isinstance(value, str)
                and header not in formula_columns
                and (len(value) > 40 or len(value) > room[c - 1])
            )
            cell.alignment = wrapped_top if long else top
    last_row = start_row + max(len(rows), 1)
    ref = f"A{start_row}:{column_letter(len(headers))}{last_row}"
    # a table even without rows (its one row the note), as with rows: filters and banding
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    sheet.add_table(table)
    if not rows and empty:  # and the printed page says so (`empty`: "tasks")
        none_yet(sheet, start_row + 1, empty, as_of=as_of)
    if grows:
        print_as_it_grows(sheet, [c for c, h in enumerate(headers, 1) if h in date_columns])
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    return ref


NAME_HEADERS = ("Owner", "From")
"""Columns holding a partner's or person's name, which stay wide enough for one
(`NAME_WIDTH`) however short the names in them now are."""
NAME_WIDTH = 14.0
"""Room for a person's or a partner's name ("Falkirk Council") on a line or two."""


GROWS = "_psp_grows"
"""The attribute `print_as_it_grows` marks a sheet with, for `print_landscape`."""
FOOTNOTE = "_psp_footnote"
"""The attribute `footnote` keeps a sheet's footnote in, for `headers_and_footers`."""
FOOTNOTE_CHARS = 170
"""The most characters a footnote may have: what Excel's footer (`HEADER_CHARS`) leaves
beside the sheet's name, "Page 2 of 5" and the font codes of all three."""


def footnote(sheet: Any, lines: Sequence[str]) -> None:
    """Print `lines` at the foot of every page of the sheet, between its name and its page
    number: a key to its shading, a sentence about its entries, where a line below the
    table would print after its spare rows or be read back as a row. Lines beyond
    `FOOTNOTE_CHARS` are left off."""
    kept: list[str] = []
    for line in lines:
        if sum(len(k) + 1 for k in [*kept, line]) - 1 > FOOTNOTE_CHARS:
            break
        kept.append(line)
    # on one line: a line break is written as "_x000a_", which LibreOffice prints as is
    setattr(sheet, FOOTNOTE, " ".join(kept))


def print_as_it_grows(sheet: Any, date_columns: Sequence[int] = ()) -> None:
    """Print the sheet as far as it is filled in, the rows a partner adds too: no fixed print
    area (Excel and LibreOffice print the cells in use). Only for a sheet whose spare rows
    hold no formula (which both would print as empty pages: LibreOffice 7.4 printed the RAID
    log's 200 spare Score formulas as three blank pages, and it reads no print area that is a
    formula, `OFFSET(…)`, or a table, `RAID[#All]`). A date typed in `date_columns` (by
    number) shows as the dates above: the column's own format, which adds no cell."""
    setattr(sheet, GROWS, True)
    for c in date_columns:
        sheet.column_dimensions[column_letter(c)].number_format = DATE_FORMAT


def fit_columns(
    sheet: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fixed: dict[str, float],
    least: Mapping[str, float] | None = None,
) -> None:
    """Each column as wide as its longest value (at least 6, at most 60 characters, and at
    least its `least`), or its `fixed` width."""
    for c, header in enumerate(headers, 1):
        if header in fixed:
            width = fixed[header]
        else:
            longest = max(
                [len(str(header))]
                + [
                    DATE_WIDTH if isinstance(row[c - 1], date) else len(str(row[c - 1] or ""))
                    for row in rows
                    if c - 1 < len(row)
                ]
            )
            width = max(min(max(longest + 2, 6), 60), (least or {}).get(header, 0))
        sheet.column_dimensions[column_letter(c)].width = width


def fit_row_heights(sheet: Any, widths: Mapping[int, float], first_row: int = 2) -> None:
    """Give wrapped rows the height their longest cell needs (Excel does not on opening): 15
    points a line, the lines as `text_lines` counts them."""
    # only the columns that wrap are read (reading a cell makes it, so none past the last)
    first, last = min(widths, default=1), min(max(widths, default=0), sheet.max_column)
    if first > last:
        return
    for row in sheet.iter_rows(min_row=first_row, min_col=first, max_col=last):
        lines = 1
        for cell in row:
            width = widths.get(cell.column)
            if width and isinstance(cell.value, str):
                lines = max(lines, text_lines(cell.value, width))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = 15 * min(lines, 12)


_ARIAL = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~",
        (
            278,
            278,
            355,
            556,
            556,
            889,
            667,
            191,
            333,
            333,
            389,
            584,
            278,
            333,
            278,
            278,
            *(556,) * 10,
            278,
            278,
            584,
            584,
            584,
            556,
            1015,
            667,
            667,
            722,
            722,
            667,
            611,
            778,
            722,
            278,
            500,
            667,
            556,
            833,
            722,
            778,
            667,
            778,
            722,
            667,
            611,
            722,
            667,
            944,
            667,
            667,
            611,
            278,
            278,
            278,
            469,
            556,
            333,
            556,
            556,
            500,
            556,
            556,
            278,
            556,
            556,
            222,
            222,
            500,
            222,
            833,
            556,
            556,
            556,
            556,
            333,
            500,
            278,
            556,
            500,
            722,
            500,
            500,
            500,
            334,
            260,
            334,
            584,
        ),
        strict=True,
    )
)
"""The advance of each printable ASCII character in Arial (Helvetica's metrics), in
thousandths of the font size; any other character is taken as a digit's (556)."""
CELL_PADDING = 5.0
"""Points of a column's width that its text does not use: the margins either side."""


def text_width(text: str, size: float = 11) -> float:
    """The width in points `text` takes in Arial of `size` points."""
    return sum(_ARIAL.get(ch, 556) for ch in text) * size / 1000


def text_lines(text: str, width: float, size: float = 11, bold: bool = False) -> int:
    """The lines `text` wraps onto in a column `width` characters wide (each character of
    a width `POINTS_PER_CHARACTER`, less `CELL_PADDING`), word by word as a spreadsheet
    wraps it, in Arial of `size` points (bold about a tenth wider); each line break starts
    a line."""
    room = max(width * POINTS_PER_CHARACTER - CELL_PADDING, 1.0)
    scale = 1.1 if bold else 1.0
    space = text_width(" ", size) * scale
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            wide = text_width(word, size) * scale
            if used and used + space + wide > room:
                lines, used = lines + 1, 0.0
            elif used:
                used += space
            while wide > room:  # a word longer than the line breaks where the line ends
                lines, wide = lines + 1, wide - room
            used += wide
    return lines


LINE_HEIGHT = 1.16
"""A wrapped line's height, in font sizes: Arial's ascent, descent and gap (12.75 points
at 11, as Excel spaces it)."""


def lines_height(lines: int, size: float = 11) -> float:
    """The height in points of a row of `lines` lines of text of `size` points, with a
    little room above and below."""
    return round(lines * size * LINE_HEIGHT + 3, 1)


PAPER_WIDTHS = {"A4": 841.89, "A3": 1190.55}
"""A sheet of paper's width in points, landscape."""
NARROW_MARGIN = 0.25
"""The left and right margins in inches, as Excel's "Narrow" margins: more of the page
for the columns, so a wide sheet shrinks less to fit."""
POINTS_PER_CHARACTER = 6.1
"""What one character of a column's width takes on paper at full size: the digit width of
the workbook's font (Arial 11, 8 pixels at 96 dots an inch, 6 points), as LibreOffice prints
it (measured on the worked example's RAID log)."""
READABLE = 9.0
"""The smallest size in points a sheet's text may print at."""


def printed_point_size(
    widths: Sequence[float],
    paper: str = "A3",
    margin: float = NARROW_MARGIN,
    font_size: float = 11,
) -> float:
    """The size in points text of `font_size` prints at on a landscape sheet of `paper`
    fitted one page wide, whose printed columns are `widths` characters wide and whose left
    and right margins are `margin` inches: scaled down in whole per cent, as a spreadsheet
    scales a page, and never up."""
    import math

    room = PAPER_WIDTHS[paper] - 2 * margin * 72
    wanted = sum(widths) * POINTS_PER_CHARACTER
    scale = min(100, math.floor(100 * room / wanted)) if wanted else 100
    return font_size * scale / 100


def sheet_point_size(sheet: Any) -> float:
    """The size body text of `sheet` prints at, as `finish` lays it out."""
    paper = "A3" if str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A3 else "A4"
    return printed_point_size(_widths(sheet), paper, float(sheet.page_margins.left or 0.75))


def _widths(sheet: Any) -> list[float]:
    """The widths in characters of the columns of the sheet's print area."""
    count = printed_columns(sheet)
    return [sheet.column_dimensions[column_letter(c)].width or 8.43 for c in range(1, count + 1)]


def print_landscape(workbook: Any) -> None:
    """Every sheet prints landscape, one page wide, with narrow margins, on A4, or every
    sheet on A3 when one would print on A4 smaller than `READABLE` (one paper size in a
    workbook's PDF); the header rows a
    sheet's own writer did not set are its first table's header, else its first row."""
    from openpyxl.worksheet.page import PageMargins

    wide = False
    for sheet in workbook.worksheets:
        sheet.page_margins = PageMargins(
            left=NARROW_MARGIN, right=NARROW_MARGIN, top=0.75, bottom=0.75, header=0.3, footer=0.3
        )
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        grows = getattr(sheet, GROWS, False)
        if not sheet.print_area and sheet.sheet_state == "visible" and not grows:
            sheet.print_area = printed_extent(sheet)
        if sheet.sheet_state == "visible" and printed_point_size(_widths(sheet), "A4") < READABLE:
            wide = True
        if not sheet.print_title_rows:
            header = 1
            for table in sheet.tables.values():
                header = int("".join(ch for ch in table.ref.split(":")[0] if ch.isdigit()))
                break
            sheet.print_title_rows = f"{header}:{header}"
    if wide:
        for sheet in workbook.worksheets:
            sheet.page_setup.paperSize = sheet.PAPERSIZE_A3


def printed_extent(sheet: Any) -> str:
    """The cells that print: up to the last row and column holding something other than a
    formula, so the spare rows below a table, which hold only formulas for what a partner
    adds, do not print as empty pages."""
    last_row = last_column = 1
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or (isinstance(cell.value, str) and cell.data_type == "f"):
                continue
            last_row = max(last_row, cell.row)
            last_column = max(last_column, cell.column)
    return f"A1:{column_letter(last_column)}{last_row}"


def printed_columns(sheet: Any) -> int:
    """How many columns of the sheet print: up to the last of its print area."""
    from openpyxl.utils import column_index_from_string

    area = str(sheet.print_area or "").split("!")[-1].replace("$", "")
    last = "".join(ch for ch in area.split(":")[-1] if ch.isalpha()) if ":" in area else ""
    return int(column_index_from_string(last)) if last else int(sheet.max_column)


def _escaped(text: str) -> str:
    """Text for a print header, where '&' starts a code."""
    return text.replace("&", "&&")


HEADER_CHARS = 255
"""The most characters Excel keeps in a page header, its codes included; a longer one makes
Excel report the workbook as damaged."""
HEADER_CODES = 60
"""What the header's codes take (`&L&"Arial,Bold"&9`, `&R&"Arial,Regular"&9`), with room."""


def headers_and_footers(
    workbook: Any, partnership: str, paper: str, as_of: date | None = None
) -> None:
    """The partnership and the paper at the head of every printed page, with the date the
    workbook is as at ("RAID log as at 30 June 2011"), the sheet's name and "Page 2 of 5" at
    its foot; a sheet whose writer set its own is left as it is. A partnership's name too
    long for Excel's header (HEADER_CHARS) is cut there, with '…'."""
    from ..report.formatting import long_date

    if as_of is not None and " as at " not in f" {paper.lower()} ":  # a title may say it
        paper = f"{paper} as at {long_date(as_of)}" if paper else f"As at {long_date(as_of)}"
    right = _escaped(paper)
    left = _escaped(partnership)
    room = HEADER_CHARS - HEADER_CODES - len(right)
    if len(left) > room:
        left = left[: max(room - 1, 0)].rstrip("& ") + "…"
    for sheet in workbook.worksheets:
        if sheet.oddHeader or sheet.oddFooter:
            continue
        for header, footer in (
            (sheet.oddHeader, sheet.oddFooter),
            (sheet.evenHeader, sheet.evenFooter),
        ):
            header.left.text, header.left.size, header.left.font = (
                left,
                9,
                f"{FONT},Bold",
            )
            header.right.text, header.right.size, header.right.font = (
                right,
                9,
                f"{FONT},Regular",
            )
            footer.left.text, footer.left.size, footer.left.font = "&A", 8, f"{FONT},Regular"
            note = getattr(sheet, FOOTNOTE, "")
            if note:
                footer.center.text, footer.center.size, footer.center.font = (
                    _escaped(note),
                    9,
                    f"{FONT},Italic",
                )
            footer.right.text, footer.right.size, footer.right.font = (
                "Page &P of &N",
                8,
                f"{FONT},Regular",
            )


def wrapped_row_heights(sheet: Any) -> None:
    """Give each row whose text wraps the height its tallest cell needs, counting the lines
    each paragraph of the text takes in its column (Excel does not on opening, and
    LibreOffice prints one line)."""
    merged = {cell for ranges in sheet.merged_cells.ranges for cell in _cells(ranges)}
    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()}
    for row in sheet.iter_rows():
        tallest = 0.0
        for cell in row:
            if not isinstance(cell.value, str) or cell.data_type == "f":
                continue
            if cell.coordinate in merged:
                continue
            if not (cell.alignment is not None and cell.alignment.wrap_text):
                continue
            size = float(cell.font.sz or 11) if cell.font is not None else 11.0
            bold = bool(cell.font is not None and cell.font.b)
            width = widths.get(cell.column_letter) or 8.43
            lines = text_lines(cell.value, width, size, bold)
            tallest = max(tallest, lines_height(lines, size))
        if tallest:
            height = sheet.row_dimensions[row[0].row].height or 0
            sheet.row_dimensions[row[0].row].height = min(max(height, tallest), 409)


def _cells(ranges: Any) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [
        f"{get_column_letter(column)}{row}"
        for row in range(ranges.min_row, ranges.max_row + 1)
        for column in range(ranges.min_col, ranges.max_col + 1)
    ]


def name_fonts(workbook: Any, font: str = FONT) -> None:
    """Every font of the workbook named `font`, sizes, weights and colours as they were:
    openpyxl's `Font(bold=True)` names no face."""
    from copy import copy

    from openpyxl.utils.indexed_list import IndexedList

    named = []
    for existing in workbook._fonts:
        changed = copy(existing)
        changed.name = font
        named.append(changed)
    workbook._fonts = IndexedList(named)  # the same places, so every cell keeps its font


NARROW = 18.0
"""Columns this wide or narrower centre their numbers, dates and calculated values: a
number right-aligned against the next column's text prints as one word ("2open")."""


def space_columns(sheet: Any) -> None:
    """Keep printed columns apart: dates (and formulas formatted as dates) whose writer set
    no alignment are centred, and
    numbers and formulas too in a narrow column (`NARROW`); in a wider one a number stays
    right-aligned and the text to its right is indented by one, so "40" and "robust" never
    touch."""
    from copy import copy

    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()}
    changed: dict[tuple[int, str], Any] = {}

    def align(cell: Any, how: str) -> None:
        key = (cell._style.alignmentId, how)
        if key not in changed:
            new = copy(cell.alignment)
            if how == "indent":
                new.horizontal, new.indent = "left", 1
            else:
                new.horizontal = how
            changed[key] = new
        cell.alignment = changed[key]

    right: set[tuple[int, int]] = set()
    cells = list(sheet._cells.values())  # the cells written, without padding the grid
    for cell in cells:
        value = cell.value
        if value is None or cell.alignment.horizontal not in (None, "general"):
            continue
        formula = isinstance(value, str) and cell.data_type == "f"
        number = is_figure(value)
        if not (formula or number):
            continue
        dated = isinstance(value, date) or cell.number_format == DATE_FORMAT
        if dated or (widths.get(cell.column_letter) or 8.43) <= NARROW:
            align(cell, "center")
        elif number:
            align(cell, "right")
            right.add((cell.row, cell.column))
    for cell in cells:
        if (cell.row, cell.column - 1) not in right or not isinstance(cell.value, str):
            continue
        if cell.data_type == "s" and cell.alignment.horizontal in (None, "general", "left"):
            align(cell, "indent")


def finish(workbook: Any, as_of: date | None = None) -> None:
    """Lay every sheet out for print and editing, as every workbook psp writes is: see the
    module's docstring. The partnership and paper come from the workbook's title
    ("Partnership: paper", as `set_properties` writes it), the date it is as at from
    `as_of`, else its `psp.as_of` property (`workbook_as_of`)."""
    partnership, _, paper = (workbook.properties.title or "").rpartition(": ")
    print_landscape(workbook)
    paper = paper[:1].upper() + paper[1:]
    as_of = as_of or workbook_as_of(workbook)
    headers_and_footers(workbook, partnership or paper, paper if partnership else "", as_of)
    for sheet in workbook.worksheets:
        if sheet.sheet_state == "visible":
            space_columns(sheet)
            wrapped_row_heights(sheet)
    name_fonts(workbook)


AS_OF_PROPERTY = "psp.as_of"
"""The custom property naming the date a workbook is as at (ISO), as each writer sets it."""


def workbook_as_of(workbook: Any) -> date | None:
    """The date the workbook is as at, from its `AS_OF_PROPERTY`; None without one."""
    for prop in workbook.custom_doc_props.props:
        if prop.name == AS_OF_PROPERTY:
            try:
                return date.fromisoformat(str(prop.value))
            except ValueError:
                return None
    return None


def add_lists(workbook: Any, lists: Mapping[str, Sequence[str | int]]) -> dict[str, str]:
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


def save(workbook: Any, output: Path, force: bool, as_of: date | None = None) -> None:
    """Lay the workbook out (`finish`, as at `as_of` or its `psp.as_of` property), then
    save it through a temporary file and move it into place: never a half-written workbook,
    and never one holding a cell cut at Excel's limit."""
    refuse_full_cells(workbook)
    finish(workbook, as_of)
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
