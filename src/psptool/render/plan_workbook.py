"""The plan as a workbook: milestones and tasks, and a Gantt chart drawn by conditional
formatting over a week or month grid from the partnership's start to its end."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from ..analysis.plan import PlanAnalysis
from ..model import Project
from ..report.papers.plan import PlanWorkbook
from ..report.people import owner_names
from .workbook import DATE_FORMAT, column_letter, new_workbook, put, set_properties, write_table

GANTT_FIRST_COLUMN = 5
"""Gantt sheet: A milestone, B title, C start, D end, then one column per week or month."""
BAR_FILL = "4472C4"
DONE_FILL = "A9D08E"
LATE_FILL = "C00000"
FORECAST_FILL = "ED7D31"
"""A milestone still to come that cannot happen as planned (forecast late, or due before a
milestone it depends on): its bar runs to its forecast."""
TODAY_FILL = "FFC000"


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
    names = owner_names(project)
    flags = flags or {}

    sheet = workbook.create_sheet("Milestones")
    rows = [
        [
            m.id,
            m.title,
            m.stage,
            names.get(m.owner or "", m.owner),
            m.due,
            m.completed,
            m.slippage_days,
            m.state,
            ", ".join(next(x for x in project.milestones.milestones if x.id == m.id).depends_on),
            "yes" if m.critical else "",
            m.forecast if m.completed is None else None,
            flags.get(m.id, ""),
        ]
        for m in plan.milestones
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
        widths={"Milestone": 50, "Flag": 40},
    )

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
    )

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
    gantt.cell(
        row=1,
        column=1,
        value=f"Gantt chart by {unit}; today ({as_of:%d %b %Y}) "
        "is marked; blue: planned, green: done, red: overdue, orange: cannot happen as "
        "planned (drawn to its forecast; the flag says why)",
    ).font = Font(italic=True)
    thin = Side(style="thin", color="BFBFBF")
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
    for r, m in enumerate(plan.milestones, first_row):
        gantt.cell(row=r, column=1, value=m.id)
        put(gantt, r, 2, m.title)
        # a milestone that cannot happen as planned is drawn to its forecast
        end_on = m.completed or (max(m.due, m.forecast) if m.due and m.forecast else m.due)
        begin = bar_start(project, plan, m.id)
        if begin is not None and end_on is not None and begin > end_on:
            begin = end_on
        gantt.cell(row=r, column=3, value=begin).number_format = DATE_FORMAT
        gantt.cell(row=r, column=4, value=end_on).number_format = DATE_FORMAT
        for i in range(len(periods)):
            gantt.cell(row=r, column=GANTT_FIRST_COLUMN + i).border = Border(left=thin, right=thin)
        state = "forecast late" if m.id in flags and m.state != "overdue" else m.state
        gantt.cell(row=r, column=5 + len(periods), value=state)
        if m.id in flags:
            gantt.cell(row=r, column=6 + len(periods), value=flags[m.id])
    gantt.column_dimensions["A"].width = 6
    gantt.column_dimensions["B"].width = 42
    gantt.column_dimensions["C"].width = gantt.column_dimensions["D"].width = 11
    gantt.freeze_panes = gantt.cell(row=first_row, column=GANTT_FIRST_COLUMN)
    last_row = first_row + max(len(plan.milestones), 1) - 1
    first_col = column_letter(GANTT_FIRST_COLUMN)
    last_col = column_letter(GANTT_FIRST_COLUMN + len(periods) - 1)
    area = f"{first_col}{first_row}:{last_col}{last_row}"
    state_col = column_letter(GANTT_FIRST_COLUMN + len(periods))
    # a cell is part of the bar when its period overlaps the milestone's start to end
    overlap = f"AND({first_col}$2<=$D{first_row},{first_col}$3>=$C{first_row})"
    rules = [
        (f'AND({overlap},${state_col}{first_row}="overdue")', LATE_FILL),
        (f'AND({overlap},${state_col}{first_row}="done")', DONE_FILL),
        (f'AND({overlap},${state_col}{first_row}="forecast late")', FORECAST_FILL),
        (overlap, BAR_FILL),
        (
            f"AND({first_col}$2<=DATE({as_of.year},{as_of.month},{as_of.day}),"
            f"{first_col}$3>=DATE({as_of.year},{as_of.month},{as_of.day}))",
            TODAY_FILL,
        ),
    ]
    for formula, fill in rules:
        gantt.conditional_formatting.add(
            area,
            FormulaRule(
                formula=[formula], fill=PatternFill("solid", bgColor=fill), stopIfTrue=True
            ),
        )
    gantt.cell(row=2, column=5 + len(periods), value="State").font = Font(bold=True)
    gantt.cell(row=2, column=6 + len(periods), value="Flag").font = Font(bold=True)
    return workbook


def write(data: PlanWorkbook) -> Any:
    """The paper's workbook (`psp render plan`)."""
    return plan_workbook(data.project, data.plan, data.as_of, data.flags)
