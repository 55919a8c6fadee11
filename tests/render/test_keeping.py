"""What every Word paper keeps on one line, and the acronyms it spells out (render/keeping.py,
applied by office.lay_out). The characters are read from the XML: python-docx's text, as the
other tests read it, shows a no-break space as a space (tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import docx
from docx.shared import Cm, Pt

from psptool.render import keeping, office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NB, WJ = "\u00a0", "\u2060"


def _document(*lines: str) -> Any:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    for line in lines:
        document.add_paragraph(line)
    return document


def _raw(document: Any) -> list[str]:
    """Each body paragraph's characters, as the XML holds them."""
    return [
        "".join(t.text or "" for t in p.iter(f"{W}t")) for p in document.element.body.iter(f"{W}p")
    ]


def test_dates_names_units_and_rates_do_not_break() -> None:
    document = _document(
        "L. Baird and J. K. Smith met on 30 June 2011, in June 2011 and on 4 May.",
        "The pilot ran for 12 weeks at £860 a week; 10 working days' notice; 5 per cent; 3 × 3.",
        "The tender runs November-December 2011; the review April - June 2012.",
        "In 2011 the 3 partners met; page 4 of the plan.",
    )
    office.lay_out(document, "Test PSP · Plan")
    assert _raw(document) == [
        f"L.{NB}Baird and J.{NB}K.{NB}Smith met on 30{NB}June{NB}2011, in June{NB}2011 and "
        f"on 4{NB}May.",
        f"The pilot ran for 12{NB}weeks at £860{NB}a{NB}week; 10{NB}working{NB}days' notice; "
        f"5{NB}per{NB}cent; 3{NB}×{NB}3.",
        f"The tender runs November–{WJ}December{NB}2011; the review April–{WJ}June{NB}2012.",
        # a year, a count and "page 4" are not a unit's number
        "In 2011 the 3 partners met; page 4 of the plan.",
    ]


def test_a_date_split_across_runs_is_kept_whole() -> None:
    document = _document()
    paragraph = document.add_paragraph("Signed on 30 ")
    paragraph.add_run("June").bold = True
    paragraph.add_run(" 2011.")
    keeping.keep_together(document.element.body)
    assert [run.element.find(f"{W}t").text for run in paragraph.runs] == [
        f"Signed on 30{NB}",
        "June",
        f"{NB}2011.",
    ]


def test_a_rate_breaks_before_its_unit_only_in_a_table_too_narrow_for_it() -> None:
    document = _document("Costs £1,450,000 a year.")
    narrow = document.add_table(rows=1, cols=8)
    for cell in narrow.rows[0].cells:
        cell.paragraphs[0].add_run("£1,450,000 a year").font.size = Pt(9)
    wide = document.add_table(rows=1, cols=2)
    wide.rows[0].cells[0].text, wide.rows[0].cells[1].text = "Fee", "£860 a week"
    office.lay_out(document, "Test PSP · Plan")
    # eight columns of 1740 twips (office's test) do not fit in 9638: the rate may break,
    # as the column widths allow; a paragraph and a table with room keep it whole
    rate = f"£1,450,000{NB}a{NB}year"
    assert _raw(document)[0] == f"Costs {rate}."
    assert {"".join(t.text for t in c._tc.iter(f"{W}t")) for c in narrow.rows[0].cells} == {
        f"£1,450,000 a{NB}year"  # it breaks before "a year" only (#14 R3)
    }
    assert "".join(t.text for t in wide.rows[0].cells[1]._tc.iter(f"{W}t")) == f"£860{NB}a{NB}week"


