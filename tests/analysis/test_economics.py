"""The economic case and the SROI against examples worked by hand, to the penny.

Discount factors by hand, at the Green Book's 3.5 %:
  year 1: 1 / 1.035     = 0.966183574879
  year 2: 1 / 1.071225  = 0.933510700366
  year 3: 1 / 1.108717875 = 0.901942705668
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from psptool.analysis.economics import (
    GREEN_BOOK_DISCOUNT,
    DiscountSchedule,
    RateBand,
    economic_case,
)
from psptool.analysis.optimism import OPTIMISM_BIAS, uplift_of
from psptool.model.options import PROJECT_TYPES
from tests.analysis.helpers import project
from tests.helpers import check, make_project

# --- discounting ---------------------------------------------------------------------------


def test_year_zero_is_not_discounted_and_the_first_thirty_years_use_3_5_percent() -> None:
    factor = GREEN_BOOK_DISCOUNT.factor
    assert factor(0) == 1.0
    assert factor(1) == pytest.approx(0.966183574879, abs=1e-12)
    assert factor(30) == pytest.approx(1 / 1.035**30, rel=1e-12)  # 0.356278410602


def test_the_rate_falls_to_3_percent_from_year_31_compounding_on_year_30() -> None:
    # year 31 is one year at 3.0 % after thirty at 3.5 %: 0.356278410602 / 1.03 = 0.345901369517
    # (a flat 3.5 % would give 0.344230348408: the schedule is not applied to the whole term)
    assert GREEN_BOOK_DISCOUNT.factor(31) == pytest.approx(0.345901369517, abs=1e-12)
    # year 75: forty-five years at 3.0 % after year 30: 0.356278410602 / 1.03^45 = 0.094213772577
    assert GREEN_BOOK_DISCOUNT.factor(75) == pytest.approx(0.094213772577, abs=1e-12)
    # year 76: one year at 2.5 % more: 0.094213772577 / 1.025 = 0.091915875685
    assert GREEN_BOOK_DISCOUNT.factor(76) == pytest.approx(0.091915875685, abs=1e-12)


def test_a_year_centuries_away_is_worth_nothing_today_rather_than_an_error() -> None:
    assert GREEN_BOOK_DISCOUNT.factor(10**9) == 0.0
    assert DiscountSchedule((RateBand(0, 100.0),), "test", "").factor(5000) == 0.0


def test_the_schedule_is_the_green_books_with_its_source() -> None:
    assert [(b.from_year, b.rate) for b in GREEN_BOOK_DISCOUNT.bands] == [
        (0, 3.5),
        (31, 3.0),
        (76, 2.5),
        (126, 2.0),
        (201, 1.5),
        (301, 1.0),
    ]
    assert "Green Book" in GREEN_BOOK_DISCOUNT.source and GREEN_BOOK_DISCOUNT.dated == "2022"


def test_the_factor_is_the_product_of_each_years_rate() -> None:
    bands = (RateBand(0, 10.0), RateBand(2, 0.0), RateBand(4, 100.0))
    schedule = DiscountSchedule(bands, "test", "")
    # years 1 at 10 %, 2–3 at 0 %, 4 on at 100 %
    assert [round(schedule.factor(y), 12) for y in range(6)] == [
        1.0,
        round(1 / 1.1, 12),
        round(1 / 1.1, 12),
        round(1 / 1.1, 12),
        round(1 / 2.2, 12),
        round(1 / 4.4, 12),
    ]


# --- a three-year option with a year-0 capital cost -----------------------------------------

THREE_YEARS: dict[str, Any] = {
    "id": "O1",
    "name": "New service",
    "scores": {},
    "costs": [
        {"year": 0, "capital": 100000},
        {"year": 1, "revenue": 10000},
        {"year": 2, "revenue": 10000},
    ],
    "benefits": [
        {"year": 1, "cashable": 60000},
        {"year": 2, "cashable": 60000, "non_cashable": 20000},
    ],
}


def _case(*options: dict[str, Any], **files: Any) -> Any:
    return economic_case(project(options={"options": list(options)}, **files))


def test_three_year_option_to_the_penny() -> None:
    o = _case(THREE_YEARS).options[0]
    pv = o.before_optimism
    # capital in year 0 is not discounted: 100,000.00
    assert round(pv.capital, 2) == 100000.00
    # revenue: 10,000 × (0.966183574879 + 0.933510700366) = 10,000 × 1.899694275245 = 18,996.94
    assert round(pv.revenue, 2) == 18996.94
    assert round(pv.costs, 2) == 118996.94
    # cashable: 60,000 × 1.899694275245 = 113,981.66; non-cashable: 20,000 × 0.933510700366
    # = 18,670.21; together 132,651.87
    assert round(pv.cashable, 2) == 113981.66
    assert round(pv.non_cashable, 2) == 18670.21
    assert round(pv.benefits, 2) == 132651.87
    # NPV = 132,651.87 − 118,996.94 = 13,654.93; BCR = 132,651.87 / 118,996.94 = 1.1148
    assert round(pv.npv, 2) == 13654.93
    assert round(pv.bcr, 4) == 1.1148
    # no optimism bias given: the figures after it are the same
    assert o.after_optimism == pv and o.uplift.basis == "none given"


def test_financial_case_by_year_with_cumulative_net_position() -> None:
    o = _case(THREE_YEARS).options[0]
    # year 0: −100,000; year 1: 60,000 − 10,000 = 50,000; year 2: 60,000 − 10,000 = 50,000
    assert [(y.year, y.net_cash, y.cumulative_net_cash) for y in o.years] == [
        (0, -100000.0, -100000.0),
        (1, 50000.0, -50000.0),
        (2, 50000.0, 0.0),
    ]
    # discounted net adds up to the NPV: −100,000 + 50,000 × 0.966183574879
    # + 70,000 × 0.933510700366 = 13,654.93
    assert round(sum(y.discounted_net for y in o.years), 2) == 13654.93


def test_optimism_bias_on_capital_only() -> None:
    # standard buildings: the guidance's upper bound is 24 % on capital, nothing on revenue
    o = _case({**THREE_YEARS, "optimism_bias": "standard_buildings"}).options[0]
    assert (o.uplift.capital, o.uplift.revenue) == (24.0, 0.0)
    after = o.after_optimism
    # 24 % of the year-0 capital of 100,000 = 24,000.00, not discounted; revenue unchanged
    assert round(after.optimism_bias, 2) == 24000.00
    assert round(after.revenue, 2) == 18996.94
    # costs 118,996.94 + 24,000.00 = 142,996.94; NPV 132,651.87 − 142,996.94 = −10,345.07
    assert round(after.costs, 2) == 142996.94
    assert round(after.npv, 2) == -10345.07
    # BCR 132,651.87 / 142,996.94 = 0.9277
    assert round(after.bcr, 4) == 0.9277
    assert [y.optimism_bias for y in o.years] == [24000.0, 0.0, 0.0]
    # the same with the percentage written out for capital alone
    mapped = _case({**THREE_YEARS, "optimism_bias": {"capital": 24}}).options[0]
    assert round(mapped.after_optimism.npv, 2) == -10345.07


def test_sensitivity_and_switching_values() -> None:
    o = _case({**THREE_YEARS, "optimism_bias": "standard_buildings"}).options[0]
    costs, benefits = o.sensitivity
    # costs +10 %: 132,651.87 − 142,996.94 × 1.1 = −24,644.77
    assert round(dict((c.change, c.npv) for c in costs.cases)[10], 2) == -24644.77
    # benefits −20 %: 132,651.87 × 0.8 − 142,996.94 = −36,875.45
    assert round(dict((c.change, c.npv) for c in benefits.cases)[-20], 2) == -36875.45
    # NPV is zero when costs fall by 10,345.07 / 142,996.94 = 7.23 %, or benefits rise by
    # 10,345.07 / 132,651.87 = 7.80 %
    assert round(costs.switching_value, 2) == -7.23
    assert round(benefits.switching_value, 2) == 7.80


def test_a_31_year_stream_crosses_from_3_5_to_3_percent() -> None:
    stream = [{"year": y, "non_cashable": 1000} for y in range(1, 32)]
    o = _case({"id": "O1", "name": "Long", "scores": {}, "benefits": stream}).options[0]
    # years 1–30 at 3.5 %: 1,000 × (1 − 1.035^−30) / 0.035 = 1,000 × 18.392045411 = 18,392.05
    # year 31 at 3.0 % on year 30: 1,000 × 0.345901369517 = 345.90
    # together 18,737.95 (a flat 3.5 % would give 18,736.28)
    assert round(o.before_optimism.benefits, 2) == 18737.95
    assert o.before_optimism.bcr is None  # no costs


def test_lines_of_the_same_year_add_up() -> None:
    split = {
        **THREE_YEARS,
        "costs": [
            {"year": 0, "capital": 60000},
            {"year": 0, "capital": 40000},
            {"year": 2, "revenue": 10000},
            {"year": 1, "revenue": 10000},
        ],
    }
    assert round(_case(split).options[0].before_optimism.npv, 2) == 13654.93


def test_optimism_bias_forms() -> None:
    assert (uplift_of(None).capital, uplift_of(None).revenue) == (0.0, 0.0)
    o = _case(
        {**THREE_YEARS, "id": "O1", "optimism_bias": "outsourcing"},
        {**THREE_YEARS, "id": "O2", "optimism_bias": 20},
        {**THREE_YEARS, "id": "O3", "optimism_bias": {"project_type": "standard_buildings"}},
        {
            **THREE_YEARS,
            "id": "O4",
            "optimism_bias": {"project_type": "non_standard_buildings", "capital": 10},
        },
    ).options
    # outsourcing: 41 % on revenue (operating) costs only; 41 % of 18,996.94 = 7,788.75
    assert (o[0].uplift.capital, o[0].uplift.revenue) == (0.0, 41.0)
    assert round(o[0].after_optimism.optimism_bias, 2) == 7788.75
    # a plain 20 %: on both: 20,000.00 + 3,799.39 = 23,799.39
    assert round(o[1].after_optimism.optimism_bias, 2) == 23799.39
    assert o[1].uplift.basis == "given"
    assert o[2].uplift.basis == "upper bound for standard buildings"
    assert (o[2].uplift.works_duration, o[2].uplift.lower) == (4, 2)
    # a given capital replaces the type's 51 %; revenue keeps the type's (none)
    assert (o[3].uplift.capital, o[3].uplift.revenue) == (10.0, 0.0)
    assert o[3].uplift.basis.startswith("given, in place of the upper bound")


def test_optimism_bias_table_is_the_published_one() -> None:
    # upper bounds: capital expenditure (operating for outsourcing) and works duration
    # (capital upper, operating upper, works duration upper, expenditure lower, duration lower)
    published = {
        "standard_buildings": (24, 0, 4, 2, 1),
        "non_standard_buildings": (51, 0, 39, 4, 2),
        "standard_civil_engineering": (44, 0, 20, 3, 1),
        "non_standard_civil_engineering": (66, 0, 25, 6, 3),
        "equipment_development": (200, 0, 54, 10, 10),
        "outsourcing": (0, 41, None, 0, None),
    }
    assert tuple(OPTIMISM_BIAS) == PROJECT_TYPES
    assert {
        k: (b.capital, b.revenue, b.works_duration, b.lower, b.lower_duration)
        for k, b in OPTIMISM_BIAS.items()
    } == published


# --- against doing nothing ------------------------------------------------------------------

DO_NOTHING: dict[str, Any] = {
    "id": "O0",
    "name": "Do nothing",
    "do_nothing": True,
    "scores": {},
    "costs": [{"year": 1, "revenue": 10000}, {"year": 2, "revenue": 10000}],
}


def test_relative_to_do_nothing() -> None:
    case = _case(DO_NOTHING, THREE_YEARS)
    assert case.do_nothing == "O0"
    o = case.options[1]
    rel = o.relative_before
    # do nothing costs 10,000 × 1.899694275245 = 18,996.94; the option 118,996.94
    # extra costs 100,000.00, extra benefits 132,651.87: NPV 32,651.87, BCR 1.3265
    assert round(rel.costs, 2) == 100000.00
    assert round(rel.benefits, 2) == 132651.87
    assert round(rel.npv, 2) == 32651.87
    assert round(rel.bcr, 4) == 1.3265
    assert rel.costs_less is False
    assert case.options[0].relative_before is None


def test_an_option_that_costs_less_than_doing_nothing_has_no_ratio() -> None:
    cheap = {**THREE_YEARS, "costs": [{"year": 1, "revenue": 5000}]}
    rel = _case(DO_NOTHING, cheap).options[1].relative_after
    # 5,000 × 0.966183574879 − 18,996.9428 = 4,830.9179 − 18,996.9428 = −14,166.02 extra costs
    assert round(rel.costs, 2) == -14166.02
    assert rel.bcr is None and rel.costs_less
    # extra benefits 132,651.8705 and a saving of 14,166.0249: NPV 146,817.90
    assert round(rel.npv, 2) == 146817.90


def test_the_same_costs_as_doing_nothing_give_no_ratio() -> None:
    same = {**THREE_YEARS, "costs": [{"year": 2, "revenue": 10000}, {"year": 1, "revenue": 10000}]}
    rel = _case(DO_NOTHING, same).options[1].relative_after
    assert abs(rel.costs) < 0.005 and rel.costs_less and rel.bcr is None


def test_do_nothing_without_streams_counts_as_nil() -> None:
    case = _case({**DO_NOTHING, "costs": []}, THREE_YEARS)
    assert round(case.options[1].relative_before.npv, 2) == 13654.93
    assert any("taken as nil" in note for note in case.notes)
    assert any("O1 puts no optimism bias on its capital or revenue costs" in n for n in case.notes)


def test_options_without_streams_are_listed_not_appraised() -> None:
    bare = {"id": "O2", "name": "Bare", "scores": {}}
    case = _case(THREE_YEARS, bare)
    assert [o.id for o in case.options] == ["O1"] and case.without_streams == ["O2"]
    nothing = _case(bare)
    assert nothing.options == [] and nothing.without_streams == ["O2"]
    assert nothing.sroi is None


def test_own_discount_rates_from_psp_yaml() -> None:
    rates = {"rates": [{"from_year": 0, "rate": 10}], "source": "our policy"}
    case = _case(THREE_YEARS, psp={"discount_rates": rates})
    # revenue: 10,000 / 1.1 + 10,000 / 1.21 = 9,090.91 + 8,264.46 = 17,355.37
    assert round(case.options[0].before_optimism.revenue, 2) == 17355.37
    assert case.discount.source == "our policy"


# --- SROI ----------------------------------------------------------------------------------

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


def _sroi(*benefits: dict[str, Any], **extra: Any) -> Any:
    return economic_case(project(benefits={"benefits": list(benefits), **extra})).sroi


def test_sroi_with_every_adjustment_and_drop_off() -> None:
    b = _sroi({"id": "B1", "title": "Outcome", "sroi": SROI}).benefits[0]
    # 10 × 1,000 = 10,000; × (1 − 0.20) × (1 − 0.10) × (1 − 0.25) = 10,000 × 0.54 = 5,400.00
    assert (b.gross, round(b.impact, 2)) == (10000.0, 5400.00)
    # drop-off 10 % after the first year: 5,400.00, 4,860.00, 4,374.00
    assert [round(y.impact, 2) for y in b.years] == [5400.00, 4860.00, 4374.00]
    # discounted from year 1: 5,400 / 1.035 = 5,217.39; 4,860 / 1.071225 = 4,536.86;
    # 4,374 / 1.108717875 = 3,945.10
    assert [round(y.present_value, 2) for y in b.years] == [5217.39, 4536.86, 3945.10]
    # present value 13,699.35; against inputs of 5,000: 2.7399 : 1
    assert round(b.present_value, 2) == 13699.35
    assert round(b.ratio, 4) == 2.7399
    assert b.left_out == []


def test_partnership_sroi_with_inputs_over_two_years() -> None:
    sroi = _sroi(
        {"id": "B1", "title": "Outcome", "sroi": SROI},
        sroi_inputs=[
            {"name": "Council", "value": 4000},
            {"name": "Charity, in kind", "value": 1035, "year": 1},
        ],
    )
    # inputs: 4,000 + 1,035 / 1.035 = 5,000.00; ratio 13,699.35 / 5,000 = 2.7399; net 8,699.35
    assert sroi.inputs_from == "sroi_inputs"
    assert round(sroi.inputs, 2) == 5000.00
    assert round(sroi.ratio, 4) == 2.7399
    assert round(sroi.net_present_value, 2) == 8699.35
    # the value can fall by 8,699.35 / 13,699.35 = 63.50 % before the ratio is 1 : 1
    assert round(sroi.switching_value, 2) == 63.50
    # every impact 20 % lower: 13,699.35 × 0.8 / 5,000 = 2.1919
    assert round(sroi.sensitivity[0].ratio, 4) == 2.1919


def test_partnership_inputs_from_the_benefits_when_every_one_gives_them() -> None:
    two = _sroi(
        {"id": "B1", "title": "One", "sroi": SROI},
        {"id": "B2", "title": "Two", "sroi": {**SROI, "inputs": 3000}},
    )
    assert two.inputs_from == "benefits" and two.inputs == 8000
    assert round(two.ratio, 4) == round(2 * 13699.3507 / 8000, 4)
    one_without = _sroi(
        {"id": "B1", "title": "One", "sroi": SROI},
        {"id": "B2", "title": "Two", "sroi": {k: v for k, v in SROI.items() if k != "inputs"}},
    )
    assert one_without.inputs is None and one_without.ratio is None
    assert one_without.sensitivity == [] and one_without.switching_value is None


def test_adjustments_left_out_count_as_nil_and_are_named() -> None:
    bare = {"quantity": 10, "proxy": 1000, "duration": 2}
    b = _sroi({"id": "B1", "title": "Outcome", "sroi": bare}).benefits[0]
    # nothing deducted: 10,000 a year; 10,000 / 1.035 + 10,000 / 1.071225 = 18,996.94
    assert round(b.present_value, 2) == 18996.94
    assert b.left_out == [
        "deadweight",
        "displacement",
        "attribution",
        "drop-off",
        "the source of the financial proxy",
    ]


def test_undiscounted_rates_are_reported_as_discounting_left_out() -> None:
    nil = {"rates": [{"from_year": 0, "rate": 0}]}
    sroi = economic_case(
        project(
            psp={"discount_rates": nil},
            benefits={"benefits": [{"id": "B1", "title": "Outcome", "sroi": SROI}]},
        )
    ).sroi
    assert sroi.benefits[0].left_out == ["discounting"]
    # 5,400 + 4,860 + 4,374 undiscounted
    assert round(sroi.present_value, 2) == 14634.00


# --- validation of the new fields -----------------------------------------------------------

OPTION = """\
options:
  - id: O1
    name: New service
    do_nothing: true
    scores: {{}}
    costs:
      - {{year: {year}, capital: {capital}}}
    optimism_bias: {bias}
