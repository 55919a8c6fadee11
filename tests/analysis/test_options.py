import pytest
from hypothesis import given
from hypothesis import strategies as st

from psptool.analysis.options import appraise_options
from psptool.analysis.partners import rank_candidates
from tests.analysis.helpers import project

CRITERIA = [
    {"id": "issues", "name": "Issues", "weight": 3},
    {"id": "cost", "name": "Cost", "weight": 1},
]


def options(*rows, preferred=None, criteria=CRITERIA):
    return project(
        options={
            "criteria": criteria,
            "options": [
                {"id": oid, "name": oid, "scores": scores, **extra} for oid, scores, extra in rows
            ],
            "preferred": preferred,
        }
    )


def test_weighted_scores_out_of_100_and_ranking() -> None:
    p = options(
        ("O0", {"issues": 1, "cost": 5}, {"do_nothing": True, "cost": 0}),
        ("O1", {"issues": 5, "cost": 2}, {"cost": 170000}),
        ("O2", {"issues": 3, "cost": 3}, {}),
        preferred="O1",
    )
    a = appraise_options(p)
    # O1: 3x5 + 1x2 = 17 of 20 -> 85; O2: 9 + 3 = 12 -> 60; O0: 3 + 5 = 8 -> 40
    assert [(o.id, o.weighted, o.score, o.rank) for o in a.options] == [
        ("O1", 17, 85.0, 1),
        ("O2", 12, 60.0, 2),
        ("O0", 8, 40.0, 3),
    ]
    assert a.leaders == ["O1"] and a.preferred_is_top is True
    assert a.options[0].cost_per_point == pytest.approx(2000.0)  # 170,000 / 85
    assert a.options[1].cost_per_point is None
    assert a.options[2].cost_per_point == 0.0


def test_sensitivity_is_the_nearest_crossing() -> None:
    p = options(
        ("O0", {"issues": 1, "cost": 5}, {"do_nothing": True}),
        ("O1", {"issues": 5, "cost": 2}, {}),
    )
    issues, cost = appraise_options(p).sensitivity
    # issues share t: O1 = 5t + 2(1-t), O0 = t + 5(1-t); equal at t = 3/7 = 42.9 % (now 75 %)
    assert issues.share == pytest.approx(75.0)
    assert issues.switch_share == pytest.approx(300 / 7)
    assert issues.change == pytest.approx(300 / 7 - 75)
    assert issues.new_leader == "O0"
    # cost share s: O1 = 2s + 5(1-s), O0 = 5s + 1(1-s); equal at s = 4/7 = 57.1 % (now 25 %)
    assert cost.switch_share == pytest.approx(400 / 7)
    assert cost.change == pytest.approx(400 / 7 - 25)


def test_robust_when_no_weight_changes_the_leader() -> None:
    p = options(("O0", {"issues": 1, "cost": 1}, {}), ("O1", {"issues": 5, "cost": 4}, {}))
    assert all(s.robust for s in appraise_options(p).sensitivity)


def test_equal_weights() -> None:
    equal = [{"id": "a", "name": "A", "weight": 1}, {"id": "b", "name": "B", "weight": 1}]
    p = options(("O1", {"a": 4, "b": 2}, {}), ("O2", {"a": 1, "b": 4}, {}), criteria=equal)
    a = appraise_options(p)
    # O1 = 6 of 10 -> 60, O2 = 5 of 10 -> 50
    assert [(o.id, o.score) for o in a.options] == [("O1", 60.0), ("O2", 50.0)]
    sens = {s.criterion: s for s in a.sensitivity}
    # O1 = 4t + 2(1-t), O2 = t + 4(1-t): level at t = 2/5 for a (now 50 %)
    assert sens["a"].switch_share == pytest.approx(40.0)
    # with b's share s: O1 = 2s + 4(1-s), O2 = 4s + 1(1-s): level at s = 3/5
    assert sens["b"].switch_share == pytest.approx(60.0)
    # under random weights O1 wins when a's share is above 2/5: 60 % of draws
    assert a.options[0].first_share == pytest.approx(0.6, abs=0.02)


