"""Editing the RAID log, as golden diffs against the `commented` folder: each edit changes
only the lines it must, or nothing at all."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psptool.edit.risks import add_risk, add_risk_action, close_risk, escalate_risk, update_risk
from psptool.errors import EditRefused, NothingToDo
from psptool.load.yamlfile import parse_yaml
from tests.edit.helpers import assert_written, blank_context, snapshot, unchanged
from tests.helpers import AS_OF, COMMENTED, copy_psp_folder


def test_risk_add(commented: Path) -> None:
    result = add_risk(
        commented,
        title="Funding: ends early",
        owner="p-dir",
        likelihood=2,
        impact=5,
        category="finance",
        review=date(2026, 9, 30),
        raised=date(2026, 6, 30),
        as_of=AS_OF,
    )
    assert_written(
        commented,
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
        (
            "PSP403",
            "risk R-003 has no action: the outline business case and the full business case "
            "list it with no mitigation",
            38,
        )
    ]


def test_risk_update(commented: Path) -> None:
    result = update_risk(
        commented,
        "R-001",
        likelihood=4,
        impact=5,
        owner="p-dir",
        review=date(2026, 7, 31),
        status="closed",
        as_of=AS_OF,
    )
    assert_written(
        commented,
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


def test_risk_update_to_the_same_values_changes_nothing(commented: Path) -> None:
    result = update_risk(commented, "R-002", likelihood=2, status="open", as_of=AS_OF)
    assert (result.changes, result.documents, result.written) == ([], [], False)
    assert unchanged(commented)


def test_risk_action_copies_the_style_of_the_actions_before(commented: Path) -> None:
    block = add_risk_action(
        commented,
        "R-001",
        action="Chase: the board",
        owner="p-ceo",
        due=date(2026, 8, 31),
        as_of=AS_OF,
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
    flow = add_risk_action(
        commented, "R-002", action="Ask again", owner="p-pm", due=date(2026, 9, 1), as_of=AS_OF
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


def test_risk_close(commented: Path) -> None:
    result = close_risk(commented, "R-002", when=date(2026, 6, 30), as_of=AS_OF)
    assert_written(
        commented,
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
        close_risk(commented, "R-002", as_of=AS_OF)
    reopened = update_risk(commented, "R-002", status="open", as_of=AS_OF)
    assert [str(c) for c in reopened.changes] == [
        "risks.yaml: R-002: status closed → open",
        "risks.yaml: R-002: closed 2026-06-30 → (none)",
    ]
    assert (commented / "risks.yaml").read_text().replace(
        "    status: open\n    raised: 2026-03", "    raised: 2026-03"
    ) == (COMMENTED / "risks.yaml").read_text()


def test_risk_escalate(commented: Path) -> None:
    result = escalate_risk(commented, "R-001", when=date(2026, 6, 15), as_of=AS_OF)
    assert_written(
        commented,
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
        escalate_risk(commented, "R-001", as_of=AS_OF)


# --- properties ---------------------------------------------------------------------------

FAST = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(
    likelihood=st.integers(-2, 8),
    owner=st.sampled_from(["p-pm", "p-dir", "council", "nobody", "P-PM"]),
)
def test_an_update_loads_back_or_changes_nothing(
    commented: Path, likelihood: int, owner: str
) -> None:
    before = snapshot(commented)
    try:
        update_risk(commented, "R-002", likelihood=likelihood, owner=owner, as_of=AS_OF)
    except EditRefused:
        assert snapshot(commented) == before
        assert not 1 <= likelihood <= 5 or owner not in ("p-pm", "p-dir", "council")
        return
    data = parse_yaml((commented / "risks.yaml").read_text(), "risks.yaml").data
    assert data["risks"][1]["likelihood"] == likelihood
    assert data["risks"][1]["owner"] == owner
    text = (commented / "risks.yaml").read_text().splitlines()
    original = (COMMENTED / "risks.yaml").read_text().splitlines()
    assert [i for i, (a, b) in enumerate(zip(text, original, strict=True)) if a != b] in (
        [],
        [28],
        [29],
        [28, 29],
    )


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_action_text_loads_back(commented: Path, text: str) -> None:
    shutil.rmtree(commented)
    copy_psp_folder(COMMENTED, commented)
    try:
        add_risk_action(
            commented, "R-001", action=text, owner="p-pm", due=date(2026, 9, 1), as_of=AS_OF
        )
    except EditRefused:
        # only text the schema refuses, such as blank text, may be refused
        assert unchanged(commented)
        return
    data = parse_yaml((commented / "risks.yaml").read_text(), "risks.yaml").data
    assert data["risks"][0]["actions"][-1] == {"action": text, "owner": "p-pm", "due": "2026-09-01"}
