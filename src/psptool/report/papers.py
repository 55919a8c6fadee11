"""The data each paper receives: plain dicts of text, so any template can use them.

Every value is a string, a number, a list or a dict of those: what a partnership's own Word
template can print with `{{ partnership.name }}` or loop over with `{%tr for p in partners %}`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Project

SECTOR = {"public": "Public sector", "third": "Third sector", "private": "Private sector"}
ROLE = {
    "senior_sponsor": "Senior sponsor",
    "project_manager": "Project manager",
    "workstream_lead": "Workstream lead",
    "procurement": "Procurement",
    "sustainability_lead": "Sustainability lead",
    "facilitator": "Facilitator",
    "communications_lead": "Communications lead",
    "analyst": "Analyst",
    "admin": "Administration",
}
CADENCE = {
    "weekly": "weekly",
    "fortnightly": "every two weeks",
    "monthly": "monthly",
    "bimonthly": "every two months",
    "quarterly": "quarterly",
    "half_yearly": "every six months",
    "annually": "once a year",
    "as_needed": "as needed",
}


def long_date(when: date | None) -> str:
    return f"{when.day} {when:%B %Y}" if when else ""


def partnership_context(project: Project, as_of: date) -> dict[str, Any]:
    psp = project.psp
    return {
        "name": psp.name,
        "id": psp.id,
        "stage": psp.stage,
        "start": long_date(psp.start),
        "end": long_date(psp.end),
        "currency": psp.currency,
        "vision": psp.vision or "",
        "purpose": psp.purpose or "",
        "scope": psp.scope or "",
        "objectives": list(psp.objectives),
        "values": list(psp.values),
        "funding": psp.funding or "",
        "as_of": long_date(as_of),
    }


def _who(project: Project) -> dict[str, str]:
    names = {p.id: p.name for p in project.partners.partners}
    for pid, (person, partner) in project.people().items():
        names[pid] = f"{person.name} ({names.get(partner, partner)})"
    return names


def _signatory(project: Project, partner_id: str) -> dict[str, str]:
    """The partner's MoU signature: the approval where there is one, else the Director-level
    signatory who is to sign, with the date left blank."""
    people = {p.id: p for partner in project.partners.partners for p in partner.people}
    partner = next(p for p in project.partners.partners if p.id == partner_id)
    approval = next(
        (a for a in project.psp.approvals if a.document == "mou" and a.partner == partner_id),
        None,
    )
    person = people.get(approval.person) if approval and approval.person else None
    if person is None:
        person = next(
            (p for p in partner.people if p.signatory and p.director_level),
            next((p for p in partner.people if p.director_level), None),
        )
    return {
        "partner": partner.name,
        "name": person.name if person else "",
        "title": person.title or "" if person else "",
        "date": long_date(approval.date) if approval else "",
        "signed": "yes" if approval and approval.date else "",
    }


def mou_context(project: Project, as_of: date) -> dict[str, Any]:
    """Everything the Memorandum of Understanding prints, section by section."""
    who = _who(project)
    partners = sorted(project.partners.partners, key=lambda p: (not p.lead, p.name.lower()))
    lead = next((p for p in partners if p.lead), None)
    mou = project.psp.mou
    return {
        "partnership": partnership_context(project, as_of),
        "lead": {"name": lead.name, "sector": SECTOR[lead.sector]} if lead else None,
        "partners": [
            {
                "name": p.name,
                "sector": SECTOR[p.sector],
                "role": "Lead partner" if p.lead else "Partner",
                "contribution": p.contribution or "",
                "responsibilities": list(p.responsibilities),
            }
            for p in partners
        ],
        "roles": [
            {"role": ROLE[r.role], "person": who.get(r.person, r.person), "note": r.note or ""}
            for r in project.psp.roles
        ],
        "groups": [
            {
                "name": g.name,
                "cadence": CADENCE.get(g.cadence or "", "as agreed"),
                "chair": who.get(g.chair, g.chair) if g.chair else "",
                "members": [who.get(m, m) for m in g.members],
                "remit": g.remit or "",
            }
            for g in project.psp.governance.groups
        ],
        "mou": {
            "dispute_resolution": mou.dispute_resolution or "",
            "amendment": mou.amendment or "",
            "confidentiality": mou.confidentiality or "",
            "exit": mou.exit or "",
            "duration": mou.duration or "",
        },
        "signatures": [_signatory(project, p.id) for p in partners],
    }
