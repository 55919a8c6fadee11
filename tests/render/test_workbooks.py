"""The plan, options and stakeholder workbooks, opened again and read cell by cell."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from psptool import analysis
from psptool.check import validate
from psptool.render.options_workbook import options_workbook
from psptool.render.plan_workbook import GANTT_FIRST_COLUMN, grid, plan_workbook
from psptool.render.stakeholder_workbook import stakeholder_workbook
from psptool.render.workbook import save
from tests.helpers import EXAMPLE, PspRunner

AS_OF = date(2011, 6, 30)


@pytest.fixture(scope="module")
def project():
    return validate(EXAMPLE, AS_OF, find=False).result.project


def _saved(workbook, tmp_path: Path, name: str):
    path = tmp_path / name
    save(workbook, path, force=False)
    return path, load_workbook(path)


def test_grid_weeks_and_months() -> None:
    unit, weeks = grid(date(2026, 1, 7), date(2026, 2, 1))
    assert unit == "week" and weeks[0] == (date(2026, 1, 5), date(2026, 1, 11))
    assert weeks[-1] == (date(2026, 1, 26), date(2026, 2, 1))
    unit, months = grid(date(2010, 2, 1), date(2012, 4, 30))
    assert unit == "month" and len(months) == 27
    assert months[0] == (date(2010, 2, 1), date(2010, 2, 28))


def test_plan_workbook(project, tmp_path: Path) -> None:
    plan = analysis.analyse_plan(project, AS_OF)
    _, book = _saved(plan_workbook(project, plan, AS_OF), tmp_path, "plan.xlsx")
    assert book.sheetnames == ["Milestones", "Tasks", "Gantt"]
    milestones = book["Milestones"]
    assert [c.value for c in milestones[1]] == [
        "ID",
        "Milestone",
        "Stage",
        "Owner",
        "Due",
        "Completed",
        "Slippage (days)",
        "State",
        "Depends on",
        "Critical",
        "Forecast",
        "Flag",
    ]
    m3 = [c.value for c in milestones[4]]
    assert m3[0] == "M3" and m3[6] == 12 and m3[7] == "done"
    assert milestones["E2"].value.date() == date(2010, 3, 26)  # a real date, not text
    assert milestones.freeze_panes == "A2"
    assert "Milestones" in milestones.tables
    gantt = book["Gantt"]
    # month columns from February 2010; M13 (row 16) runs from M12's completion to its due date
    assert gantt.cell(row=2, column=GANTT_FIRST_COLUMN).value.date() == date(2010, 2, 1)
    row = next(r for r in range(4, 20) if gantt.cell(row=r, column=1).value == "M13")
    assert gantt.cell(row=row, column=3).value.date() == date(2011, 6, 24)
    assert gantt.cell(row=row, column=4).value.date() == date(2011, 9, 30)
    rules = [rule.formula[0] for rng in gantt.conditional_formatting for rule in rng.rules]
    assert rules[2] == 'AND(AND(E$2<=$D4,E$3>=$C4),$AF4="forecast late")'
    assert rules[3] == "AND(E$2<=$D4,E$3>=$C4)"
    assert "DATE(2011,6,30)" in rules[4]


def _bar_columns(gantt, row: int) -> list[date]:
    """Evaluate the Gantt's bar rule in Python: the months whose cells are filled."""
    out = []
    col = GANTT_FIRST_COLUMN
    while gantt.cell(row=3, column=col).value is not None:
        first = gantt.cell(row=2, column=col).value.date()
        last = gantt.cell(row=3, column=col).value.date()
        start = gantt.cell(row=row, column=3).value.date()
        end = gantt.cell(row=row, column=4).value.date()
        if first <= end and last >= start:
            out.append(first)
        col += 1
    return out


def test_gantt_bars_fall_on_the_right_months(project, tmp_path: Path) -> None:
    plan = analysis.analyse_plan(project, AS_OF)
    _, book = _saved(plan_workbook(project, plan, AS_OF), tmp_path, "plan.xlsx")
    gantt = book["Gantt"]
    rows = {gantt.cell(row=r, column=1).value: r for r in range(4, 20)}
    assert _bar_columns(gantt, rows["M13"]) == [
        date(2011, 6, 1),
        date(2011, 7, 1),
        date(2011, 8, 1),
        date(2011, 9, 1),
    ]
    assert _bar_columns(gantt, rows["M1"]) == [date(2010, 2, 1), date(2010, 3, 1)]


