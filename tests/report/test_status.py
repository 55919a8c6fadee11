"""The highlight report's figures for the worked example, as at 30 June 2011."""

from __future__ import annotations

from datetime import date

import pytest

from psptool.analysis.common import Period
from psptool.check import validate
from psptool.report import status_report
from tests.analysis.helpers import project
from tests.helpers import EXAMPLE

AS_OF = date(2011, 6, 30)


@pytest.fixture(scope="module")
def report():
    return status_report(validate(EXAMPLE, AS_OF, find=False).result.project, AS_OF)


def test_period_and_overall(report) -> None:
    # the quarter to 30 June began after 31 March, and the next runs to 30 September
    assert (report.period_start, report.next_period_end) == (date(2011, 3, 31), date(2011, 9, 30))
    assert report.overall == "red"
    assert [(c.name, c.rag) for c in report.components] == [
        ("schedule", "green"),
        ("risks and issues", "red"),
        ("budget", "green"),
        ("benefits", "amber"),
    ]
    assert report.overall_rule == (
        # R7, the one Red entry, by its title; the eight benefits are all Amber, so counted
        "Red, set by the risks and issues: Fewer pilot placements than planned is Red. The "
        "benefits are Amber; the schedule and the budget are Green."
    )


def test_milestones(report) -> None:
    assert [m.id for m in report.completed] == ["M12"]
    assert [m.id for m in report.due_next] == ["M13"]
    assert report.overdue == [] and report.slipped == []
    assert (report.projected_end, report.planned_end, report.end_slippage_days) == (
        date(2012, 4, 2),
        date(2012, 4, 30),
        -28,
    )
    assert report.critical_path[-1].id == "M16"


def test_risks(report) -> None:
    # the open entries by score: R7 15, R3 12, R5 12, then R1, R4 and R10 all 9 (3 × 3), R8
    # and R9 8, R11 6, R12 4. The fifth place is a tie at 9, so R10 is kept with R1 and R4:
    # six shown of the ten open.
    assert report.open_entries == 10
    assert [(r.id, r.score, r.rag) for r in report.top_risks] == [
        ("R7", 15, "red"),
        ("R3", 12, "amber"),
        ("R5", 12, "amber"),
        ("R1", 9, "amber"),
        ("R4", 9, "amber"),
        ("R10", 9, "amber"),
    ]
    assert report.counts == {"red": 1, "amber": 9, "green": 0}
    assert sum(c.count for c in report.heatmap) == 10


def test_budget(report) -> None:
    b = report.budget
    # the period 1 April to 30 June 2011 holds 2011-Q2 alone; to date is 2010-Q1 to 2011-Q2
    assert (b.period.planned, b.period.actual, b.period.variance) == (8100, 7880, -220)
    assert (b.to_date.planned, b.to_date.actual, b.to_date.variance) == (46500, 46480, -20)
    assert (b.total_planned, b.rag, b.missing_actuals) == (78600, "green", [])


def test_benefits_approvals_decisions(report) -> None:
    assert [(b.id, b.rag) for b in report.benefits][:2] == [("B1", "amber"), ("B2", "amber")]
    # in the pilot stage the gate asks the lead partner (Falkirk Council) to approve the
    # full business case by the end of the pilot, 30 September 2011 (milestone M13)
    assert [(o.document, o.names, o.due) for o in report.outstanding] == [
        ("full_business_case", ["Falkirk Council"], date(2011, 9, 30))
    ]
    # the gate's three unmet items are all due on 30 September 2011, after the report's
    # date: work in hand, not a decision. R7, the Red entry, has two open actions and its
    # review is due on 22 July 2011, still to come. Spend is £20 under plan.
    # But the full business case is needed by 30 September 2011, before the next reporting
    # period ends (30 June + a quarter = 30 September): this meeting is the last before it,
    # so its approval is a decision, not work in hand.
    assert report.decisions == [
        "Approve the full business case (Falkirk Council's sign-off is needed by "
        "30 September 2011)."
    ]


def test_a_month_period() -> None:
    p = project(
        milestones={
            "milestones": [
                {"id": "M1", "title": "a", "due": "2026-06-10", "completed": "2026-06-20"},
                {"id": "M2", "title": "b", "due": "2026-05-01", "completed": "2026-05-01"},
                {"id": "M3", "title": "c", "due": "2026-06-01"},
            ]
        }
    )
    r = status_report(p, date(2026, 6, 30), Period(months=1))
    assert r.period_start == date(2026, 5, 31)
    assert [m.id for m in r.completed] == ["M1"]
    assert [m.id for m in r.slipped] == ["M1"]  # ten days late
    assert [m.id for m in r.overdue] == ["M3"]
    assert r.components[0].rag == "amber"


