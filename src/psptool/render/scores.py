"""Analysis results as tables, and the scores of `psp score`, each declared once.

A score is declared with `@score(...)` on the function that makes its tables: its name (the
`psp score` kind), its help (the kind's row in docs/cli.md, which a test holds to it), the
analysis function it shows (in analysis/, taking the project, and the date where it needs
one) and, for risks, the heat map. `psp score`'s choices, its JSON, CSV and table output,
the fuzzer's list and the check of the library's exports all come from `SCORES`. Adding a
score is its analysis module, one decorated table function here, and its test.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..vocabulary import scale_label
from .tables import Table

if TYPE_CHECKING:
    from ..analysis import (
        BenefitsAnalysis,
        GoalsAnalysis,
        OptionsAppraisal,
        PlanAnalysis,
        RiskRegister,
        SelectionRanking,
        StakeholderMap,
    )
    from ..analysis.economics import (
        EconomicCase,
        OptionEconomics,
        SroiAnalysis,
        SroiBenefit,
    )
    from ..analysis.financial import Affordability
    from ..analysis.gate import Gate
    from ..model import Project

R = TypeVar("R")


@dataclass(frozen=True)
class Score(Generic[R]):
    """One kind of `psp score`: what it analyses and how its result is shown."""

    name: str
    help: str
    analysis: str
    """Where its analysis function is, as `module:function` in psptool.analysis (imported
    when the score is run, so that `psp --help` builds `psp score` without pydantic)."""
    tables: Callable[[R], list[Table]]
    """The tables `psp score` prints; the first is the one `--format csv` writes."""
    heatmap: Callable[[R], Table] | None = None
    """What `--heatmap` shows instead of the tables, for the scores that have one."""
    csv: Callable[[R], Table] | None = None
    """What `--format csv` writes, where it is not the first table."""

    @cached_property
    def analyse(self) -> Callable[..., R]:
        """`analyse(project)`, or `analyse(project, as_of)` where the score depends on the
        date."""
        module, function = self.analysis.split(":")
        found: Callable[..., R] = getattr(import_module(f"psptool.analysis.{module}"), function)
        return found

    @property
    def dated(self) -> bool:
        """Whether `analyse` takes the date as well as the project (a second required
        argument)."""
        parameters = inspect.signature(self.analyse).parameters.values()
        return sum(p.default is p.empty for p in parameters) > 1

    def run(self, project: Project, as_of: date) -> R:
        return self.analyse(project, as_of) if self.dated else self.analyse(project)

    def csv_table(self, result: R) -> Table:
        """The one table `--format csv` writes."""
        return self.csv(result) if self.csv is not None else self.tables(result)[0]

    def show(self, result: R, heatmap: bool = False) -> list[Table]:
        if heatmap and self.heatmap is not None:
            return [self.heatmap(result)]
        return self.tables(result)


SCORES: dict[str, Score[Any]] = {}
"""Every kind of `psp score`, in the order its help lists them."""

T = TypeVar("T", bound="Table | list[Table]")


def score(
    name: str,
    help: str,
    analyse: str,
    *,
    heatmap: Callable[[R], Table] | None = None,
    csv: Callable[[R], Table] | None = None,
) -> Callable[[Callable[[R], T]], Callable[[R], T]]:
    """Declare the score `name`, shown by the decorated function (one table or a list), of
    the analysis `analyse` ("module:function" in psptool.analysis); `csv` where
    `--format csv` writes another table than the first."""

    def register(tables: Callable[[R], T]) -> Callable[[R], T]:
        def as_list(result: R) -> list[Table]:
            made = tables(result)
            return made if isinstance(made, list) else [made]

        SCORES[name] = Score(name, help, analyse, as_list, heatmap, csv)
        return tables

    return register


def heatmap_table(register: RiskRegister, ids: bool = True) -> Table:
    """The 5 × 5 grid of open entries, likelihood from Very high down the side and impact
    from Very low along the top; each cell holds its entries' ids, or with `ids` False (a
    paper, which names no ids) how many entries it holds."""
    rows = []
    rags: dict[tuple[int, int], str] = {}
    for r, likelihood in enumerate(range(5, 0, -1)):
        row: list[object] = [scale_label(likelihood)]
        for impact in range(1, 6):
            cell = register.cell(likelihood, impact)
            if ids:
                row.append(" ".join(cell.ids) if cell.ids else "")
            else:
                row.append(cell.count or "")
            rags[(r, impact)] = cell.rag
        rows.append(row)
    columns = ["Likelihood / Impact", *[scale_label(i) for i in range(1, 6)]]
    held = "" if ids else "the number in a cell is how many entries it holds; "
    notes = [
        f"Open entries by likelihood and impact; {held}the colour of a cell is its score's RAG."
    ]
    return Table("Risk heat map", columns, rows, notes, rags=rags)


@score(
    "risks",
    help=(
        "every RAID entry: likelihood × impact, RAG by `risk_matrix` (default amber from 5, "
        "red from 15), the target (residual) score, open and overdue actions, review due "
        "(within a fortnight) or overdue. Open before closed, highest score first, then by "
        "id. `--heatmap` prints the 5 × 5 grid of open entries instead."
    ),
    analyse="risk:score_risks",
    heatmap=heatmap_table,
)
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


@score(
    "options",
    help=(
        "each option's weighted score out of 100 (sum of weight × score over the most it "
        "could be), rank with ties shown as ties (`1=`), the preferred option, cost per "
        "point, and how often it comes first when the weights are drawn at random (10,000 "
        "draws, fixed seed); then, for each criterion, the share of the total weight at which "
        "another option would draw level with the leader, or `robust`."
    ),
    analyse="options:appraise_options",
)
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
        ["Criterion", "Weight", "Share %", "Draws level at %", "Change (points)", "Draws level"],
        sens_rows,
        [
            "Share: the criterion's part of the total weight. Draws level: the option that would "
            "tie with the leader at that share. 'robust': no share from 0 to 100% changes the "
            "leader."
        ],
    )
    return [main, sensitivity] if sens_rows else [main]


@score(
    "partners",
    help=("candidates from `selection` scored the same way, ranked, with their status."),
    analyse="partners:rank_candidates",
)
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


@score(
    "goals",
    help=("a SMART verdict per goal, letter by letter, with the reason for each failed letter."),
    analyse="goals:analyse_goals",
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


@score(
    "benefits",
    help=(
        "each benefit's latest measurement, progress from baseline to target (also when the "
        "target is below the baseline), where the straight line from baseline at the PSP's "
        "start to target at the target date stood on the latest measurement's date, and a "
        "RAG: green on or ahead of the line, amber behind by up to a quarter of the "
        "baseline-to-target distance, red further behind or not measured for more than a "
        "reporting period."
    ),
    analyse="benefits:analyse_benefits",
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


@score(
    "stakeholders",
    help=(
        "each stakeholder's quadrant (interest and influence of 3 or more are high: manage "
        "closely, keep satisfied, keep informed, monitor) and the communications that reach "
        "them; who none reaches."
    ),
    analyse="stakeholders:map_stakeholders",
)
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


@score(
    "plan",
    help=(
        "milestones in dependency order with their state (done, overdue, due in the next "
        "reporting period, upcoming), slippage in days, a forecast that carries slippage down "
        "the dependencies, the critical path to the last milestone, and the projected end "
        "against `end` in psp.yaml."
    ),
    analyse="plan:analyse_plan",
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
    """The checklist, with when the plan needs each item still unmet."""
    from ..report.formatting import long_date

    rows = [
        ["✓" if i.met else "✗", i.label, i.reason, "" if i.met else long_date(i.due), i.guide]
        for i in gate.items
    ]
    leaving = f"Leaving {gate.stage}" + (f" for {gate.next_stage}" if gate.next_stage else "")
    unmet = len(gate.unmet)
    verdict = "the gate is met" if gate.met else f"{unmet} of {len(gate.items)} items unmet"
    notes = [f"{leaving} as at {long_date(gate.as_of)}: {verdict}."]
    if any(not i.met and i.due for i in gate.items):
        notes.append("Due: when the plan needs an item still unmet.")
    return Table(f"Stage gate: {gate.stage}", ["", "Item", "Why", "Due", "Guide"], rows, notes)


MONEY = 0
"""Money on screen to the pound; JSON keeps full precision and CSV four decimal places."""


def _uplift_text(o: OptionEconomics) -> str:
    capital, revenue = o.uplift.capital, o.uplift.revenue
    if capital == revenue:
        return f"{capital:g} %" if capital else "none"
    parts = [f"{k} {v:g} %" for k, v in (("capital", capital), ("revenue", revenue)) if v]
    return ", ".join(parts)


def _option_label(o: OptionEconomics) -> str:
    return (
        o.name + (" (preferred)" if o.preferred else "") + (" (do nothing)" if o.do_nothing else "")
    )


def _ratio_cell(bcr: float | None, verdict: str | None) -> object:
    """A ratio, or in words why there is none (costs less, dominated, not meaningful)."""
    return verdict if bcr is None and verdict else bcr


def headline_table(case: EconomicCase) -> Table | None:
    """The headline: every option against doing nothing, the Green Book's way."""
    from ..analysis.economics import NOT_MEANINGFUL_ABOVE as not_meaningful_above

    rows = []
    for o in case.options:
        rel, before = o.relative_after, o.relative_before
        if o.do_nothing:
            rows.append([o.id, _option_label(o), 0.0, 0.0, 0.0, "–", 0.0, "–", None, None])
            rows[-1] += [0.0, o.npsv_rank, o.score_rank]
            continue
        if rel is None or before is None:
            continue
        rows.append(
            [
                o.id,
                _option_label(o),
                rel.costs,
                rel.benefits,
                rel.npv,
                _ratio_cell(rel.bcr, rel.verdict),
                rel.net_public_cost,
                _ratio_cell(rel.net_public_bcr, rel.net_public_verdict),
                rel.costs_switch,
                rel.benefits_switch,
                before.npv,
                o.npsv_rank,
                o.score_rank,
            ]
        )
    if not rows:
        return None
    notes = [
        f"Against doing nothing ({case.do_nothing}): each option's present values less doing "
        f"nothing's, in {case.currency}, optimism bias included unless marked. NPSV: net "
        "present social value, the extra benefits less the extra costs. This is the headline "
        "the Green Book compares options by; each option's own figures follow.",
        case.bcr_convention,
        "'costs less': no extra cost, so the NPSV alone compares; 'dominated': more cost and "
        f"less benefit than doing nothing; 'not meaningful': a ratio over "
        f"{not_meaningful_above:g} from a tiny extra cost; 'pays for itself': cashable "
        "savings cover the extra costs.",
        "Switching values: the per cent rise in the extra costs, or change in the extra "
        "benefits, at which the NPSV reaches zero.",
    ]
    if case.rankings_agree is True:
        notes.append("Ranked by NPSV and by weighted score, the same option comes first.")
    return Table(
        f"Economic case against doing nothing ({case.do_nothing})",
        [
            "ID",
            "Option",
            "Extra PV costs",
            "Extra PV benefits",
            "NPSV",
            "BCR",
            "Net public cost",
            "BCR on net public cost",
            "Costs switch %",
            "Benefits switch %",
            "NPSV without OB",
            "NPSV rank",
            "Score rank",
        ],
        rows,
        notes,
        {c: MONEY for c in ("Extra PV costs", "Extra PV benefits", "NPSV", "Net public cost")}
        | {"BCR": 2, "BCR on net public cost": 2, "Costs switch %": 1, "Benefits switch %": 1}
        | {"NPSV without OB": MONEY},
    )


