"""psp calendar: an iCalendar file read back with the same library, event by event, with
UIDs that stay the same from one run to the next."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from icalendar import Calendar

from tests.helpers import PspRunner, make_project
from tests.report.test_actions import FOLDER

MEETINGS = """\
meetings:
  - id: B-2026-06
    group: board
    date: 2026-06-10
    time: "10:00"
    location: Town hall
    status: held
    attendees: [p-dir, p-ceo, p-pm]
    actions:
      - {action: Write to the funder, owner: p-dir, due: 2026-06-25}
  - {id: B-2026-07, group: board, date: 2026-07-08, status: cancelled}
"""


def _events(path: Path) -> list[tuple[str, object, str]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [
        (str(e["UID"]), e.decoded("DTSTART"), str(e["SUMMARY"])) for e in calendar.walk("VEVENT")
    ]


def _write(root: Path, out: Path, *extra: str) -> None:
    args = ["calendar", str(root), "-o", str(out), "--as-of", "2026-06-30", *extra]
    result = PspRunner().invoke(args)
    assert result.exit_code == 0, result.output


def test_every_dated_record_is_an_event(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", **{**FOLDER, "meetings_yaml": MEETINGS})
    _write(root, tmp_path / "a.ics")
    at = "@test-psp.psp"
    assert _events(tmp_path / "a.ics") == [
        (f"meeting-B-2026-06{at}", datetime(2026, 6, 10, 10, 0), "Board (B-2026-06)"),
        (f"risk-action-R1.2{at}", date(2026, 6, 20), "R1.2 due: Phone each provider"),
        (
            f"meeting-action-B-2026-06.1{at}",
            date(2026, 6, 25),
            "B-2026-06.1 due: Write to the funder",
        ),
        (f"meeting-B-2026-07{at}", date(2026, 7, 8), "Board (B-2026-07)"),
        (f"risk-review-R1{at}", date(2026, 7, 10), "Review risk R1: Providers withdraw"),
        (f"milestone-M1{at}", date(2026, 7, 15), "Milestone M1: MoU signed"),
        (f"knowledge-transfer-K1{at}", date(2026, 7, 20), "K1 due: Tendering"),
        (f"budget-cycle-F1{at}", date(2026, 7, 25), "Budget cycle: Council budget sets its budget"),
        (f"task-M1.1{at}", date(2026, 9, 1), "M1.1 due: Draft the MoU"),
        # the board meets quarterly: three months after its last meeting, 8 October 2026
        (f"meeting-board-2026-10-08{at}", date(2026, 10, 8), "Board (provisional)"),
        (f"budget-cycle-F2{at}", date(2026, 12, 1), "Budget cycle: Trust sets its budget"),
        (f"meeting-board-2027-01-08{at}", date(2027, 1, 8), "Board (provisional)"),
        (f"meeting-board-2027-04-08{at}", date(2027, 4, 8), "Board (provisional)"),
    ]
    calendar = Calendar.from_ical((tmp_path / "a.ics").read_bytes())
    first, *_ = calendar.walk("VEVENT")
    assert (str(first["LOCATION"]), first.decoded("DTEND")) == (
        "Town hall",
        datetime(2026, 6, 10, 12, 0),
    )
    cancelled = [e for e in calendar.walk("VEVENT") if e.get("STATUS") == "CANCELLED"]
    assert [str(e["UID"]) for e in cancelled] == [f"meeting-B-2026-07{at}"]


def test_uids_are_stable_over_two_runs_and_edits_elsewhere(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", **{**FOLDER, "meetings_yaml": MEETINGS})
    _write(root, tmp_path / "a.ics")
    _write(root, tmp_path / "b.ics")
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
    # a milestone moved: same UID, new date, so the calendar moves the event
    moved = (root / "milestones.yaml").read_text().replace("due: 2026-07-15", "due: 2026-07-29")
    (root / "milestones.yaml").write_text(moved)
    _write(root, tmp_path / "c.ics")
    before = {uid: day for uid, day, _ in _events(tmp_path / "a.ics")}
    after = {uid: day for uid, day, _ in _events(tmp_path / "c.ics")}
    assert set(before) == set(after)
    assert [uid for uid in before if before[uid] != after[uid]] == ["milestone-M1@test-psp.psp"]


def test_one_owners_dates(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", **{**FOLDER, "meetings_yaml": MEETINGS})
    _write(root, tmp_path / "ceo.ics", "--owner", "p-ceo")
    assert [uid.split("@")[0] for uid, _, _ in _events(tmp_path / "ceo.ics")] == [
        "meeting-B-2026-06",
        "risk-action-R1.2",
        "knowledge-transfer-K1",
    ]


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", **FOLDER)
    (tmp_path / "a.ics").write_text("mine")
    result = PspRunner().invoke(["calendar", str(root), "-o", str(tmp_path / "a.ics")])
    assert result.exit_code == 2
    assert (tmp_path / "a.ics").read_text() == "mine"


def test_a_milestone_event_says_who_owns_it_and_when_it_was_done(tmp_path: Path) -> None:
    from psptool import load_project
    from psptool.report.calendar import calendar_events

    milestones = (
        "milestones:\n"
        "  - {id: M1, title: MoU signed, due: 2026-07-15, owner: p-pm, completed: 2026-07-10}\n"
        "  - {id: M2, title: Pilot begins, due: 2026-10-01}\n"
    )
    root = make_project(tmp_path / "psp", **{**FOLDER, "milestones_yaml": milestones})
    events = calendar_events(load_project(root).project, date(2026, 6, 30))
    assert [e.description for e in events if e.key.startswith("milestone-")] == [
        "Owner: B. Manager. Completed 10 July 2026.",
        "Owner: none yet. Not yet completed.",
    ]
