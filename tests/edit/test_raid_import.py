"""Reading back a RAID workbook edited in Excel: problems by sheet, row and column, a
three-way merge by entry, and a golden diff of what is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.edit.raid_import import apply_raid_import, plan_raid_import
from psptool.edit.risks import close_risk, update_risk
from psptool.errors import EditRefused, ImportRefused, UserError
from psptool.load.raid_layout import (
    RAID_COLUMNS,
    column_letter,
    fingerprint,
    record_fingerprint,
    risk_row,
    score_formula,
)
from tests.edit import raid_workbook as wb
from tests.edit.helpers import blank_context
from tests.helpers import AS_OF


@pytest.fixture
def book(commented: Path) -> Path:
    """The workbook `psp render raid` would write for the fixture folder."""
    return wb.build(commented.parent / "raid.xlsx", wb.records(commented))


def plan(book: Path, commented: Path):
    return plan_raid_import(book, commented, as_of=AS_OF)


def test_the_layout() -> None:
    assert [column_letter(i) for i in (0, 6, 25, 26, 701, 702)] == [
        "A",
        "G",
        "Z",
        "AA",
        "ZZ",
        "AAA",
    ]
    assert score_formula(7) == '=IF(COUNT(G7,H7)=2,G7*H7,"")'
    assert [c.header for c in RAID_COLUMNS][:9] == [
        "ID",
        "Type",
        "Title",
        "Description",
        "Category",
        "Owner",
        "Likelihood",
        "Impact",
        "Score",
    ]


def test_a_fingerprint_is_the_same_from_the_file_and_from_a_read_row(commented: Path) -> None:
    entry = wb.records(commented)[0]
    row = risk_row(entry)
    assert row["Description"] == "Folded text that spans two lines."
    assert row["Status"] == "open" and row["Target likelihood"] == 2
    assert record_fingerprint(entry) == "047582792494132b"
    assert fingerprint({**row, "Likelihood": 4}, []) != fingerprint(row, [])


def test_an_unchanged_workbook_has_no_differences(book: Path, commented: Path) -> None:
    result = plan(book, commented)
    assert (result.problems, result.differences, result.conflicts, result.notes) == (
        [],
        [],
        [],
        [],
    )
    assert apply_raid_import(result).changes == []


def test_edits_made_in_excel_are_shown_and_written(book: Path, commented: Path) -> None:
    wb.edit(
        book,
        {
            ("RAID log", "G2"): 4,
            ("RAID log", "L3"): "Closed",
            ("RAID log", "P3"): date(2026, 6, 30),
            ("Actions", "F3"): True,
        },
        RAID_log=[
            ["R-003", "risk", "Staff: leave", None, None, "p-dir", 2, 3, None, 1, 2, "open"],
        ],
        Actions=[
            ["R-002", None, "Phone the carers", "p-pm", date(2026, 7, 15)],
            ["R-003", None, "Plan cover", "p-dir", date(2026, 7, 31), False],
        ],
    )
    result = plan(book, commented)
    assert [(d.record, d.field, d.folder, d.workbook) for d in result.differences] == [
        ("R-001", "Likelihood", 3, 4),
        ("R-001", "action 2: Done", False, True),
        ("R-002", "Status", "open", "closed"),
        ("R-002", "Closed", None, "2026-06-30"),
        ("R-002", "new action", None, "Phone the carers"),
        ("R-003", "new entry", None, "Staff: leave"),
        ("R-003", "new action", None, "Plan cover"),
    ]
    before = (commented / "risks.yaml").read_text()
    written = apply_raid_import(result)
    assert (
        blank_context(written.diff())
        == """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -10,7 +10,7 @@
       Folded text that
       spans two lines.
     owner:      p-pm          # aligned on purpose
-    likelihood: 3
+    likelihood: 4
     impact:     4
     target: { likelihood: 2, impact: 3 }
     status: open
@@ -21,6 +21,7 @@
       - action: "Write it down"
         owner: p-dir
         due: 2026-10-31
+        done: true

   # an assumption whose actions are a flow list over several lines
   - id: R-002
@@ -29,9 +30,23 @@
     owner: council
     likelihood: 2
     impact: 2
+    status: closed
     raised: 2026-03-01
     review: 2026-09-15
+    closed: 2026-06-30
     actions: [
       {action: Ask them, owner: p-pm, due: 2026-08-01},
+      {action: Phone the carers, owner: p-pm, due: 2026-07-15},
     ]
