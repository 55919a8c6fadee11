"""Office layout for every Word paper, applied once the paper is rendered, whoever built it
(a default template, a partnership's own, or the status report's writer): page numbers
("Page 2 of 6") in the footer beside the partnership and the paper's title, table header rows
that repeat on each page, rows that do not split across pages, column widths that fit their
content (a word or a date never breaks), a contents list whose page numbers Word and LibreOffice
fill in, and fonts named everywhere, so nothing falls back to a serif face.

The functions take a python-docx `Document` and change it in place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

FONT = "Arial"
"""The face every paper's text is set in; LibreOffice shows it as its metric twin
Liberation Sans where Arial is not installed."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATES = rf"\b(?:\d{{1,2}} (?:{_MONTHS}) \d{{4}}|(?:{_MONTHS}) \d{{4}}|\d{{1,2}} (?:{_MONTHS}))\b"
_UNBROKEN = re.compile(_DATES + r"|£\S+ (?:a|per)[ \u00a0](?:day|week|month|quarter|year)")
"""Phrases a column is made wide enough to hold on one line: a date ("30 June 2011", "June
2011") and a rate ("£860 a week")."""
_UNBROKEN_DATES = re.compile(_DATES + r"|(?<=\d )(?:a|per) (?:day|week|month|quarter|year)\b")
"""What stays whole when a table is too narrow for its rates on one line: "£1,450,000 a
year" may then break before "a year" (never "£860 a / week"), a date still may not."""
_SLACK = 1.05
"""How much wider than the font's advance widths a column is made for its longest word:
LibreOffice wraps a date set in exactly the width the widths add up to."""
_SMALLEST = 7.0
"""The point size a table's text is brought down to, at the least, before its words break."""
NBSP = "\u00a0"
CONTENTS = ("contents", "table of contents")
"""A heading with one of these texts is the contents list, whatever the template put below it."""

_TWIPS_PER_POINT = 20
_DEFAULT_MARGIN = 108
"""Word's default left and right cell margin, in twips (0.19 cm)."""


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    assert prefix == "w"
    return f"{{{_W}}}{name}"


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_q(f"w:{name}"), value)
    return element


def lay_out(document: Any, caption: str, acronyms: Mapping[str, str] | None = None) -> None:
    """Everything an office would set on a paper before sending it; `caption` is what the
    footer says beside the page number when the template's footer says nothing
    ("Falkirk Foster Care PSP · Highlight report"). Each of the `acronyms` (psp.yaml's:
    "GIRFEC" to "Getting it right for every child") is spelt out where the paper first uses
    it, and what a line must not break is kept together (`keeping`): a date, an initial and
    a surname, a number and its unit, and a rate wherever its table has room for it whole."""
    from . import keeping

    name_fonts(document)
    body = document.element.body
    keeping.spell_out(body, acronyms or {})
    keeping.keep_together(body, rates=False)
    keeping.keep_together(body, tables=False)
    for table in body_tables(document):
        repeat_header_row(table)
        fit_columns(document, table)
        if rates_fit(document, table):
            keeping.keep_rates_together(table)
        keep_rows_whole(document, table)
        keep_table(document, table)
    keep_headings_with_next(document)
    contents_field(document)
    page_numbers(document, caption)
    for footer in footers(document):
        keeping.keep_together(footer)


# fonts --------------------------------------------------------------------------------------


def name_fonts(document: Any, font: str = FONT) -> None:
    """Name `font` for every script in the document defaults, every style and every run
    that names a face by the theme: a theme font ("majorHAnsi") is what headings fall back
    from to a serif face where the theme's font is not installed."""
    styles = document.styles.element
    defaults = styles.find(_q("w:docDefaults"))
    if defaults is not None:
        run = defaults.find(_q("w:rPrDefault"))
        if run is None:
            run = _element("w:rPrDefault")
            defaults.insert(0, run)
        properties = run.find(_q("w:rPr"))
        if properties is None:
            properties = _element("w:rPr")
            run.append(properties)
        _set_fonts(properties, font)
    for properties in styles.iter(_q("w:rPr")):
        if properties.find(_q("w:rFonts")) is not None:
            _set_fonts(properties, font)
    for style in styles.iter(_q("w:style")):
        if style.get(_q("w:type")) in ("paragraph", "character"):
            properties = style.find(_q("w:rPr"))
            if properties is None:
                properties = _element("w:rPr")
                style.append(properties)
            _set_fonts(properties, font)
    for fonts in document.element.body.iter(_q("w:rFonts")):
        if any(key.lower().endswith("theme") for key in fonts.attrib):
            _name(fonts, font)


