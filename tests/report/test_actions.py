"""The chase list: every open item by owner, overdue first, within the window."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from psptool.load import load_project
from psptool.report.actions import chase_list
from tests.helpers import EXAMPLE, PSP, PspRunner, make_project

FOLDER = {
    "psp_yaml": PSP.replace("stage: identify", "stage: create")
    + "governance:\n  groups:\n    - {id: board, name: Board, cadence: quarterly}\n"
    + "roles:\n  - {role: sustainability_lead, person: p-pm}\n"
    + "approvals:\n  - {document: mou, partner: council, person: p-dir, date: 2026-05-01}\n",
    "risks_yaml": """\
risks:
  - id: R1
    type: risk
    title: Providers withdraw
    owner: p-pm
    likelihood: 3
    impact: 4
    review: 2026-07-10
    actions:
      - {action: Agree terms, owner: p-pm, due: 2026-06-01, done: true}
      - {action: Phone each provider, owner: p-ceo, due: 2026-06-20}
  - {id: R2, type: risk, title: Closed one, likelihood: 1, impact: 1, status: closed,
     actions: [{action: Ignored, owner: p-pm, due: 2026-01-01}]}
""",
    "milestones_yaml": """\
milestones:
  - id: M1
    title: MoU signed
    stage: create
    due: 2026-07-15
    tasks:
      - {title: Draft the MoU, owner: p-pm, due: 2026-09-01}
      - {title: Book the room, owner: p-pm}
""",
    "meetings_yaml": """\
meetings:
  - id: B-2026-06
    group: board
    date: 2026-06-10
    status: held
    attendees: [p-dir, p-ceo, p-pm]
    actions:
      - {action: Write to the funder, owner: p-dir, due: 2026-06-25}
      - {action: Circulate the minutes, owner: p-pm, due: 2026-06-17, done: true}
""",
    "knowledge_yaml": "transfers:\n  - {id: K1, topic: Tendering, owner: p-ceo, due: 2026-07-20}\n",
    "sustainability_yaml": """\
funders:
  - {id: F1, name: Council budget, budget_cycle: 2026-07-25}
  - {id: F2, name: Trust, budget_cycle: 2026-12-01}
""",
}
AS_OF = date(2026, 6, 30)


def _rows(root: Path, **kwargs: object) -> list[tuple[str, str, str, date | None, int]]:
    project = load_project(root, find=False).project
    chase = chase_list(project, AS_OF, **kwargs)  # type: ignore[arg-type]
    return [(i.owner_name, i.ref, i.kind, i.due, i.overdue_days) for i in chase.items]


def test_every_kind_of_item_by_owner_overdue_first(tmp_path: Path) -> None:
    assert _rows(make_project(tmp_path, **FOLDER)) == [
        ("A. Director", "B-2026-06.1", "meeting action", date(2026, 6, 25), 5),
        ("B. Manager", "R1", "risk review", date(2026, 7, 10), 0),
        ("B. Manager", "F1", "budget cycle", date(2026, 7, 25), 0),
        ("B. Manager", "M1.2", "task", None, 0),
        ("C. Chief", "R1.2", "risk action", date(2026, 6, 20), 10),
        ("C. Chief", "", "sign-off", date(2026, 7, 15), 0),
        ("C. Chief", "K1", "knowledge transfer", date(2026, 7, 20), 0),
    ]


def test_the_window_and_one_owner(tmp_path: Path) -> None:
    root = make_project(tmp_path, **FOLDER)
    assert _rows(root, within=5) == [
        ("A. Director", "B-2026-06.1", "meeting action", date(2026, 6, 25), 5),
        ("B. Manager", "M1.2", "task", None, 0),
        ("C. Chief", "R1.2", "risk action", date(2026, 6, 20), 10),
    ]
    assert [r[1] for r in _rows(root, owner="charity")] == ["R1.2", "", "K1"]
    # the closed risk's action and the trust's December budget are never listed here
    assert [r[1] for r in _rows(root, within=70, owner="p-pm")] == ["R1", "F1", "M1.1", "M1.2"]


def test_the_worked_example_as_at_the_june_meeting() -> None:
    project = load_project(EXAMPLE, find=False).project
    chase = chase_list(project, date(2011, 6, 30))
    assert [(name, [i.ref for i in items]) for name, items in chase.by_owner()] == [
        ("A. Morrison", ["GG-2011-06.3", "R4"]),
        ("J. Paterson", ["GG-2011-06.2", "R7.2"]),
        ("L. Baird", ["R1", "R11", "R7"]),
        ("S. Reid", ["GG-2011-06.1"]),
    ]
    assert chase.overdue == 0


def test_the_command_writes_markdown_csv_and_json(tmp_path: Path) -> None:
    root = make_project(tmp_path, **FOLDER)
    runner = PspRunner()
    args = ["report", "actions", str(root), "--as-of", "2026-06-30", "--owner", "p-ceo"]
    markdown = runner.invoke([*args, "--format", "markdown"])
    assert markdown.exit_code == 0
    assert markdown.output.splitlines() == [
        "**C. Chief**",
        "",
        "| Ref | What | Kind | Due | Overdue |",
        "|---|---|---|---|---|",
        "| R1.2 | Phone each provider | risk action | 2026-06-20 | 10 days |",
        "|  | Sign the MoU for Charity | sign-off | 2026-07-15 |  |",
        "| K1 | Tendering | knowledge transfer | 2026-07-20 |  |",
        "",
        "3 items for 1 owner as at 2026-06-30, 1 overdue; due up to 2026-07-30 (--within 30).",
    ]
    rows = list(csv.reader(io.StringIO(runner.invoke([*args, "--format", "csv"]).output)))
    assert rows[0] == ["Owner", "Owner id", "Ref", "Kind", "What", "Due", "Days overdue"]
    assert rows[1] == ["C. Chief", "p-ceo", "R1.2", "risk action", "Phone each provider",
                       "2026-06-20", "10"]  # fmt: skip
    assert len(rows) == 4
    document = json.loads(runner.invoke([*args, "--format", "json"]).output)
    assert (document["schema_version"], document["owner"], document["within"]) == (1, "p-ceo", 30)
    assert document["items"][0] == {
        "ref": "R1.2",
        "kind": "risk action",
        "what": "Phone each provider",
        "owner": "p-ceo",
        "owner_name": "C. Chief",
        "due": "2026-06-20",
        "overdue_days": 10,
    }


def test_an_unknown_owner_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, **FOLDER)
    result = PspRunner().invoke(["report", "actions", str(root), "--owner", "p-nobody"])
    assert result.exit_code == 2
    assert "--owner 'p-nobody' is not a partner or a person in partners.yaml" in result.output
