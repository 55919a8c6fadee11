"""The partnership's branding on its papers (render/branding.py): the colour on workbook
header rows, a cover sheet with the logo, the logo in the Word papers' headers, and colours
that stay readable."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document

import psptool
from psptool.render.branding import (
    Brand,
    HtmlColours,
    contrast,
    html_colours,
    readable_on_white,
    text_on,
)
from psptool.render.papers import render_paper
from tests.helpers import PspRunner, copy_example
from tests.images import png

AS_OF = date(2011, 6, 30)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def branded(root: Path, colour: str | None = '"#00A499"', logo: bool = True) -> Path:
    """The worked example with a 200 × 60 logo and (or) a teal colour."""
    copy_example(root)
    lines = ["branding:"]
    if logo:
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates" / "logo.png").write_bytes(png(200, 60))
        lines.append("  logo: templates/logo.png")
    if colour is not None:
        lines.append(f"  colour: {colour}")
    text = (root / "psp.yaml").read_text(encoding="utf-8")
    (root / "psp.yaml").write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    return root


def render(root: Path, paper: str, out: Path) -> Path:
    checked = psptool.validate(root, AS_OF)
    assert not checked.errors, checked.errors
    return render_paper(paper, checked, AS_OF, out)


@pytest.mark.parametrize(
    ("colour", "text", "heading"),
    [
        ("005EB8", "FFFFFF", "005EB8"),  # NHS blue: white on it, dark enough for headings
        ("FFD700", "000000", "806C00"),  # gold: black on it; darkened to half for headings
        ("FFFFFF", "000000", "737373"),  # white: headings grey at 45 %, 4.74 to 1
        ("000000", "FFFFFF", "000000"),
    ],
)
def test_text_on_the_colour_and_headings_in_it_are_readable(
    colour: str, text: str, heading: str
) -> None:
    assert text_on(colour) == text
    assert readable_on_white(colour) == heading
    assert contrast(heading, "FFFFFF") >= 4.5


def test_contrast_is_wcags() -> None:
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("777777", "FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("005EB8", "FFFFFF") == pytest.approx(6.38, abs=0.01)  # by hand: L = 0.1146


def test_html_colours() -> None:
    assert html_colours(None) == HtmlColours("#1f3864", "#d9e2f3", "#1a1a1a")
    assert html_colours(Brand("PSP", "FFD700")) == HtmlColours("#806c00", "#ffd700", "#000000")


def test_a_branded_workbook_has_its_colour_and_a_cover_with_the_logo(tmp_path: Path) -> None:
    root = branded(tmp_path / "psp")
    path = render(root, "raid", tmp_path / "raid.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cover", "RAID log", "Lists", "Actions", "Heat map", "_psp"]
    assert book.active.title == "RAID log"  # it opens on the records, as unbranded
    cover = book["Cover"]
    assert [cover.cell(row=r, column=2).value for r in (4, 5, 6)] == [
        "Falkirk Foster Care PSP",
        "RAID log",
        "As at 30 June 2011",
    ]
    assert cover.cell(row=4, column=2).font.color.rgb == "0000837A"  # teal at 80 %, 4.64 to 1
    assert cover.cell(row=7, column=2).fill.fgColor.rgb == "0000A499"
    raid = book["RAID log"]
    header = raid.cell(row=1, column=1)
    assert (header.value, header.fill.fgColor.rgb, header.font.color.rgb) == (
        "ID",
        "0000A499",
        "00000000",  # black on teal: 6.8 to 1, where white is 3.1 to 1
    )
    assert header.font.bold is True and header.font.name == "Arial"
    with zipfile.ZipFile(path) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
        assert media == ["xl/media/image1.png"]
        assert archive.read(media[0]) == png(200, 60)
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
        sheet1 = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert "drawing1.xml" in sheet1  # the first sheet, the cover, holds the picture
    assert "<from><col>1</col><colOff>0</colOff><row>1</row>" in drawing  # at B2
    assert 'cx="3048000" cy="914400"' in drawing  # 320 × 96 px, the logo's 10:3 kept


def test_a_colour_alone_gives_no_cover(tmp_path: Path) -> None:
    root = branded(tmp_path / "psp", logo=False)
    book = openpyxl.load_workbook(render(root, "plan", tmp_path / "plan.xlsx"))
    assert book.sheetnames == ["Milestones", "Tasks", "Gantt", "Lists"]
    assert book["Milestones"]["A1"].fill.fgColor.rgb == "0000A499"


def test_without_branding_the_workbook_is_psps(tmp_path: Path) -> None:
    root = tmp_path / "psp"
    copy_example(root)
    book = openpyxl.load_workbook(render(root, "plan", tmp_path / "plan.xlsx"))
    assert book.sheetnames == ["Milestones", "Tasks", "Gantt", "Lists"]
    assert book["Milestones"]["A1"].fill.fgColor.rgb == "001F3864"


def _header_pictures(path: Path) -> list[tuple[str, str]]:
    """(alignment, image bytes' first 8) of each picture in the paper's headers."""
    document = Document(str(path))
    found = []
    for section in document.sections:
        header = section.header
        for paragraph in header._element.iter(f"{W}p"):
            blips = list(paragraph.iter("{*}blip"))
            if not blips:
                continue
            jc = paragraph.find(f"{W}pPr/{W}jc")
            rid = blips[0].get(
                "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
            )
            image = header.part.related_parts[rid].blob
            found.append((jc.get(f"{W}val") if jc is not None else "", image[:8].hex()))
    return found


@pytest.mark.parametrize("paper", ["mou", "business-case-full", "agenda"])
def test_the_logo_is_in_the_header_of_the_word_papers(tmp_path: Path, paper: str) -> None:
    root = branded(tmp_path / "psp")
    checked = psptool.validate(root, AS_OF)
    options = {"meeting": "GG-2011-06"} if paper == "agenda" else None
    path = render_paper(paper, checked, AS_OF, tmp_path / f"{paper}.docx", options=options)
    assert _header_pictures(path) == [("right", "89504e470d0a1a0a")]
    extent = next(Document(str(path)).sections[0].header._element.iter("{*}extent"))
    assert (extent.get("cx"), extent.get("cy")) == ("1800000", "540000")  # 5 cm × 1.5 cm


def test_a_template_with_its_own_logo_keeps_it(tmp_path: Path) -> None:
    from psptool.render.templates import defaults_dir

    root = branded(tmp_path / "psp")
    template = Document(str(defaults_dir() / "mou.docx"))
    own = png(30, 30, (200, 0, 0))
    template.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(own))
    template.save(str(root / "templates" / "mou.docx"))
    path = render(root, "mou", tmp_path / "mou.docx")
    document = Document(str(path))
    images = [part.blob for part in document.part.package.image_parts]
    assert images == [own]


# the HTML report ------------------------------------------------------------------------


def _html(root: Path, tmp_path: Path) -> str:
    output = tmp_path / "status.html"
    result = PspRunner().invoke(
        ["report", "status", str(root), "--as-of", "2011-06-30", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    return output.read_text(encoding="utf-8")


def test_the_html_report_carries_the_logo_and_the_colour(tmp_path: Path) -> None:
    import base64

    page = _html(branded(tmp_path / "psp"), tmp_path)
    logo = "data:image/png;base64," + base64.b64encode(png(200, 60)).decode("ascii")
    assert (
        f'<header class="masthead"><img class="logo" src="{logo}" '
        'alt="Falkirk Foster Care PSP"></header>\n<h1>Highlight report: Falkirk Foster Care PSP'
        in page
    )
    assert "h1 { font-size: 19pt; margin: 0 0 4px; color: #00837a; }" in page
    assert "border-bottom: 2px solid #00837a; color: #00837a; }" in page
    assert "th { background: #00a499; color: #000000; text-align: left; }" in page


def test_without_branding_the_html_report_is_psps(tmp_path: Path) -> None:
    root = tmp_path / "psp"
    copy_example(root)
    page = _html(root, tmp_path)
    assert "<img" not in page
    assert "th { background: #d9e2f3; color: #1a1a1a; text-align: left; }" in page
    assert "color: #1f3864; }" in page


def test_templates_export_and_check_the_html_template(tmp_path: Path) -> None:
    from psptool.render.templates import defaults_dir

    root = tmp_path / "psp"
    copy_example(root)
    runner = PspRunner()
    exported = runner.invoke(["templates", "export", "status.html", "--project", str(root)])
    own = root / "templates" / "status.html"
    assert exported.exit_code == 0, exported.output
    assert exported.stdout == (
        f"wrote {own}: edit it in a text editor, keeping the {{{{ }}}} and {{% %}} tags whole\n"
    )
    assert own.read_bytes() == (defaults_dir() / "status.html").read_bytes()
    checked = runner.invoke(["templates", "check", "status.html", "--project", str(root)])
    assert (checked.exit_code, checked.stdout) == (0, f"status.html: no problems ({own})\n")
    listed = runner.invoke(["templates", "list", "--project", str(root)])
    assert "status.html" in listed.stdout and "Highlight report" in listed.stdout


def test_the_partnerships_own_html_template_is_used(tmp_path: Path) -> None:
    root = branded(tmp_path / "psp")
    (root / "templates" / "status.html").write_text(
        "<html><body style='color: {{ colours.accent }}'><img src='{{ logo[:22] }}'>"
        "<h1>{{ title|upper }}</h1>{{ blocks[0] }}<p>{{ '<b>' }}</p>"
        "</body></html>",
        encoding="utf-8",
    )
    assert _html(root, tmp_path) == (
        "<html><body style='color: #00837a'><img src='data:image/png;base64,'>"
        "<h1>HIGHLIGHT REPORT: FALKIRK FOSTER CARE PSP</h1><h2>Overall status<span "
        'class="rag" style="background:#c00000;color:#ffffff">Red</span></h2>'
        "<p>&lt;b&gt;</p>"
        "</body></html>\n"
    )


def test_templates_check_finds_what_the_html_template_gets_wrong(tmp_path: Path) -> None:
    root = tmp_path / "psp"
    copy_example(root)
    (root / "templates").mkdir()
    (root / "templates" / "status.html").write_text(
        "{{ colours.acent }}{{ logos }}", encoding="utf-8"
    )
    checked = PspRunner().invoke(["templates", "check", "status.html", "--project", str(root)])
    assert checked.exit_code == 1
    assert checked.stdout == (
        "status.html: error: uses 'logos', which the data does not provide (it provides: "
        "title, subtitle, partnership, logo, colours, style, blocks)\n"
        "status.html: error: uses 'colours.acent', which the data does not provide (colours "
        "has: accent, header, header_text)\n"
    )
    (root / "templates" / "status.html").write_text("{% if title %}", encoding="utf-8")
    broken = PspRunner().invoke(["templates", "check", "status.html", "--project", str(root)])
    assert (broken.exit_code, broken.stdout) == (
        1,
        "status.html: error: line 1: syntax error: Unexpected end of template. Jinja was "
        "looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block "
        "that needs to be closed is 'if'.\n",
    )


def test_a_branded_raid_workbook_imports_back_unchanged(tmp_path: Path) -> None:
    root = branded(tmp_path / "psp")
    path = render(root, "raid", tmp_path / "raid.xlsx")
    result = PspRunner().invoke(
        ["import", "raid", str(path), "--project", str(root), "--as-of", "2011-06-30"]
    )
    assert (result.exit_code, result.stdout) == (
        0,
        "no differences: risks.yaml already holds what the workbook says\n",
    )


def test_the_word_highlight_report_has_the_logo_in_its_header(tmp_path: Path) -> None:
    root = branded(tmp_path / "psp")
    output = tmp_path / "status.docx"
    result = PspRunner().invoke(
        ["report", "status", str(root), "--as-of", "2011-06-30", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    assert _header_pictures(output) == [("right", "89504e470d0a1a0a")]