def cash_flow_table(case: EconomicCase) -> Table:
    """Every option's every year and stream, with its discount factor and present value: the
    figures behind every headline, for a spreadsheet (`psp score economics --format csv`)."""
    rows: list[list[object]] = []
    streams: tuple[str, ...] = ("capital", "revenue", "optimism_bias", "cashable")
    streams += ("non_cashable", "health", "residual")
    for o in case.options:
        for y in o.years:
            for stream in streams:
                amount = float(getattr(y, stream))
                factor = y.health_factor if stream == "health" else y.discount_factor
                sign = -1.0 if stream in ("capital", "revenue", "optimism_bias") else 1.0
                # the factor to twelve places, as text: CSV keeps numbers to four
                rows.append(
                    [o.id, y.year, stream, amount, f"{factor:.12f}", sign * amount * factor + 0.0]
                )
    return Table(
        "Economic case cash flow",
        ["option", "year", "stream", "amount", "discount_factor", "present_value"],
        rows,
        [
            "present_value is signed: costs negative, benefits positive; each option's adds "
            "up to its NPV with optimism bias, and an option's less doing nothing's is its NPSV."
        ],
    )


@score(
    "economics",
    help=(
        "for each option with `costs:` and `benefits:` by year: first the headline against "
        "the do-nothing option (extra present costs and benefits, NPSV, benefit–cost ratio "
        "or why there is none, net cost to the public sector, switching values, ranks by "
        "NPSV and by score), then each option's own present values at the Green Book's "
        "discount rates (or psp.yaml's `discount_rates`; health effects at the health rate) "
        "before and after optimism bias, a sensitivity table (±10 % and ±20 %), optimism "
        "bias at the guidance's bounds, the preferred option year by year, affordability by "
        "financial year where budget.yaml has one; then the SROI of each benefit with an "
        "`sroi:` block and the partnership's ratio, net ratio and payback against "
        "`sroi_inputs`. `--format csv` writes every option's cash flow by year and stream. "
        "See [economics.md](economics.md)."
    ),
    analyse="economics:economic_case",
    csv=cash_flow_table,
)
def economics_tables(case: EconomicCase) -> list[Table]:
    """The economic case: the headline against doing nothing, each option's own present
    values, sensitivity, optimism bias at its bounds, the preferred option by year, then the
    SROI."""
    money = {c: MONEY for c in ("PV costs", "PV benefits", "NPV", "PV costs with OB")}
    money |= {"NPV with OB": MONEY, "BCR": 2, "BCR with OB": 2, "of which health": MONEY}
    money |= {"EAC": MONEY}
    rows = [
        [
            o.id,
            _option_label(o),
            o.before_optimism.costs,
            o.before_optimism.benefits,
            o.after_optimism.health,
            o.before_optimism.npv,
            _ratio_cell(o.before_optimism.bcr, o.before_optimism.bcr_verdict),
            _uplift_text(o),
            o.after_optimism.costs,
            o.after_optimism.npv,
            _ratio_cell(o.after_optimism.bcr, o.after_optimism.bcr_verdict),
            o.equivalent_annual_cost,
        ]
        for o in case.options
    ]
    notes = [
        f"Each option's own present values, not against doing nothing, in {case.currency}, "
        f"discounted to year 0: {case.discount.source}.",
        f"Real terms in {case.price_base} prices (year 0 is {case.price_base}); every option "
        f"appraised over years 0 to {case.horizon}.",
        "EAC: equivalent annual cost, the PV of costs with OB spread evenly over years 1 to "
        "the option's own last year n at the discount rate, PV × r ÷ (1 − (1 + r)^−n).",
        f"Health effects (of which health) at the health rate: {case.health_discount.source}.",
        "BCR: present value of benefits per pound of present value of costs. OB: optimism "
        "bias added to costs.",
    ]
    for o in case.options:
        if o.uplift.basis != "none given":
            line = f"{o.id} optimism bias: {_uplift_text(o)}, {o.uplift.basis}"
            if o.uplift.lower is not None:
                line += f" (the lower bound once its risks are managed: {o.uplift.lower:g} %)"
            if o.uplift.works_duration is not None:
                line += (
                    f"; the works may also overrun by up to {o.uplift.works_duration:g} %"
                    " (not applied: move benefits later if they could)"
                )
            notes.append(line + ".")
    if any(o.uplift.project_type for o in case.options):
        notes.append(f"Optimism bias by project type: {case.optimism_source}.")
    notes.extend(case.notes)
    if case.without_streams:
        notes.append(
            "No costs or benefits by year, so not appraised: " + ", ".join(case.without_streams)
        )
    if not case.options:
        notes.append(
            "Give options costs: and benefits: by year in options.yaml to appraise them "
            "(docs/economics.md)."
        )
    own = Table(
        "Each option's own figures" if case.do_nothing else "Economic case",
        [
            "ID",
            "Option",
            "PV costs",
            "PV benefits",
            "of which health",
            "NPV",
            "BCR",
            "OB",
            "PV costs with OB",
            "NPV with OB",
            "BCR with OB",
            "EAC",
        ],
        rows,
        notes,
        money,
    )
    headline = headline_table(case)
    tables = [headline, own] if headline is not None else [own]
    against = any(o.relative_sensitivity for o in case.options)
    sens_rows = [
        [o.id, s.varied, *(c.npv for c in s.cases), s.switching_value]
        for o in case.options
        if o.has_streams and not o.do_nothing
        for s in (o.relative_sensitivity if against else o.sensitivity)
    ]
    if sens_rows:
        from ..analysis.economics import SENSITIVITY_CHANGES

        changes = [f"{c:+d} %" for c in SENSITIVITY_CHANGES]
        what = "NPSV against doing nothing" if against else "NPV"
        tables.append(
            Table(
                f"Sensitivity: {what}, with optimism bias",
                ["ID", "Varied", *changes, "Zero at %"],
                sens_rows,
                [
                    f"Each column is the {what} with the "
                    + ("extra " if against else "")
                    + "costs (or benefits) changed by that much. Zero at: the change at which "
                    "it reaches zero, the switching value (+ a rise, − a fall); – when no "
                    "change can."
                ],
                {c: MONEY for c in changes} | {"Zero at %": 1},
            )
        )
    bound_rows = [
        [o.id, c.bound, c.capital, c.revenue, c.npv, c.npsv]
        for o in case.options
        for c in o.optimism_cases
    ]
    if bound_rows:
        tables.append(
            Table(
                "Optimism bias at the guidance's bounds",
                ["ID", "Bound", "Capital %", "Revenue %", "NPV", "NPSV"],
                bound_rows,
                [
                    "Each option with a project type, with optimism bias at the guidance's "
                    "upper bound (where an appraisal starts) and lower bound (where "
                    "well-managed projects end); NPSV against doing nothing."
                ],
                {"Capital %": 1, "Revenue %": 1, "NPV": MONEY, "NPSV": MONEY},
            )
        )
    if case.affordability is not None:
        tables.append(affordability_table(case.affordability))
    shown = next((o for o in case.options if o.preferred and o.has_streams), None)
    if shown is None:
        shown = next((o for o in case.options if o.has_streams and not o.do_nothing), None)
    if shown is not None:
        tables.extend(_years_tables(shown, case))
    if case.sroi is not None:
        tables.extend(_sroi_tables(case.sroi, case.currency))
    return tables


