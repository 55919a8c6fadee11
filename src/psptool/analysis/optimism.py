"""Optimism bias as HM Treasury's supplementary guidance sets it: the bounds by project type
and the uplift an option's costs take. Apart from the economic case so that `psp validate`'s
check of it (PSP430) does not import the whole appraisal (docs/performance.md)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Option
from ..model.options import OptimismBias


@dataclass(frozen=True)
class OptimismBound:
    """The optimism bias upper and lower bounds for one project type, in per cent."""

    project_type: str
    name: str
    capital: float
    """Upper bound on capital expenditure (for outsourcing, none: see `revenue`)."""
    revenue: float
    """Upper bound on operating (revenue) expenditure: given for outsourcing only."""
    works_duration: float | None
    """Upper bound on how far the works overrun their planned duration; None for outsourcing."""
    lower: float
    """Lower bound on expenditure once the risks are well managed."""
    lower_duration: float | None
    """Lower bound on works duration; None for outsourcing."""


OPTIMISM_BIAS_SOURCE = (
    "HM Treasury, Supplementary Green Book Guidance: Optimism Bias (2003), from Mott "
    "MacDonald, Review of Large Public Procurement in the UK (2002): upper and lower bounds "
    "for capital expenditure (operating expenditure for outsourcing) and works duration"
)
OPTIMISM_BIAS: dict[str, OptimismBound] = {
    b.project_type: b
    for b in (
        OptimismBound("standard_buildings", "Standard buildings", 24, 0, 4, 2, 1),
        OptimismBound("non_standard_buildings", "Non-standard buildings", 51, 0, 39, 4, 2),
        OptimismBound("standard_civil_engineering", "Standard civil engineering", 44, 0, 20, 3, 1),
        OptimismBound(
            "non_standard_civil_engineering", "Non-standard civil engineering", 66, 0, 25, 6, 3
        ),
        OptimismBound("equipment_development", "Equipment and development", 200, 0, 54, 10, 10),
        OptimismBound("outsourcing", "Outsourcing", 0, 41, None, 0, None),
    )
}


@dataclass
class Uplift:
    """The optimism bias applied to an option, in per cent, and where it comes from."""

    capital: float
    revenue: float
    project_type: str | None
    """The guidance's project type, when the option names one."""
    basis: str
    """In words: 'upper bound for outsourcing', 'given', 'none given'."""
    works_duration: float | None = None
    """The type's upper bound on works overrunning, shown but not applied."""
    lower: float | None = None
    """The type's lower bound on expenditure, reached once its risks are well managed."""
    mitigation: float | None = None
    """1 − Σ contribution × mitigation over the contributing factors, when any are given:
    the share of the upper bound that is kept."""


def uplift_of(bias: OptimismBias | None) -> Uplift:
    """The percentages to add to capital and revenue costs."""
    if bias is None:
        return Uplift(0.0, 0.0, None, "none given")
    bound = OPTIMISM_BIAS[bias.project_type] if bias.project_type else None
    capital = bias.capital if bias.capital is not None else (bound.capital if bound else 0.0)
    revenue = bias.revenue if bias.revenue is not None else (bound.revenue if bound else 0.0)
    if bound is None:
        basis = "given"
    elif bias.capital is None and bias.revenue is None:
        basis = f"upper bound for {bound.name.lower()}"
    else:
        basis = f"given, in place of the upper bound for {bound.name.lower()}"
    duration = bound.works_duration if bound else None
    lower = bound.lower if bound else None
    kept: float | None = None
    if bias.factors:
        kept = 1 - sum(f.contribution * f.mitigation for f in bias.factors) / 10_000
        capital, revenue = capital * kept, revenue * kept
        basis += f", mitigated by contributing factors to {100 * kept:g} % of it"
    return Uplift(float(capital), float(revenue), bias.project_type, basis, duration, lower, kept)


def unbiased_costs(option: Option) -> list[str]:
    """The kinds of cost ('capital', 'revenue') the option has but puts no optimism bias on."""
    uplift = uplift_of(option.optimism_bias)
    out = []
    if any(c.capital for c in option.costs) and not uplift.capital:
        out.append("capital")
    if any(c.revenue for c in option.costs) and not uplift.revenue:
        out.append("revenue")
    return out
