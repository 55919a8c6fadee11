"""The office layout every Word paper gets once rendered (render/office.py): page numbers,
repeated header rows, rows kept whole, columns fitted to their content, the contents list's
page numbers and named fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.shared import Cm, Pt

from psptool.render import office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _a4() -> Any:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    return document


def _footer_text(document: Any) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in office.footers(document)]


def _instructions(element: Any) -> list[str]:
    simple = [f.get(f"{W}instr").strip() for f in element.iter(f"{W}fldSimple")]
    return simple + [t.text.strip() for t in element.iter(f"{W}instrText")]


def test_columns_get_their_longest_word_then_share_what_their_text_wants() -> None:
    # the first column's text fits in a third of the page, so it gets all of it; the others
    # keep their longest word (1000) and share the 6000 left as their text wants (4000, 8000)
    assert office.share_width([(500, 1000), (1000, 5000), (1000, 9000)], 9000) == [
        1000,
        3000,
        5000,
    ]
    # every text fits on one line: each gets it, and the rest of the page in proportion
    assert office.share_width([(500, 1000), (500, 2000)], 6000) == [2000, 4000]
    # not even the longest words fit: they shrink alike
    assert office.share_width([(3000, 3000), (6000, 6000)], 6000) == [2000, 4000]


def test_a_table_is_laid_out_for_print(tmp_path: Path) -> None:
    document = _a4()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Ref", "Milestone", "Due"), strict=True):
        cell.text = text
    long = "Tender for the framework agreement published in the Official Journal " * 2
    for row in table.rows[1:]:
        for cell, text in zip(row.cells, ("M13", long, "30 September 2011"), strict=True):
            cell.text = text
    office.lay_out(document, "Test PSP · Plan")
    path = tmp_path / "laid-out.docx"
    document.save(str(path))
    element = docx.Document(str(path)).tables[0]._tbl
    rows = element.findall(f"{W}tr")
    # no row splits: each is a few lines, far shorter than half a page
    assert [r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows] == [True, True, True]
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == [True, False, False]
    widths = office.current_widths(element)
    assert sum(widths) == office.text_width(document) == 9638  # 17 cm in twips
    needs = office.column_needs(element, 11)
    # the reference and the date (one unbroken phrase) get their whole text; the milestone the rest
    assert widths[0] == needs[0][1] and widths[2] == needs[2][1]
    assert widths[1] == 9638 - widths[0] - widths[2]
    cells = [c.find(f"{W}tcPr/{W}tcW").get(f"{W}w") for c in rows[1].findall(f"{W}tc")]
    assert cells == [str(w) for w in widths]


def _kept(row: Any) -> list[bool]:
    """Whether each paragraph of the row is kept with the next."""
    return [p.find(f"{W}pPr/{W}keepNext") is not None for p in row.iter(f"{W}p")]


def _grid(document: Any, rows: int, text: str = "Fostering practice expertise") -> Any:
    table = document.add_table(rows=rows, cols=2)
    for cell, heading in zip(table.rows[0].cells, ("Partner", "Contribution"), strict=True):
        cell.text = heading
    for row in table.rows[1:]:
        row.cells[0].text, row.cells[1].text = "Care Visions", text
    return table


def test_a_short_table_is_kept_on_one_page_and_a_long_one_keeps_its_header_with_a_row() -> None:
    document = _a4()
    # A4 with 1 inch margins top and bottom (python-docx's): 29.7 cm - 2 × 2.54 cm = 24.62 cm
    # = 697.9 pt of text; a third of it is 232.6 pt. A one-line row of 11 pt is
    # 11 × 1.15 + 2 = 14.65 pt: six rows are 87.9 pt (kept whole), twenty 293 pt (not)
    assert round(office.text_height(document), 1) == 697.9
    document.add_paragraph("The partners are:")
    short = _grid(document, 6)
    document.add_paragraph("Every placement:")
    long = _grid(document, 20)
    office.lay_out(document, "Test PSP · MoU")
    assert round(office.table_height(document, short._tbl), 2) == 87.9
    # every row of the short table kept with the next but the last
    assert [all(_kept(r)) for r in short._tbl.findall(f"{W}tr")] == [True] * 5 + [False]
    # the long table: its header, so the header never ends a page alone, and the row before
    # its last, so the last never starts a page alone
    assert [any(_kept(r)) for r in long._tbl.findall(f"{W}tr")] == (
        [True] + [False] * 17 + [True, False]
    )
    # the sentences introducing each table stay on its page
    body = [p for p in document.element.body.iterchildren(f"{W}p")]
    assert [office._text(p) for p in body if p.find(f"{W}pPr/{W}keepNext") is not None] == [
        "The partners are:",
        "Every placement:",
    ]


def test_a_row_taller_than_half_a_page_may_split() -> None:
    # LibreOffice cuts off the foot of a row that may not split and is taller than the page:
    # 400 words of "word1x100 " (about 5.5 pt each at 11 pt) wrap to well over 30 lines in
    # the wider column, 30 × 12.65 pt = 380 pt, more than half of 697.9 pt
    document = _a4()
    table = _grid(document, 3, " ".join(f"word1x{k}" for k in range(400)))
    table.rows[2].cells[1].text = "Staff time"
    office.lay_out(document, "Test PSP · MoU")
    heights = office.row_heights(document, table._tbl)
    assert heights[1] > office.text_height(document) / 2 > heights[2]
    rows = table._tbl.findall(f"{W}tr")
    assert [r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows] == [True, False, True]


def test_a_lists_last_item_is_kept_with_the_one_before() -> None:
    document = _a4()
    for text in ("Values", "Vision", "Voice", "Visits"):
        document.add_paragraph(text, style="List Bullet")
    document.add_paragraph("Between the lists.")
    for text in ("Alone", "Together"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Between the lists again.")
    # a long list: 20 one-line items at 11 pt, 20 × 11 × 1.15 = 253 pt, more than a third
    # of the 697.9 pt page (232.6 pt)
    for k in range(20):
        document.add_paragraph(f"Item {k}", style="List Bullet")
    office.lay_out(document, "Test PSP · MoU")
    body = [p for p in document.element.body.iterchildren(f"{W}p")]
    # four short items (4 × 12.65 = 50.6 pt): kept together, every one but the last with the
    # next; a list of two is left as it is; the long list only its 19th with its 20th
    assert [p.find(f"{W}pPr/{W}keepNext") is not None for p in body] == [
        True, True, True, False, False, False, False, False,
        *[False] * 18, True, False,
    ]  # fmt: skip


def test_a_list_numbered_by_hand_is_a_list() -> None:
    """The business cases number their recommendations by hand ("1.\tNote that …", so each
    list restarts at 1), neither Word's numbering nor a List style: nine short ones (one line
    each, 9 × 12.65 = 113.9 pt, under a third of the page) keep together (#14 R4)."""
    document = _a4()
    document.add_paragraph("The partners are asked to agree these recommendations.")
    for k in range(1, 10):
        item = document.add_paragraph(f"{k}.\tNote item {k}.")
        # as the template sets them: a tab stop (a w:tab in its properties, not its text)
        item.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
    document.add_paragraph("A closing sentence.")
    office.lay_out(document, "Test PSP · Full business case")
    body = [p for p in document.element.body.iterchildren(f"{W}p")]
    assert [p.find(f"{W}pPr/{W}keepNext") is not None for p in body] == (
        [False] + [True] * 8 + [False, False]
    )


def test_headings_and_lead_ins_keep_with_next() -> None:
    document = _a4()
    document.add_heading("5. The partners", level=1)
    document.add_paragraph("The lead partner is Falkirk Council, a public sector body.")
    _grid(document, 3)
    document.add_paragraph("In working together the partners will uphold these values:")
    document.add_paragraph("Every partner has an equal voice", style="List Bullet")
    document.add_paragraph("A closing sentence.")
    office.lay_out(document, "Test PSP · MoU")
    body = [p for p in document.element.body.iterchildren(f"{W}p")]
    assert [(office._text(p), p.find(f"{W}pPr/{W}keepNext") is not None) for p in body] == [
        ("5. The partners", True),
        ("The lead partner is Falkirk Council, a public sector body.", True),
        ("In working together the partners will uphold these values:", True),
        ("Every partner has an equal voice", False),
        ("A closing sentence.", False),
    ]


def test_a_date_is_one_word_for_the_column_widths() -> None:
    assert office._words("due 30 September 2011, at £860 a week") == [
        "due",
        "30\u00a0September\u00a02011,",
        "at",
        "£860\u00a0a\u00a0week",
    ]


def test_a_table_too_narrow_for_its_words_is_set_smaller_before_they_break() -> None:
    document = _a4()  # 17 cm between the margins: 9638 twips
    table = document.add_table(rows=2, cols=8)
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].add_run("Renfrewshire").font.size = Pt(9)
    # "Renfrewshire" is 5.890 em of Arial; a column needs 1.05 times that plus 216 twips of
    # margins. At 9 pt: ceil(5.890 * 9 * 1.05 * 20) + 216 = 1330, eight columns 10,640;
    # 8.5 pt: 1268 (10,144); 8 pt: 1206 (9,648, still 10 over); 7.5 pt: 1144 (9,152) fits.
    office.fit_columns(document, table._tbl)
    sizes = {size.get(f"{W}val") for size in table._tbl.iter(f"{W}sz")}
    assert sizes == {"15"}
    assert office.column_needs(table._tbl, 11)[0][0] == 1144
    assert sum(office.current_widths(table._tbl)) == 9638


