"""The highlight report laid out as a document, once, for every writer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from ..analysis.gate import GateItem
from ..analysis.plan import MilestoneState
from ..report.formatting import money_unit, number, percent
from ..report.status import TOP_RISKS, StatusReport
from ..report.wording import NO_OWNER
from ..vocabulary import DOCUMENT_TITLES, NOT_RATED, RAG_LABELS, RAID_TYPE_LABELS
from .document import Bullets, Document, Figure, Heading, Para, long_date, money
from .scores import heatmap_table
from .tables import Table

NOT_SET = "Not set"
"""A key risk's target score not yet agreed, as the agenda writes a review not set."""


def _ms_rows(
    milestones: list[MilestoneState], names: dict[str, str], with_completed: bool = True
) -> list[list[object]]:
    rows = []
    for m in milestones:
        owner = names.get(m.owner, m.owner) if m.owner else NO_OWNER
        row: list[object] = [m.title, owner, long_date(m.due)]
        if with_completed:
            row += [long_date(m.completed), m.slippage_days]
        rows.append(row)
    return rows


def status_document(report: StatusReport) -> Document:
    r = report
    doc = Document(
        f"Highlight report: {r.name}",
        f"As at {long_date(r.as_of)} · {r.stage} stage · reporting period "
        f"{long_date(r.period_start + timedelta(days=1))} to {long_date(r.as_of)} ({r.period})",
        footer=f"Highlight report: {r.name} · {long_date(r.as_of)}",
    )
    doc.add(Heading(1, "Overall status", r.overall), Para(_sentence(r.overall_rule)))
    doc.add(
        Table(
            "",
            ["Area", "RAG", "Why"],
            [[c.name.capitalize(), _rag(c.rag), c.reason] for c in r.components],
            rags=_rag_cells(c.rag for c in r.components),
        )
    )
    if r.decisions:
        doc.add(
            Heading(1, f"Decisions needed from the {r.group_name or 'governance group'}"),
            Bullets(r.decisions, numbered=True),
        )

    _since_last_meeting(doc, r)

    if r.changes is not None or r.since_note:
        doc.add(Heading(1, "Since the last report"))
        if r.since_note:
            doc.add(Para(r.since_note))
        if r.changes is not None:
            doc.add(Para(f"Compared with {r.since}."))
            items = _change_items(r)
            doc.add(Bullets(items) if items else Para("Nothing has changed in the folder."))

    doc.add(Heading(1, "Progress: milestones"))
    ms_cols = ["Milestone", "Owner", "Due", "Completed", "Slippage (days)"]
    doc.add(
        Table("Completed this period", ms_cols, _ms_rows(r.completed, r.names))
        if r.completed
        else Para("No milestone was completed this period.")
    )
    if r.overdue:
        doc.add(Table("Overdue", ms_cols, _ms_rows(r.overdue, r.names)))
    doc.add(
        Table(
            f"Due next period (to {long_date(r.next_period_end)})",
            ["Milestone", "Owner", "Due"],
            _ms_rows(r.due_next, r.names, False),
        )
        if r.due_next
        else Para(f"Nothing falls due before {long_date(r.next_period_end)}.")
    )
    doc.add(Heading(2, "Schedule"), Para(_schedule_sentence(r)))
    if r.critical_path:
        doc.add(Para(_critical_path_sentence(r.critical_path)))

    doc.add(Heading(1, "Key risks and issues"))
    amber, red = r.risk_thresholds
    doc.add(
        Table(
            top_risks_caption(r),
            ["Type", "Title", "Owner", "L × I", "Score", "RAG", "Target", "Open actions"],
            [
                [
                    RAID_TYPE_LABELS[x.type],
                    x.title,
                    # "No owner", as the agenda and the actions say it, not a dash
                    r.names.get(x.owner, x.owner) if x.owner else NO_OWNER,
                    f"{x.likelihood} × {x.impact}",
                    x.score,
                    _rag(x.rag),
                    # a target not yet agreed says so, as the review dates do
                    x.target_score if x.target_score is not None else NOT_SET,
                    x.open_actions,
                ]
                for x in r.top_risks
            ],
            [
                f"Open entries: {r.counts.get('red', 0)} Red, {r.counts.get('amber', 0)} Amber, "
                f"{r.counts.get('green', 0)} Green. Score = likelihood × impact; Amber from "
                f"{amber}, Red from {red}."
                # "Target" beside "Due" columns elsewhere would read as a date: said once
                + (
                    " Target: the score aimed for once the actions are done."
                    if any(x.target_score is not None for x in r.top_risks)
                    else ""
                )
            ],
            rags=_rag_cells((x.rag for x in r.top_risks), column=5),
        )
        if r.top_risks
        else Para("The RAID log has no open entries.")
    )
    movement = []
    for label, rows in (
        ("New", r.new_risks),
        ("Closed", r.closed_risks),
        ("Escalated to issues", r.escalated_risks),
    ):
        if rows:
            movement.append(f"{label}: " + "; ".join(x.title for x in rows))
    if movement:
        doc.add(Bullets(movement))
    doc.add(
        Figure("heatmap", r.heatmap, heatmap_table_from(r), "Open entries by likelihood and impact")
    )

    b = r.budget
    rated = next(c for c in r.components if c.name == "budget")
    doc.add(Heading(1, "Budget", rated.rag))
    if rated.rag is None:
        doc.add(Para(f"{NOT_RATED}: {rated.reason}."))
    else:
        doc.add(Para(_sentence(b.reason)))
        _budget_tables(doc, r)
    _benefits_section(doc, r)
    _approvals_and_gate(doc, r)
    return doc


