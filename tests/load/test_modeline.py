"""Every file `psp init` writes, from the skeleton or a worked example, names its JSON Schema
in its first line, so an editor checks it from the start (docs/format.md, "Editor support")."""

from __future__ import annotations

from pathlib import Path

import pytest

from psptool.load.scaffold import examples_dir, init_project, list_examples
from psptool.model import FILES
from psptool.model.jsonschema import schema_file_name


def modeline(name: str) -> str:
    spec = next(spec for spec in FILES if spec.name == name)
    return f"# yaml-language-server: $schema=schema/{schema_file_name(spec)}"


def test_there_is_an_example() -> None:
    assert "falkirk-foster-care" in list_examples()


@pytest.mark.parametrize("example", list_examples())
def test_every_example_file_names_its_schema(example: str) -> None:
    files = sorted(path.name for path in (examples_dir() / example).glob("*.yaml"))
    assert files, example
    for name in files:
        first = (examples_dir() / example / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(name), f"{example}/{name}"


@pytest.mark.parametrize("example", [None, *list_examples()])
def test_psp_init_writes_the_modeline_and_the_schema_it_names(
    tmp_path: Path, example: str | None
) -> None:
    result = init_project(tmp_path / "psp", "Test PSP", example=example)
    written = [spec.name for spec in FILES if spec.name in result.created]
    # the skeleton has every file; an example, the files it has
    source = examples_dir() / example if example else None
    assert written == [spec.name for spec in FILES if not source or (source / spec.name).is_file()]
    assert {"psp.yaml", "partners.yaml"} <= set(written)
    for name in written:
        first = (result.root / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(name), name
        schema = first.split("$schema=", 1)[1]
        assert (result.root / schema).is_file(), schema
