"""The papers psp writes, each declared once, in its own module of this package.

A paper's module builds the data it prints, as frozen dataclasses a Word template reads
attribute by attribute (`{{ partnership.name }}`), and declares the paper with `Paper(...)`:
its name, whether it is a Word or an Excel file, its title and help, the function that builds
its data from a checked folder, and its template or workbook writer. Everything else comes
from the declarations in `PAPERS`: the `psp render` commands and their help, `psp templates
list|export|check`, `render_paper`, the default output names, the table of papers in
docs/cli.md and the fuzzer's list.

Adding a paper is a module here, its template (built by scripts/build_templates/) or its
workbook writer (render/NAME_workbook.py), and its test; nothing else lists papers.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from ...vocabulary import STAGES, Stage

if TYPE_CHECKING:
    from ...load import LoadResult
    from ...model import Project

Kind = Literal["docx", "xlsx"]
"""A paper is a Word document, rendered from a template, or an Excel workbook, written by code."""
D = TypeVar("D")


@dataclass(frozen=True)
class CheckedFolder:
    """What a paper is built from: a folder `psp validate` found no errors in."""

    root: Path
    result: LoadResult

    @property
    def project(self) -> Project:
        return self.result.project


@dataclass(frozen=True)
class Option:
    """An option a paper's `psp render` command takes beyond the common ones: `--meeting ID`.
    Its value goes to the paper's build function as the keyword argument `name`."""

    name: str
    help: str
    metavar: str = "ID"

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True)
class Command:
    """A `psp render` command that several papers share, each chosen by its own flag:
    `psp render business-case --outline|--full`."""

    name: str
    help: str

    @property
    def what(self) -> str:
        """How a sentence names the papers it chooses between: "business case"."""
        return self.name.replace("-", " ")


@dataclass(frozen=True)
class Paper(Generic[D]):
    """A paper, as its module declares it."""

    name: str
    """What `render_paper` calls it, and its default file name: `mou`, `business-case-full`."""
    kind: Kind
    title: str
    """What a person calls it: "Memorandum of Understanding", "RAID log"."""
    help: str
    """The help of its `psp render` command; of its flag, where it shares a command."""
    stage: Stage
    """The stage of the PSP How to Guide's lifecycle that asks for it; `psp render` lists
    papers in this order."""
    build: Callable[..., D]
    """`build(folder: CheckedFolder, as_of: date, **options) -> data`, the data a frozen
    dataclass whose fields are the names a Word template receives."""
    template: str | None = None
    """Word papers: the default template's file name in templates/."""
    workbook: str | None = None
    """Excel papers: the module of `psptool.render` whose `write(data)` makes the workbook."""
    options: tuple[Option, ...] = ()
    command: Command | None = None
    """The command it shares with other papers, or None for a command of its own, named after
    the paper."""
    flag: str | None = None
    """The flag that chooses it among the papers of its shared `command`."""
    gaps: tuple[str, ...] = ()
    """The `psp validate` codes whose findings are gaps this paper shows (its readiness
    warnings, PSP5xx, and any other finding it prints as a gap): `psp render` counts them."""

    def __post_init__(self) -> None:
        if (self.kind == "docx") != (self.template is not None):
            raise ValueError(
                f"paper {self.name}: a Word paper, and only a Word paper, has a template"
            )
        if (self.kind == "xlsx") != (self.workbook is not None):
            raise ValueError(f"paper {self.name}: an Excel paper, and only one, has a workbook")
        if (self.command is None) != (self.flag is None):
            raise ValueError(f"paper {self.name}: a shared command needs a flag, and only it")

    @property
    def suffix(self) -> str:
        return "." + self.kind

    @property
    def command_name(self) -> str:
        """Its `psp render` command: `mou`, `business-case`."""
        return self.command.name if self.command is not None else self.name

    def option_values(self, project: Any) -> Iterator[dict[str, str]]:
        """The options to try this paper with, best first: none for a paper without options;
        else the ids of the project's list named after its option (`meeting` → the meetings),
        from the last back, so the latest meeting the paper can be written for is chosen
        (`make papers` and the papers' read-back tests)."""
        if not self.options:
            yield {}
            return
        (option,) = self.options
        records = getattr(project, f"{option.name}s", None)
        listed = getattr(records, f"{option.name}s", records)  # a file that holds its list
        for record in reversed(list(listed or ())):
            if getattr(record, "id", None):
                yield {option.name: record.id}

    @property
    def invocation(self) -> str:
        """How a person asks for it: `psp render business-case --outline`."""
        flag = f" {self.flag}" if self.flag else ""
        options = "".join(f" {o.flag} {o.metavar}" for o in self.options)
        return f"psp render {self.command_name}{flag}{options}"

    @cached_property
    def data_type(self) -> type[Any]:
        """The dataclass `build` returns (from its annotation)."""
        returned = typing.get_type_hints(self.build)["return"]
        if not (isinstance(returned, type) and dataclasses.is_dataclass(returned)):
            raise TypeError(f"paper {self.name}: build must return a dataclass, not {returned}")
        return returned

    @property
    def data_names(self) -> tuple[str, ...]:
        """The top-level names its template receives: the fields of its data."""
        return tuple(f.name for f in dataclasses.fields(self.data_type))

    def default_output(
        self, root: Path, as_of: date, options: Mapping[str, str] | None = None
    ) -> Path:
        """`out/NAME-DATE.EXT` in the folder, one file per paper and date so an earlier version
        is kept beside a later one; an option's value joins the name (`agenda-GG-3-DATE`)."""
        given = options or {}
        parts = [self.name, *(given[o.name] for o in self.options if o.name in given)]
        return root / "out" / f"{'-'.join(parts)}-{as_of.isoformat()}{self.suffix}"


