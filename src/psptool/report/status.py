"""The highlight report for the governance group, as data.

What the How to Guide asks the project manager to send before each governance meeting:
progress to date, key risks and issues, schedule and budget status, and KPIs from benefits
management; plus what changed since the last report and what the group must decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..analysis.benefits import BenefitProgress, analyse_benefits
from ..analysis.budget import (
    OVERSPEND_THRESHOLD,
    BudgetStatus,
    budget_status,
    period_range,
    variance_words,
    year_of_period,
)
from ..analysis.common import Period, Rag, natural_key, reporting_period
from ..analysis.gate import SIGNED, Gate, stage_gate, unsigned_partners
from ..analysis.plan import MilestoneStanding, MilestoneState, analyse_plan, milestone_standings
from ..analysis.practice import PILOT_MONTHS
from ..analysis.risk import HeatCell, RiskScore, score_risks
from ..model import STAGES, Project, Risk
from ..model.budget import is_financial_year
from ..model.meeting import Meeting
from ..model.partnership import GovernanceGroup
from ..vocabulary import (
    DOCUMENT_TITLES,
    NOT_RATED,
    OPERATIONAL_CADENCES,
    RAG_LABELS,
    RAID_TYPE_LABELS,
)
from .changes import Changes
from .papers.meeting_papers import affected, meeting_name
from .people import owner_names
from .wording import action_state, join

NO_BUDGET = "no budget is recorded"
"""Why the budget is not rated: the highlight report says so, with no table of zeros."""
NO_BENEFIT = "no benefit has been measured yet"
NO_BENEFITS = "no benefits are recorded yet"
"""Why the benefits are not rated when benefits.yaml holds none: the same words as the
report's benefits section, not "measured", which would say some are recorded."""

TOP_RISKS = 5
RAG_ORDER: dict[str, int] = {"green": 0, "amber": 1, "red": 2}


@dataclass
class Component:
    """One part of the overall RAG: schedule, risks and issues, budget or benefits."""

    name: str
    rag: Rag | None
    """None when there is nothing to rate yet; it then takes no part in the overall RAG."""
    reason: str


@dataclass
class Outstanding:
    """A document not yet approved by every partner that should have approved it."""

    document: str
    partners: list[str]
    names: list[str] = field(default_factory=list)
    """The partners' names, as a paper gives them (`partners` keeps the ids)."""
    due: date | None = None
    """When the plan needs it (the gate item's `due`); None for a paper of a stage already
    left, or with no date."""


@dataclass(frozen=True)
class LastMeeting:
    """The governance group's meeting the report looks back to."""

    id: str
    group: str
    """The group's name: "PSP Governance Group"."""
    date: date


@dataclass(frozen=True)
class MeetingActionState:
    """An action agreed at the last meeting, with where it stands as at the report's date."""

    ref: str
    """`GG-2011-06.1`, as `psp action done` takes it."""
    action: str
    owner: str | None
    due: date | None
    state: str
    """"Done on 8 April 2011", "Overdue", "Not yet due" or "Open" (no due date), as the
    minutes and agenda write it (`wording.action_state`)."""
    completed: date | None = None


@dataclass(frozen=True)
class DecisionTaken:
    """A decision recorded at a meeting held since the last governance meeting (that one's
    own decisions included)."""

    id: str
    meeting: str
    held: date
    decision: str
    affects: list[str]
    meeting_name: str = ""
    """The meeting as papers name it: "PSP Governance Group, 24 June 2011"."""
    affected: list[str] = field(default_factory=list)
    """What it changes, by kind and title: "Risk: Fewer pilot placements than planned"."""


@dataclass
class BudgetYear:
    """One financial year of the budget: what is planned for the whole year, and planned
    against actual for its periods that have ended with an actual recorded."""

    financial_year: str
    planned: float
    planned_to_date: float
    actual: float

    @property
    def variance(self) -> float:
        """Actual − planned to date: positive is an overspend."""
        return self.actual - self.planned_to_date


def _following(label: str) -> str:
    """The financial year after `label` (`2011/12` → `2012/13`; `2011` → `2012`)."""
    first = int(label[:4]) + 1
    return f"{first}/{(first + 1) % 100:02d}" if "/" in label else str(first)


