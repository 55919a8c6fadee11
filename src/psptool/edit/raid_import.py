"""Reading back a RAID workbook edited in Excel, and merging it into risks.yaml.

`plan_raid_import` reads the workbook (laid out as `raid_layout` says) and compares it with
the folder; it never writes. `apply_raid_import` writes the differences into risks.yaml
through the round-trip writer, after the same checks as every edit (every check of `psp
validate`).

The comparison is a three-way merge by entry. The workbook's hidden `_psp` sheet holds a
fingerprint of each entry as it was rendered; so for each entry psp can tell whether it was
changed in the workbook (its rows no longer match the fingerprint), in the folder (risks.yaml
no longer matches it), or both. Changes made only in the workbook are imported; entries
changed only in the folder keep the folder's values; entries changed on both sides are
conflicts, and the import is refused unless forced, when the workbook's values win.

Nothing is written while the workbook has a problem: an unknown or missing column, a value
that cannot be read, a row without an id. Each is reported with its sheet, row and column.
Cells are read as typed: a formula is reported rather than its cached result read, since a
formula Excel never recalculated has no result at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import ImportRefused, UserError
from ..load.limits import (
    EXCEL_CELL_CHARS,
    MAX_COLUMNS,
    MAX_WORKBOOK_BYTES,
    check_office_file,
    excel_length,
    read_regular,
)
from ..load.raid_layout import (
    ACTION_COLUMNS,
    ACTION_FIELDS,
    ACTIONS_SHEET,
    FINGERPRINT_KEY,
    FORMAT,
    META_HEADER,
    META_SHEET,
    NOT_SET_COLUMNS,
    OWNER_HEADER,
    RAID_COLUMNS,
    RAID_SHEET,
    Column,
    action_rows,
    canonical,
    column_letter,
    fingerprint,
    is_empty_note,
    is_not_set,
    owner_ids,
    record_fingerprint,
    risk_row,
)
from ..load.roundtrip import YamlDocument
from ..model.common import ID_PATTERN
from ..quoting import escape_controls, shorten
from .risks import ACTION_ORDER, RISK_ORDER
from .session import DEFAULTS, Change, EditResult, EditSession, next_id, records

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_TRUE = {"yes", "y", "true", "done", "x"}
_FALSE = {"no", "n", "false", "not done"}
_TARGET = ("Target likelihood", "Target impact")


@dataclass(frozen=True)
class CellProblem:
    """Something in the workbook psp cannot import, and where: sheet, row and column."""

    sheet: str
    row: int
    column: str
    header: str
    message: str

    def __str__(self) -> str:
        where = f"sheet '{self.sheet}'"
        if self.row:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        if self.header:
            where += f" ({self.header})"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Difference:
    """A value the workbook would change: in the folder now, and in the workbook."""

    record: str
    field: str
    folder: Any
    workbook: Any
    conflict: bool = False


@dataclass
class _Row:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)

    def empty(self, header: str) -> bool:
        """The cell is in the sheet, readable, and empty."""
        return (
            header in self.letters
            and header not in self.unreadable
            and self.values.get(header) is None
        )


@dataclass
class _Update:
    record: str
    index: int | None
    conflict: bool
    new_record: dict[str, Any] | None = None
    fields: list[tuple[tuple[str, ...], Any]] = field(default_factory=list)
    actions: list[tuple[int, str, Any]] = field(default_factory=list)
    new_actions: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RaidImport:
    """What importing a workbook would do. `differences` are shown; `problems` and
    `conflicts` stop `apply_raid_import` (conflicts only without `force`)."""

    workbook: Path
    root: Path
    problems: list[CellProblem]
    differences: list[Difference]
    conflicts: list[str]
    """Entries changed both in the folder and in the workbook since it was made."""
    fingerprinted: bool
    """False when the workbook has no `_psp` sheet, so changes in the folder cannot be told
    from changes in the workbook."""
    notes: list[str]
    session: EditSession = field(repr=False)
    updates: list[_Update] = field(default_factory=list, repr=False)

    @property
    def needs_force(self) -> bool:
        return bool(self.conflicts) or not self.fingerprinted


def plan_raid_import(
    workbook: str | Path, folder: str | Path | None = None, *, as_of: date | None = None
) -> RaidImport:
    """Read `workbook` and compare it with the folder's risks.yaml; write nothing. The
    import is checked as at `as_of` (default today) when it is applied."""
    workbook = Path(workbook)
    session = EditSession(folder, as_of=as_of)
    doc = session.document("risks.yaml")
    partnership = session.document("psp.yaml").get(("id",))
    current = _current(doc)
    sheets, problems = _read_workbook(workbook)
    _owners_by_id(sheets, owner_ids(_owner_names(session)))
    plan = RaidImport(workbook, session.root, problems, [], [], META_SHEET in sheets, [], session)
    raid = _table(RAID_SHEET, sheets.get(RAID_SHEET), RAID_COLUMNS, problems)
    actions = _table(ACTIONS_SHEET, sheets.get(ACTIONS_SHEET), ACTION_COLUMNS, problems)
    fingerprints = _meta(sheets.get(META_SHEET), partnership, problems)
    rows = _raid_rows(raid, current, actions, problems)
    by_risk = _action_rows(actions, rows, current, fingerprints, problems)
    if problems:
        sheets_order = (RAID_SHEET, ACTIONS_SHEET, META_SHEET)
        problems.sort(key=lambda p: (sheets_order.index(p.sheet), p.row, len(p.column), p.column))
        return plan
    for record_id, row in rows.items():
        _compare(plan, record_id, row, by_risk.get(record_id, []), current, fingerprints)
    for record_id in current:
        if record_id not in rows:
            plan.notes.append(
                f"{record_id} is not in the workbook; it is left as it is "
                "(psp import never deletes an entry: close it instead)"
            )
    return plan


def apply_raid_import(plan: RaidImport, *, force: bool = False, write: bool = True) -> EditResult:
    """Write the workbook's changes into risks.yaml, checked like every edit.

    Refused (nothing written) while the workbook has problems, and, unless `force`, when an
    entry changed on both sides or the workbook has no fingerprints.
    """
    reason = refusal(plan, force=force)
    if reason is not None:
        raise ImportRefused(reason)
    session = plan.session
    doc = session.document("risks.yaml")
    for update in plan.updates:
        if update.new_record is not None:
            doc.append(("risks",), update.new_record, flow=False)
            kind = str(update.new_record.get("type"))
            session.note(doc, update.record, kind, update.new_record.get("title"))
            continue
        assert update.index is not None
        record = ("risks", update.index)
        for path, value in update.fields:
            order = RISK_ORDER if len(path) == 1 else ("likelihood", "impact")
            _put(session, doc, (*record, *path), update.record, ".".join(path), value, order)
        for k, name, value in update.actions:
            where = (*record, "actions", k, name)
            _put(session, doc, where, update.record, f"action {k + 1} {name}", value, ACTION_ORDER)
        for action in update.new_actions:
            doc.append((*record, "actions"), action, flow=True, order=RISK_ORDER)
            session.note(doc, update.record, "action", action.get("action"))
    return session.commit(write=write)


def refusal(plan: RaidImport, *, force: bool = False) -> str | None:
    """Why `apply_raid_import` would refuse the plan, or None when it would go ahead."""
    if plan.problems:
        count = len(plan.problems)
        lines = "\n".join(f"  {p}" for p in plan.problems)
        return (
            f"nothing was written: the workbook has {count} problem{'s' if count != 1 else ''}:"
            f"\n{lines}"
        )
    if not force and plan.conflicts:
        return (
            "nothing was written: the workbook was made from an older state of the folder, and "
            f"{_names(plan.conflicts)} changed both in the folder and in the workbook since; "
            "use --force to take the workbook's values for them"
        )
    if not force and not plan.fingerprinted:
        return (
            f"nothing was written: the workbook has no '{META_SHEET}' sheet, so psp cannot tell "
            "what changed in the folder since it was made; use --force to take the workbook's "
            "values"
        )
    return None


def _put(
    session: EditSession,
    doc: YamlDocument,
    path: tuple[Any, ...],
    record_id: str,
    label: str,
    value: Any,
    order: Sequence[str],
) -> None:
    """Set (or, for None, remove) one value, noting the change."""
    old = doc.get(path, DEFAULTS.get(str(path[-1])))
    if value is None:
        if doc.has(path):
            doc.delete(path)
            session.changes.append(Change(doc.name, record_id, label, old, None))
        return
    doc.set(path, value, order=order)
    session.changes.append(Change(doc.name, record_id, label, old, value))


def _names(ids: Sequence[str]) -> str:
    return ", ".join(ids[:-1]) + f" and {ids[-1]}" if len(ids) > 1 else ids[0]


# --- the folder's side ------------------------------------------------------------------


def _current(doc: YamlDocument) -> dict[str, tuple[int, dict[str, Any]]]:
    records = doc.get(("risks",))
    if records is None:
        return {}
    if not isinstance(records, list):
        raise UserError("risks.yaml: 'risks' is not a list; fix the file before importing")
    current: dict[str, tuple[int, dict[str, Any]]] = {}
    for index, record in enumerate(records):
        if isinstance(record, dict) and "id" in record:
            record_id = str(record["id"])
            if record_id in current:
                raise UserError(
                    f"risks.yaml has two entries with the id '{record_id}'; "
                    "give each its own id before importing"
                )
            current[record_id] = (index, record)
    return current


# --- reading the workbook ---------------------------------------------------------------

Cell = tuple[Any, bool]
"""A cell's value as typed, and whether it holds a formula."""