def test_a_rate_may_break_before_its_unit_when_the_table_is_too_narrow() -> None:
    document = _a4()
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].paragraphs[0].add_run("£1,450,000 a year").font.size = Pt(9)
    # "£1,450,000" is 5.004 em of Arial, " a year" 3.057 more: at 9 pt with the slack of
    # 1.05 and 216 twips of margins, ceil(8.061 * 9 * 1.05 * 20) + 216 = 1740 whole, and
    # ceil(5.004 * 9 * 1.05 * 20) + 216 = 1162 for the amount alone
    whole = office.column_needs(table._tbl, 11)[0][0]
    broken = office.column_needs(table._tbl, 11, office._UNBROKEN_DATES)[0][0]
    assert (whole, broken) == (1740, 1162)


def test_template_widths_that_hold_every_word_are_kept() -> None:
    document = _a4()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Ref", "Title"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "R1", "Funding ends"
    office.set_widths(table._tbl, [3000, 6000])
    office.fit_columns(document, table._tbl)
    assert office.current_widths(table._tbl) == [3000, 6000]


def test_an_empty_footer_gets_the_caption_and_page_x_of_y() -> None:
    document = _a4()
    document.add_paragraph("Text")
    office.page_numbers(document, "Test PSP · Highlight report")
    assert _footer_text(document) == ["Test PSP · Highlight report · Page 1 of 1"]
    assert _instructions(office.footers(document)[0]) == ["PAGE", "NUMPAGES"]


