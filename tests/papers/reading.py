"""Read rendered papers back and say what an office would send back about their form.

Each reader returns a list of problems, one line each naming the paper, sheet or table and
what is wrong, so a test asserts the list is empty and a failure shows every problem at once.
`word_problems` and `workbook_problems` check the form (pagination, print set-up, live
ranges); a check of the words (ids, file names, placeholders) adds a function beside them
and joins `paper_problems`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from psptool.render import office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)")


def render_every_paper(root: Path, as_of: date, out: Path) -> dict[str, Path]:
    """Every paper of the papers registry for the folder `root` as at `as_of`, and the
    highlight report in Word, written into `out`: {name: file}. A paper with an option is
    rendered for the last record it can be (`Paper.option_values`)."""
    import psptool
    from psptool.errors import UserError
    from psptool.render.papers import PAPERS, render_paper
    from tests.helpers import PspRunner

    checked = psptool.validate(root, as_of)
    assert checked.result is not None and not checked.errors, checked.errors
    written: dict[str, Path] = {}
    for name, paper in PAPERS.items():
        for values in paper.option_values(checked.result.project):
            target = out / f"{name}{paper.suffix}"
            try:
                written[name] = render_paper(name, checked, as_of, target, options=values)
            except UserError:  # minutes of a meeting not yet held: try the one before
                continue
            break
    status = out / "status.docx"
    result = PspRunner().invoke(
        ["report", "status", str(root), "--as-of", as_of.isoformat(), "-o", str(status)]
    )
    assert status.is_file(), result.output
    written["status"] = status
    return written


def paper_problems(path: Path) -> list[str]:
    """What is wrong with the form of a Word or Excel paper."""
    readers: dict[str, Callable[[Path], list[str]]] = {
        ".docx": word_problems,
        ".xlsx": workbook_problems,
    }
    return readers[path.suffix](path)


# Word ---------------------------------------------------------------------------------------


def _instructions(element: Any) -> list[str]:
    found = [(f.get(f"{W}instr") or "").split() for f in element.iter(f"{W}fldSimple")]
    found += [(t.text or "").split() for t in element.iter(f"{W}instrText")]
    return [words[0] for words in found if words]


def _table_name(table: Any) -> str:
    first = table.find(f"{W}tr")
    cells = first.findall(f"{W}tc") if first is not None else []
    return " | ".join(office._text(c) for c in cells[:3])[:60]


def word_problems(path: Path) -> list[str]:
    """Page numbers ("Page X of Y") in every footer; in every table a header row that repeats
    and rows that do not split; columns within the page, none narrower than its longest word
    or date; no font left to the theme (a serif fallback)."""
    import docx

    document = docx.Document(str(path))
    problems: list[str] = []
    from docx.opc.constants import RELATIONSHIP_TYPE

    footers = [
        relation.target_part.element
        for relation in document.part.rels.values()
        if relation.reltype == RELATIONSHIP_TYPE.FOOTER
    ]
    if not footers:
        problems.append(f"{path.name} has no footer, so no page numbers")
    for number, footer in enumerate(footers, 1):
        fields = _instructions(footer)
        if "PAGE" not in fields or "NUMPAGES" not in fields:
            problems.append(f"{path.name}: footer {number} has no 'Page X of Y' ({fields})")
    width = office.text_width(document)
    size = office._default_size(document)
    for table in office.body_tables(document):
        name = f"{path.name}: table '{_table_name(table)}'"
        rows = table.findall(f"{W}tr")
        if rows and rows[0].find(f"{W}trPr/{W}tblHeader") is None:
            problems.append(f"{name} has no header row repeated on each page")
        # a row taller than half a page may split (office.keep_rows_whole says why)
        tall = office.text_height(document) * office.TALL_ROW
        heights = office.row_heights(document, table)
        split = [
            i
            for i, (row, height) in enumerate(zip(rows, heights, strict=True), 1)
            if height <= tall and row.find(f"{W}trPr/{W}cantSplit") is None
        ]
        if split:
            problems.append(f"{name}: rows {split[:5]} may split across pages")
        widths = office.current_widths(table)
        if sum(widths) > width * 1.01:
            problems.append(f"{name} is {sum(widths)} twips wide, the page {width}")
        needs = office.column_needs(table, size)
        if len(widths) == len(needs):
            for column, (given, (least, _)) in enumerate(zip(widths, needs, strict=True), 1):
                if given < least and sum(low for low, _ in needs) <= width:
                    problems.append(
                        f"{name}: column {column} ({given} twips) breaks a word needing {least}"
                    )
    themed = [
        key
        for part in (document.styles.element, document.element.body)
        for fonts in part.iter(f"{W}rFonts")
        for key in fonts.attrib
        if key.lower().endswith("theme")
    ]
    if themed:
        problems.append(f"{path.name}: {len(themed)} fonts named by the theme, not by name")
    return problems


# Excel --------------------------------------------------------------------------------------


def _ranges(text: str) -> Iterator[tuple[int, int]]:
    """The (first, last) rows of every range `A2:B9` in a formula or a range list."""
    for match in _RANGE.finditer(text):
        yield int(match.group(2)), int(match.group(4))


def workbook_problems(path: Path) -> list[str]:
    """Every visible sheet prints landscape, one page wide, with print titles and the
    partnership, sheet and page in its header and footer; every wrapped cell of text has a
    row height; every table filters; every font is named; and where a sheet has dropdowns or
    validations for the rows a partner may add, its conditional formats, its formula
    columns and the ranges its formulas add up run as far."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    problems = [
        f"{path.name}: a font with no name ({font})" for font in book._fonts if not font.name
    ]
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        name = f"{path.name}: sheet '{sheet.title}'"
        setup = sheet.page_setup
        if setup.orientation != "landscape":
            problems.append(f"{name} does not print landscape")
        if not (sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth == 1):
            problems.append(f"{name} does not print one page wide")
        if not sheet.print_title_rows:
            problems.append(f"{name} has no print titles")
        if "&P" not in (sheet.oddFooter.right.text or "") + (sheet.oddFooter.center.text or ""):
            problems.append(f"{name} has no page number in its footer")
        if not sheet.oddHeader.left.text or "&A" not in (sheet.oddFooter.left.text or ""):
            problems.append(f"{name} names neither the partnership nor the sheet when printed")
        for table in sheet.tables.values():
            if table.autoFilter is None and not sheet.auto_filter.ref:
                problems.append(f"{name}: table {table.displayName} has no filter")
        for row in sheet.iter_rows():
            for cell in row:
                wrapped = cell.alignment is not None and cell.alignment.wrap_text
                if (
                    wrapped
                    and isinstance(cell.value, str)
                    and cell.data_type != "f"
                    and not sheet.row_dimensions[cell.row].height
                ):
                    problems.append(f"{name}: {cell.coordinate} wraps with no row height")
        problems += _live_ranges(sheet, name)
    return problems


