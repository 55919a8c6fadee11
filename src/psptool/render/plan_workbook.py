"""The plan as a workbook: milestones and tasks, and a Gantt chart drawn by conditional
formatting over a grid of weeks, months, quarters or years from the partnership's start to its
end.

The workbook stays live: each milestone's slippage, state, forecast and flag are formulas of
its dates on the Milestones sheet, of the milestones its "Depends on" cell names (looked up
by id, so editing the cell changes them), and of the As at date (the cell beside the table,
named `AsAt`, and the end of the next reporting period worked out from it); the Gantt reads
its dates from there, so a date changed in Excel moves the bar. Every formula runs the same
on the spare rows below the milestones, for new ones. A milestone's state is in words, as
`analysis.plan.milestone_standing` gives it: Done, Late, Held up (a milestone it depends on
finishes after it is due), Forecast late, On track, Not yet due, No date; on the Gantt each
has its colour and ◆ marks its due date.

Every sheet prints on A4 landscape with its text at 9 points or more (`READABLE`): the
columns are set, not fitted to the data, so a sparse plan's dates fit as the example's do,
and the Gantt's grid is the finest of weeks, months, quarters and years that fits the page
(`GANTT_PERIODS`)."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta
from typing import Any

from ..analysis.common import Period
from ..analysis.plan import MilestoneState, PlanAnalysis
from ..model import Project
from ..report.formatting import long_date
from ..report.papers.plan import PlanWorkbook
from ..report.people import owner_names
from ..vocabulary import STAGES
from .workbook import (
    AS_AT,
    DATE_FORMAT,
    DATE_WIDTH,
    READABLE,
    SPARE_ROWS,
    add_lists,
    column_letter,
    define_as_at,
    dropdown,
    new_workbook,
    none_yet,
    printed_point_size,
    set_properties,
    write_table,
)

MILESTONE_COLUMNS: dict[str, float] = {
    "ID": 5,
    "Milestone": 28,
    "Stage": 9,
    "Owner": 12,
    "Due": DATE_WIDTH,
    "Completed": DATE_WIDTH,
    "Slippage (days)": 8,
    "State": 12,
    "Depends on": 8,
    "Critical": 8,
    "Forecast": DATE_WIDTH,
    "Flag": 20,
}
"""The Milestones sheet's columns (A to L) and their widths: 161 characters, which print on
A4 landscape at 82 per cent, 9 points (`printed_point_size`); a date column fits "30
September 2011" whatever the data; text wraps."""
TASK_COLUMNS: dict[str, float] = {
    "Milestone ID": 10,
    "Milestone": 30,
    "Task": 44,
    "Owner": 14,
    "Due": DATE_WIDTH + 2,
    "Done": 7,
}
"""The Tasks sheet's columns: 124 characters, A4 at full size, the date clear of Done; the
milestone's title is a lookup of its id, so it follows an edit."""
NOT_SET = "Not set"
"""What a milestone's stage or owner says when the folder gives none."""
AS_AT_CELL, PERIOD_END_CELL = "$O$1", "$Q$1"
"""Beside the Milestones table's header, which stays in view: the As at date a partner may
change (named `AsAt`, labelled in N1), and the end of the next reporting period worked out
from it (`PERIOD_END`, labelled in P1)."""
PERIOD_END = "NextPeriodEnd"
"""The defined name of the end of the next reporting period: a milestone due after the As at
date and by this one is On track."""
HELPER_COLUMN = 20
"""Milestones column T on: hidden helpers, per dependency slot the row of the milestone the
"Depends on" cell names (by id), then whether that one is due after this one."""
DEPENDENCY_SLOTS = 4
"""The formulas read this many of a milestone's dependencies at least (more when the plan
has a milestone with more); a partner's fifth, beyond them, is not read."""

GANTT_ID_WIDTH, GANTT_TITLE_WIDTH, GANTT_STATE_WIDTH, GANTT_FLAG_WIDTH = 5, 30, 12, 21
"""The Gantt's printed columns beside its grid; a longer title or flag wraps."""
PERIOD_WIDTH = 3.2
"""A week, month, quarter or year of the Gantt's grid: room for ◆ and an upright label."""
GANTT_FIRST_COLUMN = 3
"""Gantt sheet: A milestone, B title, then one column per period, then State and Flag (which
print) and each bar's Start and End (which do not: the bar shows them)."""
LABEL_SIZE = 10
"""The Gantt's period labels and ◆, in points before the page is scaled to fit: 8 points
or more printed (`GANTT_PERIODS` keeps the scale at 82 per cent or more)."""
BAR_FILL = "4472C4"
DONE_FILL = "A9D08E"
LATE_FILL = "C00000"
FORECAST_FILL = "ED7D31"
"""A milestone still to come forecast past its due date: its bar runs to its forecast."""
HELD_FILL = "7030A0"
"""A milestone held up: due before a milestone it depends on is due or forecast to finish;
its bar runs from its due date to its forecast, after that one, so the slip shows."""
DUE_MARK = "◆"
"""Marks the period a milestone is due in, on its Gantt row."""
TODAY_FILL = "D9D9D9"
"""Today's column on the Gantt, where no bar is: grey, far from the late orange and red."""
TODAY_LABEL_FILL = "FF000000"
"""Today's period label: white on black (with its alpha: openpyxl drops 000000 as unset)."""
OVERDUE_FILL = "FFC7CE"
"""Excel's light red, as the RAID log's overdue reviews: a milestone or task past its date."""
LATE_TINT = "F8CBAD"
"""Light orange on the Milestones sheet, as the Gantt's orange: a milestone forecast late."""
HELD_TINT = "E4DFEC"
"""Light purple on the Milestones sheet, as the Gantt's purple: a milestone held up."""

