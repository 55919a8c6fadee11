"""Fuzzing the command line: every command, found from the CLI itself, with awkward values in
its arguments and options (the last date there is, a period of 99999 months, an id with a
line break, a name in another script, bytes that are not UTF-8, escape sequences, 5,000
characters, /dev/zero, a folder that does not exist, a file name of 250 bytes). Each run ends
with exit code 0, 1 or 2, no traceback and no crash report, and a run that fails leaves the
folder as it was. tests/test_fuzz.py fuzzes the folder; this fuzzes what is typed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer import _click as click

from psptool.cli import app
from tests.helpers import PspRunner, copy_example


def _leaves() -> dict[str, list[Any]]:
    """Every command psp has, by its words (`risk add`), with its parameters."""
    command = typer.main.get_command(app)
    context = click.Context(command)
    found: dict[str, list[Any]] = {}

    def walk(node: Any, words: list[str]) -> None:
        if hasattr(node, "list_commands"):
            for name in node.list_commands(context):
                walk(node.get_command(context, name), [*words, name])
        else:
            found[" ".join(words)] = list(node.params)

    walk(command, [])
    return found


LEAVES = _leaves()
HOSTILE = [
    "9999-12-31", "0001-01-01", "2011-02-29", "99999m", "9" * 5_000 + "d", "0", "-1", "1e308",
    "nan", "99999999", "", " ", "\n", "R1\n", "日本", "Café", os.fsdecode(b"caf\xe9"),
    "\x1b]0;x\x07", "x" * 5_000, "-", "--", "{{ 7*7 }}", "=cmd|' /C calc'!A0",
    "../../../etc/passwd",
]  # fmt: skip
PLAUSIBLE = ["R1", "M1", "B1", "G1", "falkirk-council", "p-baird", "2011-06-30", "3", "3m"]
PATHS = ["/dev/zero", "no-such-folder", "out.docx", "r" * 245 + ".xlsx", "bad\nname", "p" * 300]
OUTPUTS = ["pipe", "pipe.ics", "pipe.xlsx", "out.docx", "r" * 245 + ".xlsx", "bad\nname.ics"]
"""Where a command may write: only names in the scratch folder the fuzzer runs in, never
/dev/zero or ../../etc/passwd (were a guard to fail, a run as root would replace them); the
named pipes there (made for each run) stand for every special file."""
CHOICES = {"--format": ["text", "json", "csv", "markdown", "html"], "KIND": ["risks", "plan"]}
AS_OF = "2011-06-30"


@st.composite
def command_line(draw: st.DrawFn, folder: str) -> list[str]:
    """One command with some of its parameters, each given an awkward or a plausible value."""
    name = draw(st.sampled_from(sorted(LEAVES)))
    argv = name.split()
    for param in LEAVES[name]:
        option = param.param_type_name == "option"
        label = param.opts[0] if option else param.name.upper()
        if label == "--project":
            argv += ["--project", folder]
            continue
        if not param.required and not draw(st.integers(0, 2)):
            continue
        if option and param.is_flag:
            argv.append(label)
            continue
        pool = HOSTILE + PLAUSIBLE + CHOICES.get(label, [])
        if label in ("-o", "--out", "--output"):
            pool = OUTPUTS
        elif label in ("--template", "FOLDER", "WORKBOOK", "PATHS", "ROOTS"):
            pool = PATHS + HOSTILE[:4]
        value = draw(st.sampled_from(pool))
        argv += [label, value] if option else [value]
    if "--as-of" not in argv and any(
        getattr(p, "opts", [""])[0] == "--as-of" for p in LEAVES[name]
    ):
        argv += ["--as-of", AS_OF]
    return argv


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.is_file()}


def run_checked(argv: list[str], root: Path) -> int:
    before = _files(root)
    result = PspRunner().invoke(argv)
    exc = result.exception
    shown = [a if len(a) < 60 else f"{a[:20]}…({len(a)})" for a in argv]
    assert exc is None or isinstance(exc, SystemExit), (shown, repr(exc), result.output[-500:])
    assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.output[-500:])
    assert "Traceback" not in result.output, (shown, result.output[-500:])
    assert "unexpected error" not in result.output, (shown, result.output[-500:])
    assert "\x1b" not in result.output, (shown, result.output[-500:])
    if result.exit_code != 0:
        after = _files(root)
        assert {k: after.get(k) for k in before} == before, (shown, "the folder changed")
    return result.exit_code


FUZZ = settings(
    max_examples=2000
    if os.environ.get("PSP_HYPOTHESIS_PROFILE") == "long"
    else int(os.environ.get("PSP_ARG_FUZZ", "60")),
    derandomize=os.environ.get("PSP_HYPOTHESIS_PROFILE") != "long",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.slow
@FUZZ
@given(data=st.data())
def test_every_command_with_awkward_arguments(
    data: st.DataObject, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_example(Path(tmp) / "psp")
        monkeypatch.chdir(tmp)  # outputs, a new folder from `psp init`: beside the folder
        for pipe in ("pipe", "pipe.ics", "pipe.xlsx"):
            os.mkfifo(pipe)
        run_checked(data.draw(command_line(str(root))), root)


def test_every_command_is_found() -> None:
    # the fuzzer finds commands from the CLI, so a new one joins it; this pins that it does
    assert {"validate", "risk add", "milestone move", "import raid", "render mou"} <= set(LEAVES)
    assert len(LEAVES) >= 25


EXTRA = {"render business-case": ["--outline"], "risk update": ["--impact", "2"]}


@pytest.mark.parametrize("name", sorted(LEAVES))
def test_every_command_refuses_a_folder_that_does_not_exist(name: str, tmp_path: Path) -> None:
    if not any(getattr(p, "opts", [""])[0] == "--project" for p in LEAVES[name]):
        pytest.skip(f"psp {name} takes no folder")
    root = copy_example(tmp_path / "psp")
    argv = [*name.split(), "--project", str(root / "typo"), *EXTRA.get(name, [])]
    for param in LEAVES[name]:  # the required values, plausible ones
        if param.required:
            value = {"KIND": "risks", "--sector": "third", "NAME": "mou.docx"}.get(
                param.opts[0] if param.param_type_name == "option" else param.name.upper(), "3"
            )
            argv += [param.opts[0], value] if param.param_type_name == "option" else [value]
    before = _files(root)
    result = PspRunner().invoke(argv)
    assert result.exit_code == 2, (argv, result.output)
    assert "does not exist" in result.output or "Invalid value" in result.output, result.output
    assert _files(root) == before
