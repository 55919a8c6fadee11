"""The partnership's dates as calendar events: milestones, meetings (and the next ones their
group's cadence implies), risk reviews, action due dates and funders' budget cycles.

Each event has a key that stays the same from one run to the next while the record it comes
from does, so a calendar imported again into Outlook or Google Calendar moves the event it
already holds instead of adding a second one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Project
from ..model.meeting import Meeting
from ..vocabulary import OPERATIONAL_CADENCES
from .actions import chase_list
from .formatting import long_date
from .people import owner_names

CADENCE_STEP: dict[str, tuple[int, int]] = {
    "weekly": (0, 7),
    "fortnightly": (0, 14),
    "monthly": (1, 0),
    "bimonthly": (2, 0),
    "quarterly": (3, 0),
    "half_yearly": (6, 0),
    "annually": (12, 0),
}
"""How far apart a group's meetings are: (months, days)."""
AHEAD = 365
"""Days after the as-of date over which the next meetings a cadence implies are shown."""


@dataclass(frozen=True)
class CalendarEvent:
    key: str
    """Stable within the partnership: `milestone-M13`, `meeting-GG-2011-09`, `action-R7.2`."""
    day: date
    summary: str
    description: str
    time: str | None = None
    """`10:00` for a meeting with a start time; None for an all-day event."""
    location: str | None = None
    cancelled: bool = False


def _step(day: date, months: int, days: int) -> date:
    if days:
        return day + timedelta(days=days)
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _weekday(day: date) -> date:
    """A meeting a cadence puts on a Saturday is held the Friday before, on a Sunday the
    Monday after."""
    return (
        day - timedelta(days=1)
        if day.weekday() == 5
        else day + timedelta(days=int(day.weekday() == 6))
    )


def _involves(project: Project, meeting: Meeting, owner: str) -> bool:
    people = project.people()
    partner = people[owner][1] if owner in people else owner
    group = next((g for g in project.psp.governance.groups if g.id == meeting.group), None)
    members = set(group.members) if group else set()
    named = {*meeting.attendees, *meeting.apologies, *members}
    if group and group.chair:
        named.add(group.chair)
    return owner in named or partner in named


def calendar_events(
    project: Project, as_of: date, *, owner: str | None = None
) -> list[CalendarEvent]:
    """Every dated thing in the folder, in date order, or one person's (or partner's)."""
    names = owner_names(project)
    people = project.people()
    events: list[CalendarEvent] = []

    def owned(who: str | None) -> bool:
        if owner is None:
            return True
        return who == owner or (who in people and people[who][1] == owner)

    for ms in project.milestones.milestones:
        if ms.due is None or not owned(ms.owner):
            continue
        state = f"completed {long_date(ms.completed)}" if ms.completed else "not yet completed"
        who = names.get(ms.owner, ms.owner) if ms.owner else "none yet"
        events.append(
            CalendarEvent(
                f"milestone-{ms.id}",
                ms.due,
                f"Milestone {ms.id}: {ms.title}",
                f"Owner: {who}. {state[:1].upper()}{state[1:]}.",
            )
        )
    groups = {g.id: g for g in project.psp.governance.groups}
    for meeting in project.meetings.meetings:
        if owner is not None and not _involves(project, meeting, owner):
            continue
        group = groups.get(meeting.group)
        title = group.name if group else meeting.group
        agenda = "; ".join(meeting.agenda)
        events.append(
            CalendarEvent(
                f"meeting-{meeting.id}",
                meeting.date,
                f"{title} ({meeting.id})",
                f"Agenda: {agenda}." if agenda else f"{title} meeting.",
                meeting.time,
                meeting.location,
                meeting.status == "cancelled",
            )
        )
    events += _implied_meetings(project, as_of, owner)
    for item in chase_list(project, as_of, within=100 * 365, owner=owner).items:
        if item.due is None or not item.ref:
            continue
        who = item.owner_name
        if item.kind == "budget cycle":
            summary = f"Budget cycle: {item.what}"
        elif item.kind == "risk review":
            summary = item.what
        else:
            summary = f"{item.ref} due: {item.what}"
        events.append(
            CalendarEvent(
                f"{item.kind.replace(' ', '-')}-{item.ref}",
                item.due,
                summary,
                f"{item.kind.capitalize()} {item.ref}, owner {who}.",
            )
        )
    events.sort(key=lambda e: (e.day, e.key))
    return events


def _implied_meetings(project: Project, as_of: date, owner: str | None) -> list[CalendarEvent]:
    """The next meetings of each group after its last one on record, a cadence apart, for a
    year ahead and within the partnership's dates, so the year's diary can be held."""
    found = []
    until = min(as_of + timedelta(days=AHEAD), project.psp.end or date.max)
    for group in project.psp.governance.groups:
        step = CADENCE_STEP.get(group.cadence or "")
        ours = [m for m in project.meetings.meetings if m.group == group.id]
        if step is None or not ours:
            continue
        if owner is not None and not _involves(project, ours[-1], owner):
            continue
        day = _step(max(m.date for m in ours), *step)
        while day <= until:
            if day > as_of:
                weekday = _weekday(day)
                found.append(
                    CalendarEvent(
                        f"meeting-{group.id}-{weekday.isoformat()}",
                        weekday,
                        f"{group.name} (provisional)",
                        f"The {group.name} meets {group.cadence}; date to be confirmed.",
                    )
                )
            day = _step(day, *step)
    return found


@dataclass(frozen=True)
class NextMeeting:
    """A partnership's next governance meeting: planned in meetings.yaml, or implied by its
    group's cadence (provisional, its date to be confirmed)."""

    day: date
    group: str
    """The group's name: "PSP Governance Group"."""
    meeting: str | None
    """The planned meeting's id; None when the cadence implies it."""
    provisional: bool


def next_governance_meeting(project: Project, as_of: date) -> NextMeeting | None:
    """The first governance meeting on or after `as_of`, over every governance group (a
    cadence slower than monthly, as PSP442 judges it): each group's next planned meeting,
    or else the next one its cadence implies after its last on record, as `psp calendar`
    shows it (a year ahead at most, not after the partnership's end)."""
    found: list[NextMeeting] = []
    until = min(as_of + timedelta(days=AHEAD), project.psp.end or date.max)
    for group in project.psp.governance.groups:
        if group.cadence in OPERATIONAL_CADENCES:
            continue
        ours = [m for m in project.meetings.meetings if m.group == group.id]
        planned = [m for m in ours if m.status == "planned" and m.date >= as_of]
        if planned:
            first = min(planned, key=lambda m: (m.date, m.id))
            found.append(NextMeeting(first.date, group.name, first.id, False))
            continue
        step = CADENCE_STEP.get(group.cadence or "")
        if step is None or not ours:
            continue
        day = _step(max(m.date for m in ours), *step)
        while day <= as_of:
            day = _step(day, *step)
        if day <= until:
            found.append(NextMeeting(_weekday(day), group.name, None, True))
    return min(found, key=lambda n: (n.day, n.group), default=None)
