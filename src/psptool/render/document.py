"""A document as a list of blocks (headings, paragraphs, bullets, tables, figures), so one
layout feeds every writer: Markdown, the terminal, Word and HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..report.formatting import long_date, money
from .tables import Table

__all__ = [
    "Bullets",
    "Document",
    "Figure",
    "Heading",
    "Para",
    "long_date",
    "money",
]


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
    footer: str = ""
    """What a Word page's footer says beside the page number; the title when empty."""

    def add(self, *blocks: Heading | Para | Bullets | Table | Figure) -> None:
        self.blocks.extend(blocks)


@dataclass
class ReportOutput:
    """What is left to show once a report (the highlight report, the portfolio) is written:
    the file it went to, text for standard output as it stands, or blocks for a rich
    console."""

    written: Path | None = None
    text: str | None = None
    blocks: list[Any] = field(default_factory=list)
