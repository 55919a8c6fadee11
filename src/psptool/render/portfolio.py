"""The portfolio laid out: a `Document` for the terminal and Markdown, and the JSON shape.

The same tables feed the HTML page (render/portfolio_html.py) and the workbook
(render/portfolio_workbook.py), so every output shows the same figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..report.formatting import long_date, money
from ..report.portfolio import Portfolio, Row, rows_by_concern
from ..vocabulary import RAG_LABELS, scale_label
from .document import Document, Heading, Para
from .status import signed_pct
from .tables import Table

TITLE = "Portfolio of partnerships"
COMPONENTS = ("Schedule", "Risks", "Budget", "Benefits")
PARTNERSHIP_COLUMNS = [
    "Partnership",
    "Stage",
    "Lead partner",
    "Overall",
    *COMPONENTS,
    "Red",
    "Slipped",
    "Variance",
    "Off track",
    "Next gate",
    "Next meeting",
    "Errors",
    "Warnings",
]
"""The row of each partnership: Red lists open red risks and issues by title; Slipped counts the
milestones overdue or completed late this period, Off track the benefits behind the line to
target; Next meeting is the next governance meeting (provisional where only its
cadence implies it)."""


def _shown(rag: str | None) -> str:
    """A RAG as every paper writes it, "Red"; "–" where it is not rated yet."""
    return RAG_LABELS[rag] if rag else "–"


def stage_text(stage: str | None) -> str:
    """A stage as a reader writes it, "Pilot"."""
    return stage.capitalize() if stage else "–"


def variance_text(row: Row) -> str:
    """Spend to date against plan, as a council shows it and the highlight report writes a
    percentage: +£1,200 (+2.6%) over, −£400 (−0.9%) under, −£20 where it rounds to 0%."""
    if row.variance is None:
        return "no budget"
    text = money(row.variance, row.currency, signed=True) or "£0"
    if row.variance_pct is not None and round(row.variance_pct, 1) != 0:
        text += f" ({signed_pct(row.variance_pct)})"
    return text


def gate_text(row: Row) -> str:
    if not row.checked:
        return "–"
    if row.next_stage is None:
        return "none (closed)"
    return f"{stage_text(row.next_stage)}: {row.gate_unmet} of {row.gate_items} unmet"


def meeting_text(row: Row) -> str:
    """The next governance meeting: "23 September 2011", "(provisional)" when only the
    group's cadence implies it."""
    if not row.checked:
        return "–"
    meeting = row.next_meeting
    if meeting is None:
        return "none planned"
    return long_date(meeting.day) + (" (provisional)" if meeting.provisional else "")


def titled(row: Row, ids: list[str]) -> str:
    """Entries by title, as every page names them (the JSON keeps the ids): "Fewer pilot
    placements than planned"; "none" where there are none."""
    return "; ".join(row.titles.get(i, i) for i in ids) or "none"


def counted(ids: list[str], what: str) -> str:
    """How many milestones have slipped or benefits are off track, "4 milestones", "none":
    their titles are in the highlight report (and the HTML page's tooltip); a row of every
    title would fill the page."""
    n = len(ids)
    return f"{n} {what}{'s' if n != 1 else ''}" if n else "none"


def partnership_cells(row: Row) -> list[Any]:
    """A row's cells in `PARTNERSHIP_COLUMNS` order, as people read them."""
    if not row.checked:
        return [
            row.name,
            stage_text(row.stage),
            row.lead or "–",
            "Errors",
            *(["–"] * 4),
            "–",
            "–",
            "–",
            "–",
            "–",
            "–",
            row.errors,
            row.warnings,
        ]
    c = row.components
    assert c is not None
    return [
        row.name,
        stage_text(row.stage),
        row.lead or "none agreed",
        _shown(row.overall),
        _shown(c.schedule),
        _shown(c.risks),
        _shown(c.budget),
        _shown(c.benefits),
        titled(row, row.red),
        counted(row.slipped, "milestone"),
        variance_text(row),
        counted(row.off_track, "benefit"),
        gate_text(row),
        meeting_text(row),
        row.errors,
        row.warnings,
    ]


