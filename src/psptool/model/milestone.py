"""milestones.yaml: the project plan, milestones working back from the end date."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import Document, Stage
from .common import Flag, Id, IsoDate, Record, Records


class Task(Record):
    title: str
    owner: Id | None = None
    due: IsoDate | None = None
    done: Flag = False


class Milestone(Record):
    id: Id
    title: str
    description: str | None = None
    stage: Stage | None = None
    due: IsoDate | None = None
    owner: Id | None = None
    depends_on: list[Id] = Field(default_factory=list)
    completed: IsoDate | None = None
    tasks: list[Task] = Field(default_factory=list)
    document: Document | None = None
    """The paper this milestone delivers (`full_business_case`): that paper does not list
    its own delivery among its next steps."""


class MilestonesFile(Record):
    milestones: Annotated[list[Milestone], Records("milestone")] = Field(default_factory=list)
