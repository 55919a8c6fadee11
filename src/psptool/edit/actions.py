"""Marking an action done by the reference the chase list shows (`psp report actions`):

- `R7.2`: the second action of risk R7 (risks.yaml)
- `M13.1`: the first task of milestone M13 (milestones.yaml)
- `GG-2011-06.1`: the first action of meeting GG-2011-06 (meetings.yaml)
- `K4`: knowledge transfer K4 (knowledge.yaml)

Actions and tasks count from 1 in the order the file holds them.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import NothingToDo, RecordNotFound, UserError
from ..model.knowledge import Transfer
from ..model.meeting import MeetingAction
from ..model.milestone import Task
from ..model.risk import RiskAction
from .session import EditResult, EditSession, find_record, record_ids, records

_NUMBERED = re.compile(r"^(?P<record>.+)\.(?P<number>[0-9]{1,6})\Z")
LISTS = (
    ("risks.yaml", "risks", "actions", "risk", tuple(RiskAction.model_fields)),
    ("milestones.yaml", "milestones", "tasks", "milestone", tuple(Task.model_fields)),
    ("meetings.yaml", "meetings", "actions", "meeting", tuple(MeetingAction.model_fields)),
)
"""Where a numbered reference may point: file, list of records, their list of actions."""


def complete_action(
    folder: str | Path | None,
    ref: str,
    *,
    when: date | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Mark the action, task or knowledge transfer `ref` done; a meeting action and a
    transfer also record when (`when`, default `as_of`, today)."""
    session = EditSession(folder, as_of=as_of)
    done_on = when or session.as_of
    numbered = _NUMBERED.match(ref)
    if numbered is None:
        doc = session.document("knowledge.yaml")
        if ref not in record_ids(records(doc, "transfers")):
            raise RecordNotFound(
                f"no action '{ref}': write R7.2 (a risk's action), M13.1 (a milestone's task), "
                "GG-2011-06.1 (a meeting's action) or K4 (a knowledge transfer)"
            )
        index = find_record(doc, "transfers", ref, "knowledge transfer")
        record = ("transfers", index)
        if doc.get((*record, "status")) == "done":
            raise NothingToDo(f"knowledge transfer {ref} is already done; nothing was changed")
        order = tuple(Transfer.model_fields)
        session.set_field(doc, record, ref, "status", "done", order)
        session.set_field(doc, record, ref, "completed", done_on, order)
        return session.commit(write=write)
    owner_id, number = numbered["record"], int(numbered["number"])
    found = []
    for file, key, actions, kind, order in LISTS:
        doc = session.document(file)
        if owner_id in record_ids(records(doc, key)):
            found.append((doc, key, actions, kind, order))
    if not found:
        raise RecordNotFound(f"no risk, milestone or meeting '{owner_id}' (for action {ref})")
    if len(found) > 1:
        files = " and ".join(doc.name for doc, *_ in found)
        raise UserError(f"'{owner_id}' is an id in both {files}; psp cannot tell which is meant")
    doc, key, actions, kind, order = found[0]
    index = find_record(doc, key, owner_id, kind)
    items = doc.get((key, index, actions)) or []
    if not 1 <= number <= len(items):
        what = "tasks" if actions == "tasks" else "actions"
        raise RecordNotFound(f"{kind} {owner_id} has {len(items)} {what}; there is no {ref}")
    item = (key, index, actions, number - 1)
    if doc.get((*item, "done")) is True:
        raise NothingToDo(f"{ref} is already done; nothing was changed")
    session.set_field(doc, item, ref, "done", True, order)
    if kind == "meeting":
        session.set_field(doc, item, ref, "completed", done_on, order)
    return session.commit(write=write)


__all__ = ["complete_action"]
