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
    {
        "id": "F1",
        "name": "Council",
        "status": "committed",
        "budget_cycle": "2012-02-16",
        "share": 50,
    },
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
    # net 16,500; budget.yaml 3,000 + 1,000 = 4,000 (the partnership's running costs, not
    # money for the service); F1 not yet funding: the whole 16,500 is a shortfall
    assert (y0.financial_year, y0.costs, y0.contingency, y0.net_cost) == (
        "2011/12",
        15000.0,
        1500.0,
        16500.0,
    )
    assert (y0.budgeted, y0.committed, y0.to_fund, y0.gap) == (4000.0, 0.0, 16500.0, 16500.0)
    # 2012/13, year 1 in cash at 2 % inflation: costs 5,000 × 1.02 = 5,100; contingency 510;
    # savings 2,000 × 1.02 = 2,040; net 5,100 + 510 − 2,040 = 3,570; F1 50 % = 1,785;
    # to fund 5,100 + 510 = 5,610, of which F1 meets 1,785: shortfall 3,825 (the savings of
    # 2,040 are not money in hand, so they do not reduce it)
    assert y1.financial_year == "2012/13" and y1.price_index == pytest.approx(1.02)
    assert y1.costs == pytest.approx(5100) and y1.contingency == pytest.approx(510)
    assert y1.cashable == pytest.approx(2040) and y1.net_cost == pytest.approx(3570)
    assert (
        y1.committed == pytest.approx(1785) and y1.engaged == 0.0 and y1.gap == pytest.approx(3825)
    )
    assert [(f.id, f.from_year) for f in a.funders] == [("F1", "2012/13")]
    assert any("No share or amount given for F2" in n for n in a.notes)


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


def test_the_worked_examples_affordability_by_hand() -> None:
    """The worked example as at 30 June 2011, every figure worked by hand from its files.

    Option O3 (options.yaml), 2010/11 prices, no inflation, no contingency:
      year 0 2010/11: capital 30,000 + revenue 85,000 = 115,000; no savings
      years 1-5 2011/12-2015/16: revenue 25,000; cashable 100,000 then 150,000 a year
    budget.yaml by financial year (a calendar quarter counts in the year its last day is in):
      2009/10 = 2010-Q1 (January-March 2010): 3,000 + 800 = 3,800 planned, 3,200 + 650 = 3,850 spent
      2010/11 = 2010-Q2 8,700 + Q3 7,200 + Q4 8,100 + 2011-Q1 10,600 = 34,600 planned;
                8,930 + 6,900 + 7,720 + 11,200 = 34,750 spent
      2011/12 = 2011-Q2 8,100 + Q3 9,600 + Q4 10,400 + 2012-Q1 9,700 = 37,800
      2012/13 = 2012-Q2 2,400
      3,800 + 34,600 + 37,800 + 2,400 = 78,600, the budget's total: every line counted once.
    sustainability.yaml: F1 engaged 1,300,000, budget set 16 February 2012 (in 2011/12), so
    it funds 2012/13, but it pays for the placements themselves (pays_for: service), not the
    option's 25,000 a year of monitoring: never set against them; F2 identified (not counted);
    F3 committed 8,000 of support in kind (staff time, not money: never counted).
    Shortfall = costs + contingency − committed, never below 0; savings, the running budget
    and engaged money are kept apart.
    """
    from datetime import date

    from psptool.load import load_project
    from tests.helpers import EXAMPLE

    p = load_project(EXAMPLE).project
    a = affordability(p, as_of=date(2011, 6, 30))
    assert a is not None
    table = [
        (y.financial_year, y.year, y.costs, y.cashable, y.net_cost, y.budgeted, y.closed)
        for y in a.years
    ]
    assert table == [
        ("2009/10", -1, 0.0, 0.0, 0.0, 3800.0, True),
        ("2010/11", 0, 115000.0, 0.0, 115000.0, 34600.0, True),
        ("2011/12", 1, 25000.0, 100000.0, -75000.0, 37800.0, False),
        ("2012/13", 2, 25000.0, 150000.0, -125000.0, 2400.0, False),
        ("2013/14", 3, 25000.0, 150000.0, -125000.0, 0.0, False),
        ("2014/15", 4, 25000.0, 150000.0, -125000.0, 0.0, False),
        ("2015/16", 5, 25000.0, 150000.0, -125000.0, 0.0, False),
    ]
    assert sum(y.budgeted for y in a.years) == 78600.0
    # closed years show what was spent
    assert [y.actual for y in a.years[:2]] == [3850.0, 34750.0]
    assert all(y.actual is None for y in a.years[2:])
    # F1's 1,300,000 pays for the service, not these costs: nothing committed or engaged
    # against them in any year
    assert [(y.committed, y.engaged) for y in a.years] == [(0.0, 0.0)] * 7
    # every open year needs 25,000 and nothing is committed: a shortfall of 25,000 a year
    assert [y.gap for y in a.years[2:]] == [25000.0] * 5
    assert [(f.id, f.status, f.financial_year, f.counted) for f in a.amounts] == [
        ("F1", "engaged", "2012/13", False),
        ("F2", "identified", "2012/13", False),
        ("F3", "committed", None, False),
    ]
    assert [f.service for f in a.amounts] == [True, True, False]


