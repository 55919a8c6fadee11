"""The whole partnership: one model per file of the folder, gathered in a `Project`."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from .benefit import BenefitsFile
from .budget import BudgetFile
from .goal import GoalsFile
from .milestone import MilestonesFile
from .options import OptionsFile
from .partner import PartnersFile, Person
from .partnership import Partnership
from .risk import RisksFile
from .stakeholder import StakeholdersFile
from .sustainability import SustainabilityFile


@dataclass(frozen=True)
class FileSpec:
    """One file of the folder: its name, the attribute of `Project` and its model."""

    name: str
    attribute: str
    model: type[BaseModel]
    required: bool = False
    what: str = ""


FILES: tuple[FileSpec, ...] = (
    FileSpec("psp.yaml", "psp", Partnership, True, "the partnership"),
    FileSpec("partners.yaml", "partners", PartnersFile, True, "partners and their people"),
    FileSpec("goals.yaml", "goals", GoalsFile, False, "SMART goals"),
    FileSpec("risks.yaml", "risks", RisksFile, False, "the RAID log"),
    FileSpec("milestones.yaml", "milestones", MilestonesFile, False, "the plan"),
    FileSpec("benefits.yaml", "benefits", BenefitsFile, False, "benefits and KPIs"),
    FileSpec(
        "stakeholders.yaml",
        "stakeholders",
        StakeholdersFile,
        False,
        "stakeholder map and communications plan",
    ),
    FileSpec("options.yaml", "options", OptionsFile, False, "options appraisal"),
    FileSpec("budget.yaml", "budget", BudgetFile, False, "budget"),
    FileSpec(
        "sustainability.yaml", "sustainability", SustainabilityFile, False, "sustainability plan"
    ),
)
FILES_BY_NAME = {spec.name: spec for spec in FILES}


class Project(BaseModel):
    """Every file of a PSP folder, as validated models. An absent file is an empty one."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    psp: Partnership
    partners: PartnersFile = Field(default_factory=PartnersFile)
    goals: GoalsFile = Field(default_factory=GoalsFile)
    risks: RisksFile = Field(default_factory=RisksFile)
    milestones: MilestonesFile = Field(default_factory=MilestonesFile)
    benefits: BenefitsFile = Field(default_factory=BenefitsFile)
    stakeholders: StakeholdersFile = Field(default_factory=StakeholdersFile)
    options: OptionsFile = Field(default_factory=OptionsFile)
    budget: BudgetFile = Field(default_factory=BudgetFile)
    sustainability: SustainabilityFile = Field(default_factory=SustainabilityFile)

    def people(self) -> dict[str, tuple[Person, str]]:
        """Every person by id, with the id of the partner they belong to."""
        return {
            person.id: (person, partner.id)
            for partner in self.partners.partners
            for person in partner.people
        }

    def owner_ids(self) -> set[str]:
        """Ids that may stand as an `owner`: partners and their people share one namespace."""
        ids = {partner.id for partner in self.partners.partners}
        ids.update(self.people())
        return ids
