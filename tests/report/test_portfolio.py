"""The portfolio as data: one row per partnership, checked and rated as `psp validate` and
`psp report status` do, and the views across the portfolio."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.errors import UserError
from psptool.report.calendar import NextMeeting
from psptool.report.portfolio import (
    Components,
    Portfolio,
    Row,
    build_portfolio,
    find_partnerships,
    organisation_key,
    rows_by_concern,
)
from tests.helpers import make_project
from tests.report.portfolio_fixture import AS_OF, make_portfolio


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Portfolio:
    return build_portfolio([make_portfolio(tmp_path_factory.mktemp("portfolio"))], AS_OF)


def _row(portfolio: Portfolio, name: str) -> Row:
    return next(r for r in portfolio.rows if r.name == name)


def test_every_partnership_is_found_and_out_and_venv_are_not(tmp_path: Path) -> None:
    root = make_portfolio(tmp_path)
    folders, notes = find_partnerships([root])
    base = (root / "partnerships").resolve()
    assert folders == [
        base / "falkirk",
        base / "forth-valley" / "grangemouth",
        base / "forth-valley" / "stirling",
        base / "larbert",
    ]
    assert notes == []
    # two roots that overlap find each folder once
    again, _ = find_partnerships([root, root / "partnerships" / "larbert"])
    assert again == folders


def test_the_search_is_bounded(tmp_path: Path) -> None:
    root = make_portfolio(tmp_path)
    shallow, _ = find_partnerships([root], max_depth=2)
    assert [p.name for p in shallow] == ["falkirk", "larbert"]
    few, notes = find_partnerships([root], max_folders=2)
    assert [p.name for p in few] == ["falkirk", "grangemouth"]
    assert notes == ["The search stopped at 2 partnerships; give narrower roots."]


def test_no_folder_and_not_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no PSP folder"):
        build_portfolio([tmp_path], AS_OF)
    with pytest.raises(UserError, match="is not a folder"):
        build_portfolio([tmp_path / "missing"], AS_OF)


def test_the_worked_example_row(portfolio: Portfolio) -> None:
    row = _row(portfolio, "Falkirk Foster Care PSP")
    # the highlight report of the example at 30 June 2011: red for R7 (5 × 3 = 15)
    assert (row.stage, row.lead, row.errors, row.warnings) == ("pilot", "Falkirk Council", 0, 0)
    assert row.overall == "red"
    assert row.components == Components("green", "red", "green", "amber")
    assert row.red == ["R7"]
    assert row.slipped == []
    # budget to date: planned £46,500, actual £46,480
    assert (row.variance, round(row.variance_pct or 0, 3)) == (-20.0, -0.043)
    assert row.off_track == ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"]
    # the pilot's gate: 12 months run, milestones up to the pilot done, FBC approved unmet
    assert (row.next_stage, row.gate_unmet, row.gate_items) == ("sustain", 3, 8)
    # the September Governance Group planned in meetings.yaml
    assert row.next_meeting == NextMeeting(
        date(2011, 9, 23), "PSP Governance Group", "GG-2011-09", False
    )
    assert row.first_error is None


def test_the_copy_with_a_red_risk_and_a_slipped_milestone(portfolio: Portfolio) -> None:
    row = _row(portfolio, "Grangemouth Foster Care PSP")
    assert row.overall == "red"
    assert row.red == ["R3", "R7"]  # R3 at 5 × 3 = 15 joins R7, file order within a score
    assert row.slipped == ["M12"]  # completed 28 June, four days after it was due
    assert row.components == Components("green", "red", "green", "amber")
    # two Red entries are counted (the report's table names them)
    assert "set by the risks and issues: 2 open entries are Red." in row.overall_rule
    # no September meeting planned: a quarter after 24 June is Saturday 24 September, so the
    # Friday before, provisional
    assert row.next_meeting == NextMeeting(date(2011, 9, 23), "PSP Governance Group", None, True)


def test_the_folder_with_errors_is_a_row_and_the_run_goes_on(portfolio: Portfolio) -> None:
    row = _row(portfolio, "Stirling Foster Care PSP")
    assert not row.checked
    assert (row.errors, row.stage, row.overall, row.components) == (1, "pilot", None, None)
    assert row.next_meeting is None
    assert row.first_error == (
        "risks.yaml:25: risk R1: likelihood must be a whole number from 1 to 5, got 7"
    )
    assert [r.name for r in portfolio.with_errors] == ["Stirling Foster Care PSP"]
    assert portfolio.notes == [
        "1 folder with errors is left out of the heat map, funders and shared partners: "
        "Stirling Foster Care PSP."
    ]
    assert len(portfolio.rows) == 4


def test_a_new_sparse_folder(portfolio: Portfolio) -> None:
    row = _row(portfolio, "Larbert Befriending PSP")
    # psp init's folder: no partners yet, so four warnings (PSP407-PSP410)
    assert (row.stage, row.lead, row.errors, row.warnings) == ("identify", None, 0, 4)
    assert row.overall == "green"
    assert row.components == Components("green", "green", None, None)
    assert (row.red, row.slipped, row.off_track) == ([], [], [])
    assert (row.variance, row.variance_pct) == (None, None)
    assert (row.next_stage, row.gate_unmet, row.gate_items) == ("create", 5, 5)
    assert row.next_meeting is None  # no governance group yet


def test_rows_by_concern(portfolio: Portfolio) -> None:
    assert [r.name for r in rows_by_concern(portfolio.rows)] == [
        "Stirling Foster Care PSP",
        "Falkirk Foster Care PSP",
        "Grangemouth Foster Care PSP",
        "Larbert Befriending PSP",
    ]


def test_the_heat_map_across_the_portfolio(portfolio: Portfolio) -> None:
    shown = {
        (c.likelihood, c.impact): (
            c.count,
            c.rag,
            [(s.partnership[:5], s.ids) for s in c.partnerships],
        )
        for c in portfolio.heatmap
        if c.count
    }
    assert len(portfolio.heatmap) == 25
    assert shown == {
        (5, 3): (3, "red", [("Falki", ["R7"]), ("Grang", ["R3", "R7"])]),
        (4, 3): (1, "amber", [("Falki", ["R3"])]),
        (3, 2): (2, "amber", [("Falki", ["R12"]), ("Grang", ["R12"])]),
        (3, 3): (6, "amber", [("Falki", ["R1", "R4", "R10"]), ("Grang", ["R1", "R4", "R10"])]),
        (3, 4): (2, "amber", [("Falki", ["R5"]), ("Grang", ["R5"])]),
        (2, 3): (2, "amber", [("Falki", ["R11"]), ("Grang", ["R11"])]),
        (2, 4): (4, "amber", [("Falki", ["R8", "R9"]), ("Grang", ["R8", "R9"])]),
    }
    # every open entry of the two folders without errors: 10 each
    assert sum(c.count for c in portfolio.heatmap) == 20


def test_funders_budget_cycles_each_funder_once(portfolio: Portfolio) -> None:
    assert portfolio.horizon_end == date(2012, 6, 30)
    shown = [
        (
            f.name,
            f.first,
            [(s.partnership[:5], s.budget_cycle, s.status, s.amount) for s in f.partnerships],
        )
        for f in portfolio.funders
    ]
    # F3 (in kind) has no budget cycle; the Stirling copy has errors and is left out
    assert shown == [
        (
            "Falkirk Council Education Services",
            date(2011, 9, 1),
            [
                ("Grang", date(2011, 9, 1), "identified", 40000.0),
                ("Falki", date(2012, 2, 16), "identified", 40000.0),
            ],
        ),
        (
            "Falkirk Council Social Work Services (external foster placements budget)",
            date(2012, 2, 16),
            [
                ("Falki", date(2012, 2, 16), "engaged", 1300000.0),
                ("Grang", date(2012, 2, 16), "engaged", 1300000.0),
            ],
        ),
    ]


def test_a_shorter_horizon_leaves_later_budget_cycles_out(tmp_path: Path) -> None:
    short = build_portfolio([make_portfolio(tmp_path)], AS_OF, horizon_months=3)
    assert short.horizon_end == date(2011, 9, 30)
    assert [(f.name, len(f.partnerships)) for f in short.funders] == [
        ("Falkirk Council Education Services", 1)
    ]


def test_stages(portfolio: Portfolio) -> None:
    assert [(s.stage, s.partnerships) for s in portfolio.stages] == [
        ("identify", ["Larbert Befriending PSP"]),
        (
            "pilot",
            ["Falkirk Foster Care PSP", "Grangemouth Foster Care PSP", "Stirling Foster Care PSP"],
        ),
    ]


def test_partners_in_several_partnerships(portfolio: Portfolio) -> None:
    shared = {
        s.name: [(p.partnership[:5], p.name, p.lead) for p in s.partnerships]
        for s in portfolio.shared_partners
    }
    # every partner of the example is in the Grangemouth copy; two are spelt differently
    assert len(shared) == 8
    assert shared["Barnardo's Scotland"] == [
        ("Falki", "Barnardo's Scotland", False),
        ("Grang", "Barnardos Scotland", False),
    ]
    assert shared["FCA Scotland"] == [
        ("Falki", "FCA Scotland", False),
        ("Grang", "fca scotland", False),
    ]
    assert shared["Falkirk Council"] == [
        ("Falki", "Falkirk Council", True),
        ("Grang", "Falkirk Council", True),
    ]


def test_partners_match_by_name_or_by_id_and_a_contained_name(tmp_path: Path) -> None:
    one = make_project(tmp_path / "one")
    two = make_project(
        tmp_path / "two",
        psp_yaml=(one / "psp.yaml").read_text().replace("Test PSP", "Second PSP"),
        partners_yaml=(one / "partners.yaml")
        .read_text()
        .replace("name: Council\n", "name: The Council of the Borough\n")
        .replace("name: Charity\n", "name: Charity Scotland\n"),
    )
    assert two.is_dir()
    found = build_portfolio([tmp_path], date(2026, 6, 30)).shared_partners
    # "Charity" and "Charity Scotland" share the id charity; "Council" is in the other name too
    assert [(s.name, [p.name for p in s.partnerships]) for s in found] == [
        ("Charity", ["Charity Scotland", "Charity"]),
        ("Council", ["The Council of the Borough", "Council"]),
    ]


def test_organisation_key() -> None:
    assert organisation_key("Barnardo’s Scotland") == organisation_key("barnardos  scotland")
    assert organisation_key("The Robertson Trust") == "robertson trust"
    assert organisation_key("CCPS & IRISS") == "ccps and iriss"
