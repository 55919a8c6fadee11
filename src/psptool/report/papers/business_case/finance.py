"""The financial case: the preferred option's costs and benefits by year with the cumulative
net position, its NPV and BCR, and the partnership's own budget, planned and actual."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ....model import BudgetLine, Project
from ...formatting import long_date, money, ratio
from ...wording import join
from .options import against_doing_nothing, no_ratio, said
from .raid import fill

if TYPE_CHECKING:
    from ....analysis.economics import EconomicCase
    from ....analysis.financial import Affordability, AffordabilityYear


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
    """By financial year (April to March, or as `financial_year_start` says), every year
    from the first to the last."""
    total_planned: str
    to_date_planned: str
    to_date_actual: str
    to_date_variance: str
    to_date_variance_pct: str
    remaining: str
    rag: str
    fill: str
    reason: str
    """Spend to date against plan in words, as the highlight report says it (analysis.budget's
    variance_words): "£20 under plan", "2.7% over plan (£500)"."""
    pilot: tuple[Spend, ...]
    pilot_total: str
    has_pilot: bool
    months: str = "April to March"
    """The months of the financial year, first to last."""
    period_kind: str = "Period"
    """What each of `periods` is: Quarter, Month, Year, or Period where they are mixed."""


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
    """A financial year still open (or the total of them) of the preferred option in cash:
    the money it needs, the funding committed to it and the shortfall. Across: to fund =
    costs + contingency; shortfall = to fund − committed, "Nil" when the committed money
    meets it. Engaged funding and cashable savings are shown apart: neither is money in
    hand."""

    financial_year: str
    costs: str
    contingency: str
    to_fund: str
    committed: str
    shortfall: str
    engaged: str
    cashable: str


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
    """The preferred option by financial year in cash, the years still open (the full
    business case)."""
    affordability_total: AffordabilityRow | None = None
    """The sum of the rows shown."""
    affordability_closed: str = ""
    """The years already closed, with what was spent in them: they have no gap."""
    affordability_notes: tuple[str, ...] = ()
    late_decisions: tuple[str, ...] = ()
    """Each funder whose budget decision falls after the milestone that commits the spend,
    in a sentence (PSP309)."""
    savings_measured: tuple[str, ...] = ()
    """Each cashable benefit of the register at its latest measurement, in a sentence: the
    evidence beside the appraisal's estimated savings (the full business case)."""
    no_funders: str = ""
    """Where no future funder is recorded: that, and which public partners are willing to
    consider funding the service."""
    no_funding: str = ""
    """Where no funder has engaged or committed money: that, and who is identified or
    willing to consider it."""
    headline: str = ""
    """The summary as the executive summary gives it: what the costs pay for named in it."""
    costs_for: str = ""
    """What each of the preferred option's costs pays for, by year, in a sentence below the
    table of costs and benefits by year."""
    affordability_summary: str = ""
    """The financial summary's sentence on affordability (the full business case): committed,
    engaged and the shortfall against the costs still to fund, and each funder of the
    service's own running cost with its budget decision."""
    shortfall_decision: str = ""
    """The decision the full business case asks for where the costs still to fund have a
    shortfall: find its funding, naming the amount and the years, or accept the gap."""
    unfunded_after: str = ""
    """Where the service's own running cost is funded only for some of the appraisal's
    years: that no funding is engaged or committed for the years after them."""
    who_pays: str = ""
    """The outline business case's sentence on who pays: the funding of the option's
    appraised costs, each funder of the service's running cost, and psp.yaml's funding."""
    in_kind: str = ""
    """Support in kind in a clause: "support in kind worth £8,000 comes from IRISS and CCPS"."""
    affordability_nil: bool = False
    """Whether any row of the affordability table shows a Nil shortfall, so the note on the
    table explains the word only where it is used."""


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
            planned_to_date=money(planned_to_date, currency) if seen else NOT_YET,
            actual=money(actual, currency) if seen else NOT_YET,
            variance=cell_variance(actual - planned_to_date, currency) if seen else NOT_YET,
        )
        for name, (planned, actual, planned_to_date, seen) in (
            sorted(groups.items()) if in_order else groups.items()
        )
    ]


NOT_YET = "–"
"""A period still to come has no spend to date: a dash, so the row prints as the others."""


def cell_variance(variance: float, currency: str) -> str:
    """A variance as a table cell says it: analysis.budget's words, "£500 over plan", "£20
    under plan", with a capital "On plan"."""
    from ....analysis.budget import variance_words

    words = variance_words(variance, None, currency)
    return words[:1].upper() + words[1:]


def _category(line: BudgetLine) -> str:
    return (line.category or "other").capitalize()


