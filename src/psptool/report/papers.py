"""The data each paper receives: plain dicts of text, so any template can use them.

Every value is a string, a number, a list or a dict of those: what a partnership's own Word
template can print with `{{ partnership.name }}` or loop over with `{%tr for p in partners %}`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from ..model import Project
from ..vocabulary import (
    BENEFIT_KIND_LABELS,
    CADENCE_PHRASES,
    RAG_TINTS,
    ROLE_LABELS,
    ROUTE_PHRASES,
    SECTOR_LABELS,
    TERM_LABELS,
)
from .formatting import long_date, money
from .people import owner_names


def partnership_context(project: Project, as_of: date) -> dict[str, Any]:
    psp = project.psp
    return {
        "name": psp.name,
        "id": psp.id,
        "stage": psp.stage,
        "start": long_date(psp.start),
        "end": long_date(psp.end),
        "currency": psp.currency,
        "vision": psp.vision or "",
        "purpose": psp.purpose or "",
        "scope": psp.scope or "",
        "objectives": list(psp.objectives),
        "values": list(psp.values),
        "funding": psp.funding or "",
        "as_of": long_date(as_of),
    }


def _signatory(project: Project, partner_id: str) -> dict[str, str]:
    """The partner's MoU signature: the approval where there is one, else the Director-level
    signatory who is to sign, with the date left blank."""
    people = {p.id: p for partner in project.partners.partners for p in partner.people}
    partner = next(p for p in project.partners.partners if p.id == partner_id)
    approval = next(
        (a for a in project.psp.approvals if a.document == "mou" and a.partner == partner_id),
        None,
    )
    person = people.get(approval.person) if approval and approval.person else None
    if person is None:
        person = next(
            (p for p in partner.people if p.signatory and p.director_level),
            next((p for p in partner.people if p.director_level), None),
        )
    return {
        "partner": partner.name,
        "name": person.name if person else "",
        "title": person.title or "" if person else "",
        "date": long_date(approval.date) if approval else "",
        "signed": "yes" if approval and approval.date else "",
    }


def mou_context(project: Project, as_of: date) -> dict[str, Any]:
    """Everything the Memorandum of Understanding prints, section by section."""
    who = owner_names(project, with_partner=True)
    partners = sorted(project.partners.partners, key=lambda p: (not p.lead, p.name.lower()))
    lead = next((p for p in partners if p.lead), None)
    mou = project.psp.mou
    return {
        "partnership": partnership_context(project, as_of),
        "lead": {"name": lead.name, "sector": SECTOR_LABELS[lead.sector]} if lead else None,
        "partners": [
            {
                "name": p.name,
                "sector": SECTOR_LABELS[p.sector],
                "role": "Lead partner" if p.lead else "Partner",
                "contribution": p.contribution or "",
                "responsibilities": list(p.responsibilities),
            }
            for p in partners
        ],
        "roles": [
            {
                "role": ROLE_LABELS[r.role],
                "person": who.get(r.person, r.person),
                "note": r.note or "",
            }
            for r in project.psp.roles
        ],
        "groups": [
            {
                "name": g.name,
                "cadence": CADENCE_PHRASES.get(g.cadence or "", "as agreed"),
                "chair": who.get(g.chair, g.chair) if g.chair else "",
                "members": [who.get(m, m) for m in g.members],
                "remit": g.remit or "",
            }
            for g in project.psp.governance.groups
        ],
        "mou": {
            "dispute_resolution": mou.dispute_resolution or "",
            "amendment": mou.amendment or "",
            "confidentiality": mou.confidentiality or "",
            "exit": mou.exit or "",
            "duration": mou.duration or "",
        },
        "signatures": [_signatory(project, p.id) for p in partners],
    }


# business cases ---------------------------------------------------------------------------

BUSINESS_CASES: dict[str, tuple[str, str]] = {
    "outline": ("Outline Business Case", "outline_business_case"),
    "full": ("Full Business Case", "full_business_case"),
}
"""Each kind of business case: its title and the `approvals` document that signs it off."""
SIGNED_DOCUMENT = {
    "outline_business_case": "outline business case",
    "full_business_case": "full business case",
}
"""How a sentence names each business case's `approvals` document."""
SIGN_OFF_PURPOSE: dict[str, dict[str, str]] = {
    "outline": {
        "outline_business_case": "Sign-off of the outline business case: agreement to pilot",
        "pilot_plan": "Sign-off of the pilot plan",
    },
    "full": {"full_business_case": "Sign-off of the full business case: the case for funding"},
}
"""The approvals each business case's review and approval route lists, and why."""
NO_FILL = "FFFFFF"
STATE = {
    "done": "Complete",
    "overdue": "Overdue",
    "due": "Due next period",
    "upcoming": "Planned",
    "unscheduled": "Not yet dated",
}
RAG_ORDER = {"green": 0, "amber": 1, "red": 2}


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun agreeing: 1 option, 2 options, 0 options, 3 criteria
    (`plural(3, "criterion", "criteria")`)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def _agree(count: int, singular: str, plural_form: str) -> str:
    """A count as the subject of a clause, with its verb agreeing: `none is behind`, `1 is
    behind`, `6 are behind` (`_agree(n, "is behind", "are behind")`)."""
    if count == 0:
        return f"none {singular}"
    return f"{count:,} {singular if count == 1 else plural_form}"


