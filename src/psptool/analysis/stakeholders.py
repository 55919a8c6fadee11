"""The stakeholder map: each stakeholder's quadrant by interest and influence, and who the
communications plan does not reach."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Project

HIGH = 3
"""A rating of 3 or more (out of 5) counts as high."""

QUADRANTS = ("manage closely", "keep satisfied", "keep informed", "monitor")


def quadrant(interest: int | None, influence: int | None) -> str | None:
    if interest is None or influence is None:
        return None
    if influence >= HIGH:
        return "manage closely" if interest >= HIGH else "keep satisfied"
    return "keep informed" if interest >= HIGH else "monitor"


@dataclass
class StakeholderPlace:
    id: str
    name: str
    interest: int | None
    influence: int | None
    quadrant: str | None
    communications: list[str]
    """Ids of the communications that reach this stakeholder."""


@dataclass
class StakeholderMap:
    stakeholders: list[StakeholderPlace]
    unreached: list[str]

    def in_quadrant(self, name: str) -> list[str]:
        return [s.id for s in self.stakeholders if s.quadrant == name]


def map_stakeholders(project: Project) -> StakeholderMap:
    comms = project.stakeholders.communications
    places = []
    for s in project.stakeholders.stakeholders:
        reaching = [c.id for c in comms if s.id in c.audience]
        places.append(
            StakeholderPlace(
                s.id, s.name, s.interest, s.influence, quadrant(s.interest, s.influence), reaching
            )
        )
    order = {name: i for i, name in enumerate(QUADRANTS)}
    places.sort(
        key=lambda p: (order.get(p.quadrant or "", 9), -(p.influence or 0), -(p.interest or 0))
    )
    return StakeholderMap(places, [p.id for p in places if not p.communications])
