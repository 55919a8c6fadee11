"""The corpus of bad folders (tests/corpus/bad/, see tests/corpus/README.md).

`psp validate --format json` runs on each folder and must end with the exit code, codes, files
and lines its `expected.yaml` names, and never with a Python traceback; then the text report
runs on it and must give the same exit code and show every finding with its line.

Both run in this process, through `psptool.cli.main` as the `psp` command does, except for
the few cases whose sidecar says `subprocess:` (why): a folder that, should psp's guard ever
fail, would hang the test process (a named pipe, a link to /dev/zero), exhaust its memory (an
alias bomb) or crash it (brackets nested deeper than the C parser's stack). Those run as real
processes with a time limit, started a few at a time before the tests that check them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import PspRunner

CORPUS = Path(__file__).parent / "corpus" / "bad"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
AS_OF = "2026-06-30"
TIME_LIMIT = 30.0
"""Seconds a case run in its own process may take before it is stopped: generous, for a slow
CI machine running several at once. Such a run takes about half a second, most of it
starting Python; the alias bomb about a second."""
SIDECAR = "expected.yaml"
SIDECAR_KEYS = {"exit", "code", "file", "line", "findings", "setup", "as_of", "subprocess"}
FILL = "@FILL@"


@dataclass(frozen=True)
class Finding:
    code: str
    file: str
    line: int


@dataclass(frozen=True)
class Expected:
    exit: int
    findings: tuple[Finding, ...]
    setup: tuple[str, ...]
    as_of: str
    subprocess: str | None
    """Why the case runs in a process of its own; None when it runs in this one."""


@dataclass(frozen=True)
class Run:
    """One `psp validate` run: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def read_expected(name: str) -> Expected:
    """The sidecar: `exit`, then either `code`, `file` and `line` for one finding or
    `findings:` for a list (empty for a clean folder); `setup:`, `as_of:` and `subprocess:`
    are optional."""
    from ruamel.yaml import YAML

    data: dict[str, Any] = YAML(typ="safe").load((CORPUS / name / SIDECAR).read_text("utf-8"))
    unknown = set(data) - SIDECAR_KEYS
    assert not unknown, f"{name}/{SIDECAR}: unknown keys {sorted(unknown)}"
    if "findings" in data:
        assert "code" not in data, f"{name}/{SIDECAR}: give 'code' or 'findings', not both"
        rows = data["findings"] or []
    else:
        rows = [{k: data[k] for k in ("code", "file", "line")}]
    findings = []
    for row in rows:
        assert set(row) == {"code", "file", "line"}, f"{name}/{SIDECAR}: {row}"
        findings.append(Finding(str(row["code"]), str(row["file"] or ""), int(row["line"])))
    setup = data.get("setup") or []
    return Expected(
        exit=int(data["exit"]),
        findings=tuple(sorted(findings, key=lambda f: (f.file, f.line, f.code))),
        setup=tuple([setup] if isinstance(setup, str) else setup),
        as_of=str(data.get("as_of", AS_OF)),
        subprocess=str(data["subprocess"]) if data.get("subprocess") else None,
    )


def prepare(name: str, into: Path) -> Path:
    """Copy the case's files (not its sidecar) into a fresh folder and apply its setup."""
    folder = into / name
    shutil.copytree(CORPUS / name, folder, ignore=shutil.ignore_patterns(SIDECAR))
    for step in read_expected(name).setup:
        apply_setup(folder, step)
    return folder


def apply_setup(folder: Path, step: str) -> None:
    """What git cannot store, made in the copy. Each step is one line of the sidecar's setup:

    - `symlink-loop NAME`: NAME is a symbolic link to itself
    - `link NAME TARGET`: NAME is a symbolic link to TARGET (missing, or e.g. /dev/zero)
    - `fifo NAME`: NAME is a named pipe
    - `unreadable NAME`: NAME gets mode 000 (skipped as root, who can read it anyway)
    - `sparse NAME BYTES`: NAME is a sparse file of BYTES bytes
    - `fill NAME COUNT`: the @FILL@ in NAME becomes COUNT letters x
    """
    action, *args = step.split()
    if action in ("symlink-loop", "link"):
        name, target = (args[0], args[0]) if action == "symlink-loop" else args
        if target.startswith("/dev/") and not Path(target).exists():
            pytest.skip(f"no {target} on this system")
        try:
            os.symlink(target, folder / name)
        except OSError as exc:  # Windows without the privilege
            pytest.skip(f"cannot make a symbolic link here: {exc}")
    elif action == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        os.mkfifo(folder / args[0])
    elif action == "unreadable":
        if not hasattr(os, "geteuid") or os.geteuid() == 0:
            pytest.skip("root (or Windows) reads a file of mode 000 all the same")
        (folder / args[0]).chmod(0)
    elif action == "sparse":
        with open(folder / args[0], "wb") as handle:
            handle.truncate(int(args[1]))
    elif action == "fill":
        path = folder / args[0]
        text = path.read_text("utf-8")
        assert FILL in text, f"no {FILL} in {path}"
        path.write_text(text.replace(FILL, "x" * int(args[1])), "utf-8")
    else:
        raise AssertionError(f"unknown setup step {step!r}")


