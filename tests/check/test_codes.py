"""Every diagnostic code, triggered from a small folder, with its severity, file and line.

Each case is (code, files changed from the minimal folder, file, line). The minimal folder
itself has no findings, so a case's finding is the one its own files cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from psptool.diagnostics import CODES
from tests.check.test_meetings import CASES as MEETING_CASES
from tests.helpers import PARTNERS, PSP, check, make_project
from tests.images import png_header

RISK = """\
risks:
  - id: R1
    type: risk
    title: Providers withdraw
    owner: {owner}
    likelihood: 3
    impact: 4
    review: {review}
    actions:
      - {{action: Agree terms, owner: p-pm, due: {due}}}
"""


def risk(owner: str = "p-pm", review: str = "2026-09-01", due: str = "2026-09-01") -> str:
    return RISK.format(owner=owner, review=review, due=due)


MILESTONES = """\
milestones:
  - id: M1
    title: MoU signed
    due: {m1_due}
    owner: council
    depends_on: [{m1_deps}]
  - id: M2
    title: Pilot begins
    due: 2026-10-01
    owner: council
    depends_on: [M1]
"""


def milestones(m1_due: str = "2026-05-01", m1_deps: str = "") -> str:
    return MILESTONES.format(m1_due=m1_due, m1_deps=m1_deps)


GOAL = """\
goals:
  - id: G1
    title: Place more children locally
    measure: share of placements in the area
    baseline: 40
    target: 75
    unit: "%"
    due: 2027-03-31
    owner: council
    relevance: the Children's Services Plan
"""

OPTIONS = """\
criteria:
  - {id: issues, name: Addresses the issues, weight: 3}
  - {id: cost, name: Cost, weight: 1}
options:
  - {id: O0, name: Do nothing, do_nothing: true, scores: {issues: 1, cost: 5}}
  - {id: O1, name: Framework, scores: {issues: 5, cost: 2}}
