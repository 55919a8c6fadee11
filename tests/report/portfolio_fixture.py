"""A portfolio of four partnerships made in the test, shared by the library and CLI tests.

- falkirk: the worked example as it is;
- grangemouth: a copy with R3 raised to 5 × 3 = 15 (red beside R7), M12 completed four days
  late, Education's budget cycle brought forward to 1 September 2011, two partners'
  names written differently ("Barnardos Scotland", "fca scotland"), and no September
  Governance Group planned yet (its quarterly cadence implies one);
- stirling: a copy with a schema error (R1's likelihood 7);
- larbert: a new folder from `psp init`, with nothing in it yet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.load.scaffold import init_project
from tests.helpers import copy_example

AS_OF = date(2011, 6, 30)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rename(folder: Path, name: str, slug: str) -> None:
    _edit(folder / "psp.yaml", "name: Falkirk Foster Care PSP", f"name: {name}")
    _edit(folder / "psp.yaml", "id: falkirk-foster-care", f"id: {slug}")


def make_portfolio(root: Path) -> Path:
    """The four partnerships under `root/partnerships`, with an `out/` and a `.venv` holding
    psp.yaml files that must not be found; returns `root`."""
    base = root / "partnerships"
    copy_example(base / "falkirk")

    grangemouth = copy_example(base / "forth-valley" / "grangemouth")
    _rename(grangemouth, "Grangemouth Foster Care PSP", "grangemouth-foster-care")
    risks = grangemouth / "risks.yaml"
    _edit(
        risks,
        "    owner: p-duncan\n    likelihood: 4\n    impact: 3\n",
        "    owner: p-duncan\n    likelihood: 5\n    impact: 3\n",
    )
    _edit(
        grangemouth / "milestones.yaml",
        "    depends_on: [M11]\n    completed: 2011-06-24\n",
        "    depends_on: [M11]\n    completed: 2011-06-28\n",
    )
    _edit(
        grangemouth / "sustainability.yaml",
        "status: identified, budget_cycle: 2012-02-16",
        "status: identified, budget_cycle: 2011-09-01",
    )
    _edit(grangemouth / "partners.yaml", "name: Barnardo's Scotland", "name: Barnardos Scotland")
    _edit(grangemouth / "partners.yaml", "name: FCA Scotland", "name: fca scotland")
    _edit(
        grangemouth / "meetings.yaml",
        '  - {id: GG-2011-09, group: governance-group, date: 2011-09-23, time: "10:00", '
        'location: "Falkirk Council, Municipal Buildings", agenda: [Final quarterly pilot '
        "review, Evaluation report, Full business case]}\n",
        "",
    )

    stirling = copy_example(base / "forth-valley" / "stirling")
    _rename(stirling, "Stirling Foster Care PSP", "stirling-foster-care")
    _edit(stirling / "risks.yaml", "    likelihood: 3\n", "    likelihood: 7\n")

    init_project(base / "larbert", "Larbert Befriending PSP")

    # papers rendered into a folder, and a virtual environment, are never partnerships
    copy_example(base / "falkirk" / "out" / "copy")
    copy_example(root / ".venv" / "lib" / "copy")
    return root
