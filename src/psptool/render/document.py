"""A document as a list of blocks (headings, paragraphs, bullets, tables, figures), so one
layout feeds every writer: Markdown, the terminal, Word and HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .tables import Table

CURRENCY_SYMBOL = {"GBP": "£", "EUR": "€", "USD": "$"}


@dataclass
class Heading:
    level: int
    text: str
    rag: str | None = None


@dataclass
class Para:
    text: str
    rag: str | None = None
    """A paragraph that states a RAG is shown with its colour."""


@dataclass
class Bullets:
    items: list[str]
    numbered: bool = False


@dataclass
class Figure:
    """A chart: HTML draws it in SVG; other writers show `fallback` (a table) instead."""

    kind: str
    data: Any
    fallback: Table | None = None
    caption: str = ""


@dataclass
class Document:
    title: str
    subtitle: str = ""
    blocks: list[Heading | Para | Bullets | Table | Figure] = field(default_factory=list)

    def add(self, *blocks: Heading | Para | Bullets | Table | Figure) -> None:
        self.blocks.extend(blocks)


def long_date(when: date | None) -> str:
    """30 June 2011, as a letter would write it."""
    return f"{when.day} {when:%B %Y}" if when else "–"


def money(amount: float | None, currency: str) -> str:
    if amount is None:
        return "–"
    symbol = CURRENCY_SYMBOL.get(currency)
    sign = "−" if amount < 0 else ""
    text = f"{abs(amount):,.0f}"
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{currency} {text}"
