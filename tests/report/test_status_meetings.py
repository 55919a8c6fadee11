"""The highlight report looks back to the governance group's last meeting: the actions agreed
there and the decisions taken since; `--since` takes a meeting's id (the day it was held)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from psptool.check import validate
from psptool.render.status import status_document
from psptool.render.status_output import status_text
from psptool.report.status import (
    DecisionTaken,
    LastMeeting,
    MeetingActionState,
    status_report,
    status_since,
)
from tests.helpers import copy_example
from tests.report.test_since import git

AS_OF = date(2011, 6, 30)


def _project(folder: Path):
    result = validate(folder, AS_OF, find=False)
    assert result.errors == []
    return result.result.project


def test_the_last_governance_meeting_its_actions_and_decisions(example: Path) -> None:
    report = status_report(_project(example), AS_OF)
    assert report.last_meeting == LastMeeting(
        "GG-2011-06", "PSP Governance Group", date(2011, 6, 24)
    )
    assert report.meeting_actions == [
        MeetingActionState(
            "GG-2011-06.1",
            "Draft the tender specification with the providers",
            "p-reid",
            date(2011, 7, 29),
            "Not yet due",
        ),
        MeetingActionState(
            "GG-2011-06.2",
            "Agree the evaluation framework with the evaluator",
            "p-paterson",
            date(2011, 7, 15),
            "Not yet due",
        ),
        MeetingActionState(
            "GG-2011-06.3",
            "Tell the providers' boards that the pilot gives no place on the framework",
            "p-morrison",
            date(2011, 7, 22),
            "Not yet due",
        ),
    ]
    assert [(d.id, d.meeting, d.affects) for d in report.meeting_decisions] == [
        ("D9", "GG-2011-06", ["R7", "M13"]),
        ("D10", "GG-2011-06", ["R9", "M15"]),
    ]


def test_an_earlier_date_looks_back_to_the_meeting_before(example: Path) -> None:
    # on 2011-06-01 the last governance meeting held was GG-2011-03 (GG-2011-06 is after);
    # its two actions are done, and the operational meetings since decided nothing
    report = status_report(_project(example), date(2011, 6, 1))
    assert report.last_meeting == LastMeeting(
        "GG-2011-03", "PSP Governance Group", date(2011, 3, 25)
    )
    assert [(a.ref, a.state, a.completed) for a in report.meeting_actions] == [
        ("GG-2011-03.1", "Done", None),  # done, with no date recorded
        ("GG-2011-03.2", "Done", None),
    ]
    assert report.meeting_decisions == [
        DecisionTaken(
            "D8",
            "GG-2011-03",
            date(2011, 3, 25),
            "Protect the external placements budget for the rest of the pilot",
            ["R5", "M11"],
            "PSP Governance Group, 25 March 2011",
            [
                "Risk: Council budget reductions cut the external placements budget",
                "Milestone: Second quarterly pilot review",
            ],
        )
    ]


def test_an_overdue_action_and_a_later_operational_decision(example: Path) -> None:
    meetings = example / "meetings.yaml"
    text = meetings.read_text()
    text = text.replace(
        "owner: p-paterson, due: 2011-07-15}", "owner: p-paterson, due: 2011-06-27}", 1
    )
    text = text.replace(
        '  - {id: OG-2011-07, group: ops-group, date: 2011-07-22, time: "14:00", location: '
        '"Falkirk Council, Municipal Buildings", agenda: [Tender specification, Risk reviews]}',
        "  - id: OG-2011-07\n    group: ops-group\n    date: 2011-06-28\n    status: held\n"
        "    attendees: [p-baird]\n"
        "    decisions:\n      - {id: D11, decision: Share the tender draft, milestones: [M15]}",
    )
    meetings.write_text(text)
    report = status_report(_project(example), AS_OF)
    assert [a.state for a in report.meeting_actions] == ["Not yet due", "Overdue", "Not yet due"]
    assert [(d.id, d.meeting, d.held) for d in report.meeting_decisions] == [
        ("D9", "GG-2011-06", date(2011, 6, 24)),
        ("D10", "GG-2011-06", date(2011, 6, 24)),
        ("D11", "OG-2011-07", date(2011, 6, 28)),
    ]


def test_no_governance_meeting_held_leaves_the_section_out(example: Path) -> None:
    (example / "meetings.yaml").unlink()
    report = status_report(_project(example), AS_OF)
    assert (report.last_meeting, report.meeting_actions, report.meeting_decisions) == (
        None,
        [],
        [],
    )
    assert "Since the last meeting" not in status_text(status_document(report), "markdown")


def test_the_markdown_report_shows_both_tables(example: Path) -> None:
    text = status_text(status_document(status_report(_project(example), AS_OF)), "markdown")
    assert "## Since the last meeting (PSP Governance Group, 24 June 2011)" in text
    assert (
        "| 2 | Agree the evaluation framework with the evaluator | J. Paterson "
        "| 15 July 2011 | Not yet due |"
    ) in text
    # D9 and D10, both of the 24 June meeting the heading names: no Meeting column
    assert "**Decisions of the last meeting**\n\n| Decision | Affects |" in text
    assert (
        "| Go to tender for a framework agreement in "
        "November 2011 | Dependency: Corporate Procurement capacity to run the tender in "
        "November–December 2011; Milestone: Framework agreement awarded |"
    ) in text
    assert "| PSP Governance Group, 24 June 2011 |" not in text


def test_decisions_of_several_meetings_say_which(example: Path) -> None:
    """Since March's meeting: D8 of 25 March, then D9 and D10 of 24 June, each by its
    meeting's group and date."""
    report = status_since(example, _project(example), AS_OF, since="GG-2011-03")
    text = status_text(status_document(report), "markdown")
    assert "**Decisions since the last meeting**\n\n| Meeting | Decision | Affects |" in text
    rows = [line for line in text.splitlines() if line.startswith("| PSP Governance Group, ")]
    assert [row.split(" | ")[0] for row in rows] == [
        "| PSP Governance Group, 25 March 2011",
        "| PSP Governance Group, 24 June 2011",
        "| PSP Governance Group, 24 June 2011",
    ]


