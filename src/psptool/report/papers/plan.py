"""The plan workbook: milestones, tasks and a Gantt chart (render/plan_workbook.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...analysis.plan import PlanAnalysis
from ...model import Project
from . import CheckedFolder, Paper


@dataclass(frozen=True)
class PlanWorkbook:
    project: Project
    plan: PlanAnalysis
    as_of: date


def build(folder: CheckedFolder, as_of: date) -> PlanWorkbook:
    from ...analysis import analyse_plan

    return PlanWorkbook(folder.project, analyse_plan(folder.project, as_of), as_of)


PAPER = Paper(
    name="plan",
    kind="xlsx",
    title="Project plan",
    help="The plan workbook: milestones, tasks and a Gantt chart (Excel).",
    stage="create",
    build=build,
    workbook="plan_workbook",
)
