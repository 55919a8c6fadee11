"""The outline and full business cases, laid out as councils lay theirs out: a title page,
document control, the contents, and numbered sections from the one description both share
(`contents.DESCRIPTION`), each section's data a frozen dataclass of its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ....model import Project
from ...formatting import long_date
from ...people import owner_names
from ...wording import plural
from .. import CheckedFolder, Command, Paper
from ..control import (
    ApprovalStep,
    Standing,
    Version,
    approval_route,
    sign_off_meeting,
    standing,
    versions,
)
from ..partnership import Partnership, governance_group, governance_group_id, partnership
from ..signoff import Signature, last_signed, signatures
from .approved import as_approved, folder_on
from .benefits import BenefitRow, GoalRow, benefits, benefits_summary, goals, goals_unset
from .contents import CaseKind, Contents, Section, case_kind, contents
from .finance import Financial, budget, financial
from .governance import GovernanceRecord, governance_record
from .management import Evaluation, Management, Service, evaluation, management, service
from .options import Options, options_appraisal
from .plan import Plan, plan
from .raid import RaidRow, no_actions, raid_rows
from .recommendations import Context, proposal, recommendations


@dataclass(frozen=True)
class Case:
    """What makes the outline and the full business case different papers."""

    title: str
    document: str
    """The `approvals` document that signs it off."""
    purposes: dict[str, str]
    """The approvals its review and approval route lists, and why each is signed off."""


CASES: dict[CaseKind, Case] = {
    "outline": Case(
        "Outline Business Case",
        "outline_business_case",
        {
            "outline_business_case": "Sign-off of the outline business case: agreement to pilot",
            "pilot_plan": "Sign-off of the pilot plan",
        },
    ),
    "full": Case(
        "Full Business Case",
        "full_business_case",
        {"full_business_case": "Sign-off of the full business case: the case for funding"},
    ),
}


@dataclass(frozen=True)
class Detail:
    """A row of the title page's table: "Version", "1.0"."""

    label: str
    value: str


@dataclass(frozen=True)
class TitlePage:
    """The title page: version, date, status, lead partner, owner (the lead partner's senior
    sponsor) and author (the project manager); and the numbered contents."""

    kind: str
    title: str
    version: str
    date: str
    status: str
    lead: str
    owner: str
    author: str
    previous: str
    """The full case: whether and when the outline business case was signed off (its
    purpose, section 1.1, says so)."""
    contents: tuple[Section, ...]
    """The numbered sections, as the template's headings and contents page give them."""
    details: tuple[Detail, ...] = ()
    """The title page's table, each row the folder gives (none left blank)."""
    versioning: str = ""
    """How the versions are numbered, above the version history."""
    state: str = "draft"
    """"draft", "submitted" or "approved" (`control.standing`)."""


@dataclass(frozen=True)
class Review:
    """A row of the quality-assurance table: who reviewed the case, when, the outcome."""

    reviewer: str
    date: str
    outcome: str


@dataclass(frozen=True)
class Summary:
    proposal: str
    appraisal: str
    benefits: tuple[str, ...]
    """The benefits' titles."""
    benefits_progress: str
    financial: str
    affordability: str = ""
    """The full case: what is committed and engaged against the costs still to fund, the
    shortfall, and the budget decisions, in a paragraph of its own below `financial`."""
    line_start: str = "its first measurement"
    """Where the benefits' line to target starts, as `analysis.benefits` draws it: "the
    partnership's start, 1 February 2010" (a reader recomputing a RAG needs it)."""


@dataclass(frozen=True)
class Strategic:
    scope: str
    fit: str
    assumptions: tuple[RaidRow, ...]
    risks: tuple[RaidRow, ...]
    dependencies: tuple[RaidRow, ...]
    assumptions_note: str = ""
    """Below each table, the entries without actions in one sentence (`raid.no_actions`)."""
    risks_note: str = ""
    dependencies_note: str = ""


