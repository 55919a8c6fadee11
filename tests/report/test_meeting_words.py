"""How the minutes, the agenda and the highlight report write an action's state and owner,
a meeting and what a decision affects (#14 A2, A3, A4)."""

from __future__ import annotations

from datetime import date

from psptool.render.status import status_document
from psptool.render.status_output import status_text
from psptool.report.papers.meeting_papers import actions
from psptool.report.status import status_report
from psptool.report.wording import action_state
from tests.analysis.helpers import project

AS_OF = date(2026, 6, 30)

PARTNERS = {
    "partners": [
        {
            "id": "council",
            "name": "Riverside Council",
            "sector": "public",
            "people": [{"id": "p-pm", "name": "B. Manager", "title": "Project Manager"}],
        }
    ]
}
GROUPS = {
    "governance": {
        "groups": [
            {"id": "board", "name": "Partnership Board", "cadence": "quarterly",
             "members": ["council"]}
        ]
    }
}  # fmt: skip
MEETINGS = {
    "meetings": [
        {
            "id": "SG-1",
            "group": "board",
            "date": "2026-05-14",
            "status": "held",
            "attendees": ["p-pm"],
            "actions": [
                {"action": "Draft the case", "owner": "p-pm", "due": "2026-07-31"},
                {"action": "Book a room", "due": "2026-06-01"},
                {"action": "Write to carers", "done": True, "completed": "2026-06-02"},
                {"action": "Think about it"},
                {"action": "Ring the GP practices", "done": True},
            ],
        }
    ]
}


def test_an_action_state_in_plain_words() -> None:
    assert action_state(True, date(2011, 4, 8), date(2011, 4, 1), AS_OF) == "Done on 8 April 2011"
    assert action_state(True, None, None, AS_OF) == "Done"
    assert action_state(False, None, date(2026, 6, 29), AS_OF) == "Overdue"
    assert action_state(False, None, date(2026, 6, 30), AS_OF) == "Not yet due"  # due today
    assert action_state(False, None, None, AS_OF) == "Open"


def test_the_minutes_and_the_report_say_no_owner_and_the_state_in_words() -> None:
    p = project(GROUPS, partners=PARTNERS, meetings=MEETINGS)
    rows = actions(p, p.meetings.meetings[0], AS_OF)
    assert [(r.owner, r.state) for r in rows] == [
        ("B. Manager", "Not yet due"),
        ("No owner", "Overdue"),
        ("No owner", "Done on 2 June 2026"),
        ("No owner", "Open"),
        ("No owner", "Done"),
    ]
    report = status_report(p, AS_OF)
    assert [a.state for a in report.meeting_actions] == [r.state for r in rows]
    text = status_text(status_document(report), "markdown")
    assert "| Book a room | No owner | 1 June 2026 | Overdue |" in text


def test_a_decision_affects_records_by_kind_and_title_and_a_meeting_by_name_and_date() -> None:
    from psptool.report.papers.meeting_papers import affected, decisions, meeting_name

    held = {
        **MEETINGS["meetings"][0],
        "decisions": [{"id": "D1", "decision": "Go", "risks": ["R1", "I1"], "milestones": ["M1"],
                       "options": ["O1"]}],
    }  # fmt: skip
    p = project(
        GROUPS,
        partners=PARTNERS,
        meetings={"meetings": [held]},
        risks={"risks": [
            {"id": "R1", "type": "risk", "title": "Recruitment of carers", "likelihood": 2,
             "impact": 2},
            {"id": "I1", "type": "issue", "title": "Slow referrals", "likelihood": 2, "impact": 2},
        ]},
        milestones={"milestones": [{"id": "M1", "title": "Tender published"}]},
        options={"options": [{"id": "O1", "name": "Booking line", "scores": {}}]},
    )  # fmt: skip
    meeting = p.meetings.meetings[0]
    assert affected(p, meeting.decisions[0]) == [
        "Risk: Recruitment of carers",
        "Issue: Slow referrals",
        "Milestone: Tender published",
        "Option: Booking line",
    ]
    assert decisions(p, meeting)[0].affects == (
        "Risk: Recruitment of carers; Issue: Slow referrals; Milestone: Tender published; "
        "Option: Booking line"
    )
    assert meeting_name(p, meeting) == "Partnership Board, 14 May 2026"


def test_how_often_a_group_met_and_a_role_as_the_partnership_writes_it() -> None:
    from psptool.report.papers.business_case.governance import times_met
    from psptool.report.people import role_label

    assert times_met([date(2026, 5, 14)]) == "once, on 14 May 2026,"
    assert times_met([date(2026, 5, 14), date(2026, 8, 20)]) == (
        "twice, on 14 May 2026 and 20 August 2026,"
    )
    assert times_met([date(2010, 9, 24), date(2011, 1, 14), date(2011, 6, 24)]) == (
        "three times between 24 September 2010 and 24 June 2011"
    )
    p = project(partners=PARTNERS)
    assert role_label(p, "project_manager", "p-pm") == "Project Manager"  # as the title is
    assert role_label(p, "senior_sponsor", "p-pm") == "Senior sponsor"
    assert role_label(p, "project_manager", None) == "Project manager"