def test_a_framework_award_commits_no_spend_until_its_contract() -> None:
    """The example's framework agreement is awarded (M15) on 31 January 2012, but a framework
    obliges nobody to buy: the spend is committed when the contract under it starts (M16,
    "Framework contract mobilised and started", 2 April 2012). F1 and F2 set their budget on
    16 February 2012, before that: in time; F3 has no decision date."""
    from datetime import date

    from psptool.check.consistency import late_budget_decisions, spend_commitment
    from psptool.load import load_project
    from tests.helpers import EXAMPLE

    p = load_project(EXAMPLE).project
    award = spend_commitment(p)
    assert award is not None and (award.id, award.due) == ("M16", date(2012, 4, 2))
    assert late_budget_decisions(p) == []


def test_a_call_off_before_the_budget_decision_is_found() -> None:
    """The framework (M1, 31 March) commits nothing; the first call-off (M2, 30 June) does,
    and the council sets its budget on 1 August, after it."""
    from datetime import date

    from psptool.check.consistency import late_budget_decisions, spend_commitment

    milestones = {
        "milestones": [
            {"id": "M1", "title": "Framework agreement awarded", "due": "2026-03-31"},
            {"id": "M2", "title": "First call-off under the framework", "due": "2026-06-30"},
        ]
    }
    funders = [{"id": "F1", "name": "Council", "status": "engaged", "budget_cycle": "2026-08-01"}]
    p = project(milestones=milestones, sustainability={"funders": funders})
    award = spend_commitment(p)
    assert award is not None and award.id == "M2"
    assert [(d.funder.id, d.decision, d.committed_on) for d in late_budget_decisions(p)] == [
        ("F1", date(2026, 8, 1), date(2026, 6, 30))
    ]


def test_no_warning_when_the_money_is_agreed_first_or_declined() -> None:
    from psptool.check.consistency import late_budget_decisions, spend_commitment

    milestones = {
        "milestones": [
            {"id": "M1", "title": "Contracting options appraised", "due": "2026-03-31"},
            {"id": "M2", "title": "Contract awarded", "due": "2026-09-30"},
        ]
    }
    funders = [
        {"id": "F1", "name": "Council", "status": "committed", "budget_cycle": "2026-09-30"},
        {"id": "F2", "name": "Trust", "status": "declined", "budget_cycle": "2026-12-01"},
    ]
    p = project(milestones=milestones, sustainability={"funders": funders})
    # "Contracting" is not "contract": the award is M2; a decision on the day is in time
    award = spend_commitment(p)
    assert award is not None and award.id == "M2"
    assert late_budget_decisions(p) == []


def test_support_in_kind_is_never_counted_as_funding() -> None:
    """F1 commits 50 % of the net cost and F2 4,000 in 2012/13, both in kind: neither is money,
    so 2012/13's 5,610 of costs and contingency (worked above) is all a shortfall."""
    funders = [
        {**FUNDERS[0], "in_kind": True},
        {
            "id": "F2",
            "name": "Volunteers",
            "status": "committed",
            "amount": 4000,
            "budget_cycle": "2012-02-16",
            "in_kind": True,
        },
    ]
    options = {
        "options": [OPTION],
        "preferred": "P",
        "price_base": "2011/12",
        "inflation": 2,
        "contingency": 10,
    }
    a = affordability(project(options=options, sustainability={"funders": funders}))
    assert a is not None and a.funders == []
    assert [(f.id, f.in_kind, f.counted) for f in a.amounts] == [("F2", True, False)]
    y1 = a.years[1]
    assert (y1.committed, y1.engaged) == (0.0, 0.0) and y1.gap == pytest.approx(5610)


