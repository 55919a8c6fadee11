"""The calendar as an iCalendar file (RFC 5545), written with the `icalendar` library, for
Outlook, Google Calendar and Apple Calendar alike."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from ..report.calendar import CalendarEvent

PRODID = "-//psp//Public Social Partnership calendar//EN"
MEETING_LENGTH = timedelta(hours=2)


def to_ics(events: list[CalendarEvent], partnership: str, name: str, stamp: datetime) -> bytes:
    """The events as one calendar. Each UID is the event's key at the partnership's id, so a
    second import updates what the first one added; `stamp` (DTSTAMP) is the as-of date, so
    two runs as at the same date write the same file."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for e in events:
        event = Event()
        event.add("uid", f"{e.key}@{partnership}.psp")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("summary", e.summary)
        event.add("description", e.description)
        if e.time is not None and _clock(e.time) is not None:
            start = datetime.combine(e.day, _clock(e.time) or time())
            event.add("dtstart", start)
            event.add("dtend", start + MEETING_LENGTH)
        else:
            event.add("dtstart", e.day)
            event.add("dtend", e.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if e.location:
            event.add("location", e.location)
        if e.cancelled:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _clock(text: str) -> time | None:
    """`10:00` as a time of day; None for anything else (the event is then all day)."""
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None
