"""Checks of meetings.yaml and knowledge.yaml: each code with a small folder of its own."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import PSP, check, make_project

GROUPS = (
    PSP
    + """\
governance:
  groups:
    - {id: board, name: Governance Group, cadence: quarterly, members: [council, charity]}
    - {id: ops, name: Operational Group, cadence: monthly, members: [p-pm, p-ceo]}
"""
)


def _found(root: Path, *codes: str) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.message) for d in check(root).diagnostics if d.code in codes]


def _meetings(tmp_path: Path, text: str, psp: str = GROUPS, **files: str) -> Path:
    return make_project(tmp_path, psp_yaml=psp, meetings_yaml="meetings:\n" + text, **files)


HELD = "  - {id: B1, group: board, date: 2026-06-01, status: held, attendees: [p-dir, p-ceo]}\n"


def test_a_clean_meeting_has_no_findings(tmp_path: Path) -> None:
    assert check(_meetings(tmp_path, HELD)).diagnostics == []


def test_psp221_an_unknown_group(tmp_path: Path) -> None:
    root = _meetings(tmp_path, HELD.replace("group: board", "group: bord"))
    (d,) = [d for d in check(root).diagnostics if d.code == "PSP221"]
    assert (d.line, d.column, d.message, d.hint) == (
        2,
        21,
        "meeting B1: group 'bord' is not a governance group in psp.yaml",
        "did you mean 'board'?",
    )


def test_psp222_an_attendee_or_apology_who_is_not_a_person(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        "  - {id: B1, group: board, date: 2026-06-01, status: held, attendees: [p-dir, council],"
        " apologies: [p-nobody]}\n",
    )
    assert _found(root, "PSP222") == [
        (
            "PSP222",
            2,
            "meeting B1: attendees names 'council', who is not a person in partners.yaml",
        ),
        (
            "PSP222",
            2,
            "meeting B1: apologies names 'p-nobody', who is not a person in partners.yaml",
        ),
    ]


def test_psp223_a_decision_names_a_record_that_does_not_exist(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        HELD.replace(
            "}\n", ", decisions: [{id: D1, decision: Extend, risks: [R9], goals: [G1]}]}\n"
        ),
        goals_yaml="goals:\n  - {id: G1, title: A goal}\n",
    )
    assert _found(root, "PSP223") == [("PSP223", 2, "decision D1: RAID entry 'R9' does not exist")]


def test_psp224_and_psp202_in_knowledge_yaml(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        knowledge_yaml="transfers:\n"
        "  - {id: K1, topic: Tendering, from: councill, to: [charity, p-who], owner: p-x}\n"
        "lessons:\n  - {id: L1, title: A lesson, owner: p-y}\n",
    )
    assert _found(root, "PSP224", "PSP202") == [
        (
            "PSP224",
            2,
            "knowledge transfer K1: from 'councill' is not a partner or a person in partners.yaml",
        ),
        (
            "PSP224",
            2,
            "knowledge transfer K1: to 'p-who' is not a partner or a person in partners.yaml",
        ),
        (
            "PSP202",
            2,
            "knowledge transfer K1: owner 'p-x' is not a partner or a person in partners.yaml",
        ),
        ("PSP202", 4, "lesson L1: owner 'p-y' is not a partner or a person in partners.yaml"),
    ]


APPROVED = (
    GROUPS
    + """\
approvals:
  - {document: pilot_plan, partner: council, person: p-dir, date: 2026-06-01, meeting: B1}
  - {document: pilot_plan, partner: charity, person: p-ceo, date: 2026-06-01, meeting: B11}
