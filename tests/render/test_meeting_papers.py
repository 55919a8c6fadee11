"""psp render agenda and psp render minutes, read back from the Word files."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.helpers import PspRunner


def _render(example: Path, out: Path, paper: str, meeting: str, as_of: str) -> object:
    args = ["render", paper, str(example), "--meeting", meeting, "--as-of", as_of, "-o", str(out)]
    result = PspRunner().invoke(args)
    assert result.exit_code == 0, result.output
    return Document(str(out))


def _tables(doc: object) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]  # type: ignore[attr-defined]


def test_the_minutes_of_the_june_governance_group(example: Path, tmp_path: Path) -> None:
    doc = _render(example, tmp_path / "m.docx", "minutes", "GG-2011-06", "2011-06-30")
    texts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    assert texts[:5] == [
        "Minutes",
        "PSP Governance Group",
        "Falkirk Foster Care PSP · 24 June 2011",
        "Chair: A. Morrison",
        # the September meeting, which approves them, is after the paper's date
        "Draft: for approval at the next meeting of the PSP Governance Group, on 23 September"
        " 2011.",
    ]
    assert "Date of next meeting: 23 September 2011." in texts
    present, decisions, actions = _tables(doc)
    assert len(present) == 12  # the header and eleven people
    assert present[1] == ["A. Morrison", "Falkirk Council", "Director of Social Work Services"]
    assert present[-1][:2] == ["O. Sinclair", "Barnardo's Scotland"]
    # N. Ross is "Director, FCA Scotland" in partners.yaml; the Organisation column already
    # says FCA Scotland, so the title drops it
    assert ["N. Ross", "FCA Scotland", "Director"] in present
    # nobody sent apologies to the June meeting
    assert "No apologies were received." in texts
    # numbered in the minutes as the actions are, 1 and 2: never the log's ids D9 and D10
    assert [row[0] for row in decisions] == ["No.", "1", "2"]
    assert decisions[2] == [
        "2",
        "Go to tender for a framework agreement in November 2011",
        "The preferred option of the appraisal and the time Corporate Procurement has confirmed",
        "Dependency: Corporate Procurement capacity to run the tender in November–December 2011; "
        "Milestone: Framework agreement awarded",
    ]
    assert actions[1:] == [
        ["1", "Draft the tender specification with the providers", "S. Reid",
         "29 July 2011"],
        ["2", "Agree the evaluation framework with the evaluator", "J. Paterson",
         "15 July 2011"],
        ["3", "Tell the providers' boards that the pilot gives no place on the "
         "framework", "A. Morrison", "22 July 2011"],
    ]  # fmt: skip


def test_minutes_of_a_meeting_not_yet_held_are_refused(example: Path, tmp_path: Path) -> None:
    args = ["render", "minutes", str(example), "--meeting", "GG-2011-09", "--as-of", "2011-06-30"]
    result = PspRunner().invoke([*args, "-o", str(tmp_path / "m.docx")])
    assert result.exit_code == 2
    assert "meeting GG-2011-09 is planned" in result.output
    assert not (tmp_path / "m.docx").exists()


def test_the_agenda_for_september_a_week_before(example: Path, tmp_path: Path) -> None:
    doc = _render(example, tmp_path / "a.docx", "agenda", "GG-2011-09", "2011-09-16")
    texts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    # the headings, not the decisions numbered under item 6 ("6.1\tThe issue …")
    headings = [t for t in texts if t[:2] in {f"{n}." for n in range(1, 10)} and "\t" not in t]
    assert headings == [
        "1. Welcome and apologies",
        "2. Minutes of the last meeting",
        "3. Actions arising",
        "4. Highlight report",
        "5. Business",
        "6. Decisions needed",
        "7. Risks for escalation",
        "8. Any other business",
        "9. Date of next meeting",
    ]
    assert "The minutes of the meeting of 24 June 2011, for approval." in texts
    # the papers go out before the meeting: the actions' states are read on the paper's date
    assert "Each action's state is as at 16 September 2011, when these papers were prepared." in (
        texts
    )
    # numbered under item 5, as the decisions are under item 6
    assert "5.1\tFinal quarterly pilot review" in texts
    assert "The date is not yet set; the group meets quarterly." in texts
    arising, escalations = _tables(doc)
    assert [row[0] for row in arising[1:]] == ["1", "2", "3"]
    assert {row[4] for row in arising[1:]} == {"Overdue"}  # as at 16 September
    assert escalations[0][-1] == "Review"
    assert escalations[1:] == [
        # R7 by its type and title, not its id
        ["Issue", "Fewer pilot placements than planned", "15", "L. Baird", "22 July 2011 (overdue)"]
    ]
    summary = texts[texts.index("4. Highlight report") + 1]
    assert summary == (
        "Overall status: Red, set by the risks and issues: Fewer pilot placements than planned "
        "is Red. The benefits are Amber; "
        "the schedule and the budget are Green."
    )


def test_minutes_approved_at_the_next_meeting_say_so(example: Path, tmp_path: Path) -> None:
    """March's minutes as at 30 June 2011: the June meeting, held, approved them."""
    doc = _render(example, tmp_path / "m.docx", "minutes", "GG-2011-03", "2011-06-30")
    texts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    assert texts[1:5] == [
        "PSP Governance Group",
        "Falkirk Foster Care PSP · 25 March 2011",
        "Chair: A. Morrison",
        "Approved at the meeting of 24 June 2011.",
    ]
    footer = doc.sections[0].footer.paragraphs[0].text  # type: ignore[attr-defined]
    assert footer.startswith("PSP Governance Group · minutes of 25 March 2011 · Approved · Page")


