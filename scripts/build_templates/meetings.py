"""The agenda's and the minutes' templates: the papers of a governance or operational meeting,
laid out as the other papers are (A4, the header row of each table repeated on every page)."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Cm, Pt

from .word import base, else_, endif, footer, if_, para_loop, table, when


def _heading(doc: Document, kind: str, no_chair: str) -> None:
    doc.add_paragraph(kind, style="Title")
    subtitle = doc.add_paragraph()
    run = subtitle.add_run("{{ meeting.group }}")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph(
        "{{ meeting.partnership }} · {{ meeting.date }}"
        "{% if meeting.time %} at {{ meeting.time }}{% endif %}"
        "{% if meeting.location %} · {{ meeting.location }}{% endif %}"
    )
    doc.add_paragraph(
        "{% if meeting.chair %}Chair: {{ meeting.chair }}{% else %}" + no_chair + "{% endif %}"
    )


def agenda() -> Document:
    doc = base()
    # nine short items: a tighter space above each heading keeps a usual agenda on one page
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(14)
    _heading(doc, "Agenda", "The group has no chair yet.")
    when(doc, "to_confirm", "{{ to_confirm }}")
    doc.add_heading("1. Welcome and apologies", level=1)
    if_(doc, "apologies")
    doc.add_paragraph("Apologies received:")
    para_loop(
        doc,
        "p in apologies",
        "{{ p.name }}{% if p.organisation %}, {{ p.organisation }}{% endif %}",
    )
    else_(doc, "No apologies received yet.")
    doc.add_heading("2. Minutes of the last meeting", level=1)
    doc.add_paragraph(
        "{% if previous %}The minutes of the meeting of {{ previous }}, for approval.{% else %}"
        "This is the group's first meeting on record.{% endif %}"
    )
    doc.add_heading("3. Actions arising", level=1)
    table(
        doc,
        ["No.", "Action", "Owner", "Due", "State"],
        [1.2, 7.8, 2.8, 2.6, 2.2],
        "a in actions_arising",
        ["{{ a.number }}", "{{ a.action }}", "{{ a.owner }}", "{{ a.due }}", "{{ a.state }}"],
        empty="No actions from the last meeting.",
        # the papers go out ahead of the meeting: say when the states were read
        intro="Each action's state is as at {{ as_of }}, when these papers were prepared.",
    )
    doc.add_heading("4. Highlight report", level=1)
    doc.add_paragraph("{{ summary }}")
    doc.add_heading("5. Business", level=1)
    if_(doc, "items")
    # numbered under the item, 5.1, 5.2, as the decisions are 6.1
    doc.add_paragraph("{%p for item in items %}")
    business = doc.add_paragraph("5.{{ loop.index }}\t{{ item }}")
    business.paragraph_format.left_indent = Cm(1.0)
    business.paragraph_format.first_line_indent = Cm(-1.0)
    business.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
    # a list's spacing, as the numbered list it replaces: the agenda stays on one page
    business.paragraph_format.space_after = Pt(0)
    doc.add_paragraph("{%p endfor %}")
    else_(doc, "No further items notified.")
    doc.add_heading("6. Decisions needed", level=1)
    if_(doc, "decisions_needed")
    # numbered under the item, 6.1, 6.2, so the chair can take each by its number
    doc.add_paragraph("{%p for d in decisions_needed %}")
    decision = doc.add_paragraph("6.{{ loop.index }}\t{{ d }}")
    decision.paragraph_format.left_indent = Cm(1.0)
    decision.paragraph_format.first_line_indent = Cm(-1.0)
    decision.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
    doc.add_paragraph("{%p endfor %}")
    else_(doc, "The highlight report asks for no decision.")
    doc.add_heading("7. Risks for escalation", level=1)
    table(
        doc,
        ["Type", "Risk or issue", "Score", "Owner", "Review"],
        [1.8, 6.2, 1.3, 3.0, 4.3],
        "r in escalations",
        ["{{ r.kind }}", "{{ r.title }}", "{{ r.score }}", "{{ r.owner }}", "{{ r.review }}"],
        empty="No open risk is red.",
    )
    doc.add_heading("8. Any other business", level=1)
    doc.add_paragraph("{{ other_business }}")
    doc.add_heading("9. Date of next meeting", level=1)
    doc.add_paragraph(
        "{% if next_meeting %}{{ next_meeting }}.{% else %}The date is not yet set"
        "{% if meeting.cadence %}; the group meets {{ meeting.cadence }}{% endif %}.{% endif %}"
    )
    footer(
        doc,
        "{{ meeting.group }} · agenda for {{ meeting.date }} · prepared {{ as_of }} · page ",
        True,
    )
    return doc


def minutes() -> Document:
    doc = base()
    _heading(doc, "Minutes", "The minutes do not record who chaired the meeting.")
    doc.add_paragraph("{{ approval }}")
    doc.add_heading("Present", level=1)
    table(
        doc,
        ["Name", "Organisation", "Title"],
        [4.0, 5.6, 7.0],
        "p in attendees",
        ["{{ p.name }}", "{{ p.organisation }}", "{{ p.title }}"],
        empty="No attendance was recorded.",
    )
    doc.add_heading("Apologies", level=1)
    if_(doc, "apologies")
    para_loop(
        doc,
        "p in apologies",
        "{{ p.name }}{% if p.organisation %}, {{ p.organisation }}{% endif %}",
    )
    else_(doc, "No apologies were received.")
    if_(doc, "agenda")
    doc.add_heading("Business", level=1)
    para_loop(doc, "item in agenda", "{{ item }}", style="List Number")
    endif(doc)
    doc.add_heading("Decisions", level=1)
    table(
        doc,
        ["No.", "Decision", "Rationale", "Affects"],
        [1.2, 5.8, 4.0, 5.6],
        "d in decisions",
        ["{{ d.number }}", "{{ d.decision }}", "{{ d.rationale }}", "{{ d.affects }}"],
        empty="No decisions were recorded.",
    )
    doc.add_heading("Actions", level=1)
    table(
        doc,
        ["No.", "Action", "Owner", "Due"],
        [1.2, 10.0, 3.0, 2.4],
        "a in actions",
        ["{{ a.number }}", "{{ a.action }}", "{{ a.owner }}", "{{ a.due }}"],
        empty="No actions were agreed.",
    )
    when(doc, "notes", "{{ notes }}")
    doc.add_paragraph("{% if next_meeting %}Date of next meeting: {{ next_meeting }}.{% endif %}")
    footer(doc, "{{ meeting.group }} · minutes of {{ meeting.date }} · {{ status }} · page ", True)
    return doc


TEMPLATES = {"agenda.docx": agenda, "minutes.docx": minutes}
