"""options.yaml: the options appraisal, weighted criteria and scored options."""

from __future__ import annotations

from pydantic import Field

from .common import Criterion, Id, Money, Record, Score


class Option(Record):
    id: Id
    name: str
    description: str | None = None
    do_nothing: bool = False
    cost: Money | None = None
    scores: dict[Id, Score]
    risks: list[Id] = Field(default_factory=list)


class OptionsFile(Record):
    criteria: list[Criterion] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    preferred: Id | None = None


def weighted_total(scores: dict[str, int], criteria: list[Criterion]) -> float:
    """Sum of weight × score over the criteria (a missing score counts as 0)."""
    return sum(c.weight * scores.get(c.id, 0) for c in criteria)
