"""Meetings and knowledge transfer (guide §7.2 and §7.4): references, consistency and the
good practice a project manager chasing actions between meetings would want pointed out."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import date

from ..diagnostics import Diagnostic
from ..vocabulary import CADENCE_ALLOWANCE_DAYS, DOCUMENT_TITLES, OPERATIONAL_CADENCES
from .context import CheckContext
from .references import unknown_owner
from .registry import rule

MEETINGS = "meetings.yaml"
KNOWLEDGE = "knowledge.yaml"


def _suggest(value: str, known: Iterable[str], fallback: str) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"did you mean '{guess[0]}'?" if guess else fallback


@rule("PSP221", "PSP222", "PSP223", "PSP224", "PSP225", "PSP202")
def references(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A meeting's group, attendees and apologies, a decision's records, every owner, `from`
    and `to` in the two files, and the meeting an approval names, are records that exist."""
    p = ctx.project
    meetings = {m.id for m in p.meetings.meetings} | ctx.raw_ids(MEETINGS, "meetings")
    for i, approval in enumerate(p.psp.approvals):
        if approval.meeting is not None and approval.meeting not in meetings:
            yield ctx.at(
                "PSP225",
                f"the {DOCUMENT_TITLES[approval.document]} approval by {approval.partner} "
                f"names meeting '{approval.meeting}', which is not in meetings.yaml",
                "psp.yaml",
                ("approvals", i, "meeting"),
                value=True,
                hint=_suggest(approval.meeting, meetings, "add the meeting to meetings.yaml"),
            )
    groups = {g.id for g in p.psp.governance.groups} | ctx.raw_ids(
        "psp.yaml", "governance", "groups"
    )
    people = set(p.people()) | ctx.raw_person_ids()
    owners = p.owner_ids() | ctx.raw_people_ids()
    kinds = {
        "risks": ("RAID entry", {r.id for r in p.risks.risks} | ctx.raw_ids("risks.yaml", "risks")),
        "milestones": (
            "milestone",
            {m.id for m in p.milestones.milestones} | ctx.raw_ids("milestones.yaml", "milestones"),
        ),
        "goals": ("goal", {g.id for g in p.goals.goals} | ctx.raw_ids("goals.yaml", "goals")),
        "benefits": (
            "benefit",
            {b.id for b in p.benefits.benefits} | ctx.raw_ids("benefits.yaml", "benefits"),
        ),
        "options": (
            "option",
            {o.id for o in p.options.options} | ctx.raw_ids("options.yaml", "options"),
        ),
    }
    for i, meeting in enumerate(p.meetings.meetings):
        where = ("meetings", i)
        if meeting.group not in groups:
            yield ctx.at(
                "PSP221",
                f"meeting {meeting.id}: group '{meeting.group}' is not a governance group "
                "in psp.yaml",
                MEETINGS,
                (*where, "group"),
                value=True,
                hint=_suggest(meeting.group, groups, "add the group to psp.yaml's governance"),
            )
        for key in ("attendees", "apologies"):
            for j, person in enumerate(getattr(meeting, key)):
                if person not in people:
                    yield ctx.at(
                        "PSP222",
                        f"meeting {meeting.id}: {key} names '{person}', who is not a person "
                        "in partners.yaml",
                        MEETINGS,
                        (*where, key, j),
                        value=True,
                        hint=_suggest(person, people, "add them to their partner's people"),
                    )
        for j, decision in enumerate(meeting.decisions):
            for key, (kind, known) in kinds.items():
                for k, ref in enumerate(getattr(decision, key)):
                    if ref not in known:
                        yield ctx.at(
                            "PSP223",
                            f"decision {decision.id}: {kind} '{ref}' does not exist",
                            MEETINGS,
                            (*where, "decisions", j, key, k),
                            value=True,
                            hint=_suggest(ref, known, f"check the {key} it affects"),
                        )
        for j, action in enumerate(meeting.actions):
            yield from _owner(
                ctx, MEETINGS, (*where, "actions", j), action.owner, owners, meeting.id
            )
    for i, transfer in enumerate(p.knowledge.transfers):
        where = ("transfers", i)
        named: list[tuple[str, tuple[str | int, ...], str]] = []
        if transfer.from_:
            named.append(("from", (*where, "from"), transfer.from_))
        named += [("to", (*where, "to", j), ref) for j, ref in enumerate(transfer.to)]
        for key, path, ref in named:
            if ref not in owners:
                yield ctx.at(
                    "PSP224",
                    f"knowledge transfer {transfer.id}: {key} '{ref}' is not a partner or a "
                    "person in partners.yaml",
                    KNOWLEDGE,
                    path,
                    value=True,
                    hint=_suggest(ref, owners, "name a partner or a partner's person"),
                )
        yield from _owner(ctx, KNOWLEDGE, where, transfer.owner, owners, None, transfer.id)
    for i, lesson in enumerate(p.knowledge.lessons):
        yield from _owner(
            ctx, KNOWLEDGE, ("lessons", i), lesson.owner, owners, None, lesson.id, "lesson"
        )


