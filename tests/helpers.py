"""Shared helpers: build small PSP folders inline, so each test reads top to bottom."""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from psptool.check import Validation, validate
from psptool.model import FILES

AS_OF = date(2026, 6, 30)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "falkirk-foster-care"
COMMENTED = Path(__file__).resolve().parent / "fixtures" / "edit"
"""A valid folder full of comments and odd layout, for the editing tests (the `commented`
fixture copies it)."""

PSP = """\
name: Test PSP
id: test-psp
stage: identify
start: 2026-01-01
end: 2027-12-31
"""

PSP_WITH_GROUPS = (
    PSP
    + """\
governance:
  groups:
    - {id: board, name: Governance Group, cadence: quarterly, members: [council, charity]}
    - {id: ops, name: Operational Group, cadence: monthly, members: [council, charity]}
"""
)
"""`PSP` with a quarterly governance group and a monthly operational group."""

PARTNERS = """\
partners:
  - id: council
    name: Council
    sector: public
    lead: true
    potential_funder: true
    people:
      - {id: p-dir, name: A. Director, director_level: true, signatory: true}
      - {id: p-pm, name: B. Manager}
  - id: charity
    name: Charity
    sector: third
    people:
      - {id: p-ceo, name: C. Chief, director_level: true, signatory: true}
"""

MINIMAL = {"psp.yaml": PSP, "partners.yaml": PARTNERS}


def build_tree(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` under `root` (None removes a file); return root."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        if content is None:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def make_project(root: Path, **files: str | bytes | None) -> Path:
    """A minimal valid PSP folder with some files added or replaced (`risks_yaml=...`)."""
    contents: dict[str, str | bytes | None] = dict(MINIMAL)
    for key, value in files.items():
        contents[key.replace("_yaml", ".yaml")] = value
    return build_tree(root, contents)


def copy_psp_folder(source: Path, dest: Path) -> Path:
    """Copy what makes `source` a PSP folder (its YAML files and `templates/`) to `dest`.

    Papers a developer rendered there (`out/`), schemas and editor files stay behind, so a
    test sees the folder as git holds it, whatever the working tree happens to hold."""
    dest.mkdir(parents=True, exist_ok=True)
    for spec in FILES:
        if (source / spec.name).is_file():
            shutil.copy2(source / spec.name, dest / spec.name)
    if (source / "templates").is_dir():
        shutil.copytree(source / "templates", dest / "templates")
    return dest


def copy_example(dest: Path) -> Path:
    """A fresh copy of the worked example, the Falkirk foster care PSP, at `dest`."""
    return copy_psp_folder(EXAMPLE, dest)


def check(root: Path, as_of: date = AS_OF) -> Validation:
    return validate(root, as_of, find=False)


REPOSITORY = Path(__file__).resolve().parents[1]


def copy_repository(dest: Path) -> Path:
    """Copy the files git would commit from this repository (tracked or new, not ignored; as
    the working tree holds them) to `dest`: a clean clone of what is being tested.

    Skips the test where the repository is not a git checkout (an unpacked sdist)."""
    import subprocess

    import pytest

    if shutil.which("git") is None or not (REPOSITORY / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPOSITORY,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in sorted(set(filter(None, listed.split("\0")))):
        source = REPOSITORY / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


class PspRunner(CliRunner):
    """typer's test runner, but through `psptool.cli.main`, the one place outcomes become
    exit codes: `runner.invoke(["validate", folder])` gives the code, stdout and stderr the
    `psp` command gives, with the same isolation (captured streams, `env`, `input`)."""

    def invoke(  # type: ignore[override]
        self,
        args: str | Sequence[str] | None = None,
        input: bytes | str | None = None,
        env: Mapping[str, str | None] | None = None,
        catch_exceptions: bool = True,
        color: bool = False,
        **extra: Any,
    ) -> Result:
        from psptool.cli import main

        if isinstance(args, str):
            args = shlex.split(args)
        with self.isolation(input=input, env=env, color=color) as streams:
            exception: BaseException | None = None
            try:
                code = main(list(args or ()))
            except Exception as exc:  # main never raises: a test should see it if it does
                if not catch_exceptions:
                    raise
                exception, code = exc, 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                stdout, stderr, output = (s.getvalue() for s in streams)
        return Result(
            runner=self,
            stdout_bytes=stdout,
            stderr_bytes=stderr,
            output_bytes=output,
            return_value=code,
            exit_code=code,
            exception=exception,
            exc_info=None,
        )