@dataclass(frozen=True)
class BusinessCase:
    """Everything an outline or full business case prints, section by section."""

    partnership: Partnership
    document: TitlePage
    versions: tuple[Version, ...]
    approvals: tuple[ApprovalStep, ...]
    signoff: tuple[Signature, ...]
    summary: Summary
    goals: tuple[GoalRow, ...]
    """Every goal (the rationale gives each one's reasons)."""
    strategic: Strategic
    options: Options
    benefits: tuple[BenefitRow, ...]
    financial: Financial
    plan: Plan
    management: Management
    governance_record: GovernanceRecord
    """The full case: the governance meetings held and the knowledge transferred."""
    service: Service
    evaluation: Evaluation
    recommendations: tuple[str, ...]
    decisions: str = "It is recommended that the partners:"
    """What introduces the recommendations: asked for, or (once approved) what was decided."""
    quality: tuple[Review, ...] = ()
    """The quality-assurance reviews of this case (psp.yaml `quality_assurance`)."""
    exceptions: tuple[str, ...] = ()
    """Exceptions to the partners' own rules the case declares (psp.yaml `exceptions`)."""
    equality: str = ""
    """The equality impact assessment, in a sentence or two (psp.yaml `equality`)."""
    goal_rows: tuple[GoalRow, ...] = ()
    """The goals with anything set, as the goals and findings tables show them."""
    goals_unset: str = ""
    """The goals with nothing set yet, in one sentence in place of empty rows."""
    no_quality: str = ""
    """Where no quality-assurance review of this case is recorded: that, plainly."""
    no_exceptions: str = ""
    """Where the case declares no exceptions: that, plainly."""


def _equality(project: Project) -> str:
    """Whether the equality impact assessment is done, when, and what it found."""
    found = project.psp.equality
    asked = "Has an equality impact assessment been undertaken? "
    if found is None or not found.done:
        return (
            asked + "Not yet. The partners are to complete one before they decide on the service, "
            "to have due regard to the public sector equality duty (Equality Act 2010, "
            "section 149)." + (f" {found.summary}" if found is not None and found.summary else "")
        )
    when = f", completed on {long_date(found.date)}" if found.date else ""
    return f"{asked}Yes{when}." + (f" {found.summary}" if found.summary else "")


def _previous_sign_off(project: Project, as_of: date) -> str:
    """Whether and when every partner signed the outline business case off."""
    signoff = signatures(project, "outline_business_case", as_of)
    signed = sum(1 for s in signoff if s.signed)
    last = last_signed(project, "outline_business_case", as_of)
    if not signed or last is None:
        planned = _outline_planned(project, as_of)
        return "The outline business case is not yet signed off" + (
            f"; its sign-off is planned for {planned}." if planned else "."
        )
    if signed == len(signoff):
        return f"The outline business case was signed off by every partner on {long_date(last)}."
    return (
        f"The outline business case has been signed off by {signed} of "
        f"{plural(len(signoff), 'partner')}, most recently on {long_date(last)}."
    )


def _outline_planned(project: Project, as_of: date) -> str:
    """When the outline business case's sign-off is planned: the signing group's next
    meeting whose agenda names it, else the due date of the milestone that delivers it."""
    from ..control import sign_off_meeting
    from .plan import _delivers

    meeting = sign_off_meeting(project, "outline_business_case", as_of)
    if meeting is not None:
        return long_date(meeting)
    due = next(
        (
            m.due
            for m in project.milestones.milestones
            if m.completed is None and m.due and _delivers(m, "outline_business_case")
        ),
        None,
    )
    return long_date(due)


def _outline_pending(project: Project, as_of: date) -> str:
    """The full case's note, while any partner has not signed the outline business case off:
    "Note that the outline business case is not yet signed off (planned 20 August 2026)."."""
    signoff = signatures(project, "outline_business_case", as_of)
    if signoff and all(s.signed for s in signoff):
        return ""
    planned = _outline_planned(project, as_of)
    return "Note that the outline business case is not yet signed off" + (
        f" (planned {planned})." if planned else "."
    )


def _next_meeting(project: Project, as_of: date) -> str:
    """The signing group's next planned meeting, as a recommendation ends: "at the
    Partnership Board's next meeting, on 20 August 2026"; empty where none is planned."""
    from ..control import next_meeting

    when = next_meeting(project, as_of)
    if when is None or governance_group_id(project) is None:
        return ""
    return f"at the {governance_group(project)}'s next meeting, on {long_date(when)}"