def _set_fonts(properties: Any, font: str) -> None:
    fonts = properties.find(_q("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        properties.insert(0, fonts)  # rFonts comes first in a run's properties
    _name(fonts, font)


def _name(fonts: Any, font: str) -> None:
    for key in [key for key in fonts.attrib if key.lower().endswith("theme")]:
        del fonts.attrib[key]
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(_q(f"w:{script}"), font)


# tables -------------------------------------------------------------------------------------


def body_tables(document: Any) -> list[Any]:
    """Every table of the body, those inside another table's cells too (as `w:tbl` elements)."""
    tables: list[Any] = list(document.element.body.iter(_q("w:tbl")))
    return tables


def _rows(table: Any) -> list[Any]:
    rows: list[Any] = table.findall(_q("w:tr"))
    return rows


def _row_properties(row: Any) -> Any:
    properties = row.find(_q("w:trPr"))
    if properties is None:
        properties = _element("w:trPr")
        # trPr follows tblPrEx, if any, and comes before the cells
        exceptions = row.find(_q("w:tblPrEx"))
        row.insert(0 if exceptions is None else 1, properties)
    return properties


TALL_ROW = 1 / 2
"""How much of a page's text height a row may take and still be kept from splitting: a row
that may not split and is taller than the page is cut off at its foot by LibreOffice (7.4),
its last lines not printed."""


def keep_rows_whole(document: Any, table: Any) -> None:
    """No row breaks across a page, but one taller than half a page (`TALL_ROW`)."""
    tall = text_height(document) * TALL_ROW
    for row, height in zip(_rows(table), row_heights(document, table), strict=True):
        properties = _row_properties(row)
        kept = properties.find(_q("w:cantSplit"))
        if height > tall:
            if kept is not None:
                properties.remove(kept)
        elif kept is None:
            properties.insert(0, _element("w:cantSplit"))


def _keep_with_next(paragraph: Any) -> None:
    properties = paragraph.find(_q("w:pPr"))
    if properties is None:
        properties = _element("w:pPr")
        paragraph.insert(0, properties)
    kept = properties.find(_q("w:keepNext"))
    if kept is None:
        kept = _element("w:keepNext")
        # keepNext follows only pStyle in a paragraph's properties
        style = properties.find(_q("w:pStyle"))
        properties.insert(0 if style is None else 1, kept)
    kept.attrib.pop(_q("w:val"), None)


def keep_rows_together(table: Any, rows: int) -> None:
    """The first `rows` rows of the table each kept on the page of the row after them (every
    paragraph of theirs kept with the next), as Word and LibreOffice keep a row whose
    paragraphs are."""
    for row in _rows(table)[:rows]:
        for paragraph in row.iter(_q("w:p")):
            _keep_with_next(paragraph)


SHORT_TABLE = 1 / 3
"""How much of a page's text height a table may take, at most, to be kept on one page."""


def keep_table(document: Any, table: Any) -> None:
    """A table's header row kept on the page of the row below it, so a page never ends with
    a header, or a header and half its first row, and its last row on the page of the row
    before it, so a page never starts with a table's last row alone; a table shorter than a
    third of a page (`SHORT_TABLE`, as `table_height` works it out) kept on one page whole.
    A table inside another's cell is left to its cell."""
    if any(a.tag == _q("w:tbl") for a in table.iterancestors()):
        return
    rows = _rows(table)
    if len(rows) < 2:
        return
    if table_height(document, table) <= text_height(document) * SHORT_TABLE:
        keep_rows_together(table, len(rows) - 1)
    else:
        keep_rows_together(table, 1)
        if len(rows) > 3:
            for paragraph in rows[-2].iter(_q("w:p")):
                _keep_with_next(paragraph)


def text_height(document: Any) -> float:
    """The height between the top and bottom margins of the document's last section, in
    points."""
    section = document.sections[-1]
    height = section.page_height - section.top_margin - section.bottom_margin
    return float(height / 12700)  # EMU per point


_LEADING = 1.15
"""A line's height as a multiple of its text's point size (Arial's, with its line gap)."""
_ROW_PADDING = 2.0
"""What a row of a table adds to its text's lines, in points (its borders and a cell's
space after)."""


def table_height(document: Any, table: Any) -> float:
    """Roughly how tall the table prints, in points (`row_heights`)."""
    return sum(row_heights(document, table))


def row_heights(document: Any, table: Any) -> list[float]:
    """Roughly how tall each row of the table prints, in points: as tall as its tallest
    cell, a cell's paragraphs wrapped within its column at the widths of Arial's letters."""
    default = _default_size(document)
    widths = current_widths(table)
    margin = _margin(table)
    heights = []
    for row in _rows(table):
        tallest = 0.0
        column = 0
        for cell in row.findall(_q("w:tc")):
            span = _span(cell)
            width = sum(widths[column : column + span]) - margin
            size = _size(cell, default)
            lines = 0
            for text, bold in _paragraph_texts(cell):
                wide = _points(text, size, bold) * _SLACK * 20
                lines += max(1, math.ceil(wide / width)) if width > 0 else 1
            tallest = max(tallest, max(lines, 1) * size * _LEADING)
            column += span
        heights.append(tallest + _ROW_PADDING)
    return heights


def keep_headings_with_next(document: Any) -> None:
    """A heading, the sentence that introduces a table and one that leads into a list (it
    ends with a colon) each kept on the page of what follows them, so no page ends with a
    heading or a lead-in and the table or list on the next; a list's last item is kept with
    the item before it (`keep_lists`)."""
    for paragraph in document.element.body.iterchildren(_q("w:p")):
        following = paragraph.getnext()
        if (
            _heading_level(document, paragraph) is not None
            or (following is not None and following.tag == _q("w:tbl"))
            or _lead_in(paragraph)
        ):
            _keep_with_next(paragraph)
    keep_lists(document)


def _lead_in(paragraph: Any) -> bool:
    return _text(paragraph).rstrip().endswith(":")


def _is_list_item(document: Any, paragraph: Any) -> bool:
    if paragraph.tag != _q("w:p"):
        return False
    if paragraph.find(f"{_q('w:pPr')}/{_q('w:numPr')}") is not None:
        return True
    # numbered by hand ("1.\tNote that …"): a template's list that restarts at 1 wherever it
    # appears, neither Word's numbering nor a List style
    if _HAND_NUMBERED.match(_text_and_tabs(paragraph)):
        return True
    style_id = _style_id(document, paragraph)
    if not style_id:
        return False
    try:
        name = document.styles.get_by_id(style_id, 1).name or ""  # 1: a paragraph style
    except (KeyError, ValueError):
        name = style_id
    return name.startswith("List")


_HAND_NUMBERED = re.compile(r"\d+\.\t")
"""A paragraph numbered by hand: its number, a full stop and a tab."""


def keep_lists(document: Any) -> None:
    """A list of three items or more kept together where it is short (under a third of the
    page: every item but the last kept with the next), else with its last item kept on the
    page of the item before it, so a page never starts with a list's last item alone."""
    items: list[Any] = []
    for element in [*document.element.body.iterchildren(), None]:
        if element is not None and _is_list_item(document, element):
            items.append(element)
            continue
        if len(items) > 2:
            short = _list_height(document, items) < text_height(document) / 3
            for item in items[:-1] if short else items[-2:-1]:
                _keep_with_next(item)
        items = []


def _list_height(document: Any, items: list[Any]) -> float:
    """Roughly how tall the list prints, in points: each item's text wrapped within the
    text width at the default size (its space after not counted)."""
    size = _default_size(document)
    width = text_width(document)
    lines = sum(
        max(1, math.ceil(_points(_text(item), size, False) * _SLACK * 20 / width)) for item in items
    )
    return lines * size * _LEADING


def repeat_header_row(table: Any) -> None:
    """The first row repeats at the top of every page the table runs onto."""
    rows = _rows(table)
    if not rows:
        return
    properties = _row_properties(rows[0])
    header = properties.find(_q("w:tblHeader"))
    if header is None:
        # tblHeader follows cantSplit (and the row's other layout) in trPr's sequence
        properties.append(_element("w:tblHeader", val="true"))
    else:
        header.set(_q("w:val"), "true")


def text_width(document: Any) -> int:
    """The width between the margins of the document's last section, in twips."""
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    return int(width / 635)  # EMU per twip


def _size(cell: Any, default: float) -> float:
    """The point size of a cell's text: its first run's, else the document's."""
    for size in cell.iter(_q("w:sz")):
        value = size.get(_q("w:val"))
        if value and value.isdigit():
            return int(value) / 2
    return default


def _default_size(document: Any) -> float:
    font = document.styles["Normal"].font
    if font.size is not None:
        return float(font.size.pt)
    return 11.0


_ARIAL = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
        "abcdefghijklmnopqrstuvwxyz{|}~",
        (
            278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
            *[556] * 10,
            278, 278, 584, 584, 584, 556, 1015,
            667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
            722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
            278, 278, 278, 469, 556, 333,
            556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
            556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
            334, 260, 334, 584,
        ),
        strict=True,
    )
) | {"£": 556, "€": 556, "×": 584, "−": 584, "–": 556, "—": 1000, "’": 222, "‘": 222,
     "“": 333, "”": 333, "·": 278, NBSP: 278, "…": 1000}  # fmt: skip
