"""Scoring and analysis: pure functions over a loaded `Project`, returning plain data.

Reports, renderers and the CLI share these results; nothing here formats or prints. Names are
imported when first used, so that the checks of `psp validate`, which need only the shared
predicates of `analysis.practice`, do not import every analysis (docs/performance.md).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..errors import PlanError
    from .benefits import BenefitProgress, BenefitsAnalysis, analyse_benefits
    from .economics import EconomicCase, OptionEconomics, SroiAnalysis, economic_case
    from .goals import GoalsAnalysis, GoalVerdict, analyse_goals
    from .options import OptionsAppraisal, appraise_options
    from .partners import SelectionRanking, rank_candidates
    from .plan import MilestoneStanding, PlanAnalysis, analyse_plan, milestone_standing
    from .risk import RiskRegister, score_risks
    from .stakeholders import StakeholderMap, map_stakeholders

_WHERE = {
    "BenefitProgress": "benefits",
    "BenefitsAnalysis": "benefits",
    "analyse_benefits": "benefits",
    "EconomicCase": "economics",
    "OptionEconomics": "economics",
    "SroiAnalysis": "economics",
    "economic_case": "economics",
    "GoalVerdict": "goals",
    "GoalsAnalysis": "goals",
    "analyse_goals": "goals",
    "OptionsAppraisal": "options",
    "appraise_options": "options",
    "SelectionRanking": "partners",
    "rank_candidates": "partners",
    "MilestoneStanding": "plan",
    "milestone_standing": "plan",
    "PlanAnalysis": "plan",
    "analyse_plan": "plan",
    "RiskRegister": "risk",
    "score_risks": "risk",
    "StakeholderMap": "stakeholders",
    "map_stakeholders": "stakeholders",
}

__all__ = [
    "BenefitProgress",
    "BenefitsAnalysis",
    "EconomicCase",
    "GoalVerdict",
    "GoalsAnalysis",
    "MilestoneStanding",
    "OptionEconomics",
    "OptionsAppraisal",
    "PlanAnalysis",
    "PlanError",
    "RiskRegister",
    "SelectionRanking",
    "SroiAnalysis",
    "StakeholderMap",
    "analyse_benefits",
    "analyse_goals",
    "analyse_plan",
    "appraise_options",
    "economic_case",
    "map_stakeholders",
    "milestone_standing",
    "rank_candidates",
    "score_risks",
]


def __getattr__(name: str) -> Any:
    if name == "PlanError":
        from ..errors import PlanError

        return PlanError
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