def _read_workbook(path: Path) -> tuple[dict[str, list[list[Cell]]], list[CellProblem]]:
    """Every sheet the layout names, as rows of cells.

    Only a regular file is read, and only once its declared sizes, its sheets' rows, columns
    and cells and its XML (no entity declarations, nothing cut short) are within the limits
    (load.limits): a 20 KB workbook with one cell at XFD1048576 would otherwise be padded
    to billions of cells."""
    import io
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    shown = escape_controls(str(path))
    data = read_regular(path, "the workbook", MAX_WORKBOOK_BYTES)
    check_office_file(data, shown, "an Excel workbook (.xlsx)", sheets=True)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise UserError(
            f"{shown} cannot be read as an Excel workbook (.xlsx): {shorten(exc)}"
        ) from None
    try:
        sheets: dict[str, list[list[Cell]]] = {}
        for name in (RAID_SHEET, ACTIONS_SHEET, META_SHEET):
            if name in book.sheetnames:
                sheets[name] = [
                    [(cell.value, cell.data_type == "f") for cell in row]
                    for row in book[name].iter_rows(max_col=MAX_COLUMNS)
                ]
    except Exception as exc:  # the sheet XML is read only now, row by row
        raise UserError(
            f"{shown}: the sheet cannot be read ({type(exc).__name__}: {shorten(exc)}); "
            "the workbook may be damaged"
        ) from None
    finally:
        book.close()
    problems = [
        CellProblem(name, 0, "", "", f"the workbook has no sheet '{name}'")
        for name in (RAID_SHEET, ACTIONS_SHEET)
        if name not in sheets
    ]
    return sheets, problems


