"""The RAID workbook's layout: the contract between `psp render raid` and `psp import raid`.

docs/raid-workbook.md describes it for people; this module is the same contract as code, so
the writer and the reader cannot drift apart. It holds column definitions and the pure
functions both sides need (a record's cell values, its fingerprint), and imports no
spreadsheet library.

A workbook has three sheets that matter here: `RAID log` (one row per entry of risks.yaml),
`Actions` (one row per action, keyed by the entry's id and the action's number) and a hidden
`_psp` sheet recording, for each entry, a fingerprint of its row and actions as rendered. On
import, an entry whose fingerprint in the folder no longer matches was changed in the folder
since the workbook was made; one whose rows no longer match was changed in the workbook.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from ..vocabulary import RAID_TYPES

FORMAT = "psp-raid-1"
"""Written in the `_psp` sheet; a workbook in another format is refused."""
RAID_SHEET = "RAID log"
ACTIONS_SHEET = "Actions"
META_SHEET = "_psp"
META_HEADER = ("Key", "Value")
FINGERPRINT_KEY = "risk "
"""A fingerprint row's key is `risk R1`, its value the fingerprint."""

CellKind = Literal["id", "text", "choice", "score", "date", "bool", "number", "formula"]
STATUSES = ("open", "closed")


@dataclass(frozen=True)
class Column:
    """One column: its header (row 1), the record field it holds and how its cells read."""

    header: str
    field: tuple[str, ...]
    kind: CellKind
    required: bool = False
    choices: tuple[str, ...] = ()
    default: Any = None
    width: int = 12
    """For the renderer: the column's width in characters."""

    @property
    def is_data(self) -> bool:
        """False for computed columns (the score), which import ignores."""
        return self.kind != "formula"


RAID_COLUMNS: tuple[Column, ...] = (
    Column("ID", ("id",), "id", required=True, width=5),
    Column("Type", ("type",), "choice", required=True, choices=RAID_TYPES, width=11),
    Column("Title", ("title",), "text", required=True, width=24),
    Column("Description", ("description",), "text", width=35),
    Column("Category", ("category",), "text", width=11),
    Column("Owner", ("owner",), "id", width=11),
    Column("Likelihood", ("likelihood",), "score", required=True, width=10),
    Column("Impact", ("impact",), "score", required=True, width=7),
    Column("Score", (), "formula", width=6),
    Column("Target likelihood", ("target", "likelihood"), "score", width=10),
    Column("Target impact", ("target", "impact"), "score", width=7),
    Column("Status", ("status",), "choice", choices=STATUSES, default="open", width=7),
    Column("Raised", ("raised",), "date", width=17),
    Column("Review", ("review",), "date", width=17),
    Column("Resolve by", ("resolve_by",), "date", width=17),
    Column("Closed", ("closed",), "date", width=17),
    Column("Escalated", ("escalated",), "date", width=17),
)
"""The `RAID log` sheet, in this order. Score is `=Likelihood*Impact` of its row. The
widths keep the sheet readable on paper: printed on A3 landscape one page wide, its text is
no smaller than 9 points (`render.workbook.printed_point_size`); Title and Description wrap."""

ACTION_COLUMNS: tuple[Column, ...] = (
    Column("Risk ID", ("risk",), "id", required=True, width=8),
    Column("No.", ("number",), "number", width=5),
    Column("Action", ("action",), "text", required=True, width=60),
    Column("Owner", ("owner",), "id", width=14),
    Column("Due", ("due",), "date", width=12),
    Column("Done", ("done",), "bool", default=False, width=7),
    Column("Title", (), "formula", width=46),
)
"""The `Actions` sheet. `No.` is the action's place among its entry's actions (1, 2, …) as
rendered; a row with no number is a new action. `Title` is the entry's title, looked up
from the `RAID log` sheet by the Risk ID (`title_formula`), which import ignores: last, so
the columns before it are where they were before it was added."""

ACTION_FIELDS = tuple(c for c in ACTION_COLUMNS if c.is_data and c.header not in ("Risk ID", "No."))
"""The columns that are fields of the action itself."""


EMPTY_NOTES = {
    RAID_SHEET: "No risks, issues, assumptions or dependencies are recorded as at {date}.",
    ACTIONS_SHEET: "No actions are recorded as at {date}.",
}
"""What an empty sheet says under its header, in its first cell, so its printed page is not
a blank table ("No actions are recorded as at 30 June 2011.", the wording of every empty
table psp writes); `psp import raid` skips it."""
_EARLIER_NOTES = {
    RAID_SHEET: "No risks, issues, assumptions or dependencies recorded as at {date}.",
    ACTIONS_SHEET: "No actions recorded as at {date}.",
}
"""The notes as workbooks rendered before 2026 wrote them, which the import skips too."""