def _join(parts: list[str]) -> str:
    """a; a and b; a, b, and c."""
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def number(value: float | None, unit: str | None = None) -> str:
    """78, 1.5 and 1,450,000; with a unit, 50% and 17 children."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}%"


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _fill(rag: str | None) -> str:
    return RAG_TINTS.get(rag or "", NO_FILL)


def _governance_group(project: Project) -> str:
    """The group that signs papers off: the governance group as `reporting_period` finds it,
    else the first group."""
    groups = project.psp.governance.groups
    ranked = sorted(groups, key=lambda g: (g.id != "governance-group", "governance" not in g.id))
    return ranked[0].name if ranked else "Meeting of the partners"


# document control -------------------------------------------------------------------------


def _versions(history: list[Any], as_of: date) -> list[dict[str, str]]:
    """Draft versions 0.1, 0.2, … one per commit that touched the folder on or before the
    as-of date, oldest first (a paper as at 30 June 2011 cannot list a later change); a single
    row for this rendering outside git or before the first commit."""
    history = [c for c in history if date.fromisoformat(c[0]) <= as_of]
    if not history:
        when = long_date(as_of)
        return [
            {
                "version": "0.1",
                "date": when,
                "reference": "",
                "change": f"generated by psp on {when}",
            }
        ]
    return [
        {
            "version": f"0.{index}",
            "date": long_date(date.fromisoformat(when)),
            "reference": commit,
            "change": subject,
        }
        for index, (when, commit, subject) in enumerate(history, 1)
    ]


def _approval_route(project: Project, kind: str) -> list[dict[str, str]]:
    """Date, organisation, meeting and purpose of each recorded sign-off of the business case
    (and, for the outline, of the pilot plan), one row per date and document, by date.

    The organisation is "Every partner" when every partner signed off that day, else the
    partners who did, lead first. Approvals name no meeting: papers are signed off at the
    partnership's governance group. A case not yet signed off by everyone ends with a row for
    the sign-off still to be arranged.
    """
    purposes = SIGN_OFF_PURPOSE[kind]
    document = BUSINESS_CASES[kind][1]
    partners = sorted(project.partners.partners, key=lambda p: (not p.lead, p.name.lower()))
    meeting = _governance_group(project)
    days: dict[tuple[date | None, str], set[str]] = {}
    for approval in project.psp.approvals:
        if approval.document in purposes:
            days.setdefault((approval.date, approval.document), set()).add(approval.partner)
    order = list(purposes)
    route = []
    for (when, approved), who in sorted(
        days.items(), key=lambda item: (item[0][0] or date.max, order.index(item[0][1]))
    ):
        everyone = {p.id for p in partners} <= who
        route.append(
            {
                "date": long_date(when) if when else "to be arranged",
                "organisation": "Every partner"
                if everyone
                else "; ".join(p.name for p in partners if p.id in who),
                "meeting": meeting,
                "purpose": purposes[approved],
            }
        )
    signed = {a.partner for a in project.psp.approvals if a.document == document and a.date}
    if not {p.id for p in partners} <= signed:
        route.append(
            {
                "date": "to be arranged",
                "organisation": "Every partner"
                if not signed
                else "; ".join(p.name for p in partners if p.id not in signed),
                "meeting": meeting,
                "purpose": purposes[document],
            }
        )
    return route


def _sign_off(project: Project, document: str) -> list[dict[str, str]]:
    """One row per partner, lead first: who signs the business case off for it and, where
    `approvals` records it, when; else the Director-level signatory with the date blank."""
    people = {p.id: p for partner in project.partners.partners for p in partner.people}
    rows = []
    for partner in sorted(project.partners.partners, key=lambda p: (not p.lead, p.name.lower())):
        approval = next(
            (
                a
                for a in project.psp.approvals
                if a.document == document and a.partner == partner.id
            ),
            None,
        )
        person = people.get(approval.person) if approval and approval.person else None
        if person is None:
            person = next(
                (p for p in partner.people if p.signatory and p.director_level),
                next((p for p in partner.people if p.director_level), None),
            )
        rows.append(
            {
                "partner": partner.name,
                "name": person.name if person else "",
                "title": (person.title or "") if person else "",
                "date": long_date(approval.date) if approval and approval.date else "",
                "signed": "yes" if approval and approval.date else "",
            }
        )
    return rows


def _last_sign_off(project: Project, document: str) -> date | None:
    dates = [a.date for a in project.psp.approvals if a.document == document and a.date]
    return max(dates) if dates else None


def _sign_off_status(
    project: Project, document: str, signoff: list[dict[str, str]], as_of: date
) -> str:
    """The title page's status: which document was signed off by whom and when, and whether
    this version is that document or a draft with changes made since."""
    what = SIGNED_DOCUMENT[document]
    signed = sum(1 for s in signoff if s["signed"])
    last = _last_sign_off(project, document)
    if signoff and signed == len(signoff) and last is not None:
        text = f"{what.capitalize()} signed off by every partner on {long_date(last)}"
        if as_of > last:
            return (
                f"{text}; this version ({long_date(as_of)}) includes changes since and is a "
                "draft for review."
            )
        return text + "."
    if signed and last is not None:
        return (
            f"Draft: the {what} has been signed off by {signed} of "
            f"{plural(len(signoff), 'partner')}, most recently on {long_date(last)}."
        )
    return "Draft for sign-off by the partners."


def _previous_sign_off(project: Project) -> str:
    """For the full business case: whether and when the outline business case was signed off."""
    document = "outline_business_case"
    signoff = _sign_off(project, document)
    signed = sum(1 for s in signoff if s["signed"])
    last = _last_sign_off(project, document)
    if not signed or last is None:
        return "The outline business case has not been signed off."
    if signed == len(signoff):
        return f"The outline business case was signed off by every partner on {long_date(last)}."
    return (
        f"The outline business case has been signed off by {signed} of "
        f"{plural(len(signoff), 'partner')}, most recently on {long_date(last)}."
    )


def _document(
    project: Project, as_of: date, kind: str, versions: list[dict[str, str]]
) -> dict[str, str]:
    """The title page: version, date, status, lead partner, owner (the lead partner's senior
    sponsor) and author (the project manager)."""
    psp = project.psp
    title, document = BUSINESS_CASES[kind]
    who = owner_names(project, with_partner=True)
    people = project.people()
    lead = next((p for p in project.partners.partners if p.lead), None)
    sponsors = [r.person for r in psp.roles if r.role == "senior_sponsor"]
    owner = next(
        (s for s in sponsors if lead is not None and people.get(s, (None, ""))[1] == lead.id),
        sponsors[0] if sponsors else None,
    )
    author = next((r.person for r in psp.roles if r.role == "project_manager"), None)
    return {
        "kind": kind,
        "title": title,
        "version": versions[-1]["version"],
        "date": long_date(as_of),
        "status": _sign_off_status(project, document, _sign_off(project, document), as_of),
        "lead": lead.name if lead else "",
        "owner": who.get(owner, owner) if owner else "",
        "author": who.get(author, author) if author else "",
        "previous": _previous_sign_off(project) if kind == "full" else "",
    }


# the RAID log -------------------------------------------------------------------------------


def _raid_rows(project: Project, as_of: date, kind: str | None = None) -> list[dict[str, Any]]:
    """RAID entries (of one type, or all), scored; open first, highest score first. The
    mitigation is the open actions, or the actions taken once all are done."""
    from ..analysis import score_risks

    names = owner_names(project)
    by_id = {r.id: r for r in project.risks.risks}
    rows = []
    for scored in score_risks(project, as_of).risks:
        if kind is not None and scored.type != kind:
            continue
        risk = by_id[scored.id]
        done = [a.action for a in risk.actions if a.done]
        planned = [a.action for a in risk.actions if not a.done]
        is_open = risk.status == "open"
        rows.append(
            {
                "id": risk.id,
                "type": risk.type.capitalize(),
                "title": risk.title,
                "description": risk.description or "",
                "category": (risk.category or "").capitalize(),
                "owner": names.get(risk.owner, risk.owner) if risk.owner else "",
                "likelihood": risk.likelihood,
                "impact": risk.impact,
                "score": risk.score,
                "rag": scored.rag if is_open else "closed",
                "fill": _fill(scored.rag) if is_open else NO_FILL,
                "target": scored.target_score if scored.target_score is not None else "",
                "open": "yes" if is_open else "",
                "status": "Open"
                if is_open
                else ("Closed " + long_date(risk.closed) if risk.closed else "Closed"),
                "mitigation": "; ".join(planned or done),
                "actions_done": done,
                "actions_open": planned,
            }
        )
    return rows


# options appraisal ---------------------------------------------------------------------------


def _options(project: Project, as_of: date, economics: Any) -> dict[str, Any]:
    """Criteria and weights, each option's score out of 100, rank, cost and economic figures,
    the preferred option, a risk assessment per option and how sensitive the choice is."""
    from ..analysis import appraise_options

    currency = project.psp.currency
    appraisal = appraise_options(project)
    criteria = project.options.criteria
    total_weight = sum(c.weight for c in criteria)
    by_id = {o.id: o for o in project.options.options}
    econ = {e.id: e for e in economics.options if e.has_streams}
    relative = {e.id: e.relative_after for e in economics.options if e.relative_after}
    preferred_id = appraisal.preferred if appraisal.preferred in by_id else None
    raid = {r["id"]: r for r in _raid_rows(project, as_of)}
    rows: list[dict[str, Any]] = []
    assessment: list[dict[str, Any]] = []
    for scored in appraisal.options:
        option = by_id[scored.id]
        e = econ.get(scored.id)
        rel = relative.get(scored.id)
        rows.append(
            {
                "id": scored.id,
                "name": scored.name,
                "description": option.description or "",
                "do_nothing": "yes" if scored.do_nothing else "",
                "kind": "Do nothing" if scored.do_nothing else "Change",
                "cost": money(scored.cost, currency),
                "weighted": number(scored.weighted),
                "score": number(round(scored.score, 1)),
                "rank": scored.rank,
                "tied": "yes" if scored.tied else "",
                "preferred": "yes" if scored.id == preferred_id else "",
                "cost_per_point": money(scored.cost_per_point, currency),
                "wins": _percent(100 * scored.first_share),
                "pv_costs": money(e.after_optimism.costs, currency) if e else "",
                "pv_benefits": money(e.after_optimism.benefits, currency) if e else "",
                "npv": money(e.after_optimism.npv, currency, signed=True) if e else "",
                "bcr": _ratio(e.after_optimism.bcr) if e else "",
                "npv_vs_do_nothing": money(rel.npv, currency, signed=True) if rel else "",
                "bcr_vs_do_nothing": ("costs less" if rel.costs_less else _ratio(rel.bcr))
                if rel
                else "",
                "optimism_bias": e.uplift.basis if e else "",
            }
        )
        linked: list[dict[str, Any] | None] = [raid[r] for r in option.risks if r in raid]
        for r in linked or [None]:
            assessment.append(
                {
                    "option": scored.name,
                    "id": r["id"] if r else "",
                    "title": r["title"] if r else "No RAID log entry is linked to this option",
                    "score": r["score"] if r else "",
                    "rag": r["rag"] if r else "",
                    "fill": r["fill"] if r else NO_FILL,
                    "mitigation": r["mitigation"] if r else "",
                }
            )
    preferred = next((o for o in rows if o["preferred"]), None)
    do_nothing = next((o for o in rows if o["do_nothing"]), None)
    sensitivity = []
    for s in appraisal.sensitivity:
        if s.robust or s.switch_share is None:
            finding = "No change to this weight alone changes the leading option."
        else:
            rival = by_id[s.new_leader].name if s.new_leader in by_id else s.new_leader
            finding = (
                f"Its share of the weight would have to move from {s.share:.0f}% to "
                f"{s.switch_share:.0f}% before {rival} drew level."
            )
        sensitivity.append({"criterion": s.name, "share": _percent(s.share), "finding": finding})
    in_file = sorted(rows, key=lambda o: list(by_id).index(o["id"]))
    return {
        "summary": _appraisal_summary(project, appraisal, rows, preferred, do_nothing),
        "columns": in_file,
        "matrix": [
            {
                "id": c.id,
                "name": c.name,
                "weight": number(c.weight),
                "scores": [by_id[o["id"]].scores.get(c.id, 0) for o in in_file],
            }
            for c in criteria
        ],
        "criteria": [
            {
                "id": c.id,
                "name": c.name,
                "weight": number(c.weight),
                "share": _percent(100 * c.weight / total_weight) if total_weight else "",
            }
            for c in criteria
        ],
        "rows": rows,
        "preferred": preferred,
        "do_nothing": do_nothing,
        "risk_assessment": assessment,
        "sensitivity": sensitivity,
        "has_economics": bool(econ),
        "draws": f"{appraisal.draws:,}",
    }


def _appraisal_summary(
    project: Project,
    appraisal: Any,
    rows: list[dict[str, Any]],
    preferred: dict[str, Any] | None,
    do_nothing: dict[str, Any] | None,
) -> str:
    if not rows:
        return "No options have been appraised yet (options.yaml)."
    criteria = len(project.options.criteria)
    text = (
        f"{plural(len(rows), 'option')} {'was' if len(rows) == 1 else 'were'} scored against "
        f"{plural(criteria, 'weighted criterion', 'weighted criteria')}"
        + (f", including doing nothing ({do_nothing['name']})" if do_nothing else "")
        + "."
    )
    if preferred is None:
        return text + " The partners have not yet recorded a preferred option."
    place = (
        "the highest score"
        if preferred["rank"] == 1 and not preferred["tied"]
        else f"ranked {preferred['rank']}" + (" (tied)" if preferred["tied"] else "")
    )
    text += (
        f" The preferred option is {preferred['name']}, which scored {preferred['score']} "
        f"out of 100, {place}."
    )
    if appraisal.preferred_is_top is False:
        names = {o["id"]: o["name"] for o in rows}
        leaders = "; ".join(names[i] for i in appraisal.leaders)
        text += (
            f" It is not the top-scoring option ({leaders}): the partners' reasons for "
            "preferring it belong in this section."
        )
    elif preferred["rank"] == 1 and not preferred["tied"]:
        text += (
            f" With the weights drawn at random {plural(appraisal.draws, 'time')} it comes "
            f"first in {preferred['wins']} of them."
        )
    return text


# benefits and goals -------------------------------------------------------------------------


def _benefits(project: Project, as_of: date) -> tuple[list[dict[str, Any]], str, Any]:
    """The benefits realisation plan (benefit → KPI → baseline → target → owner → date,
    cashable or not), each benefit's measurements and progress, and a one-line summary."""
    from ..analysis import analyse_benefits
    from ..analysis.common import natural_key

    names = owner_names(project)
    analysis = analyse_benefits(project, as_of)
    progress = {b.id: b for b in analysis.benefits}
    rows = []
    for benefit in sorted(project.benefits.benefits, key=lambda b: natural_key(b.id)):
        p = progress[benefit.id]
        measured = sorted(
            (m for m in benefit.measurements if m.date <= as_of), key=lambda m: m.date
        )
        rows.append(
            {
                "id": benefit.id,
                "title": benefit.title,
                "kpi": benefit.kpi or "",
                "baseline": number(benefit.baseline, benefit.unit),
                "target": number(benefit.target, benefit.unit),
                "owner": names.get(benefit.owner, benefit.owner) if benefit.owner else "",
                "date": long_date(benefit.target_date),
                "kind": BENEFIT_KIND_LABELS.get(benefit.kind or "", ""),
                "cashable": "Cashable" if benefit.kind == "cashable" else "Non-cashable",
                "goal": benefit.goal or "",
                "latest": number(p.latest, benefit.unit),
                "latest_date": long_date(p.latest_date),
                "progress": _percent(p.progress),
                "rag": p.rag or "",
                "fill": _fill(p.rag),
                "reason": p.reason,
                "measurements": [
                    f"{m.date:%b %Y}: {number(m.value, benefit.unit)}" for m in measured
                ],
            }
        )
    summary = _benefits_summary(analysis, as_of)
    return rows, summary, analysis


