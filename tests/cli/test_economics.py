"""`psp score economics`: the economic case and the SROI through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from psptool.analysis.economics import economic_case
from psptool.load import load_project
from tests.helpers import EXAMPLE, PspRunner, make_project

EX = [str(EXAMPLE), "--as-of", "2011-06-30"]

OPTIONS = """\
options:
  - id: O0
    name: Do nothing
    do_nothing: true
    scores: {}
  - id: O1
    name: New service
    scores: {}
    costs:
      - {year: 0, capital: 100000}
      - {year: 1, revenue: 10000}
      - {year: 2, revenue: 10000}
    benefits:
      - {year: 1, cashable: 60000}
      - {year: 2, cashable: 60000, non_cashable: 20000}
    optimism_bias: standard_buildings
"""


def _score(*args: str) -> tuple[int, str]:
    result = PspRunner().invoke(["score", "economics", *args])
    return result.exit_code, result.output


def test_example_in_every_format() -> None:
    code, table = _score(*EX)
    assert code == 0, table
    for title in (
        "Economic case against doing nothing (O0)",
        "Each option's own figures",
        "Sensitivity: NPSV against doing nothing, with optimism bias",
        "Optimism bias at the guidance's bounds",
        "O3 financial case by year",
        "O3 economic case by year",
        "Social return on investment",
        "SROI by year",
    ):
        assert title in table
    assert "SROI 1.24 : 1" in table
    data = json.loads(_score(*EX, "--format", "json")[1])
    assert data["kind"] == "economics" and data["as_of"] == "2011-06-30"
    o3 = next(o for o in data["result"]["options"] if o["id"] == "O3")
    # full precision: the JSON figures are the library's, not rounded to four places
    case = economic_case(load_project(EX[0]).project)
    own = next(o for o in case.options if o.id == "O3")
    assert o3["preferred"] and o3["after_optimism"]["npv"] == own.after_optimism.npv
    assert round(o3["after_optimism"]["npv"], 2) == 536993.02
    assert data["result"]["sroi"]["inputs"] == 63000.0
    assert round(o3["relative_after"]["npv"], 2) == 627294.06
    rows = list(csv.DictReader(io.StringIO(_score(*EX, "--format", "csv")[1])))
    # seven streams (capital, revenue, optimism_bias, cashable, non_cashable, health,
    # residual) for each of years 0–5 of each of the four options
    assert len(rows) == 4 * 6 * 7
    # O3 year 1 revenue: 25,000 × 1 / 1.035 = 24,154.59, a cost so negative
    row = next(r for r in rows if (r["option"], r["year"], r["stream"]) == ("O3", "1", "revenue"))
    assert (row["discount_factor"], row["present_value"]) == ("0.966183574879", "-24154.5894")
    # the present values add up to each option's NPV; O3's less O0's is the NPSV, 627,294.06
    npv = {
        o: sum(float(r["present_value"]) for r in rows if r["option"] == o) for o in ("O0", "O3")
    }
    assert round(npv["O3"], 2) == 536993.02 and round(npv["O3"] - npv["O0"], 2) == 627294.06


def test_a_small_folder_to_the_penny(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", options_yaml=OPTIONS)
    code, out = _score(str(root), "--as-of", "2026-06-30", "--format", "json")
    assert code == 0, out
    o1 = next(o for o in json.loads(out)["result"]["options"] if o["id"] == "O1")
    # see tests/analysis/test_economics.py for the hand arithmetic
    before, after = o1["before_optimism"], o1["after_optimism"]
    assert (round(before["costs"], 2), round(before["benefits"], 2)) == (118996.94, 132651.87)
    assert (round(after["npv"], 2), round(after["bcr"], 4)) == (-10345.07, 0.9277)
    # the discount factors at full precision: 1 / 1.035 and 1 / 1.035², not 0.9662 and 0.9335
    factors = [y["discount_factor"] for y in o1["years"]]
    assert factors == [1.0, 1 / 1.035, 1 / 1.035**2]
    # so the year-by-year figures rebuild the NPV to a millionth of a pound, not to pounds
    rebuilt = sum(y["discounted_net"] for y in o1["years"])
    assert abs(rebuilt - after["npv"]) < 1e-6
    table = _score(str(root), "--as-of", "2026-06-30")[1]
    assert "O0 has no costs or benefits by year" in table
    assert "upper bound for standard buildings" in table


def test_no_streams_says_how_to_add_them(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "psp",
        options_yaml="options:\n  - {id: O0, name: Do nothing, do_nothing: true, scores: {}}\n",
    )
    code, out = _score(str(root), "--as-of", "2026-06-30")
    assert code == 0
    assert "No costs or benefits by year, so not appraised: O0" in out
    assert "Give options costs: and benefits: by year in options.yaml" in out
    csv_out = _score(str(root), "--as-of", "2026-06-30", "--format", "csv")[1]
    assert csv_out.splitlines() == ["option,year,stream,amount,discount_factor,present_value"]


def test_a_folder_with_errors_is_refused(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "psp", options_yaml=OPTIONS.replace("capital: 100000", "capital: -1")
    )
    code, out = _score(str(root), "--as-of", "2026-06-30")
    assert code == 1
    assert "PSP104" in out and "fix these errors first" in out


def test_sroi_left_out_is_a_warning_and_shown(tmp_path: Path, runner: PspRunner) -> None:
    benefits = (
        "benefits:\n  - id: B1\n    title: Carers stay\n"
        "    sroi: {quantity: 6, proxy: 8000, duration: 3, deadweight: 40}\n"
    )
    root = make_project(tmp_path / "psp", benefits_yaml=benefits)
    validate = runner.invoke(["validate", str(root), "--as-of", "2026-06-30"])
    assert "PSP418" in validate.output
    assert (
        "benefit B1: the SROI leaves out displacement, attribution, drop-off and the source "
        "of the financial proxy" in validate.output
    )
    out = _score(str(root), "--as-of", "2026-06-30")[1]
    assert "B1 leaves out displacement, attribution, drop-off" in out
    assert "no ratio without inputs" in out