def test_options_workbook(project, tmp_path: Path) -> None:
    appraisal = analysis.appraise_options(project)
    _path, book = _saved(options_workbook(project, appraisal, AS_OF), tmp_path, "options.xlsx")
    scores = book["Scores"]
    assert [c.value for c in scores[1]] == ["Criterion", "Name", "Weight", "O0", "O1", "O2", "O3"]
    assert scores["D8"].value == "=SUMPRODUCT($C$2:$C$6,D2:D6)"
    assert scores["G9"].value == "=ROUND(100*G8/(5*SUM($C$2:$C$6)),1)"
    assert [scores.cell(row=11, column=c).value for c in range(4, 8)] == [34, 62, 50, 78]
    sensitivity = book["Sensitivity"]
    assert [c.value for c in sensitivity[3]][:5] == ["time", "Time to implement", 1, 10, 57.1]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_options_formulas_recalculate_to_the_analysis_figures(project, tmp_path: Path) -> None:
    appraisal = analysis.appraise_options(project)
    path, _ = _saved(options_workbook(project, appraisal, AS_OF), tmp_path, "options.xlsx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    lines = (tmp_path / "options.csv").read_text(encoding="utf-8").splitlines()

    def figures(line: str) -> list[float]:
        return [float(x) for x in line.split(",")[3:]]

    assert figures(lines[7]) == [17, 31, 25, 39]
    assert figures(lines[8]) == [34, 62, 50, 78]
    assert figures(lines[9]) == [4, 2, 3, 1]


def test_stakeholder_workbook(project, tmp_path: Path) -> None:
    smap = analysis.map_stakeholders(project)
    _, book = _saved(stakeholder_workbook(project, smap, AS_OF), tmp_path, "s.xlsx")
    assert book.sheetnames == ["Map", "Stakeholders", "Communications"]
    grid_sheet = book["Map"]
    # influence 5 is row 2; interest 4 is column E: the Children's Commission
    assert grid_sheet["E2"].value.startswith("Falkirk Children's Commission")
    rows = list(book["Stakeholders"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 12 and rows[0][4] == "manage closely"
    comms = list(book["Communications"].iter_rows(min_row=2, values_only=True))
    assert len([r for r in comms if r[0]]) == 7


def test_cli_render_workbooks(example: Path, runner: PspRunner) -> None:
    for kind in ("plan", "options", "stakeholders"):
        result = runner.invoke(["render", kind, str(example), "--as-of", "2011-06-30"])
        assert result.exit_code == 0, result.output
        assert (example / "out" / f"{kind}-2011-06-30.xlsx").is_file()
    again = runner.invoke(["render", "plan", str(example), "--as-of", "2011-06-30"])
    assert again.exit_code == 2


def test_options_workbook_carries_the_economic_case(project, tmp_path: Path) -> None:
    from psptool.analysis.economics import economic_case

    appraisal = analysis.appraise_options(project)
    _, book = _saved(options_workbook(project, appraisal, AS_OF), tmp_path, "options.xlsx")
    rows = {r[0]: r for r in book["Economic case"].iter_rows(min_row=2, values_only=True) if r[0]}
    case = {o.id: o for o in economic_case(project).options}
    # the headline against doing nothing (O0): NPSV 627,294 and BCR 4.44
    # (tests/analysis/test_economics_appraisal.py works them by hand), then O3's own figures
    assert rows["O3"][4] == round(case["O3"].relative_after.npv) == 627294
    assert rows["O3"][5] == 4.44 and rows["O3"][6] == "pays for itself"
    assert rows["O3"][7:11] == (344.2, -77.5, 1, 1)
    assert rows["O3"][16] == round(case["O3"].after_optimism.npv) == 536993
    assert rows["O3"][17] == round(case["O3"].after_optimism.bcr, 2) == 2.97
    assert rows["O0"][2:5] == (0, 0, 0)
    assert any(str(k).startswith("The headline is each option against doing nothing") for k in rows)


def test_shared_styles_and_appended_rows_save_as_set_cell_by_cell(tmp_path: Path) -> None:
    from openpyxl.styles import Alignment, Protection

    from psptool.render.workbook import append_row, cell_style, new_workbook, put

    workbook = new_workbook()
    by_cell, shared = workbook.create_sheet("by cell"), workbook.create_sheet("shared")
    values = ["=1+1", date(2026, 6, 30), 3, None, "=A1*2"]
    for c, value in enumerate(values, 1):
        cell = put(by_cell, 1, c, value) if c < 5 else by_cell.cell(row=1, column=c, value=value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.protection = Protection(locked=False)
        if c == 2:
            cell.number_format = "dd/mm/yyyy"
    style = cell_style(
        shared,
        alignment=Alignment(wrap_text=True, vertical="top"),
        protection=Protection(locked=False),
    )
    dated = cell_style(
        shared,
        alignment=Alignment(wrap_text=True, vertical="top"),
        protection=Protection(locked=False),
        number_format="dd/mm/yyyy",
    )
    append_row(shared, values, [style, dated, style, style, style], formulas=(4,))
    append_row(shared, [None, "x"], [None, style])
    _, book = _saved(workbook, tmp_path, "styles.xlsx")
    first, second = book["by cell"], book["shared"]
    for c in range(1, 6):
        a, b = first.cell(row=1, column=c), second.cell(row=1, column=c)
        assert (a.value, a.data_type, a.number_format, a.style_id) == (
            b.value,
            b.data_type,
            b.number_format,
            b.style_id,
        )
        assert b.alignment.wrap_text and b.protection.locked is False
    # text from the folder stays text; only the formula places hold formulas
    assert [second.cell(row=1, column=c).data_type for c in (1, 5)] == ["s", "f"]
    assert second["A2"].value is None and second["A2"].has_style is False
    assert second["B2"].value == "x" and second["B2"].protection.locked is False


def test_fit_row_heights_reads_only_the_wrapped_columns() -> None:
    from psptool.render.workbook import fit_row_heights, new_workbook

    workbook = new_workbook()
    sheet = workbook.create_sheet("s")
    sheet.append(["id", "title", "n"])
    sheet.append(["R1", "x" * 50, 1])
    sheet.append(["R2", "short", 2])
    fit_row_heights(sheet, {2: 21, 9: 30})  # a width for a column past the last is ignored
    assert sheet.row_dimensions[2].height == 45 and sheet.row_dimensions[3].height is None
    assert sheet.max_column == 3
    fit_row_heights(sheet, {})


def test_workbooks_name_owners_as_the_papers_do(tmp_path: Path) -> None:
    # a partner reads as its name, a person as theirs (without the partner), and an owner
    # that is neither (a PSP202 error) as its id; the plan and the stakeholder workbooks
    # share report.people.owner_names
    from tests.helpers import make_project

    milestones = """\
milestones:
  - id: M1
    title: MoU signed
    due: 2026-05-01
    owner: council
    tasks:
      - {title: Draft the MoU, owner: p-pm}
      - {title: Book the room, owner: nobody}
      - {title: Agree the date}
  - {id: M2, title: Pilot begins, due: 2026-10-01, owner: p-ceo}
"""
    stakeholders = """\
stakeholders:
  - {id: S1, name: Carers, interest: 5, influence: 2}
communications:
  - {id: C1, audience: [S1], owner: charity}
  - {id: C2, audience: [S1], owner: p-dir}
  - {id: C3, audience: [S1]}
"""
    root = make_project(tmp_path, milestones_yaml=milestones, stakeholders_yaml=stakeholders)
    project = validate(root, date(2026, 6, 30), find=False).result.project
    plan = analysis.analyse_plan(project, date(2026, 6, 30))
    _, book = _saved(plan_workbook(project, plan, date(2026, 6, 30)), tmp_path, "plan.xlsx")
    owners = [r[3] for r in book["Milestones"].iter_rows(min_row=2, values_only=True)]
    assert owners == ["Council", "C. Chief"]
    tasks = [r[2] for r in book["Tasks"].iter_rows(min_row=2, values_only=True)]
    assert tasks == ["B. Manager", "nobody", None]
    smap = analysis.map_stakeholders(project)
    _, book = _saved(stakeholder_workbook(project, smap, date(2026, 6, 30)), tmp_path, "s.xlsx")
    comms = [r[6] for r in book["Communications"].iter_rows(min_row=2, values_only=True)]
    assert comms == ["Charity", "A. Director", None]
