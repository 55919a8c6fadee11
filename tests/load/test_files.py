"""Each file of the folder is declared once, on its `Project` field, and what it holds once,
on its model (`Records`); the file list, the names in messages, the hint for a file that is
not a mapping, the duplicate-id check and the scaffold all come from those declarations."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from string import Template
from typing import Annotated

import pytest
from pydantic import BaseModel, Field

from psptool.check import validate
from psptool.load.project import _top_hint
from psptool.load.schema import _SINGULAR, validate_file
from psptool.load.yamlfile import parse_yaml
from psptool.model import (
    FILES,
    FILES_BY_NAME,
    RECORD_KINDS,
    BenefitsFile,
    BudgetFile,
    FileSpec,
    GoalsFile,
    MilestonesFile,
    OptionsFile,
    PartnersFile,
    Partnership,
    Project,
    RisksFile,
    StakeholdersFile,
    SustainabilityFile,
    folder_models,
)
from psptool.model.project import _declared_files, _shape
from tests.helpers import AS_OF, MINIMAL, build_tree

# The ten files as they were listed by hand before they were declared on `Project`.
TEN = [
    ("psp.yaml", "psp", Partnership, True, "the partnership"),
    ("partners.yaml", "partners", PartnersFile, True, "partners and their people"),
    ("goals.yaml", "goals", GoalsFile, False, "SMART goals"),
    ("risks.yaml", "risks", RisksFile, False, "the RAID log"),
    ("milestones.yaml", "milestones", MilestonesFile, False, "the plan"),
    ("benefits.yaml", "benefits", BenefitsFile, False, "benefits and KPIs"),
    (
        "stakeholders.yaml",
        "stakeholders",
        StakeholdersFile,
        False,
        "stakeholder map and communications plan",
    ),
    ("options.yaml", "options", OptionsFile, False, "options appraisal"),
    ("budget.yaml", "budget", BudgetFile, False, "budget"),
    ("sustainability.yaml", "sustainability", SustainabilityFile, False, "sustainability plan"),
]


@pytest.mark.parametrize(("name", "attribute", "model", "required", "what"), TEN)
def test_each_file_comes_from_its_project_field(
    name: str, attribute: str, model: type[BaseModel], required: bool, what: str
) -> None:
    spec = FILES_BY_NAME[name]
    assert (spec.attribute, spec.model, spec.required, spec.what) == (
        attribute,
        model,
        required,
        what,
    )
    assert Project.model_fields[attribute].annotation is model


def test_the_files_follow_the_order_of_projects_fields() -> None:
    assert [spec.attribute for spec in FILES] == list(Project.model_fields)
    assert [spec.name for spec in FILES][: len(TEN)] == [row[0] for row in TEN]


def test_a_project_field_that_is_not_a_file_is_refused() -> None:
    class Folder(BaseModel):
        risks: Annotated[RisksFile, FileSpec("risks.yaml", "the RAID log")] = Field(
            default_factory=RisksFile
        )
        notes: str = ""

    with pytest.raises(TypeError, match=r"Folder\.notes is not declared as a file"):
        _declared_files(Folder)


def test_names_in_messages_come_from_the_declared_record_kinds() -> None:
    # the names the loader used when they were listed by hand, every one still there
    by_hand = {
        "partners": "partner",
        "people": "person",
        "goals": "goal",
        "risks": "risk",
        "milestones": "milestone",
        "benefits": "benefit",
        "stakeholders": "stakeholder",
        "communications": "communication",
        "criteria": "criterion",
        "options": "option",
        "candidates": "candidate",
        "funders": "funder",
        "groups": "governance group",
    }
    assert by_hand.items() <= _SINGULAR.items()


def test_a_key_names_one_kind_of_record_wherever_it_is() -> None:
    # messages name a record by its list's key alone ("criterion change"), so a key used for
    # two lists must mean the same kind in both
    kinds: dict[str, set[str]] = {}
    for kind in RECORD_KINDS:
        kinds.setdefault(kind.key, set()).add(kind.kind)
    assert {key: names for key, names in kinds.items() if len(names) > 1} == {}


def test_every_list_of_records_with_ids_is_declared() -> None:
    """A list of records that have an id is a record kind: declared, so its ids are checked
    for duplicates and its records named in messages; and a declared list holds ids."""
    declared = {(kind.file, kind.steps) for kind in RECORD_KINDS}
    undeclared = []
    for spec in FILES:
        for steps, item in _lists(spec.model, ()):
            has_id = "id" in item.model_fields
            if has_id != ((spec.name, steps) in declared):
                undeclared.append((spec.name, steps, item.__name__, has_id))
    assert undeclared == []


def _lists(
    model: type[BaseModel], steps: tuple[tuple[str, bool], ...]
) -> list[tuple[tuple[tuple[str, bool], ...], type[BaseModel]]]:
    found = []
    for name, info in model.model_fields.items():
        is_list, inner = _shape(info.annotation)
        if inner is None:
            continue
        here = (*steps, (name, is_list))
        if is_list:
            found.append((here, inner))
        found.extend(_lists(inner, here))
    return found


def test_namespaces_are_as_declared() -> None:
    partners = FILES_BY_NAME["partners.yaml"]
    assert partners.namespaces == {
        "owner": "partner or person",
        "partners.selection.criteria": "criterion",
        "partners.selection.candidates": "candidate",
    }
    assert [kind.where for kind in partners.records] == [
        "partners.partners",
        "partners.partners[].people",
        "partners.selection.criteria",
        "partners.selection.candidates",
    ]
    assert FILES_BY_NAME["options.yaml"].namespaces == {
        "options.criteria": "criterion",
        "options.options": "option",
    }
    assert FILES_BY_NAME["psp.yaml"].namespaces == {"psp.governance.groups": "governance group"}
    assert FILES_BY_NAME["budget.yaml"].namespaces == {}


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("psp.yaml", "start the file with keys such as 'name:'"),
        ("partners.yaml", "start the file with 'partners:' and indent the list under it"),
        ("goals.yaml", "start the file with 'goals:' and indent the list under it"),
        ("risks.yaml", "start the file with 'risks:' and indent the list under it"),
        ("milestones.yaml", "start the file with 'milestones:' and indent the list under it"),
        ("benefits.yaml", "start the file with 'benefits:' and indent the list under it"),
        ("stakeholders.yaml", "see stakeholders.yaml"),
        ("options.yaml", "see options.yaml"),
        ("budget.yaml", "start the file with 'budget:' and indent the list under it"),
        ("sustainability.yaml", "see sustainability.yaml"),
    ],
)
def test_the_hint_for_a_file_that_is_not_a_mapping(name: str, hint: str) -> None:
    assert _top_hint(FILES_BY_NAME[name]) == hint


def test_records_are_walked_in_the_order_the_file_holds_them() -> None:
    partners = PartnersFile.model_validate(
        {
            "partners": [
                {
                    "id": "council",
                    "name": "C",
                    "sector": "public",
                    "people": [{"id": "a", "name": "A"}],
                },
                {"id": "charity", "name": "D", "sector": "third"},
            ],
            "selection": {"criteria": [{"id": "change", "name": "Change", "weight": 1}]},
        }
    )
    walked = [
        (kind.kind, path, record.id)
        for kind, path, record in FILES_BY_NAME["partners.yaml"].records_in(partners)
    ]
    assert walked == [
        ("partner", ("partners", 0), "council"),
        ("person", ("partners", 0, "people", 0), "a"),
        ("partner", ("partners", 1), "charity"),
        ("criterion", ("selection", "criteria", 0), "change"),
    ]


def test_a_person_and_a_later_partner_with_one_id_are_one_duplicate(tmp_path: Path) -> None:
    partners = """\
