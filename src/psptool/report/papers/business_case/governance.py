"""The management case's record of the pilot (full business case): the governance meetings
held and what they decided (guide §7.2), and the knowledge the partners passed on to each
other (guide §7.4), so funders see the partnership was governed and can carry on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Project
from ....vocabulary import OPERATIONAL_CADENCES
from ...formatting import long_date
from ...people import owner_names
from ...wording import counted, in_words, plural


@dataclass(frozen=True)
class MeetingHeld:
    """A governance meeting held, with the decisions it took."""

    date: str
    group: str
    decisions: str
    """How many decisions it took: "2 decisions", "No decisions"."""
    key_decisions: str
    """The decisions as the minutes record them, each a sentence: "Extend the pilot by three
    months. Close R6."."""


@dataclass(frozen=True)
class KnowledgeTransferred:
    """A knowledge transfer planned: what passes, from whom, to whom, and when it was done or
    is due."""

    topic: str
    source: str
    recipients: str
    completed: str
    """"Done on 14 March 2011", "Due by 30 September 2011", or "Not yet dated"."""


@dataclass(frozen=True)
class GovernanceRecord:
    meetings: tuple[MeetingHeld, ...]
    """The governance meetings held by the as-of date, oldest first."""
    meetings_summary: str
    transfers: tuple[KnowledgeTransferred, ...]
    """Every knowledge transfer planned: those done by the as-of date in the order they were
    done, then those still to come by due date."""
    transfers_summary: str


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def governance_record(project: Project, as_of: date) -> GovernanceRecord:
    """The governance meetings held and the knowledge transferred, as at `as_of`.

    A governance group is one whose cadence is slower than monthly (as PSP442 judges it);
    operational meetings are the groups' working business and stay out of the case.
    """
    names = owner_names(project)
    governing = {
        g.id: g.name for g in project.psp.governance.groups if g.cadence not in OPERATIONAL_CADENCES
    }
    held = sorted(
        (
            m
            for m in project.meetings.meetings
            if m.status == "held" and m.group in governing and m.date <= as_of
        ),
        key=lambda m: m.date,
    )
    meetings = tuple(
        MeetingHeld(
            date=long_date(m.date),
            group=governing[m.group],
            decisions=plural(len(m.decisions), "decision") if m.decisions else "No decisions",
            key_decisions=" ".join(_sentence(d.decision) for d in m.decisions),
        )
        for m in held
    )
    decided = sum(len(m.decisions) for m in held)
    who = next(iter(governing.values())) if len(governing) == 1 else "governance groups"
    took = f"took {counted(decided, 'decision')}" if decided else "took no decisions"
    meetings_summary = (
        f"The {who} met {times_met([m.date for m in held])} and {took}."
        if held
        else "No governance meeting is recorded as held yet."
    )
    done = sorted(
        (
            t
            for t in project.knowledge.transfers
            if t.status == "done" and t.completed is not None and t.completed <= as_of
        ),
        key=lambda t: t.completed or as_of,
    )
    to_come = sorted(
        (t for t in project.knowledge.transfers if t not in done),
        key=lambda t: (t.due is None, t.due or as_of),
    )
    transfers = tuple(
        KnowledgeTransferred(
            topic=t.topic,
            source=names.get(t.from_, t.from_) if t.from_ else "",
            recipients="; ".join(names.get(r, r) for r in t.to),
            completed=f"Done on {long_date(t.completed)}"
            if t in done
            else (f"Due by {long_date(t.due)}" if t.due else "Not yet dated"),
        )
        for t in [*done, *to_come]
    )
    total = len(project.knowledge.transfers)
    to_do = total - len(done)
    if not total:
        transfers_summary = "No knowledge transfer between the partners is planned yet."
    elif to_do:
        transfers_summary = (
            (
                f"None of the {counted(total, 'knowledge transfer')} planned has taken place yet."
                if not done
                else f"Of the {counted(total, 'knowledge transfer')} planned, "
                f"{in_words(len(done))} {'has' if len(done) == 1 else 'have'} taken place; the "
                f"other {in_words(to_do)} {'is' if to_do == 1 else 'are'} still to come."
            )
            if total > 1
            else "The knowledge transfer planned has not yet taken place."
        )
    else:
        transfers_summary = (
            "The knowledge transfer planned has taken place."
            if total == 1
            else f"All {counted(total, 'knowledge transfer')} planned have taken place."
        )
    return GovernanceRecord(meetings, meetings_summary, transfers, transfers_summary)


def times_met(dates: list[date]) -> str:
    """How often a group met, in words, after "met": "once, on 14 May 2026,", "twice, on 14
    May 2026 and 20 August 2026," or "four times between 24 September 2010 and 24 June
    2011"."""
    if len(dates) == 1:
        return f"once, on {long_date(dates[0])},"
    if len(dates) == 2:
        return f"twice, on {long_date(dates[0])} and {long_date(dates[1])},"
    return f"{in_words(len(dates))} times between {long_date(dates[0])} and {long_date(dates[-1])}"
