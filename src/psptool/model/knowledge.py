"""knowledge.yaml: the knowledge transfer plan (guide §7.4) and the lessons learned.

A PSP is meant to leave its partners able to do again what they learned together: each
transfer says what knowledge passes from whom to whom, how, by when, and where the evidence
that it happened is written down.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import TransferMethod, TransferStatus
from .common import Id, IsoDate, Record, Records


class Transfer(Record):
    """One piece of knowledge passed between partners."""

    id: Id
    topic: str
    from_: Id | None = Field(default=None, alias="from")
    """The partner or person that holds the knowledge."""
    to: list[Id] = Field(default_factory=list)
    """The partners or people who receive it."""
    method: TransferMethod | None = None
    owner: Id | None = None
    due: IsoDate | None = None
    status: TransferStatus = "planned"
    completed: IsoDate | None = None
    evidence: str | None = None
    notes: str | None = None


class Lesson(Record):
    """A lesson learned, kept so the next partnership need not learn it again."""

    id: Id
    title: str
    date: IsoDate | None = None
    detail: str | None = None
    category: str | None = None
    action: str | None = None
    owner: Id | None = None


class KnowledgeFile(Record):
    transfers: Annotated[list[Transfer], Records("knowledge transfer")] = Field(
        default_factory=list
    )
    lessons: Annotated[list[Lesson], Records("lesson")] = Field(default_factory=list)
