"""The whole partnership: one model per file of the folder, gathered in a `Project`.

Each file is declared once, on its field of `Project`:

    risks: Annotated[RisksFile, FileSpec("risks.yaml", "the RAID log")]

and what it holds is declared on its model: which lists hold records with ids, what one is
called and which ids it must not share (`Records`). Everything that lists the files or their
records comes from these declarations: `FILES`, the loader, `psp init`'s skeletons, the JSON
Schemas, the names in messages ("risk R4: ..."), the hint for a file that is not a mapping
and the duplicate-id check. A new file is its model module, its field here and its skeleton
in load/skeleton/.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from .benefit import BenefitsFile
from .budget import BudgetFile
from .common import Records
from .goal import GoalsFile
from .knowledge import KnowledgeFile
from .meeting import MeetingsFile
from .milestone import MilestonesFile
from .options import OptionsFile
from .partner import PartnersFile, Person
from .partnership import Partnership
from .risk import RisksFile
from .stakeholder import StakeholdersFile
from .sustainability import SustainabilityFile

RecordPath = tuple[str | int, ...]
"""Where a record sits in its file's model: `("partners", 2, "people", 0)`."""


@dataclass(frozen=True)
class RecordKind:
    """One list of records with ids in a file, as its model declares it (`Records`)."""

    file: str
    steps: tuple[tuple[str, bool], ...]
    """The keys from the top of the file to the list, each with whether it is a list:
    `(("partners", True), ("people", True))` for a partner's people."""
    kind: str
    """What one record is called: "person"."""
    namespace: str
    """Ids are unique among the records of every list of the file with this namespace."""

    @property
    def key(self) -> str:
        """The key the list is written under: `people`."""
        return self.steps[-1][0]

    @property
    def where(self) -> str:
        """The list's place in the folder, as docs write it: `partners.partners[].people`."""
        keys = [f"{name}[]" if is_list else name for name, is_list in self.steps[:-1]]
        return ".".join([self.file.removesuffix(".yaml"), *keys, self.key])


@dataclass(frozen=True)
class _Node:
    """A field on the way to records: the records' own list, or a field that holds some."""

    name: str
    is_list: bool
    kind: RecordKind | None
    children: tuple[_Node, ...]


@dataclass(frozen=True)
class FileSpec:
    """One file of the folder, declared on its `Project` field with its name, what it holds
    in words (messages say "every PSP folder needs {what}") and whether a folder must have it.

    `attribute` and `model` are the field's name and type: `FILES` holds them filled in.
    """

    name: str
    what: str
    required: bool = False
    attribute: str = ""
    model: type[BaseModel] = BaseModel

    @property
    def stem(self) -> str:
        return self.name.removesuffix(".yaml")

    @cached_property
    def _tree(self) -> tuple[_Node, ...]:
        return _nodes(self.model, self.name, ())

    @cached_property
    def records(self) -> tuple[RecordKind, ...]:
        """Every list of records with ids in the file, in the order the model declares them."""
        return tuple(_kinds(self._tree))

    @cached_property
    def namespaces(self) -> dict[str, str]:
        """Each id namespace of the file, with the kinds in it as messages name them:
        `{"owner": "partner or person", ...}`."""
        kinds: dict[str, list[str]] = {}
        for record in self.records:
            names = kinds.setdefault(record.namespace, [])
            if record.kind not in names:
                names.append(record.kind)
        return {namespace: " or ".join(names) for namespace, names in kinds.items()}

    @cached_property
    def list_key(self) -> str | None:
        """The key of the one list the file holds, named after it (`risks:` in risks.yaml);
        None where the file holds keys of its own (psp.yaml) or several lists of records
        (options.yaml: criteria and options)."""
        field = self.model.model_fields.get(self.stem)
        if field is None or not _shape(field.annotation)[0]:
            return None
        top = {r.key for r in self.records if len(r.steps) == 1}
        return self.stem if top <= {self.stem} else None

    def records_in(self, model: BaseModel) -> Iterator[tuple[RecordKind, RecordPath, Any]]:
        """Every record with an id in `model` (this file's), with its kind and its path, in
        the order the file holds them (a partner, then its people, then the next partner)."""
        return _walk(model, self._tree, ())


def _shape(annotation: Any) -> tuple[bool, type[BaseModel] | None]:
    """Whether a field's type is a list, and the model inside it (`list[Risk]`: True, Risk;
    `Selection | None`: False, Selection; `dict[Id, Score]`: False, None)."""
    is_list = False
    for _ in range(5):
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = origin in (typing.Union, types.UnionType) and len(args) == 1
        if origin is typing.Annotated or optional:
            annotation = args[0]
        elif origin is list:
            is_list, annotation = True, args[0]
        else:
            break
    model = (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )
    return is_list, model


def _nodes(
    model: type[BaseModel], file: str, steps: tuple[tuple[str, bool], ...]
) -> tuple[_Node, ...]:
    nodes = []
    for name, info in model.model_fields.items():
        is_list, inner = _shape(info.annotation)
        here = (*steps, (name, is_list))
        declared = next((m for m in info.metadata if isinstance(m, Records)), None)
        kind = None
        if declared is not None:
            kind = RecordKind(file, here, declared.kind, "")
            kind = replace(kind, namespace=declared.namespace or kind.where)
        children = _nodes(inner, file, here) if inner is not None and len(here) < 8 else ()
        if kind is not None or children:
            nodes.append(_Node(name, is_list, kind, children))
    return tuple(nodes)