"""


def _findings(tmp_path: Path, **files: str) -> list[tuple[str, str, int, str | None]]:
    root = make_project(tmp_path / "psp", **files)
    return [(d.code, d.message, d.line, d.hint) for d in check(root).diagnostics]


@pytest.mark.parametrize(
    ("year", "capital", "bias", "code", "message", "line"),
    [
        (-1, 100, 10, "PSP104", "option O1: costs[1].year must be at least 0, got -1", 7),
        (1.5, 100, 10, "PSP103", "option O1: costs[1].year must be a whole number, got 1.5", 7),
        (0, -5, 10, "PSP104", "option O1: costs[1].capital must be at least 0.0, got -5", 7),
        (0, "lots", 10, "PSP103", "option O1: costs[1].capital must be a number, got 'lots'", 7),
        (0, 100, -5, "PSP104", "option O1: optimism_bias must be at least 0, got -5", 8),
        (
            0,
            100,
            "true",
            "PSP108",
            "option O1: optimism_bias must be a project type (such as standard_buildings), a "
            "percentage, or a mapping of project_type, capital and revenue",
            8,
        ),
        (
            0,
            100,
            "20 %",
            "PSP108",
            "option O1: optimism_bias must be a number without the % sign: 20",
            8,
        ),
        (
            0,
            100,
            "{capitol: 5}",
            "PSP101",
            "option O1: unknown key 'capitol'",
            8,
        ),
    ],
)
def test_option_streams_are_validated(
    tmp_path: Path, year: Any, capital: Any, bias: Any, code: str, message: str, line: int
) -> None:
    text = OPTION.format(year=year, capital=capital, bias=bias)
    found = _findings(tmp_path, options_yaml=text)
    assert [(c, m, ln) for c, m, ln, _ in found] == [(code, message, line)]


def test_a_misspelt_project_type_is_a_choice_error_with_a_suggestion(tmp_path: Path) -> None:
    text = OPTION.format(year=0, capital=100, bias="standard_building")
    [(code, message, line, hint)] = _findings(tmp_path, options_yaml=text)
    assert (code, line, hint) == ("PSP105", 8, "did you mean 'standard_buildings'?")
    assert message.startswith("option O1: optimism_bias 'standard_building' is not one of: ")


def test_a_valid_option_with_streams_has_no_findings(tmp_path: Path) -> None:
    text = OPTION.format(year=0, capital=100, bias="{project_type: outsourcing, revenue: 20}")
    assert _findings(tmp_path, options_yaml=text) == []


BENEFIT = """\
benefits:
  - id: B1
    title: Outcome
    sroi:
      quantity: 10
      proxy: 1000
      proxy_source: unit cost database
      duration: {duration}
      deadweight: {deadweight}
      displacement: 0
      attribution: 0
      drop_off: 0