MAX_YEARS = 10
"""The Gantt grid runs at most ten years from its start; later dates fall off its right edge
(Excel has 16,384 columns, and a plan that long is read in another way)."""


def _gantt_periods() -> int:
    """How many periods the Gantt's grid may have and still print on A4 at `READABLE`."""
    fixed = [GANTT_ID_WIDTH, GANTT_TITLE_WIDTH, GANTT_STATE_WIDTH, GANTT_FLAG_WIDTH]
    count = 0
    while printed_point_size([*fixed, *[PERIOD_WIDTH] * (count + 1)], "A4") >= READABLE:
        count += 1
    return count


GANTT_PERIODS = _gantt_periods()
"""29: (161 - 68) / 3.2 periods beside the Gantt's 68 characters of text columns."""
UNITS = ("week", "month", "quarter", "year")
LABELS = {"week": "d mmm", "month": "mmm yyyy", "year": "yyyy"}
"""The number format of a period's label (its first day); a quarter's names its months."""


def grid(start: date, end: date, most: int = GANTT_PERIODS) -> tuple[str, list[tuple[date, date]]]:
    """The finest of weeks (Monday to Sunday), months, quarters (January to March…) and years
    that covers `start` to `end` in `most` periods or fewer; years beyond that."""
    if end.year - start.year > MAX_YEARS:
        end = date(start.year + MAX_YEARS, start.month, 1) - timedelta(days=1)
    periods: list[tuple[date, date]] = []
    for unit in UNITS:
        periods = _periods(unit, start, end)
        if len(periods) <= most:
            return unit, periods
    return "year", periods


def _periods(unit: str, start: date, end: date) -> list[tuple[date, date]]:
    if unit == "week":
        first = start - timedelta(days=start.weekday())
        weeks = []
        while first <= end:
            weeks.append((first, first + timedelta(days=6)))
            first += timedelta(days=7)
        return weeks
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    year, month = start.year, (start.month - 1) // months * months + 1
    out = []
    while date(year, month, 1) <= end:
        last_year, last_month = year, month + months - 1
        last = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
        out.append((date(year, month, 1), last))
        year, month = (year + 1, 1) if month + months > 12 else (year, month + months)
    return out


def label_format(unit: str, first: date) -> str:
    """How a period's label reads: "Jun 2011", "5 Jan", "2011", and a quarter by its
    months, "Apr–Jun 2011" (the cell holds the quarter's first day)."""
    if unit == "quarter":
        names = calendar.month_abbr
        return f'"{names[first.month]}–{names[first.month + 2]} "yyyy'
    return LABELS[unit]


def label_text(unit: str, first: date) -> str:
    """A period's label as `label_format` shows it: "5 Jan", "Jun 2011", "Apr–Jun 2011",
    "2011"."""
    names = calendar.month_abbr
    if unit == "week":
        return f"{first.day} {names[first.month]}"
    if unit == "month":
        return f"{names[first.month]} {first.year}"
    if unit == "quarter":
        return f"{names[first.month]}–{names[first.month + 2]} {first.year}"
    return str(first.year)


