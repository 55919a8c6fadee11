"""The editing operations, as golden diffs against a fixture full of comments, odd quoting and
flow mappings: each changes only the lines it must, or nothing at all."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psptool.check import validate
from psptool.errors import EditRefused, FileChanged, NothingToDo, RecordNotFound, UserError
from psptool.load import edit
from psptool.load.edit import next_id
from psptool.load.yamlfile import parse_yaml
from tests.helpers import copy_psp_folder

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "edit"
AS_OF = date(2026, 6, 30)


def blank_context(diff: str) -> str:
    """The diff with its blank context lines (a single space) as empty lines, since the
    expected diffs here are written without trailing whitespace; nothing else changes."""
    return "\n".join("" if line == " " else line for line in diff.split("\n"))


def every_check(root: Path) -> list:
    return validate(root, AS_OF, find=False).diagnostics


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "psp"
    copy_psp_folder(FIXTURE, root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir())}


def assert_written(root: Path, result: edit.EditResult, expected_diff: str) -> None:
    """The result's diff is exactly `expected_diff`, and it is what happened on disk."""
    assert blank_context(result.diff()) == expected_diff
    assert result.written
    for doc in result.documents:
        assert (root / doc.name).read_text(encoding="utf-8") == doc.text
        assert (FIXTURE / doc.name).read_text(encoding="utf-8") == doc.initial_text
    untouched = {doc.name for doc in result.documents}
    for name, content in snapshot(FIXTURE).items():
        if name not in untouched:
            assert (root / name).read_bytes() == content, name


def test_risk_add(folder: Path) -> None:
    result = edit.add_risk(
        folder,
        title="Funding: ends early",
        owner="p-dir",
        likelihood=2,
        impact=5,
        category="finance",
        review=date(2026, 9, 30),
        raised=date(2026, 6, 30),
        check=every_check,
    )
    assert_written(
        folder,
        result,
        """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -34,4 +34,15 @@
     actions: [
       {action: Ask them, owner: p-pm, due: 2026-08-01},
     ]
+
+  - id: R-003
+    type: risk
+    title: 'Funding: ends early'
+    category: finance
+    owner: p-dir
+    likelihood: 2
+    impact: 5
+    status: open
+    raised: 2026-06-30
+    review: 2026-09-30
 # end of the RAID log
""",
    )
    assert [str(c) for c in result.changes] == [
        "risks.yaml: R-003: added risk: Funding: ends early"
    ]
    assert [(w.code, w.message, w.line) for w in result.warnings] == [
        ("PSP403", "risk R-003 has no action", 38)
    ]


def test_risk_update(folder: Path) -> None:
    result = edit.update_risk(
        folder,
        "R-001",
        likelihood=4,
        impact=5,
        owner="p-dir",
        review=date(2026, 7, 31),
        status="closed",
        check=every_check,
    )
    assert_written(
        folder,
        result,
        """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -9,13 +9,13 @@
     description: >-
       Folded text that
       spans two lines.
-    owner:      p-pm          # aligned on purpose
-    likelihood: 3
-    impact:     4
+    owner:      p-dir         # aligned on purpose
+    likelihood: 4
+    impact:     5
     target: { likelihood: 2, impact: 3 }
-    status: open
+    status: closed
     raised: 2026-02-01
-    review: 2026-09-01
+    review: 2026-07-31
     actions:
       - {action: 'Agree terms', owner: p-pm, due: 2026-09-30, done: true}
       - action: "Write it down"
""",
    )
    assert [str(c) for c in result.changes] == [
        "risks.yaml: R-001: owner p-pm → p-dir",
        "risks.yaml: R-001: likelihood 3 → 4",
        "risks.yaml: R-001: impact 4 → 5",
        "risks.yaml: R-001: status open → closed",
        "risks.yaml: R-001: review 2026-09-01 → 2026-07-31",
    ]


def test_risk_update_to_the_same_values_changes_nothing(folder: Path) -> None:
    result = edit.update_risk(folder, "R-002", likelihood=2, status="open", check=every_check)
    assert (result.changes, result.documents, result.written) == ([], [], False)
    assert snapshot(folder) == snapshot(FIXTURE)


