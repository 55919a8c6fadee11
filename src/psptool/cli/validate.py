"""`psp validate`: every finding in one run; exit 0 clean, 1 findings, 2 cannot run.

Several paths may be given, folders or files, as a pre-commit hook passes the files being
committed: each maps to its PSP folder (the nearest folder at or above it that holds
`psp.yaml`), and each folder is checked once.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .options import AsOfOption, ProjectOption, as_of_date

if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import date

    from ..check import Validation


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


PathsArgument = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer needs Optional on Python 3.11
    typer.Argument(
        help="PSP folders, or files inside them; each is checked as the folder that holds it "
        "(default: the nearest folder above here that holds psp.yaml).",
        show_default=False,
        metavar="PATH",
    ),
]


def validate_command(
    paths: PathsArgument = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    output_format: Annotated[
        Format, typer.Option("--format", help="text for people, json for tools, github for CI.")
    ] = Format.text,
    ignore_outside: Annotated[
        bool,
        typer.Option(
            "--ignore-outside",
            help="Skip given files that are in no PSP folder instead of failing (for "
            "pre-commit, which passes every changed file whose name matches).",
        ),
    ] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> int:
    """Check the PSP folder: YAML, fields, references, dates and good practice."""
    targets = [*(paths or []), *([project] if project else [])]
    when = as_of_date(as_of)
    checked = _validate_folders(targets, when, ignore_outside)
    validations = [validation for _, validation in checked]
    if output_format is Format.json:
        from ..render.diagnostics import json_report

        typer.echo(json_report(validations, when, strict))
    elif output_format is Format.github:
        from ..render.diagnostics import github_report

        reports = [report for report in map(github_report, validations) if report]
        if reports:
            typer.echo("\n".join(reports))
    else:
        _print_text(checked)
    return max((v.exit_code(strict) for v in validations), default=0)


def _validate_folders(
    targets: list[Path], as_of: date, ignore_outside: bool
) -> list[tuple[Path | None, Validation]]:
    """Each PSP folder the targets are in (or a target in none), with its validation, in the
    order they were first named.

    With no target, the folder is found from the working folder; a target in no PSP folder
    gives the "no PSP folder" finding (exit 2), unless `ignore_outside` skips it."""
    from ..check import validate
    from ..errors import ProjectNotFound
    from ..load import find_project

    if not targets:
        return [(None, validate(None, as_of))]
    if len(targets) == 1 and not ignore_outside:
        return [(targets[0], validate(targets[0], as_of))]
    folders: dict[Path, bool] = {}  # folder (or a target in none) -> whether it was found
    for target in targets:
        try:
            folders.setdefault(find_project(target), True)
        except ProjectNotFound:
            if not ignore_outside:
                folders.setdefault(target.absolute(), False)
    return [
        (folder, validate(folder, as_of, find=False) if found else validate(folder, as_of))
        for folder, found in folders.items()
    ]


def _print_text(checked: list[tuple[Path | None, Validation]]) -> None:
    """Each folder's report as `psp validate FOLDER` prints it; under a heading naming the
    folder when there are several."""
    from ..render.diagnostics import display_path, report_line, text_report
    from .console import out, plain_stream, print_report

    if not checked:
        message = "no PSP folder holds any of the given files: nothing to check"
        stream = plain_stream()
        if stream is None:
            out().print(message)
        else:
            stream.write(message + "\n")
        return

    def lines(width: int | None, plain: bool) -> Iterator[Any]:
        for number, (where, validation) in enumerate(checked):
            if len(checked) > 1 and where is not None:
                if number:
                    yield report_line("", plain=plain)
                yield report_line(f"== {display_path(where, '')}", "bold", plain=plain)
            yield from text_report(validation, width=width, plain=plain)

    print_report(lines)
