"""The newcomer's path: `make demo` then `make test`, as the README says and CI runs.

`make demo` writes only under build/: the worked example in examples/ stays as git holds it,
so the tests that copy it, and a wheel built afterwards, never see a rendered paper.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPOSITORY, copy_repository

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make_commands(*args: str) -> list[str]:
    """The commands `make` would run, printed but not run (`make -n`)."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", "install", *args],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


@needs_make
def test_the_demo_names_no_output_in_examples() -> None:
    commands = _make_commands("demo")
    psp = [c.split("/psp ", 1)[1] for c in commands if ".venv/bin/psp " in c]
    assert [c.split()[0:2] for c in psp] == [
        ["init", "build/demo/new-partnership"],
        ["validate", "build/demo/new-partnership"],
        ["init", "build/demo/falkirk-foster-care"],
        ["validate", "build/demo/falkirk-foster-care"],
        ["score", "risks"],
        ["score", "options"],
        ["report", "gate"],
        ["render", "mou"],
        ["render", "raid"],
        ["render", "plan"],
        ["render", "options"],
        ["report", "status"],
        ["report", "actions"],
        ["render", "minutes"],
        ["render", "agenda"],
        ["render", "knowledge"],
        ["calendar", "build/demo/falkirk-foster-care"],
    ]
    # every command works on a folder under build/demo, and none names examples/
    assert all("build/demo/" in c for c in psp)
    assert not [c for c in commands if "examples/" in c and not c.startswith("echo ")]


def test_ci_runs_the_readme_commands_in_the_readme_order() -> None:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    ci = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8")
    make_lines = [line.strip() for line in ci.splitlines() if line.strip().startswith("make ")]
    assert make_lines == ["make demo", "make test"]
    assert readme.index("make demo") < readme.index("make test")


@needs_make
def test_make_test_lints_then_runs_the_suite() -> None:
    commands = _make_commands("test")
    tools = [c.split()[0].rsplit("/", 1)[-1] for c in commands if c.startswith(".venv/bin/")]
    assert tools == ["ruff", "ruff", "mypy", "python"]
    assert commands[-3:] == [
        ".venv/bin/ruff format --check src tests",
        ".venv/bin/mypy src",
        ".venv/bin/python -m pytest -q",
    ]
    assert _make_commands("test-fast")[-1] == '.venv/bin/python -m pytest -q -m "not slow"'


@pytest.mark.slow
@needs_make
def test_make_demo_on_a_clean_clone_writes_only_under_build(tmp_path: Path) -> None:
    clone = copy_repository(tmp_path / "clone")
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "psp tests",
        "GIT_AUTHOR_EMAIL": "tests@example.org",
        "GIT_COMMITTER_NAME": "psp tests",
        "GIT_COMMITTER_EMAIL": "tests@example.org",
        "PYTHONPATH": str(clone / "src"),  # the clone's code, not this checkout's
        "COLUMNS": "100",
    }
    env.pop("PYTHONPYCACHEPREFIX", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte code is written, and must go under build/
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "clone"]):
        subprocess.run(["git", *args], cwd=clone, env=env, check=True)
    # the venv is this test run's own; the recipe is the clone's, run as it stands
    psp = f"{sys.executable} -m psptool"
    demo = subprocess.run(
        ["make", "--no-print-directory", "-o", "install", "demo", f"PSP={psp}"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout.splitlines() == ["!! build/"]
    assert demo.stdout.splitlines()[-11:] == [
        "== written (everything is under build/demo/; examples/ is untouched):",
        "   build/demo/new-partnership/            the new partnership",
        "   build/demo/falkirk-foster-care/        the copy of the worked example",
        "   build/demo/falkirk-foster-care/out/agenda-GG-2011-09-2011-06-30.docx",
        "   build/demo/falkirk-foster-care/out/falkirk.ics",
        "   build/demo/falkirk-foster-care/out/knowledge-2011-06-30.xlsx",
        "   build/demo/falkirk-foster-care/out/minutes-GG-2011-06-2011-06-30.docx",
        "   build/demo/falkirk-foster-care/out/mou-2011-06-30.docx",
        "   build/demo/falkirk-foster-care/out/options-2011-06-30.xlsx",
        "   build/demo/falkirk-foster-care/out/plan-2011-06-30.xlsx",
        "   build/demo/falkirk-foster-care/out/raid-2011-06-30.xlsx",
    ]
    example = clone / "build" / "demo" / "falkirk-foster-care"
    assert sorted(p.name for p in (example / "out").iterdir()) == [
        "agenda-GG-2011-09-2011-06-30.docx",
        "falkirk.ics",
        "knowledge-2011-06-30.xlsx",
        "minutes-GG-2011-06-2011-06-30.docx",
        "mou-2011-06-30.docx",
        "options-2011-06-30.xlsx",
        "plan-2011-06-30.xlsx",
        "raid-2011-06-30.xlsx",
    ]
    assert (clone / "build" / "demo" / "new-partnership" / "psp.yaml").is_file()
