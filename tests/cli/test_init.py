"""`psp init` writes a folder that validates, and never overwrites what is there."""

from __future__ import annotations

import json
from pathlib import Path

from psptool.load.scaffold import slug
from psptool.model import FILES
from tests.helpers import PspRunner, check


def test_init_writes_ten_files_that_validate_without_errors(
    tmp_path: Path, runner: PspRunner
) -> None:
    target = tmp_path / "new-psp"
    result = runner.invoke(["init", str(target), "--name", "Fife Carers: Respite PSP"])
    assert result.exit_code == 0, result.output
    for spec in FILES:
        text = (target / spec.name).read_text()
        schema_line = f"# yaml-language-server: $schema=schema/{spec.name[:-5]}.schema.json"
        assert text.splitlines()[0] == schema_line
        assert (target / "schema" / f"{spec.name[:-5]}.schema.json").is_file()
    validation = check(target)
    assert validation.errors == []
    assert validation.result.project.psp.name == "Fife Carers: Respite PSP"
    assert validation.result.project.psp.id == "fife-carers-respite-psp"
    # a new partnership has no partners yet: good practice says so, as warnings
    assert {d.code for d in validation.warnings} == {"PSP407", "PSP408", "PSP409", "PSP410"}


def test_init_name_defaults_to_the_folder(tmp_path: Path, runner: PspRunner) -> None:
    runner.invoke(["init", str(tmp_path / "west-lothian-employability")])
    text = (tmp_path / "west-lothian-employability" / "psp.yaml").read_text()
    assert 'name: "West Lothian Employability"' in text
    assert "id: west-lothian-employability" in text


def test_init_refuses_a_non_empty_folder(tmp_path: Path, runner: PspRunner) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = runner.invoke(["init", str(tmp_path)])
    assert result.exit_code == 2
    assert not (tmp_path / "psp.yaml").exists()


def test_init_force_adds_only_missing_files(tmp_path: Path, runner: PspRunner) -> None:
    (tmp_path / "risks.yaml").write_text("risks: []  # my own\n")
    result = runner.invoke(["init", str(tmp_path), "--force"])
    assert result.exit_code == 0
    assert (tmp_path / "risks.yaml").read_text() == "risks: []  # my own\n"
    assert "kept    " in result.output and "risks.yaml (already there)" in result.output
    assert (tmp_path / "goals.yaml").exists()


def test_init_example_copies_the_worked_example(tmp_path: Path, runner: PspRunner) -> None:
    result = runner.invoke(["init", str(tmp_path / "ex"), "--example", "falkirk-foster-care"])
    assert result.exit_code == 0, result.output
    from datetime import date

    # the example is clean as at its snapshot date
    found = check(tmp_path / "ex", date(2011, 6, 30)).diagnostics
    assert [d.code for d in found] == []


def test_init_unknown_example(tmp_path: Path, runner: PspRunner) -> None:
    result = runner.invoke(["init", str(tmp_path / "ex"), "--example", "nope"])
    assert result.exit_code == 2


def test_slug() -> None:
    assert slug("Falkirk Foster Care PSP") == "falkirk-foster-care-psp"
    assert slug("2026 pilot") == "psp-2026-pilot"
    assert slug("!!!") == "psp"


def test_schema_command_prints_and_writes(tmp_path: Path, runner: PspRunner) -> None:
    printed = json.loads(runner.invoke(["schema"]).output)
    assert set(printed) == {spec.name.replace(".yaml", ".schema.json") for spec in FILES}
    risk = printed["risks.schema.json"]["$defs"]["Risk"]
    assert risk["additionalProperties"] is False
    assert risk["properties"]["likelihood"]["maximum"] == 5
    assert set(risk["required"]) == {"id", "type", "title", "likelihood", "impact"}
    out = tmp_path / "schema"
    assert runner.invoke(["schema", "--out", str(out)]).exit_code == 0
    assert json.loads((out / "psp.schema.json").read_text())["required"] == ["name", "id", "stage"]
    # writing again without --force refuses, and changes nothing
    assert runner.invoke(["schema", "--out", str(out)]).exit_code == 2
    assert runner.invoke(["schema", "--out", str(out), "--force"]).exit_code == 0
