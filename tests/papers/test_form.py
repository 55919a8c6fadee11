"""Every paper, read back as a council officer's office would check it before sending it:
paginated Word papers (Page X of Y, header rows repeated, rows kept whole, columns that hold
their words) and workbooks that print and stay live (landscape, one page wide, print titles,
headers and footers, row heights for wrapped text, filters, formulas and formats over the
rows a partner may add), for the worked example and for a sparse young partnership."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from psptool.render.papers import PAPERS
from tests.helpers import REPOSITORY, build_tree, copy_example
from tests.papers.folders import SPARSE, SPARSE_AS_OF
from tests.papers.reading import paper_problems, render_every_paper, word_problems

EXAMPLE_AS_OF = date(2011, 6, 30)
NAMES = [*PAPERS, "status"]

pytestmark = pytest.mark.slow  # every paper of two folders is rendered once, a few seconds


@pytest.fixture(scope="module")
def example_papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = copy_example(tmp_path_factory.mktemp("example") / "falkirk-foster-care")
    return render_every_paper(root, EXAMPLE_AS_OF, tmp_path_factory.mktemp("example-papers"))


@pytest.fixture(scope="module")
def sparse_papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = build_tree(tmp_path_factory.mktemp("sparse") / "riverside", dict(SPARSE))
    return render_every_paper(root, SPARSE_AS_OF, tmp_path_factory.mktemp("sparse-papers"))


def test_every_paper_is_rendered_for_both_folders(
    example_papers: dict[str, Path], sparse_papers: dict[str, Path]
) -> None:
    # papers with an option (an agenda for a meeting) only where the folder has one
    always = {name for name in NAMES if name == "status" or not PAPERS[name].options}
    assert always <= set(example_papers) and always <= set(sparse_papers)


@pytest.mark.parametrize("name", NAMES)
def test_the_worked_examples_papers_are_fit_to_send(
    example_papers: dict[str, Path], name: str
) -> None:
    if name not in example_papers:
        pytest.skip(f"the worked example has nothing to render {name} for")
    assert paper_problems(example_papers[name]) == []


@pytest.mark.parametrize("name", NAMES)
def test_a_sparse_partnerships_papers_are_fit_to_send(
    sparse_papers: dict[str, Path], name: str
) -> None:
    if name not in sparse_papers:
        pytest.skip(f"the sparse folder has nothing to render {name} for")
    assert paper_problems(sparse_papers[name]) == []


def test_the_check_finds_what_an_unpaginated_paper_lacks(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[1].cells[0].text = "Consortium"
    path = tmp_path / "plain.docx"
    document.save(str(path))
    assert word_problems(path) == [
        "plain.docx has no footer, so no page numbers",
        "plain.docx: table ' | ' has no header row repeated on each page",
        # every row is kept whole now, the first under the header too (#14)
        "plain.docx: table ' | ': rows [1, 2] may split across pages",
        "plain.docx: 288 fonts named by the theme, not by name",  # python-docx's own template
    ]


def test_the_check_finds_a_workbook_that_goes_dead(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from tests.papers.reading import workbook_problems

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Log"
    sheet.append(["ID", "Likelihood", "Impact", "Score", "Title"])
    sheet.append(["R1", 3, 4, "=B2*C2", "A title long enough to wrap in its column"])
    sheet["E2"].alignment = Alignment(wrap_text=True)
    sheet["F2"] = "=SUM(D2:D3)"
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
    sheet.add_data_validation(validation)
    validation.add("B2:C200")
    path = tmp_path / "dead.xlsx"
    book.save(str(path))
    assert workbook_problems(path) == [
        "dead.xlsx: sheet 'Log' does not print landscape",
        "dead.xlsx: sheet 'Log' does not print one page wide",
        "dead.xlsx: sheet 'Log' has no print titles",
        "dead.xlsx: sheet 'Log' has no page number in its footer",
        "dead.xlsx: sheet 'Log' names neither the partnership nor the sheet when printed",
        "dead.xlsx: sheet 'Log': E2 wraps with no row height",
        "dead.xlsx: sheet 'Log': the formula of column D stops at row 2",
        "dead.xlsx: sheet 'Log': the formula of column F stops at row 2",
        "dead.xlsx: sheet 'Log': F2 adds up rows 2 to 3, not the rows to 200 a partner may fill",
    ]


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice or poppler-utils is not installed (make papers installs them)",
)
def test_check_papers_writes_every_page_as_an_image(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "riverside", dict(SPARSE))
    out = tmp_path / "papers"
    done = subprocess.run(
        [
            sys.executable,
            str(REPOSITORY / "scripts" / "check_papers.py"),
            str(root),
            "--as-of",
            SPARSE_AS_OF.isoformat(),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not (root / "out").exists()  # the folder is copied, never written into
    for name in ("mou", "status", "raid"):
        pdf = next(out.glob(f"{name}.pdf"))
        pages = sorted(out.glob(f"{name}-*.png"))
        assert f"{pdf.name.removesuffix('.pdf')}" in done.stdout and pages
    if shutil.which("pdftotext"):
        mou = out / "mou.pdf"
        count = len(sorted(out.glob("mou-*.png")))
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", str(mou), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        # LibreOffice filled in the footer's PAGE and NUMPAGES fields
        assert f"Page 1 of {count}" in first
        case = subprocess.run(
            ["pdftotext", "-layout", str(out / "business-case-full.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages = case.split("\f")
        contents = next(page for page in pages if "Contents" in page)
        entry = next(line for line in contents.splitlines() if "Executive summary" in line)
        listed = int(entry.rsplit(".", 1)[-1])  # "1. Executive summary.......4"
        # the contents give the page the heading is on, worked out as the pages were laid out
        assert listed > 1 and "Executive summary" in pages[listed - 1]
