"""Editing the sign-offs (psp.yaml's approvals): a partner signs a document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import NothingToDo
from ..model import Partnership
from ..vocabulary import DOCUMENT_TITLES
from .session import EditResult, EditSession, compact, records

PARTNERSHIP_ORDER = tuple(Partnership.model_fields)


def sign(
    folder: str | Path | None,
    *,
    document: str,
    partner: str,
    person: str | None = None,
    when: date | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Record a partner's sign-off of a document (`mou`, `outline_business_case`, …) in
    psp.yaml's approvals, given by `person` on `when` (default `as_of`, today)."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("psp.yaml")
    for approval in records(doc, "approvals"):
        if (
            isinstance(approval, dict)
            and approval.get("document") == document
            and approval.get("partner") == partner
        ):
            on = f" on {approval['date']}" if approval.get("date") else ""
            raise NothingToDo(
                f"{partner} has already signed the {DOCUMENT_TITLES.get(document, document)}{on}; "
                "nothing was changed"
            )
    item = compact(
        {"document": document, "partner": partner, "person": person, "date": when or session.as_of}
    )
    doc.append(("approvals",), item, flow=True, order=PARTNERSHIP_ORDER)
    session.note(doc, document, "approval", f"{person} for {partner}" if person else partner)
    return session.commit(write=write)


__all__ = ["sign"]
