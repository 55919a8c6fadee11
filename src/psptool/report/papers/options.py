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
    preference: str = ""
    """Which option the partners prefer and how they chose it, as a sentence: "The
    Governance Group chose Shared respite booking line at its meeting on 30 July 2010.";
    that they have not yet chosen one, where neither options.yaml nor a decision does."""


def build(folder: CheckedFolder, as_of: date) -> OptionsWorkbook:
    from ...analysis import appraise_options

    project, preference = decided(folder.project, as_of)
    return OptionsWorkbook(project, appraise_options(project), as_of, preference)


def decided(project: Project, as_of: date) -> tuple[Project, str]:
    """The project with the preferred option the partners chose (options.yaml's
    `preferred`, else the latest decision at a meeting that names one option:
    `practice.decided_preference`), and the sentence that says which and how; the project
    as it is, and a sentence saying no option is chosen yet, where none is. The top score
    is never taken for a choice."""
    from ...analysis.practice import decided_preference
    from ..formatting import long_date

    options = project.options.options
    if not options:
        return project, ""
    chosen = decided_preference(project, as_of)
    if chosen is None:
        return project, (
            "The partners have not yet chosen a preferred option: the ranks are the scores, "
            "not a choice."
        )
    option, decision, when, group = chosen
    name = next(o.name for o in options if o.id == option)
    if not decision:
        return project, f"The partners' preferred option is {name}."
    groups = {g.id: g.name for g in project.psp.governance.groups}
    project = project.model_copy(
        update={"options": project.options.model_copy(update={"preferred": option})}
    )
    return project, (
        f"The {groups.get(group, 'partnership')} chose {name} as the preferred option at its "
        f"meeting on {long_date(when)}."
    )


PAPER = Paper(
    name="options",
    kind="xlsx",
    title="Options appraisal",
    help="The options appraisal workbook: weights, scores, totals as formulas, sensitivity.",
    stage="design",
    build=build,
    workbook="options_workbook",
)