"""Arial's advance widths in thousandths of an em (Liberation Sans has the same); a
character not listed counts as a wide letter."""


def _points(text: str, size: float, bold: bool) -> float:
    """How wide `text` sets in Arial at `size` points, bold taken as a tenth wider (its
    letters are up to that much wider; its digits are not)."""
    em = sum(_ARIAL.get(char, 722) for char in text) / 1000
    return em * size * (1.1 if bold else 1.0)


def _paragraph_texts(cell: Any) -> Iterator[tuple[str, bool]]:
    for paragraph in cell.iter(_q("w:p")):
        # a line break in the cell (one action a line) parts the words either side of it
        texts = [
            (t.text or "") if t.tag == _q("w:t") else "\n"
            for t in paragraph.iter(_q("w:t"), _q("w:br"))
        ]
        bold = any(
            b.get(_q("w:val"), "true") not in ("0", "false") for b in paragraph.iter(_q("w:b"))
        )
        yield "".join(texts), bold


def _words(text: str, unbroken: re.Pattern[str] = _UNBROKEN) -> list[str]:
    """The pieces a line may break between: words, and the parts of hyphenated words, with
    the `unbroken` phrases (dates and rates) kept whole."""
    kept = unbroken.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    # a line may break after a hyphen too; str.split would split at a no-break space
    return [w for w in re.split(r"[ \t\n\r]+|(?<=\w-)(?=\w)", kept) if w]


