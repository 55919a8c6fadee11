"""Weighted scoring, shared by the options appraisal and partner selection.

Scores run 1–5 and each criterion has a weight. An option's weighted score is the sum of
weight × score, shown out of 100: the sum divided by the most it could be (5 × total weight).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Criterion

MAX_SCORE = 5


@dataclass
class Ranked:
    id: str
    name: str
    weighted: float
    """Sum of weight × score."""
    score: float
    """Weighted score out of 100."""
    rank: int
    """Competition ranking: two options tied for first are both 1, the next is 3."""
    tied: bool


def weighted_sum(scores: Mapping[str, int], criteria: Sequence[Criterion]) -> float:
    return sum(c.weight * scores.get(c.id, 0) for c in criteria)


def out_of_100(weighted: float, criteria: Sequence[Criterion]) -> float:
    total = sum(c.weight for c in criteria)
    return 100 * weighted / (MAX_SCORE * total) if total else 0.0


def rank(
    items: Sequence[tuple[str, str, Mapping[str, int]]], criteria: Sequence[Criterion]
) -> list[Ranked]:
    """Rank (id, name, scores) by weighted score, highest first; ties share a rank and keep
    the order of the file."""
    sums = [(item_id, name, weighted_sum(scores, criteria)) for item_id, name, scores in items]
    order = sorted(range(len(sums)), key=lambda i: (-_round(sums[i][2]), i))
    counts = Counter(_round(total) for _, _, total in sums)
    out: list[Ranked] = []
    previous: float | None = None
    current = 0
    for position, i in enumerate(order):
        item_id, name, total = sums[i]
        key = _round(total)
        if key != previous:
            current, previous = position + 1, key
        out.append(
            Ranked(item_id, name, total, out_of_100(total, criteria), current, counts[key] > 1)
        )
    return out


def _round(value: float) -> float:
    """Compare sums to nine places, so 0.1 + 0.2 ties with 0.3."""
    return round(value, 9)
