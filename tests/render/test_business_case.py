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
from typer.testing import CliRunner

from psptool.analysis import appraise_options, economic_case, score_risks
from psptool.analysis.budget import period_range
from psptool.check import validate
from psptool.cli import app
from psptool.load.history import Commit, folder_history
from psptool.render.templates import (
    TEMPLATES,
    TemplateProblem,
    check_docx,
    defaults_dir,
    render_docx,
)
from psptool.report.papers import business_case_context, money
from tests.helpers import EXAMPLE, make_project

AS_OF = date(2011, 6, 30)
runner = CliRunner()
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
    ("Falkirk Council", "A. Morrison", "Director of Social Work Services"),
    ("Barnardo's Scotland", "O. Sinclair", "Director of Children's Services, Barnardo's Scotland"),
    ("Care Visions", "T. Munro", "Director of Fostering Services"),
    ("FCA Scotland", "N. Ross", "Director, FCA Scotland"),
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
    context = business_case_context(project, AS_OF, kind, history or [])
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


# sections ----------------------------------------------------------------------------------


def test_outline_sections_in_order(outline) -> None:
    headings = [p.text for p in outline.paragraphs if p.style.name == "Heading 1"]
    assert headings == OUTLINE_SECTIONS
    subheadings = [p.text for p in outline.paragraphs if p.style.name == "Heading 2"]
    assert subheadings[:3] == ["Version history", "Review and approval process", "Sign-off"]
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
    for expected in (
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
    assert rows["Date"] == "30 June 2011"
    assert rows["Lead partner"] == "Falkirk Council"
    assert rows["Owner (senior responsible owner)"] == "A. Morrison (Falkirk Council)"
    assert rows["Author (project manager)"] == "L. Baird (Falkirk Council)"
    assert rows["Status"] == "Signed off by every partner, 24 September 2010"
    full_rows = {r.cells[0].text: r.cells[1].text for r in full.tables[0].rows}
    assert full_rows["Status"] == "Draft for sign-off by the partners"
    footer = outline.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Falkirk Foster Care PSP · Outline Business Case · version 0.1")


# options appraisal -------------------------------------------------------------------------


def test_options_scores_equal_the_appraisal(project, outline) -> None:
    appraisal = appraise_options(project)
    _, matrix = _tables_after(outline, "4.2 Criteria and scoring")
    (ranking,) = _tables_after(outline, "4.3 The preferred option")
    assert ranking[0] == [
        "Rank",
        "Option",
        "Score out of 100",
        "Estimated annual cost",
        "Cost per point",
        "Preferred",
    ]
    assert [row[:3] for row in ranking[1:]] == [
        [str(o.rank), f"{o.id} {o.name}", f"{o.score:.0f}"] for o in appraisal.options
    ]
    assert ranking[1][:3] == [
        "1",
        "O3 Multi-provider framework agreement with outcome-based monitoring",
        "78",
    ]
    assert ranking[1][5] == "yes" and all(row[5] == "" for row in ranking[2:])
    scores = {o.id: f"{o.score:.0f}" for o in appraisal.options}
    assert matrix[0] == ["Criterion", "Weight", "O0", "O1", "O2", "O3"]
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
    by_id = {row[0].split()[0]: row for row in economics[1:]}
    for option in case.options:
        values = option.after_optimism
        assert by_id[option.id][1:5] == [
            money(values.costs, "GBP"),
            money(values.benefits, "GBP"),
            money(values.npv, "GBP", signed=True),
            f"{values.bcr:.2f}" if values.bcr is not None else "",
        ]
    assert by_id["O3"][3] == "+£536,993"
    (risks,) = _tables_after(outline, "4.5 Risk assessment of each option")
    framework = [row[1] for row in risks[1:] if row[0].startswith("Multi-provider")]
    assert framework == ["R3", "R4", "R9"]
    do_nothing = [row for row in risks[1:] if row[0].startswith("Do nothing")]
    assert do_nothing[0][2] == "No RAID log entry is linked to this option"


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
    register = score_risks(project, AS_OF)
    expected = [(r.id, r.title) for r in register.risks if r.type == kind]
    assert expected  # the example has entries of every type
    (table,) = _tables_after(outline, heading)
    assert [(row[0], row[1]) for row in table[1:]] == expected
    entries = {r.id: r for r in project.risks.risks}
    for row in table[1:]:
        risk = entries[row[0]]
        assert row[3] == f"{risk.likelihood} × {risk.impact} = {risk.score}"
        assert row[6] == ("Open" if risk.status == "open" else "Closed")


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
        "B1 More children placed within or near Falkirk",
        "% of new external foster placements within the council area or 15 miles of home",
        "35%",
        "70%",
        "L. Baird",
        "31 March 2012",
        "Non-cashable",
    ]
    assert table[4] == [
        "B4 Lower annual spend on external foster placements",
        "projected annual outturn of the external foster placements budget",
        "1,450,000 GBP per year",
        "1,300,000 GBP per year",
        "S. Reid",
        "30 April 2012",
        "Cashable",
    ]


