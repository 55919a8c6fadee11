"""The chase list's measurements due by each KPI's cadence, and every sign-off the gates of
the stage and the stages before it still need, from whom the gate asks it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.load import load_project
from psptool.report.actions import chase_list
from tests.helpers import PSP, make_project

AS_OF = date(2026, 6, 30)
GROUPS = "governance:\n  groups:\n    - {id: board, name: Board, cadence: quarterly}\n"
BENEFITS = """\
benefits:
  - id: B1
    title: Fewer placements far away
    kpi: children placed outside the area
    owner: p-pm
    target_date: 2027-03-31
    measurements:
      - {date: 2026-03-31, value: 20}
      - {date: 2026-04-15, value: 19}
  - id: B2
    title: Carers recruited
    owner: p-ceo
    cadence: monthly
    target_date: 2027-03-31
    measurements:
      - {date: 2026-05-10, value: 3}
  - id: B3
    title: Measured when asked
    cadence: as_needed
    measurements:
      - {date: 2026-01-31, value: 1}
  - id: B4
    title: Not measured yet
    owner: p-pm
  - id: B5
    title: Done with
    target_date: 2026-03-31
    measurements:
      - {date: 2026-04-30, value: 8}
"""


def _items(root: Path, **kwargs: object) -> list[tuple[str, str, str, str, date | None, int]]:
    project = load_project(root, find=False).project
    chase = chase_list(project, AS_OF, **kwargs)  # type: ignore[arg-type]
    return [(i.owner_name, i.ref, i.kind, i.what, i.due, i.overdue_days) for i in chase.items]


def test_measurements_due_by_each_kpis_cadence(tmp_path: Path) -> None:
    psp = PSP.replace("stage: identify", "stage: identify") + GROUPS
    root = make_project(tmp_path, psp_yaml=psp, benefits_yaml=BENEFITS)
    # B1: quarterly (the board's cadence) after 15 April, 15 July; B2: monthly after
    # 10 May, 10 June, so 20 days late; B4: a quarter after the start, 1 April, 90 days
    # late; B3 is measured as needed and B5 was measured after its target date
    assert _items(root) == [
        ("B. Manager", "B4", "measurement", "Measure Not measured yet", date(2026, 4, 1), 90),
        (
            "B. Manager",
            "B1",
            "measurement",
            "Measure children placed outside the area",
            date(2026, 7, 15),
            0,
        ),
        ("C. Chief", "B2", "measurement", "Measure Carers recruited", date(2026, 6, 10), 20),
    ]


def test_a_monthly_governance_group_sets_the_default(tmp_path: Path) -> None:
    psp = PSP + GROUPS.replace("quarterly", "monthly")
    root = make_project(tmp_path, psp_yaml=psp, benefits_yaml=BENEFITS)
    dues = {ref: due for _name, ref, kind, _what, due, _late in _items(root)}
    assert dues == {"B1": date(2026, 5, 15), "B2": date(2026, 6, 10), "B4": date(2026, 2, 1)}


MILESTONES = """\
milestones:
  - {id: M1, title: MoU signed, stage: create, due: 2026-03-31}
  - {id: M2, title: Outline business case, stage: design, due: 2026-05-31}
  - {id: M3, title: Pilot ends, stage: pilot, due: 2026-07-20}
"""


def test_sign_offs_of_the_stage_and_before_from_whom_the_gate_asks(tmp_path: Path) -> None:
    approvals = (
        "approvals:\n"
        "  - {document: mou, partner: council, person: p-dir, date: 2026-03-20}\n"
        "  - {document: outline_business_case, partner: council, person: p-dir, date: 2026-05-20}\n"
        "  - {document: outline_business_case, partner: charity, person: p-ceo, date: 2026-05-21}\n"
        "  - {document: pilot_plan, partner: council, person: p-dir, date: 2026-05-20}\n"
    )
    psp = PSP.replace("stage: identify", "stage: pilot") + approvals
    root = make_project(tmp_path, psp_yaml=psp, milestones_yaml=MILESTONES)
    # the charity never signed the MoU (due with M1, overdue) nor the pilot plan; the full
    # business case is the lead partner's alone
    assert _items(root) == [
        (
            "A. Director",
            "",
            "sign-off",
            "Sign the full business case for Council",
            date(2026, 7, 20),
            0,
        ),
        ("C. Chief", "", "sign-off", "Sign the MoU for Charity", date(2026, 3, 31), 91),
        ("C. Chief", "", "sign-off", "Sign the pilot plan for Charity", date(2026, 7, 20), 0),
    ]


def test_the_sustainability_plan_is_the_funders_to_sign(tmp_path: Path) -> None:
    approvals = "approvals:\n" + "".join(
        f"  - {{document: {d}, partner: {p}, date: 2026-03-20}}\n"
        for d in ("mou", "outline_business_case", "pilot_plan")
        for p in ("council", "charity")
    )
    approvals += "  - {document: full_business_case, partner: council, date: 2026-05-01}\n"
    psp = PSP.replace("stage: identify", "stage: sustain") + approvals
    root = make_project(tmp_path, psp_yaml=psp)
    assert _items(root) == [
        ("A. Director", "", "sign-off", "Sign the sustainability plan for Council", None, 0)
    ]