+
+  - id: R-003
+    type: risk
+    title: 'Staff: leave'
+    owner: p-dir
+    likelihood: 2
+    impact: 3
+    target: {likelihood: 1, impact: 2}
+    status: open
+    actions:
+      - {action: Plan cover, owner: p-dir, due: 2026-07-31}
 # end of the RAID log
"""
    )
    assert [str(c) for c in written.changes] == [
        "risks.yaml: R-001: likelihood 3 → 4",
        "risks.yaml: R-001: action 2 done no → yes",
        "risks.yaml: R-002: status open → closed",
        "risks.yaml: R-002: closed (none) → 2026-06-30",
        "risks.yaml: R-002: added action: Phone the carers",
        "risks.yaml: R-003: added risk: Staff: leave",
    ]
    assert (commented / "risks.yaml").read_text() == written.documents[0].text != before
    again = plan(wb.build(book, wb.records(commented)), commented)
    assert again.differences == []


def test_cleared_cells_remove_values(book: Path, commented: Path) -> None:
    wb.edit(
        book,
        {
            ("RAID log", "D2"): None,
            ("RAID log", "J2"): None,
            ("RAID log", "K2"): None,
            ("RAID log", "F3"): "",
            ("Actions", "D2"): None,
        },
    )
    result = apply_raid_import(plan(book, commented))
    assert [str(c) for c in result.changes] == [
        "risks.yaml: R-001: description Folded text that spans two lines. → (none)",
        "risks.yaml: R-001: target {'likelihood': 2, 'impact': 3} → (none)",
        "risks.yaml: R-001: action 1 owner p-pm → (none)",
        "risks.yaml: R-002: owner council → (none)",
    ]
    assert (
        blank_context(result.diff())
        == """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -6,18 +6,14 @@
   - id: R-001
     type: risk                # risk | assumption | issue | dependency
     title: "Providers withdraw: before the pilot ends"
-    description: >-
-      Folded text that
-      spans two lines.
     owner:      p-pm          # aligned on purpose
     likelihood: 3
     impact:     4
-    target: { likelihood: 2, impact: 3 }
     status: open
     raised: 2026-02-01
     review: 2026-09-01
     actions:
-      - {action: 'Agree terms', owner: p-pm, due: 2026-09-30, done: true}
+      - {action: 'Agree terms', due: 2026-09-30, done: true}
       - action: "Write it down"
         owner: p-dir
         due: 2026-10-31
@@ -26,7 +22,6 @@
   - id: R-002
     type: assumption
     title: 'Carers stay: for now'
-    owner: council
     likelihood: 2
     impact: 2
     raised: 2026-03-01
