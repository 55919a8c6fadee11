"""The Memorandum of Understanding: every section the How to Guide lists, and a signature
block with a Director-level signatory for each partner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from ...vocabulary import SECTOR_LABELS
from ..people import partners_lead_first
from . import CheckedFolder, Paper
from .partnership import Group, Partnership, Role, groups, partnership, roles
from .signoff import Signature, signatures


@dataclass(frozen=True)
class Lead:
    name: str
    sector: str


@dataclass(frozen=True)
class MouPartner:
    name: str
    sector: str
    role: str
    """"Lead partner" or "Partner"."""
    contribution: str
    responsibilities: tuple[str, ...]


@dataclass(frozen=True)
class Clauses:
    """The clauses an MoU needs beyond the partnership's own fields (psp.yaml's `mou`)."""

    dispute_resolution: str
    amendment: str
    confidentiality: str
    exit: str
    duration: str


@dataclass(frozen=True)
class Mou:
    """Everything the Memorandum of Understanding prints, section by section."""

    partnership: Partnership
    lead: Lead | None
    partners: tuple[MouPartner, ...]
    """Lead first, then by name."""
    roles: tuple[Role, ...]
    groups: tuple[Group, ...]
    mou: Clauses
    signatures: tuple[Signature, ...]


def mou(project: Project, as_of: date) -> Mou:
    partners = partners_lead_first(project)
    lead = next((p for p in partners if p.lead), None)
    clauses = project.psp.mou
    return Mou(
        partnership=partnership(project, as_of),
        lead=Lead(lead.name, SECTOR_LABELS[lead.sector]) if lead else None,
        partners=tuple(
            MouPartner(
                name=p.name,
                sector=SECTOR_LABELS[p.sector],
                role="Lead partner" if p.lead else "Partner",
                contribution=p.contribution or "",
                responsibilities=tuple(p.responsibilities),
            )
            for p in partners
        ),
        roles=roles(project),
        groups=groups(project),
        mou=Clauses(
            dispute_resolution=clauses.dispute_resolution or "",
            amendment=clauses.amendment or "",
            confidentiality=clauses.confidentiality or "",
            exit=clauses.exit or "",
            duration=clauses.duration or "",
        ),
        signatures=signatures(project, "mou"),
    )


def build(folder: CheckedFolder, as_of: date) -> Mou:
    return mou(folder.project, as_of)


PAPER = Paper(
    name="mou",
    kind="docx",
    title="Memorandum of Understanding",
    help="The Memorandum of Understanding, ready for signing (Word).",
    stage="create",
    build=build,
    template="mou.docx",
)
