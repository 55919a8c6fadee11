"""The economic case: each option's costs and benefits by year turned into present values
the HM Treasury Green Book way, with optimism bias, the comparison with doing nothing, a
sensitivity table and switching values; and the social return on investment (SROI) of the
benefits that carry an `sroi:` block, the SROI Guide's way.

Every published rate and percentage below is dated data with its source, so a finance
officer can check it and a partnership can see when it needs refreshing. `docs/economics.md`
explains each figure in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Option, Project
from ..model.benefit import Benefit, SroiInput, sroi_gaps
from ..model.options import DiscountRates, OptionsFile, following_year, weighted_total
from .financial import Affordability, affordability, price_base_of
from .optimism import OPTIMISM_BIAS, OPTIMISM_BIAS_SOURCE, Uplift, unbiased_costs, uplift_of

# --- dated data ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RateBand:
    from_year: int
    rate: float
    """Per cent a year, for every year from `from_year` until the next band starts."""


@dataclass(frozen=True)
class DiscountSchedule:
    """Discount rates by band of years, with where they come from.

    The factor for year t is 1 / ((1 + r₁) × (1 + r₂) × … × (1 + r_t)), where r_k is the rate
    of the band that year k falls in: year 0 is not discounted, years 1–30 at 3.5 % each,
    and from year 31 each further year at 3.0 %, compounding on the factor for year 30.
    """

    bands: tuple[RateBand, ...]
    source: str
    dated: str

    def factor(self, year: int) -> float:
        """What one pound in year `year` is worth now."""
        divisor = 1.0
        for i, band in enumerate(self.bands):
            first = max(band.from_year, 1)
            last = self.bands[i + 1].from_year - 1 if i + 1 < len(self.bands) else year
            years = min(last, year) - first + 1
            if years > 0:
                try:
                    divisor *= (1 + band.rate / 100) ** years
                except OverflowError:  # centuries at a high rate: worth nothing today
                    return 0.0
        return 1 / divisor


GREEN_BOOK_DISCOUNT = DiscountSchedule(
    bands=(
        RateBand(0, 3.5),
        RateBand(31, 3.0),
        RateBand(76, 2.5),
        RateBand(126, 2.0),
        RateBand(201, 1.5),
        RateBand(301, 1.0),
    ),
    source=(
        "HM Treasury, The Green Book: appraisal and evaluation in central government, "
        "Annex A6 (2022 edition): the social time preference rate of 3.5 % a year in real "
        "terms for years 0–30, declining to 3.0 % for years 31–75, 2.5 % for 76–125, 2.0 % "
        "for 126–200, 1.5 % for 201–300 and 1.0 % from 301; the same schedule as the 2003 "
        "edition's Table 6.1"
    ),
    dated="2022",
)

HEALTH_DISCOUNT = DiscountSchedule(
    bands=(
        RateBand(0, 1.5),
        RateBand(31, 1.29),
        RateBand(76, 1.07),
        RateBand(126, 0.86),
        RateBand(201, 0.64),
        RateBand(301, 0.43),
    ),
    source=(
        "HM Treasury, The Green Book (2022 edition), Annex A6, Table 8: the health discount "
        "rate of 1.5 % a year for years 0–30, declining to 1.29 % for years 31–75, 1.07 % for "
        "76–125, 0.86 % for 126–200, 0.64 % for 201–300 and 0.43 % from 301 (the standard "
        "rate less the wealth effect, for health effects valued in money or QALYs)"
    ),
    dated="2022",
)


SENSITIVITY_CHANGES: tuple[int, ...] = (-20, -10, 10, 20)
"""Per cent changes to costs, then to benefits, in the sensitivity table."""

# --- results -------------------------------------------------------------------------------


@dataclass
class YearFlow:
    """One year of an option: the financial case (cash) and its discounted net benefit."""

    year: int
    discount_factor: float
    capital: float
    revenue: float
    optimism_bias: float
    """The amount added to this year's costs for optimism bias."""
    cashable: float
    non_cashable: float
    net_cash: float
    """Cashable benefits less costs, optimism bias included."""
    cumulative_net_cash: float
    discounted_net: float
    """All benefits less costs with optimism bias, each stream times its own discount factor;
    the column adds up to the option's NPV after optimism bias."""
    health: float = 0.0
    """Health effects valued in money, discounted at the health rate."""
    health_factor: float = 1.0
    """The health schedule's discount factor for this year."""
    residual: float = 0.0
    """The residual value of the option's assets, in its final year: a benefit at the
    standard rate, not cash."""
    real_factor: float = 1.0
    """What the year's amounts as written were multiplied by to be in price-base prices:
    deflator of the price base ÷ deflator of the year for an option in nominal prices, else 1."""