def plan_workbook(
    project: Project, plan: PlanAnalysis, as_of: date, flags: dict[str, str] | None = None
) -> Any:
    from openpyxl.styles import Alignment, Font
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    workbook = new_workbook()
    # the paper in every page's header says what day it is as at
    title = f"{project.psp.name}: plan as at {long_date(as_of)}"
    set_properties(workbook, title, {"psp.as_of": as_of.isoformat()})
    define_as_at(workbook, as_of)
    workbook.defined_names[AS_AT] = DefinedName(AS_AT, attr_text=f"Milestones!{AS_AT_CELL}")
    workbook.defined_names[PERIOD_END] = DefinedName(
        PERIOD_END, attr_text=f"Milestones!{PERIOD_END_CELL}"
    )
    names = owner_names(project)
    flags = flags or {}
    declared = {m.id: m for m in project.milestones.milestones}
    slots = max([DEPENDENCY_SLOTS, *(len(m.depends_on) for m in declared.values())])
    wrapped = Alignment(wrap_text=True, vertical="top")
    muted = Font(italic=True, color="595959")

    sheet = workbook.create_sheet("Milestones")
    rows = [
        [
            m.id,
            m.title,
            m.stage or NOT_SET,
            names.get(m.owner or "", m.owner) or NOT_SET,
            m.due,
            m.completed,
            slippage_formula(r),
            state_formula(r, slots, _pilot_end(plan, m)),
            ", ".join(declared[m.id].depends_on),
            "yes" if m.critical else "no",
            forecast_formula(r, slots, _pilot_end(plan, m)),
            flag_formula(r, slots, _pilot_end(plan, m)),
        ]
        for r, m in enumerate(plan.milestones, 2)
    ]
    headers = list(MILESTONE_COLUMNS)
    write_table(
        sheet,
        "Milestones",
        headers,
        rows,
        widths=MILESTONE_COLUMNS,
        date_columns=("Due", "Completed", "Forecast"),
        formula_columns=("Slippage (days)", "State", "Forecast", "Flag"),
    )
    listed = len(rows) + 1
    last = listed + SPARE_ROWS
    for r, m in enumerate(plan.milestones, 2):
        for column, value in ((3, m.stage), (4, m.owner)):
            if not value:
                sheet.cell(row=r, column=column).font = muted
        # the stage stands clear of a title that fills its column; yes or no centred
        sheet.cell(row=r, column=3).alignment = Alignment(
            vertical="top", horizontal="left", indent=1
        )
        sheet.cell(row=r, column=10).alignment = Alignment(vertical="top", horizontal="center")
        # a formula's text is not counted by `finish`: the flag's lines, as the formula
        # words it, set the row's height
        sheet.cell(row=r, column=12).alignment = wrapped
        sheet.cell(row=r, column=8).alignment = wrapped
        text = flag_text(plan, m, flags)
        height = sheet.row_dimensions[r].height or 0
        sheet.row_dimensions[r].height = max(height, text_height(text, MILESTONE_COLUMNS["Flag"]))
    if not rows:  # beside the ID, which the formulas read: the note is not a milestone
        none_yet(sheet, 2, "milestones", column=2, as_of=as_of)
    for r in range(listed + 1, last + 1):
        sheet.cell(row=r, column=5).number_format = DATE_FORMAT
        sheet.cell(row=r, column=6).number_format = DATE_FORMAT
        sheet.cell(row=r, column=7, value=slippage_formula(r))
        sheet.cell(row=r, column=8, value=state_formula(r, slots))
        sheet.cell(row=r, column=11, value=forecast_formula(r, slots)).number_format = DATE_FORMAT
        sheet.cell(row=r, column=12, value=flag_formula(r, slots))
    _helpers(sheet, slots, last)
    _as_at_cells(sheet, as_of, plan.period, DataValidation)
    _always_a_table(sheet, "Milestones", len(headers), rows, Table, TableStyleInfo)
    sheet.print_area = f"A1:{column_letter(len(headers))}{max(listed, 2)}"
    lists = add_lists(workbook, {"stage": STAGES, "done": ["yes", "no"]})
    dropdown(sheet, lists["stage"], f"C2:C{last}", "a stage")
    _fill(sheet, f"H2:H{last}", 'H2="Late"', OVERDUE_FILL)
    _fill(sheet, f"H2:H{last}", 'H2="Held up"', HELD_TINT)
    _fill(sheet, f"H2:H{last}", 'H2="Forecast late"', LATE_TINT)
    # a milestone that cannot happen as planned: its forecast and its flag in its state's
    # colour, purple when held up, else orange
    for cells, late in ((f"K2:K{last}", "AND(ISNUMBER(K2),ISNUMBER(E2),K2>E2)"),
                        (f"L2:L{last}", 'L2<>""')):  # fmt: skip
        _fill(sheet, cells, f'AND({late},$H2="Held up")', HELD_TINT)
        _fill(sheet, cells, late, LATE_TINT)

    tasks = workbook.create_sheet("Tasks")
    task_rows = [
        [
            m.id,
            milestone_title_formula(r),
            t.title,
            names.get(t.owner or "", t.owner),
            t.due,
            "yes" if t.done else "no",
        ]
        for r, (m, t) in enumerate(
            ((m, t) for m in project.milestones.milestones for t in m.tasks), 2
        )
    ]
    write_table(
        tasks,
        "Tasks",
        list(TASK_COLUMNS),
        task_rows,
        widths=TASK_COLUMNS,
        date_columns=("Due",),
        formula_columns=("Milestone",),
    )
    if not task_rows:  # under the task, past the milestone's title formula, which would cut it
        none_yet(tasks, 2, "tasks", column=3, as_of=as_of)
    _always_a_table(tasks, "Tasks", len(TASK_COLUMNS), task_rows, Table, TableStyleInfo)
    tasks_end = len(task_rows) + 1 + SPARE_ROWS
    for r, row in enumerate(task_rows, 2):  # the title is a formula: fit its lines here
        tasks.cell(row=r, column=2).alignment = wrapped
        height = text_height(declared[str(row[0])].title, TASK_COLUMNS["Milestone"])
        tasks.row_dimensions[r].height = max(tasks.row_dimensions[r].height or 0, height)
    for r in range(len(task_rows) + 2, tasks_end + 1):
        tasks.cell(row=r, column=2, value=milestone_title_formula(r))
        tasks.cell(row=r, column=5).number_format = DATE_FORMAT
    dropdown(tasks, lists["done"], f"F2:F{tasks_end}", "yes or no")
    _fill(tasks, f"E2:E{tasks_end}", 'AND($F2<>"yes",ISNUMBER(E2),E2<AsAt)', OVERDUE_FILL)

    _gantt(workbook, project, plan, as_of, flags, slots)
    names_at = workbook.sheetnames
    workbook.move_sheet("Lists", offset=len(names_at) - 1 - names_at.index("Lists"))  # hidden
    return workbook