def budget_by_financial_year(project: Project, as_of: date) -> list[BudgetYear]:
    """The budget by financial year where the partnership budgets in them (any line written
    `2011/12` or `2011/12-Q1`), else nothing; a calendar period counts in the financial year
    its last day falls in, and every year from the first to the last is there, even one
    with no lines."""
    lines = project.budget.budget
    if not any(is_financial_year(line.period) for line in lines):
        return []
    start = project.psp.financial_year_start
    years: dict[str, BudgetYear] = {}
    for line in lines:
        label = year_of_period(line.period, start, financial=True)
        row = years.setdefault(label, BudgetYear(label, 0.0, 0.0, 0.0))
        row.planned += line.planned or 0.0
        if line.actual is not None and period_range(line.period, start)[1] <= as_of:
            row.planned_to_date += line.planned or 0.0
            row.actual += line.actual
    label, last = min(years), max(years)
    while label < last:
        label = _following(label)
        years.setdefault(label, BudgetYear(label, 0.0, 0.0, 0.0))
    return [years[k] for k in sorted(years)]


@dataclass
class StatusReport:
    name: str
    stage: str
    as_of: date
    period: Period
    period_start: date
    next_period_end: date
    overall: Rag
    overall_rule: str
    components: list[Component]
    completed: list[MilestoneState]
    """Milestones completed in the reporting period."""
    due_next: list[MilestoneState]
    overdue: list[MilestoneState]
    slipped: list[MilestoneState]
    """Completed in the period later than due."""
    critical_path: list[MilestoneState]
    planned_end: date | None
    projected_end: date | None
    end_slippage_days: int | None
    top_risks: list[RiskScore]
    new_risks: list[RiskScore]
    closed_risks: list[RiskScore]
    escalated_risks: list[RiskScore]
    heatmap: list[HeatCell]
    risk_thresholds: tuple[int, int]
    budget: BudgetStatus
    benefits: list[BenefitProgress]
    outstanding: list[Outstanding]
    decisions: list[str]
    gate: Gate
    changes: Changes | None = None
    since: str | None = None
    """The revision compared with, as 'abc12345 (2011-03-31): subject'."""
    since_note: str | None = None
    """Why there is no comparison, when --since was asked for and none could be made."""
    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Partners' and people's names by id, so the report says who rather than an id."""
    last_meeting: LastMeeting | None = None
    """The governance group's last meeting held on or before the report's date (or the one
    `--since` named); None when it has not met on record."""
    meeting_actions: list[MeetingActionState] = field(default_factory=list)
    """Actions agreed at the last meeting, in the minutes' order."""
    meeting_decisions: list[DecisionTaken] = field(default_factory=list)
    """Decisions of meetings held from the last meeting to the report's date, by date."""
    budget_years: list[BudgetYear] = field(default_factory=list)
    """The budget by financial year, where the partnership budgets in financial years."""
    standings: list[MilestoneStanding] = field(default_factory=list)
    """Where every milestone stands (`analysis.plan.milestone_standing`), in the plan's
    order."""
    open_entries: int = 0
    """How many RAID entries are open: `top_risks` shows the highest scoring of them."""
    group_name: str = ""
    """The governance group's name as the partnership writes it ("PSP Governance Group");
    empty when it has none."""


def _in(when: date | None, start: date, end: date) -> bool:
    return when is not None and start < when <= end


def _worst(components: list[Component]) -> Component:
    rated = [c for c in components if c.rag is not None] or [
        Component("nothing", "green", "nothing to rate yet")
    ]
    return max(rated, key=lambda c: RAG_ORDER[c.rag or "green"])


def _approvals_due(project: Project, as_of: date, gate: Gate) -> list[Outstanding]:
    """The papers the stage gates ask to be signed and that are not: those of the stages
    already left, then the current stage's (`gate`), each with who has not signed as the
    gate judges it (a MoU at Director level) and, for the current stage, when it is due."""
    names = {p.id: p.name for p in project.partners.partners}
    out = []
    current = STAGES.index(gate.stage) if gate.stage in STAGES else 0
    for stage in STAGES[:current]:
        for item in stage_gate(project, as_of, stage).items:
            if item.id in SIGNED and not item.met:
                missing = unsigned_partners(project, item.id)
                out.append(Outstanding(SIGNED[item.id], missing, [names[p] for p in missing]))
    for item in gate.items:
        if item.id in SIGNED and not item.met:
            missing = unsigned_partners(project, item.id)
            out.append(Outstanding(SIGNED[item.id], missing, [names[p] for p in missing], item.due))
    return [o for o in out if o.partners]