def test_risk_action_copies_the_style_of_the_actions_before(folder: Path) -> None:
    block = edit.add_risk_action(
        folder,
        "R-001",
        action="Chase: the board",
        owner="p-ceo",
        due=date(2026, 8, 31),
        check=every_check,
    )
    assert (
        blank_context(block.diff())
        == """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -21,6 +21,9 @@
       - action: "Write it down"
         owner: p-dir
         due: 2026-10-31
+      - action: 'Chase: the board'
+        owner: p-ceo
+        due: 2026-08-31

   # an assumption whose actions are a flow list over several lines
   - id: R-002
"""
    )
    flow = edit.add_risk_action(
        folder, "R-002", action="Ask again", owner="p-pm", due=date(2026, 9, 1), check=every_check
    )
    assert (
        blank_context(flow.diff())
        == """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -36,5 +36,6 @@
     review: 2026-09-15
     actions: [
       {action: Ask them, owner: p-pm, due: 2026-08-01},
+      {action: Ask again, owner: p-pm, due: 2026-09-01},
     ]
 # end of the RAID log
"""
    )


def test_risk_close(folder: Path) -> None:
    result = edit.close_risk(folder, "R-002", when=date(2026, 6, 30), check=every_check)
    assert_written(
        folder,
        result,
        """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -29,8 +29,10 @@
     owner: council
     likelihood: 2
     impact: 2
+    status: closed
     raised: 2026-03-01
     review: 2026-09-15
+    closed: 2026-06-30
     actions: [
       {action: Ask them, owner: p-pm, due: 2026-08-01},
     ]
""",
    )
    closed_twice = r"^R-002 is already closed \(on 2026-06-30\); nothing was changed$"
    with pytest.raises(NothingToDo, match=closed_twice):
        edit.close_risk(folder, "R-002", check=every_check)
    reopened = edit.update_risk(folder, "R-002", status="open", check=every_check)
    assert [str(c) for c in reopened.changes] == [
        "risks.yaml: R-002: status closed → open",
        "risks.yaml: R-002: closed 2026-06-30 → (none)",
    ]
    assert (folder / "risks.yaml").read_text().replace(
        "    status: open\n    raised: 2026-03", "    raised: 2026-03"
    ) == (FIXTURE / "risks.yaml").read_text()


def test_risk_escalate(folder: Path) -> None:
    result = edit.escalate_risk(folder, "R-001", when=date(2026, 6, 15), check=every_check)
    assert_written(
        folder,
        result,
        """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -4,18 +4,19 @@
 risks:   # keep this comment

   - id: R-001
-    type: risk                # risk | assumption | issue | dependency
+    type: issue               # risk | assumption | issue | dependency
     title: "Providers withdraw: before the pilot ends"
     description: >-
       Folded text that
       spans two lines.
     owner:      p-pm          # aligned on purpose
-    likelihood: 3
+    likelihood: 5
     impact:     4
     target: { likelihood: 2, impact: 3 }
     status: open
     raised: 2026-02-01
     review: 2026-09-01
+    escalated: 2026-06-15
     actions:
       - {action: 'Agree terms', owner: p-pm, due: 2026-09-30, done: true}
       - action: "Write it down"
""",
    )
    with pytest.raises(NothingToDo, match=r"^R-001 is already an issue; nothing was changed$"):
        edit.escalate_risk(folder, "R-001", check=every_check)


def test_milestone_done(folder: Path) -> None:
    result = edit.complete_milestone(folder, "M2", when=date(2026, 6, 5), check=every_check)
    assert_written(
        folder,
        result,
        """\
--- a/milestones.yaml
+++ b/milestones.yaml
@@ -10,6 +10,7 @@
     due: 2026-06-01
     owner: council
     depends_on: [ M1 ]
+    completed: 2026-06-05
     tasks:
       - { title: Agree referral route, owner: p-pm, due: 2026-05-15 }

""",
    )