preferred: O1
"""

CASES: list[tuple[str, dict[str, str | bytes | None], str, int]] = [
    # file layer
    ("PSP002", {"partners.yaml": None}, "partners.yaml", 0),
    ("PSP005", {"risks.yaml": b"risks:\n  - id: R1\n    title: caf\xe9\n"}, "risks.yaml", 3),
    ("PSP005", {"goals.yaml": "goals: []\n".encode("utf-16")}, "goals.yaml", 0),
    ("PSP006", {"goals.yaml": "\ufeffgoals: []\n"}, "goals.yaml", 1),
    # syntax layer
    ("PSP010", {"risks.yaml": "risks:\n  - id: R1\n    title: Risk: x\n"}, "risks.yaml", 3),
    ("PSP010", {"goals.yaml": "goals: [\n"}, "goals.yaml", 1),
    ("PSP010", {"goals.yaml": "goals: !!binary aGVsbG8=\n"}, "goals.yaml", 1),
    ("PSP011", {"risks.yaml": "risks:\n\t- id: R1\n"}, "risks.yaml", 2),
    ("PSP012", {"goals.yaml": "goals: []\n# again\ngoals: []\n"}, "goals.yaml", 3),
    ("PSP013", {"goals.yaml": "goals: &g [*g]\n"}, "goals.yaml", 1),
    ("PSP014", {"goals.yaml": "goals: " + "[" * 100 + "]" * 100 + "\n"}, "goals.yaml", 1),
    ("PSP015", {"risks.yaml": "- id: R1\n"}, "risks.yaml", 1),
    ("PSP016", {"goals.yaml": "goals: []\n? [a]\n: 1\n"}, "goals.yaml", 2),
    ("PSP017", {"goals.yaml": "goals: []\n---\ngoals: []\n"}, "goals.yaml", 2),
    # schema layer
    ("PSP101", {"risks.yaml": risk().replace("    impact: 4", "    impcat: 4")}, "risks.yaml", 7),
    ("PSP102", {"risks.yaml": risk().replace("    impact: 4\n", "")}, "risks.yaml", 2),
    ("PSP102", {"psp.yaml": ""}, "psp.yaml", 1),
    ("PSP103", {"risks.yaml": risk().replace("impact: 4", "impact: high")}, "risks.yaml", 7),
    ("PSP103", {"psp.yaml": PSP + "values: Openness\n"}, "psp.yaml", 6),
    ("PSP104", {"risks.yaml": risk().replace("impact: 4", "impact: 7")}, "risks.yaml", 7),
    ("PSP105", {"risks.yaml": risk().replace("type: risk", "type: rsik")}, "risks.yaml", 3),
    ("PSP105", {"psp.yaml": PSP.replace("stage: identify", "stage: no")}, "psp.yaml", 3),
    ("PSP106", {"risks.yaml": risk().replace("id: R1", "id: 1R")}, "risks.yaml", 2),
    ("PSP107", {"goals.yaml": GOAL.replace("2027-03-31", "2027-02-30")}, "goals.yaml", 8),
    ("PSP107", {"goals.yaml": GOAL.replace("2027-03-31", "20270331")}, "goals.yaml", 8),
    ("PSP108", {"budget.yaml": "budget:\n  - {period: Q1-2026, planned: 100}\n"}, "budget.yaml", 2),
    # references
    ("PSP201", {"goals.yaml": GOAL + GOAL.removeprefix("goals:\n")}, "goals.yaml", 11),
    (
        "PSP201",
        {"partners.yaml": PARTNERS.replace("id: p-ceo", "id: council")},
        "partners.yaml",
        14,
    ),
    ("PSP202", {"risks.yaml": risk(owner="p-nobody")}, "risks.yaml", 5),
    (
        "PSP203",
        {"psp.yaml": PSP + "roles:\n  - {role: project_manager, person: p-xx}\n"},
        "psp.yaml",
        7,
    ),
    (
        "PSP203",
        {"psp.yaml": PSP + "approvals:\n  - {document: mou, partner: cuoncil}\n"},
        "psp.yaml",
        7,
    ),
    (
        "PSP204",
        {"benefits.yaml": "benefits:\n  - {id: B1, title: Local placements, goal: G9}\n"},
        "benefits.yaml",
        2,
    ),
    ("PSP205", {"milestones.yaml": milestones(m1_deps="M9")}, "milestones.yaml", 6),
    (
        "PSP206",
        {"options.yaml": OPTIONS.replace("name: Framework,", "name: Framework, risks: [R9],")},
        "options.yaml",
        6,
    ),
    (
        "PSP207",
        {
            "stakeholders.yaml": "stakeholders: []\n"
            "communications:\n  - {id: C1, audience: [carers]}\n"
        },
        "stakeholders.yaml",
        3,
    ),
    (
        "PSP208",
        {"options.yaml": OPTIONS.replace("preferred: O1", "preferred: O7")},
        "options.yaml",
        7,
    ),
    (
        "PSP209",
        {"options.yaml": OPTIONS.replace("cost: 2}", "cost: 2, speed: 3}")},
        "options.yaml",
        6,
    ),
    (
        "PSP210",
        {"options.yaml": OPTIONS.replace("{issues: 5, cost: 2}", "{issues: 5}")},
        "options.yaml",
        6,
    ),
    (
        "PSP211",
        {"psp.yaml": PSP + "approvals:\n  - {document: mou, partner: council, person: p-ceo}\n"},
        "psp.yaml",
        7,
    ),
    # consistency
    ("PSP301", {"milestones.yaml": milestones(m1_deps="M2")}, "milestones.yaml", 6),
    ("PSP302", {"milestones.yaml": milestones(m1_due="2026-11-01")}, "milestones.yaml", 11),
    ("PSP303", {"milestones.yaml": milestones(m1_due="2025-11-01")}, "milestones.yaml", 4),
    (
        "PSP304",
        {
            "milestones.yaml": milestones().replace(
                "owner: council\n    depends_on: [M1]",
                "owner: council\n    completed: 2026-07-01\n    depends_on: [M1]",
            )
        },
        "milestones.yaml",
        11,
    ),
    ("PSP305", {"psp.yaml": PSP.replace("end: 2027-12-31", "end: 2025-12-31")}, "psp.yaml", 5),
    ("PSP306", {"psp.yaml": PSP + "risk_matrix: {amber: 15, red: 10}\n"}, "psp.yaml", 6),
    (
        "PSP307",
        {
            "risks.yaml": risk().replace(
                "    review:", "    target: {likelihood: 5, impact: 5}\n    review:"
            )
        },
        "risks.yaml",
        8,
    ),
    (
        "PSP308",
        {
            "risks.yaml": risk().replace(
                "    review:", "    raised: 2026-03-01\n    escalated: 2026-02-01\n    review:"
            )
        },
        "risks.yaml",
        9,
    ),
    (
        # the contract is awarded on 30 September 2026; the funder sets its budget on
        # 1 November 2026, after it
        "PSP309",
        {
            "milestones.yaml": milestones().replace("Pilot begins", "Contract awarded"),
            "sustainability.yaml": "funders:\n"
            "  - {id: F1, name: Council, status: engaged, budget_cycle: 2026-11-01}\n",
        },
        "sustainability.yaml",
        2,
    ),
    (
        # no pilot dates: a pilot can start on 1 July 2026, the day after the as-of date, and
        # end 12 months on, on 30 June 2027; the full business case is due on 1 October 2026
        "PSP310",
        {"milestones.yaml": milestones().replace("Pilot begins", "Full business case agreed")},
        "milestones.yaml",
        9,
    ),
    # good practice
    ("PSP401", {"goals.yaml": GOAL.replace("    owner: council\n", "")}, "goals.yaml", 2),
    ("PSP402", {"risks.yaml": risk().replace("    owner: p-pm\n", "")}, "risks.yaml", 2),
    ("PSP403", {"risks.yaml": risk().split("    actions:")[0]}, "risks.yaml", 2),
    ("PSP404", {"risks.yaml": risk(review="2026-06-01")}, "risks.yaml", 8),
    ("PSP405", {"options.yaml": OPTIONS.replace(" do_nothing: true,", "")}, "options.yaml", 4),
    (
        "PSP406",
        {"options.yaml": OPTIONS.replace("preferred: O1", "preferred: O0")},
        "options.yaml",
        7,
    ),
    (
        "PSP407",
        {"partners.yaml": PARTNERS.replace("sector: public", "sector: private")},
        "partners.yaml",
        1,
    ),
    (
        "PSP408",
        {"partners.yaml": PARTNERS.replace("sector: third", "sector: private")},
        "partners.yaml",
        1,
    ),
    (
        "PSP409",
        {"partners.yaml": PARTNERS.replace("    potential_funder: true\n", "")},
        "partners.yaml",
        1,
    ),
    ("PSP410", {"partners.yaml": PARTNERS.replace("    lead: true\n", "")}, "partners.yaml", 1),
    (
        "PSP410",
        {"partners.yaml": PARTNERS.replace("sector: third\n", "sector: third\n    lead: true\n")},
        "partners.yaml",
        10,
    ),
    (
        "PSP411",
        {"partners.yaml": PARTNERS.replace("A. Director, director_level: true,", "A. Director,")},
        "partners.yaml",
        8,
    ),
    (
        "PSP411",
        {"psp.yaml": PSP + "approvals:\n  - {document: mou, partner: council, person: p-pm}\n"},
        "psp.yaml",
        7,
    ),
    (
        "PSP412",
        {
            "psp.yaml": PSP.replace("stage: identify", "stage: design")
            + "approvals:\n  - {document: mou, partner: council, person: p-dir}\n"
        },
        "partners.yaml",
        10,
    ),
    ("PSP413", {"psp.yaml": PSP + "pilot: {start: 2026-04-01, end: 2026-12-31}\n"}, "psp.yaml", 6),
    ("PSP414", {"risks.yaml": risk(due="2026-06-01")}, "risks.yaml", 10),
    ("PSP415", {"milestones.yaml": milestones()}, "milestones.yaml", 4),
    (
        "PSP416",
        {
            "stakeholders.yaml": "stakeholders:\n"
            "  - {id: carers, name: Foster carers, interest: 4}\n"
        },
        "stakeholders.yaml",
        2,
    ),
    (
        "PSP417",
        {"options.yaml": OPTIONS.replace("name: Framework,", "name: Framework, do_nothing: true,")},
        "options.yaml",
        6,
    ),
    (
        "PSP418",
        {
            "benefits.yaml": "benefits:\n  - id: B1\n    title: Local placements\n"
            "    sroi: {quantity: 5, proxy: 6000, duration: 2}\n"
        },
        "benefits.yaml",
        4,
    ),
    (
        "PSP430",
        {
            "options.yaml": "options:\n  - id: O1\n    name: Framework\n    scores: {}\n"
            "    costs:\n      - {year: 0, capital: 1000}\n    optimism_bias: outsourcing\n"
        },
        "options.yaml",
        7,
    ),
    (
        "PSP431",
        {
            "options.yaml": "options:\n  - id: O1\n    name: Short\n    scores: {}\n"
            "    costs: [{year: 1, revenue: 10}]\n    optimism_bias: 10\n"
            "  - id: O2\n    name: Long\n    scores: {}\n"
            "    costs: [{year: 3, revenue: 10}]\n    optimism_bias: 10\n"
        },
        "options.yaml",
        2,
    ),
]
CREATE = PSP.replace("stage: identify", "stage: create")
DESIGN = PSP.replace("stage: identify", "stage: design")
CASES += [  # paper readiness (#14): each a gap a paper would show
    (
        "PSP501",
        {
            "psp.yaml": CREATE + "governance:\n  groups:\n"
            "    - {id: gg, name: Governance Group, cadence: quarterly, members: [council]}\n"
        },
        "psp.yaml",
        8,
    ),
    ("PSP502", {"psp.yaml": CREATE}, "partners.yaml", 2),
    (
        "PSP503",
        {
            "psp.yaml": DESIGN,
            "options.yaml": "criteria:\n  - {id: cost, name: Cost, weight: 1}\noptions:\n"
            "  - {id: O1, name: Lunch club, scores: {cost: 4}}\npreferred: O1\n",
        },
        "options.yaml",
        4,
    ),
    (
        "PSP504",
        {
            "psp.yaml": DESIGN,
            "risks.yaml": "risks:\n  - {id: A1, type: assumption, title: Funding continues, "
            "likelihood: 3, impact: 3, owner: p-pm}\n",
        },
        "risks.yaml",
        2,
    ),
    ("PSP505", {"psp.yaml": DESIGN}, "psp.yaml", 1),
    (
        "PSP506",
        {"psp.yaml": CREATE, "partners.yaml": PARTNERS.replace(", director_level: true", "")},
        "partners.yaml",
        2,
    ),
    (
        "PSP509",
        {
            "psp.yaml": DESIGN,
            "options.yaml": "options:\n  - {id: O1, name: Carry on, cost: 900, scores: {}}\n",
        },
        "options.yaml",
        1,
    ),
]
CASES += MEETING_CASES  # meetings.yaml and knowledge.yaml (#17)
LOGO = PSP + "branding:\n  logo: templates/logo.png\n"
CASES += [  # branding (#14): the logo is a PNG or JPEG inside the folder, not too large
    ("PSP601", {"psp.yaml": LOGO}, "psp.yaml", 7),
    ("PSP602", {"psp.yaml": LOGO, "templates/logo.png": "<svg/>"}, "psp.yaml", 7),
    ("PSP603", {"psp.yaml": LOGO, "templates/logo.png": png_header(6000, 40)}, "psp.yaml", 7),
    ("PSP604", {"psp.yaml": PSP + "branding:\n  colour: #005EB8\n"}, "psp.yaml", 7),
]


@pytest.mark.parametrize(
    ("code", "files", "file", "line"),
    CASES,
    ids=[f"{case[0]}-{i}" for i, case in enumerate(CASES)],
)
def test_code(tmp_path: Path, code: str, files: dict, file: str, line: int) -> None:
    root = make_project(
        tmp_path / "psp", **{k.replace(".yaml", "_yaml"): v for k, v in files.items()}
    )
    validation = check(root)
    found = [(d.code, d.severity, d.file, d.line) for d in validation.diagnostics]
    assert (code, CODES[code].severity, file, line) in found, validation.diagnostics


def test_every_code_has_a_case() -> None:
    tested = {case[0] for case in CASES} | {"PSP000", "PSP001", "PSP003", "PSP004"}
    assert tested == set(CODES)
