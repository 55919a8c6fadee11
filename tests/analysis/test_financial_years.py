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
    assert (status.rag, status.reason) == ("red", "15% over plan (£1,500) to date")
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


def test_the_highlight_report_budget_by_financial_year() -> None:
    from psptool.render.status import status_document
    from psptool.report.status import status_report

    # year starting in April, as at 30 June 2011:
    # 2010/11-Q4 (January–March 2011): planned 4,000, actual 4,400, ended;
    # 2011/12-Q1 (April–June 2011): planned 10,000, actual 11,500, ended;
    # calendar 2011-Q3 (July–September 2011) ends 30 September 2011, in 2011/12: 6,000, not
    # ended; 2013/14 (April 2013–March 2014): 8,000. 2012/13 has no lines but is shown.
    lines = [
        {"period": "2010/11-Q4", "planned": 4000, "actual": 4400},
        {"period": "2011/12-Q1", "planned": 10000, "actual": 11500},
        {"period": "2011-Q3", "planned": 6000},
        {"period": "2013/14", "planned": 8000},
    ]
    p = project(
        {"start": "2011-01-01", "end": "2014-03-31", "financial_year_start": 4},
        budget={"budget": lines},
    )
    r = status_report(p, date(2011, 6, 30))
    rows = [(y.financial_year, y.planned, y.planned_to_date, y.actual) for y in r.budget_years]
    assert rows == [
        ("2010/11", 4000.0, 4000.0, 4400.0),
        # 10,000 + 6,000 planned for the year; to date only Q1: 10,000 against 11,500
        ("2011/12", 16000.0, 10000.0, 11500.0),
        ("2012/13", 0.0, 0.0, 0.0),
        ("2013/14", 8000.0, 0.0, 0.0),
    ]
    # variance to date: 4,400 − 4,000 = 400; 11,500 − 10,000 = 1,500
    assert [y.variance for y in r.budget_years] == [400.0, 1500.0, 0.0, 0.0]
    table = next(
        b for b in status_document(r).blocks if getattr(b, "title", "") == "By financial year"
    )
    assert table.rows[1] == ["2011/12", "£16,000", "£10,000", "£11,500", "£1,500"]


def test_calendar_budgets_get_no_financial_years_in_the_highlight_report() -> None:
    from psptool.report.status import status_report

    p = project(budget={"budget": [{"period": "2026-Q1", "planned": 1000, "actual": 900}]})
    assert status_report(p, date(2026, 6, 30)).budget_years == []