def _gantt(
    workbook: Any,
    project: Project,
    plan: PlanAnalysis,
    as_of: date,
    flags: dict[str, str],
    slots: int,
) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    gantt = workbook.create_sheet("Gantt")
    dated = [m.due for m in plan.milestones if m.due] + [
        m.completed for m in plan.milestones if m.completed
    ]
    start = project.psp.start or (min(dated) if dated else as_of)
    # to the period of the last date it shows (a milestone's, its forecast, or today's),
    # not to the partnership's end: months past the last milestone would print as empty
    # columns; a held-up bar runs to its forecast, which the chart must reach
    forecasts = [m.forecast for m in plan.milestones if m.forecast and not m.completed]
    end = max(*dated, *forecasts, as_of) if dated else project.psp.end or as_of
    unit, periods = grid(start, max(end, start))
    first_col = column_letter(GANTT_FIRST_COLUMN)
    last_col = column_letter(GANTT_FIRST_COLUMN + len(periods) - 1)
    state_at = GANTT_FIRST_COLUMN + len(periods)
    state_col, flag_col = column_letter(state_at), column_letter(state_at + 1)
    start_col, end_col = column_letter(state_at + 2), column_letter(state_at + 3)
    for column, text in (
        (1, "ID"),
        (2, "Milestone"),
        (state_at, "State"),
        (state_at + 1, "Flag"),
        (state_at + 2, "Start"),
        (state_at + 3, "End"),
    ):
        gantt.cell(row=2, column=column, value=text).font = Font(bold=True)
    caption = gantt.cell(row=1, column=1, value=gantt_caption(unit))
    caption.font = Font(italic=True)
    caption.alignment = Alignment(wrap_text=True, vertical="top")
    gantt.merge_cells(f"A1:{flag_col}1")
    printed = GANTT_ID_WIDTH + GANTT_TITLE_WIDTH + GANTT_STATE_WIDTH + GANTT_FLAG_WIDTH
    printed += round(PERIOD_WIDTH * len(periods))
    gantt.row_dimensions[1].height = text_height(gantt_caption_text(unit, as_of), printed)
    labels = [label_text(unit, first) for first, _ in periods]
    # a label stands upright: as tall as its longest, in bold LABEL_SIZE
    gantt.row_dimensions[2].height = round(LABEL_SIZE * 0.62 * max(map(len, labels), default=4)) + 8
    thin = Side(style="thin", color="BFBFBF")
    mark_font = Font(bold=True, size=LABEL_SIZE)
    mark_alignment = Alignment(horizontal="center", vertical="center")
    for i, (first, last) in enumerate(periods):
        col = GANTT_FIRST_COLUMN + i
        head = gantt.cell(row=2, column=col, value=first)
        head.number_format = label_format(unit, first)
        head.alignment = Alignment(text_rotation=90, horizontal="center")
        head.font = Font(bold=True, size=LABEL_SIZE)
        gantt.cell(row=3, column=col, value=last).number_format = DATE_FORMAT
        gantt.column_dimensions[column_letter(col)].width = PERIOD_WIDTH
    gantt.cell(row=3, column=1, value="period ends").font = Font(italic=True, size=8)
    gantt.row_dimensions[3].hidden = True
    first_row = 4
    offset = first_row - 2  # Gantt row r shows the milestone on row r - 2 of Milestones
    last_row = first_row + len(plan.milestones) + SPARE_ROWS - 1
    border = Border(left=thin, right=thin)
    middle = Alignment(vertical="center")
    title_alignment = Alignment(wrap_text=True, vertical="center")
    for r in range(first_row, last_row + 1):
        source = r - offset
        shown = f"Milestones!$A{source}"
        gantt.cell(row=r, column=1, value=f'=IF({shown}="","",{shown})')
        gantt.cell(row=r, column=2, value=f'=IF({shown}="","",Milestones!$B{source})')
        gantt.cell(row=r, column=state_at, value=f'=IF({shown}="","",Milestones!$H{source})')
        gantt.cell(row=r, column=state_at + 1, value=f'=IF({shown}="","",Milestones!$L{source}&"")')
        gantt.cell(row=r, column=state_at + 2, value=bar_start_formula(r, source, slots, end_col))
        gantt.cell(row=r, column=state_at + 3, value=bar_end_formula(source))
        gantt.cell(row=r, column=state_at + 2).number_format = DATE_FORMAT
        gantt.cell(row=r, column=state_at + 3).number_format = DATE_FORMAT
        due = f"Milestones!$E{source}"
        for i in range(len(periods)):  # ◆ in the period the milestone is due in
            cell = gantt.cell(row=r, column=GANTT_FIRST_COLUMN + i)
            head = column_letter(GANTT_FIRST_COLUMN + i)
            cell.value = (
                f'=IF(AND(ISNUMBER({due}),{head}$2<={due},{head}$3>={due}),"{DUE_MARK}","")'
            )
            cell.border, cell.font, cell.alignment = border, mark_font, mark_alignment
    for r, m in enumerate(plan.milestones, first_row):  # the title is a formula: fit it here
        for column in (1, state_at, state_at + 2, state_at + 3):
            gantt.cell(row=r, column=column).alignment = middle
        gantt.cell(row=r, column=2).alignment = title_alignment
        gantt.cell(row=r, column=state_at + 1).alignment = title_alignment
        height = max(
            text_height(m.title, GANTT_TITLE_WIDTH),
            text_height(flag_text(plan, m, flags), GANTT_FLAG_WIDTH),
        )
        if height > 18:
            gantt.row_dimensions[r].height = height
    for letter, width in (
        ("A", GANTT_ID_WIDTH),
        ("B", GANTT_TITLE_WIDTH),
        (state_col, GANTT_STATE_WIDTH),
        (flag_col, GANTT_FLAG_WIDTH),
        (start_col, DATE_WIDTH),
        (end_col, DATE_WIDTH),
    ):
        gantt.column_dimensions[letter].width = width
    gantt.freeze_panes = gantt.cell(row=first_row, column=GANTT_FIRST_COLUMN)
    area = f"{first_col}{first_row}:{last_col}{last_row}"
    # a cell is part of the bar when its period overlaps the milestone's start to end
    overlap = (
        f"AND(ISNUMBER(${start_col}{first_row}),ISNUMBER(${end_col}{first_row}),"
        f"{first_col}$2<=${end_col}{first_row},{first_col}$3>=${start_col}{first_row})"
    )
    state = f"${state_col}{first_row}"
    today = f"AND({first_col}$2<={AS_AT},{first_col}$3>={AS_AT})"
    rules = [
        (f'AND({overlap},{state}="Late")', LATE_FILL),
        (f'AND({overlap},{state}="Done")', DONE_FILL),
        (f'AND({overlap},{state}="Held up")', HELD_FILL),
        (f'AND({overlap},{state}="Forecast late")', FORECAST_FILL),
        (overlap, BAR_FILL),
        (today, TODAY_FILL),
    ]
    for formula, fill in rules:
        gantt.conditional_formatting.add(
            area,
            FormulaRule(
                formula=[formula], fill=PatternFill("solid", bgColor=fill), stopIfTrue=True
            ),
        )
    # today's period label, white on black, follows the As at date
    gantt.conditional_formatting.add(
        f"{first_col}2:{last_col}2",
        FormulaRule(
            formula=[today],
            fill=PatternFill("solid", bgColor=TODAY_LABEL_FILL),
            font=Font(bold=True, color="FFFFFF"),
        ),
    )
    bottom = first_row + max(len(plan.milestones), 1) - 1
    gantt.print_area = f"A1:{flag_col}{bottom}"
    gantt.print_title_rows = "2:2"
    gantt.print_title_cols = "A:B"