BCR_CONVENTION = (
    "BCR: present value of benefits ÷ present value of costs, optimism bias in the costs, "
    "cashable and non-cashable benefits (valued in money) both counted as benefits (the Green "
    "Book's benefit–cost ratio). Net cost to "
    "the public sector: the other benefits ÷ (costs less cashable savings)."
)
NOT_MEANINGFUL_ABOVE = 100.0
"""A ratio above this comes from a denominator too small to compare options by: it is
reported as not meaningful rather than as a huge number."""


def classify(
    benefits: float, costs: float, nil: str = "costs less"
) -> tuple[float | None, str | None]:
    """A benefit–cost ratio, or in words why there is none: 'costs less' (no extra cost, so
    the net value alone compares), 'dominated' (more cost and less benefit), 'not meaningful'
    (a denominator so small the ratio exceeds `NOT_MEANINGFUL_ABOVE`)."""
    if costs < HALF_A_PENNY:
        return None, nil
    if benefits < 0:
        return None, "dominated"
    ratio = benefits / costs
    if ratio > NOT_MEANINGFUL_ABOVE:
        return None, "not meaningful"
    return ratio, None


@dataclass
class PresentValues:
    capital: float
    revenue: float
    optimism_bias: float
    costs: float
    """Capital + revenue + optimism bias."""
    cashable: float
    non_cashable: float
    benefits: float
    """Cashable + non-cashable + health."""
    npv: float
    """Benefits less costs."""
    bcr: float | None
    """Benefits divided by costs; None when `bcr_verdict` says why there is no ratio."""
    health: float = 0.0
    bcr_verdict: str | None = None
    """'costs less', 'dominated' or 'not meaningful' when there is no ratio."""
    residual: float = 0.0
    """The present value of the residual value (part of `benefits`)."""


@dataclass
class Relative:
    """An option against doing nothing: the extra costs and benefits it brings, its net present
    social value (NPSV), ratio and switching values."""

    costs: float
    benefits: float
    npv: float
    """The NPSV: extra benefits less extra costs."""
    bcr: float | None
    """Extra benefits per pound of extra cost; None when `verdict` says why there is none."""
    costs_less: bool
    """The option costs no more than doing nothing, to the penny (so there is no ratio)."""
    verdict: str | None = None
    """'costs less', 'dominated' or 'not meaningful' when there is no ratio."""
    cashable: float = 0.0
    """Extra cashable savings (part of `benefits`)."""
    net_public_cost: float = 0.0
    """Extra costs less extra cashable savings: the net cost to the public sector."""
    net_public_bcr: float | None = None
    """The other extra benefits per pound of net cost to the public sector."""
    net_public_verdict: str | None = None
    """'pays for itself' when cashable savings cover the extra costs, else as `verdict`."""
    costs_switch: float | None = None
    """Per cent rise in the extra costs at which the NPSV reaches zero."""
    benefits_switch: float | None = None
    """Per cent change in the extra benefits at which the NPSV reaches zero."""


@dataclass
class SensitivityCase:
    change: int
    """Per cent change to the costs (or the benefits)."""
    npv: float


@dataclass
class Sensitivity:
    varied: str
    """'costs' or 'benefits'."""
    cases: list[SensitivityCase]
    switching_value: float | None
    """The per cent change at which the NPV reaches zero; None when it never can."""


