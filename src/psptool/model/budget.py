"""budget.yaml: planned and actual spend by period."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from .common import Id, Money, Record, schema_pattern

_PERIOD_BODY = "[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])|/[0-9]{2}(-Q[1-4])?)?"
"""A calendar year, quarter or month (`2011`, `2011-Q1`, `2011-03`), or a financial year and
its quarters (`2011/12`, `2011/12-Q1`), counted from psp.yaml's `financial_year_start`."""
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
            f"'{value}' is not a budget period: write a year (2011), a quarter (2011-Q1), "
            "a month (2011-03), a financial year (2011/12) or its quarter (2011/12-Q1)"
        )
    if is_financial_year(value) and int(value[5:7]) != (int(value[:4]) + 1) % 100:
        following = f"{(int(value[:4]) + 1) % 100:02d}"
        raise ValueError(
            f"'{value}' is not a financial year: the year after {value[:4]} is {following} "
            f"({value[:4]}/{following})"
        )
    return value


def is_financial_year(period: str) -> bool:
    """`2011/12` and `2011/12-Q1` are financial; `2011`, `2011-Q1`, `2011-03` calendar."""
    return period[4:5] == "/"


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