def gantt_caption(unit: str) -> str:
    """The Gantt's caption, a formula of the As at date (`gantt_caption_text` as it reads)."""
    head, tail = _caption(unit)
    return f'="{head}"&TEXT({AS_AT},"d mmmm yyyy")&"{tail}"'


def gantt_caption_text(unit: str, as_of: date) -> str:
    head, tail = _caption(unit)
    return f"{head}{long_date(as_of)}{tail}"


def _caption(unit: str) -> tuple[str, str]:
    return (
        f"Gantt chart by {unit} as at ",
        ": a bar runs from the end of what a milestone depends on to when it is done, due "
        f"or forecast (one that depends on nothing shows in its own {unit} only), and "
        f"{DUE_MARK} marks its due date; today's {unit} is in black, its column grey. "
        "Blue: on track or not yet due; green: done; red: late; orange: forecast late; "
        "purple: held up by a milestone it depends on, from its due date to its forecast "
        "(see Flag).",
    )


def text_height(text: str, width: float, size: float = 11) -> float:
    """The height in points of `text` wrapped in a column `width` characters wide, as
    `workbook.wrapped_row_heights` counts it (a row of one line when `text` is empty)."""
    per_line = max((width - 1) * 1.15 * 11 / size, 1)
    lines = max(math.ceil(len(text) / per_line), 1)
    return round(lines * size * 1.3 + 3, 1)


