"""The MoU: every section the guide lists, a signature row per partner, and safe templates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from psptool.check import validate
from psptool.render.templates import (
    TEMPLATES,
    TemplateProblem,
    check_docx,
    defaults_dir,
    find_template,
    render_docx,
)
from psptool.report.papers.mou import mou as mou_data
from tests.helpers import EXAMPLE, PspRunner, make_project

AS_OF = date(2011, 6, 30)
SECTIONS = [
    "1. Purpose and scope",
    "2. Objectives",
    "3. Values",
    "4. Funding",
    "5. The partners",
    "6. Roles and responsibilities",
    "7. Resolving disputes",
    "8. Amending this Memorandum",
    "9. Confidentiality and data protection",
    "10. A partner leaving the partnership",
    "11. Signatures",
]


@pytest.fixture(scope="module")
def mou(tmp_path_factory) -> Document:
    out = tmp_path_factory.mktemp("mou") / "mou.docx"
    project = validate(EXAMPLE, AS_OF, find=False).result.project
    render_docx(defaults_dir() / "mou.docx", mou_data(project, AS_OF), out, force=False)
    return Document(str(out))


def test_every_section_heading(mou) -> None:
    headings = [p.text for p in mou.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == SECTIONS


def test_says_it_is_not_legally_binding(mou) -> None:
    text = "\n".join(p.text for p in mou.paragraphs)
    assert "This Memorandum of Understanding is not legally binding." in text
    assert "not legally binding" in mou.sections[0].footer.paragraphs[0].text
    assert "Falkirk Foster Care PSP" in text
    assert "The lead partner is Falkirk Council, a public sector body." in text
    # version 1.0: every partner has signed it
    assert (
        "A Public Social Partnership · Version 1.0 · Signed by every partner, the last on "
        "12 May 2010" in text
    )


def test_partners_and_signature_block(mou) -> None:
    partners, roles, groups, signatures = mou.tables
    rows = [[c.text for c in row.cells] for row in partners.rows]
    assert rows[0] == ["Partner", "Sector", "Role in the PSP", "Contribution"]
    assert rows[1][:3] == ["Falkirk Council", "Public sector", "Lead partner"]
    assert len(rows) == 9  # header and eight partners
    signed = [[c.text for c in row.cells] for row in signatures.rows]
    assert signed[0] == ["Partner", "Name", "Position", "Signature", "Date"]
    assert signed[1] == [
        "Falkirk Council",
        "A. Morrison",
        "Director of Social Work Services",
        "Signed",
        "19 April 2010",
    ]
    assert {row[0] for row in signed[1:]} == {
        "Falkirk Council",
        "Barnardo's Scotland",
        "Care Visions",
        "FCA Scotland",
        "Fostering Relations",
        "Fosterplus",
        "JMT Fostering",
        "National Fostering Agency Scotland",
    }
    group_rows = [[c.text for c in row.cells] for row in groups.rows]
    assert group_rows[1][:3] == [
        "PSP Governance Group",
        "Quarterly",  # capitalised as every other cell
        "A. Morrison (Falkirk Council)",
    ]
    assert len(roles.rows) > 2


def test_unsigned_partners_have_an_empty_date(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    project = validate(root, AS_OF, find=False).result.project
    out = tmp_path / "mou.docx"
    render_docx(defaults_dir() / "mou.docx", mou_data(project, AS_OF), out, force=False)
    table = Document(str(out)).tables[-1]
    assert [[c.text for c in r.cells] for r in table.rows][1:] == [
        ["Council", "A. Director", "", "", ""],
        ["Charity", "C. Chief", "", "", ""],
    ]
    sections = _sections(Document(str(out)))
    # each gap said once, in plain words, and none left to a placeholder
    assert sections["4. Funding"] == [
        "The partners have not yet written how the partnership is funded."
    ]
    assert sections["7. Resolving disputes"] == [
        "The partners have not yet agreed how a disagreement between them is resolved."
    ]
    assert sections["10. A partner leaving the partnership"] == [
        "The partners have not yet agreed how a partner leaves the partnership."
    ]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "to be agreed" not in text.lower()


def _sections(document: Document) -> dict[str, list[str]]:
    """The text of each heading's paragraphs, up to the next heading, blank lines left out."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            current = sections.setdefault(paragraph.text, [])
        elif paragraph.text.strip():
            current.append(paragraph.text)
    return sections


