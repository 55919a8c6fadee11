"""The financial case: the preferred option's costs and benefits by year with the cumulative
net position, its NPV and BCR, and the partnership's own budget, planned and actual."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ....model import BudgetLine, Project
from ...formatting import money, ratio
from ...wording import join
from .raid import fill

if TYPE_CHECKING:
    from ....analysis.economics import EconomicCase


@dataclass(frozen=True)
class Spend:
    """Planned and actual spend of a period, category or year. Actual and variance count the
    lines whose period has ended with an actual recorded; planned counts every line."""

    name: str
    planned: str
    planned_to_date: str
    actual: str
    variance: str


@dataclass(frozen=True)
class YearSpend(Spend):
    cumulative: str
    """Planned, this year and every year before it."""


@dataclass(frozen=True)
class Budget:
    """budget.yaml: by period, category and calendar year, the totals, the variance to date
    with its RAG, and what the pilot period is planned to cost."""

    has_lines: bool
    periods: tuple[Spend, ...]
    categories: tuple[Spend, ...]
    years: tuple[YearSpend, ...]
    total_planned: str
    to_date_planned: str
    to_date_actual: str
    to_date_variance: str
    to_date_variance_pct: str
    remaining: str
    rag: str
    fill: str
    reason: str
    pilot: tuple[Spend, ...]
    pilot_total: str
    has_pilot: bool


@dataclass(frozen=True)
class Year:
    """A year of the preferred option's costs and benefits."""

    year: str
    capital: str
    revenue: str
    optimism_bias: str
    costs: str
    cashable: str
    non_cashable: str
    net: str
    cumulative: str


@dataclass(frozen=True)
class Totals:
    capital: str
    revenue: str
    optimism_bias: str
    costs: str
    cashable: str
    non_cashable: str
    net: str
    cumulative: str
    pv_costs: str
    pv_benefits: str
    npv: str
    bcr: str
    npv_vs_do_nothing: str
    """The NPSV against doing nothing: the headline."""
    bcr_vs_do_nothing: str = ""
    """The ratio against doing nothing, or why there is none."""


@dataclass(frozen=True)
class AffordabilityRow:
    """A financial year of the preferred option in cash: what it costs, who pays, the gap."""

    financial_year: str
    costs: str
    contingency: str
    cashable: str
    net_cost: str
    budgeted: str
    funders: str
    gap: str


@dataclass(frozen=True)
class Financial:
    currency: str
    summary: str
    has_years: bool
    years: tuple[Year, ...]
    totals: Totals | None
    """None until options.yaml gives the preferred option's costs and benefits by year."""
    discount: str
    optimism: str
    notes: tuple[str, ...]
    budget: Budget
    affordability: tuple[AffordabilityRow, ...] = ()
    """The preferred option by financial year in cash (the full business case)."""
    affordability_notes: tuple[str, ...] = ()


def _spend(
    lines: Sequence[BudgetLine],
    as_of: date,
    key: Callable[[BudgetLine], str],
    currency: str,
    in_order: bool = False,
    financial_year_start: int = 4,
) -> list[Spend]:
    """Planned and actual spend grouped by `key(line)`, in the order the groups first appear
    or, with `in_order`, sorted."""
    from ....analysis.budget import period_range

    groups: dict[str, list[float]] = {}
    for line in lines:
        row = groups.setdefault(key(line), [0.0, 0.0, 0.0, 0.0])
        row[0] += line.planned or 0.0
        ended = period_range(line.period, financial_year_start)[1] <= as_of
        if line.actual is not None and ended:
            row[1] += line.actual
            row[2] += line.planned or 0.0
            row[3] = 1.0
    return [
        Spend(
            name=name,
            planned=money(planned, currency),
            planned_to_date=money(planned_to_date, currency) if seen else "",
            actual=money(actual, currency) if seen else "",
            variance=money(actual - planned_to_date, currency, signed=True) if seen else "",
        )
        for name, (planned, actual, planned_to_date, seen) in (
            sorted(groups.items()) if in_order else groups.items()
        )
    ]


def _category(line: BudgetLine) -> str:
    return (line.category or "other").capitalize()


