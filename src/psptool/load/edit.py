"""Editing a PSP folder: the operations behind `psp risk add`, `psp milestone done` and the rest.

Each operation opens the file it changes, edits it through the round-trip writer (only the
lines it must change, see `roundtrip.py`), checks the folder as it would be after the change,
and then writes the file atomically; or it refuses with `EditRefused`, naming the errors the
change would add, and writes nothing. A folder that already has errors can still be edited,
as long as the edit adds none.

Which checks run is the caller's choice, because `load/` sits below `check/`: an operation
takes `check`, a function from a folder to its diagnostics. The default, `load_checks`, runs
what the loader checks (YAML and the schema of every file). The `psp` commands pass every
check, as a Python user can too::

    from psptool import validate
    from psptool.load.edit import add_risk

    every_check = lambda root: validate(root, find=False).diagnostics
    add_risk("my-psp", title="Providers withdraw", likelihood=3, impact=4, check=every_check)
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

from ..diagnostics import Diagnostic, make
from ..errors import (
    EditRefused,
    FileChanged,
    NothingToDo,
    ProjectNotFound,
    RecordNotFound,
    UserError,
)
from ..model import (
    FILES,
    FILES_BY_NAME,
    Approval,
    Benefit,
    Goal,
    Measurement,
    Milestone,
    Partner,
    Partnership,
    Risk,
    RiskAction,
)
from ..model.common import iso_date
from ..vocabulary import DOCUMENT_TITLES, RAID_ID_PREFIX
from .project import find_project, load_project
from .roundtrip import DataPath, YamlDocument, plain, same
from .scaffold import slug
from .write import current_bytes, replace_all_atomic

Checker = Callable[[Path], Sequence[Diagnostic]]

RISK_ORDER = tuple(Risk.model_fields)
ACTION_ORDER = tuple(RiskAction.model_fields)
MILESTONE_ORDER = tuple(Milestone.model_fields)
BENEFIT_ORDER = tuple(Benefit.model_fields)
MEASUREMENT_ORDER = tuple(Measurement.model_fields)
PARTNERSHIP_ORDER = tuple(Partnership.model_fields)
APPROVAL_ORDER = tuple(Approval.model_fields)
PARTNER_ORDER = tuple(Partner.model_fields)
GOAL_ORDER = tuple(Goal.model_fields)
DEFAULTS: dict[str, Any] = {"status": "open", "done": False}
"""Values a record has when the key is absent: setting one of them on such a record is no
change."""


def load_checks(root: Path) -> list[Diagnostic]:
    """The loader's findings: YAML syntax and the schema of every file."""
    return load_project(root, find=False).diagnostics


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
            return text if self.new is None else f"{text}: {_show(self.new)}"
        return f"{self.file}: {self.record}: {self.field} {_show(self.old)} → {_show(self.new)}"


def _show(value: Any) -> str:
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

    def __init__(self, folder: str | Path | None = None, *, check: Checker | None = None):
        try:
            self.root = find_project(folder)
        except ProjectNotFound as exc:
            raise UserError(exc.diagnostic.message) from None
        self.check = check or load_checks
        self.changes: list[Change] = []
        self.warnings: list[Diagnostic] = []
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
        seen = {(d.code, d.message) for d in warnings}
        warnings += [d for d in self.warnings if (d.code, d.message) not in seen]
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


def _records(doc: YamlDocument, key: str) -> list[Any]:
    value = doc.get((key,))
    if value is None:
        return []
    if not isinstance(value, list):
        raise UserError(f"{doc.name}: '{key}' is not a list; fix the file before editing it")
    return value


def _ids(records: Iterable[Any]) -> list[str]:
    return [str(r["id"]) for r in records if isinstance(r, dict) and "id" in r]


def find_record(doc: YamlDocument, key: str, record_id: str, kind: str) -> int:
    """The index of the record `record_id` in the list `key` of `doc`."""
    records = _records(doc, key)
    matches = [
        i for i, r in enumerate(records) if isinstance(r, dict) and str(r.get("id")) == record_id
    ]
    if len(matches) > 1:
        raise UserError(
            f"{doc.name} has {len(matches)} {kind}s with the id '{record_id}'; "
            "give each its own id first"
        )
    if not matches:
        message = f"there is no {kind} '{record_id}' in {doc.name}"
        guess = difflib.get_close_matches(record_id, _ids(records), n=1, cutoff=0.5)
        raise RecordNotFound(message + (f"; did you mean '{guess[0]}'?" if guess else ""))
    return matches[0]


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