"""
    )


def test_problems_are_reported_by_sheet_row_and_column(book: Path, commented: Path) -> None:
    wb.edit(
        book,
        {
            ("RAID log", "R1"): "Colour",
            ("RAID log", "R2"): "red",
            ("RAID log", "G3"): "high",
            ("RAID log", "H2"): "=2+2",
            ("RAID log", "N2"): "31/06/2026",
            ("RAID log", "K2"): None,
            ("Actions", "B4"): 5,
        },
        RAID_log=[[None, "risk", "Lost its id", None, None, "p-pm", 2, 2], ["R-004", "risk"]],
        Actions=[["R-009", None, "Nobody's", "p-pm"], ["R-001", None, None, "p-pm"]],
    )
    result = plan(book, commented)
    assert [str(p) for p in result.problems] == [
        "sheet 'RAID log', row 1, column R (Colour): unknown column; the columns are: ID, Type, "
        "Title, Description, Category, Owner, Likelihood, Impact, Score, Target likelihood, "
        "Target impact, Status, Raised, Review, Resolve by, Closed, Escalated",
        "sheet 'RAID log', row 2, column H (Impact): '=2+2' is a formula; type the value itself "
        "(psp reads what was typed, not what Excel last calculated)",
        "sheet 'RAID log', row 2, column K (Target impact): give both target scores or neither",
        "sheet 'RAID log', row 2, column N (Review): '31/06/2026' is not a date: enter a date, or "
        "type it as YYYY-MM-DD",
        "sheet 'RAID log', row 3, column G (Likelihood): 'high' is not a whole number from 1 to 5",
        "sheet 'RAID log', row 4, column A (ID): this row has no ID: put back the id of the entry "
        "it was, or give a new entry a new id (the next free one is R-005)",
        "sheet 'RAID log', row 5, column C (Title): this is empty; every entry needs its title",
        "sheet 'RAID log', row 5, column G (Likelihood): this is empty; every entry needs its "
        "likelihood",
        "sheet 'RAID log', row 5, column H (Impact): this is empty; every entry needs its impact",
        "sheet 'Actions', row 4, column B (No.): R-002 has 1 action in risks.yaml; leave No. "
        "empty for a new action",
        "sheet 'Actions', row 5, column A (Risk ID): there is no row for R-009 in the sheet "
        "'RAID log'",
        "sheet 'Actions', row 6, column C (Action): this is empty; every action needs its text",
    ]
    assert result.differences == []
    before = (commented / "risks.yaml").read_bytes()
    with pytest.raises(ImportRefused, match=r"^nothing was written: the workbook has 12 problems:"):
        apply_raid_import(result, force=True)
    assert (commented / "risks.yaml").read_bytes() == before


def test_missing_sheets_and_columns(book: Path, commented: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    del workbook["Actions"]
    workbook["RAID log"].delete_cols(3)
    workbook.save(book)
    assert [str(p) for p in plan(book, commented).problems] == [
        "sheet 'RAID log', row 1 (Title): the column is missing",
        "sheet 'Actions': the workbook has no sheet 'Actions'",
    ]


def test_columns_may_be_moved_and_the_score_column_is_ignored(book: Path, commented: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    raid = workbook["RAID log"]
    raid.move_range("A1:A3", cols=17)  # ID moves to the end
    raid.delete_cols(1)
    raid["H2"] = 999  # the score, typed over: ignored
    raid["G3"] = 5  # impact of R-002, now in column G
    workbook.save(book)
    result = plan(book, commented)
    assert result.problems == []
    assert [(d.record, d.field, d.workbook) for d in result.differences] == [("R-002", "Impact", 5)]


def test_a_workbook_from_an_older_folder_is_refused_naming_conflicts(
    book: Path, commented: Path
) -> None:
    update_risk(commented, "R-001", likelihood=5, as_of=AS_OF)  # changed in the folder
    update_risk(commented, "R-002", impact=3, as_of=AS_OF)  # changed in the folder only
    wb.edit(book, {("RAID log", "H2"): 5, ("Actions", "D4"): "p-dir"})  # R-001 and... R-002
    result = plan(book, commented)
    assert result.conflicts == ["R-001", "R-002"]
    assert [(d.record, d.field, d.folder, d.workbook, d.conflict) for d in result.differences] == [
        ("R-001", "Likelihood", 5, 3, True),
        ("R-001", "Impact", 4, 5, True),
        ("R-002", "Impact", 3, 2, True),
        ("R-002", "action 1: Owner", "p-pm", "p-dir", True),
    ]
    before = (commented / "risks.yaml").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        apply_raid_import(result)
    assert str(refused.value) == (
        "nothing was written: the workbook was made from an older state of the folder, and "
        "R-001 and R-002 changed both in the folder and in the workbook since; use --force to "
        "take the workbook's values for them"
    )
    assert (commented / "risks.yaml").read_bytes() == before
    forced = apply_raid_import(result, force=True)
    assert len(forced.changes) == 4


def test_entries_changed_only_in_the_folder_keep_the_folders_values(
    book: Path, commented: Path
) -> None:
    update_risk(commented, "R-002", impact=3, as_of=AS_OF)
    close_risk(commented, "R-001", when=AS_OF, as_of=AS_OF)
    wb.edit(book, {("RAID log", "C3"): "Carers stay"})  # R-002, whose impact the folder changed
    result = plan(book, commented)
    assert result.conflicts == ["R-002"]
    wb.edit(book, {("RAID log", "C3"): "Carers stay: for now"})
    result = plan(book, commented)
    assert (result.conflicts, result.differences) == ([], [])
    assert result.notes == [
        "R-001 changed in the folder since the workbook was made; the folder's values are kept",
        "R-002 changed in the folder since the workbook was made; the folder's values are kept",
    ]


def test_rows_and_actions_left_out_are_kept(book: Path, commented: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    workbook["RAID log"].delete_rows(3)
    workbook["Actions"].delete_rows(4)  # R-002's action
    workbook["Actions"].delete_rows(2)  # R-001's first action
    workbook.save(book)
    result = plan(book, commented)
    assert result.differences == [] and result.conflicts == []
    assert result.notes == [
        "R-001's action 1 is not in the workbook; it is kept (psp import never deletes an "
        "action: mark it done instead)",
        "R-002 is not in the workbook; it is left as it is (psp import never deletes an entry: "
        "close it instead)",
    ]


def test_an_entry_deleted_from_the_folder(book: Path, commented: Path) -> None:
    text = (commented / "risks.yaml").read_text()
    (commented / "risks.yaml").write_text(text[: text.index("  # an assumption")])
    assert plan(book, commented).notes == [
        "R-002 was deleted from the folder since the workbook was made; its row is left out"
    ]
    wb.edit(book, {("RAID log", "G3"): 4})
    result = plan(book, commented)
    assert result.conflicts == ["R-002"]
    assert [(d.record, d.field) for d in result.differences] == [
        ("R-002", "new entry"),
        ("R-002", "new action"),
    ]


def test_without_fingerprints_only_force_imports(book: Path, commented: Path) -> None:
    wb.build(book, wb.records(commented), meta=False)
    wb.edit(book, {("RAID log", "G3"): 4})
    result = plan(book, commented)
    assert not result.fingerprinted and result.needs_force
    with pytest.raises(ImportRefused, match="the workbook has no '_psp' sheet"):
        apply_raid_import(result)
    assert [str(c) for c in apply_raid_import(result, force=True).changes] == [
        "risks.yaml: R-002: likelihood 2 → 4"
    ]


def test_a_workbook_for_another_partnership_or_format(book: Path, commented: Path) -> None:
    wb.edit(book, {("_psp", "B2"): "psp-raid-0", ("_psp", "B3"): "other-psp"})
    assert [str(p) for p in plan(book, commented).problems] == [
        "sheet '_psp', row 2, column B (Value): the workbook's format is 'psp-raid-0'; this psp "
        "reads 'psp-raid-1'",
        "sheet '_psp', row 3, column B (Value): the workbook was made for the partnership "
        "'other-psp', not 'edit-test'",
    ]


def test_an_import_that_adds_errors_is_refused(book: Path, commented: Path) -> None:
    wb.edit(book, {("RAID log", "F2"): "nobody"})
    with pytest.raises(EditRefused, match="PSP202 risk R-001: owner 'nobody'"):
        apply_raid_import(plan(book, commented))


def test_not_a_workbook(commented: Path) -> None:
    text = commented.parent / "raid.xlsx"
    text.write_text("not a zip")
    with pytest.raises(UserError, match="cannot be read as an Excel workbook"):
        plan_raid_import(text, commented)
    with pytest.raises(UserError, match="is not a file"):
        plan_raid_import(commented.parent / "missing.xlsx", commented)


def test_owners_are_shown_by_name_and_read_back_as_ids(tmp_path: Path) -> None:
    """The rendered workbook shows each owner by name (#14); the import reads a name back
    as its id, so an unchanged workbook has no differences and a name typed in Excel
    changes the owner."""
    from openpyxl import load_workbook

    from psptool import validate
    from psptool.load.raid_layout import owner_labels
    from psptool.render.papers import render_paper
    from tests.helpers import copy_example

    as_of = date(2011, 6, 30)
    folder = copy_example(tmp_path / "falkirk")
    out = render_paper("raid", validate(folder, as_of), as_of, tmp_path / "raid.xlsx")
    book = load_workbook(out)
    raid, actions = book["RAID log"], book["Actions"]
    assert (raid["A2"].value, raid["F2"].value) == ("R1", "L. Baird")
    assert (actions["A2"].value, actions["D2"].value) == ("R1", "L. Baird")
    assert "p-baird" not in [c.value for row in raid.iter_rows() for c in row]
    unchanged = plan_raid_import(out, folder, as_of=as_of)
    assert (unchanged.problems, unchanged.differences) == ([], [])

    raid["F2"] = "S. Reid"  # another person, by name
    book.save(out)
    moved = plan_raid_import(out, folder, as_of=as_of)
    assert [(d.record, d.field, d.folder, d.workbook) for d in moved.differences] == [
        ("R1", "Owner", "p-baird", "p-reid")
    ]
    # a name two owners share is shown (and read) as the id
    assert owner_labels({"p-a": "A. Smith", "p-b": "A. Smith", "p-c": "C. Jones"}) == {
        "p-a": "p-a",
        "p-b": "p-b",
        "p-c": "C. Jones",
    }
