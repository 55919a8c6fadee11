"""The knowledge transfer register (guide §7.4) and the lessons learned as a workbook: what
passes from whom to whom, how, by when and where the evidence is; overdue transfers shown red."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..report.papers.knowledge import KnowledgeRegister
from ..report.people import owner_names
from ..vocabulary import RAG_TINTS, TRANSFER_METHOD_LABELS, TRANSFER_STATUS_LABELS, label
from .workbook import (
    SPARE_ROWS,
    add_lists,
    column_letter,
    define_as_at,
    dropdown,
    new_workbook,
    print_landscape,
    set_properties,
    write_table,
)

TRANSFER_HEADERS = [
    "ID", "Topic", "From", "To", "Method", "Owner", "Due", "Status", "Completed", "Evidence",
]  # fmt: skip
LESSON_HEADERS = ["ID", "Date", "Lesson", "Detail", "Category", "Action", "Owner"]


def write(data: KnowledgeRegister) -> Any:
    """The paper's workbook (`psp render knowledge`)."""
    project, as_of = data.project, data.as_of
    names = owner_names(project)
    # who gives and who receives: a person with their organisation ("K. Duncan (Falkirk
    # Council)"), as the partners beside them are organisations
    whose = owner_names(project, with_partner=True)

    def name(ref: str | None) -> str | None:
        return names.get(ref, ref) if ref else None

    workbook = new_workbook()
    set_properties(
        workbook, f"{project.psp.name}: knowledge transfer", {"psp.as_of": as_of.isoformat()}
    )
    sheet = workbook.create_sheet("Knowledge transfer")
    transfers = project.knowledge.transfers
    rows = [
        [
            t.id,
            t.topic,
            whose.get(t.from_, t.from_) if t.from_ else None,
            "; ".join(whose.get(r, r) for r in t.to),
            label(TRANSFER_METHOD_LABELS, t.method) or None,
            name(t.owner),
            t.due,
            TRANSFER_STATUS_LABELS[t.status],
            t.completed,
            t.evidence,
        ]
        for t in transfers
    ]
    widths = {"Topic": 40.0, "To": 40.0, "Evidence": 36.0}
    write_table(
        sheet, "KnowledgeTransfer", TRANSFER_HEADERS, rows, widths=widths,
        date_columns=("Due", "Completed"), empty="knowledge transfers", as_of=as_of,
        grows=True,
    )  # fmt: skip
    transfers_end = max(len(rows), 1) + 1 + SPARE_ROWS
    lessons = workbook.create_sheet("Lessons learned")
    rows = [
        [x.id, x.date, x.title, x.detail, _category(x.category), x.action or NO_ACTION,
         name(x.owner)]
        for x in project.knowledge.lessons
    ]  # fmt: skip
    widths = {"Lesson": 36.0, "Detail": 48.0, "Action": 40.0}
    write_table(
        lessons, "LessonsLearned", LESSON_HEADERS, rows, widths=widths, date_columns=("Date",),
        empty="lessons", as_of=as_of, grows=True,
    )  # fmt: skip
    _status_rules(workbook, sheet, as_of, transfers_end)  # its list on a hidden sheet, last
    print_landscape(workbook)
    return workbook


def _status_rules(workbook: Any, sheet: Any, as_of: date, last: int) -> None:
    """The Status column to row `last` chosen from a list, a done transfer's green and an
    overdue one's (due before the workbook's as-at date, `AsAt`, and not done) red: rules,
    not fills, so a status or a date changed in the sheet recolours it."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    as_at = define_as_at(workbook, as_of)
    lists = add_lists(workbook, {"status": list(TRANSFER_STATUS_LABELS.values())})
    status = column_letter(TRANSFER_HEADERS.index("Status") + 1)
    due = column_letter(TRANSFER_HEADERS.index("Due") + 1)
    cells = f"{status}2:{status}{last}"
    dropdown(sheet, lists["status"], cells, "a status")
    done = TRANSFER_STATUS_LABELS["done"]
    sheet.conditional_formatting.add(
        cells,
        FormulaRule(
            formula=[f'${status}2="{done}"'],
            fill=PatternFill("solid", bgColor=RAG_TINTS["green"]),
            stopIfTrue=True,
        ),
    )
    sheet.conditional_formatting.add(
        cells,
        FormulaRule(
            formula=[f'AND(${status}2<>"",${status}2<>"{done}",ISNUMBER(${due}2),${due}2<{as_at})'],
            fill=PatternFill("solid", bgColor=RAG_TINTS["red"]),
        ),
    )


NO_ACTION = "No action set"
"""What a lesson without an action says, rather than a blank cell a reader takes for a gap."""


def _category(category: str | None) -> str | None:
    """A category as a heading would write it ("Governance"): the folder holds it as typed."""
    if not category:
        return category
    return category[:1].upper() + category[1:]
