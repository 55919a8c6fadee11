"""Editing the goals: a SMART goal added, in the style of the goals before it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.edit.goals import add_goal
from tests.edit.helpers import assert_written
from tests.helpers import AS_OF


def test_goal_add_copies_the_flow_style_of_the_goals_before(commented: Path) -> None:
    result = add_goal(
        commented,
        title="Fewer moves",
        term="short",
        owner="charity",
        due=date(2027, 6, 30),
        baseline=3,
        target=1,
        unit="moves",
        as_of=AS_OF,
    )
    assert_written(
        commented,
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


def test_a_missing_file_starts_from_the_skeleton(commented: Path) -> None:
    (commented / "goals.yaml").unlink()
    add_goal(commented, title="First goal", as_of=AS_OF)
    text = (commented / "goals.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/goals.schema.json\n")
    assert "\ngoals:\n  - id: G1\n    title: First goal\n# goals:\n" in text
