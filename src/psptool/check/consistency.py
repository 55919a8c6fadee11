"""Consistency: the plan has no cycles, dates are in order and inside the partnership's life."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ..diagnostics import Diagnostic
from ..model import Funder, Milestone, Project
from .context import CheckContext
from .registry import rule


@rule("PSP301")
def milestone_cycles(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Report each dependency cycle once, at the first milestone of it in the file."""
    milestones = ctx.project.milestones.milestones
    index = {m.id: i for i, m in enumerate(milestones)}
    graph = {m.id: [d for d in m.depends_on if d in index] for m in milestones}
    for cycle in find_cycles(graph):
        first = min(cycle, key=lambda mid: index[mid])
        start = cycle.index(first)
        ordered = cycle[start:] + cycle[:start]
        chain = " → ".join([*ordered, first])
        yield ctx.at(
            "PSP301",
            f"milestones depend on each other in a cycle: {chain}",
            "milestones.yaml",
            ("milestones", index[first], "depends_on"),
            hint="a milestone cannot wait, through others, for itself; remove one dependency",
        )


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Elementary cycles found by depth-first search, one per back edge, without repeats."""
    colour: dict[str, int] = dict.fromkeys(graph, 0)  # 0 new, 1 on stack, 2 done
    stack: list[str] = []
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for start in graph:
        if colour[start]:
            continue
        # iterative DFS so a long chain cannot exhaust Python's recursion limit
        work: list[tuple[str, Iterator[str]]] = [(start, iter(graph[start]))]
        colour[start] = 1
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                stack.pop()
                colour[node] = 2
            elif colour[child] == 1:
                cycle = stack[stack.index(child) :]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    cycles.append(list(cycle))
            elif colour[child] == 0:
                colour[child] = 1
                stack.append(child)
                work.append((child, iter(graph[child])))
    return cycles


@rule("PSP302")
def milestone_order(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A milestone due before one it depends on cannot be met as planned."""
    milestones = ctx.project.milestones.milestones
    by_id = {m.id: m for m in milestones}
    for i, ms in enumerate(milestones):
        for j, dep_id in enumerate(ms.depends_on):
            dep = by_id.get(dep_id)
            if dep is None or dep is ms or ms.due is None or dep.due is None:
                continue
            if ms.due < dep.due:
                yield ctx.at(
                    "PSP302",
                    f"milestone {ms.id} is due {ms.due} but depends on {dep.id}, due later "
                    f"({dep.due})",
                    "milestones.yaml",
                    ("milestones", i, "depends_on", j),
                    value=True,
                    hint=f"move {ms.id} after {dep.due} or {dep.id} before {ms.due}",
                )


def _outside(when: date | None, start: date | None, end: date | None) -> bool:
    return when is not None and (
        (start is not None and when < start) or (end is not None and when > end)
    )


