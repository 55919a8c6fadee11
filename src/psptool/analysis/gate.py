"""Stage gates: what the PSP How to Guide expects before a partnership leaves its stage.

Each stage has a checklist; each item is decided from the folder's fields and comes back met
or unmet with the reason. Section numbers (§) are the How to Guide's. What the guide asks
that a folder cannot record (the introductory workshop, user engagement) is not checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from ..model import STAGES, Project
from ..model.common import months_through
from ..vocabulary import (
    CADENCE_PHRASES,
    DOCUMENT_TITLES,
    OPERATIONAL_CADENCES,
    ROUTE_PHRASES,
    Stage,
)
from . import practice
from .common import natural_key
from .practice import PILOT_MONTHS, add_months

NEXT_STAGE: dict[str, str] = dict(pairwise(STAGES))


@dataclass
class GateItem:
    id: str
    label: str
    met: bool
    reason: str
    guide: str
    """Where the How to Guide asks for it."""
    due: date | None = None
    """When the plan needs it: the due date of the milestone that delivers it (the paper
    signed, the pilot's twelfth month, the evaluation's end), else the end of the stage
    (its last milestone, or for the design and pilot stages the pilot's start and end, for
    the sustain stage the partnership's end); None when the folder gives no date."""


@dataclass
class Gate:
    stage: str
    next_stage: str | None
    as_of: date
    items: list[GateItem]

    @property
    def met(self) -> bool:
        return all(item.met for item in self.items)

    @property
    def unmet(self) -> list[GateItem]:
        return [item for item in self.items if not item.met]


Rule = Callable[[Project, date], tuple[bool, str]]
"""An item's test: met or not, and the reason in a sentence."""


@dataclass(frozen=True)
class Item:
    """One item of a stage's checklist: what it asks, where the guide asks it, its test."""

    id: str
    label: str
    guide: str
    rule: Rule


CHECKLISTS: dict[str, list[Item]] = {}
"""Each stage's checklist, in the order the items are registered (with `@item`) below."""


def item(stage: Stage, label: str, guide: str) -> Callable[[Rule], Rule]:
    """Register the decorated rule as an item of `stage`'s gate; its id is the rule's name.
    A rule two stages ask for is registered once for each (`item(...)(rule)`)."""

    def register(rule: Rule) -> Rule:
        CHECKLISTS.setdefault(stage, []).append(Item(rule.__name__, label, guide, rule))
        return rule

    return register


def _day(when: date) -> str:
    """30 June 2011, as the papers write a date."""
    return f"{when.day} {when:%B %Y}"


def _ids(names: list[str]) -> str:
    """Partners, people or groups by name, in order: "a, b and c", "a, … f and 2 more"."""
    return _titles(sorted(names, key=natural_key), 6)


def _titles(titles: list[str], most: int = 4) -> str:
    """Records named by their titles, as the file lists them: "a", "a and b", "a, b and c",
    "a, b, c, d and 2 more"; titles with commas in them are kept apart by semicolons."""
    shown = titles[:most]
    rest = len(titles) - len(shown)
    sep = "; " if any("," in t for t in shown) else ", "
    if rest:
        return sep.join(shown) + f" and {rest} more"
    if len(shown) <= 2:
        return (f"{sep.strip()} and " if sep == "; " else " and ").join(shown)
    return sep.join(shown[:-1]) + (";" if sep == "; " else "") + " and " + shown[-1]


def _or(words: list[str]) -> str:
    """a; a or b; a, b or c."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


SMART_WORDS = {"S": "specific", "M": "measurable", "A": "achievable", "R": "relevant"}
SMART_WORDS["T"] = "time-bound"


def _missing(fields: dict[str, object]) -> list[str]:
    return [name for name, value in fields.items() if value in (None, "", [])]


# identify ---------------------------------------------------------------------------------


@item("identify", "The need for the service is stated", "§2.4")
def need_stated(p: Project, as_of: date) -> tuple[bool, str]:
    if p.psp.purpose or p.psp.scope:
        return True, "the purpose and scope are written"
    return False, "no purpose or scope says what need the service meets"


@item("identify", "Public and third-sector partners", "§3.2")
def public_and_third(p: Project, as_of: date) -> tuple[bool, str]:
    missing = practice.missing_sectors(p)
    if not missing:
        return True, "public and third-sector partners are both in the partnership"
    return False, "no " + " and no ".join(f"{s}-sector partner" for s in missing)


@item("identify", "A public partner willing to fund later", "§3.2")
def potential_funder(p: Project, as_of: date) -> tuple[bool, str]:
    funders = practice.potential_funders(p)
    if funders:
        names = {x.id: x.name for x in p.partners.partners}
        return True, f"potential funder: {_ids([names.get(f, f) for f in funders])}"
    return False, "no public partner is named as a potential funder"


@item("identify", "Expressions of interest scored and decided", "§3.4")
def candidates_decided(p: Project, as_of: date) -> tuple[bool, str]:
    selection = p.partners.selection
    if selection is None or not selection.criteria:
        return False, "no selection criteria to score expressions of interest"
    if not selection.candidates:
        return False, "no candidates scored against the selection criteria"
    undecided = [c.name for c in selection.candidates if c.status == "candidate"]
    if undecided:
        return False, f"not yet selected or declined: {_ids(undecided)}"
    partners = {x.id for x in p.partners.partners} | {x.name for x in p.partners.partners}
    absent = [
        c.name
        for c in selection.candidates
        if c.status == "selected" and c.id not in partners and c.name not in partners
    ]
    if absent:
        return False, f"selected but not yet in partners: {_ids(absent)}"
    return True, f"{len(selection.candidates)} candidates scored and decided"


@item("identify", "A contact at every partner", "§3.3.3")
def partner_contacts(p: Project, as_of: date) -> tuple[bool, str]:
    if not p.partners.partners:
        return False, "no partners yet"
    without = [
        x.name for x in p.partners.partners if not any(pp.email or pp.phone for pp in x.people)
    ]
    if without:
        return False, f"no contact (a person with email or phone) for {_ids(without)}"
    return True, "every partner has a contact"


# create -----------------------------------------------------------------------------------


@item("create", "One lead partner", "§3.5")
def lead_partner(p: Project, as_of: date) -> tuple[bool, str]:
    leads = practice.lead_partners(p)
    names = {x.id: x.name for x in p.partners.partners}
    if len(leads) == 1:
        return True, f"lead partner: {names.get(leads[0], leads[0])}"
    named = [names.get(x, x) for x in leads]
    return False, "no lead partner" if not leads else f"{len(leads)} lead partners: {_ids(named)}"


@item("create", "Vision, purpose and scope", "§3.7, §3.12")
def vision_purpose(p: Project, as_of: date) -> tuple[bool, str]:
    missing = _missing({"vision": p.psp.vision, "purpose": p.psp.purpose, "scope": p.psp.scope})
    if missing:
        return False, f"no {_or(missing)} written yet"
    return True, "vision, purpose and scope are written"


@item("create", "SMART joint goals", "§3.8")
def smart_goals(p: Project, as_of: date) -> tuple[bool, str]:
    goals = p.goals.goals
    if not goals:
        return False, "no goals recorded yet"
    linked = practice.benefit_goals(p)
    failing = [
        f"{g.title} (not {_or([SMART_WORDS[letter] for letter in gaps])})"
        for g in goals
        if (gaps := practice.goal_gaps(p, g, g.id in linked))
    ]
    if failing:
        return False, "not SMART: " + "; ".join(failing)
    return True, f"all {len(goals)} goals are SMART"


@item("create", "Governance and operational groups with cadence", "§7.2")
def governance_groups(p: Project, as_of: date) -> tuple[bool, str]:
    groups = p.psp.governance.groups
    if not groups:
        return False, "no governance groups set up yet"
    no_cadence = [g.name for g in groups if g.cadence is None]
    if no_cadence:
        return False, f"no cadence for {_ids(no_cadence)}"
    people = p.people()
    problems = []
    governing = [g for g in groups if g.cadence not in OPERATIONAL_CADENCES]
    if not governing:
        problems.append("no governance group meeting quarterly or so")
    for g in governing:
        represented = {people[m][1] if m in people else m for m in g.members}
        absent = [x.name for x in p.partners.partners if x.id not in represented]
        if g.chair is None:
            problems.append(f"{g.name} has no chair")
        if absent:
            problems.append(f"{g.name} has no member from {_ids(absent)}")
    if not any(g.cadence in OPERATIONAL_CADENCES for g in groups):
        problems.append("no operational group meeting fortnightly or monthly")
    if problems:
        return False, "; ".join(problems)
    return True, _titles(
        [f"{g.name} ({CADENCE_PHRASES.get(g.cadence or '', g.cadence)})" for g in groups], 6
    )


@item("create", "A Director-level senior sponsor and a project manager", "§3.6, §3.11")
def key_roles(p: Project, as_of: date) -> tuple[bool, str]:
    """At least one senior sponsor at Director level in a public partner; a project manager."""
    people = p.people()
    sectors = {x.id: x.sector for x in p.partners.partners}
    sponsors = [r.person for r in p.psp.roles if r.role == "senior_sponsor"]
    managers = [r.person for r in p.psp.roles if r.role == "project_manager"]
    public_directors = [
        s
        for s in sponsors
        if s in people and people[s][0].director_level and sectors.get(people[s][1]) == "public"
    ]
    problems = []
    if not sponsors:
        problems.append("no senior sponsor is named")
    elif not public_directors:
        problems.append("no senior sponsor is a Director-level person of a public partner")
    if not managers:
        problems.append("no project manager is named")
    if problems:
        return False, "; ".join(problems)
    sponsor, manager = (
        people[x][0].name if x in people else x for x in (public_directors[0], managers[0])
    )
    return True, f"senior sponsor {sponsor}, project manager {manager}"


@item("create", "Every MoU section written", "§3.12")
def mou_content(p: Project, as_of: date) -> tuple[bool, str]:
    psp = p.psp
    missing = _missing(
        {
            "objectives": psp.objectives,
            "values": psp.values,
            "funding": psp.funding,
            "dispute resolution": psp.mou.dispute_resolution,
            "amendment": psp.mou.amendment,
            "confidentiality": psp.mou.confidentiality,
            "exit": psp.mou.exit,
        }
    )
    vague = [x.name for x in p.partners.partners if not x.contribution and not x.responsibilities]
    problems = []
    if missing:
        problems.append(f"no {_or(missing)} section written yet")
    if vague:
        problems.append(f"no contribution or responsibilities for {_ids(vague)}")
    if problems:
        return False, "; ".join(problems)
    return True, "every MoU section has its text"


def _signed_by_all(p: Project, document: str, director: bool) -> tuple[bool, str]:
    people = p.people()
    signed = set()
    for a in p.psp.approvals:
        if a.document != document or a.date is None or a.date > date.max:
            continue
        if director and not practice.signs_at_director_level(people, a):
            continue
        signed.add(a.partner)
    partners = [x.id for x in p.partners.partners]
    if not partners:
        return False, "no partners yet"
    names = {x.id: x.name for x in p.partners.partners}
    unsigned = [names[x] for x in partners if x not in signed]
    who = "a Director-level person of " if director else ""
    if unsigned:
        return False, f"no dated {DOCUMENT_TITLES[document]} approval by {who}{_ids(unsigned)}"
    return True, f"signed by all {len(partners)} partners"


@item("create", "MoU signed at Director level by every partner", "§3.12")
def mou_signed(p: Project, as_of: date) -> tuple[bool, str]:
    return _signed_by_all(p, "mou", director=True)


@item("create", "A plan with owners and dates to the end date", "§3.13")
def project_plan(p: Project, as_of: date) -> tuple[bool, str]:
    psp, milestones = p.psp, p.milestones.milestones
    if psp.start is None or psp.end is None:
        return False, "no start and end dates to plan between"
    if not milestones:
        return False, "no milestones planned yet"
    problems = []
    stages = {m.stage for m in milestones}
    missing_stages = [s for s in ("design", "pilot", "sustain") if s not in stages]
    if missing_stages:
        noun = "stage" if len(missing_stages) == 1 else "stages"
        problems.append(f"no milestones for the {_titles(missing_stages)} {noun}")
    incomplete = [m.title for m in milestones if m.owner is None or m.due is None]
    if incomplete:
        problems.append(f"no owner or due date for {_titles(incomplete)}")
    last = max((m.due for m in milestones if m.due), default=None)
    if last is not None and last < psp.end - timedelta(days=92):
        problems.append(
            f"the last milestone is due on {_day(last)}, well before the end ({_day(psp.end)})"
        )
    if problems:
        return False, "; ".join(problems)
    to = f" to {_day(last)}" if last else ""
    return True, f"{len(milestones)} milestones with owners and dates{to}"


@item("create", "A stakeholder map", "§3.10.1")
def stakeholder_map(p: Project, as_of: date) -> tuple[bool, str]:
    stakeholders = p.stakeholders.stakeholders
    if not stakeholders:
        return False, "no stakeholders mapped yet"
    unrated = [s.name for s in stakeholders if practice.unrated(s)]
    if unrated:
        return False, f"no interest or influence rating for {_titles(unrated)}"
    return True, f"{len(stakeholders)} stakeholders mapped"


@item("create", "A communications plan", "§3.10.2")
def comms_plan(p: Project, as_of: date) -> tuple[bool, str]:
    comms = p.stakeholders.communications
    if not comms:
        return False, "no communications plan yet"
    thin = [c for c in comms if not c.audience or not c.method or not c.owner]
    if thin:
        stakeholders = {s.id: s.name for s in p.stakeholders.stakeholders}
        named = [
            c.method
            or " and ".join(stakeholders.get(a, a) for a in c.audience)
            or "one communication"
            for c in thin
        ]
        return False, f"no audience, method or owner for {_titles(named)}"
    reached = {a for c in comms for a in c.audience}
    unreached = [s.name for s in p.stakeholders.stakeholders if s.id not in reached]
    if unreached:
        return False, f"the plan does not reach {_titles(unreached)}"
    return True, f"{len(comms)} communications reach every stakeholder"


@item("create", "Benefits management set up", "§3.14")
def benefits_setup(p: Project, as_of: date) -> tuple[bool, str]:
    ready = [
        b.id
        for b in p.benefits.benefits
        if b.kpi and b.baseline is not None and b.target is not None and b.target_date and b.owner
    ]
    if ready:
        return True, f"{len(ready)} benefits with a KPI, baseline, target, date and owner"
    return False, "no benefit has a KPI with baseline, target, target date and owner"


@item("create", "A RAID log with owners and actions", "§7.3")
def raid_log(p: Project, as_of: date) -> tuple[bool, str]:
    entries = p.risks.risks
    if not any(r.type == "risk" for r in entries):
        return False, "no risks recorded yet"
    gaps = [r.title for r in entries if practice.needs_owner(r) or practice.needs_action(r)]
    if gaps:
        return False, f"open entries without an owner or an action: {_titles(gaps)}"
    return True, f"{len(entries)} entries, every open one with an owner and actions"


# design -----------------------------------------------------------------------------------


@item("design", "Short, medium and long-term outcomes", "§4.3.3")
def outcome_terms(p: Project, as_of: date) -> tuple[bool, str]:
    terms = {g.term for g in p.goals.goals}
    missing = [t for t in ("short", "medium", "long") if t not in terms]
    if missing:
        return False, f"no {_or(missing)}-term outcomes among the goals"
    return True, "short, medium and long-term outcomes are set"


@item("design", "Every outcome measured by a benefit", "§4.3.4")
def outcomes_to_benefits(p: Project, as_of: date) -> tuple[bool, str]:
    linked = {b.goal for b in p.benefits.benefits}
    unmeasured = [g.title for g in p.goals.goals if g.id not in linked]
    if not p.goals.goals:
        return False, "no goals recorded yet"
    if unmeasured:
        goals = "the goal" if len(unmeasured) == 1 else "the goals"
        return False, f"no benefit measures {goals} {_titles(unmeasured)}"
    return True, "every goal has a benefit to measure it"


@item("design", "Potential funders engaged", "§4.3.2")
def funders_engaged(p: Project, as_of: date) -> tuple[bool, str]:
    funders = [f for f in p.sustainability.funders if not f.in_kind]
    committed = [f.name for f in funders if f.status == "committed"]
    engaged = [f.name for f in funders if f.status == "engaged"]
    if committed or engaged:
        said = [f"engaged: {'; '.join(engaged)}"] if engaged else []
        said += [f"committed: {'; '.join(committed)}"] if committed else []
        return True, "; ".join(said)
    in_kind = [
        f.name
        for f in p.sustainability.funders
        if f.in_kind and f.status in ("engaged", "committed")
    ]
    if in_kind:
        return False, (
            f"only support in kind ({_ids(in_kind)}); no funder of the service is engaged yet"
        )
    return False, "no future funder is engaged yet"


@item("design", "Options scored, including do nothing", "§4.4")
def options_appraised(p: Project, as_of: date) -> tuple[bool, str]:
    opts = p.options
    if not opts.criteria or len(opts.options) < 2:
        return False, "the options appraisal needs criteria and at least two options"
    if not practice.do_nothing_options(opts.options):
        return False, "no do-nothing option"
    return True, f"{len(opts.options)} options scored against {len(opts.criteria)} criteria"


@item("design", "Costs and risks of each option", "§4.5.4")
def option_costs_risks(p: Project, as_of: date) -> tuple[bool, str]:
    if not p.options.options:
        return False, "no options"
    options = [o for o in p.options.options if not o.do_nothing]
    both = [o.name for o in options if o.cost is None and not o.risks]
    no_cost = [o.name for o in options if o.cost is None and o.risks]
    no_risk = [o.name for o in options if o.cost is not None and not o.risks]
    said = [f"no cost or risk named for {_titles(both)}"] if both else []
    said += [f"no cost named for {_titles(no_cost)}"] if no_cost else []
    said += [f"no risk named against {_titles(no_risk)}"] if no_risk else []
    if said:
        return False, "; ".join(said)
    return True, "every option has a cost and its risks"


@item("design", "A preferred option", "§4.4.1")
def preferred_option(p: Project, as_of: date) -> tuple[bool, str]:
    chosen = practice.decided_preference(p, as_of)
    option = next((o for o in p.options.options if chosen and o.id == chosen[0]), None)
    if chosen is None or option is None:
        return False, "no preferred option chosen yet"
    if option.do_nothing:
        return False, f"the preferred option, {option.name}, is to do nothing"
    _, decision, when, group = chosen
    groups = {g.id: g.name for g in p.psp.governance.groups}
    by = f" by the {groups[group]}" if group in groups else ""
    where = f", decided{by} on {_day(when)}" if decision else ""
    return True, f"preferred: {option.name}{where}"


@item("design", "A pilot of at least 12 months planned", "§4.5.2")
def pilot_timescale(p: Project, as_of: date) -> tuple[bool, str]:
    pilot = p.psp.pilot
    if pilot is None or pilot.start is None or pilot.end is None:
        return False, "the pilot has no start and end dates yet"
    if short := _shorter_than_a_pilot(pilot.start, pilot.end, "the pilot is planned for"):
        return False, short
    return True, f"pilot planned {_day(pilot.start)} to {_day(pilot.end)}"


@item("design", "The pilot's costs planned", "§4.1")
def pilot_costed(p: Project, as_of: date) -> tuple[bool, str]:
    if not any(line.planned is not None for line in p.budget.budget):
        return False, "no planned spend in the budget yet"
    return True, "the budget plans the pilot's costs"


@item("design", "Outline business case signed off by every partner", "§4.5.4")
def obc_signed(p: Project, as_of: date) -> tuple[bool, str]:
    return _signed_by_all(p, "outline_business_case", director=False)


def _months(months: float) -> str:
    """A length in months as a sentence gives it, a whole number without its ".0": "9
    months", "1 month", "9.5 months"."""
    shown = f"{months:.1f}".removesuffix(".0")
    return f"{shown} month" + ("" if shown == "1" else "s")


def _shorter_than_a_pilot(start: date, end: date, what: str) -> str | None:
    """Why a period from `start` to `end` is shorter than the guide's pilot, or None."""
    months = months_through(start, end)
    if months < PILOT_MONTHS:
        return f"{what} {_months(months)}; the PSP How to Guide advises {PILOT_MONTHS}"
    return None


# pilot ------------------------------------------------------------------------------------


@item("pilot", "Pilot plan agreed by every partner", "§5.2.3")
def pilot_plan_agreed(p: Project, as_of: date) -> tuple[bool, str]:
    return _signed_by_all(p, "pilot_plan", director=False)


@item("pilot", "An evaluation of at least 12 months planned", "§5.2.2, §6.2.1")
def evaluation_framework(p: Project, as_of: date) -> tuple[bool, str]:
    ev = p.sustainability.evaluation
    if ev is None or not ev.approach or ev.start is None or ev.end is None:
        return False, "no evaluation approach with start and end dates yet"
    if short := _shorter_than_a_pilot(ev.start, ev.end, "the evaluation covers"):
        return False, short
    return True, f"evaluation planned from {_day(ev.start)} to {_day(ev.end)}"


@item("pilot", "The pilot has run 12 months", "§4.5.2")
def pilot_duration(p: Project, as_of: date) -> tuple[bool, str]:
    pilot = p.psp.pilot
    if pilot is None or pilot.start is None:
        return False, "the pilot has no start date yet"
    end = min(as_of, pilot.end) if pilot.end else as_of
    months = months_through(pilot.start, end)
    if months < PILOT_MONTHS:
        return False, (
            f"the pilot has run {_months(max(months, 0))} of the {PILOT_MONTHS} "
            "the PSP How to Guide advises"
        )
    return True, f"the pilot has run {months:.0f} months"


@item("pilot", "KPIs measured during the pilot", "§5.3")
def kpis_tracked(p: Project, as_of: date) -> tuple[bool, str]:
    pilot = p.psp.pilot
    start = pilot.start if pilot and pilot.start else p.psp.start
    if not p.benefits.benefits:
        return False, "no benefits recorded yet"
    unmeasured = [
        b.title
        for b in p.benefits.benefits
        if not any((start is None or m.date >= start) and m.date <= as_of for m in b.measurements)
    ]
    if unmeasured:
        return False, f"not measured during the pilot: {_titles(unmeasured)}"
    return True, "every benefit has been measured during the pilot"


@item("pilot", "RAID log up to date", "§7.3")
def raid_current(p: Project, as_of: date) -> tuple[bool, str]:
    stale = [
        r.title
        for r in p.risks.risks
        if practice.review_overdue(r, as_of) or practice.overdue_actions(r, as_of)
    ]
    if stale:
        return False, f"overdue reviews or actions: {_titles(stale)}"
    return True, "no overdue reviews or actions"


item("pilot", "Future funders engaged", "§5.2.3")(funders_engaged)


@item("pilot", "Milestones up to the pilot completed", "§5.3")
def pilot_milestones_done(p: Project, as_of: date) -> tuple[bool, str]:
    open_ = [
        m.title
        for m in p.milestones.milestones
        if m.stage in STAGES[: STAGES.index("pilot") + 1] and m.completed is None
    ]
    if open_:
        return False, f"not completed: {_titles(open_)}"
    return True, "every milestone up to the pilot is completed"


@item("pilot", "Full business case approved", "§5.4")
def fbc_signed(p: Project, as_of: date) -> tuple[bool, str]:
    leads = set(practice.lead_partners(p))
    signed = {a.partner for a in p.psp.approvals if a.document == "full_business_case"}
    if leads and leads <= signed:
        return True, "the full business case is approved"
    names = {x.id: x.name for x in p.partners.partners}
    unsigned = [names.get(x, x) for x in sorted(leads - signed)]
    if unsigned:
        lead = "the lead partner" if len(unsigned) == 1 else "the lead partners"
        return False, f"no full business case approval from {_ids(unsigned)}, {lead}"
    return False, "no full business case approval from the lead partner"


# sustain ----------------------------------------------------------------------------------


@item("sustain", "A sustainability route (procurement, grant, SLA)", "§6.2.4")
def route_chosen(p: Project, as_of: date) -> tuple[bool, str]:
    route = p.sustainability.route
    if route is None:
        return (
            False,
            "no route to sustainability (procurement, grant, service level agreement) chosen yet",
        )
    if route == "procurement" and not any(r.role == "procurement" for r in p.psp.roles):
        return False, "the route is procurement but no one has the procurement role"
    return True, f"route: {ROUTE_PHRASES.get(route, route)}"


@item("sustain", "Sustainability plan approved by the funding partners", "§6.2")
def plan_signed(p: Project, as_of: date) -> tuple[bool, str]:
    funders = practice.potential_funders(p)
    signed = {a.partner for a in p.psp.approvals if a.document == "sustainability_plan"}
    partner_names = {x.id: x.name for x in p.partners.partners}
    missing = [partner_names.get(f, f) for f in funders if f not in signed]
    if not funders:
        return False, "no public partner is a potential funder to approve the plan"
    if missing:
        return False, f"no sustainability plan approval from {_ids(missing)}"
    return True, "approved by every public funding partner"


@item("sustain", "Mainstream funding committed", "§2.4")
def funder_committed(p: Project, as_of: date) -> tuple[bool, str]:
    committed = [
        f.name
        for f in p.sustainability.funders
        if f.status == "committed" and f.amount and not f.in_kind
    ]
    if committed:
        return True, f"committed with an amount: {'; '.join(committed)}"
    return False, "no funder has committed an amount"


@item("sustain", "Funders engaged before their budget cycles", "§6.2.2")
def funders_before_budget(p: Project, as_of: date) -> tuple[bool, str]:
    late = [
        f.name
        for f in p.sustainability.funders
        if f.status == "identified" and f.budget_cycle is not None and f.budget_cycle <= as_of
    ]
    undated = [
        f.name for f in p.sustainability.funders if f.status != "declined" and not f.budget_cycle
    ]
    if not p.sustainability.funders:
        return False, "no future funders identified yet"
    if late:
        return False, f"budget cycle passed before engaging {_ids(late)}"
    if undated:
        return False, f"no budget decision date for {_ids(undated)}"
    return True, "every funder's budget cycle is known and was met"


@item("sustain", "Marketing and communication planned", "§6.2.3")
def marketing_plan(p: Project, as_of: date) -> tuple[bool, str]:
    if p.sustainability.marketing:
        return True, "marketing and communication are planned"
    return False, "no marketing and communication plan yet"


@item("sustain", "The evaluation is complete", "§6.2.1")
def evaluation_done(p: Project, as_of: date) -> tuple[bool, str]:
    ev = p.sustainability.evaluation
    if ev is None or ev.end is None:
        return False, "no evaluation end date"
    if ev.end > as_of:
        return False, f"the evaluation ends on {_day(ev.end)}"
    return True, f"the evaluation ended on {_day(ev.end)}"


@item("sustain", "Knowledge transfer plan done", "§7.4")
def knowledge_transferred(p: Project, as_of: date) -> tuple[bool, str]:
    transfers = p.knowledge.transfers
    if not transfers:
        return False, "no knowledge transfers are planned"
    outstanding = set(practice.transfers_outstanding(p))
    if outstanding:
        topics = [t.topic for t in transfers if t.id in outstanding]
        return False, f"not yet done: {_titles(topics)}"
    return True, f"all {len(transfers)} knowledge transfers are done"


@item("sustain", "Plan completed and issues closed", "§7.3")
def wrap_up(p: Project, as_of: date) -> tuple[bool, str]:
    open_ms = [m.title for m in p.milestones.milestones if m.completed is None]
    issues = [r.title for r in p.risks.risks if r.status == "open" and r.type == "issue"]
    problems = []
    if open_ms:
        problems.append(f"milestones not completed: {_titles(open_ms)}")
    if issues:
        problems.append(f"open issues: {_titles(issues)}")
    if problems:
        return False, "; ".join(problems)
    return True, "every milestone is completed and no issue is open"


SIGNED: dict[str, str] = {
    "mou_signed": "mou",
    "obc_signed": "outline_business_case",
    "pilot_plan_agreed": "pilot_plan",
    "fbc_signed": "full_business_case",
    "plan_signed": "sustainability_plan",
}
"""The items that are a paper signed, and the paper (a milestone's `document`)."""


def unsigned_partners(project: Project, item_id: str) -> list[str]:
    """The ids of the partners whose approval a signing item (SIGNED) still lacks, as the
    item judges it: every partner for the MoU (at Director level, dated) and the outline
    business case and pilot plan (dated), the lead partners for the full business case,
    the public potential funders for the sustainability plan."""
    document = SIGNED[item_id]
    partners = project.partners.partners
    if document == "full_business_case":
        who = practice.lead_partners(project)
    elif document == "sustainability_plan":
        who = practice.potential_funders(project)
    else:
        who = [x.id for x in partners]
    people = project.people()
    signed = set()
    for a in project.psp.approvals:
        if a.document != document:
            continue
        if document in ("mou", "outline_business_case", "pilot_plan") and a.date is None:
            continue
        if document == "mou" and not practice.signs_at_director_level(people, a):
            continue
        signed.add(a.partner)
    return [x for x in who if x not in signed]


def stage_end(project: Project, stage: str) -> date | None:
    """When the plan ends `stage`: its last milestone's due date; with no milestone of the
    stage, the pilot's start for the design stage, its end for the pilot stage, and the
    partnership's end for the sustain stage."""
    dues = [m.due for m in project.milestones.milestones if m.stage == stage and m.due]
    if dues:
        return max(dues)
    pilot = project.psp.pilot
    if stage == "design":
        return pilot.start if pilot else None
    if stage == "pilot":
        return pilot.end if pilot else None
    if stage == "sustain":
        return project.psp.end
    return None


def item_due(project: Project, stage: str, item_id: str, as_of: date | None = None) -> date | None:
    """When the plan needs a gate item (GateItem.due): for a paper to sign, the milestone
    that delivers it, else the first meeting planned after `as_of` whose agenda names it
    (the sparse folder's outline business case, on the board's agenda for 20 August 2026)."""
    if item_id in SIGNED:
        delivering = [
            m.due
            for m in project.milestones.milestones
            if m.document == SIGNED[item_id] and m.due is not None
        ]
        if delivering:
            return min(delivering)
        title = DOCUMENT_TITLES[SIGNED[item_id]].lower()
        meetings = [
            m.date
            for m in project.meetings.meetings
            if as_of is not None
            and m.status == "planned"
            and m.date > as_of
            and any(title in item.lower() for item in m.agenda)
        ]
        if meetings:
            return min(meetings)
    pilot = project.psp.pilot
    if item_id == "pilot_duration" and pilot is not None and pilot.start is not None:
        return add_months(pilot.start, PILOT_MONTHS) - timedelta(days=1)
    evaluation = project.sustainability.evaluation
    if item_id == "evaluation_done" and evaluation is not None and evaluation.end is not None:
        return evaluation.end
    return stage_end(project, stage)


def stage_gate(project: Project, as_of: date, stage: str | None = None) -> Gate:
    """The checklist for leaving `stage` (default: the partnership's current stage)."""
    stage = stage or project.psp.stage
    items = [
        GateItem(
            i.id,
            i.label,
            *i.rule(project, as_of),
            i.guide,
            due=item_due(project, stage, i.id, as_of),
        )
        for i in CHECKLISTS.get(stage, [])
    ]
    return Gate(stage, NEXT_STAGE.get(stage), as_of, items)
