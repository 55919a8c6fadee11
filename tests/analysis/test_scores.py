"""The score registry (render/scores.py): every kind of `psp score` is declared once, and the
CLI, the library's exports and the docs follow it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import psptool
from psptool import analysis
from psptool.cli.score import Kind
from psptool.render.scores import SCORES
from tests.helpers import PspRunner

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_the_scores_in_the_order_psp_score_lists_them() -> None:
    assert list(SCORES) == [
        "risks", "options", "partners", "goals", "benefits", "stakeholders", "plan", "economics",
    ]  # fmt: skip
    assert [kind.value for kind in Kind] == list(SCORES)


def test_every_score_s_analysis_is_exported_by_the_library() -> None:
    for score in SCORES.values():
        name = score.analyse.__name__
        assert name in analysis.__all__, name
        assert getattr(analysis, name) is score.analyse
        assert name in psptool.__all__, name
        assert getattr(psptool, name) is score.analyse


def test_only_the_plan_benefits_and_risks_depend_on_the_date() -> None:
    assert {s.name for s in SCORES.values() if s.dated} == {"risks", "benefits", "plan"}


def test_only_risks_have_a_heat_map() -> None:
    assert [s.name for s in SCORES.values() if s.heatmap is not None] == ["risks"]


def test_the_heat_map_of_another_kind_is_refused() -> None:
    result = PspRunner().invoke(["score", "goals", "--heatmap"])
    assert result.exit_code == 2
    assert "the heat map is of risks: psp score risks --heatmap" in result.output


def test_each_score_s_help_is_its_row_in_docs_cli() -> None:
    section = DOCS.read_text(encoding="utf-8").split("## psp score\n")[1].split("\n## ")[0]
    rows = dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", section, re.M))
    assert rows == {name: score.help for name, score in SCORES.items()}
    usage = re.search(r"^psp score (\S+) \[DIR\]$", section, re.M)
    assert usage is not None
    assert usage.group(1) == "|".join(SCORES)


def test_a_score_runs_and_shows_its_tables(example: Path) -> None:
    from psptool.check import validate

    when = date(2011, 6, 30)
    project = validate(example, when).result.project  # type: ignore[union-attr]
    goals = SCORES["goals"]
    tables = goals.show(goals.run(project, when))
    assert [t.title for t in tables] == ["SMART goals"]
    risks = SCORES["risks"]
    register = risks.run(project, when)
    assert [t.title for t in risks.show(register)] == ["RAID log"]
    assert [t.title for t in risks.show(register, heatmap=True)] == ["Risk heat map"]