def affordability_table(a: Affordability) -> Table:
    """The financial case's affordability: cash by financial year and the gap to fund."""
    columns = ["Financial year", "Year", "Costs", "Contingency", "Cashable savings"]
    columns += ["Net cost", "Budgeted", "Committed", "Gap", "Engaged"]
    rows = [
        [
            y.financial_year,
            y.year,
            y.costs,
            y.contingency,
            y.cashable,
            y.net_cost,
            y.budgeted,
            y.committed,
            y.gap,
            y.engaged,
        ]
        for y in a.years
    ]
    prices = (
        f"cash at {a.inflation:g} % a year inflation from {a.price_base} prices"
        if a.inflation
        else f"at {a.price_base} prices"
    )
    notes = [
        f"{a.option}'s costs and cashable savings by financial year in {a.currency}, {prices}, "
        f"not discounted; contingency {a.contingency:g} % of costs in place of optimism bias. "
        "Net cost: costs + contingency − cashable savings. Budgeted: budget.yaml's planned "
        "spend that year. Committed, Engaged: funders' money by their status, their shares of "
        "a net cost once their budget cycle funds the year, or their amount once, in the "
        "first year their budget cycle funds. Gap: the shortfall, costs + contingency less "
        "committed money, never below 0; cashable savings are not money in hand, budgeted "
        "money pays for the partnership itself and engaged money is not yet agreed, so none "
        "of them closes it.",
        *(
            f"{f.id} {f.name} ({f.status}): {f.share:g} %"
            + (f" from {f.from_year}" if f.from_year else "")
            + "."
            for f in a.funders
        ),
        *a.notes,
    ]
    return Table(
        "Affordability by financial year",
        columns,
        rows,
        notes,
        {c: MONEY for c in columns[2:]},
    )