def is_empty_note(sheet: str, value: Any) -> bool:
    """Whether `value` is the note `EMPTY_NOTES` puts on an empty `sheet`, as at any date
    (or the note as earlier workbooks wrote it)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    for notes in (EMPTY_NOTES, _EARLIER_NOTES):
        note = notes.get(sheet)
        if note is None:
            continue
        before, _, after = note.partition("{date}")
        fits = len(text) > len(before) + len(after)
        if fits and text.startswith(before) and text.endswith(after):
            return True
    return False


NOT_SET = "Not set"
"""What the workbook shows in an empty cell of the `NOT_SET_COLUMNS` of an entry, so a gap
reads as one on paper; `psp import raid` reads it as the empty cell it stands for."""
NOT_SET_COLUMNS = (
    "Description",
    "Category",
    "Owner",
    "Target likelihood",
    "Target impact",
    "Raised",
    "Review",
    "Resolve by",
)


def is_not_set(value: Any) -> bool:
    """Whether a cell holds `NOT_SET` (in any case), which stands for an empty cell."""
    return isinstance(value, str) and value.strip().casefold() == NOT_SET.casefold()


OWNER_HEADER = "Owner"
"""The column of the `RAID log` and `Actions` sheets that holds an owner: by name, as a
person reads it, and read back as the owner's id (`owner_labels`)."""


def owner_labels(names: Mapping[str, str]) -> dict[str, str]:
    """What the workbook shows for each owner id (`names`: id → a partner's or person's
    name): the name, where no other owner has the same name and no id is spelt like it;
    else the id itself, so every label reads back to one owner."""
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    ids = {i.casefold() for i in names}
    # a name spelt as its own id ("Fosterplus", fosterplus) still reads back to that owner
    return {
        owner: name
        if counts[name.casefold()] == 1
        and (name.casefold() not in ids or name.casefold() == owner.casefold())
        else owner
        for owner, name in names.items()
    }


def owner_ids(names: Mapping[str, str]) -> dict[str, str]:
    """The owner id each label of `owner_labels` stands for, by its label casefolded."""
    return {label.casefold(): owner for owner, label in owner_labels(names).items()}


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def score_formula(row: int) -> str:
    """The Score cell's formula for a row of the `RAID log` sheet: likelihood × impact, and
    nothing until both are given (so the spare rows below the log score a new entry)."""
    headers = [c.header for c in RAID_COLUMNS]
    likelihood = column_letter(headers.index("Likelihood"))
    impact = column_letter(headers.index("Impact"))
    pair = f"{likelihood}{row},{impact}{row}"
    return f'=IF(COUNT({pair})=2,{likelihood}{row}*{impact}{row},"")'


def title_formula(row: int) -> str:
    """The `Actions` sheet's Title cell on `row`: the title of the entry its Risk ID names,
    from the `RAID log` sheet, or nothing (no id, or one not in the log)."""
    headers = [c.header for c in RAID_COLUMNS]
    ids, titles = column_letter(headers.index("ID")), column_letter(headers.index("Title"))
    sheet = f"'{RAID_SHEET}'"
    return (
        f'=IF(A{row}="","",IFERROR(INDEX({sheet}!${titles}:${titles},'
        f'MATCH(A{row},{sheet}!${ids}:${ids},0)),""))'
    )


def canonical(column: Column, value: Any) -> Any:
    """A value as both sides compare it: dates as ISO text, whole numbers as int, text
    stripped with Windows line ends made plain, empty as the column's default."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip()
        if value == "":
            value = None
    if value is None:
        return column.default
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and not isinstance(value, bool):
        return int(value)
    return value


def _field(record: Mapping[str, Any], path: Sequence[str]) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


def risk_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A risks.yaml record (as the loader reads it) as the `RAID log` row's values, by
    header; the Score column is left out."""
    return {c.header: canonical(c, _field(record, c.field)) for c in RAID_COLUMNS if c.is_data}


def action_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A record's actions as `Actions` rows, by header, numbered from 1."""
    actions = record.get("actions")
    rows = []
    for number, action in enumerate(actions if isinstance(actions, list) else [], start=1):
        action = action if isinstance(action, Mapping) else {}
        row = {c.header: canonical(c, _field(action, c.field)) for c in ACTION_FIELDS}
        rows.append({"Risk ID": record.get("id"), "No.": number, **row})
    return rows


def fingerprint(row: Mapping[str, Any], actions: Sequence[Mapping[str, Any]]) -> str:
    """A short hash of an entry's row and its actions' rows (in order), in canonical values.

    The same entry gives the same fingerprint whether it is read from risks.yaml or from an
    unchanged workbook.
    """
    payload = [
        [row.get(c.header) for c in RAID_COLUMNS if c.is_data],
        [[action.get(c.header) for c in ACTION_FIELDS] for action in actions],
    ]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def record_fingerprint(record: Mapping[str, Any]) -> str:
    """The fingerprint of a risks.yaml record, as the renderer writes it in `_psp`."""
    return fingerprint(risk_row(record), action_rows(record))


def meta_rows(
    partnership: str, rendered: date, records: Sequence[Mapping[str, Any]]
) -> list[tuple[str, Any]]:
    """The `_psp` sheet's rows, header first: format, partnership id, date rendered, then a
    fingerprint for each record with an id."""
    rows: list[tuple[str, Any]] = [
        META_HEADER,
        ("format", FORMAT),
        ("partnership", partnership),
        ("rendered", rendered.isoformat()),
    ]
    for record in records:
        if isinstance(record, Mapping) and record.get("id") is not None:
            rows.append((f"{FINGERPRINT_KEY}{record['id']}", record_fingerprint(record)))
    return rows


def cell_value(column: Column, value: Any) -> Any:
    """A canonical value as the renderer writes it in a cell: dates as dates, so Excel
    shows them as dates."""
    if column.kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
