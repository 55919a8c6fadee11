"""The rule registry (check/registry.py): every rule is registered where it is written, with
the codes it can emit, and each of those codes is documented and has a test case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import psptool.check as check_module
from psptool.check import CHECKS, RULES, rule
from psptool.check.registry import ordered
from psptool.diagnostics import CODES
from tests.check.test_codes import CASES

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "src" / "psptool" / "check"


def registered() -> set[str]:
    return {code for r in RULES for code in r.codes}


def test_the_rules_run_in_the_order_of_their_first_code() -> None:
    assert [c.__name__ for c in CHECKS] == [
        "duplicate_ids", "owners", "partners_and_people", "goals_milestones_stakeholders",
        "scores", "references", "milestone_cycles", "milestone_order", "dates_in_range",
        "not_in_future",
        "start_before_end", "risk_matrix", "risk_dates", "budget_decisions_in_time",
        "full_business_case_before_pilot", "consistency",
        "smart_goals",
        "raid_log", "options_appraisal", "partnership_mix", "mou_signatures", "pilot_length",
        "overdue_milestones", "stakeholder_ratings", "sroi_adjustments",
        "optimism_bias_on_every_cost", "one_appraisal_period", "meeting_cadence",
        "governance_attendance", "meeting_actions", "decision_links", "knowledge_transfer",
        "groups_without_a_chair", "partners_without_responsibilities",
        "preferred_option_without_a_rationale", "risks_without_mitigation", "no_pilot_dates",
        "partners_without_a_director_signatory",
        "next_meeting_without_time_or_venue",
        "decision_without_a_rationale", "option_costs_without_what_they_cover",
        "logo", "colour_lost_to_a_comment",
    ]  # fmt: skip
    assert [r.check for r in ordered()] == list(CHECKS)


def test_every_registered_code_is_documented() -> None:
    docs = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (PSP\d{3}) \|", docs, re.M))
    assert registered() - documented == set()
    assert registered() <= set(CODES)


def test_every_registered_code_has_a_case_in_test_codes() -> None:
    assert registered() - {case[0] for case in CASES} == set()


def test_every_code_from_references_on_is_emitted_by_a_rule() -> None:
    # codes of the file, YAML and schema layers come from the loader; PSP000 from run_checks
    loader = {"internal", "file", "syntax", "schema"}
    later = {code for code, c in CODES.items() if c.layer not in loader}
    assert later - registered() == set()


@pytest.mark.parametrize("module", sorted(p.stem for p in CHECK.glob("*.py")))
def test_a_module_emits_only_the_codes_its_rules_declare(module: str) -> None:
    source = (CHECK / f"{module}.py").read_text(encoding="utf-8")
    named = set(re.findall(r'"(PSP\d{3})"', source.split('"""', 2)[-1]))
    rules = [r for r in RULES if r.check.__module__.endswith(f".{module}")]
    declared = {code for r in rules for code in r.codes}
    if module == "__init__":  # run_checks' PSP000, and the codes that stop validate running
        declared = {"PSP000", *check_module.CANNOT_RUN}
    assert named == declared


def test_a_rule_must_name_known_codes() -> None:
    with pytest.raises(ValueError, match=r"codes not in diagnostics\.CODES: PSP999"):
        rule("PSP999")
    with pytest.raises(ValueError, match="a rule names the codes it can emit"):
        rule()
