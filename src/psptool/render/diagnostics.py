"""Diagnostics for people (text, grouped by file, with the offending line), machines (JSON)
and CI (GitHub workflow annotations)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..check import Validation
from ..diagnostics import Diagnostic

_STYLE = {"error": "bold red", "warning": "yellow"}


def display_path(root: Path | None, file: str, cwd: Path | None = None) -> str:
    """The file's path as the user would type it: relative to the working folder if inside it,
    control characters escaped (a folder named with an escape sequence or a line break must
    neither retitle the terminal nor split `file:line:` over two lines)."""
    from ..quoting import escape_controls

    if root is None:
        return escape_controls(file)
    full = root / file if file else root
    cwd = cwd or Path.cwd()
    try:
        return escape_controls(str(full.relative_to(cwd)) or ".")
    except ValueError:
        return escape_controls(str(full))


def location(d: Diagnostic, root: Path | None) -> str:
    where = display_path(root, d.file)
    if d.line:
        where += f":{d.line}:{d.column}"
    return where


def summary(validation: Validation, files: int) -> str:
    errors, warnings = len(validation.errors), len(validation.warnings)
    if not errors and not warnings:
        return f"no problems found in {files} files"
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"{' and '.join(parts)} in {files} files"


HINT = "    hint: "
CONTINUED = 4
"""Indent of a message's lines after the first."""


class PlainLine:
    """A line of a report as plain text: the part of rich's `Text` the report uses, for
    output without colour and without a width (a pipe, a file), where importing rich would
    take longer than checking the worked example does (docs/performance.md)."""

    __slots__ = ("plain",)

    def __init__(self, text: str = "", style: str | None = None) -> None:
        self.plain = text

    def append(self, text: str, style: str | None = None) -> None:
        self.plain += text


def report_line(text: str, style: str | None = None, *, plain: bool = False) -> Any:
    """A line of a report: rich `Text`, or with `plain` a `PlainLine` (see `text_report`)."""
    if plain:
        return PlainLine(text)
    from rich.text import Text

    return Text(text, style=style) if style else Text(text)


def text_report(
    validation: Validation, width: int | None = None, *, plain: bool = False
) -> Iterable[Any]:
    """Findings grouped by file, each as `file:line:col: CODE severity message`, the line it
    is about, and a hint; then a summary line. Rich `Text` lines, or with `plain` (and no
    width) `PlainLine`s of the same text.

    With `width`, no line is wider: the first line of a finding stays whole when it fits
    (editors make `file:line:col` clickable), the rest of its message and its hint wrap at
    word boundaries, indented, and a long source line is cut to the part around the column,
    the caret still under it."""
    if plain and width is None:
        line_of: Any = PlainLine
    else:
        from rich.text import Text as line_of
    fit = _Fit(width) if width else None
    root = validation.root
    sources = validation.result.sources if validation.result else {}
    current: str | None = None
    for d in validation.diagnostics:
        if d.file != current and d.file:
            if current is not None:
                yield line_of("")
            current = d.file
            yield from _fitted(fit, line_of(display_path(root, d.file), style="bold underline"))
        line = line_of()
        line.append(location(d, root) or "psp", style="bold")
        line.append(": ")
        line.append(d.code, style="dim")
        line.append(" ")
        line.append(d.severity, style=_STYLE[d.severity])
        line.append(" ")
        line.append(d.message)
        yield from _fitted(fit, line, CONTINUED)
        source = sources.get(d.file)
        if source is not None and d.line:
            offending = source.line(d.line).rstrip()
            if offending:
                yield from _source(line_of, d.line, offending, d.column, width)
        if d.hint:
            yield from _fitted(fit, line_of(HINT + d.hint, style="cyan"), len(HINT))
    if validation.diagnostics:
        yield line_of("")
    files = sum(1 for s in sources.values() if s.present)
    if validation.root is None:
        text = summary(validation, 0).removesuffix(" in 0 files")
        yield from _fitted(fit, line_of(text, style="bold red"))
        return
    style = "bold red" if validation.errors else ("yellow" if validation.warnings else "green")
    yield from _fitted(fit, line_of(summary(validation, files), style=style))


class _Fit:
    """Wrapping to a width, with the console rich's wrapping asks for."""

    def __init__(self, width: int) -> None:
        from io import StringIO

        from rich.console import Console

        self.width = width
        self.console = Console(file=StringIO(), width=width, color_system=None)


