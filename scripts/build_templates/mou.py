"""The Memorandum of Understanding's template: every section the How to Guide lists, then a
signature block with a row per partner. Its tables are laid out as the business cases' are:
the header row repeated on each page, a row never split across two."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt
from docx.table import Table

from .word import (
    NO_PARTNERS,
    SIGNATURE_ROW,
    base,
    else_,
    endif,
    footer,
    if_,
    para_loop,
    table,
    when,
)


def mou() -> Document:
    doc = base()
    doc.add_paragraph("Memorandum of Understanding", style="Title")
    subtitle = doc.add_paragraph()
    run = subtitle.add_run("{{ partnership.name }}")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph("A Public Social Partnership · Version {{ version }} · {{ status }}")
    notice = doc.add_paragraph()
    notice.add_run("This Memorandum of Understanding is not legally binding. ").bold = True
    notice.add_run(
        "It records the shared intentions of the partners named below and how they will work "
        "together in good faith to co-design, pilot and sustain the service. It does not create "
        "a contract, and no partner is committed by it to buy or to provide any service."
    )
    draft(doc)

    doc.add_heading("1. Purpose and scope", level=1)
    doc.add_paragraph(
        "{{ partnership.purpose or 'The partners have not yet written the purpose of this "
        "Memorandum.' }}"
    )
    doc.add_paragraph(
        "{{ partnership.scope or 'The partners have not yet written the scope of the "
        "partnership.' }}"
    )
    when(doc, "partnership.vision", "Our shared vision: {{ partnership.vision }}")
    doc.add_paragraph(
        "{% if partnership.start and partnership.end %}"
        "The partnership runs from {{ partnership.start }} to {{ partnership.end }}."
        "{% elif partnership.start %}The partnership started on {{ partnership.start }}; its "
        "end date is not yet set."
        "{% elif partnership.end %}The partnership runs to {{ partnership.end }}."
        "{% else %}The partnership's start and end dates are not yet set.{% endif %}"
    )

    doc.add_heading("2. Objectives", level=1)
    if_(doc, "partnership.objectives or goals")
    if_(doc, "partnership.objectives")
    doc.add_paragraph("The partners' objectives are:")
    para_loop(doc, "objective in partnership.objectives", "{{ objective }}")
    endif(doc)
    if_(doc, "goals")
    doc.add_paragraph("{{ goals_intro }}")
    para_loop(doc, "goal in goals", "{{ goal }}")
    endif(doc)
    else_(doc, "The partners have not yet written the partnership's objectives.")

    doc.add_heading("3. Values", level=1)
    if_(doc, "partnership.values")
    doc.add_paragraph("In working together the partners will uphold these values:")
    para_loop(doc, "value in partnership.values", "{{ value }}")
    else_(doc, "The partners have not yet written down the values they share.")

    doc.add_heading("4. Funding", level=1)
    doc.add_paragraph(
        "{{ partnership.funding or 'The partners have not yet written how the partnership is "
        "funded.' }}"
    )

    doc.add_heading("5. The partners", level=1)
    when(doc, "lead", "The lead partner is {{ lead.name }}, a {{ lead.sector | lower }} body.")
    # no Contribution column while no partner's is recorded: the draft's list says so once
    if_(doc, "partners | selectattr('contribution') | list")
    table(
        doc,
        ["Partner", "Sector", "Role in the PSP", "Contribution"],
        [4.5, 3.0, 3.0, 6.1],
        "p in partners",
        [
            "{{ p.name }}",
            "{{ p.sector }}",
            "{{ p.role }}",
            "{{ p.contribution or 'Not yet recorded' }}",
        ],
        size=None,
    )
    doc.add_paragraph("{%p else %}")
    table(
        doc,
        ["Partner", "Sector", "Role in the PSP"],
        [7.0, 4.8, 4.8],
        "p in partners",
        ["{{ p.name }}", "{{ p.sector }}", "{{ p.role }}"],
        size=None,
        empty=NO_PARTNERS,
    )
    endif(doc)

    doc.add_heading("6. Roles and responsibilities", level=1)
    doc.add_heading("Roles", level=2)
    table(
        doc,
        ["Role", "Held by"],
        [5.0, 11.6],
        "r in roles",
        ["{{ r.role }}", "{{ r.person }}"],
        size=None,
        empty="The partners have not yet named who holds each role.",
    )
    when(
        doc,
        "project_manager",
        "The project manager, {{ project_manager }}, is the partners' contact for any "
        "question about this Memorandum.",
    )
    doc.add_heading("Governance", level=2)
    table(
        doc,
        ["Group", "Meets", "Chair", "Members"],
        [3.8, 2.6, 3.6, 6.6],
        "g in groups",
        [
            "{{ g.name }}",
            "{{ g.cadence | capitalize }}",
            "{{ g.chair }}",
            "{{ g.members | join('; ') }}",
        ],
        size=None,
        empty="The partners have not yet set up their governance groups.",
        intro="The partnership is governed through the groups below. Each keeps a record of "
        "its decisions; the {{ board }} receives a highlight report at each meeting.",
    )
    doc.add_heading("Responsibilities of each partner", level=2)
    if_(doc, "partners | selectattr('responsibilities') | list")
    doc.add_paragraph("{%p for p in partners %}")
    doc.add_paragraph("{%p if p.responsibilities %}")
    name = doc.add_paragraph()
    name.add_run("{{ p.name }}").bold = True
    name.paragraph_format.keep_with_next = True
    name.paragraph_format.space_after = Pt(2)
    para_loop(doc, "r in p.responsibilities", "{{ r }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    else_(doc, "The partners have not yet written down each partner's responsibilities.")

    clauses = [
        ("7. Resolving disputes", "dispute_resolution"),
        ("8. Amending this Memorandum", "amendment"),
        ("9. Confidentiality and data protection", "confidentiality"),
        ("10. A partner leaving the partnership", "exit"),
    ]
    for heading, clause in clauses:
        doc.add_heading(heading, level=1)
        doc.add_paragraph("{{ mou." + clause + " }}")
    if_(doc, "mou.duration")
    doc.add_heading("Duration and review", level=2)
    doc.add_paragraph("{{ mou.duration }}")
    doc.add_paragraph("{%p endif %}")

    doc.add_heading("11. Signatures", level=1)
    doc.add_paragraph(
        "Signed on behalf of each partner by an officer at Director level or above, confirming "
        "the partner's commitment to this Memorandum of Understanding."
    )
    table(
        doc,
        ["Partner", "Name", "Position", "Signature", "Date"],
        [3.6, 3.2, 4.2, 3.2, 2.4],
        "s in signatures",
        ["{{ s.partner }}", "{{ s.name }}", "{{ s.title }}", "{{ s.signature }}", "{{ s.date }}"],
        size=None,
        empty=NO_PARTNERS,
        row_height=SIGNATURE_ROW,
    )
    keep_on_one_page(doc.tables[-1])
    footer(
        doc,
        "{{ partnership.name }} · Memorandum of Understanding · {{ footer }} · not legally binding",
        numbered=False,
    )
    return doc


def draft(doc: Document) -> None:
    """While a partner has still to sign: what the partners have still to agree, or that
    they have agreed every section."""
    if_(doc, "draft")
    doc.add_heading("Draft for discussion", level=2)
    if_(doc, "to_agree")
    doc.add_paragraph(
        "This draft is for the partners to discuss. Before it is signed they have still to agree:"
    )
    para_loop(doc, "point in to_agree", "{{ point }}")
    else_(
        doc,
        "The partners have agreed every section; the Memorandum is ready for each partner's "
        "signatory to sign.",
    )
    endif(doc)


def keep_on_one_page(grid: Table) -> None:
    """The signature block on one page: every row kept with the next (the last with the
    paragraph after the table); the signature row's height is the table's (SIGNATURE_ROW)."""
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


TEMPLATES = {"mou.docx": mou}
