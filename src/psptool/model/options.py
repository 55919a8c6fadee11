"""options.yaml: the options appraisal, weighted criteria and scored options.

An option may also carry the economic case's figures: its costs and benefits by year and an
optimism bias; `DiscountRates` is the shape of the optional discount schedule in psp.yaml.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field, GetJsonSchemaHandler, TypeAdapter, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .common import LARGEST, Criterion, Flag, Id, Money, Record, Records, Score, whole

Year = Annotated[int, Field(strict=True, ge=0), BeforeValidator(whole)]
"""A year of the appraisal: 0 is the present (not discounted), 1 a year later, and so on."""
SignedMoney = Annotated[float, Field(strict=True, ge=-LARGEST, le=LARGEST, allow_inf_nan=False)]
"""An amount of benefit that may be negative: a disbenefit (a loss the option causes)."""
Uplift = Annotated[float, Field(strict=True, ge=0, le=LARGEST, allow_inf_nan=False)]
"""An optimism bias in per cent: 24 raises a cost by 24 %. It may exceed 100."""

ProjectType = Literal[
    "standard_buildings",
    "non_standard_buildings",
    "standard_civil_engineering",
    "non_standard_civil_engineering",
    "equipment_development",
    "outsourcing",
]
"""The project types of HM Treasury's supplementary guidance on optimism bias; their
percentages are dated data in `analysis.optimism.OPTIMISM_BIAS`."""
PROJECT_TYPES: tuple[str, ...] = get_args(ProjectType)


class CostLine(Record):
    """An option's costs in one year; several lines for the same year add up."""

    year: Year
    capital: Money = 0.0
    revenue: Money = 0.0
    note: str | None = None


class BenefitLine(Record):
    """An option's benefits in one year; several lines for the same year add up.

    A negative amount is a disbenefit. `health` is health effects valued in money, discounted
    at the Green Book's health rate while everything else keeps the standard rate.
    """

    year: Year
    cashable: SignedMoney = 0.0
    non_cashable: SignedMoney = 0.0
    health: SignedMoney = 0.0
    residual: Money = 0.0
    """What the option's assets are still worth at the end of the appraisal, written in its
    final year: counted as a benefit, discounted at the standard rate, and labelled."""
    note: str | None = None


Percent = Annotated[float, Field(strict=True, ge=0, le=100, allow_inf_nan=False)]


class ContributingFactor(Record):
    """One of the guidance's contributing factors to optimism bias and how far the project has
    mitigated it: `contribution` is its share of the upper bound, `mitigation` how much of it
    is managed away, both in per cent."""

    name: str
    contribution: Percent
    mitigation: Percent


class OptimismBias(Record):
    """How much to raise an option's costs for optimism bias, in per cent.

    `project_type` takes the guidance's upper bounds for that type; `capital` and `revenue`,
    when given, replace them (for example once risks have been managed down). `factors`
    reduce the upper bound the guidance's way: (1 − Σ contribution × mitigation) × bound.
    """

    project_type: ProjectType | None = None
    capital: Uplift | None = None
    revenue: Uplift | None = None
    factors: list[ContributingFactor] = Field(default_factory=list)

    @model_validator(mode="after")
    def _contributions_at_most_whole(self) -> OptimismBias:
        if sum(f.contribution for f in self.factors) > 100 + 1e-9:
            raise ValueError("factors' contributions must add up to 100 or less")
        return self


def _optimism_shorthand(value: Any) -> Any:
    """`standard_buildings` is a project type; `20` is 20 % on capital and revenue alike."""
    if isinstance(value, str):
        if re.fullmatch(r"\s*\d+(\.\d+)?\s*%\s*", value):
            raise ValueError(f"must be a number without the % sign: {value.strip(' %')}")
        if value not in PROJECT_TYPES:
            expected = ", ".join(f"'{t}'" for t in PROJECT_TYPES[:-1])
            raise PydanticCustomError(
                "literal_error",
                "Input should be {expected}",
                {"expected": f"{expected} or '{PROJECT_TYPES[-1]}'"},
            )
        return {"project_type": value}
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < 0:
            raise PydanticCustomError(
                "greater_than_equal", "Input should be greater than or equal to {ge}", {"ge": 0}
            )
        return {"capital": value, "revenue": value}
    if value is None or isinstance(value, dict | OptimismBias):
        return value
    raise ValueError(
        "must be a project type (such as standard_buildings), a percentage, or a mapping "
        "of project_type, capital and revenue"
    )


