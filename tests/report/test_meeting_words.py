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
