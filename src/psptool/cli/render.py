"""`psp render`: the papers partners sign and governance groups read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of

render_app = typer.Typer(
    name="render",
    help="Write the partnership's papers: the MoU and more.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "-o", "--output", help="Where to write (default: out/NAME-DATE.EXT in the folder)."
    ),
]
TemplateOption = Annotated[
    Path | None, typer.Option("--template", help="Use this template file instead.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]


def render_command(
    paper: str,
    folder: Path | None,
    output: Path | None,
    force: bool,
    as_of: str | None,
    project: Path | None,
    template: Path | None = None,
) -> None:
    """Check the folder, refuse it with its errors if it has any, write the paper, say where."""
    from ..render.diagnostics import display_path
    from ..render.papers import render_paper
    from .console import out
    from .project import checked_project

    when = as_of_date(as_of)
    _, checked = checked_project(folder_of(folder, project), when)
    target = render_paper(paper, checked, when, output, force=force, template=template)
    out().print(f"wrote {display_path(target, '')}")  # as the user would type it


def mou_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The Memorandum of Understanding, ready for signing (Word)."""
    render_command("mou", folder, output, force, as_of, project, template)


render_app.command("mou")(mou_command)


def business_case_command(
    folder: FolderArgument = None,
    outline: Annotated[
        bool, typer.Option("--outline", help="The outline business case, to agree the pilot.")
    ] = False,
    full: Annotated[
        bool, typer.Option("--full", help="The full business case, the case for funding.")
    ] = False,
    output: OutputOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The outline or full business case, laid out as councils lay theirs out (Word)."""
    from ..errors import UserError

    if outline == full:
        raise UserError("say which business case: --outline or --full")
    paper = "business-case-outline" if outline else "business-case-full"
    render_command(paper, folder, output, force, as_of, project, template)


render_app.command("business-case")(business_case_command)
