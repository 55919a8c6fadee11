"""The RAID workbook: every entry with its score formula, dropdowns, RAG formatting, the
heat map, custom properties, and a round trip through psp import raid with no differences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from psptool.check import validate
from psptool.load.raid_layout import RAID_COLUMNS, record_fingerprint
from psptool.render.raid_workbook import content_hash, raid_records, render_raid
from tests.helpers import PspRunner

AS_OF = date(2011, 6, 30)


@pytest.fixture
def book(example: Path, tmp_path: Path):
    result = validate(example, AS_OF, find=False).result
    path = tmp_path / "raid.xlsx"
    render_raid(result, AS_OF, path, force=False, commit="abc123")
    return load_workbook(path), result


def test_every_entry_with_its_score_formula(book) -> None:
    workbook, result = book
    sheet = workbook["RAID log"]
    assert [c.value for c in sheet[1]] == [c.header for c in RAID_COLUMNS]
    ids = [sheet.cell(row=r, column=1).value for r in range(2, 14)]
    assert ids == [r.id for r in result.project.risks.risks]
    assert sheet["I2"].value == '=IF(COUNT(G2,H2)=2,G2*H2,"")'
    assert sheet["I13"].value == '=IF(COUNT(G13,H13)=2,G13*H13,"")'
    # a partner's new entry in a spare row is scored as psp's are
    assert sheet["I213"].value == '=IF(COUNT(G213,H213)=2,G213*H213,"")'
    assert sheet["I214"].value is None
    r7 = next(r for r in range(2, 14) if sheet.cell(row=r, column=1).value == "R7")
    assert (
        sheet.cell(row=r7, column=2).value,
        sheet.cell(row=r7, column=7).value,
        sheet.cell(row=r7, column=8).value,
    ) == ("issue", 5, 3)
    assert sheet["M2"].value.date() == date(2010, 6, 15)  # a real date
    assert sheet.freeze_panes == "C2"
    assert "RAID" in sheet.tables


def test_score_is_locked_and_inputs_are_not(book) -> None:
    sheet = book[0]["RAID log"]
    assert sheet.protection.sheet is True
    assert sheet["I2"].protection.locked is True
    assert sheet["G2"].protection.locked is False
    assert sheet["A100"].protection.locked is False  # spare rows for new entries


def test_dropdowns_and_rag_formatting(book) -> None:
    workbook, _ = book
    sheet = workbook["RAID log"]
    validations = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    assert validations["Lists!$A$2:$A$5"].startswith("B2:")  # type
    assert "Lists!$C$2:$C$6" in validations  # 1-5 scores
    assert workbook["Lists"].sheet_state == "hidden"
    rules = [
        (str(rng.sqref), r.operator, r.formula)
        for rng in sheet.conditional_formatting
        for r in rng.rules
    ]
    # the RAG colours and the overdue reviews run over the spare rows, as the dropdowns do
    others = "A2:H213 J2:Q213"  # the rest of the row
    assert rules == [
        ("I2:I213", None, ['$L2="closed"']),
        ("I2:I213", "greaterThanOrEqual", ["15"]),
        ("I2:I213", "between", ["5", "14"]),
        ("I2:I213", "lessThan", ["5"]),
        (others, None, ['$L2="closed"']),
        ("N2:N213", None, ['AND($L2="open",ISNUMBER(N2),N2<AsAt)']),
        ("O2:O213", None, ['AND($L2="open",ISNUMBER(O2),O2<AsAt)']),
    ]
    # a closed entry is grey, score and all, not its RAG colour; white text on red
    closed, red = (next(iter(sheet.conditional_formatting)).rules[i] for i in (0, 1))
    assert closed.stopIfTrue and closed.dxf.fill.bgColor.rgb == "00BFBFBF"
    assert closed.dxf.font.color.rgb == "00808080"
    assert (red.dxf.fill.bgColor.rgb, red.dxf.font.color.rgb) == ("00C00000", "00FFFFFF")
    heat = workbook["Heat map"]
    # R7 (likelihood 5, impact 3) in the top row of the grid, which starts on row 4
    assert heat["D4"].value == "R7" and heat["D4"].font.color.rgb == "00FFFFFF"  # on red
    # the axes in words and numbers, as the highlight report's map
    assert [heat.cell(row=r, column=1).value for r in range(3, 9)] == [
        "Likelihood / Impact", "Very high (5)", "High (4)", "Medium (3)", "Low (2)", "Very low (1)",
    ]  # fmt: skip
    assert [heat.cell(row=3, column=c).value for c in range(2, 7)] == [
        "Very low (1)", "Low (2)", "Medium (3)", "High (4)", "Very high (5)",
    ]  # fmt: skip
    # typed, not formulas: the sheet says so and when it was true
    # in words a reader can act on: a reader cannot "render" (#14 round 3)
    assert heat["A2"].value == (
        "A snapshot as at 30 June 2011: it does not change when the RAID log is edited."
    )
    # a key under the map names each id on it, highest score first: R7 scores 5 × 3
    assert heat["A10"].value == "Key"
    assert (heat["A11"].value, heat["B11"].value) == (
        "R7",
        "Fewer pilot placements than planned (likelihood 5, impact 3, score 15)",
    )
    scores = [
        str(dv.sqref)
        for dv in sheet.data_validations.dataValidation
        if dv.formula1 == "Lists!$C$2:$C$6"
    ]
    assert scores == ["G2:G213", "H2:H213", "J2:J213", "K2:K213"]
    assert [workbook["Lists"].cell(row=r, column=3).value for r in range(2, 7)] == [1, 2, 3, 4, 5]
    assert workbook.defined_names["AsAt"].attr_text == "DATE(2011,6,30)"
    actions = workbook["Actions"]
    (due,) = [
        (str(rng.sqref), r.formula) for rng in actions.conditional_formatting for r in rng.rules
    ]
    assert due[1] == ['AND($F2<>"yes",ISNUMBER(E2),E2<AsAt)'] and due[0].startswith("E2:E")


def test_dropdowns_refuse_other_values_and_prompt_in_english(book) -> None:
    # without showErrorMessage Excel takes any value, and without showInputMessage it never
    # shows the prompt
    workbook, _ = book
    prompts = set()
    for sheet in workbook.worksheets:
        for dv in sheet.data_validations.dataValidation:
            assert dv.showErrorMessage and dv.showInputMessage, dv.prompt
            prompts.add(dv.prompt)
    assert {"Choose an impact", "Choose a likelihood", "Choose an owner"} <= prompts


def test_actions_heat_map_and_properties(book) -> None:
    workbook, result = book
    actions = list(workbook["Actions"].iter_rows(min_row=2, values_only=True))
    expected = sum(len(r.actions) for r in result.project.risks.risks)
    assert len([a for a in actions if a[0]]) == expected
    heat = workbook["Heat map"]
    assert heat["D4"].value == "R7"  # likelihood 5, impact 3
    props = {p.name: p.value for p in workbook.custom_doc_props.props}
    assert props["psp.content_hash"] == content_hash(result)
    assert props["psp.commit"] == "abc123"
    meta = dict(workbook["_psp"].iter_rows(min_row=2, values_only=True))
    first = raid_records(result)[0]
    assert meta["risk R1"] == record_fingerprint(first)
    assert workbook["_psp"].sheet_state == "hidden"


def test_round_trip_through_import_has_no_differences(example: Path, runner: PspRunner) -> None:
    rendered = runner.invoke(["render", "raid", str(example), "--as-of", "2011-06-30"])
    assert rendered.exit_code == 0, rendered.output
    path = example / "out" / "raid-2011-06-30.xlsx"
    imported = runner.invoke(["import", "raid", str(path), "--project", str(example)])
    assert imported.exit_code == 0, imported.output
    assert "no differences" in imported.output


def test_an_edit_in_excel_comes_back(example: Path, runner: PspRunner) -> None:
    import difflib

    before = (example / "risks.yaml").read_text().splitlines()
    runner.invoke(["render", "raid", str(example), "--as-of", "2011-06-30"])
    path = example / "out" / "raid-2011-06-30.xlsx"
    workbook = load_workbook(path)
    workbook["RAID log"]["G2"] = 4  # R1's likelihood from 3 to 4
    workbook.save(path)
    result = runner.invoke(["import", "raid", str(path), "--project", str(example), "--apply"])
    assert result.exit_code == 0, result.output
    risks = validate(example, AS_OF, find=False).result.project.risks.risks
    assert next(r for r in risks if r.id == "R1").likelihood == 4
    after = (example / "risks.yaml").read_text().splitlines()
    changed = [
        line
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-    likelihood: 3", "+    likelihood: 4"]


def test_text_that_looks_like_a_formula_stays_text(
    example: Path, tmp_path: Path, runner: PspRunner
) -> None:
    risks = example / "risks.yaml"
    text = risks.read_text()
    risks.write_text(text.replace("title: ", 'title: "=HYPERLINK(\\"http://x\\",\\"y\\")" #', 1))
    milestones = example / "milestones.yaml"
    milestones.write_text(milestones.read_text().replace("title: ", 'title: "=1+1" #', 1))
    for kind in ("raid", "plan"):
        out = tmp_path / f"{kind}.xlsx"
        result = runner.invoke(
            ["render", kind, str(example), "--as-of", "2011-06-30", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
    raid = load_workbook(tmp_path / "raid.xlsx")["RAID log"]["C2"]
    assert (raid.value, raid.data_type) == ('=HYPERLINK("http://x","y")', "s")
    plan = load_workbook(tmp_path / "plan.xlsx")
    assert (plan["Milestones"]["B2"].value, plan["Milestones"]["B2"].data_type) == ("=1+1", "s")
    # the Gantt shows the Milestones sheet's text through psp's own formula, never runs it
    assert plan["Gantt"]["B4"].value == '=IF(Milestones!$A2="","",Milestones!$B2)'
    # and it reads back as the same text
    imported = runner.invoke(
        ["import", "raid", str(tmp_path / "raid.xlsx"), "--project", str(example)]
    )
    assert "no differences" in imported.output, imported.output


def test_each_column_keeps_its_style_and_spare_rows_stay_editable(book) -> None:
    workbook, result = book
    sheet = workbook["RAID log"]
    last = len(result.project.risks.risks) + 1
    title, score, raised = sheet.cell(row=2, column=3), sheet["I2"], sheet["M2"]
    assert (title.alignment.wrap_text, title.alignment.vertical) == (True, "top")
    assert title.protection.locked is False
    assert score.fill.fgColor.rgb == "00D9D9D9" and score.protection.locked is True
    assert score.alignment.vertical == "top" and score.data_type == "f"
    assert raised.number_format == "d mmmm yyyy" and raised.alignment.wrap_text is not True
    spare = sheet.cell(row=last + 1, column=3)
    assert spare.value is None and spare.protection.locked is False
    assert sheet.cell(row=last + 200, column=17).protection.locked is False
    below = sheet.cell(row=last + 1, column=9)  # the Score runs below the log, shaded, locked
    assert below.fill.fgColor.rgb == "00D9D9D9" and below.protection.locked is True
    assert sheet.max_row == last + 200
    actions = workbook["Actions"]
    # every action cell sits at the top of its row, beside the first line of a wrapped action
    assert actions["C2"].alignment.wrap_text is True and actions["A2"].alignment.vertical == "top"
    due = next(c for c in actions["E"][1:] if c.value is not None)
    assert due.number_format == "d mmmm yyyy"


def test_an_empty_log_still_has_its_first_row_and_spare_rows(example: Path, tmp_path: Path) -> None:
    (example / "risks.yaml").write_text("risks: []\n")
    result = validate(example, AS_OF, find=False).result
    path = tmp_path / "empty.xlsx"
    render_raid(result, AS_OF, path, force=False)
    sheet = load_workbook(path)["RAID log"]
    assert sheet["I2"].fill.fgColor.rgb == "00D9D9D9"
    assert sheet["I2"].value == '=IF(COUNT(G2,H2)=2,G2*H2,"")'
    assert sheet["A2"].protection.locked is False and sheet["A202"].protection.locked is False
    # a table even when empty, of its header and the note's row, as with entries (#14)
    assert sheet.max_row == 202 and sheet.tables["RAID"].ref == "A1:Q2"
    # a date typed in a spare row shows as the rows above show theirs: M is Raised
    assert sheet["M100"].number_format == "d mmmm yyyy" and sheet["A100"].number_format == "General"


def test_printed_point_size_by_hand() -> None:
    # (#14 C1) A3 landscape is 1190.55 points wide; with 0.75 inch margins 1082.55 points
    # are left for columns. The worked example's RAID log was 300 characters wide: 300 x
    # 6.1 = 1830 points, scaled to 1082.55 / 1830 = 59.2%, down to 59%: 11 points print at
    # 6.49 (the PDF measured 6.5). With narrow margins (0.25 inch: 1154.55 points) and 229
    # characters (1396.9 points) the scale is 82.6%, 82%: 9.02 points.
    from psptool.render.workbook import printed_point_size

    assert printed_point_size([300], "A3", 0.75) == pytest.approx(6.49)
    assert printed_point_size([100, 129], "A3", 0.25) == pytest.approx(9.02)
    assert printed_point_size([50], "A4") == 11  # never scaled up
    assert printed_point_size([], "A4") == 11


def test_raid_log_prints_readably_on_a3(book) -> None:
    # (#14 C1) at least 9 points, on A3 landscape one page wide, narrow margins, thin rules
    from psptool.render.workbook import READABLE, sheet_point_size

    sheet = book[0]["RAID log"]
    assert sum(c.width for c in RAID_COLUMNS) == 229
    assert sheet.page_setup.paperSize == 8  # A3
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert (sheet.page_margins.left, sheet.page_margins.right) == (0.25, 0.25)
    assert sheet_point_size(sheet) == pytest.approx(9.02)
    assert sheet_point_size(sheet) >= READABLE
    for cell in (sheet["C2"], sheet["M13"], book[0]["Actions"]["C2"]):
        assert (cell.border.left.style, cell.border.right.style) == ("thin", "thin")
        assert cell.border.left.color.rgb == "00BFBFBF"
    assert sheet["F2"].alignment.wrap_text is True  # an owner's name wraps


def test_empty_sheets_say_so_and_import_skips_the_note(tmp_path: Path) -> None:
    # (#14 C2) the sparse folder has no actions; a folder with no entries has an empty log
    from psptool.edit.raid_import import plan_raid_import
    from psptool.report.formatting import long_date
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    path = tmp_path / "raid.xlsx"
    render_raid(validate(folder, SPARSE_AS_OF, find=False).result, SPARSE_AS_OF, path, False)
    actions = load_workbook(path)["Actions"]
    assert date(2026, 6, 30) == SPARSE_AS_OF
    assert long_date(SPARSE_AS_OF) == "30 June 2026"
    # one wording on every empty sheet of every workbook (#14)
    assert actions["A2"].value == "No actions are recorded as at 30 June 2026."
    assert actions["A2"].font.i is True
    assert actions["A3"].value is None
    # the note runs across row 2, no title formula beside it
    assert actions["G2"].value is None
    result = plan_raid_import(path, folder, as_of=SPARSE_AS_OF)
    assert (result.problems, result.differences) == ([], [])

    (folder / "risks.yaml").write_text("risks: []\n", encoding="utf-8")
    render_raid(validate(folder, SPARSE_AS_OF, find=False).result, SPARSE_AS_OF, path, True)
    raid = load_workbook(path)["RAID log"]
    assert raid["A2"].value == (
        "No risks, issues, assumptions or dependencies are recorded as at 30 June 2026."
    )
    assert [raid.cell(row=3, column=c).value for c in (1, 3)] == [None, None]
    result = plan_raid_import(path, folder, as_of=SPARSE_AS_OF)
    assert (result.problems, result.differences) == ([], [])


def test_the_empty_note_is_told_from_an_entry() -> None:
    from psptool.load.raid_layout import is_empty_note

    assert is_empty_note("Actions", "No actions are recorded as at 1 May 2011.")
    assert is_empty_note("Actions", "No actions recorded as at 1 May 2011.")  # as before
    assert not is_empty_note("Actions", "No actions recorded as at .")
    assert not is_empty_note("Actions", "R1")
    assert not is_empty_note("RAID log", "No actions recorded as at 1 May 2011.")


def test_gaps_in_an_entry_say_not_set_and_import_reads_them_as_empty(tmp_path: Path) -> None:
    # (#14) the sparse folder's I1 has no owner; R1 and I1 no description, category, raised,
    # review (I1), resolve-by date or target: each such cell says "Not set", in grey
    # italics, and an import of the workbook as rendered finds nothing changed
    from psptool.edit.raid_import import plan_raid_import
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    path = tmp_path / "raid.xlsx"
    render_raid(validate(folder, SPARSE_AS_OF, find=False).result, SPARSE_AS_OF, path, False)
    sheet = load_workbook(path)["RAID log"]
    headers = [c.value for c in sheet[1]]
    row = {h: sheet.cell(row=3, column=i).value for i, h in enumerate(headers, 1)}
    assert (row["ID"], row["Owner"], row["Raised"], row["Resolve by"]) == (
        "I1", "Not set", "Not set", "Not set",
    )  # fmt: skip
    assert (row["Target likelihood"], row["Target impact"]) == ("Not set", "Not set")
    # neither R1 nor I1 has a description or category in the sparse risks.yaml: "Not set",
    # in grey italics, on both rows, as the other gaps (an import reads them as empty, below)
    for r in (2, 3):
        for header in ("Description", "Category"):
            cell = sheet.cell(row=r, column=headers.index(header) + 1)
            assert (cell.value, cell.font.i, cell.font.color.rgb) == ("Not set", True, "00808080")
    assert row["Closed"] is None  # an open entry is not closed: not a gap
    owner = sheet.cell(row=3, column=headers.index("Owner") + 1)
    assert owner.font.i is True and owner.font.color.rgb == "00808080"
    assert sheet.cell(row=2, column=headers.index("Owner") + 1).value == "B. Manager"
    result = plan_raid_import(path, folder, as_of=SPARSE_AS_OF)
    assert (result.problems, result.differences) == ([], [])


def test_each_action_shows_its_entrys_title(book) -> None:
    # (#14) the Actions sheet's last column gives the title of the entry each Risk ID names,
    # as text: the sheet prints as far as it is filled in (no fixed print area), so it holds
    # no formula that would have to run over its spare rows, printing them as empty pages;
    # a due date typed below is formatted by its column
    workbook, _ = book
    actions = workbook["Actions"]
    assert [c.value for c in actions[1]] == [
        "Risk ID", "No.", "Action", "Owner", "Due", "Done", "Title",
    ]  # fmt: skip
    assert actions["A2"].value == "R1"
    assert actions["G2"].value == (
        "Providers' time commitment out of proportion to the placements on offer"
    )  # R1's title in risks.yaml
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for c in actions["G"])
    assert actions["G100"].value is None and not actions.print_area
    assert actions.column_dimensions["E"].number_format == "d mmmm yyyy"
    assert workbook["RAID log"].print_area == "'RAID log'!$A$1:$Q$13"  # its Score formulas
    # R1's title takes two lines in the 46-character column: its rows are two lines tall
    # (2 × 11 × 1.16 + 3 = 28.5 points)
    assert actions.row_dimensions[2].height == 28.5


def test_a_name_spelt_as_its_own_id_is_shown() -> None:
    # (#14) a partner Fosterplus with the id fosterplus was shown as "fosterplus": its name
    # reads back to it all the same; a name spelt as another owner's id still is not shown
    from psptool.load.raid_layout import owner_ids, owner_labels

    names = {"fosterplus": "Fosterplus", "lb": "L. Baird", "x": "LB"}
    assert owner_labels(names) == {"fosterplus": "Fosterplus", "lb": "L. Baird", "x": "x"}
    assert owner_ids(names)["fosterplus"] == "fosterplus"


def test_the_pink_has_a_key_and_a_red_entry_without_action_is_said(tmp_path: Path) -> None:
    # (#14 round 3) the sparse folder's R1, likelihood 4 × impact 4 = 16 (Red from 15), is
    # open with no action, its review (1 May 2026) before 30 June 2026: the Actions page
    # says so once, at its foot under the key to its pink; the RAID log's foot keys its pink
    from psptool.edit.raid_import import plan_raid_import
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    path = tmp_path / "raid.xlsx"
    render_raid(validate(folder, SPARSE_AS_OF, find=False).result, SPARSE_AS_OF, path, False)
    book = load_workbook(path)
    raid, actions = book["RAID log"], book["Actions"]
    assert raid.oddFooter.center.text == (
        "Pink: the review or resolve-by date has passed and the entry is still open."
    )
    assert actions.oddFooter.center.text == (
        "Pink: the due date has passed and the action is not done. "
        "‘Respite places run out in the winter’ (score 16, Red) has no action; its review "
        "was due on 1 May 2026."
    )
    assert actions.oddFooter.center.size == 9
    # the sheet's name and page number stay at either side, the header as before
    assert (actions.oddFooter.left.text, actions.oddFooter.right.text) == ("&A", "Page &P of &N")
    assert actions.oddHeader.right.text == "RAID log as at 30 June 2026"
    # nothing is added to the rows: the import still finds nothing changed
    result = plan_raid_import(path, folder, as_of=SPARSE_AS_OF)
    assert (result.problems, result.differences) == ([], [])


def test_red_entries_without_action_counted_when_more_than_one(tmp_path: Path) -> None:
    # a second open Red entry with no action (5 × 3 = 15, Red from 15): one line counting
    # them, as the foot of a page holds two lines
    from psptool.render.raid_workbook import red_without_action
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    risks = folder / "risks.yaml"
    risks.write_text(
        risks.read_text()
        + "  - {id: R2, type: risk, title: Carers stop coming, likelihood: 5, impact: 3}\n"
    )
    result = validate(folder, SPARSE_AS_OF, find=False).result
    assert red_without_action(result, SPARSE_AS_OF) == [
        "2 open Red entries have no action still to do: see the RAID log (score 15 or more)."
    ]
    # the worked example's Red entries all have actions: nothing to say
    example = validate(Path("examples/falkirk-foster-care"), AS_OF, find=False).result
    assert red_without_action(example, AS_OF) == []
