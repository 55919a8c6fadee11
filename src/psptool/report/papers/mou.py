"""The Memorandum of Understanding: every section the How to Guide lists, and a signature
block with a Director-level signatory for each partner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from ...vocabulary import SECTOR_LABELS
from ..formatting import long_date
from ..people import partners_lead_first
from ..wording import plural
from . import CheckedFolder, Paper
from .partnership import Group, Partnership, Role, governance_group, groups, partnership, roles
from .signoff import Signature, last_signed, signatures


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
    status: str = ""
    """Under the title: prepared for signing, signed by some, or signed by every partner."""
    board: str = "governance group"
    """The group the highlight report goes to, by name."""


def mou(project: Project, as_of: date) -> Mou:
    partners = partners_lead_first(project)
    lead = next((p for p in partners if p.lead), None)
    clauses = project.psp.mou
    signed = signatures(project, "mou", as_of)
    return Mou(
        partnership=partnership(project, as_of),
        lead=Lead(lead.name, SECTOR_LABELS[lead.sector]) if lead else None,
        partners=tuple(
            MouPartner(
                name=p.name,
                sector=SECTOR_LABELS[p.sector],
                role="Lead partner" if p.lead else "Partner",
                contribution=p.contribution or "Not yet recorded",
                responsibilities=tuple(p.responsibilities),
            )
            for p in partners
        ),
        roles=roles(project),
        groups=groups(project),
        mou=Clauses(
            dispute_resolution=clauses.dispute_resolution
            or "The partners have not yet agreed how a disagreement between them is resolved.",
            amendment=clauses.amendment
            or "The partners have not yet agreed how this Memorandum is amended.",
            confidentiality=clauses.confidentiality
            or "The partners have not yet agreed how they keep shared information "
            "confidential and protect personal data.",
            exit=clauses.exit
            or "The partners have not yet agreed how a partner leaves the partnership.",
            duration=clauses.duration or "",
        ),
        signatures=signed,
        status=_status(signed, last_signed(project, "mou", as_of), as_of),
        board=governance_group(project) if project.psp.governance.groups else "governance group",
    )


def _status(signed: tuple[Signature, ...], last: date | None, as_of: date) -> str:
    """Where the Memorandum stands: prepared for signing, or signed by whom and when."""
    done = sum(1 for s in signed if s.signed)
    if signed and done == len(signed) and last is not None:
        return f"signed by every partner, the last on {long_date(last)}"
    if done and last is not None:
        return (
            f"signed by {done} of {plural(len(signed), 'partner')} by {long_date(last)}; "
            f"prepared for the others to sign on {long_date(as_of)}"
        )
    return f"prepared for signing on {long_date(as_of)}"


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
    gaps=("PSP501", "PSP502", "PSP506"),
)