def _live_ranges(sheet: Any, name: str) -> list[str]:
    """Where the sheet's dropdowns and validations run to (the rows a partner may add), its
    conditional formats, formula columns and summed ranges must run too."""
    ends = [
        last for v in sheet.data_validations.dataValidation for _, last in _ranges(str(v.sqref))
    ]
    if not ends:
        return []
    end = max(ends)
    problems = []
    for formats in sheet.conditional_formatting:
        short = [last for _, last in _ranges(str(formats.sqref)) if last < end]
        if short:
            problems.append(f"{name}: conditional format {formats.sqref} stops before row {end}")
    first_formulas = {
        cell.column_letter
        for cell in sheet[2]
        if cell.data_type == "f" and isinstance(cell.value, str)
    }
    for letter in sorted(first_formulas):
        cells = sheet[letter]
        last = max(c.row for c in cells if c.data_type == "f" and c.value is not None)
        if last < end:
            problems.append(f"{name}: the formula of column {letter} stops at row {last}")
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" and isinstance(cell.value, str):
                for first, last in _ranges(cell.value):
                    if first == 2 and last < end and last > 2:
                        problems.append(
                            f"{name}: {cell.coordinate} adds up rows {first} to {last}, "
                            f"not the rows to {end} a partner may fill"
                        )
    return problems
