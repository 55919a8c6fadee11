"""The knowledge transfer register (guide §7.4) and the lessons learned as a workbook: what
passes from whom to whom, how, by when and where the evidence is; overdue transfers shown red."""

from __future__ import annotations

from typing import Any

from ..report.papers.knowledge import KnowledgeRegister
from ..report.people import owner_names
from ..vocabulary import RAG_TINTS, TRANSFER_METHOD_LABELS, TRANSFER_STATUS_LABELS, label
from .workbook import new_workbook, print_landscape, set_properties, write_table

TRANSFER_HEADERS = [
    "ID", "Topic", "From", "To", "Method", "Owner", "Due", "Status", "Completed", "Evidence",
]  # fmt: skip
LESSON_HEADERS = ["ID", "Date", "Lesson", "Detail", "Category", "Action", "Owner"]


def write(data: KnowledgeRegister) -> Any:
    """The paper's workbook (`psp render knowledge`)."""
    from openpyxl.styles import PatternFill

    project, as_of = data.project, data.as_of
    names = owner_names(project)

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
            name(t.from_),
            "; ".join(names.get(r, r) for r in t.to),
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
        date_columns=("Due", "Completed"), empty="knowledge transfers",
    )  # fmt: skip
    late = PatternFill("solid", fgColor=RAG_TINTS["red"])
    done = PatternFill("solid", fgColor=RAG_TINTS["green"])
    status_column = TRANSFER_HEADERS.index("Status") + 1
    for row, t in enumerate(transfers, 2):
        cell = sheet.cell(row=row, column=status_column)
        if t.status == "done":
            cell.fill = done
        elif t.due is not None and t.due < as_of:
            cell.fill = late
    lessons = workbook.create_sheet("Lessons learned")
    rows = [
        [x.id, x.date, x.title, x.detail, _category(x.category), x.action or NO_ACTION,
         name(x.owner)]
        for x in project.knowledge.lessons
    ]  # fmt: skip
    widths = {"Lesson": 36.0, "Detail": 48.0, "Action": 40.0}
    write_table(
        lessons, "LessonsLearned", LESSON_HEADERS, rows, widths=widths, date_columns=("Date",),
        empty="lessons",
    )  # fmt: skip
    print_landscape(workbook)
    return workbook


NO_ACTION = "No action set"
"""What a lesson without an action says, rather than a blank cell a reader takes for a gap."""


def _category(category: str | None) -> str | None:
    """A category as a heading would write it ("Governance"): the folder holds it as typed."""
    if not category:
        return category
    return category[:1].upper() + category[1:]