class _Wording(NamedTuple):
    """How the benefits summary words one state a benefit can be in."""

    one: str
    """After a count of one (or none): `1 is behind it`, `none is behind it`."""
    several: str
    """After a count of several: `6 are behind it`."""
    every: str
    """When every one of several benefits is in this state: {all} benefits are (`All 8`,
    `Both`), {none_of} benefits has (`None of the 8`, `Neither of the 2`)."""
    only: str
    """When there is only one benefit: `The benefit …`."""


BENEFIT_STATES: dict[str, _Wording] = {
    "green": _Wording(
        "is on or ahead of the straight line to its target",
        "are on or ahead of the straight line to their target",
        "{all} benefits are on or ahead of the straight line to their target.",
        "The benefit is on or ahead of the straight line to its target.",
    ),
    "amber": _Wording(
        "is behind it by no more than a quarter of the way",
        "are behind it by no more than a quarter of the way",
        "{all} benefits are behind the straight line to their target by no more than a "
        "quarter of the way from baseline to target.",
        "The benefit is behind the straight line to its target by no more than a quarter of "
        "the way from baseline to target.",
    ),
    "red": _Wording(
        "is further behind",
        "are further behind",
        "{all} benefits are behind the straight line to their target by more than a quarter "
        "of the way from baseline to target.",
        "The benefit is behind the straight line to its target by more than a quarter of the "
        "way from baseline to target.",
    ),
    "stale": _Wording(
        "was last measured more than {period} ago",
        "were last measured more than {period} ago",
        "{all} benefits were last measured more than {period} ago.",
        "The benefit was last measured more than {period} ago.",
    ),
    "never": _Wording(
        "has not been measured although the partnership started more than {period} ago",
        "have not been measured although the partnership started more than {period} ago",
        "{none_of} benefits has been measured although the partnership started more "
        "than {period} ago.",
        "The benefit has not been measured although the partnership started more than "
        "{period} ago.",
    ),
    "unmeasured": _Wording(
        "has not yet been measured",
        "have not yet been measured",
        "{none_of} benefits has yet been measured.",
        "The benefit has not yet been measured.",
    ),
    "incomplete": _Wording(
        "has no baseline or target to measure against",
        "have no baseline or target to measure against",
        "{none_of} benefits has a baseline and a target to measure against.",
        "The benefit has no baseline or target to measure against.",
    ),
    "undated": _Wording(
        "has no target date to measure progress against",
        "have no target date to measure progress against",
        "{none_of} benefits has a target date to measure progress against.",
        "The benefit has no target date to measure progress against.",
    ),
}
"""The states a benefit can be in, in the order the summary lists them."""
ON_THE_LINE = ("green", "amber", "red")
"""The states of a benefit measured recently, against the line from baseline to target:
the summary always gives all three, so "behind it" has the line to refer to."""


