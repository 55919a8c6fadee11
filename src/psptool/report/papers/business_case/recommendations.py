"""What a business case asks of the partners: its purpose, and the decisions and notes it
recommends, each written from the figures in the document and pointing at its section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Project
from ...formatting import long_date
from ...wording import counted, in_words, join
from ..control import Standing
from .contents import Contents
from .finance import Financial
from .management import Management, Service
from .options import Options
from .plan import MilestoneRow, Plan

PAST = {
    "Approve": "Approved",
    "Agree": "Agreed",
    "Note": "Noted",
    "Set": "Set",
    "Re-plan": "Re-planned",
}
"""A recommendation's verb once the partners have made the decision."""


@dataclass(frozen=True)
class Context:
    """What the recommendations need from the folder beyond the case's sections."""

    equality_done: bool = True
    """Whether the equality impact assessment is done: until it is, approval waits on it."""
    next_meeting: str = ""
    """The signing group's next planned meeting, as a sentence ends: "at the Partnership
    Board's next meeting, on 20 August 2026"; empty where none is planned."""
    outline_pending: str = ""
    """The full case: that the outline business case is not yet signed off, to note."""
    route_decided: str = ""
    """The full case: the decision already taken on the route to sustainability, as "the PSP
    Governance Group agreed on 24 June 2011 to go to tender …"; empty where none is recorded."""


def proposal(
    project: Project, contents: Contents, plan: Plan, standing: Standing, piloted: bool = True
) -> str:
    """The executive summary's purpose of the document; a full case written before any pilot
    has begun does not claim the pilot's evidence."""
    name = project.psp.name
    pilot = plan.pilot
    if contents.kind == "outline":
        when = f" from {pilot.start} to {pilot.end}" if pilot.start and pilot.end else ""
        if standing.approved is not None:
            return (
                f"This outline business case sets out why the partners of {name} wanted to "
                "change the service, the options they considered, including doing nothing, "
                f"and the preferred option they agreed to test in a pilot{when}. Every partner "
                f"had signed it off by {long_date(standing.approved)}, agreeing to proceed "
                "to the pilot."
            )
        return (
            f"This outline business case sets out why the partners of {name} want to change "
            "the service, the options they considered, including doing nothing, and the "
            f"preferred option they propose to test in a pilot{when}. It asks each partner to "
            "sign it off and agree to proceed to the pilot."
        )
    asks = (
        f"every partner had signed it off by {long_date(standing.approved)}"
        if standing.approved is not None
        else "asks each partner to sign it off"
    )
    if not piloted:
        return (
            f"This full business case of {name} sets out the final service model the partners "
            "propose, the case for funding it and the financial analysis. No pilot has begun "
            "yet, so it has no evidence from one: the benefits achieved and the evaluation "
            "findings are still to come. It is not ready for the partners to sign off until a "
            "pilot has run."
            if standing.approved is None
            else f"This full business case of {name} sets out the final service model the "
            "partners agreed, the case for funding it and the financial analysis, written "
            f"before any pilot had begun; {asks}."
        )
    return (
        f"This full business case builds on the outline business case of {name} with the "
        "evidence from the pilot: the final service model, the benefits and outcomes achieved "
        "so far, the evaluation findings and the financial analysis. It is the case for "
        f"funding the service after the pilot, and {asks}."
    )


def recommendations(
    contents: Contents,
    options: Options,
    plan: Plan,
    financial: Financial,
    management: Management,
    service: Service,
    benefits_summary: str,
    standing: Standing | None = None,
    interim: bool = False,
    benefits: int = 1,
    context: Context | None = None,
) -> tuple[str, ...]:
    """The decisions the business case asks the partners for, and what it asks them to note;
    once every partner has approved it, the same decisions as made (in the past tense)."""
    approved = standing.approved if standing is not None else None
    asked = _asked(
        contents,
        options,
        plan,
        financial,
        management,
        service,
        benefits_summary,
        interim,
        approved,
        benefits,
        context or Context(),
    )
    if standing is None or standing.approved is None:
        return asked
    made = []
    for line in asked:
        verb, _, rest = line.partition(" ")
        made.append(f"{PAST.get(verb, verb)} {rest}")
    return tuple(made)


