from datetime import date

import pytest

from psptool.analysis.plan import analyse_plan
from psptool.errors import PlanError
from tests.analysis.helpers import project

AS_OF = date(2026, 6, 30)


def ms(mid, due, deps=(), completed=None):
    row = {"id": mid, "title": mid, "due": due, "depends_on": list(deps)}
    if completed:
        row["completed"] = completed
    return row


PLAN = [
    ms("M1", "2026-02-01", completed="2026-02-10"),
    ms("M2", "2026-03-01", ["M1"], completed="2026-03-01"),
    ms("M3", "2026-05-01", ["M2"]),
    ms("M4", "2026-08-01", ["M3"]),
    ms("M5", "2026-07-15", ["M2"]),
    ms("M6", "2026-12-01", ["M4", "M5"]),
]


def test_plan_figures() -> None:
    plan = analyse_plan(project(milestones={"milestones": PLAN}), AS_OF)
    assert plan.order == ["M1", "M2", "M3", "M5", "M4", "M6"]
    states = {m.id: (m.state, m.slippage_days, m.forecast) for m in plan.milestones}
    assert states == {
        "M1": ("done", 9, date(2026, 2, 10)),
        "M2": ("done", 0, date(2026, 3, 1)),
        "M3": ("overdue", 60, date(2026, 6, 30)),  # cannot finish before today
        "M4": ("due", None, date(2026, 9, 30)),  # 92 days after M3, as planned
        "M5": ("due", None, date(2026, 7, 15)),
        "M6": ("upcoming", None, date(2027, 1, 30)),  # 122 days after M4's forecast
    }
    assert plan.critical_path == ["M1", "M2", "M3", "M4", "M6"]
    assert plan.period_end == date(2026, 9, 30)  # no governance cadence: a quarter
    assert plan.due_next_period == ["M5", "M4"]
    assert plan.projected_end == date(2027, 1, 30)
    assert plan.planned_end == date(2026, 12, 31)
    assert plan.end_slippage_days == 30


def test_reporting_period_follows_the_governance_cadence() -> None:
    groups = {
        "governance": {
            "groups": [
                {"id": "ops", "name": "Ops", "cadence": "fortnightly"},
                {"id": "governance-group", "name": "Governance", "cadence": "monthly"},
            ]
        }
    }
    plan = analyse_plan(project(groups, milestones={"milestones": PLAN}), AS_OF)
    assert plan.period_end == date(2026, 7, 31)  # the end of a month runs to the end of the next
    assert plan.due_next_period == ["M5"]


def test_a_cycle_is_refused() -> None:
    cyclic = [
        ms("M1", "2026-02-01", ["M3"]),
        ms("M2", "2026-03-01", ["M1"]),
        ms("M3", "2026-04-01", ["M2"]),
        ms("M4", "2026-05-01"),
    ]
    with pytest.raises(PlanError, match="cycle among milestones M1, M2, M3"):
        analyse_plan(project(milestones={"milestones": cyclic}), AS_OF)


def test_an_empty_plan() -> None:
    plan = analyse_plan(project(), AS_OF)
    assert (plan.order, plan.critical_path, plan.projected_end) == ([], [], None)


def test_finishing_early_is_negative_slippage() -> None:
    plan = analyse_plan(
        project(milestones={"milestones": [ms("M1", "2026-03-01", completed="2026-02-20")]}),
        AS_OF,
    )
    assert plan.milestones[0].slippage_days == -9
    assert plan.end_slippage_days == (date(2026, 2, 20) - date(2026, 12, 31)).days
