"""The outline and full business cases read back: an approved case as it stood on its
approval day, and the sparse folder's cases agreeing with its minutes and saying plainly what
is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool import validate
from psptool.analysis.gate import stage_gate
from psptool.report.papers.business_case import business_case
from psptool.report.papers.business_case.approved import as_approved
from tests.helpers import EXAMPLE
from tests.papers.folders import SPARSE_AS_OF
from tests.papers.text import docx_lines, docx_tables

AS_OF = date(2011, 6, 30)
APPROVED = date(2010, 9, 24)
"""The day the last partner approved the worked example's outline business case."""


def _example():  # type: ignore[no-untyped-def]
    return validate(EXAMPLE, AS_OF, find=False).result.project


def _paper(rendered: dict[str, tuple[Path, object]], name: str) -> Path:
    return rendered[name][0]


def test_the_records_as_they_stood_on_the_approval_day() -> None:
    then = as_approved(_example(), APPROVED)
    # R7 (raised 14 January 2011) and R12 (17 December 2010) came later
    assert [r.id for r in then.risks.risks] == [
        "R1", "R2", "R3", "R4", "R5", "R6", "R8", "R9", "R10", "R11"
    ]  # fmt: skip
    # the meetings held by then; the Operational Group of 22 October 2010 and later are not in it
    assert [m.id for m in then.meetings.meetings] == [
        "OG-2010-07", "OG-2010-08", "OG-2010-09", "GG-2010-09"
    ]  # fmt: skip
    milestones = {m.id: m.completed for m in then.milestones.milestones}
    assert (milestones["M7"], milestones["M8"], milestones["M9"]) == (APPROVED, None, None)
    # the first measurements are of 30 September 2010
    assert [len(b.measurements) for b in then.benefits.benefits] == [0] * 8
    # 2010-Q3 ended on 30 September: its spend was not yet known
    spent = [(line.period, line.actual) for line in then.budget.budget][4:7]
    assert spent == [("2010-Q2", 1480), ("2010-Q3", None), ("2010-Q3", None)]
    transfers = {t.id: t.status for t in then.knowledge.transfers}
    assert transfers["K2"] == "planned"  # completed on 11 March 2011
    assert [lesson.id for lesson in then.knowledge.lessons] == ["L1"]


