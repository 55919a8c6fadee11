"""`--since` on hostile git history: a folder whose name is not UTF-8, a repository whose log
is in ISO-8859-1, and a huge file in an old commit, each read within the memory limit, without
a traceback and without changing the folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import copy_example
from tests.hostile.harness import run_psp, snapshot

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AS_OF = "2011-06-30"


def git(repo: Path, *args: str | bytes, stdin: bytes | None = None) -> bytes:
    env = {
        "GIT_AUTHOR_DATE": "2011-04-01T12:00:00",
        "GIT_COMMITTER_DATE": "2011-04-01T12:00:00",
        "GIT_AUTHOR_NAME": "PM",
        "GIT_AUTHOR_EMAIL": "pm@example.org",
        "GIT_COMMITTER_NAME": "PM",
        "GIT_COMMITTER_EMAIL": "pm@example.org",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.fsdecode(repo),
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, input=stdin, capture_output=True, check=True
    )
    return done.stdout.strip()


def _repository(folder: Path, message: bytes = b"March report") -> Path:
    copy_example(folder)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-F", "-", stdin=message)
    risks = folder / "risks.yaml"
    risks.write_text(risks.read_text(encoding="utf-8").replace("likelihood: 4", "likelihood: 3", 1))
    git(folder, "commit", "-q", "-am", "June update")
    return folder


def _status_since(folder: Path) -> str:
    before = snapshot(folder)
    outcome = run_psp(
        ["report", "status", "--since", "HEAD~1", "--format", "markdown", "--as-of", AS_OF],
        folder,
    )
    assert "Traceback" not in outcome.output, outcome.output[-3000:]
    assert "unexpected error" not in outcome.output, outcome.output[-3000:]
    assert outcome.code == 0, outcome.output[-3000:]
    assert snapshot(folder) == before
    return outcome.stdout


def test_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9-psp"))
    report = _status_since(_repository(folder))
    assert "March report" in report


def test_a_log_in_iso_8859_1(tmp_path: Path) -> None:
    folder = tmp_path / "psp"
    copy_example(folder)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "i18n.commitEncoding", "ISO-8859-1")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-F", "-", stdin="Réunion de mars".encode("latin-1"))
    risks = folder / "risks.yaml"
    risks.write_text(risks.read_text(encoding="utf-8").replace("likelihood: 4", "likelihood: 3", 1))
    git(folder, "commit", "-q", "-am", "June update")
    assert "Réunion de mars" in _status_since(folder)


def test_a_commit_message_that_is_not_text(tmp_path: Path) -> None:
    # no encoding declared, and bytes that are not UTF-8: git re-encodes them as it guesses
    # (Latin-1) or psp replaces them, but the report is written either way
    report = _status_since(_repository(tmp_path / "psp", b"Caf\xe9 \xff report"))
    assert any(
        f"(Caf{e} {f} report; revision " in report for e, f in (("é", "ÿ"), ("\ufffd", "\ufffd"))
    )


@pytest.mark.slow
def test_a_huge_file_in_an_old_commit_is_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "psp"
    copy_example(folder)
    git(folder, "init", "-q", "-b", "main")
    huge = tmp_path / "huge"
    with huge.open("wb") as handle:
        handle.truncate(512 * 2**20)  # sparse: 512 MiB of NUL, a few hundred KB in git
    blob = git(folder, "hash-object", "-w", str(huge)).decode()
    huge.unlink()
    good = git(folder, "hash-object", "-w", "risks.yaml").decode()
    git(folder, "add", "-A")
    git(folder, "update-index", "--cacheinfo", f"100644,{blob},risks.yaml")
    git(folder, "commit", "-q", "-m", "A mistake")  # risks.yaml is huge in this commit only
    git(folder, "update-index", "--cacheinfo", f"100644,{good},risks.yaml")
    git(folder, "commit", "-q", "-m", "Put right")
    assert (folder / "risks.yaml").stat().st_size < 100_000
    before = snapshot(folder)
    outcome = run_psp(
        ["report", "status", "--since", "HEAD~1", "--format", "markdown", "--as-of", AS_OF],
        folder,
        memory=512 * 2**20,  # less than the file: read whole, it would not fit
    )
    assert "Traceback" not in outcome.output and "MemoryError" not in outcome.output
    # refused from its size (git ls-tree -l), so the old risks.yaml is left out of the
    # comparison, as a file with errors is, rather than read whole
    assert outcome.code == 0, outcome.output[-3000:]
    assert "Compared with HEAD~1" in outcome.stdout
    assert snapshot(folder) == before


@pytest.mark.parametrize("ref", ["--output=/tmp/x", "-h", "x" * 5_000, "HEAD\n"])
def test_a_revision_that_is_not_one_is_refused(ref: str, tmp_path: Path) -> None:
    folder = _repository(tmp_path / "psp")
    before = snapshot(folder)
    outcome = run_psp(["report", "status", "--since", ref, "--as-of", AS_OF], folder)
    assert outcome.code == 2, outcome.output[-2000:]
    assert "is not a revision of this repository" in outcome.stderr
    assert len(outcome.stderr) < 400
    assert snapshot(folder) == before
