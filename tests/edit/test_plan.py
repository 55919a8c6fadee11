"""Editing the plan: a milestone done, a milestone moved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.edit import Checker
from psptool.edit.plan import complete_milestone, move_milestone
from tests.edit.helpers import assert_written
from tests.helpers import AS_OF


def test_milestone_done(commented: Path) -> None:
    result = complete_milestone(commented, "M2", when=date(2026, 6, 5), as_of=AS_OF)
    assert_written(
        commented,
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


def test_milestone_move_warns_about_dependants_now_due_before_it(commented: Path) -> None:
    result = move_milestone(commented, "M2", due=date(2026, 10, 1), as_of=AS_OF)
    assert_written(
        commented,
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


def test_a_moves_warnings_are_those_psp_validate_then_gives(
    commented: Path, every_check: Checker
) -> None:
    result = move_milestone(commented, "M1", due=date(2026, 7, 1), as_of=AS_OF)
    assert [w.message for w in result.warnings] == [
        "milestone M2 is due 2026-06-01 but depends on M1, due later (2026-07-01)"
    ]
    assert result.warnings == [d for d in every_check(commented) if d.code == "PSP302"]


def test_moving_further_warns_again_with_the_new_date(commented: Path) -> None:
    move_milestone(commented, "M2", due=date(2026, 10, 1), as_of=AS_OF)
    again = move_milestone(commented, "M2", due=date(2026, 11, 2), as_of=AS_OF)
    assert [w.message for w in again.warnings] == [
        "milestone M3 is due 2026-09-01 but depends on M2, due later (2026-11-02)"
    ]
    # moved back into the past: no longer after M3, but overdue as at the as-of date
    back = move_milestone(commented, "M2", due=date(2026, 6, 1), as_of=AS_OF, write=False)
    assert [(w.code, w.message) for w in back.warnings] == [
        ("PSP415", "milestone M2 was due 2026-06-01 (29 days ago) and is not completed")
    ]