def test_milestone_move_warns_about_dependants_now_due_before_it(folder: Path) -> None:
    result = edit.move_milestone(folder, "M2", due=date(2026, 10, 1), check=every_check)
    assert_written(
        folder,
        result,
        """\
--- a/milestones.yaml
+++ b/milestones.yaml
@@ -7,7 +7,7 @@

   - id: M2
     title: 'Pilot begins'
-    due: 2026-06-01
+    due: 2026-10-01
     owner: council
     depends_on: [ M1 ]
     tasks:
""",
    )
    assert [(w.code, w.message, w.line, w.column) for w in result.warnings] == [
        (
            "PSP302",
            "milestone M3 is due 2026-09-01 but depends on M2, due later (2026-10-01)",
            20,
            18,
        )
    ]


def test_milestone_move_warns_without_the_full_checks(folder: Path) -> None:
    result = edit.move_milestone(folder, "M1", due=date(2026, 7, 1), write=False)
    assert [w.message for w in result.warnings] == [
        "milestone M2 is due 2026-06-01 but depends on M1, due later (2026-07-01)"
    ]
    assert snapshot(folder) == snapshot(FIXTURE)


def test_benefit_record(folder: Path) -> None:
    added = edit.record_benefit(folder, "B1", value=48.5, when=date(2026, 6, 30), check=every_check)
    assert (
        blank_context(added.diff())
        == """\
--- a/benefits.yaml
+++ b/benefits.yaml
@@ -9,6 +9,7 @@
     owner: council
     measurements:
       - {date: 2026-03-31, value: 42}   # first quarter
+      - {date: 2026-06-30, value: 48.5}

   - id: B2
     title: Fewer moves    # not measured yet
"""
    )
    first = edit.record_benefit(folder, "B2", value=3, when=date(2026, 6, 30), check=every_check)
    assert (
        blank_context(first.diff())
        == """\
--- a/benefits.yaml
+++ b/benefits.yaml
@@ -14,3 +14,5 @@
   - id: B2
     title: Fewer moves    # not measured yet
     owner: charity
+    measurements:
+      - {date: 2026-06-30, value: 3}
"""
    )
    again = edit.record_benefit(folder, "B1", value=43, when=date(2026, 3, 31), check=every_check)
    assert (
        blank_context(again.diff())
        == """\
--- a/benefits.yaml
+++ b/benefits.yaml
@@ -8,7 +8,7 @@
     target_date: 2027-12-31
     owner: council
     measurements:
-      - {date: 2026-03-31, value: 42}   # first quarter
+      - {date: 2026-03-31, value: 43}   # first quarter
       - {date: 2026-06-30, value: 48.5}

   - id: B2
"""
    )
    assert [str(c) for c in again.changes] == [
        "benefits.yaml: B1: measurement of 2026-03-31 42 → 43"
    ]


def test_sign_mou(folder: Path) -> None:
    result = edit.sign(
        folder,
        document="mou",
        partner="charity",
        person="p-ceo",
        when=date(2026, 6, 30),
        check=every_check,
    )
    assert_written(
        folder,
        result,
        """\
--- a/psp.yaml
+++ b/psp.yaml
@@ -17,4 +17,5 @@
 approvals:
   # the council signed first
   - {document: mou, partner: council, person: p-dir, date: 2026-02-01}
+  - {document: mou, partner: charity, person: p-ceo, date: 2026-06-30}
 risk_matrix: {amber: 5, red: 15}
""",
    )
    signed = r"^charity has already signed the MoU on 2026-06-30; nothing was changed$"
    with pytest.raises(NothingToDo, match=signed):
        edit.sign(folder, document="mou", partner="charity", person="p-ceo", check=every_check)


def test_sign_for_another_partner_is_refused(folder: Path) -> None:
    with pytest.raises(EditRefused) as refused:
        edit.sign(
            folder, document="mou", partner="charity", person="p-pm", when=AS_OF, check=every_check
        )
    assert str(refused.value) == (
        "nothing was changed: the change would add 1 error:\n"
        "  psp.yaml:20:47: PSP211 p-pm signs the mou for charity but belongs to council"
    )
    assert refused.value.exit_code == 1
    assert snapshot(folder) == snapshot(FIXTURE)