def _kinds(nodes: tuple[_Node, ...]) -> Iterator[RecordKind]:
    for node in nodes:
        if node.kind is not None:
            yield node.kind
        yield from _kinds(node.children)


def _walk(
    model: Any, nodes: tuple[_Node, ...], prefix: RecordPath
) -> Iterator[tuple[RecordKind, RecordPath, Any]]:
    for node in nodes:
        value = getattr(model, node.name, None)
        if value is None:
            continue
        if not node.is_list:
            yield from _walk(value, node.children, (*prefix, node.name))
            continue
        for index, item in enumerate(value):
            path = (*prefix, node.name, index)
            if node.kind is not None:
                yield node.kind, path, item
            if node.children:
                yield from _walk(item, node.children, path)


class Project(BaseModel):
    """Every file of a PSP folder, as validated models. An absent file is an empty one.

    The loader builds it with `model_construct` from models it has validated file by file,
    so no validator for the whole is ever built (`defer_build`)."""

    model_config = ConfigDict(arbitrary_types_allowed=True, defer_build=True)

    psp: Annotated[Partnership, FileSpec("psp.yaml", "the partnership", required=True)]
    partners: Annotated[
        PartnersFile, FileSpec("partners.yaml", "partners and their people", required=True)
    ] = Field(default_factory=PartnersFile)
    goals: Annotated[GoalsFile, FileSpec("goals.yaml", "SMART goals")] = Field(
        default_factory=GoalsFile
    )
    risks: Annotated[RisksFile, FileSpec("risks.yaml", "the RAID log")] = Field(
        default_factory=RisksFile
    )
    milestones: Annotated[MilestonesFile, FileSpec("milestones.yaml", "the plan")] = Field(
        default_factory=MilestonesFile
    )
    benefits: Annotated[BenefitsFile, FileSpec("benefits.yaml", "benefits and KPIs")] = Field(
        default_factory=BenefitsFile
    )
    stakeholders: Annotated[
        StakeholdersFile,
        FileSpec("stakeholders.yaml", "stakeholder map and communications plan"),
    ] = Field(default_factory=StakeholdersFile)
    options: Annotated[OptionsFile, FileSpec("options.yaml", "options appraisal")] = Field(
        default_factory=OptionsFile
    )
    budget: Annotated[BudgetFile, FileSpec("budget.yaml", "budget")] = Field(
        default_factory=BudgetFile
    )
    sustainability: Annotated[
        SustainabilityFile, FileSpec("sustainability.yaml", "sustainability plan")
    ] = Field(default_factory=SustainabilityFile)
    meetings: Annotated[
        MeetingsFile,
        FileSpec("meetings.yaml", "governance and operational meetings"),
    ] = Field(default_factory=MeetingsFile)
    knowledge: Annotated[
        KnowledgeFile,
        FileSpec("knowledge.yaml", "the knowledge transfer plan and lessons learned"),
    ] = Field(default_factory=KnowledgeFile)

    def people(self) -> dict[str, tuple[Person, str]]:
        """Every person by id, with the id of the partner they belong to."""
        return {
            person.id: (person, partner.id)
            for partner in self.partners.partners
            for person in partner.people
        }

    def owner_ids(self) -> set[str]:
        """Ids that may stand as an `owner`: partners and their people share one namespace."""
        ids = {partner.id for partner in self.partners.partners}
        ids.update(self.people())
        return ids


def _declared_files(project: type[BaseModel] = Project) -> tuple[FileSpec, ...]:
    """Each field of `project` as the file it declares, with its name and model filled in."""
    specs = []
    for attribute, info in project.model_fields.items():
        declared = next((m for m in info.metadata if isinstance(m, FileSpec)), None)
        if declared is None or not isinstance(info.annotation, type):
            raise TypeError(
                f"{project.__name__}.{attribute} is not declared as a file: "
                f"annotate it Annotated[Model, FileSpec(name, what)]"
            )
        specs.append(replace(declared, attribute=attribute, model=info.annotation))
    return tuple(specs)


FILES: tuple[FileSpec, ...] = _declared_files()
"""Every file of the folder, in the order of `Project`'s fields."""
FILES_BY_NAME = {spec.name: spec for spec in FILES}
RECORD_KINDS: tuple[RecordKind, ...] = tuple(kind for spec in FILES for kind in spec.records)
"""Every list of records with ids in the folder."""


def folder_models() -> tuple[type[BaseModel], ...]:
    """Every model the folder's files are made of, each once, file by file: for tests and
    tools that must cover every field (the fuzzers, the schema agreement test)."""
    found: dict[type[BaseModel], None] = {}

    def visit(model: type[BaseModel]) -> None:
        if model in found:
            return
        found[model] = None
        for info in model.model_fields.values():
            for inner in _models_inside(info.annotation):
                visit(inner)

    for spec in FILES:
        visit(spec.model)
    return tuple(found)


def _models_inside(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _models_inside(arg)