def _render_mou(tmp_path: Path, **files: str) -> Document:
    root = make_project(tmp_path / "psp", **files)
    project = validate(root, AS_OF, find=False).result.project
    out = tmp_path / "mou.docx"
    render_docx(defaults_dir() / "mou.docx", mou_data(project, AS_OF), out, force=False)
    return Document(str(out))


def test_an_empty_list_or_table_says_so_in_plain_words(tmp_path: Path) -> None:
    document = _render_mou(tmp_path)
    sections = _sections(document)
    assert sections["2. Objectives"] == [
        "The partners have not yet written the partnership's objectives."
    ]
    assert sections["3. Values"] == [
        "The partners have not yet written down the values they share."
    ]
    assert sections["Roles"] == ["The partners have not yet named who holds each role."]
    assert sections["Governance"] == ["The partners have not yet set up their governance groups."]
    assert sections["Responsibilities of each partner"] == [
        "The partners have not yet written down each partner's responsibilities."
    ]
    assert sections["1. Purpose and scope"] == [
        "The partners have not yet written the purpose of this Memorandum.",
        "The partners have not yet written the scope of the partnership.",
        "The partnership runs from 1 January 2026 to 31 December 2027.",
    ]
    # the partners and the signatures, and no empty roles or governance table
    assert [t.rows[0].cells[0].text for t in document.tables] == ["Partner", "Partner"]


def test_a_new_folder_has_no_dates_and_no_partners(tmp_path: Path) -> None:
    document = _render_mou(
        tmp_path, psp_yaml="name: Test PSP\nid: test-psp\nstage: identify\n", partners_yaml=""
    )
    sections = _sections(document)
    assert sections["1. Purpose and scope"] == [
        "The partners have not yet written the purpose of this Memorandum.",
        "The partners have not yet written the scope of the partnership.",
        "The partnership's start and end dates are not yet set.",
    ]
    assert sections["5. The partners"] == ["No partners are recorded yet."]
    assert sections["11. Signatures"][-1] == "No partners are recorded yet."
    assert document.tables == []
    text = "\n".join(p.text for p in document.paragraphs)
    assert "a date to be agreed" not in text
    assert "The partners' objectives are:" not in text


def test_written_lists_keep_their_introductions(mou) -> None:
    sections = _sections(mou)
    assert sections["2. Objectives"][0] == "The partners' objectives are:"
    # the introduction and five objectives, then the goals' introduction and six goals
    assert len(sections["2. Objectives"]) == 13
    assert sections["2. Objectives"][6].startswith("The partners will measure their progress")
    assert sections["3. Values"][0] == (
        "In working together the partners will uphold these values:"
    )
    assert sections["Governance"][0].startswith("The partnership is governed through the groups")
    assert sections["Responsibilities of each partner"][:2] == [
        "Falkirk Council",
        "Chair the Governance Group and lead the Operational Group",
    ]
    assert (
        "The partnership runs from 1 February 2010 to 30 April 2012."
        in (sections["1. Purpose and scope"])
    )


def test_ampersands_and_angle_brackets_are_escaped(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    root = make_project(
        tmp_path / "psp",
        partners_yaml=PARTNERS.replace("name: Charity", 'name: "Smith & <Sons> Trust"'),
    )
    project = validate(root, AS_OF, find=False).result.project
    out = tmp_path / "mou.docx"
    render_docx(defaults_dir() / "mou.docx", mou_data(project, AS_OF), out, force=False)
    assert "Smith & <Sons> Trust" in [c.text for c in Document(str(out)).tables[0].columns[0].cells]


def _template(tmp_path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "bad.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{{ partnership.name ", "syntax error"),
        ("{{ partnership.nmae }}", "unknown variable"),
        ("{{ nobody }}", "unknown variable: 'nobody' is undefined"),
        ("{{ partnership.__class__.__mro__ }}", "template bad.docx"),
        ("{{ ''.__class__.__subclasses__() }}", "not allowed in a template"),
    ],
)
def test_a_bad_template_is_one_line_and_writes_nothing(
    tmp_path: Path, line: str, message: str
) -> None:
    project = validate(EXAMPLE, AS_OF, find=False).result.project
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateProblem) as caught:
        render_docx(_template(tmp_path, "Hello", line), mou_data(project, AS_OF), out, False)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.docx"]