def budget(project: Project, as_of: date, pilot: tuple[date | None, date | None]) -> Budget:
    from ....analysis.budget import budget_status, period_range, year_of_period
    from ....analysis.common import reporting_period
    from ....model.budget import is_financial_year

    currency = project.psp.currency
    lines = project.budget.budget
    fy = project.psp.financial_year_start
    financial = any(is_financial_year(line.period) for line in lines)

    def year(line: BudgetLine) -> str:
        """Financial years where the partnership budgets in them, else calendar years."""
        return year_of_period(line.period, fy, financial)

    status = budget_status(project, as_of, reporting_period(project).before(as_of))
    total = sum(line.planned or 0.0 for line in lines)
    start, end = pilot
    in_pilot = [
        line
        for line in lines
        if start
        and end
        and period_range(line.period, fy)[0] >= start
        and period_range(line.period, fy)[1] <= end
    ]
    by_year: dict[str, float] = {}
    for line in lines:
        by_year[year(line)] = by_year.get(year(line), 0.0) + (line.planned or 0.0)
    years, running = [], 0.0
    for row in _spend(lines, as_of, year, currency, in_order=True, financial_year_start=fy):
        running += by_year[row.name]
        years.append(YearSpend(**vars(row), cumulative=money(running, currency)))
    pct = status.to_date.variance_pct
    return Budget(
        has_lines=bool(lines),
        periods=tuple(
            _spend(lines, as_of, lambda line: line.period, currency, True, financial_year_start=fy)
        ),
        categories=tuple(_spend(lines, as_of, _category, currency, financial_year_start=fy)),
        years=tuple(years),
        total_planned=money(total, currency),
        to_date_planned=money(status.to_date.planned, currency),
        to_date_actual=money(status.to_date.actual, currency),
        to_date_variance=money(status.to_date.variance, currency, signed=True),
        to_date_variance_pct=f"{pct:+.1f}%" if pct is not None else "",
        remaining=money(total - status.to_date.planned, currency),
        rag=status.rag,
        fill=fill(status.rag),
        reason=status.reason,
        pilot=tuple(_spend(in_pilot, as_of, _category, currency, financial_year_start=fy)),
        pilot_total=money(sum(line.planned or 0.0 for line in in_pilot), currency),
        has_pilot=bool(in_pilot),
    )


GREEN_BOOK_EDITIONS: tuple[tuple[date, str], ...] = (
    (
        date(2022, 11, 18),
        "HM Treasury, The Green Book: Central Government Guidance on Appraisal and Evaluation "
        "(2022), Annex A6",
    ),
    (
        date(2020, 11, 25),
        "HM Treasury, The Green Book: Central Government Guidance on Appraisal and Evaluation "
        "(2020), Annex A6",
    ),
    (
        date(2018, 3, 1),
        "HM Treasury, The Green Book: Central Government Guidance on Appraisal and Evaluation "
        "(2018)",
    ),
    (
        date.min,
        "HM Treasury, The Green Book: Appraisal and Evaluation in Central Government (2003), "
        "Annex 6, Table 6.1",
    ),
)
"""The editions of the Green Book, newest first, from the day each was published: a paper
cites the edition in force on its date. Every edition sets the same declining schedule."""


def last_year_appraised(project: Project) -> int:
    """The last appraisal year any option has a cost or a benefit in."""
    years = [c.year for o in project.options.options for c in o.costs]
    years += [b.year for o in project.options.options for b in o.benefits]
    return max(years, default=0)


def discount_citation(project: Project, as_of: date) -> str:
    """The discount rates the appraisal used and their source, as at the paper's date: the
    Green Book edition then in force, and only the bands of years the appraisal reaches."""
    from ....analysis.economics import GREEN_BOOK_DISCOUNT, schedule_of

    schedule = schedule_of(project)
    last = last_year_appraised(project)
    bands = schedule.bands
    used = []
    for i, band in enumerate(bands):
        if band.from_year > last:
            break
        until = bands[i + 1].from_year - 1 if i + 1 < len(bands) else None
        span = (
            f"years {band.from_year} to {until}"
            if until is not None
            else (f"year {band.from_year} on")
        )
        used.append(f"{band.rate:g}% a year for {span}")
    rates = join(used)
    reach = f"this appraisal runs to year {last}"
    if schedule is GREEN_BOOK_DISCOUNT:
        source = next(text for start, text in GREEN_BOOK_EDITIONS if as_of >= start)
        rates = rates.replace(" a year", " a year in real terms", 1)
        return f"{source}: the social time preference rate of {rates} ({reach})"
    own = project.psp.discount_rates
    name = own.source if own is not None and own.source else "the partnership's own discount rates"
    return f"{name}: {rates} ({reach})"


