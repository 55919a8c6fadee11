"""The appraisal against doing nothing, health effects at their own rate, dominated options,
disbenefits and optimism bias by contributing factor: figures worked by hand.

Discount factors by hand, at the Green Book's 3.5 %:
  years 1–5: 1/1.035 + 1/1.035² + … + 1/1.035⁵ = 0.966184 + 0.933511 + 0.901943 + 0.871442
             + 0.841973 = 4.515052375 (the five-year annuity factor)
"""

from __future__ import annotations

from typing import Any

import pytest

from psptool.analysis.economics import HEALTH_DISCOUNT, economic_case
from psptool.load import load_project
from tests.analysis.helpers import project
from tests.helpers import EXAMPLE


def _case(*options: dict[str, Any], **files: Any) -> Any:
    return economic_case(project(options={"options": list(options)}, **files))


def _by_id(case: Any) -> dict[str, Any]:
    return {o.id: o for o in case.options}


# --- the worked example: the framework option against a do-nothing that has costs ----------


def test_the_framework_option_against_a_do_nothing_with_costs() -> None:
    case = economic_case(load_project(EXAMPLE).project)
    o0, o3 = _by_id(case)["O0"], _by_id(case)["O3"]
    # doing nothing: 20,000 a year in years 1–5 × 4.515052375 = 90,301.05
    assert round(o0.after_optimism.costs, 2) == 90301.05
    # O3's own: capital 30,000 × 1.50 = 45,000; revenue 85,000 × 1.15 = 97,750 in year 0;
    # 25,000 × 1.15 = 28,750 a year in years 1–5 × 4.515052375 = 129,807.76: 272,557.76.
    # Benefits 140,000 × 0.966184 + 190,000 × (4.515052 − 0.966184) = 809,550.77.
    own = o3.after_optimism
    assert (round(own.costs, 2), round(own.benefits, 2)) == (272557.76, 809550.77)
    assert (round(own.npv, 2), round(own.bcr, 2)) == (536993.02, 2.97)
    # against doing nothing: extra costs 272,557.76 − 90,301.05 = 182,256.71; NPSV
    # 809,550.77 − 182,256.71 = 627,294.06; BCR 809,550.77 / 182,256.71 = 4.44
    rel = o3.relative_after
    assert (round(rel.costs, 2), round(rel.npv, 2), round(rel.bcr, 2)) == (
        182256.71,
        627294.06,
        4.44,
    )
    # switching values: costs may rise 627,294.06 / 182,256.71 = 344.2 %; benefits may fall
    # 627,294.06 / 809,550.77 = 77.5 %
    assert (round(rel.costs_switch, 1), round(rel.benefits_switch, 1)) == (344.2, -77.5)
    sens = {s.varied: s for s in o3.relative_sensitivity}
    assert round(sens["costs"].switching_value, 1) == 344.2
    # net cost to the public sector: cashable 100,000 × 0.966184 + 150,000 × 3.548869
    # = 628,948.68 exceeds the extra costs of 182,256.71: the option pays for itself
    assert round(rel.cashable, 2) == 628948.68
    assert round(rel.net_public_cost, 2) == -446691.97
    assert rel.net_public_verdict == "pays for itself" and rel.net_public_bcr is None
    # O3 has both the highest NPSV and the highest weighted score
    assert (o3.npsv_rank, o3.score_rank, case.rankings_agree) == (1, 1, True)
    # doing nothing's costs are today's spending going on: not warned about for bias
    assert not any(n.startswith("O0 puts no optimism bias") for n in case.notes)


def test_ranking_by_npsv_and_by_score_disagree_and_say_so() -> None:
    criteria = [{"id": "q", "name": "Quality", "weight": 1}]
    nothing = {"id": "N", "name": "Nothing", "do_nothing": True, "scores": {"q": 1}}
    # A: NPSV 1,000 − 500 = 500 in year 0; score 2.  B: NPSV 900 − 100 = 800; score 1
    a = {
        "id": "A",
        "name": "A",
        "scores": {"q": 2},
        "costs": [{"year": 0, "revenue": 500}],
        "benefits": [{"year": 0, "cashable": 1000}],
        "optimism_bias": 0,
    }
    b = {**a, "id": "B", "name": "B", "scores": {"q": 1}}
    b["costs"], b["benefits"] = [{"year": 0, "revenue": 100}], [{"year": 0, "cashable": 900}]
    case = economic_case(project(options={"criteria": criteria, "options": [nothing, a, b]}))
    ranks = {o.id: (o.npsv_rank, o.score_rank) for o in case.options}
    # NPSV: B 800, A 500, N 0; score: A 2, then N and B tied on 1
    assert ranks == {"N": (3, 2), "A": (2, 1), "B": (1, 2)}
    assert case.rankings_agree is False
    assert any("by NPSV against doing nothing, B comes first" in n for n in case.notes)


