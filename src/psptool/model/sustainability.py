"""sustainability.yaml: how the service carries on after the pilot, and who pays."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Id, IsoDate, Money, Record


class Funder(Record):
    id: Id
    name: str
    partner: Id | None = None
    status: Literal["identified", "engaged", "committed", "declined"] = "identified"
    budget_cycle: IsoDate | None = None
    amount: Money | None = None
    notes: str | None = None


class Evaluation(Record):
    evaluator: str | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    approach: str | None = None


class SustainabilityFile(Record):
    route: Literal["procurement", "grant", "sla", "other"] | None = None
    summary: str | None = None
    funders: list[Funder] = Field(default_factory=list)
    evaluation: Evaluation | None = None
    marketing: str | None = None
