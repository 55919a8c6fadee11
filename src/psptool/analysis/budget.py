"""Budget status: planned against actual spend, for the reporting period and to date."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from ..model import Project
from ..model.budget import is_financial_year
from .common import Rag, amount

OVERSPEND_THRESHOLD = 10.0
"""Per cent over plan to date at which the budget is red and a decision is needed."""


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The year and month `months` after (year, month)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_range(period: str, financial_year_start: int = 4) -> tuple[date, date]:
    """`2011` → the year, `2011-Q2` → April to June, `2011-03` → March; `2011/12` → April 2011
    to March 2012 and `2011/12-Q1` → April to June 2011 when the year starts in April."""
    year = int(period[:4])
    if is_financial_year(period):
        months, first = (12, 0) if len(period) == 7 else (3, 3 * (int(period[9]) - 1))
        start_year, start_month = _add_months(year, financial_year_start, first)
        end_year, end_month = _add_months(start_year, start_month, months - 1)
        return date(start_year, start_month, 1), _month_end(end_year, end_month)
    if len(period) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    if period[5] == "Q":
        quarter = int(period[6])
        first = 3 * quarter - 2
        return date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    month = int(period[5:7])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class Spend:
    planned: float = 0.0
    actual: float = 0.0

    @property
    def variance(self) -> float:
        """Actual − planned: positive is an overspend."""
        return self.actual - self.planned

    @property
    def variance_pct(self) -> float | None:
        return 100 * self.variance / self.planned if self.planned else None


@dataclass
class BudgetStatus:
    currency: str
    period: Spend
    """Budget lines whose period ended inside the reporting period, where actuals exist."""
    to_date: Spend
    """Every budget line whose period has ended, where actuals exist."""
    total_planned: float
    """The whole budget, every line."""
    missing_actuals: list[str] = field(default_factory=list)
    """Periods that have ended with no actual recorded."""
    rag: Rag = "green"
    reason: str = ""


def budget_status(
    project: Project,
    as_of: date,
    period_start: date,
    threshold: float = OVERSPEND_THRESHOLD,
) -> BudgetStatus:
    """Green on or under plan to date; amber over plan; red more than `threshold` % over."""
    period, to_date = Spend(), Spend()
    missing: list[str] = []
    total = 0.0
    for line in project.budget.budget:
        total += line.planned or 0.0
        _, end = period_range(line.period, project.psp.financial_year_start)
        if end > as_of:
            continue
        if line.actual is None:
            if line.period not in missing:
                missing.append(line.period)
            continue
        to_date.planned += line.planned or 0.0
        to_date.actual += line.actual
        if end > period_start:
            period.planned += line.planned or 0.0
            period.actual += line.actual
    pct = to_date.variance_pct
    currency = project.psp.currency
    status = BudgetStatus(currency, period, to_date, total, missing)
    over = variance_words(to_date.variance, pct, currency)
    if pct is not None and pct > threshold:
        status.rag, status.reason = "red", f"{over} to date"
    elif to_date.variance > 0:
        status.rag, status.reason = "amber", f"{over} to date"
    elif missing:
        status.rag, status.reason = "amber", "no actual spend recorded for " + ", ".join(missing)
    else:
        status.reason = f"{over} to date"
    return status


def variance_words(variance: float, pct: float | None, currency: str) -> str:
    """Spend against plan as a finance officer says it: "2.7% over plan (£1,250)", "£20
    under plan", "on plan"; an overspend with nothing planned is "£500 over plan"."""
    money = amount(abs(variance), currency, decimals=0)
    if round(variance) == 0:
        return "on plan"
    if variance < 0:
        return f"{money} under plan"
    if pct is None:
        return f"{money} over plan"
    share = f"{pct:.1f}".removesuffix(".0")
    return f"{share}% over plan ({money})"


def financial_year_of(day: date, financial_year_start: int = 4) -> str:
    """The financial year a day falls in: 15 May 2011 is in 2011/12 when the year starts in
    April, 15 March 2011 in 2010/11. A year starting in January is the calendar year."""
    first = day.year if day.month >= financial_year_start else day.year - 1
    if financial_year_start == 1:
        return str(first)
    return f"{first}/{(first + 1) % 100:02d}"


def year_of_period(period: str, financial_year_start: int = 4, financial: bool = False) -> str:
    """The year a budget period is counted in: its calendar year, or with `financial` the
    financial year its last day falls in."""
    if not financial:
        return str(period_range(period, financial_year_start)[1].year)
    return financial_year_of(period_range(period, financial_year_start)[1], financial_year_start)
