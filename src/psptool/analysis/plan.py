"""The plan analysed: dependency order, the critical path, slippage, what falls due next,
the projected end date against the partnership's end, and each milestone's standing in
words (`milestone_standing`)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..errors import PlanError
from ..model import Milestone, Project
from .common import Period, natural_key, reporting_period
from .practice import PILOT_MONTHS, delivers, pilot_earliest_end


@dataclass
class MilestoneState:
    id: str
    title: str
    stage: str | None
    owner: str | None
    due: date | None
    completed: date | None
    state: str
    """done, overdue, due (in the next reporting period), upcoming, or unscheduled"""
    slippage_days: int | None
    """completed − due for done milestones; as-of − due for open ones past due; else None"""
    forecast: date | None
    """When it is now expected: completed date, or its due date pushed back by slippage
    upstream and by being overdue."""
    critical: bool
    depends_on: list[str] = field(default_factory=list)
    """The milestones it waits for, as the plan lists them."""
    document: str | None = None
    """The paper it delivers (its `document`, else the paper its title names)."""


@dataclass
class PlanAnalysis:
    as_of: date
    period: Period
    period_end: date
    """Milestones due after the as-of date and up to this date are due next period."""
    order: list[str]
    """Every milestone after the ones it depends on (ties by due date, then file order)."""
    milestones: list[MilestoneState]
    critical_path: list[str]
    """From the first milestone to the last, following the dependency that finishes latest."""
    due_next_period: list[str]
    planned_end: date | None
    projected_end: date | None
    end_slippage_days: int | None
    """projected_end − planned_end (the PSP's end date); positive means late."""
    pilot_earliest_end: date | None = None
    """The earliest day a 12-month pilot can end: 12 months from the pilot's start, or,
    without one, from the day after the outline business case is planned to be signed off
    (or after the as-of date, if later). None without a full business case milestone."""

    def get(self, milestone_id: str) -> MilestoneState:
        return next(m for m in self.milestones if m.id == milestone_id)


def topological_order(milestones: list[Milestone]) -> list[str]:
    """Kahn's algorithm; raises PlanError naming the milestones caught in a cycle."""
    ids = {m.id for m in milestones}
    position = {m.id: i for i, m in enumerate(milestones)}
    due = {m.id: m.due or date.max for m in milestones}
    waiting = {m.id: {d for d in m.depends_on if d in ids} for m in milestones}
    dependants: dict[str, list[str]] = {m.id: [] for m in milestones}
    for m in milestones:
        for d in waiting[m.id]:
            dependants[d].append(m.id)
    ready = [(due[i], position[i], i) for i, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, _, current = heapq.heappop(ready)
        order.append(current)
        for nxt in dependants[current]:
            waiting[nxt].discard(current)
            if not waiting[nxt]:
                heapq.heappush(ready, (due[nxt], position[nxt], nxt))
    if len(order) < len(milestones):
        stuck = sorted((i for i in ids if i not in order), key=natural_key)
        raise PlanError(
            "the plan has a dependency cycle among milestones "
            + ", ".join(stuck)
            + "; run psp validate to see it"
        )
    return order


def analyse_plan(project: Project, as_of: date, period: Period | None = None) -> PlanAnalysis:
    milestones = project.milestones.milestones
    period = period or reporting_period(project)
    order = topological_order(milestones)
    by_id = {m.id: m for m in milestones}
    forecast: dict[str, date | None] = {}
    pilot_end = pilot_earliest_end(project, as_of)
    for mid in order:
        forecast[mid] = _forecast(by_id[mid], by_id, forecast, as_of)
        # the full business case cannot come before a 12-month pilot can end: its forecast
        # is no earlier, and what depends on it moves with it (#14: the papers forecast it
        # for a date they said could not be met)
        if pilot_end is not None and delivers(by_id[mid]) == "full_business_case":
            expected = forecast[mid]
            if expected is not None and by_id[mid].completed is None and expected < pilot_end:
                forecast[mid] = pilot_end
    critical = _critical_path(order, by_id, forecast)
    horizon = period.after(as_of)
    states = []
    for m in milestones:
        state, slip = _state(m, as_of, horizon)
        states.append(
            MilestoneState(
                id=m.id,
                title=m.title,
                stage=m.stage,
                owner=m.owner,
                due=m.due,
                completed=m.completed,
                state=state,
                slippage_days=slip,
                forecast=forecast[m.id],
                critical=m.id in critical,
                depends_on=list(m.depends_on),
                document=delivers(m),
            )
        )
    due_next = [
        s.id
        for s in sorted(states, key=lambda s: (s.due or date.max, natural_key(s.id)))
        if s.state == "due"
    ]
    dated = [f for f in forecast.values() if f is not None]
    projected = max(dated) if dated else None
    planned = project.psp.end
    slip_end = (projected - planned).days if projected and planned else None
    return PlanAnalysis(
        as_of,
        period,
        horizon,
        order,
        states,
        critical,
        due_next,
        planned,
        projected,
        slip_end,
        pilot_end,
    )


def _state(m: Milestone, as_of: date, horizon: date) -> tuple[str, int | None]:
    if m.completed is not None:
        return "done", (m.completed - m.due).days if m.due else None
    if m.due is None:
        return "unscheduled", None
    if m.due < as_of:
        return "overdue", (as_of - m.due).days
    if m.due <= horizon:
        return "due", None
    return "upcoming", None


def _forecast(
    m: Milestone, by_id: dict[str, Milestone], forecast: dict[str, date | None], as_of: date
) -> date | None:
    """Completed date if done; else the due date, no earlier than today when overdue, and
    pushed back by as much as any milestone it depends on is forecast to slip."""
    if m.completed is not None:
        return m.completed
    if m.due is None:
        return None
    expected = max(m.due, as_of)
    for dep_id in m.depends_on:
        dep = by_id.get(dep_id)
        dep_forecast = forecast.get(dep_id)
        if dep is None or dep_forecast is None or dep.due is None:
            continue
        gap = max((m.due - dep.due).days, 0)
        expected = max(expected, dep_forecast + timedelta(days=gap))
    return expected


def _critical_path(
    order: list[str], by_id: dict[str, Milestone], forecast: dict[str, date | None]
) -> list[str]:
    """Back from the milestone forecast to finish last, through the latest-finishing
    dependency each time."""
    dated = [mid for mid in order if forecast[mid] is not None]
    if not dated:
        return []
    last = max(dated, key=lambda mid: (forecast[mid], order.index(mid)))
    path = [last]
    current = last
    while True:
        deps = [d for d in by_id[current].depends_on if d in by_id and forecast.get(d)]
        if not deps:
            break
        current = max(deps, key=lambda d: (forecast[d], -order.index(d)))
        path.append(current)
    return list(reversed(path))


STANDINGS = ("Done", "Late", "Held up", "Forecast late", "On track", "Not yet due", "No date")
"""A milestone's standing, as papers write it, most settled first."""


@dataclass(frozen=True)
class MilestoneStanding:
    """Where one milestone stands as at a date, in a council officer's words.

    `state` is one of STANDINGS:

    - Done: completed (`when` is the completion date);
    - Late: open and past its due date (`when` is the due date);
    - Held up: open, and a milestone it depends on is due or forecast to finish after it is
      due, or it delivers the full business case and is due before a 12-month pilot can
      have ended (`when` is its forecast, no earlier than that pilot's end);
    - Forecast late: open and forecast past its due date by slippage upstream (`when` is
      its forecast);
    - On track: due within the next reporting period (`when` is the due date);
    - Not yet due: due later (`when` is the due date);
    - No date: no due date recorded (`when` is None).
    """

    id: str
    title: str
    state: str
    when: date | None
    due: date | None
    forecast: date | None
    slippage_days: int | None
    """Done: completed − due (negative when early); Late: as-of − due; Held up and Forecast
    late: forecast − due; On track and Not yet due: 0; No date: None."""
    held_up_by: tuple[str, ...]
    """Titles of the unfinished milestones it depends on that are due or forecast to
    finish after it is due (empty when done)."""
    text: str
    """A plain sentence: `Held up: due on 30 September 2026, but it depends on Full business
    case agreed (expected on 31 December 2026).`"""
    needs_pilot_until: date | None = None
    """For a full business case due before a 12-month pilot can have run: the earliest day
    that pilot can end (then Held up, and the last of `held_up_by` says so)."""

    @property
    def behind(self) -> bool:
        """Late, held up or forecast late: what makes the schedule amber or red."""
        return self.state in ("Late", "Held up", "Forecast late")


def milestone_standing(
    plan_or_project: PlanAnalysis | Project, milestone_id: str, as_of: date | None = None
) -> MilestoneStanding:
    """The standing of milestone `milestone_id`, from an analysed plan or from a project (then
    analysed as at `as_of`, which a project needs). Raises KeyError for an unknown id."""
    if isinstance(plan_or_project, PlanAnalysis):
        plan = plan_or_project
        if as_of is not None and as_of != plan.as_of:
            raise ValueError("the plan was analysed as at another date")
    else:
        if as_of is None:
            raise ValueError("a project's milestone standing needs an as-of date")
        plan = analyse_plan(plan_or_project, as_of)
    by_id = {m.id: m for m in plan.milestones}
    if milestone_id not in by_id:
        raise KeyError(milestone_id)
    return _standing(by_id[milestone_id], by_id, plan.as_of, plan.pilot_earliest_end)


def milestone_standings(plan: PlanAnalysis) -> list[MilestoneStanding]:
    """Every milestone's standing, in the plan's file order."""
    by_id = {m.id: m for m in plan.milestones}
    return [_standing(m, by_id, plan.as_of, plan.pilot_earliest_end) for m in plan.milestones]


def _standing(
    m: MilestoneState, by_id: dict[str, MilestoneState], as_of: date, pilot_end: date | None
) -> MilestoneStanding:
    def made(
        state: str, when: date | None, slip: int | None, held: tuple[str, ...], text: str
    ) -> MilestoneStanding:
        return MilestoneStanding(
            m.id, m.title, state, when, m.due, m.forecast, slip, held, text, needs_pilot
        )

    needs_pilot = None

    if m.completed is not None:
        slip = (m.completed - m.due).days if m.due else None
        text = f"Done on {_day(m.completed)}"
        if slip:
            text += f", {_days(abs(slip))} {'late' if slip > 0 else 'early'}"
        return made("Done", m.completed, slip, (), text + ".")
    if m.due is None:
        return made("No date", None, None, (), "No due date is set.")
    due = m.due
    holders = [
        (by_id[d].title, expected)
        for d in m.depends_on
        if d in by_id
        and by_id[d].completed is None
        and (expected := max(filter(None, (by_id[d].due, by_id[d].forecast)), default=None))
        and expected > due
    ]
    held = tuple(title for title, _ in holders)
    waiting = _join([f"{title} (expected on {_day(when)})" for title, when in holders])
    if m.due < as_of:
        slip = (as_of - m.due).days
        text = f"Late: due on {_day(m.due)}, {_days(slip)} ago"
        if holders:
            text += f"; it waits for {waiting}"
        return made("Late", m.due, slip, held, text + ".")
    forecast = m.forecast or m.due
    if m.document == "full_business_case" and pilot_end is not None and m.due < pilot_end:
        needs_pilot = pilot_end
        pilot = f"a {PILOT_MONTHS}-month pilot, which cannot end before {_day(pilot_end)}"
        held += (pilot,)
        waiting = f"{waiting}, and on {pilot}" if holders else pilot
        forecast = max(forecast, pilot_end)
        text = f"Held up: due on {_day(m.due)}, but it needs {waiting}."
        return made("Held up", forecast, (forecast - m.due).days, held, text)
    if holders:
        text = f"Held up: due on {_day(m.due)}, but it depends on {waiting}."
        return made("Held up", forecast, (forecast - m.due).days, held, text)
    if forecast > m.due:
        slip = (forecast - m.due).days
        text = (
            f"Forecast late: due on {_day(m.due)}, now expected on {_day(forecast)}"
            f" ({_days(slip)} late)."
        )
        return made("Forecast late", forecast, slip, held, text)
    if m.state == "due":
        return made("On track", m.due, 0, held, f"On track: due on {_day(m.due)}.")
    return made("Not yet due", m.due, 0, held, f"Not yet due: due on {_day(m.due)}.")


def _day(when: date) -> str:
    """30 June 2011 (analysis sits below report.formatting)."""
    return f"{when.day} {when:%B %Y}"


def _days(count: int) -> str:
    return f"{count:,} day{'s' if count != 1 else ''}"


def _join(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]