def _years_tables(o: OptionEconomics, case: EconomicCase) -> list[Table]:
    """The option year by year: the financial case in cash, then the economic case."""
    cash_columns = ["Year", "Capital", "Revenue", "OB", "Cashable", "Net cash", "Cumulative"]
    cash_rows = [
        [
            y.year,
            y.capital,
            y.revenue,
            y.optimism_bias,
            y.cashable,
            y.net_cash,
            y.cumulative_net_cash,
        ]
        for y in o.years
    ]
    cash_notes = [
        "Net cash: cashable benefits less costs and optimism bias (OB); Cumulative: the "
        "running total, the net position at the end of each year. Not discounted."
    ]
    others = [x.id for x in case.options if x is not o and x.has_streams]
    if others:
        cash_notes.append("Other options by year: --format json (" + ", ".join(others) + ").")
    cash = Table(
        f"{o.id} financial case by year",
        cash_columns,
        cash_rows,
        cash_notes,
        {c: MONEY for c in cash_columns[1:]},
    )
    health = any(y.health for y in o.years)
    residual = any(y.residual for y in o.years)
    pv_columns = ["Year", "Factor", "Costs with OB", "Benefits"]
    pv_columns += ["Residual"] if residual else []
    pv_columns += ["Health", "Health factor"] if health else []
    pv_columns += ["Discounted net"]
    pv_rows = [
        [
            y.year,
            y.discount_factor,
            y.capital + y.revenue + y.optimism_bias,
            y.cashable + y.non_cashable,
            *([y.residual] if residual else []),
            *([y.health, y.health_factor] if health else []),
            y.discounted_net,
        ]
        for y in o.years
    ]
    pv_notes = [
        "Benefits: cashable and non-cashable"
        + ("; Residual: the residual value of its assets, a benefit" if residual else "")
        + ("; health effects at the health rate's factor" if health else "")
        + ". Discounted net: benefits less costs, each at its factor; the column adds up to "
        "the NPV with OB "
        f"({o.after_optimism.npv:,.0f} {case.currency})."
    ]
    economic = Table(
        f"{o.id} economic case by year",
        pv_columns,
        pv_rows,
        pv_notes,
        {"Factor": 4, "Health factor": 4}
        | {c: MONEY for c in pv_columns[2:] if c != "Health factor"},
    )
    return [cash, economic]