def budget(project: Project, as_of: date, pilot: tuple[date | None, date | None]) -> Budget:
    from ....analysis.budget import budget_status, period_range, variance_words, year_of_period
    from ....analysis.common import reporting_period

    currency = project.psp.currency
    lines = project.budget.budget
    fy = project.psp.financial_year_start

    def year(line: BudgetLine) -> str:
        """The financial year the line's period ends in: councils budget April to March."""
        return year_of_period(line.period, fy, True)

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
    spent = {
        row.name: row
        for row in _spend(lines, as_of, year, currency, in_order=True, financial_year_start=fy)
    }
    for name in _every_year(sorted(by_year)):
        running += by_year.get(name, 0.0)
        row = spent.get(name) or Spend(name, money(0, currency), NOT_YET, NOT_YET, NOT_YET)
        years.append(YearSpend(**vars(row), cumulative=money(running, currency)))
    kinds = {_period_kind(line.period) for line in lines}
    pct = status.to_date.variance_pct
    return Budget(
        has_lines=bool(lines),
        periods=tuple(
            replace(row, name=period_words(row.name, fy))
            for row in _spend(
                lines, as_of, lambda line: line.period, currency, True, financial_year_start=fy
            )
        )
        if kinds != {"Financial year"}
        else (),
        period_kind=kinds.pop() if len(kinds) == 1 else "Period",
        months=f"{date(2000, fy, 1):%B} to {date(2000, (fy - 2) % 12 + 1, 1):%B}",
        categories=tuple(_spend(lines, as_of, _category, currency, financial_year_start=fy)),
        years=tuple(years),
        total_planned=money(total, currency),
        to_date_planned=money(status.to_date.planned, currency),
        to_date_actual=money(status.to_date.actual, currency),
        to_date_variance=cell_variance(status.to_date.variance, currency),
        to_date_variance_pct=f"{pct:+.1f}%" if pct is not None else "",
        remaining=money(total - status.to_date.planned, currency),
        rag=status.rag,
        fill=fill(status.rag),
        reason=variance_words(status.to_date.variance, pct, currency),
        pilot=tuple(_spend(in_pilot, as_of, _category, currency, financial_year_start=fy)),
        pilot_total=money(sum(line.planned or 0.0 for line in in_pilot), currency),
        has_pilot=bool(in_pilot),
    )


def _every_year(names: Sequence[str]) -> list[str]:
    """Every financial year from the first of `names` to the last, a year without lines
    included."""
    if not names:
        return []
    first, last = int(names[0][:4]), int(names[-1][:4])
    calendar = "/" not in names[0]
    return [str(y) if calendar else f"{y}/{(y + 1) % 100:02d}" for y in range(first, last + 1)]


def _period_kind(period: str) -> str:
    from ....model.budget import is_financial_year

    if is_financial_year(period):
        return "Quarter" if "-Q" in period else "Financial year"
    if len(period) == 4:
        return "Year"
    return "Quarter" if period[5] == "Q" else "Month"