def test_the_sparse_minutes_say_they_do_not_record_the_chair(tmp_path: Path) -> None:
    from tests.papers.folders import sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    doc = _render(folder, tmp_path / "m.docx", "minutes", "SG-1", "2026-06-30")
    texts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    assert texts[1:5] == [
        "Partnership Board",
        "Riverside Carers PSP · 14 May 2026",
        # the board has no chair and the meeting records none: say so, not "no chair yet"
        "The minutes do not record who chaired the meeting.",
        "Draft: for approval at the next meeting of the Partnership Board, on 20 August 2026.",
    ]
    footer = doc.sections[0].footer.paragraphs[0].text  # type: ignore[attr-defined]
    assert "· Draft · Page" in footer


def test_the_sparse_agenda_points_to_the_highlight_reports_stage_gate(tmp_path: Path) -> None:
    """The agenda quotes the highlight report's decisions but holds no stage gate of its own:
    the gate's decision says where its reasons are, and the missing chair is said once."""
    from tests.papers.folders import sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    doc = _render(folder, tmp_path / "a.docx", "agenda", "SG-2", "2026-06-30")
    texts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    decisions = texts[
        texts.index("6. Decisions needed") + 1 : texts.index("7. Risks for escalation")
    ]
    # the Red risk, the business case held up by its pilot, the held-up tender, the stage
    # gate, and the outline business case the plan needs on 20 August 2026 (this meeting,
    # within the next reporting period, to 30 September 2026): every partner is to sign it
    assert len(decisions) == 5
    # numbered under item 6, so the chair can take each by its number
    assert [d.split("\t")[0] for d in decisions] == ["6.1", "6.2", "6.3", "6.4", "6.5"]
    assert decisions[1] == (
        "6.2\t‘Full business case agreed’ is due on 31 December 2026, before a 12-month pilot "
        "can have run (it cannot end before 20 August 2027): agree new dates."
    )
    assert decisions[4] == (
        "6.5\tSign off the outline business case (every partner's sign-off is needed by 20 "
        "August 2026)."
    )
    # business items are numbered under item 5, as the decisions are under item 6
    assert texts[texts.index("5. Business") + 1] == "5.1\tOutline business case"
    assert decisions[0] == (
        "6.1\tThe risk ‘Respite places run out in the winter’ is Red, has no open action and "
        "its review was due on 1 May 2026: review it and agree what will be done and by whom."
    )
    # the outline business case, dated by this meeting, is its own decision, not the gate's
    assert decisions[3].endswith(
        "a pilot of at least 12 months planned; the pilot's costs planned "
        "(the highlight report's stage gate says why)."
    )
    assert not any("below" in line for line in texts)
    # "The group has no chair yet." is said under the heading, once; AOB only says to whom
    assert [t for t in texts if "no chair" in t] == ["The group has no chair yet."]
    assert texts[texts.index("8. Any other business") + 1] == (
        "Items to be notified to B. Manager, the project manager, before the meeting."
    )


def test_the_september_agenda_asks_for_the_full_business_case(
    example: Path, tmp_path: Path
) -> None:
    # prepared 30 June 2011: the full business case is needed by 30 September 2011, the end
    # of the next reporting period, and 23 September is the group's last meeting before it
    doc = _render(example, tmp_path / "a.docx", "agenda", "GG-2011-09", "2011-06-30")
    texts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    after = texts[texts.index("6. Decisions needed") + 1]
    assert after == (
        "6.1\tApprove the full business case (Falkirk Council's sign-off is needed by "
        "30 September 2011)."
    )