partners:
  - id: council
    name: Council
    sector: public
    people:
      - {id: charity, name: A. Person}
  - id: charity
    name: Charity
    sector: third
selection:
  criteria:
    - {id: cost, name: Cost, weight: 1}
"""
    options = "criteria:\n  - {id: cost, name: Cost, weight: 1}\n"
    root = build_tree(tmp_path, {**MINIMAL, "partners.yaml": partners, "options.yaml": options})
    found = [
        (d.file, d.line, d.column, d.message)
        for d in validate(root, AS_OF, find=False).diagnostics
        if d.code == "PSP201"
    ]
    # the criterion 'cost' of the options appraisal is not the partner selection's
    assert found == [
        (
            "partners.yaml",
            7,
            9,
            "partner or person id 'charity' is used twice (first at line 6)",
        )
    ]


def test_every_model_of_the_folder_is_found_once() -> None:
    models = folder_models()
    assert len(models) == len(set(models))
    names = {model.__name__ for model in models}
    assert {"Partnership", "Person", "Candidate", "RiskAction", "Measurement", "Funder"} <= names
    assert names >= {spec.model.__name__ for spec in FILES}


@pytest.mark.parametrize("spec", FILES, ids=lambda spec: spec.name)
def test_every_file_has_a_skeleton_that_validates(spec: FileSpec) -> None:
    skeleton = resources.files("psptool.load") / "skeleton" / spec.name
    assert skeleton.is_file(), f"load/skeleton/{spec.name} is missing"
    text = Template(skeleton.read_text(encoding="utf-8")).substitute(
        name='"Skeleton PSP"', id="skeleton-psp"
    )
    parsed = parse_yaml(text, spec.name)
    assert parsed.diagnostics == []
    model, removed, found = validate_file(
        spec.model, parsed.data or {}, spec.name, parsed.positions
    )
    assert found == []
    assert model is not None and not removed.items
