"""Read the folder as it was at a git revision, straight from git's object store.

Nothing is checked out and the working tree is untouched: each file is read with
`git show REV:path`, so the folder may be a subfolder of the repository and files added after
the revision are simply absent from it.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..errors import NotARepository, RevisionNotFound
from ..model import FILES
from ..model.common import iso_date
from .project import LoadResult, load_texts

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Revision:
    ref: str
    """What the user asked for: a revision or a date."""
    commit: str
    date: str
    subject: str

    @property
    def short(self) -> str:
        return self.commit[:8]


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise NotARepository("git is not installed, so there is no history to compare") from None


def resolve(root: Path, ref: str) -> tuple[Path, str, Revision]:
    """The repository's top folder, the PSP folder's path inside it, and the revision."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise NotARepository(f"{root} is not in a git repository, so there is no history")
    toplevel = Path(top.stdout.decode().strip())
    prefix = root.resolve().relative_to(toplevel.resolve()).as_posix()
    if _DATE.match(ref):
        try:
            iso_date(ref)
        except ValueError as exc:
            raise RevisionNotFound(str(exc)) from None
        found = _git(toplevel, "rev-list", "-1", f"--before={ref} 23:59:59", "HEAD")
        commit = found.stdout.decode().strip()
        if found.returncode != 0 or not commit:
            raise RevisionNotFound(f"no commit on or before {ref}")
    else:
        found = _git(toplevel, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        commit = found.stdout.decode().strip()
        if found.returncode != 0 or not commit:
            raise RevisionNotFound(f"'{ref}' is not a revision of this repository")
    info = _git(toplevel, "log", "-1", "--format=%cs%x00%s", commit).stdout.decode().strip()
    when, _, subject = info.partition("\x00")
    return toplevel, "" if prefix == "." else prefix, Revision(ref, commit, when, subject)


def load_revision(root: Path, ref: str) -> tuple[LoadResult, Revision]:
    """The folder at `root` as it was at `ref` (a revision, or the last commit on a date)."""
    toplevel, prefix, revision = resolve(root, ref)
    texts: dict[str, bytes | None] = {}
    for spec in FILES:
        path = f"{prefix}/{spec.name}" if prefix else spec.name
        shown = _git(toplevel, "show", f"{revision.commit}:{path}")
        texts[spec.name] = shown.stdout if shown.returncode == 0 else None
    if texts["psp.yaml"] is None:
        raise RevisionNotFound(f"the folder had no psp.yaml at {revision.short} ({revision.date})")
    return load_texts(root, texts), revision


class Commit(NamedTuple):
    """One commit that touched the folder, for a document's version history."""

    date: str
    """The commit date, YYYY-MM-DD."""
    commit: str
    """The short commit hash."""
    subject: str
    author: str = ""
    """Who made the change: the commit's author."""


HISTORY_LIMIT = 300
"""The most commits a version history reads: a paper lists its recent versions, and a long
history must not slow every rendering down."""


def folder_history(root: Path) -> list[Commit]:
    """Every commit that touched a file in the folder, oldest first; an empty list when the
    folder is not in a git repository, the repository has no commits or git is missing."""
    try:
        shown = _git(
            root,
            "log",
            f"--max-count={HISTORY_LIMIT}",
            "--format=%cs%x00%h%x00%an%x00%s",
            "--",
            ".",
        )
    except NotARepository:
        return []
    if shown.returncode != 0:
        return []
    commits = []
    for line in shown.stdout.decode("utf-8", errors="replace").splitlines():
        when, _, rest = line.partition("\x00")
        short, _, rest = rest.partition("\x00")
        author, _, subject = rest.partition("\x00")
        if when and short:
            commits.append(Commit(when, short, subject, author))
    return list(reversed(commits))


def head_commit(root: Path) -> str | None:
    """The commit the folder's repository is at, or None outside git (or with none yet)."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except (FileNotFoundError, OSError):
        return None
    commit = done.stdout.decode().strip()
    return commit if done.returncode == 0 and commit else None
