"""Price base, nominal figures turned into real terms with GDP deflators, residual values,
equivalent annual cost and one appraisal period for every option: figures worked by hand.

Discount factors by hand, at the Green Book's 3.5 %:
  year 1: 1 / 1.035 = 0.966183575;  year 2: 1 / 1.035² = 0.933510700;
  year 3: 1 / 1.035³ = 0.901942706;  years 1–3 together (the annuity factor): 2.801636981
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from psptool.analysis.economics import GREEN_BOOK_DISCOUNT, annuity_factor, economic_case
from psptool.analysis.financial import affordability
from psptool.model.options import OptionsFile
from tests.analysis.helpers import project

NOTHING = {"id": "O0", "name": "Do nothing", "do_nothing": True, "scores": {}}
DEFLATORS = {
    "source": "the partnership's finance team, from HM Treasury's GDP deflators",
    # any base year will do: only ratios are used
    "index": {"2010/11": 100.0, "2011/12": 102.0, "2012/13": 105.06},
}


def _case(options: dict[str, Any]) -> Any:
    return economic_case(project(options=options))


def _by_id(case: Any) -> dict[str, Any]:
    return {o.id: o for o in case.options}


# --- residual values -----------------------------------------------------------------------

BUILDING = {
    "id": "B",
    "name": "Refurbished family centre",
    "scores": {},
    "optimism_bias": 0,
    "costs": [{"year": 0, "capital": 100000}],
    "benefits": [
        {"year": 1, "non_cashable": 30000},
        {"year": 2, "non_cashable": 30000},
        {"year": 3, "non_cashable": 30000, "residual": 40000, "note": "the building's value"},
    ],
}


def test_a_residual_value_is_a_benefit_in_the_final_year() -> None:
    o = _by_id(_case({"options": [NOTHING, BUILDING]}))["B"]
    pv = o.after_optimism
    # residual: 40,000 × 0.901942706 = 36,077.71
    assert round(pv.residual, 2) == 36077.71
    # non-cashable: 30,000 × 2.801636981 = 84,049.11; benefits 84,049.11 + 36,077.71
    assert round(pv.non_cashable, 2) == 84049.11
    assert round(pv.benefits, 2) == 120126.82
    # NPV: 120,126.82 − 100,000 = 20,126.82, and the year-by-year column adds up to it
    assert round(pv.npv, 2) == 20126.82
    assert round(sum(y.discounted_net for y in o.years), 2) == 20126.82
    assert [y.residual for y in o.years] == [0.0, 0.0, 0.0, 40000.0]
    # not cash: the financial case's net cash in year 3 is nil (no cashable savings)
    assert o.years[3].net_cash == 0.0


def test_the_residual_is_labelled_in_the_notes() -> None:
    case = _case({"options": [NOTHING, BUILDING]})
    assert (
        "B's benefits include a residual value of 40,000 GBP in year 3 (present value 36,078)."
        in case.notes
    )


def test_a_residual_before_the_final_year_is_refused() -> None:
    early = {**BUILDING, "benefits": [{"year": 1, "residual": 5000}, {"year": 3}]}
    with pytest.raises(ValidationError, match=r"belongs in the option's final year \(3\)"):
        OptionsFile.model_validate({"options": [early]})


# --- equivalent annual cost ----------------------------------------------------------------


def test_equivalent_annual_cost() -> None:
    o = _by_id(_case({"options": [NOTHING, BUILDING]}))["B"]
    # PV costs 100,000 over n = 3 years at r = 3.5 %:
    # r / (1 − (1 + r)^−n) = 0.035 / (1 − 0.901942706) = 0.035 / 0.098057294 = 0.356934181
    # 100,000 × 0.356934181 = 35,693.42, the same as 100,000 ÷ the annuity factor 2.801636981
    assert round(o.equivalent_annual_cost, 2) == 35693.42
    assert round(annuity_factor(GREEN_BOOK_DISCOUNT, 3), 9) == 2.801636981


def test_eac_is_over_each_options_own_period() -> None:
    short = {
        "id": "S",
        "name": "One-year contract",
        "scores": {},
        "optimism_bias": 0,
        "costs": [{"year": 1, "revenue": 10350}],
    }
    by_id = _by_id(_case({"options": [NOTHING, BUILDING, short]}))
    # PV 10,350 ÷ 1.035 = 10,000; over its own one year: 10,000 × 1.035 = 10,350 a year
    assert round(by_id["S"].equivalent_annual_cost, 2) == 10350.00
    # doing nothing, with no costs and a period of year 0 alone: no EAC
    assert by_id["O0"].equivalent_annual_cost is None


# --- one appraisal period ------------------------------------------------------------------


def test_every_option_is_shown_for_every_year_of_the_longest() -> None:
    short = {
        "id": "S",
        "name": "One-year contract",
        "scores": {},
        "optimism_bias": 0,
        "costs": [{"year": 1, "revenue": 10350}],
    }
    case = _case({"options": [NOTHING, BUILDING, short]})
    assert case.horizon == 3
    # years with no lines are there, as nil: 0 to 3 for every option
    for o in case.options:
        assert [y.year for y in o.years] == [0, 1, 2, 3]
    s = _by_id(case)["S"]
    assert [y.revenue for y in s.years] == [0.0, 10350.0, 0.0, 0.0]
    assert round(s.after_optimism.costs, 2) == 10000.00


# --- price base and nominal prices ---------------------------------------------------------

NOMINAL = {
    "id": "N",
    "name": "Service contract",
    "scores": {},
    "prices": "nominal",
    "optimism_bias": 0,
    "costs": [{"year": 1, "revenue": 10200}, {"year": 2, "revenue": 10506}],
}


def test_the_price_base_is_stated() -> None:
    case = _case({"options": [NOTHING, BUILDING], "price_base": "2010/11"})
    assert case.price_base == "2010/11"
    assert not any("Year 0 is taken as" in n for n in case.notes)
    # not stated: the financial year the partnership starts in (1 January 2026: 2025/26)
    unstated = _case({"options": [NOTHING, BUILDING]})
    assert unstated.price_base == "2025/26"
    assert (
        "Year 0 is taken as 2025/26, the financial year the partnership starts in "
        "(price_base in options.yaml to set it)." in unstated.notes
    )


def test_nominal_figures_are_turned_into_real_terms() -> None:
    options = {"options": [NOTHING, NOMINAL], "price_base": "2010/11", "gdp_deflators": DEFLATORS}
    case = _case(options)
    n = _by_id(case)["N"]
    # 2011/12 (year 1): 10,200 × 100 ÷ 102 = 10,000; 2012/13 (year 2): 10,506 × 100 ÷ 105.06
    # = 10,000, in 2010/11 prices
    assert [y.real_factor for y in n.years] == [1.0, 100 / 102, 100 / 105.06]
    assert [round(y.revenue, 2) for y in n.years] == [0.0, 10000.0, 10000.0]
    # PV: 10,000 × (0.966183575 + 0.933510700) = 18,996.94
    assert round(n.after_optimism.costs, 2) == 18996.94
    assert n.prices == "nominal" and case.deflators_source == DEFLATORS["source"]
    assert any(n.startswith("N written in nominal prices, turned into 2010/11") for n in case.notes)


def test_a_nominal_option_is_cash_as_written_for_affordability() -> None:
    options = {
        "options": [NOMINAL],
        "preferred": "N",
        "price_base": "2010/11",
        "gdp_deflators": DEFLATORS,
        "inflation": 5,  # not applied: the amounts are cash already
    }
    a = affordability(project(options=options))
    assert a is not None
    assert [(y.financial_year, y.costs) for y in a.years] == [
        ("2010/11", 0.0),
        ("2011/12", 10200.0),
        ("2012/13", 10506.0),
    ]
    # the index is what the deflators say prices rose by: 102 ÷ 100, 105.06 ÷ 100
    assert [y.price_index for y in a.years] == [1.0, 1.02, 1.0506]


def test_nominal_prices_need_a_price_base_and_deflators() -> None:
    with pytest.raises(ValidationError, match="is in nominal prices: give price_base"):
        OptionsFile.model_validate({"options": [NOMINAL], "gdp_deflators": DEFLATORS})
    short = {**DEFLATORS, "index": {"2010/11": 100.0, "2011/12": 102.0}}
    with pytest.raises(ValidationError, match="gdp_deflators has no index for 2012/13"):
        OptionsFile.model_validate(
            {"options": [NOMINAL], "price_base": "2010/11", "gdp_deflators": short}
        )


def test_the_examples_do_nothing_costs_20000_a_year() -> None:
    from psptool.load import load_project
    from tests.helpers import EXAMPLE

    case = economic_case(load_project(EXAMPLE).project)
    o0 = _by_id(case)["O0"]
    # £20,000 a year in years 1–5: PV 20,000 × 4.515052375 = 90,301.05; spread back evenly
    # over its five years, 90,301.05 ÷ 4.515052375 = 20,000.00 a year
    assert round(o0.equivalent_annual_cost, 2) == 20000.00
    # the example states no price_base: year 0 is the pilot's first financial year
    assert (case.price_base, case.horizon) == ("2010/11", 5)