def test_docxtpl_repairs_smart_quotes_and_tags_split_across_runs(tmp_path: Path) -> None:
    # Word's AutoFormat turns the quotes in a tag curly, and retyping part of a tag in bold
    # splits it across runs: docxtpl straightens and joins them, so the lint says nothing
    doc = Document()
    doc.add_paragraph("{{ partnership.values | join(“, ”) }}")
    paragraph = doc.add_paragraph()
    paragraph.add_run("{{ partnership.")
    paragraph.add_run("name }}").bold = True
    path = tmp_path / "word.docx"
    doc.save(str(path))
    assert check_docx(path, TEMPLATES["mou.docx"].data_type) == []
    project = validate(EXAMPLE, AS_OF, find=False).result.project
    render_docx(path, mou_data(project, AS_OF), tmp_path / "out.docx", force=False)
    rendered = [p.text for p in Document(str(tmp_path / "out.docx")).paragraphs]
    assert rendered == [", ".join(project.psp.values), "Falkirk Foster Care PSP"]


def test_check_finds_what_docxtpl_cannot_repair(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{%tr for p in partners %}")  # a row tag outside a table
    doc.add_paragraph("The partners: {%p if partners %}")  # text that docxtpl drops
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "{%tr for p in partners %}"  # never closed
    table.rows[1].cells[0].text = "{{ p.name }}"
    path = tmp_path / "bad.docx"
    doc.save(str(path))
    assert [(f.severity, f.message) for f in check_docx(path)] == [
        (
            "error",
            "paragraph 1: {%tr for p in partners %} is not in a table row; a {%tr %} tag "
            "repeats or hides the table row it is in",
        ),
        (
            "warning",
            "paragraph 2: “The partners:” is dropped when the paper is rendered: docxtpl keeps "
            "only the tag of a paragraph that holds {%p if partners %}; move the text to a "
            "paragraph of its own",
        ),
        ("error", "2 '{%tr for/if %}' against 0 '{%tr endfor/endif %}'"),
        ("error", "syntax error: Encountered unknown tag 'tr'."),
    ]


def test_check_finds_unknown_variables(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ budget.total }}")
    (finding,) = check_docx(path, TEMPLATES["mou.docx"].data_type)
    assert finding.message == (
        "uses 'budget', which the data does not provide (it provides: partnership, lead, "
        "partners, roles, groups, mou, signatures, status, board, goals, draft, to_agree, "
        "footer, project_manager, goals_intro, version)"
    )


def test_check_finds_attributes_the_data_does_not_have(tmp_path: Path) -> None:
    # from the data's types, before rendering: inside loops, past an optional, and only once
    path = _template(
        tmp_path,
        "{{ partnership.nmae }} and again {{ partnership.nmae }}",
        "{{ lead.name }} ({{ lead.sectr }})",
        "{%p for p in partners %}",
        "{{ p.name }}: {{ p.responsibilities | join('; ') }} {{ p.contibution }}",
        "{%p endfor %}",
        "{{ partnership.values | length }} values; {{ mou.exit }}",
    )
    assert [f.message for f in check_docx(path, TEMPLATES["mou.docx"].data_type)] == [
        "uses 'lead.sectr', which the data does not provide (lead has: name, sector)",
        "uses 'p.contibution', which the data does not provide (p has: name, sector, role, "
        "contribution, responsibilities)",
        "uses 'partnership.nmae', which the data does not provide (partnership has: name, id, "
        "stage, start, end, currency, vision, purpose, scope, objectives, values, funding, "
        "as_of)",
    ]


def test_the_default_template_is_clean() -> None:
    assert check_docx(defaults_dir() / "mou.docx", TEMPLATES["mou.docx"].data_type) == []