"""
)


def test_psp225_an_approval_names_a_meeting_that_does_not_exist(tmp_path: Path) -> None:
    root = _meetings(tmp_path, HELD, psp=APPROVED)
    (d,) = [d for d in check(root).diagnostics if d.code == "PSP225"]
    assert (d.severity, d.file, d.line, d.column, d.message, d.hint) == (
        "error",
        "psp.yaml",
        12,
        88,
        "the pilot plan approval by charity names meeting 'B11', which is not in meetings.yaml",
        "did you mean 'B1'?",
    )


def test_psp225_an_approval_at_a_recorded_meeting_is_clean(tmp_path: Path) -> None:
    root = _meetings(tmp_path, HELD, psp=APPROVED.replace("meeting: B11", "meeting: B1"))
    assert check(root).diagnostics == []


def test_psp202_a_meeting_action_owner(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        HELD.replace("}\n", ", actions: [{action: Write, owner: p-pn, due: 2026-07-01}]}\n"),
    )
    ((code, line, message),) = _found(root, "PSP202")
    assert (code, line) == ("PSP202", 2)
    assert (
        message == "meeting B1 action: owner 'p-pn' is not a partner or a person in partners.yaml"
    )


def test_psp321_held_in_the_future_and_psp322_planned_in_the_past(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        HELD
        + "  - {id: B2, group: board, date: 2026-07-10, status: held, attendees: [p-dir, p-ceo]}\n"
        "  - {id: O1, group: ops, date: 2026-06-20}\n",
    )
    assert _found(root, "PSP321", "PSP322") == [
        ("PSP321", 3, "meeting B2 is marked held but is dated 2026-07-10, after 2026-06-30"),
        ("PSP322", 4, "meeting O1 was planned for 2026-06-20 and is still marked planned"),
    ]


def test_psp323_both_attendee_and_apology(tmp_path: Path) -> None:
    root = _meetings(tmp_path, HELD.replace("}\n", ", apologies: [p-ceo]}\n"))
    assert _found(root, "PSP323") == [
        ("PSP323", 2, "meeting B1: p-ceo is among both the attendees and the apologies")
    ]


def test_psp324_completed_before_the_meeting_or_in_the_future(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        HELD.replace(
            "}\n",
            ", actions: [{action: A, owner: p-pm, due: 2026-06-10, done: true,"
            " completed: 2026-05-01},"
            " {action: B, owner: p-pm, due: 2026-06-10, done: true, completed: 2026-07-01}]}\n",
        ),
        knowledge_yaml="transfers:\n  - {id: K1, topic: T, status: done, completed: 2026-08-01,"
        " evidence: notes}\n",
    )
    assert _found(root, "PSP324") == [
        ("PSP324", 2, "knowledge transfer K1 is completed on 2026-08-01, after 2026-06-30"),
        (
            "PSP324",
            2,
            "meeting B1 action 1 is completed on 2026-05-01, before the meeting (2026-06-01)",
        ),
        ("PSP324", 2, "meeting B1 action 2 is completed on 2026-07-01, after 2026-06-30"),
    ]


def test_psp431_a_quarterly_group_that_did_not_meet_for_four_months(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        "  - {id: B0, group: board, date: 2025-09-01, status: held, attendees: [p-dir, p-ceo]}\n"
        "  - {id: B1, group: board, date: 2026-01-02, status: held, attendees: [p-dir, p-ceo]}\n"
        "  - {id: B2, group: board, date: 2026-03-01, status: cancelled}\n",
    )
    assert _found(root, "PSP441") == [
        (
            "PSP441",
            3,
            "the Governance Group meets quarterly but did not meet for 123 days, "
            "from 2025-09-01 until 2026-01-02",
        ),
        (
            "PSP441",
            3,
            "the Governance Group meets quarterly but did not meet for 179 days, "
            "from 2026-01-02 as at 2026-06-30",
        ),
    ]


def test_psp431_four_months_exactly_is_within_cadence(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        "  - {id: B0, group: board, date: 2026-03-01, status: held, attendees: [p-dir, p-ceo]}\n",
    )
    assert _found(root, "PSP441") == []


def test_psp432_a_partner_not_represented_and_psp433_no_attendees(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        "  - {id: B1, group: board, date: 2026-06-01, status: held, attendees: [p-dir],"
        " apologies: [p-ceo]}\n"
        "  - {id: O1, group: ops, date: 2026-06-10, status: held, attendees: [p-pm]}\n"
        "  - {id: O2, group: ops, date: 2026-06-20, status: held}\n",
    )
    assert _found(root, "PSP442", "PSP443") == [
        ("PSP442", 2, "governance meeting B1: no one came from Charity"),
        ("PSP443", 4, "meeting O2 is marked held but names no attendees"),
    ]


def test_psp434_no_owner_or_due_and_psp439_overdue(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        HELD.replace(
            "}\n",
            ", actions: [{action: A}, {action: B, owner: p-pm, due: 2026-06-20},"
            " {action: C, owner: p-pm, due: 2026-06-20, done: true}]}\n",
        ),
    )
    assert _found(root, "PSP444", "PSP449") == [
        ("PSP444", 2, "action B1.1 has no owner or due"),
        ("PSP449", 2, "action B1.2 was due 2026-06-20 (10 days ago) and is not done"),
    ]


def test_psp435_a_decision_that_names_a_record_it_does_not_link(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        HELD.replace(
            "}\n",
            ", decisions: [{id: D1, decision: Move M1 back a month and close R1, risks: [R1]}]}\n",
        ),
        milestones_yaml="milestones:\n  - {id: M1, title: Pilot starts}\n",
        risks_yaml="risks:\n  - {id: R1, type: risk, title: A risk, likelihood: 1, impact: 1,"
        " status: closed}\n",
    )
    assert _found(root, "PSP445") == [("PSP445", 2, "decision D1 names M1 but does not link it")]


def test_psp436_overdue_and_psp437_done_without_evidence(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        knowledge_yaml="transfers:\n"
        "  - {id: K1, topic: A, due: 2026-06-01, status: in_progress}\n"
        "  - {id: K2, topic: B, due: 2026-06-01, status: done, completed: 2026-05-30}\n"
        "  - {id: K3, topic: C, due: 2026-07-01}\n",
    )
    assert _found(root, "PSP446", "PSP447") == [
        ("PSP446", 2, "knowledge transfer K1 was due 2026-06-01 (29 days ago) and is in progress"),
        ("PSP447", 3, "knowledge transfer K2 is done but has no evidence"),
    ]


def test_psp438_a_pilot_with_no_knowledge_transfer(tmp_path: Path) -> None:
    pilot = PSP.replace("stage: identify", "stage: pilot")
    root = make_project(tmp_path, psp_yaml=pilot)
    assert _found(root, "PSP448") == [
        ("PSP448", 3, "the partnership is in its pilot stage with no knowledge transfer planned")
    ]
    planned = make_project(
        tmp_path / "planned", psp_yaml=pilot, knowledge_yaml="transfers:\n  - {id: K1, topic: A}\n"
    )
    assert _found(planned, "PSP448") == []


KNOWN = "  - {id: B1, group: board, date: 2026-06-01, status: held, attendees: [p-dir, p-ceo]"
CASES: list[tuple[str, dict[str, str], str, int]] = [
    # (code, files changed from the minimal folder, file, line), for tests/check/test_codes.py
    ("PSP221", {"meetings.yaml": "meetings:\n" + HELD}, "meetings.yaml", 2),
    (
        "PSP222",
        {"psp.yaml": GROUPS, "meetings.yaml": f"meetings:\n{KNOWN}, apologies: [p-x]}}\n"},
        "meetings.yaml",
        2,
    ),
    (
        "PSP223",
        {
            "psp.yaml": GROUPS,
            "meetings.yaml": f"meetings:\n{KNOWN}, decisions: "
            "[{id: D1, decision: x, milestones: [M9]}]}\n",
        },
        "meetings.yaml",
        2,
    ),
    (
        "PSP224",
        {"knowledge.yaml": "transfers:\n  - {id: K1, topic: T, to: [x]}\n"},
        "knowledge.yaml",
        2,
    ),
    (
        "PSP225",
        {"psp.yaml": PSP + "approvals:\n  - {document: mou, partner: council, meeting: GG-1}\n"},
        "psp.yaml",
        7,
    ),
    (
        "PSP321",
        {"psp.yaml": GROUPS, "meetings.yaml": f"meetings:\n{KNOWN.replace('06-01', '07-01')}}}\n"},
        "meetings.yaml",
        2,
    ),
    (
        "PSP322",
        {
            "psp.yaml": GROUPS,
            "meetings.yaml": "meetings:\n  - {id: B1, group: board, date: 2026-06-01}\n",
        },
        "meetings.yaml",
        2,
    ),
    (
        "PSP323",
        {"psp.yaml": GROUPS, "meetings.yaml": f"meetings:\n{KNOWN}, apologies: [p-dir]}}\n"},
        "meetings.yaml",
        2,
    ),
    (
        "PSP324",
        {"knowledge.yaml": "transfers:\n  - {id: K1, topic: T, completed: 2027-01-01}\n"},
        "knowledge.yaml",
        2,
    ),
    (
        "PSP441",
        {"psp.yaml": GROUPS, "meetings.yaml": f"meetings:\n{KNOWN.replace('06-01', '01-01')}}}\n"},
        "meetings.yaml",
        2,
    ),
    (
        "PSP442",
        {"psp.yaml": GROUPS, "meetings.yaml": f"meetings:\n{KNOWN.replace(', p-ceo', '')}}}\n"},
        "meetings.yaml",
        2,
    ),
    (
        "PSP443",
        {
            "psp.yaml": GROUPS,
            "meetings.yaml": "meetings:\n"
            "  - {id: B1, group: board, date: 2026-06-01, status: held}\n",
        },
        "meetings.yaml",
        2,
    ),
    (
        "PSP444",
        {"psp.yaml": GROUPS, "meetings.yaml": f"meetings:\n{KNOWN}, actions: [{{action: x}}]}}\n"},
        "meetings.yaml",
        2,
    ),
    (
        "PSP445",
        {
            "psp.yaml": GROUPS,
            "goals.yaml": "goals:\n  - {id: G1, title: A goal}\n",
            "meetings.yaml": f"meetings:\n{KNOWN}, decisions: [{{id: D1, decision: Drop G1}}]}}\n",
        },
        "meetings.yaml",
        2,
    ),
    (
        "PSP446",
        {"knowledge.yaml": "transfers:\n  - {id: K1, topic: T, due: 2026-01-01}\n"},
        "knowledge.yaml",
        2,
    ),
    (
        "PSP447",
        {"knowledge.yaml": "transfers:\n  - {id: K1, topic: T, status: done}\n"},
        "knowledge.yaml",
        2,
    ),
    ("PSP448", {"psp.yaml": PSP.replace("stage: identify", "stage: pilot")}, "psp.yaml", 3),
    (
        "PSP449",
        {
            "psp.yaml": GROUPS,
            "meetings.yaml": f"meetings:\n{KNOWN}, "
            "actions: [{action: x, owner: p-pm, due: 2026-06-02}]}\n",
        },
        "meetings.yaml",
        2,
    ),
    (
        "PSP507",
        {
            "psp.yaml": GROUPS,
            "meetings.yaml": "meetings:\n  - {id: B2, group: board, date: 2026-08-20}\n",
        },
        "meetings.yaml",
        2,
    ),
    (
        "PSP508",
        {
            "psp.yaml": GROUPS,
            "meetings.yaml": f"meetings:\n{KNOWN}, decisions: [{{id: D1, decision: x}}]}}\n",
        },
        "meetings.yaml",
        2,
    ),
]


def test_psp507_the_next_meeting_of_each_group_without_a_time_or_venue(tmp_path: Path) -> None:
    root = _meetings(
        tmp_path,
        "  - {id: B2, group: board, date: 2026-09-20, time: '10:00'}\n"
        "  - {id: B3, group: board, date: 2026-12-20}\n"  # not the next: its agenda waits
        "  - {id: O1, group: ops, date: 2026-07-10}\n"
        "  - {id: O0, group: ops, date: 2026-06-10}\n",  # past: its agenda has gone out
    )
    assert _found(root, "PSP507") == [
        (
            "PSP507",
            2,
            "the Governance Group meeting of 20 September 2026 has no venue: its agenda says "
            "it is not yet set",
        ),
        (
            "PSP507",
            4,
            "the Operational Group meeting of 10 July 2026 has no time or venue: its agenda "
            "says they are not yet set",
        ),
    ]


def test_psp508_a_decision_the_records_give_no_reason_for(tmp_path: Path) -> None:
    options = (
        "criteria:\n  - {id: cost, name: Cost, weight: 1}\noptions:\n"
        "  - {id: O0, name: Do nothing, do_nothing: true, scores: {cost: 2}}\n"
        "  - {id: O1, name: Booking line, scores: {cost: 4}}\n"
    )
    root = _meetings(
        tmp_path,
        f"{KNOWN}, decisions: [{{id: D1, decision: Keep going}}, "
        "{id: D2, decision: Prefer the booking line, options: [O1]}, "  # top of the appraisal
        "{id: D3, decision: Try doing nothing, options: [O0]}, "
        "{id: D4, decision: Meet monthly, rationale: Providers asked}]}\n"
        "  - {id: B2, group: board, date: 2026-09-01, time: '10:00', location: Hall, "
        "decisions: [{id: D5, decision: x}]}\n",  # planned: not minuted yet
        options_yaml=options,
    )
    assert _found(root, "PSP508") == [
        ("PSP508", 2, "decision D1 has no rationale: the minutes of B1 say no reason was recorded"),
        ("PSP508", 2, "decision D3 has no rationale: the minutes of B1 say no reason was recorded"),
    ]