def period_words(period: str, financial_year_start: int = 4) -> str:
    """A budget period as a reader names it, whatever way it is written: `2010-Q1` is
    "January to March 2010" (a council's first quarter is April to June, so a calendar
    quarter is named by its months), `2011/12-Q1` "April to June 2011", `2011-04`
    "April 2011", `2011/12` itself."""
    from ....analysis.budget import period_range

    kind = _period_kind(period)
    if kind == "Financial year":
        return period
    start, end = period_range(period, financial_year_start)
    if kind == "Month":
        return f"{start:%B %Y}"
    if start.year == end.year:
        return f"{start:%B} to {end:%B %Y}"
    return f"{start:%B %Y} to {end:%B %Y}"


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
    appraisal: str = "the options appraisal",
) -> Financial:
    """The preferred option's costs and benefits by year (from options.yaml's yearly streams),
    its NPV and BCR, and the partnership's budget. `appraisal` names the section that counts
    the costs: "the options appraisal (section 4)"."""
    from ....analysis.financial import price_base_of

    base = price_base_of(project)[0]
    currency = project.psp.currency
    when = as_of or date.today()
    chosen = next((e for e in economics.options if e.id == preferred_id and e.has_streams), None)
    years: list[Year] = []
    totals: Totals | None = None
    uses = lead = labelled = ""
    if chosen is not None and chosen.years:
        flows = chosen.years
        for y in flows:
            years.append(
                Year(
                    year=f"Year {y.year} ({year_name(base, y.year)})",
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
            bcr_vs_do_nothing=(
                no_ratio(chosen.relative_after.verdict)
                if chosen.relative_after.verdict
                else ratio(chosen.relative_after.bcr)
            )
            if chosen.relative_after
            else "",
        )
        credit = next((y.year for y in flows if y.cumulative_net_cash >= 0), None)
        span = years_words(flows[0].year, flows[-1].year, base)
        option = next((o for o in project.options.options if o.id == preferred_id), None)
        streams = _costs_cover(option)
        uses = costs_for(cost_uses(option), base, currency)
        lead = f"{'Over' if len(flows) > 1 else 'In'} {span} the preferred option's capital and "
        lead += "revenue costs"
        # The executive summary names what the costs pay for; the financial case has the
        # sentence below its table instead (costs_for), year by year.
        labelled = lead + (f" ({streams})" if streams else "")
        summary = (
            lead + f", as {appraisal} counts them, come to {totals.costs}, including "
            f"{totals.optimism_bias} for optimism bias, and it brings {totals.cashable} of "
            "cashable benefits: a "
            f"cumulative net cash position of {said(flows[-1].cumulative_net_cash, currency)}, "
            "not discounted"
            + (f", in credit from {year_name(base, credit)}" if credit is not None else "")
            + "."
        )
        rel = chosen.relative_after
        base = next((o.name for o in project.options.options if o.do_nothing), "")
        if rel is not None:
            summary += (
                f" Against {against_doing_nothing(base)}, its net present social value "
                f"(NPSV), the appraisal's headline, is {said(rel.npv, currency)}"
                + (
                    f" and its benefit–cost ratio {ratio(rel.bcr)}"
                    if rel.bcr is not None
                    else f" ({no_ratio(rel.verdict)})"
                    if rel.verdict
                    else ""
                )
                + "."
            )
        summary += (
            " On its own, not against doing nothing, its net present value is "
            f"{said(after.npv, currency)}"
            + (f" and its benefit–cost ratio {totals.bcr}" if totals.bcr else "")
            + "."
        )
        cash = flows[-1].cumulative_net_cash
        non_cash = sum(y.non_cashable for y in flows)
        if after.npv > cash and non_cash > 0:
            summary += (
                f" The net present value is above the cash position of {said(cash, currency)} "
                f"because it also counts the {totals.non_cashable} of non-cashable benefits, "
                "which are valued but are not cash; discounting makes later years count for "
                "less."
            )
        if option is not None and option.cost is not None:
            what = project.options.cost_covers
            summary += (
                f" The option's estimated cost of {money(option.cost, currency)} is a "
                "different figure: "
                + (what if what else "what it covers is not yet recorded")
                + "."
            )
    else:
        option = next((o for o in project.options.options if o.id == preferred_id), None)
        covers = project.options.cost_covers
        summary = (
            f"The preferred option's estimated cost is {money(option.cost, currency)}"
            + (
                f", {covers}; its costs and benefits by year are not yet recorded."
                if covers
                else "; what it covers, and its costs and benefits by year, are not yet recorded."
            )
            if option is not None and option.cost is not None
            else "The options' costs and benefits by year are not yet recorded."
        )
        if budget.has_lines:
            summary += (
                f" The partnership's own running costs are budgeted at {budget.total_planned}."
            )
    from ....analysis.financial import affordability

    afford = affordability(project, preferred_id, when) if preferred_id else None
    rows, total, closed, afford_notes = _affordability(project, afford, currency)
    unfunded = unfunded_after(project, afford)
    return Financial(
        headline=labelled + summary[len(lead) :] if labelled else summary,
        costs_for=uses,
        affordability_summary=affordability_summary(project, preferred_id, when),
        affordability_nil=any(r.shortfall == "Nil" for r in (*rows, *([total] if total else []))),
        affordability=rows,
        affordability_total=total,
        affordability_closed=closed,
        affordability_notes=afford_notes + ((unfunded,) if unfunded else ()),
        shortfall_decision=shortfall_decision(project, afford, currency) if afford else "",
        unfunded_after=unfunded,
        who_pays=who_pays(project, afford, currency),
        in_kind=in_kind_words(project),
        late_decisions=late_decisions(project),
        savings_measured=savings_measured(project, when) if years else (),
        no_funders=no_funders(project),
        no_funding=no_funding(project),
        currency=currency,
        summary=summary,
        has_years=bool(years),
        years=tuple(years),
        totals=totals,
        discount=discount_citation(project, when),
        optimism=economics.optimism_source + optimism_rates(economics),
        notes=economic_notes(project, economics.notes),
        budget=budget,
    )


def optimism_rates(economics: EconomicCase) -> str:
    """The optimism bias each option's costs carry, after the guidance's citation, no full
    stop: "; the rates used: Multi-provider framework agreement, 50% on capital and 15% on
    revenue costs; ...". Empty where no option has costs by year."""
    parts = []
    for e in economics.options:
        if not e.has_streams:
            continue
        u = e.uplift
        if u.capital and u.revenue:
            rate = (
                f"{u.capital:g}% on capital and revenue costs"
                if u.capital == u.revenue
                else f"{u.capital:g}% on capital and {u.revenue:g}% on revenue costs"
            )
        elif u.capital or u.revenue:
            rate = f"{u.capital or u.revenue:g}% on {'capital' if u.capital else 'revenue'} costs"
        else:
            rate = "none"
        if u.basis.startswith("upper bound"):
            rate += f", the guidance's {u.basis}"
        parts.append(f"{e.name}, {rate}")
    return "; the rates used: " + "; ".join(parts) if parts else ""


def _open_gaps(afford: Affordability) -> list[AffordabilityYear]:
    return [y for y in afford.years if not y.closed and round(y.gap) > 0]


def _open_costs(afford: Affordability) -> list[AffordabilityYear]:
    """The years still open with costs left to fund after the budget."""
    return [y for y in afford.years if not y.closed and round(y.to_fund) > 0]


def _span(rows: list[AffordabilityYear]) -> str:
    """The financial years `rows` run over, as a sentence gives them: "2011/12 to 2015/16",
    or the one year."""
    first, last = rows[0].financial_year, rows[-1].financial_year
    return first if first == last else f"{first} to {last}"


def shortfall_decision(project: Project, afford: Affordability, currency: str) -> str:
    """The decision to close the shortfall in the preferred option's costs still to fund,
    no full stop: "Agree where the £125,000 shortfall for contract and outcome monitoring
    (£25,000 a year, 2011/12 to 2015/16) is to come from, or accept the gap". Empty where
    committed funding meets the costs."""
    rows = _open_gaps(afford)
    if not rows:
        return ""
    gap = sum(y.gap for y in rows)
    span = _span(rows)
    each = {round(y.gap) for y in rows}
    when = (
        f"{money(rows[0].gap, currency)} a year, {span}"
        if len(rows) > 1 and len(each) == 1
        else span
    )
    option = next((o for o in project.options.options if o.id == afford.option), None)
    years = {y.year for y in rows}
    labels: list[str] = []
    for use in cost_uses(option):
        if use.label and use.label not in labels and years & set(range(use.first, use.last + 1)):
            labels.append(use.label)
    what = f" for {join(labels)}" if labels else ""
    return (
        f"Agree where the {money(gap, currency)} shortfall{what} ({when}) is to come from, "
        "or accept the gap"
    )


def unfunded_after(project: Project, afford: Affordability | None) -> str:
    """Where the service's own running cost has engaged or committed funding for some
    financial years but the appraisal runs on after the last of them: "No funding is committed
    or engaged for external foster placements from 2013/14 onward (the appraisal runs to
    2015/16)." Empty otherwise."""
    from ....analysis.financial import first_funded_year

    if afford is None or not afford.years:
        return ""
    order = [y.financial_year for y in afford.years]
    funded: dict[str, int] = {}
    for f in project.sustainability.funders:
        if f.pays_for != "service" or f.in_kind or f.status not in ("engaged", "committed"):
            continue
        if f.budget_cycle is None:
            continue
        year = first_funded_year(f.budget_cycle, project.psp.financial_year_start)
        if year in order:
            what = f.covers or "the service itself"
            funded[what] = max(funded.get(what, -1), order.index(year))
    out = []
    for what, last in funded.items():
        if last + 1 < len(order):
            out.append(
                f"No funding is committed or engaged for {what} from {order[last + 1]} onward "
                f"(the appraisal runs to {order[-1]})."
            )
    return " ".join(out)


def in_kind_words(project: Project) -> str:
    """Support in kind engaged or committed, in a clause; empty where there is none."""
    givers = [
        f
        for f in project.sustainability.funders
        if f.in_kind and f.status in ("engaged", "committed")
    ]
    if not givers:
        return ""
    worth = money(sum(f.amount or 0.0 for f in givers), project.psp.currency)
    return f"support in kind worth {worth} comes from {join([f.name for f in givers])}"


def who_pays(project: Project, afford: Affordability | None, currency: str) -> str:
    """The outline business case's sentences on who pays: the funding of the preferred
    option's appraised costs (or that none is recorded), each funder engaged or committed
    for the service's own running cost, then the partnership's funding as psp.yaml gives it
    (or that it is not recorded)."""
    clauses = []
    costs = _costs_funding(project, afford, currency) if afford is not None else ""
    rows = _open_costs(afford) if afford else []
    if costs.endswith("has no committed or engaged funding") and rows:
        span = _span(rows)
        total = money(sum(y.to_fund for y in rows), currency)
        # the partnership's own funding (psp.yaml, below) may meet some of the same costs
        # (a lead officer's time, say): the funders record none, which is not "none at all"
        costs = (
            "the partners have not yet recorded which of the preferred option's appraised "
            f"costs ({total} for {span}, without optimism bias) their own funding, below, "
            "meets, and no other funder has committed or engaged money for them"
        )
    if costs:
        clauses.append(costs)
    clauses += _service_funding(project)
    text = "Who pays: " + "; ".join(clauses) + "." if clauses else ""
    funding = " ".join(first_sentences((project.psp.funding or "").strip(), 2))
    text += " " + (
        funding
        if funding
        else "Which budget meets the partnership's own running costs is not recorded."
    )
    return text.strip()


def first_sentences(text: str, n: int) -> list[str]:
    """The first `n` sentences of `text`, each with its full stop."""
    import re

    parts = [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if p]
    return parts[:n]


def _costs_cover(option: object) -> str:
    """What the option's yearly costs are for, from their notes, each once, in order:
    "shared outcome-monitoring system; lead officer, procurement, training"."""
    notes: list[str] = []
    for line in getattr(option, "costs", None) or ():
        note = (line.note or "").strip()
        if note and note not in notes:
            notes.append(note)
    return "; ".join(notes)


def _affordability(
    project: Project, afford: Affordability | None, currency: str
) -> tuple[tuple[AffordabilityRow, ...], AffordabilityRow | None, str, tuple[str, ...]]:
    """The affordability table's open years, their total, the sentence on the closed years
    and the notes that say what the table assumes."""
    if afford is None:
        return (), None, "", ()
    open_years = [y for y in afford.years if not y.closed]
    closed = [y for y in afford.years if y.closed]

    def row(name: str, years: Sequence[AffordabilityYear]) -> AffordabilityRow:
        def total(value: Callable[[AffordabilityYear], float]) -> str:
            return money(sum(value(y) for y in years), currency)

        short = sum(y.gap for y in years)
        return AffordabilityRow(
            financial_year=name,
            costs=total(lambda y: y.costs),
            contingency=total(lambda y: y.contingency),
            to_fund=total(lambda y: y.to_fund),
            committed=total(lambda y: y.committed),
            shortfall=money(short, currency) if round(short) > 0 else "Nil",
            engaged=total(lambda y: y.engaged),
            cashable=total(lambda y: y.cashable),
        )

    rows = tuple(row(y.financial_year, [y]) for y in open_years)
    total = row("Total", open_years) if open_years else None
    return rows, total, _closed_years(closed, currency), _affordability_notes(project, afford)


def _closed_years(closed: Sequence[AffordabilityYear], currency: str) -> str:
    """The financial years already ended: what the budget planned and what was spent, over or
    under plan; and the appraisal years among them, whose estimated costs the table leaves
    out, said to be estimates and not the partnership's budget."""
    from ....analysis.budget import variance_words

    if not closed:
        return ""
    names = join([y.financial_year for y in closed])
    planned = sum(y.budgeted for y in closed)
    spent = [y.actual for y in closed if y.actual is not None]
    one = len(closed) == 1
    it = "it" if one else "them"
    text = f"{names} {'has' if one else 'have'} closed, so the table leaves {it} out. "
    text += f"The partnership's budget planned {money(planned, currency)} for {it}"
    if spent:
        over = sum(spent) - planned
        pct = 100 * over / planned if planned else None
        text += (
            f" and {money(sum(spent), currency)} was spent, {variance_words(over, pct, currency)}."
        )
    else:
        text += ", with no actual spend recorded."
    appraised = [y for y in closed if round(y.costs + y.contingency) > 0 and y.year >= 0]
    if appraised:
        many = len(appraised) > 1
        costs = sum(y.costs + y.contingency for y in appraised)
        text += (
            f" In the appraisal, year{'s' if many else ''} "
            + join([str(y.year) for y in appraised])
            + (" are " if many else " is ")
            + join([y.financial_year for y in appraised])
            + f": the preferred option's costs for {'them' if many else 'it'}, "
            f"{money(costs, currency)}, are the appraisal's estimates of what the option "
            "costs, not spending from the partnership's budget."
        )
    return text


def _affordability_notes(project: Project, afford: Affordability) -> tuple[str, ...]:
    """What the affordability table assumes, in words a finance officer reads: the
    financial year, prices, contingency, and where each funder's money is counted."""
    from ....analysis.budget import period_range

    options = project.options
    currency = afford.currency
    first = afford.years[0].financial_year if afford.years else afford.price_base
    start, _ = period_range(first, project.psp.financial_year_start)
    months = f"{start:%B} to {(start.replace(day=1) - timedelta(days=1)):%B}"
    chosen = next((o for o in options.options if o.id == afford.option), None)
    nominal = chosen is not None and chosen.prices == "nominal" and options.gdp_deflators
    if nominal:
        prices = "in cash, each amount as the cash of its year as written"
    elif afford.inflation:
        prices = (
            f"in cash, at {afford.inflation:g}% a year inflation from {afford.price_base} prices"
        )
    else:
        prices = f"at {afford.price_base} prices, with no inflation applied"
    anchor = ""
    if not options.price_base:
        pilot = project.psp.pilot
        anchor = (
            f" Year 0 is {afford.price_base}, the financial year the "
            + ("pilot" if pilot is not None and pilot.start else "partnership")
            + " starts in."
        )
    reserve = (
        f"a contingency of {afford.contingency:g}% of costs is set aside"
        if afford.contingency
        else "no contingency is set aside"
    )
    notes = [
        f"Financial years run from {months}. Figures are {prices}, not discounted; "
        f"{reserve} in place of optimism bias, which is an appraisal adjustment and not "
        f"money to budget.{anchor}",
    ]
    last = afford.years[-1].financial_year if afford.years else afford.price_base
    for share in afford.funders:
        notes.append(
            f"{share.name} ({share.status}): {share.share:g}% of the net cost each year"
            + (f" from {share.from_year}" if share.from_year else "")
            + "."
        )
    funders = {f.id: f for f in project.sustainability.funders}
    need = {y.financial_year: y.to_fund for y in afford.years}
    for amount in afford.amounts:
        funder = funders[amount.id]
        what = f"{amount.name}: {money(amount.amount, currency)} {amount.status}"
        if amount.service and not amount.in_kind:
            notes.append(
                f"{amount.name}: "
                + funder_amount(funder, currency, project.psp.financial_year_start)
                + f", {amount.status}"
                + (
                    f", with the budget decision on {long_date(funder.budget_cycle)}"
                    if funder.budget_cycle and amount.status != "committed"
                    else ""
                )
                + ". It pays for the running of the service"
                + (
                    f", the option's estimated cost ({options.cost_covers})"
                    if chosen is not None and chosen.cost == amount.amount and options.cost_covers
                    else ""
                )
                + ", not the costs above, so the table leaves it out."
            )
        elif amount.in_kind:
            notes.append(
                f"{amount.name}: {money(amount.amount, currency)} of support in kind "
                f"({amount.status}), not money, so not counted."
            )
        elif amount.status in ("identified", "declined"):
            reason = "not yet engaged" if amount.status == "identified" else "declined"
            notes.append(f"{what}, {reason}, so not counted.")
        elif amount.financial_year is None:
            notes.append(f"{what}, with no budget decision date, so not counted in any year.")
        elif amount.counted:
            year = amount.financial_year
            text = (
                f"{what} for {year}, the first financial year its budget decision of "
                f"{long_date(funder.budget_cycle)} funds"
                + (
                    "; not yet committed, so it does not reduce the shortfall."
                    if amount.status == "engaged"
                    else "."
                )
            )
            if amount.amount > need.get(year, 0.0):
                text += (
                    f" It is more than the {money(need.get(year, 0.0), currency)} the "
                    f"costs above need in {year}"
                    + (
                        f": it is the option's estimated cost, {options.cost_covers}"
                        if chosen is not None
                        and chosen.cost == amount.amount
                        and options.cost_covers
                        else ", so it pays for more than those costs"
                    )
                    + "."
                )
            notes.append(text)
        else:
            notes.append(
                f"{what}, for {amount.financial_year}, after {last}, the last year shown, "
                "so not counted."
            )
    unshared = [
        f.name for f in project.sustainability.funders if f.share is None and f.amount is None
    ]
    if unshared:
        notes.append(
            "Neither a share of the net cost nor an amount is recorded for "
            + join(unshared)
            + ", so "
            + ("it is" if len(unshared) == 1 else "they are")
            + " not counted."
        )
    return tuple(notes)


def savings_measured(project: Project, as_of: date) -> tuple[str, ...]:
    """Each cashable benefit's latest measurement by `as_of` against its baseline and
    target: what the pilot shows of the savings the appraisal estimates. The register
    measures those savings; it does not add to them."""
    from ...formatting import number

    out = []
    for benefit in project.benefits.benefits:
        measured = sorted(
            (m for m in benefit.measurements if m.date <= as_of), key=lambda m: m.date
        )
        if benefit.kind != "cashable" or not measured:
            continue
        latest = measured[-1]
        text = f"{benefit.title}: {number(latest.value, benefit.unit)} on {long_date(latest.date)}"
        if benefit.baseline is not None:
            text += f", from a baseline of {number(benefit.baseline, benefit.unit)}"
        if benefit.target is not None:
            text += f", against a target of {number(benefit.target, benefit.unit)}" + (
                f" by {long_date(benefit.target_date)}" if benefit.target_date else ""
            )
        out.append(text + ".")
    return tuple(out)


def _willing(project: Project) -> list[str]:
    """The public partners willing to consider funding the service after the pilot."""
    from ....analysis.practice import potential_funders

    names = {p.id: p.name for p in project.partners.partners}
    return [names[i] for i in potential_funders(project)]


def _is_are(names: Sequence[str]) -> str:
    return "is" if len(names) == 1 else "are"


def no_funders(project: Project) -> str:
    """The funders section when sustainability.yaml names no funder: that plainly, and the
    public partners that have said they will consider funding the service."""
    if project.sustainability.funders:
        return ""
    willing = _willing(project)
    if not willing:
        return (
            "No future funder is recorded yet, and no public partner has yet said it will "
            "consider funding the service after the pilot."
        )
    return (
        f"{join(willing)} {_is_are(willing)} willing to consider funding the service after "
        "the pilot; no funder has yet engaged or committed money."
    )


def no_funding(project: Project) -> str:
    """The resources sentence when no funder has engaged or committed money: that, and who
    is identified or willing to consider it, so a reader knows where the money may come
    from."""
    funders = project.sustainability.funders
    if any(f.status in ("engaged", "committed") and not f.in_kind for f in funders):
        return ""
    identified = [f.name for f in funders if f.status == "identified"]
    text = "No future funder has yet engaged or committed funding."
    if identified:
        text += (
            f" {join(identified)} {_is_are(identified)} identified as "
            + ("a possible funder" if len(identified) == 1 else "possible funders")
            + " but not yet engaged."
        )
    elif not funders and (willing := _willing(project)):
        text += (
            f" {join(willing)} {_is_are(willing)} willing to consider funding the service "
            "after the pilot."
        )
    return text


def late_decisions(project: Project) -> tuple[str, ...]:
    """Each milestone that commits the spend before a funder's budget decision, with the
    funders that decide after it, said plainly (PSP309 warns of it)."""
    from ....check.consistency import late_budget_decisions

    grouped: dict[tuple[str, date], list[str]] = {}
    late = late_budget_decisions(project)
    for d in late:
        grouped.setdefault((d.milestone.id, d.decision), []).append(d.funder.name)
    out = []
    for (_, decision), names in grouped.items():
        first = next(d for d in late if d.decision == decision)
        milestone = first.milestone
        one = len(names) == 1
        out.append(
            f"“{milestone.title}”, "
            + ("done on" if milestone.completed else "due on")
            + f" {long_date(first.committed_on)}, commits the partners to the spend, but "
            + join(names)
            + (" sets its budget" if one else " set their budgets")
            + f" later, on {long_date(decision)}. The money cannot be committed before it "
            "is agreed: that step must wait for the budget decision, or "
            + ("the funder agree" if one else "the funders agree")
            + " the money before it."
        )
    return tuple(out)


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


def year_name(base: str, year: int) -> str:
    """The financial year of appraisal year `year`, year 0 being `base` ("2010/11")."""
    first = int(base[:4]) + year
    return str(first) if "/" not in base else f"{first}/{(first + 1) % 100:02d}"


def years_words(first: int, last: int, base: str) -> str:
    """Appraisal years with their financial years: "year 0 (2010/11)", "years 1 to 5
    (2011/12 to 2015/16)"."""
    if first == last:
        return f"year {first} ({year_name(base, first)})"
    return f"years {first} to {last} ({year_name(base, first)} to {year_name(base, last)})"


@dataclass(frozen=True)
class CostUse:
    """A run of an option's cost lines: the same amount of one kind, for the same thing,
    in consecutive appraisal years."""

    first: int
    last: int
    kind: str
    """"capital" or "revenue"."""
    amount: float
    """Each year's amount."""
    label: str
    """What it pays for: the line's note, or the note of the last earlier line of the same
    kind (a line without a note carries on the one before it); empty where none is given."""


def cost_uses(option: object) -> list[CostUse]:
    """The option's costs as runs of what they pay for, earliest first: capital £30,000 in
    year 0 for a shared system, revenue £25,000 a year in years 1 to 5 for monitoring."""
    notes = {"capital": "", "revenue": ""}
    runs: list[CostUse] = []
    lines = sorted(getattr(option, "costs", None) or (), key=lambda line: line.year)
    for line in lines:
        for kind in ("capital", "revenue"):
            value = getattr(line, kind)
            if not value:
                continue
            if line.note and line.note.strip():
                notes[kind] = line.note.strip()
            label = notes[kind]
            last = next((r for r in reversed(runs) if (r.kind, r.label) == (kind, label)), None)
            if last is not None and last.amount == value and last.last == line.year - 1:
                runs[runs.index(last)] = replace(last, last=line.year)
            else:
                runs.append(CostUse(line.year, line.year, kind, value, label))
    return sorted(runs, key=lambda r: (r.first, r.last, r.kind))


def costs_for(uses: Sequence[CostUse], base: str, currency: str) -> str:
    """What each of the option's costs pays for, year by year, in a sentence: "In year 0
    (2010/11), £30,000 of capital for a shared system and £85,000 of revenue for …; in
    years 1 to 5 (2011/12 to 2015/16), £25,000 a year of revenue for …"."""
    spans: dict[tuple[int, int], list[str]] = {}
    for use in uses:
        each = " a year" if use.last > use.first else ""
        spans.setdefault((use.first, use.last), []).append(
            f"{money(use.amount, currency)}{each} of {use.kind}"
            + (f" for {use.label}" if use.label else "")
        )
    parts = [f"in {years_words(a, b, base)}, {join(items)}" for (a, b), items in spans.items()]
    if not parts:
        return ""
    text = "; ".join(parts)
    return "What the costs pay for: " + text + "."


def funder_amount(funder: object, currency: str, month: int = 4) -> str:
    """A funder's amount labelled with what it covers and the financial year its budget
    decision funds: "£1,300,000 for external foster placements, 2012/13"; a share as "20% of
    the net cost each year from 2012/13"."""
    from ....analysis.financial import first_funded_year

    cycle = getattr(funder, "budget_cycle", None)
    share = getattr(funder, "share", None)
    year = first_funded_year(cycle, month) if cycle else ""
    covers = getattr(funder, "covers", None)
    if share is not None:
        return f"{share:g}% of the net cost each year" + (f" from {year}" if year else "")
    amount = getattr(funder, "amount", None)
    if amount is None:
        return "Not yet known"
    text = money(amount, currency)
    if covers:
        text += f" for {covers}"
    if year and not getattr(funder, "in_kind", False):
        text += f", {year}"
    return text


def budget_decision(funder: object) -> str:
    """The Budget decision by cell: the date, or why there is none."""
    cycle = getattr(funder, "budget_cycle", None)
    if cycle is not None:
        return long_date(cycle)
    if getattr(funder, "in_kind", False):
        return "Not needed: in kind"
    return "Not yet known"


def _costs_funding(
    project: Project, afford: Affordability, currency: str, shortfall: bool = False
) -> str:
    """The funding of the preferred option's appraised costs in the years still open, in a
    clause: "the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and outcome
    monitoring has no committed or engaged funding"; with `shortfall`, the shortfall too."""
    rows = _open_costs(afford)
    if not rows:
        return ""
    total = sum(y.to_fund for y in rows)
    span = _span(rows)
    each = {round(y.to_fund) for y in rows}
    if len(rows) > 1 and len(each) == 1:
        what = f"the {money(rows[0].to_fund, currency)} a year ({money(total, currency)}, {span})"
    else:
        what = f"the {money(total, currency)} for {span}"
    option = next((o for o in project.options.options if o.id == afford.option), None)
    years = {y.year for y in rows}
    labels: list[str] = []
    for use in cost_uses(option):
        if use.label and use.label not in labels and years & set(range(use.first, use.last + 1)):
            labels.append(use.label)
    if labels:
        what += f" for {join(labels)}"
    if afford.contingency:
        what += ", with its contingency,"
    committed = sum(y.committed for y in rows)
    engaged = sum(y.engaged for y in rows)
    gap = sum(y.gap for y in rows)
    short = f", a shortfall of {money(gap, currency)}" if shortfall and round(gap) > 0 else ""
    if round(committed) == 0 and round(engaged) == 0:
        return f"{what} has no committed or engaged funding{short}"
    if round(gap) == 0:
        return f"{what} is met by committed funding"
    return (
        f"{what} has "
        + (
            "no committed funding"
            if round(committed) == 0
            else f"{money(committed, currency)} of funding committed"
        )
        + (f" and {money(engaged, currency)} engaged but not yet committed" if engaged else "")
        + f", a shortfall of {money(gap, currency)}"
    )


def _service_funding(project: Project) -> list[str]:
    """Each funder engaged or committed to pay for the service's own running cost
    (`pays_for: service`), in a clause: "the £1,300,000 for external foster placements in
    2012/13 is engaged, with the budget decision on 16 February 2012"."""
    from ....analysis.financial import first_funded_year

    currency = project.psp.currency
    out = []
    for f in project.sustainability.funders:
        if f.pays_for != "service" or f.in_kind or f.amount is None:
            continue
        if f.status not in ("engaged", "committed"):
            continue
        year = (
            first_funded_year(f.budget_cycle, project.psp.financial_year_start)
            if f.budget_cycle
            else ""
        )
        out.append(
            f"the {money(f.amount, currency)} "
            + (f"for {f.covers}" if f.covers else f"from {f.name} for the service itself")
            + (f" in {year}" if year else "")
            + f" is {f.status}"
            + (
                f", with the budget decision on {long_date(f.budget_cycle)}"
                if f.budget_cycle and f.status == "engaged"
                else ""
            )
        )
    return out


def funding_words(
    project: Project, preferred_id: str | None = None, as_of: date | None = None
) -> str:
    """What future funders have engaged or committed, each against the cost it pays for, in
    one sentence of clauses (lower case first, no full stop): the preferred option's
    appraised costs still to fund, and what is committed and engaged against them; then each
    funder of the service's own running cost; then support in kind, which pays for nothing.
    Empty where no funder has engaged or committed anything, money or in kind."""
    from ....analysis.financial import affordability

    currency = project.psp.currency
    funders = project.sustainability.funders
    live = [f for f in funders if f.status in ("engaged", "committed")]
    if not live:
        return ""
    in_kind = in_kind_words(project)
    preferred = preferred_id or project.options.preferred
    afford = affordability(project, preferred, as_of) if preferred else None
    clauses = []
    costs = _costs_funding(project, afford, currency) if afford is not None else ""
    if costs:
        clauses.append(costs)
    else:
        money_funders = [f for f in live if not f.in_kind and f.pays_for == "costs"]
        committed = sum(f.amount or 0.0 for f in money_funders if f.status == "committed")
        engaged = sum(f.amount or 0.0 for f in money_funders if f.status == "engaged")
        said = _totals(committed, engaged, currency)
        if said:
            clauses.append(said)
    clauses += _service_funding(project)
    if not clauses:
        clauses.append("no future funding is engaged or committed yet")
    if in_kind:
        clauses.append(in_kind)
    return "; ".join(clauses)


def _totals(committed: float, engaged: float, currency: str) -> str:
    """Committed and engaged funding, each apart, where the appraisal gives no costs by year
    to set them against."""
    if committed and engaged:
        return (
            f"{money(committed, currency)} of future funding is committed, and a further "
            f"{money(engaged, currency)} engaged but not yet committed"
        )
    if committed:
        return f"{money(committed, currency)} of future funding is committed"
    if engaged:
        return (
            f"no future funding is committed yet; {money(engaged, currency)} is engaged but "
            "not yet committed"
        )
    return ""


def affordability_summary(
    project: Project, preferred_id: str | None = None, as_of: date | None = None
) -> str:
    """The financial summary's sentence on affordability: what is committed and engaged
    against the preferred option's costs still to fund and the shortfall, then each funder of
    the service's own running cost with its budget decision; then, as section 8.1's note says,
    the years after the last funded one left unfunded (`unfunded_after`)."""
    from ....analysis.financial import affordability

    preferred = preferred_id or project.options.preferred
    afford = affordability(project, preferred, as_of) if preferred else None
    if afford is None:
        return ""
    clauses = []
    costs = _costs_funding(project, afford, project.psp.currency, shortfall=True)
    if costs:
        clauses.append(costs)
    clauses += _service_funding(project)
    if not clauses:
        return ""
    text = "Affordability: " + "; ".join(clauses) + "."
    # what 8.1's note says of the years after the last funded one, said here too
    unfunded = unfunded_after(project, afford)
    return f"{text} {unfunded}" if unfunded else text