def _adjustments(b: SroiBenefit) -> str:
    values = (b.deadweight, b.displacement, b.attribution, b.drop_off)
    return " / ".join("–" if v is None else f"{v:g}" for v in values)


def _sroi_tables(sroi: SroiAnalysis, currency: str) -> list[Table]:
    rows = [
        [
            b.id,
            b.title,
            b.gross,
            _adjustments(b),
            b.duration,
            b.impact,
            b.present_value,
            b.ratio,
        ]
        for b in sroi.benefits
    ]
    notes = [
        "Quantity × proxy: one year's value before adjustment. Adjustments: deadweight / "
        "displacement / attribution / drop-off in per cent, – where left out (counted as 0). "
        "Impact: the first year's, after deadweight, displacement and attribution; each later "
        "year keeps (1 − drop-off) of the year before; year 1 is discounted one year."
    ]
    for b in sroi.benefits:
        source = b.proxy_source or "no source given"
        notes.append(f"{b.id}: {b.quantity:g} × {b.proxy:,.2f} {currency}; proxy: {source}.")
    for b in sroi.benefits:
        if b.left_out:
            notes.append(f"{b.id} leaves out {', '.join(b.left_out)} (counted as 0 %).")
    if sroi.ratio is not None and sroi.inputs is not None:
        where = "sroi_inputs" if sroi.inputs_from == "sroi_inputs" else "the benefits' inputs"
        notes.append(
            f"Partnership: present value {sroi.present_value:,.0f} {currency} against inputs "
            f"of {sroi.inputs:,.0f} ({where}): SROI {sroi.ratio:.2f} : 1, net "
            f"{sroi.net_present_value:,.0f}."
        )
        if sroi.net_ratio is not None:
            notes.append(
                f"Net SROI ratio (value less inputs, per pound of input): {sroi.net_ratio:.2f} : 1."
            )
        if sroi.payback_months is not None:
            notes.append(
                f"Payback: {sroi.payback_months:.1f} months (inputs ÷ the first year's impact "
                "a month, the SROI Guide's way)."
            )
        if sroi.sensitivity:
            cases = ", ".join(f"{s.change:+d} %: {s.ratio:.2f}" for s in sroi.sensitivity)
            notes.append(f"Ratio with every impact changed by {cases}.")
        if sroi.assumptions:
            worse = "; ".join(
                f"{x.benefit} {x.assumption.replace('_', '-')} {x.change}: {x.ratio:.2f}"
                for x in sroi.assumptions
            )
            notes.append(f"Ratio with one assumption made worse at a time: {worse}.")
        if sroi.switching_value is not None:
            notes.append(
                f"The value can fall by {sroi.switching_value:.1f} % before the ratio is 1 : 1."
                if sroi.switching_value >= 0
                else f"The value must rise by {-sroi.switching_value:.1f} % to reach 1 : 1."
            )
    else:
        notes.append(
            f"Partnership: present value {sroi.present_value:,.0f} {currency}; no ratio "
            "without inputs (sroi_inputs in benefits.yaml)."
        )
    main = Table(
        "Social return on investment",
        [
            "ID",
            "Benefit",
            "Quantity × proxy",
            "Adjustments %",
            "Years",
            "Impact",
            "Present value",
            "Ratio",
        ],
        rows,
        notes,
        {"Quantity × proxy": MONEY, "Impact": MONEY, "Present value": MONEY, "Ratio": 2},
    )
    year_rows = [
        [b.id, y.year, y.impact, y.discount_factor, y.present_value]
        for b in sroi.benefits
        for y in b.years
    ]
    by_year = Table(
        "SROI by year",
        ["ID", "Year", "Impact", "Factor", "Present value"],
        year_rows,
        [],
        {"Impact": MONEY, "Factor": 4, "Present value": MONEY},
    )
    return [main, by_year]
