"""What a business case asks of the partners: its purpose, and the decisions and notes it
recommends, each written from the figures in the document and pointing at its section."""

from __future__ import annotations

from datetime import date

from ....model import Project
from ...formatting import long_date
from ...wording import join
from ..control import Standing
from .contents import Contents
from .finance import Financial
from .management import Management, Service
from .options import Options
from .plan import MilestoneRow, Plan

PAST = {"Approve": "Approved", "Agree": "Agreed", "Note": "Noted"}
"""A recommendation's verb once the partners have made the decision."""


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
            f"findings are still to come. It {asks}."
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
) -> tuple[str, ...]:
    preferred = options.preferred
    budget = financial.budget
    pilot = plan.pilot
    out = []
    if contents.kind == "outline":
        if preferred is not None:
            out.append(
                f"Approve {preferred.name} as the preferred option to pilot: it scored "
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
            out.append("Agree the start and end dates of the pilot.")
    else:
        if preferred is not None:
            out.append(f"Approve {preferred.name} as the service model to sustain after the pilot.")
        if service.route:
            out.append(
                f"Agree to secure the service through {service.route}"
                + (f": {service.funding}" if service.funding else "")
                + "."
            )
        findings = benefits_summary[0].lower() + benefits_summary[1:]
        interim = "interim " if evaluation_ends_later else ""
        if benefits:
            out.append(f"Note the {interim}evaluation findings: {findings}")
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
    entries = management.risks
    count, red = len(entries), sum(1 for r in entries if r.rag == "red")
    if count:
        risks = sum(1 for r in entries if r.type == "Risk")
        what = join(
            [
                f"the open {noun}" if n == 1 else f"the {n} open {noun}s"
                for n, noun in ((risks, "risk"), (count - risks, "issue"))
                if n
            ]
        )
        if count == 1:
            red_clause = ", which is red," if red else ""
        elif red == count:
            red_clause = ", all of them red," if count > 2 else ", both red,"
        else:
            red_clause = f", {'one' if red == 1 else red} of them red," if red else ""
        where = f"section {contents.number('management.risks')}"
        them = "it" if count == 1 else "them"
        without = sum(1 for r in entries if not (r.actions_open or r.actions_done))
        if not without:
            out.append(f"Note {what}{red_clause} and the actions to manage {them} ({where}).")
        elif without == count:
            out.append(
                f"Note {what} ({where}){red_clause.rstrip(',')}; no actions to manage "
                f"{them} are recorded yet."
            )
        else:
            out.append(
                f"Note {what}{red_clause} and the actions to manage them ({where}); "
                f"{without} of them {'has' if without == 1 else 'have'} no actions recorded yet."
            )
    if benefits:
        out.append(
            "Agree the benefits realisation plan, its owners and target dates "
            f"(section {contents.number('benefits')})."
        )
    else:
        out.append(
            "Note that no benefits are recorded yet: the benefits realisation plan, with "
            "owners and target dates, is still to be drawn up "
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
    if to_come:
        steps = [
            _step(r, plan.milestones, contents) if approved is None else f"{r.title} by {r.due}"
            for r in to_come
        ]
        out.append("Agree the next steps: " + "; ".join(steps) + ".")
    return tuple(out)


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