def sentence(text: str) -> str:
    """`text` with a capital first letter, as a cell's text starts."""
    return text[:1].upper() + text[1:]


def _helpers(sheet: Any, slots: int, last: int) -> None:
    """The hidden helper columns (`HELPER_COLUMN`): per dependency slot, the row of the
    milestone named there, and whether it is due after this one, on every row."""
    for n in range(1, slots + 1):
        row_at, after_at = HELPER_COLUMN + n - 1, HELPER_COLUMN + slots + n - 1
        sheet.cell(row=1, column=row_at, value=f"Row of dependency {n}")
        sheet.cell(row=1, column=after_at, value=f"Dependency {n} due after")
        for r in range(2, last + 1):
            sheet.cell(row=r, column=row_at, value=dependency_row_formula(r, n))
            sheet.cell(row=r, column=after_at, value=due_after_formula(r, n))
        for column in (row_at, after_at):
            sheet.column_dimensions[column_letter(column)].hidden = True


def _as_at_cells(sheet: Any, as_of: date, period: Period, validation_type: Any) -> None:
    """The As at date (`AsAt`) and the end of the next reporting period, beside the table."""
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    for letter, width in (("M", 3), ("N", 7), ("O", DATE_WIDTH + 2), ("P", 26), ("Q", 19)):
        sheet.column_dimensions[letter].width = width
    sheet["N1"], sheet["P1"] = "As at", "Next reporting period ends"
    for cell in (sheet["N1"], sheet["P1"]):
        cell.font = bold
        cell.alignment = Alignment(vertical="top", horizontal="right")
    at = sheet[AS_AT_CELL.replace("$", "")]
    at.value, at.number_format, at.font = as_of, DATE_FORMAT, bold
    end = sheet[PERIOD_END_CELL.replace("$", "")]
    end.value, end.number_format = period_end_formula(period), DATE_FORMAT
    for cell in (at, end):
        cell.alignment = Alignment(vertical="top", horizontal="left")
    note = sheet["N2"]
    note.value = "Change the As at date to see the plan as at another day."
    note.font = Font(italic=True)
    validation = validation_type(
        type="date", operator="greaterThan", formula1="1", showInputMessage=True
    )
    validation.prompt = (
        "The day the plan is seen as at: states, slippage, forecasts and the Gantt's today "
        "follow it."
    )
    validation.promptTitle = "As at"
    sheet.add_data_validation(validation)
    validation.add(AS_AT_CELL.replace("$", ""))


def _always_a_table(
    sheet: Any, name: str, columns: int, rows: list[Any], table: Any, style: Any
) -> None:
    """A table with filters however many rows: `write_table` leaves an empty one a filtered
    range, under its note."""
    if rows or name in sheet.tables:  # (`write_table` now makes one)
        return
    sheet.auto_filter.ref = None
    made = table(displayName=name, ref=f"A1:{column_letter(columns)}2")
    made.tableStyleInfo = style(name="TableStyleLight9", showRowStripes=True)
    sheet.add_table(made)