def _fitted(fit: _Fit | None, line: Any, indent: int = 0) -> list[Any]:
    if fit is None:
        return [line]
    from rich.cells import cell_len

    if cell_len(line.plain) <= fit.width:
        return [line]
    from .tables import wrap_text

    return wrap_text(fit.console, line, fit.width, indent=indent)


def _source(
    line_of: Any,  # rich's Text, or PlainLine
    number: int,
    text: str,
    column: int,
    width: int | None,
) -> Iterable[Any]:
    """The offending line under its number, and a caret under its column."""
    gutter = f"    {number:>4} | "
    at = len(text[: max(column, 1) - 1].expandtabs())
    text = _visible(text.expandtabs())
    # a caret after the line's end takes a cell of its own; a line is never shown whole past
    # MAX_SOURCE, even in a log (a 5 MB one-line file)
    room = MAX_SOURCE if width is None else min(MAX_SOURCE, width - len(gutter))
    room -= at >= len(text)
    shown, caret = _clip(text, at, room)
    yield line_of(gutter + shown, style="dim")
    yield line_of(" " * (len(gutter) - 2) + "| " + " " * caret + "^", style="dim")


MAX_SOURCE = 500
"""Most cells of a source line shown under a finding."""


def _visible(text: str) -> str:
    """The line with each control character (an escape sequence, a carriage return) shown as
    '�', one cell as the character was one column, so the caret stays under its column."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else "\ufffd" for c in text)


def _clip(text: str, at: int, room: int | None) -> tuple[str, int]:
    """The part of a source line that fits in `room` cells and shows its character `at`,
    with '…' where it is cut; and how many cells in the caret goes."""
    from itertools import accumulate

    from rich.cells import get_character_cell_size

    at = min(at, len(text))
    if text.isascii() and (room is None or len(text) <= room):
        return text, at
    if text.isascii():
        cells = list(range(len(text) + 1))
    else:
        cells = list(accumulate((get_character_cell_size(c) for c in text), initial=0))
    if room is None or cells[-1] <= room:
        return text, cells[at]
    room = max(room, 3)
    n = len(text)

    def fits(start: int, end: int) -> bool:
        return (start > 0) + cells[end] - cells[start] + (end < n) <= room

    start = max(0, at - room // 3)
    while True:
        end = start
        while end < n and fits(start, end + 1):
            end += 1
        if at < end or end == n or start >= at:
            break
        start += 1
    while start > 0 and fits(start - 1, end):
        start -= 1
    shown = ("…" if start else "") + text[start:end] + ("…" if end < n else "")
    return shown, (1 if start else 0) + cells[min(at, end)] - cells[start]


def json_report(validations: Sequence[Validation], as_of: date, strict: bool = False) -> str:
    """One JSON document for a run over one or more folders (docs/cli.md, "JSON output"):
    the verdict and counts a CI step needs, each folder checked, then every finding."""
    from .tables import to_json

    folders: list[dict[str, object]] = []
    diagnostics = []
    errors = warnings = files = 0
    for validation in validations:
        sources = validation.result.sources if validation.result else {}
        present = sum(1 for s in sources.values() if s.present)
        errors, warnings = errors + len(validation.errors), warnings + len(validation.warnings)
        files += present
        folders.append(
            {
                "folder": display_path(validation.root, "") if validation.root else None,
                "files": present,
                "errors": len(validation.errors),
                "warnings": len(validation.warnings),
            }
        )
        for d in validation.diagnostics:
            row = d.to_dict()
            row["file"] = display_path(validation.root, d.file) if d.file else ""
            diagnostics.append(row)
    document = {
        "as_of": as_of,
        "strict": strict,
        "exit_code": max((v.exit_code(strict) for v in validations), default=0),
        "counts": {"errors": errors, "warnings": warnings, "files": files},
        "folders": folders,
        "diagnostics": diagnostics,
    }
    return to_json(document)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(validation: Validation) -> str:
    """GitHub Actions workflow commands: one `::error file=…,line=…,col=…::…` per finding."""
    lines = []
    workspace = os.environ.get("GITHUB_WORKSPACE")
    cwd = Path(workspace) if workspace else None
    for d in validation.diagnostics:
        props = []
        if d.file:
            props.append(f"file={_escape_property(display_path(validation.root, d.file, cwd))}")
        if d.line:
            props.append(f"line={d.line}")
            props.append(f"col={d.column}")
        props.append(f"title={_escape_property(d.code)}")
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        lines.append(f"::{d.severity} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)
