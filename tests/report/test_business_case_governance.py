"""The full business case's record of the pilot (#17): the governance meetings held and the
knowledge transferred, from a small folder and from the worked example, data and paper."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from psptool.render.templates import defaults_dir, render_docx
from psptool.report.papers.business_case import business_case
from psptool.report.papers.business_case.contents import contents
from psptool.report.papers.business_case.governance import (
    KnowledgeTransferred,
    MeetingHeld,
    governance_record,
)
from tests.helpers import EXAMPLE, PSP_WITH_GROUPS, check, make_project

AS_OF = date(2026, 6, 30)
GROUPS = PSP_WITH_GROUPS
MEETINGS = """\
meetings:
  - id: B2
    group: board
    date: 2026-05-29
    status: held
    attendees: [p-dir, p-ceo]
    decisions:
      - {id: D2, decision: Extend the pilot by three months}
      - {id: D3, decision: Go to tender in November.}
  - {id: O1, group: ops, date: 2026-04-10, status: held, attendees: [p-pm],
     decisions: [{id: D1, decision: Meet monthly}]}
  - {id: B1, group: board, date: 2026-02-27, status: held, attendees: [p-dir, p-ceo]}
  - {id: B0, group: board, date: 2026-01-30, status: cancelled}
  - {id: B3, group: board, date: 2026-08-28}
"""
KNOWLEDGE = """\
transfers:
  - {id: K2, topic: Outcome measures, from: charity, to: [council], status: done,
     completed: 2026-06-12, evidence: Shared drive}
  - {id: K1, topic: Tendering as a consortium, from: p-dir, to: [charity, p-pm], status: done,
     completed: 2026-03-02, evidence: Guidance note}
  - {id: K3, topic: Mentoring, from: council, to: [charity], status: in_progress,
     due: 2026-09-30}
