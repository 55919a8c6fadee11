"""`psp init`: scaffold a PSP folder, or copy a worked example."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def init_command(
    folder: Annotated[
        Path, typer.Argument(help="Where to create the PSP folder (default: here).")
    ] = Path("."),
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--name", help="The partnership's name (default: from the folder name)."),
    ] = None,
    example: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--example", help="Copy a worked example, e.g. falkirk-foster-care."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Add missing files to a non-empty folder (never overwrites)."),
    ] = False,
) -> None:
    """Create the ten PSP files, with comments and examples, and their JSON Schemas."""
    from ..load.scaffold import init_project
    from ..render.diagnostics import display_path
    from .console import out

    result = init_project(folder, name, force=force, example=example)
    console = out()
    for relative in result.created:
        console.print(f"created {display_path(result.root, relative)}")
    for relative in result.kept:
        console.print(f"kept    {display_path(result.root, relative)} (already there)")
    where = display_path(result.root, "")
    console.print(f"\nNext: edit the files in {where}, then run: psp validate {where}")
