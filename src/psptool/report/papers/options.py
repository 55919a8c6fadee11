"""The options appraisal workbook: weights, scores and totals as formulas, the economic case
and the sensitivity of the choice (render/options_workbook.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...analysis.options import OptionsAppraisal
from ...model import Project
from . import CheckedFolder, Paper


@dataclass(frozen=True)
class OptionsWorkbook:
    project: Project
    appraisal: OptionsAppraisal
    as_of: date


def build(folder: CheckedFolder, as_of: date) -> OptionsWorkbook:
    from ...analysis import appraise_options

    return OptionsWorkbook(folder.project, appraise_options(folder.project), as_of)


PAPER = Paper(
    name="options",
    kind="xlsx",
    title="Options appraisal",
    help="The options appraisal workbook: weights, scores, totals as formulas, sensitivity.",
    stage="design",
    build=build,
    workbook="options_workbook",
)