def _owner_names(session: EditSession) -> dict[str, str]:
    """Partners' and people's names by id, from partners.yaml as it stands."""
    names: dict[str, str] = {}
    for partner in records(session.document("partners.yaml"), "partners"):
        if not isinstance(partner, Mapping):
            continue
        people = partner.get("people")
        for record in [partner, *(people if isinstance(people, list) else [])]:
            if isinstance(record, Mapping) and record.get("id") and record.get("name"):
                names[str(record["id"])] = str(record["name"])
    return names


def _owners_by_id(sheets: dict[str, list[list[Cell]]], ids: Mapping[str, str]) -> None:
    """Turn each owner the workbook shows by name back into the owner's id, in place; a
    cell that names no known owner is left for the id check to report."""
    for name in (RAID_SHEET, ACTIONS_SHEET):
        rows = sheets.get(name)
        if not rows:
            continue
        headers = [str(v).strip().casefold() if v is not None else "" for v, _ in rows[0]]
        if OWNER_HEADER.casefold() not in headers:
            continue
        at = headers.index(OWNER_HEADER.casefold())
        for row in rows[1:]:
            if at < len(row):
                value, formula = row[at]
                if not formula and isinstance(value, str) and value.strip().casefold() in ids:
                    row[at] = (ids[value.strip().casefold()], False)


