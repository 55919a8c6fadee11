"""Paper readiness: a warning for each gap a paper would show, naming the paper, so the
project manager fills it in before `psp render` writes something a partner would have to
edit (DESIGN.md §6). The papers state such a gap in plain words; these warnings say where
to close it.

Each paper declares the codes that are gaps in it (`Paper.gaps`, report/papers/), so
`psp render` can say how many gaps the paper it writes carries.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..model import STAGES
from .context import CheckContext
from .registry import rule

MOU = "the MoU"
CASES = "the business cases"


def _from(ctx: CheckContext, stage: str) -> bool:
    """Whether the partnership has reached `stage`, when the papers of that stage are
    drawn up."""
    return STAGES.index(ctx.project.psp.stage) >= STAGES.index(stage)


@rule("PSP501")
def groups_without_a_chair(ctx: CheckContext) -> Iterator[Diagnostic]:
    if not _from(ctx, "create"):
        return
    for i, group in enumerate(ctx.project.psp.governance.groups):
        if group.chair is None:
            yield ctx.at(
                "PSP501",
                f"{group.name} has no chair: {MOU} and {CASES} show its chair as not yet chosen",
                "psp.yaml",
                ("governance", "groups", i),
                hint="add chair: with the id of the person who chairs it",
            )


@rule("PSP502")
def partners_without_responsibilities(ctx: CheckContext) -> Iterator[Diagnostic]:
    if not _from(ctx, "create"):
        return
    for i, partner in enumerate(ctx.project.partners.partners):
        if not partner.responsibilities:
            yield ctx.at(
                "PSP502",
                f"{partner.name} has no responsibilities: {MOU} cannot say what it will do",
                "partners.yaml",
                ("partners", i),
                hint="add responsibilities: a list of what the partner undertakes to do",
            )


@rule("PSP503")
def preferred_option_without_a_rationale(ctx: CheckContext) -> Iterator[Diagnostic]:
    if not _from(ctx, "design"):
        return
    options = ctx.project.options
    for i, option in enumerate(options.options):
        if option.id == options.preferred and not option.rationale:
            yield ctx.at(
                "PSP503",
                f"the preferred option {option.name} has no rationale: {CASES} cannot say why "
                "the partners prefer it",
                "options.yaml",
                ("options", i),
                hint="add rationale: why the partners prefer this option",
            )


@rule("PSP504")
def risks_without_mitigation(ctx: CheckContext) -> Iterator[Diagnostic]:
    if not _from(ctx, "design"):
        return
    for i, risk in enumerate(ctx.project.risks.risks):
        # a risk or issue without actions is PSP403's finding already (counted below)
        if risk.status == "open" and not risk.actions and risk.type in ("assumption", "dependency"):
            yield ctx.at(
                "PSP504",
                f"{risk.type} {risk.id} has no mitigation: {CASES} list it with none recorded",
                "risks.yaml",
                ("risks", i),
                hint="add actions: what will be done to manage it, by whom, by when",
            )


@rule("PSP505")
def no_pilot_dates(ctx: CheckContext) -> Iterator[Diagnostic]:
    psp = ctx.project.psp
    if not _from(ctx, "design") or psp.stage == "closed":
        return
    if psp.pilot is None or psp.pilot.start is None or psp.pilot.end is None:
        yield ctx.at(
            "PSP505",
            "the pilot has no start and end dates: the outline business case cannot ask the "
            "partners to approve the pilot's dates",
            "psp.yaml",
            ("pilot",) if psp.pilot is not None else (),
            hint="add pilot: {start: YYYY-MM-DD, end: YYYY-MM-DD}",
        )


@rule("PSP506")
def partners_without_a_director_signatory(ctx: CheckContext) -> Iterator[Diagnostic]:
    if not _from(ctx, "create"):
        return
    for i, partner in enumerate(ctx.project.partners.partners):
        if not any(p.director_level for p in partner.people):
            yield ctx.at(
                "PSP506",
                f"{partner.name} has no one at Director level to sign for it: the sign-off rows "
                f"of {MOU} and {CASES} name no signatory",
                "partners.yaml",
                ("partners", i),
                hint="mark its signatory director_level: true, or add its Director",
            )


AGENDA = "its agenda"
MINUTES = "the minutes"


@rule("PSP507")
def next_meeting_without_time_or_venue(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each group's next planned meeting needs a time and a venue before its agenda goes out."""
    groups = {g.id: g.name for g in ctx.project.psp.governance.groups}
    meetings = ctx.project.meetings.meetings
    upcoming = [
        (i, m) for i, m in enumerate(meetings) if m.status == "planned" and m.date >= ctx.as_of
    ]
    for group in dict.fromkeys(m.group for _, m in upcoming):
        i, meeting = min(((i, m) for i, m in upcoming if m.group == group), key=lambda x: x[1].date)
        missing = [k for k, v in (("time", meeting.time), ("venue", meeting.location)) if not v]
        if missing:
            when = f"{meeting.date.day} {meeting.date:%B %Y}"
            they = "it is" if len(missing) == 1 else "they are"
            yield ctx.at(
                "PSP507",
                f"the {groups.get(group, group)} meeting of {when} has no "
                f"{' or '.join(missing)}: {AGENDA} says {they} not yet set",
                "meetings.yaml",
                ("meetings", i),
                hint="add time: and location: to the meeting",
            )


@rule("PSP508")
def decision_without_a_rationale(ctx: CheckContext) -> Iterator[Diagnostic]:
    """A decision minuted without why it was taken: the minutes say no reason was recorded."""
    for i, meeting in enumerate(ctx.project.meetings.meetings):
        if meeting.status != "held":
            continue
        for j, decision in enumerate(meeting.decisions):
            if decision.rationale:
                continue
            from ..analysis.decisions import decision_rationale  # scores options: only here

            if decision_rationale(ctx.project, decision) is None:
                yield ctx.at(
                    "PSP508",
                    f"decision {decision.id} has no rationale: {MINUTES} of {meeting.id} say no "
                    "reason was recorded",
                    "meetings.yaml",
                    ("meetings", i, "decisions", j),
                    hint="add rationale: why the meeting decided it",
                )


@rule("PSP509")
def option_costs_without_what_they_cover(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Options costed with no `cost_covers`: the business cases give an estimated cost beside
    the economic case's costs by year, and a reader cannot tell what the first is the cost of
    (DESIGN.md §6: where a paper gives two costs for one thing it says what each is)."""
    if not _from(ctx, "design"):
        return
    options = ctx.project.options
    costed = [option.name for option in options.options if option.cost is not None]
    if costed and not options.cost_covers:
        yield ctx.at(
            "PSP509",
            f"the options' estimated costs do not say what they cover: {CASES} give "
            f"{'each option' if len(costed) > 1 else costed[0]}'s estimated cost without saying "
            "what it is the cost of",
            "options.yaml",
            (),
            hint='add cost_covers: what every option\'s cost is ("the annual cost of the service")',
        )