def _critical_path_sentence(path: list[MilestoneState]) -> str:
    """The critical path by title: how much of it is done, then what is still to come with
    its due date ("Critical path: 10 milestones done; still to come: Pilot ends (30
    September 2011) → Framework agreement awarded (31 January 2012)."); a step forecast
    after its due date gives both, so the path never seems to run back in time ("Tender
    published (due 30 September 2026, forecast 31 December 2026)")."""
    done = [m for m in path if m.state == "done"]
    ahead = [m for m in path if m.state != "done"]
    if not ahead:
        return "Critical path: every milestone on it is done."
    steps = " → ".join(f"{m.title} ({_when(m)})" for m in ahead)
    if not done:
        return f"Critical path: {steps}."
    count = "1 milestone" if len(done) == 1 else f"{len(done)} milestones"
    return f"Critical path: {count} done; still to come: {steps}."


def _when(m: MilestoneState) -> str:
    """A critical-path step's date: its due date, and its forecast where that is later."""
    if m.forecast is not None and m.due is not None and m.forecast > m.due:
        return f"due {long_date(m.due)}, forecast {long_date(m.forecast)}"
    return long_date(m.due)


def top_risks_caption(r: StatusReport) -> str:
    """The heading of the top entries' table, saying what it shows: "All 4 open entries,
    highest score first" (two are "Both open entries"); "The 5 highest scoring of the 10
    open entries"; with a tie at the cut-off kept whole, "The 6 highest scoring of the 10
    open entries (3 entries tie on a score of 9)"."""
    shown, of = len(r.top_risks), r.open_entries or len(r.top_risks)
    if shown >= of:
        if of <= 2:
            return "The one open entry" if of == 1 else "Both open entries, highest score first"
        return f"All {of} open entries, highest score first"
    text = f"The {shown} highest scoring of the {of} open entries"
    if shown > TOP_RISKS:
        last = r.top_risks[-1].score
        tied = sum(1 for x in r.top_risks if x.score == last)
        text += f" ({tied} entries tie on a score of {last})"
    return text


def _budget_tables(doc: Document, r: StatusReport) -> None:
    """Planned against actual for the period and to date, and by financial year."""
    b = r.budget
    cur = b.currency
    doc.add(
        Table(
            "",
            ["", "Planned", "Actual", "Variance", "Variance %"],
            [
                [
                    "This period",
                    money(b.period.planned, cur),
                    money(b.period.actual, cur),
                    money(b.period.variance, cur),
                    signed_pct(b.period.variance_pct),
                ],
                [
                    "To date",
                    money(b.to_date.planned, cur),
                    money(b.to_date.actual, cur),
                    money(b.to_date.variance, cur),
                    signed_pct(b.to_date.variance_pct),
                ],
            ],
            [
                f"Whole budget: {money(b.total_planned, cur)}. Variance is actual minus planned; "
                "positive is an overspend."
            ],
        )
    )
    if r.budget_years:
        doc.add(
            Table(
                "By financial year",
                ["Financial year", "Planned", "Planned to date", "Actual", "Variance"],
                [
                    [
                        y.financial_year,
                        money(y.planned, cur),
                        money(y.planned_to_date, cur),
                        money(y.actual, cur),
                        money(y.variance, cur),
                    ]
                    for y in r.budget_years
                ],
                [
                    "Planned: the whole financial year. Planned to date and actual: its "
                    "periods that have ended with an actual recorded. A calendar period counts "
                    "in the financial year its last day falls in."
                ],
            )
        )