def test_since_a_meeting_outside_git_uses_the_meeting(example: Path) -> None:
    report = status_since(example, _project(example), AS_OF, since="GG-2011-03")
    assert report.since_note is not None and report.since_note == (
        "No comparison with the PSP Governance Group, 25 March 2011: the partnership's folder "
        "is not kept in git, so there is no earlier version to compare with."
    )
    assert "/" not in report.since_note  # no path to the folder
    assert report.last_meeting == LastMeeting(
        "GG-2011-03", "PSP Governance Group", date(2011, 3, 25)
    )
    # decisions from GG-2011-03 to the report's date: D8, then D9 and D10 of GG-2011-06
    assert [d.id for d in report.meeting_decisions] == ["D8", "D9", "D10"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_since_a_meeting_reads_the_folder_as_it_was_the_day_it_was_held(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    copy_example(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Papers for March", date_="2011-03-20T12:00:00")
    risks = repo / "risks.yaml"
    risks.write_text(
        risks.read_text()
        + "  - id: R13\n    type: risk\n    title: Evaluation report late\n    owner: p-baird\n"
        "    likelihood: 2\n    impact: 3\n    raised: 2011-06-01\n"
        "    actions:\n      - {action: Agree the report date, owner: p-baird, due: 2011-07-15}\n"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "June update", date_="2011-06-29T12:00:00")
    report = status_since(repo, _project(repo), AS_OF, since="GG-2011-03")
    assert report.since is not None
    assert report.since.startswith("the PSP Governance Group, 25 March 2011: ")
    revision = report.since[-9:-1]  # the commit's short hash, eight characters
    assert report.since.endswith(
        f": the folder as saved on 20 March 2011 (Papers for March; revision {revision})"
    )
    assert report.changes is not None and report.changes.risks_added == ["R13"]
    assert report.last_meeting is not None and report.last_meeting.id == "GG-2011-03"
