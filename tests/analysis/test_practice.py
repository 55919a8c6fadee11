"""The good-practice predicates psp validate's warnings and the stage gates share."""

from __future__ import annotations

from datetime import date

from psptool.analysis import practice
from psptool.model.risk import Risk
from tests.analysis.helpers import project

AS_OF = date(2026, 6, 30)


def risk(**fields: object) -> Risk:
    base = {"id": "R1", "type": "risk", "title": "T", "likelihood": 2, "impact": 2}
    return Risk.model_validate({**base, **fields})


def test_sectors_funders_and_leads() -> None:
    partners = {
        "partners": [
            {"id": "council", "name": "C", "sector": "public", "potential_funder": True},
            {"id": "nhs", "name": "N", "sector": "public", "lead": True},
            {"id": "firm", "name": "F", "sector": "private", "lead": True},
        ]
    }
    p = project(partners=partners)
    assert practice.missing_sectors(p) == ["third"]
    assert practice.potential_funders(p) == ["council"]
    assert practice.lead_partners(p) == ["nhs", "firm"]


def test_what_an_open_entry_needs() -> None:
    assert practice.needs_owner(risk()) is True
    assert practice.needs_owner(risk(status="closed")) is False
    assert practice.needs_action(risk(owner="x")) is True
    assert practice.needs_action(risk(type="issue")) is True
    assert practice.needs_action(risk(type="dependency")) is False
    assert practice.needs_action(risk(actions=[{"action": "A"}])) is False


def test_overdue_reviews_and_actions() -> None:
    actions = [
        {"action": "done late", "due": "2026-01-01", "done": True},
        {"action": "late", "due": "2026-06-29"},
        {"action": "due today", "due": "2026-06-30"},
        {"action": "undated"},
    ]
    assert practice.overdue_actions(risk(actions=actions), AS_OF) == [1]
    assert practice.overdue_actions(risk(actions=actions, status="closed"), AS_OF) == []
    assert practice.review_overdue(risk(review="2026-06-29"), AS_OF) is True
    assert practice.review_overdue(risk(review="2026-06-30"), AS_OF) is False
    assert practice.review_overdue(risk(review="2026-06-29", status="closed"), AS_OF) is False


def test_director_level_signatures_for_their_own_partner() -> None:
    partners = {
        "partners": [
            {"id": "council", "name": "C", "sector": "public",
             "people": [{"id": "p-dir", "name": "D", "director_level": True},
                        {"id": "p-off", "name": "O"}]},
            {"id": "charity", "name": "H", "sector": "third"},
        ]
    }  # fmt: skip
    approvals = [
        {"document": "mou", "partner": "council", "person": "p-dir"},
        {"document": "mou", "partner": "council", "person": "p-off"},
        {"document": "mou", "partner": "charity", "person": "p-dir"},
        {"document": "mou", "partner": "charity"},
    ]
    p = project({"approvals": approvals}, partners=partners)
    people = p.people()
    signed = [practice.signs_at_director_level(people, a) for a in p.psp.approvals]
    assert signed == [True, False, False, False]


def test_unrated_stakeholders_and_do_nothing_options() -> None:
    p = project(
        stakeholders={"stakeholders": [{"id": "s", "name": "S", "interest": 3}]},
        options={
            "options": [
                {"id": "O0", "name": "N", "do_nothing": True, "scores": {}},
                {"id": "O1", "name": "A", "scores": {}},
                {"id": "O2", "name": "B", "do_nothing": True, "scores": {}},
            ]
        },
    )
    assert practice.unrated(p.stakeholders.stakeholders[0]) == ["influence"]
    assert practice.do_nothing_options(p.options.options) == [0, 2]
