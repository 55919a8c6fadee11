"""Benefits realisation: each KPI's progress from baseline to target, whether the latest
measurement is on the straight line to the target date, and a RAG."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Benefit, Project
from .common import Period, Rag, natural_key, reporting_period

AMBER_SHARE = 0.25
"""Behind the line by up to a quarter of the distance from baseline to target is amber."""


@dataclass
class BenefitProgress:
    id: str
    title: str
    kpi: str | None
    unit: str | None
    baseline: float | None
    target: float | None
    target_date: date | None
    latest: float | None
    latest_date: date | None
    progress: float | None
    """Per cent of the way from baseline to target (works when the target is below)."""
    expected_at_latest: float | None
    """Where the straight line from (start, baseline) to (target date, target) stood on
    the date of the latest measurement."""
    expected_today: float | None
    """Where the line stands on the as-of date."""
    rag: Rag | None
    reason: str


@dataclass
class BenefitsAnalysis:
    as_of: date
    period: Period
    benefits: list[BenefitProgress]


def line_value(start: date, baseline: float, target_date: date, target: float, when: date) -> float:
    """The straight line from baseline at start to target at target date, held flat outside."""
    if target_date <= start or when >= target_date:
        return target if when >= target_date else baseline
    if when <= start:
        return baseline
    fraction = (when - start).days / (target_date - start).days
    return baseline + fraction * (target - baseline)


def assess(benefit: Benefit, start: date | None, as_of: date, period: Period) -> BenefitProgress:
    measured = sorted((m for m in benefit.measurements if m.date <= as_of), key=lambda m: m.date)
    latest = measured[-1] if measured else None
    base, target, target_date = benefit.baseline, benefit.target, benefit.target_date
    progress = expected_latest = expected_today = None
    rag: Rag | None = None
    # mypy does not carry `complete` into the branches: the `type: ignore`s below rest on it
    complete = base is not None and target is not None
    if latest is not None and complete and target != base:
        progress = 100 * (latest.value - base) / (target - base)  # type: ignore[operator]
    line_start = start or (measured[0].date if measured else None)
    if complete and target_date is not None and line_start is not None:
        expected_today = line_value(line_start, base, target_date, target, as_of)  # type: ignore[arg-type]
        if latest is not None:
            expected_latest = line_value(line_start, base, target_date, target, latest.date)  # type: ignore[arg-type]
    if not complete:
        reason = "no baseline or target to measure against"
    elif latest is None:
        overdue = line_start is not None and as_of > period.after(line_start)
        rag = "red" if overdue else None
        reason = "no measurement yet" + (" after more than a reporting period" if overdue else "")
    elif as_of > period.after(latest.date):
        rag = "red"
        reason = f"last measured {_day(latest.date)}, more than a reporting period ago"
    elif expected_latest is None:
        reason = "no target date, so no line to compare with"
    else:
        direction = 1 if target >= base else -1  # type: ignore[operator]
        shortfall = (expected_latest - latest.value) * direction
        distance = abs(target - base)  # type: ignore[operator]
        if shortfall <= 1e-9:
            rag, reason = "green", "on or ahead of the line to target"
        elif shortfall <= AMBER_SHARE * distance + 1e-9:
            rag, reason = "amber", f"behind the line by {_amount(shortfall, benefit.unit)}"
        else:
            rag = "red"
            reason = (
                f"behind the line by {_amount(shortfall, benefit.unit)}, more than a quarter "
                "of the way from baseline to target"
            )
    return BenefitProgress(
        id=benefit.id,
        title=benefit.title,
        kpi=benefit.kpi,
        unit=benefit.unit,
        baseline=base,
        target=target,
        target_date=target_date,
        latest=latest.value if latest else None,
        latest_date=latest.date if latest else None,
        progress=progress,
        expected_at_latest=expected_latest,
        expected_today=expected_today,
        rag=rag,
        reason=reason,
    )


def _amount(value: float, unit: str | None) -> str:
    """How far behind the line a benefit is: a difference of percentages in percentage points
    (7.8 percentage points, not 7.8%), money to the pound (£7 a week, not £6.66)."""
    from .common import amount, money_unit

    if unit == "%":
        return f"{amount(value, None)} percentage points"
    if money_unit(unit or "")[0]:
        return amount(round(value), unit)
    return amount(value, unit)


def _day(when: date) -> str:
    """30 June 2011, as the papers write a date."""
    return f"{when.day} {when:%B %Y}"


def analyse_benefits(
    project: Project, as_of: date, period: Period | None = None
) -> BenefitsAnalysis:
    period = period or reporting_period(project)
    rows = [assess(b, project.psp.start, as_of, period) for b in project.benefits.benefits]
    rows.sort(key=lambda r: natural_key(r.id))
    return BenefitsAnalysis(as_of, period, rows)
