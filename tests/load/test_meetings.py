"""meetings.yaml: governance and operational meetings with their decisions and actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.load import load_project
from psptool.load.scaffold import init_project
from psptool.model import FILES_BY_NAME
from psptool.model.meeting import MeetingsFile
from tests.helpers import EXAMPLE, check, make_project

MEETINGS = """\
meetings:
  - id: GG-2026-06
    group: board
    date: 2026-06-24
    status: held
    attendees: [p-dir, p-ceo]
    apologies: [p-pm]
    agenda: [Highlight report]
    decisions:
      - {id: D1, decision: Extend the pilot, risks: [R1], milestones: [M1]}
    actions:
      - {action: Draft the specification, owner: p-pm, due: 2026-07-31}
  - {id: GG-2026-09, group: board, date: 2026-09-23}
"""


def test_meetings_yaml_is_a_file_of_the_folder() -> None:
    spec = FILES_BY_NAME["meetings.yaml"]
    assert (spec.attribute, spec.model, spec.required) == ("meetings", MeetingsFile, False)
    assert [(kind.key, kind.kind) for kind in spec.records] == [
        ("meetings", "meeting"),
        ("decisions", "decision"),
    ]


def test_a_meeting_loads_with_its_decisions_and_actions(tmp_path: Path) -> None:
    result = load_project(make_project(tmp_path, meetings_yaml=MEETINGS), find=False)
    held, planned = result.project.meetings.meetings
    assert (held.id, held.group, held.date, held.status) == (
        "GG-2026-06",
        "board",
        date(2026, 6, 24),
        "held",
    )
    assert (held.attendees, held.apologies, held.agenda) == (
        ["p-dir", "p-ceo"],
        ["p-pm"],
        ["Highlight report"],
    )
    (decision,) = held.decisions
    assert (decision.id, decision.affects) == ("D1", ["R1", "M1"])
    (action,) = held.actions
    assert (action.owner, action.due, action.done) == ("p-pm", date(2026, 7, 31), False)
    assert (planned.status, planned.attendees, planned.decisions) == ("planned", [], [])


def test_a_decision_id_is_unique_across_meetings(tmp_path: Path) -> None:
    text = (
        "meetings:\n"
        "  - {id: A, group: board, date: 2026-01-01, decisions: [{id: D1, decision: x}]}\n"
        "  - {id: B, group: board, date: 2026-02-01, decisions: [{id: D1, decision: y}]}\n"
    )
    found = [
        (d.code, d.line, d.message)
        for d in check(make_project(tmp_path, meetings_yaml=text)).diagnostics
        if d.code == "PSP201"
    ]
    assert found == [("PSP201", 3, "decision id 'D1' is used twice (first at line 2)")]


def test_the_skeleton_writes_an_empty_list_with_an_example(tmp_path: Path) -> None:
    init_project(tmp_path / "new", name="New PSP")
    text = (tmp_path / "new" / "meetings.yaml").read_text("utf-8")
    assert "\nmeetings: []\n" in text
    assert "#   - id: GG-2027-06\n" in text
    result = load_project(tmp_path / "new", find=False)
    assert result.project.meetings == MeetingsFile()


def test_the_worked_example_holds_a_year_of_meetings() -> None:
    meetings = load_project(EXAMPLE, find=False).project.meetings.meetings
    by_status = {s: sum(m.status == s for m in meetings) for s in ("held", "planned", "cancelled")}
    assert by_status == {"held": 16, "planned": 3, "cancelled": 1}
    assert sum(len(m.decisions) for m in meetings) == 10
