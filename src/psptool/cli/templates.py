"""`psp templates`: see, copy out and lint the templates papers are rendered from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .options import ProjectOption

templates_app = typer.Typer(
    name="templates",
    help="List, export and check the templates papers are rendered from.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _root(project: Path | None) -> Path | None:
    from ..load import ProjectNotFound, find_project

    try:
        return find_project(project)
    except ProjectNotFound as exc:
        if exc.missing:  # a --project that does not exist is a typo, not "no folder"
            raise
        return None


def list_command(project: ProjectOption = None) -> None:
    """Each template, where it comes from (the partnership's or the default), and its data."""
    from ..render.tables import Table, to_rich
    from ..render.templates import TEMPLATES, find_template
    from .console import out

    root = _root(project)
    rows: list[list[object]] = []
    for info in TEMPLATES.values():
        path, source = find_template(info.name, root)
        rows.append([info.name, info.title, info.command, f"{source} ({path})", list(info.data)])
    columns = ["Template", "Paper", "Command", "From", "Data it receives"]
    # a command is not prose: it wraps only when nothing else can
    table = Table("Templates", columns, rows, prose=("Paper", "From", "Data it receives"))
    out().print(to_rich(table))


def export_command(
    name: Annotated[str, typer.Argument(help="The template, e.g. mou.docx.")],
    folder: Annotated[
        Path | None,
        typer.Argument(help="Where to copy it (default: the partnership's templates/ folder)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    project: ProjectOption = None,
) -> None:
    """Copy a default template out, for a partnership to brand: a Word paper's, to edit in
    Word, or the HTML report's (status.html), to edit in a text editor."""
    from ..errors import UserError
    from ..load.write import write_atomic
    from ..render.templates import TEMPLATES, defaults_dir
    from .console import out

    if name not in TEMPLATES:
        raise UserError(f"there is no template called {name} (templates: {', '.join(TEMPLATES)})")
    if folder is None:
        root = _root(project)
        if root is None:
            raise UserError("no PSP folder here: give the folder to copy the template into")
        folder = root / "templates"
    target = folder / name
    write_atomic(target, (defaults_dir() / name).read_bytes(), force=force)
    editor = "a text editor" if target.suffix == ".html" else "Word"
    out().print(
        f"wrote {target}: edit it in {editor}, keeping the {{{{ }}}} and {{% %}} tags whole"
    )


def check_command(
    name: Annotated[
        str | None, typer.Argument(help="A template name or file (default: every template).")
    ] = None,
    project: ProjectOption = None,
) -> int:
    """Lint templates before use: misplaced {%p/tr/tc %} tags, unpaired {%tr %}, syntax
    errors, and data the paper or report does not provide."""
    from ..render.templates import TEMPLATES, check_template, find_template
    from .console import out

    root = _root(project)
    console = out()
    targets: list[tuple[str, Path, type[Any] | None]] = []
    if name is not None and Path(name).is_file():
        info = TEMPLATES.get(Path(name).name)
        targets.append((name, Path(name), info.data_type if info else None))
    else:
        for info in TEMPLATES.values():
            if name is None or info.name == name:
                path, _ = find_template(info.name, root)
                targets.append((info.name, path, info.data_type))
        if not targets:
            raise typer.BadParameter(f"no template called {name}")
    errors = 0
    for label, path, data in targets:
        findings = check_template(path, data)
        if not findings:
            console.print(f"{label}: no problems ({path})")
        for f in findings:
            errors += f.severity == "error"
            console.print(f"{label}: {f.severity}: {f.message}")
    return 1 if errors else 0


templates_app.command("list")(list_command)
templates_app.command("export")(export_command)
templates_app.command("check")(check_command)