def test_partner_add(folder: Path) -> None:
    result = edit.add_partner(
        folder,
        name="Housing Trust",
        sector="third",
        contribution="Homes: two flats",
        check=every_check,
    )
    assert_written(
        folder,
        result,
        """\
--- a/partners.yaml
+++ b/partners.yaml
@@ -14,4 +14,9 @@
     name: Charity
     sector: third
     people: [{id: p-ceo, name: "C. Chief", director_level: true, signatory: true}]
+
+  - id: housing-trust
+    name: Housing Trust
+    sector: third
+    contribution: 'Homes: two flats'
 # more partners may join after the pilot
""",
    )
    with pytest.raises(UserError, match=r"^partners\.yaml already has a person 'p-pm'"):
        edit.add_partner(folder, name="X", sector="public", record_id="p-pm", check=every_check)


def test_goal_add_copies_the_flow_style_of_the_goals_before(folder: Path) -> None:
    result = edit.add_goal(
        folder,
        title="Fewer moves",
        term="short",
        owner="charity",
        due=date(2027, 6, 30),
        baseline=3,
        target=1,
        unit="moves",
        check=every_check,
    )
    assert_written(
        folder,
        result,
        """\
--- a/goals.yaml
+++ b/goals.yaml
@@ -1,2 +1,3 @@
 goals:
   - {id: G1, title: 'Place more children locally', term: medium, owner: council}   # flow style
+  - {id: G2, title: Fewer moves, term: short, baseline: 3, target: 1, unit: moves, due: 2027-06-30, owner: charity}
""",  # noqa: E501
    )


def test_a_missing_file_starts_from_the_skeleton(folder: Path) -> None:
    (folder / "goals.yaml").unlink()
    edit.add_goal(folder, title="First goal", check=every_check)
    text = (folder / "goals.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/goals.schema.json\n")
    assert "\ngoals:\n  - id: G1\n    title: First goal\n# goals:\n" in text


# --- refusals -----------------------------------------------------------------------------


def test_an_edit_that_adds_an_error_is_refused_and_writes_nothing(folder: Path) -> None:
    with pytest.raises(EditRefused) as refused:
        edit.add_risk(folder, title="x", owner="nobdy", likelihood=3, impact=3, check=every_check)
    assert str(refused.value) == (
        "nothing was changed: the change would add 1 error:\n"
        "  risks.yaml:41:12: PSP202 risk R-003: owner 'nobdy' is not a partner or a person in "
        "partners.yaml"
    )
    assert [d.code for d in refused.value.errors] == ["PSP202"]
    assert snapshot(folder) == snapshot(FIXTURE)


def test_errors_already_there_do_not_block_an_edit(folder: Path) -> None:
    text = (folder / "risks.yaml").read_text().replace("owner: council", "owner: nobody")
    (folder / "risks.yaml").write_text(text)
    result = edit.update_risk(folder, "R-002", likelihood=4, check=every_check)
    assert [str(c) for c in result.changes] == ["risks.yaml: R-002: likelihood 2 → 4"]


def test_the_default_checks_are_the_loaders(folder: Path) -> None:
    with pytest.raises(EditRefused, match="PSP104 risk R-001: likelihood must be a whole"):
        edit.update_risk(folder, "R-001", likelihood=9)
    result = edit.update_risk(folder, "R-001", owner="nobody")  # a reference: not checked
    assert result.written


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda f: edit.update_risk(f, "R-01", likelihood=2),
            RecordNotFound,
            "there is no risk 'R-01' in risks.yaml; did you mean 'R-001'?",
        ),
        (
            lambda f: edit.update_risk(f, "R-001"),
            UserError,
            "nothing to update: give at least one of likelihood, impact, status, owner, review",
        ),
        (
            lambda f: edit.add_risk(f, title="x", likelihood=1, impact=1, record_id="R-002"),
            UserError,
            "risks.yaml already has a record 'R-002'",
        ),
        (
            lambda f: edit.complete_milestone(f, "M9"),
            RecordNotFound,
            "there is no milestone 'M9' in milestones.yaml; did you mean 'M3'?",
        ),
    ],
)
def test_bad_arguments(folder: Path, call, error: type, message: str) -> None:
    with pytest.raises(error) as raised:
        call(folder)
    assert str(raised.value) == message
    assert snapshot(folder) == snapshot(FIXTURE)


