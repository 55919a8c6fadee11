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


def default_output(root: Path, name: str, when: object, suffix: str) -> Path:
    return root / "out" / f"{name}-{when}.{suffix}"


def mou_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    template: TemplateOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The Memorandum of Understanding, ready for signing (Word)."""
    from ..load.write import check_output
    from ..render.templates import find_template, render_docx
    from ..report.papers import mou_context
    from .console import out
    from .project import checked_project

    when = as_of_date(as_of)
    loaded, validation = checked_project(folder_of(folder, project), when)
    root = validation.root
    assert root is not None
    source = template if template is not None else find_template("mou.docx", root)[0]
    target = check_output(
        output or default_output(root, "mou", when.isoformat(), "docx"), (".docx",), root
    )
    render_docx(source, mou_context(loaded, when), target, force)
    out().print(f"wrote {target}")


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
    from ..load.history import folder_history
    from ..load.write import check_output
    from ..render.templates import find_template, render_docx
    from ..report.papers import business_case_context
    from .console import out
    from .project import checked_project

    if outline == full:
        raise UserError("say which business case: --outline or --full")
    kind = "outline" if outline else "full"
    when = as_of_date(as_of)
    loaded, validation = checked_project(folder_of(folder, project), when)
    root = validation.root
    assert root is not None
    name = f"business-case-{kind}"
    source = template if template is not None else find_template(f"{name}.docx", root)[0]
    target = check_output(
        output or default_output(root, name, when.isoformat(), "docx"), (".docx",), root
    )
    context = business_case_context(loaded, when, kind, folder_history(root))
    render_docx(source, context, target, force)
    out().print(f"wrote {target}")


render_app.command("business-case")(business_case_command)