"""


def _record(tmp_path: Path, **files: str):
    root = make_project(tmp_path, psp_yaml=GROUPS, **files)
    found = check(root, AS_OF)
    assert [d.code for d in found.diagnostics if d.severity == "error"] == []
    return governance_record(found.result.project, AS_OF)


def test_governance_meetings_held_oldest_first_without_operational_or_cancelled(
    tmp_path: Path,
) -> None:
    record = _record(tmp_path, meetings_yaml=MEETINGS, knowledge_yaml=KNOWLEDGE)
    assert record.meetings == (
        MeetingHeld("27 February 2026", "Governance Group", "No decisions", ""),
        MeetingHeld(
            "29 May 2026",
            "Governance Group",
            "2 decisions",
            "Extend the pilot by three months. Go to tender in November.",
        ),
    )
    assert record.meetings_summary == (
        "The Governance Group met twice, on 27 February 2026 and 29 May 2026, and took two "
        "decisions."
    )


def test_knowledge_transferred_in_the_order_it_was_done_by_name(tmp_path: Path) -> None:
    """K1 (2 March) and K2 (12 June) done, in that order; then K3, still to come, with its
    due date: every transfer planned is listed, not only those done."""
    record = _record(tmp_path, meetings_yaml=MEETINGS, knowledge_yaml=KNOWLEDGE)
    assert record.transfers == (
        KnowledgeTransferred(
            "Tendering as a consortium",
            "A. Director",
            "Charity; B. Manager",
            "Done on 2 March 2026",
        ),
        KnowledgeTransferred("Outcome measures", "Charity", "Council", "Done on 12 June 2026"),
        KnowledgeTransferred("Mentoring", "Council", "Charity", "Due by 30 September 2026"),
    )
    assert record.transfers_summary == (
        "Of the three knowledge transfers planned, two have taken place; the other one is "
        "still to come."
    )


def test_a_young_partnership_says_what_is_not_yet_recorded(tmp_path: Path) -> None:
    record = _record(tmp_path)
    assert (record.meetings, record.transfers) == ((), ())
    assert record.meetings_summary == "No governance meeting is recorded as held yet."
    assert record.transfers_summary == "No knowledge transfer between the partners is planned yet."
    done = KNOWLEDGE.replace("status: in_progress", "status: done, completed: 2026-06-01")
    two_boards = GROUPS.replace("cadence: monthly", "cadence: quarterly")
    root = make_project(
        tmp_path / "done", psp_yaml=two_boards, meetings_yaml=MEETINGS, knowledge_yaml=done
    )
    record = governance_record(check(root, AS_OF).result.project, AS_OF)
    assert record.transfers_summary == "All three knowledge transfers planned have taken place."
    assert record.meetings_summary == (
        "The governance groups met three times between 27 February 2026 and 29 May 2026 and "
        "took three decisions."
    )


def _blocks_under(doc: Document, heading: str) -> list[Paragraph | Table]:
    """The paragraphs with text and the tables between this heading and the next."""
    found: list[Paragraph | Table] = []
    inside = False
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            paragraph = Paragraph(child, doc)
            if paragraph.style.name.startswith("Heading"):
                if inside:
                    break
                inside = paragraph.text == heading
            elif inside and paragraph.text.strip():
                found.append(paragraph)
        elif inside and child.tag.endswith("}tbl"):
            found.append(Table(child, doc))
    return found


def _read(blocks: list[Paragraph | Table]) -> list[object]:
    return [
        b.text if isinstance(b, Paragraph) else [[c.text for c in r.cells] for r in b.rows]
        for b in blocks
    ]


def test_the_examples_full_business_case_lists_its_governance_and_knowledge(
    tmp_path: Path,
) -> None:
    snapshot = date(2011, 6, 30)
    assert [s.title for s in contents("full").section("management").sections][-3:] == [
        "9.6 Governance meetings held",
        "9.7 Knowledge transfer",
        "9.8 Equality impact assessment",
    ]
    project = check(EXAMPLE, snapshot).result.project
    out = tmp_path / "full.docx"
    render_docx(
        defaults_dir() / "business-case-full.docx",
        business_case(project, snapshot, "full"),
        out,
        force=False,
    )
    doc = Document(str(out))
    meetings = _read(_blocks_under(doc, "9.6 Governance meetings held"))
    assert meetings[0] == (
        "The PSP Governance Group met four times between 24 September 2010 and 24 June 2011 "
        "and took six decisions."
    )
    # the decisions in the minutes' own words, and the table says so
    assert (
        meetings[1] == "Each meeting's decisions are given in the words its minutes record them in."
    )
    group = "PSP Governance Group"
    assert meetings[2] == [
        ["Date", "Group", "Decisions", "The decisions, as minuted"],
        [
            "24 September 2010",
            group,
            "2 decisions",
            "Approve the outline business case and the pilot plan; the pilot starts on "
            "1 October 2010 for twelve months. Close the risk of the lead's inexperience in "
            "commissioning now that Commissioning and Procurement support the lead.",
        ],
        [
            "14 January 2011",
            group,
            "1 decision",
            "Record fewer pilot placements than planned as an issue and include planned moves "
            "of children now placed out of area.",
        ],
        [
            "25 March 2011",
            group,
            "1 decision",
            "Protect the external placements budget for the rest of the pilot.",
        ],
        [
            "24 June 2011",
            group,
            "2 decisions",
            "Evaluate the pilot on outcomes and process learning as well as the number of "
            "placements. Go to tender for a framework agreement in November 2011.",
        ],
    ]
    assert len(meetings) == 3
    knowledge = _read(_blocks_under(doc, "9.7 Knowledge transfer"))
    providers = (
        "Care Visions; National Fostering Agency Scotland; FCA Scotland; Fosterplus; "
        "Fostering Relations; JMT Fostering"
    )
    assert knowledge == [
        "Of the five knowledge transfers planned, two have taken place; the other three are "
        "still to come.",
        [
            ["Knowledge transfer", "From", "To", "Done or due"],
            [
                "How the council's in-house fostering service works (training, allowances, "
                "expectations)",
                "Falkirk Council",
                providers + "; Barnardo's Scotland",
                "Done on 7 May 2010",
            ],
            [
                "Using the SHANARRI wellbeing indicators to record a foster child's outcomes",
                "Barnardo's Scotland",
                "Falkirk Council; " + providers,
                "Done on 11 March 2011",
            ],
            # the three to come, by due date (knowledge.yaml K3, K4, K5)
            [
                "Outcome recording for a small provider",
                "FCA Scotland",
                "JMT Fostering",
                "Due by 31 August 2011",
            ],
            [
                "How a council tender works, the standstill and what a good bid contains",
                "K. Duncan",
                providers + "; Barnardo's Scotland",
                "Due by 30 September 2011",
            ],
            [
                "Running the PSP, for whoever manages the framework contract",
                "L. Baird",
                "S. Reid",
                "Due by 31 March 2012",
            ],
        ],
    ]
