"""What the papers say, read back and held to exact text: funding committed and engaged kept
apart, each cost saying what it covers, one style for money and dates, status from approvals,
and the plan as it will happen (issue #14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from psptool import validate
from tests.helpers import PspRunner
from tests.papers.conftest import FOLDERS
from tests.papers.folders import SPARSE_AS_OF, sparse_folder
from tests.papers.text import docx_lines, docx_tables, xlsx_rows

pytestmark = pytest.mark.slow


def _lines(rendered: dict, case: str) -> list[str]:
    return docx_lines(rendered[case][0])


def _after(lines: list[str], heading: str, count: int = 1) -> list[str]:
    """The `count` lines after the heading `heading` (in the body, not the contents)."""
    start = len(lines) - lines[::-1].index(heading)
    return lines[start : start + count]


def test_committed_and_engaged_funding_apart(rendered: dict) -> None:
    lines = _lines(rendered, "example:business-case-full")
    # the route was decided on 24 June 2011 (D10, sustainability.yaml route_decision): noted,
    # not asked for again
    assert (
        "2.\tNote that the PSP Governance Group agreed on 24 June 2011 to go to tender for a "
        "framework agreement in November 2011, securing the service through procurement (a "
        "contract let by competitive tender); its funding is in section 1.4." in lines
    )
    # said in full once, in the financial summary, with the shortfall
    assert (
        "Affordability: the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and "
        "outcome monitoring has no committed or engaged funding, a shortfall of £125,000; the "
        "£1,300,000 for external foster placements in 2012/13 is engaged, with the budget "
        "decision on 16 February 2012. No funding is committed or engaged for external foster "
        "placements from 2013/14 onward (the appraisal runs to 2015/16)." in lines
    )
    assert len([line for line in lines if "has no committed or engaged funding" in line]) == 1
    assert not [line for line in lines if "Agree to secure the service" in line]
    assert not [line for line in lines if "engaged or committed" in line]
    # F3's £8,000 is staff time (in_kind): stated, never counted as money
    assert not [line for line in lines if "£8,000 of future funding" in line]
    assert (
        "IRISS and CCPS: £8,000 of support in kind (committed), not money, so not counted." in lines
    )
    funders = next(
        t
        for t in docx_tables(rendered["example:business-case-full"][0])
        if t[0][:2] == ["Funder", "Status"]
    )
    assert funders[-1][:3] == [
        # the first mention now that the decisions point to the summary: spelt out once
        "Institute for Research and Innovation in Social Services (IRISS) and Coalition of "
        "Care and Support Providers in Scotland (CCPS)",
        "Committed (in kind)",
        "£8,000 for outcome-monitoring support",  # what it covers, from funders' covers
    ]


def test_each_cost_says_what_it_covers(rendered: dict) -> None:
    lines = _lines(rendered, "example:business-case-full")
    assert _after(lines, "4.1 Options considered") == [
        "The options the partners considered for the future service, including doing nothing. "
        "The estimated cost is the annual cost of external foster placements under the option; "
        # 8.1 gives the preferred option's costs only: said so (a reviewer looked for the rest)
        "the preferred option's costs year by year, and what each pays for, are in "
        "section 8.1."
    ]
    assert (
        "Estimated cost: £1,300,000, the annual cost of external foster placements under the "
        "option." in lines
    )


def test_money_dates_and_percentages_in_one_style(rendered: dict) -> None:
    lines = _lines(rendered, "example:business-case-full")
    goals = next(
        t for t in docx_tables(rendered["example:business-case-full"][0]) if t[0][0] == "Goal"
    )
    fee = next(row for row in goals if row[0] == "Financial savings on external placements")
    assert fee[2:5] == ["£860 a week", "£800 a week", "30 April 2012"]
    assert not [line for line in lines if "GBP" in line or re.search(r"\d %", line)]


def test_the_green_book_of_the_papers_date_cited_once(rendered: dict) -> None:
    for case in ("example:business-case-outline", "example:business-case-full"):
        lines = _lines(rendered, case)
        cited = [line for line in lines if line.startswith("Discounting:")]
        assert cited == [
            "Discounting: HM Treasury, The Green Book: Appraisal and Evaluation in Central "
            "Government (2003), Annex 6, Table 6.1: the social time preference rate of 3.5% a "
            "year in real terms for years 0 to 30 (this appraisal runs to year 5)."
        ]


def test_an_approved_outline_case_is_version_1_in_the_past_tense(rendered: dict) -> None:
    path = rendered["example:business-case-outline"][0]
    title = {row[0]: row[1] for row in docx_tables(path)[0]}
    assert (title["Version"], title["Date"], title["Status"]) == (
        "1.0",
        "24 September 2010",
        "Approved by every partner at the PSP Governance Group on 24 September 2010, each "
        "signing through an officer at Director level or above. This is the approved version "
        "1.0, as the partnership's records stood that day; it asks for no further approval.",
    )
    lines = docx_lines(path)
    decisions = _after(lines, "1.5 Decisions", 3)
    assert decisions == [
        "By 24 September 2010 every partner had approved this outline business case. With it "
        "the partners:",
        "1.\tApproved Multi-provider framework agreement with outcome-based monitoring as the "
        "preferred option to pilot: it scored 78 out of 100 in the options appraisal (section 4).",
        "2.\tApproved the pilot from 1 October 2010 to 30 September 2011 (12 months), with the "
        "partnership's running costs in that period planned at £36,400.",
    ]
    assert not [line for line in lines if "Approve the pilot" in line]
    # the next steps the partners agreed when they approved it, not the plan's today (the
    # first use of SHANARRI spells it out, its brackets not nested in the milestone's own:
    # M10's title says "at the SHANARRI workshop", #14 R4)
    assert (
        "6.\tAgreed the next steps: Pilot begins by 1 October 2010; First quarterly pilot review "
        "by 17 December 2010; Shared outcome measures agreed at the Safe, Healthy, Achieving, "
        "Nurtured, Active, Respected, Responsible and Included (SHANARRI) workshop by "
        "11 March 2011." in lines
    )


def test_the_full_case_is_not_its_own_next_step_and_its_findings_are_interim(
    rendered: dict,
) -> None:
    lines = _lines(rendered, "example:business-case-full")
    steps = [line for line in lines if "Agree the next steps" in line]
    assert steps[0] == (
        "9.\tAgree the next steps: Service specification co-designed with providers by 31 "
        "October 2011; Framework agreement awarded by 31 January 2012; Framework contract "
        "mobilised and started by 2 April 2012."
    )
    assert _after(lines, "7.2 Findings against the goals", 2) == [
        # the partners sign on 23 September 2011, before the evaluation ends (#14 R3)
        "These findings are interim, as at 30 June 2011: the evaluation runs to 30 September "
        "2011, after the partners are to sign this case off on 23 September 2011, so they sign "
        "it on interim findings.",
        "Each goal, with the evidence so far from the benefits that measure it:",
    ]
    # where the benefits stand is said in 1.3 and 6.2; the decision points to the sections
    assert (
        "3.\tNote the interim evaluation findings (section 7) and the benefits achieved so far "
        "(section 6.2)." in lines
    )


def test_communications_keep_the_audiences_action(rendered: dict) -> None:
    path = rendered["example:business-case-full"][0]
    comms = next(t for t in docx_tables(path) if t[0][0] == "Audience")
    assert comms[0] == [
        "Audience",
        "Method",
        "Frequency",
        "Messages",
        "What we ask of them",
        "Owner",
    ]
    assert comms[1][4] == (
        "Come to the forum, answer the short support survey, tell us what support matters"
    )


def test_a_sensitivity_tie_draws_level(rendered: dict) -> None:
    rows = xlsx_rows(rendered["example:options"][0], "Sensitivity")
    assert rows[0][-1] == "Draws level"
    assert [r[-1] for r in rows[1:6]] == [  # the five criteria; notes below
        None,
        "Do nothing: continue spot purchasing",
        # O1, O2 and O3 all score 4 on cost: both rivals draw level at all the weight
        "Block contract with a single lead provider and Use the national foster care "
        "contract when available",
        None,
        None,
    ]


# the sparse folder: gaps said plainly, the plan as it will happen ---------------------------


def test_the_sparse_cases_say_their_gaps_once_in_plain_words(rendered: dict) -> None:
    path = rendered["sparse:business-case-outline"][0]
    title = {row[0]: row[1] for row in docx_tables(path)[0]}
    assert "Owner (senior responsible owner)" not in title  # no sponsor named: no blank row
    lines = docx_lines(path)
    assert _after(lines, "7.1 Pilot plan") == ["The pilot's start and end dates are not yet set."]
    # no operational group to review the log at: the case does not invent one
    assert _after(lines, "7.4 Risk management")[0].endswith(
        "red from 15. The key risks and issues go to the Partnership Board in the highlight "
        "report every 3 months."
    )
    assert (
        "Partnership Board | Quarterly | Not yet chosen | Riverside Council; Carers Trust "
        "Riverside" in lines
    )
    assert [line for line in lines if line.startswith("The RAID log")] == [
        "The RAID log does not yet record a risk against any of the options."
    ]
    risks = next(t for t in docx_tables(path) if t[0][:2] == ["Type", "Risk or issue"])
    # no actions: no column of dashes, and one sentence below the table naming both entries
    assert risks == [
        ["Type", "Risk or issue", "Owner", "Score", "RAG"],
        ["Risk", "Respite places run out in the winter", "B. Manager", "16", "Red"],
        ["Issue", "Referrals from GP practices are slow", "No owner", "6", "Amber"],
    ]
    gap = (
        "No actions are recorded yet for the risk ‘Respite places run out in the winter’ or "
        "the issue ‘Referrals from GP practices are slow’."
    )
    assert lines.count(gap) == 1
    assert not [line for line in lines if line.startswith("No actions are") and line != gap]
    assert not [line for line in lines if "None recorded yet" in line]


def test_a_partner_without_a_director_is_named_as_a_gap(tmp_path: Path) -> None:
    from psptool.render.papers import render_paper

    folder = sparse_folder(tmp_path / "sparse")
    partners = folder / "partners.yaml"
    partners.write_text(
        partners.read_text(encoding="utf-8").replace(
            "title: Chief Executive, director_level: true,", "title: Chief Executive,"
        ),
        encoding="utf-8",
    )
    checked = validate(folder, SPARSE_AS_OF)
    assert "PSP506" in {d.code for d in checked.diagnostics}
    path = render_paper("business-case-outline", checked, SPARSE_AS_OF, tmp_path / "o.docx")
    signoff = next(t for t in docx_tables(path) if t[0][:3] == ["Partner", "Name", "Position"])
    assert signoff[1:] == [
        ["Riverside Council", "A. Director", "Director of Adult Services", "", ""],
        ["Carers Trust Riverside", "Not yet named", "Director level or above", "", ""],
    ]


def test_a_milestone_due_before_its_dependency_is_flagged(rendered: dict) -> None:
    outline = _lines(rendered, "sparse:business-case-outline")
    # no pilot dates: 12 months from 21 August 2026, after the outline case's sign-off
    assert (
        "5.\tAgree the next steps: Full business case agreed, due by 31 December 2026 but "
        "held up until a 12-month pilot, which cannot end before 20 August 2027."
    ) in outline
    assert (
        "6.\tRe-plan ‘Tender for respite services published’: it depends on ‘Full business "
        "case agreed’, expected on 20 August 2027, but is due before it, on 30 September 2026."
        in outline
    )
    # the full case does not list its own agreement among its next steps: it is what M2 waits for
    assert (
        "5.\tRe-plan ‘Tender for respite services published’: it depends on this full business "
        "case, expected on 20 August 2027, but is due before it, on 30 September "
        "2026." in _lines(rendered, "sparse:business-case-full")
    )
    plan = rendered["sparse:plan"][0]
    milestones = xlsx_rows(plan, "Milestones")
    assert milestones[0][10:12] == ["Forecast", "Flag"]
    assert milestones[2][0] == "M2"
    # the forecast and the flag are formulas of M1's dates (row 2); LibreOffice works them
    # out as "31 December 2026" and the business case's words
    # (tests/render/test_workbooks.py::test_plan_flags_recalculate_as_the_business_case_words_them)
    # the forecast and the flag are formulas of the dates of the milestone M2's "Depends
    # on" names (M1), looked up by id; LibreOffice works them out as "31 December 2026"
    # and the business case's words
    # (tests/render/test_workbooks.py::test_plan_flags_recalculate_as_the_business_case_words_them)
    assert "MAX(E3,AsAt,IF(ISNUMBER($T3)" in milestones[2][10]
    assert '"Due before "&IF($X3,INDEX($B:$B,$T3),"")' in milestones[2][11]
    gantt = xlsx_rows(plan, "Gantt")
    # M2 (Gantt row 5) starts no later than its own due date, so its bar runs from there
    # to its forecast: 20 months (C to V, January 2026 to the forecasts' August 2027: no
    # full business case before a 12-month pilot can end), State, Flag, then Start (Y) and
    # End (Z); from the end of M1, what it depends on, not the chart's start
    assert gantt[4][24].startswith('=IF(NOT(ISNUMBER($Z5)),"",MIN(IF(MAX(IF(ISNUMBER(')
    assert gantt[4][24].endswith("IF(ISNUMBER(Milestones!$E3),Milestones!$E3,$Z5),$Z5))")
    assert gantt[4][25] == (
        '=IF(Milestones!$A3="","",IF(ISNUMBER(Milestones!$F3),Milestones!$F3,'
        'IF(ISNUMBER(Milestones!$K3),Milestones!$K3,"")))'
    )


def test_the_status_report_schedule_is_not_green(tmp_path: Path) -> None:
    from psptool.report.status import status_report

    folder = sparse_folder(tmp_path / "sparse")
    project = validate(folder, SPARSE_AS_OF).result.project
    report = status_report(project, SPARSE_AS_OF)
    schedule = next(c for c in report.components if c.name == "schedule")
    # M2 (the tender, due 30 September 2026) depends on M1 (due 31 December 2026): by title
    assert (schedule.rag, schedule.reason) == (
        "amber",
        # M1 comes before a 12-month pilot can end: from 21 August 2026, the day after the
        # outline case goes to the board, to 20 August 2027
        "‘Full business case agreed’ is due on 31 December 2026, before a 12-month pilot can "
        "have run (it cannot end before 20 August 2027); "
        # each title quoted, so the sentence reads as two names and a verb
        "‘Tender for respite services published’ is due on 30 September 2026, before ‘Full "
        "business case agreed’, which it depends on",
    )


def test_render_says_how_many_gaps_the_paper_carries(tmp_path: Path) -> None:
    folder = sparse_folder(tmp_path / "sparse")
    result = PspRunner().invoke(
        [
            "render",
            "mou",
            str(folder),
            "--as-of",
            SPARSE_AS_OF.isoformat(),
            "-o",
            str(tmp_path / "m.docx"),
        ]
    )
    assert result.exit_code == 0, result.output
    # the board's chair, and the two partners' responsibilities
    assert result.stderr == (
        "note: the Memorandum of Understanding shows 3 gaps that psp validate warns about "
        "(PSP501, PSP502)\n"
    )


def test_the_example_has_no_readiness_gaps() -> None:
    from psptool.diagnostics import CODES

    checked = validate(
        Path(__file__).resolve().parents[2] / "examples" / "falkirk-foster-care",
        FOLDERS["example"][0],
    )
    assert [d.code for d in checked.diagnostics if CODES[d.code].layer == "paper readiness"] == []


def test_option_costs_that_do_not_say_what_they_cover_are_a_gap(tmp_path: Path) -> None:
    # the sparse folder costs one option (£20,000) and has no cost_covers: the business cases
    # would print "Estimated cost £20,000" beside the economic case with nothing to say what
    checked = validate(sparse_folder(tmp_path / "sparse"), SPARSE_AS_OF)
    found = [(d.file, d.line, d.message) for d in checked.diagnostics if d.code == "PSP509"]
    assert found == [
        (
            "options.yaml",
            1,
            "the options' estimated costs do not say what they cover: the business cases give "
            "Shared respite booking line's estimated cost without saying what it is the cost of",
        )
    ]
