"""The options appraisal section: criteria and weights, each option's score out of 100, rank,
cost and economic figures, the preferred option, a risk assessment per option and how
sensitive the choice is to each weight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ....model import Project
from ...formatting import money, number, percent, ratio
from ...wording import counted, join, plural
from .raid import RaidRow, no_actions, raid_rows

NO_RATIO = {
    "costs less": "n/a: costs less than doing nothing",
    "dominated": "n/a: costs more than doing nothing and brings less",
    "not meaningful": "n/a: the extra costs are too small to divide by",
}
"""Why an option has no benefit–cost ratio against doing nothing, as the cell says it."""

BCR_CONVENTION = (
    "The benefit–cost ratio (BCR) is the present value of benefits ÷ the present value of "
    "costs, with optimism bias in the costs, and the cashable and the non-cashable benefits "
    "(valued in money) both counted as benefits."
)
"""The paper's own wording of the Green Book's ratio: only the ratios the paper shows."""


def no_ratio(verdict: str | None) -> str:
    """The cell for an option without a ratio: "n/a: costs less than doing nothing"."""
    return NO_RATIO.get(verdict or "", f"n/a: {verdict}" if verdict else "")


def said(amount: float, currency: str) -> str:
    """A signed figure as a sentence says it: "£627,294", "minus £90,301" (a table keeps
    its sign; in a line of text a sign can be parted from its figure)."""
    if amount < 0 and round(amount):
        return f"minus {money(-amount, currency)}"
    return money(abs(amount), currency)


def against_doing_nothing(name: str) -> str:
    """ "doing nothing", with the do-nothing option's own name where it is not already
    "Do nothing…" (a name that repeats the words says nothing more)."""
    if not name or name.lower().startswith(("do nothing", "doing nothing")):
        return "doing nothing"
    return f"doing nothing ({name})"


if TYPE_CHECKING:
    from ....analysis.economics import EconomicCase
    from ....analysis.options import OptionsAppraisal, Sensitivity
    from ....model import Option


@dataclass(frozen=True)
class OptionRow:
    id: str
    name: str
    description: str
    do_nothing: str
    """"yes" for the do-nothing option, else empty."""
    kind: str
    """"Do nothing" or "Change"."""
    cost: str
    weighted: str
    score: str
    """Out of 100."""
    rank: int
    tied: str
    preferred: str
    cost_per_point: str
    wins: str
    """How often it comes first with the weights drawn at random: "62%"."""
    pv_costs: str
    pv_benefits: str
    npv: str
    bcr: str
    npv_vs_do_nothing: str
    """The NPSV: extra benefits less extra costs against doing nothing (the headline)."""
    bcr_vs_do_nothing: str
    """The ratio against doing nothing, or why there is none (costs less, dominated)."""
    optimism_bias: str
    extra_costs: str = ""
    extra_benefits: str = ""
    npsv_rank: str = ""


@dataclass(frozen=True)
class MatrixRow:
    """A criterion across the options: its weight and each option's score, in file order."""

    id: str
    name: str
    weight: str
    scores: tuple[float, ...]


@dataclass(frozen=True)
class CriterionRow:
    id: str
    name: str
    weight: str
    share: str
    """Its share of the total weight: "30%"."""


@dataclass(frozen=True)
class OptionRisk:
    """A RAID entry an option names, or a row saying it names none."""

    option: str
    id: str
    title: str
    score: int | str
    rag: str
    fill: str
    mitigation: str
    entry: str = ""
    """The entry with its type, as the "RAID entry" column gives it: "Dependency: Corporate
    Procurement capacity to run the tender"."""


@dataclass(frozen=True)
class SensitivityRow:
    criterion: str
    share: str
    finding: str


@dataclass(frozen=True)
class Options:
    summary: str
    columns: tuple[OptionRow, ...]
    """The options in the order of options.yaml, as the scoring matrix's columns."""
    matrix: tuple[MatrixRow, ...]
    criteria: tuple[CriterionRow, ...]
    rows: tuple[OptionRow, ...]
    """The options by rank."""
    preferred: OptionRow | None
    do_nothing: OptionRow | None
    risk_assessment: tuple[OptionRisk, ...]
    sensitivity: tuple[SensitivityRow, ...]
    has_economics: bool
    draws: str
    headline: str = ""
    """The executive summary's short form of `summary`: the options scored and the preferred
    one with its score; the reasons and the robustness are said once, in `summary`."""
    economics_summary: str = ""
    """The appraisal against doing nothing in words: the headline, its convention, the
    ranking by NPSV beside the ranking by score."""
    cost_covers: str = ""
    """What each option's estimated cost is the cost of (options.yaml `cost_covers`)."""
    unlinked: str = ""
    """The options no RAID log entry is linked to, in one sentence; empty when every option
    has one."""
    costed: bool = False
    """Whether any option has an estimated cost."""
    leader: str = ""
    """The option that comes first on the weights as they are, by name."""
    robust: str = ""
    """In place of the sensitivity list, where no single weight's change would put another
    option first: that, in one sentence."""
    no_actions: str = ""
    """The linked RAID entries without actions, each named once, in one sentence."""


