"""The same refusal ends with the same exit code in every editing command (docs/cli.md,
"Exit codes"):

- 0 when the folder already says what was asked (already closed, already an issue, already
  completed, already signed): nothing is changed, and a message says so;
- 1 when the change would add errors (findings), nothing written;
- 2 when the command cannot run as asked: an unknown id, an id already taken, a change the
  record contradicts (escalating a closed entry), an argument missing.

Each case runs the real command on a copy of tests/fixtures/edit and checks the exit code,
what is printed and that no file changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import PspRunner

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "edit"


def _run(folder: Path, args: list[str]):
    return PspRunner().invoke([*args, "--project", str(folder), "--as-of", "2026-06-30"])


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


ALREADY = [
    (
        ["risk", "close", "R-002"],
        [["risk", "close", "R-002", "--date", "2026-06-01"]],
        "psp: R-002 is already closed (on 2026-06-01); nothing was changed\n",
    ),
    (
        ["risk", "escalate", "R-001"],
        [["risk", "escalate", "R-001"]],
        "psp: R-001 is already an issue; nothing was changed\n",
    ),
    (
        ["milestone", "done", "M1"],
        [],
        "psp: milestone M1 was already completed on 2026-02-20; nothing was changed (to "
        "correct the date, give --date and --force)\n",
    ),
    (
        ["milestone", "done", "M1", "--date", "2026-02-21"],
        [],
        "psp: milestone M1 was already completed on 2026-02-20; nothing was changed (to "
        "correct the date, give --date and --force)\n",
    ),
    (
        ["sign", "mou", "--partner", "council", "--person", "p-dir"],
        [],
        "psp: council has already signed the MoU on 2026-02-01; nothing was changed\n",
    ),
]


@pytest.mark.parametrize(
    ("args", "before", "message"), ALREADY, ids=[" ".join(a[:2]) for a, _, _ in ALREADY]
)
def test_already_done_is_nothing_to_do(
    tmp_path: Path, args: list[str], before: list[list[str]], message: str
) -> None:
    folder = tmp_path / "psp"
    shutil.copytree(FIXTURE, folder)
    for step in before:
        assert _run(folder, step).exit_code == 0
    files = _files(folder)
    result = _run(folder, args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", message)
    assert _files(folder) == files


def test_an_update_to_what_is_already_there_is_nothing_to_do_too(tmp_path: Path) -> None:
    """`risk update --status closed` on a closed entry ends as `risk close` does: exit 0."""
    folder = tmp_path / "psp"
    shutil.copytree(FIXTURE, folder)
    assert _run(folder, ["risk", "close", "R-002"]).exit_code == 0
    files = _files(folder)
    result = _run(folder, ["risk", "update", "R-002", "--status", "closed"])
    assert (result.exit_code, result.stdout) == (
        0,
        "nothing to change: the folder already says so\n",
    )
    assert _files(folder) == files


CANNOT = [
    (
        ["risk", "close", "R-9"],
        "psp: there is no risk 'R-9' in risks.yaml; did you mean 'R-002'?\n",
    ),
    (
        ["milestone", "done", "M9"],
        "psp: there is no milestone 'M9' in milestones.yaml; did you mean 'M3'?\n",
    ),
    (
        ["risk", "add", "--id", "R-001", "--title", "Again", "--owner", "p-pm",
         "--likelihood", "2", "--impact", "2"],
        "psp: risks.yaml already has a record 'R-001'\n",
    ),
    (
        ["partner", "add", "--name", "Council", "--sector", "public"],
        "psp: partners.yaml already has a partner 'council'\n",
    ),
    (
        ["risk", "update", "R-001"],
        "psp: nothing to update: give at least one of likelihood, impact, status, owner, "
        "review\n",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), CANNOT, ids=[" ".join(a[:3]) for a, _ in CANNOT])
def test_what_cannot_be_done_as_asked_is_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    folder = tmp_path / "psp"
    shutil.copytree(FIXTURE, folder)
    files = _files(folder)
    result = _run(folder, args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert _files(folder) == files


def test_escalating_a_closed_entry_is_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "psp"
    shutil.copytree(FIXTURE, folder)
    assert _run(folder, ["risk", "close", "R-002"]).exit_code == 0
    files = _files(folder)
    result = _run(folder, ["risk", "escalate", "R-002"])
    assert (result.exit_code, result.stderr) == (
        2,
        "psp: R-002 is closed; reopen it first (psp risk update R-002 --status open)\n",
    )
    assert _files(folder) == files


def test_a_change_that_adds_an_error_is_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "psp"
    shutil.copytree(FIXTURE, folder)
    files = _files(folder)
    result = _run(folder, ["risk", "update", "R-001", "--owner", "p-nobody"])
    assert result.exit_code == 1
    assert result.stderr.startswith("psp: nothing was changed: the change would add 1 error:\n")
    assert _files(folder) == files