def _benefit_state(benefit: Any, as_of: date, period: Any) -> str:
    """Where a benefit stands: on the line (green), a little (amber) or far behind it (red)
    at a recent measurement; or why it cannot be compared with the line: measured too long
    ago (stale), never measured though a period has passed (never), not yet measured, no
    baseline or target (incomplete), or no target date (undated)."""
    if benefit.baseline is None or benefit.target is None:
        return "incomplete"
    if benefit.latest_date is None:
        return "never" if benefit.rag == "red" else "unmeasured"
    if as_of > period.after(benefit.latest_date):
        return "stale"
    if benefit.rag is None:
        return "undated"
    return str(benefit.rag)


def _benefits_summary(analysis: Any, as_of: date) -> str:
    """How many benefits are on, a little behind or far behind the straight line to their
    target, and how many cannot be compared with it, and why: "Of the 8 benefits, 6 are on or
    ahead of the straight line to their target, 2 are behind it by no more than a quarter of
    the way, and none is further behind." """
    benefits = analysis.benefits
    if not benefits:
        return "No benefits are recorded yet."
    period = str(analysis.period)
    states = [_benefit_state(b, as_of, analysis.period) for b in benefits]
    counts = {state: states.count(state) for state in BENEFIT_STATES}
    total = len(benefits)
    if len(set(states)) == 1:
        wording = BENEFIT_STATES[states[0]]
        return (wording.only if total == 1 else wording.every).format(
            all="Both" if total == 2 else f"All {total}",
            none_of="Neither of the 2" if total == 2 else f"None of the {total}",
            period=period,
        )
    parts = []
    if any(counts[state] for state in ON_THE_LINE):
        parts.append(_join([_agree(counts[s], *BENEFIT_STATES[s][:2]) for s in ON_THE_LINE]))
    others = [
        _agree(counts[s], *BENEFIT_STATES[s][:2]).format(period=period)
        for s in BENEFIT_STATES
        if s not in ON_THE_LINE and counts[s]
    ]
    if others:
        parts.append(_join(others))
    return f"Of the {total} benefits, " + "; ".join(parts) + "."