def _fill(sheet: Any, cells: str, formula: str, colour: str) -> None:
    """Shade `cells` in `colour` where `formula` (written for their first row) holds."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    sheet.conditional_formatting.add(
        cells, FormulaRule(formula=[formula], fill=PatternFill("solid", bgColor=colour))
    )


def _slot(n: int) -> str:
    return column_letter(HELPER_COLUMN + n - 1)


def _after(n: int, slots: int) -> str:
    return column_letter(HELPER_COLUMN + slots + n - 1)


def dependency_row_formula(row: int, n: int) -> str:
    """The sheet row of the `n`th milestone row `row`'s "Depends on" cell (column I) names,
    its ids split at commas (or semicolons): found by id in column A; empty when there is no
    `n`th, or no milestone has that id."""
    spaced = f'SUBSTITUTE(SUBSTITUTE($I{row},";",","),",",REPT(" ",99))'
    token = f"TRIM(MID({spaced},{(n - 1) * 99 + 1},99))"
    return f'=IF({token}="","",IFERROR(MATCH({token},$A:$A,0),""))'


def due_after_formula(row: int, n: int) -> str:
    """Whether the `n`th milestone row `row` depends on is due after it."""
    at = f"${_slot(n)}{row}"
    due = f"INDEX($E:$E,{at})"
    return f"=IF(ISNUMBER({at}),AND(ISNUMBER({due}),{due}>$E{row}),FALSE)"


def _of(n: int, row: int, column: str) -> str:
    """Column `column` of the `n`th milestone row `row` depends on."""
    return f"INDEX(${column}:${column},${_slot(n)}{row})"


def forecast_formula(row: int, slots: int, pilot_end: date | None = None) -> str:
    """When the milestone on row `row` of the Milestones sheet is forecast, as `psp score
    plan` forecasts it: nothing once done; its due date, no earlier than the as-at date,
    pushed back as far as a milestone it depends on is forecast to slip; for the full
    business case's row (`pilot_end`), no earlier than a 12-month pilot can end."""
    due, done = f"E{row}", f"F{row}"
    terms = []
    for n in range(1, slots + 1):
        e, f = _of(n, row, "E"), _of(n, row, "F")
        # the other milestone's forecast by OFFSET from the header: a whole column K in
        # column K's own formula would read to Excel as a circular reference
        k = f"OFFSET($K$1,${_slot(n)}{row}-1,0)"
        ended = f"IF(ISNUMBER({f}),{f},IF(ISNUMBER({k}),{k},0))"
        terms.append(
            f"IF(ISNUMBER(${_slot(n)}{row}),IF(ISNUMBER({e}),{ended}+MAX({due}-{e},0),0),0)"
        )
    pilot = [_date(pilot_end)] if pilot_end is not None else []
    latest = ",".join([due, AS_AT, *terms, *pilot])
    return f'=IF(A{row}="","",IF(ISNUMBER({done}),"",IF(NOT(ISNUMBER({due})),"",MAX({latest}))))'


def flag_text(plan: PlanAnalysis, m: MilestoneState, flags: dict[str, str]) -> str:
    """The words the Flag formula shows for `m` now, to size its row (a formula's text is
    not measured): the full business case's 12-month pilot, as `flag_formula` words it,
    else the plan's flag."""
    pilot_end = _pilot_end(plan, m)
    if pilot_end is not None and m.completed is None and m.due is not None and m.due < pilot_end:
        return pilot_flag(pilot_end)
    return sentence(flags.get(m.id, ""))


def pilot_flag(pilot_end: date) -> str:
    """The flag of a full business case due before a pilot can have run its months, as
    `flag_text` sizes it and `flag_formula` shows it."""
    from ..analysis.practice import PILOT_MONTHS

    return f"Needs a {PILOT_MONTHS}-month pilot, which cannot end before {long_date(pilot_end)}"


def _pilot_end(plan: PlanAnalysis, m: MilestoneState) -> date | None:
    """The earliest day a 12-month pilot can end, for a milestone delivering the full
    business case (its state then turns Held up before it, as `milestone_standing` says)."""
    return plan.pilot_earliest_end if m.document == "full_business_case" else None


def flag_formula(row: int, slots: int, pilot_end: date | None = None) -> str:
    """Why the milestone on row `row` cannot happen as planned, as the business case says
    it: due before the milestones it depends on that are due after it, by title ("Due
    before A, B, and C, which it depends on"), or, for the full business case's row
    (`pilot_end`), before a 12-month pilot can end, or forecast so many days late; nothing
    when it can, or is done."""
    due = f"E{row}"
    after = [f"${_after(n, slots)}{row}" for n in range(1, slots + 1)]
    count = "(" + "+".join(after) + ")"
    named = []
    for n in range(1, slots + 1):
        title = _of(n, row, "B")
        if n == 1:
            named.append(f'IF({after[0]},{title},"")')
            continue
        before = "(" + "+".join(after[: n - 1]) + ")"
        separator = f'IF({before}=0,"",IF({before}={count}-1,IF({count}>2,", and "," and "),", "))'
        named.append(f'IF({after[n - 1]},{separator}&{title},"")')
    late = f"K{row}-{due}"
    days = f'IF({late}=1,"1 day",TEXT({late},"#,##0")&" days")'
    forecast = f'IF(AND(ISNUMBER(K{row}),K{row}>{due}),"Forecast "&{days}&" late","")'
    answer = f'IF({count}>0,"Due before "&{"&".join(named)}&", which it depends on",{forecast})'
    if pilot_end is not None:
        answer = f'IF({due}<{_date(pilot_end)},"{pilot_flag(pilot_end)}",{answer})'
    return f'=IF(OR(A{row}="",ISNUMBER(F{row}),NOT(ISNUMBER({due}))),"",{answer})'