def governance_group(project: Project) -> GovernanceGroup | None:
    """The group the highlight report is for, ranked as the reporting period ranks them:
    `governance-group`, else a group whose id mentions governance, else the first group
    that meets less often than an operational group does."""
    groups = project.psp.governance.groups
    ranked = sorted(groups, key=lambda g: (g.id != "governance-group", "governance" not in g.id))
    for group in ranked:
        if group.id == "governance-group" or "governance" in group.id:
            return group
    return next((g for g in groups if g.cadence not in OPERATIONAL_CADENCES), None)


def last_meeting(project: Project, as_of: date) -> Meeting | None:
    """The governance group's last meeting held on or before `as_of`."""
    group = governance_group(project)
    held = [
        m
        for m in project.meetings.meetings
        if group is not None and m.group == group.id and m.status == "held" and m.date <= as_of
    ]
    return max(held, key=lambda m: m.date) if held else None


def find_meeting(project: Project, ref: str) -> Meeting | None:
    """The meeting whose id is `ref` (what `--since` may name), if any."""
    return next((m for m in project.meetings.meetings if m.id == ref), None)


def _since_meeting(
    project: Project, meeting: Meeting | None, as_of: date
) -> tuple[LastMeeting | None, list[MeetingActionState], list[DecisionTaken]]:
    if meeting is None:
        return None, [], []
    groups = {g.id: g.name for g in project.psp.governance.groups}
    actions = []
    for j, agreed in enumerate(meeting.actions):
        state = action_state(agreed.done, agreed.completed, agreed.due, as_of)
        actions.append(
            MeetingActionState(
                f"{meeting.id}.{j + 1}",
                agreed.action,
                agreed.owner,
                agreed.due,
                state,
                agreed.completed,
            )
        )
    held = sorted(
        (
            m
            for m in project.meetings.meetings
            if m.status == "held" and meeting.date <= m.date <= as_of
        ),
        key=lambda m: m.date,
    )
    decisions = [
        DecisionTaken(
            d.id,
            m.id,
            m.date,
            d.decision,
            d.affects,
            meeting_name(project, m),
            affected(project, d),
        )
        for m in held
        for d in m.decisions
    ]
    last = LastMeeting(meeting.id, groups.get(meeting.group, meeting.group), meeting.date)
    return last, actions, decisions


