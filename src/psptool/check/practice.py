"""The How to Guide's good practice, as warnings: a folder is valid while still being filled in."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import practice
from ..analysis.practice import PILOT_MONTHS
from ..diagnostics import Diagnostic
from ..model import STAGES
from ..model.benefit import sroi_gaps
from ..model.common import months_through
from ..model.options import weighted_total
from ..vocabulary import DOCUMENT_TITLES
from .context import CheckContext
from .registry import rule

BUSINESS_CASES = " and ".join(
    f"the {DOCUMENT_TITLES[d]}" for d in ("outline_business_case", "full_business_case")
)
"""The papers that list the RAID log's open entries with their mitigation (their `gaps`
count PSP403): "the outline business case and the full business case"."""


@rule("PSP401")
def smart_goals(ctx: CheckContext) -> Iterator[Diagnostic]:
    p = ctx.project
    linked = practice.benefit_goals(p)
    # A benefit left out for a schema error may be the one linked to the goal: Relevant is
    # then not judged (the benefit's own error is the finding); the other letters still are.
    benefits_partial = ctx.left_out("benefits.yaml", "benefits")
    for i, goal in enumerate(p.goals.goals):
        gaps = practice.goal_gaps(p, goal, benefits_partial or goal.id in linked)
        if gaps:
            letters = "".join(gaps)
            reasons = "; ".join(f"{letter}: {why}" for letter, why in gaps.items())
            yield ctx.at(
                "PSP401",
                f"goal {goal.id} is not SMART (fails {letters}): {reasons}",
                "goals.yaml",
                ("goals", i),
                hint="Specific, Measurable, Achievable (owner), Relevant, Time-bound",
            )


@rule("PSP402", "PSP403", "PSP404", "PSP414")
def raid_log(ctx: CheckContext) -> Iterator[Diagnostic]:
    as_of = ctx.as_of
    for i, risk in enumerate(ctx.project.risks.risks):
        if risk.status != "open":
            continue
        where = ("risks", i)
        if practice.needs_owner(risk):
            yield ctx.at(
                "PSP402",
                f"{risk.type} {risk.id} has no owner",
                "risks.yaml",
                where,
                hint="every entry in the RAID log needs someone who answers for it",
            )
        if practice.needs_action(risk):
            yield ctx.at(
                "PSP403",
                f"{risk.type} {risk.id} has no action: {BUSINESS_CASES} list it with no mitigation",
                "risks.yaml",
                where,
                hint="add actions: what will be done, by whom, by when",
            )
        if practice.review_overdue(risk, as_of):
            yield ctx.at(
                "PSP404",
                f"{risk.type} {risk.id} was due for review on {risk.review}",
                "risks.yaml",
                (*where, "review"),
                value=True,
                hint="review it and set the next review date",
            )
        for j in practice.overdue_actions(risk, as_of):
            action = risk.actions[j]
            yield ctx.at(
                "PSP414",
                f"{risk.type} {risk.id}: action '{_short(action.action)}' was due {action.due}",
                "risks.yaml",
                (*where, "actions", j, "due"),
                value=True,
                hint="mark it done: true, or agree a new due date",
            )


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@rule("PSP405", "PSP417", "PSP406")
def options_appraisal(ctx: CheckContext) -> Iterator[Diagnostic]:
    opts = ctx.project.options
    if not opts.options:
        return
    do_nothing = practice.do_nothing_options(opts.options)
    # an option left out for a schema error may be the do-nothing one; a second do-nothing
    # option is still a second
    if not do_nothing and not ctx.left_out("options.yaml", "options"):
        yield ctx.at(
            "PSP405",
            "the options appraisal has no do-nothing option",
            "options.yaml",
            ("options",),
            hint="add an option with do_nothing: true, the baseline every option is judged against",
        )
    for i in do_nothing[1:]:
        yield ctx.at(
            "PSP417",
            f"option {opts.options[i].id} is a second do-nothing option",
            "options.yaml",
            ("options", i, "do_nothing"),
            value=True,
        )
    # without a criterion left out for a schema error the totals are not the partnership's
    if opts.preferred is None or not opts.criteria or ctx.left_out("options.yaml", "criteria"):
        return
    totals = {o.id: weighted_total(o.scores, opts.criteria) for o in opts.options}
    if opts.preferred not in totals:
        return
    best = max(totals.values())
    if totals[opts.preferred] < best:
        leaders = [oid for oid, total in totals.items() if total == best]
        yield ctx.at(
            "PSP406",
            f"the preferred option {opts.preferred} scores {totals[opts.preferred]:g}, below "
            f"{' and '.join(leaders)} ({best:g})",
            "options.yaml",
            ("preferred",),
            value=True,
            hint="record why the partnership prefers it, or revisit the scores and weights",
        )


@rule("PSP407", "PSP408", "PSP409", "PSP410")
def partnership_mix(ctx: CheckContext) -> Iterator[Diagnostic]:
    # When partners.yaml could not be read, or a partner was left out for a schema error, its
    # own error says why; 'no public-sector partner' or 'no lead partner' would be noise, and
    # wrong whenever the partner left out is the one that would have counted. A second lead
    # is still a second lead.
    partial = ctx.left_out("partners.yaml", "partners")
    partners = ctx.project.partners.partners
    missing = practice.missing_sectors(ctx.project)
    where = ("partners",)
    if "public" in missing and not partial:
        yield ctx.at(
            "PSP407",
            "no public-sector partner: a PSP is a partnership of public and third-sector bodies",
            "partners.yaml",
            where,
        )
    if "third" in missing and not partial:
        yield ctx.at(
            "PSP408",
            "no third-sector partner: a PSP is a partnership of public and third-sector bodies",
            "partners.yaml",
            where,
        )
    if not partial and not practice.potential_funders(ctx.project):
        yield ctx.at(
            "PSP409",
            "no public partner is marked potential_funder: true; the service needs one to "
            "sustain it after the pilot",
            "partners.yaml",
            where,
            hint="engage future funders early, before their budget cycles",
        )
    leads = [i for i, p in enumerate(partners) if p.lead]
    if len(leads) > 1 or (not leads and not partial):
        names = ", ".join(partners[i].id for i in leads)
        yield ctx.at(
            "PSP410",
            "no lead partner" if not leads else f"{len(leads)} lead partners ({names})",
            "partners.yaml",
            ("partners", leads[1]) if len(leads) > 1 else where,
            hint="agree one lead partner and mark it lead: true",
        )


@rule("PSP411", "PSP412")
def mou_signatures(ctx: CheckContext) -> Iterator[Diagnostic]:
    p = ctx.project
    people = p.people()
    flagged: set[str] = set()
    for i, approval in enumerate(p.psp.approvals):
        if approval.document != "mou" or approval.person not in people:
            continue
        person, _ = people[approval.person]
        if not person.director_level:
            flagged.add(person.id)
            yield ctx.at(
                "PSP411",
                f"{person.name} ({person.id}) signs the MoU for {approval.partner} but is not "
                "marked director_level",
                "psp.yaml",
                ("approvals", i, "person"),
                value=True,
                hint="the guide asks for senior sponsorship, Director level or above",
            )
    for i, partner in enumerate(p.partners.partners):
        for j, person in enumerate(partner.people):
            if person.signatory and not person.director_level and person.id not in flagged:
                yield ctx.at(
                    "PSP411",
                    f"{person.name} ({person.id}) is an MoU signatory but not marked "
                    "director_level",
                    "partners.yaml",
                    ("partners", i, "people", j, "signatory"),
                    value=True,
                    hint="the guide asks for senior sponsorship, Director level or above",
                )
    if STAGES.index(p.psp.stage) <= STAGES.index("create"):
        return
    # an approval left out for a schema error (or psp.yaml not validated at all) may be the
    # partner's signature: the error is the finding, not 'has not signed'
    if ctx.left_out("psp.yaml", "approvals"):
        return
    signed = {a.partner for a in p.psp.approvals if a.document == "mou"}
    for i, partner in enumerate(p.partners.partners):
        if partner.id not in signed:
            yield ctx.at(
                "PSP412",
                f"{partner.name} has not signed the MoU, and the partnership is at the "
                f"{p.psp.stage} stage",
                "partners.yaml",
                ("partners", i),
                hint=f"record it in psp.yaml: approvals: - {{document: mou, partner: {partner.id}, "
                "person: ..., date: ...}",
            )


@rule("PSP413")
def pilot_length(ctx: CheckContext) -> Iterator[Diagnostic]:
    pilot = ctx.project.psp.pilot
    if pilot is None or pilot.start is None or pilot.end is None or pilot.end < pilot.start:
        return  # no pilot planned yet, or one that ends before it starts (PSP305)
    months = months_through(pilot.start, pilot.end)
    if months < PILOT_MONTHS:
        yield ctx.at(
            "PSP413",
            f"the pilot runs {months:.1f} months ({pilot.start} to {pilot.end}); the guide "
            f"advises at least {PILOT_MONTHS}",
            "psp.yaml",
            ("pilot",),
            hint="a pilot needs time to gather evidence for the full business case",
        )


@rule("PSP415")
def overdue_milestones(ctx: CheckContext) -> Iterator[Diagnostic]:
    for i, ms in enumerate(ctx.project.milestones.milestones):
        if ms.completed is None and ms.due is not None and ms.due < ctx.as_of:
            days = (ctx.as_of - ms.due).days
            yield ctx.at(
                "PSP415",
                f"milestone {ms.id} was due {ms.due} ({days} days ago) and is not completed",
                "milestones.yaml",
                ("milestones", i, "due"),
                value=True,
                hint="record completed: DATE, or agree and record a new due date",
            )


@rule("PSP416")
def stakeholder_ratings(ctx: CheckContext) -> Iterator[Diagnostic]:
    for i, s in enumerate(ctx.project.stakeholders.stakeholders):
        missing = practice.unrated(s)
        if missing:
            yield ctx.at(
                "PSP416",
                f"stakeholder {s.id} has no {' or '.join(missing)} rating",
                "stakeholders.yaml",
                ("stakeholders", i),
                hint="rate interest and influence from 1 (low) to 5 (high) to map them",
            )


@rule("PSP418")
def sroi_adjustments(ctx: CheckContext) -> Iterator[Diagnostic]:
    p = ctx.project
    for i, benefit in enumerate(p.benefits.benefits):
        if benefit.sroi is None:
            continue
        gaps = sroi_gaps(benefit.sroi, p.psp.discount_rates)
        if gaps:
            listed = ", ".join(gaps[:-1]) + " and " + gaps[-1] if len(gaps) > 1 else gaps[0]
            yield ctx.at(
                "PSP418",
                f"benefit {benefit.id}: the SROI leaves out {listed}",
                "benefits.yaml",
                ("benefits", i, "sroi"),
                hint="an adjustment left out counts as 0 %, which overstates the value: give "
                "each as a percentage (0 if judged nil), and proxy_source",
            )