def _route_decided(project: Project, as_of: date) -> str:
    """The governance decision, by `as_of`, that chose the route to sustainability
    (sustainability.yaml `route_decision`), as "the PSP Governance Group agreed on 24 June
    2011 to go to tender …"; empty where none is recorded."""
    chosen = project.sustainability.route_decision
    if chosen is None:
        return ""
    groups = {g.id: g.name for g in project.psp.governance.groups}
    for meeting in project.meetings.meetings:
        if meeting.status != "held" or meeting.date > as_of:
            continue
        for d in meeting.decisions:
            if d.id == chosen:
                words = d.decision.strip().rstrip(".")
                return (
                    f"the {groups.get(meeting.group, 'partners')} agreed on "
                    f"{long_date(meeting.date)} to {words[:1].lower()}{words[1:]}"
                )
    return ""


def _approval_dates(steps: tuple[ApprovalStep, ...], schedule: Plan) -> tuple[ApprovalStep, ...]:
    """The route's pending sign-off without a planned meeting, dated by the milestone that
    delivers this case where the plan has one: "31 December 2026 (planned)"."""
    due = next((r.due for r in schedule.milestones if r.this_paper and not r.completed), "")
    if not due:
        return steps
    return tuple(
        replace(s, date=f"{due} (planned)") if s.date == "Not yet set" else s for s in steps
    )


def _preference(project: Project, as_of: date) -> tuple[Project, str]:
    """The project with the preferred option the partners chose at a meeting, where
    options.yaml names none (`practice.decided_preference`), and the sentence that says so."""
    from ....analysis.practice import decided_preference

    chosen = decided_preference(project, as_of)
    if chosen is None or not chosen[1]:
        return project, ""
    option, decision, when, group = chosen
    groups = {g.id: g.name for g in project.psp.governance.groups}
    project = project.model_copy(
        update={"options": project.options.model_copy(update={"preferred": option})}
    )
    del decision  # the minutes' number for it: the paper names the meeting, not the id
    return project, (
        f"The {groups.get(group, 'partnership')} chose it at its meeting on {long_date(when)}."
    )


def _people(project: Project) -> tuple[str, str, str]:
    """The lead partner, the owner (the lead partner's senior sponsor) and the author (the
    project manager), by name; empty where the folder names none."""
    psp = project.psp
    who = owner_names(project, with_partner=True)
    people = project.people()
    lead = next((p for p in project.partners.partners if p.lead), None)
    sponsors = [r.person for r in psp.roles if r.role == "senior_sponsor"]
    owner = next(
        (s for s in sponsors if lead is not None and people.get(s, (None, ""))[1] == lead.id),
        sponsors[0] if sponsors else None,
    )
    author = next((r.person for r in psp.roles if r.role == "project_manager"), None)
    return (
        lead.name if lead else "",
        who.get(owner, owner) if owner else "",
        who.get(author, author) if author else "",
    )


def _status(standing: Standing, project: Project | None = None, document: str = "") -> str:
    """The title page's status: once approved, plainly the approved version of that day, when
    and by whom it was approved: every partner, at the group that signs papers off, each
    through an officer at Director level or above (the sign-off table names them)."""
    if standing.state != "approved" or standing.approved is None:
        return standing.status
    when = f"on {long_date(standing.approved)}"
    if project is not None and document:
        from ..control import approved_by

        dates, _ = approved_by(project, document, standing.approved)
        if dates and min(dates.values()) != standing.approved:
            when = f"by {long_date(standing.approved)}"
    group = (
        governance_group(project)
        if project is not None and governance_group_id(project) is not None
        else ""
    )
    at = f" at the {group}" if group else ""
    return (
        f"Approved by every partner{at} {when}, each signing through an officer at Director "
        "level or above. This is the approved version 1.0, as the partnership's records "
        "stood that day; it asks for no further approval."
    )


def _title_page(
    project: Project,
    as_of: date,
    case: Contents,
    history: tuple[Version, ...],
    standing: Standing,
) -> TitlePage:
    lead, owner, author = _people(project)
    spec = CASES[case.kind]
    version = history[-1].version
    details = [
        ("Partnership", project.psp.name),
        ("Document", spec.title),
        ("Version", version),
        ("Date", long_date(as_of)),
        ("Lead partner", lead),
        ("Owner (senior responsible owner)", owner),
        ("Author (project manager)", author),
        ("Status", _status(standing, project, CASES[case.kind].document)),
    ]
    return TitlePage(
        kind=case.kind,
        title=spec.title,
        version=version,
        date=long_date(as_of),
        status=_status(standing, project, CASES[case.kind].document),
        lead=lead,
        owner=owner,
        author=author,
        previous=_previous_sign_off(project, as_of) if case.kind == "full" else "",
        contents=case.sections,
        details=tuple(Detail(label, value) for label, value in details if value),
        versioning=(
            "Versions 0.1, 0.2 … are drafts, one for each change to the partnership's "
            "records; version 1.0 is the one every partner approved."
        ),
        state=standing.state,
    )


