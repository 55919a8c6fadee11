"""The plan workbook: milestones, tasks and a Gantt chart (render/plan_workbook.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...analysis.plan import PlanAnalysis
from ...model import Project
from . import CheckedFolder, Paper


@dataclass(frozen=True)
class PlanWorkbook:
    project: Project
    plan: PlanAnalysis
    as_of: date
    flags: dict[str, str] = field(default_factory=dict)
    """Why a milestone still to come cannot happen as planned, by id: "forecast 92 days
    late", "due before Outline business case agreed, which it depends on"."""


def build(folder: CheckedFolder, as_of: date) -> PlanWorkbook:
    from ...analysis import analyse_plan
    from .business_case.plan import flag

    project = folder.project
    plan = analyse_plan(project, as_of)
    flags = {m.id: why for m in plan.milestones if (why := flag(project, m.id, m.forecast, as_of))}
    return PlanWorkbook(project, plan, as_of, flags)


PAPER = Paper(
    name="plan",
    kind="xlsx",
    title="Project plan",
    help="The plan workbook: milestones, tasks and a Gantt chart (Excel).",
    stage="create",
    build=build,
    workbook="plan_workbook",
)