def status_report(
    project: Project,
    as_of: date,
    period: Period | None = None,
    *,
    changes: Changes | None = None,
    since: str | None = None,
    since_note: str | None = None,
    overspend_threshold: float = OVERSPEND_THRESHOLD,
    meeting: Meeting | None = None,
) -> StatusReport:
    """Assemble the highlight report as at `as_of` for the period ending then, looking back
    to `meeting` (default: the governance group's last meeting held by then)."""
    period = period or reporting_period(project)
    start = period.before(as_of)
    plan = analyse_plan(project, as_of, period)
    register = score_risks(project, as_of)
    budget = budget_status(project, as_of, start, overspend_threshold)
    benefits = analyse_benefits(project, as_of, period).benefits
    gate = stage_gate(project, as_of)
    by_id = {r.id: r for r in project.risks.risks}

    standings = milestone_standings(plan)
    completed = [m for m in plan.milestones if _in(m.completed, start, as_of)]
    overdue = [m for m in plan.milestones if m.state == "overdue"]
    due_next = [m for m in plan.milestones if m.state == "due"]
    slipped = [m for m in completed if (m.slippage_days or 0) > 0]
    critical = [plan.get(mid) for mid in plan.critical_path]
    open_risks = [r for r in register.risks if r.status == "open"]
    top = top_entries(open_risks)
    new = [r for r in register.risks if _in(by_id[r.id].raised, start, as_of)]
    closed = [r for r in register.risks if _in(by_id[r.id].closed, start, as_of)]
    escalated = [r for r in register.risks if _in(by_id[r.id].escalated, start, as_of)]
    if changes is not None:
        new += [r for r in register.risks if r.id in changes.risks_added and r not in new]
        closed += [r for r in register.risks if r.id in changes.risks_closed and r not in closed]
        escalated += [
            r for r in register.risks if r.id in changes.risks_escalated and r not in escalated
        ]

    components = [
        _schedule(
            plan.end_slippage_days,
            overdue,
            plan.projected_end,
            plan.planned_end,
            _late(standings),
        ),
        _risks(open_risks),
        Component("budget", budget.rag, budget.reason)
        if project.budget.budget
        else Component("budget", None, NO_BUDGET),
        _benefits(benefits),
    ]
    worst = _worst(components)
    overall_rule = overall_sentence(components)
    outstanding = _approvals_due(project, as_of, gate)
    decisions = _decisions(
        project, open_risks, by_id, gate, budget, overspend_threshold, standings, as_of
    ) + _approvals_needed(outstanding, as_of, plan.period_end, len(project.partners.partners))
    last, meeting_actions, meeting_decisions = _since_meeting(
        project, meeting or last_meeting(project, as_of), as_of
    )
    return StatusReport(
        name=project.psp.name,
        stage=project.psp.stage,
        as_of=as_of,
        period=period,
        period_start=start,
        next_period_end=plan.period_end,
        overall=worst.rag or "green",  # _worst picks a rated part (green when none is)
        overall_rule=overall_rule,
        components=components,
        completed=completed,
        due_next=sorted(due_next, key=lambda m: (m.due or date.max, natural_key(m.id))),
        overdue=overdue,
        slipped=slipped,
        critical_path=critical,
        planned_end=plan.planned_end,
        projected_end=plan.projected_end,
        end_slippage_days=plan.end_slippage_days,
        top_risks=top,
        new_risks=new,
        closed_risks=closed,
        escalated_risks=escalated,
        heatmap=register.heatmap,
        risk_thresholds=(register.amber, register.red),
        budget=budget,
        benefits=benefits,
        outstanding=outstanding,
        decisions=decisions,
        gate=gate,
        changes=changes,
        since=since,
        since_note=since_note,
        counts=register.counts(),
        names=owner_names(project),
        last_meeting=last,
        meeting_actions=meeting_actions,
        meeting_decisions=meeting_decisions,
        budget_years=budget_by_financial_year(project, as_of),
        standings=standings,
        open_entries=len(open_risks),
        group_name=group.name if (group := governance_group(project)) else "",
    )


def top_entries(open_risks: list[RiskScore], most: int = TOP_RISKS) -> list[RiskScore]:
    """The highest scoring open entries (`open_risks` comes highest first): `most` of them,
    and every other entry tied on the score of the last, so a tie is never cut in two."""
    if len(open_risks) <= most:
        return list(open_risks)
    cut = open_risks[most - 1].score
    return [r for r in open_risks if r.score >= cut]


FORECAST_TOLERANCE_DAYS = 31
"""How far past its due date a milestone still to come may be forecast before the schedule
turns amber: a few days' knock-on from an earlier milestone is within a month's tolerance, a
tender forecast three months late is not."""


def _late(standings: list[MilestoneStanding]) -> list[str]:
    """The milestones still to come that cannot happen as planned, by title: held up by a
    milestone they depend on ("Tender published is due on 30 September 2026, before Full
    business case agreed, which it depends on", each title in quotes), or forecast more than
    a month past their due date ("… is forecast 92 days late, for 31 December 2026")."""
    found = []
    for s in standings:
        if s.state == "Held up" and s.due is not None:
            found.append(f"‘{s.title}’ is due on {_day(s.due)}, {_held_by(s)}")
        elif (
            s.state == "Forecast late"
            and s.slippage_days is not None
            and s.slippage_days > FORECAST_TOLERANCE_DAYS
        ):
            found.append(
                f"‘{s.title}’ is forecast {s.slippage_days} days late, for {_day(s.forecast)}"
            )
    return found


