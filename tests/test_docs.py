"""The docs agree with the code: every diagnostic code and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from psptool.cli import COMMANDS, app, load_command
from psptool.diagnostics import CODES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_diagnostics_table_matches_the_code() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    rows = {
        m.group(1): (m.group(2), m.group(3))
        for m in re.finditer(r"^\| (PSP\d{3}) \| (\w+) \| (.+?) \|$", text, re.MULTILINE)
    }
    assert rows == {code: (c.severity, c.title) for code, c in CODES.items()}


def _commands() -> list[str]:
    import typer

    names: list[str] = []
    for name in COMMANDS:
        command = load_command(name)
        if isinstance(command, typer.core.TyperGroup):
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return sorted(names)


def test_every_command_has_help_and_is_in_cli_md() -> None:
    cli_md = (DOCS / "cli.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name in _commands():
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output
        assert f"## psp {name}" in cli_md, f"psp {name} is not documented in docs/cli.md"


def test_readme_opens_with_the_two_commands() -> None:
    head = "\n".join((DOCS.parent / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make demo" in head and "make test" in head


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _key_tables(section: str) -> dict[str, dict[str, str]]:
    """The key tables of docs/cli.md's "JSON output", by what they describe: a command
    (`psp validate --format json`) or a score's result (`result of psp score risks`)."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in section.splitlines():
        heading = re.match(r"^### `(psp [^`]+)`$", line)
        result = re.match(r"^`result` of `psp score (\w+)`", line)
        if heading:
            current = heading.group(1)
        elif result:
            current = f"result of psp score {result.group(1)}"
        row = re.match(r"^\| `(\w+)` \| (.*) \|$", line)
        if row and current:
            tables.setdefault(current, {})[row.group(1)] = row.group(2)
    return tables


def _json_of(*args: str) -> dict:
    import json

    return json.loads(CliRunner().invoke(app, list(args)).output)


def _documents() -> dict[str, dict]:
    example = str(DOCS.parent / "examples" / "falkirk-foster-care")
    ex = [example, "--as-of", "2011-06-30", "--format", "json"]
    documents = {
        # as at today, so that there are findings to describe
        "psp validate --format json": _json_of("validate", example, "--format", "json"),
        "psp report gate --format json": _json_of("report", "gate", *ex),
    }
    kinds = ["risks", "options", "partners", "goals", "benefits", "stakeholders", "plan"]
    for kind in [*kinds, "economics"]:
        data = _json_of("score", kind, *ex)
        documents["psp score KIND --format json"] = {**data, "result": None}  # tables below
        documents[f"result of psp score {kind}"] = data["result"]
    return documents


def test_every_json_shape_is_documented() -> None:
    tables = _key_tables(_section((DOCS / "cli.md").read_text(encoding="utf-8"), "## JSON output"))
    documents = _documents()
    assert sorted(tables) == sorted(documents)
    for name, document in documents.items():
        documented = tables[name]
        assert list(documented) == list(document), f"{name}: the keys in docs/cli.md"
        for key, value in document.items():
            nested = value[0] if isinstance(value, list) and value else value
            if isinstance(nested, dict):
                missing = [k for k in nested if f"`{k}`" not in documented[key]]
                assert missing == [], f"{name}: {key} does not name {missing} in docs/cli.md"