def _asked(
    contents: Contents,
    options: Options,
    plan: Plan,
    financial: Financial,
    management: Management,
    service: Service,
    benefits_summary: str,
    evaluation_ends_later: bool = False,
    approved: date | None = None,
    benefits: int = 1,
    context: Context | None = None,
) -> tuple[str, ...]:
    context = context or Context()
    preferred = options.preferred
    budget = financial.budget
    pilot = plan.pilot
    # until the equality impact assessment is done, approval waits on it (its section says so)
    once = (
        ""
        if context.equality_done
        else ", once the equality impact assessment is complete "
        f"(section {contents.number('management.equality')})"
    )
    out = []
    if context.outline_pending:
        out.append(context.outline_pending)
    if contents.kind == "outline":
        if preferred is not None:
            out.append(
                f"Approve {preferred.name} as the preferred option to pilot{once}: it scored "
                f"{preferred.score} out of 100 in the options appraisal "
                f"(section {contents.number('options')})."
            )
        if pilot.start and pilot.end:
            out.append(
                f"Approve the pilot from {pilot.start} to {pilot.end} ({pilot.duration})"
                + (
                    f", with the partnership's running costs in that period planned at "
                    f"{budget.pilot_total}"
                    if budget.has_pilot
                    else ""
                )
                + "."
            )
        else:
            out.append(
                "Set the pilot's start and end dates"
                + (f" {context.next_meeting}" if context.next_meeting else "")
                + "."
            )
    else:
        if preferred is not None and not service.piloted:
            # no pilot has run: there is no tested model to approve and sustain yet
            out.append(
                f"Agree to pilot {preferred.name} first: this full business case is not ready "
                "for approval until a pilot has run and been evaluated."
            )
        elif preferred is not None:
            out.append(
                f"Approve {preferred.name} as the service model to sustain after the pilot{once}."
            )
        if service.route:
            # the funding is said in full once, in the financial summary; here a pointer
            funding = (
                f"; its funding is in section {contents.number('summary.financial')}"
                if financial.affordability_summary
                else f": {service.funding}"
                if service.funding
                else ""
            )
            out.append(
                f"Note that {context.route_decided}, securing the service through "
                f"{service.route}{funding}."
                if context.route_decided
                else f"Agree to secure the service through {service.route}{funding}."
            )
        interim = "interim " if evaluation_ends_later else ""
        if benefits:
            # the benefits' standing is said in the summary and in its section, not again here
            out.append(
                f"Note the {interim}evaluation findings "
                f"(section {contents.number('evaluation')}) and the benefits achieved so far "
                f"(section {contents.number('benefits.achieved')})."
            )
        if budget.has_lines:
            out.append(
                f"Note the partnership's spend to date of {budget.to_date_actual} against "
                f"{budget.to_date_planned} planned ({budget.reason})."
            )
    totals = financial.totals
    if totals is not None:
        headline = (
            "the preferred option's net present social value against doing nothing, the "
            "appraisal's headline, "
            f"is {totals.npv_vs_do_nothing.lstrip('+')}"
            if totals.npv_vs_do_nothing
            else f"the preferred option's net present value is {totals.npv.lstrip('+')}"
        )
        out.append(f"Note the financial case (section {contents.number('financial')}): {headline}.")
    if contents.kind == "full" and financial.shortfall_decision:
        out.append(
            f"{financial.shortfall_decision} (section {contents.number('financial.years')})."
        )
    risks_line = _risks_line(management, contents)
    if risks_line:
        out.append(risks_line)
    if benefits:
        out.append(
            "Agree the benefits realisation plan, its owners and target dates "
            f"(section {contents.number('benefits')})."
        )
    else:
        out.append(
            "Agree to draw up the benefits realisation plan, with its owners and target dates "
            f"(section {contents.number('benefits')})."
        )
    # once approved, the next steps the partners agreed then: what was still to come that day
    to_come = [
        r
        for r in plan.milestones
        if not r.this_paper
        and (
            r.completed_on is None
            if approved is None
            else (r.completed_on is None or r.completed_on > approved)
        )
    ][:3]
    # a step due before a milestone it depends on cannot happen as drawn: re-plan it
    impossible = [r for r in to_come if approved is None and r.flag.startswith("due before")]
    steps = [
        _step(r, plan.milestones, contents) if approved is None else f"{r.title} by {r.due}"
        for r in to_come
        if r not in impossible
    ]
    if steps:
        out.append("Agree the next steps: " + "; ".join(steps) + ".")
    out += [_replan(r, plan.milestones, contents) for r in impossible]
    return tuple(out)


