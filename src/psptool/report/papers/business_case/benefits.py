"""Benefits realisation and the goals: the plan (benefit → KPI → baseline → target → owner →
date, cashable or not), each benefit's measurements and progress, the evidence for each goal,
and the one-line summary of where the benefits stand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ....model import Project
from ....vocabulary import BENEFIT_KIND_LABELS, TERM_LABELS
from ...formatting import long_date, number, percent
from ...people import owner_names
from ...wording import agree, in_words, join
from .raid import fill

if TYPE_CHECKING:
    from ....analysis.benefits import BenefitProgress, BenefitsAnalysis
    from ....analysis.common import Period

RAG_ORDER = {"green": 0, "amber": 1, "red": 2}


NOT_SET = "Not yet set"
"""A goal's or benefit's cell the partners have not filled in (`psp validate` warns)."""


@dataclass(frozen=True)
class BenefitRow:
    id: str
    title: str
    kpi: str
    baseline: str
    target: str
    owner: str
    date: str
    """The target date."""
    kind: str
    cashable: str
    """"Cashable" or "Non-cashable", as the realisation plan's column reads."""
    goal: str
    latest: str
    latest_date: str
    progress: str
    """The share of the way from baseline to target at the latest measurement."""
    rag: str
    fill: str
    reason: str
    measurements: tuple[str, ...]
    """Each measurement to date: "Jan 2011: 48%"."""


@dataclass(frozen=True)
class GoalRow:
    """A SMART goal with its baseline and target, and the evidence so far: the latest value
    of every benefit that measures it, with the worst of their RAGs."""

    id: str
    title: str
    term: str
    measure: str
    baseline: str
    target: str
    due: str
    owner: str
    relevance: str
    smart: str
    """"yes" or "no"."""
    evidence: str
    rag: str
    fill: str
    blank: bool = False
    """Nothing set yet (no measure, baseline, target, date or owner): left out of the
    tables and said once in a sentence (`goals_unset`)."""


def goals_unset(rows: tuple[GoalRow, ...]) -> str:
    """The goals with nothing set yet, in one sentence: "The partners have not yet set a
    measure, baseline, target, date or owner for More carers get a regular break."."""
    blank = [g.title for g in rows if g.blank]
    if not blank:
        return ""
    return (
        "The partners have not yet set a measure, baseline, target, date or owner for "
        + join(blank)
        + "."
    )


def benefits(project: Project, as_of: date) -> tuple[tuple[BenefitRow, ...], BenefitsAnalysis]:
    """The benefits realisation plan, by id, and the analysis it comes from."""
    from ....analysis import analyse_benefits
    from ....analysis.common import natural_key

    names = owner_names(project)
    analysis = analyse_benefits(project, as_of)
    progress = {b.id: b for b in analysis.benefits}
    rows = []
    for benefit in sorted(project.benefits.benefits, key=lambda b: natural_key(b.id)):
        p = progress[benefit.id]
        measured = sorted(
            (m for m in benefit.measurements if m.date <= as_of), key=lambda m: m.date
        )
        rows.append(
            BenefitRow(
                id=benefit.id,
                title=benefit.title,
                kpi=benefit.kpi or NOT_SET,
                baseline=number(benefit.baseline, benefit.unit) or NOT_SET,
                target=number(benefit.target, benefit.unit) or NOT_SET,
                owner=names.get(benefit.owner, benefit.owner) if benefit.owner else NOT_SET,
                date=long_date(benefit.target_date) or NOT_SET,
                kind=BENEFIT_KIND_LABELS.get(benefit.kind or "", ""),
                cashable="Cashable" if benefit.kind == "cashable" else "Non-cashable",
                goal=benefit.goal or "",
                latest=number(p.latest, benefit.unit),
                latest_date=long_date(p.latest_date),
                progress=percent(p.progress),
                rag=p.rag or "",
                fill=fill(p.rag),
                reason=p.reason,
                measurements=tuple(
                    f"{m.date:%B %Y}: {number(m.value, benefit.unit)}" for m in measured
                ),
            )
        )
    return tuple(rows), analysis


def goals(project: Project, analysis: BenefitsAnalysis) -> tuple[GoalRow, ...]:
    from ....analysis import analyse_goals

    names = owner_names(project)
    smart = {g.id: g.smart for g in analyse_goals(project).goals}
    goal_of = {b.id: b.goal for b in project.benefits.benefits}
    rows = []
    for goal in project.goals.goals:
        linked = [b for b in analysis.benefits if goal_of.get(b.id) == goal.id]
        rags = [b.rag for b in linked if b.rag]
        rag = max(rags, key=lambda r: RAG_ORDER[r]) if rags else ""
        evidence = [
            f"{b.title}: {number(b.latest, b.unit)}"
            + (f" ({percent(b.progress)} of the way to target)" if b.progress is not None else "")
            for b in linked
            if b.latest is not None
        ]
        rows.append(
            GoalRow(
                id=goal.id,
                title=goal.title,
                term=TERM_LABELS.get(goal.term or "", ""),
                measure=goal.measure or NOT_SET,
                baseline=number(goal.baseline, goal.unit) or NOT_SET,
                target=number(goal.target, goal.unit) or NOT_SET,
                due=long_date(goal.due) or NOT_SET,
                owner=names.get(goal.owner, goal.owner) if goal.owner else NOT_SET,
                relevance=goal.relevance or "",
                smart="yes" if smart[goal.id] else "no",
                evidence="; ".join(evidence) or "Not yet measured",
                rag=rag,
                fill=fill(rag),
                blank=not (
                    goal.measure
                    or goal.baseline is not None
                    or goal.target is not None
                    or goal.due
                    or goal.owner
                ),
            )
        )
    return tuple(rows)


