"""The outline and full business cases: every section in council order, figures straight from
the analysis, the RAID log, the benefits register, approvals, the budget and git history."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from psptool.analysis import appraise_options, economic_case, score_risks
from psptool.analysis.budget import period_range
from psptool.check import validate
from psptool.load.history import Commit, folder_history
from psptool.render.templates import (
    TEMPLATES,
    TemplateProblem,
    check_docx,
    defaults_dir,
    render_docx,
)
from psptool.report.formatting import long_date, money
from psptool.report.papers import data_of
from psptool.report.papers.business_case import business_case
from psptool.report.papers.business_case.approved import as_approved
from psptool.report.papers.control import Version
from tests.helpers import AS_OF as HELPERS_AS_OF
from tests.helpers import EXAMPLE, PSP, PspRunner, copy_example, make_project

AS_OF = date(2011, 6, 30)
APPROVED = date(2010, 9, 24)
"""The day the last partner approved the example's outline business case."""
OUTLINE_SECTIONS = [
    "Document control",
    "Contents",
    "1. Executive summary",
    "2. Case for change",
    "3. Strategic case",
    "4. Options appraisal",
    "5. Benefits realisation",
    "6. Financial case",
    "7. Management case",
    "8. Recommendations",
]
FULL_SECTIONS = [
    "Document control",
    "Contents",
    "1. Executive summary",
    "2. Case for change",
    "3. Strategic case",
    "4. Options appraisal",
    "5. Final service model",
    "6. Benefits realisation",
    "7. Evaluation findings",
    "8. Financial case",
    "9. Management case",
    "10. Recommendations",
]
PARTNERS = [
    # a position without the partner's own name after it (partners.yaml has "Director of
    # Children's Services, Barnardo's Scotland" and "Director, FCA Scotland")
    ("Falkirk Council", "A. Morrison", "Director of Social Work Services"),
    ("Barnardo's Scotland", "O. Sinclair", "Director of Children's Services"),
    ("Care Visions", "T. Munro", "Director of Fostering Services"),
    ("FCA Scotland", "N. Ross", "Director"),
    ("Fostering Relations", "B. McLean", "Director"),
    ("Fosterplus", "D. Millar", "Director, Scotland"),
    ("JMT Fostering", "W. Gibson", "Managing Director"),
    ("National Fostering Agency Scotland", "G. Hamilton", "Director, Scotland"),
]


@pytest.fixture(scope="module")
def project():
    return validate(EXAMPLE, AS_OF, find=False).result.project


def _render(project, kind: str, out: Path, history: list[Commit] | None = None) -> Document:
    template = defaults_dir() / f"business-case-{kind}.docx"
    context = business_case(project, AS_OF, kind, history or [])
    render_docx(template, context, out, force=False)
    return Document(str(out))


@pytest.fixture(scope="module")
def outline(project, tmp_path_factory) -> Document:
    return _render(project, "outline", tmp_path_factory.mktemp("bc") / "outline.docx")


@pytest.fixture(scope="module")
def full(project, tmp_path_factory) -> Document:
    return _render(project, "full", tmp_path_factory.mktemp("bc") / "full.docx")


def _blocks(doc: Document) -> list[Paragraph | Table]:
    """Paragraphs and tables in the order they appear in the body."""
    out: list[Paragraph | Table] = []
    for child in doc.element.body.iterchildren():
        if child.tag.endswith("}p"):
            out.append(Paragraph(child, doc))
        elif child.tag.endswith("}tbl"):
            out.append(Table(child, doc))
    return out


def _tables_after(doc: Document, heading: str) -> list[list[list[str]]]:
    """The tables between the heading with this text and the next heading, as cell text."""
    found: list[list[list[str]]] = []
    inside = False
    for block in _blocks(doc):
        if isinstance(block, Paragraph) and block.style.name.startswith("Heading"):
            if inside:
                break
            inside = block.text == heading
        elif inside and isinstance(block, Table):
            found.append([[cell.text for cell in row.cells] for row in block.rows])
    if not inside and not found:
        raise AssertionError(f"no heading {heading!r}")
    return found


def _text(doc: Document) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def _paragraphs_after(doc: Document, heading: str) -> list[Paragraph]:
    """The paragraphs with text between the heading with this text and the next heading."""
    found: list[Paragraph] = []
    inside = False
    for block in _blocks(doc):
        if not isinstance(block, Paragraph):
            continue
        if block.style.name.startswith("Heading"):
            if inside:
                break
            inside = block.text == heading
        elif inside and block.text.strip():
            found.append(block)
    return found


def _section(doc: Document, heading: str) -> list[str]:
    return [p.text for p in _paragraphs_after(doc, heading)]


# sections ----------------------------------------------------------------------------------


def test_outline_sections_in_order(outline) -> None:
    headings = [p.text for p in outline.paragraphs if p.style.name == "Heading 1"]
    assert headings == OUTLINE_SECTIONS
    subheadings = [p.text for p in outline.paragraphs if p.style.name == "Heading 2"]
    # the outline case of the worked example was quality-assured before the partners signed it
    assert subheadings[:5] == [
        "Version history",
        "Review and approval process",
        "Quality assurance",
        "Exceptions",
        "Sign-off",
    ]
    # the example declares no exception: said once, as a council says it
    assert _section(outline, "Exceptions")[0] == (
        "This outline business case declares no exception to the partners' own rules, such "
        "as a waiver of contract standing orders or a direct award."
    )
    (reviews,) = _tables_after(outline, "Quality assurance")
    assert reviews == [
        ["Reviewer", "Date", "Outcome"],
        [
            "K. Duncan, Corporate Procurement",
            "17 September 2010",
            "Ready for the Governance Group with minor changes to the options appraisal",
        ],
        [
            "Falkirk Council Finance (revenue budgets)",
            "17 September 2010",
            "Costs and savings checked against the 2010/11 budget",
        ],
    ]
    assert _section(outline, "7.7 Equality impact assessment")[0].startswith(
        "Has an equality impact assessment been undertaken? Yes, completed on 10 September "
        "2010. It found no adverse impact on any protected group;"
    )
    for expected in (
        "3.3 Assumptions",
        "3.4 Strategic risks",
        "3.5 Constraints and dependencies",
        "4.4 Costs and benefits of each option",
        "4.5 Risk assessment of each option",
        "6.1 Costs and benefits by year",
        "7.1 Pilot plan",
        "7.3 Key milestones and dependencies",
        "7.4 Risk management",
        "7.6 Communications and engagement",
    ):
        assert expected in subheadings


def test_full_sections_in_order(full) -> None:
    headings = [p.text for p in full.paragraphs if p.style.name == "Heading 1"]
    assert headings == FULL_SECTIONS
    subheadings = [p.text for p in full.paragraphs if p.style.name == "Heading 2"]
    # the reviews were of the outline case: the full case says plainly it has none yet
    assert _section(full, "Quality assurance")[0] == (
        "No quality-assurance review of this full business case is recorded yet."
    )
    for expected in (
        "9.8 Equality impact assessment",
        "5.1 The service",
        "5.3 Future funders",
        "6.2 Benefits and outcomes achieved",
        "7.2 Findings against the goals",
        "8.2 Financial analysis of the partnership's budget",
        "9.3 Risk management",
    ):
        assert expected in subheadings
    assert "7.1 Pilot plan" not in subheadings


def test_title_page_and_footer(outline, full) -> None:
    details = outline.tables[0]
    rows = {r.cells[0].text: r.cells[1].text for r in details.rows}
    assert rows["Document"] == "Outline Business Case"
    # approved by every partner on 24 September 2010: the approved version of that day, however
    # late it is rendered
    assert rows["Date"] == "24 September 2010"
    assert rows["Lead partner"] == "Falkirk Council"
    assert rows["Owner (senior responsible owner)"] == "A. Morrison (Falkirk Council)"
    assert rows["Author (project manager)"] == "L. Baird (Falkirk Council)"
    assert rows["Status"] == (
        "Approved by every partner at the PSP Governance Group on 24 September 2010, each "
        "signing through an officer at Director level or above. This is the approved version "
        "1.0, as the partnership's records stood that day; it asks for no further approval."
    )
    assert rows["Version"] == "1.0"
    full_rows = {r.cells[0].text: r.cells[1].text for r in full.tables[0].rows}
    assert full_rows["Status"] == "Draft for approval by the partners."
    assert full_rows["Version"] == "0.1"
    assert "The outline business case was signed off by every partner on 24 September 2010." in (
        _text(full)
    )
    footer = outline.sections[0].footer.paragraphs[0].text
    assert footer.startswith(
        "Falkirk Foster Care PSP · Outline Business Case · version 1.0 · 24 September 2010"
    )


