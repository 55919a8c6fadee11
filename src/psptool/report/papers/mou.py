"""The Memorandum of Understanding: every section the How to Guide lists, and a signature
block with a Director-level signatory for each partner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ...model import Project
from ...model.goal import Goal
from ...vocabulary import SECTOR_LABELS, TERM_LABELS
from ..formatting import long_date, number
from ..people import owner_names, partners_lead_first
from ..wording import join, plural
from . import CheckedFolder, Paper
from .partnership import Group, Partnership, Role, governance_group, groups, partnership, roles
from .signoff import Signature, last_signed, signatures


@dataclass(frozen=True)
class Lead:
    name: str
    sector: str


@dataclass(frozen=True)
class MouPartner:
    name: str
    sector: str
    role: str
    """"Lead partner" or "Partner"."""
    contribution: str
    """What the partner brings; empty while not recorded (the table then says "Not yet
    recorded", or leaves its Contribution column out when no partner's is)."""
    responsibilities: tuple[str, ...]


@dataclass(frozen=True)
class Clauses:
    """The clauses an MoU needs beyond the partnership's own fields (psp.yaml's `mou`)."""

    dispute_resolution: str
    amendment: str
    confidentiality: str
    exit: str
    duration: str


@dataclass(frozen=True)
class Mou:
    """Everything the Memorandum of Understanding prints, section by section."""

    partnership: Partnership
    lead: Lead | None
    partners: tuple[MouPartner, ...]
    """Lead first, then by name."""
    roles: tuple[Role, ...]
    groups: tuple[Group, ...]
    mou: Clauses
    signatures: tuple[Signature, ...]
    status: str = ""
    """Under the title: a draft for discussion, prepared for signing, signed by some, or
    signed by every partner."""
    board: str = "governance group"
    """The group the highlight report goes to, by name."""
    goals: tuple[str, ...] = ()
    """The partnership's goals (goals.yaml) set out as objectives, each with its measure,
    target and date: "More carers get a regular break (short term)"."""
    draft: bool = False
    """Not yet signed by every partner: the paper opens with what is still to agree."""
    to_agree: tuple[str, ...] = ()
    """What the partners have still to agree before they sign, section by section."""
    footer: str = ""
    """The status and its date, as the footer carries it: "Draft for discussion, 30 June
    2026", "Every partner signed by 12 May 2010"."""
    project_manager: str = ""
    """Who manages the partnership, with their partner: "L. Baird (Falkirk Council)"."""
    goals_intro: str = ""
    """The sentence before the goals, naming only what every goal has: "The partners will
    measure their progress against these goals, each with its term, its measure and its
    target:"."""
    version: str = ""
    """The Memorandum's version: "1.0" once every partner has signed it, else "0.1", a draft
    of the first."""


def mou(project: Project, as_of: date) -> Mou:
    partners = partners_lead_first(project)
    lead = next((p for p in partners if p.lead), None)
    clauses = project.psp.mou
    signed = signatures(project, "mou", as_of)
    done = sum(1 for s in signed if s.signed)
    complete = bool(signed) and done == len(signed)
    last = last_signed(project, "mou", as_of)
    open_points = () if complete else to_agree(project, signed)
    manager = next((r.person for r in project.psp.roles if r.role == "project_manager"), None)
    return Mou(
        partnership=partnership(project, as_of),
        lead=Lead(lead.name, SECTOR_LABELS[lead.sector]) if lead else None,
        partners=tuple(
            MouPartner(
                name=p.name,
                sector=SECTOR_LABELS[p.sector],
                role="Lead partner" if p.lead else "Partner",
                contribution=p.contribution or "",
                responsibilities=tuple(p.responsibilities),
            )
            for p in partners
        ),
        roles=roles(project),
        groups=groups(project),
        mou=Clauses(
            dispute_resolution=clauses.dispute_resolution
            or "The partners have not yet agreed how a disagreement between them is resolved.",
            amendment=clauses.amendment
            or "The partners have not yet agreed how this Memorandum is amended.",
            confidentiality=clauses.confidentiality
            or "The partners have not yet agreed how they keep shared information "
            "confidential and protect personal data.",
            exit=clauses.exit
            or "The partners have not yet agreed how a partner leaves the partnership.",
            duration=clauses.duration or "",
        ),
        signatures=signed,
        status=_status(signed, last, as_of, bool(open_points)),
        board=governance_group(project) if project.psp.governance.groups else "governance group",
        goals=tuple(goal_objective(g) for g in project.goals.goals),
        draft=not complete,
        to_agree=open_points,
        footer=_footer(signed, last, as_of, bool(open_points)),
        project_manager=owner_names(project, with_partner=True).get(manager, manager)
        if manager
        else "",
        goals_intro=goals_intro(project.goals.goals),
        version="1.0" if complete else "0.1",
    )


def _status(
    signed: tuple[Signature, ...], last: date | None, as_of: date, draft: bool = False
) -> str:
    """Where the Memorandum stands: a draft for discussion, prepared for signing, or signed
    by whom and when."""
    done = sum(1 for s in signed if s.signed)
    if signed and done == len(signed) and last is not None:
        return f"Signed by every partner, the last on {long_date(last)}"
    if done and last is not None:
        return (
            f"Signed by {done} of {plural(len(signed), 'partner')} by {long_date(last)}; "
            f"prepared for the others to sign on {long_date(as_of)}"
        )
    if draft:
        return f"Draft for discussion, {long_date(as_of)}"
    return f"Prepared for signing on {long_date(as_of)}"


def _footer(signed: tuple[Signature, ...], last: date | None, as_of: date, draft: bool) -> str:
    """The status in a few words and its date, for the footer of every page."""
    done = sum(1 for s in signed if s.signed)
    if signed and done == len(signed) and last is not None:
        # by that day, the last of them on it; short enough for the footer's one line
        return f"Every partner signed by {long_date(last)}"
    if done:
        return f"Signed by {done} of {plural(len(signed), 'partner')}, {long_date(as_of)}"
    if draft:
        return f"Draft for discussion, {long_date(as_of)}"
    return f"For signing, {long_date(as_of)}"


def goal_objective(goal: Goal) -> str:
    """A goal as an objective the partners sign up to: what, over what term, how it is
    measured, from what to what and by when."""
    term = TERM_LABELS.get(goal.term or "", "").lower()
    text = goal.title + (f" ({term})" if term else "")
    baseline, target = number(goal.baseline, goal.unit), number(goal.target, goal.unit)
    change = (
        f"from {baseline} to {target}" if baseline and target else f"to {target}" if target else ""
    )
    due = f"by {long_date(goal.due)}" if goal.due else ""
    when = " ".join(part for part in (change, due) if part)
    measured = ", ".join(part for part in (goal.measure or "", when) if part)
    return f"{text}: {measured}" if measured else text


def goals_intro(goals: Sequence[Goal]) -> str:
    """The sentence that introduces the goals, naming what every one of them has of a term,
    a measure and a target (and nothing it lacks)."""
    has = [
        what
        for what, every in (
            ("its term", all(g.term for g in goals)),
            ("its measure", all(g.measure for g in goals)),
            ("its target", all(g.target is not None for g in goals)),
        )
        if every
    ]
    listed = " and ".join([", ".join(has[:-1]), has[-1]] if len(has) > 1 else has)
    if len(goals) == 1:
        return "The partners will measure their progress against this goal" + (
            f", with {listed}:" if has else ":"
        )
    each = f", each with {listed}" if has else ""
    return f"The partners will measure their progress against these goals{each}:"


def to_agree(project: Project, signed: tuple[Signature, ...]) -> tuple[str, ...]:
    """What the partners have still to agree before they sign, in the order of the
    Memorandum's sections, each in plain words with the section it belongs to."""
    psp = project.psp
    partners = partners_lead_first(project)
    found: list[str] = []

    def missing(what: str, section: int) -> None:
        found.append(f"{what} (section {section})")

    if not psp.purpose:
        missing("The purpose of this Memorandum", 1)
    if not psp.start or not psp.end:
        missing(
            "When the partnership starts and ends"
            if not psp.start and not psp.end
            else "When the partnership ends"
            if psp.start
            else "When the partnership started",
            1,
        )
    if not psp.scope:
        missing("The scope of the partnership", 1)
    if not psp.objectives and not project.goals.goals:
        missing("The partnership's objectives", 2)
    lacking: dict[tuple[bool, bool], list[str]] = {}
    for goal in project.goals.goals:
        lacking.setdefault((not goal.measure, goal.target is None), []).append(f"“{goal.title}”")
    for key, what in (
        ((True, True), "A measure and a target"),
        ((True, False), "A measure"),
        ((False, True), "A target"),
    ):
        if key in lacking:
            goals = lacking[key]
            missing(f"{what} for the {'goal' if len(goals) == 1 else 'goals'} {join(goals)}", 2)
    if not psp.values:
        missing("The values the partners share", 3)
    if not psp.funding:
        missing("How the partnership is funded", 4)
    if not partners:
        missing("Who the partners are", 5)
    unpledged = [p.name for p in partners if not p.contribution]
    if unpledged:
        missing(
            f"What {join(unpledged)} {'contributes' if len(unpledged) == 1 else 'each contribute'}",
            5,
        )
    if not psp.roles:
        missing("Who holds each role", 6)
    elif not any(r.role == "project_manager" for r in psp.roles):
        missing("Who the project manager is", 6)
    if not psp.governance.groups:
        missing("The governance groups and who sits on them", 6)
    for group in psp.governance.groups:
        if not group.chair:
            missing(f"Who chairs the {group.name}", 6)
    unassigned = [p.name for p in partners if not p.responsibilities]
    if unassigned:
        missing(f"The responsibilities of {join(unassigned)}", 6)
    clauses = psp.mou
    if not clauses.dispute_resolution:
        missing("How a disagreement between the partners is resolved", 7)
    if not clauses.amendment:
        missing("How this Memorandum is amended", 8)
    if not clauses.confidentiality:
        missing("How the partners keep shared information confidential", 9)
    if not clauses.exit:
        missing("How a partner leaves the partnership", 10)
    unnamed = [s.partner for s in signed if s.name == "Not yet named"]
    if unnamed:
        missing(f"Who signs for {join(unnamed)}", 11)
    return tuple(found)


def build(folder: CheckedFolder, as_of: date) -> Mou:
    return mou(folder.project, as_of)


PAPER = Paper(
    name="mou",
    kind="docx",
    title="Memorandum of Understanding",
    help="The Memorandum of Understanding, ready for signing (Word).",
    stage="create",
    build=build,
    template="mou.docx",
    gaps=("PSP501", "PSP502", "PSP506"),
)
