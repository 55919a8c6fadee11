"""Who signs a paper for each partner, and when they did: the MoU's signature block and a
business case's sign-off table are the same rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from ..formatting import long_date
from ..people import partners_lead_first


@dataclass(frozen=True)
class Signature:
    """One partner's row: the person who signs for it and, once signed, the date."""

    partner: str
    name: str
    title: str
    date: str
    signed: str
    """"yes" once `approvals` records the date, else empty."""
    signature: str = ""
    """"Signed" once `approvals` records the date; empty, the space to sign in, before."""


def signatures(project: Project, document: str, as_of: date | None = None) -> tuple[Signature, ...]:
    """One row per partner, lead first: who signs `document` off for it and, where `approvals`
    records it (on or before `as_of`), when; else the Director-level signatory who is to
    sign, the date blank."""
    people = {p.id: p for partner in project.partners.partners for p in partner.people}
    rows = []
    for partner in partners_lead_first(project):
        approval = next(
            (
                a
                for a in project.psp.approvals
                if a.document == document
                and a.partner == partner.id
                and (as_of is None or a.date is None or a.date <= as_of)
            ),
            None,
        )
        person = people.get(approval.person) if approval and approval.person else None
        if person is None:
            person = next(
                (p for p in partner.people if p.signatory and p.director_level),
                next((p for p in partner.people if p.director_level), None),
            )
        when = approval.date if approval else None
        rows.append(
            Signature(
                partner=partner.name,
                name=person.name if person else "Not yet named",
                title=position(person.title or "", partner.name)
                if person
                else "Director level or above",
                date=long_date(when),
                signed="yes" if when else "",
                signature="Signed" if when else "",
            )
        )
    return tuple(rows)


def position(title: str, partner: str) -> str:
    """A signatory's position as the sign-off table prints it beside their partner's name:
    without a trailing ", <the partner>" ("Director of Children's Services, Barnardo's
    Scotland" in Barnardo's Scotland's row is "Director of Children's Services")."""
    suffix = f", {partner}"
    if title.casefold().endswith(suffix.casefold()) and len(title) > len(suffix):
        return title[: -len(suffix)].rstrip(" ,")
    return title


def last_signed(project: Project, document: str, as_of: date | None = None) -> date | None:
    """The date of the latest recorded sign-off of `document` (on or before `as_of`)."""
    dates = [
        a.date
        for a in project.psp.approvals
        if a.document == document and a.date and (as_of is None or a.date <= as_of)
    ]
    return max(dates) if dates else None
