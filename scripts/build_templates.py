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
from docx.text.paragraph import Paragraph

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
NAVY = RGBColor(0x1F, 0x38, 0x64)
TBC = "To be agreed by the partners."
NO_PARTNERS = "No partners are recorded yet."


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


def _if(doc, condition: str) -> None:  # type: ignore[no-untyped-def]
    """Open a block of paragraphs and tables printed only when `condition` holds."""
    doc.add_paragraph("{%p if " + condition + " %}")


def _else(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    """Close the block `_if` opened with the sentence printed in its place otherwise, so an
    empty list or table never leaves an introduction with nothing after it."""
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph(text)
    doc.add_paragraph("{%p endif %}")


def _items(loop: str) -> str:
    """The list a loop runs over: `r in roles` → `roles`."""
    return loop.split(" in ", 1)[1]


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
        "{% if partnership.start or partnership.end %}"
        "The partnership runs from {{ partnership.start or 'a date to be agreed' }} to "
        "{{ partnership.end or 'a date to be agreed' }}."
        "{% else %}The partnership's start and end dates are to be agreed.{% endif %}"
    )

    doc.add_heading("2. Objectives", level=1)
    _if(doc, "partnership.objectives")
    doc.add_paragraph("The partners will work together to:")
    _para_loop(doc, "objective in partnership.objectives", "{{ objective }}")
    _else(doc, TBC)

    doc.add_heading("3. Values", level=1)
    _if(doc, "partnership.values")
    doc.add_paragraph("In working together the partners will uphold these values:")
    _para_loop(doc, "value in partnership.values", "{{ value }}")
    _else(doc, TBC)

    doc.add_heading("4. Funding", level=1)
    doc.add_paragraph("{{ partnership.funding or '" + TBC + "' }}")

    doc.add_heading("5. The partners", level=1)
    doc.add_paragraph("{%p if lead %}")
    doc.add_paragraph("The lead partner is {{ lead.name }} ({{ lead.sector }}).")
    doc.add_paragraph("{%p endif %}")
    _if(doc, "partners")
    _loop_table(
        doc,
        ["Partner", "Sector", "Role in the PSP", "Contribution"],
        "p in partners",
        ["{{ p.name }}", "{{ p.sector }}", "{{ p.role }}", "{{ p.contribution }}"],
        [4.5, 3.0, 3.0, 6.1],
    )
    _else(doc, NO_PARTNERS)

    doc.add_heading("6. Roles and responsibilities", level=1)
    doc.add_heading("Roles", level=2)
    _if(doc, "roles")
    _loop_table(
        doc, ["Role", "Held by"], "r in roles", ["{{ r.role }}", "{{ r.person }}"], [5.0, 11.6]
    )
    _else(doc, TBC)
    doc.add_heading("Governance", level=2)
    _if(doc, "groups")
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
    _else(doc, TBC)
    doc.add_heading("Responsibilities of each partner", level=2)
    _if(doc, "partners | selectattr('responsibilities') | list")
    doc.add_paragraph("{%p for p in partners %}")
    doc.add_paragraph("{%p if p.responsibilities %}")
    line = doc.add_paragraph()
    line.add_run("{{ p.name }}: ").bold = True
    line.add_run("{{ p.responsibilities | join('; ') }}.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    _else(doc, TBC)

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
    _if(doc, "signatures")
    _loop_table(
        doc,
        ["Partner", "Name", "Title", "Signature", "Date"],
        "s in signatures",
        ["{{ s.partner }}", "{{ s.name }}", "{{ s.title }}", "", "{{ s.date }}"],
        [3.6, 3.2, 4.2, 3.2, 2.4],
    )
    _else(doc, NO_PARTNERS)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = "{{ partnership.name }} · Memorandum of Understanding · not legally binding"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    return doc


# business cases ---------------------------------------------------------------------------

NONE_RECORDED = "None recorded in the RAID log."
NO_OPTIONS = "No options are recorded yet."
NO_BENEFITS = "No benefits are recorded yet."
NO_GOALS = "No goals are recorded yet."
NO_MILESTONES = "No milestones are recorded yet."
NO_BUDGET = "No budget is recorded yet."


def _cell_text(cell, text: str, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    cell.text = text
    for run in cell.paragraphs[0].runs:
        run.font.size = Pt(size)
        run.bold = bold or None


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    """Repeat the header row at the top of every page the table runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _keep_whole(row) -> None:  # type: ignore[no-untyped-def]
    """A row that does not break across pages."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _keep_headings_with_text(doc) -> None:  # type: ignore[no-untyped-def]
    for level in (1, 2):
        doc.styles[f"Heading {level}"].paragraph_format.keep_with_next = True


def _widths(table, widths: list[float]) -> None:  # type: ignore[no-untyped-def]
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
    for row in table.rows:
        for i, width in enumerate(widths):
            row.cells[i].width = Cm(width)


def _table(  # type: ignore[no-untyped-def]
    doc,
    headers: list[str],
    widths: list[float],
    loop: str,
    cells: list[str],
    after: list[list[str]] | None = None,
    size: float = 9,
    empty: str | None = None,
    margin: float | None = None,
    intro: str | None = None,
) -> None:
    """A table with a shaded header row that repeats on each page, one row repeated for each
    item (docxtpl's {%tr %}), and bold rows after them (totals). With `empty`, the sentence
    printed instead of the table (and its `intro`) when there is nothing to repeat; with
    `margin`, narrower cell margins (cm, left and right) so that many money columns fit."""
    after = after or []
    if empty is not None:
        _if(doc, _items(loop))
    if intro is not None:
        doc.add_paragraph(intro)
    _keep_introduction_with_table(doc)
    table = doc.add_table(rows=4 + len(after), cols=len(headers))
    table.style = "Table Grid"
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        _cell_text(cell, text, size, bold=True)
        _shade(cell, "D9E2F3")
    _repeat_header(table.rows[0])
    _cell_text(table.rows[1].cells[0], "{%tr for " + loop + " %}", size)
    for i, text in enumerate(cells):
        _cell_text(table.rows[2].cells[i], text, size)
    _keep_whole(table.rows[2])
    _cell_text(table.rows[3].cells[0], "{%tr endfor %}", size)
    for offset, values in enumerate(after):
        for i, text in enumerate(values):
            cell = table.rows[4 + offset].cells[i]
            _cell_text(cell, text, size, bold=True)
            _shade(cell, "F2F2F2")
    _widths(table, widths)
    if margin is not None:
        _cell_margins(table, margin)
    doc.add_paragraph()
    if empty is not None:
        _else(doc, empty)


def _cell_margins(table, side: float) -> None:  # type: ignore[no-untyped-def]
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


def _keep_introduction_with_table(doc) -> None:  # type: ignore[no-untyped-def]
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


def _page_number(paragraph) -> None:  # type: ignore[no-untyped-def]
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


def _labelled(doc, label: str, value: str) -> None:  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph()
    paragraph.add_run(label + ": ").bold = True
    paragraph.add_run(value)


def _cover(doc, title: str) -> None:  # type: ignore[no-untyped-def]
    """The title page: what the document is, for whom, its version and status."""
    for _ in range(3):
        doc.add_paragraph()
    doc.add_paragraph(title, style="Title")
    name = doc.add_paragraph()
    run = name.add_run("{{ partnership.name }}")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph("A Public Social Partnership")
    doc.add_paragraph()
    details = [
        ("Partnership", "{{ partnership.name }}"),
        ("Document", "{{ document.title }}"),
        ("Version", "{{ document.version }}"),
        ("Date", "{{ document.date }}"),
        ("Lead partner", "{{ document.lead }}"),
        ("Owner (senior responsible owner)", "{{ document.owner }}"),
        ("Author (project manager)", "{{ document.author }}"),
        ("Status", "{{ document.status }}"),
    ]
    table = doc.add_table(rows=len(details), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, details, strict=True):
        _cell_text(row.cells[0], label, 10, bold=True)
        _shade(row.cells[0], "D9E2F3")
        _cell_text(row.cells[1], value, 10)
    _widths(table, [6.0, 10.6])
    doc.add_page_break()


def _document_control(doc, title: str) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("Document control", level=1)
    doc.add_heading("Version history", level=2)
    doc.add_paragraph(
        "Draft versions 0.1, 0.2 … follow the changes to the partnership's files; the "
        "version signed off by every partner is the baseline."
    )
    _table(
        doc,
        ["Version", "Date", "Change reference", "Change"],
        [1.7, 3.3, 2.3, 9.3],
        "v in versions",
        ["{{ v.version }}", "{{ v.date }}", "{{ v.reference }}", "{{ v.change }}"],
    )
    doc.add_heading("Review and approval process", level=2)
    _table(
        doc,
        ["Date", "Organisation", "Meeting", "Purpose"],
        [3.3, 5.0, 3.3, 5.0],
        "a in approvals",
        ["{{ a.date }}", "{{ a.organisation }}", "{{ a.meeting }}", "{{ a.purpose }}"],
        empty=NO_PARTNERS,
    )
    doc.add_heading("Sign-off", level=2)
    _if(doc, "signoff")
    doc.add_paragraph(
        "Signed off on behalf of each partner by an officer at Director level or above, "
        "confirming the partner's agreement to this " + title.lower() + "."
    )
    _table(
        doc,
        ["Partner", "Name", "Position", "Signature", "Date"],
        [3.6, 2.5, 4.0, 3.2, 3.3],
        "s in signoff",
        ["{{ s.partner }}", "{{ s.name }}", "{{ s.title }}", "", "{{ s.date }}"],
    )
    _else(doc, NO_PARTNERS)
    doc.add_page_break()


def _contents(doc, sections: list[tuple[str, list[str]]]) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("Contents", level=1)
    for number, (heading, subsections) in enumerate(sections, 1):
        line = doc.add_paragraph()
        line.add_run(f"{number}. {heading}").bold = True
        line.paragraph_format.space_after = Pt(2)
        for sub, text in enumerate(subsections, 1):
            item = doc.add_paragraph(f"{number}.{sub} {text}")
            item.paragraph_format.left_indent = Cm(0.8)
            item.paragraph_format.space_after = Pt(0)
    doc.add_page_break()


def _executive_summary(doc, number: int, full: bool) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"{number}. Executive summary", level=1)
    doc.add_heading(f"{number}.1 Purpose of this document", level=2)
    doc.add_paragraph("{{ summary.proposal }}")
    doc.add_heading(f"{number}.2 The preferred option", level=2)
    doc.add_paragraph("{{ summary.appraisal }}")
    doc.add_heading(f"{number}.3 Benefits", level=2)
    _if(doc, "summary.benefits")
    doc.add_paragraph("The benefits the partnership is to deliver:")
    _para_loop(doc, "b in summary.benefits", "{{ b }}")
    if full:
        doc.add_paragraph("{{ summary.benefits_progress }}")
    _else(doc, NO_BENEFITS)
    doc.add_heading(f"{number}.4 Financial summary", level=2)
    doc.add_paragraph("{{ summary.financial }}")
    doc.add_heading(f"{number}.5 Decisions required", level=2)
    _numbered_recommendations(doc)


def _numbered_recommendations(doc) -> None:  # type: ignore[no-untyped-def]
    """Numbered 1, 2, 3 … afresh wherever they appear (Word's list numbering would carry on
    from the executive summary)."""
    doc.add_paragraph("It is recommended that the partners:")
    doc.add_paragraph("{%p for r in recommendations %}")
    item = doc.add_paragraph("{{ loop.index }}.\t{{ r }}")
    item.paragraph_format.left_indent = Cm(0.9)
    item.paragraph_format.first_line_indent = Cm(-0.9)
    item.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
    doc.add_paragraph("{%p endfor %}")


def _case_for_change(doc, number: int, full: bool) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"{number}. Case for change", level=1)
    doc.add_heading(f"{number}.1 Rationale", level=2)
    doc.add_paragraph("{%p if partnership.vision %}")
    _labelled(doc, "Our shared vision", "{{ partnership.vision }}")
    doc.add_paragraph("{%p endif %}")
    _if(doc, "goals")
    doc.add_paragraph("The reasons for change, goal by goal:")
    doc.add_paragraph("{%p for g in goals %}")
    line = doc.add_paragraph(style="List Bullet")
    line.add_run("{{ g.title }}: ").bold = True
    line.add_run("{{ g.relevance or 'the reason is to be recorded by the partners.' }}")
    doc.add_paragraph("{%p endfor %}")
    _else(doc, "The partners' goals, and with them the reasons for change, are not yet recorded.")
    if full:
        doc.add_paragraph("{%p if document.previous %}")
        doc.add_paragraph("{{ document.previous }}")
        doc.add_paragraph("{%p endif %}")
    doc.add_heading(f"{number}.2 Objectives", level=2)
    _if(doc, "partnership.objectives")
    doc.add_paragraph("The partnership's objectives are to achieve:")
    _para_loop(doc, "o in partnership.objectives", "{{ o }}")
    _else(doc, "The partnership's objectives are to be agreed by the partners.")
    doc.add_heading(f"{number}.3 Current position and goals", level=2)
    _if(doc, "goals")
    doc.add_paragraph(
        "The partners' SMART goals, with the baseline of the current service each starts from "
        "and the target it aims for."
    )
    _table(
        doc,
        ["Goal", "Measure", "Baseline", "Target", "By", "Owner"],
        [3.1, 4.0, 2.4, 2.4, 2.7, 2.0],
        "g in goals",
        [
            "{{ g.id }} {{ g.title }}",
            "{{ g.measure }}",
            "{{ g.baseline }}",
            "{{ g.target }}",
            "{{ g.due }}",
            "{{ g.owner }}",
        ],
    )
    _else(doc, NO_GOALS)