def options_appraisal(project: Project, as_of: date, economics: EconomicCase) -> Options:
    from ....analysis import appraise_options

    currency = project.psp.currency
    appraisal = appraise_options(project)
    criteria = project.options.criteria
    total_weight = sum(c.weight for c in criteria)
    by_id = {o.id: o for o in project.options.options}
    econ = {e.id: e for e in economics.options if e.has_streams}
    relative = {e.id: e.relative_after for e in economics.options if e.relative_after}
    preferred_id = appraisal.preferred if appraisal.preferred in by_id else None
    raid = {r.id: r for r in raid_rows(project, as_of)}
    rows: list[OptionRow] = []
    assessment: list[OptionRisk] = []
    unlinked: list[str] = []
    linked_rows: list[RaidRow] = []
    for scored in appraisal.options:
        option = by_id[scored.id]
        e = econ.get(scored.id)
        rel = relative.get(scored.id)
        rows.append(
            OptionRow(
                id=scored.id,
                name=scored.name,
                description=option.description or "",
                do_nothing="yes" if scored.do_nothing else "",
                kind="Do nothing" if scored.do_nothing else "Change",
                cost=money(scored.cost, currency),
                weighted=number(scored.weighted),
                score=number(round(scored.score, 1)),
                rank=scored.rank,
                tied="yes" if scored.tied else "",
                preferred="yes" if scored.id == preferred_id else "",
                cost_per_point=money(scored.cost_per_point, currency),
                wins=percent(100 * scored.first_share),
                pv_costs=money(e.after_optimism.costs, currency) if e else "",
                pv_benefits=money(e.after_optimism.benefits, currency) if e else "",
                npv=money(e.after_optimism.npv, currency, signed=True) if e else "",
                bcr=ratio(e.after_optimism.bcr) if e else "",
                npv_vs_do_nothing=money(rel.npv, currency, signed=True)
                if rel
                else (money(0.0, currency) if e and e.do_nothing else ""),
                bcr_vs_do_nothing=(no_ratio(rel.verdict) if rel.verdict else ratio(rel.bcr))
                if rel
                else ("n/a: the baseline" if e and e.do_nothing else ""),
                optimism_bias=e.uplift.basis if e else "",
                extra_costs=money(rel.costs if rel else 0.0, currency, signed=True)
                if rel or (e and e.do_nothing)
                else "",
                extra_benefits=money(rel.benefits if rel else 0.0, currency, signed=True)
                if rel or (e and e.do_nothing)
                else "",
                npsv_rank=str(e.npsv_rank) if e and e.npsv_rank else "",
            )
        )
        linked: list[RaidRow] = [raid[r] for r in option.risks if r in raid]
        linked_rows += linked
        if not linked:
            unlinked.append(scored.name)
        for r in linked:
            assessment.append(
                OptionRisk(
                    option=scored.name,
                    id=r.id,
                    title=r.title,
                    score=r.score,
                    rag=r.rag,
                    fill=r.fill,
                    mitigation=r.mitigation,
                    entry=f"{r.type}: {r.title}",
                )
            )
    preferred = next((o for o in rows if o.preferred), None)
    do_nothing = next((o for o in rows if o.do_nothing), None)
    sensitivity = []
    leader = by_id[appraisal.leaders[0]].name if appraisal.leaders else "the leading option"
    for s in appraisal.sensitivity:
        sensitivity.append(SensitivityRow(s.name, percent(s.share), _finding(s, by_id)))
    robust = ""
    if sensitivity and all(s.robust or s.switch_share is None for s in appraisal.sensitivity):
        robust = (
            "No change to the weight of any one criterion would put another option first."
            if len(sensitivity) > 1
            else "No change to the criterion's weight would put another option first."
        )
        sensitivity = []
    in_file = sorted(rows, key=lambda o: list(by_id).index(o.id))
    return Options(
        summary=_summary(project, appraisal, rows, preferred, do_nothing),
        headline=_summary(project, appraisal, rows, preferred, do_nothing, short=True),
        columns=tuple(in_file),
        matrix=tuple(
            MatrixRow(
                id=c.id,
                name=c.name,
                weight=number(c.weight),
                scores=tuple(by_id[o.id].scores.get(c.id, 0) for o in in_file),
            )
            for c in criteria
        ),
        criteria=tuple(
            CriterionRow(
                id=c.id,
                name=c.name,
                weight=number(c.weight),
                share=percent(100 * c.weight / total_weight) if total_weight else "",
            )
            for c in criteria
        ),
        rows=tuple(rows),
        preferred=preferred,
        do_nothing=do_nothing,
        risk_assessment=tuple(assessment),
        sensitivity=tuple(sensitivity),
        robust=robust,
        leader=leader,
        costed=any(o.cost is not None for o in project.options.options),
        has_economics=bool(econ),
        draws=f"{appraisal.draws:,}",
        economics_summary=economics_summary(economics, project.psp.currency),
        cost_covers=project.options.cost_covers or "",
        unlinked=_unlinked(unlinked, len(rows)),
        # open risks and issues are said once, with their actions, in the management case
        no_actions=no_actions(
            [r for r in linked_rows if r.open and r.type not in ("Risk", "Issue")]
        ),
    )


