"""The RAID log as a workbook partners can edit in Excel and `psp import raid` can read back.

The layout is the contract in `psptool.load.raid_layout` (docs/raid-workbook.md): one
`RAID log` sheet (a Type column, filtered, rather than a sheet per type, so escalating a risk to
an issue in Excel is a change of one cell, not a row moved between sheets), an `Actions` sheet,
and the hidden `_psp` sheet of fingerprints. This module adds what a person needs: an Excel
table with filters and a frozen header, dropdowns kept on a hidden sheet, the Score as a
formula with RAG conditional formatting from the partnership's matrix, the Score column
locked against typing, real dates, a heat map, and custom properties naming the folder's
content hash and git commit so a stale workbook can be told.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..analysis.risk import score_risks
from ..errors import CellTooLong
from ..load import LoadResult
from ..load.limits import EXCEL_CELL_CHARS, excel_length
from ..load.raid_layout import (
    ACTION_COLUMNS,
    ACTIONS_SHEET,
    EMPTY_NOTES,
    META_SHEET,
    NOT_SET,
    NOT_SET_COLUMNS,
    OWNER_HEADER,
    RAID_COLUMNS,
    RAID_SHEET,
    STATUSES,
    action_rows,
    cell_value,
    meta_rows,
    owner_labels,
    risk_row,
    score_formula,
)
from ..quoting import shorten
from ..report.formatting import long_date
from ..report.papers.raid import RaidWorkbook
from ..vocabulary import RAG_TEXT_COLOURS, RAID_TYPES, scale_label
from .workbook import (
    DATE_FORMAT,
    DATE_WIDTH,
    FOOTNOTE_CHARS,
    HEADER_FILL,
    RAG_FILL,
    SPARE_ROWS,
    add_lists,
    append_row,
    as_at_label,
    cell_style,
    column_letter,
    define_as_at,
    dropdown,
    footnote,
    lines_height,
    new_workbook,
    print_as_it_grows,
    set_properties,
    text_lines,
    with_article,
)

WRAPPED = ("Title", "Description", "Category", "Owner")
"""The `RAID log` columns whose text wraps (an owner's name, "Falkirk Council", onto two
lines rather than under the next column)."""
RULE = "BFBFBF"
"""The thin grey rule between printed columns, so a row reads across a wide sheet."""
CALCULATED_FILL = "D9D9D9"
CLOSED_SCORE_FILL = "BFBFBF"
CLOSED_TEXT = "808080"
"""A closed entry's row in grey text, its score on grey rather than its RAG colour."""
OVERDUE_FILL = "FFC7CE"
"""Excel's light red: a review or action date passed while the entry is open."""


def content_hash(result: LoadResult) -> str:
    """SHA-256 of the folder's files as read, so a workbook can name the state it came from."""
    digest = hashlib.sha256()
    for name, source in sorted(result.sources.items()):
        digest.update(name.encode())
        digest.update(source.text.encode("utf-8") if source.present else b"\0")
    return digest.hexdigest()


def raid_records(result: LoadResult) -> list[Mapping[str, Any]]:
    data = result.sources["risks.yaml"].data
    records = data.get("risks") if isinstance(data, dict) else None
    return [r for r in records if isinstance(r, Mapping)] if isinstance(records, list) else []


def refuse_long_cells(records: Sequence[Mapping[str, Any]]) -> None:
    """Refuse, before anything is written, a value longer than an Excel cell holds: Excel
    (and openpyxl) would cut it without a word, and `psp import raid --apply` would then
    write the cut text back into risks.yaml. A value filled to the limit is refused too: the
    import cannot tell it from a cut one."""
    for record in records:
        rows = [("RAID log", risk_row(record)), *(("Actions", a) for a in action_rows(record))]
        for sheet, row in rows:
            for header, value in row.items():
                if isinstance(value, str) and excel_length(value) >= EXCEL_CELL_CHARS:
                    raise CellTooLong(
                        f"{shorten(record.get('id'), 40)}: the {header.lower()} is "
                        f"{excel_length(value):,} characters long, and an Excel cell holds "
                        f"{EXCEL_CELL_CHARS:,} (sheet '{sheet}'): Excel would cut it; shorten it "
                        f"in risks.yaml to under {EXCEL_CELL_CHARS:,} characters, or keep the "
                        "full text in a document and refer to it, before rendering the RAID "
                        "workbook"
                    )


