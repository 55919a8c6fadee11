"""pydantic models of a PSP folder, one module per file; no I/O here."""

from .benefit import Benefit, BenefitsFile, Measurement
from .budget import BudgetFile, BudgetLine
from .common import Criterion, Record, Records
from .goal import Goal, GoalsFile
from .milestone import Milestone, MilestonesFile, Task
from .options import Option, OptionsFile
from .partner import Candidate, Partner, PartnersFile, Person, Selection
from .partnership import STAGES, Approval, GovernanceGroup, Partnership, Role
from .project import (
    FILES,
    FILES_BY_NAME,
    RECORD_KINDS,
    FileSpec,
    Project,
    RecordKind,
    folder_models,
)
from .risk import Risk, RiskAction, RisksFile
from .stakeholder import Communication, Stakeholder, StakeholdersFile
from .sustainability import Funder, SustainabilityFile

__all__ = [
    "FILES",
    "FILES_BY_NAME",
    "RECORD_KINDS",
    "STAGES",
    "Approval",
    "Benefit",
    "BenefitsFile",
    "BudgetFile",
    "BudgetLine",
    "Candidate",
    "Communication",
    "Criterion",
    "FileSpec",
    "Funder",
    "Goal",
    "GoalsFile",
    "GovernanceGroup",
    "Measurement",
    "Milestone",
    "MilestonesFile",
    "Option",
    "OptionsFile",
    "Partner",
    "PartnersFile",
    "Partnership",
    "Person",
    "Project",
    "Record",
    "RecordKind",
    "Records",
    "Risk",
    "RiskAction",
    "RisksFile",
    "Role",
    "Selection",
    "Stakeholder",
    "StakeholdersFile",
    "SustainabilityFile",
    "Task",
    "folder_models",
]
