"""What `psp --help` and `psp validate` leave undone, so that they start quickly
(docs/performance.md). Speed itself is measured by benchmarks/run.py, never here: these tests
hold what is not built or not imported, which a later change could quietly bring back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from psptool.cli import COMMANDS, command_summary, load_command
from tests.helpers import make_project


def _run(*code: str) -> str:
    # as pre-commit runs psp: piped, with nothing that asks for a terminal's width or colour
    forcing = ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE")
    env = {k: v for k, v in os.environ.items() if k not in forcing}
    done = subprocess.run(
        [sys.executable, "-c", "\n".join(code)], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_psp_help_lists_each_command_as_typer_builds_it(name: str) -> None:
    summary, built = command_summary(name), load_command(name)
    assert (summary.help, summary.short_help, summary.hidden, summary.deprecated) == (
        built.help,
        built.short_help,
        built.hidden,
        built.deprecated,
    )
    for limit in (20, 45, 62, 100):
        assert summary.get_short_help_str(limit) == built.get_short_help_str(limit)


def test_psp_help_builds_no_command() -> None:
    assert (
        _run(
            "from psptool.cli import load_command, main",
            "main(['--help'])",
            "print(load_command.cache_info().currsize)",
        )
        == "0"
    )


def test_validate_imports_no_analysis_and_no_rich_when_its_output_is_not_a_terminal(
    tmp_path: Path,
) -> None:
    # the checks need only the shared predicates and optimism bias's bounds; a report written
    # to a file or a pipe (pre-commit, CI) is plain text
    folder = make_project(tmp_path / "psp")
    assert _run(
        "import sys",
        "from psptool.cli import main",
        f"main(['validate', {str(folder)!r}, '--as-of', '2026-06-30'])",
        "print(sorted(m for m in sys.modules if m.startswith(('psptool.analysis.', 'rich.',"
        " 'psptool.render.'))))",
    ) == str(["psptool.analysis.optimism", "psptool.analysis.practice",
             "psptool.render.diagnostics"])  # fmt: skip