def validate_args(as_of: str, *, json_format: bool) -> list[str]:
    """`psp validate` on the current folder, as at `as_of`, in JSON or as text."""
    return ["validate", ".", *(["--format", "json"] if json_format else []), "--as-of", as_of]


def run_in_process(folder: Path, as_of: str, *, json_format: bool) -> Run:
    """`psp validate` in the folder, through `psptool.cli.main` in this process."""
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = PspRunner().invoke(validate_args(as_of, json_format=json_format))
    finally:
        os.chdir(cwd)
    assert result.exception is None, result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def run_as_process(folder: Path, as_of: str, *, json_format: bool) -> Run:
    """`python -m psptool validate` in the folder, as a real process, stopped after
    TIME_LIMIT seconds."""
    done = subprocess.run(
        [sys.executable, "-m", "psptool", *validate_args(as_of, json_format=json_format)],
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIME_LIMIT,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def _prepare_and_run_as_processes(name: str, into: Path) -> tuple[Run, Run]:
    folder = prepare(name, into)
    as_of = read_expected(name).as_of
    return (
        run_as_process(folder, as_of, json_format=True),
        run_as_process(folder, as_of, json_format=False),
    )


@pytest.fixture(scope="session")
def process_runs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Future[tuple[Run, Run]]]:
    """Start the processes of every selected case that needs them, a few at a time; each
    test waits for its own."""
    selected = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_bad_folder" and hasattr(item, "callspec")
    ]
    own = [name for name in selected if read_expected(name).subprocess]
    into = tmp_path_factory.mktemp("corpus")
    pool = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2))
    request.addfinalizer(lambda: pool.shutdown(wait=True, cancel_futures=True))
    return {name: pool.submit(_prepare_and_run_as_processes, name, into) for name in own}


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40
    for name in CASES:
        assert name[:3].isdigit() and name[3] == "-", f"{name}: name it NNN-short-name"
        assert (CORPUS / name / SIDECAR).is_file(), f"{name} has no {SIDECAR}"


def test_only_the_cases_that_could_take_the_test_process_down_run_in_their_own() -> None:
    assert {
        name: read_expected(name).subprocess for name in CASES if read_expected(name).subprocess
    } == {
        "008-named-pipe": "reading a named pipe would block for ever",
        "009-link-to-dev-zero": "reading /dev/zero would never end",
        "029-billion-laughs": "expanding the aliases would exhaust the memory",
        "032-deep-nesting-flow": "parsing 10,000 nested brackets would overflow the C stack",
    }


@pytest.mark.parametrize("name", CASES)
def test_bad_folder(
    name: str, tmp_path: Path, process_runs: dict[str, Future[tuple[Run, Run]]]
) -> None:
    expected = read_expected(name)
    if expected.subprocess:
        json_run, text_run = process_runs[name].result()
    else:
        folder = prepare(name, tmp_path)
        json_run = run_in_process(folder, expected.as_of, json_format=True)
        text_run = run_in_process(folder, expected.as_of, json_format=False)

    for stream in (json_run.stdout, json_run.stderr, text_run.stdout, text_run.stderr):
        assert "Traceback" not in stream, stream[-3000:]
        assert "unexpected error" not in stream, stream[-3000:]
    rows = json.loads(json_run.stdout)["diagnostics"]
    found = sorted(
        (Finding(row["code"], row["file"], row["line"]) for row in rows),
        key=lambda f: (f.file, f.line, f.code),
    )
    assert found == list(expected.findings), json.dumps(rows, indent=1, ensure_ascii=False)
    assert all(row["message"] for row in rows)
    assert json_run.returncode == expected.exit, json_run.stdout + json_run.stderr

    # the text report: the same exit code, every finding shown with its line
    output = text_run.stdout + text_run.stderr
    assert text_run.returncode == expected.exit, output
    for finding in expected.findings:
        assert finding.code in output
        if finding.line:
            assert f"{finding.file}:{finding.line}:" in output, output[-3000:]


BYTES_AS_COMMITTED = {
    # git must not normalise these (tests/corpus/.gitattributes says -text)
    "011-utf16-le": ("goals.yaml", b"\xff\xfeg\x00"),
    "014-latin-1": ("goals.yaml", b"Caf\xe9"),
    "015-windows-1252-quotes": ("risks.yaml", b"\x93withdraw\x94"),
    "017-bom-is-fine": ("goals.yaml", b"\xef\xbb\xbfgoals:\n"),
    "018-crlf-is-fine": ("partners.yaml", b"partners:\r\n"),
    "020-bom-and-crlf": ("psp.yaml", b"\xef\xbb\xbfname: Test PSP\r\n"),
    "021-cr-line-endings": ("risks.yaml", b"risks:\r  - id: R1\r"),
}


@pytest.mark.parametrize("name", sorted(BYTES_AS_COMMITTED))
def test_encoded_cases_hold_their_bytes(name: str) -> None:
    file, expected = BYTES_AS_COMMITTED[name]
    assert expected in (CORPUS / name / file).read_bytes()
