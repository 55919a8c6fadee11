"""A partners.yaml that is missing, unreadable or left out whole is one finding, its own: every
chair, member, role, approval and owner that names a partner or a person is not reported as
unknown as well, nor is the partnership mix (no public partner, no lead)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check, make_project

PSP = """\
name: Test PSP
id: test-psp
stage: create
start: 2026-01-01
end: 2027-12-31
governance:
  groups:
    - {id: gg, name: Governance Group, chair: p-dir, members: [council, charity]}
roles:
  - {role: project_manager, person: p-pm}
approvals:
  - {document: mou, partner: council, person: p-dir, date: 2026-02-01}
"""
RISKS = """\
risks:
  - id: R1
    type: risk
    title: Providers withdraw
    owner: p-pm
    likelihood: 3
    impact: 4
    review: 2026-09-01
    actions:
      - {action: Agree a working-together agreement, owner: charity, due: 2026-08-31}
"""
BUDGET = "budget:\n  - {period: 2026, partner: council, planned: 6500}\n"


@pytest.mark.parametrize(
    ("partners", "expected"),
    [
        (None, [("PSP002", "partners.yaml", 0)]),
        ("partners:\n  - {id: council, name: [Council}\n", [("PSP010", "partners.yaml", 2)]),
        ("# nothing yet\n", [("PSP102", "partners.yaml", 1)]),
        ("- id: council\n  name: Council\n", [("PSP015", "partners.yaml", 1)]),
        ("partners: council\n", [("PSP103", "partners.yaml", 1)]),
        (b"partners:\n  - {id: caf\xe9, name: Caf\xe9}\n", [("PSP005", "partners.yaml", 2)]),
    ],
    ids=["missing", "syntax error", "empty", "a list", "not a list", "not UTF-8"],
)
def test_a_partners_file_that_cannot_be_known_is_one_finding(
    tmp_path: Path, partners: str | bytes | None, expected: list[tuple[str, str, int]]
) -> None:
    root = make_project(
        tmp_path, psp_yaml=PSP, partners_yaml=partners, risks_yaml=RISKS, budget_yaml=BUDGET
    )
    found = [(d.code, d.file, d.line) for d in check(root).diagnostics]
    assert found == expected


def test_with_partners_the_same_references_are_checked(tmp_path: Path) -> None:
    """The other way round: a partners.yaml that is there and lacks the ids is reported."""
    partners = "partners:\n  - {id: council, name: Council, sector: public, lead: true}\n"
    root = make_project(
        tmp_path, psp_yaml=PSP, partners_yaml=partners, risks_yaml=RISKS, budget_yaml=BUDGET
    )
    errors = [(d.code, d.file, d.line) for d in check(root).errors]
    assert errors == [
        ("PSP203", "psp.yaml", 8),
        ("PSP203", "psp.yaml", 8),
        ("PSP203", "psp.yaml", 10),
        ("PSP203", "psp.yaml", 12),
        ("PSP202", "risks.yaml", 5),
        ("PSP202", "risks.yaml", 10),
    ]
