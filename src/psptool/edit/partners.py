"""Editing the partners (partners.yaml): a partner organisation added."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import UserError
from ..load.scaffold import latin_slug
from ..quoting import shorten
from .session import EditResult, EditSession, compact, records, refuse_taken_id


def _id_from(name: str) -> str:
    """A partner's id made from its name; refused when the name has no Latin letters to make
    it from, rather than an id the user never typed."""
    made = latin_slug(name)
    if not made or not made[0].isalpha():
        raise UserError(
            f"cannot make an id from the name '{shorten(name)}': an id is letters A-Z, digits, "
            "'-' and '_', starting with a letter; give one with --id"
        )
    return made


def add_partner(
    folder: str | Path | None = None,
    *,
    name: str,
    sector: str,
    record_id: str | None = None,
    lead: bool = False,
    potential_funder: bool = False,
    contribution: str | None = None,
    as_of: date | None = None,
    write: bool = True,
) -> EditResult:
    """Add a partner organisation to partners.yaml; its id is made from its name unless
    given."""
    session = EditSession(folder, as_of=as_of)
    doc = session.document("partners.yaml")
    record_id = record_id or _id_from(name)
    people = [
        str(person["id"])
        for partner in records(doc, "partners")
        if isinstance(partner, dict) and isinstance(partner.get("people"), list)
        for person in partner["people"]
        if isinstance(person, dict) and "id" in person
    ]
    refuse_taken_id(doc, "partners", record_id, "partner")
    if record_id in people:
        raise UserError(
            f"partners.yaml already has a person '{record_id}'; partners and people share ids"
        )
    record = {
        "id": record_id,
        "name": name,
        "sector": sector,
        "lead": lead,
        "potential_funder": potential_funder,
        "contribution": contribution,
    }
    doc.append(("partners",), compact(record), flow=False)
    session.note(doc, record_id, "partner", name)
    return session.commit(write=write)


__all__ = ["add_partner"]