@dataclass
class OptimismCase:
    """The option with optimism bias at one of the guidance's bounds."""

    bound: str
    """'upper' or 'lower'."""
    capital: float
    revenue: float
    npv: float
    npsv: float | None
    """Against doing nothing (whose own figures keep their own bias)."""


@dataclass
class OptionEconomics:
    id: str
    name: str
    do_nothing: bool
    preferred: bool
    has_streams: bool
    """False for a do-nothing option without streams, taken as costing nothing."""
    uplift: Uplift
    years: list[YearFlow]
    before_optimism: PresentValues
    after_optimism: PresentValues
    relative_before: Relative | None
    relative_after: Relative | None
    sensitivity: list[Sensitivity]
    """On the option's own figures after optimism bias."""
    relative_sensitivity: list[Sensitivity] = field(default_factory=list)
    """On the figures against doing nothing, after optimism bias: the headline's."""
    optimism_cases: list[OptimismCase] = field(default_factory=list)
    """The NPV (and NPSV) with optimism bias at the guidance's upper and lower bounds."""
    npsv_rank: int | None = None
    """Rank by NPSV against doing nothing (doing nothing itself: NPSV 0)."""
    score_rank: int | None = None
    """Rank by weighted score in options.yaml."""
    equivalent_annual_cost: float | None = None
    """PV of costs with optimism bias spread evenly over years 1 to the option's own last year
    n: PV ÷ the annuity factor, r / (1 − (1 + r)^−n) × PV at a flat rate r, so options of
    different lengths compare; None for an option of year 0 alone."""
    prices: str = "real"
    """How the option's amounts were written: 'real' or 'nominal' (converted to real)."""


@dataclass
class SroiYear:
    year: int
    impact: float
    discount_factor: float
    present_value: float


@dataclass
class SroiBenefit:
    id: str
    title: str
    quantity: float
    proxy: float
    proxy_source: str | None
    duration: int
    deadweight: float | None
    displacement: float | None
    attribution: float | None
    drop_off: float | None
    """None where the adjustment is left out (counted as 0 %)."""
    gross: float
    """Quantity × proxy: the value of one year's outcome before any adjustment."""
    impact: float
    """The first year's impact, after deadweight, displacement and attribution."""
    years: list[SroiYear]
    present_value: float
    inputs: float | None
    ratio: float | None
    """Present value per pound of input, when the benefit gives its inputs."""
    left_out: list[str]


@dataclass
class SroiSensitivity:
    change: int
    """Per cent change to the value of every impact."""
    ratio: float


@dataclass
class SroiAssumption:
    """The partnership's SROI ratio with one benefit's one assumption made worse."""

    benefit: str
    assumption: str
    """'deadweight', 'displacement', 'attribution', 'drop_off' or 'proxy'."""
    change: str
    """In words: '+10 points', '−10 %'."""
    ratio: float


ASSUMPTION_POINTS = 10.0
"""The sensitivity moves each adjustment 10 percentage points worse and each proxy 10 % lower."""


@dataclass
class SroiAnalysis:
    benefits: list[SroiBenefit]
    present_value: float
    inputs: float | None
    """Present value of the partnership's inputs (`sroi_inputs`, else the benefits' own)."""
    inputs_from: str | None
    """'sroi_inputs', 'benefits' or None."""
    ratio: float | None
    net_present_value: float | None
    sensitivity: list[SroiSensitivity] = field(default_factory=list)
    switching_value: float | None = None
    """The per cent fall in value at which the ratio reaches 1 : 1."""
    net_ratio: float | None = None
    """(Present value − inputs) ÷ inputs: the net SROI ratio."""
    payback_months: float | None = None
    """Inputs ÷ (first year's impact ÷ 12), the SROI Guide's payback period in months."""
    assumptions: list[SroiAssumption] = field(default_factory=list)
    """The ratio with each assumption of each benefit made worse, one at a time."""


