"""Exact wording of findings a project manager will read most, and the check guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from psptool import check as check_module
from tests.check.test_codes import GOAL, OPTIONS, milestones, risk
from tests.helpers import PSP, check, make_project


def only(root: Path, code: str):
    found = [d for d in check(root).diagnostics if d.code == code]
    assert len(found) == 1, found
    return found[0]


def test_unknown_key_suggests_the_field(tmp_path: Path) -> None:
    root = make_project(tmp_path, risks_yaml=risk().replace("likelihood: 3", "liklihood: 3"))
    d = only(root, "PSP101")
    assert d.message == "risk R1: unknown key 'liklihood'"
    assert d.hint == "did you mean 'likelihood'?"
    assert (d.line, d.column) == (6, 5)


def test_out_of_range_score(tmp_path: Path) -> None:
    root = make_project(tmp_path, risks_yaml=risk().replace("impact: 4", "impact: 7"))
    d = only(root, "PSP104")
    assert d.message == "risk R1: impact must be a whole number from 1 to 5, got 7"
    assert (d.line, d.column) == (7, 13)


def test_enumeration_suggests_the_value(tmp_path: Path) -> None:
    root = make_project(tmp_path, risks_yaml=risk().replace("type: risk", "type: isue"))
    d = only(root, "PSP105")
    assert d.message == "risk R1: type 'isue' is not one of: risk, assumption, issue, dependency"
    assert d.hint == "did you mean 'issue'?"


def test_impossible_date(tmp_path: Path) -> None:
    root = make_project(tmp_path, goals_yaml=GOAL.replace("2027-03-31", "2027-02-30"))
    d = only(root, "PSP107")
    assert d.message == (
        "goal G1: due '2027-02-30' is not a real date (day is out of range for month)"
    )


def test_missing_field_points_at_the_record(tmp_path: Path) -> None:
    root = make_project(tmp_path, risks_yaml=risk().replace("    title: Providers withdraw\n", ""))
    d = only(root, "PSP102")
    assert d.message == "risk R1: 'title' is required"
    assert (d.line, d.column) == (2, 5)


def test_smart_names_the_failing_letters(tmp_path: Path) -> None:
    goal = GOAL.replace("    owner: council\n", "").replace("    due: 2027-03-31\n", "")
    root = make_project(tmp_path, goals_yaml=goal)
    d = only(root, "PSP401")
    assert d.message == "goal G1 is not SMART (fails AT): A: no owner; T: no due date"


def test_smart_timely_means_inside_the_partnership(tmp_path: Path) -> None:
    root = make_project(tmp_path, goals_yaml=GOAL.replace("2027-03-31", "2029-03-31"))
    d = only(root, "PSP401")
    assert d.message == (
        "goal G1 is not SMART (fails T): T: due 2029-03-31, outside the partnership's dates"
    )


def test_relevant_through_a_linked_benefit(tmp_path: Path) -> None:
    goal = GOAL.replace("    relevance: the Children's Services Plan\n", "")
    benefit = "benefits:\n  - {id: B1, title: Local placements, goal: G1}\n"
    root = make_project(tmp_path, goals_yaml=goal, benefits_yaml=benefit)
    assert [d.code for d in check(root).diagnostics] == []


def test_cycle_names_the_chain(tmp_path: Path) -> None:
    root = make_project(tmp_path, milestones_yaml=milestones(m1_deps="M2", m1_due="2026-09-01"))
    d = only(root, "PSP301")
    assert d.message == "milestones depend on each other in a cycle: M1 → M2 → M1"


def test_self_dependency_is_a_cycle(tmp_path: Path) -> None:
    root = make_project(tmp_path, milestones_yaml=milestones(m1_deps="M1", m1_due="2026-09-01"))
    assert only(root, "PSP301").message == "milestones depend on each other in a cycle: M1 → M1"


def test_preferred_below_the_best(tmp_path: Path) -> None:
    # O0 scores 3x1 + 1x5 = 8, O1 scores 3x5 + 1x2 = 17
    root = make_project(tmp_path, options_yaml=OPTIONS.replace("preferred: O1", "preferred: O0"))
    assert only(root, "PSP406").message == "the preferred option O0 scores 8, below O1 (17)"


def test_preferred_tied_for_first_is_fine(tmp_path: Path) -> None:
    tied = OPTIONS.replace("{issues: 1, cost: 5}", "{issues: 4, cost: 5}")  # 17 each
    root = make_project(tmp_path, options_yaml=tied.replace("preferred: O1", "preferred: O0"))
    assert [d.code for d in check(root).diagnostics] == []


def test_unknown_owner_suggests_a_person(tmp_path: Path) -> None:
    root = make_project(tmp_path, risks_yaml=risk(owner="p-p"))
    d = only(root, "PSP202")
    assert d.message == "risk R1: owner 'p-p' is not a partner or a person in partners.yaml"
    assert d.hint == "did you mean 'p-pm'?"


def test_pilot_of_exactly_twelve_months_is_fine(tmp_path: Path) -> None:
    from tests.helpers import PSP

    root = make_project(tmp_path, psp_yaml=PSP + "pilot: {start: 2026-10-01, end: 2027-09-30}\n")
    assert check(root).diagnostics == []


def test_a_broken_check_is_psp000_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(check_module, "CHECKS", (broken, *check_module.CHECKS))
    root = make_project(tmp_path, risks_yaml=risk(owner="nobody"))
    found = check(root).diagnostics
    assert [d.code for d in found] == ["PSP000", "PSP202"]
    assert found[0].message == (
        "the check 'broken' failed (RuntimeError: boom); please report this"
    )
    assert found[0].severity == "error"


def test_a_partner_is_not_a_person_who_signs(tmp_path: Path) -> None:
    from tests.helpers import PSP

    approvals = "approvals:\n  - {document: mou, partner: council, person: council}\n"
    root = make_project(tmp_path, psp_yaml=PSP + approvals)
    d = only(root, "PSP203")
    assert d.message == "mou approval person 'council' is not in partners.yaml"


def test_infinite_numbers_are_refused(tmp_path: Path) -> None:
    benefit = "benefits:\n  - {id: B1, title: b, baseline: 1, target: .inf}\n"
    root = make_project(tmp_path, benefits_yaml=benefit)
    (d,) = check(root).diagnostics
    assert (d.code, d.message) == ("PSP103", "benefit B1: target must be a number, got inf")


# the partnership's mix, when a partner was left out for a schema error -------------------
# partners.yaml as tests/helpers.py PARTNERS: the council (public, lead, potential funder)
# has its sector on line 4, the charity (third sector) on line 12.


def _findings(root: Path) -> list[tuple[str, str, int]]:
    """The findings, the paper readiness warnings (PSP5xx, tests/check/test_codes.py) left
    aside: these tests are about what the other checks do with a left-out record."""
    return [(d.code, d.file, d.line) for d in check(root).diagnostics if d.code[3] != "5"]


def test_a_left_out_partner_gives_its_own_error_and_no_mix_warning(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    # the charity's sector is misspelt: it is left out, which would leave no third-sector
    # partner (PSP408); the error is the one finding
    charity = make_project(
        tmp_path / "a", partners_yaml=PARTNERS.replace("sector: third", "sector: thrid")
    )
    assert _findings(charity) == [("PSP105", "partners.yaml", 12)]
    # the council, the only public partner, potential funder and lead, is left out: no
    # PSP407, PSP409 or PSP410 either
    council = make_project(
        tmp_path / "b", partners_yaml=PARTNERS.replace("sector: public", "sector: pubic")
    )
    assert _findings(council) == [("PSP105", "partners.yaml", 4)]


def test_partners_that_are_not_a_list_give_one_error(tmp_path: Path) -> None:
    partner = "partners:\n  id: council\n  name: Council\n  sector: public\n"
    root = make_project(tmp_path, partners_yaml=partner)
    assert _findings(root) == [("PSP103", "partners.yaml", 2)]


def test_the_mix_is_still_judged_when_only_a_person_is_left_out(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    # C. Chief's director_level (line 14) is not true or false: the person is left out, the
    # charity stays, now in the private sector, so there is no third-sector partner
    partners = PARTNERS.replace("sector: third", "sector: private").replace(
        "C. Chief, director_level: true", "C. Chief, director_level: maybe"
    )
    root = make_project(tmp_path, partners_yaml=partners)
    assert _findings(root) == [("PSP408", "partners.yaml", 1), ("PSP103", "partners.yaml", 14)]


def test_two_leads_are_two_leads_whatever_was_left_out(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    # the charity (line 10) is made a second lead; a third partner (line 16), left out for a
    # missing name, cannot make two leads one
    partners = (
        PARTNERS.replace("sector: third\n", "sector: third\n    lead: true\n")
        + "  - {id: trust, sector: third}\n"
    )
    root = make_project(tmp_path, partners_yaml=partners)
    assert _findings(root) == [("PSP410", "partners.yaml", 10), ("PSP102", "partners.yaml", 16)]


# judging a whole list when a record of it was left out for a schema error ---------------
# options.yaml as tests/check/test_codes.py OPTIONS: criteria on lines 2 (issues, weight 3)
# and 3 (cost, weight 1), options on lines 5 (O0, do nothing) and 6 (O1), preferred on 7.


def test_a_left_out_option_may_be_the_do_nothing_one(tmp_path: Path) -> None:
    # O0, the do-nothing option, scores cost 7: it is left out, and no present option is do
    # nothing; the score's error is the one finding, not PSP405 as well
    options = OPTIONS.replace("cost: 5}", "cost: 7}")
    root = make_project(tmp_path, options_yaml=options)
    assert _findings(root) == [("PSP104", "options.yaml", 5)]


def test_no_do_nothing_option_is_still_judged_when_a_criterion_is_left_out(
    tmp_path: Path,
) -> None:
    # no option is do nothing, and the cost criterion's weight is not a number: a criterion
    # left out cannot be the do-nothing option, so PSP405 stands; the scores for 'cost' are
    # not reported as for an unknown criterion (PSP209)
    options = OPTIONS.replace("do_nothing: true, ", "").replace("weight: 1}", "weight: heavy}")
    root = make_project(tmp_path, options_yaml=options)
    assert _findings(root) == [("PSP103", "options.yaml", 3), ("PSP405", "options.yaml", 4)]


def test_preferred_is_not_judged_without_a_left_out_criterion(tmp_path: Path) -> None:
    # O0 is preferred; cost was meant to weigh 10: O0 = 3x1 + 10x5 = 53 leads O1 = 3x5 +
    # 10x2 = 35. With cost left out, issues alone put O0 (3) below O1 (15): PSP406 would be
    # wrong, so the criterion's error is the one finding
    options = OPTIONS.replace("preferred: O1", "preferred: O0").replace(
        "weight: 1}", "weight: 10x}"
    )
    root = make_project(tmp_path, options_yaml=options)
    assert _findings(root) == [("PSP103", "options.yaml", 3)]


def test_preferred_below_a_present_option_whatever_option_was_left_out(tmp_path: Path) -> None:
    # O2 (line 7) scores issues 9 and is left out; O0 (8) is still below O1 (17)
    options = OPTIONS.replace("preferred: O1", "preferred: O0").replace(
        "preferred:", "  - {id: O2, name: Bigger, scores: {issues: 9, cost: 1}}\npreferred:"
    )
    root = make_project(tmp_path, options_yaml=options)
    assert _findings(root) == [("PSP104", "options.yaml", 7), ("PSP406", "options.yaml", 8)]
    assert only(root, "PSP406").message == "the preferred option O0 scores 8, below O1 (17)"


_NOT_RELEVANT = GOAL.replace("    relevance: the Children's Services Plan\n", "")
"""G1 (line 2) with no relevance: Relevant only through a benefit linked to it."""


def test_a_goal_is_not_called_irrelevant_when_a_benefit_was_left_out(tmp_path: Path) -> None:
    # B1 links G1 but its target is not a number: B1 is left out, and may be (is) the link
    benefits = "benefits:\n  - {id: B1, title: Local placements, goal: G1, target: lots}\n"
    root = make_project(tmp_path, goals_yaml=_NOT_RELEVANT, benefits_yaml=benefits)
    assert _findings(root) == [("PSP103", "benefits.yaml", 2)]


def test_the_other_smart_letters_are_still_judged(tmp_path: Path) -> None:
    benefits = "benefits:\n  - {id: B1, title: Local placements, goal: G1, target: lots}\n"
    goal = _NOT_RELEVANT.replace("    owner: council\n", "")
    root = make_project(tmp_path, goals_yaml=goal, benefits_yaml=benefits)
    assert _findings(root) == [("PSP103", "benefits.yaml", 2), ("PSP401", "goals.yaml", 2)]
    assert only(root, "PSP401").message == "goal G1 is not SMART (fails A): A: no owner"


def test_a_goal_is_irrelevant_when_only_a_measurement_was_left_out(tmp_path: Path) -> None:
    # the measurement (line 4) is left out, not the benefit, which links no goal
    benefits = (
        "benefits:\n  - id: B1\n    title: Local placements\n"
        "    measurements: [{date: 2026-02-30, value: 1}]\n"
    )
    root = make_project(tmp_path, goals_yaml=_NOT_RELEVANT, benefits_yaml=benefits)
    assert _findings(root) == [("PSP107", "benefits.yaml", 4), ("PSP401", "goals.yaml", 2)]
    assert only(root, "PSP401").message == (
        "goal G1 is not SMART (fails R): R: no relevance and no benefit linked to it"
    )


_APPROVALS = """\
approvals:
  - {document: mou, partner: council, person: p-dir, date: 2026-03-01}
  - {document: mou, partner: charity, person: p-ceo, date: 2026-02-30}
