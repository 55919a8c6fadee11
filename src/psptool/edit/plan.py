"""Editing the plan (milestones.yaml): a milestone done, a milestone moved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import NothingToDo
from ..model import Milestone
from .session import EditResult, EditSession, find_record

MILESTONE_ORDER = tuple(Milestone.model_fields)


def complete_milestone(
    folder: str | Path | None,
    milestone_id: str,
    *,
    when: date | None = None,
    force: bool = False,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Record that a milestone was completed on `when` (default `as_of`, today). A milestone
    already completed keeps its date (its slippage is history) unless `force`."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("milestones.yaml")
    index = find_record(doc, "milestones", milestone_id, "milestone")
    record = ("milestones", index)
    already = doc.get((*record, "completed"))
    if already is not None and not force:
        raise NothingToDo(
            f"milestone {milestone_id} was already completed on {already}; nothing was "
            "changed (to correct the date, give --date and --force)"
        )
    completed = when or session.as_of
    session.set_field(doc, record, milestone_id, "completed", completed, MILESTONE_ORDER)
    return session.commit(write=write)


def move_milestone(
    folder: str | Path | None,
    milestone_id: str,
    *,
    due: date,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Move a milestone's due date. The result's warnings are those the move adds, as
    `psp validate` words them: among them, each milestone that depends on this one and is
    now due before it (PSP302)."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("milestones.yaml")
    index = find_record(doc, "milestones", milestone_id, "milestone")
    session.set_field(doc, ("milestones", index), milestone_id, "due", due, MILESTONE_ORDER)
    return session.commit(write=write)


__all__ = ["MILESTONE_ORDER", "complete_milestone", "move_milestone"]