def _strategic_fit(project: Project, lead: str) -> str:
    """Who leads the partnership and when it runs, as far as the folder says; and, where no
    goal says how it fits the partners' strategies, that the fit is not yet written."""
    psp = project.psp
    text = f"{psp.name} is a Public Social Partnership" + (f" led by {lead}" if lead else "")
    if psp.start and psp.end:
        text += f", running from {long_date(psp.start)} to {long_date(psp.end)}"
    elif psp.start:
        text += f", which started on {long_date(psp.start)}"
    text += "."
    if not any(g.relevance for g in project.goals.goals):
        text += (
            " The partners have not yet written how the service fits their own strategies "
            "and plans."
        )
    return text


def _strategic(project: Project, as_of: date, lead: str) -> Strategic:
    assumptions = raid_rows(project, as_of, "assumption")
    risks = raid_rows(project, as_of, "risk")
    dependencies = raid_rows(project, as_of, "dependency")
    return Strategic(
        scope=project.psp.scope or "",
        fit=_strategic_fit(project, lead),
        assumptions=assumptions,
        risks=risks,
        dependencies=dependencies,
        assumptions_note=no_actions([r for r in assumptions if r.open]),
        # the open risks' actions, or their lack, are said once, in the management case
        risks_note="",
        dependencies_note=no_actions([r for r in dependencies if r.open]),
    )


def business_case(
    project: Project,
    as_of: date,
    kind: str,
    history: Sequence[Any] = (),
    then: Project | None = None,
) -> BusinessCase:
    """The outline (`kind="outline"`) or full (`"full"`) business case as at `as_of`; once
    every partner has approved it, the approved version as it stood on that day
    (`approved.as_approved`), however late it is rendered.

    `history` is the folder's version history as (date, short commit, subject) tuples, oldest
    first (`load.history.folder_history`); empty outside git. `then` is the folder as git
    holds it on the approval day (`approved.folder_on`), where it does.
    """
    from ....analysis.economics import economic_case

    case = contents(case_kind(kind))
    spec = CASES[case.kind]
    approved = standing(project, spec.document, as_of).approved
    if approved is not None:  # the approved version: the case as it stood that day
        project = as_approved(then or project, approved, approvals_from=project)
        as_of = approved
    project, decided = _preference(project, as_of)
    signoff = signatures(project, spec.document, as_of)
    now = standing(project, spec.document, as_of)
    lead, _, author = _people(project)
    drafts = versions(history, as_of, now.approved, author.split(" (")[0])
    economics = economic_case(project)
    options = options_appraisal(project, as_of, economics)
    if decided:
        options = replace(options, summary=f"{options.summary} {decided}")
    benefit_rows, analysis = benefits(project, as_of)
    progress = benefits_summary(analysis, as_of)
    schedule, pilot_dates = plan(project, as_of, spec.document)
    money = financial(
        project,
        economics,
        options.preferred.id if options.preferred else None,
        budget(project, as_of, pilot_dates),
        as_of,
        f"the options appraisal (section {case.number('options')})",
    )
    goal_list = goals(project, analysis)
    reviews = _reviews(project, as_of, spec.document)
    managed = management(project, as_of)
    model = service(project, options.preferred, as_of)
    if case.kind == "full" and not model.piloted and now.state == "draft":
        # a full business case before any pilot has run has no tested model to approve
        now = replace(now, status="Draft: not ready for approval, as no pilot has run yet.")
    findings = evaluation(
        project,
        as_of,
        progress,
        sign_off_meeting(project, spec.document, as_of) if now.approved is None else None,
    )
    previous = _previous_sign_off(project, as_of) if case.kind == "full" else ""
    return BusinessCase(
        partnership=partnership(project, as_of),
        document=_title_page(project, as_of, case, drafts, now),
        versions=drafts,
        approvals=_approval_dates(
            approval_route(project, spec.document, spec.purposes, as_of), schedule
        ),
        signoff=signoff,
        summary=Summary(
            proposal=proposal(project, case, schedule, now, model.piloted)
            + (f" {previous}" if previous else ""),
            # the appraisal in full is in section 4.3; the summary gives its headline
            appraisal=(
                f"{options.headline} Section {case.number('options.preferred')} gives the "
                "appraisal in full."
                if options.preferred is not None
                else options.summary
            ),
            benefits=tuple(b.title for b in benefit_rows),
            benefits_progress=progress,
            financial=money.headline,
            affordability=money.affordability_summary if case.kind == "full" else "",
            line_start=(
                f"the partnership's start, {long_date(project.psp.start)}"
                if project.psp.start
                else "its first measurement"
            ),
        ),
        goals=goal_list,
        goal_rows=tuple(g for g in goal_list if not g.blank),
        goals_unset=goals_unset(goal_list),
        strategic=_strategic(project, as_of, lead),
        options=options,
        benefits=benefit_rows,
        financial=money,
        plan=schedule,
        management=managed,
        governance_record=governance_record(project, as_of),
        service=model,
        evaluation=findings,
        recommendations=recommendations(
            case,
            options,
            schedule,
            money,
            managed,
            model,
            progress,
            now,
            bool(findings.interim),
            len(benefit_rows),
            Context(
                equality_done=bool(project.psp.equality and project.psp.equality.done),
                next_meeting=_next_meeting(project, as_of),
                outline_pending=_outline_pending(project, as_of)
                if case.kind == "full" and now.approved is None
                else "",
                route_decided=_route_decided(project, as_of) if case.kind == "full" else "",
            ),
        ),
        no_quality=(
            ""
            if reviews
            else f"No quality-assurance review of this {spec.title.lower()} is recorded yet."
        ),
        quality=reviews,
        **_rest(project, spec, now),
    )