def _margin(table: Any) -> int:
    """A cell's left plus right margin in the table, in twips."""
    total = 0
    margins = table.find(f"{_q('w:tblPr')}/{_q('w:tblCellMar')}")
    for edge, alternative in (("left", "start"), ("right", "end")):
        found = None
        if margins is not None:
            found = margins.find(_q(f"w:{edge}"))
            if found is None:
                found = margins.find(_q(f"w:{alternative}"))
        value = found.get(_q("w:w")) if found is not None else None
        total += int(value) if value and value.isdigit() else _DEFAULT_MARGIN
    return total


def column_needs(
    table: Any, default_size: float, unbroken: re.Pattern[str] = _UNBROKEN
) -> list[tuple[int, int]]:
    """For each column of the table's grid, the width in twips its longest word needs (a
    narrower column breaks it; `unbroken` says which phrases count as one word) and the width
    its longest paragraph would take on one line, each with a little slack (`_SLACK`) over
    the font's widths. Cells spanning several columns are left out: they wrap across the
    columns they span."""
    grid = table.find(_q("w:tblGrid"))
    count = len(grid.findall(_q("w:gridCol"))) if grid is not None else 0
    for row in _rows(table):
        count = max(count, sum(_span(cell) for cell in row.findall(_q("w:tc"))))
    margin = _margin(table)
    least, most = [margin] * count, [margin] * count
    for row in _rows(table):
        column = 0
        for cell in row.findall(_q("w:tc")):
            span = _span(cell)
            if span == 1 and column < count:
                size = _size(cell, default_size)
                for text, bold in _paragraph_texts(cell):
                    words = _words(text, unbroken)
                    if not words:
                        continue
                    longest = max(_points(word, size, bold) for word in words) * _SLACK
                    whole = _points(" ".join(words), size, bold) * _SLACK
                    least[column] = max(least[column], margin + math.ceil(longest * 20))
                    most[column] = max(most[column], margin + math.ceil(whole * 20))
            column += span
    return list(zip(least, most, strict=True))