def test_a_footer_that_numbers_the_page_alone_counts_the_pages() -> None:
    document = _a4()
    line = document.sections[0].footer.paragraphs[0]
    line.text = "Test PSP · Outline Business Case · version 1.0 · page "
    field = office._field("PAGE")
    line._p.append(field)
    office.page_numbers(document, "ignored")
    assert _footer_text(document) == [
        "Test PSP · Outline Business Case · version 1.0 · Page 1 of 1"
    ]
    assert _instructions(office.footers(document)[0]) == ["PAGE", "NUMPAGES"]
    office.page_numbers(document, "ignored")  # a footer that counts its pages is left alone
    assert _instructions(office.footers(document)[0]) == ["PAGE", "NUMPAGES"]


def test_the_contents_list_numbers_the_pages_of_the_headings() -> None:
    document = _a4()
    document.add_heading("Contents", level=1)
    document.add_paragraph("1. Purpose")
    document.add_paragraph("1.1 Scope")
    document.add_heading("1. Purpose", level=1)
    document.add_heading("1.1 Scope", level=2)
    document.add_heading("1.1.1 Not listed", level=3)
    assert office.contents_field(document) is True
    body = document.element.body
    paragraphs = body.findall(f"{W}p")
    entries = [p for p in paragraphs if p.find(f"{W}pPr/{W}pStyle") is not None][1:3]
    styles = [p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in entries]
    assert styles == ["TOC1", "TOC2"]
    assert [office._text(p) for p in entries] == ["1. Purpose1", "1.1 Scope1"]
    marks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    targets = [i.split()[1] for p in entries for i in _instructions(p)]
    assert len(targets) == 2 and set(targets) == marks
    assert [office._text(p) for p in paragraphs].count("1. Purpose") == 1  # the old list went
    assert document.settings.element.find(f"{W}updateFields").get(f"{W}val") == "true"
    assert office.contents_field(_a4()) is False


def test_every_style_names_its_font() -> None:
    document = _a4()
    document.add_heading("Purpose", level=1)
    document.styles["Normal"].font.size = Pt(11)
    office.name_fonts(document)
    fonts = document.styles["Heading 1"].element.find(f"{W}rPr/{W}rFonts")
    assert dict(fonts.attrib) == {
        f"{W}{script}": "Arial" for script in ("ascii", "hAnsi", "cs", "eastAsia")
    }
    assert not [
        key
        for element in document.styles.element.iter(f"{W}rFonts")
        for key in element.attrib
        if key.lower().endswith("theme")
    ]
