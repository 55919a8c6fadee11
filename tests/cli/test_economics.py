"""`psp score economics`: the economic case and the SROI through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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
        "Economic case",
        "Against doing nothing (O0)",
        "Sensitivity: NPV with optimism bias",
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
    assert o3["preferred"] and o3["after_optimism"]["npv"] == 536993.0168
    assert data["result"]["sroi"]["inputs"] == 63000.0
    rows = list(csv.DictReader(io.StringIO(_score(*EX, "--format", "csv")[1])))
    assert [r["ID"] for r in rows] == ["O0", "O1", "O2", "O3"]
    assert rows[3]["NPV with OB"] == "536993.0168"


def test_a_small_folder_to_the_penny(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", options_yaml=OPTIONS)
    code, out = _score(str(root), "--as-of", "2026-06-30", "--format", "csv")
    assert code == 0, out
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["ID"] == "O1")
    # see tests/analysis/test_economics.py for the hand arithmetic
    assert (row["PV costs"], row["PV benefits"], row["NPV"]) == (
        "118996.9428",
        "132651.8705",
        "13654.9278",
    )
    assert (row["OB"], row["NPV with OB"], row["BCR with OB"]) == (
        "capital 24 %",
        "-10345.0722",
        "0.9277",
    )
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
    assert csv_out.splitlines() == [
        "ID,Option,PV costs,PV benefits,NPV,BCR,OB,PV costs with OB,NPV with OB,BCR with OB"
    ]


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