def slippage_formula(row: int) -> str:
    """Days late on row `row` of the Milestones sheet, as `milestone_standing` counts them:
    completed less due once done; the as-at date less due while overdue; the forecast less
    due when forecast later (held up or forecast late); else 0; nothing without a due
    date."""
    due, done, forecast = f"E{row}", f"F{row}", f"K{row}"
    return (
        f'=IF(A{row}="","",IF(ISNUMBER({done}),IF(ISNUMBER({due}),{done}-{due},""),'
        f'IF(NOT(ISNUMBER({due})),"",IF({due}<{AS_AT},{AS_AT}-{due},'
        f"IF(AND(ISNUMBER({forecast}),{forecast}>{due}),{forecast}-{due},0)))))"
    )


def state_formula(row: int, slots: int, pilot_end: date | None = None) -> str:
    """The milestone's state on row `row` in words, as `analysis.plan.milestone_standing`
    gives it: Done; No date; Late (past its due date); Held up (a milestone it depends on is
    not done and is due or forecast after it is due); Forecast late (its forecast, column K,
    after its due date); On track (due by the end of the next reporting period, worked out
    from the As at date); else Not yet due. `pilot_end`, for the full business case's row,
    is the earliest day a 12-month pilot can end: due before it, the row is Held up."""
    due, done = f"E{row}", f"F{row}"
    held = []
    for n in range(1, slots + 1):
        e, f, k = (_of(n, row, c) for c in "EFK")
        held.append(
            f"IF(ISNUMBER(${_slot(n)}{row}),AND(NOT(ISNUMBER({f})),MAX({e},{k})>{due}),FALSE)"
        )
    return (
        f'=IF(A{row}="","",IF(ISNUMBER({done}),"Done",IF(NOT(ISNUMBER({due})),"No date",'
        f'IF({due}<{AS_AT},"Late",IF(OR({",".join(held)}),"Held up",'
        + (
            # the full business case, due before a 12-month pilot can end (a date, written)
            f'IF({due}<{_date(pilot_end)},"Held up",' if pilot_end is not None else ""
        )
        + f'IF(AND(ISNUMBER(K{row}),K{row}>{due}),"Forecast late",'
        f'IF({due}<={PERIOD_END},"On track","Not yet due")))))))'
        + (")" if pilot_end is not None else "")
    )


def period_end_formula(period: Period) -> str:
    """The end of the next reporting period, from the As at date, as `Period.after` counts
    it: so many days on, or so many months (the last day of a month to the last day)."""
    at = AS_AT_CELL
    if period.days:
        return f"={at}+{period.days}"
    months = period.months
    return f"=IF(DAY({at}+1)=1,EOMONTH({at},{months}),EDATE({at},{months}))"


def milestone_title_formula(row: int) -> str:
    """The title of the milestone the Tasks sheet's row `row` belongs to, by its id."""
    return (
        f'=IF($A{row}="","",IFERROR(INDEX(Milestones!$B:$B,MATCH($A{row},Milestones!$A:$A,0)),""))'
    )


def bar_end_formula(source: int) -> str:
    """Where the bar of the milestone on Milestones row `source` ends: its completion, else
    its forecast (its due date, or later)."""
    done, forecast = f"Milestones!$F{source}", f"Milestones!$K{source}"
    return (
        f'=IF(Milestones!$A{source}="","",IF(ISNUMBER({done}),{done},'
        f'IF(ISNUMBER({forecast}),{forecast},"")))'
    )


def bar_start_formula(row: int, source: int, slots: int, end_column: str) -> str:
    """Where the bar on Gantt row `row` (Milestones row `source`) starts: when the latest
    milestone it depends on ends, but no later than its own due date, so a held-up
    milestone's bar runs from its due date to its forecast; never after its own end (the
    Gantt's `end_column`). A milestone that depends on nothing has no start recorded: its
    bar is its own date only (from its due date, if it ends later), not a bar from the
    chart's start."""
    end_col = "$" + end_column
    ends = [
        f"IF(ISNUMBER(Milestones!${_slot(n)}{source}),"
        f"N(INDEX({end_col}:{end_col},Milestones!${_slot(n)}{source}+{row - source})),0)"
        for n in range(1, slots + 1)
    ]
    latest = f"MAX({','.join(ends)})" if ends else "0"
    due = f"Milestones!$E{source}"
    own = f"{end_col}{row}"
    begins = f"IF({latest}>0,{latest},{own})" if ends else own
    return f'=IF(NOT(ISNUMBER({own})),"",MIN({begins},IF(ISNUMBER({due}),{due},{own}),{own}))'


def write(data: PlanWorkbook) -> Any:
    """The paper's workbook (`psp render plan`)."""
    return plan_workbook(data.project, data.plan, data.as_of, data.flags)


def _date(day: date) -> str:
    """A date as a formula writes it: DATE(2027,8,20)."""
    return f"DATE({day.year},{day.month},{day.day})"
