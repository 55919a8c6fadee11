"""Editing meetings.yaml: plan a meeting, record it held with who came, add its decisions
and its actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import UserError
from ..model.meeting import Decision, Meeting, MeetingAction
from .session import (
    Change,
    EditResult,
    EditSession,
    add_action,
    compact,
    find_record,
    next_id,
    records,
    refuse_taken_id,
)

MEETING_ORDER = tuple(Meeting.model_fields)
DECISION_ORDER = tuple(Decision.model_fields)
ACTION_ORDER = tuple(MeetingAction.model_fields)


def meeting_id(group: str, day: date) -> str:
    """The id a meeting reads well by: its group's initials and its month, `GG-2011-06` for
    the governance-group's June 2011 meeting."""
    initials = "".join(word[0] for word in group.replace("_", "-").split("-") if word).upper()
    return f"{initials or 'M'}-{day:%Y-%m}"


def add_meeting(
    folder: str | Path | None,
    *,
    group: str,
    day: date,
    time: str | None = None,
    location: str | None = None,
    agenda: list[str] | None = None,
    record_id: str | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Plan a meeting of `group` on `day`, with the id `GG-2011-06` unless `record_id`."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("meetings.yaml")
    record_id = record_id or meeting_id(group, day)
    refuse_taken_id(doc, "meetings", record_id, "meeting")
    record = {
        "id": record_id,
        "group": group,
        "date": day,
        "time": time,
        "location": location,
        "status": "planned",
        "agenda": agenda or None,
    }
    doc.append(("meetings",), compact(record), flow=False, order=MEETING_ORDER)
    session.note(doc, record_id, "meeting", f"{group} on {day}")
    return session.commit(write=write)


def meeting_held(
    folder: str | Path | None,
    record_id: str,
    *,
    attendees: list[str],
    apologies: list[str] | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Record that a meeting was held, with who came and who sent apologies."""
    if not attendees:
        raise UserError("name who came: --attendees p-smith,p-jones")
    session = EditSession(folder, as_of=as_of)
    doc = session.document("meetings.yaml")
    index = find_record(doc, "meetings", record_id, "meeting")
    record = ("meetings", index)
    status = doc.get((*record, "status"), "planned")
    if status != "held":  # absent means planned, which the session's defaults cannot know
        doc.set((*record, "status"), "held", order=MEETING_ORDER)
        session.changes.append(Change(doc.name, record_id, "status", status, "held"))
    session.set_field(doc, record, record_id, "attendees", attendees, MEETING_ORDER)
    if apologies:
        session.set_field(doc, record, record_id, "apologies", apologies, MEETING_ORDER)
    return session.commit(write=write)


def add_decision(
    folder: str | Path | None,
    meeting: str,
    *,
    decision: str,
    rationale: str | None = None,
    risks: list[str] | None = None,
    milestones: list[str] | None = None,
    goals: list[str] | None = None,
    benefits: list[str] | None = None,
    options: list[str] | None = None,
    record_id: str | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Add a decision to a meeting, with the next free decision id (D1, D2 …, across every
    meeting) unless `record_id`, and the records it changes."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("meetings.yaml")
    index = find_record(doc, "meetings", meeting, "meeting")
    taken = [
        str(d["id"])
        for m in records(doc, "meetings")
        if isinstance(m, dict)
        for d in (m.get("decisions") or [])
        if isinstance(d, dict) and "id" in d
    ]
    record_id = record_id or next_id(taken, "D")
    if record_id in taken:
        raise UserError(f"meetings.yaml already has a decision '{record_id}'")
    item = {
        "id": record_id,
        "decision": decision,
        "rationale": rationale,
        "risks": risks or None,
        "milestones": milestones or None,
        "goals": goals or None,
        "benefits": benefits or None,
        "options": options or None,
    }
    doc.append(("meetings", index, "decisions"), compact(item), flow=True, order=MEETING_ORDER)
    session.note(doc, meeting, f"decision {record_id}", decision)
    return session.commit(write=write)


def add_meeting_action(
    folder: str | Path | None,
    meeting: str,
    *,
    action: str,
    owner: str | None = None,
    due: date | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Add an action agreed at a meeting, after its other actions."""
    session = EditSession(folder, as_of=as_of)
    add_action(
        session,
        "meetings.yaml",
        "meetings",
        meeting,
        "meeting",
        MEETING_ORDER,
        action=action,
        owner=owner,
        due=due,
    )
    return session.commit(write=write)


__all__ = ["add_decision", "add_meeting", "add_meeting_action", "meeting_held", "meeting_id"]