"""
"""Both partners sign the MoU (lines 7 and 8 after PSP); the charity's date is impossible."""


def test_a_left_out_approval_may_be_the_partners_signature(tmp_path: Path) -> None:
    psp = PSP.replace("stage: identify", "stage: design") + _APPROVALS
    root = make_project(tmp_path, psp_yaml=psp)
    assert _findings(root) == [("PSP107", "psp.yaml", 8)]
    # without the charity's approval at all, it has not signed (partners.yaml line 10)
    council_only = "".join(_APPROVALS.splitlines(keepends=True)[:2])
    unsigned = make_project(tmp_path / "b", psp_yaml=psp.replace(_APPROVALS, council_only))
    assert _findings(unsigned) == [("PSP412", "partners.yaml", 10)]


def test_no_partner_is_unsigned_when_psp_yaml_cannot_be_validated(tmp_path: Path) -> None:
    # without its required name, psp.yaml is not validated at all, so the model has none
    # of its approvals: PSP412 for both partners would be wrong
    psp = PSP.replace("name: Test PSP\n", "").replace("stage: identify", "stage: design")
    root = make_project(tmp_path, psp_yaml=psp + _APPROVALS)
    assert _findings(root) == [("PSP102", "psp.yaml", 1), ("PSP107", "psp.yaml", 7)]


