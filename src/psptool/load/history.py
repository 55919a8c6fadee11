"""Read the folder as it was at a git revision, straight from git's object store.

Nothing is checked out and the working tree is untouched: each file is read with
`git show REV:path`, so the folder may be a subfolder of the repository and files added after
the revision are simply absent from it.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..errors import NotARepository, RevisionNotFound
from ..model import FILES
from ..model.common import iso_date
from ..quoting import escape_controls, shorten
from .project import MAX_FILE_BYTES, LoadResult, load_texts

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")


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
    """git's output as bytes: a path in it need not be UTF-8, nor a commit message (a
    repository whose log is in ISO-8859-1), so each caller decodes what it reads."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise NotARepository("git is not installed, so there is no history to compare") from None
    except OSError as exc:
        raise NotARepository(f"git could not be run: {exc.strerror or exc}") from None


def _text(output: bytes) -> str:
    """git's output as text to show: UTF-8, any byte that is not replaced by '�'."""
    return output.decode("utf-8", errors="replace").strip()


def resolve(root: Path, ref: str) -> tuple[Path, str, Revision]:
    """The repository's top folder, the PSP folder's path inside it, and the revision."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise NotARepository(
            f"{escape_controls(str(root))} is not in a git repository, so there is no history"
        )
    # a path, kept byte for byte (os.fsdecode), so a folder whose name is not UTF-8 still is
    toplevel = Path(os.fsdecode(top.stdout.rstrip(b"\n")))
    prefix = root.resolve().relative_to(toplevel.resolve()).as_posix()
    if _DATE.match(ref):
        try:
            iso_date(ref)
        except ValueError as exc:
            raise RevisionNotFound(str(exc)) from None
        found = _git(toplevel, "rev-list", "-1", f"--before={ref} 23:59:59", "HEAD")
        commit = _text(found.stdout)
        if found.returncode != 0 or not commit:
            raise RevisionNotFound(f"no commit on or before {ref}")
    elif ref.startswith("-") or "\0" in ref:
        # git would read it as one of its own options, not as a revision
        raise RevisionNotFound(f"'{shorten(ref)}' is not a revision of this repository")
    else:
        found = _git(toplevel, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        commit = _text(found.stdout)
        if found.returncode != 0 or not commit:
            raise RevisionNotFound(f"'{shorten(ref)}' is not a revision of this repository")
    log = _git(toplevel, "log", "-1", "--encoding=UTF-8", "--format=%cs%x00%s", commit)
    info = _text(log.stdout)
    when, _, subject = info.partition("\x00")
    return toplevel, "" if prefix == "." else prefix, Revision(ref, commit, when, subject)


def load_revision(root: Path, ref: str) -> tuple[LoadResult, Revision]:
    """The folder at `root` as it was at `ref` (a revision, or the last commit on a date)."""
    toplevel, prefix, revision = resolve(root, ref)
    entries = _entries(toplevel, revision.commit, prefix)
    texts: dict[str, bytes | int | None] = {}
    for spec in FILES:
        path = f"{prefix}/{spec.name}" if prefix else spec.name
        entry = entries.get(os.fsencode(path))
        if entry is None:
            texts[spec.name] = None
        elif entry.size > MAX_FILE_BYTES:
            texts[spec.name] = entry.size  # too large: refused from its size, never read
        else:
            shown = _git(toplevel, "cat-file", "blob", entry.object)
            texts[spec.name] = shown.stdout if shown.returncode == 0 else None
    if texts["psp.yaml"] is None:
        raise RevisionNotFound(f"the folder had no psp.yaml at {revision.short} ({revision.date})")
    return load_texts(root, texts), revision


class _Entry(NamedTuple):
    object: str
    size: int


def _entries(toplevel: Path, commit: str, prefix: str) -> dict[bytes, _Entry]:
    """The files (blobs) of the folder at `commit`, by path, with their sizes, from one
    `git ls-tree -l` (as `git cat-file -s` would give each), so that a file too large is
    refused before a byte of it is read. A link or a folder in place of a file is left out,
    as absent: psp reads only regular files, from history too."""
    listed = _git(toplevel, "ls-tree", "-l", "-z", commit, "--", f"{prefix}/" if prefix else ".")
    entries: dict[bytes, _Entry] = {}
    if listed.returncode != 0:
        return entries
    for record in listed.stdout.split(b"\0"):
        meta, _, path = record.partition(b"\t")
        fields = meta.split()
        if len(fields) != 4 or fields[1] != b"blob" or fields[0] not in (b"100644", b"100755"):
            continue
        if fields[3].isdigit():
            entries[path] = _Entry(fields[2].decode("ascii"), int(fields[3]))
    return entries


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
            "--encoding=UTF-8",
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
    commit = _text(done.stdout)
    return commit if done.returncode == 0 and commit else None
