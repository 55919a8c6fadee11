"""Analysis results as tables, one builder per `psp score` kind."""

from __future__ import annotations

from ..analysis import (
    BenefitsAnalysis,
    GoalsAnalysis,
    OptionsAppraisal,
    PlanAnalysis,
    RiskRegister,
    SelectionRanking,
    StakeholderMap,
)
from ..analysis.gate import Gate
from .tables import Table


def risks_table(register: RiskRegister) -> Table:
    rows = [
        [
            r.id,
            r.type,
            r.title,
            r.owner,
            r.likelihood,
            r.impact,
            r.score,
            r.rag if r.status == "open" else "closed",
            r.target_score,
            f"{r.open_actions} ({r.overdue_actions} overdue)"
            if r.overdue_actions
            else r.open_actions,
            f"{r.review} {r.review_state}"
            if r.review and r.review_state != "scheduled"
            else r.review,
        ]
        for r in register.risks
    ]
    counts = register.counts()
    notes = [
        f"Open entries: {counts['red']} red, {counts['amber']} amber, {counts['green']} green "
        f"(score = likelihood × impact; amber from {register.amber}, red from {register.red})."
    ]
    columns = [
        "ID",
        "Type",
        "Title",
        "Owner",
        "L",
        "I",
        "Score",
        "RAG",
        "Target",
        "Open actions",
        "Review",
    ]
    return Table("RAID log", columns, rows, notes)


def heatmap_table(register: RiskRegister) -> Table:
    rows = []
    rags: dict[tuple[int, int], str] = {}
    for r, likelihood in enumerate(range(5, 0, -1)):
        row: list[object] = [f"likelihood {likelihood}"]
        for impact in range(1, 6):
            cell = register.cell(likelihood, impact)
            row.append(" ".join(cell.ids) if cell.ids else "")
            rags[(r, impact)] = cell.rag
        rows.append(row)
    columns = ["", *[f"impact {i}" for i in range(1, 6)]]
    notes = ["Open entries by likelihood and impact; the colour of a cell is its score's RAG."]
    return Table("Risk heat map", columns, rows, notes, rags=rags)


def options_tables(appraisal: OptionsAppraisal) -> list[Table]:
    rows = [
        [
            f"{o.rank}=" if o.tied else o.rank,
            o.id,
            o.name
            + (" (preferred)" if o.preferred else "")
            + (" (do nothing)" if o.do_nothing else ""),
            o.score,
            o.weighted,
            o.cost,
            o.cost_per_point,
            100 * o.first_share,
        ]
        for o in appraisal.options
    ]
    notes = []
    if appraisal.tie_for_first:
        notes.append(f"Tie for first place: {', '.join(appraisal.leaders)}.")
    if appraisal.preferred is not None and appraisal.preferred_is_top is False:
        notes.append(f"The preferred option {appraisal.preferred} is not the top-scoring option.")
    notes.append(
        f"Wins %: how often the option comes first alone when the weights are drawn at random "
        f"({appraisal.draws:,} draws); first place is tied in {100 * appraisal.tied_draws:.1f} %."
    )
    main = Table(
        "Options appraisal",
        ["Rank", "ID", "Option", "Score /100", "Weighted", "Cost", "Cost per point", "Wins %"],
        rows,
        notes,
        {"Cost per point": 0, "Cost": 0},
    )
    sens_rows = [
        [
            s.criterion,
            s.weight,
            s.share,
            "robust" if s.robust else s.switch_share,
            None if s.robust else s.change,
            s.new_leader,
        ]
        for s in appraisal.sensitivity
    ]
    sensitivity = Table(
        "Sensitivity of the leader to each weight",
        ["Criterion", "Weight", "Share %", "Leader changes at %", "Change (points)", "New leader"],
        sens_rows,
        [
            "Share: the criterion's part of the total weight. 'robust': no share from 0 to 100 %"
            " changes the leader."
        ],
    )
    return [main, sensitivity] if sens_rows else [main]