# references to a list written as something else (left out whole, for its own error) -----


def test_references_to_a_list_that_is_not_a_list_are_not_reported(tmp_path: Path) -> None:
    # partners: written as one mapping, not a list: the owners p-pm (risks.yaml lines 5 and
    # 10) may be in it, so the one finding is partners.yaml's
    partners = "partners:\n  id: council\n  name: Council\n  sector: public\n"
    root = make_project(tmp_path / "a", partners_yaml=partners, risks_yaml=risk())
    assert _findings(root) == [("PSP103", "partners.yaml", 2)]
    # the same for goals (benefit B1 links G1) and for criteria (O0 scores cost)
    goals = "goals:\n  id: G1\n  title: Place more children locally\n"
    benefits = "benefits:\n  - {id: B1, title: Local placements, goal: G1}\n"
    root = make_project(tmp_path / "b", goals_yaml=goals, benefits_yaml=benefits)
    assert _findings(root) == [("PSP103", "goals.yaml", 2)]
    options = OPTIONS.replace(
        "  - {id: issues, name: Addresses the issues, weight: 3}\n"
        "  - {id: cost, name: Cost, weight: 1}\n",
        "  id: cost\n  name: Cost\n  weight: 1\n",
    )
    root = make_project(tmp_path / "c", options_yaml=options)
    assert _findings(root) == [("PSP103", "options.yaml", 2)]


