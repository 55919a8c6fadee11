"""The plan as a workbook: milestones and tasks, and a Gantt chart drawn by conditional
formatting over a week or month grid from the partnership's start to its end.

The workbook stays live: each milestone's slippage and state are formulas of its dates on the
Milestones sheet and the workbook's as-at date (the `AsAt` name), and the Gantt reads its
dates from there (a bar starts when the milestones it depends on end), so a date changed in
Excel moves the bar; the formulas run over spare rows below the milestones for new ones.
A milestone's state is in words, as `analysis.plan.milestone_standing` gives it: Done,
Late, Held up (a milestone it depends on finishes after it is due), Forecast late, On track,
Not yet due, No date; on the Gantt each has its colour and ◆ marks its due date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from ..analysis.plan import PlanAnalysis
from ..model import Project
from ..report.formatting import long_date
from ..report.papers.plan import PlanWorkbook
from ..report.people import owner_names
from ..vocabulary import STAGES
from .workbook import (
    AS_AT,
    DATE_FORMAT,
    DATE_WIDTH,
    SPARE_ROWS,
    add_lists,
    column_letter,
    define_as_at,
    dropdown,
    new_workbook,
    none_yet,
    set_properties,
    write_table,
)

GANTT_TITLE_WIDTH = 44
"""The Gantt's milestone column; a longer title wraps onto a taller row."""
GANTT_FIRST_COLUMN = 5
"""Gantt sheet: A milestone, B title, C start, D end, then one column per week or month."""
BAR_FILL = "4472C4"
DONE_FILL = "A9D08E"
LATE_FILL = "C00000"
FORECAST_FILL = "ED7D31"
"""A milestone still to come forecast past its due date: its bar runs to its forecast."""
HELD_FILL = "7030A0"
"""A milestone held up: due before a milestone it depends on is due or forecast to finish;
its bar is drawn where it can happen, after that one, and ◆ marks where it is due."""
DUE_MARK = "◆"
"""Marks the period a milestone is due in, on its Gantt row."""
TODAY_FILL = "FFC000"
OVERDUE_FILL = "FFC7CE"
LATE_TINT = "F8CBAD"
"""Light orange on the Milestones sheet: a forecast past its due date, and its flag."""
"""Excel's light red, as the RAID log's overdue reviews: a milestone or task past its date."""


MAX_YEARS = 10
"""The Gantt grid runs at most ten years from its start; later dates fall off its right edge
(Excel has 16,384 columns, and a plan that long is read in another way)."""


