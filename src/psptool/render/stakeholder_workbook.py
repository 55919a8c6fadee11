"""The stakeholder map and communications plan as a workbook: the interest/influence grid,
the stakeholders with their quadrant, and who hears what, how and how often."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..analysis.stakeholders import HIGH, StakeholderMap, quadrant
from ..model import Project
from ..model.stakeholder import Communication
from ..report.papers.stakeholders import StakeholderWorkbook
from ..report.people import owner_names
from .workbook import (
    SPARE_ROWS,
    as_at_label,
    new_workbook,
    put,
    set_properties,
    whole_numbers,
    write_table,
)

QUADRANT_FILL = {
    "manage closely": "F4B183",
    "keep satisfied": "FFE699",
    "keep informed": "BDD7EE",
    "monitor": "E2EFDA",
}


def stakeholder_workbook(project: Project, smap: StakeholderMap, as_of: date) -> Any:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    workbook = new_workbook()
    set_properties(workbook, f"{project.psp.name}: stakeholders", {"psp.as_of": as_of.isoformat()})
    grid = workbook.create_sheet("Map")
    grid.cell(
        row=1, column=1, value="Stakeholder map: influence (up) against interest (across)"
    ).font = Font(bold=True, size=12)
    thin = Side(style="thin", color="808080")
    for influence in range(5, 0, -1):
        row = 2 + (5 - influence)
        label = grid.cell(row=row, column=1, value=f"Influence {influence}")
        label.font, label.alignment = Font(bold=True), Alignment(vertical="center")
        grid.row_dimensions[row].height = 60
        for interest in range(1, 6):
            in_square = [
                s.name
                for s in smap.stakeholders
                if (s.interest, s.influence) == (interest, influence)
            ]
            cell = put(grid, row, 1 + interest, "\n".join(in_square) or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            where = quadrant(interest, influence) or "monitor"
            cell.fill = PatternFill("solid", fgColor=QUADRANT_FILL[where])
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for interest in range(1, 6):
        label = grid.cell(row=7, column=1 + interest, value=f"Interest {interest}")
        label.font, label.alignment = Font(bold=True), Alignment(horizontal="center")
        grid.column_dimensions[chr(ord("A") + interest)].width = 24
    grid.column_dimensions["A"].width = 12
    _key(grid, 9)
    # typed from the folder, not formulas of the Stakeholders sheet: it says so
    grid.cell(
        row=15, column=1, value=as_at_label(as_of, "when the Stakeholders sheet is edited")
    ).font = Font(italic=True)

    people = workbook.create_sheet("Stakeholders")
    reached = {c.id: communication_name(c) for c in project.stakeholders.communications}
    rows = [
        [
            s.name,
            s.interest,
            s.influence,
            quadrant_formula(r),
            "; ".join(reached.get(c, c) for c in s.communications),
        ]
        for r, s in enumerate(smap.stakeholders, 2)
    ]
    write_table(
        people,
        "Stakeholders",
        ["Stakeholder", "Interest", "Influence", "Quadrant", "Reached by"],
        rows,
        widths={"Stakeholder": 48, "Quadrant": 16, "Reached by": 48},
        formula_columns=["Quadrant"],
        empty="stakeholders",
        as_of=as_of,
    )
    end = len(rows) + 1 + SPARE_ROWS
    for r in range(len(rows) + 2, end + 1):
        people.cell(row=r, column=4, value=quadrant_formula(r))
    whole_numbers(people, f"B2:C{end}", 1, 5, "interest and influence")

    names = owner_names(project)
    stakeholder_names = {s.id: s.name for s in project.stakeholders.stakeholders}
    comms = workbook.create_sheet("Communications")
    rows = [
        [
            "; ".join(stakeholder_names.get(a, a) for a in c.audience),
            c.method or NOT_SET,
            c.frequency or NOT_SET,
            c.messages or NOT_SET,
            c.action or NOT_SET,
            names.get(c.owner, c.owner) if c.owner else NOT_SET,
        ]
        for c in project.stakeholders.communications
    ]
    write_table(
        comms,
        "Communications",
        ["Audience", "Method", "Frequency", "Messages", "Action", "Owner"],
        rows,
        # 30 + 26 + 16 + 40 + 34 and the owner's 14 are 160 characters: A4 at 82 per cent,
        # 9 points (the text wraps), where 182 would put the whole workbook on A3
        widths={"Audience": 30, "Method": 26, "Frequency": 16, "Messages": 40, "Action": 34},
        empty="communications",
        as_of=as_of,
        grows=True,
    )
    _grey_gaps(comms, len(rows))
    if smap.unreached:
        comms.cell(
            row=len(rows) + 3,
            column=1,
            value="Not reached by any communication: "
            + ", ".join(stakeholder_names[s] for s in smap.unreached),
        ).font = Font(bold=True, color="C00000")
    return workbook


KEY = (
    (
        "manage closely",
        f"Influence and interest both {HIGH} or more: involve them in decisions and meet "
        "them often.",
    ),
    (
        "keep satisfied",
        f"Influence {HIGH} or more, interest less: consult them on what affects them.",
    ),
    (
        "keep informed",
        f"Interest {HIGH} or more, influence less: tell them regularly how the work is going.",
    ),
    ("monitor", f"Both less than {HIGH}: watch for a change in their interest or influence."),
)
"""The map's key: each quadrant, by its colour, and how the partners deal with those in it."""