@dataclass
class EconomicCase:
    currency: str
    discount: DiscountSchedule
    optimism_source: str
    do_nothing: str | None
    preferred: str | None
    options: list[OptionEconomics]
    without_streams: list[str]
    """Options left out of the figures: no costs or benefits by year."""
    sroi: SroiAnalysis | None
    notes: list[str] = field(default_factory=list)
    health_discount: DiscountSchedule = HEALTH_DISCOUNT
    bcr_convention: str = BCR_CONVENTION
    rankings_agree: bool | None = None
    """Whether ranking by NPSV and by weighted score put the same option first."""
    affordability: Affordability | None = None
    """The preferred option's cash by financial year: the financial case's affordability."""
    price_base: str = ""
    """The financial year of year 0, whose prices every figure is in (real terms)."""
    horizon: int = 0
    """The last year of the appraisal period: every option is shown for years 0 to this."""
    deflators_source: str | None = None
    """The GDP deflator series nominal options were converted with, where any were."""


# --- the arithmetic ------------------------------------------------------------------------


def schedule_of(project: Project) -> DiscountSchedule:
    """The Green Book schedule, or the partnership's own from psp.yaml."""
    own: DiscountRates | None = project.psp.discount_rates
    if own is None:
        return GREEN_BOOK_DISCOUNT
    return DiscountSchedule(
        bands=tuple(RateBand(b.from_year, b.rate) for b in own.rates),
        source=own.source or "the partnership's own rates (discount_rates in psp.yaml)",
        dated="",
    )


def optimism_cases(
    option: Option,
    schedule: DiscountSchedule,
    through: int | None = None,
    real: dict[int, float] | None = None,
) -> list[OptimismCase]:
    """The option's NPV with optimism bias at its project type's upper and lower bounds (the
    lower on the kinds of cost the upper bound covers); none without a project type."""
    bias = option.optimism_bias
    if bias is None or bias.project_type is None:
        return []
    bound = OPTIMISM_BIAS[bias.project_type]
    out = []
    for name, capital, revenue in (
        ("upper", bound.capital, bound.revenue),
        ("lower", bound.lower if bound.capital else 0.0, bound.lower if bound.revenue else 0.0),
    ):
        uplift = Uplift(capital, revenue, bias.project_type, f"{name} bound")
        years = flows(option, schedule, uplift, through=through, real=real)
        values = _present_values(years, with_optimism=True)
        out.append(OptimismCase(name, float(capital), float(revenue), values.npv, None))
    return out


def _by_year(option: Option, through: int | None = None) -> dict[int, list[float]]:
    """capital, revenue, cashable, non-cashable, health, residual by year, as written; lines
    of the same year add up; every year from 0 to the last (or `through`) is present, empty
    years as nil."""
    last = option.last_year
    if through is not None:
        last = max(last, through)
    years: dict[int, list[float]] = {y: [0.0] * 6 for y in range(last + 1)}
    for cost in option.costs:
        row = years[cost.year]
        row[0] += cost.capital
        row[1] += cost.revenue
    for benefit in option.benefits:
        row = years[benefit.year]
        row[2] += benefit.cashable
        row[3] += benefit.non_cashable
        row[4] += benefit.health
        row[5] += benefit.residual
    return years


def real_factors(option: Option, opts: OptionsFile) -> dict[int, float]:
    """For an option in nominal prices, deflator of the price base ÷ deflator of each year
    (year t is the t-th financial year after the price base); empty for real prices. The
    loader has made sure the series covers every year the option needs."""
    if option.prices != "nominal" or opts.price_base is None or opts.gdp_deflators is None:
        return {}
    index = opts.gdp_deflators.index
    base = index[opts.price_base]
    return {
        y: base / index[following_year(opts.price_base, y)] for y in range(option.last_year + 1)
    }


def annuity_factor(schedule: DiscountSchedule, years: int) -> float:
    """Σ factor(t) for t = 1 … years: what £1 a year for `years` years is worth now; at a
    flat rate r it is (1 − (1 + r)^−n) / r."""
    return sum(schedule.factor(t) for t in range(1, years + 1))


def equivalent_annual_cost(pv_costs: float, schedule: DiscountSchedule, years: int) -> float | None:
    """The even yearly cost over years 1 … `years` with the same present value as the
    option's costs: PV × r / (1 − (1 + r)^−n) at a flat rate r."""
    if years < 1:
        return None
    return pv_costs / annuity_factor(schedule, years)


