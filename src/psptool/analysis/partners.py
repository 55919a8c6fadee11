"""Partner selection: expressions of interest scored against the published criteria."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Project
from .weighting import rank


@dataclass
class CandidateScore:
    id: str
    name: str
    sector: str | None
    status: str
    weighted: float
    score: float
    rank: int
    tied: bool


@dataclass
class SelectionRanking:
    candidates: list[CandidateScore]
    criteria: list[tuple[str, str, float]]
    """(id, name, weight) of each criterion."""


def rank_candidates(project: Project) -> SelectionRanking:
    selection = project.partners.selection
    if selection is None:
        return SelectionRanking([], [])
    by_id = {c.id: c for c in selection.candidates}
    ranked = rank([(c.id, c.name, c.scores) for c in selection.candidates], selection.criteria)
    rows = [
        CandidateScore(
            id=r.id,
            name=r.name,
            sector=by_id[r.id].sector,
            status=by_id[r.id].status,
            weighted=r.weighted,
            score=r.score,
            rank=r.rank,
            tied=r.tied,
        )
        for r in ranked
    ]
    return SelectionRanking(rows, [(c.id, c.name, c.weight) for c in selection.criteria])