LINE_NOTE = (
    "The line to target runs straight from the baseline, at the partnership's start, to the "
    "target by its date. A benefit behind the line is Amber; Red when it is behind by more "
    "than a quarter of the distance from baseline to target."
)
"""What "the line" in the benefits' reasons is, said once under their table."""


def from_to(baseline: float | None, target: float | None, unit: str | None) -> str:
    """A benefit's baseline and target in one cell, the unit said once where it follows the
    figure: "35% to 70%", "22 to 12 children", "£1,450,000 to £1,300,000 a year"."""
    start, end = number(baseline, unit), number(target, unit)
    if not (start and end):
        return start or end
    symbol, rest = money_unit(unit) if unit and unit != "%" else ("", "")
    if symbol:
        start = number(baseline, unit).removesuffix(f" {rest}") if rest else start
    elif unit and unit != "%":
        start = number(baseline)
    return f"{start} to {end}"


def _benefits_section(doc: Document, r: StatusReport) -> None:
    doc.add(Heading(1, "Benefits and KPIs"))
    if r.benefits:
        doc.add(
            Figure(
                "benefits",
                r.benefits,
                None,
                "Progress from baseline to target; the mark is where the line to target puts "
                "each benefit at its latest measurement.",
            ),
            Table(
                "",
                # baseline and target in one column: the benefit and why it is off track
                # have the room they need
                ["Benefit", "Baseline to target", "Latest", "Progress", "RAG", "Why"],
                [
                    [
                        x.title,
                        from_to(x.baseline, x.target, x.unit),
                        number(x.latest, x.unit),
                        percent(x.progress),
                        _rag(x.rag),
                        x.reason,
                    ]
                    for x in r.benefits
                ],
                [LINE_NOTE] if any("the line" in x.reason for x in r.benefits) else [],
                rags=_rag_cells((x.rag for x in r.benefits), column=4),
            ),
        )
    else:
        doc.add(Para("No benefits are recorded yet."))


def _approvals_and_gate(doc: Document, r: StatusReport) -> None:
    if r.outstanding:
        doc.add(
            Heading(1, "Approvals outstanding"),
            Bullets(
                [
                    f"{_sentence_case(DOCUMENT_TITLES[o.document])}: {', '.join(o.names)}"
                    + (f", needed by {long_date(o.due)}" if o.due else "")
                    for o in r.outstanding
                ]
            ),
        )
    gate = r.gate
    if gate.items:
        verdict = "met" if gate.met else f"{len(gate.unmet)} of {len(gate.items)} items unmet"
        doc.add(
            Heading(1, f"Readiness to leave the {gate.stage} stage"),
            Para(f"Stage gate: {verdict}."),
            _gate_table(gate.items),
        )


def _gate_table(items: list[GateItem]) -> Table:
    """The stage gate's items, met or not and why; with when the plan needs each unmet one,
    a column left out where the plan dates none (a column of blanks says nothing)."""
    dated = any(not i.met and i.due for i in items)
    rows = [["✓" if i.met else "✗", i.label, i.reason] for i in items]
    if not dated:
        return Table("", ["", "Item", "Why"], rows)
    return Table(
        "",
        ["", "Item", "Why", "Due"],
        [[*row, "" if i.met else long_date(i.due)] for row, i in zip(rows, items, strict=True)],
        ["Due: when the plan needs an item still unmet."],
    )


def _rag(rag: str | None) -> str:
    """A RAG as the papers write it: Red, Amber, Green, or Not rated."""
    return RAG_LABELS[rag] if rag else NOT_RATED


def _rag_cells(rags: Iterable[str | None], column: int = 1) -> dict[tuple[int, int], str]:
    """The colour of each RAG cell of a table's `column`, by row (a cell's text is its label,
    "Red", so the writers are told its colour)."""
    return {(row, column): rag for row, rag in enumerate(rags) if rag}


