"""The folders the paper tests render: the worked example, and a sparse young partnership
with the gaps a real one has (few partners, no pilot dates, a risk without mitigation, a
governance group without a chair, a milestone due before the one it depends on)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import build_tree

# ruff: noqa: E501  (YAML lines as a partnership writes them)
SPARSE_AS_OF = "2026-06-30"
SPARSE_MEETING = "SG-1"
"""The sparse folder's meeting the agenda and minutes are rendered for."""

SPARSE: dict[str, str | bytes | None] = {
    "psp.yaml": """\
name: Riverside Lunch Club PSP
id: riverside-lunch
stage: design
start: 2026-01-01
end: 2027-12-31
currency: GBP
vision: Older people in Riverside eat well and in company.
governance:
  groups:
    - {id: steering, name: Steering Group, cadence: quarterly, members: [council, charity]}
roles:
  - {role: project_manager, person: p-pm}
approvals:
  - {document: mou, partner: council, person: p-dir, date: 2026-03-01}
""",
    "partners.yaml": """\
partners:
  - id: council
    name: Riverside Council
    sector: public
    lead: true
    potential_funder: true
    people:
      - {id: p-dir, name: Ann Director, title: Director of Adult Services, director_level: true, signatory: true}
      - {id: p-pm, name: Ben Manager, title: Service Manager}
  - id: charity
    name: Riverside Age Concern
    sector: third
    people:
      - {id: p-ceo, name: Cat Chief, title: Chief Executive, signatory: true}
""",
    "risks.yaml": """\
risks:
  - {id: R1, type: risk, title: Funding ends early, likelihood: 4, impact: 4, owner: p-pm}
  - {id: I1, type: issue, title: Referrals are slow, likelihood: 3, impact: 2}
""",
    "goals.yaml": """\
goals:
  - {id: G1, title: More older people eat a hot meal in company, term: short}
""",
    "benefits.yaml": """\
benefits:
  - {id: B1, title: Fewer older people eating alone, goal: G1, baseline: 30, target: 10, unit: "%"}
""",
    "milestones.yaml": """\
milestones:
  - {id: M1, title: Outline business case agreed, due: 2026-09-30, owner: council}
  - {id: M2, title: Tender issued, due: 2026-08-31, owner: p-pm, depends_on: [M1]}
""",
    "options.yaml": """\
criteria:
  - {id: cost, name: Cost, weight: 2}
  - {id: reach, name: Reaches the people most alone, weight: 3}
options:
  - {id: O0, name: Do nothing, do_nothing: true, scores: {cost: 5, reach: 1}}
  - {id: O1, name: Weekly lunch club in the community centre, cost: 20000, scores: {cost: 3, reach: 4}}
preferred: O1
""",
    "meetings.yaml": """\
meetings:
  - id: SG-1
    group: steering
    date: 2026-05-14
    status: held
    attendees: [p-dir, p-pm, p-ceo]
    agenda: [Options appraisal, Outline business case]
    decisions:
      - {id: D1, decision: Prefer the weekly lunch club, options: [O1]}
    actions:
      - {action: Draft the outline business case, owner: p-pm, due: 2026-07-31}
  - {id: SG-2, group: steering, date: 2026-08-20, agenda: [Outline business case]}
""",
    "stakeholders.yaml": """\
stakeholders:
  - {id: diners, name: Older people in Riverside, interest: 5, influence: 2}
communications:
  - {id: C1, audience: [diners], method: leaflet, frequency: quarterly, action: Come to a taster lunch, owner: p-pm}
""",
}
"""A young partnership at the design stage, with the gaps `psp validate` warns a paper will
show."""


def sparse_folder(root: Path) -> Path:
    """Write the sparse partnership's folder at `root` and return it."""
    return build_tree(root, SPARSE)
