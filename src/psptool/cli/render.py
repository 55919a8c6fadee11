"""`psp render`: the papers partners sign and governance groups read.

One command per paper, or per set of papers chosen by flag (`business-case --outline|--full`),
made from the paper declarations (`psptool.report.papers`): a paper's help, its own options
and its default output name are declared with it, so adding a paper changes nothing here.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from .lazy import LazyCommands
from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of

if TYPE_CHECKING:
    from ..report.papers import Paper


def commands() -> dict[str, list[Paper[Any]]]:
    """The paper commands, found when `psp render` is run (not for `psp --help`)."""
    from ..report.papers import commands as paper_commands

    return paper_commands()


TemplateOption = Annotated[
    Path | None, typer.Option("--template", help="Use this template file instead.")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
COMMON = ("folder", "output", "template", "force", "as_of", "project")
"""The parameters every render command has (`template` only for Word papers)."""


def render_command(
    paper: str,
    folder: Path | None,
    output: Path | None,
    force: bool,
    as_of: str | None,
    project: Path | None,
    template: Path | None = None,
    options: dict[str, str] | None = None,
) -> None:
    """Check the folder, refuse it with its errors if it has any, write the paper, say where."""
    from ..render.diagnostics import display_path
    from ..render.papers import render_paper
    from .console import out
    from .project import checked_project

    when = as_of_date(as_of)
    _, checked = checked_project(folder_of(folder, project), when)
    target = render_paper(
        paper, checked, when, output, force=force, template=template, options=options
    )
    out().print(f"wrote {display_path(target, '')}")  # as the user would type it
    _note_gaps(paper, checked)


def _note_gaps(paper: str, checked: Any) -> None:
    """Say on stderr how many readiness gaps (`psp validate`'s PSP5xx) the paper shows."""
    from ..render.papers import paper_called
    from ..report.wording import plural
    from .console import err

    spec = paper_called(paper)
    found = [d for d in checked.diagnostics if d.code in spec.gaps]
    if found:
        codes = ", ".join(sorted({d.code for d in found}))
        err().print(
            f"note: the {spec.title} shows {plural(len(found), 'gap')} that psp validate "
            f"warns about ({codes})"
        )


def _parameter(name: str, annotation: Any, default: Any = inspect.Parameter.empty) -> Any:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def _flag_name(paper: Paper[Any]) -> str:
    assert paper.flag is not None
    return paper.flag.lstrip("-").replace("-", "_")


def _parameters(papers: Sequence[Paper[Any]]) -> list[Any]:
    """The command's parameters in the order its help lists them: the folder, the flags that
    choose a paper, the papers' own options, then the output options every paper has."""
    shared = len(papers) > 1
    found = [_parameter("folder", FolderArgument, None)]
    for paper in papers if shared else ():
        flag = typer.Option(paper.flag, help=paper.help)
        found.append(_parameter(_flag_name(paper), Annotated[bool, flag], False))
    names = {p.name for p in found} | set(COMMON)
    for paper in papers:
        for option in paper.options:
            if option.name in names:
                continue  # shared by the papers of the command
            names.add(option.name)
            declared = typer.Option(option.flag, help=option.help, metavar=option.metavar)
            found.append(_parameter(option.name, Annotated[str, declared]))
    where = f"out/{papers[0].name}-DATE{papers[0].suffix} in the folder"
    if shared:  # one stem and the papers' names, so the help does not wrap inside a name
        stems = " or ".join(p.name for p in papers)
        where = f"out/NAME-DATE{papers[0].suffix} in the folder, where NAME is {stems}"
    output = typer.Option("-o", "--output", help=f"Where to write (default: {where}).")
    found.append(_parameter("output", Annotated[Path | None, output], None))
    if any(p.template is not None for p in papers):
        found.append(_parameter("template", TemplateOption, None))
    found += [
        _parameter("force", ForceOption, False),
        _parameter("as_of", AsOfOption, None),
        _parameter("project", ProjectOption, None),
    ]
    return found


def paper_command(name: str, papers: Sequence[Paper[Any]]) -> Callable[..., None]:
    """The `psp render NAME` command for `papers`: one paper, or several each chosen by its
    flag, exactly one of which must be given."""

    def command(**given: Any) -> None:
        from ..errors import UserError

        chosen = [p for p in papers if len(papers) == 1 or given[_flag_name(p)]]
        if len(chosen) != 1:
            flags = " or ".join(str(p.flag) for p in papers)
            what = papers[0].command.what if papers[0].command else name
            raise UserError(f"say which {what}: {flags}")
        (paper,) = chosen
        render_command(
            paper.name,
            given["folder"],
            given["output"],
            given["force"],
            given["as_of"],
            given["project"],
            given.get("template"),
            {o.name: given[o.name] for o in paper.options},
        )

    command.__name__ = f"{name.replace('-', '_')}_command"
    command.__signature__ = inspect.Signature(_parameters(papers))  # type: ignore[attr-defined]
    return command


@functools.cache
def click_command(name: str) -> Any:
    """The click command `psp render NAME`, built on first use."""
    papers = commands()[name]
    single = typer.Typer(rich_markup_mode=None, add_completion=False)
    help_text = papers[0].command.help if papers[0].command else papers[0].help
    single.command(name, help=help_text)(paper_command(name, papers))
    return typer.main.get_command(single)


class RenderGroup(TyperGroup):
    """`psp render`: one command per paper command, each built when looked up, so `psp
    --help` (which shows only this group's own help) finds no papers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(commands, click_command)


render_app = typer.Typer(
    name="render",
    cls=RenderGroup,
    help="Write the partnership's papers: the MoU and more.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
