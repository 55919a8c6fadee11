"""One map from a partner's or a person's id to the name reports and papers print."""

from __future__ import annotations

from datetime import date

from psptool.report import status_report
from psptool.report.people import owner_names
from tests.analysis.helpers import project

PARTNERS = {
    "partners": [
        {
            "id": "council",
            "name": "Falkirk Council",
            "sector": "public",
            "people": [{"id": "p-lb", "name": "L. Baird"}],
        },
        {
            "id": "charity",
            "name": "Barnardo's",
            "sector": "third",
            "people": [{"id": "p-ceo", "name": "C. Chief"}, {"id": "p-pm", "name": "B. Manager"}],
        },
    ]
}


def test_partners_and_people_by_id() -> None:
    assert owner_names(project(partners=PARTNERS)) == {
        "council": "Falkirk Council",
        "charity": "Barnardo's",
        "p-lb": "L. Baird",
        "p-ceo": "C. Chief",
        "p-pm": "B. Manager",
    }


def test_with_partner_names_each_persons_organisation() -> None:
    assert owner_names(project(partners=PARTNERS), with_partner=True) == {
        "council": "Falkirk Council",
        "charity": "Barnardo's",
        "p-lb": "L. Baird (Falkirk Council)",
        "p-ceo": "C. Chief (Barnardo's)",
        "p-pm": "B. Manager (Barnardo's)",
    }


def test_no_partners_no_names() -> None:
    assert owner_names(project()) == {}


def test_the_highlight_report_uses_it() -> None:
    p = project(partners=PARTNERS)
    assert status_report(p, date(2026, 6, 30)).names == owner_names(p)
