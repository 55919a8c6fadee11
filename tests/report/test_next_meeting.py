"""The next governance meeting (#18's portfolio column): the next one planned in
meetings.yaml, or else the next one its group's cadence implies, as `psp calendar` has it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.report.calendar import NextMeeting, calendar_events, next_governance_meeting
from tests.helpers import EXAMPLE, PSP_WITH_GROUPS, check, make_project

AS_OF = date(2026, 6, 30)
GROUPS = PSP_WITH_GROUPS
HELD = """\
meetings:
  - {id: B1, group: board, date: 2026-05-01, status: held, attendees: [p-dir, p-ceo]}
  - {id: O1, group: ops, date: 2026-06-26, status: held, attendees: [p-pm]}
  - {id: O2, group: ops, date: 2026-07-24}
"""


def _next(tmp_path: Path, meetings: str, psp: str = GROUPS) -> NextMeeting | None:
    root = make_project(tmp_path, psp_yaml=psp, meetings_yaml=meetings)
    found = check(root, AS_OF)
    assert [d.code for d in found.diagnostics if d.severity == "error"] == []
    return next_governance_meeting(found.result.project, AS_OF)


def test_the_cadence_implies_the_next_meeting_when_none_is_planned(tmp_path: Path) -> None:
    # a quarter after 1 May is Saturday 1 August: held the Friday before; the operational
    # group's planned meeting of 24 July is not a governance meeting
    assert _next(tmp_path, HELD) == NextMeeting(date(2026, 7, 31), "Governance Group", None, True)


def test_a_planned_meeting_comes_before_what_the_cadence_implies(tmp_path: Path) -> None:
    planned = HELD + (
        "  - {id: B3, group: board, date: 2026-09-18}\n"
        "  - {id: B2, group: board, date: 2026-08-14}\n"
        "  - {id: B0, group: board, date: 2026-07-10, status: cancelled}\n"
    )
    assert _next(tmp_path, planned) == NextMeeting(
        date(2026, 8, 14), "Governance Group", "B2", False
    )
    # a meeting planned for the as-of day is still to come
    today = HELD + "  - {id: B2, group: board, date: 2026-06-30}\n"
    assert _next(tmp_path / "today", today) == NextMeeting(AS_OF, "Governance Group", "B2", False)


def test_the_earliest_over_every_governance_group(tmp_path: Path) -> None:
    two = (
        GROUPS + "    - {id: audit, name: Audit Panel, cadence: half_yearly, members: [council]}\n"
    )
    meetings = HELD + "  - {id: A1, group: audit, date: 2026-07-15}\n"
    assert _next(tmp_path, meetings, two) == NextMeeting(
        date(2026, 7, 15), "Audit Panel", "A1", False
    )


def test_no_governance_meeting(tmp_path: Path) -> None:
    # only operational meetings, or a governance group with none on record
    ops_only = "meetings:\n  - {id: O2, group: ops, date: 2026-07-24}\n"
    assert _next(tmp_path, ops_only) is None
    # a cadence that would go beyond the partnership's end
    ending = GROUPS.replace("end: 2027-12-31", "end: 2026-07-20")
    assert _next(tmp_path / "ending", HELD.replace("2026-07-24", "2026-07-17"), ending) is None


def test_the_example_agrees_with_its_calendar() -> None:
    project = check(EXAMPLE, date(2011, 6, 30)).result.project
    found = next_governance_meeting(project, date(2011, 6, 30))
    assert found == NextMeeting(date(2011, 9, 23), "PSP Governance Group", "GG-2011-09", False)
    events = calendar_events(project, date(2011, 6, 30))
    assert [e.day for e in events if e.key == "meeting-GG-2011-09"] == [found.day]
    # after it, the calendar's provisional meeting of the group is the next one
    later = next_governance_meeting(project, date(2011, 9, 24))
    assert later == NextMeeting(date(2011, 12, 23), "PSP Governance Group", None, True)
    assert "meeting-governance-group-2011-12-23" in {e.key for e in events}