_SIGNED_BY_P_DIR = PSP + (
    "approvals:\n  - {document: mou, partner: council, person: p-dir, date: 2026-03-01}\n"
    "roles:\n  - {role: senior_sponsor, person: p-dir}\n"
)
"""p-dir signs the MoU (line 7) and is senior sponsor (line 9)."""


def test_people_are_not_unknown_when_partners_yaml_cannot_be_read(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    # an unclosed bracket on line 15: p-dir may be anywhere in the file
    root = make_project(tmp_path, psp_yaml=_SIGNED_BY_P_DIR, partners_yaml=PARTNERS + "  - [\n")
    assert _findings(root) == [("PSP010", "partners.yaml", 15)]


def test_people_are_not_unknown_when_they_are_not_a_list(tmp_path: Path) -> None:
    from tests.helpers import PARTNERS

    # the council's people (line 8) written as one mapping: the council is left out with
    # them, and p-dir (approval, role) and p-pm (the risk's owner and its action's) may be
    # in it
    people = PARTNERS.replace(
        "      - {id: p-dir, name: A. Director, director_level: true, signatory: true}\n"
        "      - {id: p-pm, name: B. Manager}\n",
        "      id: p-dir\n      name: A. Director\n",
    )
    root = make_project(
        tmp_path, psp_yaml=_SIGNED_BY_P_DIR, partners_yaml=people, risks_yaml=risk()
    )
    assert _findings(root) == [("PSP103", "partners.yaml", 8)]
    # partners: itself written as one mapping
    partners = "partners:\n  id: council\n  name: Council\n  sector: public\n"
    root = make_project(tmp_path / "b", psp_yaml=_SIGNED_BY_P_DIR, partners_yaml=partners)
    assert _findings(root) == [("PSP103", "partners.yaml", 2)]
