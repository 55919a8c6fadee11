"""How figures read in papers: dates as a letter writes them, money with its symbol."""

from __future__ import annotations

from datetime import date

CURRENCY_SYMBOL = {"GBP": "£", "EUR": "€", "USD": "$"}


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