class _OptimismSchema:
    """The JSON Schema of `optimism_bias`: its shorthands (a project type, a percentage) beside
    the mapping and nothing, each made from the same types the loader validates with, so the
    two cannot drift apart."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        mapping_or_none = handler(schema)  # OptimismBias | None
        branches = mapping_or_none.get("anyOf", [mapping_or_none])
        project_type = handler(TypeAdapter(ProjectType).core_schema)
        uplift = handler(TypeAdapter(Uplift).core_schema)
        return {"anyOf": [project_type, uplift, *branches]}


Prices = Literal["real", "nominal"]
"""How an option's amounts are written: `real`, in price-base prices (the Green Book's
default); `nominal`, in the cash of each year, turned into real terms with `gdp_deflators`."""


class Option(Record):
    id: Id
    name: str
    description: str | None = None
    rationale: str | None = None
    """Why the partners prefer this option, or set it aside: what the business case says
    where the preferred option is not the top-scoring one."""
    do_nothing: Flag = False
    cost: Money | None = None
    scores: dict[Id, Score]
    risks: list[Id] = Field(default_factory=list)
    costs: list[CostLine] = Field(default_factory=list)
    benefits: list[BenefitLine] = Field(default_factory=list)
    optimism_bias: Annotated[
        OptimismBias | None,
        BeforeValidator(_optimism_shorthand),
        _OptimismSchema,
    ] = None
    prices: Prices = "real"

    @model_validator(mode="after")
    def _residual_in_final_year(self) -> Option:
        last = max([c.year for c in self.costs] + [b.year for b in self.benefits] + [0])
        early = sorted({b.year for b in self.benefits if b.residual and b.year != last})
        if early:
            raise ValueError(
                f"a residual value belongs in the option's final year ({last}), not year "
                + ", ".join(str(y) for y in early)
            )
        return self

    @property
    def last_year(self) -> int:
        """The last year with a cost or a benefit: the end of the option's appraisal."""
        return max([c.year for c in self.costs] + [b.year for b in self.benefits] + [0])


FinancialYear = Annotated[str, Field(pattern=r"^[0-9]{4}/[0-9]{2}$")]
"""A financial year written as `2010/11`."""

PriceIndex = Annotated[float, Field(strict=True, gt=0, le=LARGEST, allow_inf_nan=False)]


def following_year(label: str, years: int = 1) -> str:
    """The financial year `years` after `label`: `2010/11` + 2 is `2012/13`."""
    first = int(label[:4]) + years
    return f"{first}/{(first + 1) % 100:02d}"


class GdpDeflators(Record):
    """A GDP deflator series by financial year (any base year: only ratios are used), to turn
    nominal amounts into the price base's real terms; `source` names the series and its
    edition (such as HM Treasury's "GDP deflators at market prices, and money GDP")."""

    source: str | None = None
    index: dict[FinancialYear, PriceIndex]


class OptionsFile(Record):
    criteria: Annotated[list[Criterion], Records("criterion")] = Field(default_factory=list)
    options: Annotated[list[Option], Records("option")] = Field(default_factory=list)
    preferred: Id | None = None
    cost_covers: str | None = None
    """What every option's `cost` is the cost of ("the annual cost of external foster
    placements under the option"), so a paper can say what its estimated cost covers beside
    the costs by year the economic case counts."""
    price_base: FinancialYear | None = None
    """The financial year of appraisal year 0, whose prices every amount is in (default: the
    financial year the pilot, else the partnership, starts in)."""
    inflation: Percent | None = None
    """Per cent a year to turn year-0 prices into cash for the affordability case (such as
    the GDP deflator forecast); none means cash is counted at year-0 prices."""
    contingency: Percent | None = None
    """Per cent of costs set aside in the affordability case, in place of optimism bias."""
    gdp_deflators: GdpDeflators | None = None
    """The deflator series that turns options written in `prices: nominal` into real terms."""

    @model_validator(mode="after")
    def _deflators_for_nominal_options(self) -> OptionsFile:
        nominal = [o for o in self.options if o.prices == "nominal"]
        if not nominal:
            return self
        ids = ", ".join(o.id for o in nominal)
        if self.price_base is None or self.gdp_deflators is None:
            raise ValueError(
                f"option {ids} is in nominal prices: give price_base (the financial year of "
                "year 0) and gdp_deflators (the series that turns cash into its prices)"
            )
        wanted = {self.price_base} | {
            following_year(self.price_base, y) for o in nominal for y in range(o.last_year + 1)
        }
        missing = sorted(wanted - set(self.gdp_deflators.index))
        if missing:
            raise ValueError(
                "gdp_deflators has no index for " + ", ".join(missing) + f", which option "
                f"{ids} in nominal prices needs"
            )
        return self


def weighted_total(scores: dict[str, int], criteria: list[Criterion]) -> float:
    """Sum of weight × score over the criteria (a missing score counts as 0)."""
    return sum(c.weight * scores.get(c.id, 0) for c in criteria)


class DiscountBand(Record):
    """A discount rate in per cent a year, for each year from `from_year` to the next band."""

    from_year: Year
    rate: float = Field(strict=True, ge=0, le=100, allow_inf_nan=False)


class DiscountRates(Record):
    """A partnership's own discount schedule (psp.yaml `discount_rates`), replacing the
    Green Book's; `source` says whose it is."""

    rates: Annotated[
        list[DiscountBand],
        Field(
            # the first band starts at year 0 (`_bands_in_order`); that each later band starts
            # after the one before is beyond what a JSON Schema can say (docs/format.md)
            json_schema_extra={
                "minItems": 1,
                "allOf": [{"prefixItems": [{"properties": {"from_year": {"const": 0}}}]}],
            },
        ),
    ]
    source: str | None = None

    @model_validator(mode="after")
    def _bands_in_order(self) -> DiscountRates:
        if not self.rates or self.rates[0].from_year != 0:
            raise ValueError("must start with a rate from_year: 0")
        starts = [band.from_year for band in self.rates]
        if any(b <= a for a, b in pairwise(starts)):
            raise ValueError("must give each from_year once, in increasing order")
        return self

    def rate_in(self, year: int) -> float:
        """The rate of the band that `year` falls in."""
        return [band.rate for band in self.rates if band.from_year <= year][-1]
