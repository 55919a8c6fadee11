"""Plain tables: the one shape that terminal, CSV and Markdown writers all take.

A table is a title, column names, rows of values and notes. Values stay values (numbers,
dates, None) until a writer formats them, so CSV keeps full figures and the terminal rounds.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from rich.cells import cell_len

from ..quoting import escape_controls
from ..vocabulary import RAG_COLOURS, RAG_TEXT_COLOURS

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.table import Table as RichTable
    from rich.text import Text

RAG_STYLE = {
    rag: f"bold #{RAG_TEXT_COLOURS[rag]} on #{colour}" for rag, colour in RAG_COLOURS.items()
}
"""RAG cells and badges on a terminal, in the colours of the workbooks and the HTML report."""


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
    prose: tuple[str, ...] | None = None
    """The columns that wrap as prose on a terminal, and move under their row when it is
    narrow; by default, those with text of several words (see `PROSE`)."""


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
        return escape_controls(", ".join(str(v) for v in value), keep_lines=True)
    return escape_controls(str(value), keep_lines=True)


PROSE = 12
"""A column with text longer than this, of three words or more, is prose (a title, a reason):
it wraps at word boundaries and may move under its row. Other columns (ids, dates, numbers,
RAG, names) keep their width as long as the terminal allows."""
PROSE_FLOOR = 20
"""The narrowest a prose column is made inside a boxed table; narrower than that, it moves onto
its own lines under its row."""
PROSE_COMFORT = 40
"""Prose narrows to this before any header wraps to make room."""
GAP = 2
"""Spaces between columns when a table is laid out without its box."""
INDENT = 4
"""Indent of the lines that continue a record (its prose, its fields) in the narrow layouts."""


def to_rich(table: Table) -> TerminalTable:
    """The table for a terminal: laid out for the width it is printed at (see `TerminalTable`)."""
    return TerminalTable(table)


@dataclass
class _Column:
    """A column's text and the widths that matter for laying it out."""

    index: int
    name: str
    texts: list[str]
    numeric: bool
    natural: int
    """The widest line of the header and the cells: the width that wraps nothing."""
    values: int
    """The widest cell, the header aside: what the column needs once its header wraps."""
    word: int
    """The longest word of the header and the cells: the narrowest that wraps only at spaces."""
    prose: bool

    @property
    def floor(self) -> int:
        """The narrowest this column is made inside a boxed table."""
        return min(self.natural, max(PROSE_FLOOR, self.word)) if self.prose else self.word

    @property
    def justify(self) -> Literal["left", "right"]:
        return "right" if self.numeric else "left"


def _widest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _measure(table: Table) -> list[_Column]:
    texts = [
        [cell_text(v, table.decimals.get(c)) for c, v in zip(table.columns, row, strict=True)]
        for row in table.rows
    ]
    columns = []
    for i, name in enumerate(table.columns):
        cells = [row[i] for row in texts]
        values = max((_widest_line(t) for t in cells), default=0)
        words = [w for t in (name, *cells) for w in t.split()]
        numeric = all(isinstance(row[i], int | float) or row[i] is None for row in table.rows)
        prose = (
            name in table.prose
            if table.prose is not None
            else not numeric and any(len(t) > PROSE and len(t.split()) > 2 for t in cells)
        )
        columns.append(
            _Column(
                index=i,
                name=name,
                texts=cells,
                numeric=numeric,
                natural=max(values, _widest_line(name)),
                values=values,
                word=max((cell_len(w) for w in words), default=0),
                prose=prose,
            )
        )
    return columns


