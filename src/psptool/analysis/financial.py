"""The financial case's affordability: the preferred option's cash by financial year in
nominal prices, with contingency in place of optimism bias, what its funders are expected to
meet once their budget cycles have set the money aside, the partnership's own budget, and the
gap left to fund each year.

The economic case (analysis.economics) asks whether an option is worth doing; this asks whether
the partners can pay for it, year by year, in the money they will actually spend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Project
from .budget import financial_year_of, period_range


@dataclass
class FunderShare:
    id: str
    name: str
    status: str
    share: float
    from_year: str | None
    """The first financial year its budget cycle funds; None when no cycle is given."""


@dataclass
class AffordabilityYear:
    financial_year: str
    year: int
    """The appraisal year (0 is the price base)."""
    price_index: float
    """(1 + inflation) ** year: year-0 prices to cash."""
    costs: float
    """Capital and revenue in cash."""
    contingency: float
    cashable: float
    """Cashable savings in cash."""
    net_cost: float
    """Costs + contingency − cashable savings: what the year costs the partners in cash."""
    budgeted: float
    """budget.yaml's planned spend in the financial year."""
    funders: float
    """Funders' shares of a positive net cost, once their budget cycle funds the year."""
    gap: float
    """Net cost − budgeted − funders: what is still to be found (negative: to spare)."""


@dataclass
class Affordability:
    option: str
    currency: str
    price_base: str
    inflation: float
    contingency: float
    years: list[AffordabilityYear]
    funders: list[FunderShare]
    notes: list[str] = field(default_factory=list)


def _next_year(label: str) -> str:
    first = int(label[:4]) + 1
    return f"{first}/{(first + 1) % 100:02d}"


def price_base_of(project: Project) -> tuple[str, str | None]:
    """The financial year of appraisal year 0, whose prices the figures are in: options.yaml's
    `price_base`, else the financial year the pilot (else the partnership) starts in; with a
    note saying so when it was not stated."""
    opts = project.options
    if opts.price_base:
        return opts.price_base, None
    month = project.psp.financial_year_start
    anchor = (project.psp.pilot.start if project.psp.pilot else None) or project.psp.start
    base = financial_year_of(anchor, month) if anchor else financial_year_of(date.today())
    note = (
        f"Year 0 is taken as {base}, the financial year the "
        + ("pilot" if project.psp.pilot and project.psp.pilot.start else "partnership")
        + " starts in (price_base in options.yaml to set it)."
    )
    return base, note


def _first_funded_year(cycle: date, start_month: int) -> str:
    """A budget set on `cycle` funds the first financial year that starts after it."""
    return _next_year(financial_year_of(cycle, start_month))


def affordability(project: Project, option_id: str | None = None) -> Affordability | None:
    """The affordability case of `option_id` (default the preferred option), or None when it
    has no costs or benefits by year."""
    opts = project.options
    chosen = next((o for o in opts.options if o.id == (option_id or opts.preferred)), None)
    if chosen is None or not (chosen.costs or chosen.benefits):
        return None
    month = project.psp.financial_year_start
    base, base_note = price_base_of(project)
    notes: list[str] = [] if base_note is None else [base_note]
    nominal = chosen.prices == "nominal" and opts.gdp_deflators is not None
    inflation = opts.inflation or 0.0
    if nominal:
        notes.append(
            f"{chosen.id} is written in nominal prices: its amounts are counted as the cash "
            "of each year, as written (inflation is not applied)."
        )
    elif opts.inflation is None:
        notes.append(
            "No inflation is given (inflation in options.yaml, such as the GDP deflator "
            "forecast), so the cash figures are at year-0 prices."
        )
    contingency = opts.contingency or 0.0
    if opts.contingency is None:
        notes.append("No contingency is given (contingency in options.yaml, per cent of costs).")
    by_year: dict[int, list[float]] = {}
    last = max([c.year for c in chosen.costs] + [b.year for b in chosen.benefits] + [0])
    for y in range(last + 1):
        by_year[y] = [0.0, 0.0]
    for cost in chosen.costs:
        by_year[cost.year][0] += cost.capital + cost.revenue
    for benefit in chosen.benefits:
        by_year[benefit.year][1] += benefit.cashable
    labels = [base]
    for _ in range(last):
        labels.append(_next_year(labels[-1]))
    budgeted: dict[str, float] = {}
    for line in project.budget.budget:
        fy = financial_year_of(period_range(line.period, month)[1], month)
        budgeted[fy] = budgeted.get(fy, 0.0) + (line.planned or 0.0)
    funders = [
        FunderShare(
            f.id,
            f.name,
            f.status,
            f.share,
            _first_funded_year(f.budget_cycle, month) if f.budget_cycle else None,
        )
        for f in project.sustainability.funders
        if f.share is not None
    ]
    unshared = [f.id for f in project.sustainability.funders if f.share is None]
    if unshared:
        notes.append(
            "No share given for " + ", ".join(unshared) + " (share in sustainability.yaml): "
            "not counted."
        )
    rows = []
    deflators = opts.gdp_deflators.index if opts.gdp_deflators is not None else {}
    for y, (costs, cashable) in by_year.items():
        if nominal:  # already cash; the index is what the deflators say prices rose by
            index = deflators[labels[y]] / deflators[base]
            cash_costs, cash_savings = costs, cashable
        else:
            index = (1 + inflation / 100) ** y
            cash_costs, cash_savings = costs * index, cashable * index
        reserve = cash_costs * contingency / 100
        net = cash_costs + reserve - cash_savings
        label = labels[y]
        met = sum(
            f.share / 100 * net
            for f in funders
            if net > 0 and (f.from_year is None or f.from_year <= label)
        )
        planned = budgeted.get(label, 0.0)
        rows.append(
            AffordabilityYear(
                label,
                y,
                index,
                cash_costs,
                reserve,
                cash_savings,
                net,
                planned,
                met,
                net - planned - met,
            )
        )
    return Affordability(
        chosen.id, project.psp.currency, base, inflation, contingency, rows, funders, notes
    )