def _goals(project: Project, benefits: Any) -> list[dict[str, Any]]:
    """Each SMART goal with its baseline and target, and the evidence so far: the latest
    value of every benefit that measures it, with the worst of their RAGs."""
    from ..analysis import analyse_goals

    names = owner_names(project)
    smart = {g.id: g.smart for g in analyse_goals(project).goals}
    goal_of = {b.id: b.goal for b in project.benefits.benefits}
    rows = []
    for goal in project.goals.goals:
        linked = [b for b in benefits.benefits if goal_of.get(b.id) == goal.id]
        rags = [b.rag for b in linked if b.rag]
        rag = max(rags, key=lambda r: RAG_ORDER[r]) if rags else ""
        evidence = [
            f"{b.title}: {number(b.latest, b.unit)}"
            + (f" ({_percent(b.progress)} of the way to target)" if b.progress is not None else "")
            for b in linked
            if b.latest is not None
        ]
        rows.append(
            {
                "id": goal.id,
                "title": goal.title,
                "term": TERM_LABELS.get(goal.term or "", ""),
                "measure": goal.measure or "",
                "baseline": number(goal.baseline, goal.unit),
                "target": number(goal.target, goal.unit),
                "due": long_date(goal.due),
                "owner": names.get(goal.owner, goal.owner) if goal.owner else "",
                "relevance": goal.relevance or "",
                "smart": "yes" if smart[goal.id] else "no",
                "evidence": "; ".join(evidence) or "Not yet measured",
                "rag": rag,
                "fill": _fill(rag),
            }
        )
    return rows


# plan, pilot, budget and money ------------------------------------------------------------


def _plan(project: Project, as_of: date) -> tuple[dict[str, Any], tuple[Any, Any]]:
    """Milestones in dependency order with status and forecast, the key milestones still to
    come (on the critical path), and the pilot; and the pilot's start and end dates."""
    from ..analysis import analyse_plan

    names = owner_names(project)
    plan = analyse_plan(project, as_of)
    by_id = {m.id: m for m in project.milestones.milestones}
    states = {s.id: s for s in plan.milestones}
    rows = []
    for mid in plan.order:
        m, state = by_id[mid], states[mid]
        late = state.state == "done" and (state.slippage_days or 0) > 0
        rows.append(
            {
                "id": m.id,
                "title": m.title,
                "stage": (m.stage or "").capitalize(),
                "owner": names.get(m.owner, m.owner) if m.owner else "",
                "due": long_date(m.due),
                "completed": long_date(m.completed),
                "forecast": long_date(state.forecast),
                "status": STATE[state.state]
                + (f", {plural(state.slippage_days or 0, 'day')} late" if late else ""),
                "depends_on": ", ".join(m.depends_on),
                "critical": "yes" if state.critical else "",
                "tasks": [t.title for t in m.tasks],
            }
        )
    to_come = [r for r in rows if not r["completed"]]
    pilot = project.psp.pilot
    start, end = (pilot.start, pilot.end) if pilot else (None, None)
    months = (
        (end.year - start.year) * 12 + end.month - start.month + (1 if end.day >= start.day else 0)
        if start and end
        else None
    )
    return {
        "milestones": rows,
        "key": [r for r in to_come if r["critical"]] or to_come,
        "planned_end": long_date(plan.planned_end),
        "projected_end": long_date(plan.projected_end),
        "slippage_days": plan.end_slippage_days if plan.end_slippage_days is not None else "",
        "critical_path": ", ".join(plan.critical_path),
        "pilot": {
            "start": long_date(start),
            "end": long_date(end),
            "months": months or "",
            "duration": plural(months, "month") if months else "",
            "milestones": [r for r in rows if r["stage"] == "Pilot"],
        },
    }, (start, end)


