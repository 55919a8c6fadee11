"""How the rendered Word papers break across pages (office.lay_out): no forced break before
the recommendations, headings and lead-ins kept with what follows them, short tables on one
page, long ones with their header kept on the page of a row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _kept(paragraph: Any) -> bool:
    return paragraph.find(f"{W}pPr/{W}keepNext") is not None


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_the_recommendations_follow_on_without_a_page_of_their_own(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    # the sparse full case's page 10 held nothing but the recommendations; now they follow
    # on, their heading kept with their first paragraph
    for name, heading in (
        ("sparse:business-case-full", "10. Recommendations"),
        ("example:business-case-outline", "8. Recommendations"),
    ):
        document = Document(str(rendered[name][0]))
        (found,) = [p for p in document.paragraphs if p.text == heading]
        assert found.paragraph_format.page_break_before is not True
        assert _kept(found._p)
        before = found._p.getprevious()
        assert 'w:type="page"' not in before.xml


def test_the_mou_keeps_its_partners_heading_and_lead_in_with_the_table(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    document = Document(str(rendered["sparse:mou"][0]))
    body = list(document.element.body.iterchildren())
    (heading,) = [e for e in body if _text(e) == "5. The partners"]
    lead = heading.getnext()
    assert _text(lead) == "The lead partner is Riverside Council, a public sector body."
    assert lead.getnext().tag == f"{W}tbl"
    assert _kept(heading) and _kept(lead)
    # the partners table (a header and two partners) is kept on one page: every row but the
    # last kept with the next
    rows = lead.getnext().findall(f"{W}tr")
    assert [all(_kept(p) for p in r.iter(f"{W}p")) for r in rows] == [True, True, False]


def test_a_long_table_keeps_its_header_and_its_last_row_with_a_neighbour(
    rendered: dict[str, tuple[Path, object]],
) -> None:
    # the example MoU's roles table: a header and 17 roles of one line in 11 pt, 18 × (11 ×
    # 1.15 + 2) = 263.7 pt, more than a third of the page's 25.7 cm = 728.5 pt (242.8 pt);
    # so it may break between rows, never after its header nor before its last row
    document = Document(str(rendered["example:mou"][0]))
    roles = next(t for t in document.tables if t.rows[0].cells[0].text == "Role")
    rows = roles._tbl.findall(f"{W}tr")
    assert len(rows) == 18
    assert [any(_kept(p) for p in r.iter(f"{W}p")) for r in rows] == (
        [True] + [False] * 15 + [True, False]
    )
