"""Build the default Word templates in templates/ from code, so they are reproducible.

Run `python scripts/build_templates.py` after changing this file, and commit both. The
templates are docxtpl documents: Jinja tags inside Word, which a partnership can copy out with
`psp templates export mou.docx` and restyle in Word.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
NAVY = RGBColor(0x1F, 0x38, 0x64)
TBC = "To be agreed by the partners."


def _base() -> Document:
    doc = Document()
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
    # fixed properties, so a rebuild gives the same document
    doc.core_properties.author = "psp"
    doc.core_properties.last_modified_by = "psp"
    doc.core_properties.revision = 1
    return doc


def _shade(cell, fill: str) -> None:  # type: ignore[no-untyped-def]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _loop_table(doc, headers: list[str], loop: str, cells: list[str], widths: list[float]) -> None:  # type: ignore[no-untyped-def]
    """A table with a header row and one row repeated for each item: docxtpl's {%tr %}."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, "D9E2F3")
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for i, text in enumerate(cells):
        table.rows[2].cells[i].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
    for row in table.rows:
        for i, width in enumerate(widths):
            row.cells[i].width = Cm(width)
    doc.add_paragraph()


def _para_loop(doc, loop: str, body: str, style: str = "List Bullet") -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("{%p for " + loop + " %}")
    doc.add_paragraph(body, style=style)
    doc.add_paragraph("{%p endfor %}")


def mou() -> Document:
    doc = _base()
    doc.add_paragraph("Memorandum of Understanding", style="Title")
    subtitle = doc.add_paragraph()
    run = subtitle.add_run("{{ partnership.name }}")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph("A Public Social Partnership · prepared {{ partnership.as_of }}")
    notice = doc.add_paragraph()
    notice.add_run("This Memorandum of Understanding is not legally binding. ").bold = True
    notice.add_run(
        "It records the shared intentions of the partners named below and how they will work "
        "together in good faith to co-design, pilot and sustain the service. It does not create "
        "a contract, and no partner is committed by it to buy or to provide any service."
    )

    doc.add_heading("1. Purpose and scope", level=1)
    doc.add_paragraph("{{ partnership.purpose or '" + TBC + "' }}")
    doc.add_paragraph("{%p if partnership.scope %}")
    doc.add_paragraph("{{ partnership.scope }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if partnership.vision %}")
    doc.add_paragraph("Our shared vision: {{ partnership.vision }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph(
        "The partnership runs from {{ partnership.start or 'a date to be agreed' }} to "
        "{{ partnership.end or 'a date to be agreed' }}."
    )

    doc.add_heading("2. Objectives", level=1)
    doc.add_paragraph("The partners will work together to:")
    _para_loop(doc, "objective in partnership.objectives", "{{ objective }}")

    doc.add_heading("3. Values", level=1)
    doc.add_paragraph("In working together the partners will uphold these values:")
    _para_loop(doc, "value in partnership.values", "{{ value }}")

    doc.add_heading("4. Funding", level=1)
    doc.add_paragraph("{{ partnership.funding or '" + TBC + "' }}")

    doc.add_heading("5. The partners", level=1)
    doc.add_paragraph("{%p if lead %}")
    doc.add_paragraph("The lead partner is {{ lead.name }} ({{ lead.sector }}).")
    doc.add_paragraph("{%p endif %}")
    _loop_table(
        doc,
        ["Partner", "Sector", "Role in the PSP", "Contribution"],
        "p in partners",
        ["{{ p.name }}", "{{ p.sector }}", "{{ p.role }}", "{{ p.contribution }}"],
        [4.5, 3.0, 3.0, 6.1],
    )

    doc.add_heading("6. Roles and responsibilities", level=1)
    doc.add_heading("Roles", level=2)
    _loop_table(
        doc, ["Role", "Held by"], "r in roles", ["{{ r.role }}", "{{ r.person }}"], [5.0, 11.6]
    )
    doc.add_heading("Governance", level=2)
    doc.add_paragraph(
        "The partnership is governed through the groups below. Each keeps a record of its "
        "decisions; the Governance Group receives a highlight report at each meeting."
    )
    _loop_table(
        doc,
        ["Group", "Meets", "Chair", "Members"],
        "g in groups",
        ["{{ g.name }}", "{{ g.cadence }}", "{{ g.chair }}", "{{ g.members | join('; ') }}"],
        [3.8, 2.6, 3.6, 6.6],
    )
    doc.add_heading("Responsibilities of each partner", level=2)
    doc.add_paragraph("{%p for p in partners %}")
    doc.add_paragraph("{%p if p.responsibilities %}")
    line = doc.add_paragraph()
    line.add_run("{{ p.name }}: ").bold = True
    line.add_run("{{ p.responsibilities | join('; ') }}.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")

    doc.add_heading("7. Resolving disputes", level=1)
    doc.add_paragraph("{{ mou.dispute_resolution or '" + TBC + "' }}")
    doc.add_heading("8. Amending this Memorandum", level=1)
    doc.add_paragraph("{{ mou.amendment or '" + TBC + "' }}")
    doc.add_heading("9. Confidentiality and data protection", level=1)
    doc.add_paragraph("{{ mou.confidentiality or '" + TBC + "' }}")
    doc.add_heading("10. A partner leaving the partnership", level=1)
    doc.add_paragraph("{{ mou.exit or '" + TBC + "' }}")
    doc.add_paragraph("{%p if mou.duration %}")
    doc.add_heading("Duration and review", level=2)
    doc.add_paragraph("{{ mou.duration }}")
    doc.add_paragraph("{%p endif %}")

    doc.add_heading("11. Signatures", level=1)
    doc.add_paragraph(
        "Signed on behalf of each partner by an officer at Director level or above, confirming "
        "the partner's commitment to this Memorandum of Understanding."
    )
    _loop_table(
        doc,
        ["Partner", "Name", "Title", "Signature", "Date"],
        "s in signatures",
        ["{{ s.partner }}", "{{ s.name }}", "{{ s.title }}", "", "{{ s.date }}"],
        [3.6, 3.2, 4.2, 3.2, 2.4],
    )
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = "{{ partnership.name }} · Memorandum of Understanding · not legally binding"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    return doc


BUILDERS = {"mou.docx": mou}


def build(folder: Path = TEMPLATES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in BUILDERS.items():
        path = folder / name
        builder().save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES):
        print(f"wrote {path}")