def test_a_partnerships_own_template_wins(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    assert find_template("mou.docx", root)[1] == "default"
    (root / "templates").mkdir()
    (root / "templates" / "mou.docx").write_bytes((defaults_dir() / "mou.docx").read_bytes())
    assert find_template("mou.docx", root) == (root / "templates" / "mou.docx", "partnership")


def test_cli_render_mou_default_path_and_force(example: Path, runner: PspRunner) -> None:

    args = ["render", "mou", str(example), "--as-of", "2011-06-30"]
    first = runner.invoke(args)
    assert first.exit_code == 0, first.output
    target = example / "out" / "mou-2011-06-30.docx"
    assert target.is_file()
    before = target.read_bytes()
    second = runner.invoke(args)
    assert second.exit_code == 2 and "already exists" in second.output
    assert target.read_bytes() == before
    assert runner.invoke([*args, "--force"]).exit_code == 0


def test_cli_templates_commands(tmp_path: Path, runner: PspRunner) -> None:
    root = make_project(tmp_path / "psp")
    listed = runner.invoke(["templates", "list", "--project", str(root)])
    assert "mou.docx" in listed.output and "default" in listed.output
    exported = runner.invoke(["templates", "export", "mou.docx", "--project", str(root)])
    assert exported.exit_code == 0 and (root / "templates" / "mou.docx").is_file()
    assert runner.invoke(["templates", "check", "--project", str(root)]).exit_code == 0
    bad = _template(tmp_path, "{{ nobody }}")
    checked = runner.invoke(["templates", "check", str(bad)])
    assert checked.exit_code == 0  # a file not named like a template has no data to check


def test_tables_repeat_their_header_and_keep_rows_whole(mou) -> None:
    # as every Word paper's tables: pages that a long table runs onto start with its header
    for table in mou.tables:
        header, *rows = table.rows
        assert "w:tblHeader" in header._tr.trPr.xml
        # every row, none of the MoU's taller than half a page (office.keep_rows_whole)
        assert all("w:cantSplit" in row._tr.trPr.xml for row in rows)
    assert [len(t.rows) for t in mou.tables] == [9, 18, 3, 9]


# a draft, its goals, its responsibilities and its signature block (#14 B3) ---------------


def _sparse_mou(tmp_path: Path) -> Document:
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    root = sparse_folder(tmp_path / "sparse")
    project = validate(root, SPARSE_AS_OF, find=False).result.project
    out = tmp_path / "mou.docx"
    render_docx(defaults_dir() / "mou.docx", mou_data(project, SPARSE_AS_OF), out, force=False)
    return Document(str(out))


def test_an_unsigned_draft_lists_what_is_still_to_agree(tmp_path: Path) -> None:
    document = _sparse_mou(tmp_path)
    text = [p.text for p in document.paragraphs]
    assert "A Public Social Partnership · Version 0.1 · Draft for discussion, 30 June 2026" in text
    # what the sparse folder (tests/papers/folders.py) leaves out, section by section
    assert _sections(document)["Draft for discussion"] == [
        "This draft is for the partners to discuss. Before it is signed they have still to agree:",
        "The purpose of this Memorandum (section 1)",
        "The scope of the partnership (section 1)",
        # its one goal has a term but neither a measure nor a target
        "A measure and a target for the goal “More carers get a regular break” (section 2)",
        "The values the partners share (section 3)",
        "How the partnership is funded (section 4)",
        "What Riverside Council and Carers Trust Riverside each contribute (section 5)",
        "Who chairs the Partnership Board (section 6)",
        "The responsibilities of Riverside Council and Carers Trust Riverside (section 6)",
        "How a disagreement between the partners is resolved (section 7)",
        "How this Memorandum is amended (section 8)",
        "How the partners keep shared information confidential (section 9)",
        "How a partner leaves the partnership (section 10)",
    ]
    assert (
        document.sections[0]
        .footer.paragraphs[0]
        .text.startswith(
            "Riverside Carers PSP · Memorandum of Understanding · Draft for discussion, "
            "30 June 2026 · not legally binding"
        )
    )
    # its one goal is its objective, introduced by what it has: a term only
    assert _sections(document)["2. Objectives"] == [
        "The partners will measure their progress against this goal, with its term:",
        "More carers get a regular break (short term)",
    ]


def test_a_signed_memorandum_is_no_draft_and_its_footer_says_so(mou) -> None:
    assert "Draft for discussion" not in _sections(mou)
    assert (
        mou.sections[0]
        .footer.paragraphs[0]
        .text.startswith(
            "Falkirk Foster Care PSP · Memorandum of Understanding · Every partner signed by "
            "12 May 2010 · not legally binding"
        )
    )


def test_goals_are_set_out_as_objectives_with_measure_and_target(mou) -> None:
    goals = _sections(mou)["2. Objectives"][7:]
    # goals.yaml G4: £860 a week in 2009/10 down to £800 by 30 April 2012, medium term
    assert goals[3] == (
        "Financial savings on external placements (medium term): average weekly fee paid "
        "for an external foster placement, from £860 a week to £800 a week by 30 April 2012"
    )


def test_responsibilities_are_bulleted_under_each_partner(mou) -> None:
    paragraphs = list(mou.paragraphs)
    start = next(
        i for i, p in enumerate(paragraphs) if p.text == "Responsibilities of each partner"
    )
    name, *items = paragraphs[start + 1 : start + 6]
    assert name.text == "Falkirk Council" and name.runs[0].bold
    assert [p.text for p in items] == [
        "Chair the Governance Group and lead the Operational Group",
        "Share placement demand data and in-house service information with all partners",
        "Make pilot placements through the agreed referral and matching route and pay "
        "providers on time",
        "Run the tender for the framework agreement fairly and in line with procurement rules",
    ]
    assert {p.style.name for p in items} == {"List Bullet"}


def test_the_roles_name_the_project_manager_as_the_partners_contact(mou) -> None:
    # under the roles, where the reader finds who holds them; not under section 10 (exit)
    assert _sections(mou)["Roles"] == [
        "The project manager, L. Baird (Falkirk Council), is the partners' contact for any "
        "question about this Memorandum."
    ]
    assert _sections(mou)["10. A partner leaving the partnership"] == [_example_psp_mou_exit()]


def test_the_signature_block_is_kept_on_one_page(mou) -> None:
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    block = mou.tables[-1]._tbl
    paragraphs = list(block.iter(f"{W}p"))
    assert len(paragraphs) == 9 * 5  # the header and eight partners, five cells each
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs)
    # the signing rows at least 1.2 cm (1.2 × 567 = 680 twips) tall, to sign in
    heights = [r.find(f"{W}trPr/{W}trHeight") for r in block.findall(f"{W}tr")[1:]]
    assert {(h.get(f"{W}val"), h.get(f"{W}hRule")) for h in heights} == {("680", "atLeast")}