def _held_by(s: MilestoneStanding) -> str:
    """What holds a milestone up, after its due date: "before ‘Full business case agreed’,
    which it depends on", or, for a full business case due before a 12-month pilot can have
    run, "before a 12-month pilot can have run (it cannot end before 20 August 2027)"."""
    titles = s.held_up_by[:-1] if s.needs_pilot_until else s.held_up_by
    parts = [f"before {_quoted(titles)}, which it depends on"] if titles else []
    if s.needs_pilot_until is not None:
        parts.append(
            f"before a {PILOT_MONTHS}-month pilot can have run (it cannot end before "
            f"{_day(s.needs_pilot_until)})"
        )
    return ", and ".join(parts)


def _quoted(titles: tuple[str, ...] | list[str]) -> str:
    """Milestone titles inside a sentence, each in quotes so it reads as one name: "‘Full
    business case agreed’ and ‘Funding confirmed’"."""
    return join([f"‘{t}’" for t in titles])


def _schedule(
    slip: int | None,
    overdue: list[MilestoneState],
    projected: date | None,
    planned: date | None,
    late: list[str] | None = None,
) -> Component:
    """Red when the end slips; amber for a milestone overdue, or forecast past its due date
    or due before one it depends on (the plan will not happen as written); else green."""
    if slip is not None and slip > 0:
        return Component(
            "schedule",
            "red",
            f"the last milestone is forecast for {_day(projected)}, {slip} days after the "
            f"planned end ({_day(planned)})",
        )
    reasons = []
    for m in overdue:
        reasons.append(f"‘{m.title}’ is overdue (due on {_day(m.due)})")
    reasons += late or []
    if reasons:
        return Component("schedule", "amber", "; ".join(reasons))
    return Component(
        "schedule", "green", "no milestone overdue or forecast late; the end date holds"
    )


