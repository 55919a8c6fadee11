"""An edit session: the files one edit opens, checked and written together.

An edit opens the files it changes (`EditSession.document`), changes them through the
round-trip writer (only the lines it must, see `load/roundtrip.py`), and `commit`s: the folder
is checked as it would be after the change, by every check `psp validate` runs (as at the
session's `as_of`, default today), and the files are written atomically; or the edit is refused
with `EditRefused`, naming the errors it would add, and nothing is written. A folder that
already has errors can still be edited, as long as the edit adds none; the warnings it adds
come back with the result.

Each kind of edit is a function in its own module of this package (`risks.py`, `plan.py`, …)
that opens a session, changes its records and commits. Adding one is that module and its test.
"""

from __future__ import annotations

import difflib
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from ..check import validate
from ..diagnostics import Diagnostic
from ..errors import EditRefused, FileChanged, ProjectNotFound, RecordNotFound, UserError
from ..load import find_project
from ..load.roundtrip import DataPath, YamlDocument, plain, same
from ..load.write import current_bytes, replace_all_atomic
from ..model import FILES, FILES_BY_NAME

Checker = Callable[[Path], Sequence[Diagnostic]]
"""What checks a folder for an edit: the folder in, its findings out."""

DEFAULTS: dict[str, Any] = {"status": "open", "done": False}
"""Values a record has when the key is absent: setting one of them on such a record is no
change."""


def every_check(as_of: date | None = None) -> Checker:
    """Every check `psp validate` runs, as at `as_of` (default today): what an edit is checked
    by, so an edit is refused by the same rules as the folder."""
    when = as_of or date.today()

    def check(root: Path) -> list[Diagnostic]:
        return validate(root, when, find=False).diagnostics

    return check


@dataclass(frozen=True)
class Change:
    """One change to a record, for the user to read: `R3: likelihood 3 → 4`."""

    file: str
    record: str
    field: str
    old: Any = None
    new: Any = None
    added: bool = False

    def __str__(self) -> str:
        if self.added:
            text = f"{self.file}: {self.record}: added {self.field}"
            return text if self.new is None else f"{text}: {show(self.new)}"
        return f"{self.file}: {self.record}: {self.field} {show(self.old)} → {show(self.new)}"


def show(value: Any) -> str:
    """A value as a change shows it: `yes`, `2026-06-30`, `48` rather than `48.0`."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class EditResult:
    """What an edit did: the changes, the files' old and new text, the warnings it added."""

    root: Path
    changes: list[Change]
    documents: list[YamlDocument]
    warnings: list[Diagnostic]
    written: bool

    def diff(self) -> str:
        """A unified diff of every changed file, as git would show it."""
        return "".join(
            unified_diff(doc.initial_text, doc.text, f"a/{doc.name}", f"b/{doc.name}")
            for doc in self.documents
        )


