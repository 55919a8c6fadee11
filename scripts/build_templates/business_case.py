"""The outline and full business cases' templates, built once from the description both share
(`psptool.report.papers.business_case.contents`): the headings, the contents page and every
cross-reference ("in section 2.1") come from the case's numbered contents, so they agree
with each other and with the sentences the data writes."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from psptool.report.papers.business_case import CASES
from psptool.report.papers.business_case.contents import CaseKind, contents

from .word import (
    HEADER_FILL,
    NO_PARTNERS,
    SIGNATURE_ROW,
    base,
    cell_text,
    else_,
    endif,
    footer,
    if_,
    items,
    keep_headings_with_text,
    keep_whole,
    labelled,
    para_loop,
    repeat_header,
    shade,
    table,
    when,
    widths,
)

NONE_RECORDED = "No {what} are recorded in the RAID log."
"""In place of an empty RAID table, what it would have listed: "No assumptions are …"."""
NO_OPTIONS = "No options are recorded yet."
NO_BENEFITS = "No benefits are recorded yet."
NO_GOALS = "No goals are recorded yet."
NO_MILESTONES = "No milestones are recorded yet."
NO_BUDGET = "No budget is recorded yet."


class Case:
    """A business case's template as it is built: the document, the case's numbered contents
    and the sections written so far, in order."""

    def __init__(self, kind: CaseKind) -> None:
        self.kind = kind
        self.full = kind == "full"
        self.title = CASES[kind].title
        self.contents = contents(kind)
        self.doc = base()
        self.written: list[str] = []
        self.heading: Paragraph | None = None

    def section(self, key: str) -> None:
        """The heading of the top-level section `key`: "4. Options appraisal"."""
        self.heading = self.doc.add_heading(self.contents.section(key).title, level=1)
        self.written.append(key)

    def sub(self, key: str) -> None:
        """The heading of the subsection `key` of the section being written: "4.1 …"."""
        full_key = f"{self.written[-1].split('.')[0]}.{key}"
        self.doc.add_heading(self.contents.section(full_key).title, level=2)
        self.written.append(full_key)

    def ref(self, key: str) -> str:
        """A cross-reference: "section 4.1"."""
        return f"section {self.contents.number(key)}"


def optional_columns(
    doc: Document,
    headers: list[str],
    columns: list[float],
    loop: str,
    cells: list[str],
    optional: list[tuple[str, str]],
    empty: str | None = None,
    **rest: object,
) -> None:
    """A `table` whose `optional` columns (header, the condition it has data on) are left
    out where no row has anything to put in them, their room shared out among the others: a
    column of dashes says nothing the sentence below the table does not."""
    if empty is not None:
        if_(doc, items(loop))
    _variants(doc, headers, columns, loop, cells, optional, rest)
    if empty is not None:
        else_(doc, empty)


def _variants(
    doc: Document,
    headers: list[str],
    columns: list[float],
    loop: str,
    cells: list[str],
    optional: list[tuple[str, str]],
    rest: dict[str, object],
) -> None:
    if not optional:
        table(doc, headers, columns, loop, cells, **rest)  # type: ignore[arg-type]
        return
    (header, condition), later = optional[0], optional[1:]
    if_(doc, condition)
    _variants(doc, headers, columns, loop, cells, later, rest)
    doc.add_paragraph("{%p else %}")
    drop = headers.index(header)
    kept = [w for i, w in enumerate(columns) if i != drop]
    kept = [w + columns[drop] / len(kept) for w in kept]  # the room shared out evenly
    _variants(
        doc,
        [h for i, h in enumerate(headers) if i != drop],
        kept,
        loop,
        [c for i, c in enumerate(cells) if i != drop],
        later,
        rest,
    )
    endif(doc)


def _actioned(rows: str, field: str = "mitigation") -> str:
    """The condition that some row of `rows` has actions to show."""
    return f"{rows} | rejectattr('{field}', 'equalto', '–') | list"


# title page, document control, contents ------------------------------------------------------


def _cover(c: Case) -> None:
    """The title page: what the document is, for whom, its version and status."""
    doc = c.doc
    for _ in range(3):
        doc.add_paragraph()
    doc.add_paragraph(c.title, style="Title")
    name = doc.add_paragraph()
    run = name.add_run("{{ partnership.name }}")
    run.bold = True
    run.font.size = Pt(16)
    doc.add_paragraph("A Public Social Partnership")
    doc.add_paragraph()
    # one row per detail the folder gives (an owner not yet named is left out, not blank)
    grid = doc.add_table(rows=3, cols=2)
    grid.style = "Table Grid"
    cell_text(grid.rows[0].cells[0], "{%tr for d in document.details %}", 10)
    cell_text(grid.rows[1].cells[0], "{{ d.label }}", 10, bold=True)
    shade(grid.rows[1].cells[0], HEADER_FILL)
    cell_text(grid.rows[1].cells[1], "{{ d.value }}", 10)
    keep_whole(grid.rows[1])
    cell_text(grid.rows[2].cells[0], "{%tr endfor %}", 10)
    widths(grid, [6.0, 10.6])
    doc.add_page_break()


def _document_control(c: Case) -> None:
    doc = c.doc
    doc.add_heading("Document control", level=1)
    doc.add_heading("Version history", level=2)
    doc.add_paragraph("{{ document.versioning }}")
    table(
        doc,
        ["Version", "Date", "Author", "Change"],
        [1.7, 3.3, 3.0, 8.6],
        "v in versions",
        ["{{ v.version }}", "{{ v.date }}", "{{ v.author }}", "{{ v.change }}"],
    )
    doc.add_heading("Review and approval process", level=2)
    table(
        doc,
        ["Date", "Organisation", "Meeting", "Purpose"],
        [3.3, 5.0, 3.3, 5.0],
        "a in approvals",
        ["{{ a.date }}", "{{ a.organisation }}", "{{ a.meeting }}", "{{ a.purpose }}"],
        empty=NO_PARTNERS,
    )
    doc.add_heading("Quality assurance", level=2)
    if_(doc, "quality")
    table(
        doc,
        ["Reviewer", "Date", "Outcome"],
        [5.6, 3.3, 7.7],
        "q in quality",
        ["{{ q.reviewer }}", "{{ q.date }}", "{{ q.outcome }}"],
    )
    else_(doc, "{{ no_quality }}")
    doc.add_heading("Exceptions", level=2)
    if_(doc, "exceptions")
    doc.add_paragraph("This case declares these exceptions to the partners' own rules:")
    para_loop(doc, "e in exceptions", "{{ e }}")
    else_(doc, "{{ no_exceptions }}")
    doc.add_heading("Sign-off", level=2)
    if_(doc, "signoff")
    doc.add_paragraph(
        "Signed off on behalf of each partner by an officer at Director level or above, "
        "confirming the partner's agreement to this " + c.title.lower() + "."
    )
    table(
        doc,
        ["Partner", "Name", "Position", "Signature", "Date"],
        [3.6, 2.5, 4.0, 3.2, 3.3],
        "s in signoff",
        ["{{ s.partner }}", "{{ s.name }}", "{{ s.title }}", "{{ s.signature }}", "{{ s.date }}"],
        row_height=SIGNATURE_ROW,
    )
    else_(doc, NO_PARTNERS)


def _contents(c: Case) -> None:
    """The contents on a page of its own: the break is the heading's, so a document control
    that fills its page leaves no blank page behind it."""
    doc = c.doc
    heading = doc.add_heading("Contents", level=1)
    heading.paragraph_format.page_break_before = True
    for section in c.contents.sections:
        line = doc.add_paragraph()
        line.add_run(section.title).bold = True
        line.paragraph_format.space_after = Pt(2)
        for subsection in section.sections:
            item = doc.add_paragraph(subsection.title)
            item.paragraph_format.left_indent = Cm(0.8)
            item.paragraph_format.space_after = Pt(0)
    doc.add_page_break()


# the sections ----------------------------------------------------------------------------------


def _numbered_recommendations(doc: Document) -> None:
    """Numbered 1, 2, 3 … afresh wherever they appear (Word's list numbering would carry on
    from the executive summary)."""
    doc.add_paragraph("{{ decisions }}")
    doc.add_paragraph("{%p for r in recommendations %}")
    item = doc.add_paragraph("{{ loop.index }}.\t{{ r }}")
    item.paragraph_format.left_indent = Cm(0.9)
    item.paragraph_format.first_line_indent = Cm(-0.9)
    item.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
    doc.add_paragraph("{%p endfor %}")


def _summary(c: Case) -> None:
    doc = c.doc
    c.sub("purpose")
    doc.add_paragraph("{{ summary.proposal }}")
    c.sub("preferred")
    doc.add_paragraph("{{ summary.appraisal }}")
    c.sub("benefits")
    if_(doc, "summary.benefits")
    doc.add_paragraph("The benefits the partnership is to deliver:")
    para_loop(doc, "b in summary.benefits", "{{ b }}")
    if c.full:
        doc.add_paragraph("{{ summary.benefits_progress }}")
        # said in full once, with the evaluation's findings; here it points there
        when(
            doc,
            "evaluation.interim",
            f"These findings are interim ({c.ref('evaluation.findings')}).",
        )
    # the gap is said in full once, in its own section; the summary points there
    else_(
        doc, f"No benefits are recorded yet ({c.ref('benefits.plan' if c.full else 'benefits')})."
    )
    c.sub("financial")
    doc.add_paragraph("{{ summary.financial }}")
    when(doc, "summary.affordability", "{{ summary.affordability }}")
    c.sub("decisions")
    _numbered_recommendations(doc)


def _case_for_change(c: Case) -> None:
    doc = c.doc
    c.sub("rationale")
    if_(doc, "partnership.vision")
    labelled(doc, "Our shared vision", "{{ partnership.vision }}")
    endif(doc)
    if_(doc, "goals | selectattr('relevance') | list")
    doc.add_paragraph("The reasons for change, goal by goal:")
    doc.add_paragraph("{%p for g in goals if g.relevance %}")
    line = doc.add_paragraph(style="List Bullet")
    line.add_run("{{ g.title }}: ").bold = True
    line.add_run("{{ g.relevance }}")
    doc.add_paragraph("{%p endfor %}")
    else_(doc, "The partners have not yet written down the reasons for change.")
    c.sub("objectives")
    if_(doc, "partnership.objectives")
    doc.add_paragraph("The partnership's objectives are to achieve:")
    para_loop(doc, "o in partnership.objectives", "{{ o }}")
    else_(doc, "The partners have not yet written objectives beyond the goals below.")
    c.sub("goals")
    if_(doc, "goal_rows")
    doc.add_paragraph(
        "The partners' SMART goals, with the baseline of the service each started from "
        "before the pilot and the target it aims for; the latest evidence against each is in "
        f"{c.ref('evaluation.findings')}."
        if c.full
        else "The partners' SMART goals, with the baseline of the current service each starts "
        "from and the target it aims for."
    )
    table(
        doc,
        ["Goal", "Measure", "Baseline", "Target", "By", "Owner"],
        [3.1, 4.0, 2.4, 2.4, 2.7, 2.0],
        "g in goal_rows",
        [
            "{{ g.title }}",
            "{{ g.measure }}",
            "{{ g.baseline }}",
            "{{ g.target }}",
            "{{ g.due }}",
            "{{ g.owner }}",
        ],
    )
    endif(doc)
    when(doc, "goals_unset", "{{ goals_unset }}")
    when(doc, "not goals", NO_GOALS)


def _raid_table(doc: Document, items: str, what: str, intro: str, note: str, plural: str) -> None:
    """A RAID table, and below it the entries without actions in one sentence (`note`); the
    mitigation column only where some entry has one."""
    optional_columns(
        doc,
        [what, "Owner", "L × I", "RAG", "Mitigation", "Status"],
        [5.1, 2.0, 1.9, 1.4, 4.3, 1.9],
        "r in " + items,
        [
            "{{ r.title }}",
            "{{ r.owner }}",
            "{{ r.likelihood }} × {{ r.impact }} = {{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag|capitalize }}",
            "{{ r.mitigation }}",
            "{{ r.status }}",
        ],
        [("Mitigation", _actioned(items))],
        empty=NONE_RECORDED.format(what=plural),
        intro=intro,
    )
    when(doc, note, "{{ " + note + " }}")


def _strategic_case(c: Case) -> None:
    doc = c.doc
    c.sub("scope")
    doc.add_paragraph(
        "{{ strategic.scope or 'The partners have not yet written the scope of the service.' }}"
    )
    c.sub("fit")
    doc.add_paragraph(
        "{{ strategic.fit }}{% if goals | selectattr('relevance') | list %} Each goal's fit "
        f"with the partners' own strategies and plans is in {c.ref('change.rationale')}."
        "{% endif %}"
    )
    when(doc, "partnership.values", "In working together the partners uphold these values:")
    para_loop(doc, "v in partnership.values", "{{ v }}")
    c.sub("assumptions")
    _raid_table(
        doc,
        "strategic.assumptions",
        "Assumption",
        "The plans and the benefits rest on these assumptions, from the RAID log, each scored "
        "likelihood × impact for the case that it proves wrong.",
        "strategic.assumptions_note",
        "assumptions",
    )
    c.sub("risks")
    _raid_table(
        doc,
        "strategic.risks",
        "Risk",
        "The risks in the RAID log, open first and highest score first.",
        "strategic.risks_note",
        "risks",
    )
    c.sub("dependencies")
    _raid_table(
        doc,
        "strategic.dependencies",
        "Dependency",
        "What the partnership depends on outside its control, from the RAID log.",
        "strategic.dependencies_note",
        "dependencies",
    )


def _options_matrix(doc: Document) -> None:
    """Criteria down, options across (docxtpl's {%tc %} column loop), the score out of 100
    at the foot.

    docxtpl drops the two cells holding the loop tags and, for each option past the third,
    adds a grid column and scales the others to keep the table's width. With the loop cells
    as wide as the repeated cell, and that as wide as half the first two columns, every
    option column comes out the same width for any number of options; 16.6 cm wide.
    """
    grid = doc.add_table(rows=5, cols=5)
    grid.style = "Table Grid"
    size = 9
    header = ["Criterion", "Weight", "{%tc for o in options.columns %}", "{{ o.name }}"]
    for cell, text in zip(grid.rows[0].cells, [*header, "{%tc endfor %}"], strict=True):
        cell_text(cell, text, size, bold=True)
        shade(cell, HEADER_FILL)
    repeat_header(grid.rows[0])
    cell_text(grid.rows[1].cells[0], "{%tr for c in options.matrix %}", size)
    body = ["{{ c.name }}", "{{ c.weight }}", "{%tc for s in c.scores %}", "{{ s }}"]
    for cell, text in zip(grid.rows[2].cells, [*body, "{%tc endfor %}"], strict=True):
        cell_text(cell, text, size)
    keep_whole(grid.rows[2])
    cell_text(grid.rows[3].cells[0], "{%tr endfor %}", size)
    foot = ["Weighted score out of 100", "", "{%tc for o in options.columns %}", "{{ o.score }}"]
    for cell, text in zip(grid.rows[4].cells, [*foot, "{%tc endfor %}"], strict=True):
        cell_text(cell, text, size, bold=True)
        shade(cell, "F2F2F2")
    widths(grid, [4.84, 1.8, 3.32, 3.32, 3.32])
    doc.add_paragraph()


def _options_appraisal(c: Case) -> None:
    doc = c.doc
    c.sub("considered")
    table(
        doc,
        ["Option", "Type", "Estimated cost"],
        [10.6, 2.6, 3.4],
        "o in options.columns",
        [
            "{{ o.name }}{% if o.description %}: {{ o.description }}{% endif %}",
            "{{ o.kind }}",
            "{{ o.cost or 'Not estimated' }}",
        ],
        empty=NO_OPTIONS,
        intro="The options the partners considered for the future service, including doing "
        "nothing.{% if options.cost_covers %} The estimated cost is {{ options.cost_covers }}"
        "{% if options.has_economics %}; the preferred option's costs year by year, and "
        f"what each pays for, are in {c.ref('financial.years')}{{% endif %}}."
        "{% elif options.costed %} The partners have not yet recorded what the estimated "
        "cost covers (a year of the service, or its whole life).{% endif %}",
    )
    c.sub("scoring")
    if_(doc, "options.criteria")
    doc.add_paragraph(
        "Each option was scored from 1 (poor) to 5 (good) against each criterion; a criterion's "
        "weight sets its share of the total. The weighted scores are normalised to 100."
    )
    table(
        doc,
        ["Criterion", "Weight", "Share of the weight"],
        [10.6, 2.6, 3.4],
        "c in options.criteria",
        ["{{ c.name }}", "{{ c.weight }}", "{{ c.share }}"],
    )
    if_(doc, "options.columns")
    _options_matrix(doc)
    endif(doc)
    else_(doc, "The criteria to score the options against are not yet recorded.")
    c.sub("preferred")
    if_(doc, "options.rows")
    table(
        doc,
        ["Rank", "Option", "Score out of 100", "Estimated cost", "Cost per point", "Preferred"],
        [1.3, 6.6, 2.1, 2.4, 2.2, 2.0],
        "o in options.rows",
        [
            "{{ o.rank }}",
            "{{ o.name }}",
            "{{ o.score }}",
            "{{ o.cost or 'Not estimated' }}",
            "{{ o.cost_per_point or 'Not estimated' }}",
            "{{ 'Yes' if o.preferred else 'No' }}",
        ],
    )
    doc.add_paragraph(
        "Cost per point is an option's estimated cost divided by its weighted score out of 100."
    )
    endif(doc)
    doc.add_paragraph("{{ options.summary }}")
    when(
        doc,
        "options.sensitivity",
        "How far each criterion's share of the weight would have to move before another "
        "option drew level with {{ options.leader }}:",
    )
    para_loop(doc, "s in options.sensitivity", "{{ s.criterion }} ({{ s.share }}): {{ s.finding }}")
    when(doc, "options.robust", "{{ options.robust }}")
    c.sub("economics")
    when(
        doc,
        "options.has_economics",
        "Each option against doing nothing, the headline the Green Book compares options by: "
        "its extra costs (with optimism bias) and extra benefits over doing nothing, discounted "
        "to present values, its net present social value (NPSV) and benefit–cost ratio (BCR); "
        "then each option's own net present value (NPV) and BCR.",
    )
    if_(doc, "options.has_economics")
    table(
        doc,
        ["Option", "Extra costs (PV)", "Extra benefits (PV)", "NPSV", "BCR", "Own NPV", "Own BCR"],
        [4.0, 2.0, 2.0, 2.0, 2.8, 2.0, 1.8],
        "o in options.rows",
        [
            "{{ o.name }}",
            "{{ o.extra_costs }}",
            "{{ o.extra_benefits }}",
            "{{ o.npv_vs_do_nothing }}",
            "{{ o.bcr_vs_do_nothing }}",
            "{{ o.npv }}",
            "{{ o.bcr }}",
        ],
    )
    when(doc, "options.economics_summary", "{{ options.economics_summary }}")
    doc.add_paragraph("Discounting: {{ financial.discount }}.")
    doc.add_paragraph("Optimism bias: {{ financial.optimism }}.")
    endif(doc)
    when(
        doc,
        "not options.has_economics",
        "The options' costs and benefits by year are not yet recorded{% if options.columns %}: "
        f"the estimated cost of each option is in {c.ref('options.considered')}{{% endif %}}.",
    )
    c.sub("risks")
    if_(doc, "options.risk_assessment")
    doc.add_paragraph("The RAID log entries linked to each option, and how they are mitigated.")
    optional_columns(
        doc,
        # the entries are risks, assumptions and dependencies: each with its type
        ["Option", "RAID entry", "Score", "RAG", "Mitigation"],
        [3.6, 5.7, 1.3, 1.4, 4.6],
        "r in options.risk_assessment",
        [
            "{{ r.option }}",
            "{{ r.entry }}",
            "{{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag|capitalize }}",
            "{{ r.mitigation }}",
        ],
        [("Mitigation", _actioned("options.risk_assessment"))],
    )
    when(doc, "options.no_actions", "{{ options.no_actions }}")
    endif(doc)
    when(doc, "options.unlinked", "{{ options.unlinked }}")
    when(doc, "not options.columns", NO_OPTIONS)


def _service_model(c: Case) -> None:
    doc = c.doc
    c.sub("service")
    if_(doc, "service.name")
    doc.add_paragraph(
        "The service the partners propose to sustain is the preferred option"
        "{% if service.piloting %} being tested in the pilot{% elif service.piloted %} tested "
        "in the pilot{% endif %}: {{ service.name }}."
    )
    else_(doc, "The partners have not yet recorded a preferred option to sustain.")
    when(doc, "service.description", "{{ service.description }}")
    # the scope is written once, in the strategic case; the service model points to it
    when(doc, "service.scope", f"Its scope is as set out in {c.ref('strategic.scope')}.")
    if_(doc, "service.cost")
    labelled(doc, "Estimated cost", "{{ service.cost_text }}.")
    endif(doc)
    c.sub("route")
    doc.add_paragraph(
        "{% if service.route %}The service is to be secured through {{ service.route }}."
        "{% else %}The partners have not yet chosen how the service is to be sustained."
        "{% endif %}"
    )
    when(doc, "service.summary", "{{ service.summary }}")
    if_(doc, "service.marketing")
    labelled(doc, "Marketing and communication", "{{ service.marketing }}")
    endif(doc)
    c.sub("funders")
    table(
        doc,
        ["Funder", "Status", "Amount", "Budget decision by"],
        [5.8, 2.4, 5.0, 3.4],
        "f in service.funders",
        ["{{ f.name }}", "{{ f.status }}", "{{ f.amount }}", "{{ f.budget_cycle }}"],
        empty="{{ financial.no_funders }}",
    )


def _benefits_plan(doc: Document, introduction: str) -> None:
    if_(doc, "benefits")
    doc.add_paragraph(introduction)
    table(
        doc,
        # Baseline and Target hold "£860 a week" on a line; By holds "30 September 2011"
        ["Benefit", "KPI", "Baseline", "Target", "Owner", "By", "Cashable or not"],
        [2.3, 2.4, 2.45, 2.45, 1.9, 3.3, 1.8],
        "b in benefits",
        [
            "{{ b.title }}",
            "{{ b.kpi }}",
            "{{ b.baseline }}",
            "{{ b.target }}",
            "{{ b.owner }}",
            "{{ b.date }}",
            "{{ b.cashable }}",
        ],
    )
    else_(doc, NO_BENEFITS)


def _benefits(c: Case) -> None:
    doc = c.doc
    if not c.full:
        _benefits_plan(
            doc,
            "How each benefit will be measured and realised: the KPI, where it starts, the "
            "target, who owns it, the date it is due by, and whether it is a cashable saving.",
        )
        return
    c.sub("plan")
    _benefits_plan(
        doc,
        "How each benefit is measured and realised: the KPI, where it started, the target, "
        "who owns it, the date it is due by, and whether it is a cashable saving.",
    )
    c.sub("achieved")
    if_(doc, "benefits")
    doc.add_paragraph("{{ summary.benefits_progress }}")
    when(doc, "evaluation.interim", f"These findings are interim ({c.ref('evaluation.findings')}).")
    table(
        doc,
        ["Benefit", "Baseline", "Measurements", "Target", "Progress", "RAG"],
        [2.9, 2.4, 5.5, 2.4, 1.9, 1.5],
        "b in benefits",
        [
            "{{ b.title }}",
            "{{ b.baseline }}",
            # one measurement a line: docxtpl turns each line break into a break in the cell
            "{{ b.measurements | join('\\n') }}",
            "{{ b.target }}",
            "{{ b.progress }}",
            "{% cellbg b.fill %}{{ b.rag|capitalize }}",
        ],
    )
    doc.add_paragraph(
        "Progress is the share of the way from baseline to target at the latest measurement; "
        "the RAG compares it with the straight line from the baseline, taken as standing at "
        "{{ summary.line_start }}, to the target by its target date."
    )
    else_(doc, f"Nothing to report until benefits are recorded ({c.ref('benefits.plan')}).")


def _evaluation(c: Case) -> None:
    doc = c.doc
    c.sub("approach")
    if_(doc, "evaluation.evaluator")
    labelled(doc, "Evaluator", "{{ evaluation.evaluator }}")
    endif(doc)
    if_(doc, "evaluation.start")
    labelled(doc, "Period", "{{ evaluation.start }} to {{ evaluation.end }}")
    endif(doc)
    doc.add_paragraph(
        "{{ evaluation.approach or 'The partners have not yet written how the pilot is "
        "evaluated.' }}"
    )
    c.sub("findings")
    # where the benefits stand is said in the summary and in its own section, not again here
    if_(doc, "goal_rows")
    when(doc, "evaluation.interim", "{{ evaluation.interim }}")
    doc.add_paragraph("Each goal, with the evidence so far from the benefits that measure it:")
    table(
        doc,
        ["Goal", "Baseline", "Target", "Evidence from the benefits measured", "RAG"],
        [3.6, 2.4, 2.4, 6.7, 1.5],
        "g in goal_rows",
        [
            "{{ g.title }}",
            "{{ g.baseline }}",
            "{{ g.target }}",
            "{{ g.evidence }}",
            "{% cellbg g.fill %}{{ g.rag|capitalize }}",
        ],
    )
    doc.add_paragraph("{%p elif goals %}")
    doc.add_paragraph(
        "No findings against the goals yet: none has a measure and target set "
        f"({c.ref('change.goals')})."
    )
    else_(
        doc, f"No findings against the goals yet: no goals are recorded ({c.ref('change.goals')})."
    )
    c.sub("issues")
    optional_columns(
        doc,
        ["Issue", "Owner", "Score", "RAG", "Action", "Status"],
        [5.3, 2.0, 1.3, 1.4, 4.8, 1.8],
        "r in evaluation.issues",
        [
            "{{ r.title }}",
            "{{ r.owner }}",
            "{{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag|capitalize }}",
            "{{ r.mitigation }}",
            "{{ r.status }}",
        ],
        [("Action", _actioned("evaluation.issues"))],
        empty="No issues are recorded in the RAID log.",
        intro="{% if service.piloted %}The issues the pilot has raised, from the RAID log"
        "{% else %}The issues the RAID log records so far, before the pilot{% endif %}; "
        f"their actions are managed with the risks ({c.ref('management.risks')}).",
    )


def _money_by_year(c: Case) -> None:
    doc = c.doc
    totals = ["capital", "revenue", "optimism_bias", "costs", "cashable", "non_cashable", "net"]
    if_(doc, "financial.has_years")
    doc.add_paragraph(
        "The preferred option's costs and benefits year by year, and the cumulative net position."
    )
    table(
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
        [1.8] + [1.85] * 8,
        "y in financial.years",
        ["{{ y.year }}", *(f"{{{{ y.{t} }}}}" for t in totals), "{{ y.cumulative }}"],
        after=[
            [
                "Total",
                *(f"{{{{ financial.totals.{t} }}}}" for t in totals),
                "{{ financial.totals.cumulative }}",
            ]
        ],
        size=8,
        margin=0.1,
    )
    when(doc, "financial.costs_for", "{{ financial.costs_for }}")
    if c.full:
        # the executive summary says the totals in full; the financial case points back
        doc.add_paragraph(
            "The totals, the net present values and how they differ from the cash position "
            f"are in the financial summary ({c.ref('summary.financial')})."
        )
    else:
        doc.add_paragraph("{{ financial.summary }}")
    doc.add_paragraph(
        "Discounting and optimism bias are as in the options appraisal "
        f"({c.ref('options.economics')})."
    )
    para_loop(doc, "n in financial.notes", "{{ n }}")
    if c.full:
        when(
            doc,
            "financial.savings_measured",
            "The cashable benefits above are the appraisal's estimates. The benefits register "
            f"({c.ref('benefits.achieved')}) measures the same savings as the pilot runs, "
            "and adds nothing to them; at the latest measurement:",
        )
        para_loop(doc, "n in financial.savings_measured", "{{ n }}")
    endif(doc)
    if_(doc, "not financial.has_years")
    doc.add_paragraph("{{ financial.summary }}")
    endif(doc)
    if not c.full:
        when(doc, "financial.who_pays", "{{ financial.who_pays }}")


def _budget_tables(doc: Document) -> None:
    """The partnership's budget by financial year, then by its own periods where they are
    shorter than a year: one kind of period to a table, each adding up across and down."""
    doc.add_paragraph("By financial year ({{ financial.budget.months }}):")
    _budget_by(doc, "b in financial.budget.years", "Financial year")
    if_(doc, "financial.budget.periods")
    doc.add_paragraph("By {{ financial.budget.period_kind | lower }}, as the budget is kept:")
    _budget_by(doc, "b in financial.budget.periods", "{{ financial.budget.period_kind }}")
    endif(doc)


def _budget_by(doc: Document, loop: str, what: str) -> None:
    table(
        doc,
        [what, "Planned", "Planned to date", "Actual to date", "Variance to date"],
        [5.0, 2.9, 2.9, 2.9, 2.9],
        loop,
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


def _affordability(c: Case) -> None:
    """The full business case's affordability: for each financial year still open, the money
    the preferred option needs, the funding committed to it and the shortfall; engaged
    funding and cashable savings beside it, neither money in hand; the closed years by what
    was spent; a funder deciding after the spend is committed, said plainly."""
    doc = c.doc
    if_(doc, "financial.affordability")
    doc.add_paragraph(
        "Whether the partners can afford it: for each financial year still open, the money "
        "the preferred option needs, the funding committed to it and the shortfall left; "
        "funding engaged but not yet committed, and the cashable savings expected, are shown "
        "beside it."
    )
    when(doc, "financial.affordability_closed", "{{ financial.affordability_closed }}")
    keys = ("costs", "contingency", "to_fund", "committed", "shortfall", "engaged", "cashable")
    table(
        doc,
        [
            "Financial year",
            "Costs",
            "Contingency",
            "Total to fund",
            "Committed funding",
            "Shortfall",
            "Engaged, not yet committed",
            "Cashable savings expected",
        ],
        [1.7, 2.0, 2.0, 2.1, 2.1, 2.1, 2.5, 2.6],
        "a in financial.affordability",
        ["{{ a.financial_year }}", *(f"{{{{ a.{k} }}}}" for k in keys)],
        after=[
            [
                "{{ financial.affordability_total.financial_year }}",
                *(f"{{{{ financial.affordability_total.{k} }}}}" for k in keys),
            ]
        ],
        size=8,
        margin=0.1,
    )
    doc.add_paragraph(
        "Costs are the preferred option's capital and revenue costs from the table above, "
        "in cash and without optimism bias; with the "
        "contingency they are the money the service needs that year. Committed funding is "
        "money a funder has agreed to pay; the shortfall is what it does not meet"
        "{% if financial.affordability_nil %} (Nil: the committed money meets the year's "
        "costs){% endif %}. Engaged funding is not yet agreed, "
        "and cashable savings are spend the partners expect to stop, not money in hand, so "
        "neither reduces the shortfall; the partnership's own running budget "
        f"({c.ref('financial.budget')}) pays for the partnership, not the service."
    )
    para_loop(doc, "n in financial.affordability_notes", "{{ n }}")
    endif(doc)
    when(
        doc,
        "not financial.affordability and financial.affordability_closed",
        "{{ financial.affordability_closed }}",
    )
    para_loop(doc, "n in financial.late_decisions", "{{ n }}", style="Normal")


def _financial_case(c: Case) -> None:
    doc = c.doc
    c.sub("years")
    _money_by_year(c)
    if c.full:
        _affordability(c)
    c.sub("budget")
    if_(doc, "financial.budget.has_lines")
    if not c.full:
        doc.add_paragraph(
            "The partnership's own running costs: planned, and actual where the period has "
            "ended.{% if financial.has_years %} They are not the costs in "
            f"{c.ref('financial.years')}: those are estimates, made for the appraisal, of what "
            "the option costs, not spending from this budget.{% endif %}"
        )
        _budget_tables(doc)
        else_(doc, NO_BUDGET)
        return
    doc.add_paragraph(
        "Spend to date is {{ financial.budget.to_date_actual }} against "
        "{{ financial.budget.to_date_planned }} planned: {{ financial.budget.reason }}; "
        "{{ financial.budget.remaining }} of the budget of {{ financial.budget.total_planned }} "
        "is planned for the periods still to come."
    )
    table(
        doc,
        ["Category", "Planned", "Planned to date", "Actual to date", "Variance to date"],
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
    _budget_tables(doc)
    else_(doc, NO_BUDGET)
    c.sub("resources")
    doc.add_paragraph(
        "{% if service.cost %}The service's estimated cost is {{ service.cost_text }} "
        f"({c.ref('options.considered')}). "
        "{% endif %}{% if summary.affordability %}"
        "Its funding, and the shortfall, are in the financial summary "
        f"({c.ref('summary.financial')})"
        "{% if financial.in_kind %}; {{ financial.in_kind }} "
        f"({c.ref('service.funders')}){{% endif %}}."
        "{% elif service.funding %}"
        "{{ service.funding[:1] | upper }}{{ service.funding[1:] }} "
        f"({c.ref('service.funders')})."
        "{% else %}{{ financial.no_funding[:-1] }} "
        f"({c.ref('service.funders')}).{{% endif %}}"
    )


def _pilot_plan(c: Case) -> None:
    doc = c.doc
    c.sub("pilot")
    if_(doc, "plan.pilot.start and plan.pilot.end")
    doc.add_paragraph(
        "The pilot runs from {{ plan.pilot.start }} to {{ plan.pilot.end }} "
        "({{ plan.pilot.duration }}), reviewed by the partners at each governance "
        "meeting against the benefits realisation plan."
    )
    else_(doc, "{{ plan.pilot.undated }}")
    if_(doc, "plan.pilot.milestones")
    table(
        doc,
        ["Pilot milestone", "Owner", "Due", "Status"],
        [7.8, 2.4, 3.2, 3.2],
        "m in plan.pilot.milestones",
        ["{{ m.title }}", "{{ m.owner }}", "{{ m.due }}", "{{ m.status }}"],
    )
    endif(doc)
    if_(doc, "evaluation.approach")
    labelled(doc, "Evaluation", "{{ evaluation.approach }}")
    endif(doc)
    if_(doc, "evaluation.evaluator")
    labelled(doc, "Evaluator", "{{ evaluation.evaluator }}")
    endif(doc)
    if_(doc, "financial.budget.has_pilot")
    doc.add_paragraph(
        "The partnership's running costs during the pilot (the cost of the service itself "
        "is in the financial case):"
    )
    table(
        doc,
        ["Category", "Planned"],
        [10.6, 6.0],
        "b in financial.budget.pilot",
        ["{{ b.name }}", "{{ b.planned }}"],
        after=[["Total for the pilot", "{{ financial.budget.pilot_total }}"]],
    )
    endif(doc)


def _management_case(c: Case) -> None:
    doc = c.doc
    if not c.full:
        _pilot_plan(c)
    c.sub("plan")
    if_(doc, "plan.milestones")
    doc.add_paragraph(
        "The milestones in the order their dependencies allow"
        "{% if plan.planned_end %}; the partnership ends on {{ plan.planned_end }}"
        "{% if plan.projected_end %} and its last milestone is forecast for "
        "{{ plan.projected_end }}{% endif %}{% endif %}."
    )
    optional_columns(
        doc,
        ["Milestone", "Stage", "Owner", "Due", "Status"],
        [6.6, 1.6, 2.2, 3.2, 3.0],
        "m in plan.milestones",
        [
            "{{ m.title }}",
            "{{ m.stage }}",
            "{{ m.owner }}",
            "{{ m.due }}",
            "{{ m.status }}",
        ],
        [("Stage", "plan.milestones | rejectattr('stage', 'equalto', '–') | list")],
    )
    para_loop(doc, "n in plan.notes", "{{ n }}")
    else_(doc, NO_MILESTONES)
    c.sub("key")
    if_(doc, "plan.key")
    doc.add_paragraph(
        "The milestones still to come on the critical path, with what each depends on"
        "{% if strategic.dependencies %}; the dependencies outside the partnership are in "
        f"{c.ref('strategic.dependencies')}{{% endif %}}."
    )
    table(
        doc,
        ["Key milestone", "Due", "Forecast", "Depends on"],
        [6.4, 2.9, 2.9, 4.4],
        "m in plan.key",
        [
            "{{ m.title }}",
            "{{ m.due }}",
            "{{ m.forecast }}",
            "{{ m.depends_on or '–' }}",
        ],
    )
    doc.add_paragraph("{%p elif plan.milestones %}")
    doc.add_paragraph("Every milestone is complete.")
    else_(doc, NO_MILESTONES)
    c.sub("risks")
    doc.add_paragraph("{{ management.risk_approach }}")
    if_(doc, "management.risks")
    optional_columns(
        doc,
        ["Type", "Risk or issue", "Owner", "Score", "RAG", "Actions"],
        [1.5, 5.5, 2.0, 1.3, 1.4, 4.9],
        "r in management.risks",
        [
            "{{ r.type }}",
            "{{ r.title }}",
            "{{ r.owner }}",
            "{{ r.score }}",
            "{% cellbg r.fill %}{{ r.rag|capitalize }}",
            "{{ r.mitigation }}",
        ],
        [("Actions", _actioned("management.risks"))],
        intro="The open risks and issues, highest score first{% if "
        + _actioned("management.risks")
        + " %}, with their actions{% endif %}:",
    )
    when(doc, "management.no_actions", "{{ management.no_actions }}")
    else_(doc, "No risks or issues are open.")
    c.sub("governance")
    table(
        doc,
        ["Group", "Meets", "Chair", "Members"],
        [3.6, 2.4, 3.6, 7.0],
        "g in management.groups",
        [
            "{{ g.name }}",
            "{{ g.cadence[:1] | upper }}{{ g.cadence[1:] }}",
            "{{ g.chair }}",
            "{{ g.members | join('; ') }}",
        ],
        empty="The partners have not yet set up their governance groups.",
    )
    # a name in a table is never without who the person is
    if_(doc, "management.people")
    table(
        doc,
        ["Name", "Role", "Organisation"],
        [4.0, 7.0, 5.6],
        "p in management.people",
        ["{{ p.name }}", "{{ p.title or 'Not recorded' }}", "{{ p.organisation }}"],
        intro="The people this case names, with their roles:",
    )
    endif(doc)
    c.sub("communications")
    if_(doc, "management.communications")
    doc.add_paragraph("How the partnership keeps each stakeholder informed and involved:")
    optional_columns(
        doc,
        ["Audience", "Method", "Frequency", "Messages", "What we ask of them", "Owner"],
        [2.9, 2.7, 2.0, 3.6, 3.4, 2.0],
        "c in management.communications",
        [
            "{{ c.audience }}",
            "{{ c.method }}",
            "{{ c.frequency }}",
            "{{ c.messages or '–' }}",
            "{{ c.action or '–' }}",
            "{{ c.owner }}",
        ],
        [
            ("Messages", "management.communications | selectattr('messages') | list"),
            ("What we ask of them", "management.communications | selectattr('action') | list"),
        ],
    )
    else_(doc, "No communications plan is recorded yet.")
    if c.full:
        _governance_record(c)
    c.sub("equality")
    doc.add_paragraph("{{ equality }}")


def _governance_record(c: Case) -> None:
    """The full case's record of the pilot: the governance meetings held and what they
    decided, and the knowledge the partners passed on to each other."""
    doc = c.doc
    c.sub("meetings")
    doc.add_paragraph("{{ governance_record.meetings_summary }}")
    if_(doc, "governance_record.meetings")
    table(
        doc,
        ["Date", "Group", "Decisions", "The decisions, as minuted"],
        [3.0, 3.4, 2.2, 8.0],
        "m in governance_record.meetings",
        ["{{ m.date }}", "{{ m.group }}", "{{ m.decisions }}", "{{ m.key_decisions }}"],
        intro="Each meeting's decisions are given in the words its minutes record them in.",
    )
    endif(doc)
    c.sub("knowledge")
    doc.add_paragraph("{{ governance_record.transfers_summary }}")
    if_(doc, "governance_record.transfers")
    table(
        doc,
        ["Knowledge transfer", "From", "To", "Done or due"],
        [5.2, 3.4, 5.0, 3.0],
        "t in governance_record.transfers",
        ["{{ t.topic }}", "{{ t.source }}", "{{ t.recipients }}", "{{ t.completed }}"],
    )
    endif(doc)


def _recommendations(c: Case) -> None:
    """The recommendations; once approved, where the decisions taken are (not them again).
    No page of its own: after the sections it follows on, its heading kept with its text."""
    if_(c.doc, "document.state != 'approved'")
    _numbered_recommendations(c.doc)
    else_(
        c.doc,
        f"The decisions the partners took in approving this {c.title.lower()} are in "
        f"{c.ref('summary.decisions')}.",
    )


SECTIONS: dict[str, Callable[[Case], None]] = {
    "summary": _summary,
    "change": _case_for_change,
    "strategic": _strategic_case,
    "options": _options_appraisal,
    "service": _service_model,
    "benefits": _benefits,
    "evaluation": _evaluation,
    "financial": _financial_case,
    "management": _management_case,
    "recommendations": _recommendations,
}
"""What each section of the description holds, by its key; each writes its subsections'
headings with `Case.sub`, so a subsection it leaves out or adds is caught below."""


def business_case(kind: CaseKind) -> Document:
    c = Case(kind)
    keep_headings_with_text(c.doc)
    _cover(c)
    _document_control(c)
    _contents(c)
    for section in c.contents.sections:
        c.section(section.key)
        SECTIONS[section.key](c)
    described = [s.key for s in c.contents.every()]
    if c.written != described:
        raise AssertionError(f"the {kind} case wrote {c.written}, its contents are {described}")
    footer(
        c.doc,
        "{{ partnership.name }} · " + c.title + " · version {{ document.version }} · "
        "{{ document.date }} · page ",
        numbered=True,
    )
    return c.doc


TEMPLATES = {
    "business-case-outline.docx": lambda: business_case("outline"),
    "business-case-full.docx": lambda: business_case("full"),
}