def _spend(
    lines: list[Any], as_of: date, key: Any, currency: str, in_order: bool = False
) -> list[dict[str, str]]:
    """Planned and actual spend grouped by `key(line)`, in the order the groups first appear
    or, with `in_order`, sorted. Actual and variance count the lines whose period has ended
    with an actual recorded; planned counts every line."""
    from ..analysis.budget import period_range

    groups: dict[str, list[float]] = {}
    for line in lines:
        row = groups.setdefault(key(line), [0.0, 0.0, 0.0, 0.0])
        row[0] += line.planned or 0.0
        if line.actual is not None and period_range(line.period)[1] <= as_of:
            row[1] += line.actual
            row[2] += line.planned or 0.0
            row[3] = 1.0
    return [
        {
            "name": name,
            "planned": money(planned, currency),
            "planned_to_date": money(planned_to_date, currency) if seen else "",
            "actual": money(actual, currency) if seen else "",
            "variance": money(actual - planned_to_date, currency, signed=True) if seen else "",
        }
        for name, (planned, actual, planned_to_date, seen) in (
            sorted(groups.items()) if in_order else groups.items()
        )
    ]


def _budget(project: Project, as_of: date, pilot: tuple[Any, Any]) -> dict[str, Any]:
    """budget.yaml: planned and actual by period, category and calendar year, totals, the
    variance to date with its RAG, and what the pilot period is planned to cost."""
    from ..analysis.budget import budget_status, period_range
    from ..analysis.common import reporting_period

    currency = project.psp.currency
    lines = project.budget.budget
    status = budget_status(project, as_of, reporting_period(project).before(as_of))
    total = sum(line.planned or 0.0 for line in lines)
    start, end = pilot
    in_pilot = [
        line
        for line in lines
        if start
        and end
        and period_range(line.period)[0] >= start
        and period_range(line.period)[1] <= end
    ]
    years = _spend(lines, as_of, lambda line: line.period[:4], currency, in_order=True)
    by_year: dict[str, float] = {}
    for line in lines:
        by_year[line.period[:4]] = by_year.get(line.period[:4], 0.0) + (line.planned or 0.0)
    running = 0.0
    for row in years:
        running += by_year[row["name"]]
        row["cumulative"] = money(running, currency)
    pct = status.to_date.variance_pct
    return {
        "has_lines": bool(lines),
        "periods": _spend(lines, as_of, lambda line: line.period, currency, in_order=True),
        "categories": _spend(
            lines, as_of, lambda line: (line.category or "other").capitalize(), currency
        ),
        "years": years,
        "total_planned": money(total, currency),
        "to_date_planned": money(status.to_date.planned, currency),
        "to_date_actual": money(status.to_date.actual, currency),
        "to_date_variance": money(status.to_date.variance, currency, signed=True),
        "to_date_variance_pct": f"{pct:+.1f}%" if pct is not None else "",
        "remaining": money(total - status.to_date.planned, currency),
        "rag": status.rag,
        "fill": _fill(status.rag),
        "reason": status.reason,
        "pilot": _spend(
            in_pilot, as_of, lambda line: (line.category or "other").capitalize(), currency
        ),
        "pilot_total": money(sum(line.planned or 0.0 for line in in_pilot), currency),
        "has_pilot": bool(in_pilot),
    }