def test_the_footer_carries_the_status_and_its_date() -> None:
    from psptool.report.papers.mou import _footer
    from psptool.report.papers.signoff import Signature

    one = Signature("Council", "A. Director", "Director", "1 May 2011", "yes", "Signed")
    other = Signature("Charity", "C. Chief", "Chief Executive", "", "", "")
    when, last = date(2011, 6, 30), date(2011, 5, 1)
    assert (
        _footer((one, other), last, when, draft=True) == "Signed by 1 of 2 partners, 30 June 2011"
    )
    assert _footer((other,), None, when, draft=True) == "Draft for discussion, 30 June 2011"
    assert _footer((other,), None, when, draft=False) == "For signing, 30 June 2011"
    # the last of them signed on 1 May 2011, not all of them that day
    assert _footer((one,), last, when, draft=False) == "Every partner signed by 1 May 2011"


def _example_psp_mou_exit() -> str:
    import yaml

    return " ".join(yaml.safe_load((EXAMPLE / "psp.yaml").read_text())["mou"]["exit"].split())


def test_the_goals_are_introduced_by_what_every_one_of_them_has() -> None:
    from psptool.model.goal import Goal
    from psptool.report.papers.mou import goals_intro

    whole = Goal(id="G1", title="More breaks", term="short", measure="carers", target=10)
    bare = Goal(id="G2", title="Fewer crises", term="long")
    assert goals_intro([whole, whole]) == (
        "The partners will measure their progress against these goals, each with its term, "
        "its measure and its target:"
    )
    # G2 has a term only, so the sentence names no measure or target for both
    assert goals_intro([whole, bare]) == (
        "The partners will measure their progress against these goals, each with its term:"
    )
    assert goals_intro([Goal(id="G3", title="Untermed")]) == (
        "The partners will measure their progress against this goal:"
    )


