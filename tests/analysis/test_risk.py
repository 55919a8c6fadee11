from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psptool.analysis.risk import rag, score_risks
from psptool.model.partnership import RiskMatrix
from tests.analysis.helpers import project

AS_OF = date(2026, 6, 30)


def risk(rid: str, likelihood: int, impact: int, **extra):
    return {
        "id": rid,
        "type": "risk",
        "title": rid,
        "likelihood": likelihood,
        "impact": impact,
        **extra,
    }


@pytest.mark.parametrize(
    ("score", "expected"),
    [(1, "green"), (4, "green"), (5, "amber"), (14, "amber"), (15, "red"), (25, "red")],
)
def test_rag_with_default_matrix(score: int, expected: str) -> None:
    assert rag(score, RiskMatrix()) == expected


def test_rag_with_the_partnerships_matrix() -> None:
    matrix = RiskMatrix(amber=8, red=12)
    assert [rag(s, matrix) for s in (7, 8, 11, 12)] == ["green", "amber", "amber", "red"]


def test_register_scores_sorts_and_counts() -> None:
    p = project(
        risks={
            "risks": [
                risk("R10", 2, 2),
                risk("R2", 4, 4, target={"likelihood": 2, "impact": 3}),
                risk("R1", 5, 5, status="closed"),
                risk(
                    "R3",
                    4,
                    4,
                    review="2026-06-01",
                    actions=[
                        {"action": "a", "due": "2026-06-01"},
                        {"action": "b", "done": True},
                        {"action": "c", "due": "2026-07-01"},
                    ],
                ),
                risk("R4", 1, 3, review="2026-07-10"),
            ]
        }
    )
    register = score_risks(p, AS_OF)
    # open first, score descending, then natural id order (R2 before R3, R10 last among 4s)
    assert [r.id for r in register.risks] == ["R2", "R3", "R10", "R4", "R1"]
    r2, r3, r10, r4, r1 = register.risks
    assert (r2.score, r2.rag, r2.target_score, r2.target_rag) == (16, "red", 6, "amber")
    assert (r3.open_actions, r3.overdue_actions, r3.review_state) == (2, 1, "overdue")
    assert (r10.score, r10.rag, r10.review_state) == (4, "green", "none")
    assert r4.review_state == "due"  # within a fortnight of the as-of date
    assert r1.review_state == "none"
    assert register.counts() == {"red": 2, "amber": 0, "green": 2}


def test_heatmap_counts_open_entries_per_cell() -> None:
    p = project(
        risks={
            "risks": [
                risk("R1", 4, 4),
                risk("R2", 4, 4),
                risk("R3", 1, 5),
                risk("R4", 4, 4, status="closed"),
            ]
        }
    )
    register = score_risks(p, AS_OF)
    assert len(register.heatmap) == 25
    cell = register.cell(4, 4)
    assert (cell.count, cell.ids, cell.score, cell.rag) == (2, ["R1", "R2"], 16, "red")
    assert register.cell(1, 5).ids == ["R3"]
    assert sum(c.count for c in register.heatmap) == 3
    # the grid runs from likelihood 5 at the top, impact 1 on the left
    assert (register.heatmap[0].likelihood, register.heatmap[0].impact) == (5, 1)


def test_empty_raid_log() -> None:
    register = score_risks(project(), AS_OF)
    assert register.risks == []
    assert register.counts() == {"red": 0, "amber": 0, "green": 0}
    assert all(c.count == 0 for c in register.heatmap)


@given(st.integers(1, 5), st.integers(1, 5))
def test_score_is_monotonic_in_likelihood_and_impact(likelihood: int, impact: int) -> None:
    order = ["green", "amber", "red"]
    matrix = RiskMatrix()
    base = rag(likelihood * impact, matrix)
    if likelihood < 5:
        assert order.index(rag((likelihood + 1) * impact, matrix)) >= order.index(base)
    if impact < 5:
        assert order.index(rag(likelihood * (impact + 1), matrix)) >= order.index(base)