def _financial(
    project: Project, economics: Any, preferred_id: str | None, budget: dict[str, Any]
) -> dict[str, Any]:
    """The preferred option's costs and benefits by year with the cumulative net position
    (from options.yaml's yearly streams), its NPV and BCR, and the partnership's budget."""
    currency = project.psp.currency
    chosen = next((e for e in economics.options if e.id == preferred_id and e.has_streams), None)
    years: list[dict[str, str]] = []
    totals: dict[str, str] | None = None
    if chosen is not None and chosen.years:
        flows = chosen.years
        for y in flows:
            years.append(
                {
                    "year": f"Year {y.year}",
                    "capital": money(y.capital, currency),
                    "revenue": money(y.revenue, currency),
                    "optimism_bias": money(y.optimism_bias, currency),
                    "costs": money(y.capital + y.revenue + y.optimism_bias, currency),
                    "cashable": money(y.cashable, currency),
                    "non_cashable": money(y.non_cashable, currency),
                    "net": money(y.net_cash, currency, signed=True),
                    "cumulative": money(y.cumulative_net_cash, currency, signed=True),
                }
            )
        after = chosen.after_optimism
        totals = {
            "capital": money(sum(y.capital for y in flows), currency),
            "revenue": money(sum(y.revenue for y in flows), currency),
            "optimism_bias": money(sum(y.optimism_bias for y in flows), currency),
            "costs": money(sum(y.capital + y.revenue + y.optimism_bias for y in flows), currency),
            "cashable": money(sum(y.cashable for y in flows), currency),
            "non_cashable": money(sum(y.non_cashable for y in flows), currency),
            "net": money(sum(y.net_cash for y in flows), currency, signed=True),
            "cumulative": money(flows[-1].cumulative_net_cash, currency, signed=True),
            "pv_costs": money(after.costs, currency),
            "pv_benefits": money(after.benefits, currency),
            "npv": money(after.npv, currency, signed=True),
            "bcr": _ratio(after.bcr),
            "npv_vs_do_nothing": money(chosen.relative_after.npv, currency, signed=True)
            if chosen.relative_after
            else "",
        }
        credit = next((y.year for y in flows if y.cumulative_net_cash >= 0), None)
        span = (
            f"Over years {flows[0].year} to {flows[-1].year}"
            if len(flows) > 1
            else f"In year {flows[0].year}"
        )
        summary = (
            f"{span} the preferred option costs "
            f"{totals['costs']}, including {totals['optimism_bias']} for optimism bias, and "
            f"brings {totals['cashable']} of cashable benefits: a cumulative net position of "
            f"{totals['cumulative']}"
            + (f", in credit from year {credit}" if credit is not None else "")
            + f". Discounted, its net present value is {totals['npv']}"
            + (f" and its benefit–cost ratio {totals['bcr']}" if totals["bcr"] else "")
            + "."
        )
    else:
        option = next((o for o in project.options.options if o.id == preferred_id), None)
        summary = (
            f"The preferred option's estimated cost is {money(option.cost, currency)} "
            "(options.yaml); its costs and benefits by year are not yet recorded."
            if option is not None and option.cost is not None
            else "The options' costs and benefits by year are not yet recorded."
        )
        if budget["has_lines"]:
            summary += (
                f" The partnership's own running costs are budgeted at {budget['total_planned']}."
            )
    return {
        "currency": currency,
        "summary": summary,
        "has_years": bool(years),
        "years": years,
        "totals": totals,
        "discount": economics.discount.source,
        "optimism": economics.optimism_source,
        "notes": list(economics.notes),
        "budget": budget,
    }


# management case, service model, evaluation ------------------------------------------------


def _management(project: Project, as_of: date) -> dict[str, Any]:
    """How risks are managed and the open risks and issues with their actions; governance,
    roles and the communications plan."""
    from ..analysis.common import natural_key, reporting_period

    who, names = owner_names(project, with_partner=True), owner_names(project)
    psp = project.psp
    matrix = psp.risk_matrix
    open_entries = [
        r for r in _raid_rows(project, as_of) if r["open"] and r["type"] in ("Risk", "Issue")
    ]
    open_entries.sort(key=lambda r: (-r["score"], natural_key(r["id"])))
    approach = (
        "Risks, assumptions, issues and dependencies are kept in the RAID log, each with an "
        "owner, actions and a review date, and scored likelihood × impact on 1–5 scales: "
        f"green below {matrix.amber}, amber from {matrix.amber}, red from {matrix.red}. The "
        "log is reviewed at each operational meeting, and the key risks and issues go to the "
        f"{_governance_group(project)} in the highlight report every "
        f"{reporting_period(project)}."
    )
    audiences = {s.id: s.name for s in project.stakeholders.stakeholders}
    return {
        "risk_approach": approach,
        "risks": open_entries,
        "communications": [
            {
                "audience": "; ".join(audiences.get(a, a) for a in c.audience),
                "method": c.method or "",
                "frequency": c.frequency or "",
                "messages": c.messages or "",
                "action": c.action or "",
                "owner": names.get(c.owner, c.owner) if c.owner else "",
            }
            for c in project.stakeholders.communications
        ],
        "groups": [
            {
                "name": g.name,
                "cadence": CADENCE_PHRASES.get(g.cadence or "", "as agreed"),
                "chair": who.get(g.chair, g.chair) if g.chair else "",
                "members": [who.get(m, m) for m in g.members],
                "remit": g.remit or "",
            }
            for g in psp.governance.groups
        ],
        "roles": [
            {
                "role": ROLE_LABELS[r.role],
                "person": who.get(r.person, r.person),
                "note": r.note or "",
            }
            for r in psp.roles
        ],
    }


def _service(project: Project, preferred: dict[str, Any] | None) -> dict[str, Any]:
    """The final service model: the preferred option, the scope, the route to sustain it and
    the future funders."""
    currency = project.psp.currency
    sustain = project.sustainability
    committed = sum(f.amount or 0.0 for f in sustain.funders if f.status == "committed")
    engaged = sum(f.amount or 0.0 for f in sustain.funders if f.status in ("engaged", "committed"))
    return {
        "name": preferred["name"] if preferred else "",
        "description": preferred["description"] if preferred else "",
        "cost": preferred["cost"] if preferred else "",
        "scope": project.psp.scope or "",
        "route": ROUTE_PHRASES.get(sustain.route or "", ""),
        "summary": sustain.summary or "",
        "marketing": sustain.marketing or "",
        "funders": [
            {
                "name": f.name,
                "status": f.status.capitalize(),
                "amount": money(f.amount, currency),
                "budget_cycle": long_date(f.budget_cycle),
                "notes": f.notes or "",
            }
            for f in sustain.funders
        ],
        "committed": money(committed, currency),
        "engaged": money(engaged, currency),
        "has_engaged": bool(engaged),
    }


def _evaluation(project: Project, as_of: date, summary: str) -> dict[str, Any]:
    evaluation = project.sustainability.evaluation
    return {
        "evaluator": (evaluation.evaluator or "") if evaluation else "",
        "start": long_date(evaluation.start) if evaluation else "",
        "end": long_date(evaluation.end) if evaluation else "",
        "approach": (evaluation.approach or "") if evaluation else "",
        "summary": summary,
        "issues": _raid_rows(project, as_of, "issue"),
    }


