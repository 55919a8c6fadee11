"""References between records: ids are unique, and every id a record names exists."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..diagnostics import Diagnostic
from ..load.yamlfile import Path
from ..model import FILES
from .context import CheckContext
from .registry import rule


def _suggest(value: str, known: Iterable[str]) -> str | None:
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f"did you mean '{guess[0]}'?" if guess else None


def _duplicates(
    ctx: CheckContext, file: str, kind: str, records: Iterable[tuple[Path, Any]]
) -> Iterator[Diagnostic]:
    seen: dict[str, Path] = {}
    for path, record in records:
        if record.id in seen:
            first_line, _ = ctx.position(file, seen[record.id])
            yield ctx.at(
                "PSP201",
                f"{kind} id '{record.id}' is used twice (first at line {first_line})",
                file,
                (*path, "id"),
                value=True,
                hint="give each record its own id",
            )
        else:
            seen[record.id] = path


@rule("PSP201")
def duplicate_ids(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Ids are unique within their namespace, as each file's model declares its lists of
    records (`model.Records`): a partner's people share one with the partners."""
    for spec in FILES:
        namespaces: dict[str, list[tuple[Path, Any]]] = {}
        for kind, path, record in spec.records_in(getattr(ctx.project, spec.attribute)):
            namespaces.setdefault(kind.namespace, []).append((path, record))
        for namespace, records in namespaces.items():
            yield from _duplicates(ctx, spec.name, spec.namespaces[namespace], records)


def unknown_owner(
    ctx: CheckContext, known: set[str], file: str, path: Path, owner: str | None, what: str
) -> Iterator[Diagnostic]:
    """PSP202 where `owner` (of the record `what`, at `path` in `file`) is not in `known`."""
    if owner is not None and owner not in known:
        yield ctx.at(
            "PSP202",
            f"{what}: owner '{owner}' is not a partner or a person in partners.yaml",
            file,
            (*path, "owner"),
            value=True,
            hint=_suggest(owner, known) or "add the person to their partner's people",
        )