def _width(column: Any) -> float:
    """A column's width, a date column's wide enough for "30 September 2011"."""
    width = float(column.width)
    return max(width, DATE_WIDTH) if column.kind == "date" else width


def _by_name(row: dict[str, Any], labels: Mapping[str, str]) -> dict[str, Any]:
    """A row with its owner shown by name (`raid_layout.owner_labels`); the import reads
    the name back as the id."""
    owner = row.get(OWNER_HEADER)
    if isinstance(owner, str) and owner in labels:
        return {**row, OWNER_HEADER: labels[owner]}
    return row


def raid_workbook(result: LoadResult, as_of: date, commit: str | None = None) -> Any:
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.table import Table, TableStyleInfo

    project = result.project
    matrix = project.psp.risk_matrix
    records = raid_records(result)
    refuse_long_cells(records)
    from ..report.people import owner_names

    labels = owner_labels(owner_names(project))
    workbook = new_workbook()
    properties = {
        "psp.as_of": as_of.isoformat(),
        "psp.content_hash": content_hash(result),
        "psp.partnership": project.psp.id,
    }
    if commit:
        properties["psp.commit"] = commit
    set_properties(workbook, f"{project.psp.name}: RAID log", properties)
    as_at = define_as_at(workbook, as_of)

    sheet = workbook.create_sheet(RAID_SHEET)
    headers = [c.header for c in RAID_COLUMNS]
    score_col = headers.index("Score") + 1
    header_font = Font(bold=True, color="FFFFFF")
    header_alignment = Alignment(wrap_text=True, vertical="center")
    for c, column in enumerate(RAID_COLUMNS, 1):
        cell = sheet.cell(row=1, column=c, value=column.header)
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL if column.is_data else "595959")
        cell.alignment = header_alignment
        sheet.column_dimensions[column_letter(c)].width = _width(column)
    sheet.row_dimensions[1].height = 30
    # Each column's cells share one style, made once: aligned to the top (Title and
    # Description wrapped), dates as dates; the Score is calculated: shaded and locked, every
    # other cell, and the spare rows below, stay editable.
    top = Alignment(vertical="top")
    wrapped_top = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    calculated = PatternFill("solid", fgColor=CALCULATED_FILL)
    rule = Side(style="thin", color=RULE)
    ruled = Border(left=rule, right=rule)
    # (made only for rows that use them: an unused style would still be saved in the file)
    styles = (
        [
            cell_style(
                sheet,
                alignment=wrapped_top if column.header in WRAPPED else top,
                number_format=DATE_FORMAT if column.kind == "date" else None,
                protection=unlocked if column.is_data else None,
                fill=None if column.is_data else calculated,
                border=ruled,
            )
            for column in RAID_COLUMNS
        ]
        if records
        else []
    )
    formulas = (score_col - 1,)
    # a gap in an entry reads as one on paper: "Not set", which the import reads as empty
    gap = (
        {
            c: cell_style(
                sheet,
                alignment=top,
                font=Font(italic=True, color=CLOSED_TEXT),
                protection=unlocked,
                border=ruled,
            )
            for c, column in enumerate(RAID_COLUMNS)
            if column.header in NOT_SET_COLUMNS
        }
        if records
        else {}
    )
    for r, record in enumerate(records, 2):
        row = _by_name(risk_row(record), labels)
        values = [
            cell_value(column, row[column.header]) if column.is_data else score_formula(r)
            for column in RAID_COLUMNS
        ]
        row_styles = list(styles)
        for c in gap:
            if values[c] is None:
                values[c], row_styles[c] = NOT_SET, gap[c]
        append_row(sheet, values, row_styles, formulas)
    last = max(len(records) + 1, 2)
    # a table even when the log is empty (its one row the note): filters, as with entries
    table = Table(displayName="RAID", ref=f"A1:{column_letter(len(headers))}{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "C2"
    # the spare rows (and an empty log's first row) score what a partner enters in them,
    # and show the dates entered in them as the rows above do
    editable = cell_style(sheet, protection=unlocked)
    dated = cell_style(sheet, protection=unlocked, number_format=DATE_FORMAT)
    shaded = cell_style(sheet, fill=calculated)
    spare = [
        shaded if c == score_col else dated if column.kind == "date" else editable
        for c, column in enumerate(RAID_COLUMNS, 1)
    ]
    for r in range(len(records) + 2, last + SPARE_ROWS + 1):
        values = [score_formula(r) if c == score_col else None for c in range(1, len(headers) + 1)]
        append_row(sheet, values, spare, formulas)
    if not records:  # the printed page says so, beside the first row's formulas
        _empty_note(sheet, RAID_SHEET, as_of)
    sheet.cell(row=1, column=score_col).comment = None
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False
    sheet.protection.sort = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.insertRows = False
    end = last + SPARE_ROWS
    score = column_letter(score_col)
    score_range = f"{score}2:{score}{end}"
    status = column_letter(headers.index("Status") + 1)
    # a closed entry is grey, its score too, whatever its score was: first, and final
    closed = f'${status}2="closed"'
    sheet.conditional_formatting.add(
        score_range,
        FormulaRule(
            formula=[closed],
            fill=PatternFill("solid", bgColor=CLOSED_SCORE_FILL),
            font=Font(color=CLOSED_TEXT),
            stopIfTrue=True,
        ),
    )
    for operator, bounds, rag in (
        ("greaterThanOrEqual", [str(matrix.red)], "red"),
        ("between", [str(matrix.amber), str(matrix.red - 1)], "amber"),
        ("lessThan", [str(matrix.amber)], "green"),
    ):
        sheet.conditional_formatting.add(
            score_range,
            CellIsRule(
                operator=operator,
                formula=bounds,
                fill=PatternFill("solid", bgColor=RAG_FILL[rag]),
                font=Font(color=RAG_TEXT_COLOURS[rag]),
            ),
        )
    before, after = column_letter(score_col - 1), column_letter(score_col + 1)
    others = f"A2:{before}{end} {after}2:{column_letter(len(headers))}{end}"
    sheet.conditional_formatting.add(
        others, FormulaRule(formula=[closed], font=Font(color=CLOSED_TEXT))
    )

    owners = sorted({labels.get(o, o) for o in project.owner_ids()}, key=str.casefold)
    lists = add_lists(
        workbook,
        {
            "type": RAID_TYPES,
            "status": STATUSES,
            "score": list(range(1, 6)),
            "done": ["yes", "no"],
            "owner": owners or ["-"],
        },
    )
    for header in ("Review", "Resolve by"):
        letter = column_letter(headers.index(header) + 1)
        sheet.conditional_formatting.add(
            f"{letter}2:{letter}{end}",
            FormulaRule(
                formula=[f'AND(${status}2="open",ISNUMBER({letter}2),{letter}2<{as_at})'],
                fill=PatternFill("solid", bgColor=OVERDUE_FILL),
            ),
        )
    for header, name in (
        ("Type", "type"),
        ("Status", "status"),
        ("Likelihood", "score"),
        ("Impact", "score"),
        ("Target likelihood", "score"),
        ("Target impact", "score"),
        ("Owner", "owner"),
    ):
        letter = column_letter(headers.index(header) + 1)
        dropdown(sheet, lists[name], f"{letter}2:{letter}{end}", with_article(header.lower()))

    actions = workbook.create_sheet(ACTIONS_SHEET)
    action_headers = [c.header for c in ACTION_COLUMNS]
    rows = [row for record in records for row in action_rows(record)]
    for c, column in enumerate(ACTION_COLUMNS, 1):
        cell = actions.cell(row=1, column=c, value=column.header)
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        actions.column_dimensions[column_letter(c)].width = _width(column)
    action_styles = (
        [  # every cell at the top of its row, beside the first line of a wrapped action
            cell_style(actions, alignment=wrapped_top, border=ruled, fill=calculated)
            if not column.is_data
            else cell_style(actions, alignment=wrapped_top, border=ruled)
            if column.header == "Action"
            else cell_style(actions, alignment=top, number_format=DATE_FORMAT, border=ruled)
            if column.kind == "date"
            else cell_style(actions, alignment=top, border=ruled)
            for column in ACTION_COLUMNS
        ]
        if rows
        else []
    )
    title_col = action_headers.index("Title")
    titles = {str(record.get("id")): str(record.get("title") or "") for record in records}
    title_width = _width(ACTION_COLUMNS[title_col])
    for r, row in enumerate((_by_name(a, labels) for a in rows), 2):
        lines = text_lines(titles.get(str(row["Risk ID"]), ""), title_width)
        actions.row_dimensions[r].height = lines_height(lines)
        values = []
        for column in ACTION_COLUMNS:
            if not column.is_data:
                # the entry's title as written, not a lookup: a formula must run over the
                # spare rows too (a partner's new action), and LibreOffice prints a page for
                # every formula there, so the sheet, which prints as far as it is filled
                # in, would print pages of nothing
                values.append(titles.get(str(row["Risk ID"]), ""))
                continue
            value = cell_value(column, row[column.header])
            if column.kind == "bool":
                value = "yes" if value else "no"
            values.append(value)
        append_row(actions, values, action_styles, (title_col,))
    actions_last = max(len(rows) + 1, 2)
    table = Table(
        displayName="Actions", ref=f"A1:{column_letter(len(action_headers))}{actions_last}"
    )
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    actions.add_table(table)
    if not rows:
        _empty_note(actions, ACTIONS_SHEET, as_of)
    actions.freeze_panes = "A2"
    actions_end = len(rows) + 1 + SPARE_ROWS
    # the sheet prints as far as a partner fills it in (no formula in its spare rows, so no
    # empty pages), a due date typed below shown as those above
    print_as_it_grows(actions, [action_headers.index("Due") + 1])
    done = column_letter(action_headers.index("Done") + 1)
    dropdown(actions, lists["done"], f"{done}2:{done}{actions_end}", "yes or no")
    owner = column_letter(action_headers.index("Owner") + 1)
    dropdown(actions, lists["owner"], f"{owner}2:{owner}{actions_end}", "an owner")
    due = column_letter(action_headers.index("Due") + 1)
    actions.conditional_formatting.add(
        f"{due}2:{due}{actions_end}",
        FormulaRule(
            formula=[f'AND(${done}2<>"yes",ISNUMBER({due}2),{due}2<{as_at})'],
            fill=PatternFill("solid", bgColor=OVERDUE_FILL),
        ),
    )

    # what the pink means, at the foot of each page (a line under the table would be read
    # back as an entry, or print after the spare rows), and the Red entries no action meets
    footnote(sheet, [REVIEW_KEY])
    footnote(actions, [DUE_KEY, *red_without_action(result, as_of)])
    _heat_map(workbook, result, as_of)

    meta = workbook.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    for meta_row in meta_rows(project.psp.id, as_of, records):
        meta.append(list(meta_row))
    return workbook


REVIEW_KEY = "Pink: the review or resolve-by date has passed and the entry is still open."
DUE_KEY = "Pink: the due date has passed and the action is not done."


def red_without_action(result: LoadResult, as_of: date) -> list[str]:
    """The sentence the Actions sheet's foot carries when an open Red entry has no action
    still to do ("‘Respite places run out in the winter’ (score 16, Red) has no action; its
    review was due on 1 May 2026."); for more than one, or a title too long for the foot,
    how many there are."""
    register = score_risks(result.project, as_of)
    actions = {r.id: r.actions for r in result.project.risks.risks}
    bare = [
        r for r in register.risks if r.status == "open" and r.rag == "red" and not r.open_actions
    ]
    if not bare:
        return []
    if len(bare) == 1:
        entry = bare[0]
        what = "action" if not actions.get(entry.id) else "action still to do"
        line = f"‘{entry.title}’ (score {entry.score}, Red) has no {what}"
        if entry.review_state == "overdue" and entry.review is not None:
            line += f"; its review was due on {long_date(entry.review)}"
        line += "."
        if len(DUE_KEY) + 1 + len(line) <= FOOTNOTE_CHARS:
            return [line]
    count = "One open Red entry has" if len(bare) == 1 else f"{len(bare)} open Red entries have"
    return [f"{count} no action still to do: see the RAID log (score {register.red} or more)."]


def _empty_note(sheet: Any, name: str, as_of: date) -> None:
    """The note an empty sheet carries in its first cell below the header (`EMPTY_NOTES`),
    in italics; `psp import raid` skips it, and a partner types over it to add a row."""
    from openpyxl.styles import Alignment, Font, Protection

    cell = sheet.cell(row=2, column=1, value=EMPTY_NOTES[name].format(date=long_date(as_of)))
    cell.font = Font(italic=True)
    cell.alignment = Alignment(vertical="top")
    cell.protection = Protection(locked=False)


def _heat_map(workbook: Any, result: LoadResult, as_of: date) -> None:
    """The 5 × 5 grid of open entries by their ids, likelihood Very high (5) down to Very low
    (1) and impact Very low (1) to Very high (5), said to be as at `as_of` (typed, not
    formulas: the RAID log edited, it is not updated), and a key of each id's title."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    register = score_risks(result.project, as_of)
    sheet = workbook.create_sheet("Heat map")
    sheet.cell(
        row=1,
        column=1,
        value="Open entries by likelihood and impact "
        f"(amber from {register.amber}, red from {register.red})",
    ).font = Font(bold=True)
    sheet.cell(
        row=2, column=1, value=as_at_label(as_of, "when the RAID log is edited")
    ).font = Font(italic=True)
    thin = Side(style="thin", color="808080")
    top = 4
    corner = sheet.cell(row=top - 1, column=1, value="Likelihood / Impact")
    corner.font = Font(bold=True)
    for cell in register.heatmap:
        row, col = top + (5 - cell.likelihood), 1 + cell.impact
        target = sheet.cell(row=row, column=col, value=" ".join(cell.ids) or None)
        target.fill = PatternFill("solid", fgColor=RAG_FILL[cell.rag])
        target.font = Font(color=RAG_TEXT_COLOURS[cell.rag])
        target.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        target.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet.row_dimensions[row].height = 36
    for i in range(1, 6):
        side = sheet.cell(row=top + (5 - i), column=1, value=scale_label(i))
        side.font, side.alignment = Font(bold=True), Alignment(vertical="center")
        across = sheet.cell(row=top - 1, column=1 + i, value=scale_label(i))
        across.font, across.alignment = Font(bold=True), Alignment(horizontal="center")
        sheet.column_dimensions[column_letter(1 + i)].width = 16
    sheet.column_dimensions["A"].width = 20
    # the key: each id on the map by its title
    shown = {i for cell in register.heatmap for i in cell.ids}
    key_row = top + 6
    sheet.cell(row=key_row, column=1, value="Key").font = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    entries = [r for r in register.risks if r.id in shown]
    if not entries:
        sheet.cell(row=key_row, column=2, value="No open entries are on the map.")
    for i, entry in enumerate(entries, key_row + 1):
        sheet.cell(row=i, column=1, value=entry.id).alignment = Alignment(vertical="top")
        title = sheet.cell(
            row=i,
            column=2,
            value=f"{entry.title} (likelihood {entry.likelihood}, impact {entry.impact}, "
            f"score {entry.score})",
        )
        title.alignment = wrapped
        sheet.merge_cells(start_row=i, start_column=2, end_row=i, end_column=6)
        # merged cells get no height from `finish`: the lines the title takes across them
        sheet.row_dimensions[i].height = lines_height(text_lines(str(title.value), 5 * 16))


def write(data: RaidWorkbook) -> Any:
    """The RAID log paper's workbook (`psp render raid`)."""
    return raid_workbook(data.result, data.as_of, data.commit)


def render_raid(
    result: LoadResult, as_of: date, output: Path, force: bool, commit: str | None = None
) -> None:
    from .workbook import save

    save(raid_workbook(result, as_of, commit), output, force)


__all__: Sequence[str] = ("content_hash", "raid_workbook", "render_raid", "write")
