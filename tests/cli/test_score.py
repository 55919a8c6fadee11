"""`psp score` and `psp report gate` wiring: formats, exit codes, refusing a broken folder."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.check.test_codes import risk
from tests.helpers import EXAMPLE, PspRunner, make_project

EX = [str(EXAMPLE), "--as-of", "2011-06-30"]


@pytest.mark.parametrize(
    "kind", ["risks", "options", "partners", "goals", "benefits", "stakeholders", "plan"]
)
def test_every_kind_in_every_format(kind: str, runner: PspRunner) -> None:
    table = runner.invoke(["score", kind, *EX])
    assert table.exit_code == 0, table.output
    data = json.loads(runner.invoke(["score", kind, *EX, "--format", "json"]).output)
    assert data["kind"] == kind and data["as_of"] == "2011-06-30"
    rows = list(
        csv.reader(io.StringIO(runner.invoke(["score", kind, *EX, "--format", "csv"]).output))
    )
    assert len(rows) > 1


def test_risk_table_json_and_csv_carry_the_same_figures(runner: PspRunner) -> None:
    table = runner.invoke(["score", "risks", *EX]).output
    data = json.loads(runner.invoke(["score", "risks", *EX, "--format", "json"]).output)
    rows = list(
        csv.DictReader(
            io.StringIO(runner.invoke(["score", "risks", *EX, "--format", "csv"]).output)
        )
    )
    top = data["result"]["risks"][0]
    assert (top["id"], top["score"], top["rag"]) == ("R7", 15, "red")
    assert (rows[0]["ID"], rows[0]["Score"], rows[0]["RAG"]) == ("R7", "15", "red")
    assert "│ R7  │ issue" in table
    assert "Open entries: 1 red, 9 amber, 0 green" in table


def test_heatmap(runner: PspRunner) -> None:
    out = runner.invoke(["score", "risks", *EX, "--heatmap"]).output
    assert "Risk heat map" in out
    # the axes named and their steps in words; the cells keep the ids (a tool, not a paper)
    assert "┃ Likelihood / Impact ┃ Very low (1) ┃ Low (2) ┃ Medium (3) ┃ High (4) ┃" in out
    assert "│ Medium (3)          │              │ R12     │ R1 R4 R10  │ R5       │" in out


def test_options_show_sensitivity(runner: PspRunner) -> None:
    out = runner.invoke(["score", "options", *EX]).output
    assert "Sensitivity of the leader to each weight" in out
    data = json.loads(runner.invoke(["score", "options", *EX, "--format", "json"]).output)
    assert data["result"]["leaders"] == ["O3"]
    assert [o["score"] for o in data["result"]["options"]] == [78.0, 62.0, 50.0, 34.0]


def test_a_folder_with_errors_is_refused(tmp_path: Path, runner: PspRunner) -> None:
    root = make_project(tmp_path / "psp", risks_yaml=risk(owner="nobody"))
    result = runner.invoke(["score", "risks", str(root), "--as-of", "2026-06-30"])
    assert result.exit_code == 1
    assert "PSP202" in result.output and "fix these errors first" in result.output


def test_no_folder_is_exit_2(tmp_path: Path, runner: PspRunner) -> None:
    assert runner.invoke(["score", "risks", str(tmp_path)]).exit_code == 2


def test_gate_exit_codes(runner: PspRunner) -> None:
    unmet = runner.invoke(["report", "gate", *EX])
    assert unmet.exit_code == 1
    assert "Leaving pilot for sustain as at 30 June 2011: 3 of 8 items unmet." in unmet.output
    met = runner.invoke(["report", "gate", *EX, "--stage", "design"])
    assert met.exit_code == 0
    assert "the gate is met" in met.output


def test_gate_json_and_markdown(runner: PspRunner) -> None:
    data = json.loads(runner.invoke(["report", "gate", *EX, "--format", "json"]).output)
    assert data["met"] is False
    assert [i["id"] for i in data["gate"]["items"] if not i["met"]] == [
        "pilot_duration",
        "pilot_milestones_done",
        "fbc_signed",
    ]
    md = runner.invoke(["report", "gate", *EX, "--format", "markdown"]).output
    assert "| ✗ | Full business case approved |" in md


def test_gate_unknown_stage_is_a_usage_error(runner: PspRunner) -> None:
    result = runner.invoke(["report", "gate", *EX, "--stage", "launch"])
    assert result.exit_code == 2
