"""Diagnostics for people (text, grouped by file, with the offending line), machines (JSON)
and CI (GitHub workflow annotations)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from rich.text import Text

from ..check import Validation
from ..diagnostics import Diagnostic

_STYLE = {"error": "bold red", "warning": "yellow"}


def display_path(root: Path | None, file: str, cwd: Path | None = None) -> str:
    """The file's path as the user would type it: relative to the working folder if inside it."""
    if root is None:
        return file
    full = root / file if file else root
    cwd = cwd or Path.cwd()
    try:
        return str(full.relative_to(cwd)) or "."
    except ValueError:
        return str(full)


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


def text_report(validation: Validation) -> Iterable[Text]:
    """Findings grouped by file, each as `file:line:col: CODE severity message`, the line it
    is about, and a hint; then a summary line."""
    root = validation.root
    sources = validation.result.sources if validation.result else {}
    current: str | None = None
    for d in validation.diagnostics:
        if d.file != current and d.file:
            if current is not None:
                yield Text("")
            current = d.file
            yield Text(display_path(root, d.file), style="bold underline")
        line = Text()
        line.append(location(d, root) or "psp", style="bold")
        line.append(": ")
        line.append(d.code, style="dim")
        line.append(" ")
        line.append(d.severity, style=_STYLE[d.severity])
        line.append(" ")
        line.append(d.message)
        yield line
        source = sources.get(d.file)
        if source is not None and d.line:
            offending = source.line(d.line).rstrip()
            if offending:
                yield Text(f"    {d.line:>4} | {offending}", style="dim")
                caret = " " * (max(d.column, 1) - 1) + "^"
                yield Text(f"         | {caret}", style="dim")
        if d.hint:
            yield Text(f"    hint: {d.hint}", style="cyan")
    if validation.diagnostics:
        yield Text("")
    files = sum(1 for s in sources.values() if s.present)
    if validation.root is None:
        yield Text(summary(validation, 0).removesuffix(" in 0 files"), style="bold red")
        return
    style = "bold red" if validation.errors else ("yellow" if validation.warnings else "green")
    yield Text(summary(validation, files), style=style)


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
