"""Partnership folders the paper tests render: a sparse one made in the test, as a young
partnership's is (few partners, no pilot dates, missing mitigations and chairs, a milestone
due before the one it depends on), beside the worked example."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers import build_tree

SPARSE_AS_OF = date(2026, 6, 30)
SPARSE_MEETINGS = {"agenda": "SG-2", "minutes": "SG-1"}
"""The sparse folder's meetings its agenda (the next, planned) and minutes (the last held)
are rendered for."""

SPARSE = {
    "psp.yaml": """\
name: Riverside Carers PSP
id: riverside-carers
stage: design
start: 2026-01-01
end: 2027-12-31
vision: Carers get a break when they need one.
governance:
  groups:
    - {id: board, name: Partnership Board, cadence: quarterly, members: [council, charity]}
roles:
  - {role: project_manager, person: p-pm}
""",
    "partners.yaml": """\
partners:
  - id: council
    name: Riverside Council
    sector: public
    lead: true
    potential_funder: true
    people:
      - id: p-dir
        name: A. Director
        title: Director of Adult Services
        director_level: true
        signatory: true
      - {id: p-pm, name: B. Manager, title: Project Manager}
  - id: charity
    name: Carers Trust Riverside
    sector: third
    people:
      - {id: p-ceo, name: C. Chief, title: Chief Executive, director_level: true, signatory: true}
""",
    "risks.yaml": """\
risks:
  - {id: R1, type: risk, title: Respite places run out in the winter, likelihood: 4, impact: 4,
     owner: p-pm, review: 2026-05-01}
  - {id: I1, type: issue, title: Referrals from GP practices are slow, likelihood: 3, impact: 2}
""",
    "goals.yaml": """\
goals:
  - {id: G1, title: More carers get a regular break, term: short}
""",
    "milestones.yaml": """\
milestones:
  - {id: M1, title: Full business case agreed, due: 2026-12-31, owner: council}
  - {id: M2, title: Tender for respite services published, due: 2026-09-30, owner: council,
     depends_on: [M1]}
""",
    "options.yaml": """\
criteria:
  - {id: cost, name: Cost, weight: 2}
  - {id: reach, name: Carers reached, weight: 3}
options:
  - {id: O0, name: Do nothing, do_nothing: true, scores: {cost: 3, reach: 1}}
  - {id: O1, name: Shared respite booking line, cost: 20000, scores: {cost: 4, reach: 4}}
""",
    "meetings.yaml": """\
meetings:
  - id: SG-1
    group: board
    date: 2026-05-14
    status: held
    attendees: [p-dir, p-pm, p-ceo]
    agenda: [Options appraisal, Outline business case]
    decisions:
      - {id: D1, decision: Prefer the shared respite booking line, options: [O1]}
    actions:
      - {action: Draft the outline business case, owner: p-pm, due: 2026-07-31}
  - {id: SG-2, group: board, date: 2026-08-20, agenda: [Outline business case]}
""",
    "stakeholders.yaml": """\
stakeholders:
  - {id: carers, name: Unpaid carers, interest: 5, influence: 2}
communications:
  - {id: C1, audience: [carers], method: newsletter, frequency: quarterly}
""",
}
"""A partnership at the design stage that `psp validate` passes with warnings only: two
partners, a governance group without a chair, no pilot dates, risks without actions, an
issue without an owner, an overdue review, and a tender (M2) due before the business case
it depends on (PSP302); one meeting held and one planned."""


def sparse_folder(root: Path) -> Path:
    """Write the sparse partnership's folder at `root` and return it."""
    return build_tree(root, dict(SPARSE))
