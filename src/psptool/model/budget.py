"""budget.yaml: planned and actual spend by period."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from .common import Id, Money, Record, schema_pattern

_PERIOD_BODY = "[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?"
PERIOD_PATTERN = re.compile(rf"^{_PERIOD_BODY}\Z")
_FIRST_YEAR, _LAST_YEAR = 1000, 9999
"""The years a period may be written as a bare number: `2012`, four digits."""


def _year_as_text(value: Any) -> Any:
    """`period: 2012` is the year 2012: YAML reads an unquoted year as a number."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_period(value: str) -> str:
    if not PERIOD_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a budget period: write a year (2011), a quarter (2011-Q1) "
            "or a month (2011-03)"
        )
    return value


BudgetPeriod = Annotated[
    str,
    BeforeValidator(_year_as_text),
    AfterValidator(_check_period),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": schema_pattern(_PERIOD_BODY)},
                {"type": "integer", "minimum": _FIRST_YEAR, "maximum": _LAST_YEAR},
            ]
        }
    ),
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
