"""The words of the folder format: every closed list of values, and how people read each one.

Declared once, here, without pydantic: the models' `Literal` types are these, the CLI builds
its choices from the value tuples, and reports and papers take their labels from the label
maps. A value added to a `Literal` without a label is caught when this module is imported
(`_labelled`), so a paper can never fail on a role it has no words for.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Literal, get_args

# the partnership -------------------------------------------------------------------------

Stage = Literal["identify", "create", "design", "pilot", "sustain", "closed"]
"""The PSP How to Guide's lifecycle, in order."""
STAGES: tuple[Stage, ...] = get_args(Stage)

Cadence = Literal[
    "weekly",
    "fortnightly",
    "monthly",
    "bimonthly",
    "quarterly",
    "half_yearly",
    "annually",
    "as_needed",
]
CADENCES: tuple[Cadence, ...] = get_args(Cadence)
CADENCE_PHRASES: dict[str, str] = {
    "weekly": "weekly",
    "fortnightly": "every two weeks",
    "monthly": "monthly",
    "bimonthly": "every two months",
    "quarterly": "quarterly",
    "half_yearly": "every six months",
    "annually": "once a year",
    "as_needed": "as needed",
}
"""How a sentence says how often a group meets: "The Governance Group meets quarterly"."""
OPERATIONAL_CADENCES: frozenset[str] = frozenset({"weekly", "fortnightly", "monthly"})
"""Cadences of an operational group (the guide: fortnightly to monthly); slower ones govern."""