def _key(grid: Any, top: int) -> None:
    """The key under the grid, from row `top`: what the squares hold, and each quadrant's
    colour beside what it means."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    grid.cell(row=top, column=1, value="Key").font = Font(bold=True)
    grid.cell(
        row=top,
        column=2,
        value="Each stakeholder sits in the square of its interest (across) and influence "
        "(up), each rated from 1 (very low) to 5 (very high).",
    )
    thin = Side(style="thin", color="808080")
    for i, (where, meaning) in enumerate(KEY, top + 1):
        swatch = grid.cell(row=i, column=2, value=where[:1].upper() + where[1:])
        swatch.fill = PatternFill("solid", fgColor=QUADRANT_FILL[where])
        swatch.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        swatch.font = Font(bold=True)
        swatch.alignment = Alignment(vertical="center")
        grid.cell(row=i, column=3, value=meaning).alignment = Alignment(vertical="center", indent=1)
        grid.row_dimensions[i].height = 18


NOT_SET = "Not set"
"""What an empty cell of a communication says, so a gap reads as one on paper."""


def _grey_gaps(sheet: Any, count: int) -> None:
    """The "Not set" cells of the first `count` rows in grey italics, told from what is set."""
    from copy import copy

    for row in sheet.iter_rows(min_row=2, max_row=count + 1):
        for cell in row:
            if cell.value == NOT_SET:
                font = copy(cell.font)
                font.i, font.color = True, "808080"
                cell.font = font


def communication_name(communication: Communication) -> str:
    """A communication as a reader knows it: its method and how often ("highlight report
    after each Governance Group, quarterly"), its id only where it has no method."""
    method = communication.method or communication.id
    return f"{method}, {communication.frequency}" if communication.frequency else method


def quadrant_formula(row: int) -> str:
    """The quadrant of the stakeholder on row `row`, from its interest (B) and influence
    (C), as `psp score stakeholders` places it, in sentence case as the map's key names it
    ("Manage closely")."""
    return (
        f'=IF(OR(B{row}="",C{row}=""),"",IF(C{row}>={HIGH},IF(B{row}>={HIGH},'
        f'"Manage closely","Keep satisfied"),IF(B{row}>={HIGH},"Keep informed","Monitor")))'
    )


def write(data: StakeholderWorkbook) -> Any:
    """The paper's workbook (`psp render stakeholders`)."""
    return stakeholder_workbook(data.project, data.map, data.as_of)