def financial(
    project: Project,
    economics: EconomicCase,
    preferred_id: str | None,
    budget: Budget,
    as_of: date | None = None,
) -> Financial:
    """The preferred option's costs and benefits by year (from options.yaml's yearly streams),
    its NPV and BCR, and the partnership's budget."""
    currency = project.psp.currency
    when = as_of or date.today()
    chosen = next((e for e in economics.options if e.id == preferred_id and e.has_streams), None)
    years: list[Year] = []
    totals: Totals | None = None
    if chosen is not None and chosen.years:
        flows = chosen.years
        for y in flows:
            years.append(
                Year(
                    year=f"Year {y.year}",
                    capital=money(y.capital, currency),
                    revenue=money(y.revenue, currency),
                    optimism_bias=money(y.optimism_bias, currency),
                    costs=money(y.capital + y.revenue + y.optimism_bias, currency),
                    cashable=money(y.cashable, currency),
                    non_cashable=money(y.non_cashable, currency),
                    net=money(y.net_cash, currency, signed=True),
                    cumulative=money(y.cumulative_net_cash, currency, signed=True),
                )
            )
        after = chosen.after_optimism
        totals = Totals(
            capital=money(sum(y.capital for y in flows), currency),
            revenue=money(sum(y.revenue for y in flows), currency),
            optimism_bias=money(sum(y.optimism_bias for y in flows), currency),
            costs=money(sum(y.capital + y.revenue + y.optimism_bias for y in flows), currency),
            cashable=money(sum(y.cashable for y in flows), currency),
            non_cashable=money(sum(y.non_cashable for y in flows), currency),
            net=money(sum(y.net_cash for y in flows), currency, signed=True),
            cumulative=money(flows[-1].cumulative_net_cash, currency, signed=True),
            pv_costs=money(after.costs, currency),
            pv_benefits=money(after.benefits, currency),
            npv=money(after.npv, currency, signed=True),
            bcr=ratio(after.bcr),
            npv_vs_do_nothing=money(chosen.relative_after.npv, currency, signed=True)
            if chosen.relative_after
            else "",
            bcr_vs_do_nothing=(chosen.relative_after.verdict or ratio(chosen.relative_after.bcr))
            if chosen.relative_after
            else "",
        )
        credit = next((y.year for y in flows if y.cumulative_net_cash >= 0), None)
        span = (
            f"Over years {flows[0].year} to {flows[-1].year}"
            if len(flows) > 1
            else f"In year {flows[0].year}"
        )
        summary = (
            f"{span} the preferred option's capital and revenue costs, as the economic case "
            f"counts them, come to {totals.costs}, including {totals.optimism_bias} for "
            f"optimism bias, and it brings {totals.cashable} of cashable benefits: a "
            f"cumulative net position of {totals.cumulative}"
            + (f", in credit from year {credit}" if credit is not None else "")
            + "."
        )
        rel = chosen.relative_after
        base = next((o.name for o in project.options.options if o.do_nothing), "doing nothing")
        if rel is not None:
            summary += (
                f" Against doing nothing ({base}), the headline the Green Book "
                "compares options by, its net present social value (NPSV) is "
                f"{totals.npv_vs_do_nothing}"
                + (
                    f" and its benefit–cost ratio {ratio(rel.bcr)}"
                    if rel.bcr is not None
                    else f" ({rel.verdict})"
                    if rel.verdict
                    else ""
                )
                + "."
            )
        summary += (
            " On its own, not against doing nothing, its net present value is "
            f"{totals.npv}"
            + (f" and its benefit–cost ratio {totals.bcr}" if totals.bcr else "")
            + "."
        )
    else:
        option = next((o for o in project.options.options if o.id == preferred_id), None)
        covers = project.options.cost_covers
        summary = (
            f"The preferred option's estimated cost is {money(option.cost, currency)}"
            + (f", {covers}" if covers else "")
            + "; its costs and benefits by year are not yet recorded."
            if option is not None and option.cost is not None
            else "The options' costs and benefits by year are not yet recorded."
        )
        if budget.has_lines:
            summary += (
                f" The partnership's own running costs are budgeted at {budget.total_planned}."
            )
    afford = economics.affordability
    rows = tuple(
        AffordabilityRow(
            financial_year=y.financial_year,
            costs=money(y.costs, currency),
            contingency=money(y.contingency, currency),
            cashable=money(y.cashable, currency),
            net_cost=money(y.net_cost, currency, signed=True),
            budgeted=money(y.budgeted, currency),
            funders=money(y.funders, currency),
            gap=money(y.gap, currency, signed=True),
        )
        for y in (afford.years if afford and afford.option == preferred_id else [])
    )
    afford_notes: tuple[str, ...] = ()
    if afford is not None and rows:
        prices = (
            f"in cash, at {afford.inflation:g}% a year inflation from {afford.price_base} prices"
            if afford.inflation
            else f"at {afford.price_base} prices"
        )
        afford_notes = (
            f"Affordability: the preferred option by financial year {prices}, not discounted, "
            f"with a contingency of {afford.contingency:g}% of costs in place of optimism "
            "bias. Net cost is costs and contingency less cashable savings; the gap is what "
            "is left once the partnership's budget and its funders' shares are counted "
            "(negative: to spare).",
            *(
                f"{f.name}: {f.share:g}% of the net cost"
                + (f" from {f.from_year}" if f.from_year else "")
                + f" ({f.status})."
                for f in afford.funders
            ),
            *_affordability_notes(project, afford.price_base),
        )
    return Financial(
        affordability=rows,
        affordability_notes=afford_notes,
        currency=currency,
        summary=summary,
        has_years=bool(years),
        years=tuple(years),
        totals=totals,
        discount=discount_citation(project, when),
        optimism=economics.optimism_source,
        notes=economic_notes(project, economics.notes),
        budget=budget,
    )


