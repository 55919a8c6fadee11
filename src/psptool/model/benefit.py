"""benefits.yaml: the benefits register and KPIs, with measurements over time."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Id, IsoDate, Number, Record


class Measurement(Record):
    date: IsoDate
    value: Number
    note: str | None = None


class Benefit(Record):
    id: Id
    title: str
    description: str | None = None
    goal: Id | None = None
    kpi: str | None = None
    unit: str | None = None
    baseline: Number | None = None
    target: Number | None = None
    target_date: IsoDate | None = None
    owner: Id | None = None
    kind: Literal["cashable", "non_cashable", "social"] | None = None
    measurements: list[Measurement] = Field(default_factory=list)


class BenefitsFile(Record):
    benefits: list[Benefit] = Field(default_factory=list)