def unified_diff(old: str, new: str, old_name: str, new_name: str, context: int = 3) -> str:
    """A unified diff like git's. difflib's own treats lines that recur in a long file (such
    as `impact: 3`) as junk and then shows them as changed; this one does not."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(context):
        if not out:
            out += [f"--- {old_name}\n", f"+++ {new_name}\n"]
        first, last = group[0], group[-1]
        out.append(f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            out += ["-" + line for line in a[i1:i2]]
            out += ["+" + line for line in b[j1:j2]]
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out
    )


def _range(start: int, stop: int) -> str:
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


class EditSession:
    """Files opened for editing in one folder, checked and written together by `commit`."""

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        as_of: date | None = None,
        check: Checker | None = None,
    ):
        """Open the folder `folder` (found as `psp` finds it) for editing, as at `as_of`
        (default today): the date an edit records when it is given none, and the date the
        checks run at. `check` replaces every check of `psp validate`, for a Python user who
        wants other rules."""
        try:
            self.root = find_project(folder)
        except ProjectNotFound as exc:
            raise UserError(exc.diagnostic.message) from None
        self.as_of = as_of or date.today()
        self.check = check or every_check(self.as_of)
        self.changes: list[Change] = []
        self._documents: dict[str, YamlDocument] = {}

    def document(self, name: str) -> YamlDocument:
        """The file `name` of the folder; one that does not exist yet starts as psp init
        writes it (a comment header and an empty list)."""
        if name not in FILES_BY_NAME:
            raise UserError(f"{name} is not a file of a PSP folder")
        if name not in self._documents:
            path = self.root / name
            if path.exists() or path.is_symlink():
                doc = YamlDocument.read(path, name)
            else:
                doc = YamlDocument(name, _skeleton(name), path=path, original=None)
            self._documents[name] = doc
        return self._documents[name]

    def note(self, doc: YamlDocument, record_id: str, what: str, summary: Any = None) -> None:
        """Note that `what` was added to the record `record_id`: `R7: added risk: …`."""
        self.changes.append(Change(doc.name, record_id, what, new=summary, added=True))

    def set_field(
        self,
        doc: YamlDocument,
        record: DataPath,
        record_id: str,
        name: str,
        value: Any,
        order: Sequence[str],
    ) -> None:
        """Set one field of a record, noting the change; no change when it has that value."""
        path = (*record, name)
        old = doc.get(path, DEFAULTS.get(name))
        if same(plain(old), plain(value)):
            return
        doc.set(path, value, order=order)
        self.changes.append(Change(doc.name, record_id, name, old, value))

    def commit(self, *, write: bool = True) -> EditResult:
        """Check the folder as it would be after the edits; write them unless they add errors.

        Raises `EditRefused` (nothing written) when the edits add errors, and `FileChanged`
        when a file changed on disk since it was read. With `write=False` the files are
        checked but not written, for a dry run.
        """
        documents = [doc for doc in self._documents.values() if doc.changed]
        if not documents:
            return EditResult(self.root, list(self.changes), [], [], False)
        before = list(self.check(self.root))
        after = self._check_copy(documents)
        errors = added(
            [d for d in before if d.severity == "error"],
            [d for d in after if d.severity == "error"],
        )
        if errors:
            count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
            lines = "\n".join(f"  {_where(d)}: {d.code} {d.message}" for d in errors)
            raise EditRefused(
                f"nothing was changed: the change would add {count}:\n{lines}", errors
            )
        warnings = added(
            [d for d in before if d.severity == "warning"],
            [d for d in after if d.severity == "warning"],
        )
        if write:
            for doc in documents:
                if doc.path is None or current_bytes(doc.path) != doc.original:
                    raise FileChanged(
                        f"{doc.name} changed on disk since psp read it (saved by another "
                        "program or person?); nothing was written. Run the command again"
                    )
            replace_all_atomic(
                [(doc.path, doc.encoded(), doc.original) for doc in documents if doc.path]
            )
        return EditResult(self.root, list(self.changes), documents, warnings, write)

    def _check_copy(self, documents: list[YamlDocument]) -> list[Diagnostic]:
        edited = {doc.name: doc for doc in documents}
        with tempfile.TemporaryDirectory(prefix="psp-edit-") as tmp:
            copy = Path(tmp)
            for spec in FILES:
                source, target = self.root / spec.name, copy / spec.name
                if spec.name in edited:
                    target.write_bytes(edited[spec.name].encoded())
                elif source.is_dir():
                    target.mkdir()
                elif source.exists():
                    try:
                        shutil.copyfile(source, target)
                    except OSError:
                        continue
            return list(self.check(copy))


def added(before: Iterable[Diagnostic], after: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings in `after` that `before` does not have (line numbers aside, since an
    edit moves lines)."""
    remaining = Counter(_identity(d) for d in before)
    new = []
    for d in after:
        key = _identity(d)
        if remaining[key]:
            remaining[key] -= 1
        else:
            new.append(d)
    return new


def _identity(d: Diagnostic) -> tuple[str, str, str]:
    return d.file, d.code, re.sub(r"\bline \d+", "line N", d.message)


