"""SMART goals: a verdict per letter with the reason for each that fails."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Project
from ..model.goal import SMART_LETTERS, smart_gaps


@dataclass
class GoalVerdict:
    id: str
    title: str
    term: str | None
    letters: dict[str, bool]
    """S, M, A, R, T: True where the goal meets it."""
    reasons: dict[str, str]
    """For each failing letter, why."""

    @property
    def smart(self) -> bool:
        return all(self.letters.values())


@dataclass
class GoalsAnalysis:
    goals: list[GoalVerdict]

    @property
    def smart_count(self) -> int:
        return sum(1 for g in self.goals if g.smart)


def analyse_goals(project: Project) -> GoalsAnalysis:
    linked = {b.goal for b in project.benefits.benefits if b.goal}
    verdicts = []
    for goal in project.goals.goals:
        gaps = smart_gaps(goal, project.psp.start, project.psp.end, goal.id in linked)
        verdicts.append(
            GoalVerdict(
                goal.id,
                goal.title,
                goal.term,
                {letter: letter not in gaps for letter in SMART_LETTERS},
                gaps,
            )
        )
    return GoalsAnalysis(verdicts)
