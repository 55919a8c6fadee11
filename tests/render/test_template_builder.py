"""The default templates are built by scripts/build_templates/, one module per paper, and the
committed templates/ are what it builds."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from psptool.render.templates import defaults_dir
from psptool.report.papers import PAPERS
from psptool.report.papers.business_case.contents import contents

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_templates"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", SCRIPT / "__init__.py", submodule_search_locations=[str(SCRIPT)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        for name in [n for n in sys.modules if n.split(".")[0] == "build_templates"]:
            del sys.modules[name]


def test_every_word_paper_has_its_template_built(builder: ModuleType) -> None:
    word = sorted(p.template for p in PAPERS.values() if p.template is not None)
    assert sorted(builder.builders()) == word
    assert {"mou.docx", "business-case-outline.docx", "business-case-full.docx"} <= set(word)


def test_the_default_templates_are_what_the_script_builds(
    builder: ModuleType, tmp_path: Path
) -> None:
    for built in builder.build(tmp_path):
        committed = defaults_dir() / built.name
        with zipfile.ZipFile(built) as new, zipfile.ZipFile(committed) as old:
            assert new.namelist() == old.namelist(), built.name
            for part in new.namelist():
                assert new.read(part) == old.read(part), f"{built.name} {part}"


def test_a_business_cases_headings_are_its_contents(builder: ModuleType) -> None:
    for kind in ("outline", "full"):
        document = builder.builders()[f"business-case-{kind}.docx"]()
        headings = [
            p.text
            for p in document.paragraphs
            if p.style.name in ("Heading 1", "Heading 2") and p.text[0].isdigit()
        ]
        assert headings == [s.title for s in contents(kind).every()], kind


def test_the_agendas_escalations_name_the_entry_and_fit_an_overdue_review() -> None:
    from docx import Document

    word = Document(str(defaults_dir() / "agenda.docx"))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Type")
    assert [c.text for c in table.rows[0].cells] == [
        "Type",
        "Risk or issue",
        "Score",
        "Owner",
        "Review",
    ]
    # "22 July 2011 (overdue)", 22 characters of 9 pt Arial, is about 3.6 cm, and a cell's
    # margins take 0.4 cm: the column is 4.3 cm so the date and "(overdue)" share a line
    widths = [round(c.width.cm, 1) for c in table.columns]
    assert widths == [1.8, 6.2, 1.3, 3.0, 4.3]


def test_the_minutes_decisions_leave_room_for_what_they_affect() -> None:
    from docx import Document

    word = Document(str(defaults_dir() / "minutes.docx"))
    table = next(t for t in word.tables if t.rows[0].cells[1].text == "Decision")
    # numbered as the actions are, "No.", never the decision log's id
    assert table.rows[0].cells[0].text == "No."
    # "Affects" holds a kind and a title each ("Issue: Fewer pilot placements than planned;
    # Milestone: …"), as long as the decision: 5.6 cm beside the decision's 5.8, in 16.6
    widths = [round(c.width.cm, 1) for c in table.columns]
    assert widths == [1.2, 5.8, 4.0, 5.6] and round(sum(widths), 1) == 16.6


def test_a_sign_off_row_has_room_for_a_wet_signature() -> None:
    """The business cases' and the MoU's sign-off rows are at least 12 mm high (w:trHeight
    hRule atLeast, 1.2 cm × 567 twentieths of a point a centimetre = 680), not the 6 mm of a
    single line; the header row keeps its own height."""
    from docx import Document
    from docx.oxml.ns import qn

    for name in ("business-case-outline.docx", "business-case-full.docx", "mou.docx"):
        word = Document(str(defaults_dir() / name))
        table = next(t for t in word.tables if "Signature" in [c.text for c in t.rows[0].cells])
        heights = [
            (h.get(qn("w:val")), h.get(qn("w:hRule")))
            for row in table.rows
            for h in row._tr.iter(qn("w:trHeight"))
        ]
        # the one repeated row ({%tr for %} ... {%tr endfor %} around it) is the signing row
        assert heights == [("680", "atLeast")], name
        assert "{{ s.signature }}" in table.rows[2].cells[3].text, name
