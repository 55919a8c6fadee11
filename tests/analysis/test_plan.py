from datetime import date

import pytest

from psptool.analysis.plan import analyse_plan, milestone_standing, milestone_standings
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


def test_milestone_standing_in_words() -> None:
    """Each milestone of PLAN as at 30 June 2026 (a quarter ahead runs to 30 September)."""
    plan = analyse_plan(project(milestones={"milestones": PLAN}), AS_OF)
    got = {m.id: milestone_standing(plan, m.id) for m in plan.milestones}
    assert [(s.state, s.when, s.slippage_days, s.held_up_by) for s in got.values()] == [
        ("Done", date(2026, 2, 10), 9, ()),  # 10 February less 1 February
        ("Done", date(2026, 3, 1), 0, ()),
        ("Late", date(2026, 5, 1), 60, ()),  # 30 days of May and 30 of June
        # M3 is forecast for 30 June, before M4 is due, so M4 is not held up: the 92 days
        # between them carry it to 30 September, 60 days past 1 August
        ("Forecast late", date(2026, 9, 30), 60, ()),
        ("On track", date(2026, 7, 15), 0, ()),
        ("Forecast late", date(2027, 1, 30), 60, ()),  # 30 January less 1 December
    ]
    assert got["M1"].text == "Done on 10 February 2026, 9 days late."
    assert got["M2"].text == "Done on 1 March 2026."
    assert got["M3"].text == "Late: due on 1 May 2026, 60 days ago."
    assert got["M4"].text == (
        "Forecast late: due on 1 August 2026, now expected on 30 September 2026 (60 days late)."
    )
    assert got["M5"].text == "On track: due on 15 July 2026."
    assert [s.behind for s in got.values()] == [False, False, True, True, False, True]


def test_a_milestone_due_before_its_dependency_is_held_up() -> None:
    """The sparse folder's plan: the tender (M2, 30 September) depends on the business case
    (M1, 31 December)."""
    plan_rows = [
        {"id": "M1", "title": "Full business case agreed", "due": "2026-12-31"},
        {"id": "M2", "title": "Tender published", "due": "2026-09-30", "depends_on": ["M1"]},
        {"id": "M3", "title": "Early finish", "due": "2026-03-01", "completed": "2026-02-20"},
        {"id": "M4", "title": "Undated"},
        {"id": "M5", "title": "Contract let", "due": "2026-06-01", "depends_on": ["M1", "M2"]},
    ]
    # a pilot from 1 December 2025 can have run 12 months by 30 November 2026, before M1
    p = project(psp={"pilot": {"start": "2025-12-01"}}, milestones={"milestones": plan_rows})
    m1 = milestone_standing(p, "M1", AS_OF)
    assert (m1.state, m1.when, m1.slippage_days) == ("Not yet due", date(2026, 12, 31), 0)
    assert m1.text == "Not yet due: due on 31 December 2026."
    m2 = milestone_standing(p, "M2", AS_OF)
    assert (m2.state, m2.when, m2.slippage_days) == ("Held up", date(2026, 12, 31), 92)
    assert m2.held_up_by == ("Full business case agreed",)
    assert m2.text == (
        "Held up: due on 30 September 2026, but it depends on Full business case agreed"
        " (expected on 31 December 2026)."
    )
    early = milestone_standing(p, "M3", AS_OF)
    assert (early.state, early.slippage_days) == ("Done", -9)
    assert early.text == "Done on 20 February 2026, 9 days early."
    undated = milestone_standing(p, "M4", AS_OF)
    assert (undated.state, undated.when, undated.slippage_days) == ("No date", None, None)
    late = milestone_standing(p, "M5", AS_OF)  # 1 June to 30 June is 29 days
    assert (late.state, late.slippage_days) == ("Late", 29)
    assert late.held_up_by == ("Full business case agreed", "Tender published")
    assert late.text == (
        "Late: due on 1 June 2026, 29 days ago; it waits for Full business case agreed"
        " (expected on 31 December 2026) and Tender published (expected on 31 December 2026)."
    )
    assert [s.id for s in milestone_standings(analyse_plan(p, AS_OF))] == [
        "M1",
        "M2",
        "M3",
        "M4",
        "M5",
    ]


def test_a_full_business_case_due_before_a_12_month_pilot_can_end_is_held_up() -> None:
    """The sparse folder: no pilot dates, the outline business case on the agenda of the
    board's meeting of 20 August 2026, the full business case due 31 December 2026. The
    pilot can start on 21 August 2026 at the earliest and run 12 months to 20 August 2027:
    20 August 2027 − 31 December 2026 = 1 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 20 + 31 = 232
    days (January 31, February 28, ..., July 31, then 20 days of August)."""
    plan_rows = [
        {"id": "M1", "title": "Full business case agreed", "due": "2026-12-31"},
        {"id": "M2", "title": "Tender published", "due": "2026-09-30", "depends_on": ["M1"]},
    ]
    meetings = {
        "meetings": [
            {
                "id": "B1",
                "group": "board",
                "date": "2026-08-20",
                "agenda": ["Outline business case"],
            }
        ],
    }
    p = project(milestones={"milestones": plan_rows}, meetings=meetings)
    plan = analyse_plan(p, AS_OF)
    assert plan.pilot_earliest_end == date(2027, 8, 20)
    m1 = milestone_standing(plan, "M1")
    assert (m1.state, m1.when, m1.slippage_days) == ("Held up", date(2027, 8, 20), 232)
    assert m1.needs_pilot_until == date(2027, 8, 20)
    assert m1.held_up_by == ("a 12-month pilot, which cannot end before 20 August 2027",)
    assert m1.text == (
        "Held up: due on 31 December 2026, but it needs a 12-month pilot, which cannot end"
        " before 20 August 2027."
    )
    # a milestone naming its paper, without the words in its title, is read the same way
    plan_rows[0] = {
        "id": "M1",
        "title": "Case agreed",
        "due": "2026-12-31",
        "document": "full_business_case",
    }
    assert milestone_standing(project(milestones={"milestones": plan_rows}), "M1", AS_OF).state == (
        "Held up"
    )
    # no meeting plans the outline business case: from the day after the as-of date, 1 July
    # 2026, to 30 June 2027
    assert analyse_plan(
        project(milestones={"milestones": plan_rows}), AS_OF
    ).pilot_earliest_end == (date(2027, 6, 30))
    # a pilot from 1 October 2010 runs 12 months to 30 September 2011: a full business case
    # due that day may be agreed (the worked example)
    example = project(
        psp={"pilot": {"start": "2010-10-01", "end": "2011-09-30"}},
        milestones={"milestones": [plan_rows[0] | {"due": "2011-09-30"}]},
    )
    fbc = milestone_standing(example, "M1", date(2011, 6, 30))
    assert (fbc.state, fbc.needs_pilot_until) == ("On track", None)  # due in the next period
    assert analyse_plan(example, date(2011, 6, 30)).pilot_earliest_end == date(2011, 9, 30)


def test_milestone_standing_needs_a_date_for_a_project_and_a_known_id() -> None:
    p = project(milestones={"milestones": PLAN})
    with pytest.raises(ValueError, match="needs an as-of date"):
        milestone_standing(p, "M1")
    with pytest.raises(KeyError):
        milestone_standing(p, "M9", AS_OF)
    with pytest.raises(ValueError, match="another date"):
        milestone_standing(analyse_plan(p, AS_OF), "M1", date(2026, 7, 1))
