"""Editing the benefits register: a KPI measurement recorded, or corrected."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.edit.benefits import record_benefit
from tests.edit.helpers import blank_context
from tests.helpers import AS_OF


def test_benefit_record(commented: Path) -> None:
    added = record_benefit(commented, "B1", value=48.5, when=date(2026, 6, 30), as_of=AS_OF)
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
    first = record_benefit(commented, "B2", value=3, when=date(2026, 6, 30), as_of=AS_OF)
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
    again = record_benefit(commented, "B1", value=43, when=date(2026, 3, 31), as_of=AS_OF)
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