def _ratio(top: float, bottom: float) -> float | None:
    return top / bottom if bottom > 0 else None


def _present_values(years: list[YearFlow], with_optimism: bool) -> PresentValues:
    def pv(attribute: str) -> float:
        return sum(float(getattr(y, attribute)) * y.discount_factor for y in years)

    capital, revenue, cashable, non_cashable = (
        pv("capital"),
        pv("revenue"),
        pv("cashable"),
        pv("non_cashable"),
    )
    health = sum(y.health * y.health_factor for y in years)
    residual = pv("residual")
    bias = pv("optimism_bias") if with_optimism else 0.0
    costs = capital + revenue + bias
    benefits = cashable + non_cashable + health + residual
    bcr, verdict = classify(benefits, costs, nil="no costs")
    return PresentValues(
        capital,
        revenue,
        bias,
        costs,
        cashable,
        non_cashable,
        benefits,
        benefits - costs,
        bcr,
        health,
        verdict,
        residual,
    )


def flows(
    option: Option,
    schedule: DiscountSchedule,
    uplift: Uplift,
    health_schedule: DiscountSchedule = HEALTH_DISCOUNT,
    *,
    through: int | None = None,
    real: dict[int, float] | None = None,
) -> list[YearFlow]:
    """The option year by year to `through` (default its last year): costs, optimism bias,
    benefits, cash and discounted net, in real terms (nominal amounts times `real`'s factor
    for their year); health effects at the health schedule, everything else at `schedule`."""
    out: list[YearFlow] = []
    cumulative = 0.0
    for year, amounts in _by_year(option, through).items():
        to_real = (real or {}).get(year, 1.0)
        capital, revenue, cashable, non_cashable, health, residual = (a * to_real for a in amounts)
        bias = capital * uplift.capital / 100 + revenue * uplift.revenue / 100
        factor = schedule.factor(year)
        health_factor = health_schedule.factor(year)
        net_cash = cashable - capital - revenue - bias
        cumulative += net_cash
        net = cashable + non_cashable + residual - capital - revenue - bias
        out.append(
            YearFlow(
                year,
                factor,
                capital,
                revenue,
                bias,
                cashable,
                non_cashable,
                net_cash,
                cumulative,
                net * factor + health * health_factor,
                health,
                health_factor,
                residual,
                to_real,
            )
        )
    return out


HALF_A_PENNY = 0.005
"""Extra costs below this are none: equal costs summed in another order must not give a
ratio with a near-zero divisor."""


def relative(option: PresentValues, baseline: PresentValues) -> Relative:
    """The option less doing nothing: extra costs and benefits, NPSV, ratio, the net cost to
    the public sector and the switching values of the NPSV."""
    costs = option.costs - baseline.costs
    benefits = option.benefits - baseline.benefits
    npsv = benefits - costs
    bcr, verdict = classify(benefits, costs)
    cashable = option.cashable - baseline.cashable
    net_cost = costs - cashable
    others = benefits - cashable
    net_bcr, net_verdict = classify(others, net_cost, nil="pays for itself")
    # NPSV = B − C·(1 + x) is zero at x = (B − C) / C; B·(1 + y) − C is zero at y = (C − B) / B
    costs_switch = 100 * npsv / costs if costs >= HALF_A_PENNY else None
    benefits_switch = -100 * npsv / benefits if benefits >= HALF_A_PENNY else None
    return Relative(
        costs,
        benefits,
        npsv,
        bcr,
        costs < HALF_A_PENNY,
        verdict,
        cashable,
        net_cost,
        net_bcr,
        net_verdict,
        costs_switch,
        benefits_switch,
    )