def test_an_approved_case_rendered_later_is_the_approved_version(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    path = _paper(rendered, "example:business-case-outline")
    details = {row[0]: row[1] for row in docx_tables(path)[0]}
    assert details["Version"] == "1.0"
    assert details["Date"] == "24 September 2010"
    assert details["Status"] == (
        "Approved by every partner at the PSP Governance Group on 24 September 2010, each "
        "signing through an officer at Director level or above. This is the approved version "
        "1.0, as the partnership's records stood that day; it asks for no further approval."
    )
    lines = docx_lines(path)
    # neither the date it was rendered for nor anything measured since is in it
    assert "30 June 2011" not in "\n".join(lines)
    risk_tables = [t for t in docx_tables(path) if t[0][:2] == ["Type", "Risk or issue"]]
    (management,) = risk_tables
    titles = {r.id: r.title for r in _example().risks.risks}
    assert [row[1] for row in management[1:]] == [
        titles[i] for i in ("R3", "R5", "R1", "R4", "R11")
    ]
    assert (
        "4.\tNoted the five open risks (all amber) and the actions to manage them (section 7.4)."
        in lines
    )
    # once approved, the recommendations point to the decisions rather than repeat them
    start = lines.index("8. Recommendations")
    assert lines[start + 1] == (
        "The decisions the partners took in approving this outline business case are in "
        "section 1.5."
    )
    assert not [line for line in lines[start:] if line.startswith("1.\t")]
    # the full business case is not yet approved: as at 30 June 2011, R7 and all
    full = _paper(rendered, "example:business-case-full")
    assert {row[0]: row[1] for row in docx_tables(full)[0]}["Date"] == "30 June 2011"
    assert titles["R7"] in [
        t[1][1] for t in docx_tables(full) if t[0][:2] == ["Type", "Risk or issue"]
    ]


def test_a_preference_decided_at_a_meeting_is_the_preferred_option(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    """The sparse folder's options.yaml names no preferred option; decision D1 of the
    Partnership Board's meeting of 14 May 2026 prefers O1."""
    lines = docx_lines(_paper(rendered, "sparse:business-case-outline"))
    assert (
        "The partners scored two options, including doing nothing, against two weighted "
        "criteria. The preferred option is Shared respite booking line, which scored 80 out "
        "of 100, the highest score. With the weights drawn at random 10,000 times it comes "
        "first in 100% of them. The Partnership Board chose it at its meeting on 14 May 2026."
    ) in lines
    gate = stage_gate(rendered["sparse:business-case-outline"][1], SPARSE_AS_OF)  # type: ignore[arg-type]
    reasons = {i.id: (i.met, i.reason) for i in gate.items}
    assert reasons["preferred_option"] == (
        True,
        # O1, decided by D1 at the board's meeting of 14 May 2026: by title and meeting (A1)
        "preferred: Shared respite booking line, decided by the Partnership Board on 14 May 2026",
    )


def test_the_sparse_cases_recommend_only_what_is_there(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    outline = docx_lines(_paper(rendered, "sparse:business-case-outline"))
    start = outline.index("8. Recommendations")
    assert outline[start + 1 : start + 8] == [
        "It is recommended that the partners:",
        # the equality impact assessment is still to be done (7.7): approval waits on it
        "1.\tApprove Shared respite booking line as the preferred option to pilot, once the "
        "equality impact assessment is complete (section 7.7): it scored 80 out of 100 in the "
        "options appraisal (section 4).",
        # no dates proposed: set them, at the board's next meeting (SG-2, 20 August 2026)
        "2.\tSet the pilot's start and end dates at the Partnership Board's next meeting, on "
        "20 August 2026.",
        "3.\tNote the open risk, Respite places run out in the winter (red), and the open "
        "issue, Referrals from GP practices are slow (amber), and agree actions to manage them "
        "(section 7.4).",
        "4.\tAgree to draw up the benefits realisation plan, with its owners and target dates "
        "(section 5).",
        # no pilot dates: a pilot from 21 August 2026, after this case's sign-off, runs 12
        # months to 20 August 2027 at the earliest, after M1 is due
        "5.\tAgree the next steps: Full business case agreed, due by 31 December 2026 but "
        "held up until a 12-month pilot, which cannot end before 20 August 2027.",
        # M2 (30 September) depends on M1 (31 December): the plan is impossible as drawn
        "6.\tRe-plan ‘Tender for respite services published’: it depends on ‘Full business "
        "case agreed’, expected on 20 August 2027, but is due before it, on 30 September 2026.",
    ]
    full = docx_lines(_paper(rendered, "sparse:business-case-full"))
    assert not [line for line in full if "evaluation findings:" in line]
    assert (
        "Risks, assumptions, issues and dependencies are kept in the RAID log, each to have an "
        "owner, actions and a review date (not every entry has an owner, actions or a review "
        "date yet), and scored likelihood × impact on 1–5 scales: green below 5, amber from 5, "
        "red from 15. The key risks and issues go to the Partnership Board in the highlight "
        "report every 3 months."
    ) in full


def test_each_case_is_planned_for_the_meeting_whose_agenda_names_it(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    """SG-2 (20 August 2026) has the outline business case on its agenda; no meeting has the
    full one, so it is not planned for SG-2 too."""
    routes = {}
    for kind in ("outline", "full"):
        tables = docx_tables(_paper(rendered, f"sparse:business-case-{kind}"))
        (route,) = [t for t in tables if t[0] == ["Date", "Organisation", "Meeting", "Purpose"]]
        routes[kind] = [row[:3] for row in route[1:]]
    # the full case, on no agenda, is planned for the due date of M1, which delivers it
    assert routes == {
        # "(planned)" in the Date column in both (#14 R3)
        "outline": [["20 August 2026 (planned)", "Every partner", "Partnership Board"]],
        "full": [["31 December 2026 (planned)", "Every partner", "Partnership Board"]],
    }


def test_a_milestone_that_cannot_happen_as_planned_is_said_below_the_plan(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    path = _paper(rendered, "sparse:business-case-outline")
    # no milestone has a stage: the column is left out rather than filled with dashes
    (plan,) = [t for t in docx_tables(path) if t[0] == ["Milestone", "Owner", "Due", "Status"]]
    # as at 30 June 2026: M1 is due on 31 December 2026, before a 12-month pilot can end (20
    # August 2027); M2, due on 30 September, waits for it
    assert [row[-1] for row in plan[1:]] == ["Held up", "Held up"]
    assert (
        "‘Tender for respite services published’ is due on 30 September 2026, before ‘Full "
        "business case agreed’ (due on 31 December 2026), which it depends on: it needs "
        "re-planning."
    ) in docx_lines(path)
    # the full case is the milestone M2 waits for: it says so, and is not its own next step
    full = docx_lines(_paper(rendered, "sparse:business-case-full"))
    assert (
        "5.\tRe-plan ‘Tender for respite services published’: it depends on this full business "
        "case, expected on 20 August 2027, but is due before it, on 30 "
        "September 2026."
    ) in full
    assert not [line for line in full if "Agree the next steps" in line]


def test_a_weighting_no_single_change_upsets_is_said_once(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    lines = docx_lines(_paper(rendered, "sparse:business-case-outline"))
    assert "No change to the weight of any one criterion would put another option first." in lines
    assert not [line for line in lines if "No change to this weight alone" in line]
    assert not [line for line in lines if line.startswith("How far each criterion")]


def test_rag_and_status_cells_are_written_alike() -> None:
    """Table cells start with a capital ("Red", "Open"); sentences keep lower case."""
    context = business_case(_example(), AS_OF, "full", [])
    assert {r.rag for r in context.management.risks} == {"red", "amber"}
    assert {r.status for r in context.management.risks} == {"Open"}


def test_the_full_case_as_at_its_date_is_not_cut_back() -> None:
    """Not approved: the full case keeps every record up to its as-of date."""
    context = business_case(_example(), AS_OF, "full", [])
    assert context.document.date == "30 June 2011"
    assert [r.id for r in context.management.risks][:1] == ["R7"]


def test_a_service_not_yet_piloted_is_not_called_tested(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    sparse = docx_lines(_paper(rendered, "sparse:business-case-full"))
    assert (
        "The service the partners propose to sustain is the preferred option: Shared respite "
        "booking line."
    ) in sparse
    example = docx_lines(_paper(rendered, "example:business-case-full"))
    assert (
        "The service the partners propose to sustain is the preferred option being tested in "
        "the pilot: Multi-provider framework agreement with outcome-based monitoring."
    ) in example


def test_cells_and_sentences_in_one_style(rendered: dict[str, tuple[Path, object]]) -> None:
    """A cell starts with a capital ("Not estimated", "Yes", "Red"); the plan's end is the
    partnership's, its last milestone's forecast said as such; no version 1.1 is promised."""
    path = _paper(rendered, "sparse:business-case-outline")
    (ranking,) = [t for t in docx_tables(path) if t[0][0] == "Rank"]
    assert [row[3:] for row in ranking[1:]] == [
        ["£20,000", "£250", "Yes"],
        # the option not preferred says so, not a blank (#14 R4)
        ["Not estimated", "Not estimated", "No"],
    ]
    tables = docx_tables(path)
    (governance,) = [t for t in tables if t[0] == ["Group", "Meets", "Chair", "Members"]]
    assert governance[1] == [
        "Partnership Board",
        "Quarterly",
        "Not yet chosen",
        "Riverside Council; Carers Trust Riverside",
    ]
    (communications,) = [t for t in tables if t[0][:3] == ["Audience", "Method", "Frequency"]]
    # no line has messages or an ask: those columns are left out, not filled with dashes
    assert communications == [
        ["Audience", "Method", "Frequency", "Owner"],
        ["Unpaid carers", "Newsletter", "Quarterly", "No owner"],
    ]
    lines = docx_lines(path)
    assert (
        "The milestones in the order their dependencies allow; the partnership ends on 31 "
        "December 2027 and its last milestone is forecast for 20 August 2027."
    ) in lines
    assert (
        "Versions 0.1, 0.2 … are drafts, one for each change to the partnership's records; "
        "version 1.0 is the one every partner approved."
    ) in lines


def test_the_evaluation_gate_item_is_the_one_planned() -> None:
    gate = stage_gate(_example(), AS_OF)
    (item,) = [i for i in gate.items if i.id == "evaluation_framework"]
    assert (item.label, item.met, item.reason) == (
        "An evaluation of at least 12 months planned",
        True,
        "evaluation planned from 1 October 2010 to 30 September 2011",
    )


def test_the_sparse_full_case_says_who_may_fund_it(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    """The sparse folder has no sustainability.yaml; Riverside Council, its public partner,
    is marked willing to consider funding (potential_funder). Its one option cost, £20,000,
    comes with nothing saying what it covers, and the case says so."""
    lines = docx_lines(_paper(rendered, "sparse:business-case-full"))
    funders = lines.index("5.3 Future funders")
    assert lines[funders + 1] == (
        # one sentence, not "No future funder is recorded yet. Riverside Council is
        # willing …", which said there was none and then named one
        "Riverside Council is willing to consider funding the service after the pilot; no "
        "funder has yet engaged or committed money."
    )
    resources = lines.index("8.3 Resources to run the service")
    assert lines[resources + 1] == (
        "The service's estimated cost is £20,000; what it covers is not yet recorded (section "
        "4.1). No future funder has yet "
        "engaged or committed funding. Riverside Council is willing to consider funding the "
        "service after the pilot (section 5.3)."
    )
    assert "Estimated cost: £20,000; what it covers is not yet recorded." in lines
    assert (
        "The options the partners considered for the future service, including doing nothing. "
        "The partners have not yet recorded what the estimated cost covers (a year of the "
        "service, or its whole life)."
    ) in lines


def test_interim_findings_are_marked_wherever_they_are_given(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    """As at 30 June 2011 the evaluation runs to 30 September 2011: the benefits summary of
    the executive summary and of section 6.2 is marked interim, pointing to section 7.2,
    which says it in full, once (#14 R3)."""
    lines = docx_lines(_paper(rendered, "example:business-case-full"))
    interim = "These findings are interim (section 7.2)."
    progress = (
        "All eight benefits are amber: each is behind a straight-line path to its target by no "
        "more than a quarter of the distance from baseline to target."
    )
    for heading in ("1.3 Benefits", "6.2 Benefits and outcomes achieved"):
        start = lines.index(heading)
        at = lines.index(progress, start)
        assert lines[at + 1] == interim
    assert lines.count(interim) == 2
    assert len([line for line in lines if line.startswith("These findings are interim, as")]) == 1
    # the benefits' standing is said in the summary and 6.2 only (not in 7.2 or the decisions)
    assert lines.count(progress) == 2
    assert not [line for line in lines if "evaluation findings:" in line]


def test_a_goal_with_nothing_set_has_no_row_of_blanks(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    lines = docx_lines(_paper(rendered, "sparse:business-case-outline"))
    start = lines.index("2.3 Starting position and goals")
    assert lines[start + 1] == (
        "The partners have not yet set a measure, baseline, target, date or owner for More "
        "carers get a regular break."
    )
    for kind in ("outline", "full"):
        tables = docx_tables(_paper(rendered, f"sparse:business-case-{kind}"))
        assert not [t for t in tables if t[0][0] == "Goal"]
        assert not [
            line
            for line in docx_lines(_paper(rendered, f"sparse:business-case-{kind}"))
            if "Not yet set | Not yet set" in line
        ]


def test_a_full_case_before_any_pilot_claims_no_evidence_from_one(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    """The sparse folder has no pilot dates and no pilot milestone done."""
    lines = docx_lines(_paper(rendered, "sparse:business-case-full"))
    start = lines.index("1.1 Purpose of this document")
    assert lines[start + 1] == (
        "This full business case of Riverside Carers PSP sets out the final service model the "
        "partners propose, the case for funding it and the financial analysis. No pilot has "
        "begun yet, so it has no evidence from one: the benefits achieved and the evaluation "
        # not ready for sign-off, as the title page's status says (#14 R3)
        "findings are still to come. It is not ready for the partners to sign off until a "
        "pilot has run. The outline business case is not yet signed off; its sign-off is "
        "planned for 20 August 2026."
    )
    assert not [line for line in lines if "evidence from the pilot" in line]
    # and its decisions start by noting it (the board's meeting SG-2 has it on its agenda)
    decisions = lines.index("1.5 Decisions")
    assert lines[decisions + 2] == (
        "1.\tNote that the outline business case is not yet signed off (planned 20 August 2026)."
    )
    # said in the purpose, not tacked onto the rationale
    rationale = lines.index("2.1 Rationale")
    assert not [
        line for line in lines[rationale : lines.index("2.2 Objectives")] if "signed" in line
    ]
    # no pilot has begun: the issues are those so far, not "found in the pilot"
    issues = lines.index("7.3 Issues so far")
    assert lines[issues + 1] == (
        "The issues the RAID log records so far, before the pilot; their actions are managed "
        "with the risks (section 9.3)."
    )


def test_the_scope_is_written_once(rendered: dict[str, tuple[Path, object]]) -> None:
    lines = docx_lines(_paper(rendered, "example:business-case-full"))
    assert len([line for line in lines if line.startswith("In scope: family placements")]) == 1
    assert "Its scope is as set out in section 3.1." in lines
    assert not [line for line in lines if "Scope: In scope" in line]


def test_the_contents_page_break_belongs_to_its_heading(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    """A document control that fills its page (the example's eight signatures) leaves no
    blank page: the contents start on a new page by their heading, not by a break after
    the sign-off table."""
    from docx import Document

    for name in ("example:business-case-outline", "sparse:business-case-full"):
        document = Document(str(_paper(rendered, name)))
        (contents,) = [p for p in document.paragraphs if p.text == "Contents"]
        assert contents.paragraph_format.page_break_before is True
        body = list(document.element.body.iterchildren())
        before = body[body.index(contents._p) - 1]
        assert "w:br" not in before.xml or 'w:type="page"' not in before.xml


def test_a_key_milestone_without_dependencies_says_so(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    tables = docx_tables(_paper(rendered, "sparse:business-case-outline"))
    (key,) = [t for t in tables if t[0][:2] == ["Key milestone", "Due"]]
    assert [row[-1] for row in key[1:]] == ["–", "Full business case agreed"]
    # no dependency is recorded in the strategic case (3.5): the plan points to none there
    lines = docx_lines(_paper(rendered, "sparse:business-case-outline"))
    assert (
        "The milestones still to come on the critical path, with what each depends on."
    ) in lines
    assert not [line for line in lines if "outside the partnership are in" in line]