# --- health effects at the health rate ------------------------------------------------------


def test_the_health_schedule_is_the_green_books() -> None:
    assert [(b.from_year, b.rate) for b in HEALTH_DISCOUNT.bands] == [
        (0, 1.5),
        (31, 1.29),
        (76, 1.07),
        (126, 0.86),
        (201, 0.64),
        (301, 0.43),
    ]
    # year 31 is thirty years at 1.5 % then one at 1.29 %: 1 / 1.015³⁰ = 0.639762430,
    # / 1.0129 = 0.631614602
    assert HEALTH_DISCOUNT.factor(31) == pytest.approx(0.631614602, abs=1e-9)


FORTY_YEARS: dict[str, Any] = {
    "id": "H",
    "name": "Health service",
    "scores": {},
    "costs": [{"year": 0, "capital": 1100000}],
    "benefits": [{"year": y, "cashable": 20000, "health": 20000} for y in range(1, 41)],
    "optimism_bias": 0,
}


def test_a_forty_year_case_discounts_health_at_the_health_rate_and_costs_at_the_standard() -> None:
    o = _case(FORTY_YEARS).options[0]
    pv = o.after_optimism
    # cashable at the standard rate: 20,000 × (18.392045 for years 1–30 at 3.5 % + 3.039127
    # for years 31–40 at 3.0 % after 30 at 3.5 %) = 20,000 × 21.431173 = 428,623.45
    assert round(pv.cashable, 2) == 428623.45
    # health at the health rate: 20,000 × (24.015838 for years 1–30 at 1.5 % + 5.966187
    # for years 31–40 at 1.29 %) = 20,000 × 29.982025 = 599,640.50
    assert round(pv.health, 2) == 599640.50
    # NPV = 428,623.45 + 599,640.50 − 1,100,000 = −71,736.05
    assert round(pv.npv, 2) == -71736.05
    # the discounted-net column still adds up to the NPV, each stream at its own factor
    assert round(sum(y.discounted_net for y in o.years), 2) == -71736.05
    assert len(o.years) == 41 and o.years[31].health_factor == pytest.approx(0.631614602)


def test_putting_the_whole_schedule_at_1_5_percent_gives_the_wrong_answer() -> None:
    # the old advice: discount_rates of 1.5 % in psp.yaml, health written as non-cashable.
    # Every stream then at 1.5 % flat for 40 years: annuity 29.915845; 40,000 × 29.915845
    # − 1,100,000 = +96,633.81: a positive NPV where the right one is −71,736.05
    lines = [{"year": y, "cashable": 20000, "non_cashable": 20000} for y in range(1, 41)]
    rates = {"discount_rates": {"rates": [{"from_year": 0, "rate": 1.5}]}}
    wrong = economic_case(
        project(rates, options={"options": [{**FORTY_YEARS, "benefits": lines}]})
    ).options[0]
    assert round(wrong.after_optimism.npv, 2) == 96633.81


# --- dominated options, tiny denominators and disbenefits -----------------------------------

NOTHING = {
    "id": "N",
    "name": "Nothing",
    "do_nothing": True,
    "scores": {},
    "costs": [{"year": 0, "revenue": 1000}],
    "benefits": [{"year": 0, "non_cashable": 5000}],
}


def test_a_dominated_option_is_said_to_be_so_not_given_a_negative_ratio() -> None:
    # costs 3,000 against 1,000 (2,000 more); benefits 4,000 against 5,000 (1,000 less)
    worse = {
        "id": "W",
        "name": "Worse",
        "scores": {},
        "costs": [{"year": 0, "revenue": 3000}],
        "benefits": [{"year": 0, "non_cashable": 4000}],
        "optimism_bias": 0,
    }
    case = _case(NOTHING, worse)
    rel = _by_id(case)["W"].relative_after
    assert (rel.costs, rel.benefits, rel.npv) == (2000.0, -1000.0, -3000.0)
    assert rel.bcr is None and rel.verdict == "dominated"
    assert any("W is dominated by doing nothing" in n for n in case.notes)


def test_a_tiny_extra_cost_gives_a_ratio_that_is_not_meaningful() -> None:
    # one penny more than doing nothing for 500 more benefit: 500 / 0.01 = 50,000 : 1
    penny = {
        "id": "P",
        "name": "Penny",
        "scores": {},
        "costs": [{"year": 0, "revenue": 1000.01}],
        "benefits": [{"year": 0, "non_cashable": 5500}],
        "optimism_bias": 0,
    }
    rel = _by_id(_case(NOTHING, penny))["P"].relative_after
    assert rel.bcr is None and rel.verdict == "not meaningful"
    assert round(rel.npv, 2) == 499.99