def row_rags(row: Row) -> list[str | None]:
    """The RAG behind each of a row's cells, "red", in `PARTNERSHIP_COLUMNS` order: None
    where the cell is no RAG or is not rated (the cells write it "Red", for the reader)."""
    c = row.components
    found = (
        {"Overall": row.overall, "Schedule": c.schedule, "Risks": c.risks}
        | {"Budget": c.budget, "Benefits": c.benefits}
        if row.checked and c is not None
        else {}
    )
    return [found.get(name) for name in PARTNERSHIP_COLUMNS]


def partnerships_table(portfolio: Portfolio) -> Table:
    rows = rows_by_concern(portfolio.rows)
    cells = [partnership_cells(r) for r in rows]
    rags: dict[tuple[int, int], str] = {
        (r, c): rag
        for r, row in enumerate(rows)
        for c, rag in enumerate(row_rags(row))
        if rag is not None
    }
    return Table(
        "One row per partnership, most concern first",
        PARTNERSHIP_COLUMNS,
        cells,
        notes=[
            "Overall is the worst of schedule, risks and issues, budget and benefits, as each "
            "partnership's highlight report rates them; – is not rated yet. Variance is spend "
            "to date, actual minus planned. Next meeting is the next governance meeting; a "
            "provisional one is only implied by the group's cadence."
        ],
        rags=rags,
        prose=(),
    )


def shown_path(folder: Path) -> str:
    """A folder as the reader typed it: from the working folder when it is below it, as
    `psp validate` shows its files; else the whole path."""
    try:
        return folder.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return str(folder)


def errors_table(portfolio: Portfolio) -> Table | None:
    broken = portfolio.with_errors
    if not broken:
        return None
    return Table(
        "Run psp validate in a folder for all its errors",
        ["Partnership", "Folder", "Errors", "First error"],
        [[r.name, shown_path(r.folder), r.errors, r.first_error or ""] for r in broken],
    )


def since_table(portfolio: Portfolio) -> Table | None:
    if portfolio.since is None:
        return None
    rows = []
    rags: dict[tuple[int, int], str] = {}
    for r in rows_by_concern(portfolio.rows):
        if r.since is None:
            continue
        then = r.since.overall_then
        rows.append(
            [
                r.name,
                r.since.revision or "–",
                _shown(then),
                _shown(r.overall) if r.checked else "Errors",
                titled(r, r.since.new_red),
                r.since.note or "",
            ]
        )
        for c, value in ((2, then), (3, r.overall)):
            if value:
                rags[(len(rows) - 1, c)] = value
    return Table(
        f"Since {portfolio.since}",
        ["Partnership", "Compared with", "Then", "Now", "New red", "Note"],
        rows,
        notes=["New red: open risks and issues red now that were not red then."],
        rags=rags,
    )


def heatmap_grid(portfolio: Portfolio) -> Table:
    """Open entries counted by likelihood and impact, across every partnership."""
    rows: list[list[Any]] = []
    rags: dict[tuple[int, int], str] = {}
    for likelihood in range(5, 0, -1):
        line: list[Any] = [scale_label(likelihood)]
        for impact in range(1, 6):
            cell = next(
                c for c in portfolio.heatmap if (c.likelihood, c.impact) == (likelihood, impact)
            )
            line.append(str(cell.count) if cell.count else "")
            if cell.count:
                rags[(5 - likelihood, impact)] = cell.rag
        rows.append(line)
    return Table(
        "Risk heat map: open entries across the portfolio",
        ["Likelihood / Impact", *(scale_label(i) for i in range(1, 6))],
        rows,
        notes=[
            "Each cell counts the open risks and issues of every partnership checked; its "
            "colour is the standard matrix's (amber from 5, red from 15)."
        ],
        rags=rags,
        prose=(),
    )


def heatmap_cells(portfolio: Portfolio) -> Table:
    rows = [
        [
            f"{c.likelihood} × {c.impact}",
            c.score,
            c.count,
            " · ".join(f"{s.partnership}: {'; '.join(s.titles or s.ids)}" for s in c.partnerships),
        ]
        for c in sorted(portfolio.heatmap, key=lambda c: (-c.score, -c.likelihood))
        if c.count
    ]
    rags: dict[tuple[int, int], str] = {
        (r, 1): c.rag
        for r, c in enumerate(
            c for c in sorted(portfolio.heatmap, key=lambda c: (-c.score, -c.likelihood)) if c.count
        )
    }
    return Table(
        "Open entries by cell",
        ["L × I", "Score", "Entries", "Partnerships"],
        rows,
        rags=rags,
    )