def _span(cell: Any) -> int:
    span = cell.find(f"{_q('w:tcPr')}/{_q('w:gridSpan')}")
    value = span.get(_q("w:val")) if span is not None else None
    return int(value) if value and value.isdigit() else 1


def share_width(needs: list[tuple[int, int]], available: int) -> list[int]:
    """Column widths in twips that add up to `available`, as a browser lays out a table:
    when every column's text fits on one line, each gets that and the rest in proportion;
    otherwise the columns whose text is short get all of it (so "3 × 3" or a date stays on
    one line), and the columns of long text have their longest word and share what is left
    in proportion to how much more their text would take. When even the longest words do
    not fit, the columns shrink in proportion to them."""
    if not needs:
        return []
    least = [low for low, _ in needs]
    most = [max(low, high) for low, high in needs]
    if sum(least) >= available:
        widths = [math.floor(low * available / sum(least)) for low in least]
    elif sum(most) <= available:
        spare = available - sum(most)
        widths = [high + math.floor(spare * high / sum(most)) for high in most]
    else:
        fixed: dict[int, int] = {}
        while True:
            free = [i for i in range(len(needs)) if i not in fixed]
            room = available - sum(fixed.values())
            whole = [i for i in free if most[i] <= room / len(free)]
            rest = sum(least[i] for i in free if i not in whole)
            if whole and sum(most[i] for i in whole) + rest <= room:
                fixed.update((i, most[i]) for i in whole)
                continue
            spare = room - sum(least[i] for i in free)
            wants = {i: most[i] - least[i] for i in free}
            total = sum(wants.values()) or 1
            fixed.update((i, least[i] + math.floor(spare * wants[i] / total)) for i in free)
            break
        widths = [fixed[i] for i in range(len(needs))]
    widths[-1] += available - sum(widths)
    return widths


def current_widths(table: Any) -> list[int]:
    grid = table.find(_q("w:tblGrid"))
    if grid is None:
        return []
    found = []
    for column in grid.findall(_q("w:gridCol")):
        value = column.get(_q("w:w"))
        found.append(int(value) if value and value.isdigit() else 0)
    return found


def fit_columns(document: Any, table: Any) -> None:
    """Size the table's columns to their content across the text width. Widths a template
    chose (not all alike) are kept where they hold every word and date whole within the page;
    a column too narrow for its longest word takes what it lacks from the columns with room
    to spare, in proportion to their room, so the template's proportions stay."""
    available = text_width(document)
    needs = _needs_within(document, table, available)
    if not needs:
        return
    given = current_widths(table)
    if len(given) == len(needs) and len(set(given)) > 1 and sum(given) <= available * 1.01:
        widened = widen(given, needs)
        if widened is not None:
            if widened != given:
                set_widths(table, widened)
            return
    set_widths(table, share_width(needs, available))


def rates_fit(document: Any, table: Any) -> bool:
    """Whether every column of the table, as it is laid out, holds its rates on one line
    ("£1,450,000 a year"), so they may be kept whole."""
    needs = column_needs(table, _default_size(document))
    widths = current_widths(table)
    return len(widths) == len(needs) and all(
        width >= low for width, (low, _) in zip(widths, needs, strict=True)
    )


def _needs_within(document: Any, table: Any, available: int) -> list[tuple[int, int]]:
    """The table's column needs, made to fit `available` before any word has to break: rates
    ("£1,450,000 a year") may first break before "a year", then the table's text is set
    half a point smaller at a time, down to `_SMALLEST`."""
    default = _default_size(document)
    needs = column_needs(table, default)
    if sum(low for low, _ in needs) <= available:
        return needs
    needs = column_needs(table, default, _UNBROKEN_DATES)
    size = _size(table, default)
    while sum(low for low, _ in needs) > available and size - 0.5 >= _SMALLEST:
        size -= 0.5
        set_text_size(table, size)
        needs = column_needs(table, default, _UNBROKEN_DATES)
    return needs