def _replan(row: MilestoneRow, rows: tuple[MilestoneRow, ...], contents: Contents) -> str:
    """A step the plan cannot keep as drawn, due before a milestone it depends on: "Re-plan
    ‘Tender published’: it depends on this full business case, expected on 31
    December 2026, but is due before it, on 30 September 2026." """
    titles = {r.title: r for r in rows}
    waits = []
    for title in row.held_up_by:
        other = titles.get(title)
        when = (other.forecast or other.due) if other is not None else ""
        if other is not None and other.this_paper:
            paper = "outline" if contents.kind == "outline" else "full"
            waits.append(
                f"this {paper} business case, expected on {when}"
                if when
                else f"this {paper} business case"
            )
        else:
            waits.append(f"‘{title}’, expected on {when}" if when else f"‘{title}’")
    before = "them" if len(waits) > 1 else "it"
    return (
        f"Re-plan ‘{row.title}’: it depends on {join(waits)}, but is due before {before}, "
        f"on {row.due}."
    )


def _risks_line(management: Management, contents: Contents) -> str:
    """What to note of the open risks and issues, each kind with its RAGs (one named by its
    title), and their actions: "Note the six open risks (all amber) and the open issue,
    Fewer pilot placements than planned (red), and the actions to manage them (section
    9.3)."; where none has actions, to agree some."""
    entries = management.risks
    if not entries:
        return ""
    parts = []
    for noun in ("Risk", "Issue"):
        rows = [r for r in entries if r.type == noun]
        word = noun.lower()
        if len(rows) == 1:
            parts.append(f"the open {word}, {rows[0].title} ({rows[0].rag})")
        elif rows:
            rags = [rag for rag in ("red", "amber", "green") if any(r.rag == rag for r in rows)]
            every = "both" if len(rows) == 2 else "all"
            split = (
                f"{every} {rags[0]}"
                if len(rags) == 1
                else join([f"{in_words(sum(r.rag == rag for r in rows))} {rag}" for rag in rags])
            )
            parts.append(f"the {counted(len(rows), 'open ' + word)} ({split})")
    what = (", and " if "," in parts[0] and len(parts) > 1 else " and ").join(parts)
    named = "," if "," in parts[-1] else ""
    them = "it" if len(entries) == 1 else "them"
    where = f"section {contents.number('management.risks')}"
    without = sum(1 for r in entries if not (r.actions_open or r.actions_done))
    if not without:
        return f"Note {what}{named} and the actions to manage {them} ({where})."
    if without == len(entries):
        return f"Note {what}{named} and agree actions to manage {them} ({where})."
    return (
        f"Note {what}{named} and the actions to manage them ({where}), and agree actions for "
        f"the {in_words(without)} without any."
    )


def _step(row: MilestoneRow, rows: tuple[MilestoneRow, ...], contents: Contents) -> str:
    """A next step, and where it cannot happen as planned, why and when it can: held up by
    a milestone it depends on (this business case, where that is the one), forecast late,
    or late."""
    due = f"by {row.due}" if row.due else ""
    if row.standing == "Held up":
        titles = {r.title: r for r in rows}
        waits = []
        for title in row.held_up_by:
            other = titles.get(title)
            what = (
                f"this {'outline' if contents.kind == 'outline' else 'full'} business case is "
                "agreed"
                if other is not None and other.this_paper
                else title
            )
            when = (other.forecast or other.due) if other is not None else ""
            waits.append(f"{what} (expected on {when})" if when else what)
        return f"{row.title}, due {due} but held up until " + join(waits)
    if row.standing == "Forecast late":
        return f"{row.title}, due {due} but forecast for {row.forecast}"
    if row.standing == "Late":
        return f"{row.title}, due {due} and not yet done"
    return f"{row.title} {due}" if due else row.title
