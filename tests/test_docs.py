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