def set_text_size(table: Any, size: float) -> None:
    """Every run of the table set in `size` points."""
    half_points = str(round(size * 2))
    for run in table.iter(_q("w:r")):
        properties = run.find(_q("w:rPr"))
        if properties is None:
            properties = _element("w:rPr")
            run.insert(0, properties)
        for tag in ("w:sz", "w:szCs"):
            found = properties.find(_q(tag))
            if found is None:
                found = _element(tag)
                _insert_in_order(properties, found, _RUN_PROPERTIES)
            found.set(_q("w:val"), half_points)


def widen(widths: list[int], needs: list[tuple[int, int]]) -> list[int] | None:
    """`widths` with each column as wide as its longest word needs, the width added taken
    first from the columns whose text wraps anyway, then from those that hold their text on
    one line with room to spare (so a money column keeps the room a template gave it for a
    larger amount), each in proportion to its room; None when there is not that much."""
    least = [low for low, _ in needs]
    widths = list(widths)
    lacking = sum(max(low - width, 0) for width, low in zip(widths, least, strict=True))
    if lacking == 0:
        return widths
    total = sum(widths)
    widths = [max(width, low) for width, low in zip(widths, least, strict=True)]
    for wraps in (True, False):
        room = [
            max(width - low, 0) if (high > width) == wraps else 0
            for width, (low, high) in zip(widths, needs, strict=True)
        ]
        if not sum(room):
            continue
        cut = min(lacking, sum(room))
        taken = [math.floor(cut * spare / sum(room)) for spare in room]
        widths = [width - take for width, take in zip(widths, taken, strict=True)]
        lacking = sum(widths) - total
        if lacking <= 0:
            break
    if sum(widths) - total > len(widths):
        return None
    # what rounding left over, from the column with the most room above its longest word
    room = [width - low for width, low in zip(widths, least, strict=True)]
    widths[room.index(max(room))] += total - sum(widths)
    return widths


def set_widths(table: Any, widths: list[int]) -> None:
    """Fixed column widths: the grid, each cell (spanning cells the sum of their columns)
    and the table's own width, so Word and LibreOffice lay it out alike."""
    properties = table.find(_q("w:tblPr"))
    if properties is None:
        properties = _element("w:tblPr")
        table.insert(0, properties)
    width = properties.find(_q("w:tblW"))
    if width is None:
        width = _element("w:tblW")
        _insert_in_order(properties, width, _TABLE_PROPERTIES)
    width.set(_q("w:w"), str(sum(widths)))
    width.set(_q("w:type"), "dxa")
    layout = properties.find(_q("w:tblLayout"))
    if layout is None:
        layout = _element("w:tblLayout")
        _insert_in_order(properties, layout, _TABLE_PROPERTIES)
    layout.set(_q("w:type"), "fixed")
    grid = table.find(_q("w:tblGrid"))
    if grid is None:
        grid = _element("w:tblGrid")
        properties.addnext(grid)
    for column in list(grid):
        grid.remove(column)
    for value in widths:
        grid.append(_element("w:gridCol", w=str(value)))
    for row in _rows(table):
        column = 0
        for cell in row.findall(_q("w:tc")):
            span = _span(cell)
            cell_properties = cell.find(_q("w:tcPr"))
            if cell_properties is None:
                cell_properties = _element("w:tcPr")
                cell.insert(0, cell_properties)
            cell_width = cell_properties.find(_q("w:tcW"))
            if cell_width is None:
                cell_width = _element("w:tcW")
                cell_properties.insert(0, cell_width)  # tcW comes first (after cnfStyle)
            cell_width.set(_q("w:w"), str(sum(widths[column : column + span])))
            cell_width.set(_q("w:type"), "dxa")
            column += span


_TABLE_PROPERTIES = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
)
"""The order the schema gives a table's properties; Word refuses a file that breaks it."""

_RUN_PROPERTIES = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)  # fmt: skip
"""The order the schema gives a run's properties."""


def _insert_in_order(parent: Any, child: Any, order: Iterable[str]) -> None:
    names = list(order)
    rank = names.index(child.tag.split("}")[1])
    for existing in parent:
        name = existing.tag.split("}")[1]
        if name in names and names.index(name) > rank:
            existing.addprevious(child)
            return
    parent.append(child)