def _blank(cell: Cell) -> bool:
    value = cell[0]
    return value is None or (isinstance(value, str) and not value.strip())


def _only_note(sheet: str, cells: Sequence[Cell], calculated: set[int]) -> bool:
    """The row holds nothing but the note psp writes on an empty sheet, in its first cell."""
    rest = [cell for i, cell in enumerate(cells) if i and i not in calculated]
    return bool(cells) and is_empty_note(sheet, cells[0][0]) and all(_blank(c) for c in rest)


def _table(
    sheet: str,
    rows: list[list[Cell]] | None,
    columns: Sequence[Column],
    problems: list[CellProblem],
) -> list[_Row]:
    """The sheet's rows by column header; problems for unknown, missing or repeated
    columns and for cells that cannot be read."""
    if rows is None:
        return []
    if not rows:
        problems.append(CellProblem(sheet, 1, "", "", "the sheet is empty: row 1 holds headers"))
        return []
    known = {c.header.casefold(): c for c in columns}
    where: dict[str, int] = {}
    for i, cell in enumerate(rows[0]):
        letter = column_letter(i)
        name = str(cell[0]).strip() if not _blank(cell) else ""
        if not name:
            if any(i < len(row) and not _blank(row[i]) for row in rows[1:]):
                problems.append(
                    CellProblem(sheet, 1, letter, "", "a column with values has no header")
                )
            continue
        column = known.get(name.casefold())
        if column is None:
            expected = ", ".join(c.header for c in columns)
            problems.append(
                CellProblem(sheet, 1, letter, name, f"unknown column; the columns are: {expected}")
            )
        elif column.header in where:
            first = column_letter(where[column.header])
            problems.append(
                CellProblem(
                    sheet, 1, letter, name, f"the column appears twice (also column {first})"
                )
            )
        else:
            where[column.header] = i
    for column in columns:
        if column.is_data and column.header not in where:
            problems.append(CellProblem(sheet, 1, "", column.header, "the column is missing"))
    parsed = []
    # a calculated column (the Score) holds a formula in the spare rows too
    calculated = {where[c.header] for c in columns if not c.is_data and c.header in where}
    for number, cells in enumerate(rows[1:], start=2):
        if all(_blank(cell) for i, cell in enumerate(cells) if i not in calculated):
            continue
        if _only_note(sheet, cells, calculated):  # "No actions recorded as at ..."
            continue
        row = _Row(number)
        for column in columns:
            if not column.is_data or column.header not in where:
                continue
            i = where[column.header]
            letter = column_letter(i)
            row.letters[column.header] = letter
            cell = cells[i] if i < len(cells) else (None, False)
            try:
                row.values[column.header] = _read_cell(column, cell)
            except ValueError as exc:
                problems.append(CellProblem(sheet, number, letter, column.header, str(exc)))
                row.values[column.header] = column.default
                row.unreadable.add(column.header)
        parsed.append(row)
    return parsed


