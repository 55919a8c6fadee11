"""Editing meetings.yaml and marking actions done by the chase list's references: each edit
changes only its lines, keeps the comments, and is refused where validate would refuse it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.edit.actions import complete_action
from psptool.edit.meetings import (
    add_decision,
    add_meeting,
    add_meeting_action,
    meeting_held,
    meeting_id,
)
from psptool.errors import EditRefused, NothingToDo, RecordNotFound, UserError
from psptool.load import load_project
from tests.helpers import PspRunner

AS_OF = date(2011, 6, 30)


def _diff(result: object) -> list[str]:
    text = result.diff()  # type: ignore[attr-defined]
    return [
        line for line in text.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_meeting_ids_read_as_group_and_month() -> None:
    assert meeting_id("governance-group", date(2011, 6, 24)) == "GG-2011-06"
    assert meeting_id("ops_group", date(2011, 9, 9)) == "OG-2011-09"


def test_each_kind_of_reference_is_marked_done(example: Path) -> None:
    assert [str(c) for c in complete_action(example, "GG-2011-06.2", as_of=AS_OF).changes] == [
        "meetings.yaml: GG-2011-06.2: done no → yes",
        "meetings.yaml: GG-2011-06.2: completed (none) → 2011-06-30",
    ]
    result = complete_action(example, "R7.2", as_of=AS_OF)
    assert _diff(result) == [
        "-      - {action: Report placement numbers by provider to every Operational Group, "
        "owner: p-paterson, due: 2011-07-29}",
        "+      - {action: Report placement numbers by provider to every Operational Group, "
        "owner: p-paterson, due: 2011-07-29, done: true}",
    ]
    complete_action(example, "M13.1", as_of=AS_OF)
    result = complete_action(example, "K4", when=date(2011, 6, 29), as_of=AS_OF)
    assert [str(c) for c in result.changes] == [
        "knowledge.yaml: K4: status planned → done",
        "knowledge.yaml: K4: completed (none) → 2011-06-29",
    ]
    assert [w.code for w in result.warnings] == ["PSP447"]  # done, but where is the evidence?
    project = load_project(example, find=False).project
    assert project.meetings.meetings[-4].actions[1].done is True
    assert project.risks.risks[6].actions[1].done is True
    assert project.milestones.milestones[12].tasks[0].done is True
    assert project.knowledge.transfers[3].status == "done"
    # the header comment is kept
    assert (example / "meetings.yaml").read_text().startswith("# yaml-language-server:")


def test_references_that_name_nothing_are_refused(example: Path) -> None:
    with pytest.raises(RecordNotFound, match="meeting GG-2011-06 has 3 actions; there is no"):
        complete_action(example, "GG-2011-06.4", as_of=AS_OF)
    with pytest.raises(RecordNotFound, match="no risk, milestone or meeting 'Z9'"):
        complete_action(example, "Z9.1", as_of=AS_OF)
    with pytest.raises(RecordNotFound, match="no action 'K99'"):
        complete_action(example, "K99", as_of=AS_OF)
    with pytest.raises(NothingToDo, match=r"GG-2011-03\.1 is already done"):
        complete_action(example, "GG-2011-03.1", as_of=AS_OF)
    with pytest.raises(NothingToDo, match="knowledge transfer K1 is already done"):
        complete_action(example, "K1", as_of=AS_OF)


def test_a_meeting_planned_then_held_with_a_decision_and_an_action(example: Path) -> None:
    result = add_meeting(
        example, group="ops-group", day=date(2011, 9, 9), time="10:00", agenda=["Tender"],
        as_of=AS_OF,
    )  # fmt: skip
    assert _diff(result) == [
        "+  - {id: OG-2011-09, group: ops-group, date: 2011-09-09, time: '10:00', status: planned, "
        "agenda: [Tender]}"
    ]
    with pytest.raises(UserError, match="already has a meeting 'OG-2011-09'"):
        add_meeting(example, group="ops-group", day=date(2011, 9, 20), as_of=AS_OF)
    later = date(2011, 7, 23)
    held = meeting_held(
        example, "OG-2011-07", attendees=["p-baird", "p-reid"], apologies=["p-young"], as_of=later
    )
    assert [str(c) for c in held.changes] == [
        "meetings.yaml: OG-2011-07: status planned → held",
        "meetings.yaml: OG-2011-07: attendees (none) → ['p-baird', 'p-reid']",
        "meetings.yaml: OG-2011-07: apologies (none) → ['p-young']",
    ]
    decided = add_decision(
        example, "OG-2011-07", decision="Brief providers on the standstill", risks=["R3"],
        as_of=later,
    )  # fmt: skip
    assert [str(c) for c in decided.changes] == [
        "meetings.yaml: OG-2011-07: added decision D11: Brief providers on the standstill"
    ]
    add_meeting_action(
        example, "OG-2011-07", action="Book the venue", owner="p-shaw", due=date(2011, 8, 5),
        as_of=later,
    )  # fmt: skip
    meeting = load_project(example, find=False).project.meetings.meetings[-4]
    assert (meeting.id, meeting.status, meeting.attendees, meeting.apologies) == (
        "OG-2011-07",
        "held",
        ["p-baird", "p-reid"],
        ["p-young"],
    )
    assert [(d.id, d.risks) for d in meeting.decisions] == [("D11", ["R3"])]
    assert [(a.action, a.owner, a.due) for a in meeting.actions] == [
        ("Book the venue", "p-shaw", date(2011, 8, 5))
    ]


def test_what_validate_refuses_is_refused(example: Path) -> None:
    before = (example / "meetings.yaml").read_bytes()
    with pytest.raises(EditRefused) as refused:
        add_meeting(example, group="no-such-group", day=date(2011, 9, 9), as_of=AS_OF)
    assert "PSP221" in str(refused.value)
    with pytest.raises(EditRefused):  # held in the future (PSP321)
        meeting_held(example, "GG-2011-09", attendees=["p-morrison"], as_of=AS_OF)
    with pytest.raises(EditRefused):  # a decision naming a risk that does not exist (PSP223)
        add_decision(example, "GG-2011-06", decision="x", risks=["R99"], as_of=AS_OF)
    assert (example / "meetings.yaml").read_bytes() == before


def test_the_commands(example: Path) -> None:
    runner = PspRunner()
    common = ["--project", str(example), "--as-of", "2011-06-30"]
    done = runner.invoke(["action", "done", "GG-2011-06.1", *common])
    assert (done.exit_code, done.output.splitlines()) == (
        0,
        [
            "meetings.yaml: GG-2011-06.1: done no → yes",
            "meetings.yaml: GG-2011-06.1: completed (none) → 2011-06-30",
        ],
    )
    added = runner.invoke(
        ["meeting", "add", "--group", "ops-group", "--date", "2011-09-09", "--item", "Tender",
         *common]
    )  # fmt: skip
    assert added.output == "meetings.yaml: OG-2011-09: added meeting: ops-group on 2011-09-09\n"
    decided = runner.invoke(
        ["decision", "add", "GG-2011-06", "--decision", "Hold a briefing", "--risks", "R3,R4",
         "--rationale", "Providers asked for one", *common]
    )  # fmt: skip
    assert decided.output == "meetings.yaml: GG-2011-06: added decision D11: Hold a briefing\n"
    held = runner.invoke(
        ["meeting", "held", "OG-2011-07", "--attendees", "p-baird,p-reid", "--project",
         str(example), "--as-of", "2011-07-22", "--dry-run"]
    )  # fmt: skip
    assert held.exit_code == 0
    assert held.output.splitlines()[-1] == "dry run: nothing was written"
    again = runner.invoke(["action", "done", "GG-2011-06.1", *common])
    assert again.exit_code == 0
    assert "GG-2011-06.1 is already done" in again.output