@rule("PSP303")
def dates_in_range(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Plan dates fall inside the partnership's start and end."""
    psp = ctx.project.psp
    start, end = psp.start, psp.end
    if start is None and end is None:
        return
    span = f"{start or '…'} to {end or '…'}"

    def outside(ms: Milestone) -> bool:
        return _outside(ms.due, start, end)

    for i, ms in enumerate(ctx.project.milestones.milestones):
        if outside(ms):
            yield ctx.at(
                "PSP303",
                f"milestone {ms.id} is due {ms.due}, outside the partnership's dates ({span})",
                "milestones.yaml",
                ("milestones", i, "due"),
                value=True,
                hint="move the milestone, or change start/end in psp.yaml",
            )
    if psp.pilot is not None:
        for key in ("start", "end"):
            when = getattr(psp.pilot, key)
            if _outside(when, start, end):
                yield ctx.at(
                    "PSP303",
                    f"the pilot's {key} ({when}) is outside the partnership's dates ({span})",
                    "psp.yaml",
                    ("pilot", key),
                    value=True,
                )


@rule("PSP304")
def not_in_future(ctx: CheckContext) -> Iterator[Diagnostic]:
    """What has happened cannot be dated after the as-of date."""
    p, as_of = ctx.project, ctx.as_of
    hint = f"the as-of date is {as_of}; use --as-of to check the folder as at another date"
    for i, ms in enumerate(p.milestones.milestones):
        if ms.completed is not None and ms.completed > as_of:
            yield ctx.at(
                "PSP304",
                f"milestone {ms.id} is marked completed on {ms.completed}, after {as_of}",
                "milestones.yaml",
                ("milestones", i, "completed"),
                value=True,
                hint=hint,
            )
    for i, benefit in enumerate(p.benefits.benefits):
        for j, m in enumerate(benefit.measurements):
            if m.date > as_of:
                yield ctx.at(
                    "PSP304",
                    f"benefit {benefit.id} has a measurement dated {m.date}, after {as_of}",
                    "benefits.yaml",
                    ("benefits", i, "measurements", j, "date"),
                    value=True,
                    hint=hint,
                )
    for i, approval in enumerate(p.psp.approvals):
        if approval.date is not None and approval.date > as_of:
            yield ctx.at(
                "PSP304",
                f"{approval.document} approval by {approval.partner} is dated {approval.date}, "
                f"after {as_of}",
                "psp.yaml",
                ("approvals", i, "date"),
                value=True,
                hint=hint,
            )


@rule("PSP305")
def start_before_end(ctx: CheckContext) -> Iterator[Diagnostic]:
    psp = ctx.project.psp
    pairs: list[tuple[str, tuple[str, ...], str, date | None, date | None]] = [
        ("psp.yaml", (), "the partnership", psp.start, psp.end)
    ]
    if psp.pilot is not None:
        pairs.append(("psp.yaml", ("pilot",), "the pilot", psp.pilot.start, psp.pilot.end))
    evaluation = ctx.project.sustainability.evaluation
    if evaluation is not None:
        pairs.append(
            (
                "sustainability.yaml",
                ("evaluation",),
                "the evaluation",
                evaluation.start,
                evaluation.end,
            )
        )
    for file, base, what, start, end in pairs:
        if start is not None and end is not None and end < start:
            yield ctx.at(
                "PSP305",
                f"{what} ends ({end}) before it starts ({start})",
                file,
                (*base, "end"),
                value=True,
            )


@rule("PSP306")
def risk_matrix(ctx: CheckContext) -> Iterator[Diagnostic]:
    matrix = ctx.project.psp.risk_matrix
    if matrix.amber >= matrix.red:
        yield ctx.at(
            "PSP306",
            f"risk_matrix amber ({matrix.amber}) must be below red ({matrix.red})",
            "psp.yaml",
            ("risk_matrix",),
            hint="scores run from 1 to 25; the usual thresholds are amber: 5, red: 15",
        )


@rule("PSP307", "PSP308")
def risk_dates(ctx: CheckContext) -> Iterator[Diagnostic]:
    for i, risk in enumerate(ctx.project.risks.risks):
        if risk.target is not None and risk.target.likelihood * risk.target.impact > risk.score:
            yield ctx.at(
                "PSP307",
                f"risk {risk.id}: target score {risk.target.likelihood * risk.target.impact} is "
                f"higher than the current score {risk.score}",
                "risks.yaml",
                ("risks", i, "target"),
                hint="the target is the score aimed for once the actions are done",
            )
        if risk.raised is None:
            continue
        for key in ("closed", "escalated"):
            when = getattr(risk, key)
            if when is not None and when < risk.raised:
                yield ctx.at(
                    "PSP308",
                    f"risk {risk.id} is {key} on {when}, before it was raised ({risk.raised})",
                    "risks.yaml",
                    ("risks", i, key),
                    value=True,
                )


@rule("PSP309")
def budget_decisions_in_time(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A council cannot award a contract (or issue a tender, or agree a grant) before its
    budget decision has set the money aside: a funder deciding after the milestone that
    commits the spend leaves the partners committing money nobody has agreed."""
    for late in late_budget_decisions(ctx.project):
        verb = "done" if late.milestone.completed else "due"
        yield ctx.at(
            "PSP309",
            f"funder {late.funder.id} sets its budget on {late.decision}, after milestone "
            f"{late.milestone.id} ({late.milestone.title}, {verb} {late.committed_on}) "
            "commits the spend",
            "sustainability.yaml",
            ("funders", late.index, "budget_cycle"),
            value=True,
            hint=f"move {late.milestone.id} after {late.decision}, or agree the funding "
            f"before {late.committed_on}",
        )


COMMITTING_WORDS = ("awarded", "award", "tendered", "tender", "contract", "grant", "call-off")
"""Words of a milestone's title that say it commits the partners to spend: a tender issued,
a contract awarded, a grant agreed."""

FRAMEWORK_WORDS = ("framework",)
"""A framework agreement sets the terms on which the partners may buy but obliges nobody to
buy: awarding one commits no spend. The spend is committed by the first call-off or
contract under it, so a milestone naming a framework commits only when it also names a
contract or a call-off."""

SPENDING_UNDER_FRAMEWORK = ("contract", "call-off")


def spend_commitment(project: Project) -> Milestone | None:
    """The milestone that commits the partners to the service's spend: the first, by due
    date, whose title names a tender, an award, a contract, a call-off or a grant (the step
    the route to sustainability depends on), except a framework's award, which commits no
    spend until a contract or call-off under it; else the last milestone of the sustain
    stage, when the service starts; else none."""
    import re

    dated = sorted((m for m in project.milestones.milestones if m.due), key=_due)
    pattern = re.compile(r"\b(" + "|".join(COMMITTING_WORDS) + r")\b", re.IGNORECASE)
    framework = re.compile(r"\b(" + "|".join(FRAMEWORK_WORDS) + r")\b", re.IGNORECASE)
    spending = re.compile(r"\b(" + "|".join(SPENDING_UNDER_FRAMEWORK) + r")", re.IGNORECASE)
    named = [
        m
        for m in dated
        if pattern.search(m.title) and (not framework.search(m.title) or spending.search(m.title))
    ]
    if named:
        return named[0]
    sustain = [m for m in dated if m.stage == "sustain"]
    return sustain[-1] if sustain else None


def _due(milestone: Milestone) -> date:
    return milestone.completed or milestone.due or date.max


@dataclass(frozen=True)
class LateBudgetDecision:
    """A funder that sets its budget after the milestone that commits the spend."""

    index: int
    """Its place in sustainability.yaml's funders."""
    funder: Funder
    decision: date
    milestone: Milestone
    committed_on: date


def late_budget_decisions(project: Project) -> list[LateBudgetDecision]:
    """Funders (not declined) whose budget decision falls after the milestone that commits
    the spend: a council cannot award a contract before its budget decision."""
    milestone = spend_commitment(project)
    if milestone is None:
        return []
    when = _due(milestone)
    return [
        LateBudgetDecision(i, f, f.budget_cycle, milestone, when)
        for i, f in enumerate(project.sustainability.funders)
        if f.budget_cycle is not None and f.status != "declined" and f.budget_cycle > when
    ]


@rule("PSP310")
def full_business_case_before_pilot(ctx: CheckContext) -> Iterator[Diagnostic]:
    """The full business case reports a pilot of at least 12 months: a milestone delivering
    it, due before such a pilot can end, cannot be met as planned (its standing is Held up)."""
    from ..analysis.practice import delivers, pilot_earliest_end

    earliest = pilot_earliest_end(ctx.project, ctx.as_of)
    if earliest is None:
        return
    for i, ms in enumerate(ctx.project.milestones.milestones):
        if delivers(ms) != "full_business_case" or ms.due is None or ms.completed is not None:
            continue
        if ms.due < earliest:
            yield ctx.at(
                "PSP310",
                f"milestone {ms.id} delivers the full business case on {ms.due}, before a "
                f"12-month pilot can have run (it cannot end before {earliest})",
                "milestones.yaml",
                ("milestones", i, "due"),
                value=True,
                hint=f"move {ms.id} to {earliest} or later, or set the pilot's dates in psp.yaml",
            )