def test_a_table_column_is_as_wide_as_a_name_kept_whole() -> None:
    document = _document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Owner", "Title"
    table.rows[1].cells[0].text = "J. Paterson"
    table.rows[1].cells[1].text = "A long title that wraps across the page " * 6
    office.lay_out(document, "Test PSP · Plan")
    # "J. Paterson" is one word now: 0.500 + 0.278 (J.) + 0.278 (no-break space) + 4.002
    # (Paterson) = 5.058 em; at 11 pt with the slack of 1.05 and 216 twips of margins,
    # ceil(5.058 * 11 * 1.05 * 20) + 216 = 1385
    assert office.column_needs(table._tbl, 11)[0][0] == 1385
    assert office.current_widths(table._tbl)[0] >= 1385


def test_an_acronym_is_spelt_out_where_first_used() -> None:
    document = _document(
        "Outcomes are measured against the SHANARRI indicators and GIRFEC.",
        "GIRFEC again, and SHANARRI; the report by IRISS.",
        "Getting it right for every child (GIRFEC) is written out already.",
    )
    acronyms = {
        "GIRFEC": "Getting it right for every child",
        "SHANARRI": "Safe, Healthy, Achieving, Nurtured, Active, Respected, Responsible and "
        "Included",
        "CCPS": "Coalition of Care and Support Providers in Scotland",
    }
    office.lay_out(document, "Test PSP · Plan", acronyms)
    assert [line.replace(NB, " ") for line in _raw(document)] == [
        "Outcomes are measured against the Safe, Healthy, Achieving, Nurtured, Active, "
        "Respected, Responsible and Included (SHANARRI) indicators and Getting it right for "
        "every child (GIRFEC).",
        "GIRFEC again, and SHANARRI; the report by IRISS.",
        "Getting it right for every child (GIRFEC) is written out already.",
    ]


def test_an_acronym_already_written_out_is_left() -> None:
    document = _document("Getting it right for every child (GIRFEC) first.", "Then GIRFEC.")
    keeping.spell_out(document.element.body, {"GIRFEC": "Getting it right for every child"})
    assert _raw(document) == ["Getting it right for every child (GIRFEC) first.", "Then GIRFEC."]


# psp.yaml's acronyms, through to every Word paper (#14 B2) ----------------------------------


def _body_text(path: Any) -> str:
    body = docx.Document(str(path)).element.body
    return "\n".join(_raw_paragraphs(body)).replace(NB, " ").replace(WJ, "")


def _raw_paragraphs(root: Any) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def test_psp_yaml_lists_the_acronyms(tmp_path: Any) -> None:
    from psptool.check import validate
    from tests.helpers import PSP, make_project

    root = make_project(tmp_path / "psp", psp_yaml=PSP + "acronyms:\n  GIRFEC: Getting it right\n")
    project = validate(root, find=False).result.project
    assert project.psp.acronyms == {"GIRFEC": "Getting it right"}


def test_the_example_mou_spells_each_acronym_out_once(example: Any, runner: Any) -> None:
    out = example / "mou.docx"
    done = runner.invoke(["render", "mou", str(example), "--as-of", "2011-06-30", "-o", str(out)])
    assert done.exit_code == 0, done.output
    text = _body_text(out)
    shanarri = "Safe, Healthy, Achieving, Nurtured, Active, Respected, Responsible and Included"
    # the first SHANARRI is in the first objective, the first GIRFEC in Barnardo's
    # contribution (the values write "Getting it right for every child" without it)
    assert f"measured against the {shanarri} (SHANARRI) wellbeing indicators" in text
    assert "experience of Getting it right for every child (GIRFEC) and SHANARRI outcome" in text
    assert text.count(f"{shanarri} (SHANARRI)") == 1
    assert text.count("(GIRFEC)") == 1


def test_the_status_report_in_word_spells_acronyms_out(example: Any, runner: Any) -> None:
    # the example's psp.yaml lists RAID: risks, assumptions, issues and dependencies
    out = example / "status.docx"
    done = runner.invoke(
        ["report", "status", str(example), "--as-of", "2011-06-30", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    text = _body_text(out)
    # first used mid-sentence: "Keep the risks, assumptions, issues and dependencies (RAID)
    # log up to date"
    assert text.count("risks, assumptions, issues and dependencies (RAID)") == 1
