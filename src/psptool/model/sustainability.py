"""sustainability.yaml: how the service carries on after the pilot, and who pays."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import FunderPaysFor, FunderStatus, Route
from .common import Flag, Id, IsoDate, Money, Record, Records


class Funder(Record):
    id: Id
    name: str
    partner: Id | None = None
    status: FunderStatus = "identified"
    budget_cycle: IsoDate | None = None
    amount: Money | None = None
    share: Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)] | None = None
    """Per cent of the preferred option's net cost it is expected to meet each financial year
    once its budget cycle has set the money aside (the affordability case)."""
    in_kind: Flag = False
    """The support is given in staff time, rooms or services, not money: it is stated in the
    papers beside the funding but never counted as money that pays for the service."""
    pays_for: FunderPaysFor = "costs"
    """`costs`: the money pays for the preferred option's appraised costs by year, and the
    affordability case sets it against them. `service`: it pays for the service's own running
    cost (the option's estimated cost, such as a placements budget), a different cost, so it
    is stated on its own line and never set against the appraised costs or their shortfall."""
    covers: str | None = None
    """What the money pays for, in a few words ("external foster placements"): the papers
    label the amount with it."""
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
