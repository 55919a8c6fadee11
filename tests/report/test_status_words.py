"""The highlight report's words: spend against plan, approvals outstanding as the gate
judges them, the top entries with their ties, and what a Red entry asks of the group."""

from __future__ import annotations

from datetime import date

from psptool.analysis.budget import variance_words
from psptool.analysis.gate import unsigned_partners
from psptool.render.status import status_document, top_risks_caption
from psptool.render.writers import to_markdown_text
from psptool.report import status_report
from tests.analysis.helpers import project

AS_OF = date(2026, 6, 30)


def test_spend_against_plan_in_words() -> None:
    # 1,250 over a plan of 46,500 is 2.69%, said to one place: 2.7%
    assert variance_words(1250, 1250 / 46500 * 100, "GBP") == "2.7% over plan (£1,250)"
    assert variance_words(-20, -20 / 46500 * 100, "GBP") == "£20 under plan"
    assert variance_words(0, 0.0, "GBP") == "on plan"
    assert variance_words(0.4, 0.001, "GBP") == "on plan"  # under a pound either way
    # nothing was planned, so there is no share to give
    assert variance_words(500, None, "GBP") == "£500 over plan"
    # 200 over 1,000 is 20%, not "20.0%"
    assert variance_words(200, 20.0, "GBP") == "20% over plan (£200)"


PARTNERS = {
    "partners": [
        {
            "id": "council",
            "name": "Council",
            "sector": "public",
            "lead": True,
            "potential_funder": True,
            "people": [
                {"id": "p-dir", "name": "D", "director_level": True},
                {"id": "p-officer", "name": "O"},
            ],
        },
        {
            "id": "charity",
            "name": "Charity",
            "sector": "third",
            "people": [{"id": "p-ceo", "name": "C", "director_level": True}],
        },
    ]
}


def test_unsigned_partners_judge_as_the_gate_does() -> None:
    approvals = {
        "approvals": [
            # an officer, not a Director: the MoU still lacks the council
            {"document": "mou", "partner": "council", "person": "p-officer", "date": "2026-03-01"},
            {"document": "mou", "partner": "charity", "person": "p-ceo", "date": "2026-03-01"},
            # an undated approval of the pilot plan does not count; the charity's does
            {"document": "pilot_plan", "partner": "council"},
            {"document": "pilot_plan", "partner": "charity", "date": "2026-04-01"},
            # the full business case asks the lead partner (the council) alone
            {"document": "full_business_case", "partner": "charity", "date": "2026-05-01"},
        ]
    }
    p = project({"stage": "create", **approvals}, partners=PARTNERS)
    assert unsigned_partners(p, "mou_signed") == ["council"]
    assert unsigned_partners(p, "pilot_plan_agreed") == ["council"]
    assert unsigned_partners(p, "obc_signed") == ["council", "charity"]
    assert unsigned_partners(p, "fbc_signed") == ["council"]
    # the public potential funders: the council
    assert unsigned_partners(p, "plan_signed") == ["council"]


def test_approvals_outstanding_are_the_gates() -> None:
    # in the create stage the gate asks for the MoU; the officer's signature does not count,
    # so the council is outstanding, as the gate says (a simple count of approvals would
    # have found every partner signed)
    approvals = {
        "approvals": [
            {"document": "mou", "partner": "council", "person": "p-officer", "date": "2026-03-01"},
            {"document": "mou", "partner": "charity", "person": "p-ceo", "date": "2026-03-01"},
        ]
    }
    r = status_report(project({"stage": "create", **approvals}, partners=PARTNERS), AS_OF)
    assert [(o.document, o.names) for o in r.outstanding] == [("mou", ["Council"])]
    mou = next(i for i in r.gate.items if i.id == "mou_signed")
    assert not mou.met


def _entry(n: int, likelihood: int, impact: int, **more: object) -> dict[str, object]:
    return {
        "id": f"R{n}",
        "type": "risk",
        "title": f"Risk {n}",
        "likelihood": likelihood,
        "impact": impact,
        "owner": "x",
        "actions": [{"action": "Act"}],
        **more,
    }


def test_a_tie_at_the_fifth_place_is_kept_whole() -> None:
    # scores 16, 12, 9, 8, 6, 6, 6, 4: the fifth place (6) is shared by R5, R6 and R7, so all
    # three are shown: seven of the eight open entries
    scores = [(4, 4), (4, 3), (3, 3), (4, 2), (3, 2), (2, 3), (3, 2), (2, 2)]
    risks = [_entry(n, li, im) for n, (li, im) in enumerate(scores, 1)]
    r = status_report(project(risks={"risks": risks}), AS_OF)
    assert [(x.id, x.score) for x in r.top_risks] == [
        ("R1", 16),
        ("R2", 12),
        ("R3", 9),
        ("R4", 8),
        ("R5", 6),
        ("R6", 6),
        ("R7", 6),
    ]
    assert r.open_entries == 8
    assert top_risks_caption(r) == (
        "The 7 highest scoring of the 8 open entries (3 entries tie on a score of 6)"
    )
    text = to_markdown_text(status_document(r))
    assert "**The 7 highest scoring of the 8 open entries (3 entries tie on a score of 6)**" in (
        text
    )


