"""Run `psp` on a hostile input in a process of its own, bounded in memory and time, and
check what every hostile case must hold: the exit code, a clear message, no traceback, and
a folder left byte for byte as it was."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 768 * 2**20
"""The address space a case may use: psp with its libraries loaded takes about 150 MB, so
a case that reads a bomb whole runs out well before the machine does."""
TIME_LIMIT = 60
"""Seconds before a case counts as hung (each takes a second or two)."""


def _bounded(limit: int) -> Callable[[], None]:
    def bound() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return bound


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file under `root` by path: its bytes, or where a link points, or its kind."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_file():
            found[name] = path.read_bytes()
        elif not path.is_dir():
            found[name] = "special"
    return found


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_psp(
    args: Sequence[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    memory: int = MEMORY_LIMIT,
) -> Outcome:
    """`python -m psptool ARGS` in `cwd`, within `memory` bytes and TIME_LIMIT seconds."""
    environment = {**os.environ, "COLUMNS": "200", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "psptool", *args],
        cwd=cwd,
        capture_output=True,
        timeout=TIME_LIMIT,
        preexec_fn=_bounded(memory),
        env=environment,
        check=False,
    )
    return Outcome(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def assert_refused(
    args: Sequence[str],
    folder: Path,
    *,
    code: int,
    message: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Outcome:
    """Run the case and check it ends with `code`, says `message`, shows no traceback nor
    crash report, runs within the memory limit, and leaves `folder` as it was."""
    before = snapshot(folder)
    outcome = run_psp(args, cwd or folder, env)
    assert "Traceback" not in outcome.output, outcome.output[-3000:]
    assert "unexpected error" not in outcome.output, outcome.output[-3000:]
    assert "MemoryError" not in outcome.output, outcome.output[-3000:]
    assert message in outcome.output, outcome.output[-3000:]
    assert outcome.code == code, outcome.output[-3000:]
    assert snapshot(folder) == before
    return outcome