@rule("PSP202")
def owners(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Every `owner` names a partner or a partner's person."""
    p = ctx.project
    known = p.owner_ids() | ctx.raw_people_ids()

    def check(file: str, path: Path, owner: str | None, what: str) -> Iterator[Diagnostic]:
        return unknown_owner(ctx, known, file, path, owner, what)

    for i, goal in enumerate(p.goals.goals):
        yield from check("goals.yaml", ("goals", i), goal.owner, f"goal {goal.id}")
    for i, risk in enumerate(p.risks.risks):
        yield from check("risks.yaml", ("risks", i), risk.owner, f"risk {risk.id}")
        for j, action in enumerate(risk.actions):
            yield from check(
                "risks.yaml", ("risks", i, "actions", j), action.owner, f"risk {risk.id} action"
            )
    for i, ms in enumerate(p.milestones.milestones):
        yield from check("milestones.yaml", ("milestones", i), ms.owner, f"milestone {ms.id}")
        for j, task in enumerate(ms.tasks):
            yield from check(
                "milestones.yaml",
                ("milestones", i, "tasks", j),
                task.owner,
                f"milestone {ms.id} task",
            )
    for i, benefit in enumerate(p.benefits.benefits):
        yield from check("benefits.yaml", ("benefits", i), benefit.owner, f"benefit {benefit.id}")
    for i, comm in enumerate(p.stakeholders.communications):
        yield from check(
            "stakeholders.yaml", ("communications", i), comm.owner, f"communication {comm.id}"
        )


@rule("PSP203", "PSP211")
def partners_and_people(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Governance members, chairs, roles, approvals, budget lines and funders name real ids."""
    p = ctx.project
    partner_ids = {partner.id for partner in p.partners.partners}
    people = p.people()
    everyone = partner_ids | set(people) | ctx.raw_people_ids()
    # people left out of the model for a schema error are not reported again as missing;
    # partners' ids are not people, so they never count here
    written = ctx.raw_person_ids()
    written_partners = ctx.raw_ids("partners.yaml", "partners")

    def missing(file: str, path: Path, value: str, what: str, known: set[str]) -> Diagnostic:
        return ctx.at(
            "PSP203",
            f"{what} '{value}' is not in partners.yaml",
            file,
            path,
            value=True,
            hint=_suggest(value, known),
        )

    for i, group in enumerate(p.psp.governance.groups):
        base: Path = ("governance", "groups", i)
        if group.chair is not None and group.chair not in everyone:
            yield missing(
                "psp.yaml", (*base, "chair"), group.chair, f"chair of {group.name}", everyone
            )
        for j, member in enumerate(group.members):
            if member not in everyone:
                yield missing(
                    "psp.yaml", (*base, "members", j), member, f"member of {group.name}", everyone
                )
    for i, role in enumerate(p.psp.roles):
        if role.person not in people and role.person not in written:
            yield missing(
                "psp.yaml", ("roles", i, "person"), role.person, f"{role.role} person", set(people)
            )
    for i, approval in enumerate(p.psp.approvals):
        base = ("approvals", i)
        if approval.partner not in partner_ids and approval.partner not in written_partners:
            yield missing(
                "psp.yaml",
                (*base, "partner"),
                approval.partner,
                f"{approval.document} approval partner",
                partner_ids,
            )
        if approval.person is None:
            continue
        if approval.person not in people and approval.person not in written:
            yield missing(
                "psp.yaml",
                (*base, "person"),
                approval.person,
                f"{approval.document} approval person",
                set(people),
            )
        elif (
            approval.person in people
            and approval.partner in partner_ids
            and people[approval.person][1] != approval.partner
        ):
            yield ctx.at(
                "PSP211",
                f"{approval.person} signs the {approval.document} for {approval.partner} "
                f"but belongs to {people[approval.person][1]}",
                "psp.yaml",
                (*base, "person"),
                value=True,
                hint="a partner's approval is given by one of its own people",
            )
    for i, line in enumerate(p.budget.budget):
        if line.partner is not None and line.partner not in partner_ids | written_partners:
            yield missing(
                "budget.yaml",
                ("budget", i, "partner"),
                line.partner,
                "budget line partner",
                partner_ids,
            )
    for i, funder in enumerate(p.sustainability.funders):
        if funder.partner is not None and funder.partner not in partner_ids | written_partners:
            yield missing(
                "sustainability.yaml",
                ("funders", i, "partner"),
                funder.partner,
                f"funder {funder.id} partner",
                partner_ids,
            )


@rule("PSP204", "PSP205", "PSP207")
def goals_milestones_stakeholders(ctx: CheckContext) -> Iterator[Diagnostic]:
    p = ctx.project
    goal_ids = {g.id for g in p.goals.goals} | ctx.raw_ids("goals.yaml", "goals")
    yield from _unknown(
        ctx,
        "PSP204",
        goal_ids,
        "benefits.yaml",
        (
            (
                b.goal,
                f"benefit {b.id}: goal '{b.goal}' is not in goals.yaml",
                ("benefits", i, "goal"),
            )
            for i, b in enumerate(p.benefits.benefits)
            if b.goal is not None
        ),
    )
    milestone_ids = {m.id for m in p.milestones.milestones} | ctx.raw_ids(
        "milestones.yaml", "milestones"
    )
    yield from _unknown(
        ctx,
        "PSP205",
        milestone_ids,
        "milestones.yaml",
        (
            (
                dep,
                f"milestone {ms.id} depends on '{dep}', which is not in milestones.yaml",
                ("milestones", i, "depends_on", j),
            )
            for i, ms in enumerate(p.milestones.milestones)
            for j, dep in enumerate(ms.depends_on)
        ),
    )
    stakeholder_ids = {s.id for s in p.stakeholders.stakeholders} | ctx.raw_ids(
        "stakeholders.yaml", "stakeholders"
    )
    yield from _unknown(
        ctx,
        "PSP207",
        stakeholder_ids,
        "stakeholders.yaml",
        (
            (
                who,
                f"communication {comm.id}: audience '{who}' is not a stakeholder",
                ("communications", i, "audience", j),
            )
            for i, comm in enumerate(p.stakeholders.communications)
            for j, who in enumerate(comm.audience)
        ),
    )


def _unknown(
    ctx: CheckContext,
    code: str,
    known: set[str],
    file: str,
    references: Iterable[tuple[str, str, Path]],
) -> Iterator[Diagnostic]:
    """A finding at each reference (id named, message, path to it) to an id not in `known`,
    with the nearest known id as a hint."""
    for value, message, path in references:
        if value not in known:
            yield ctx.at(code, message, file, path, value=True, hint=_suggest(value, known))


def _scores(
    ctx: CheckContext, file: str, kind: str, base: Path, records: Sequence[Any], criteria: set[str]
) -> Iterator[Diagnostic]:
    # a score for a criterion left out for a schema error is not reported again: the
    # criterion's own error is the finding
    written = criteria | ctx.raw_ids(file, *base[:-1], "criteria")
    for i, record in enumerate(records):
        for criterion in record.scores:
            if criterion not in written:
                yield ctx.at(
                    "PSP209",
                    f"{kind} {record.id}: '{criterion}' is not one of the criteria",
                    file,
                    (*base, i, "scores", criterion),
                    hint=_suggest(criterion, written),
                )
        absent = [c for c in sorted(criteria) if c not in record.scores]
        if absent:
            yield ctx.at(
                "PSP210",
                f"{kind} {record.id} has no score for {', '.join(absent)}",
                file,
                (*base, i, "scores"),
                hint="score every option against every criterion, 1 (poor) to 5 (good)",
            )


@rule("PSP206", "PSP208", "PSP209", "PSP210")
def scores(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Options and candidates are scored against exactly the criteria there are."""
    p = ctx.project
    criteria = {c.id for c in p.options.criteria}
    yield from _scores(ctx, "options.yaml", "option", ("options",), p.options.options, criteria)
    risk_ids = {r.id for r in p.risks.risks} | ctx.raw_ids("risks.yaml", "risks")
    for i, option in enumerate(p.options.options):
        for j, risk in enumerate(option.risks):
            if risk not in risk_ids:
                yield ctx.at(
                    "PSP206",
                    f"option {option.id} names risk '{risk}', which is not in risks.yaml",
                    "options.yaml",
                    ("options", i, "risks", j),
                    value=True,
                    hint=_suggest(risk, risk_ids),
                )
    option_ids = {o.id for o in p.options.options} | ctx.raw_ids("options.yaml", "options")
    if p.options.preferred is not None and p.options.preferred not in option_ids:
        yield ctx.at(
            "PSP208",
            f"preferred option '{p.options.preferred}' is not in the options",
            "options.yaml",
            ("preferred",),
            value=True,
            hint=_suggest(p.options.preferred, option_ids),
        )
    selection = p.partners.selection
    if selection:
        yield from _scores(
            ctx,
            "partners.yaml",
            "candidate",
            ("selection", "candidates"),
            selection.candidates,
            {c.id for c in selection.criteria},
        )