def _reviews(project: Project, as_of: date, document: str) -> tuple[Review, ...]:
    """The quality-assurance reviews of `document` by `as_of`, as the table shows them."""
    return tuple(
        Review(
            q.reviewer,
            long_date(q.date) or "Not dated",
            q.outcome or ("Outcome not yet reported" if q.date else "Review under way"),
        )
        for q in project.psp.quality_assurance
        if q.document in (None, document) and (q.date is None or q.date <= as_of)
    )


def _rest(project: Project, spec: Case, now: Standing) -> dict[str, Any]:
    return dict(
        exceptions=tuple(project.psp.exceptions),
        no_exceptions=(
            ""
            if project.psp.exceptions
            else f"This {spec.title.lower()} declares no exception to the partners' own "
            "rules, such as a waiver of contract standing orders or a direct award."
        ),
        equality=_equality(project),
        decisions=(
            f"By {long_date(now.approved)} every partner had approved this "
            f"{spec.title.lower()}. With it the partners:"
            if now.approved is not None
            else "It is recommended that the partners:"
        ),
    )


def _from_folder(folder: CheckedFolder, as_of: date, kind: CaseKind) -> BusinessCase:
    from ....load.history import folder_history

    approved = standing(folder.project, CASES[kind].document, as_of).approved
    then = folder_on(folder.root, approved) if approved is not None else None
    return business_case(folder.project, as_of, kind, folder_history(folder.root), then)


def outline(folder: CheckedFolder, as_of: date) -> BusinessCase:
    return _from_folder(folder, as_of, "outline")


def full(folder: CheckedFolder, as_of: date) -> BusinessCase:
    return _from_folder(folder, as_of, "full")


COMMAND = Command(
    "business-case",
    "The outline or full business case, laid out as councils lay theirs out (Word).",
)
OUTLINE = Paper(
    name="business-case-outline",
    kind="docx",
    title=CASES["outline"].title,
    help="The outline business case, to agree the pilot.",
    stage="design",
    build=outline,
    template="business-case-outline.docx",
    command=COMMAND,
    flag="--outline",
    gaps=("PSP403", "PSP501", "PSP503", "PSP504", "PSP505", "PSP506", "PSP509"),
)
FULL = Paper(
    name="business-case-full",
    kind="docx",
    title=CASES["full"].title,
    help="The full business case, the case for funding.",
    stage="pilot",
    build=full,
    template="business-case-full.docx",
    command=COMMAND,
    flag="--full",
    gaps=("PSP403", "PSP501", "PSP503", "PSP504", "PSP506", "PSP509"),
)