def _raid_table(doc, items: str, what: str, intro: str, mitigation: bool = True) -> None:  # type: ignore[no-untyped-def]
    headers = ["Ref", what, "Owner", "L × I", "RAG", "Status"]
    cells = [
        "{{ r.id }}",
        "{{ r.title }}",
        "{{ r.owner }}",
        "{{ r.likelihood }} × {{ r.impact }} = {{ r.score }}",
        "{% cellbg r.fill %}{{ r.rag }}",
        "{{ r.status }}",
    ]
    widths = [1.1, 6.0, 2.2, 2.2, 1.5, 3.6]
    if mitigation:
        headers.insert(5, "Mitigation")
        cells.insert(5, "{{ r.mitigation }}")
        widths = [1.1, 4.0, 2.0, 1.9, 1.4, 4.3, 1.9]
    _table(doc, headers, widths, "r in " + items, cells, empty=NONE_RECORDED, intro=intro)


def _strategic_case(doc, number: int) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"{number}. Strategic case", level=1)
    doc.add_heading(f"{number}.1 Scope", level=2)
    doc.add_paragraph("{{ strategic.scope or '" + TBC + "' }}")
    doc.add_heading(f"{number}.2 Strategic fit", level=2)
    doc.add_paragraph(
        "{{ partnership.name }} is a Public Social Partnership led by "
        "{{ document.lead or 'a lead partner to be agreed' }}"
        "{% if partnership.start or partnership.end %}, running from "
        "{{ partnership.start or 'a date to be agreed' }} to "
        "{{ partnership.end or 'a date to be agreed' }}"
        "{% else %}; its start and end dates are to be agreed{% endif %}. Each goal's fit "
        "with the partners' own strategies and plans is in section 2.1."
    )
    doc.add_paragraph("{%p if partnership.values %}")
    doc.add_paragraph("In working together the partners uphold these values:")
    doc.add_paragraph("{%p endif %}")
    _para_loop(doc, "v in partnership.values", "{{ v }}")
    doc.add_heading(f"{number}.3 Assumptions", level=2)
    _raid_table(
        doc,
        "strategic.assumptions",
        "Assumption",
        "The plans and the benefits rest on these assumptions, from the RAID log, each scored "
        "likelihood × impact for the case that it proves wrong.",
    )
    doc.add_heading(f"{number}.4 Strategic risks", level=2)
    _raid_table(
        doc,
        "strategic.risks",
        "Risk",
        "The risks in the RAID log, open first and highest score first.",
    )
    doc.add_heading(f"{number}.5 Constraints and dependencies", level=2)
    _raid_table(
        doc,
        "strategic.dependencies",
        "Dependency",
        "What the partnership depends on outside its control, from the RAID log.",
    )