def _since_last_meeting(doc: Document, r: StatusReport) -> None:
    """Actions from the governance group's last meeting, and the decisions taken since: what
    the group checks first at its next meeting."""
    last = r.last_meeting
    if last is None:
        return
    doc.add(Heading(1, f"Since the last meeting ({last.group}, {long_date(last.date)})"))
    if r.meeting_actions:
        doc.add(
            Table(
                "Actions from the last meeting",
                ["No.", "Action", "Owner", "Due", "State"],
                [
                    [
                        a.ref.rsplit(".", 1)[-1],
                        a.action,
                        r.names.get(a.owner, a.owner) if a.owner else NO_OWNER,
                        long_date(a.due),
                        a.state,
                    ]
                    for a in r.meeting_actions
                ],
            )
        )
    else:
        doc.add(Para("The last meeting agreed no actions."))
    if r.meeting_decisions and all(d.meeting == last.id for d in r.meeting_decisions):
        # every one taken at the meeting the heading names: no column repeating it
        doc.add(
            Table(
                "Decisions of the last meeting",
                ["Decision", "Affects"],
                [[d.decision, "; ".join(d.affected)] for d in r.meeting_decisions],
            )
        )
    elif r.meeting_decisions:
        doc.add(
            Table(
                "Decisions since the last meeting",
                ["Meeting", "Decision", "Affects"],
                [[d.meeting_name, d.decision, "; ".join(d.affected)] for d in r.meeting_decisions],
            )
        )
    else:
        doc.add(Para("No decision has been recorded since the last meeting."))


def heatmap_table_from(report: StatusReport) -> Table:
    from ..analysis.risk import RiskRegister

    amber, red = report.risk_thresholds
    return heatmap_table(RiskRegister(report.as_of, amber, red, [], report.heatmap), ids=False)


def signed_pct(value: float | None) -> str:
    """A variance as a signed percentage, −2.7%; empty for none. A variance not zero that
    rounds to 0.0% keeps two decimals, −0.04% (£20 under a plan of £46,500), or says "under
    0.01%": a paper never prints 0% beside money that differs."""
    if value is None:
        return ""
    rounded = round(value, 1)
    if rounded == 0 and value != 0:
        small = round(value, 2)
        if small == 0:
            return "under 0.01%"
        return ("−" if small < 0 else "+") + f"{abs(small):.2f}".rstrip("0") + "%"
    text = f"{abs(rounded):.1f}".removesuffix(".0")
    return ("−" if rounded < 0 else "+" if rounded > 0 else "") + text + "%"


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else ""


def _schedule_sentence(r: StatusReport) -> str:
    if r.projected_end is None:
        return "The plan has no dated milestones yet."
    text = f"The last milestone is forecast for {long_date(r.projected_end)}"
    if r.planned_end is not None and r.end_slippage_days is not None:
        days = r.end_slippage_days
        when = (
            "on the planned end date"
            if days == 0
            else (
                f"{days} days after the planned end ({long_date(r.planned_end)})"
                if days > 0
                else f"{-days} days before the planned end ({long_date(r.planned_end)})"
            )
        )
        text += f", {when}"
    return text + "."


def _change_items(r: StatusReport) -> list[str]:
    c = r.changes
    assert c is not None
    items = []

    def line(label: str, ids: list[str]) -> None:
        if ids:
            items.append(f"{label}: {'; '.join(c.titles.get(i, i) for i in ids)}")

    for name in c.not_compared:
        items.append(f"{name} is not compared: it had errors at that revision")
    if c.stage_before:
        items.append(f"Stage moved from {c.stage_before} to {r.stage}")
    line("Risks added", c.risks_added)
    line("Risks closed", c.risks_closed)
    line("Risks reopened", c.risks_reopened)
    line("Risks escalated to issues", c.risks_escalated)
    line("Risks removed from the log", c.risks_removed)
    for move in c.score_moves:
        items.append(f"{move.title}: score {move.direction} from {move.before} to {move.after}")
    line("Milestones completed", c.milestones_completed)
    for red in c.milestones_redated:
        shift = f" ({red.days:+d} days)" if red.days is not None else ""
        when = f"from {long_date(red.before) or '–'} to {long_date(red.after) or '–'}"
        items.append(f"{red.title}: re-dated {when}{shift}")
    line("Milestones added", c.milestones_added)
    units = {b.id: b.unit for b in r.benefits}
    for m in c.benefits_measured:
        values = ", ".join(f"{number(v, units.get(m.id))} on {long_date(d)}" for d, v in m.values)
        items.append(f"{m.title}: measured {values}")
    line("Partners added", c.partners_added)
    line("Partners left", c.partners_removed)
    line("Approvals given", c.approvals_added)
    return items


def _sentence_case(title: str) -> str:
    """A title at the start of a line: its first letter raised, the rest as written (MoU)."""
    return title[:1].upper() + title[1:]
