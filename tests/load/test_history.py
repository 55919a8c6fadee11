"""Reading a folder's past from git: a date given for --since is a real date or refused."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from psptool.errors import RevisionNotFound
from psptool.load.history import resolve


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "psp.yaml").write_text("name: A\n", encoding="utf-8")
    git("add", "psp.yaml")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first")
    return tmp_path


def test_an_impossible_date_is_refused_not_passed_to_git(repository: Path) -> None:
    with pytest.raises(RevisionNotFound, match="'2011-02-30' is not a real date"):
        resolve(repository, "2011-02-30")


def test_a_date_before_the_first_commit_has_no_revision(repository: Path) -> None:
    with pytest.raises(RevisionNotFound, match="no commit on or before 2000-01-01"):
        resolve(repository, "2000-01-01")