def _options_matrix(doc) -> None:  # type: ignore[no-untyped-def]
    """Criteria down, options across (docxtpl's {%tc %} column loop), the score out of 100
    at the foot.

    docxtpl drops the two cells holding the loop tags and, for each option past the third,
    adds a grid column and scales the others to keep the table's width. With the loop cells
    as wide as the repeated cell, and that as wide as half the first two columns, every
    option column comes out the same width for any number of options; 16.6 cm wide.
    """
    table = doc.add_table(rows=5, cols=5)
    table.style = "Table Grid"
    size = 9
    header = table.rows[0].cells
    for cell, text in zip(
        header,
        ["Criterion", "Weight", "{%tc for o in options.columns %}", "{{ o.id }}", "{%tc endfor %}"],
        strict=True,
    ):
        _cell_text(cell, text, size, bold=True)
        _shade(cell, "D9E2F3")
    _repeat_header(table.rows[0])
    _cell_text(table.rows[1].cells[0], "{%tr for c in options.matrix %}", size)
    body = table.rows[2].cells
    for cell, text in zip(
        body,
        [
            "{{ c.name }}",
            "{{ c.weight }}",
            "{%tc for s in c.scores %}",
            "{{ s }}",
            "{%tc endfor %}",
        ],
        strict=True,
    ):
        _cell_text(cell, text, size)
    _keep_whole(table.rows[2])
    _cell_text(table.rows[3].cells[0], "{%tr endfor %}", size)
    foot = table.rows[4].cells
    for cell, text in zip(
        foot,
        [
            "Weighted score out of 100",
            "",
            "{%tc for o in options.columns %}",
            "{{ o.score }}",
            "{%tc endfor %}",
        ],
        strict=True,
    ):
        _cell_text(cell, text, size, bold=True)
        _shade(cell, "F2F2F2")
    _widths(table, [4.84, 1.8, 3.32, 3.32, 3.32])
    doc.add_paragraph()


