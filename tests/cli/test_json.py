"""Every `--format json` document keeps its documented shape: `schema_version` first, then the
same top-level keys (docs/cli.md, "JSON output"). A change here is a change for every tool
that reads psp's JSON: raise `SCHEMA_VERSION` when a key is renamed or removed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from psptool.render.tables import SCHEMA_VERSION
from tests.helpers import EXAMPLE, PspRunner

EX = [str(EXAMPLE), "--as-of", "2011-06-30"]

RESULT_KEYS = {
    "risks": ["as_of", "amber", "red", "risks", "heatmap"],
    "options": [
        "options",
        "leaders",
        "preferred",
        "preferred_is_top",
        "sensitivity",
        "tied_draws",
        "draws",
    ],
    "partners": ["candidates", "criteria"],
    "goals": ["goals"],
    "benefits": ["as_of", "period", "benefits"],
    "stakeholders": ["stakeholders", "unreached"],
    "plan": [
        "as_of",
        "period",
        "period_end",
        "order",
        "milestones",
        "critical_path",
        "due_next_period",
        "planned_end",
        "projected_end",
        "end_slippage_days",
        "pilot_earliest_end",
    ],
    "economics": [
        "currency",
        "discount",
        "optimism_source",
        "do_nothing",
        "preferred",
        "options",
        "without_streams",
        "sroi",
        "notes",
        "health_discount",
        "bcr_convention",
        "rankings_agree",
        "affordability",
        "price_base",
        "horizon",
        "deflators_source",
    ],
}


def _json(*args: str) -> dict[str, Any]:
    result = PspRunner().invoke(list(args))
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.output)
    assert isinstance(data, dict)
    return data


def test_the_shape_is_version_1() -> None:
    assert SCHEMA_VERSION == 1


def test_validate(tmp_path: Path) -> None:
    data = _json("validate", *EX, "--format", "json")
    assert list(data) == [
        "schema_version",
        "as_of",
        "strict",
        "exit_code",
        "counts",
        "folders",
        "diagnostics",
    ]
    assert data["schema_version"] == 1
    assert list(data["counts"]) == ["errors", "warnings", "files"]
    assert list(data["folders"][0]) == ["folder", "files", "errors", "warnings"]
    today = _json("validate", str(EXAMPLE), "--format", "json")  # reviews long overdue
    assert list(today["diagnostics"][0]) == [
        "code",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "hint",
    ]


@pytest.mark.parametrize("kind", sorted(RESULT_KEYS))
def test_score(kind: str) -> None:
    data = _json("score", kind, *EX, "--format", "json")
    assert list(data) == ["schema_version", "kind", "as_of", "result"]
    assert (data["schema_version"], data["kind"], data["as_of"]) == (1, kind, "2011-06-30")
    assert list(data["result"]) == RESULT_KEYS[kind]


def test_report_gate() -> None:
    data = _json("report", "gate", *EX, "--format", "json")
    assert list(data) == ["schema_version", "as_of", "met", "gate"]
    assert (data["schema_version"], data["as_of"], data["met"]) == (1, "2011-06-30", False)
    assert list(data["gate"]) == ["stage", "next_stage", "as_of", "items"]
    assert list(data["gate"]["items"][0]) == ["id", "label", "met", "reason", "guide", "due"]