def _share(share: Any) -> str:
    amount = money(share.amount, share.currency)
    parts = [long_date(share.budget_cycle), share.status] + ([amount] if amount else [])
    return f"{share.partnership} ({', '.join(parts)})"


def funders_table(portfolio: Portfolio) -> Table:
    return Table(
        f"Funders' budget cycles to {long_date(portfolio.horizon_end)}",
        ["Funder", "First budget cycle", "Partnerships"],
        [
            [f.name, long_date(f.first), "; ".join(_share(s) for s in f.partnerships)]
            for f in portfolio.funders
        ],
        notes=[] if portfolio.funders else ["No funder's budget is set in these months."],
    )


def stages_table(portfolio: Portfolio) -> Table:
    return Table(
        "Stages the partnerships are at",
        ["Stage", "Partnerships", "Which"],
        [
            [stage_text(s.stage), len(s.partnerships), ", ".join(s.partnerships)]
            for s in portfolio.stages
        ],
    )


def shared_partners_table(portfolio: Portfolio) -> Table:
    rows = []
    for s in portfolio.shared_partners:
        named = [
            p.partnership
            + (" (lead)" if p.lead else "")
            + (f" as {p.name}" if p.name != s.name else "")
            for p in s.partnerships
        ]
        rows.append([s.name, len(s.partnerships), "; ".join(named)])
    return Table(
        "Partners in several partnerships",
        ["Partner", "Partnerships", "Which"],
        rows,
        notes=[] if rows else ["No organisation is a partner in more than one partnership."],
    )


def summary(portfolio: Portfolio) -> str:
    counts = {
        rag: sum(1 for r in portfolio.rows if r.overall == rag) for rag in ("red", "amber", "green")
    }
    broken = len(portfolio.with_errors)
    n = len(portfolio.rows)
    text = (
        f"As at {long_date(portfolio.as_of)} · {n} partnership{'s' if n != 1 else ''}: "
        f"{counts['red']} Red, {counts['amber']} Amber, {counts['green']} Green"
    )
    return text + (f", {broken} with errors" if broken else "")


def portfolio_tables(portfolio: Portfolio) -> list[Table]:
    """Every table of the portfolio, in the order the page reads."""
    tables = [partnerships_table(portfolio)]
    for extra in (errors_table(portfolio), since_table(portfolio)):
        if extra is not None:
            tables.append(extra)
    tables += [
        heatmap_grid(portfolio),
        heatmap_cells(portfolio),
        funders_table(portfolio),
        stages_table(portfolio),
        shared_partners_table(portfolio),
    ]
    return tables


SECTIONS = {
    "One row per partnership": "Partnerships",
    "Run psp validate": "Folders with errors",
    "Since": "Since the last review",
    "Risk heat map": "Risks across the portfolio",
    "Funders": "Funders' budget cycles",
    "Stages": "Stages",
    "Partners in several partnerships": "Shared partners",
}
"""The heading each section starts with, by the start of its first table's title."""


def portfolio_document(portfolio: Portfolio) -> Document:
    doc = Document(TITLE, summary(portfolio))
    for note in portfolio.notes:
        doc.add(Para(note))
    for table in portfolio_tables(portfolio):
        heading = next((h for s, h in SECTIONS.items() if table.title.startswith(s)), None)
        if heading is not None:
            doc.add(Heading(1, heading))
        if not table.rows and table.notes:  # nothing to list: the note says so, once
            doc.add(Para(table.title))
            for note in table.notes:
                doc.add(Para(note))
            continue
        doc.add(table)
    return doc


def portfolio_json(portfolio: Portfolio) -> dict[str, Any]:
    """The portfolio for machines (`--format json`): see docs/cli.md, "psp portfolio"."""
    from dataclasses import asdict

    rows = []
    for row in portfolio.rows:
        data = asdict(row)
        data["folder"] = shown_path(row.folder)
        data["checked"] = row.checked
        rows.append(data)
    return {
        "as_of": portfolio.as_of,
        "horizon_end": portfolio.horizon_end,
        "since": portfolio.since,
        "roots": [str(r) for r in portfolio.roots],
        "partnerships": rows,
        "heatmap": [asdict(c) for c in portfolio.heatmap],
        "funders": [asdict(f) for f in portfolio.funders],
        "stages": [asdict(s) for s in portfolio.stages],
        "shared_partners": [asdict(s) for s in portfolio.shared_partners],
        "notes": portfolio.notes,
    }