def test_committed_money_beyond_the_need_leaves_no_shortfall() -> None:
    """F1 commits 20,000 for 2012/13 (its budget is set in February 2012): that year needs
    5,000 of costs (no inflation, no contingency), so there is no shortfall, not a negative
    one; 2011/12 needs 15,000 and has nothing committed."""
    funders = [
        {
            "id": "F1",
            "name": "Council",
            "status": "committed",
            "amount": 20000,
            "budget_cycle": "2012-02-16",
        }
    ]
    options = {"options": [OPTION], "preferred": "P", "price_base": "2011/12"}
    a = affordability(project(options=options, sustainability={"funders": funders}))
    assert a is not None
    assert [(y.financial_year, y.to_fund, y.committed, y.gap) for y in a.years] == [
        ("2011/12", 15000.0, 0.0, 15000.0),
        ("2012/13", 5000.0, 20000.0, 0.0),
    ]


SERVICE_FUNDERS = [
    # 2012/13 needs 5,000 of the option's costs; the council's 3,000 pays for them, the
    # health board's 90,000 for the service's own running (a different cost)
    {
        "id": "F1",
        "name": "Council",
        "status": "committed",
        "amount": 3000,
        "budget_cycle": "2012-02-16",
    },
    {
        "id": "F2",
        "name": "Health board",
        "status": "engaged",
        "amount": 90000,
        "budget_cycle": "2012-02-16",
        "pays_for": "service",
        "covers": "respite places",
    },
]


def test_money_for_the_service_is_never_set_against_the_appraised_costs() -> None:
    """2012/13 (year 1) needs 5,000; F1's 3,000 pays for those costs, committed: shortfall
    5,000 − 3,000 = 2,000. F2's 90,000 is for the service itself (pays_for: service):
    neither engaged beside the 5,000 nor counted, whatever its size."""
    options = {"options": [OPTION], "preferred": "P", "price_base": "2011/12"}
    a = affordability(project(options=options, sustainability={"funders": SERVICE_FUNDERS}))
    assert a is not None
    assert [(y.financial_year, y.to_fund, y.committed, y.engaged, y.gap) for y in a.years] == [
        ("2011/12", 15000.0, 0.0, 0.0, 15000.0),
        ("2012/13", 5000.0, 3000.0, 0.0, 2000.0),
    ]
    assert [(f.id, f.counted, f.service) for f in a.amounts] == [
        ("F1", True, False),
        ("F2", False, True),
    ]


def test_the_funding_sentence_sets_each_funder_against_its_cost() -> None:
    """As at 30 June 2011, 2011/12 (15,000) and 2012/13 (5,000) are open: 20,000 to fund,
    two unequal years, so no "a year"; 3,000 committed, nothing engaged against them, a
    shortfall of 15,000 + 2,000 = 17,000. F2's 90,000 for respite places in 2012/13 (its
    budget is set on 16 February 2012) is engaged: a clause of its own."""
    from datetime import date

    from psptool.report.papers.business_case.finance import (
        affordability_summary,
        funding_words,
    )

    options = {"options": [OPTION], "preferred": "P", "price_base": "2011/12"}
    p = project(options=options, sustainability={"funders": SERVICE_FUNDERS})
    as_of = date(2011, 6, 30)
    assert funding_words(p, "P", as_of) == (
        "the £20,000 for 2011/12 to 2012/13 has £3,000 of funding committed, a shortfall of "
        "£17,000; the £90,000 for respite places in 2012/13 is engaged, with the budget "
        "decision on 16 February 2012"
    )
    assert affordability_summary(p, "P", as_of) == (
        "Affordability: the £20,000 for 2011/12 to 2012/13 has £3,000 of funding committed, "
        "a shortfall of £17,000; the £90,000 for respite places in 2012/13 is engaged, with "
        "the budget decision on 16 February 2012."
    )
    # committed money that meets every open year's costs: 15,000 in 2011/12 cannot be met by
    # money its budget sets for 2012/13, so only 2012/13 is open as at 30 June 2012, and
    # F1's 3,000 + a second committed 2,000 meet its 5,000
    more = [*SERVICE_FUNDERS, {**SERVICE_FUNDERS[0], "id": "F3", "amount": 2000}]
    p = project(options=options, sustainability={"funders": more})
    assert funding_words(p, "P", date(2012, 6, 30)).startswith(
        "the £5,000 for 2012/13 is met by committed funding; "
    )