def test_a_tie_for_first_is_reported_not_broken() -> None:
    p = options(
        ("O1", {"issues": 4, "cost": 1}, {}),
        ("O2", {"issues": 3, "cost": 4}, {}),
        ("O3", {"issues": 1, "cost": 1}, {}),
        preferred="O2",
    )
    a = appraise_options(p)
    # 3x4 + 1 = 13 and 3x3 + 4 = 13: tied
    assert a.leaders == ["O1", "O2"] and a.tie_for_first
    assert [(o.id, o.rank, o.tied) for o in a.options] == [
        ("O1", 1, True),
        ("O2", 1, True),
        ("O3", 3, False),
    ]
    assert a.preferred_is_top is True
    assert all(s.robust for s in a.sensitivity)  # no single leader to dislodge


def test_a_single_option() -> None:
    a = appraise_options(options(("O1", {"issues": 3, "cost": 3}, {})))
    assert [(o.id, o.rank, o.first_share) for o in a.options] == [("O1", 1, 1.0)]
    assert a.sensitivity == []


def test_random_weights_are_reproducible() -> None:
    p = options(("O1", {"issues": 4, "cost": 2}, {}), ("O2", {"issues": 2, "cost": 5}, {}))
    first, second = appraise_options(p), appraise_options(p)
    assert [o.first_share for o in first.options] == [o.first_share for o in second.options]


@given(st.permutations([("O1", 5, 2), ("O2", 3, 3), ("O3", 1, 5), ("O4", 4, 4)]))
def test_ranking_does_not_depend_on_file_order(rows) -> None:
    p = options(*[(oid, {"issues": i, "cost": c}, {}) for oid, i, c in rows])
    ranked = {o.id: (o.rank, o.score) for o in appraise_options(p, draws=200).options}
    assert ranked == {"O1": (1, 85.0), "O4": (2, 80.0), "O2": (3, 60.0), "O3": (4, 40.0)}


def test_partner_candidates_ranked_with_status() -> None:
    p = project(
        partners={
            "partners": [],
            "selection": {
                "criteria": [
                    {"id": "change", "name": "Change", "weight": 2},
                    {"id": "local", "name": "Local", "weight": 1},
                ],
                "candidates": [
                    {
                        "id": "a",
                        "name": "A",
                        "scores": {"change": 3, "local": 3},
                        "status": "declined",
                    },
                    {
                        "id": "b",
                        "name": "B",
                        "scores": {"change": 5, "local": 1},
                        "status": "selected",
                    },
                    {"id": "c", "name": "C", "scores": {"change": 4, "local": 3}},
                ],
            },
        }
    )
    ranking = rank_candidates(p)
    # b: 10 + 1 = 11, c: 8 + 3 = 11 (tied), a: 6 + 3 = 9; out of 15
    assert [(c.id, c.rank, c.tied, round(c.score, 1), c.status) for c in ranking.candidates] == [
        ("b", 1, True, 73.3, "selected"),
        ("c", 1, True, 73.3, "candidate"),
        ("a", 3, False, 60.0, "declined"),
    ]


def test_every_option_that_draws_level_is_named() -> None:
    """The example's cost criterion: O1, O2 and O3 all score 4 on it, so with all the
    weight on cost (share 100%) both rivals tie with the leader, O3, at once."""
    from datetime import date

    from psptool.check import validate
    from tests.helpers import EXAMPLE

    project = validate(EXAMPLE, date(2011, 6, 30), find=False).result.project
    cost = next(s for s in appraise_options(project).sensitivity if s.criterion == "cost")
    assert cost.switch_share == pytest.approx(100.0)
    assert cost.new_leaders == ("O1", "O2")
