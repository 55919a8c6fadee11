"""budget.yaml: planned and actual spend by period."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from .common import Id, Money, Record

PERIOD_PATTERN = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


def _check_period(value: str) -> str:
    if not PERIOD_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a budget period: write a year (2011), a quarter (2011-Q1) "
            "or a month (2011-03)"
        )
    return value


BudgetPeriod = Annotated[
    str, Field(json_schema_extra={"pattern": PERIOD_PATTERN.pattern}), AfterValidator(_check_period)
]


class BudgetLine(Record):
    period: BudgetPeriod
    category: str | None = None
    partner: Id | None = None
    planned: Money | None = None
    actual: Money | None = None
    note: str | None = None


class BudgetFile(Record):
    budget: list[BudgetLine] = Field(default_factory=list)