def _where(d: Diagnostic) -> str:
    return f"{d.file}:{d.line}:{d.column}" if d.line else d.file


def _skeleton(name: str) -> str:
    text = (resources.files("psptool.load") / "skeleton" / name).read_text(encoding="utf-8")
    return Template(text).safe_substitute()


# --- finding records --------------------------------------------------------------------


def records(doc: YamlDocument, key: str) -> list[Any]:
    """The list `key` of `doc` (empty when absent); a file whose `key` is not a list is
    refused, since psp cannot tell where a record would go."""
    value = doc.get((key,))
    if value is None:
        return []
    if not isinstance(value, list):
        raise UserError(f"{doc.name}: '{key}' is not a list; fix the file before editing it")
    return value


def record_ids(items: Iterable[Any]) -> list[str]:
    """The ids of the records in `items` that have one."""
    return [str(r["id"]) for r in items if isinstance(r, dict) and "id" in r]


def find_record(doc: YamlDocument, key: str, record_id: str, kind: str) -> int:
    """The index of the record `record_id` in the list `key` of `doc`."""
    items = records(doc, key)
    matches = [
        i for i, r in enumerate(items) if isinstance(r, dict) and str(r.get("id")) == record_id
    ]
    if len(matches) > 1:
        raise UserError(
            f"{doc.name} has {len(matches)} {kind}s with the id '{record_id}'; "
            "give each its own id first"
        )
    if not matches:
        message = f"there is no {kind} '{record_id}' in {doc.name}"
        guess = difflib.get_close_matches(record_id, record_ids(items), n=1, cutoff=0.5)
        raise RecordNotFound(message + (f"; did you mean '{guess[0]}'?" if guess else ""))
    return matches[0]


def add_action(
    session: EditSession,
    file: str,
    key: str,
    record_id: str,
    kind: str,
    order: Sequence[str],
    *,
    action: str,
    owner: str | None,
    due: date | None,
) -> None:
    """Append an action (`action`, `owner`, `due`) to the `actions` of the record `record_id`
    in the list `key` of `file`, after its other actions: a RAID entry's, a meeting's."""
    doc = session.document(file)
    index = find_record(doc, key, record_id, kind)
    item = compact({"action": action, "owner": owner, "due": due})
    doc.append((key, index, "actions"), item, flow=True, order=order)
    session.note(doc, record_id, "action", action)


_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def next_id(existing: Iterable[str], prefix: str, *, like: Iterable[str] = ()) -> str:
    """The next free id in the style the ids in `like` (default: `existing`) are written:
    R7 after R6, R-008 after R-007; `prefix` and 1 when none is numbered."""
    taken = set(existing)
    prefixes: Counter[str] = Counter()
    for record_id in list(like) or taken:
        match = _NUMBERED.match(record_id)
        if match:
            prefixes[match.group(1)] += 1
    if prefixes:
        prefix = prefixes.most_common(1)[0][0]
    digits = [
        m.group(2) for m in map(_NUMBERED.match, taken) if m is not None and m.group(1) == prefix
    ]
    padded = [d for d in digits if len(d) > 1 and d.startswith("0")]
    width = max(len(d) for d in padded) if padded else 1
    number = max((int(d) for d in digits), default=0) + 1
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


def refuse_taken_id(doc: YamlDocument, key: str, record_id: str, kind: str) -> None:
    """Refuse a new record whose id the list `key` of `doc` already has."""
    if record_id in record_ids(records(doc, key)):
        raise UserError(f"{doc.name} already has a {kind} '{record_id}'")


def compact(record: dict[str, Any]) -> dict[str, Any]:
    """A new record without its empty fields: no `owner: null`, no `lead: false`."""
    return {k: v for k, v in record.items() if v is not None and v is not False}


__all__ = [
    "DEFAULTS",
    "Change",
    "Checker",
    "EditResult",
    "EditSession",
    "add_action",
    "added",
    "compact",
    "every_check",
    "find_record",
    "next_id",
    "record_ids",
    "records",
    "refuse_taken_id",
    "show",
    "unified_diff",
]
