"""The business cases' numbered contents, from the one description both share: the numbers
the headings, the contents page and every cross-reference use."""

from __future__ import annotations

import pytest

from psptool.report.papers.business_case.contents import contents


def test_the_outline_numbers_its_sections() -> None:
    outline = contents("outline")
    assert [s.title for s in outline.sections] == [
        "1. Executive summary",
        "2. Case for change",
        "3. Strategic case",
        "4. Options appraisal",
        "5. Benefits realisation",
        "6. Financial case",
        "7. Management case",
        "8. Recommendations",
    ]
    assert [s.title for s in outline.section("financial").sections] == [
        "6.1 Costs and benefits by year",
        "6.2 The partnership's budget",
    ]
    assert outline.section("benefits").sections == ()
    assert outline.number("management.pilot") == "7.1"


def test_the_full_case_adds_its_sections_and_renumbers() -> None:
    full = contents("full")
    assert [s.heading for s in full.sections] == [
        "Executive summary",
        "Case for change",
        "Strategic case",
        "Options appraisal",
        "Final service model",
        "Benefits realisation",
        "Evaluation findings",
        "Financial case",
        "Management case",
        "Recommendations",
    ]
    assert [full.number(k) for k in ("options", "benefits", "financial", "service.funders")] == [
        "4",
        "6",
        "8",
        "5.3",
    ]
    assert full.section("financial.budget").title == (
        "8.2 Financial analysis of the partnership's budget"
    )
    assert full.number("management.plan") == "9.1"


def test_a_reference_to_a_section_the_case_lacks_is_refused() -> None:
    with pytest.raises(KeyError, match="the outline business case has no section service"):
        contents("outline").number("service")