RoleName = Literal[
    "senior_sponsor",
    "project_manager",
    "workstream_lead",
    "procurement",
    "sustainability_lead",
    "facilitator",
    "communications_lead",
    "analyst",
    "admin",
]
ROLES: tuple[RoleName, ...] = get_args(RoleName)
ROLE_LABELS: dict[str, str] = {
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

Document = Literal[
    "mou", "outline_business_case", "pilot_plan", "full_business_case", "sustainability_plan"
]
"""The documents partners sign off (`approvals`)."""
DOCUMENTS: tuple[Document, ...] = get_args(Document)
DOCUMENT_TITLES: dict[str, str] = {
    "mou": "MoU",
    "outline_business_case": "outline business case",
    "pilot_plan": "pilot plan",
    "full_business_case": "full business case",
    "sustainability_plan": "sustainability plan",
}
"""How a sentence names each signed-off document: "the full business case"."""

# partners ----------------------------------------------------------------------------------

Sector = Literal["public", "third", "private"]
SECTORS: tuple[Sector, ...] = get_args(Sector)
SECTOR_LABELS: dict[str, str] = {
    "public": "Public sector",
    "third": "Third sector",
    "private": "Private sector",
}
CandidateStatus = Literal["candidate", "selected", "declined"]
CANDIDATE_STATUSES: tuple[CandidateStatus, ...] = get_args(CandidateStatus)

# the RAID log ------------------------------------------------------------------------------

RaidType = Literal["risk", "assumption", "issue", "dependency"]
RAID_TYPES: tuple[RaidType, ...] = get_args(RaidType)
RAID_TYPE_LABELS: dict[str, str] = {
    "risk": "Risk",
    "assumption": "Assumption",
    "issue": "Issue",
    "dependency": "Dependency",
}
RAID_ID_PREFIX: dict[str, str] = {"risk": "R", "assumption": "A", "issue": "I", "dependency": "D"}
"""The first id of a type in an empty RAID log: R1, A1, I1, D1."""
RaidStatus = Literal["open", "closed"]
RAID_STATUSES: tuple[RaidStatus, ...] = get_args(RaidStatus)

# goals, benefits, sustainability -----------------------------------------------------------

Term = Literal["short", "medium", "long"]
TERMS: tuple[Term, ...] = get_args(Term)
SCALE_LABELS: dict[int, str] = {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"}
"""A likelihood or impact of 1 to 5 as a heat map's axis names it."""


def scale_label(step: int) -> str:
    """A step of the likelihood or impact scale as every heat map's axis shows it: "Very
    high (5)"."""
    return f"{SCALE_LABELS[step]} ({step})"


TERM_LABELS: dict[str, str] = {"short": "Short term", "medium": "Medium term", "long": "Long term"}

BenefitKind = Literal["cashable", "non_cashable", "social"]
BENEFIT_KINDS: tuple[BenefitKind, ...] = get_args(BenefitKind)
BENEFIT_KIND_LABELS: dict[str, str] = {
    "cashable": "Cashable",
    "non_cashable": "Non-cashable",
    "social": "Social",
}

FunderStatus = Literal["identified", "engaged", "committed", "declined"]
FUNDER_STATUSES: tuple[FunderStatus, ...] = get_args(FunderStatus)

FunderPaysFor = Literal["costs", "service"]
"""What a future funder's money pays for: the preferred option's appraised costs by year
(`costs`, set against them in the affordability case), or the service's own running cost, the
option's estimated cost (`service`, stated on its own line and never set against the
appraised costs)."""
FUNDER_PAYS_FOR: tuple[FunderPaysFor, ...] = get_args(FunderPaysFor)

Route = Literal["procurement", "grant", "sla", "other"]
ROUTES: tuple[Route, ...] = get_args(Route)
ROUTE_PHRASES: dict[str, str] = {
    "procurement": "procurement (a contract let by competitive tender)",
    "grant": "grant funding",
    "sla": "a service level agreement",
    "other": "a route agreed by the partners",
}
"""How a sentence names a sustainability route: "secure the service through grant funding"."""

# meetings ----------------------------------------------------------------------------------

MeetingStatus = Literal["planned", "held", "cancelled"]
MEETING_STATUSES: tuple[MeetingStatus, ...] = get_args(MeetingStatus)
MEETING_STATUS_LABELS: dict[str, str] = {
    "planned": "Planned",
    "held": "Held",
    "cancelled": "Cancelled",
}
CADENCE_ALLOWANCE_DAYS: dict[str, int | None] = {
    "weekly": 10,
    "fortnightly": 21,
    "monthly": 45,
    "bimonthly": 75,
    "quarterly": 122,
    "half_yearly": 214,
    "annually": 400,
    "as_needed": None,
}
"""The longest a group may go between meetings before psp warns that it has not met within
its cadence: a quarterly group with no meeting for more than four months (the cadence and a
month's grace, as a partnership reschedules round holidays); None where it meets as needed."""

# knowledge transfer ------------------------------------------------------------------------

TransferMethod = Literal["workshop", "shadowing", "mentoring", "documentation", "training", "other"]
TRANSFER_METHODS: tuple[TransferMethod, ...] = get_args(TransferMethod)
TRANSFER_METHOD_LABELS: dict[str, str] = {
    "workshop": "Workshop",
    "shadowing": "Shadowing",
    "mentoring": "Mentoring",
    "documentation": "Documentation",
    "training": "Training",
    "other": "Other",
}
TransferStatus = Literal["planned", "in_progress", "done"]
TRANSFER_STATUSES: tuple[TransferStatus, ...] = get_args(TransferStatus)
TRANSFER_STATUS_LABELS: dict[str, str] = {
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
}

# RAG ---------------------------------------------------------------------------------------

Rag = Literal["green", "amber", "red"]
RAGS: tuple[Rag, ...] = get_args(Rag)
RAG_COLOURS: dict[str, str] = {"red": "C00000", "amber": "FFC000", "green": "00B050"}
"""The RAG colours as RGB hex: workbook fills, the HTML report, the terminal's badges."""
RAG_TEXT_COLOURS: dict[str, str] = {"red": "FFFFFF", "amber": "000000", "green": "000000"}
"""Text on a RAG colour: white on red, black on amber and green, for contrast."""
RAG_TINTS: dict[str, str] = {"red": "FFC7CE", "amber": "FFEB9C", "green": "C6EFCE"}
"""Light RAG fills for table cells in Word papers, where black text must stay readable."""
RAG_LABELS: dict[str, str] = {"red": "Red", "amber": "Amber", "green": "Green"}
"""A RAG as every paper writes it, in a table, a heading or a sentence: "Red"."""
NOT_RATED = "Not rated"
"""A RAG with nothing to rate yet (no budget recorded, no benefit measured), everywhere."""


def label(labels: Mapping[str, str], value: str | None, default: str = "") -> str:
    """The words for `value`, or `default` for no value."""
    if value is None:
        return default
    return labels[value]


def one_of(values: tuple[str, ...]) -> str:
    """The values as a sentence lists them: "public, third or private"."""
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else "".join(values)


def choices(name: str, values: tuple[str, ...]) -> type[StrEnum]:
    """A `StrEnum` of `values`, for a command-line option's choices."""
    return StrEnum(name, {value: value for value in values})  # type: ignore[return-value]  # the functional API


def _labelled(values: tuple[Any, ...], labels: Mapping[str, Any], what: str) -> None:
    if set(values) != set(labels):
        missing = sorted(set(values) - set(labels))
        extra = sorted(set(labels) - set(values))
        raise AssertionError(f"{what}: no words for {missing}, words for unknown {extra}")


for _values, _labels, _what in (
    (CADENCES, CADENCE_PHRASES, "cadences"),
    (ROLES, ROLE_LABELS, "roles"),
    (DOCUMENTS, DOCUMENT_TITLES, "documents"),
    (SECTORS, SECTOR_LABELS, "sectors"),
    (RAID_TYPES, RAID_TYPE_LABELS, "RAID types"),
    (RAID_TYPES, RAID_ID_PREFIX, "RAID id prefixes"),
    (TERMS, TERM_LABELS, "terms"),
    (BENEFIT_KINDS, BENEFIT_KIND_LABELS, "benefit kinds"),
    (ROUTES, ROUTE_PHRASES, "routes"),
    (MEETING_STATUSES, MEETING_STATUS_LABELS, "meeting statuses"),
    (CADENCES, CADENCE_ALLOWANCE_DAYS, "cadence allowances"),
    (TRANSFER_METHODS, TRANSFER_METHOD_LABELS, "knowledge transfer methods"),
    (TRANSFER_STATUSES, TRANSFER_STATUS_LABELS, "knowledge transfer statuses"),
    (RAGS, RAG_COLOURS, "RAG colours"),
    (RAGS, RAG_TEXT_COLOURS, "RAG text colours"),
    (RAGS, RAG_TINTS, "RAG tints"),
    (RAGS, RAG_LABELS, "RAG labels"),
):
    _labelled(_values, _labels, _what)
