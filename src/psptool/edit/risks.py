"""Editing the RAID log (risks.yaml): add an entry, update it, add an action, close it,
escalate a risk that has happened to an issue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import NothingToDo, UserError
from ..model import Risk, RiskAction
from ..vocabulary import RAID_ID_PREFIX
from .session import (
    Change,
    EditResult,
    EditSession,
    add_action,
    compact,
    find_record,
    next_id,
    record_ids,
    records,
    refuse_taken_id,
)

RISK_ORDER = tuple(Risk.model_fields)
"""The order a RAID entry's keys are written in: the model's."""
ACTION_ORDER = tuple(RiskAction.model_fields)


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
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Add a risk, assumption, issue or dependency to risks.yaml, raised on `raised` (default
    `as_of`, today), with the next free id in the style of the file's ids unless `record_id`
    is given."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("risks.yaml")
    entries = records(doc, "risks")
    ids = record_ids(entries)
    if record_id is None:
        same_type = record_ids(r for r in entries if isinstance(r, dict) and r.get("type") == kind)
        record_id = next_id(ids, RAID_ID_PREFIX.get(kind, "R"), like=same_type or ids)
    refuse_taken_id(doc, "risks", record_id, "record")
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
        "raised": raised or session.as_of,
        "review": review,
    }
    doc.append(("risks",), compact(record), flow=False)
    session.note(doc, record_id, kind, title)
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
    as_of: date | None = None,
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
    session = EditSession(folder, as_of=as_of)
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
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Add an action to a RAID entry, after its other actions."""
    session = EditSession(folder, as_of=as_of)
    add_action(
        session,
        "risks.yaml",
        "risks",
        risk_id,
        "risk",
        RISK_ORDER,
        action=action,
        owner=owner,
        due=due,
    )
    return session.commit(write=write)


def close_risk(
    folder: str | Path | None,
    risk_id: str,
    *,
    when: date | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Close a RAID entry: `status: closed` and the date it was closed (default `as_of`,
    today)."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", risk_id, "risk")
    record = ("risks", index)
    if doc.get((*record, "status")) == "closed":
        closed = doc.get((*record, "closed"))
        on = f" (on {closed})" if closed else ""
        raise NothingToDo(f"{risk_id} is already closed{on}; nothing was changed")
    session.set_field(doc, record, risk_id, "status", "closed", RISK_ORDER)
    session.set_field(doc, record, risk_id, "closed", when or session.as_of, RISK_ORDER)
    return session.commit(write=write)


def escalate_risk(
    folder: str | Path | None,
    risk_id: str,
    *,
    when: date | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """A risk (or assumption, or dependency) that has happened becomes an issue: it keeps its
    id, its likelihood becomes 5 (it has happened) and the date (default `as_of`, today) is
    noted as `escalated`."""
    session = EditSession(folder, as_of=as_of)
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
    session.set_field(doc, record, risk_id, "escalated", when or session.as_of, RISK_ORDER)
    return session.commit(write=write)


__all__ = [
    "ACTION_ORDER",
    "RISK_ORDER",
    "add_risk",
    "add_risk_action",
    "close_risk",
    "escalate_risk",
    "update_risk",
]