def sensitivity(values: PresentValues | Relative) -> list[Sensitivity]:
    """NPV with costs, then benefits, changed by each of `SENSITIVITY_CHANGES`, and the
    change at which the NPV reaches zero (the switching value)."""
    costs, benefits = values.costs, values.benefits
    cost_cases = [SensitivityCase(c, benefits - costs * (1 + c / 100)) for c in SENSITIVITY_CHANGES]
    benefit_cases = [
        SensitivityCase(c, benefits * (1 + c / 100) - costs) for c in SENSITIVITY_CHANGES
    ]
    # NPV = B − C·(1 + x) is zero at x = (B − C) / C; B·(1 + y) − C is zero at y = (C − B) / B
    cost_switch = 100 * values.npv / costs if costs >= HALF_A_PENNY else None
    benefit_switch = -100 * values.npv / benefits if benefits >= HALF_A_PENNY else None
    return [
        Sensitivity("costs", cost_cases, cost_switch),
        Sensitivity("benefits", benefit_cases, benefit_switch),
    ]


def appraise_option(
    option: Option,
    schedule: DiscountSchedule,
    preferred: str | None = None,
    *,
    through: int | None = None,
    real: dict[int, float] | None = None,
) -> OptionEconomics:
    """One option over years 0 to `through` (default its own last year), in real terms."""
    uplift = uplift_of(option.optimism_bias)
    years = flows(option, schedule, uplift, through=through, real=real)
    after = _present_values(years, with_optimism=True)
    return OptionEconomics(
        id=option.id,
        name=option.name,
        do_nothing=option.do_nothing,
        preferred=option.id == preferred,
        has_streams=bool(option.costs or option.benefits),
        uplift=uplift,
        years=years,
        before_optimism=_present_values(years, with_optimism=False),
        after_optimism=after,
        relative_before=None,
        relative_after=None,
        sensitivity=sensitivity(after),
        optimism_cases=optimism_cases(option, schedule, through, real),
        equivalent_annual_cost=equivalent_annual_cost(after.costs, schedule, option.last_year),
        prices=option.prices,
    )


# --- SROI ----------------------------------------------------------------------------------


def _share(percent: float | None) -> float:
    return 1 - (percent or 0.0) / 100


def sroi_of(benefit: Benefit, schedule: DiscountSchedule, left_out: list[str]) -> SroiBenefit:
    """impact = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution);
    each year after the first keeps (1 − drop-off) of the year before; year t is discounted
    by the factor for year t (the first year of the outcome is year 1)."""
    s = benefit.sroi
    if s is None:
        raise ValueError(f"benefit {benefit.id} has no sroi: block")
    gross = s.quantity * s.proxy
    impact = gross * _share(s.deadweight) * _share(s.displacement) * _share(s.attribution)
    years = []
    value = impact
    for year in range(1, s.duration + 1):
        if year > 1:
            value *= _share(s.drop_off)
        factor = schedule.factor(year)
        years.append(SroiYear(year, value, factor, value * factor))
    present = sum(y.present_value for y in years)
    return SroiBenefit(
        id=benefit.id,
        title=benefit.title,
        quantity=s.quantity,
        proxy=s.proxy,
        proxy_source=s.proxy_source,
        duration=s.duration,
        deadweight=s.deadweight,
        displacement=s.displacement,
        attribution=s.attribution,
        drop_off=s.drop_off,
        gross=gross,
        impact=impact,
        years=years,
        present_value=present,
        inputs=s.inputs,
        ratio=_ratio(present, s.inputs) if s.inputs is not None else None,
        left_out=left_out,
    )


def inputs_value(inputs: list[SroiInput], schedule: DiscountSchedule) -> float:
    return sum(i.value * schedule.factor(i.year) for i in inputs)