def _finding(s: Sensitivity, by_id: dict[str, Option]) -> str:
    """How far one criterion's share of the weight must move before another option draws
    level with the leader, in a sentence; at the end of the scale, that only all (or none)
    of the weight would do it."""
    if s.robust or s.switch_share is None:
        return "No share of the weight would bring another option level."
    rivals = [by_id[r].name if r in by_id else r for r in s.new_leaders or (s.new_leader,) if r]
    rival = join(rivals) if rivals else "another"
    if s.switch_share >= 99.5:
        return f"Only if this criterion carried all the weight would {rival} draw level."
    if s.switch_share <= 0.5:
        return f"Only if this criterion carried no weight at all would {rival} draw level."
    move = "rose" if s.switch_share > s.share else "fell"
    return (
        f"Only if its share {move} from {percent(s.share)} to {percent(s.switch_share)} "
        f"would {rival} draw level."
    )


def _unlinked(names: list[str], count: int) -> str:
    """One sentence for the options without a linked RAID log entry."""
    if not names:
        return ""
    if len(names) == count:
        return "The RAID log does not yet record a risk against any of the options."
    return "The RAID log records no risk against " + join(names) + "."


def economics_summary(economics: EconomicCase, currency: str) -> str:
    """The appraisal against doing nothing in words, as the Green Book compares options."""
    appraised = [e for e in economics.options if e.relative_after is not None]
    if not appraised:
        if economics.options:
            return (
                "No option is marked as doing nothing, so the figures are each option's own, "
                "not against doing nothing."
            )
        return ""
    best = max(appraised, key=lambda e: e.relative_after.npv if e.relative_after else 0.0)
    rel = best.relative_after
    if rel is None:  # not so: `appraised` holds only options with figures against doing nothing
        return ""
    text = f"{best.name} has the highest net present social value (NPSV), {said(rel.npv, currency)}"
    text += f", with a benefit–cost ratio of {ratio(rel.bcr)}." if rel.bcr is not None else "."
    if (
        rel.npv > 0
        and rel.costs_switch is not None
        and rel.benefits_switch is not None
        and rel.benefits_switch < 0
    ):
        text += (
            f" Its extra costs could rise by {percent(rel.costs_switch)}, or its extra "
            f"benefits fall by {percent(-rel.benefits_switch)}, before its NPSV reached zero."
        )
    for e in appraised:
        if e.relative_after and e.relative_after.verdict == "dominated":
            text += f" {e.name} is dominated: it costs more than doing nothing and brings less."
    if economics.rankings_agree is True:
        text += " Ranked by NPSV and by weighted score, the same option comes first."
    elif economics.rankings_agree is False:
        first = ", ".join(e.name for e in economics.options if e.npsv_rank == 1)
        text += f" Ranked by NPSV, {first} comes first, unlike the weighted scores."
    text += " " + BCR_CONVENTION
    return text


def _summary(
    project: Project,
    appraisal: OptionsAppraisal,
    rows: list[OptionRow],
    preferred: OptionRow | None,
    do_nothing: OptionRow | None,
    short: bool = False,
) -> str:
    """The options appraisal in words; `short`, without the partners' reasons and the
    weights drawn at random (the executive summary's form)."""
    if not rows:
        return "No options have been appraised yet."
    by_id = {o.id: o for o in project.options.options}
    criteria = len(project.options.criteria)
    text = (
        f"The partners scored {counted(len(rows), 'option')}"
        + (f", including {against_doing_nothing(do_nothing.name)}," if do_nothing else "")
        + f" against {counted(criteria, 'weighted criterion', 'weighted criteria')}."
    )
    if preferred is None:
        return text + " The partners have not yet recorded a preferred option."
    place = (
        "the highest score"
        if preferred.rank == 1 and not preferred.tied
        else f"ranked {preferred.rank}" + (" (tied)" if preferred.tied else "")
    )
    text += (
        f" The preferred option is {preferred.name}, which scored {preferred.score} "
        f"out of 100, {place}."
    )
    if short:
        return text
    chosen = by_id.get(preferred.id)
    reason = chosen.rationale.strip().rstrip(".") if chosen is not None and chosen.rationale else ""
    because = f" The partners prefer it because {reason[:1].lower()}{reason[1:]}." if reason else ""
    if appraisal.preferred_is_top is False:
        names = {o.id: o.name for o in rows}
        leaders = "; ".join(names[i] for i in appraisal.leaders)
        text += f" It is not the top-scoring option ({leaders})." + (
            because or " The partners have not recorded why they prefer it."
        )
    else:
        text += because
        if preferred.rank == 1 and not preferred.tied:
            text += (
                f" With the weights drawn at random {plural(appraisal.draws, 'time')} it comes "
                f"first in {preferred.wins} of them."
            )
    return text
