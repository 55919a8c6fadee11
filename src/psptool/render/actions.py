"""The chase list as tables: one per owner for the terminal and for an email (Markdown), one
flat table for a spreadsheet (CSV)."""

from __future__ import annotations

from datetime import timedelta

from ..report.actions import ChaseItem, ChaseList
from .tables import Table

COLUMNS = ["Ref", "What", "Kind", "Due", "Overdue"]


def _row(item: ChaseItem) -> list[object]:
    late = f"{item.overdue_days} days" if item.overdue else ""
    return [item.ref, item.what, item.kind, item.due or "no date", late]


def owner_tables(chase: ChaseList) -> list[Table]:
    """A table for each owner, overdue first: what an owner's email lists."""
    return [
        Table(name, COLUMNS, [_row(item) for item in items]) for name, items in chase.by_owner()
    ]


def flat_table(chase: ChaseList) -> Table:
    """Every item on one row with its owner, for a spreadsheet."""
    rows = [
        [
            i.owner_name,
            i.owner,
            i.ref,
            i.kind,
            i.what,
            i.due,
            i.overdue_days or None,
        ]
        for i in chase.items
    ]
    columns = ["Owner", "Owner id", "Ref", "Kind", "What", "Due", "Days overdue"]
    return Table("Chase list", columns, rows)


def summary(chase: ChaseList) -> str:
    """The line under the list: how many, how many overdue, to when."""
    owners = len(chase.by_owner())
    until = chase.as_of + timedelta(days=chase.within)
    count = len(chase.items)
    things = "item" if count == 1 else "items"
    people = "owner" if owners == 1 else "owners"
    return (
        f"{count} {things} for {owners} {people} as at {chase.as_of}, {chase.overdue} overdue; "
        f"due up to {until} (--within {chase.within})."
    )
