"""The management case's plan: milestones in dependency order with status and forecast, the
key milestones still to come on the critical path, and the pilot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Milestone, Project
from ....vocabulary import DOCUMENT_TITLES
from ...formatting import long_date
from ...people import owner_names
from ...wording import NO_OWNER, join, plural

HOLD_UPS = ("Late", "Held up", "Forecast late")
"""The standings (`analysis.plan.milestone_standing`) of a milestone that cannot happen as
planned: the plan says so below the table, and its next step says so."""


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
    """Its standing in a word or two (`analysis.plan.milestone_standing`): "Done", "Done,
    3 days late", "Late", "Held up", "Forecast late", "On track", "Not yet due"."""
    depends_on: str
    """The titles of the milestones it depends on: "Third quarterly pilot review"."""
    critical: str
    """"yes" on the critical path, else empty."""
    tasks: tuple[str, ...]
    flag: str = ""
    """Why the plan cannot happen as written, where it cannot: "forecast 92 days late",
    "due before Outline business case agreed, which it depends on"."""
    this_paper: bool = False
    """The milestone that delivers the paper being written: not one of its next steps."""
    completed_on: date | None = None
    """When it was completed, as a date (`completed` is it written out)."""
    standing: str = ""
    """Its standing's state: "Done", "Held up", …"""
    held_up_by: tuple[str, ...] = ()
    """The titles of the unfinished milestones it depends on that finish after it is due."""
    note: str = ""
    """Where it cannot happen as planned, the sentence that says so, by title: "Tender
    published is held up: due on 30 September 2026, but it depends on …"."""


@dataclass(frozen=True)
class Pilot:
    start: str
    end: str
    months: int | str
    duration: str
    """"12 months"; empty without both dates."""
    milestones: tuple[MilestoneRow, ...]
    undated: str = ""
    """Without both dates: what the plan says of the pilot instead, in plain words."""


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
    notes: tuple[str, ...] = ()
    """Below the plan, a sentence for each milestone that cannot happen as planned (its
    `flag`), so the status column stays a word or two."""


def flag(project: Project, milestone_id: str, forecast: date | None, as_of: date) -> str:
    """Why a milestone still to come cannot happen as planned: due before a milestone it
    depends on, or forecast past its due date; empty when it can."""
    by_id = {m.id: m for m in project.milestones.milestones}
    m = by_id[milestone_id]
    due = m.due
    if m.completed is not None or due is None:
        return ""
    before = [
        by_id[d]
        for d in m.depends_on
        if d in by_id and (other := by_id[d].due) is not None and other > due
    ]
    if before:
        return "due before " + join([d.title for d in before]) + ", which it depends on"
    if forecast is not None and forecast > due:
        return f"forecast {plural((forecast - due).days, 'day')} late"
    return ""


def _delivers(milestone: Milestone, document: str | None) -> bool:
    """Whether `milestone` delivers the paper `document` (its `document`, else its title
    naming the paper)."""
    if document is None:
        return False
    if milestone.document is not None:
        return milestone.document == document
    return DOCUMENT_TITLES[document].lower() in milestone.title.lower()


def plan(
    project: Project, as_of: date, document: str | None = None
) -> tuple[Plan, tuple[date | None, date | None]]:
    """The plan, and the pilot's start and end dates; `document` is the paper the plan is
    written for (`full_business_case`), whose own delivery is not one of its next steps."""
    from ....analysis import analyse_plan, milestone_standing

    names = owner_names(project)
    analysis = analyse_plan(project, as_of)
    by_id = {m.id: m for m in project.milestones.milestones}
    states = {s.id: s for s in analysis.milestones}
    rows = []
    for mid in analysis.order:
        m, state = by_id[mid], states[mid]
        standing = milestone_standing(analysis, mid)
        late = standing.state == "Done" and (standing.slippage_days or 0) > 0
        why = flag(project, mid, state.forecast, as_of)
        rows.append(
            MilestoneRow(
                id=m.id,
                title=m.title,
                stage=(m.stage or "").capitalize() or "–",
                owner=names.get(m.owner, m.owner) if m.owner else NO_OWNER,
                due=long_date(m.due),
                completed=long_date(m.completed),
                forecast=long_date(state.forecast),
                status=standing.state
                + (f", {plural(standing.slippage_days or 0, 'day')} late" if late else ""),
                depends_on="; ".join(by_id[d].title for d in m.depends_on if d in by_id),
                critical="yes" if state.critical else "",
                tasks=tuple(t.title for t in m.tasks),
                flag=why,
                this_paper=_delivers(m, document),
                completed_on=m.completed,
                standing=standing.state,
                held_up_by=standing.held_up_by,
                note=_before(m, by_id)
                if why.startswith("due before")
                else (_note(m.title, standing.text) if standing.state in HOLD_UPS else ""),
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
        notes=tuple(r.note for r in rows if r.note),
        pilot=Pilot(
            start=long_date(start),
            end=long_date(end),
            months=months or "",
            duration=plural(months, "month") if months else "",
            milestones=tuple(r for r in rows if r.stage == "Pilot"),
            undated=_undated(rows, start, end),
        ),
    ), (start, end)


def _before(m: Milestone, by_id: dict[str, Milestone]) -> str:
    """A milestone due before one it depends on, which the plan cannot keep as drawn: "‘Tender
    published’ is due on 30 September 2026, before ‘Full business case agreed’ (due on 31
    December 2026), which it depends on: it needs re-planning." (titles quoted, as they run
    into the sentence)."""
    due = m.due
    deps = [
        f"‘{other.title}’ (due on {long_date(other.due)})"
        for d in m.depends_on
        if (other := by_id.get(d)) is not None
        and other.due is not None
        and due is not None
        and other.due > due
    ]
    return (
        f"‘{m.title}’ is due on {long_date(due)}, before {join(deps)}, which it depends on: "
        "it needs re-planning."
    )


def _note(title: str, text: str) -> str:
    """A standing's sentence with the milestone's title quoted: "‘Tender published’ is held
    up: due on 30 September 2026, but it depends on …" (`text` is "Held up: due on …")."""
    state, _, rest = text.partition(": ")
    return f"‘{title}’ is {state[:1].lower()}{state[1:]}: {rest}"


def _undated(rows: list[MilestoneRow], start: date | None, end: date | None) -> str:
    """What the pilot plan says without both pilot dates: what the plan shows of it."""
    if start and end:
        return ""
    begun = next((r for r in rows if r.stage == "Pilot" and r.completed), None)
    if begun is not None:
        return (
            f"The pilot began with {begun.title[:1].lower()}{begun.title[1:]} on "
            f"{begun.completed}; its end date is not yet set."
        )
    if start:
        return f"The pilot starts on {long_date(start)}; its end date is not yet set."
    return "The pilot's start and end dates are not yet set."