def _affordability_notes(project: Project, price_base: str) -> list[str]:
    """What the affordability table assumes where the partners have not said, in words a
    finance officer reads: year 0, prices, contingency, funders without a share."""
    options = project.options
    notes = []
    chosen = next((o for o in options.options if o.id == options.preferred), None)
    nominal = chosen is not None and chosen.prices == "nominal" and options.gdp_deflators
    if nominal:
        notes.append(
            "The preferred option's amounts are in nominal prices: each is counted as the "
            "cash of its year, as written."
        )
    if not options.price_base:
        pilot = project.psp.pilot
        anchor = "pilot" if pilot is not None and pilot.start else "partnership"
        notes.append(f"Year 0 is {price_base}, the financial year the {anchor} starts in.")
    if options.inflation is None and not nominal:
        notes.append(f"No inflation is applied: the cash figures are at {price_base} prices.")
    if options.contingency is None:
        notes.append("No contingency is set aside.")
    unshared = [f.name for f in project.sustainability.funders if f.share is None]
    if unshared:
        notes.append(
            "The share of the net cost each funder meets is not yet agreed for "
            + join(unshared)
            + ", so "
            + ("its funding is" if len(unshared) == 1 else "their funding is")
            + " not counted in the Funders column."
        )
    return notes


def economic_notes(project: Project, notes: Sequence[str]) -> tuple[str, ...]:
    """The economic case's notes as a paper prints them: options by name, and none that
    speaks of the folder's files or keys (the readiness warnings say those)."""
    import re

    names = {o.id: o.name for o in project.options.options}
    out = []
    for note in notes:
        if ".yaml" in note or ": true" in note or "_" in note:
            continue
        out.append(re.sub(r"\b[A-Za-z][\w-]*\b", lambda m: names.get(m.group(0), m.group(0)), note))
    return tuple(out)