# options appraisal -------------------------------------------------------------------------


def test_options_scores_equal_the_appraisal(project, outline) -> None:
    appraisal = appraise_options(project)
    _, matrix = _tables_after(outline, "4.2 Criteria and scoring")
    (ranking,) = _tables_after(outline, "4.3 The preferred option")
    assert ranking[0] == [
        "Rank",
        "Option",
        "Score out of 100",
        "Estimated cost",
        "Cost per point",
        "Preferred",
    ]
    assert [row[:3] for row in ranking[1:]] == [
        [str(o.rank), o.name, f"{o.score:.0f}"] for o in appraisal.options
    ]
    # by name, not by id
    assert ranking[1][:3] == [
        "1",
        "Multi-provider framework agreement with outcome-based monitoring",
        "78",
    ]
    # "No" for the others, not a blank (#14 R4)
    assert [row[5] for row in ranking[1:]] == ["Yes", "No", "No", "No"]
    # cost per point is said under the table: O3's £1,300,000 / 78 = £16,667
    assert ranking[1][3:5] == ["£1,300,000", "£16,667"]
    assert (
        "Cost per point is an option's estimated cost divided by its weighted score out of 100."
        in _section(outline, "4.3 The preferred option")
    )
    scores = {o.id: f"{o.score:.0f}" for o in appraisal.options}
    # the options' columns headed by their names (options.yaml order O0 to O3)
    assert matrix[0] == [
        "Criterion",
        "Weight",
        "Do nothing: continue spot purchasing",
        "Block contract with a single lead provider",
        "Use the national foster care contract when available",
        "Multi-provider framework agreement with outcome-based monitoring",
    ]
    assert matrix[-1][2:] == [scores[i] for i in ("O0", "O1", "O2", "O3")]
    assert matrix[1] == ["Addresses all current issues", "3", "1", "3", "2", "4"]
    text = _text(outline)
    assert (
        "The preferred option is Multi-provider framework agreement with outcome-based "
        "monitoring, which scored 78 out of 100, the highest score." in text
    )


def test_costs_benefits_and_risks_per_option(project, outline) -> None:
    case = economic_case(project)
    (economics,) = _tables_after(outline, "4.4 Costs and benefits of each option")
    names = {o.name: o.id for o in project.options.options}
    by_id = {names[row[0]]: row for row in economics[1:]}
    # the headline against doing nothing first (worked by hand in
    # tests/analysis/test_economics_appraisal.py), then each option's own NPV and BCR
    assert by_id["O3"][1:] == ["+£182,257", "+£809,551", "+£627,294", "4.44", "+£536,993", "2.97"]
    assert by_id["O0"][1:5] == ["£0", "£0", "£0", "n/a: the baseline"]
    # O2 costs less than doing nothing (extra costs −£59,782): no ratio, and why
    assert by_id["O2"][4] == "n/a: costs less than doing nothing"
    for option in case.options:
        values = option.after_optimism
        assert by_id[option.id][5:] == [
            money(values.npv, "GBP", signed=True),
            f"{values.bcr:.2f}" if values.bcr is not None else "",
        ]
    text = "\n".join(p.text for p in outline.paragraphs)
    # the headline is said once, in the table's introduction; the option's name once, in
    # the nominative: 627,294 / 182,257 = 344%; 627,294 / 809,551 = 77%
    assert (
        "Multi-provider framework agreement with outcome-based monitoring has the highest net "
        "present social value (NPSV), £627,294, with a benefit–cost ratio of 4.44. Its extra "
        "costs could rise by 344%, or its extra benefits fall by 77%, before its NPSV reached "
        "zero." in text
    )
    assert "monitoring's" not in text and "(Do nothing: continue spot purchasing)" not in text
    # the ratio counts what the table's figures count: O3's own BCR 2.97 is £809,551 of
    # benefits (cashable and the £40,000 a year non-cashable) ÷ £272,557; cashable alone
    # would give about 2.31
    assert (
        "with optimism bias in the costs, and the cashable and the non-cashable benefits "
        "(valued in money) both counted as benefits." in text
    )
    # the rates options.yaml gives: O3 50% capital, 15% revenue (£27,750 = 50% × £30,000 +
    # 15% × £85,000; £3,750 = 15% × £25,000); O1 the outsourcing upper bound, 41% on
    # revenue; O2 10% on every cost; doing nothing none
    assert (
        "Optimism bias: HM Treasury, Supplementary Green Book Guidance: Optimism Bias (2003)"
        in text
    )
    assert (
        "; the rates used: Do nothing: continue spot purchasing, none; Block contract with a "
        "single lead provider, 41% on revenue costs, the guidance's upper bound for "
        "outsourcing; Use the national foster care contract when available, 10% on capital "
        "and revenue costs; Multi-provider framework agreement with outcome-based monitoring, "
        "50% on capital and 15% on revenue costs." in text
    )
    assert "Net cost to the public sector" not in text
    (risks,) = _tables_after(outline, "4.5 Risk assessment of each option")
    framework = [row[1] for row in risks[1:] if row[0].startswith("Multi-provider")]
    # R3, R4 and R9, by title, each with its type (risks.yaml: R9 is a dependency) (#14 R3)
    assert risks[0][1] == "RAID entry"
    assert framework == [
        "Risk: Standstill on contact during the tender damages the trust built up",
        "Risk: Pilot partners expect a guaranteed place on the framework",
        "Dependency: Corporate Procurement capacity to run the tender in November–December 2011",
    ]
    # an option without a linked entry is named once below the table, not given an empty row
    assert [row for row in risks[1:] if row[0].startswith("Do nothing")] == []
    assert _section(outline, "4.5 Risk assessment of each option")[-1] == (
        "The RAID log records no risk against Do nothing: continue spot purchasing."
    )


# strategic case ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("3.3 Assumptions", "assumption"),
        ("3.4 Strategic risks", "risk"),
        ("3.5 Constraints and dependencies", "dependency"),
    ],
)
def test_strategic_case_comes_from_the_raid_log(project, outline, heading, kind) -> None:
    # the outline business case is the approved one, as the RAID log stood on 24 September 2010
    then = as_approved(project, APPROVED)
    register = score_risks(then, APPROVED)
    expected = [r.title for r in register.risks if r.type == kind]
    assert expected  # the example has entries of every type
    (table,) = _tables_after(outline, heading)
    # by title, without an id column
    assert [row[0] for row in table[1:]] == expected
    entries = {r.title: r for r in then.risks.risks}
    for row in table[1:]:
        risk = entries[row[0]]
        assert row[2] == f"{risk.likelihood} × {risk.impact} = {risk.score}"
        closed = f"Closed {long_date(risk.closed)}" if risk.closed else "Closed"
        assert row[5] == ("Open" if risk.status == "open" else closed)
    if kind == "risk":  # R2 was closed at its review on 14 May 2010 (#14 C3)
        r2 = entries["Commercially sensitive information shared in the group"]
        assert r2.id == "R2"
        assert next(row for row in table[1:] if row[0] == r2.title)[5] == "Closed 14 May 2010"


# benefits ----------------------------------------------------------------------------------


def test_benefits_realisation_rows(project, outline) -> None:
    (table,) = _tables_after(outline, "5. Benefits realisation")
    assert table[0] == [
        "Benefit",
        "KPI",
        "Baseline",
        "Target",
        "Owner",
        "By",
        "Cashable or not",
    ]
    assert len(table) == 1 + len(project.benefits.benefits)
    assert table[1] == [
        "More children placed within or near Falkirk",
        "% of new external foster placements within the council area or 15 miles of home",
        "35%",
        "70%",
        "L. Baird",
        "31 March 2012",
        "Non-cashable",
    ]
    assert table[4] == [
        "Lower annual spend on external foster placements",
        "projected annual outturn of the external foster placements budget",
        "£1,450,000 a year",
        "£1,300,000 a year",
        "S. Reid",
        "30 April 2012",
        "Cashable",
    ]


