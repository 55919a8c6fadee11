"""goals.yaml: the partnership's SMART goals and the outcomes they aim at."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from ..vocabulary import Term
from .common import Id, IsoDate, Number, Record, Records


class Goal(Record):
    id: Id
    title: str
    term: Term | None = None
    description: str | None = None
    measure: str | None = None
    baseline: Number | None = None
    target: Number | None = None
    unit: str | None = None
    due: IsoDate | None = None
    owner: Id | None = None
    relevance: str | None = None


class GoalsFile(Record):
    goals: Annotated[list[Goal], Records("goal")] = Field(default_factory=list)


SMART_LETTERS = ("S", "M", "A", "R", "T")


def smart_gaps(
    goal: Goal,
    start: date | None,
    end: date | None,
    has_benefit: bool,
) -> dict[str, str]:
    """For each SMART letter the goal fails, the reason; empty when the goal is SMART.

    Specific: a title and a measure. Measurable: measure, baseline, target and unit.
    Achievable: an owner. Relevant: a relevance statement or a benefit linked to the goal.
    Timely: a due date inside the partnership's start and end.
    """
    gaps: dict[str, str] = {}
    if not goal.title.strip() or not goal.measure:
        gaps["S"] = "no measure says what will change"
    missing = [
        name
        for name, value in (
            ("measure", goal.measure),
            ("baseline", goal.baseline),
            ("target", goal.target),
            ("unit", goal.unit),
        )
        if value is None or value == ""
    ]
    if missing:
        gaps["M"] = "no " + ", ".join(missing)
    if not goal.owner:
        gaps["A"] = "no owner"
    if not goal.relevance and not has_benefit:
        gaps["R"] = "no relevance and no benefit linked to it"
    if goal.due is None:
        gaps["T"] = "no due date"
    elif (start is not None and goal.due < start) or (end is not None and goal.due > end):
        gaps["T"] = f"due {goal.due}, outside the partnership's dates"
    return gaps
