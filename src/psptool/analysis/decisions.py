"""Why a meeting decided what it did, from the records: the minutes print it and `psp
validate` warns (PSP508) where the records give no reason."""

from __future__ import annotations

from ..model import Project
from ..model.meeting import Decision


def decision_rationale(project: Project, decision: Decision) -> str | None:
    """The decision's own `rationale`; for a decision about an option, the option's recorded
    rationale, else, where it alone scored highest, its place in the options appraisal
    ("Highest scored in the options appraisal: 80 of 100."); None where nothing says why."""
    if decision.rationale:
        return decision.rationale
    options = project.options
    chosen = [o for o in options.options if o.id in decision.options]
    for option in chosen:
        if option.rationale:
            return option.rationale
    if len(chosen) == 1 and options.criteria:
        from .weighting import rank  # only here: `psp validate` imports no scoring otherwise

        ranked = rank([(o.id, o.name, o.scores) for o in options.options], options.criteria)
        leaders = [r for r in ranked if r.rank == 1]
        if len(leaders) == 1 and leaders[0].id == chosen[0].id:
            return f"Highest scored in the options appraisal: {leaders[0].score:.0f} of 100."
    return None