def test_benefits_achieved_with_measurements(full) -> None:
    (table,) = _tables_after(full, "6.2 Benefits and outcomes achieved")
    assert table[0] == ["Benefit", "Baseline", "Measurements", "Target", "Progress", "RAG"]
    assert table[1] == [
        "More children placed within or near Falkirk",
        "35%",
        # one measurement a line, not run on with "; " (#14 R4): benefits.yaml's four
        "September 2010: 35%\nDecember 2010: 40%\nMarch 2011: 44%\nJune 2011: 50%",
        "70%",
        "43%",
        "Amber",
    ]
    (summary,) = [p.text for p in _paragraphs_after(full, "6.2 Benefits and outcomes achieved")[:1]]
    assert summary == (
        "All eight benefits are amber: each is behind a straight-line path to its target by no "
        "more than a quarter of the distance from baseline to target."
    )


# document control --------------------------------------------------------------------------


def test_sign_off_rows_from_approvals(outline, full) -> None:
    (signed,) = _tables_after(outline, "Sign-off")
    assert signed[0] == ["Partner", "Name", "Position", "Signature", "Date"]
    assert signed[1:] == [[*p, "Signed", "24 September 2010"] for p in PARTNERS]
    (unsigned,) = _tables_after(full, "Sign-off")
    assert unsigned[1:] == [[*p, "", ""] for p in PARTNERS]


def test_review_and_approval_route(outline, full) -> None:
    (route,) = _tables_after(outline, "Review and approval process")
    assert route == [
        ["Date", "Organisation", "Meeting", "Purpose"],
        [
            "24 September 2010",
            "Every partner",
            "PSP Governance Group",
            "Sign-off of the outline business case: agreement to pilot",
        ],
        [
            "24 September 2010",
            "Every partner",
            "PSP Governance Group",
            "Sign-off of the pilot plan",
        ],
    ]
    (planned,) = _tables_after(full, "Review and approval process")
    assert planned[1:] == [
        [
            "23 September 2011 (planned)",  # "(planned)" in the Date column (#14 R3)
            "Every partner",
            "PSP Governance Group",
            "Sign-off of the full business case: the case for funding",
        ]
    ]


def test_partial_sign_off_lists_who_has_still_to_sign(example: Path) -> None:
    psp = example / "psp.yaml"
    psp.write_text(
        psp.read_text(encoding="utf-8").replace(
            "approvals:\n",
            "approvals:\n  - {document: full_business_case, partner: falkirk-council, "
            "person: p-morrison, date: 2011-06-28}\n",
        ),
        encoding="utf-8",
    )
    project = validate(example, AS_OF, find=False).result.project
    context = business_case(project, AS_OF, "full", [])
    assert context.document.status == (
        "Submitted for approval: approved by Falkirk Council on 28 June 2011; awaiting "
        "Barnardo's Scotland, Care Visions, FCA Scotland, Fostering Relations, Fosterplus, JMT "
        "Fostering, and National Fostering Agency Scotland."
    )
    first, still = context.approvals
    assert first.organisation == "Falkirk Council" and first.date == "28 June 2011"
    assert (still.date, still.meeting) == (
        "23 September 2011 (planned)",
        "PSP Governance Group",
    )
    assert still.organisation.startswith("Barnardo's Scotland; Care Visions;")


