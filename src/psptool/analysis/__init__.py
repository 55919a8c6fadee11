"""Scoring and analysis: pure functions over a loaded `Project`, returning plain data.

Reports, renderers and the CLI share these results; nothing here formats or prints.
"""

from ..errors import PlanError
from .benefits import BenefitProgress, BenefitsAnalysis, analyse_benefits
from .economics import EconomicCase, OptionEconomics, SroiAnalysis, economic_case
from .goals import GoalsAnalysis, GoalVerdict, analyse_goals
from .options import OptionsAppraisal, appraise_options
from .partners import SelectionRanking, rank_candidates
from .plan import PlanAnalysis, analyse_plan
from .risk import RiskRegister, score_risks
from .stakeholders import StakeholderMap, map_stakeholders

__all__ = [
    "BenefitProgress",
    "BenefitsAnalysis",
    "EconomicCase",
    "GoalVerdict",
    "GoalsAnalysis",
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
    "rank_candidates",
    "score_risks",
]
