"""meetings.yaml: governance and operational meetings (guide §7.2), with who came, what was
decided and who agreed to do what by when.

The guide asks for a governance meeting once a quarter with senior representatives of every
partner, and operational meetings fortnightly to monthly. Between them, the actions agreed
are what the project manager chases.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..vocabulary import MeetingStatus
from .common import Flag, Id, IsoDate, Record, Records


class Decision(Record):
    """A decision the meeting took, with the records it changes."""

    id: Id
    decision: str
    rationale: str | None = None
    risks: list[Id] = Field(default_factory=list)
    milestones: list[Id] = Field(default_factory=list)
    goals: list[Id] = Field(default_factory=list)
    benefits: list[Id] = Field(default_factory=list)
    options: list[Id] = Field(default_factory=list)

    @property
    def affects(self) -> list[str]:
        """Every record the decision names, in the order a paper lists them."""
        return [*self.risks, *self.milestones, *self.goals, *self.benefits, *self.options]


class MeetingAction(Record):
    """What someone agreed at the meeting to do by a date."""

    action: str
    owner: Id | None = None
    due: IsoDate | None = None
    done: Flag = False
    completed: IsoDate | None = None


class Meeting(Record):
    id: Id
    group: Id
    """The governance group (psp.yaml) whose meeting this is."""
    date: IsoDate
    time: str | None = None
    location: str | None = None
    status: MeetingStatus = "planned"
    attendees: list[Id] = Field(default_factory=list)
    apologies: list[Id] = Field(default_factory=list)
    agenda: list[str] = Field(default_factory=list)
    decisions: Annotated[list[Decision], Records("decision")] = Field(default_factory=list)
    actions: list[MeetingAction] = Field(default_factory=list)
    notes: str | None = None


class MeetingsFile(Record):
    meetings: Annotated[list[Meeting], Records("meeting")] = Field(default_factory=list)
