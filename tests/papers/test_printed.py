"""Every Word paper of the worked example and of the sparse folder, printed to PDF by
LibreOffice and read back: every word of the document printed whole (no row lost at a page
break, no name broken across two lines of a narrow column) and every date in a table on one
line. What the .docx holds is not what a reader sees: both faults were found only by looking
at the pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import build_tree, copy_example
from tests.papers.folders import SPARSE, SPARSE_AS_OF
from tests.papers.printed import printed_problems, to_pdf
from tests.papers.reading import render_every_paper
from tests.papers.test_form import EXAMPLE_AS_OF


def _has_liberation_sans() -> bool:
    """Whether the face with Arial's widths is installed: the papers' columns are sized for
    them, and a wider fallback face wraps dates the papers keep on one line."""
    if shutil.which("fc-list") is None:
        return False
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    return "Liberation Sans" in fonts


pytestmark = [
    pytest.mark.slow,  # LibreOffice prints a dozen papers, half a minute
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice Writer or poppler-utils is not installed (make test installs them)",
    ),
    pytest.mark.skipif(
        not _has_liberation_sans(),
        reason="Liberation Sans (fonts-liberation) is not installed (make test installs it)",
    ),
]


def _printed(root: Path, as_of, out: Path) -> dict[str, tuple[Path, Path]]:
    papers = render_every_paper(root, as_of, out)
    words = {name: path for name, path in papers.items() if path.suffix == ".docx"}
    pdfs = to_pdf(list(words.values()), out)
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    assert not missing, f"LibreOffice printed none of {missing}: is its Writer installed?"
    return {name: (path, out / (path.stem + ".pdf")) for name, path in words.items()}


@pytest.fixture(scope="module")
def example_printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    root = copy_example(tmp_path_factory.mktemp("example") / "falkirk-foster-care")
    return _printed(root, EXAMPLE_AS_OF, tmp_path_factory.mktemp("example-printed"))


@pytest.fixture(scope="module")
def sparse_printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    root = build_tree(tmp_path_factory.mktemp("sparse") / "riverside", dict(SPARSE))
    return _printed(root, SPARSE_AS_OF, tmp_path_factory.mktemp("sparse-printed"))


def test_every_word_paper_of_the_worked_example_prints_whole(
    example_printed: dict[str, tuple[Path, Path]],
) -> None:
    assert {"mou", "business-case-outline", "business-case-full", "status"} <= set(example_printed)
    assert {name: printed_problems(*files) for name, files in example_printed.items()} == {
        name: [] for name in example_printed
    }


def test_every_word_paper_of_a_sparse_partnership_prints_whole(
    sparse_printed: dict[str, tuple[Path, Path]],
) -> None:
    assert {"mou", "status"} <= set(sparse_printed)
    assert {name: printed_problems(*files) for name, files in sparse_printed.items()} == {
        name: [] for name in sparse_printed
    }


def test_the_check_finds_a_broken_name_and_a_wrapped_date(tmp_path: Path) -> None:
    import docx

    from psptool.render import office

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    # python-docx's own template, 11 pt: "Owner" fits 1200 twips, "Fotheringham" does not;
    # "September" fits 1500, "24 September 2010" does not (as LibreOffice printed them)
    office.set_widths(table._tbl, [1200, 1500])
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Owner", "Due"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Fotheringham", "24 September 2010"
    path = tmp_path / "narrow.docx"
    document.save(str(path))
    [pdf] = to_pdf([path], tmp_path)
    assert printed_problems(path, pdf) == [
        "narrow.docx: 'Fotheringham' is in the document 1 times but printed whole 0 times",
        "narrow.docx: table 'Owner | Due': '24 September 2010' wraps onto two lines",
    ]


def _tall_row_paper(path: Path, kept_whole: bool) -> Path:
    """A risk table below a dozen lines whose first row (400 words) is taller than a page;
    `kept_whole` makes every row one that may not split, as the layout did before."""
    import docx

    from psptool.render import office

    document = docx.Document()
    for line in range(12):
        document.add_paragraph(f"Filler line {line}")
    document.add_paragraph("The table below lists the risks:")
    table = document.add_table(rows=7, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Risk", "Mitigation"
    for number, row in enumerate(table.rows[1:], 1):
        row.cells[0].text = f"Risk number{number}"
        words = 400 if number == 1 else 8
        row.cells[1].text = " ".join(f"word{number}x{k}" for k in range(words))
    office.lay_out(document, "Test PSP · Risks")
    if kept_whole:
        for row in office._rows(table._tbl):
            properties = office._row_properties(row)
            if properties.find(f"{W}cantSplit") is None:
                properties.insert(0, office._element("w:cantSplit"))
    document.save(str(path))
    return path


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_a_row_taller_than_a_page_prints_whole_only_if_it_may_split(tmp_path: Path) -> None:
    # LibreOffice 7.4 cuts off the foot of a row that may not split and does not fit on a
    # page: the check finds the lost words (the last of the 400 in row 1); the layout lets
    # such a row split (office.TALL_ROW) and every word prints
    kept = _tall_row_paper(tmp_path / "kept.docx", kept_whole=True)
    laid_out = _tall_row_paper(tmp_path / "laid-out.docx", kept_whole=False)
    to_pdf([kept, laid_out], tmp_path)
    lost = printed_problems(kept, tmp_path / "kept.pdf")
    assert "kept.docx: 'word1x399' is in the document 1 times but printed whole 0 times" in lost
    assert printed_problems(laid_out, tmp_path / "laid-out.pdf") == []


def test_the_example_agenda_prints_on_one_page(
    example_printed: dict[str, tuple[Path, Path]],
) -> None:
    from tests.papers.printed import pdf_text

    # nine items, two short tables and one decision: the heading spacing keeps all of it,
    # item 9 included, on the first page (it once spilled onto a page of its own)
    name = next(n for n in example_printed if n.startswith("agenda"))
    pages = pdf_text(example_printed[name][1], layout=False).rstrip("\f").split("\f")
    assert len(pages) == 1
    assert "9. Date of next meeting" in pages[0]
