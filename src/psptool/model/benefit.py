"""benefits.yaml: the benefits register and KPIs, with measurements over time, and the
social return on investment (SROI) of benefits that carry an `sroi:` block."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from ..vocabulary import BenefitKind, Cadence
from .common import LARGEST, Id, IsoDate, Money, Number, Record, Records, whole
from .options import DiscountRates, Year

Percent = Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)]
"""A share in per cent, 0 to 100: `deadweight: 25` means 25 %."""
Quantity = Annotated[float, Field(strict=True, ge=0, le=LARGEST, allow_inf_nan=False)]

SROI_ADJUSTMENTS: tuple[str, ...] = ("deadweight", "displacement", "attribution", "drop_off")
"""The SROI Guide's adjustments, in the order they are applied."""
MAX_SROI_YEARS = 50


class Measurement(Record):
    date: IsoDate
    value: Number
    note: str | None = None


class Sroi(Record):
    """A benefit valued the SROI Guide's way: quantity × financial proxy, less what would
    have happened anyway (deadweight), what was moved rather than created (displacement) and
    what others achieved (attribution), for `duration` years, falling by `drop_off` a year.

    An adjustment left out is counted as 0 % and reported (PSP418); write 0 for an
    adjustment the partnership has considered and judged nil.
    """

    quantity: Quantity
    """How many (people, placements, ...) experience the outcome in a year."""
    proxy: Money
    """The value of the outcome for one of them for one year, in the partnership's currency."""
    proxy_source: str | None = None
    duration: Annotated[int, Field(strict=True, ge=1, le=MAX_SROI_YEARS), BeforeValidator(whole)]
    deadweight: Percent | None = None
    displacement: Percent | None = None
    attribution: Percent | None = None
    drop_off: Percent | None = None
    inputs: Money | None = None
    """The value of what was put in to achieve this benefit, for its own SROI ratio."""
    note: str | None = None


class SroiInput(Record):
    """Something of value the partners put in (money, staff time, venues), for the
    partnership's SROI ratio; a later year's input is discounted like any other value."""

    name: str
    value: Money
    year: Year = 0
    note: str | None = None


def sroi_gaps(sroi: Sroi, rates: DiscountRates | None = None) -> list[str]:
    """What the SROI leaves out, in words: adjustments not given, the proxy's source,
    and discounting when the partnership's own rates are nil over the outcome's years."""
    gaps = [name.replace("_", "-") for name in SROI_ADJUSTMENTS if getattr(sroi, name) is None]
    if not sroi.proxy_source:
        gaps.append("the source of the financial proxy")
    if rates is not None and not any(rates.rate_in(y) > 0 for y in range(1, sroi.duration + 1)):
        gaps.append("discounting")
    return gaps


class Benefit(Record):
    id: Id
    title: str
    description: str | None = None
    goal: Id | None = None
    kpi: str | None = None
    unit: str | None = None
    baseline: Number | None = None
    target: Number | None = None
    target_date: IsoDate | None = None
    owner: Id | None = None
    kind: BenefitKind | None = None
    measurements: list[Measurement] = Field(default_factory=list)
    sroi: Sroi | None = None
    cadence: Cadence | None = None
    """How often the KPI is measured; by default once a reporting period (the governance
    group's cadence), so each highlight report has a new figure."""


class BenefitsFile(Record):
    benefits: Annotated[list[Benefit], Records("benefit")] = Field(default_factory=list)
    sroi_inputs: list[SroiInput] = Field(default_factory=list)