def test_no_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"^no PSP folder found: no psp\.yaml in"):
        edit.add_goal(tmp_path, title="x")


def test_a_file_saved_meanwhile_is_not_overwritten(folder: Path) -> None:
    session = edit.EditSession(folder, check=every_check)
    doc = session.document("risks.yaml")
    index = edit.find_record(doc, "risks", "R-001", "risk")
    session.set_field(doc, ("risks", index), "R-001", "likelihood", 5, edit.RISK_ORDER)
    saved = (folder / "risks.yaml").read_text() + "# a comment saved in an editor\n"
    (folder / "risks.yaml").write_text(saved)
    with pytest.raises(FileChanged, match=r"^risks\.yaml changed on disk since psp read it"):
        session.commit()
    assert (folder / "risks.yaml").read_text() == saved


def test_a_dry_run_checks_but_writes_nothing(folder: Path) -> None:
    result = edit.close_risk(folder, "R-001", when=date(2026, 6, 1), write=False)
    added = [line for line in result.diff().splitlines() if line.startswith("+ ")]
    assert not result.written and added == ["+    status: closed", "+    closed: 2026-06-01"]
    assert snapshot(folder) == snapshot(FIXTURE)


@pytest.mark.parametrize(
    ("ids", "like", "expected"),
    [
        ([], [], "R1"),
        (["R1", "R6"], [], "R7"),
        (["R-001", "R-007"], [], "R-008"),
        (["R-099"], [], "R-100"),
        (["RISK-9", "RISK-10", "A1"], [], "RISK-11"),
        (["R1", "R2", "A1"], ["A1"], "A2"),
        (["G1", "G2"], [], "G3"),
        (["G1", "G3"], [], "G4"),
        (["falkirk"], [], "R1"),
    ],
)
def test_next_id_follows_the_files_style(ids: list[str], like: list[str], expected: str) -> None:
    assert next_id(ids, "R", like=like) == expected


# --- properties ---------------------------------------------------------------------------

FAST = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(
    likelihood=st.integers(-2, 8),
    owner=st.sampled_from(["p-pm", "p-dir", "council", "nobody", "P-PM"]),
)
def test_an_update_loads_back_or_changes_nothing(folder: Path, likelihood: int, owner: str) -> None:
    before = snapshot(folder)
    try:
        edit.update_risk(folder, "R-002", likelihood=likelihood, owner=owner, check=every_check)
    except EditRefused:
        assert snapshot(folder) == before
        assert not 1 <= likelihood <= 5 or owner not in ("p-pm", "p-dir", "council")
        return
    data = parse_yaml((folder / "risks.yaml").read_text(), "risks.yaml").data
    assert data["risks"][1]["likelihood"] == likelihood
    assert data["risks"][1]["owner"] == owner
    text = (folder / "risks.yaml").read_text().splitlines()
    original = (FIXTURE / "risks.yaml").read_text().splitlines()
    assert [i for i, (a, b) in enumerate(zip(text, original, strict=True)) if a != b] in (
        [],
        [28],
        [29],
        [28, 29],
    )


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_action_text_loads_back(folder: Path, text: str) -> None:
    shutil.rmtree(folder)
    copy_psp_folder(FIXTURE, folder)
    try:
        edit.add_risk_action(
            folder, "R-001", action=text, owner="p-pm", due=date(2026, 9, 1), check=every_check
        )
    except EditRefused:
        # only text the schema refuses, such as blank text, may be refused
        assert snapshot(folder) == snapshot(FIXTURE)
        return
    data = parse_yaml((folder / "risks.yaml").read_text(), "risks.yaml").data
    assert data["risks"][0]["actions"][-1] == {"action": text, "owner": "p-pm", "due": "2026-09-01"}