"""


@pytest.mark.parametrize(
    ("duration", "deadweight", "code", "message"),
    [
        (3, 120, "PSP104", "benefit B1: sroi.deadweight must be at most 100.0, got 120"),
        (3, -1, "PSP104", "benefit B1: sroi.deadweight must be at least 0.0, got -1"),
        (0, 10, "PSP104", "benefit B1: sroi.duration must be at least 1, got 0"),
        (2.5, 10, "PSP103", "benefit B1: sroi.duration must be a whole number, got 2.5"),
        (51, 10, "PSP104", "benefit B1: sroi.duration must be at most 50, got 51"),
    ],
)
def test_sroi_is_validated(
    tmp_path: Path, duration: Any, deadweight: Any, code: str, message: str
) -> None:
    text = BENEFIT.format(duration=duration, deadweight=deadweight)
    assert [(c, m) for c, m, _, _ in _findings(tmp_path, benefits_yaml=text)] == [(code, message)]


def test_sroi_needs_quantity_proxy_and_duration(tmp_path: Path) -> None:
    text = "benefits:\n  - id: B1\n    title: Outcome\n    sroi: {quantity: 3}\n"
    found = [(c, m) for c, m, _, _ in _findings(tmp_path, benefits_yaml=text)]
    assert found == [
        ("PSP102", "benefit B1: 'proxy' is required"),
        ("PSP102", "benefit B1: 'duration' is required"),
    ]


def test_sroi_left_out_adjustments_are_one_warning(tmp_path: Path) -> None:
    text = BENEFIT.format(duration=2, deadweight=10).replace("      drop_off: 0\n", "")
    text = text.replace("      displacement: 0\n", "")
    [(code, message, line, _)] = _findings(tmp_path, benefits_yaml=text)
    assert (code, line) == ("PSP418", 4)
    assert message == "benefit B1: the SROI leaves out displacement and drop-off"


@pytest.mark.parametrize(
    ("rates", "code", "message"),
    [
        (
            "[{from_year: 5, rate: 3.5}]",
            "PSP108",
            "discount_rates must start with a rate from_year: 0",
        ),
        (
            "[{from_year: 0, rate: 3.5}, {from_year: 0, rate: 3}]",
            "PSP108",
            "discount_rates must give each from_year once, in increasing order",
        ),
        (
            "[{from_year: 0, rate: 350}]",
            "PSP104",
            "discount_rates.rates[1].rate must be at most 100.0, got 350",
        ),
        ("[]", "PSP108", "discount_rates must start with a rate from_year: 0"),
    ],
)
def test_discount_rates_are_validated(tmp_path: Path, rates: str, code: str, message: str) -> None:
    from tests.helpers import PSP

    text = PSP + f"discount_rates:\n  rates: {rates}\n"
    assert [(c, m) for c, m, _, _ in _findings(tmp_path, psp_yaml=text)] == [(code, message)]
