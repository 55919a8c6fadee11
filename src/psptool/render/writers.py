"""Writers for a `Document`: Markdown text, rich renderables for the terminal, and Word."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..vocabulary import RAG_LABELS
from .document import Bullets, Document, Figure, Heading, Para
from .tables import RAG_STYLE, Prose, Table, cell_text, to_markdown, to_rich

RAG_HEX = {"red": "C00000", "amber": "FFC000", "green": "00B050"}

CAPTION_SPACE_BEFORE = 10
"""Points of space above a table's caption in Word, so it does not run into the table or
paragraph before it."""
CAPTION_SPACE_AFTER = 3
"""Points of space between a table's caption and its table."""
NOTE_SPACE_BEFORE = 3
"""Points of space between a table and the first note under it."""


def to_markdown_text(doc: Document) -> str:
    out = [f"# {doc.title}", ""]
    if doc.subtitle:
        out += [doc.subtitle, ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            badge = f" — {RAG_LABELS[block.rag]}" if block.rag else ""
            out += [f"{'#' * (block.level + 1)} {block.text}{badge}", ""]
        elif isinstance(block, Para):
            out += [block.text, ""]
        elif isinstance(block, Bullets):
            out += [
                f"{i}. {item}" if block.numbered else f"- {item}"
                for i, item in enumerate(block.items, 1)
            ]
            out.append("")
        elif isinstance(block, Table):
            out += [to_markdown(block), ""]
        elif isinstance(block, Figure) and block.fallback is not None:
            out += [to_markdown(block.fallback), ""]
    return "\n".join(out).rstrip() + "\n"


def to_rich_blocks(doc: Document) -> Iterator[Any]:
    from rich.text import Text

    yield Prose(Text(doc.title, style="bold underline"))
    if doc.subtitle:
        yield Prose(doc.subtitle)
    for block in doc.blocks:
        if isinstance(block, Heading):
            yield Text("")
            line = Text(block.text, style="bold")
            if block.rag:
                line.append("  ")
                line.append(f" {block.rag.upper()} ", style=RAG_STYLE[block.rag])
            yield line
        elif isinstance(block, Para):
            yield Prose(block.text)
        elif isinstance(block, Bullets):
            for i, item in enumerate(block.items, 1):
                marker = f"  {i}. " if block.numbered else "  • "
                yield Prose(marker + item, indent=len(marker))
        elif isinstance(block, Table):
            yield to_rich(block)
            for note in block.notes:
                yield Prose(Text(note, style="dim"))
        elif isinstance(block, Figure) and block.fallback is not None:
            yield to_rich(block.fallback)


def to_docx(doc: Document, path: Path, acronyms: Mapping[str, str] | None = None) -> None:
    """A Word document: A4, headings, tables with a header row, RAG cells shaded, laid out
    as every Word paper is (`office.lay_out`, each of the `acronyms` spelt out where first
    used)."""
    from docx import Document as WordDocument
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    word = WordDocument()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    word.styles["Normal"].font.name = "Arial"
    word.styles["Normal"].font.size = Pt(10)
    word.core_properties.title = doc.title
    word.add_heading(doc.title, level=0)
    if doc.subtitle:
        word.add_paragraph(doc.subtitle)
    for block in doc.blocks:
        if isinstance(block, Heading):
            heading = word.add_heading(block.text, level=min(block.level, 3))
            if block.rag:
                run = heading.add_run(f"  {RAG_LABELS[block.rag]}")
                _colour_run(run, block.rag)
        elif isinstance(block, Para):
            word.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            style = "List Number" if block.numbered else "List Bullet"
            for item in block.items:
                word.add_paragraph(item, style=style)
        elif isinstance(block, Table):
            _docx_table(word, block)
        elif isinstance(block, Figure) and block.fallback is not None:
            _docx_table(word, block.fallback)
    from .office import lay_out

    lay_out(word, doc.footer or doc.title, acronyms)
    word.save(str(path))


def _colour_run(run: Any, rag: str) -> None:
    from docx.shared import RGBColor

    run.font.bold = True
    run.font.color.rgb = RGBColor.from_string(RAG_HEX[rag])


def _shade(cell: Any, hex_colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _docx_table(word: Any, table: Table) -> None:
    from docx.shared import Pt

    if table.title:
        # a caption stands clear of what comes before it and on the page of its table
        caption = word.add_paragraph()
        caption.add_run(table.title).bold = True
        caption.paragraph_format.space_before = Pt(CAPTION_SPACE_BEFORE)
        caption.paragraph_format.space_after = Pt(CAPTION_SPACE_AFTER)
        caption.paragraph_format.keep_with_next = True
    grid = word.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
        _shade(cell, "D9E2F3")
    for r, row in enumerate(table.rows):
        cells = grid.add_row().cells
        for c, (name, value) in enumerate(zip(table.columns, row, strict=True)):
            text = cell_text(value, table.decimals.get(name))
            cells[c].text = text
            key = table.rags.get((r, c), text)
            if key in RAG_HEX:
                _shade(cells[c], RAG_HEX[key])
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    for i, note in enumerate(table.notes):
        paragraph = word.add_paragraph(note)
        paragraph.runs[0].italic = True
        # a note sits just under its table, not run into the table's last row
        paragraph.paragraph_format.space_before = Pt(NOTE_SPACE_BEFORE if i == 0 else 0)
