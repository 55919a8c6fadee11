"""`psp report status`: the highlight report for the governance group."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of


class StatusFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    docx = "docx"


SUFFIX_FORMAT = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".txt": "terminal",
}


def status_command(
    folder: FolderArgument = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Compare with the folder at a git revision or date."),
    ] = None,
    output_format: Annotated[
        StatusFormat | None,
        typer.Option(
            "--format",
            help="terminal (default on a terminal), markdown (default when piped), html, docx.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (atomically).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="Reporting period: 3m, 2w, 14d or a cadence "
            "(default: the governance group's cadence).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing output file.")
    ] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Write the highlight report: overall RAG, milestones, risks, budget, benefits, decisions."""
    from ..analysis.common import Period
    from ..load.write import check_output, write_atomic
    from ..render.status import status_document
    from ..report.status import status_since
    from .console import out
    from .project import checked_project

    try:
        chosen_period = Period.parse(period) if period else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--period") from None
    when = as_of_date(as_of)
    loaded, validation = checked_project(folder_of(folder, project), when)
    assert validation.root is not None
    fmt = output_format.value if output_format else None
    if output is not None:
        by_suffix = SUFFIX_FORMAT.get(output.suffix.lower())
        if by_suffix is None or (fmt is not None and fmt != by_suffix):
            wanted = [s for s, f in SUFFIX_FORMAT.items() if f == (fmt or by_suffix)]
            raise typer.BadParameter(
                f"{output.name}: write {fmt or 'a report'} to a file ending in "
                + (" or ".join(wanted) if wanted else ".md, .html or .docx"),
                param_hint="-o",
            )
        fmt = by_suffix
        check_output(output, (output.suffix.lower(),), validation.root)
    if fmt is None:
        fmt = "terminal" if sys.stdout.isatty() else "markdown"
    if fmt == "docx" and output is None:
        output = validation.root / "out" / f"status-{when.isoformat()}.docx"
    report = status_since(validation.root, loaded, when, chosen_period, since)
    document = status_document(report)
    if fmt == "docx":
        assert output is not None
        _write_docx(document, output, force)
    elif fmt in ("markdown", "html") or output is not None:
        text = _text(document, fmt)
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_atomic(output, text, force=force)
    else:
        console = out()
        from ..render.writers import to_rich_blocks

        for block in to_rich_blocks(document):
            console.print(block)
        return
    if output is not None:
        out().print(f"wrote {output}")


def _text(document, fmt: str) -> str:  # type: ignore[no-untyped-def]
    if fmt == "html":
        from ..render.html import to_html

        return to_html(document)
    if fmt == "terminal":
        from io import StringIO

        from rich.console import Console

        from ..render.writers import to_rich_blocks

        buffer = StringIO()
        console = Console(file=buffer, width=120, color_system=None)
        for block in to_rich_blocks(document):
            console.print(block)
        return buffer.getvalue()
    from ..render.writers import to_markdown_text

    return to_markdown_text(document)


def _write_docx(document, output: Path, force: bool) -> None:  # type: ignore[no-untyped-def]

    from ..load.write import write_through
    from ..render.writers import to_docx

    write_through(output, lambda path: to_docx(document, path), force=force)
