"""The options appraisal: weighted scores out of 100, ranking with ties, the preferred
option, how sensitive the winner is to each weight, how often each option wins under random
weights, and cost per point."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..model import Criterion, Option, OptionsFile, Project
from .weighting import Ranked, rank

DRAWS = 10_000
SEED = 20100201
"""Fixed, so the same folder always gives the same shares."""


@dataclass
class OptionScore:
    id: str
    name: str
    do_nothing: bool
    cost: float | None
    weighted: float
    score: float
    """Out of 100."""
    rank: int
    tied: bool
    preferred: bool
    cost_per_point: float | None
    """Cost divided by the score out of 100."""
    first_share: float
    """Share of random weightings in which this option alone comes first (0–1)."""


@dataclass
class Sensitivity:
    criterion: str
    name: str
    weight: float
    share: float
    """The criterion's current share of the total weight, in per cent."""
    switch_share: float | None
    """The share (per cent) at which another option would draw level with the leader."""
    change: float | None
    """switch_share − share, in percentage points; None when robust."""
    new_leader: str | None
    new_leaders: tuple[str, ...] = ()
    """Every option that draws level at `switch_share`, `new_leader` first: two rivals can
    cross the leader at the same share."""

    @property
    def robust(self) -> bool:
        return self.switch_share is None


@dataclass
class OptionsAppraisal:
    options: list[OptionScore]
    leaders: list[str]
    """Ids of the top-scoring option, or of every option tied for first."""
    preferred: str | None
    preferred_is_top: bool | None
    sensitivity: list[Sensitivity] = field(default_factory=list)
    tied_draws: float = 0.0
    """Share of random weightings in which two or more options tie for first."""
    draws: int = DRAWS

    @property
    def tie_for_first(self) -> bool:
        return len(self.leaders) > 1


def appraise_options(project: Project, draws: int = DRAWS, seed: int = SEED) -> OptionsAppraisal:
    return appraise(project.options, draws, seed)


def appraise(opts: OptionsFile, draws: int = DRAWS, seed: int = SEED) -> OptionsAppraisal:
    criteria = opts.criteria
    items = [(o.id, o.name, o.scores) for o in opts.options]
    ranked = rank(items, criteria)
    by_id = {o.id: o for o in opts.options}
    firsts, tied_draws = _random_weights(opts, draws, seed) if criteria and items else ({}, 0.0)
    leaders = [r.id for r in ranked if r.rank == 1]
    rows = [_row(r, by_id[r.id], opts.preferred, firsts.get(r.id, 0.0)) for r in ranked]
    sensitivity = _sensitivity(opts, leaders) if criteria and len(items) > 1 else []
    preferred_is_top = opts.preferred in leaders if opts.preferred in by_id else None
    return OptionsAppraisal(
        rows, leaders, opts.preferred, preferred_is_top, sensitivity, tied_draws, draws
    )


def _row(r: Ranked, option: Option, preferred: str | None, first_share: float) -> OptionScore:
    cost = option.cost
    per_point = cost / r.score if cost is not None and r.score > 0 else None
    return OptionScore(
        id=r.id,
        name=r.name,
        do_nothing=option.do_nothing,
        cost=cost,
        weighted=r.weighted,
        score=r.score,
        rank=r.rank,
        tied=r.tied,
        preferred=r.id == preferred,
        cost_per_point=per_point,
        first_share=first_share,
    )


def _sensitivity(opts: OptionsFile, leaders: list[str]) -> list[Sensitivity]:
    """For each criterion, the smallest change of its share of the total weight at which
    another option draws level with the leader.

    Changing one criterion's share t while the others keep their proportions makes every
    option's score linear in t: t·x + (1 − t)·R, where x is the option's score on the
    criterion and R its weighted average on the others. So each rival's crossing point is
    one division, and the nearest crossing inside 0–100 % is the answer.
    """
    criteria: list[Criterion] = opts.criteria
    total = sum(c.weight for c in criteria)
    options = {o.id: o.scores for o in opts.options}
    leader = leaders[0]
    out = []
    for c in criteria:
        share = c.weight / total
        rest = total - c.weight
        best: tuple[float, str] | None = None
        level: list[tuple[float, str]] = []
        if rest > 0 and len(leaders) == 1:

            def other(scores: dict[str, int], c: Criterion = c, rest: float = rest) -> float:
                return sum(k.weight * scores.get(k.id, 0) for k in criteria if k is not c) / rest

            x_lead, r_lead = options[leader].get(c.id, 0), other(options[leader])
            for rival, scores in options.items():
                if rival == leader:
                    continue
                x_rival, r_rival = scores.get(c.id, 0), other(scores)
                # lead(t) − rival(t) = a + t·b, with a and b as below
                a = r_lead - r_rival
                b = (x_lead - x_rival) - a
                if b == 0:
                    continue
                t = -a / b
                if -1e-12 <= t <= 1 + 1e-12 and abs(t - share) > 1e-12:
                    t = min(max(t, 0.0), 1.0)
                    level.append((t, rival))
                    if best is None or abs(t - share) < abs(best[0] - share):
                        best = (t, rival)
        out.append(
            Sensitivity(
                criterion=c.id,
                name=c.name,
                weight=c.weight,
                share=100 * share,
                switch_share=100 * best[0] if best else None,
                change=100 * (best[0] - share) if best else None,
                new_leader=best[1] if best else None,
                new_leaders=tuple(
                    [best[1]] + [r for t, r in level if r != best[1] and abs(t - best[0]) < 1e-9]
                )
                if best
                else (),
            )
        )
    return out


def _random_weights(opts: OptionsFile, draws: int, seed: int) -> tuple[dict[str, float], float]:
    """Share of weightings, drawn uniformly from all possible ones, in which each option
    comes first alone; and the share in which first place is tied."""
    rng = random.Random(seed)
    ids = [o.id for o in opts.options]
    matrix = [[o.scores.get(c.id, 0) for c in opts.criteria] for o in opts.options]
    wins = dict.fromkeys(ids, 0)
    ties = 0
    n = len(opts.criteria)
    for _ in range(draws):
        # exponential draws, normalised, are uniform on the simplex (Dirichlet(1, ..., 1))
        weights = [rng.expovariate(1.0) for _ in range(n)]
        totals = [sum(w * s for w, s in zip(weights, row, strict=True)) for row in matrix]
        top = max(totals)
        winners = [i for i, t in enumerate(totals) if t >= top - 1e-12 * max(1.0, abs(top))]
        if len(winners) == 1:
            wins[ids[winners[0]]] += 1
        else:
            ties += 1
    return {k: v / draws for k, v in wins.items()}, ties / draws