def test_no_tie_five_of_more_and_all_of_few() -> None:
    # 16, 12, 9, 8, 6, 4: the fifth (6) is alone, so five of six
    scores = [(4, 4), (4, 3), (3, 3), (4, 2), (3, 2), (2, 2)]
    r = status_report(
        project(risks={"risks": [_entry(n, li, im) for n, (li, im) in enumerate(scores, 1)]}),
        AS_OF,
    )
    assert [x.id for x in r.top_risks] == ["R1", "R2", "R3", "R4", "R5"]
    assert top_risks_caption(r) == "The 5 highest scoring of the 6 open entries"
    few = status_report(project(risks={"risks": [_entry(1, 2, 2), _entry(2, 1, 1)]}), AS_OF)
    assert top_risks_caption(few) == "Both open entries, highest score first"
    three = status_report(
        project(risks={"risks": [_entry(1, 2, 2), _entry(2, 1, 1), _entry(3, 1, 2)]}), AS_OF
    )
    assert top_risks_caption(three) == "All 3 open entries, highest score first"
    one = status_report(project(risks={"risks": [_entry(1, 2, 2)]}), AS_OF)
    assert top_risks_caption(one) == "The one open entry"


def test_a_red_entry_with_its_review_overdue_asks_for_a_review() -> None:
    # 5 × 4 = 20, Red (from 15); it has an open action, but its review was due on 1 June
    red = _entry(1, 5, 4, title="Funding gap", review="2026-06-01")
    r = status_report(project(risks={"risks": [red]}), AS_OF)
    assert r.decisions[0] == (
        "The risk ‘Funding gap’ is Red and its review was due on 1 June 2026: review it."
    )
    # with no open action as well, both facts and both asks
    bare = {**red, "actions": []}
    r = status_report(project(risks={"risks": [bare]}), AS_OF)
    assert r.decisions[0] == (
        "The risk ‘Funding gap’ is Red, has no open action and its review was due on 1 June "
        "2026: review it and agree what will be done and by whom."
    )
    # a review still to come (1 July) and an open action: nothing to decide about it (the
    # one line left is the stage gate's)
    fine = {**red, "review": "2026-07-01"}
    decisions = status_report(project(risks={"risks": [fine]}), AS_OF).decisions
    assert [d for d in decisions if "Funding gap" in d] == []
    # an initialism in a gate item keeps its capitals inside the sentence
    assert "; KPIs measured during the pilot;" in decisions[-1]


def test_the_status_heat_map_counts_entries_on_named_axes() -> None:
    from psptool.render.status import heatmap_table_from

    # R1 5 × 4 and R2 5 × 4 share a cell; R3 1 × 1 sits at the bottom left
    risks = [_entry(1, 5, 4), _entry(2, 5, 4), _entry(3, 1, 1)]
    table = heatmap_table_from(status_report(project(risks={"risks": risks}), AS_OF))
    assert table.columns == [
        "Likelihood / Impact",
        "Very low (1)",
        "Low (2)",
        "Medium (3)",
        "High (4)",
        "Very high (5)",
    ]
    assert table.rows[0] == ["Very high (5)", "", "", "", 2, ""]
    assert table.rows[4] == ["Very low (1)", 1, "", "", "", ""]


def test_the_decisions_are_asked_of_the_group_by_name() -> None:
    from psptool.check import validate
    from tests.helpers import EXAMPLE

    as_of = date(2011, 6, 30)
    r = status_report(validate(EXAMPLE, as_of, find=False).result.project, as_of)
    r.decisions = ["Agree the tender timetable."]  # the example asks for none as at June
    text = to_markdown_text(status_document(r))
    # psp.yaml names the group governance-group "PSP Governance Group"
    assert "## Decisions needed from the PSP Governance Group" in text


def test_a_revision_is_named_by_the_day_it_was_saved() -> None:
    from psptool.report.status import saved_label

    assert saved_label("2011-03-31", "Highlight report for March", "bf6c4260") == (
        "the folder as saved on 31 March 2011 (Highlight report for March; revision bf6c4260)"
    )
    assert saved_label("2011-03-31", "", "bf6c4260") == (
        "the folder as saved on 31 March 2011 (revision bf6c4260)"
    )