def _owner(
    ctx: CheckContext,
    file: str,
    path: tuple[str | int, ...],
    owner: str | None,
    known: set[str],
    meeting: str | None,
    record: str | None = None,
    kind: str = "knowledge transfer",
) -> Iterator[Diagnostic]:
    what = f"meeting {meeting} action" if meeting else f"{kind} {record}"
    return unknown_owner(ctx, known, file, path, owner, what)


@rule("PSP321", "PSP322", "PSP323", "PSP324")
def consistency(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A held meeting is not in the future, a planned one not in the past, nobody both came
    and sent apologies, and nothing is completed after the as-of date or before the meeting
    that agreed it."""
    as_of = ctx.as_of
    for i, meeting in enumerate(ctx.project.meetings.meetings):
        where = ("meetings", i)
        if meeting.status == "held" and meeting.date > as_of:
            yield ctx.at(
                "PSP321",
                f"meeting {meeting.id} is marked held but is dated {meeting.date}, after {as_of}",
                MEETINGS,
                (*where, "status"),
                value=True,
                hint="a meeting is held once it has happened: mark it planned",
            )
        if meeting.status == "planned" and meeting.date < as_of:
            yield ctx.at(
                "PSP322",
                f"meeting {meeting.id} was planned for {meeting.date} and is still marked planned",
                MEETINGS,
                (*where, "date"),
                value=True,
                hint="record it: status: held with its attendees, or status: cancelled",
            )
        for j, person in enumerate(meeting.apologies):
            if person in meeting.attendees:
                yield ctx.at(
                    "PSP323",
                    f"meeting {meeting.id}: {person} is among both the attendees and the apologies",
                    MEETINGS,
                    (*where, "apologies", j),
                    value=True,
                    hint="keep them in one list",
                )
        for j, action in enumerate(meeting.actions):
            done = action.completed
            if done is not None and (done > as_of or done < meeting.date):
                why = f"after {as_of}" if done > as_of else f"before the meeting ({meeting.date})"
                yield ctx.at(
                    "PSP324",
                    f"meeting {meeting.id} action {j + 1} is completed on {done}, {why}",
                    MEETINGS,
                    (*where, "actions", j, "completed"),
                    value=True,
                    hint="check the completion date",
                )
    for i, transfer in enumerate(ctx.project.knowledge.transfers):
        done = transfer.completed
        if done is not None and done > as_of:
            yield ctx.at(
                "PSP324",
                f"knowledge transfer {transfer.id} is completed on {done}, after {as_of}",
                KNOWLEDGE,
                ("transfers", i, "completed"),
                value=True,
                hint="check the completion date",
            )


@rule("PSP441")
def meeting_cadence(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A group that keeps its meetings in meetings.yaml meets as often as its cadence says:
    a quarterly governance group with no meeting for more than four months is warned."""
    if ctx.project.psp.stage == "closed" or ctx.left_out(MEETINGS, "meetings"):
        return
    meetings = ctx.project.meetings.meetings
    for group in ctx.project.psp.governance.groups:
        allowance = CADENCE_ALLOWANCE_DAYS.get(group.cadence or "as_needed")
        ours = [(i, m) for i, m in enumerate(meetings) if m.group == group.id]
        if allowance is None or not ours:
            continue
        held = sorted(((m.date, i) for i, m in ours if m.status == "held" and m.date <= ctx.as_of))
        for (before, _), (after, i) in itertools.pairwise(held):
            gap = (after - before).days
            if gap > allowance:
                yield _cadence(ctx, group.name, group.cadence, before, gap, i, after)
        if held and (ctx.as_of - held[-1][0]).days > allowance:
            last, i = held[-1]
            yield _cadence(ctx, group.name, group.cadence, last, (ctx.as_of - last).days, i)


def _cadence(
    ctx: CheckContext,
    name: str,
    cadence: str | None,
    since: date,
    gap: int,
    index: int,
    until: date | None = None,
) -> Diagnostic:
    end = f"until {until}" if until is not None else f"as at {ctx.as_of}"
    return ctx.at(
        "PSP441",
        f"the {name} meets {cadence} but did not meet for {gap} days, from {since} {end}",
        MEETINGS,
        ("meetings", index, "date"),
        value=True,
        hint="hold the meeting, or record it in meetings.yaml with status: held",
    )


@rule("PSP442", "PSP443")
def governance_attendance(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A governance meeting hears from every member partner (the guide: senior people from
    each partner), and a held meeting records who came."""
    p = ctx.project
    people = p.people()
    groups = {g.id: g for g in p.psp.governance.groups}
    partners = {partner.id: partner.name for partner in p.partners.partners}
    for i, meeting in enumerate(p.meetings.meetings):
        if meeting.status != "held":
            continue
        if not meeting.attendees:
            yield ctx.at(
                "PSP443",
                f"meeting {meeting.id} is marked held but names no attendees",
                MEETINGS,
                ("meetings", i, "status"),
                hint="list who came under attendees: (person ids)",
            )
            continue
        group = groups.get(meeting.group)
        if group is None or group.cadence in OPERATIONAL_CADENCES:
            continue
        present = {people[a][1] for a in meeting.attendees if a in people}
        missing = [m for m in group.members if m in partners and m not in present]
        if missing:
            names = ", ".join(partners[m] for m in missing)
            yield ctx.at(
                "PSP442",
                f"governance meeting {meeting.id}: no one came from {names}",
                MEETINGS,
                ("meetings", i, "attendees"),
                hint="follow up with the partner's senior sponsor; a governance group needs "
                "every partner represented",
            )


@rule("PSP444", "PSP449")
def meeting_actions(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every action agreed at a meeting has an owner and a due date, and is chased once due."""
    for i, meeting in enumerate(ctx.project.meetings.meetings):
        for j, action in enumerate(meeting.actions):
            where = ("meetings", i, "actions", j)
            ref = f"{meeting.id}.{j + 1}"
            missing = [k for k in ("owner", "due") if getattr(action, k) is None]
            if missing and not action.done:
                yield ctx.at(
                    "PSP444",
                    f"action {ref} has no {' or '.join(missing)}",
                    MEETINGS,
                    where,
                    hint="an action nobody owns, or with no date, is not chased",
                )
            if not action.done and action.due is not None and action.due < ctx.as_of:
                days = (ctx.as_of - action.due).days
                yield ctx.at(
                    "PSP449",
                    f"action {ref} was due {action.due} ({days} days ago) and is not done",
                    MEETINGS,
                    (*where, "due"),
                    value=True,
                    hint=f"chase its owner, or mark it done with: psp action done {ref}",
                )


_ID_WORD = re.compile(r"\b[A-Za-z][A-Za-z0-9_-]*\b")


@rule("PSP445")
def decision_links(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A decision that names a risk, milestone, goal, benefit or option in its words links it,
    so the record shows the decision that changed it."""
    p = ctx.project
    ids = {
        **{r.id: "risks" for r in p.risks.risks},
        **{m.id: "milestones" for m in p.milestones.milestones},
        **{g.id: "goals" for g in p.goals.goals},
        **{b.id: "benefits" for b in p.benefits.benefits},
        **{o.id: "options" for o in p.options.options},
    }
    for i, meeting in enumerate(p.meetings.meetings):
        for j, decision in enumerate(meeting.decisions):
            words = set(_ID_WORD.findall(decision.decision))
            unlinked = sorted(w for w in words & set(ids) if w not in decision.affects)
            for word in unlinked:
                yield ctx.at(
                    "PSP445",
                    f"decision {decision.id} names {word} but does not link it",
                    MEETINGS,
                    ("meetings", i, "decisions", j),
                    hint=f"add {ids[word]}: [{word}] to the decision",
                )


@rule("PSP446", "PSP447", "PSP448")
def knowledge_transfer(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Knowledge transfer (guide §7.4) is planned by the pilot, done by its due date, and
    when done, its evidence written down."""
    p = ctx.project
    transfers = p.knowledge.transfers
    pilot_or_later = p.psp.stage in ("pilot", "sustain")
    if pilot_or_later and not transfers and not ctx.left_out(KNOWLEDGE, "transfers"):
        yield ctx.at(
            "PSP448",
            f"the partnership is in its {p.psp.stage} stage with no knowledge transfer planned",
            "psp.yaml",
            ("stage",),
            value=True,
            hint="plan in knowledge.yaml what each partner will pass on, to whom and how",
        )
    for i, transfer in enumerate(transfers):
        where = ("transfers", i)
        if transfer.status != "done" and transfer.due is not None and transfer.due < ctx.as_of:
            days = (ctx.as_of - transfer.due).days
            yield ctx.at(
                "PSP446",
                f"knowledge transfer {transfer.id} was due {transfer.due} ({days} days ago) "
                f"and is {transfer.status.replace('_', ' ')}",
                KNOWLEDGE,
                (*where, "due"),
                value=True,
                hint="do it, or agree and record a new due date",
            )
        if transfer.status == "done" and (not transfer.evidence or transfer.completed is None):
            missing = " or ".join(k for k in ("completed", "evidence") if not getattr(transfer, k))
            yield ctx.at(
                "PSP447",
                f"knowledge transfer {transfer.id} is done but has no {missing}",
                KNOWLEDGE,
                (*where, "status"),
                value=True,
                hint="record when it was done and where the evidence is written down",
            )