def _read_cell(column: Column, cell: Cell) -> Any:
    """A cell's value, as typed, in the layout's canonical form; ValueError if unreadable."""
    value, formula = cell
    if formula:
        raise ValueError(
            f"'{value}' is a formula; type the value itself (psp reads what was typed, "
            "not what Excel last calculated)"
        )
    if isinstance(value, str):
        if max(len(value), excel_length(value)) >= EXCEL_CELL_CHARS:
            # Excel cuts longer text to its limit without a word: a cell this full may hold
            # the first part of a value, and importing it would lose the rest
            raise ValueError(
                f"the cell holds {excel_length(value):,} characters, as many as an Excel cell "
                "can: the text may have been cut; keep it under the limit, or edit it in "
                "risks.yaml"
            )
        value = value.strip()
        if not value or (column.header in NOT_SET_COLUMNS and is_not_set(value)):
            value = None  # "Not set", as the workbook shows an empty cell, is one
    if value is None:
        return column.default
    kind = column.kind
    if kind == "id":
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise ValueError(
                f"'{_text(value)}' is not a valid id: use letters, digits, '-' and '_', "
                "starting with a letter"
            )
        return value
    if kind == "text":
        return canonical(column, _text(value))
    if kind == "choice":
        text = _text(value).lower()
        if text not in column.choices:
            raise ValueError(f"'{_text(value)}' is not one of: {', '.join(column.choices)}")
        return text
    if kind in ("score", "number"):
        number = _whole(value)
        low, high = (1, 5) if kind == "score" else (1, None)
        if number is None or number < low or (high is not None and number > high):
            wanted = "a whole number from 1 to 5" if kind == "score" else "a whole number from 1"
            raise ValueError(f"'{_text(value)}' is not {wanted}")
        return number
    if kind == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str) and _DATE.match(value):
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                raise ValueError(f"'{value}' is not a real date") from None
        raise ValueError(f"'{_text(value)}' is not a date: enter a date, or type it as YYYY-MM-DD")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        text = _text(value).lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise ValueError(f"'{_text(value)}' is not yes or no")
    raise ValueError(f"'{_text(value)}' cannot be read")


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _meta(
    rows: list[list[Cell]] | None, partnership: Any, problems: list[CellProblem]
) -> dict[str, str]:
    """The fingerprints in the `_psp` sheet, after checking its format and partnership."""
    fingerprints: dict[str, str] = {}
    if rows is None:
        return fingerprints
    header = tuple(
        str(c[0]).strip() if c[0] is not None else "" for c in (rows[0] if rows else [])[:2]
    )
    if header != META_HEADER:
        problems.append(
            CellProblem(
                META_SHEET, 1, "A", "", f"row 1 must hold the headers {', '.join(META_HEADER)}"
            )
        )
        return fingerprints
    for number, cells in enumerate(rows[1:], start=2):
        key = str(cells[0][0]).strip() if cells and cells[0][0] is not None else ""
        value = cells[1][0] if len(cells) > 1 else None
        wrong = None
        if key == "format" and value != FORMAT:
            wrong = f"the workbook's format is '{value}'; this psp reads '{FORMAT}'"
        elif key == "partnership" and partnership is not None and value != partnership:
            wrong = f"the workbook was made for the partnership '{value}', not '{partnership}'"
        if wrong is not None:
            problems.append(CellProblem(META_SHEET, number, "B", "Value", wrong))
        elif key.startswith(FINGERPRINT_KEY) and isinstance(value, str):
            fingerprints[key[len(FINGERPRINT_KEY) :].strip()] = value.strip()
    return fingerprints


# --- comparing ------------------------------------------------------------------------


