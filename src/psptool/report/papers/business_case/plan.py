"""The management case's plan: milestones in dependency order with status and forecast, the
key milestones still to come on the critical path, and the pilot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Project
from ...formatting import long_date
from ...people import owner_names
from ...wording import plural

STATE = {
    "done": "Complete",
    "overdue": "Overdue",
    "due": "Due next period",
    "upcoming": "Planned",
    "unscheduled": "Not yet dated",
}
"""A milestone's state as the plan's Status column reads."""


@dataclass(frozen=True)
class MilestoneRow:
    id: str
    title: str
    stage: str
    owner: str
    due: str
    completed: str
    forecast: str
    status: str
    """"Complete", "Complete, 3 days late", "Overdue", …"""
    depends_on: str
    critical: str
    """"yes" on the critical path, else empty."""
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class Pilot:
    start: str
    end: str
    months: int | str
    duration: str
    """"12 months"; empty without both dates."""
    milestones: tuple[MilestoneRow, ...]


@dataclass(frozen=True)
class Plan:
    milestones: tuple[MilestoneRow, ...]
    key: tuple[MilestoneRow, ...]
    """The milestones still to come on the critical path (all still to come, if none is)."""
    planned_end: str
    projected_end: str
    slippage_days: int | str
    critical_path: str
    pilot: Pilot


def plan(project: Project, as_of: date) -> tuple[Plan, tuple[date | None, date | None]]:
    """The plan, and the pilot's start and end dates."""
    from ....analysis import analyse_plan

    names = owner_names(project)
    analysis = analyse_plan(project, as_of)
    by_id = {m.id: m for m in project.milestones.milestones}
    states = {s.id: s for s in analysis.milestones}
    rows = []
    for mid in analysis.order:
        m, state = by_id[mid], states[mid]
        late = state.state == "done" and (state.slippage_days or 0) > 0
        rows.append(
            MilestoneRow(
                id=m.id,
                title=m.title,
                stage=(m.stage or "").capitalize(),
                owner=names.get(m.owner, m.owner) if m.owner else "",
                due=long_date(m.due),
                completed=long_date(m.completed),
                forecast=long_date(state.forecast),
                status=STATE[state.state]
                + (f", {plural(state.slippage_days or 0, 'day')} late" if late else ""),
                depends_on=", ".join(m.depends_on),
                critical="yes" if state.critical else "",
                tasks=tuple(t.title for t in m.tasks),
            )
        )
    to_come = [r for r in rows if not r.completed]
    pilot = project.psp.pilot
    start, end = (pilot.start, pilot.end) if pilot else (None, None)
    months = (
        (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day else 0)
        if start and end
        else None
    )
    slippage = analysis.end_slippage_days
    return Plan(
        milestones=tuple(rows),
        key=tuple([r for r in to_come if r.critical] or to_come),
        planned_end=long_date(analysis.planned_end),
        projected_end=long_date(analysis.projected_end),
        slippage_days=slippage if slippage is not None else "",
        critical_path=", ".join(analysis.critical_path),
        pilot=Pilot(
            start=long_date(start),
            end=long_date(end),
            months=months or "",
            duration=plural(months, "month") if months else "",
            milestones=tuple(r for r in rows if r.stage == "Pilot"),
        ),
    ), (start, end)
