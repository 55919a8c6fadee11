"""The financial case's affordability by financial year, worked by hand."""

from __future__ import annotations

import pytest

from psptool.analysis.financial import affordability
from tests.analysis.helpers import project

OPTION = {
    "id": "P",
    "name": "Pilot service",
    "scores": {},
    "costs": [
        {"year": 0, "capital": 10000, "revenue": 5000},
        {"year": 1, "revenue": 5000},
    ],
    "benefits": [{"year": 1, "cashable": 2000}],
}
FUNDERS = [
    # its budget is set on 16 February 2012 (in 2011/12), so it funds 2012/13 on
    {"id": "F1", "name": "Council", "budget_cycle": "2012-02-16", "share": 50},
    {"id": "F2", "name": "Health board"},
]
BUDGET = [
    {"period": "2011/12-Q1", "planned": 3000},
    {"period": "2012-Q1", "planned": 1000},  # January–March 2012: in 2011/12
]


def test_affordability_by_financial_year() -> None:
    options = {
        "options": [OPTION],
        "preferred": "P",
        "price_base": "2011/12",
        "inflation": 2,
        "contingency": 10,
    }
    p = project(
        options=options,
        sustainability={"funders": FUNDERS},
        budget={"budget": BUDGET},
    )
    a = affordability(p)
    assert a is not None and (a.price_base, a.option) == ("2011/12", "P")
    y0, y1 = a.years
    # 2011/12, year 0 at its own prices: costs 15,000; contingency 10 % = 1,500; no savings:
    # net 16,500; budget.yaml 3,000 + 1,000 = 4,000; F1 not yet funding: gap 12,500
    assert (y0.financial_year, y0.costs, y0.contingency, y0.net_cost) == (
        "2011/12",
        15000.0,
        1500.0,
        16500.0,
    )
    assert (y0.budgeted, y0.funders, y0.gap) == (4000.0, 0.0, 12500.0)
    # 2012/13, year 1 in cash at 2 % inflation: costs 5,000 × 1.02 = 5,100; contingency 510;
    # savings 2,000 × 1.02 = 2,040; net 5,100 + 510 − 2,040 = 3,570; F1 50 % = 1,785;
    # nothing budgeted: gap 3,570 − 1,785 = 1,785
    assert y1.financial_year == "2012/13" and y1.price_index == pytest.approx(1.02)
    assert y1.costs == pytest.approx(5100) and y1.contingency == pytest.approx(510)
    assert y1.cashable == pytest.approx(2040) and y1.net_cost == pytest.approx(3570)
    assert y1.funders == pytest.approx(1785) and y1.gap == pytest.approx(1785)
    assert [(f.id, f.from_year) for f in a.funders] == [("F1", "2012/13")]
    assert any("No share given for F2" in n for n in a.notes)


def test_year_zero_defaults_to_the_pilots_financial_year() -> None:
    p = project(
        {"pilot": {"start": "2011-03-01", "end": "2012-02-29"}},
        options={"options": [OPTION], "preferred": "P"},
    )
    a = affordability(p)
    # 1 March 2011 is in 2010/11 when the year starts in April
    assert a is not None and [y.financial_year for y in a.years] == ["2010/11", "2011/12"]
    # no inflation given: cash at year-0 prices, and said so
    assert a.years[1].costs == 5000.0
    assert any("at year-0 prices" in n for n in a.notes)


def test_no_preferred_option_with_streams_has_no_affordability_case() -> None:
    assert affordability(project(options={"options": [OPTION]})) is None