def _git(cwd: Path, *args: str, when: str = "2011-06-01T10:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_version_history_from_git(tmp_path: Path, runner: PspRunner) -> None:
    repo = tmp_path / "repo"
    folder = repo / "partnership"
    copy_example(folder)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "First draft of the partnership", when="2010-09-20T09:00:00")
    (repo / "README.txt").write_text("not part of the folder\n", encoding="utf-8")
    _git(repo, "add", "README.txt")
    _git(repo, "commit", "-q", "-m", "Outside the folder", when="2010-09-21T09:00:00")
    risks = folder / "risks.yaml"
    risks.write_text(
        risks.read_text(encoding="utf-8")
        + "  - {id: R99, type: risk, title: Added after the approval, likelihood: 2, impact: 2}\n",
        encoding="utf-8",
    )
    _git(repo, "commit", "-q", "-am", "Review the RAID log", when="2011-06-24T16:30:00")
    short = _git(repo, "log", "--format=%h").split()

    history = folder_history(folder)
    assert history == [
        Commit("2010-09-20", short[2], "First draft of the partnership", "Test"),
        Commit("2011-06-24", short[0], "Review the RAID log", "Test"),
    ]
    result = runner.invoke(
        ["render", "business-case", str(folder), "--outline", "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 0, result.output
    document = Document(str(folder / "out" / "business-case-outline-2011-06-30.docx"))
    # approved on 24 September 2010: the version history stops at the approval, and the case
    # is the folder as git held it that day, without R99 (added, undated, in June 2011)
    (versions,) = _tables_after(document, "Version history")
    assert versions == [
        ["Version", "Date", "Author", "Change"],
        ["0.1", "20 September 2010", "Test", "First draft of the partnership"],
        ["1.0", "24 September 2010", "L. Baird", "Approved by every partner."],
    ]
    rows = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert (rows["Version"], rows["Date"]) == ("1.0", "24 September 2010")
    (strategic,) = _tables_after(document, "3.4 Strategic risks")
    titles = {r.id: r.title for r in validate(folder, AS_OF, find=False).result.project.risks.risks}
    assert [row[0] for row in strategic[1:]] == [
        titles[i] for i in ("R3", "R5", "R1", "R4", "R11", "R2", "R6")
    ]

    # the full business case, not yet approved, is the folder as it is, with every commit
    result = runner.invoke(
        ["render", "business-case", str(folder), "--full", "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 0, result.output
    document = Document(str(folder / "out" / "business-case-full-2011-06-30.docx"))
    (versions,) = _tables_after(document, "Version history")
    assert [row[0] for row in versions[1:]] == ["0.1", "0.2"]
    (strategic,) = _tables_after(document, "3.4 Strategic risks")
    assert "Added after the approval" in [row[0] for row in strategic[1:]]

    # before the approval, the outline is a draft listing the commits made by then
    project = validate(folder, AS_OF, find=False).result.project
    before = business_case(project, date(2010, 9, 22), "outline", history)
    assert [(v.version, v.date, v.change) for v in before.versions] == [
        ("0.1", "20 September 2010", "First draft of the partnership")
    ]
    assert before.document.state == "draft"
    before_any = business_case(project, date(2010, 9, 1), "outline", history)
    assert [(v.version, v.change) for v in before_any.versions] == [
        ("0.1", "Draft for the partners' review.")
    ]


def test_version_history_outside_git(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "psp")
    assert folder_history(folder) == []
    project = validate(folder, AS_OF, find=False).result.project
    context = business_case(project, AS_OF, "outline", folder_history(folder))
    assert context.versions == (
        Version(
            version="0.1",
            date="30 June 2011",
            reference="",
            change="Draft for the partners' review.",
        ),
    )


# financial case ----------------------------------------------------------------------------


def test_financial_case_totals_from_the_budget(project, outline, full) -> None:
    lines = project.budget.budget
    whole = sum(line.planned or 0 for line in lines)
    ended = [
        line for line in lines if line.actual is not None and period_range(line.period)[1] <= AS_OF
    ]
    planned = sum(line.planned or 0 for line in ended)
    actual = sum(line.actual for line in ended)
    assert (whole, planned, actual) == (78600, 46500, 46480)
    # by financial year, April to March: a calendar quarter counts in the year its last day
    # falls in, so 2010-Q1 (January to March 2010) is 2009/10: 3,000 + 800 = 3,800 planned,
    # 3,200 + 650 = 3,850 spent; 2010/11 is 2010-Q2 to 2011-Q1: 8,700 + 7,200 + 8,100 +
    # 10,600 = 34,600 planned and 8,930 + 6,900 + 7,720 + 11,200 = 34,750 spent; 2011/12 is
    # 2011-Q2 to 2012-Q1: 8,100 + 9,600 + 10,400 + 9,700 = 37,800, of which 2011-Q2 has
    # ended (8,100 planned, 7,880 spent); 2012/13 is 2012-Q2, 2,400.
    # Down: 3,800 + 34,600 + 37,800 + 2,400 = 78,600; 3,800 + 34,600 + 8,100 = 46,500;
    # 3,850 + 34,750 + 7,880 = 46,480; +50 + 150 − 220 = −20. Across: actual − planned to date.
    expected_years = [
        ["Financial year", "Planned", "Planned to date", "Actual to date", "Variance to date"],
        ["2009/10", "£3,800", "£3,800", "£3,850", "£50 over plan"],
        ["2010/11", "£34,600", "£34,600", "£34,750", "£150 over plan"],
        ["2011/12", "£37,800", "£8,100", "£7,880", "£220 under plan"],
        ["2012/13", "£2,400", "–", "–", "–"],
        ["Total", "£78,600", "£46,500", "£46,480", "£20 under plan"],
    ]
    # the approved outline is as it stood on 24 September 2010: only 2010-Q1 (2009/10) and
    # 2010-Q2 (April to June 2010: 6,000 + 1,200 + 1,500 = 8,700 planned, 6,100 + 1,350 +
    # 1,480 = 8,930 spent, +230) had ended; to date 3,800 + 8,700 = 12,500 planned and
    # 3,850 + 8,930 = 12,780 spent, +280
    years, quarters = _tables_after(outline, "6.2 The partnership's budget")
    assert years == [
        expected_years[0],
        ["2009/10", "£3,800", "£3,800", "£3,850", "£50 over plan"],
        ["2010/11", "£34,600", "£8,700", "£8,930", "£230 over plan"],
        ["2011/12", "£37,800", "–", "–", "–"],
        ["2012/13", "£2,400", "–", "–", "–"],
        ["Total", "£78,600", "£12,500", "£12,780", "£280 over plan"],
    ]
    # the quarters named by their months: a council's first quarter is April to June
    assert quarters[0][0] == "Quarter"
    assert quarters[1] == ["January to March 2010", "£3,800", "£3,800", "£3,850", "£50 over plan"]
    assert quarters[-2] == ["April to June 2012", "£2,400", "–", "–", "–"]
    assert quarters[-1] == years[-1]
    categories, by_year, by_quarter = _tables_after(
        full, "8.2 Financial analysis of the partnership's budget"
    )
    assert categories[0] == [
        "Category",
        "Planned",
        "Planned to date",
        "Actual to date",
        "Variance to date",
    ]
    assert categories[-1] == ["Total", "£78,600", "£46,500", "£46,480", "£20 under plan"]
    assert by_year == expected_years
    assert by_quarter[1] == quarters[1] and by_quarter[-1] == expected_years[-1]
    (pilot,) = _tables_after(outline, "7.1 Pilot plan")[1:]
    assert pilot[-1] == ["Total for the pilot", "£36,400"]
    # the spend to date in words, and in the recommendation that notes it
    text = _text(full)
    assert (
        "Spend to date is £46,480 against £46,500 planned: £20 under plan; £32,100 of the "
        "budget of £78,600 is planned for the periods still to come." in text
    )
    assert (
        "Note the partnership's spend to date of £46,480 against £46,500 planned (£20 under "
        "plan)." in text
    )


def test_costs_and_benefits_by_year_with_cumulative_position(project, outline) -> None:
    (o3,) = [o for o in economic_case(project).options if o.id == "O3"]
    (table,) = _tables_after(outline, "6.1 Costs and benefits by year")
    assert table[0][0] == "Year" and table[0][-1] == "Cumulative net cost (−) / benefit (+)"
    # Year 0 is 2010/11 (options.yaml's first year), so years 0 to 5 run to 2015/16.
    assert [row[0] for row in table[1:-1]] == [
        "Year 0 (2010/11)",
        "Year 1 (2011/12)",
        "Year 2 (2012/13)",
        "Year 3 (2013/14)",
        "Year 4 (2014/15)",
        "Year 5 (2015/16)",
    ]
    assert [row[-1] for row in table[1:-1]] == [
        money(y.cumulative_net_cash, "GBP", signed=True) for y in o3.years
    ]
    assert table[1] == [
        "Year 0 (2010/11)",
        "£30,000",
        "£85,000",
        "£27,750",
        "£142,750",
        "£0",
        "£0",
        "−£142,750",
        "−£142,750",
    ]
    assert table[-1] == [
        "Total",
        "£30,000",
        "£210,000",
        "£46,500",
        "£286,500",
        "£700,000",
        "£200,000",
        "+£413,500",
        "+£413,500",
    ]


# the rest of the full case ----------------------------------------------------------------


def test_service_model_evaluation_and_recommendations(full) -> None:
    text = _text(full)
    assert (
        # as at 30 June 2011 the pilot runs to 30 September 2011: still being tested
        "The service the partners propose to sustain is the preferred option being tested in "
        "the pilot: Multi-provider framework agreement with outcome-based monitoring." in text
    )
    assert (
        "The service is to be secured through procurement (a contract let by competitive "
        "tender)." in text
    )
    (funders,) = _tables_after(full, "5.3 Future funders")
    assert funders[1] == [
        "Falkirk Council Social Work Services (external foster placements budget)",
        "Engaged",
        "£1,300,000 for external foster placements, 2012/13",
        "16 February 2012",
    ]
    # in kind needs no budget decision: the cell says so rather than stand blank
    assert funders[3][1:] == [
        "Committed (in kind)",
        "£8,000 for outcome-monitoring support",
        "Not needed: in kind",
    ]
    assert (
        # the route was decided on 24 June 2011 (D10), so it is noted, not asked for
        "2.\tNote that the PSP Governance Group agreed on 24 June 2011 to go to tender for a "
        "framework agreement in November 2011, securing the service through procurement (a "
        "contract let by competitive tender); its funding is in section 1.4." in text
    )
    # the funding is said in full once, in the financial summary (1.4); 8.3 and the
    # decisions point back to it
    assert text.count("has no committed or engaged funding") == 1
    assert (
        "Affordability: the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and "
        "outcome monitoring has no committed or engaged funding, a shortfall of £125,000; the "
        "£1,300,000 for external foster placements in 2012/13 is engaged, with the budget "
        "decision on 16 February 2012. No funding is committed or engaged for external foster "
        "placements from 2013/14 onward (the appraisal runs to 2015/16)." in text
    )
    assert (
        "Its funding, and the shortfall, are in the financial summary (section 1.4); support "
        "in kind worth £8,000 comes from IRISS and CCPS (section 5.3)." in text
    )
    # the shortfall is asked to be closed: £25,000 a year for the five years 2011/12 to
    # 2015/16 with nothing committed = £125,000
    assert (
        "Agree where the £125,000 shortfall for contract and outcome monitoring (£25,000 a "
        "year, 2011/12 to 2015/16) is to come from, or accept the gap (section 8.1)." in text
    )
    # F1 funds 2012/13 only (its budget is set on 16 February 2012); the appraisal runs to
    # year 5, 2015/16
    assert (
        "No funding is committed or engaged for external foster placements from 2013/14 "
        "onward (the appraisal runs to 2015/16)." in text
    )
    (goals,) = _tables_after(full, "7.2 Findings against the goals")
    assert goals[1][0] == "Place more children locally, in family settings"
    assert goals[1][3].startswith("More children placed within or near Falkirk: 50%")
    (issues,) = _tables_after(full, "7.3 Issues so far")
    assert [row[0] for row in issues[1:]] == ["Fewer pilot placements than planned"]  # R7
    recommendations = [p.text for p in full.paragraphs if p.text[:3] in {"1.\t", "2.\t"}]
    assert recommendations[0] == (
        "1.\tApprove Multi-provider framework agreement with outcome-based monitoring as the "
        "service model to sustain after the pilot."
    )


def test_a_young_partnership_renders_both_cases(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    project = validate(root, AS_OF, find=False).result.project
    for kind in ("outline", "full"):
        document = _render(project, kind, tmp_path / f"{kind}.docx")
        text = _text(document)
        assert "No assumptions are recorded in the RAID log." in text
        assert "No options have been appraised yet." in text
        assert "The options' costs and benefits by year are not yet recorded." in text
        (signoff,) = _tables_after(document, "Sign-off")
        assert signoff[1:] == [
            ["Council", "A. Director", "", "", ""],
            ["Charity", "C. Chief", "", "", ""],
        ]
        # the title page, version history, approval route and sign-off: no empty table;
        # and the people the case names, the two signatories (#14 R3)
        assert [t.rows[0].cells[0].text for t in document.tables] == [
            "Partnership",
            "Version",
            "Date",
            "Partner",
            "Name",
        ]


YOUNG_SECTIONS = {
    "2.2 Objectives": ["The partners have not yet written objectives beyond the goals below."],
    "3.3 Assumptions": ["No assumptions are recorded in the RAID log."],
    "3.4 Strategic risks": ["No risks are recorded in the RAID log."],
    "3.5 Constraints and dependencies": ["No dependencies are recorded in the RAID log."],
    "4.1 Options considered": ["No options are recorded yet."],
    "4.2 Criteria and scoring": ["The criteria to score the options against are not yet recorded."],
    "4.3 The preferred option": ["No options have been appraised yet."],
    "4.4 Costs and benefits of each option": [
        "The options' costs and benefits by year are not yet recorded."
    ],
    "4.5 Risk assessment of each option": ["No options are recorded yet."],
}
YOUNG_OUTLINE = {
    # the summary points to the gap's own section, where it is said in full
    "1.3 Benefits": ["No benefits are recorded yet (section 5)."],
    "2.1 Rationale": ["The partners have not yet written down the reasons for change."],
    "2.3 Starting position and goals": ["No goals are recorded yet."],
    "5. Benefits realisation": ["No benefits are recorded yet."],
    "6.1 Costs and benefits by year": [
        "The options' costs and benefits by year are not yet recorded.",
        # psp.yaml has no funding text and no funder is recorded: said once
        "Which budget meets the partnership's own running costs is not recorded.",
    ],
    "6.2 The partnership's budget": ["No budget is recorded yet."],
    "7.1 Pilot plan": ["The pilot's start and end dates are not yet set."],
    "7.2 Project plan": ["No milestones are recorded yet."],
    "7.3 Key milestones and dependencies": ["No milestones are recorded yet."],
    # the signatories are named, in the sign-off table, so they are listed (#14 R3)
    "7.5 Governance": [
        "The partners have not yet set up their governance groups.",
        "The people this case names, with their roles:",
    ],
    "7.6 Communications and engagement": ["No communications plan is recorded yet."],
}
YOUNG_FULL = {
    "1.3 Benefits": ["No benefits are recorded yet (section 6.1)."],
    # the outline business case's sign-off is said in the purpose (1.1), not the rationale
    "2.1 Rationale": ["The partners have not yet written down the reasons for change."],
    "2.3 Starting position and goals": ["No goals are recorded yet."],
    "5.1 The service": ["The partners have not yet recorded a preferred option to sustain."],
    "5.3 Future funders": [
        "Council is willing to consider funding the service after the pilot; no funder has "
        "yet engaged or committed money."
    ],
    "6.1 Benefits realisation plan": ["No benefits are recorded yet."],
    "6.2 Benefits and outcomes achieved": [
        "Nothing to report until benefits are recorded (section 6.1)."
    ],
    "7.2 Findings against the goals": [
        "No findings against the goals yet: no goals are recorded (section 2.3)."
    ],
    "7.3 Issues so far": ["No issues are recorded in the RAID log."],
    "8.2 Financial analysis of the partnership's budget": ["No budget is recorded yet."],
    "9.1 Project plan": ["No milestones are recorded yet."],
    # the signatories are named, in the sign-off table, so they are listed (#14 R3)
    "9.4 Governance": [
        "The partners have not yet set up their governance groups.",
        "The people this case names, with their roles:",
    ],
}


@pytest.mark.parametrize(("kind", "sections"), [("outline", YOUNG_OUTLINE), ("full", YOUNG_FULL)])
def test_an_empty_list_or_table_is_replaced_by_a_sentence(
    tmp_path: Path, kind: str, sections: dict[str, list[str]]
) -> None:
    root = make_project(tmp_path / "psp")
    project = validate(root, AS_OF, find=False).result.project
    document = _render(project, kind, tmp_path / f"{kind}.docx")
    for heading, expected in {**YOUNG_SECTIONS, **sections}.items():
        assert _section(document, heading) == expected, heading
    risk_management = _section(
        document, "7.4 Risk management" if kind == "outline" else "9.3 Risk management"
    )
    assert risk_management[-1] == "No risks or issues are open."
    text = _text(document)
    assert "The benefits the partnership is to deliver:" not in text
    assert "The partnership's objectives are to achieve:" not in text


def test_a_partnership_without_dates(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "psp", psp_yaml="name: Test PSP\nid: test-psp\nstage: identify\n"
    )
    project = validate(root, AS_OF, find=False).result.project
    document = _render(project, "outline", tmp_path / "outline.docx")
    assert _section(document, "3.2 Strategic fit") == [
        "Test PSP is a Public Social Partnership led by Council. The partners have not yet "
        "written how the service fits their own strategies and plans."
    ]


def test_money_and_unknown_kind(project) -> None:
    assert money(-142750, "GBP") == "−£142,750"
    assert money(413500, "GBP", signed=True) == "+£413,500"
    assert money(0, "GBP", signed=True) == "£0"
    assert money(1200.4, "NOK") == "NOK 1,200"
    with pytest.raises(ValueError, match="kind must be one of outline, full"):
        business_case(project, AS_OF, "draft", [])


# templates and the command -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["business-case-outline.docx", "business-case-full.docx"])
def test_the_default_templates_are_clean(name: str) -> None:
    assert check_docx(defaults_dir() / name, TEMPLATES[name].data_type) == []


def test_the_context_provides_exactly_the_template_data(project) -> None:
    context = business_case(project, AS_OF, "outline", [])
    names = (
        "partnership", "document", "versions", "approvals", "signoff", "summary", "goals",
        "strategic", "options", "benefits", "financial", "plan", "management", "governance_record",
        "service", "evaluation", "recommendations", "decisions", "quality", "exceptions",
        "equality", "goal_rows", "goals_unset", "no_quality", "no_exceptions",
    )  # fmt: skip
    assert tuple(data_of(context)) == names
    assert TEMPLATES["business-case-outline.docx"].data == names
    assert TEMPLATES["business-case-full.docx"].data == names


def test_cli_default_paths_force_and_choice(tmp_path: Path, runner: PspRunner) -> None:
    folder = tmp_path / "ex"
    copy_example(folder)
    for flag, name in (("--outline", "outline"), ("--full", "full")):
        args = ["render", "business-case", str(folder), flag, "--as-of", "2011-06-30"]
        first = runner.invoke(args)
        assert first.exit_code == 0, first.output
        target = folder / "out" / f"business-case-{name}-2011-06-30.docx"
        assert target.is_file()
        before = target.read_bytes()
        second = runner.invoke(args)
        assert second.exit_code == 2 and "already exists" in second.output
        assert target.read_bytes() == before
        assert runner.invoke([*args, "--force"]).exit_code == 0
    for flags in ([], ["--outline", "--full"]):
        result = runner.invoke(["render", "business-case", str(folder), *flags])
        assert result.exit_code == 2
        assert "say which business case: --outline or --full" in result.output
    written = tmp_path / "case.docx"
    result = runner.invoke(
        ["render", "business-case", "--project", str(folder), "--full", "-o", str(written)]
    )
    assert result.exit_code == 0, result.output
    assert written.is_file()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{{ document.title ", "syntax error"),
        ("{{ nobody }}", "unknown variable: 'nobody' is undefined"),
        ("{{ ''.__class__.__subclasses__() }}", "not allowed in a template"),
    ],
)
def test_a_partnerships_bad_template_is_one_line_and_writes_nothing(
    example: Path, line: str, message: str, runner: PspRunner
) -> None:
    (example / "templates").mkdir()
    bad = Document()
    bad.add_paragraph("{{ partnership.name }}")
    bad.add_paragraph(line)
    bad.save(str(example / "templates" / "business-case-outline.docx"))
    result = runner.invoke(
        ["render", "business-case", str(example), "--outline", "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 2
    assert "template business-case-outline.docx" in result.output
    assert message in result.output
    assert result.output.strip().count("\n") == 0
    assert not (example / "out").exists()


def test_a_partnerships_own_template_is_used(tmp_path: Path, project, runner: PspRunner) -> None:
    folder = tmp_path / "ex"
    copy_example(folder)
    (folder / "templates").mkdir()
    own = Document()
    own.add_paragraph(
        "{{ document.title }} for {{ partnership.name }}: {{ options.preferred.score }}"
    )
    own.save(str(folder / "templates" / "business-case-full.docx"))
    out = tmp_path / "own.docx"
    result = runner.invoke(
        ["render", "business-case", str(folder), "--full", "--as-of", "2011-06-30", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert (
        Document(str(out)).paragraphs[0].text
        == "Full Business Case for Falkirk Foster Care PSP: 78"
    )


def test_rendering_escapes_and_raises_nothing_unexpected(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    root = make_project(
        tmp_path / "psp",
        partners_yaml=PARTNERS.replace("name: Charity", 'name: "Smith & <Sons> Trust"'),
    )
    project = validate(root, AS_OF, find=False).result.project
    document = _render(project, "outline", tmp_path / "outline.docx")
    (signoff,) = _tables_after(document, "Sign-off")
    assert signoff[2][0] == "Smith & <Sons> Trust"
    with pytest.raises(TemplateProblem):
        render_docx(
            defaults_dir() / "business-case-outline.docx",
            {"partnership": {}},
            tmp_path / "x.docx",
            False,
        )
    assert not (tmp_path / "x.docx").exists()


# wording: counts agree with their nouns, benefits, sign-off and cost --------------------------

ONE_OF_EACH = {
    "psp_yaml": PSP + "pilot: {start: 2026-01-01, end: 2026-01-31}\n",
    "options_yaml": (
        "criteria:\n"
        "  - {id: fit, name: Fit, weight: 2}\n"
        "options:\n"
        "  - {id: O1, name: Framework, cost: 250000, scores: {fit: 4}}\n"
        "preferred: O1\n"
    ),
    "risks_yaml": (
        "risks:\n"
        "  - {id: R1, type: risk, title: Providers withdraw, likelihood: 5, impact: 4, "
        "owner: council}\n"
    ),
    "milestones_yaml": (
        "milestones:\n"
        "  - {id: M1, title: Pilot starts, due: 2026-02-01, completed: 2026-02-02}\n"
        "  - {id: M2, title: Pilot reviewed, due: 2026-09-01, depends_on: [M1]}\n"
    ),
}


def test_one_of_each_is_singular(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", **ONE_OF_EACH)
    validation = validate(root, HELPERS_AS_OF, find=False)
    assert not [d for d in validation.diagnostics if d.severity == "error"]
    project = validation.result.project
    out = tmp_path / "outline.docx"
    context = business_case(project, HELPERS_AS_OF, "outline", [])
    render_docx(defaults_dir() / "business-case-outline.docx", context, out, force=False)
    document = Document(str(out))
    assert _section(document, "1.2 The preferred option")[0].startswith(
        "The partners scored one option against one weighted criterion. The preferred option "
        "is Framework"
    )
    decisions = _section(document, "1.5 Decisions")
    assert "2.\tApprove the pilot from 1 January 2026 to 31 January 2026 (1 month)." in decisions
    assert (
        # by title with its RAG; without actions, the partners are asked to agree some
        "3.\tNote the open risk, Providers withdraw (red), and agree actions to manage it "
        "(section 7.4)." in decisions
    )
    assert _section(document, "7.1 Pilot plan")[0].startswith(
        "The pilot runs from 1 January 2026 to 31 January 2026 (1 month), reviewed"
    )
    (plan,) = _tables_after(document, "7.2 Project plan")
    assert plan[1][-1] == "Done, 1 day late"


def test_several_risks_and_issues_are_counted_by_type(outline, full) -> None:
    assert (
        # the six risks are all amber; the red one is the issue, R7, named (#14 reviewer 15)
        "7.\tNote the six open risks (all amber) and the open issue, Fewer pilot placements "
        "than planned (red), and the actions to manage them (section 9.3)."
        in _section(full, "1.5 Decisions")
    )
    # the outline as approved on 24 September 2010: R7 (the red issue, raised 14 January
    # 2011) and R12 (raised 17 December 2010) came later; R2 and R6 were closed
    assert (
        "4.\tNoted the five open risks (all amber) and the actions to manage them (section 7.4)."
        in _section(outline, "1.5 Decisions")
    )
    assert _section(outline, "1.2 The preferred option")[0].startswith(
        "The partners scored four options, including doing nothing, against five weighted criteria."
    )


def _benefit(number: int, extra: str = "", baseline: str = "baseline: 0, ") -> str:
    return (
        f"  - {{id: B{number}, title: Benefit {number}, {baseline}target: 100, "
        f"target_date: 2026-12-31{extra}}}\n"
    )


def test_the_benefits_summary_describes_each_benefit_as_it_stands(tmp_path: Path) -> None:
    """On the line, a little behind it, measured too long ago, never measured, no baseline:
    each counted once, with its verb agreeing, and "it" after the line it refers to."""
    benefits = (
        "benefits:\n"
        + _benefit(1, ", measurements: [{date: 2026-06-30, value: 60}]")  # ahead of the line
        + _benefit(2, ", measurements: [{date: 2026-06-30, value: 40}]")  # a little behind
        + _benefit(3, ", measurements: [{date: 2026-06-30, value: 45}]")
        + _benefit(4, ", measurements: [{date: 2026-02-28, value: 5}]")  # not measured since
        + _benefit(5)  # never measured
        + _benefit(6, baseline="")  # nothing to measure against
    )
    root = make_project(tmp_path / "psp", benefits_yaml=benefits)
    project = validate(root, HELPERS_AS_OF, find=False).result.project
    out = tmp_path / "full.docx"
    context = business_case(project, HELPERS_AS_OF, "full", [])
    render_docx(defaults_dir() / "business-case-full.docx", context, out, force=False)
    document = Document(str(out))
    expected = (
        "Of the six benefits, one is on or ahead of the straight line to its target, two are "
        "behind it by no more than a quarter of the way, and none is further behind; one was "
        "last measured more than 3 months ago, one has not been measured although the "
        "partnership started more than 3 months ago, and one has no baseline or target to "
        "measure against."
    )
    # said in the summary and in its own section (6.2), and nowhere else
    assert _section(document, "1.3 Benefits")[-1] == expected
    assert _section(document, "6.2 Benefits and outcomes achieved")[0] == expected
    assert expected not in _section(document, "7.2 Findings against the goals")
    assert (
        "Note the evaluation findings (section 7) and the benefits achieved so far "
        "(section 6.2)."
        in [line.split("\t", 1)[-1] for line in _section(document, "1.5 Decisions")]
    )
    (achieved,) = _tables_after(document, "6.2 Benefits and outcomes achieved")
    assert [row[-1] for row in achieved[1:]] == ["Green", "Amber", "Amber", "Red", "Red", ""]


@pytest.mark.parametrize(
    ("benefits", "expected"),
    [
        (
            _benefit(1, ", measurements: [{date: 2026-06-30, value: 60}]"),
            "The benefit is on or ahead of the straight line to its target.",
        ),
        (
            _benefit(1, ", measurements: [{date: 2026-06-30, value: 10}]"),
            "The benefit is behind the straight line to its target by more than a quarter of "
            "the way from baseline to target.",
        ),
        (
            _benefit(1, ", measurements: [{date: 2026-02-28, value: 5}]")
            + _benefit(2, ", measurements: [{date: 2026-01-31, value: 5}]"),
            "Both benefits were last measured more than 3 months ago.",
        ),
        (
            _benefit(1) + _benefit(2),
            "Neither of the two benefits has been measured although the "
            "partnership started more than 3 months ago.",
        ),
        ("", "No benefits are recorded yet."),
    ],
)
def test_the_benefits_summary_for_one_state(tmp_path: Path, benefits: str, expected: str) -> None:
    root = make_project(tmp_path / "psp", benefits_yaml="benefits:\n" + benefits)
    project = validate(root, HELPERS_AS_OF, find=False).result.project
    context = business_case(project, HELPERS_AS_OF, "full", [])
    assert context.summary.benefits_progress == expected


def test_signed_off_on_the_day_is_not_a_draft(project, tmp_path: Path) -> None:
    day = date(2010, 9, 24)
    out = tmp_path / "outline.docx"
    context = business_case(project, day, "outline", [])
    render_docx(defaults_dir() / "business-case-outline.docx", context, out, force=False)
    rows = {r.cells[0].text: r.cells[1].text for r in Document(str(out)).tables[0].rows}
    assert rows["Status"] == (
        "Approved by every partner at the PSP Governance Group on 24 September 2010, each "
        "signing through an officer at Director level or above. This is the approved version "
        "1.0, as the partnership's records stood that day; it asks for no further approval."
    )


def test_the_option_cost_says_what_it_covers(outline, full) -> None:
    """options.yaml's `cost_covers` labels the estimated cost wherever a case gives it, apart
    from the costs by year the economic case counts; a case never calls a cost annual of its
    own accord."""
    (options,) = _tables_after(outline, "4.1 Options considered")
    assert options[0] == ["Option", "Type", "Estimated cost"]
    assert (
        "Estimated cost: £1,300,000, the annual cost of external foster placements under the "
        "option." in _section(full, "5.1 The service")
    )
    assert _section(full, "8.3 Resources to run the service") == [
        "The service's estimated cost is £1,300,000, the annual cost of external foster "
        "placements under the option (section 4.1). Its funding, and the shortfall, are in "
        "the financial summary (section 1.4); support in kind worth £8,000 comes from IRISS "
        "and CCPS (section 5.3)."
    ]
    covers = "the annual cost of external foster placements under the option"
    for document in (outline, full):
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        texts = [p.text for p in document.paragraphs] + cells
        assert [t for t in texts if "annual cost" in t.lower() and covers not in t] == []
    # the full case says the totals once, in its summary; the outline in 6.1
    section = _section(outline, "6.1 Costs and benefits by year")
    # the costs by year say what they are for, line by line (O3's cost notes) ...
    assert section[1].startswith("What the costs pay for: in year 0 (2010/11), £30,000 of capital")
    summary = section[2]
    assert summary.startswith(
        "Over years 0 to 5 (2010/11 to 2015/16) the preferred option's capital and revenue "
        "costs, as the options appraisal (section 4) counts them, come to £286,500, "
        "including £46,500 for optimism bias"
    )
    # ... and the other cost of the same option is said to be another figure, and what it is
    assert summary.endswith(
        "The option's estimated cost of £1,300,000 is a different figure: the annual cost of "
        "external foster placements under the option."
    )


# money in narrow columns -------------------------------------------------------------------

ADVANCE = {
    **dict.fromkeys("0123456789£$€", 556),
    **dict.fromkeys(",.:;", 278),
    **dict.fromkeys("+−", 584),
    "-": 333,
    "%": 889,
}
"""Arial's advance widths in thousandths of an em (digits are the same bold and regular);
other characters count as a wide letter."""
DEFAULT_CELL_MARGIN = 108
"""Table Grid's left and right cell margins, in twips."""


def _fits(text: str, size: float, cell_width: int, margin: int) -> bool:
    """Whether `text` fits on one line of a cell `cell_width` EMU wide at `size` points."""
    em = sum(ADVANCE.get(ch, 722 if ch.isupper() else 611) for ch in text) / 1000
    return em * size * 12700 <= cell_width - 2 * margin * 635


def _margin(table: Table) -> int:
    from docx.oxml.ns import qn

    left = table._tbl.tblPr.find(qn("w:tblCellMar"))
    found = left.find(qn("w:left")) if left is not None else None
    return int(found.get(qn("w:w"))) if found is not None else DEFAULT_CELL_MARGIN


def test_no_amount_breaks_across_lines(outline, full) -> None:
    """Every number in every table (money, measurements with their unit, dates) is narrower
    than its column, so Word never breaks "1,450,000" into "1,450,00" and "0"."""
    too_narrow = []
    for document in (outline, full):
        for table in document.tables:
            margin = _margin(table)
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        size = next((r.font.size.pt for r in paragraph.runs if r.font.size), 11)
                        for token in paragraph.text.split():
                            if any(ch.isdigit() for ch in token) and not _fits(
                                token, size, cell.width, margin
                            ):
                                too_narrow.append((token, cell.width))
    assert too_narrow == []


def test_the_money_columns_hold_millions(outline) -> None:
    """Each money column of the costs and benefits by year holds ±£9,999,999 in bold 8 point;
    the benefits plan's baseline and target hold 99,999,999 and a unit below."""
    blocks = _blocks(outline)
    heading = next(
        i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text.startswith("6.1 ")
    )
    table = next(b for b in blocks[heading:] if isinstance(b, Table))
    margin = _margin(table)
    for cell in table.rows[-1].cells[1:]:
        assert _fits("−£9,999,999", 8, cell.width, margin)
    (plan,) = [
        t
        for t in outline.tables
        if [c.text for c in t.rows[0].cells][:3] == ["Benefit", "KPI", "Baseline"]
    ][:1]
    for cell in plan.rows[1].cells[2:4]:
        assert _fits("99,999,999", 9, cell.width, _margin(plan))


def test_the_full_case_carries_affordability_by_financial_year(full) -> None:
    """The worked example as at 30 June 2011, every figure worked by hand.

    O3 at 2010/11 prices (the pilot starts in October 2010), no inflation, no contingency.
    2009/10 and 2010/11 have closed (31 March 2011 is before 30 June 2011): the table leaves
    them out, and the paper gives what was planned (3,800 + 34,600 = 38,400) and spent (3,850
    + 34,750 = 38,600) in them, and O3's year-0 costs of 30,000 + 85,000 = 115,000.
    Open years: costs 25,000 a year, to fund 25,000 (no contingency). Committed: nothing in
    a year (F3's 8,000 is in kind), so the shortfall is 25,000 a year, 125,000 in all; the
    partnership's running budget (37,800 and 2,400) pays for the partnership and is not in
    the table. Engaged against these costs: nothing. F1's 1,300,000 (2012/13, the first
    year its budget decision of 16 February 2012 funds) pays for the placements themselves
    (pays_for: service), so it is on a line of its own below the table, never beside the
    £25,000; F2 is only identified. Cashable savings 100,000 in 2011/12, then 150,000:
    700,000 in all, beside the shortfall, not taken off it.
    """
    tables = _tables_after(full, "8.1 Costs and benefits by year")
    (afford,) = [t for t in tables if t[0][0] == "Financial year"]
    header = ["Financial year", "Costs", "Contingency", "Total to fund", "Committed funding"]
    header += ["Shortfall", "Engaged, not yet committed", "Cashable savings expected"]
    later = [
        [year, "£25,000", "£0", "£25,000", "£0", "£25,000", "£0", "£150,000"]
        for year in ("2013/14", "2014/15", "2015/16")
    ]
    assert afford == [
        header,
        ["2011/12", "£25,000", "£0", "£25,000", "£0", "£25,000", "£0", "£100,000"],
        ["2012/13", "£25,000", "£0", "£25,000", "£0", "£25,000", "£0", "£150,000"],
        *later,
        ["Total", "£125,000", "£0", "£125,000", "£0", "£125,000", "£0", "£700,000"],
    ]
    text = "\n".join(p.text for p in full.paragraphs)
    assert (
        "2009/10 and 2010/11 have closed, so the table leaves them out. The partnership's "
        "budget planned £38,400 for them and £38,600 was spent, 0.5% over plan (£200)." in text
    )
    assert (
        "Falkirk Council Social Work Services (external foster placements budget): £1,300,000 "
        "for external foster placements, 2012/13, engaged, with the budget decision on "
        "16 February 2012. It pays for the running of the service" in text
    )
    assert (
        "Falkirk Council Education Services: £40,000 for educational support for children in "
        "placements, 2012/13, identified" in text
    )
    # no row's shortfall is Nil, so the note does not explain a word the table never uses
    assert "Nil" not in text
    # the executive summary says the same in a paragraph of its own (5 × 25,000 = 125,000)
    assert _section(full, "1.4 Financial summary")[1] == (
        "Affordability: the £25,000 a year (£125,000, 2011/12 to 2015/16) for contract and "
        "outcome monitoring has no committed or engaged funding, a shortfall of £125,000; the "
        "£1,300,000 for external foster placements in 2012/13 is engaged, with the budget "
        "decision on 16 February 2012. No funding is committed or engaged for external foster "
        "placements from 2013/14 onward (the appraisal runs to 2015/16)."
    )
    # the framework award (M15) commits no spend; the contract (M16, 2 April 2012) comes
    # after the budget decisions of 16 February 2012, so nothing is said of a late decision
    assert "commits the partners to the spend" not in text


def test_the_weight_sensitivity_reads_as_sentences(outline) -> None:
    """The worked example's options (tests/analysis/test_options.py works the switches):
    time to implement's share must rise from 10% to 57% before doing nothing draws level;
    cost's only at 100%, all the weight, would the block contract draw level; the other
    three criteria cannot bring another option level at any share."""
    section = _section(outline, "4.3 The preferred option")
    start = section.index(
        "How far each criterion's share of the weight would have to move before another "
        "option drew level with Multi-provider framework agreement with outcome-based "
        "monitoring:"
    )
    never = "No share of the weight would bring another option level."
    assert section[start + 1 : start + 6] == [
        f"Addresses all current issues (30%): {never}",
        "Time to implement (10%): Only if its share rose from 10% to 57% would Do nothing: "
        "continue spot purchasing draw level.",
        # O1, O2 and O3 all score 4 on cost: with all the weight on it, both rivals tie
        "Cost (20%): Only if this criterion carried all the weight would Block contract with "
        "a single lead provider and Use the national foster care contract when available "
        "draw level.",
        f"Delivers the agreed benefits and outcomes (30%): {never}",
        f"Knock-on effects on other services (10%): {never}",
    ]
    assert "drew level." not in "\n".join(section)


def test_the_financial_summary_says_why_the_npv_is_above_the_cash(full) -> None:
    """O3's cumulative net cash is +£413,500 (700,000 cashable − 286,500 costs); its NPV,
    +£536,993, is higher because it also counts the 5 × 40,000 = £200,000 of non-cashable
    benefits. The NPSV is cited once, as the headline, without repeating the do-nothing
    option's name."""
    # said once, in the financial summary; 8.1 points back to it
    summary = "\n".join(_section(full, "1.4 Financial summary"))
    assert _section(full, "8.1 Costs and benefits by year")[2] == (
        "The totals, the net present values and how they differ from the cash position are "
        "in the financial summary (section 1.4)."
    )
    assert (
        "a cumulative net cash position of £413,500, not discounted, in credit from 2012/13. "
        "Against doing nothing, its net present social value (NPSV), the appraisal's "
        "headline, is £627,294 and its benefit–cost ratio 4.44. On its own, not against "
        "doing nothing, its net present value is £536,993 and its benefit–cost ratio 2.97. "
        "The net present value is above the cash position of £413,500 because it also "
        "counts the £200,000 of non-cashable benefits, which are valued but are not cash; "
        "discounting makes later years count for less." in summary
    )


def test_a_variance_is_said_over_or_under_plan() -> None:
    """One style, the highlight report's (analysis.budget.variance_words): a sentence gives
    an overspend as a share first, £500 over £18,500 planned being 2.7%; a cell gives the
    amount, with a capital "On plan" where it rounds to no pound."""
    from psptool.analysis.budget import variance_words
    from psptool.report.papers.business_case.finance import cell_variance

    assert variance_words(500, 500 / 18500 * 100, "GBP") == "2.7% over plan (£500)"
    assert cell_variance(-20, "GBP") == "£20 under plan"
    assert cell_variance(50, "GBP") == "£50 over plan"
    assert cell_variance(0.4, "GBP") == "On plan"


def test_a_signed_figure_in_a_sentence_keeps_no_sign() -> None:
    """In a line of text "+" can be parted from its figure: a sentence says the amount, and
    "minus" for a loss; a table keeps the sign."""
    from psptool.report.papers.business_case.options import said

    assert (said(627294, "GBP"), said(-90301, "GBP"), said(0, "GBP")) == (
        "£627,294",
        "minus £90,301",
        "£0",
    )


def test_no_funding_names_the_funders_identified() -> None:
    """Funders only identified are named as possible funders; one engaged in money leaves
    nothing to say; support in kind alone is not funding."""
    from psptool.report.papers.business_case.finance import no_funders, no_funding
    from tests.analysis.helpers import project

    identified = [
        {"id": "F1", "name": "Riverside Council", "status": "identified"},
        {"id": "F2", "name": "Riverside Health Board", "status": "identified"},
        {"id": "F3", "name": "Volunteers", "status": "committed", "in_kind": True},
    ]
    p = project(sustainability={"funders": identified})
    assert no_funding(p) == (
        "No future funder has yet engaged or committed funding. Riverside Council and "
        "Riverside Health Board are identified as possible funders but not yet engaged."
    )
    assert no_funders(p) == ""
    engaged = [{"id": "F1", "name": "Riverside Council", "status": "engaged", "amount": 5}]
    assert no_funding(project(sustainability={"funders": engaged})) == ""
    assert no_funders(project()) == (
        "No future funder is recorded yet, and no public partner has yet said it will "
        "consider funding the service after the pilot."
    )


def test_the_full_case_sets_the_measured_savings_beside_the_estimates(full, outline) -> None:
    """The example's cashable benefits are B3 (weekly fee) and B4 (annual spend), both
    measured to 30 June 2011 (benefits.yaml): they measure the saving options.yaml
    estimates (£100,000 in 2011/12, then £150,000 a year), counted once, not on top of it.
    The outline, agreed before the pilot measured anything, has no such lines."""
    section = _section(full, "8.1 Costs and benefits by year")
    start = section.index(
        "The cashable benefits above are the appraisal's estimates. The benefits register "
        "(section 6.2) measures the same savings as the pilot runs, and adds nothing to them; "
        "at the latest measurement:"
    )
    assert section[start + 1 : start + 3] == [
        "Lower average weekly fee for external placements: £829 a week on 30 June 2011, from "
        "a baseline of £860 a week, against a target of £800 a week by 30 April 2012.",
        "Lower annual spend on external foster placements: £1,388,000 a year on 30 June "
        "2011, from a baseline of £1,450,000 a year, against a target of £1,300,000 a year "
        "by 30 April 2012.",
    ]
    assert "appraisal's estimates" not in _text(outline)


def test_the_outline_says_who_pays_and_how_the_budget_relates(outline) -> None:
    """No funder in sustainability.yaml pays for O3's appraised costs (F1 and F2 pay for
    the service itself, F3 is in kind), so the outline says none is recorded, with their
    sum in cash without optimism bias: 30,000 + 85,000 + 5 × 25,000 = £240,000 for 2010/11
    to 2015/16. F1's £1,300,000 is engaged for 2012/13 (budget set 16 February 2012). Then
    the first two sentences of psp.yaml's funding text: who meets the partnership's costs."""
    section = _section(outline, "6.1 Costs and benefits by year")
    (who,) = [p for p in section if p.startswith("Who pays:")]
    assert who == (
        # the funders record nothing for the appraised costs; psp.yaml's funding text, which
        # follows, says the council meets the partnership's own costs, some of the same kind:
        # so "beyond" that, not "none is committed" (a finance officer read a contradiction)
        # the data does not link the two: a gap, said plainly (a reviewer read "beyond" as
        # a contradiction with the funding text's lead officer and training)
        "Who pays: the partners have not yet recorded which of the preferred option's "
        "appraised costs (£240,000 for 2010/11 to 2015/16, without optimism bias) their own "
        "funding, below, meets, and no other funder has committed or engaged money for them; "
        "the £1,300,000 for external foster placements in "
        "2012/13 is engaged, with "
        "the budget decision on 16 February 2012. The partnership's own costs (the lead "
        "officer's time, administrative support, venues, carers' expenses, shared training, "
        "evaluation support and the later procurement) are met by Falkirk Council from the "
        "Children's Services budget; each provider meets the cost of its own staff time. "
        "During the pilot, placements are paid from the council's existing external foster "
        "placements budget at weekly fees agreed by the partnership for the pilot and set out "
        "in each placement agreement; providers invoice monthly and the council pays within "
        "30 days of a valid invoice."
    )
    # the appraisal's £85,000 of revenue in 2010/11 is not the budget's £34,600 for it
    assert _section(outline, "6.2 The partnership's budget")[0] == (
        "The partnership's own running costs: planned, and actual where the period has ended. "
        "They are not the costs in section 6.1: those are estimates, made for the appraisal, "
        "of what the option costs, not spending from this budget."
    )


def test_the_example_spells_out_raid_kpi_and_mou_where_first_used(project, tmp_path) -> None:
    """psp.yaml lists RAID, KPI and MoU (#14 R3): the full case's first "RAID" (section 3.3,
    "from the RAID log") and first "KPI" (6.1, "the KPI, where it started") are written out
    once; the Working together agreement's milestone names the Memorandum of Understanding
    in full, so no "(MoU)" is left unexplained."""
    out = tmp_path / "full.docx"
    context = business_case(project, AS_OF, "full", [])
    render_docx(
        defaults_dir() / "business-case-full.docx",
        context,
        out,
        force=False,
        acronyms=project.psp.acronyms,
    )
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    assert project.psp.acronyms["KPI"] == "key performance indicator"
    assert text.count("risks, assumptions, issues and dependencies (RAID) log") == 1
    assert text.count("the key performance indicator (KPI), where it started") == 1
    assert "(MoU)" not in text
    assert "Working together agreement (Memorandum of Understanding) signed" in text
    # the KPI's number in words, as the goal it measures has it (benefits.yaml, goals.yaml)
    assert "matched within five working days" in text and "5 working days" not in text
