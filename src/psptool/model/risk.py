"""risks.yaml: the RAID log of risks, assumptions, issues and dependencies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import RaidStatus, RaidType
from .common import Flag, Id, IsoDate, Record, Records, Score


class RiskAction(Record):
    action: str
    owner: Id | None = None
    due: IsoDate | None = None
    done: Flag = False
    completed: IsoDate | None = None
    """When it was done."""


class RiskTarget(Record):
    """The residual likelihood and impact aimed for once the actions are done."""

    likelihood: Score
    impact: Score


class Risk(Record):
    id: Id
    type: RaidType
    title: str
    description: str | None = None
    category: str | None = None
    owner: Id | None = None
    likelihood: Score
    impact: Score
    target: RiskTarget | None = None
    status: RaidStatus = "open"
    raised: IsoDate | None = None
    review: IsoDate | None = None
    resolve_by: IsoDate | None = None
    closed: IsoDate | None = None
    escalated: IsoDate | None = None
    actions: list[RiskAction] = Field(default_factory=list)

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


class RisksFile(Record):
    risks: Annotated[list[Risk], Records("risk")] = Field(default_factory=list)