def _raid_rows(
    rows: list[_Row],
    current: dict[str, tuple[int, dict[str, Any]]],
    actions: list[_Row],
    problems: list[CellProblem],
) -> dict[str, _Row]:
    by_id: dict[str, _Row] = {}
    taken = set(current) | {str(r.values["ID"]) for r in rows if r.values.get("ID")}
    for row in rows:
        record_id = row.values.get("ID")
        letter = row.letters.get("ID", "")

        def id_problem(message: str, number: int = row.number, letter: str = letter) -> CellProblem:
            return CellProblem(RAID_SHEET, number, letter, "ID", message)

        if not record_id:
            suggestion = next_id(taken, "R")
            problems.append(
                id_problem(
                    "this row has no ID: put back the id of the entry it was, or give a new "
                    f"entry a new id (the next free one is {suggestion})"
                )
            )
            continue
        if record_id in by_id:
            problems.append(id_problem(f"{record_id} is also on row {by_id[record_id].number}"))
            continue
        for column in RAID_COLUMNS:
            if column.required and row.empty(column.header):
                problems.append(
                    CellProblem(
                        RAID_SHEET,
                        row.number,
                        row.letters[column.header],
                        column.header,
                        f"this is empty; every entry needs its {column.header.lower()}",
                    )
                )
        filled = [not row.empty(h) for h in _TARGET]
        if all(h in row.letters for h in _TARGET) and filled[0] != filled[1]:
            empty = _TARGET[1] if filled[0] else _TARGET[0]

            problems.append(
                CellProblem(
                    RAID_SHEET,
                    row.number,
                    row.letters[empty],
                    empty,
                    "give both target scores or neither",
                )
            )
        by_id[record_id] = row
    return by_id


def _action_rows(
    actions: list[_Row],
    rows: dict[str, _Row],
    current: dict[str, tuple[int, dict[str, Any]]],
    fingerprints: dict[str, str],
    problems: list[CellProblem],
) -> dict[str, list[_Row]]:
    by_risk: dict[str, list[_Row]] = {}
    numbers: dict[tuple[str, int], int] = {}
    for row in actions:
        record_id = row.values.get("Risk ID")
        if not record_id:
            problems.append(
                CellProblem(
                    ACTIONS_SHEET,
                    row.number,
                    row.letters.get("Risk ID", ""),
                    "Risk ID",
                    "this row has no risk ID: every action belongs to an entry of the RAID log",
                )
            )
            continue
        if record_id not in rows:
            problems.append(
                CellProblem(
                    ACTIONS_SHEET,
                    row.number,
                    row.letters.get("Risk ID", ""),
                    "Risk ID",
                    f"there is no row for {record_id} in the sheet '{RAID_SHEET}'",
                )
            )
            continue
        if row.empty("Action"):
            problems.append(
                CellProblem(
                    ACTIONS_SHEET,
                    row.number,
                    row.letters["Action"],
                    "Action",
                    "this is empty; every action needs its text",
                )
            )
        number = row.values.get("No.")
        if number is not None:
            letter = row.letters.get("No.", "")
            known = current.get(record_id)
            count = len(action_rows(known[1])) if known else 0
            rendered = known is None and record_id in fingerprints
            if (record_id, number) in numbers:
                problems.append(
                    CellProblem(
                        ACTIONS_SHEET,
                        row.number,
                        letter,
                        "No.",
                        f"{record_id}'s action {number} is also on row "
                        f"{numbers[(record_id, number)]}",
                    )
                )
                continue
            if number > count and not rendered:
                has = f"has {count} action{'s' if count != 1 else ''}" if known else "is new"
                problems.append(
                    CellProblem(
                        ACTIONS_SHEET,
                        row.number,
                        letter,
                        "No.",
                        f"{record_id} {has} in risks.yaml; leave No. empty for a new action",
                    )
                )
                continue
            numbers[(record_id, number)] = row.number
        by_risk.setdefault(record_id, []).append(row)
    for entries in by_risk.values():
        entries.sort(key=lambda r: (r.values.get("No.") is None, r.values.get("No.") or 0))
    return by_risk


