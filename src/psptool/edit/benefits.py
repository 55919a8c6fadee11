"""Editing the benefits register (benefits.yaml): a KPI measurement recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..load.roundtrip import same
from ..model import Benefit, Measurement
from .session import Change, EditResult, EditSession, compact, find_record, show

BENEFIT_ORDER = tuple(Benefit.model_fields)
MEASUREMENT_ORDER = tuple(Measurement.model_fields)


def record_benefit(
    folder: str | Path | None,
    benefit_id: str,
    *,
    value: float,
    when: date | None = None,
    note: str | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Record a benefit's KPI measurement for a date (default `as_of`, today); a measurement
    already recorded for that date gets the new value."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("benefits.yaml")
    index = find_record(doc, "benefits", benefit_id, "benefit")
    when = when or session.as_of
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
    item = compact({"date": when, "value": value, "note": note})
    doc.append(("benefits", index, "measurements"), item, flow=True, order=BENEFIT_ORDER)
    session.note(doc, benefit_id, "measurement", f"{show(value)} on {when.isoformat()}")
    return session.commit(write=write)


__all__ = ["record_benefit"]
