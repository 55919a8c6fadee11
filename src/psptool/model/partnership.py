"""psp.yaml: the partnership itself, its governance, roles, MoU clauses and sign-offs."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from .. import vocabulary
from ..vocabulary import Cadence, Document, RoleName, Stage
from .common import Flag, Id, IsoDate, Record, Records, schema_pattern, whole
from .options import DiscountRates

STAGES = vocabulary.STAGES
DOCUMENT_TITLES = vocabulary.DOCUMENT_TITLES
"""How each signed-off document is named in what people read."""


class GovernanceGroup(Record):
    """A governance or operational group, with how often it meets and who sits on it."""

    id: Id
    name: str
    cadence: Cadence | None = None
    chair: Id | None = None
    members: list[Id] = Field(default_factory=list)
    remit: str | None = None


class Governance(Record):
    groups: Annotated[list[GovernanceGroup], Records("governance group")] = Field(
        default_factory=list
    )


class Role(Record):
    role: RoleName
    person: Id
    note: str | None = None


class MouClauses(Record):
    """MoU sections that the partnership fields do not already cover."""

    dispute_resolution: str | None = None
    amendment: str | None = None
    confidentiality: str | None = None
    exit: str | None = None
    duration: str | None = None


class Approval(Record):
    """A sign-off of a document by a partner, e.g. a signature on the MoU."""

    document: Document
    partner: Id
    person: Id | None = None
    date: IsoDate | None = None
    meeting: Id | None = None
    """The meeting (meetings.yaml) that gave the approval, e.g. the governance group's."""


class RiskMatrix(Record):
    """Thresholds on likelihood × impact: below amber is green."""

    amber: Annotated[int, Field(strict=True, ge=1, le=25), BeforeValidator(whole)] = 5
    red: Annotated[int, Field(strict=True, ge=1, le=25), BeforeValidator(whole)] = 15


class Period(Record):
    start: IsoDate | None = None
    end: IsoDate | None = None


class Equality(Record):
    """The equality impact assessment of the service: whether and when it was done, and what
    it found (the business cases' equality section)."""

    done: Flag = False
    date: IsoDate | None = None
    summary: str | None = None


class QualityReview(Record):
    """A quality-assurance review of a paper before it goes to the partners: who reviewed
    it, when, and the outcome (the business cases' quality-assurance table)."""

    reviewer: str
    date: IsoDate | None = None
    outcome: str | None = None
    document: Document | None = None
    """The paper reviewed; none for every business case."""


COLOUR_BODY = "#?[0-9A-Fa-f]{6}"
_COLOUR = re.compile(rf"{COLOUR_BODY}\Z")


def _colour(value: str) -> str:
    """`#005EB8` (or `005EB8`, which YAML cannot mistake for a comment), as `#005EB8`."""
    if not _COLOUR.match(value):
        raise ValueError(
            f"'{value}' is not a colour: write it as six hexadecimal digits in quotes, "
            'e.g. "#005EB8"'
        )
    return "#" + value.removeprefix("#").upper()


Colour = Annotated[
    str,
    Field(json_schema_extra={"pattern": schema_pattern(COLOUR_BODY)}),
    AfterValidator(_colour),
]
"""An RGB colour as six hexadecimal digits, `#` first or not: "#005EB8"."""


class Branding(Record):
    """The partnership's own look on its papers: its logo (a PNG or JPEG file in the folder,
    e.g. `templates/logo.png`) at the top of the workbooks, the HTML report and the Word
    papers' headers, and its colour on header rows and headings."""

    logo: str | None = None
    """The logo's path inside the folder, with `/` between folders; nothing outside the
    folder is read (check/branding.py)."""
    colour: Colour | None = None


class Partnership(Record):
    name: str
    id: Id
    stage: Stage
    start: IsoDate | None = None
    end: IsoDate | None = None
    currency: str = "GBP"
    vision: str | None = None
    purpose: str | None = None
    scope: str | None = None
    objectives: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list)
    funding: str | None = None
    governance: Governance = Field(default_factory=Governance)
    roles: list[Role] = Field(default_factory=list)
    mou: MouClauses = Field(default_factory=MouClauses)
    approvals: list[Approval] = Field(default_factory=list)
    risk_matrix: RiskMatrix = Field(default_factory=RiskMatrix)
    pilot: Period | None = None
    equality: Equality | None = None
    quality_assurance: list[QualityReview] = Field(default_factory=list)
    exceptions: list[str] = Field(default_factory=list)
    """Exceptions to the partners' own rules the papers must declare (a waiver of contract
    standing orders, a direct award), each in a sentence."""
    discount_rates: DiscountRates | None = None
    financial_year_start: Annotated[
        int, Field(strict=True, ge=1, le=12), BeforeValidator(whole)
    ] = 4
    """The month a financial year starts: 4, April, as UK councils and health boards budget."""
    branding: Branding | None = None
    acronyms: dict[str, str] = Field(default_factory=dict)
    """Each acronym the papers use, with what it stands for (`GIRFEC: Getting it right for
    every child`): every Word paper spells it out where it first uses it."""