# the summary ------------------------------------------------------------------------------


class _Wording(NamedTuple):
    """How the benefits summary words one state a benefit can be in."""

    one: str
    """After a count of one (or none): `1 is behind it`, `none is behind it`."""
    several: str
    """After a count of several: `6 are behind it`."""
    every: str
    """When every one of several benefits is in this state: {all} benefits are (`All 8`,
    `Both`), {none_of} benefits has (`None of the 8`, `Neither of the 2`)."""
    only: str
    """When there is only one benefit: `The benefit …`."""


BENEFIT_STATES: dict[str, _Wording] = {
    "green": _Wording(
        "is on or ahead of the straight line to its target",
        "are on or ahead of the straight line to their target",
        "{all} benefits are on or ahead of the straight line to their target.",
        "The benefit is on or ahead of the straight line to its target.",
    ),
    "amber": _Wording(
        "is behind it by no more than a quarter of the way",
        "are behind it by no more than a quarter of the way",
        "{all} benefits are amber: each is behind a straight-line path to its target by no "
        "more than a quarter of the distance from baseline to target.",
        "The benefit is amber: it is behind a straight-line path to its target by no more "
        "than a quarter of the distance from baseline to target.",
    ),
    "red": _Wording(
        "is further behind",
        "are further behind",
        "{all} benefits are behind the straight line to their target by more than a quarter "
        "of the way from baseline to target.",
        "The benefit is behind the straight line to its target by more than a quarter of the "
        "way from baseline to target.",
    ),
    "stale": _Wording(
        "was last measured more than {period} ago",
        "were last measured more than {period} ago",
        "{all} benefits were last measured more than {period} ago.",
        "The benefit was last measured more than {period} ago.",
    ),
    "never": _Wording(
        "has not been measured although the partnership started more than {period} ago",
        "have not been measured although the partnership started more than {period} ago",
        "{none_of} benefits has been measured although the partnership started more "
        "than {period} ago.",
        "The benefit has not been measured although the partnership started more than "
        "{period} ago.",
    ),
    "unmeasured": _Wording(
        "has not yet been measured",
        "have not yet been measured",
        "{none_of} benefits has yet been measured.",
        "The benefit has not yet been measured.",
    ),
    "incomplete": _Wording(
        "has no baseline or target to measure against",
        "have no baseline or target to measure against",
        "{none_of} benefits has a baseline and a target to measure against.",
        "The benefit has no baseline or target to measure against.",
    ),
    "undated": _Wording(
        "has no target date to measure progress against",
        "have no target date to measure progress against",
        "{none_of} benefits has a target date to measure progress against.",
        "The benefit has no target date to measure progress against.",
    ),
}
"""The states a benefit can be in, in the order the summary lists them."""
ON_THE_LINE = ("green", "amber", "red")
"""The states of a benefit measured recently, against the line from baseline to target:
the summary always gives all three, so "behind it" has the line to refer to."""


def _state(benefit: BenefitProgress, as_of: date, period: Period) -> str:
    """Where a benefit stands: on the line (green), a little (amber) or far behind it (red)
    at a recent measurement; or why it cannot be compared with the line: measured too long
    ago (stale), never measured though a period has passed (never), not yet measured, no
    baseline or target (incomplete), or no target date (undated)."""
    if benefit.baseline is None or benefit.target is None:
        return "incomplete"
    if benefit.latest_date is None:
        return "never" if benefit.rag == "red" else "unmeasured"
    if as_of > period.after(benefit.latest_date):
        return "stale"
    if benefit.rag is None:
        return "undated"
    return str(benefit.rag)


def benefits_summary(analysis: BenefitsAnalysis, as_of: date) -> str:
    """How many benefits are on, a little behind or far behind the straight line to their
    target, and how many cannot be compared with it, and why: "Of the 8 benefits, 6 are on or
    ahead of the straight line to their target, 2 are behind it by no more than a quarter of
    the way, and none is further behind." """
    found = analysis.benefits
    if not found:
        return "No benefits are recorded yet."
    period = str(analysis.period)
    states = [_state(b, as_of, analysis.period) for b in found]
    counts = {state: states.count(state) for state in BENEFIT_STATES}
    total = len(found)
    if len(set(states)) == 1:
        wording = BENEFIT_STATES[states[0]]
        return (wording.only if total == 1 else wording.every).format(
            all="Both" if total == 2 else f"All {in_words(total)}",
            none_of="Neither of the two" if total == 2 else f"None of the {in_words(total)}",
            period=period,
        )
    parts = []
    if any(counts[state] for state in ON_THE_LINE):
        parts.append(join([agree(counts[s], *BENEFIT_STATES[s][:2]) for s in ON_THE_LINE]))
    others = [
        agree(counts[s], *BENEFIT_STATES[s][:2]).format(period=period)
        for s in BENEFIT_STATES
        if s not in ON_THE_LINE and counts[s]
    ]
    if others:
        parts.append(join(others))
    return f"Of the {in_words(total)} benefits, " + "; ".join(parts) + "."