def test_red_risk_without_action_and_overspend_need_decisions() -> None:
    p = project(
        risks={
            "risks": [
                {"id": "R1", "type": "risk", "title": "Funding gap", "likelihood": 5, "impact": 4}
            ]
        },
        budget={
            "budget": [
                {"period": "2026-Q1", "planned": 1000, "actual": 1200},
                {"period": "2026-Q2", "planned": 1000},
            ]
        },
    )
    r = status_report(p, date(2026, 6, 30))
    # to date (2026-Q1 only has an actual): planned 1,000, actual 1,200, £200 and 20% over
    assert (r.budget.rag, r.budget.reason) == ("red", "20% over plan (£200) to date")
    assert r.budget.missing_actuals == ["2026-Q2"]
    assert r.decisions[:2] == [
        "The risk ‘Funding gap’ is Red and has no open action: agree what will be done and by "
        "whom.",
        "Spend is 20% over plan (£200) to date: agree how to bring it back or revise the budget.",
    ]


def test_nothing_to_rate_is_not_green() -> None:
    r = status_report(project(), date(2026, 6, 30))
    rags = {c.name: c.rag for c in r.components}
    assert rags["benefits"] is None and rags["budget"] is None
    assert r.overall == "green"  # schedule and risks, the only rated areas
    assert r.overall_rule == (
        "Green: the schedule and the risks and issues are Green. The budget and the benefits "
        "are not rated: no budget is recorded and no benefits are recorded yet."
    )


def test_benefits_recorded_but_not_measured_say_so() -> None:
    """A benefit recorded with no measurement yet, six weeks after the partnership's start on
    1 January 2026 (within its first quarter, so not yet overdue): not rated, and
    the report says none has been measured (with none recorded it says that instead, in the
    words of its benefits section, "No benefits are recorded yet.")."""
    benefit = {"id": "B1", "title": "Carers get a break", "baseline": 10, "target": 50}
    benefit |= {"unit": "%", "target_date": "2027-06-30"}
    r = status_report(project(benefits={"benefits": [benefit]}), date(2026, 2, 15))
    (benefits,) = [c for c in r.components if c.name == "benefits"]
    assert (benefits.rag, benefits.reason) == (None, "no benefit has been measured yet")


def test_a_paper_needed_by_the_next_periods_end_is_a_decision() -> None:
    from psptool.report.status import Outstanding, _approvals_needed

    papers = [
        # due 30 September, the next period's end: the meeting is the last before it
        Outstanding("full_business_case", ["fc"], ["Falkirk Council"], date(2011, 9, 30)),
        # due after the next period ends: work in hand, for a later meeting
        Outstanding("pilot_plan", ["fc"], ["Falkirk Council"], date(2011, 10, 1)),
        # overdue: the stage gate's own line asks for it
        Outstanding("mou", ["fc"], ["Falkirk Council"], date(2011, 6, 29)),
        # of a stage already left, with no date
        Outstanding("outline_business_case", ["fc"], ["Falkirk Council"]),
        Outstanding("sustainability_plan", ["a", "b"], ["Barnardo's Scotland", "FCA Scotland"],
                    date(2011, 6, 30)),
    ]  # fmt: skip
    assert _approvals_needed(papers, date(2011, 6, 30), date(2011, 9, 30)) == [
        "Approve the full business case (Falkirk Council's sign-off is needed by "
        "30 September 2011).",
        "Approve the sustainability plan (the sign-off of Barnardo's Scotland and FCA Scotland "
        "is needed by 30 June 2011).",
    ]


def test_milestone_titles_in_a_sentence_are_quoted(tmp_path) -> None:
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    # the sparse folder: M2 'Tender for respite services published' (due 30 September 2026)
    # depends on M1 'Full business case agreed' (due 31 December 2026)
    folder = sparse_folder(tmp_path / "sparse")
    report = status_report(validate(folder, SPARSE_AS_OF).result.project, SPARSE_AS_OF)
    assert (
        "‘Tender for respite services published’ is due on 30 September 2026, before ‘Full "
        "business case agreed’, which it depends on: agree new dates, or how it can go ahead "
        "first."
    ) in report.decisions


def test_an_overdue_milestone_is_quoted_in_the_schedules_reason() -> None:
    from psptool.report.status import _schedule

    class Late:
        title = "Carers' survey sent"
        due = date(2026, 5, 31)

    reason = _schedule(0, [Late()], None, None).reason  # type: ignore[list-item]
    assert reason == "‘Carers' survey sent’ is overdue (due on 31 May 2026)"
