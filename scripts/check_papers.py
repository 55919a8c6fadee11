"""Render every paper of a partnership folder and turn each into the pages a reader sees.

Each paper `psp render` writes (from the papers registry), and the highlight report in Word,
is rendered for the folder as at a date, converted to PDF with LibreOffice and written as one
PNG image per page with pdftoppm, so the papers can be looked at page by page before they
are sent:

    python scripts/check_papers.py examples/falkirk-foster-care --as-of 2011-06-30
    make papers                    # the worked example, into build/papers/

Writes OUT/NAME.docx|xlsx, OUT/NAME.pdf and OUT/NAME-PAGE.png for each paper, and prints a
line per paper with its page count, and below a Word paper what the PDF does not print as the
document holds it (a word broken across lines, a row lost, a date wrapped; pdftotext reads
the PDF back, as tests/papers/test_printed.py does); exit status 1 when there is any. A paper
with an option (an agenda's `--meeting`) is rendered for the last record of the folder's list
of that name it can be (the last meeting for an agenda, the last held for minutes). The
folder is copied first, so nothing is written into it. Needs LibreOffice (`soffice`, with
Writer and Calc) and pdftoppm (Debian's poppler-utils); `make papers` installs them where it
can.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
EXAMPLE = REPOSITORY / "examples" / "falkirk-foster-care"


def render_all(folder: Path, as_of: date, out: Path) -> list[Path]:
    """Every paper of `folder` as at `as_of`, written into `out`; the files written."""
    import psptool
    from psptool.cli import main
    from psptool.errors import UserError
    from psptool.render.papers import PAPERS, render_paper

    checked = psptool.validate(folder, as_of)
    if checked.errors or checked.result is None:
        raise SystemExit(f"{folder} has errors; psp validate shows them")
    written = []
    for name, paper in PAPERS.items():
        for values in paper.option_values(checked.result.project):
            target = out / ("-".join([name, *values.values()]) + paper.suffix)
            try:
                written.append(
                    render_paper(name, checked, as_of, target, force=True, options=values)
                )
            except UserError:  # minutes of a meeting not yet held: try the one before
                continue
            break
    status = out / "status.docx"
    arguments = ["report", "status", str(folder), "--as-of", as_of.isoformat()]
    main([*arguments, "--format", "docx", "-o", str(status), "--force"])
    if status.exists():
        written.append(status)
    return written


def to_pages(pdf: Path, resolution: int) -> list[Path]:
    """One PNG per page of `pdf`, beside it: NAME-1.png, NAME-2.png…"""
    for old in pdf.parent.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", str(pdf), str(pdf.with_suffix(""))],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    parser.add_argument("--out", type=Path, help="default: build/papers/FOLDER-NAME")
    parser.add_argument("--resolution", type=int, default=50, help="dots per inch of the images")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(
            f"not installed: {', '.join(missing)}; run `make papers`, or install Debian's "
            "libreoffice-writer, libreoffice-calc and poppler-utils",
            file=sys.stderr,
        )
        return 2
    out: Path = args.out or REPOSITORY / "build" / "papers" / args.folder.resolve().name
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="psp-papers-") as scratch:
        folder = Path(scratch) / args.folder.resolve().name
        shutil.copytree(
            args.folder,
            folder,
            ignore=shutil.ignore_patterns("out", ".git", "build", "__pycache__"),
        )
        papers = render_all(folder, args.as_of, out)
    sys.path.insert(0, str(REPOSITORY))
    # the printing and the check the tests make
    from tests.papers.printed import printed_problems, to_pdf

    try:
        to_pdf(papers, out)
    except subprocess.CalledProcessError as exc:
        print(f"LibreOffice could not convert the papers: {exc.stderr.decode()}", file=sys.stderr)
        return 2

    found = 0
    for paper in papers:
        pdf = paper.with_suffix(".pdf")
        if not pdf.exists():
            print(f"{paper.name}: LibreOffice wrote no PDF (is Writer or Calc installed?)")
            continue
        pages = to_pages(pdf, args.resolution)
        print(f"{paper.name}: {len(pages)} page{'s' if len(pages) != 1 else ''} → {pdf}")
        if paper.suffix == ".docx" and shutil.which("pdftotext"):
            for problem in printed_problems(paper, pdf):
                print(f"  not printed as the document holds it: {problem}")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
