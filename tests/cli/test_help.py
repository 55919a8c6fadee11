"""Every command, option and argument has `--help` text (sqlite-utils fails its suite when a
command is undocumented; so does this). The commands come from `psptool.cli.COMMANDS`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer

from psptool.cli import COMMANDS, load_command
from tests.helpers import PspRunner


def walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """`command` and, for a group, every command under it, each with its words."""
    yield path, command
    if hasattr(command, "list_commands"):
        context = typer.Context(command)
        for name in command.list_commands(context):
            yield from walk(command.get_command(context, name), (*path, name))


EVERY_COMMAND = [found for name in COMMANDS for found in walk(load_command(name), (name,))]
NAMES = [" ".join(path) for path, _ in EVERY_COMMAND]


def test_every_command_is_walked() -> None:
    assert len(EVERY_COMMAND) > len(COMMANDS)  # the groups' commands too
    assert {"risk add", "risk update", "goal add", "sign mou", "templates export"} <= set(NAMES)


@pytest.mark.parametrize(("path", "command"), EVERY_COMMAND, ids=NAMES)
def test_every_option_and_argument_has_help(path: tuple[str, ...], command: Any) -> None:
    assert (command.help or "").strip(), f"psp {' '.join(path)} has no help text"
    without = [
        "/".join(param.opts) or param.name
        for param in command.params
        if not (getattr(param, "help", None) or "").strip()
    ]
    assert without == [], f"psp {' '.join(path)}: no help for {', '.join(without)}"


@pytest.mark.parametrize("path", [path for path, _ in EVERY_COMMAND], ids=NAMES)
def test_help_prints(path: tuple[str, ...], runner: PspRunner) -> None:
    result = runner.invoke([*path, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: psp {' '.join(path)}" in result.output