def analyse_sroi(project: Project, schedule: DiscountSchedule) -> SroiAnalysis | None:
    """Every benefit with an `sroi:` block, and the partnership's SROI over all of them."""
    valued = [b for b in project.benefits.benefits if b.sroi is not None]
    if not valued:
        return None
    rows = [  # b.sroi is set: `valued` holds only those (mypy cannot narrow through the list)
        sroi_of(b, schedule, sroi_gaps(b.sroi, project.psp.discount_rates))  # type: ignore[arg-type]
        for b in valued
    ]
    present = sum(r.present_value for r in rows)
    inputs: float | None = None
    inputs_from: str | None = None
    if project.benefits.sroi_inputs:
        inputs, inputs_from = inputs_value(project.benefits.sroi_inputs, schedule), "sroi_inputs"
    elif all(r.inputs is not None for r in rows):
        inputs, inputs_from = sum(r.inputs or 0.0 for r in rows), "benefits"
    ratio = _ratio(present, inputs) if inputs is not None else None
    result = SroiAnalysis(
        rows,
        present,
        inputs,
        inputs_from,
        ratio,
        present - inputs if inputs is not None else None,
    )
    if ratio is not None and inputs:
        result.net_ratio = (present - inputs) / inputs
        annual = sum(r.impact for r in rows)
        result.payback_months = inputs / (annual / 12) if annual > 0 else None
        result.assumptions = _assumption_sensitivity(schedule, valued, present, inputs)
        result.sensitivity = [
            SroiSensitivity(c, present * (1 + c / 100) / inputs) for c in SENSITIVITY_CHANGES
        ]
        # the ratio is 1 : 1 when the value falls to the inputs
        result.switching_value = 100 * (present - inputs) / present if present > 0 else None
    return result


def _assumption_sensitivity(
    schedule: DiscountSchedule,
    valued: list[Benefit],
    present: float,
    inputs: float,
) -> list[SroiAssumption]:
    """Each benefit's adjustments 10 points worse (at most 100 %) and its proxy 10 % lower,
    one at a time, and the partnership's ratio that results."""
    out = []
    for b in valued:
        s = b.sroi
        if s is None:
            continue
        base = sroi_of(b, schedule, []).present_value
        changes: list[tuple[str, str, dict[str, float]]] = [
            (name, f"+{ASSUMPTION_POINTS:g} points", {name: min(100.0, (value or 0.0) + 10)})
            for name, value in (
                ("deadweight", s.deadweight),
                ("displacement", s.displacement),
                ("attribution", s.attribution),
                ("drop_off", s.drop_off),
            )
        ]
        changes.append(("proxy", f"−{ASSUMPTION_POINTS:g} %", {"proxy": s.proxy * 0.9}))
        for name, words, update in changes:
            worse = b.model_copy(update={"sroi": s.model_copy(update=update)})
            value = sroi_of(worse, schedule, []).present_value
            out.append(SroiAssumption(b.id, name, words, (present - base + value) / inputs))
    return out


# --- the whole case ------------------------------------------------------------------------


