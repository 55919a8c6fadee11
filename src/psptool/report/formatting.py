"""How figures read in papers: dates as a letter writes them, money with its symbol, numbers
with their unit, shares as percentages."""

from __future__ import annotations

from datetime import date

from ..analysis.common import CURRENCY_SYMBOL, money_unit

__all__ = ["CURRENCY_SYMBOL", "long_date", "money", "money_unit", "number", "percent", "ratio"]


def long_date(when: date | None) -> str:
    """30 June 2011; empty for no date."""
    return f"{when.day} {when:%B %Y}" if when else ""


def money(amount: float | None, currency: str, signed: bool = False) -> str:
    """£1,300,000 and −£45,000; with `signed`, +£160,298, as councils show a net position.
    Empty for no amount."""
    if amount is None:
        return ""
    whole = round(amount)
    sign = "−" if whole < 0 else ("+" if signed and whole > 0 else "")
    symbol = CURRENCY_SYMBOL.get(currency)
    text = f"{abs(whole):,}"
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{currency} {text}"


def number(value: float | None, unit: str | None = None) -> str:
    """78, 1.5 and 1,450,000; with a unit, 50% and 17 children; money units as money
    reads, `GBP per week` as £860 a week. Empty for no value."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    symbol, rest = money_unit(unit)
    if symbol:
        sign = "−" if value < 0 else ""
        amount = f"{abs(value):,.0f}" if float(value).is_integer() else f"{abs(value):,.2f}"
        return f"{sign}{symbol}{amount}" + (f" {rest}" if rest else "")
    return f"{text} {unit}"


def percent(value: float | None) -> str:
    """A share as a whole percentage, 38%; empty for none."""
    return "" if value is None else f"{value:.0f}%"


def ratio(value: float | None) -> str:
    """A benefit–cost ratio to two places, 1.47; empty for none."""
    return "" if value is None else f"{value:.2f}"
