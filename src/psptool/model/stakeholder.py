"""stakeholders.yaml: the stakeholder map and the communications plan."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import Id, Record, Records, Score


class Stakeholder(Record):
    id: Id
    name: str
    interest: Score | None = None
    influence: Score | None = None
    description: str | None = None


class Communication(Record):
    id: Id
    audience: list[Id] = Field(default_factory=list)
    method: str | None = None
    frequency: str | None = None
    messages: str | None = None
    action: str | None = None
    owner: Id | None = None


class StakeholdersFile(Record):
    stakeholders: Annotated[list[Stakeholder], Records("stakeholder")] = Field(default_factory=list)
    communications: Annotated[list[Communication], Records("communication")] = Field(
        default_factory=list
    )