def economic_case(project: Project) -> EconomicCase:
    """The economic case of every option with costs or benefits by year, and the SROI."""
    schedule = schedule_of(project)
    opts = project.options
    price_base, base_note = price_base_of(project)
    notes: list[str] = []
    do_nothing = next((o for o in opts.options if o.do_nothing), None)
    chosen = [o for o in opts.options if o.costs or o.benefits or (o is do_nothing)]
    # one appraisal period for every option: each shown to the longest one's last year
    horizon = max((o.last_year for o in chosen), default=0)
    appraised = [
        appraise_option(o, schedule, opts.preferred, through=horizon, real=real_factors(o, opts))
        for o in chosen
    ]
    without = [o.id for o in opts.options if not (o.costs or o.benefits) and o is not do_nothing]
    has_streams = any(a.has_streams for a in appraised)
    if not has_streams:
        appraised = []
    elif base_note is not None:
        notes.append(base_note)
    baseline = next((a for a in appraised if a.do_nothing), None)
    case_agree: bool | None = None
    if baseline is not None:
        if not baseline.has_streams:
            notes.append(
                f"The do-nothing option {baseline.id} has no costs or benefits by year: they "
                "are taken as nil, so the figures against doing nothing equal each option's own."
            )
        for a in appraised:
            if a is not baseline:
                a.relative_before = relative(a.before_optimism, baseline.before_optimism)
                a.relative_after = relative(a.after_optimism, baseline.after_optimism)
                a.relative_sensitivity = sensitivity(a.relative_after)
                for c in a.optimism_cases:
                    c.npsv = c.npv - baseline.after_optimism.npv
                if a.relative_after.verdict == "dominated":
                    notes.append(
                        f"{a.id} is dominated by doing nothing: it costs more and brings less "
                        "benefit, so it has no benefit–cost ratio."
                    )
                elif a.relative_after.verdict == "not meaningful":
                    notes.append(
                        f"{a.id} costs so little more than doing nothing that its benefit–cost "
                        f"ratio is not meaningful (over {NOT_MEANINGFUL_ABOVE:g}): compare by "
                        "NPSV."
                    )
        _rank(appraised, opts, notes)
        case_agree = _agree(appraised)
    elif appraised:
        notes.append(
            "No option is marked do_nothing: true, so nothing is compared with doing nothing."
        )
    for o in opts.options:
        if o.do_nothing or not o.costs:
            continue
        missing = unbiased_costs(o)
        if missing:
            notes.append(
                f"{o.id} puts no optimism bias on its {' or '.join(missing)} costs: the "
                "Green Book expects bias on every cost (optimism_bias in options.yaml)."
            )
    nominal = [o.id for o in chosen if o.prices == "nominal"]
    if nominal and opts.gdp_deflators is not None:
        notes.append(
            f"{', '.join(nominal)} written in nominal prices, turned into {price_base} prices "
            "with the GDP deflators: each year's amounts × the price base's deflator ÷ that "
            "year's (" + (opts.gdp_deflators.source or "the partnership's own series") + ")."
        )
    for a in appraised:
        residual = sum(y.residual for y in a.years)
        if residual:
            last = max(y.year for y in a.years if y.residual)
            notes.append(
                f"{a.id}'s benefits include a residual value of {residual:,.0f} "
                f"{project.psp.currency} in year {last} (present value "
                f"{a.after_optimism.residual:,.0f})."
            )
    return EconomicCase(
        currency=project.psp.currency,
        discount=schedule,
        optimism_source=OPTIMISM_BIAS_SOURCE,
        do_nothing=do_nothing.id if do_nothing else None,
        preferred=opts.preferred,
        options=appraised,
        without_streams=without if has_streams else [o.id for o in opts.options],
        sroi=analyse_sroi(project, schedule),
        notes=notes,
        rankings_agree=case_agree,
        affordability=affordability(project),
        price_base=price_base,
        horizon=horizon,
        deflators_source=(
            (opts.gdp_deflators.source or "the partnership's own series")
            if nominal and opts.gdp_deflators is not None
            else None
        ),
    )


def _rank(
    appraised: list[OptionEconomics],
    opts: OptionsFile,
    notes: list[str],
) -> None:
    """Rank by NPSV against doing nothing and by weighted score; say where they disagree."""

    def npsv(a: OptionEconomics) -> float:
        return a.relative_after.npv if a.relative_after is not None else 0.0

    by_npsv = sorted(appraised, key=lambda a: -npsv(a))
    for a in appraised:
        a.npsv_rank = 1 + sum(1 for b in appraised if npsv(b) > npsv(a) + HALF_A_PENNY)
    weighted = {o.id: weighted_total(o.scores, opts.criteria) for o in opts.options}
    if opts.criteria:
        for a in appraised:
            a.score_rank = 1 + sum(1 for b in appraised if weighted[b.id] > weighted[a.id])
        first_npsv = [a.id for a in appraised if a.npsv_rank == 1]
        first_score = [a.id for a in appraised if a.score_rank == 1]
        if set(first_npsv) != set(first_score):
            notes.append(
                f"Ranked by NPSV against doing nothing, {' and '.join(first_npsv)} comes first; "
                f"by weighted score, {' and '.join(first_score)}: the appraisal must say why "
                "it prefers one."
            )
        else:
            disagree = [a.id for a in by_npsv if a.npsv_rank != a.score_rank]
            if disagree:
                notes.append(
                    "NPSV and weighted score put the same option first but rank "
                    + ", ".join(disagree)
                    + " differently."
                )


def _agree(appraised: list[OptionEconomics]) -> bool | None:
    if any(a.score_rank is None for a in appraised):
        return None
    return {a.id for a in appraised if a.npsv_rank == 1} == {
        a.id for a in appraised if a.score_rank == 1
    }
