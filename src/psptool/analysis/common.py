"""Small shared pieces: natural sort of ids, the reporting period from governance cadence."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..model import Project

Rag = Literal["green", "amber", "red"]

CURRENCY_SYMBOL = {"GBP": "£", "EUR": "€", "USD": "$"}
"""The symbol a currency's amounts are written with."""


def money_unit(unit: str) -> tuple[str, str]:
    """A unit that is money as its symbol and the rest in words: `GBP per week` is
    ("£", "a week"), `£ per year` ("£", "a year"); ("", unit) for any other unit."""
    words = unit.strip().split(None, 1)
    if not words:
        return "", unit
    head = words[0]
    symbol = CURRENCY_SYMBOL.get(head.upper(), head if head in CURRENCY_SYMBOL.values() else "")
    if not symbol:
        return "", unit
    rest = words[1] if len(words) > 1 else ""
    if rest.startswith("per "):
        rest = "a " + rest[4:]
    return symbol, rest


def amount(value: float, unit: str | None, decimals: int = 1) -> str:
    """A quantity with its unit as a paper writes it: 7.8%, 1.5 children, £6.70 a week."""
    text = (
        f"{value:,.{decimals}f}".removesuffix("." + "0" * decimals) if decimals else f"{value:,.0f}"
    )
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    symbol, rest = money_unit(unit)
    if symbol:
        sign = "−" if value < 0 else ""
        whole = abs(value) >= 100 or float(round(value, 2)).is_integer()
        money = f"{abs(value):,.0f}" if whole else f"{abs(value):,.2f}"
        return f"{sign}{symbol}{money}" + (f" {rest}" if rest else "")
    return f"{text} {unit}"


@dataclass(frozen=True)
class Period:
    """A reporting period: the time between governance meetings, in months or in days."""

    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        """The date one period after `start` (31 January + 1 month is 28 or 29 February)."""
        return self._shift(start, 1)

    def before(self, end: date) -> date:
        """The date one period before `end`: where the reporting period began."""
        return self._shift(end, -1)

    def _shift(self, when: date, sign: int) -> date:
        if self.days:
            return when + timedelta(days=sign * self.days)
        month_index = when.month - 1 + sign * self.months
        year, month = when.year + month_index // 12, month_index % 12 + 1
        last_day = calendar.monthrange(year, month)[1]
        if when.day == calendar.monthrange(when.year, when.month)[1]:
            return date(year, month, last_day)  # 30 June less a quarter is 31 March
        return date(year, month, min(when.day, last_day))

    def __str__(self) -> str:
        if self.days:
            return f"{self.days} days"
        return f"{self.months} month{'s' if self.months != 1 else ''}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """`3m` (months), `2w` (weeks), `14d` (days), or a cadence such as `quarterly`."""
        text = text.strip().lower()
        if text in CADENCE_PERIODS:
            return CADENCE_PERIODS[text]
        match = re.fullmatch(r"(\d+)\s*([mwd])", text)
        if not match or int(match.group(1)) == 0:
            raise ValueError(
                f"'{text}' is not a period: write 3m, 2w or 14d, or a cadence such as quarterly"
            )
        number, unit = int(match.group(1)), match.group(2)
        if unit == "m":
            return cls(months=number)
        return cls(days=number * (7 if unit == "w" else 1))


CADENCE_PERIODS: dict[str, Period] = {
    "weekly": Period(days=7),
    "fortnightly": Period(days=14),
    "monthly": Period(months=1),
    "bimonthly": Period(months=2),
    "quarterly": Period(months=3),
    "half_yearly": Period(months=6),
    "annually": Period(months=12),
}
DEFAULT_PERIOD = Period(months=3)
"""Governance groups meet about quarterly (the How to Guide), so a quarter by default."""


def natural_key(identifier: str) -> tuple[object, ...]:
    """Sort R2 before R10: digits compare as numbers."""
    parts = re.split(r"(\d+)", identifier)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts)


def reporting_period(project: Project) -> Period:
    """The time between governance meetings: the governance group's cadence.

    The group with id `governance-group`, else one whose id mentions governance, else the
    first group with a cadence; a quarter when none has one.
    """
    groups = project.psp.governance.groups
    ranked = sorted(groups, key=lambda g: (g.id != "governance-group", "governance" not in g.id))
    for group in ranked:
        if group.cadence in CADENCE_PERIODS:
            return CADENCE_PERIODS[group.cadence]
    return DEFAULT_PERIOD
