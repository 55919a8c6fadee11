"""sustainability.yaml: how the service carries on after the pilot, and who pays."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import FunderStatus, Route
from .common import Id, IsoDate, Money, Record, Records


class Funder(Record):
    id: Id
    name: str
    partner: Id | None = None
    status: FunderStatus = "identified"
    budget_cycle: IsoDate | None = None
    amount: Money | None = None
    notes: str | None = None


class Evaluation(Record):
    evaluator: str | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    approach: str | None = None


class SustainabilityFile(Record):
    route: Route | None = None
    summary: str | None = None
    funders: Annotated[list[Funder], Records("funder")] = Field(default_factory=list)
    evaluation: Evaluation | None = None
    marketing: str | None = None