def test_negative_benefit_amounts_are_disbenefits() -> None:
    # year 0: cashable 1,000 and a disbenefit of −400 non-cashable; year 1: −200 health at
    # 1 / 1.015 = 0.985221675: −197.04. Benefits 1,000 − 400 − 197.04 = 402.96
    option = {
        "id": "D",
        "name": "With a disbenefit",
        "scores": {},
        "costs": [{"year": 0, "revenue": 100}],
        "benefits": [
            {"year": 0, "cashable": 1000, "non_cashable": -400},
            {"year": 1, "health": -200},
        ],
        "optimism_bias": 0,
    }
    pv = _case(option).options[0].after_optimism
    assert round(pv.health, 2) == -197.04
    assert round(pv.benefits, 2) == 402.96
    # BCR 402.96 / 100 = 4.03
    assert round(pv.bcr, 2) == 4.03


# --- optimism bias --------------------------------------------------------------------------


def test_mitigation_by_contributing_factor() -> None:
    # standard buildings: upper bound 24 % on capital. Factors: design complexity contributes
    # 40 % and is half mitigated; site conditions 20 %, fully mitigated:
    # (1 − 0.40 × 0.50 − 0.20 × 1.00) × 24 % = 0.60 × 24 % = 14.4 %
    bias = {
        "project_type": "standard_buildings",
        "factors": [
            {"name": "design complexity", "contribution": 40, "mitigation": 50},
            {"name": "site conditions", "contribution": 20, "mitigation": 100},
        ],
    }
    option = {
        "id": "B",
        "name": "Building",
        "scores": {},
        "costs": [{"year": 0, "capital": 100000}],
        "optimism_bias": bias,
    }
    o = _case(option).options[0]
    assert o.uplift.capital == pytest.approx(14.4) and o.uplift.mitigation == pytest.approx(0.6)
    # 14.4 % of 100,000 in year 0 = 14,400.00
    assert round(o.after_optimism.optimism_bias, 2) == 14400.00
    # the bounds in the sensitivity: upper 24 % (NPV −124,000), lower 2 % (NPV −102,000)
    assert [(c.bound, c.capital, round(c.npv, 2)) for c in o.optimism_cases] == [
        ("upper", 24.0, -124000.0),
        ("lower", 2.0, -102000.0),
    ]


def test_contributions_above_the_whole_are_refused() -> None:
    bias = {
        "project_type": "outsourcing",
        "factors": [
            {"name": "x", "contribution": 60, "mitigation": 10},
            {"name": "y", "contribution": 50, "mitigation": 10},
        ],
    }
    with pytest.raises(ValueError, match="add up to 100 or less"):
        _case({"id": "X", "name": "X", "scores": {}, "optimism_bias": bias})


def test_a_cost_without_bias_is_warned_about() -> None:
    # outsourcing puts 41 % on revenue and none on capital
    option = {
        "id": "C",
        "name": "Capital too",
        "scores": {},
        "costs": [{"year": 0, "capital": 1000, "revenue": 1000}],
        "optimism_bias": "outsourcing",
    }
    case = _case(option)
    assert any("C puts no optimism bias on its capital costs" in n for n in case.notes)


# --- SROI: net ratio, payback, each assumption ----------------------------------------------

SROI: dict[str, Any] = {
    "quantity": 10,
    "proxy": 1000,
    "proxy_source": "unit cost database",
    "duration": 3,
    "deadweight": 20,
    "displacement": 10,
    "attribution": 25,
    "drop_off": 10,
    "inputs": 5000,
}


def test_net_sroi_payback_and_each_assumption() -> None:
    sroi = economic_case(
        project(benefits={"benefits": [{"id": "B1", "title": "Outcome", "sroi": SROI}]})
    ).sroi
    # present value 13,699.35 (tests/analysis/test_economics.py) against inputs of 5,000:
    # net ratio (13,699.35 − 5,000) / 5,000 = 1.7399
    assert round(sroi.net_ratio, 4) == 1.7399
    # payback: 5,000 / (first year's impact 5,400 / 12 = 450 a month) = 11.11 months
    assert round(sroi.payback_months, 2) == 11.11
    ratios = {a.assumption: round(a.ratio, 4) for a in sroi.assumptions}
    # deadweight 30 %: impact 10,000 × 0.7 × 0.9 × 0.75 = 4,725; × (0.966184 + 0.9 × 0.933511
    # + 0.81 × 0.901943 = 2.536917) = 11,986.93; / 5,000 = 2.3974
    assert ratios["deadweight"] == 2.3974
    # proxy 10 % lower: 13,699.35 × 0.9 = 12,329.42; / 5,000 = 2.4659
    assert ratios["proxy"] == 2.4659
    # drop-off 20 %: 5,400 × (0.966184 + 0.8 × 0.933511 + 0.64 × 0.901943 = 2.290235)
    # = 12,367.27; / 5,000 = 2.4735
    assert ratios["drop_off"] == 2.4735
    assert [a.change for a in sroi.assumptions][-1] == "−10 %"
