"""The RAID log scored: likelihood × impact, RAG by the partnership's risk matrix, the
residual score aimed for, actions and reviews, and a 5 × 5 heat map."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Project, Risk
from ..model.partnership import RiskMatrix
from .common import Rag, natural_key

REVIEW_DUE_DAYS = 14
"""A review is 'due' when it falls within a fortnight (the usual operational meeting cycle)."""


def rag(score: int, matrix: RiskMatrix) -> Rag:
    """Green below amber, amber from amber up to red, red from red up."""
    if score >= matrix.red:
        return "red"
    if score >= matrix.amber:
        return "amber"
    return "green"


@dataclass
class RiskScore:
    id: str
    type: str
    title: str
    status: str
    owner: str | None
    likelihood: int
    impact: int
    score: int
    rag: Rag
    target_score: int | None
    target_rag: Rag | None
    open_actions: int
    overdue_actions: int
    review: date | None
    review_state: str
    """overdue, due (within a fortnight), scheduled, or none"""


@dataclass
class HeatCell:
    likelihood: int
    impact: int
    score: int
    rag: Rag
    count: int
    ids: list[str]


@dataclass
class RiskRegister:
    as_of: date
    amber: int
    red: int
    risks: list[RiskScore]
    heatmap: list[HeatCell] = field(default_factory=list)
    """25 cells, likelihood 5 down to 1, impact 1 up to 5; open entries only."""

    def counts(self) -> dict[str, int]:
        """Open entries by RAG."""
        out = {"red": 0, "amber": 0, "green": 0}
        for r in self.risks:
            if r.status == "open":
                out[r.rag] += 1
        return out

    def cell(self, likelihood: int, impact: int) -> HeatCell:
        return next(c for c in self.heatmap if (c.likelihood, c.impact) == (likelihood, impact))


def _review_state(review: date | None, as_of: date, status: str) -> str:
    if review is None or status != "open":
        return "none"
    if review < as_of:
        return "overdue"
    if review <= as_of + timedelta(days=REVIEW_DUE_DAYS):
        return "due"
    return "scheduled"


def score_risk(risk: Risk, matrix: RiskMatrix, as_of: date) -> RiskScore:
    target = risk.target
    target_score = target.likelihood * target.impact if target else None
    open_actions = [a for a in risk.actions if not a.done]
    return RiskScore(
        id=risk.id,
        type=risk.type,
        title=risk.title,
        status=risk.status,
        owner=risk.owner,
        likelihood=risk.likelihood,
        impact=risk.impact,
        score=risk.score,
        rag=rag(risk.score, matrix),
        target_score=target_score,
        target_rag=rag(target_score, matrix) if target_score is not None else None,
        open_actions=len(open_actions),
        overdue_actions=sum(1 for a in open_actions if a.due is not None and a.due < as_of),
        review=risk.review,
        review_state=_review_state(risk.review, as_of, risk.status),
    )


def score_risks(project: Project, as_of: date) -> RiskRegister:
    """Every RAID entry scored; open before closed, highest score first, then by id."""
    matrix = project.psp.risk_matrix
    scored = [score_risk(r, matrix, as_of) for r in project.risks.risks]
    scored.sort(key=lambda r: (r.status != "open", -r.score, natural_key(r.id)))
    cells = []
    for likelihood in range(5, 0, -1):
        for impact in range(1, 6):
            ids = [
                r.id
                for r in scored
                if r.status == "open" and (r.likelihood, r.impact) == (likelihood, impact)
            ]
            score = likelihood * impact
            cells.append(HeatCell(likelihood, impact, score, rag(score, matrix), len(ids), ids))
    return RiskRegister(as_of, matrix.amber, matrix.red, scored, cells)
