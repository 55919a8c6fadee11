"""Word pieces every default template is built from: the page and its styles, docxtpl's
paragraph and row loops, conditional blocks with the sentence printed in their place, tables
laid out for print (a shaded header row repeated on each page, rows kept whole), the footer."""

from __future__ import annotations

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

NAVY = RGBColor(0x1F, 0x38, 0x64)
HEADER_FILL = "D9E2F3"
TOTAL_FILL = "F2F2F2"
TBC = "To be agreed by the partners."
NO_PARTNERS = "No partners are recorded yet."


def base() -> Document:
    """An A4 document in Arial with navy headings, and fixed properties, so a rebuild gives
    the same document."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 14), (2, 12)):
        style = doc.styles[f"Heading {level}"]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = NAVY
    title = doc.styles["Title"]
    title.font.name = "Arial"
    title.font.size = Pt(24)
    title.font.color.rgb = NAVY
    doc.core_properties.author = "psp"
    doc.core_properties.last_modified_by = "psp"
    doc.core_properties.revision = 1
    return doc


def keep_headings_with_text(doc: Document) -> None:
    for level in (1, 2):
        doc.styles[f"Heading {level}"].paragraph_format.keep_with_next = True


# docxtpl's blocks ---------------------------------------------------------------------------


def if_(doc: Document, condition: str) -> None:
    """Open a block of paragraphs and tables printed only when `condition` holds."""
    doc.add_paragraph("{%p if " + condition + " %}")


def else_(doc: Document, text: str) -> None:
    """Close the block `if_` opened with the sentence printed in its place otherwise, so an
    empty list or table never leaves an introduction with nothing after it."""
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(text)
    doc.add_paragraph("{%p endif %}")


def endif(doc: Document) -> None:
    doc.add_paragraph("{%p endif %}")


def when(doc: Document, condition: str, *paragraphs: str) -> None:
    """Paragraphs printed only when `condition` holds, with nothing in their place."""
    if_(doc, condition)
    for text in paragraphs:
        doc.add_paragraph(text)
    endif(doc)


def para_loop(doc: Document, loop: str, body: str, style: str = "List Bullet") -> None:
    """A paragraph repeated for each item: docxtpl's {%p for %}."""
    doc.add_paragraph("{%p for " + loop + " %}")
    doc.add_paragraph(body, style=style)
    doc.add_paragraph("{%p endfor %}")


def items(loop: str) -> str:
    """The list a loop runs over: `r in roles` → `roles`."""
    return loop.split(" in ", 1)[1]


def labelled(doc: Document, label: str, value: str) -> None:
    """A paragraph that starts with a bold label: "Evaluator: …"."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(label + ": ").bold = True
    paragraph.add_run(value)


# tables --------------------------------------------------------------------------------------


def shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def cell_text(cell: _Cell, text: str, size: float | None, bold: bool = False) -> None:
    """A cell's text, at `size` points (None: the Normal style's)."""
    cell.text = text
    for run in cell.paragraphs[0].runs:
        if size is not None:
            run.font.size = Pt(size)
        run.bold = bold or None


def repeat_header(row: _Row) -> None:
    """Repeat the header row at the top of every page the table runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def keep_whole(row: _Row) -> None:
    """A row that does not break across pages."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def min_height(row: _Row, cm: float) -> None:
    """A row at least `cm` high (w:trHeight, hRule atLeast): room for a wet signature."""
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(round(cm * 567)))  # twentieths of a point: 567 a centimetre
    height.set(qn("w:hRule"), "atLeast")
    row._tr.get_or_add_trPr().append(height)


def widths(table: Table, columns: list[float]) -> None:
    table.autofit = False
    for i, width in enumerate(columns):
        table.columns[i].width = Cm(width)
    for row in table.rows:
        for i, width in enumerate(columns):
            row.cells[i].width = Cm(width)


def cell_margins(table: Table, side: float) -> None:
    """Left and right cell margins for the whole table, in cm."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(side / 2.54 * 1440)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))  # the schema puts tblCellMar before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        properties.append(margins)


def keep_introduction_with_table(doc: Document) -> None:
    """Keep the sentence that introduces a table on the table's page: the last paragraph
    before it, past the `{%p if %}` tags that vanish when rendered."""
    for element in reversed(list(doc.element.body.iterchildren())):
        if element.tag != qn("w:p"):
            if element.tag == qn("w:sectPr"):
                continue
            return  # a table straight after a table
        paragraph = Paragraph(element, doc)
        if paragraph.text.startswith("{%p if"):
            continue
        if paragraph.text and not paragraph.text.startswith("{%"):
            paragraph.paragraph_format.keep_with_next = True
        return


def table(
    doc: Document,
    headers: list[str],
    columns: list[float],
    loop: str,
    cells: list[str],
    after: list[list[str]] | None = None,
    size: float | None = 9,
    empty: str | None = None,
    margin: float | None = None,
    intro: str | None = None,
    row_height: float | None = None,
) -> None:
    """A table with a shaded header row that repeats on each page, one row repeated for each
    item (docxtpl's {%tr %}), and bold rows after them (totals). With `empty`, the sentence
    printed instead of the table (and its `intro`) when there is nothing to repeat; with
    `margin`, narrower cell margins (cm, left and right) so that many money columns fit; with
    `row_height`, each repeated row at least that high (cm; sign-off rows to sign in)."""
    after = after or []
    if empty is not None:
        if_(doc, items(loop))
    if intro is not None:
        doc.add_paragraph(intro)
    keep_introduction_with_table(doc)
    grid = doc.add_table(rows=4 + len(after), cols=len(headers))
    grid.style = "Table Grid"
    for i, text in enumerate(headers):
        cell = grid.rows[0].cells[i]
        cell_text(cell, text, size, bold=True)
        shade(cell, HEADER_FILL)
    repeat_header(grid.rows[0])
    cell_text(grid.rows[1].cells[0], "{%tr for " + loop + " %}", size)
    for i, text in enumerate(cells):
        cell_text(grid.rows[2].cells[i], text, size)
    keep_whole(grid.rows[2])
    if row_height is not None:
        min_height(grid.rows[2], row_height)
    cell_text(grid.rows[3].cells[0], "{%tr endfor %}", size)
    for offset, values in enumerate(after):
        for i, text in enumerate(values):
            cell = grid.rows[4 + offset].cells[i]
            cell_text(cell, text, size, bold=True)
            shade(cell, TOTAL_FILL)
    widths(grid, columns)
    if margin is not None:
        cell_margins(grid, margin)
    doc.add_paragraph()
    if empty is not None:
        else_(doc, empty)


# the footer ------------------------------------------------------------------------------------


def page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


SIGNATURE_ROW = 1.2
"""The height of a sign-off row (cm): room for a wet signature."""


def footer(doc: Document, text: str, numbered: bool) -> None:
    """The footer on every page, centred in small type, with the page number after it."""
    line = doc.sections[0].footer.paragraphs[0]
    line.text = text
    if numbered:
        page_number(line)
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in line.runs:
        run.font.size = Pt(8)