def _squeeze(widths: list[int], floors: list[int], excess: int) -> int:
    """Narrow the widest columns a cell at a time, none below its floor, until `excess` cells
    are saved or none can narrow further; return what could not be saved."""
    while excess > 0:
        movable = [i for i, (w, f) in enumerate(zip(widths, floors, strict=True)) if w > f]
        if not movable:
            break
        widest = max(movable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return excess


def _fit(columns: list[_Column], room: int, *, wrap_short: bool) -> list[int] | None:
    """Widths for `columns` within `room` cells, or None when they cannot fit.

    Prose narrows first, to `PROSE_COMFORT`; then headers wrap (a header wider than its
    values takes a second line); then prose narrows to its floor; then, with `wrap_short`,
    short text wraps at its spaces. Ids, dates and numbers never break inside a word."""
    widths = [c.natural for c in columns]
    excess = sum(widths) - room
    stages = [
        [min(c.natural, max(c.floor, PROSE_COMFORT)) if c.prose else c.natural for c in columns],
        [
            min(c.natural, max(c.floor, PROSE_COMFORT)) if c.prose else max(c.values, c.word)
            for c in columns
        ],
        [c.floor if c.prose else max(c.values, c.word) for c in columns],
    ]
    if wrap_short:
        stages.append([c.floor for c in columns])
    for floors in stages:
        if excess <= 0:
            break
        excess = _squeeze(widths, floors, excess)
    return widths if excess <= 0 else None


class TerminalTable:
    """A table laid out for the width the console gives it.

    Wide enough, it is a boxed rich table whose prose columns wrap at word boundaries. When
    the prose would be squeezed below `PROSE_FLOOR`, the widest prose columns move onto their
    own lines under each row (the title unlabelled, the others as `Why: ...`), then the
    widest short columns too, until the columns left fit side by side. No column is dropped
    or narrowed to nothing, and ids, dates and numbers keep their width while the first
    column fits at all.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = _measure(table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        columns = self.columns
        boxed = _fit(columns, width - (3 * len(columns) + 1), wrap_short=False)
        if boxed is not None:
            yield self._boxed(boxed)
            return
        # what moves under the row: prose, widest first, then the widest short columns
        prose = sorted((c for c in columns if c.prose), key=lambda c: (-c.natural, c.index))
        short = sorted((c for c in columns[1:] if not c.prose), key=lambda c: (-c.natural, c.index))
        movable = prose + short
        for moved in range(1, len(movable) + 1):
            below = {c.index for c in movable[:moved]}
            grid = [c for c in columns if c.index not in below]
            widths = _fit(grid, width - GAP * (len(grid) - 1), wrap_short=True)
            if widths is not None:
                yield from self._stacked(console, width, grid, widths, below)
                return
        # narrower than the first column: it folds, and everything else goes under it
        rest = {c.index for c in columns[1:]}
        yield from self._stacked(console, width, columns[:1], [width], rest)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        natural = sum(c.natural for c in self.columns) + 3 * len(self.columns) + 1
        narrowest = max((c.word for c in self.columns), default=1) + 2 * INDENT
        return Measurement(min(narrowest, natural), natural).with_maximum(options.max_width)

    def _cell(self, row: int, column: int) -> Text:
        from rich.text import Text

        text = self.columns[column].texts[row]
        return Text(text, style=RAG_STYLE.get(self.table.rags.get((row, column), text), ""))

    def _boxed(self, widths: list[int]) -> RichTable:
        from rich.table import Table as RichTable

        out = RichTable(title=self.table.title, title_justify="default", header_style="bold")
        for column, width in zip(self.columns, widths, strict=True):
            out.add_column(
                column.name,
                width=width,
                no_wrap=width >= column.natural,
                overflow="fold",
                justify=column.justify,
            )
        for r in range(len(self.table.rows)):
            out.add_row(*(self._cell(r, c.index) for c in self.columns))
        return out

    def _title(self, console: Console, width: int) -> list[Text]:
        from rich.text import Text

        if not self.table.title:
            return []
        return wrap_text(console, Text(self.table.title, style="table.title"), width)

    def _field(self, row: int, column: _Column, labelled: bool = True) -> Text:
        """A cell on its own line: `Header: value`."""
        from rich.text import Text

        line = Text()
        if labelled and column.name:
            line.append(f"{column.name}: ", style="bold")
        line.append_text(self._cell(row, column.index))
        return line

    def _stacked(
        self, console: Console, width: int, grid: list[_Column], widths: list[int], below: set[int]
    ) -> Iterator[Text]:
        from rich.text import Text

        yield from self._title(console, width)
        headers = [Text(c.name, style="bold") for c in grid]
        yield from _grid_lines(console, headers, grid, widths)
        yield Text("─" * (sum(widths) + GAP * (len(grid) - 1)), style="dim")
        indent = widths[0] + GAP if widths[0] + GAP <= 3 * INDENT else INDENT
        indent = min(indent, width // 3)
        title = next((c.index for c in self.columns if c.prose), None)
        for r in range(len(self.table.rows)):
            cells = [self._cell(r, c.index) for c in grid]
            yield from _grid_lines(console, cells, grid, widths)
            fields = [c for c in self.columns if c.index in below and c.texts[r].strip()]
            if title in below and self.columns[title].texts[r].strip():
                line = self._field(r, self.columns[title], labelled=False)
                yield from wrap_text(console, line, width, first=indent, indent=indent)
            others = [self._field(r, c) for c in fields if c.index != title]
            for line in _packed(others, width - indent):
                yield from wrap_text(console, line, width, first=indent, indent=indent)


def _packed(fields: list[Text], width: int) -> list[Text]:
    """`Header: value` fields joined by ' · ' into lines of at most `width` cells, a field
    broken only when it is longer than a line."""
    from rich.text import Text

    lines: list[Text] = []
    for field_ in fields:
        if lines and cell_len(lines[-1].plain) + 3 + cell_len(field_.plain) <= width:
            lines[-1] = Text(" · ").join([lines[-1], field_])
        else:
            lines.append(field_)
    return lines


def _grid_lines(
    console: Console, cells: list[Text], columns: list[_Column], widths: list[int]
) -> Iterator[Text]:
    """One row of aligned cells, each wrapped within its width, as lines of text."""
    from rich.text import Text

    wrapped = [
        cell.wrap(console, width, justify=column.justify, overflow="fold")
        for cell, column, width in zip(cells, columns, widths, strict=True)
    ]
    for i in range(max((len(lines) for lines in wrapped), default=0)):
        line = Text()
        for c, (lines, width) in enumerate(zip(wrapped, widths, strict=True)):
            if c:
                line.append(" " * GAP)
            line.append_text(lines[i] if i < len(lines) else Text(" " * width))
        line.rstrip()
        yield line


class Prose:
    """A paragraph for the terminal: wrapped at word boundaries to the width it is printed at,
    without trailing spaces, its lines after the first indented by `indent` (a bullet's
    hanging indent)."""

    def __init__(self, text: str | Text, indent: int = 0) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        text = Text(self.text) if isinstance(self.text, str) else self.text
        if options.no_wrap:  # a console that soft-wraps writes each paragraph whole
            yield text
        else:
            yield from wrap_text(console, text, max(1, options.max_width), indent=self.indent)


def wrap_text(
    console: Console, text: Text, width: int, *, first: int = 0, indent: int = 0
) -> list[Text]:
    """Rich `text` broken at spaces into lines of at most `width` cells, the first indented by
    `first` spaces and the others by `indent` (a word longer than a line is folded)."""
    plain = text.plain
    simple = "\n" not in plain and "\t" not in plain
    if not first and simple and cell_len(plain) <= width:
        return [text]
    if simple and plain.isascii():
        return _wrap_ascii(text, width, first, indent)
    text = text.copy()
    text.expand_tabs()
    lines: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        pad = indent if lines else first
        pieces = list(part.wrap(console, max(1, width - pad), overflow="fold")) or [part]
        if len(pieces) > 1 and pad != indent:
            head = pieces[0]
            rest = part[len(head.plain) :]
            rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
            pieces = [head, *rest.wrap(console, max(1, width - indent), overflow="fold")]
        for n, piece in enumerate(pieces):
            piece.rstrip()
            piece.pad_left(pad if n == 0 else indent)
            lines.append(piece)
    return lines


def _wrap_ascii(text: Text, width: int, first: int, indent: int) -> list[Text]:
    """`wrap_text` for one line of ASCII, where a character is a cell: the same breaks, at
    the last space that fits, without the cost of rich's general wrapping for each of
    thousands of findings."""
    plain = text.plain
    offsets = []
    start, room = 0, max(1, width - first)
    lead = len(plain) - len(plain.lstrip(" "))
    while len(plain) - start > room:
        end = start + room
        cut = plain.rfind(" ", (start or lead) + 1, end + 1)
        resume = end if cut == -1 else cut
        while resume < len(plain) and plain[resume] == " ":
            resume += 1
        if resume >= len(plain):
            break
        offsets.append(resume)
        start, room = resume, max(1, width - indent)
    pieces = list(text.divide(offsets))
    for n, piece in enumerate(pieces):
        piece.rstrip()
        piece.pad_left(indent if n else first)
    return pieces


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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV field as a formula (OWASP's CSV injection list):
`-2+3+cmd|' /C calc'!A0` runs a program as surely as `=cmd|...` does."""


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # a spreadsheet must not run a partner's text as a formula
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, date):
        return value.isoformat()
    return value


def jsonable(value: Any) -> Any:
    """Dataclasses, dates and floats as JSON values. Floats keep their full precision (the
    shortest text that reads back as the same number), so a reader can rebuild every figure
    from them; only what people read is rounded. NaN and infinity, which JSON cannot hold,
    are null."""
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
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
