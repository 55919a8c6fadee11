from datetime import date

import pytest

from psptool.analysis.benefits import analyse_benefits
from tests.analysis.helpers import project

# start 2026-01-01, target date 2026-04-11: 100 days; 2026-02-20 is day 50, half way
RISING = {
    "id": "B1",
    "title": "Local placements",
    "baseline": 40,
    "target": 80,
    "target_date": "2026-04-11",
    "unit": "%",
}
FALLING = {
    "id": "B2",
    "title": "Placements far away",
    "baseline": 22,
    "target": 12,
    "target_date": "2026-04-11",
    "unit": "children",
}


def one(benefit, value=None, as_of=date(2026, 3, 1)):
    if value is not None:
        benefit = {**benefit, "measurements": [{"date": "2026-02-20", "value": value}]}
    (row,) = analyse_benefits(project(benefits={"benefits": [benefit]}), as_of).benefits
    return row


@pytest.mark.parametrize(
    ("value", "rag", "reason"),
    [
        (62, "green", "on or ahead of the line to target"),
        (60, "green", "on or ahead of the line to target"),
        (55, "amber", "behind the line by 5 percentage points"),
        # exactly a quarter of the 40-point distance
        (50, "amber", "behind the line by 10 percentage points"),
        (
            49,
            "red",
            "behind the line by 11 percentage points, more than a quarter of the way from "
            "baseline to target",
        ),
    ],
)
def test_rising_benefit(value: float, rag: str, reason: str) -> None:
    row = one(RISING, value)
    assert row.expected_at_latest == pytest.approx(60.0)
    assert (row.rag, row.reason) == (rag, reason)


def test_progress_and_expected_today() -> None:
    row = one(RISING, 55)
    assert row.progress == pytest.approx(37.5)  # 15 of 40
    assert row.expected_today == pytest.approx(63.6)  # day 59 of 100
    assert (row.latest, row.latest_date) == (55, date(2026, 2, 20))


@pytest.mark.parametrize(
    ("value", "progress", "rag"),
    [(17, 50.0, "green"), (16, 60.0, "green"), (18, 40.0, "amber"), (20, 20.0, "red")],
)
def test_falling_benefit(value: float, progress: float, rag: str) -> None:
    row = one(FALLING, value)
    assert row.expected_at_latest == pytest.approx(17.0)
    assert row.progress == pytest.approx(progress)
    assert row.rag == rag


def test_a_stale_measurement_is_red() -> None:
    row = one(RISING, 62, as_of=date(2026, 6, 1))  # last measured more than a quarter ago
    assert row.rag == "red"
    assert row.reason == "last measured 20 February 2026, more than a reporting period ago"


def test_no_measurement_yet() -> None:
    assert (one(RISING).rag, one(RISING).reason) == (None, "no measurement yet")
    late = one(RISING, as_of=date(2026, 5, 1))
    assert (late.rag, late.reason) == (
        "red",
        "no measurement yet after more than a reporting period",
    )


def test_no_target_cannot_be_assessed() -> None:
    row = one({"id": "B3", "title": "Carers' wellbeing"}, 5)
    assert (row.rag, row.progress, row.reason) == (
        None,
        None,
        "no baseline or target to measure against",
    )


def test_measurements_after_the_as_of_date_are_ignored() -> None:
    benefit = {
        **RISING,
        "measurements": [{"date": "2026-02-20", "value": 60}, {"date": "2026-03-20", "value": 90}],
    }
    (row,) = analyse_benefits(project(benefits={"benefits": [benefit]}), date(2026, 3, 1)).benefits
    assert row.latest == 60