def test_a_goal_without_its_measure_or_target_is_still_to_agree(tmp_path: Path) -> None:
    from psptool.report.papers.mou import to_agree

    root = make_project(tmp_path / "psp")
    (root / "goals.yaml").write_text(
        "goals:\n"
        "  - {id: G1, title: More breaks, term: short, measure: carers with a break, target: 40}\n"
        "  - {id: G2, title: Fewer crises, term: long}\n"
        "  - {id: G3, title: Shorter waits, measure: days waited}\n"
        "  - {id: G4, title: Happier carers, target: 80}\n"
    )
    project = validate(root, AS_OF, find=False).result.project
    goals = [point for point in to_agree(project, ()) if "(section 2)" in point]
    # each goal listed once, with just what it lacks; G1 has both
    assert goals == [
        "A measure and a target for the goal “Fewer crises” (section 2)",
        "A measure for the goal “Happier carers” (section 2)",
        "A target for the goal “Shorter waits” (section 2)",
    ]


def test_the_example_names_the_project_manager_as_the_roles_table_does(mou) -> None:
    text = "\n".join(p.text for p in mou.paragraphs) + "\n".join(
        c.text for t in mou.tables for r in t.rows for c in r.cells
    )
    # the roles table lists a "Project manager", not a "PSP lead"
    assert "PSP lead" not in text
    assert "where the project manager will try to reach a solution" in text
    assert "in writing to the project manager at least two weeks before" in text
    # one to nine in words in running text, 10 and over in figures
    assert "within 10 working days" in text and "within five working days" in text


def test_a_position_does_not_repeat_the_partner_it_is_held_in() -> None:
    from psptool.report.papers.signoff import position

    assert position(
        "Director of Children's Services, Barnardo's Scotland", "Barnardo's Scotland"
    ) == ("Director of Children's Services")
    assert position("Director, FCA Scotland", "FCA Scotland") == "Director"
    # another organisation's name, or the partner's name alone, is kept
    assert position("Director, Scotland", "Care Visions") == "Director, Scotland"
    assert position("FCA Scotland", "FCA Scotland") == "FCA Scotland"


def test_the_signature_block_gives_positions_without_the_partner(mou) -> None:
    rows = {r.cells[0].text: r.cells[2].text for r in mou.tables[-1].rows[1:]}
    assert rows["Barnardo's Scotland"] == "Director of Children's Services"
    assert rows["FCA Scotland"] == "Director"
    assert rows["National Fostering Agency Scotland"] == "Director, Scotland"


def test_no_contribution_column_while_no_partner_has_one(tmp_path: Path) -> None:
    # the sparse folder records no partner's contribution: the draft's list says so once,
    # and the partners table has no column of "Not yet recorded"
    document = _sparse_mou(tmp_path)
    partners = document.tables[0]
    assert [[c.text for c in r.cells] for r in partners.rows] == [
        ["Partner", "Sector", "Role in the PSP"],
        ["Riverside Council", "Public sector", "Lead partner"],
        ["Carers Trust Riverside", "Third sector", "Partner"],
    ]
    assert (
        "What Riverside Council and Carers Trust Riverside each contribute (section 5)"
        in _sections(document)["Draft for discussion"]
    )


def test_a_partner_without_a_contribution_beside_one_with(tmp_path: Path) -> None:
    from dataclasses import replace

    from psptool.report.papers.mou import mou as build

    project = validate(EXAMPLE, AS_OF, find=False).result.project
    data = build(project, AS_OF)
    first, *rest = data.partners
    data = replace(data, partners=(replace(first, contribution=""), *rest))
    out = tmp_path / "mou.docx"
    render_docx(defaults_dir() / "mou.docx", data, out, force=False)
    rows = Document(str(out)).tables[0].rows
    assert [c.text for c in rows[0].cells][-1] == "Contribution"
    assert [c.text for c in rows[1].cells] == [
        "Falkirk Council",
        "Public sector",
        "Lead partner",
        "Not yet recorded",
    ]