# the contents list --------------------------------------------------------------------------


def _style_id(document: Any, paragraph: Any) -> str:
    style = paragraph.find(f"{_q('w:pPr')}/{_q('w:pStyle')}")
    return style.get(_q("w:val")) if style is not None else ""


def _heading_level(document: Any, paragraph: Any) -> int | None:
    """1 or 2 for a paragraph in Heading 1 or 2 (by style id or name), else None."""
    style_id = _style_id(document, paragraph)
    if not style_id:
        return None
    match = re.fullmatch(r"[Hh]eading ?([1-9])", style_id)
    if match is None:
        try:
            name = document.styles.get_by_id(style_id, 1).name  # 1: WD_STYLE_TYPE.PARAGRAPH
        except (KeyError, ValueError):
            return None
        match = re.fullmatch(r"[Hh]eading ([1-9])", name or "")
    return int(match.group(1)) if match else None


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_q("w:t")))


def _text_and_tabs(paragraph: Any) -> str:
    """The paragraph's text with a tab for each of its runs' tabs (`_text` leaves them out;
    the tab stops in its properties are no tabs)."""
    return "".join(
        "\t" if e.tag == _q("w:tab") else e.text or ""
        for run in paragraph.iter(_q("w:r"))
        for e in run.iterchildren(_q("w:t"), _q("w:tab"))
    )


