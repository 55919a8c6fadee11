"""partners.yaml: the organisations in the partnership, their people, and partner selection."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import CandidateStatus, Sector
from .common import Criterion, Flag, Id, Record, Records, Score

OWNERS = "owner"
"""The id namespace partners and their people share: an `owner` names either, never both."""


class Person(Record):
    id: Id
    name: str
    title: str | None = None
    director_level: Flag = False
    signatory: Flag = False
    email: str | None = None
    phone: str | None = None


class Partner(Record):
    id: Id
    name: str
    sector: Sector
    lead: Flag = False
    potential_funder: Flag = False
    contribution: str | None = None
    responsibilities: list[str] = Field(default_factory=list)
    people: Annotated[list[Person], Records("person", namespace=OWNERS)] = Field(
        default_factory=list
    )


class Candidate(Record):
    """An organisation that expressed interest, scored against the selection criteria."""

    id: Id
    name: str
    sector: Sector | None = None
    scores: dict[Id, Score]
    status: CandidateStatus = "candidate"
    notes: str | None = None


class Selection(Record):
    criteria: Annotated[list[Criterion], Records("criterion")] = Field(default_factory=list)
    candidates: Annotated[list[Candidate], Records("candidate")] = Field(default_factory=list)


class PartnersFile(Record):
    partners: Annotated[list[Partner], Records("partner", namespace=OWNERS)] = Field(
        default_factory=list
    )
    selection: Selection | None = None
