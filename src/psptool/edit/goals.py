"""Editing the goals (goals.yaml): a SMART goal added."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .session import (
    EditResult,
    EditSession,
    compact,
    next_id,
    record_ids,
    records,
    refuse_taken_id,
)


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
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Add a goal to goals.yaml, with the next free id (G4 after G3) unless given."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("goals.yaml")
    record_id = record_id or next_id(record_ids(records(doc, "goals")), "G")
    refuse_taken_id(doc, "goals", record_id, "goal")
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
    doc.append(("goals",), compact(record), flow=False)
    session.note(doc, record_id, "goal", title)
    return session.commit(write=write)


__all__ = ["add_goal"]
