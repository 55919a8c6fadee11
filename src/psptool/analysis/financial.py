"""The financial case's affordability: the preferred option's cash by financial year in
nominal prices, with contingency in place of optimism bias, what its funders are expected to
meet once their budget cycles have set the money aside, and the shortfall left each year
(cashable savings and the partnership's own budget beside it, not counted as money).

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
class FunderAmount:
    """A funder's amount, counted once in the financial year it is for."""

    id: str
    name: str
    status: str
    amount: float
    financial_year: str | None
    """The first financial year its budget decision funds; None without a decision date."""
    counted: bool
    """Whether the table counts it: money (not in kind) for the appraised costs, engaged or
    committed, and its year in the table."""
    in_kind: bool = False
    service: bool = False
    """It pays for the service's own running cost (`pays_for: service`), not the appraised
    costs: never counted against them, stated apart."""


@dataclass
class AffordabilityYear:
    financial_year: str
    year: int
    """The appraisal year (0 is the price base; a year before it, where the partnership's
    budget starts earlier, is negative and has no costs or savings)."""
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
    committed: float = 0.0
    """Committed funders' money for the year: their shares of a positive net cost once
    their budget cycle funds the year, and their amounts in the year they are for."""
    engaged: float = 0.0
    """The same for funders engaged but not yet committed: kept apart, not in the gap."""
    closed: bool = False
    """The financial year ended on or before the as-of date: its money is spent."""
    actual: float | None = None
    """In a closed year, budget.yaml's actual spend in it (None where none is recorded)."""

    funders: float = field(init=False)
    """Committed and engaged together."""
    to_fund: float = field(init=False)
    """Costs + contingency: the money the option needs in the year."""
    gap: float = field(init=False)
    """The shortfall: what committed funding does not meet of the money the option needs,
    never below 0 (0: none). Only committed money pays: cashable savings are spend the
    partners expect to stop, not money in hand; the partnership's running budget pays for
    the partnership, not the service; engaged money is not yet agreed. None of them closes
    the shortfall, and the paper shows the savings and engaged money beside it."""

    def __post_init__(self) -> None:
        self.funders = self.committed + self.engaged
        self.to_fund = self.costs + self.contingency
        self.gap = max(0.0, self.to_fund - self.committed)


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
    amounts: list[FunderAmount] = field(default_factory=list)
    """Funders without a share, by the amount they fund and its year."""


def _next_year(label: str) -> str:
    first = int(label[:4]) + 1
    if "/" not in label:  # a financial year starting in January is the calendar year
        return str(first)
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


def first_funded_year(cycle: date, start_month: int = 4) -> str:
    """A budget set on `cycle` funds the first financial year that starts after it."""
    return _next_year(financial_year_of(cycle, start_month))


def affordability(
    project: Project, option_id: str | None = None, as_of: date | None = None
) -> Affordability | None:
    """The affordability case of `option_id` (default the preferred option), or None when it
    has no costs or benefits by year. Every financial year from the first of the appraisal
    or the budget to the last of either is a row, so each budget line is counted once; with
    `as_of`, the years that have ended are marked closed, with their actual spend."""
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
    budgeted: dict[str, float] = {}
    spent: dict[str, float] = {}
    for line in project.budget.budget:
        fy = financial_year_of(period_range(line.period, month)[1], month)
        budgeted[fy] = budgeted.get(fy, 0.0) + (line.planned or 0.0)
        if line.actual is not None:
            spent[fy] = spent.get(fy, 0.0) + line.actual
    labels = [base]
    for _ in range(last):
        labels.append(_next_year(labels[-1]))
    before = sorted(fy for fy in budgeted if fy < base)
    while before and labels[0] > before[0]:
        labels.insert(0, _previous_year(labels[0]))
    while budgeted and labels[-1] < max(budgeted):
        labels.append(_next_year(labels[-1]))
    zero = labels.index(base)
    funders = [
        FunderShare(
            f.id,
            f.name,
            f.status,
            f.share,
            first_funded_year(f.budget_cycle, month) if f.budget_cycle else None,
        )
        for f in project.sustainability.funders
        if f.share is not None and f.status in ("engaged", "committed") and not f.in_kind
    ]
    amounts = []
    for f in project.sustainability.funders:
        if f.share is not None or f.amount is None:
            continue
        year = first_funded_year(f.budget_cycle, month) if f.budget_cycle else None
        service = f.pays_for == "service"
        counted = (
            f.status in ("engaged", "committed")
            and year in labels
            and not f.in_kind
            and not service
        )
        amounts.append(
            FunderAmount(f.id, f.name, f.status, f.amount, year, counted, f.in_kind, service)
        )
    unplaced = [
        f.id for f in project.sustainability.funders if f.share is None and f.amount is None
    ]
    if unplaced:
        notes.append(
            "No share or amount given for " + ", ".join(unplaced) + " (share or amount in "
            "sustainability.yaml): not counted."
        )
    rows = []
    deflators = opts.gdp_deflators.index if opts.gdp_deflators is not None else {}
    for position, label in enumerate(labels):
        y = position - zero
        costs, cashable = by_year.get(y, [0.0, 0.0])
        if nominal and label in deflators:  # already cash; the index is the deflators' rise
            index = deflators[label] / deflators[base]
            cash_costs, cash_savings = costs, cashable
        else:
            index = (1 + inflation / 100) ** y
            cash_costs, cash_savings = costs * index, cashable * index
        reserve = cash_costs * contingency / 100
        net = cash_costs + reserve - cash_savings
        money = {"committed": 0.0, "engaged": 0.0}
        for share in funders:
            if net > 0 and (share.from_year is None or share.from_year <= label):
                money[share.status] += share.share / 100 * net
        for amount in amounts:
            if amount.counted and amount.financial_year == label:
                money[amount.status] += amount.amount
        closed = as_of is not None and period_range(label, month)[1] <= as_of
        rows.append(
            AffordabilityYear(
                label,
                y,
                index,
                cash_costs,
                reserve,
                cash_savings,
                net,
                budgeted.get(label, 0.0),
                money["committed"],
                money["engaged"],
                closed,
                spent.get(label) if closed else None,
            )
        )
    return Affordability(
        chosen.id,
        project.psp.currency,
        base,
        inflation,
        contingency,
        rows,
        funders,
        notes,
        amounts,
    )


def _previous_year(label: str) -> str:
    first = int(label[:4]) - 1
    if "/" not in label:
        return str(first)
    return f"{first}/{(first + 1) % 100:02d}"