def test_benefits_achieved_with_measurements(full) -> None:
    (table,) = _tables_after(full, "6.2 Benefits and outcomes achieved")
    assert table[0] == ["Benefit", "Baseline", "Measurements", "Target", "Progress", "RAG"]
    assert table[1] == [
        "B1 More children placed within or near Falkirk",
        "35%",
        "Sep 2010: 35%; Dec 2010: 40%; Mar 2011: 44%; Jun 2011: 50%",
        "70%",
        "43%",
        "amber",
    ]
    assert (
        "Of the 8 benefits measured as at 30 June 2011, 8 behind it by no more than a quarter "
        "of the way (amber)." in _text(full)
    )


# document control --------------------------------------------------------------------------


def test_sign_off_rows_from_approvals(outline, full) -> None:
    (signed,) = _tables_after(outline, "Sign-off")
    assert signed[0] == ["Partner", "Name", "Position", "Signature", "Date"]
    assert signed[1:] == [[*p, "", "24 September 2010"] for p in PARTNERS]
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
            "to be arranged",
            "Every partner",
            "PSP Governance Group",
            "Sign-off of the full business case: the case for funding",
        ]
    ]


def test_partial_sign_off_lists_who_has_still_to_sign(tmp_path: Path) -> None:
    root = tmp_path / "psp"
    shutil.copytree(EXAMPLE, root)
    psp = root / "psp.yaml"
    psp.write_text(
        psp.read_text(encoding="utf-8").replace(
            "approvals:\n",
            "approvals:\n  - {document: full_business_case, partner: falkirk-council, "
            "person: p-morrison, date: 2011-06-28}\n",
        ),
        encoding="utf-8",
    )
    project = validate(root, AS_OF, find=False).result.project
    context = business_case_context(project, AS_OF, "full", [])
    assert context["document"]["status"] == "Draft: signed off by 1 of 8 partners"
    first, still = context["approvals"]
    assert first["organisation"] == "Falkirk Council" and first["date"] == "28 June 2011"
    assert still["date"] == "to be arranged"
    assert still["organisation"].startswith("Barnardo's Scotland; Care Visions;")


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
def test_version_history_from_git(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    folder = repo / "partnership"
    shutil.copytree(EXAMPLE, folder)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "First draft of the partnership", when="2011-05-02T09:00:00")
    (repo / "README.txt").write_text("not part of the folder\n", encoding="utf-8")
    _git(repo, "add", "README.txt")
    _git(repo, "commit", "-q", "-m", "Outside the folder", when="2011-05-20T09:00:00")
    risks = folder / "risks.yaml"
    risks.write_text(risks.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Review the RAID log", when="2011-06-24T16:30:00")
    short = _git(repo, "log", "--format=%h").split()

    history = folder_history(folder)
    assert history == [
        Commit("2011-05-02", short[2], "First draft of the partnership"),
        Commit("2011-06-24", short[0], "Review the RAID log"),
    ]
    result = runner.invoke(
        app, ["render", "business-case", str(folder), "--outline", "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 0, result.output
    document = Document(str(folder / "out" / "business-case-outline-2011-06-30.docx"))
    (versions,) = _tables_after(document, "Version history")
    assert versions == [
        ["Version", "Date", "Change reference", "Change"],
        ["0.1", "2 May 2011", short[2], "First draft of the partnership"],
        ["0.2", "24 June 2011", short[0], "Review the RAID log"],
    ]
    assert {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}["Version"] == "0.2"


def test_version_history_outside_git(tmp_path: Path) -> None:
    folder = make_project(tmp_path / "psp")
    assert folder_history(folder) == []
    project = validate(folder, AS_OF, find=False).result.project
    context = business_case_context(project, AS_OF, "outline", folder_history(folder))
    assert context["versions"] == [
        {
            "version": "0.1",
            "date": "30 June 2011",
            "reference": "",
            "change": "generated by psp on 30 June 2011",
        }
    ]


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
    (periods,) = _tables_after(outline, "6.2 The partnership's budget")
    assert periods[-2] == ["Total to date", "£46,500", "£46,480", "−£20"]
    assert periods[-1] == ["Whole budget", "£78,600", "", ""]
    assert periods[1] == ["2010-Q1", "£3,800", "£3,850", "+£50"]
    assert periods[-3] == ["2012-Q2", "£2,400", "", ""]
    categories, by_period = _tables_after(
        full, "8.2 Financial analysis of the partnership's budget"
    )
    assert categories[0] == [
        "Category",
        "Budget",
        "Planned to date",
        "Actual to date",
        "Variance to date",
    ]
    assert categories[-1] == ["Total", "£78,600", "£46,500", "£46,480", "−£20"]
    assert by_period[-2:] == periods[-2:]
    (pilot,) = _tables_after(outline, "7.1 Pilot plan")[1:]
    assert pilot[-1] == ["Total for the pilot", "£36,400"]


def test_costs_and_benefits_by_year_with_cumulative_position(project, outline) -> None:
    (o3,) = [o for o in economic_case(project).options if o.id == "O3"]
    (table,) = _tables_after(outline, "6.1 Costs and benefits by year")
    assert table[0][0] == "Year" and table[0][-1] == "Cumulative net cost (−) / benefit (+)"
    assert [row[0] for row in table[1:-1]] == [f"Year {y.year}" for y in o3.years]
    assert [row[-1] for row in table[1:-1]] == [
        money(y.cumulative_net_cash, "GBP", signed=True) for y in o3.years
    ]
    assert table[1] == [
        "Year 0",
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
        "The service the partners propose to sustain is the preferred option tested in the "
        "pilot: Multi-provider framework agreement with outcome-based monitoring." in text
    )
    assert (
        "The service is to be secured through procurement (a contract let by competitive "
        "tender)." in text
    )
    (funders,) = _tables_after(full, "5.3 Future funders")
    assert funders[1] == [
        "Falkirk Council Social Work Services (external foster placements budget)",
        "Engaged",
        "£1,300,000",
        "16 February 2012",
    ]
    (goals,) = _tables_after(full, "7.2 Findings against the goals")
    assert goals[1][0] == "G1 Place more children locally, in family settings"
    assert goals[1][3].startswith("More children placed within or near Falkirk: 50%")
    (issues,) = _tables_after(full, "7.3 Issues found in the pilot")
    assert [row[0] for row in issues[1:]] == ["R7"]
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
        assert "None recorded in the RAID log." in text
        assert "No options have been appraised yet (options.yaml)." in text
        assert "The options' costs and benefits by year are not yet recorded." in text
        (signoff,) = _tables_after(document, "Sign-off")
        assert signoff[1:] == [
            ["Council", "A. Director", "", "", ""],
            ["Charity", "C. Chief", "", "", ""],
        ]


def test_money_and_unknown_kind(project) -> None:
    assert money(-142750, "GBP") == "−£142,750"
    assert money(413500, "GBP", signed=True) == "+£413,500"
    assert money(0, "GBP", signed=True) == "£0"
    assert money(1200.4, "NOK") == "NOK 1,200"
    with pytest.raises(ValueError, match="kind must be one of outline, full"):
        business_case_context(project, AS_OF, "draft", [])


# templates and the command -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["business-case-outline.docx", "business-case-full.docx"])
def test_the_default_templates_are_clean(name: str) -> None:
    assert check_docx(defaults_dir() / name, TEMPLATES[name].data) == []


def test_the_context_provides_exactly_the_template_data(project) -> None:
    context = business_case_context(project, AS_OF, "outline", [])
    assert tuple(context) == TEMPLATES["business-case-outline.docx"].data
    assert TEMPLATES["business-case-full.docx"].data == TEMPLATES["business-case-outline.docx"].data


def test_cli_default_paths_force_and_choice(tmp_path: Path) -> None:
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE, folder)
    for flag, name in (("--outline", "outline"), ("--full", "full")):
        args = ["render", "business-case", str(folder), flag, "--as-of", "2011-06-30"]
        first = runner.invoke(app, args)
        assert first.exit_code == 0, first.output
        target = folder / "out" / f"business-case-{name}-2011-06-30.docx"
        assert target.is_file()
        before = target.read_bytes()
        second = runner.invoke(app, args)
        assert second.exit_code == 2 and "already exists" in second.output
        assert target.read_bytes() == before
        assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    for flags in ([], ["--outline", "--full"]):
        result = runner.invoke(app, ["render", "business-case", str(folder), *flags])
        assert result.exit_code == 2
        assert "say which business case: --outline or --full" in result.output
    written = tmp_path / "case.docx"
    result = runner.invoke(
        app, ["render", "business-case", "--project", str(folder), "--full", "-o", str(written)]
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
    tmp_path: Path, line: str, message: str
) -> None:
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE, folder)
    (folder / "templates").mkdir()
    bad = Document()
    bad.add_paragraph("{{ partnership.name }}")
    bad.add_paragraph(line)
    bad.save(str(folder / "templates" / "business-case-outline.docx"))
    result = runner.invoke(
        app, ["render", "business-case", str(folder), "--outline", "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 2
    assert "template business-case-outline.docx" in result.output
    assert message in result.output
    assert result.output.strip().count("\n") == 0
    assert not (folder / "out").exists()


def test_a_partnerships_own_template_is_used(tmp_path: Path, project) -> None:
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE, folder)
    (folder / "templates").mkdir()
    own = Document()
    own.add_paragraph(
        "{{ document.title }} for {{ partnership.name }}: {{ options.preferred.score }}"
    )
    own.save(str(folder / "templates" / "business-case-full.docx"))
    out = tmp_path / "own.docx"
    result = runner.invoke(
        app,
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