def data_of(data: Any) -> dict[str, Any]:
    """A paper's data as the names a template receives: its fields, not copied."""
    return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}


def _discover() -> dict[str, Paper[Any]]:
    """Every `Paper` declared in a module of this package, in the lifecycle's order."""
    found: list[Paper[Any]] = []
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("_"):
            continue
        namespace = vars(importlib.import_module(f"{__name__}.{module.name}"))
        found += [v for v in namespace.values() if isinstance(v, Paper) and v not in found]
    papers: dict[str, Paper[Any]] = {}
    for paper in found:
        if paper.name in papers:
            raise ValueError(f"two papers are called {paper.name}")
        papers[paper.name] = paper
    first: dict[str, int] = {}
    for paper in sorted(found, key=lambda p: (STAGES.index(p.stage), p.command_name)):
        first.setdefault(paper.command_name, len(first))
    return {p.name: p for p in sorted(found, key=lambda p: (first[p.command_name], found.index(p)))}


class _Registry(Mapping[str, Paper[Any]]):
    """The papers by name, found the first time they are asked for, so importing this
    package (and `psp validate`) does not import every paper."""

    def __init__(self) -> None:
        self._papers: dict[str, Paper[Any]] | None = None

    @property
    def _found(self) -> dict[str, Paper[Any]]:
        if self._papers is None:
            self._papers = _discover()
        return self._papers

    def __getitem__(self, name: str) -> Paper[Any]:
        return self._found[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def __repr__(self) -> str:
        return f"PAPERS({', '.join(self._found)})"


PAPERS: Mapping[str, Paper[Any]] = _Registry()
"""Every paper psp writes, by name, in the order `psp render` lists them."""


def commands() -> dict[str, list[Paper[Any]]]:
    """The `psp render` commands, each with the papers it writes (one, or several chosen by
    flag), in the order `psp render --help` lists them."""
    found: dict[str, list[Paper[Any]]] = {}
    for paper in PAPERS.values():
        found.setdefault(paper.command_name, []).append(paper)
    return found


__all__ = ["PAPERS", "CheckedFolder", "Command", "Kind", "Option", "Paper", "commands", "data_of"]
