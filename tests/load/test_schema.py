"""Validation against the models leaves the parsed data as written, and says what it left out."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

from psptool.check import CheckContext
from psptool.load import load_project
from psptool.load.schema import validate_file
from psptool.model import PartnersFile, Partnership
from tests.helpers import PARTNERS, PSP, check, make_project

A_MAPPING = {"partners": {"id": "council", "name": "Council", "sector": "public"}}


def test_a_value_left_out_whole_stays_in_the_callers_data() -> None:
    # `partners:` is a mapping, not a list: the key is left out of the model, and nothing
    # else is dropped in the same pass
    data = copy.deepcopy(A_MAPPING)
    model, removed, found = validate_file(PartnersFile, data, "partners.yaml", {})
    assert data == A_MAPPING
    assert isinstance(model, PartnersFile) and model.partners == []
    assert [(d.code, d.message) for d in found] == [
        ("PSP103", "partners must be a list, got a mapping")
    ]
    assert removed.items == {} and not removed.whole


def test_records_and_keys_left_out_together_stay_in_the_callers_data() -> None:
    written = {
        "partners": [
            {"id": "council", "name": "Council", "sector": "pubic"},
            {
                "id": "charity",
                "name": "Charity",
                "sector": "third",
                "people": [{"id": "p1", "name": "A"}, {"id": "p2", "name": "B", "x": 1}],
            },
        ],
        "typo": 1,
    }
    data = copy.deepcopy(written)
    model, removed, found = validate_file(PartnersFile, data, "partners.yaml", {})
    assert data == written
    assert isinstance(model, PartnersFile)
    assert [p.id for p in model.partners] == ["charity"]
    assert [person.id for person in model.partners[0].people] == ["p1"]
    # the person's path is in the file's coordinates: the charity is item 1 as written
    assert removed.items == {("partners",): [0], ("partners", 1, "people"): [1]}
    assert sorted(d.code for d in found) == ["PSP101", "PSP101", "PSP105"]


def test_a_model_that_cannot_be_built_is_left_out_whole() -> None:
    data = {"id": "t", "stage": "design", "approvals": []}
    model, removed, found = validate_file(Partnership, data, "psp.yaml", {})
    assert model is None and removed.whole
    assert [d.code for d in found] == ["PSP102"]
    assert data == {"id": "t", "stage": "design", "approvals": []}


def test_the_source_holds_the_file_as_written(tmp_path: Path) -> None:
    partners = "partners:\n  id: council\n  name: Council\n  sector: public\n"
    root = make_project(tmp_path, partners_yaml=partners)
    result = load_project(root, find=False)
    assert result.sources["partners.yaml"].data == A_MAPPING
    assert result.project.partners.partners == []


def _context(root: Path) -> CheckContext:
    return CheckContext(load_project(root, find=False), date(2026, 6, 30))


def test_left_out(tmp_path: Path) -> None:
    # a list as written, with nothing left out
    ctx = _context(make_project(tmp_path / "a"))
    assert not ctx.left_out("partners.yaml", "partners")
    assert not ctx.left_out("goals.yaml", "goals")  # an absent file is an empty one
    # the whole value, for not being a list
    mapping = "partners:\n  id: council\n  name: Council\n  sector: public\n"
    assert _context(make_project(tmp_path / "b", partners_yaml=mapping)).left_out(
        "partners.yaml", "partners"
    )
    # a record of the list, but not a record inside one of its records
    ctx = _context(
        make_project(
            tmp_path / "c",
            partners_yaml=PARTNERS.replace("sector: third", "sector: thrid"),
            psp_yaml=PSP + "approvals:\n  - {document: mou, partner: council, date: 2026-02-30}\n",
        )
    )
    assert ctx.left_out("partners.yaml", "partners")
    assert ctx.left_out("psp.yaml", "approvals")  # the approval goes with its date
    person = PARTNERS.replace("B. Manager}", "B. Manager, director_level: maybe}")
    ctx = _context(make_project(tmp_path / "c2", partners_yaml=person))
    assert ctx.result.sources["partners.yaml"].removed.items == {("partners", 0, "people"): [1]}
    assert not ctx.left_out("partners.yaml", "partners")
    # psp.yaml without its required name: nothing of it is in the model
    ctx = _context(make_project(tmp_path / "d", psp_yaml=PSP.replace("name: Test PSP\n", "")))
    assert ctx.left_out("psp.yaml", "approvals")
    # a file that cannot be read at all
    ctx = _context(make_project(tmp_path / "e", goals_yaml="goals: [\n"))
    assert ctx.left_out("goals.yaml", "goals")


def test_a_finding_after_records_left_out_at_two_depths_points_at_its_line(
    tmp_path: Path,
) -> None:
    # in one pass the council (line 2) and the charity's person p2 (line 11) are left out;
    # p3, an MoU signatory not at Director level, is the model's partner 0, person 1, and
    # its finding must point at line 12, not at p2's line
    partners = """\
partners:
  - id: council
    name: Council
    sector: pubic
    lead: true
  - id: charity
    name: Charity
    sector: third
    people:
      - {id: p1, name: A}
      - {id: p2, name: B, director_level: maybe}
      - {id: p3, name: C, signatory: true}
"""
    root = make_project(tmp_path, partners_yaml=partners)
    found = [(d.code, d.line) for d in check(root).diagnostics]
    assert found == [("PSP105", 4), ("PSP103", 11), ("PSP411", 12)]


def test_a_record_inside_a_record_left_out_goes_with_it() -> None:
    data = {
        "partners": [
            {"id": "council", "name": "Council", "sector": "pubic", "people": [{"id": "p1"}]},
            {"id": "charity", "name": "Charity", "sector": "third"},
        ]
    }
    model, removed, _ = validate_file(PartnersFile, data, "partners.yaml", {})
    assert isinstance(model, PartnersFile) and [p.id for p in model.partners] == ["charity"]
    assert removed.items == {("partners",): [0]}
