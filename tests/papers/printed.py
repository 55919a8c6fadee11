"""Compare a Word paper with the PDF LibreOffice prints of it: every word of the document
must be printed whole, and every date in a table must stay on one line.

A row LibreOffice drops at a page break, or a column too narrow for a name ("J. Paterso" and
"n" on the next line), leaves a word of the .docx that the PDF does not print as many times;
a date cell too narrow prints "24 September" above "2010". Both were seen reading the pages
and neither shows in the .docx itself, so these checks read the printed text
(`pdftotext`, from poppler-utils).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b\d{{1,2}} (?:{_MONTHS}) \d{{4}}\b")
_SPLIT = re.compile(r"[\s\u00a0\-\u2010\u2011\u2013\u2014/×=]+")
_EDGES = "\"'()[]{},.;:!?‘’“”…"


def to_pdf(papers: list[Path], out: Path) -> list[Path]:
    """The papers printed to PDF by LibreOffice in `out`, with a profile of its own."""
    with tempfile.TemporaryDirectory(prefix="psp-soffice-") as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *map(str, papers),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return [out / (paper.stem + ".pdf") for paper in papers]


def pdf_text(pdf: Path, layout: bool) -> str:
    # -raw: in the order drawn, a word hyphenated at a line's end kept as two words
    arguments = ["pdftotext", "-layout" if layout else "-raw", str(pdf), "-"]
    done = subprocess.run(arguments, capture_output=True, text=True, check=True, timeout=120)
    return done.stdout


def words(text: str) -> Iterator[str]:
    """The words of `text`, split where a line may break (spaces, hyphens, slashes) and
    without the punctuation around them, so a word printed across two lines is two words."""
    for piece in _SPLIT.split(text):
        word = piece.strip(_EDGES)
        if word:
            yield word


def _paragraphs(element: Any) -> Iterator[str]:
    for paragraph in element.iter(f"{W}p"):
        # a field's result (page numbers) is computed by the printer, not the document
        if any(True for _ in paragraph.iter(f"{W}instrText")):
            continue
        yield _text(paragraph)


def _text(element: Any) -> str:
    """The text of a paragraph or cell, a tab or line break read as a space."""
    pieces = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}p"):
        if node.tag == f"{W}t":
            pieces.append(node.text or "")
        elif node.tag != f"{W}tab" or node.getparent().tag == f"{W}r":
            pieces.append(" ")  # a tab stop in the paragraph's properties is not text
    # a no-break space prints as a space and a word joiner as nothing (render/keeping.py)
    return "".join(pieces).replace("\u00a0", " ").replace("\u2060", "")


def _table_rows(body: Any) -> Iterator[tuple[str, list[str]]]:
    for table in body.iter(f"{W}tbl"):
        rows = table.findall(f"{W}tr")
        if not rows:
            continue
        header = " | ".join(_text(cell).strip() for cell in rows[0].findall(f"{W}tc"))
        for row in rows:
            yield header, [_text(cell) for cell in row.findall(f"{W}tc")]


def printed_problems(docx: Path, pdf: Path) -> list[str]:
    """What the PDF of `docx` does not print as the document holds it."""
    import docx as python_docx

    body = python_docx.Document(str(docx)).element.body
    printed = Counter(words(pdf_text(pdf, layout=False)))
    held = Counter(word for paragraph in _paragraphs(body) for word in words(paragraph))
    problems = [
        f"{docx.name}: {word!r} is in the document {count} times but printed whole "
        f"{printed[word]} times"
        for word, count in sorted(held.items())
        if printed[word] < count
    ]
    lines = pdf_text(pdf, layout=True)
    for header, cells in _table_rows(body):
        for cell in cells:
            for found in _DATE.findall(cell):
                if found not in lines:
                    problems.append(
                        f"{docx.name}: table {header!r}: {found!r} wraps onto two lines"
                    )
    return sorted(set(problems))
