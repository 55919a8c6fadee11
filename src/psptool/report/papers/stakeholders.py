"""The stakeholder map and communications plan workbook (render/stakeholder_workbook.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...analysis.stakeholders import StakeholderMap
from ...model import Project
from . import CheckedFolder, Paper


@dataclass(frozen=True)
class StakeholderWorkbook:
    project: Project
    map: StakeholderMap
    as_of: date


def build(folder: CheckedFolder, as_of: date) -> StakeholderWorkbook:
    from ...analysis import map_stakeholders

    return StakeholderWorkbook(folder.project, map_stakeholders(folder.project), as_of)


PAPER = Paper(
    name="stakeholders",
    kind="xlsx",
    title="Stakeholder map",
    help="The stakeholder map and communications plan workbook (Excel).",
    stage="create",
    build=build,
    workbook="stakeholder_workbook",
)