def _recommendations(
    kind: str,
    options: dict[str, Any],
    plan: dict[str, Any],
    financial: dict[str, Any],
    management: dict[str, Any],
    service: dict[str, Any],
    benefits_summary: str,
) -> list[str]:
    """The decisions the business case asks the partners for, and what it asks them to note,
    each from the figures in the document."""
    preferred = options["preferred"]
    budget = financial["budget"]
    pilot = plan["pilot"]
    sections = {"outline": ("5", "6"), "full": ("6", "8")}[kind]
    out = []
    if kind == "outline":
        if preferred is not None:
            out.append(
                f"Approve {preferred['name']} as the preferred option to pilot: it scored "
                f"{preferred['score']} out of 100 in the options appraisal (section 4)."
            )
        if pilot["start"] and pilot["end"]:
            out.append(
                f"Approve the pilot from {pilot['start']} to {pilot['end']} ({pilot['duration']})"
                + (
                    f", with the partnership's running costs in that period planned at "
                    f"{budget['pilot_total']}"
                    if budget["has_pilot"]
                    else ""
                )
                + "."
            )
        else:
            out.append("Agree the dates of the pilot.")
    else:
        if preferred is not None:
            out.append(
                f"Approve {preferred['name']} as the service model to sustain after the pilot."
            )
        if service["route"]:
            out.append(
                f"Agree to secure the service through {service['route']}"
                + (
                    f", with {service['engaged']} of future funding engaged or committed"
                    if service["has_engaged"]
                    else ""
                )
                + "."
            )
        findings = benefits_summary[0].lower() + benefits_summary[1:]
        out.append(f"Note the evaluation findings: {findings}")
        if budget["has_lines"]:
            out.append(
                f"Note the partnership's spend to date of {budget['to_date_actual']} against "
                f"{budget['to_date_planned']} planned ({budget['reason']})."
            )
    if financial["totals"]:
        out.append(
            f"Note the financial case: the preferred option's net present value is "
            f"{financial['totals']['npv']} (section {sections[1]})."
        )
    entries = management["risks"]
    count, red = len(entries), sum(1 for r in entries if r["rag"] == "red")
    if count:
        risks = sum(1 for r in entries if r["type"] == "Risk")
        what = _join(
            [
                plural(n, f"open {kind}")
                for n, kind in ((risks, "risk"), (count - risks, "issue"))
                if n
            ]
        )
        if count == 1:
            red_clause = ", which is red," if red else ""
        elif red == count:
            red_clause = ", all of them red,"
        else:
            red_clause = f", {red} of them red," if red else ""
        out.append(
            f"Note the {what}{red_clause} and the actions to manage "
            f"{'it' if count == 1 else 'them'} (management case)."
        )
    out.append(
        f"Agree the benefits realisation plan, its owners and target dates (section {sections[0]})."
    )
    to_come = [r for r in plan["milestones"] if not r["completed"]][:3]
    if to_come:
        out.append(
            "Agree the next steps: "
            + "; ".join(f"{r['title']} by {r['due']}" for r in to_come)
            + "."
        )
    return out


def _proposal(project: Project, kind: str, plan: dict[str, Any]) -> str:
    name = project.psp.name
    pilot = plan["pilot"]
    if kind == "outline":
        when = (
            f" from {pilot['start']} to {pilot['end']}" if pilot["start"] and pilot["end"] else ""
        )
        return (
            f"This outline business case sets out why the partners of {name} want to change "
            "the service, the options they considered, including doing nothing, and the "
            f"preferred option they propose to test in a pilot{when}. It asks each partner to "
            "sign it off and agree to proceed to the pilot."
        )
    return (
        f"This full business case builds on the outline business case of {name} with the "
        "evidence from the pilot: the final service model, the benefits and outcomes achieved "
        "so far, the evaluation findings and the financial analysis. It is the case for "
        "funding the service after the pilot, and asks each partner to sign it off."
    )


def business_case_context(
    project: Project, as_of: date, kind: str, history: list[Any]
) -> dict[str, Any]:
    """Everything an outline (`kind="outline"`) or full (`"full"`) business case prints,
    section by section, laid out as councils lay theirs out.

    `history` is the folder's version history as (date, short commit, subject) tuples, oldest
    first (`load.history.folder_history`); empty outside git.
    """
    from ..analysis.economics import economic_case

    if kind not in BUSINESS_CASES:
        raise ValueError(f"kind must be one of {', '.join(BUSINESS_CASES)}, not {kind!r}")
    document = BUSINESS_CASES[kind][1]
    versions = _versions(history, as_of)
    economics = economic_case(project)
    options = _options(project, as_of, economics)
    preferred_id = options["preferred"]["id"] if options["preferred"] else None
    benefits, benefits_summary, benefits_analysis = _benefits(project, as_of)
    plan, pilot_dates = _plan(project, as_of)
    budget = _budget(project, as_of, pilot_dates)
    financial = _financial(project, economics, preferred_id, budget)
    management = _management(project, as_of)
    service = _service(project, options["preferred"])
    return {
        "partnership": partnership_context(project, as_of),
        "document": _document(project, as_of, kind, versions),
        "versions": versions,
        "approvals": _approval_route(project, kind),
        "signoff": _sign_off(project, document),
        "summary": {
            "proposal": _proposal(project, kind, plan),
            "appraisal": options["summary"],
            "benefits": [b["title"] for b in benefits],
            "benefits_progress": benefits_summary,
            "financial": financial["summary"],
        },
        "goals": _goals(project, benefits_analysis),
        "strategic": {
            "scope": project.psp.scope or "",
            "assumptions": _raid_rows(project, as_of, "assumption"),
            "risks": _raid_rows(project, as_of, "risk"),
            "dependencies": _raid_rows(project, as_of, "dependency"),
        },
        "options": options,
        "benefits": benefits,
        "financial": financial,
        "plan": plan,
        "management": management,
        "service": service,
        "evaluation": _evaluation(project, as_of, benefits_summary),
        "recommendations": _recommendations(
            kind, options, plan, financial, management, service, benefits_summary
        ),
    }
