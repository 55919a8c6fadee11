"""Plain tables: the one shape that terminal, CSV and Markdown writers all take.

A table is a title, column names, rows of values and notes. Values stay values (numbers,
dates, None) until a writer formats them, so CSV keeps full figures and the terminal rounds.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from typing import Any

RAG_STYLE = {"red": "bold white on red", "amber": "black on yellow", "green": "black on green"}


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)
    decimals: dict[str, int] = field(default_factory=dict)
    """Decimal places to show for a column on screen (default: 1 for non-whole numbers)."""
    rags: dict[tuple[int, int], str] = field(default_factory=dict)
    """A RAG colour for a cell, by (row, column): the heat map colours cells this way."""


def cell_text(value: Any, decimals: int | None = None) -> str:
    """A value as a person reads it: whole numbers without '.0', money with thousands
    separators, None as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        places = 1 if decimals is None else decimals
        if round(value, places) == 0:
            value = 0.0  # never "-0.0"
        if value.is_integer() and decimals is None:
            return f"{int(value):,}"
        return f"{value:,.{places}f}"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def to_rich(table: Table) -> Any:
    from rich.table import Table as RichTable
    from rich.text import Text

    texts = [
        [cell_text(v, table.decimals.get(c)) for c, v in zip(table.columns, row, strict=True)]
        for row in table.rows
    ]
    out = RichTable(title=table.title, title_justify="left", header_style="bold")
    for i, name in enumerate(table.columns):
        widest = max((len(row[i]) for row in texts), default=0)
        numeric = all(isinstance(row[i], int | float) or row[i] is None for row in table.rows)
        if widest <= 12:
            # ids, dates, numbers and RAG never wrap; long text wraps at word boundaries
            out.add_column(name, no_wrap=True, justify="right" if numeric else "left")
        else:
            out.add_column(name, overflow="fold", ratio=1, min_width=12)
    for r, row in enumerate(texts):
        out.add_row(
            *(
                Text(text, style=RAG_STYLE.get(table.rags.get((r, c), text), ""))
                for c, text in enumerate(row)
            )
        )
    return out


def to_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_plain(v) for v in row])
    return buffer.getvalue()


def to_markdown(table: Table) -> str:
    lines = [f"**{table.title}**", ""] if table.title else []
    lines.append("| " + " | ".join(table.columns) + " |")
    lines.append("|" + "|".join("---" for _ in table.columns) + "|")
    for row in table.rows:
        cells = [
            cell_text(v, table.decimals.get(c)).replace("|", "\\|")
            for c, v in zip(table.columns, row, strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.extend(["", *table.notes] if table.notes else [])
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value  # a spreadsheet must not run a partner's text as a formula
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def jsonable(value: Any) -> Any:
    """Dataclasses, dates and floats as JSON values; floats to four decimal places."""
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 4)
    if isinstance(value, str | int | bool) or value is None:
        return value
    return str(value)


SCHEMA_VERSION = 1
"""The version of every `--format json` document's shape (docs/cli.md, "JSON output"). It goes
up when a key is renamed or removed or its meaning changes; a new key leaves it as it is."""


def to_json(document: dict[str, Any]) -> str:
    """A `--format json` document: one object, `schema_version` first, so a tool can tell
    which shape it reads."""
    versioned = {"schema_version": SCHEMA_VERSION, **document}
    return json.dumps(jsonable(versioned), indent=2, ensure_ascii=False)