def _lower_first(label: str) -> str:
    """A label inside a sentence: "The pilot has run" becomes "the pilot has run"; an
    initialism keeps its capitals ("KPIs measured", "MoU signed")."""
    if label[1:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _day(when: date | None) -> str:
    return f"{when.day} {when:%B %Y}" if when else ""


def _are(names: list[str], rag: str) -> str:
    """ "Fewer pilot placements than planned is Red", "A and B are Red"."""
    return f"{join(names)} {'is' if len(names) == 1 else 'are'} {RAG_LABELS[rag]}"


NAMED_AT_MOST = 3
"""How many benefits a RAG reason names by title: more are counted."""


def _entries_are(rows: list[RiskScore], rag: str) -> str:
    """Open RAID entries of one RAG: one by its title ("Fewer pilot placements than planned
    is Red"), more by count ("2 open entries are Red"; the table of top entries names
    them)."""
    if len(rows) > 1:
        return f"{len(rows)} open entries are {RAG_LABELS[rag]}"
    return _are([r.title for r in rows], rag)


def _risks(open_risks: list[RiskScore]) -> Component:
    red = [r for r in open_risks if r.rag == "red"]
    amber = [r for r in open_risks if r.rag == "amber"]
    if red:
        return Component("risks and issues", "red", _entries_are(red, "red"))
    if amber:
        return Component("risks and issues", "amber", f"{_entries_are(amber, 'amber')}, none Red")
    return Component("risks and issues", "green", "no open entry above Green")


def _benefits(rows: list[BenefitProgress]) -> Component:
    rated = [b for b in rows if b.rag is not None]
    red = [b.title for b in rated if b.rag == "red"]
    amber = [b.title for b in rated if b.rag == "amber"]

    def which(titles: list[str]) -> str:
        if len(titles) <= NAMED_AT_MOST:
            return join(titles)
        if len(titles) == len(rated):
            return f"all {len(rated)} measured benefits"
        return f"{len(titles)} of the {len(rated)} measured benefits"

    if red:
        verb = "is" if len(red) == 1 else "are"
        return Component("benefits", "red", f"{which(red)} {verb} well behind the line to target")
    if amber:
        verb = "is" if len(amber) == 1 else "are"
        return Component("benefits", "amber", f"{which(amber)} {verb} behind the line to target")
    if rated:
        return Component("benefits", "green", "every measured benefit on or ahead of the line")
    return Component("benefits", None, NO_BENEFIT if rows else NO_BENEFITS)


def _subject(names: list[str]) -> str:
    """The parts of the report a clause is about, with its verb: "the schedule is",
    "the budget and the benefits are"."""
    plural = len(names) > 1 or names[0] in ("risks and issues", "benefits")
    return join([f"the {n}" for n in names]) + (" are" if plural else " is")


def overall_sentence(components: list[Component]) -> str:
    """The overall RAG explained as a project manager would write it: the worst part and why,
    then how the others stand, and what is not rated yet and why.

    "Red, set by the risks and issues: Fewer pilot placements than planned is Red. The
    schedule and the budget are Green; the benefits are Amber." """
    rated = [c for c in components if c.rag is not None]
    unrated = [c for c in components if c.rag is None]
    out = []
    if rated:
        worst = max(RAG_ORDER[c.rag or "green"] for c in rated)
        rag = next(r for r, order in RAG_ORDER.items() if order == worst)
        setting = [c for c in rated if c.rag == rag]
        if rag == "green":
            out.append(f"Green: {_subject([c.name for c in setting])} Green.")
        else:
            why = "; ".join(c.reason for c in setting)
            out.append(f"{RAG_LABELS[rag]}, set by the {join([c.name for c in setting])}: {why}.")
            others = []
            for other in sorted(RAG_ORDER, key=lambda r: -RAG_ORDER[r]):
                names = [c.name for c in rated if c.rag == other and other != rag]
                if names:
                    others.append(f"{_subject(names)} {RAG_LABELS[other]}")
            if others:
                text = "; ".join(others)
                out.append(text[0].upper() + text[1:] + ".")
    else:
        out.append(f"{NOT_RATED}: there is nothing to rate yet.")
    if unrated:
        text = f"{_subject([c.name for c in unrated])} not rated: "
        out.append(text[0].upper() + text[1:] + join([c.reason for c in unrated]) + ".")
    return " ".join(out)


GATE_BELOW = "(the stage gate below says why)"
"""Where the highlight report's stage-gate decision points for the reasons: its own stage
gate, further down. A paper that quotes the decisions without the stage gate (the agenda)
points to the highlight report's instead (`GATE_IN_REPORT`)."""
GATE_IN_REPORT = "(the highlight report's stage gate says why)"


def _decisions(
    project: Project,
    open_risks: list[RiskScore],
    by_id: dict[str, Risk],
    gate: Gate,
    budget: BudgetStatus,
    threshold: float,
    standings: list[MilestoneStanding] | None = None,
    as_of: date | None = None,
) -> list[str]:
    """What the governance group must decide, one line a decision: a Red RAID entry with no
    open action or its review overdue; a milestone due before one it depends on; spend past
    the threshold; and, in one line, the stage gate's unmet items that are overdue or have
    no date (those still to come by their due date are work in hand, not a decision)."""
    out = []
    for r in open_risks:
        if r.rag != "red":
            continue
        no_action = r.open_actions == 0
        review_late = as_of is not None and r.review is not None and r.review < as_of
        if not (no_action or review_late):
            continue
        facts = (["has no open action"] if no_action else []) + (
            [f"its review was due on {_day(r.review)}"] if review_late else []
        )
        asks = (["review it"] if review_late else []) + (
            ["agree what will be done and by whom"] if no_action else []
        )
        said = f", {join(facts)}" if len(facts) > 1 else f" and {facts[0]}"
        kind = RAID_TYPE_LABELS[r.type].lower()
        out.append(f"The {kind} ‘{r.title}’ is Red{said}: {' and '.join(asks)}.")
    for st in standings or []:
        if st.state == "Held up" and st.due is not None:
            # a pilot's 12 months cannot be shortened: only new dates will do
            ask = (
                ""
                if st.held_up_by == st.held_up_by[-1:] and st.needs_pilot_until
                else (", or how it can go ahead first")
            )
            out.append(
                f"‘{st.title}’ is due on {_day(st.due)}, {_held_by(st)}: agree new dates{ask}."
            )
    pct = budget.to_date.variance_pct
    if pct is not None and pct > threshold:
        over = variance_words(budget.to_date.variance, pct, budget.currency)
        out.append(f"Spend is {over} to date: agree how to bring it back or revise the budget.")
    if gate.next_stage is not None:
        pressing = [i for i in gate.unmet if i.due is None or (as_of is not None and i.due < as_of)]
        if pressing:
            what = "; ".join(_lower_first(i.label) for i in pressing)
            items = "item" if len(pressing) == 1 else "items"
            out.append(
                f"Agree how and by when the partnership will meet the {len(pressing)} {items} "
                f"of the {gate.stage} stage gate still unmet before it moves to the "
                f"{gate.next_stage} stage: {what} {GATE_BELOW}."
            )
    return out


SIGNED_OFF = ("mou", "outline_business_case", "pilot_plan")
"""The papers the stage gates ask signed off (the rest they ask approved)."""


def _approvals_needed(
    outstanding: list[Outstanding], as_of: date, by: date, every: int | None = None
) -> list[str]:
    """A paper the current stage gate asks signed that the plan needs from the report's date
    to the end of the next reporting period (`by`) is a decision for this meeting, the last
    before it is needed: "Approve the full business case (Falkirk Council's sign-off is
    needed by 30 September 2011).", "Sign off the outline business case (every partner's
    sign-off is needed by 20 August 2026)." where none of the `every` partners has. One
    already overdue is in the stage gate's line."""
    out = []
    for o in outstanding:
        if o.due is None or not as_of <= o.due <= by:
            continue
        names = o.names or o.partners
        if every is not None and len(o.partners) == every > 1:
            who = "every partner's sign-off"
        elif len(names) == 1:
            who = f"{names[0]}'s sign-off"
        else:
            who = f"the sign-off of {join(names)}"
        # the stage gates sign off the MoU, outline case and pilot plan, and approve the rest
        verb = "Sign off" if o.document in SIGNED_OFF else "Approve"
        out.append(
            f"{verb} the {DOCUMENT_TITLES.get(o.document, o.document)} ({who} is needed by "
            f"{_day(o.due)})."
        )
    return out


def saved_label(day: str, subject: str, short: str) -> str:
    """A revision of the folder as a paper names it, its date written out and its commit
    last: "the folder as saved on 31 March 2011 (Highlight report for March; revision
    bf6c4260)"."""
    try:
        when = _day(date.fromisoformat(day[:10]))
    except ValueError:
        when = day
    said = f"{subject}; revision {short}" if subject else f"revision {short}"
    return f"the folder as saved on {when} ({said})"


def status_since(
    root: Path,
    project: Project,
    as_of: date,
    period: Period | None = None,
    since: str | None = None,
    overspend_threshold: float = OVERSPEND_THRESHOLD,
) -> StatusReport:
    """The highlight report, compared with the folder at `since` (a git revision, a date, or
    a meeting's id, meaning the day it was held) when given. Outside a git repository the
    report says so and carries no comparison."""
    from ..errors import NotARepository, RevisionNotFound
    from ..load.history import load_revision
    from .changes import compare

    changes = since_label = note = None
    meeting = find_meeting(project, since) if since is not None else None
    if since is not None:
        ref = meeting.date.isoformat() if meeting is not None else since
        what = f"the {meeting_name(project, meeting)}" if meeting is not None else since
        try:
            before, revision = load_revision(root, ref)
        except NotARepository:
            note = (
                f"No comparison with {what}: the partnership's folder is not kept in git, so "
                "there is no earlier version to compare with."
            )
        except RevisionNotFound as exc:
            if meeting is None:
                raise
            note = f"No comparison with {what}: {exc}."
        else:
            broken = frozenset(d.file for d in before.errors if d.file)
            changes = compare(before.project, project, broken)
            since_label = saved_label(revision.date, revision.subject, revision.short)
            if meeting is not None:
                since_label = f"the {meeting_name(project, meeting)}: {since_label}"
            elif since != revision.commit and since != revision.short:
                since_label = f"{since}: {since_label}"
    return status_report(
        project,
        as_of,
        period,
        changes=changes,
        since=since_label,
        since_note=note,
        overspend_threshold=overspend_threshold,
        meeting=meeting,
    )
