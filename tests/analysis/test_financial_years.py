"""Budget periods in financial years (`2011/12`, `2011/12-Q1`) counted from psp.yaml's
`financial_year_start`, as councils and health boards budget April to March."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from psptool.analysis.budget import (
    budget_status,
    financial_year_of,
    period_range,
    year_of_period,
)
from psptool.model.budget import BudgetLine
from psptool.report.papers.business_case.finance import budget
from tests.analysis.helpers import project


def test_a_financial_year_runs_april_to_march() -> None:
    assert period_range("2011/12") == (date(2011, 4, 1), date(2012, 3, 31))
    # its quarters: Q1 April–June 2011, Q4 January–March 2012
    assert period_range("2011/12-Q1") == (date(2011, 4, 1), date(2011, 6, 30))
    assert period_range("2011/12-Q4") == (date(2012, 1, 1), date(2012, 3, 31))
    # calendar periods are as they were
    assert period_range("2011-Q1") == (date(2011, 1, 1), date(2011, 3, 31))
    assert period_range("2012-02") == (date(2012, 2, 1), date(2012, 2, 29))


def test_a_year_starting_in_another_month() -> None:
    # a July start: 2011/12 is July 2011 to June 2012; its Q3 is January to March 2012
    assert period_range("2011/12", 7) == (date(2011, 7, 1), date(2012, 6, 30))
    assert period_range("2011/12-Q3", 7) == (date(2012, 1, 1), date(2012, 3, 31))
    assert financial_year_of(date(2011, 6, 30), 7) == "2010/11"


def test_the_financial_year_a_day_or_period_falls_in() -> None:
    assert financial_year_of(date(2011, 3, 31)) == "2010/11"
    assert financial_year_of(date(2011, 4, 1)) == "2011/12"
    # calendar 2011-Q1 ends on 31 March 2011: financial year 2010/11
    assert year_of_period("2011-Q1", 4, financial=True) == "2010/11"
    assert year_of_period("2011-Q1", 4, financial=False) == "2011"


@pytest.mark.parametrize("period", ["2011/13", "2011/11", "2011/12-Q5", "2011/1"])
def test_a_financial_year_must_be_a_year_and_the_next(period: str) -> None:
    with pytest.raises(ValidationError):
        BudgetLine.model_validate({"period": period, "planned": 1})


def test_budget_status_in_financial_years() -> None:
    # year starting in April; as at 30 June 2011 only 2011/12-Q1 (April–June 2011) has ended:
    # planned 10,000, actual 11,500, 15.0 % over plan: red. Q2 (July–September) has not ended.
    lines = [
        {"period": "2011/12-Q1", "planned": 10000, "actual": 11500},
        {"period": "2011/12-Q2", "planned": 10000},
    ]
    p = project({"financial_year_start": 4}, budget={"budget": lines})
    status = budget_status(p, date(2011, 6, 30), date(2011, 4, 1))
    assert (status.to_date.planned, status.to_date.actual) == (10000.0, 11500.0)
    assert (status.rag, status.reason) == ("red", "15.0 % over plan to date")
    assert status.total_planned == 20000.0


def test_the_business_case_budget_by_financial_year() -> None:
    # 2011/12-Q4 (January–March 2012) and 2012/13-Q1 (April–June 2012) fall in different
    # financial years though both are in calendar 2012; a calendar quarter 2012-Q1 counts in
    # 2011/12 (it ends 31 March 2012). 2011/12: 5,000 + 3,000 = 8,000; 2012/13: 4,000
    lines = [
        {"period": "2011/12-Q4", "planned": 5000},
        {"period": "2012-Q1", "planned": 3000},
        {"period": "2012/13-Q1", "planned": 4000},
    ]
    p = project(budget={"budget": lines})
    years = budget(p, date(2011, 6, 30), (None, None)).years
    assert [(y.name, y.planned, y.cumulative) for y in years] == [
        ("2011/12", "£8,000", "£8,000"),
        ("2012/13", "£4,000", "£12,000"),
    ]