def grid(start: date, end: date) -> tuple[str, list[tuple[date, date]]]:
    """Weeks (Monday to Sunday) for a span up to six months, months beyond."""
    if end.year - start.year > MAX_YEARS:
        end = date(start.year + MAX_YEARS, start.month, 1) - timedelta(days=1)
    if (end - start).days <= 183:
        first = start - timedelta(days=start.weekday())
        weeks = []
        while first <= end:
            weeks.append((first, first + timedelta(days=6)))
            first += timedelta(days=7)
        return "week", weeks
    months = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        last = calendar.monthrange(year, month)[1]
        months.append((date(year, month, 1), date(year, month, last)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return "month", months


def bar_start(project: Project, plan: PlanAnalysis, milestone_id: str) -> date | None:
    """A milestone's work starts when the latest milestone it depends on is due (or done);
    with no dependency, at the partnership's start."""
    by_id = {m.id: m for m in plan.milestones}
    m = next(x for x in project.milestones.milestones if x.id == milestone_id)
    ends = [by_id[d].completed or by_id[d].due for d in m.depends_on if d in by_id]
    dated = [e for e in ends if e is not None]
    return max(dated) if dated else project.psp.start or by_id[milestone_id].due


def plan_workbook(
    project: Project, plan: PlanAnalysis, as_of: date, flags: dict[str, str] | None = None
) -> Any:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    workbook = new_workbook()
    set_properties(workbook, f"{project.psp.name}: plan", {"psp.as_of": as_of.isoformat()})
    define_as_at(workbook, as_of)
    names = owner_names(project)
    flags = flags or {}

    sheet = workbook.create_sheet("Milestones")
    # the Milestones rows of the milestones each depends on, for the forecast and the flag
    on_row = {m.id: r for r, m in enumerate(plan.milestones, 2)}
    declared = {m.id: m for m in project.milestones.milestones}
    depends = {
        m.id: [on_row[d] for d in declared[m.id].depends_on if d in on_row] for m in plan.milestones
    }
    rows = [
        [
            m.id,
            m.title,
            m.stage,
            names.get(m.owner or "", m.owner),
            m.due,
            m.completed,
            slippage_formula(r),
            state_formula(r, plan.period_end, depends[m.id]),
            ", ".join(next(x for x in project.milestones.milestones if x.id == m.id).depends_on),
            "yes" if m.critical else "",
            forecast_formula(r, depends[m.id]),
            flag_formula(r, depends[m.id]),
        ]
        for r, m in enumerate(plan.milestones, 2)
    ]
    write_table(
        sheet,
        "Milestones",
        [
            "ID",
            "Milestone",
            "Stage",
            "Owner",
            "Due",
            "Completed",
            "Slippage (days)",
            "State",
            "Depends on",
            "Critical",
            "Forecast",
            "Flag",
        ],
        rows,
        widths={
            "Milestone": 50,
            "Slippage (days)": 10,
            "State": 14,
            "Forecast": DATE_WIDTH + 2,
            "Flag": 40,
        },
        date_columns=("Due", "Completed", "Forecast"),
        formula_columns=("Slippage (days)", "State", "Forecast", "Flag"),
    )
    for r in range(2, len(rows) + 2):  # a formula's text is not counted by `finish`
        flag_text = flags.get(plan.milestones[r - 2].id, "")
        sheet.cell(row=r, column=12).alignment = Alignment(wrap_text=True, vertical="top")
        if len(flag_text) > 38:
            height = sheet.row_dimensions[r].height or 15
            sheet.row_dimensions[r].height = max(height, 13 * (len(flag_text) // 38 + 1) + 2)
    listed = len(rows) + 1
    if not rows:  # beside the ID, which the formulas read: the note is not a milestone
        none_yet(sheet, 2, "milestones", column=2)
    for r in range(listed + 1, listed + SPARE_ROWS + 1):
        sheet.cell(row=r, column=5).number_format = DATE_FORMAT
        sheet.cell(row=r, column=6).number_format = DATE_FORMAT
        sheet.cell(row=r, column=7, value=slippage_formula(r))
        sheet.cell(row=r, column=8, value=state_formula(r, plan.period_end))
        sheet.cell(row=r, column=11, value=forecast_formula(r, [])).number_format = DATE_FORMAT
        sheet.cell(row=r, column=12, value=flag_formula(r, []))
    lists = add_lists(workbook, {"stage": STAGES, "done": ["yes", "no"]})
    dropdown(sheet, lists["stage"], f"C2:C{listed + SPARE_ROWS}", "a stage")
    _overdue(sheet, f"H2:H{listed + SPARE_ROWS}", 'H2="Late"')
    _late(sheet, f"H2:H{listed + SPARE_ROWS}", 'OR(H2="Held up",H2="Forecast late")')
    # a milestone that cannot happen as planned: its forecast and its flag in orange
    _late(sheet, f"K2:K{listed + SPARE_ROWS}", "AND(ISNUMBER(K2),ISNUMBER(E2),K2>E2)")
    _late(sheet, f"L2:L{listed + SPARE_ROWS}", 'L2<>""')

    tasks = workbook.create_sheet("Tasks")
    task_rows = [
        [m.id, t.title, names.get(t.owner or "", t.owner), t.due, "yes" if t.done else "no"]
        for m in project.milestones.milestones
        for t in m.tasks
    ]
    write_table(
        tasks,
        "Tasks",
        ["Milestone", "Task", "Owner", "Due", "Done"],
        task_rows,
        widths={"Task": 50},
        empty="tasks",
    )
    tasks_end = len(task_rows) + 1 + SPARE_ROWS
    dropdown(tasks, lists["done"], f"E2:E{tasks_end}", "yes or no")
    _overdue(tasks, f"D2:D{tasks_end}", 'AND($E2<>"yes",ISNUMBER(D2),D2<AsAt)')

    gantt = workbook.create_sheet("Gantt")
    dated = [m.due for m in plan.milestones if m.due] + [
        m.completed for m in plan.milestones if m.completed
    ]
    start = project.psp.start or (min(dated) if dated else as_of)
    end = project.psp.end or (max(dated) if dated else as_of)
    unit, periods = grid(start, max(end, *(d for d in dated), start) if dated else end)
    headers = ["ID", "Milestone", "Start", "End"]
    for c, text in enumerate(headers, 1):
        cell = gantt.cell(row=2, column=c, value=text)
        cell.font = Font(bold=True)
    caption = gantt.cell(
        row=1,
        column=1,
        value=f"Gantt chart by {unit}; today ({long_date(as_of)}) is marked, and "
        f"{DUE_MARK} each milestone's due date. Blue: on track or not yet due, green: done, "
        "red: late, orange: forecast late, purple: held up by a milestone it depends on "
        "(see Flag).",
    )
    caption.font = Font(italic=True)
    # within the first four columns, above the month labels rather than under them
    caption.alignment = Alignment(wrap_text=True, vertical="top")
    gantt.merge_cells("A1:D1")
    gantt.row_dimensions[1].height = 40
    gantt.row_dimensions[2].height = 36  # a month's label, turned upright
    thin = Side(style="thin", color="BFBFBF")
    mark_font = Font(bold=True, size=8)
    mark_alignment = Alignment(horizontal="center", vertical="center")
    for i, (first, last) in enumerate(periods):
        col = GANTT_FIRST_COLUMN + i
        head = gantt.cell(row=2, column=col, value=first)
        head.number_format = "dd mmm" if unit == "week" else "mmm yy"
        head.alignment = Alignment(text_rotation=90, horizontal="center")
        head.font = Font(bold=True, size=8)
        gantt.cell(row=3, column=col, value=last).number_format = DATE_FORMAT
        if first <= as_of <= last:
            head.fill = PatternFill("solid", fgColor=TODAY_FILL)
        gantt.column_dimensions[column_letter(col)].width = 3.2
    gantt.cell(row=3, column=1, value="period ends").font = Font(italic=True, size=8)
    gantt.row_dimensions[3].hidden = True
    first_row = 4
    row_of = {m.id: r for r, m in enumerate(plan.milestones, first_row)}
    offset = first_row - 2  # Gantt row r shows the milestone on row r - 2 of Milestones
    state_col = column_letter(GANTT_FIRST_COLUMN + len(periods))
    for r in range(first_row, first_row + len(plan.milestones) + SPARE_ROWS):
        source = r - offset
        shown = f"Milestones!$A{source}"
        gantt.cell(row=r, column=1, value=f'=IF({shown}="","",{shown})')
        gantt.cell(row=r, column=2, value=f'=IF({shown}="","",Milestones!$B{source})')
        start_at = start
        if r - first_row < len(plan.milestones):
            m = plan.milestones[r - first_row]
            own = next(x for x in project.milestones.milestones if x.id == m.id)
            ends = [f"$D{row_of[d]}" for d in own.depends_on if d in row_of]
            if ends:  # never after its own end: a bar is drawn even when due too early
                gantt.cell(row=r, column=3, value=f"=MIN(MAX({','.join(ends)}),$D{r})")
            else:
                gantt.cell(row=r, column=3, value=bar_start(project, plan, m.id) or start_at)
        else:
            gantt.cell(row=r, column=3, value=f'=IF({shown}="","",{_date(start_at)})')
        gantt.cell(row=r, column=3).number_format = DATE_FORMAT
        done, due = f"Milestones!$F{source}", f"Milestones!$E{source}"
        forecast = f"Milestones!$K{source}"
        # a milestone still to come is drawn to its forecast where that is later
        gantt.cell(
            row=r,
            column=4,
            value=f'=IF({shown}="","",IF(ISNUMBER({done}),{done},'
            f"IF(ISNUMBER({forecast}),MAX({due},{forecast}),{due})))",
        ).number_format = DATE_FORMAT
        listed_row = r - first_row < len(plan.milestones)
        for i in range(len(periods)):
            cell = gantt.cell(row=r, column=GANTT_FIRST_COLUMN + i)
            cell.border = Border(left=thin, right=thin)
            if listed_row:  # ◆ in the period the milestone is due in
                head = column_letter(GANTT_FIRST_COLUMN + i)
                cell.value = (
                    f'=IF(AND(ISNUMBER({due}),{head}$2<={due},{head}$3>={due}),"{DUE_MARK}","")'
                )
                cell.font, cell.alignment = mark_font, mark_alignment
        state, flag = f"Milestones!$H{source}", f"Milestones!$L{source}"
        gantt.cell(row=r, column=5 + len(periods), value=f'=IF({shown}="","",{state})')
        gantt.cell(row=r, column=6 + len(periods), value=f'=IF({shown}="","",{flag}&"")')
    gantt.column_dimensions["A"].width = 6
    gantt.column_dimensions["B"].width = GANTT_TITLE_WIDTH
    wrapped, middle = Alignment(wrap_text=True, vertical="center"), Alignment(vertical="center")
    for r, m in enumerate(plan.milestones, first_row):  # the title is a formula: fit it here
        for column in (1, 3, 4, 5 + len(periods), 6 + len(periods)):
            gantt.cell(row=r, column=column).alignment = middle
        gantt.cell(row=r, column=2).alignment = wrapped
        lines = -(-len(m.title) // int(GANTT_TITLE_WIDTH * 1.1))
        if lines > 1:
            gantt.row_dimensions[r].height = 13 * lines + 2
    gantt.column_dimensions["C"].width = gantt.column_dimensions["D"].width = DATE_WIDTH + 2
    gantt.freeze_panes = gantt.cell(row=first_row, column=GANTT_FIRST_COLUMN)
    last_row = first_row + len(plan.milestones) + SPARE_ROWS - 1
    first_col = column_letter(GANTT_FIRST_COLUMN)
    last_col = column_letter(GANTT_FIRST_COLUMN + len(periods) - 1)
    area = f"{first_col}{first_row}:{last_col}{last_row}"
    # a cell is part of the bar when its period overlaps the milestone's start to end
    overlap = f"AND({first_col}$2<=$D{first_row},{first_col}$3>=$C{first_row})"
    rules = [
        (f'AND({overlap},${state_col}{first_row}="Late")', LATE_FILL),
        (f'AND({overlap},${state_col}{first_row}="Done")', DONE_FILL),
        (f'AND({overlap},${state_col}{first_row}="Held up")', HELD_FILL),
        (f'AND({overlap},${state_col}{first_row}="Forecast late")', FORECAST_FILL),
        (overlap, BAR_FILL),
        (f"AND({first_col}$2<={AS_AT},{first_col}$3>={AS_AT})", TODAY_FILL),
    ]
    for formula, fill in rules:
        gantt.conditional_formatting.add(
            area,
            FormulaRule(
                formula=[formula], fill=PatternFill("solid", bgColor=fill), stopIfTrue=True
            ),
        )
    gantt.cell(row=2, column=5 + len(periods), value="State").font = Font(bold=True)
    gantt.column_dimensions[state_col].width = 14
    bottom = first_row + max(len(plan.milestones), 1) - 1
    flag_col = column_letter(GANTT_FIRST_COLUMN + len(periods) + 1)
    gantt.cell(row=2, column=6 + len(periods), value="Flag").font = Font(bold=True)
    gantt.column_dimensions[flag_col].width = 58
    gantt.print_area = f"A1:{flag_col}{bottom}"
    gantt.print_title_rows = "2:2"
    gantt.print_title_cols = "A:D"
    names_at = workbook.sheetnames
    workbook.move_sheet("Lists", offset=len(names_at) - 1 - names_at.index("Lists"))  # hidden
    return workbook


def _overdue(sheet: Any, cells: str, formula: str) -> None:
    """Shade `cells` light red where `formula` (written for their first row) holds."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    sheet.conditional_formatting.add(
        cells, FormulaRule(formula=[formula], fill=PatternFill("solid", bgColor=OVERDUE_FILL))
    )


def _late(sheet: Any, cells: str, formula: str) -> None:
    """Shade `cells` light orange, as the Gantt draws a late bar, where `formula` holds."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    sheet.conditional_formatting.add(
        cells, FormulaRule(formula=[formula], fill=PatternFill("solid", bgColor=LATE_TINT))
    )


def forecast_formula(row: int, depends: list[int]) -> str:
    """When the milestone on row `row` of the Milestones sheet is forecast, as `psp score
    plan` forecasts it: nothing once done; its due date, no earlier than the as-at date,
    pushed back as far as a milestone it depends on (on the rows `depends`) is forecast to
    slip."""
    due, done = f"E{row}", f"F{row}"
    terms = [
        f"IF(ISNUMBER(E{d}),IF(ISNUMBER(F{d}),F{d},IF(ISNUMBER(K{d}),K{d},0))+MAX({due}-E{d},0),0)"
        for d in depends
    ]
    latest = ",".join([due, AS_AT, *terms])
    return f'=IF(A{row}="","",IF(ISNUMBER({done}),"",IF(NOT(ISNUMBER({due})),"",MAX({latest}))))'


FLAG_DEPENDENCIES = 4
"""Up to this many dependencies the flag names each one due after the milestone; beyond,
it says only that one is (the formula writes out every combination)."""


def flag_formula(row: int, depends: list[int]) -> str:
    """Why the milestone on row `row` cannot happen as planned, as the business case says
    it: due before a milestone it depends on (on the rows `depends`), by title, or forecast
    so many days late; nothing when it can, or is done."""
    from itertools import combinations

    due = f"E{row}"
    late = f"K{row}-{due}"
    days = f'IF({late}=1,"1 day",({late})&" days")'
    answer = f'IF(AND(ISNUMBER(K{row}),K{row}>{due}),"forecast "&{days}&" late","")'
    after = {d: f"AND(ISNUMBER(E{d}),E{d}>{due})" for d in depends}
    if len(depends) > FLAG_DEPENDENCIES:
        anyone = ",".join(after.values())
        answer = f'IF(OR({anyone}),"due before a milestone it depends on",{answer})'
    else:
        # the largest sets first, so the flag names every milestone due after this one
        for size in range(1, len(depends) + 1):
            for chosen in combinations(depends, size):
                titles = [f"B{d}" for d in chosen]
                if len(titles) <= 2:
                    named = '&" and "&'.join(titles)
                else:
                    named = '&", "&'.join(titles[:-1]) + '&", and "&' + titles[-1]
                test = (
                    after[chosen[0]] if size == 1 else f"AND({','.join(after[d] for d in chosen)})"
                )
                answer = f'IF({test},"due before "&{named}&", which it depends on",{answer})'
    return f'=IF(OR(A{row}="",ISNUMBER(F{row}),NOT(ISNUMBER({due}))),"",{answer})'


def _date(day: date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"


def slippage_formula(row: int) -> str:
    """Days late on row `row` of the Milestones sheet, as `psp score plan` counts them:
    completed less due once done, the as-at date less due while overdue, else nothing."""
    due, done = f"E{row}", f"F{row}"
    return (
        f'=IF(A{row}="","",IF(ISNUMBER({done}),IF(ISNUMBER({due}),{done}-{due},""),'
        f'IF(AND(ISNUMBER({due}),{due}<{AS_AT}),{AS_AT}-{due},"")))'
    )


def state_formula(row: int, period_end: date, depends: list[int] | None = None) -> str:
    """The milestone's state on row `row` in words, as `analysis.plan.milestone_standing`
    gives it: Done; No date; Late (past its due date); Held up (a milestone it depends on, on
    the rows `depends`, not done and due or forecast after it is due); Forecast late (its
    forecast, column K, after its due date); On track (due by the end of the next reporting
    period, `period_end`); else Not yet due."""
    due, done = f"E{row}", f"F{row}"
    held = [f"AND(NOT(ISNUMBER(F{d})),MAX(E{d},K{d})>{due})" for d in depends or []]
    waiting = ""
    if held:
        test = held[0] if len(held) == 1 else f"OR({','.join(held)})"
        waiting = f'IF({test},"Held up",'
    return (
        f'=IF(A{row}="","",IF(ISNUMBER({done}),"Done",IF(NOT(ISNUMBER({due})),"No date",'
        f'IF({due}<{AS_AT},"Late",{waiting}IF(AND(ISNUMBER(K{row}),K{row}>{due}),'
        f'"Forecast late",IF({due}<={_date(period_end)},"On track","Not yet due"))'
        f"{')' if held else ''}))))"
    )


def write(data: PlanWorkbook) -> Any:
    """The paper's workbook (`psp render plan`)."""
    return plan_workbook(data.project, data.plan, data.as_of, data.flags)
