"""RAID workbooks for tests, laid out as docs/raid-workbook.md says `psp render raid` writes
them, and edited as a partner would in Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from psptool.load.raid_layout import (
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    META_SHEET,
    RAID_COLUMNS,
    RAID_SHEET,
    action_rows,
    cell_value,
    meta_rows,
    risk_row,
    score_formula,
    title_formula,
)
from psptool.load.yamlfile import parse_yaml


def records(root: Path) -> list[dict[str, Any]]:
    """risks.yaml's entries as the loader reads them."""
    return parse_yaml((root / "risks.yaml").read_text(encoding="utf-8"), "risks.yaml").data["risks"]


def build(
    path: Path,
    entries: list[dict[str, Any]],
    *,
    partnership: str = "edit-test",
    rendered: date = date(2026, 6, 30),
    meta: bool = True,
) -> Path:
    """Write a workbook for `entries` as rendered: RAID log, Actions, the hidden _psp sheet."""
    book = Workbook()
    raid = book.active
    raid.title = RAID_SHEET
    raid.append([c.header for c in RAID_COLUMNS])
    for number, entry in enumerate(entries, start=2):
        row = risk_row(entry)
        raid.append(
            [
                cell_value(c, row[c.header]) if c.is_data else score_formula(number)
                for c in RAID_COLUMNS
            ]
        )
    actions = book.create_sheet(ACTIONS_SHEET)
    actions.append([c.header for c in ACTION_COLUMNS])
    row_number = 1
    for entry in entries:
        for action in action_rows(entry):
            row_number += 1
            actions.append(
                [
                    cell_value(c, action[c.header]) if c.is_data else title_formula(row_number)
                    for c in ACTION_COLUMNS
                ]
            )
    if meta:
        sheet = book.create_sheet(META_SHEET)
        sheet.sheet_state = "hidden"
        for meta_row in meta_rows(partnership, rendered, entries):
            sheet.append(list(meta_row))
    book.save(path)
    return path


def edit(
    path: Path, cells: dict[tuple[str, str], Any] | None = None, **rows: list[list[Any]]
) -> Path:
    """Change cells (`{("RAID log", "G2"): 4}`) and add rows (`Actions=[[...]]`), as in Excel."""
    book = load_workbook(path)
    for (sheet, ref), value in (cells or {}).items():
        book[sheet][ref] = value
    for sheet, new_rows in rows.items():
        for row in new_rows:
            book[sheet.replace("_", " ")].append(row)
    book.save(path)
    return path
