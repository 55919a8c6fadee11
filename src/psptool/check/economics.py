"""Checks on the economic case's figures in options.yaml: what the Green Book expects of an
appraisal that the schema alone cannot say (docs/economics.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.optimism import unbiased_costs
from ..diagnostics import Diagnostic
from .context import CheckContext
from .registry import rule


@rule("PSP430")
def optimism_bias_on_every_cost(ctx: CheckContext) -> Iterator[Diagnostic]:
    """PSP430: a kind of cost (capital, revenue) an option has but puts no optimism bias on.
    Doing nothing is left alone: its costs are today's spending going on."""
    for i, option in enumerate(ctx.project.options.options):
        if option.do_nothing or not option.costs:
            continue
        missing = unbiased_costs(option)
        if missing:
            yield ctx.at(
                "PSP430",
                f"option {option.id} puts no optimism bias on its {' or '.join(missing)} costs",
                "options.yaml",
                ("options", i, "optimism_bias" if option.optimism_bias else "costs"),
                hint="the Green Book expects bias on every cost: give optimism_bias a "
                "percentage for each kind of cost ({capital: …, revenue: …}), 0 only if the "
                "partnership's evidence says so",
            )


@rule("PSP431")
def one_appraisal_period(ctx: CheckContext) -> Iterator[Diagnostic]:
    """PSP431: options appraised over different periods (the last year with a cost or a
    benefit), which makes their present values unlike for like."""
    options = ctx.project.options.options
    last = {
        o.id: max([c.year for c in o.costs] + [b.year for b in o.benefits])
        for o in options
        if o.costs or o.benefits
    }
    if len(set(last.values())) < 2:
        return
    longest = max(last.values())
    for i, option in enumerate(options):
        if option.id in last and last[option.id] < longest:
            yield ctx.at(
                "PSP431",
                f"option {option.id} is appraised to year {last[option.id]}, other options "
                f"to year {longest}",
                "options.yaml",
                ("options", i),
                hint="appraise every option over the same period: add the later years' "
                "costs and benefits (a year of nil can be written as {year: N})",
            )