def _new_record_id(doc: YamlDocument, key: str, record_id: str, kind: str) -> None:
    if record_id in _ids(_records(doc, key)):
        raise UserError(f"{doc.name} already has a {kind} '{record_id}'")


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v is not False}


# --- the RAID log -----------------------------------------------------------------------


def add_risk(
    folder: str | Path | None = None,
    *,
    title: str,
    likelihood: int,
    impact: int,
    kind: str = "risk",
    owner: str | None = None,
    category: str | None = None,
    description: str | None = None,
    review: date | None = None,
    raised: date | None = None,
    record_id: str | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Add a risk, assumption, issue or dependency to risks.yaml, raised today (or `raised`),
    with the next free id in the style of the file's ids unless `record_id` is given."""
    session = EditSession(folder, check=check)
    doc = session.document("risks.yaml")
    records = _records(doc, "risks")
    ids = _ids(records)
    if record_id is None:
        same_type = [
            str(r["id"])
            for r in records
            if isinstance(r, dict) and "id" in r and r.get("type") == kind
        ]
        record_id = next_id(ids, RAID_ID_PREFIX.get(kind, "R"), like=same_type or ids)
    _new_record_id(doc, "risks", record_id, "record")
    record = {
        "id": record_id,
        "type": kind,
        "title": title,
        "description": description,
        "category": category,
        "owner": owner,
        "likelihood": likelihood,
        "impact": impact,
        "status": "open",
        "raised": raised or date.today(),
        "review": review,
    }
    doc.append(("risks",), _compact(record), flow=False)
    session.changes.append(Change(doc.name, record_id, kind, new=title, added=True))
    return session.commit(write=write)


def update_risk(
    folder: str | Path | None,
    risk_id: str,
    *,
    likelihood: int | None = None,
    impact: int | None = None,
    status: str | None = None,
    owner: str | None = None,
    review: date | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Change a RAID entry's scores, status, owner or review date; only what is given.
    Reopening an entry (`status="open"`) also removes the date it was closed."""
    given = {
        "owner": owner,
        "likelihood": likelihood,
        "impact": impact,
        "status": status,
        "review": review,
    }
    fields = {name: value for name, value in given.items() if value is not None}
    if not fields:
        raise UserError(
            "nothing to update: give at least one of likelihood, impact, status, owner, review"
        )
    session = EditSession(folder, check=check)
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", risk_id, "risk")
    for name, value in fields.items():
        session.set_field(doc, ("risks", index), risk_id, name, value, RISK_ORDER)
    closed = ("risks", index, "closed")
    if status == "open" and doc.has(closed):  # reopened: it is no longer closed on that date
        old = doc.get(closed)
        doc.delete(closed)
        session.changes.append(Change(doc.name, risk_id, "closed", old, None))
    return session.commit(write=write)


def add_risk_action(
    folder: str | Path | None,
    risk_id: str,
    *,
    action: str,
    owner: str | None = None,
    due: date | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Add an action to a RAID entry, after its other actions."""
    session = EditSession(folder, check=check)
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", risk_id, "risk")
    item = _compact({"action": action, "owner": owner, "due": due})
    doc.append(("risks", index, "actions"), item, flow=True, order=RISK_ORDER)
    session.changes.append(Change(doc.name, risk_id, "action", new=action, added=True))
    return session.commit(write=write)


def close_risk(
    folder: str | Path | None,
    risk_id: str,
    *,
    when: date | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Close a RAID entry: `status: closed` and the date it was closed (default today)."""
    session = EditSession(folder, check=check)
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", risk_id, "risk")
    record = ("risks", index)
    if doc.get((*record, "status")) == "closed":
        closed = doc.get((*record, "closed"))
        on = f" (on {closed})" if closed else ""
        raise NothingToDo(f"{risk_id} is already closed{on}; nothing was changed")
    session.set_field(doc, record, risk_id, "status", "closed", RISK_ORDER)
    session.set_field(doc, record, risk_id, "closed", when or date.today(), RISK_ORDER)
    return session.commit(write=write)


def escalate_risk(
    folder: str | Path | None,
    risk_id: str,
    *,
    when: date | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """A risk (or assumption, or dependency) that has happened becomes an issue: it keeps its
    id, its likelihood becomes 5 (it has happened) and the date is noted as `escalated`."""
    session = EditSession(folder, check=check)
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", risk_id, "risk")
    record = ("risks", index)
    if doc.get((*record, "type")) == "issue":
        raise NothingToDo(f"{risk_id} is already an issue; nothing was changed")
    if doc.get((*record, "status")) == "closed":
        raise UserError(
            f"{risk_id} is closed; reopen it first (psp risk update {risk_id} --status open)"
        )
    session.set_field(doc, record, risk_id, "type", "issue", RISK_ORDER)
    session.set_field(doc, record, risk_id, "likelihood", 5, RISK_ORDER)
    session.set_field(doc, record, risk_id, "escalated", when or date.today(), RISK_ORDER)
    return session.commit(write=write)


# --- the plan, benefits, sign-offs --------------------------------------------------------


def complete_milestone(
    folder: str | Path | None,
    milestone_id: str,
    *,
    when: date | None = None,
    force: bool = False,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Record that a milestone was completed, today or on `when`. A milestone already
    completed keeps its date (its slippage is history) unless `force`."""
    session = EditSession(folder, check=check)
    doc = session.document("milestones.yaml")
    index = find_record(doc, "milestones", milestone_id, "milestone")
    record = ("milestones", index)
    already = doc.get((*record, "completed"))
    if already is not None and not force:
        raise NothingToDo(
            f"milestone {milestone_id} was already completed on {already}; nothing was "
            "changed (to correct the date, give --date and --force)"
        )
    completed = when or date.today()
    session.set_field(doc, record, milestone_id, "completed", completed, MILESTONE_ORDER)
    return session.commit(write=write)


def move_milestone(
    folder: str | Path | None,
    milestone_id: str,
    *,
    due: date,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Move a milestone's due date. The result's warnings name each milestone that depends on
    it and is now due before it (PSP302), which was not so before the move."""
    session = EditSession(folder, check=check)
    doc = session.document("milestones.yaml")
    index = find_record(doc, "milestones", milestone_id, "milestone")
    old_due = _as_date(doc.get(("milestones", index, "due")))
    session.set_field(doc, ("milestones", index), milestone_id, "due", due, MILESTONE_ORDER)
    positions = None
    for j, other in enumerate(_records(doc, "milestones")):
        if not isinstance(other, dict) or not isinstance(other.get("depends_on"), list):
            continue
        other_due = _as_date(other.get("due"))
        if other_due is None or milestone_id not in other["depends_on"]:
            continue
        if other_due < due and not (old_due is not None and other_due < old_due):
            if positions is None:
                from .yamlfile import parse_yaml

                positions = parse_yaml(doc.text, doc.name).positions
            k = other["depends_on"].index(milestone_id)
            where = positions.get(("milestones", j, "depends_on", k))
            session.warnings.append(
                make(
                    "PSP302",
                    f"milestone {other.get('id')} is due {other_due} but depends on "
                    f"{milestone_id}, due later ({due})",
                    doc.name,
                    where.value_line if where else 0,
                    where.value_column if where else 0,
                    hint=f"move {other.get('id')} after {due} or {milestone_id} before {other_due}",
                )
            )
    return session.commit(write=write)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return iso_date(str(value))
    except ValueError:
        return None


def record_benefit(
    folder: str | Path | None,
    benefit_id: str,
    *,
    value: float,
    when: date | None = None,
    note: str | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Record a benefit's KPI measurement for a date (default today); a measurement already
    recorded for that date gets the new value."""
    session = EditSession(folder, check=check)
    doc = session.document("benefits.yaml")
    index = find_record(doc, "benefits", benefit_id, "benefit")
    when = when or date.today()
    measurements = doc.get(("benefits", index, "measurements")) or []
    for j, measurement in enumerate(measurements if isinstance(measurements, list) else []):
        if isinstance(measurement, dict) and str(measurement.get("date")) == when.isoformat():
            path = ("benefits", index, "measurements", j)
            label = f"measurement of {when.isoformat()}"
            old = measurement.get("value")
            if not same(old, value):
                doc.set((*path, "value"), value, order=MEASUREMENT_ORDER)
                session.changes.append(Change(doc.name, benefit_id, label, old, value))
            if note is not None:
                session.set_field(doc, path, benefit_id, "note", note, MEASUREMENT_ORDER)
            return session.commit(write=write)
    item = _compact({"date": when, "value": value, "note": note})
    doc.append(("benefits", index, "measurements"), item, flow=True, order=BENEFIT_ORDER)
    summary = f"{_show(value)} on {when.isoformat()}"
    session.changes.append(Change(doc.name, benefit_id, "measurement", new=summary, added=True))
    return session.commit(write=write)


def sign(
    folder: str | Path | None,
    *,
    document: str,
    partner: str,
    person: str | None = None,
    when: date | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Record a partner's sign-off of a document (`mou`, `outline_business_case`, …) in
    psp.yaml's approvals, given by `person` on `when` (default today)."""
    session = EditSession(folder, check=check)
    doc = session.document("psp.yaml")
    for approval in _records(doc, "approvals"):
        if (
            isinstance(approval, dict)
            and approval.get("document") == document
            and approval.get("partner") == partner
        ):
            on = f" on {approval['date']}" if approval.get("date") else ""
            raise NothingToDo(
                f"{partner} has already signed the {DOCUMENT_TITLES.get(document, document)}{on}; "
                "nothing was changed"
            )
    item = _compact(
        {"document": document, "partner": partner, "person": person, "date": when or date.today()}
    )
    doc.append(("approvals",), item, flow=True, order=PARTNERSHIP_ORDER)
    signer = f"{person} for {partner}" if person else partner
    session.changes.append(Change(doc.name, document, "approval", new=signer, added=True))
    return session.commit(write=write)


# --- partners and goals -------------------------------------------------------------------


def add_partner(
    folder: str | Path | None = None,
    *,
    name: str,
    sector: str,
    record_id: str | None = None,
    lead: bool = False,
    potential_funder: bool = False,
    contribution: str | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Add a partner organisation to partners.yaml; its id is made from its name unless
    given."""
    session = EditSession(folder, check=check)
    doc = session.document("partners.yaml")
    record_id = record_id or slug(name)
    people = [
        str(person["id"])
        for partner in _records(doc, "partners")
        if isinstance(partner, dict) and isinstance(partner.get("people"), list)
        for person in partner["people"]
        if isinstance(person, dict) and "id" in person
    ]
    _new_record_id(doc, "partners", record_id, "partner")
    if record_id in people:
        raise UserError(
            f"partners.yaml already has a person '{record_id}'; partners and people share ids"
        )
    record = {
        "id": record_id,
        "name": name,
        "sector": sector,
        "lead": lead,
        "potential_funder": potential_funder,
        "contribution": contribution,
    }
    doc.append(("partners",), _compact(record), flow=False)
    session.changes.append(Change(doc.name, record_id, "partner", new=name, added=True))
    return session.commit(write=write)


def add_goal(
    folder: str | Path | None = None,
    *,
    title: str,
    record_id: str | None = None,
    term: str | None = None,
    measure: str | None = None,
    baseline: float | None = None,
    target: float | None = None,
    unit: str | None = None,
    due: date | None = None,
    owner: str | None = None,
    relevance: str | None = None,
    check: Checker | None = None,
    write: bool = True,
) -> EditResult:
    """Add a goal to goals.yaml, with the next free id (G4 after G3) unless given."""
    session = EditSession(folder, check=check)
    doc = session.document("goals.yaml")
    ids = _ids(_records(doc, "goals"))
    record_id = record_id or next_id(ids, "G")
    _new_record_id(doc, "goals", record_id, "goal")
    record = {
        "id": record_id,
        "title": title,
        "term": term,
        "measure": measure,
        "baseline": baseline,
        "target": target,
        "unit": unit,
        "due": due,
        "owner": owner,
        "relevance": relevance,
    }
    doc.append(("goals",), _compact(record), flow=False)
    session.changes.append(Change(doc.name, record_id, "goal", new=title, added=True))
    return session.commit(write=write)


__all__ = [
    "Change",
    "Checker",
    "EditRefused",
    "EditResult",
    "EditSession",
    "RecordNotFound",
    "add_goal",
    "add_partner",
    "add_risk",
    "add_risk_action",
    "close_risk",
    "complete_milestone",
    "escalate_risk",
    "find_record",
    "load_checks",
    "move_milestone",
    "next_id",
    "record_benefit",
    "sign",
    "update_risk",
]
