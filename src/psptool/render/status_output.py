"""The highlight report's outputs: which format it is written in, and where it goes.

`psp report status` writes the report for a terminal (rich tables), as Markdown, HTML or
Word, to standard output or to a file. `status_target` settles the format and the file from
what was asked for, before any work is done; `render_status` lays the report out and writes
it, and hands back what is left to show on standard output.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import WrongSuffix
from ..report.status import StatusReport
from .branding import Brand
from .document import Document, ReportOutput
from .status import status_document

FORMATS = ("terminal", "markdown", "html", "docx")
SUFFIX_FORMAT = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".txt": "terminal",
}
"""The format a file's suffix asks for; `.txt` holds the terminal layout as plain text."""
TEXT_WIDTH = 120
"""Width of the terminal layout written to a .txt file."""


@dataclass(frozen=True)
class StatusTarget:
    format: str
    """One of `FORMATS`."""
    output: Path | None
    """The file to write; None for standard output."""


def status_target(
    requested: str | None,
    output: Path | None,
    root: Path,
    as_of: date,
    *,
    is_terminal: Callable[[], bool],
) -> StatusTarget:
    """The format and file for the report.

    A file's suffix settles its format (`WrongSuffix` when it fits none, or not the one
    `requested`), and the file may not be one of the folder's own. Without a file, the format
    is the one requested, else terminal when `is_terminal()` and Markdown when piped; Word,
    which cannot go to standard output, goes to out/status-DATE.docx in the folder.
    """
    from ..load.write import check_output

    fmt = requested
    if output is not None:
        by_suffix = SUFFIX_FORMAT.get(output.suffix.lower())
        if by_suffix is None or (fmt is not None and fmt != by_suffix):
            wanted = [s for s, f in SUFFIX_FORMAT.items() if f == (fmt or by_suffix)]
            raise WrongSuffix(
                f"{output.name}: write {fmt or 'a report'} to a file ending in "
                + (" or ".join(wanted) if wanted else ".md, .html or .docx")
            )
        fmt = by_suffix
        check_output(output, (output.suffix.lower(),), root)
    if fmt is None:
        fmt = "terminal" if is_terminal() else "markdown"
    if fmt == "docx" and output is None:
        output = root / "out" / f"status-{as_of.isoformat()}.docx"
    return StatusTarget(fmt, output)


def render_status(
    report: StatusReport,
    target: StatusTarget,
    *,
    force: bool,
    root: Path | None = None,
    brand: Brand | None = None,
    acronyms: Mapping[str, str] | None = None,
) -> ReportOutput:
    """Lay the report out and write it to `target.output` (atomically; an existing file only
    with `force`), or return what standard output shows. The HTML page comes from the
    folder `root`'s own templates/status.html where it has one, in its `brand`; the Word
    report spells each of the partnership's `acronyms` out where it first uses it."""
    from ..load.write import write_atomic, write_through

    document = status_document(report)
    if target.format == "html":
        from .html import HTML_TEMPLATE, to_html
        from .templates import find_template

        template = find_template(HTML_TEMPLATE, root)[0]
        page = to_html(document, brand, template)
        if target.output is not None:
            write_atomic(target.output, page, force=force)
            return ReportOutput(written=target.output)
        return ReportOutput(text=page)
    if target.format == "docx":
        assert target.output is not None
        from .writers import to_docx

        def write(path: Path) -> None:
            to_docx(document, path, acronyms)
            if brand is not None and brand.logo is not None:
                from docx import Document as WordDocument

                from .branding import brand_docx

                paper = WordDocument(str(path))
                brand_docx(paper, brand.logo)
                paper.save(str(path))

        write_through(target.output, write, force=force)
        return ReportOutput(written=target.output)
    if target.output is not None:
        write_atomic(target.output, status_text(document, target.format), force=force)
        return ReportOutput(written=target.output)
    if target.format == "terminal":
        from .writers import to_rich_blocks

        return ReportOutput(blocks=list(to_rich_blocks(document)))
    return ReportOutput(text=status_text(document, target.format))


def status_text(document: Document, fmt: str) -> str:
    """The report as text: Markdown, an HTML page, or the terminal layout without colour."""
    if fmt == "html":
        from .html import to_html

        return to_html(document)
    if fmt == "terminal":
        from io import StringIO

        from rich.console import Console

        from .writers import to_rich_blocks

        buffer = StringIO()
        console = Console(file=buffer, width=TEXT_WIDTH, color_system=None)
        for block in to_rich_blocks(document):
            console.print(block)
        return buffer.getvalue()
    from .writers import to_markdown_text

    return to_markdown_text(document)