def contents_field(document: Any, depth: int = 2) -> bool:
    """Turn the list below a "Contents" heading into the contents of the headings after it,
    each entry with its page number: a PAGEREF field to a bookmark on the heading, which
    LibreOffice works out as it lays the pages out and Word when it updates fields, as it is
    asked to on opening. Not wrapped in a TOC field: LibreOffice (7.4) prints a TOC field's
    entries as Word last saved them, which for a rendered paper is page 1 throughout.
    False when the document has no contents heading."""
    body = document.element.body
    paragraphs = list(body.iterchildren(_q("w:p")))
    start = next(
        (
            p
            for p in paragraphs
            if _heading_level(document, p) is not None and _text(p).strip().lower() in CONTENTS
        ),
        None,
    )
    if start is None:
        return False
    listed = []
    element = start.getnext()
    while (
        element is not None
        and element.tag == _q("w:p")
        and _heading_level(document, element) is None
    ):
        listed.append(element)
        element = element.getnext()
    for old in listed:
        body.remove(old)
    entries: list[tuple[int, str, str]] = []
    after = False
    for number, paragraph in enumerate(body.iterchildren(_q("w:p"))):
        if paragraph is start:
            after = True
            continue
        level = _heading_level(document, paragraph)
        text = _text(paragraph).strip()
        if not after or level is None or level > depth or not text:
            continue
        bookmark = f"_Toc{number:06d}"
        _bookmark(paragraph, bookmark, number)
        entries.append((level, text, bookmark))
    _ensure_toc_styles(document, depth)
    anchor = start
    for level, text, bookmark in entries:
        entry = _toc_entry(level, text, bookmark)
        anchor.addnext(entry)
        anchor = entry
    _update_fields_on_open(document)
    return True


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    start = _element("w:bookmarkStart", id=str(90000 + number), name=name)
    end = _element("w:bookmarkEnd", id=str(90000 + number))
    properties = paragraph.find(_q("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)


def _field_char(kind: str) -> Any:
    run = _element("w:r")
    run.append(_element("w:fldChar", fldCharType=kind))
    return run


def _run(text: str, tag: str = "w:t") -> Any:
    """A run holding `text` as it is (spaces kept): text (`w:t`) or a field's instruction
    (`w:instrText`)."""
    run = _element("w:r")
    element = _element(tag)
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = text
    run.append(element)
    return run


def _instruction(text: str) -> Any:
    return _run(text, "w:instrText")


def _toc_entry(level: int, text: str, bookmark: str) -> Any:
    """One line of the contents: the heading's text, a dotted tab and its page number."""
    paragraph = _element("w:p")
    properties = _element("w:pPr")
    properties.append(_element("w:pStyle", val=f"TOC{level}"))
    paragraph.append(properties)
    paragraph.append(_run(text))
    tab = _element("w:r")
    tab.append(_element("w:tab"))
    paragraph.append(tab)
    paragraph.append(_field_char("begin"))
    paragraph.append(_instruction(f" PAGEREF {bookmark} \\h "))
    paragraph.append(_field_char("separate"))
    paragraph.append(_run("1"))
    paragraph.append(_field_char("end"))
    return paragraph


def _ensure_toc_styles(document: Any, depth: int) -> None:
    """Paragraph styles TOC 1 … TOC `depth`, with a dotted right-aligned tab for the page
    numbers, where the template has none."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Twips

    width = text_width(document)
    for level in range(1, depth + 1):
        if any(s.style_id == f"TOC{level}" for s in document.styles):
            continue
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(_q("w:styleId"), f"TOC{level}")
        style.base_style = document.styles["Normal"]
        style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        style.paragraph_format.space_after = 0 if level > 1 else None
        style.paragraph_format.tab_stops.add_tab_stop(
            Twips(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        if level == 1:
            style.font.bold = True


def _update_fields_on_open(document: Any) -> None:
    settings = document.settings.element
    if settings.find(_q("w:updateFields")) is None:
        settings.append(_element("w:updateFields", val="true"))


# the footer ---------------------------------------------------------------------------------

_PAGE_WORD = re.compile(r"[\s·|–-]*\bpage\s*$", re.IGNORECASE)


def _field(instruction: str) -> Any:
    field = _element("w:fldSimple", instr=f" {instruction} ")
    field.append(_run("1"))
    return field


def _has_field(element: Any, name: str) -> bool:
    pattern = re.compile(rf"^\s*{name}\b")
    instructions = [f.get(_q("w:instr")) or "" for f in element.iter(_q("w:fldSimple"))]
    instructions += [t.text or "" for t in element.iter(_q("w:instrText"))]
    return any(pattern.match(i) for i in instructions)


def footers(document: Any) -> list[Any]:
    """The root element of every footer of the document, made for the first section where
    there is none. Read through the document's relationships, not `section.footer`: docxtpl
    puts the footers it renders in new parts python-docx's sections do not see."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    def found() -> list[Any]:
        return [
            relation.target_part.element
            for relation in document.part.rels.values()
            if relation.reltype == RELATIONSHIP_TYPE.FOOTER and not relation.is_external
        ]

    if not found():
        document.sections[0].footer.paragraphs[0].text = ""
    return found()


def page_numbers(document: Any, caption: str) -> None:
    """Every footer ends "Page X of Y" (PAGE and NUMPAGES fields). A footer that already
    counts the pages is left as it is; one that numbers the page alone ("· page 3") loses
    its number for the new one; an empty one says `caption` first, centred."""
    for footer in footers(document):
        if _has_field(footer, "NUMPAGES"):
            continue
        for field in list(footer.iter(_q("w:fldSimple"))):
            if re.match(r"^\s*PAGE\b", field.get(_q("w:instr")) or ""):
                field.getparent().remove(field)
        paragraphs = footer.findall(_q("w:p"))
        lines = [p for p in paragraphs if _text(p).strip()]
        if lines:
            line = lines[-1]
        else:
            line = paragraphs[0] if paragraphs else _element("w:p")
            if not paragraphs:
                footer.append(line)
            properties = line.find(_q("w:pPr"))
            if properties is None:
                properties = _element("w:pPr")
                line.insert(0, properties)
            if properties.find(_q("w:jc")) is None:
                properties.append(_element("w:jc", val="center"))
            line.append(_run(caption))
        size = next((s.get(_q("w:val")) for s in line.iter(_q("w:sz"))), None) or "16"
        for text in reversed(list(line.iter(_q("w:t")))):
            if text.text and text.text.strip():
                text.text = _PAGE_WORD.sub("", text.text)
                break
        for piece in (" · Page ", _field("PAGE"), " of ", _field("NUMPAGES")):
            line.append(_run(piece) if isinstance(piece, str) else piece)
        for run in line.iter(_q("w:r")):
            properties = run.find(_q("w:rPr"))
            if properties is None:
                properties = _element("w:rPr")
                run.insert(0, properties)
            if properties.find(_q("w:sz")) is None:
                properties.get_or_add_sz().set(_q("w:val"), size)  # in the schema's order