def partners_table(ranking: SelectionRanking) -> Table:
    rows = [
        [f"{c.rank}=" if c.tied else c.rank, c.id, c.name, c.sector, c.score, c.weighted, c.status]
        for c in ranking.candidates
    ]
    criteria = ", ".join(f"{name} ({weight:g})" for _, name, weight in ranking.criteria)
    notes = [f"Criteria (weight): {criteria}."] if criteria else ["No selection criteria."]
    return Table(
        "Partner selection",
        ["Rank", "ID", "Candidate", "Sector", "Score /100", "Weighted", "Status"],
        rows,
        notes,
    )


def goals_table(goals: GoalsAnalysis) -> Table:
    rows = [
        [
            g.id,
            g.title,
            g.term,
            *("✓" if g.letters[k] else "✗" for k in "SMART"),
            "; ".join(f"{k}: {v}" for k, v in g.reasons.items()),
        ]
        for g in goals.goals
    ]
    notes = [f"{goals.smart_count} of {len(goals.goals)} goals are SMART."]
    return Table(
        "SMART goals", ["ID", "Goal", "Term", "S", "M", "A", "R", "T", "Why not"], rows, notes
    )


def benefits_table(benefits: BenefitsAnalysis) -> Table:
    rows = [
        [
            b.id,
            b.title,
            b.baseline,
            b.target,
            b.target_date,
            b.latest,
            b.latest_date,
            b.progress,
            b.expected_at_latest,
            b.rag,
            b.reason,
        ]
        for b in benefits.benefits
    ]
    notes = [
        "Progress: per cent of the way from baseline to target. Line: where the straight line "
        "from baseline (at the start of the PSP) to target stood on the latest measurement's "
        f"date. Reporting period: {benefits.period}."
    ]
    columns = [
        "ID",
        "Benefit",
        "Baseline",
        "Target",
        "By",
        "Latest",
        "Measured",
        "Progress %",
        "Line",
        "RAG",
        "Why",
    ]
    return Table("Benefits", columns, rows, notes, {"Progress %": 0})


def stakeholders_table(smap: StakeholderMap) -> Table:
    rows = [
        [s.id, s.name, s.interest, s.influence, s.quadrant, s.communications]
        for s in smap.stakeholders
    ]
    notes = [
        "Quadrant: interest and influence of 3 or more (out of 5) count as high.",
        "Not reached by any communication: " + (", ".join(smap.unreached) or "none") + ".",
    ]
    return Table(
        "Stakeholder map",
        ["ID", "Stakeholder", "Interest", "Influence", "Quadrant", "Reached by"],
        rows,
        notes,
    )


def plan_table(plan: PlanAnalysis) -> Table:
    rows = [
        [
            m.id,
            m.title,
            m.owner,
            m.due,
            m.completed,
            m.state,
            m.slippage_days,
            m.forecast,
            "yes" if m.critical else "",
        ]
        for m in plan.milestones
    ]
    end = "–"
    if plan.projected_end and plan.planned_end:
        days = plan.end_slippage_days or 0
        end = (
            f"{plan.projected_end} against the planned end {plan.planned_end} "
            f"({abs(days)} days {'late' if days > 0 else 'early' if days < 0 else 'on time'})"
        )
    elif plan.projected_end:
        end = str(plan.projected_end)
    notes = [
        "Critical path: " + (" → ".join(plan.critical_path) or "–") + ".",
        f"Due by {plan.period_end} (next {plan.period}): "
        + (", ".join(plan.due_next_period) or "nothing")
        + ".",
        f"Projected end: {end}.",
    ]
    columns = [
        "ID",
        "Milestone",
        "Owner",
        "Due",
        "Completed",
        "State",
        "Slippage (days)",
        "Forecast",
        "Critical",
    ]
    return Table("Plan", columns, rows, notes)


def gate_table(gate: Gate) -> Table:
    rows = [["✓" if i.met else "✗", i.label, i.reason, i.guide] for i in gate.items]
    leaving = f"Leaving {gate.stage}" + (f" for {gate.next_stage}" if gate.next_stage else "")
    unmet = len(gate.unmet)
    verdict = "the gate is met" if gate.met else f"{unmet} of {len(gate.items)} items unmet"
    notes = [f"{leaving} as at {gate.as_of}: {verdict}."]
    return Table(f"Stage gate: {gate.stage}", ["", "Item", "Why", "Guide"], rows, notes)