def _compare(
    plan: RaidImport,
    record_id: str,
    row: _Row,
    actions: list[_Row],
    current: dict[str, tuple[int, dict[str, Any]]],
    fingerprints: dict[str, str],
) -> None:
    """Add the differences and updates for one entry of the workbook."""
    sheet_fp = fingerprint(row.values, [a.values for a in actions])
    base = fingerprints.get(record_id)
    if record_id not in current:
        if base is not None:
            if sheet_fp == base:
                plan.notes.append(
                    f"{record_id} was deleted from the folder since the workbook was made; "
                    "its row is left out"
                )
                return
            plan.conflicts.append(record_id)
        _new_entry(plan, record_id, row, actions, conflict=base is not None)
        return
    index, record = current[record_id]
    now_fp = record_fingerprint(record)
    if base is not None and sheet_fp == base:
        if now_fp != base:
            plan.notes.append(
                f"{record_id} changed in the folder since the workbook was made; "
                "the folder's values are kept"
            )
        return
    if sheet_fp == now_fp:
        return
    conflict = plan.fingerprinted and (base is None or now_fp != base)
    update = _Update(record_id, index, conflict)
    now = risk_row(record)
    for column in RAID_COLUMNS:
        if not column.is_data or column.header in ("ID", *_TARGET):
            continue
        old, new = now[column.header], row.values[column.header]
        if old != new:
            plan.differences.append(Difference(record_id, column.header, old, new, conflict))
            update.fields.append((column.field, _stored(column, new)))
    old_target = tuple(now[h] for h in _TARGET)
    new_target = tuple(row.values[h] for h in _TARGET)
    if old_target != new_target:
        for header, old, new in zip(_TARGET, old_target, new_target, strict=True):
            if old != new:
                plan.differences.append(Difference(record_id, header, old, new, conflict))
        if new_target == (None, None):
            update.fields.append((("target",), None))
        elif isinstance(record.get("target"), dict):
            for header, old, new in zip(_TARGET, old_target, new_target, strict=True):
                if old != new:
                    update.fields.append((("target", header.split()[-1]), new))
        else:
            update.fields.append(
                (("target",), {"likelihood": new_target[0], "impact": new_target[1]})
            )
    existing = action_rows(record)
    seen: set[int] = set()
    for action in actions:
        number = action.values.get("No.")
        if number is None:
            text = action.values.get("Action")
            plan.differences.append(Difference(record_id, "new action", None, text, conflict))
            update.new_actions.append(_new_action(action))
            continue
        seen.add(number)
        for column in ACTION_FIELDS:
            old, new = existing[number - 1][column.header], action.values[column.header]
            if old != new:
                label = f"action {number}: {column.header}"
                plan.differences.append(Difference(record_id, label, old, new, conflict))
                update.actions.append((number - 1, column.field[0], _stored(column, new)))
    for number in range(1, len(existing) + 1):
        if number not in seen:
            plan.notes.append(
                f"{record_id}'s action {number} is not in the workbook; it is kept "
                "(psp import never deletes an action: mark it done instead)"
            )
    if update.fields or update.actions or update.new_actions:
        if conflict:
            plan.conflicts.append(record_id)
        plan.updates.append(update)


def _new_entry(
    plan: RaidImport, record_id: str, row: _Row, actions: list[_Row], *, conflict: bool
) -> None:
    values = row.values
    fields: dict[str, Any] = {
        column.field[0]: _stored(column, values.get(column.header))
        for column in RAID_COLUMNS
        if column.is_data and column.header not in _TARGET
    }
    if values.get(_TARGET[0]) is not None:
        fields["target"] = {"likelihood": values[_TARGET[0]], "impact": values[_TARGET[1]]}
    if actions:
        fields["actions"] = [_new_action(a) for a in actions]
    record = {key: fields[key] for key in RISK_ORDER if fields.get(key) is not None}
    plan.differences.append(Difference(record_id, "new entry", None, values.get("Title"), conflict))
    for action in actions:
        text = action.values.get("Action")
        plan.differences.append(Difference(record_id, "new action", None, text, conflict))
    plan.updates.append(_Update(record_id, None, conflict, new_record=record))


def _new_action(row: _Row) -> dict[str, Any]:
    action = {c.field[0]: _stored(c, row.values.get(c.header)) for c in ACTION_FIELDS}
    return {k: v for k, v in action.items() if v is not None and v is not False}


def _stored(column: Column, value: Any) -> Any:
    """A canonical value as it is written to YAML: dates as dates, so they are unquoted."""
    if column.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


__all__ = [
    "CellProblem",
    "Difference",
    "ImportRefused",
    "RaidImport",
    "apply_raid_import",
    "plan_raid_import",
    "refusal",
]