def _options_appraisal(doc, number: int) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"{number}. Options appraisal", level=1)
    doc.add_heading(f"{number}.1 Options considered", level=2)
    _table(
        doc,
        ["Ref", "Option", "Type", "Estimated cost"],
        [1.2, 9.4, 2.6, 3.4],
        "o in options.columns",
        [
            "{{ o.id }}",
            "{{ o.name }}{% if o.description %}: {{ o.description }}{% endif %}",
            "{{ o.kind }}",
            "{{ o.cost }}",
        ],
        empty=NO_OPTIONS,
        intro="The options the partners considered for the future service, including doing "
        "nothing.",
    )
    doc.add_heading(f"{number}.2 Criteria and scoring", level=2)
    _if(doc, "options.criteria")
    doc.add_paragraph(
        "Each option was scored from 1 (poor) to 5 (good) against each criterion; a criterion's "
        "weight sets its share of the total. The weighted scores are normalised to 100."
    )
    _table(
        doc,
        ["Criterion", "Weight", "Share of the weight"],
        [10.6, 2.6, 3.4],
        "c in options.criteria",
        ["{{ c.name }}", "{{ c.weight }}", "{{ c.share }}"],
    )
    _if(doc, "options.columns")
    _options_matrix(doc)
    doc.add_paragraph("{%p endif %}")
    _else(doc, "The criteria to score the options against are not yet recorded.")
    doc.add_heading(f"{number}.3 The preferred option", level=2)
    _if(doc, "options.rows")
    _table(
        doc,
        [
            "Rank",
            "Option",
            "Score out of 100",
            "Estimated cost",
            "Cost per point",
            "Preferred",
        ],
        [1.3, 6.6, 2.1, 2.4, 2.2, 2.0],
        "o in options.rows",
        [
            "{{ o.rank }}",
            "{{ o.id }} {{ o.name }}",
            "{{ o.score }}",
            "{{ o.cost }}",
            "{{ o.cost_per_point }}",
            "{{ o.preferred }}",
        ],
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ options.summary }}")
    doc.add_paragraph("{%p if options.sensitivity %}")
    doc.add_paragraph(
        "How far each criterion's weight would have to change before another option came first:"
    )
    doc.add_paragraph("{%p endif %}")
    _para_loop(
        doc, "s in options.sensitivity", "{{ s.criterion }} ({{ s.share }}): {{ s.finding }}"
    )
    doc.add_heading(f"{number}.4 Costs and benefits of each option", level=2)
    doc.add_paragraph("{%p if options.has_economics %}")
    doc.add_paragraph(
        "Each option's costs (with optimism bias) and benefits over the appraisal period, "
        "discounted to present values, and its net present value (NPV) and benefit–cost ratio "
        "(BCR), also against doing nothing."
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if options.has_economics %}")
    _table(
        doc,
        ["Option", "Costs (PV)", "Benefits (PV)", "NPV", "BCR", "NPV against doing nothing"],
        [5.4, 2.3, 2.3, 2.3, 1.5, 2.8],
        "o in options.rows",
        [
            "{{ o.id }} {{ o.name }}",
            "{{ o.pv_costs }}",
            "{{ o.pv_benefits }}",
            "{{ o.npv }}",
            "{{ o.bcr }}",
            "{{ o.npv_vs_do_nothing }}",
        ],
    )
    doc.add_paragraph("Discounting: {{ financial.discount }}.")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if not options.has_economics %}")
    doc.add_paragraph(
        "The options' costs and benefits by year are not yet recorded{% if options.columns %}: "
        f"the estimated cost of each option is in section {number}.1{{% endif %}}."
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_heading(f"{number}.5 Risk assessment of each option", level=2)
    _if(doc, "options.risk_assessment")
    doc.add_paragraph("The RAID log entries linked to each option, and how they are mitigated.")
    _table(
        doc,
        ["Option", "Ref", "Risk", "Score", "RAG", "Mitigation"],
        [3.6, 1.1, 4.6, 1.3, 1.4, 4.6],
        "r in options.risk_assessment",
        [
            "{{ r.option }}",
            "{{ r.id }}",
            "{{ r.title }}",
            "{{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag }}",
            "{{ r.mitigation }}",
        ],
    )
    _else(doc, NO_OPTIONS)


def _benefits_plan(doc, introduction: str) -> None:  # type: ignore[no-untyped-def]
    _if(doc, "benefits")
    doc.add_paragraph(introduction)
    _table(
        doc,
        ["Benefit", "KPI", "Baseline", "Target", "Owner", "By", "Cashable or not"],
        [3.0, 3.0, 2.2, 2.2, 1.9, 2.5, 1.8],
        "b in benefits",
        [
            "{{ b.id }} {{ b.title }}",
            "{{ b.kpi }}",
            "{{ b.baseline }}",
            "{{ b.target }}",
            "{{ b.owner }}",
            "{{ b.date }}",
            "{{ b.cashable }}",
        ],
    )
    _else(doc, NO_BENEFITS)


def _money_by_year(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("{%p if financial.has_years %}")
    doc.add_paragraph(
        "The preferred option's costs and benefits year by year, and the cumulative net position."
    )
    _table(
        doc,
        [
            "Year",
            "Capital",
            "Revenue",
            "Optimism bias",
            "Total cost",
            "Cashable benefits",
            "Non-cashable benefits",
            "Net (cash)",
            "Cumulative net cost (−) / benefit (+)",
        ],
        [1.2] + [1.925] * 8,
        "y in financial.years",
        [
            "{{ y.year }}",
            "{{ y.capital }}",
            "{{ y.revenue }}",
            "{{ y.optimism_bias }}",
            "{{ y.costs }}",
            "{{ y.cashable }}",
            "{{ y.non_cashable }}",
            "{{ y.net }}",
            "{{ y.cumulative }}",
        ],
        after=[
            [
                "Total",
                "{{ financial.totals.capital }}",
                "{{ financial.totals.revenue }}",
                "{{ financial.totals.optimism_bias }}",
                "{{ financial.totals.costs }}",
                "{{ financial.totals.cashable }}",
                "{{ financial.totals.non_cashable }}",
                "{{ financial.totals.net }}",
                "{{ financial.totals.cumulative }}",
            ]
        ],
        size=8,
        margin=0.1,
    )
    doc.add_paragraph("{{ financial.summary }}")
    doc.add_paragraph("Discounting: {{ financial.discount }}.")
    doc.add_paragraph("Optimism bias: {{ financial.optimism }}.")
    _para_loop(doc, "n in financial.notes", "{{ n }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if not financial.has_years %}")
    doc.add_paragraph("{{ financial.summary }}")
    doc.add_paragraph("{%p if financial.budget.has_lines %}")
    doc.add_paragraph("The partnership's planned running costs by year, from its budget:")
    _table(
        doc,
        ["Year", "Planned", "Cumulative planned", "Actual to date", "Variance"],
        [2.4, 3.4, 3.6, 3.6, 3.6],
        "y in financial.budget.years",
        [
            "{{ y.name }}",
            "{{ y.planned }}",
            "{{ y.cumulative }}",
            "{{ y.actual }}",
            "{{ y.variance }}",
        ],
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endif %}")


def _budget_by(doc, loop: str, what: str) -> None:  # type: ignore[no-untyped-def]
    _table(
        doc,
        [what, "Planned", "Actual", "Variance (actual − planned)"],
        [4.6, 3.8, 3.8, 4.4],
        loop,
        ["{{ b.name }}", "{{ b.planned }}", "{{ b.actual }}", "{{ b.variance }}"],
        after=[
            [
                "Total to date",
                "{{ financial.budget.to_date_planned }}",
                "{{ financial.budget.to_date_actual }}",
                "{{ financial.budget.to_date_variance }}",
            ],
            ["Whole budget", "{{ financial.budget.total_planned }}", "", ""],
        ],
    )


def _management_case(doc, number: int, outline: bool) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"{number}. Management case", level=1)
    sub = 0
    if outline:
        sub += 1
        doc.add_heading(f"{number}.{sub} Pilot plan", level=2)
        _if(doc, "plan.pilot.start and plan.pilot.end")
        doc.add_paragraph(
            "The pilot runs from {{ plan.pilot.start }} to {{ plan.pilot.end }} "
            "({{ plan.pilot.duration }}), reviewed by the partners at each governance "
            "meeting against the benefits realisation plan."
        )
        _else(doc, "The dates of the pilot are to be agreed by the partners.")
        doc.add_paragraph("{%p if plan.pilot.milestones %}")
        _table(
            doc,
            ["Ref", "Pilot milestone", "Owner", "Due", "Status"],
            [1.2, 6.6, 2.4, 3.2, 3.2],
            "m in plan.pilot.milestones",
            ["{{ m.id }}", "{{ m.title }}", "{{ m.owner }}", "{{ m.due }}", "{{ m.status }}"],
        )
        doc.add_paragraph("{%p endif %}")
        doc.add_paragraph("{%p if evaluation.approach %}")
        _labelled(doc, "Evaluation", "{{ evaluation.approach }}")
        doc.add_paragraph("{%p endif %}")
        doc.add_paragraph("{%p if evaluation.evaluator %}")
        _labelled(doc, "Evaluator", "{{ evaluation.evaluator }}")
        doc.add_paragraph("{%p endif %}")
        doc.add_paragraph("{%p if financial.budget.has_pilot %}")
        doc.add_paragraph(
            "The partnership's running costs during the pilot (the cost of the service itself "
            "is in the financial case):"
        )
        _table(
            doc,
            ["Category", "Planned"],
            [10.6, 6.0],
            "b in financial.budget.pilot",
            ["{{ b.name }}", "{{ b.planned }}"],
            after=[["Total for the pilot", "{{ financial.budget.pilot_total }}"]],
        )
        doc.add_paragraph("{%p endif %}")
    sub += 1
    doc.add_heading(f"{number}.{sub} Project plan", level=2)
    _if(doc, "plan.milestones")
    doc.add_paragraph(
        "The milestones in the order their dependencies allow; the plan ends on "
        "{{ plan.planned_end or 'a date to be agreed' }}"
        "{% if plan.projected_end %} and is forecast to end on {{ plan.projected_end }}{% endif %}."
    )
    _table(
        doc,
        ["Ref", "Milestone", "Stage", "Owner", "Due", "Status"],
        [1.1, 5.5, 1.6, 2.2, 3.2, 3.0],
        "m in plan.milestones",
        [
            "{{ m.id }}",
            "{{ m.title }}",
            "{{ m.stage }}",
            "{{ m.owner }}",
            "{{ m.due }}",
            "{{ m.status }}",
        ],
    )
    _else(doc, NO_MILESTONES)
    sub += 1
    doc.add_heading(f"{number}.{sub} Key milestones and dependencies", level=2)
    _if(doc, "plan.key")
    doc.add_paragraph(
        "The milestones still to come on the critical path, with what each depends on; the "
        "dependencies outside the partnership are in the strategic case."
    )
    _table(
        doc,
        ["Ref", "Key milestone", "Due", "Forecast", "Depends on"],
        [1.1, 6.9, 3.2, 3.2, 2.2],
        "m in plan.key",
        ["{{ m.id }}", "{{ m.title }}", "{{ m.due }}", "{{ m.forecast }}", "{{ m.depends_on }}"],
    )
    doc.add_paragraph("{%p elif plan.milestones %}")
    doc.add_paragraph("Every milestone is complete.")
    _else(doc, NO_MILESTONES)
    sub += 1
    doc.add_heading(f"{number}.{sub} Risk management", level=2)
    doc.add_paragraph("{{ management.risk_approach }}")
    _if(doc, "management.risks")
    doc.add_paragraph("The open risks and issues, highest score first, with their actions:")
    _table(
        doc,
        ["Ref", "Type", "Risk or issue", "Owner", "Score", "RAG", "Actions"],
        [1.1, 1.5, 4.4, 2.0, 1.3, 1.4, 4.9],
        "r in management.risks",
        [
            "{{ r.id }}",
            "{{ r.type }}",
            "{{ r.title }}",
            "{{ r.owner }}",
            "{{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag }}",
            "{{ r.mitigation }}",
        ],
    )
    _else(doc, "No risks or issues are open.")
    sub += 1
    doc.add_heading(f"{number}.{sub} Governance", level=2)
    _table(
        doc,
        ["Group", "Meets", "Chair", "Members"],
        [3.6, 2.4, 3.6, 7.0],
        "g in management.groups",
        ["{{ g.name }}", "{{ g.cadence }}", "{{ g.chair }}", "{{ g.members | join('; ') }}"],
        empty="The governance groups are to be agreed by the partners.",
    )
    sub += 1
    doc.add_heading(f"{number}.{sub} Communications and engagement", level=2)
    _if(doc, "management.communications")
    doc.add_paragraph("How the partnership keeps each stakeholder informed and involved:")
    _table(
        doc,
        ["Audience", "Method", "Frequency", "Messages", "Owner"],
        [3.6, 3.4, 2.2, 5.2, 2.2],
        "c in management.communications",
        [
            "{{ c.audience }}",
            "{{ c.method }}",
            "{{ c.frequency }}",
            "{{ c.messages }}",
            "{{ c.owner }}",
        ],
    )
    _else(doc, "No communications plan is recorded yet.")


def _recommendations(doc, number: int) -> None:  # type: ignore[no-untyped-def]
    heading = doc.add_heading(f"{number}. Recommendations", level=1)
    heading.paragraph_format.page_break_before = True
    _numbered_recommendations(doc)


def _footer(doc, title: str) -> None:  # type: ignore[no-untyped-def]
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = (
        "{{ partnership.name }} · " + title + " · version {{ document.version }} · "
        "{{ document.date }} · page "
    )
    _page_number(footer)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in footer.runs:
        run.font.size = Pt(8)


OUTLINE_SECTIONS = [
    (
        "Executive summary",
        [
            "Purpose of this document",
            "The preferred option",
            "Benefits",
            "Financial summary",
            "Decisions required",
        ],
    ),
    ("Case for change", ["Rationale", "Objectives", "Current position and goals"]),
    (
        "Strategic case",
        [
            "Scope",
            "Strategic fit",
            "Assumptions",
            "Strategic risks",
            "Constraints and dependencies",
        ],
    ),
    (
        "Options appraisal",
        [
            "Options considered",
            "Criteria and scoring",
            "The preferred option",
            "Costs and benefits of each option",
            "Risk assessment of each option",
        ],
    ),
    ("Benefits realisation", []),
    ("Financial case", ["Costs and benefits by year", "The partnership's budget"]),
    (
        "Management case",
        [
            "Pilot plan",
            "Project plan",
            "Key milestones and dependencies",
            "Risk management",
            "Governance",
            "Communications and engagement",
        ],
    ),
    ("Recommendations", []),
]
FULL_SECTIONS = [
    OUTLINE_SECTIONS[0],
    OUTLINE_SECTIONS[1],
    OUTLINE_SECTIONS[2],
    OUTLINE_SECTIONS[3],
    ("Final service model", ["The service", "Route to sustainability", "Future funders"]),
    ("Benefits realisation", ["Benefits realisation plan", "Benefits and outcomes achieved"]),
    (
        "Evaluation findings",
        ["Approach", "Findings against the goals", "Issues found in the pilot"],
    ),
    (
        "Financial case",
        [
            "Costs and benefits by year",
            "Financial analysis of the partnership's budget",
            "Resources to run the service",
        ],
    ),
    (
        "Management case",
        [
            "Project plan",
            "Key milestones and dependencies",
            "Risk management",
            "Governance",
            "Communications and engagement",
        ],
    ),
    ("Recommendations", []),
]


def business_case_outline() -> Document:
    title = "Outline Business Case"
    doc = _base()
    _keep_headings_with_text(doc)
    _cover(doc, title)
    _document_control(doc, title)
    _contents(doc, OUTLINE_SECTIONS)
    _executive_summary(doc, 1, full=False)
    _case_for_change(doc, 2, full=False)
    _strategic_case(doc, 3)
    _options_appraisal(doc, 4)

    doc.add_heading("5. Benefits realisation", level=1)
    _benefits_plan(
        doc,
        "How each benefit will be measured and realised: the KPI, where it starts, the target, "
        "who owns it, the date it is due by, and whether it is a cashable saving.",
    )

    doc.add_heading("6. Financial case", level=1)
    doc.add_heading("6.1 Costs and benefits by year", level=2)
    _money_by_year(doc)
    doc.add_heading("6.2 The partnership's budget", level=2)
    _if(doc, "financial.budget.has_lines")
    doc.add_paragraph(
        "The partnership's own running costs by period: planned, and actual where the period "
        "has ended."
    )
    _budget_by(doc, "b in financial.budget.periods", "Period")
    _else(doc, NO_BUDGET)

    _management_case(doc, 7, outline=True)
    _recommendations(doc, 8)
    _footer(doc, title)
    return doc


def business_case_full() -> Document:
    title = "Full Business Case"
    doc = _base()
    _keep_headings_with_text(doc)
    _cover(doc, title)
    _document_control(doc, title)
    _contents(doc, FULL_SECTIONS)
    _executive_summary(doc, 1, full=True)
    _case_for_change(doc, 2, full=True)
    _strategic_case(doc, 3)
    _options_appraisal(doc, 4)

    doc.add_heading("5. Final service model", level=1)
    doc.add_heading("5.1 The service", level=2)
    _if(doc, "service.name")
    doc.add_paragraph(
        "The service the partners propose to sustain is the preferred option tested in the "
        "pilot: {{ service.name }}."
    )
    _else(doc, "The partners have not yet recorded a preferred option to sustain.")
    doc.add_paragraph("{%p if service.description %}")
    doc.add_paragraph("{{ service.description }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if service.scope %}")
    _labelled(doc, "Scope", "{{ service.scope }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if service.cost %}")
    _labelled(doc, "Estimated cost", "{{ service.cost }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("5.2 Route to sustainability", level=2)
    doc.add_paragraph(
        "{% if service.route %}The service is to be secured through {{ service.route }}."
        "{% else %}" + TBC + "{% endif %}"
    )
    doc.add_paragraph("{%p if service.summary %}")
    doc.add_paragraph("{{ service.summary }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if service.marketing %}")
    _labelled(doc, "Marketing and communication", "{{ service.marketing }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("5.3 Future funders", level=2)
    _table(
        doc,
        ["Funder", "Status", "Amount", "Budget decision by"],
        [7.8, 2.4, 3.0, 3.4],
        "f in service.funders",
        ["{{ f.name }}", "{{ f.status }}", "{{ f.amount }}", "{{ f.budget_cycle }}"],
        empty="No future funders are recorded yet.",
    )

    doc.add_heading("6. Benefits realisation", level=1)
    doc.add_heading("6.1 Benefits realisation plan", level=2)
    _benefits_plan(
        doc,
        "How each benefit is measured and realised: the KPI, where it started, the target, "
        "who owns it, the date it is due by, and whether it is a cashable saving.",
    )
    doc.add_heading("6.2 Benefits and outcomes achieved", level=2)
    doc.add_paragraph("{{ summary.benefits_progress }}")
    _if(doc, "benefits")
    _table(
        doc,
        ["Benefit", "Baseline", "Measurements", "Target", "Progress", "RAG"],
        [3.4, 2.4, 5.0, 2.4, 1.9, 1.5],
        "b in benefits",
        [
            "{{ b.id }} {{ b.title }}",
            "{{ b.baseline }}",
            "{{ b.measurements | join('; ') }}",
            "{{ b.target }}",
            "{{ b.progress }}",
            "{% cellbg b.fill %}{{ b.rag }}",
        ],
    )
    doc.add_paragraph(
        "Progress is the share of the way from baseline to target at the latest measurement; "
        "the RAG compares it with the straight line from baseline to target by the target date."
    )
    doc.add_paragraph("{%p endif %}")

    doc.add_heading("7. Evaluation findings", level=1)
    doc.add_heading("7.1 Approach", level=2)
    doc.add_paragraph("{%p if evaluation.evaluator %}")
    _labelled(doc, "Evaluator", "{{ evaluation.evaluator }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if evaluation.start %}")
    _labelled(doc, "Period", "{{ evaluation.start }} to {{ evaluation.end }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ evaluation.approach or 'The evaluation approach is to be agreed.' }}")
    doc.add_heading("7.2 Findings against the goals", level=2)
    doc.add_paragraph("{{ evaluation.summary }}")
    _table(
        doc,
        ["Goal", "Baseline", "Target", "Evidence from the benefits measured", "RAG"],
        [3.6, 2.4, 2.4, 6.7, 1.5],
        "g in goals",
        [
            "{{ g.id }} {{ g.title }}",
            "{{ g.baseline }}",
            "{{ g.target }}",
            "{{ g.evidence }}",
            "{% cellbg g.fill %}{{ g.rag }}",
        ],
        empty=NO_GOALS,
    )
    doc.add_heading("7.3 Issues found in the pilot", level=2)
    _table(
        doc,
        ["Ref", "Issue", "Owner", "Score", "RAG", "Action", "Status"],
        [1.1, 4.2, 2.0, 1.3, 1.4, 4.8, 1.8],
        "r in evaluation.issues",
        [
            "{{ r.id }}",
            "{{ r.title }}",
            "{{ r.owner }}",
            "{{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag }}",
            "{{ r.mitigation }}",
            "{{ r.status }}",
        ],
        empty="No issues are recorded in the RAID log.",
    )

    doc.add_heading("8. Financial case", level=1)
    doc.add_heading("8.1 Costs and benefits by year", level=2)
    _money_by_year(doc)
    doc.add_heading("8.2 Financial analysis of the partnership's budget", level=2)
    _if(doc, "financial.budget.has_lines")
    doc.add_paragraph(
        "Spend to date is {{ financial.budget.to_date_actual }} against "
        "{{ financial.budget.to_date_planned }} planned, a variance of "
        "{{ financial.budget.to_date_variance }} ({{ financial.budget.reason }}); "
        "{{ financial.budget.remaining }} of the budget of {{ financial.budget.total_planned }} "
        "is planned for the periods still to come."
    )
    _table(
        doc,
        ["Category", "Budget", "Planned to date", "Actual to date", "Variance to date"],
        [4.2, 3.1, 3.1, 3.1, 3.1],
        "b in financial.budget.categories",
        [
            "{{ b.name }}",
            "{{ b.planned }}",
            "{{ b.planned_to_date }}",
            "{{ b.actual }}",
            "{{ b.variance }}",
        ],
        after=[
            [
                "Total",
                "{{ financial.budget.total_planned }}",
                "{{ financial.budget.to_date_planned }}",
                "{{ financial.budget.to_date_actual }}",
                "{{ financial.budget.to_date_variance }}",
            ]
        ],
    )
    doc.add_paragraph("By period:")
    _budget_by(doc, "b in financial.budget.periods", "Period")
    _else(doc, NO_BUDGET)
    doc.add_heading("8.3 Resources to run the service", level=2)
    doc.add_paragraph(
        "{% if service.cost %}The service's estimated cost is {{ service.cost }} (section 4.1). "
        "{% endif %}{% if service.has_engaged %}Future funders have engaged or committed "
        "{{ service.engaged }}, of which {{ service.committed }} is committed (section 5.3)."
        "{% else %}No future funder has yet engaged or committed funding (section 5.3).{% endif %}"
    )

    _management_case(doc, 9, outline=False)
    _recommendations(doc, 10)
    _footer(doc, title)
    return doc


BUILDERS = {
    "mou.docx": mou,
    "business-case-outline.docx": business_case_outline,
    "business-case-full.docx": business_case_full,
}


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
