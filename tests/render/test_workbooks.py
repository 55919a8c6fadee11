"""The plan, options and stakeholder workbooks, opened again and read cell by cell."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from psptool import analysis
from psptool.analysis.plan import milestone_standings
from psptool.check import validate
from psptool.render.options_workbook import options_workbook
from psptool.render.plan_workbook import GANTT_FIRST_COLUMN, grid, plan_workbook
from psptool.render.stakeholder_workbook import stakeholder_workbook
from psptool.render.workbook import save
from psptool.report.formatting import long_date
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
    assert book.sheetnames == ["Milestones", "Tasks", "Gantt", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    (stages,) = book["Milestones"].data_validations.dataValidation
    assert (str(stages.sqref), stages.formula1) == ("C2:C217", "Lists!$A$2:$A$7")
    # an overdue milestone, and a task past its date and not done, are shaded
    rules = [
        (str(f.sqref), r.formula)
        for f in book["Milestones"].conditional_formatting
        for r in f.rules
    ]
    # and a forecast past the due date, and its flag, are orange, as the Gantt's bar
    assert rules == [
        ("H2:H217", ['H2="Late"']),
        ("H2:H217", ['OR(H2="Held up",H2="Forecast late")']),
        ("K2:K217", ["AND(ISNUMBER(K2),ISNUMBER(E2),K2>E2)"]),
        ("L2:L217", ['L2<>""']),
    ]
    (late,) = [
        (str(f.sqref), r.formula) for f in book["Tasks"].conditional_formatting for r in f.rules
    ]
    assert late[1] == ['AND($E2<>"yes",ISNUMBER(D2),D2<AsAt)'] and late[0].startswith("D2:D")
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
    # slippage and state are formulas of the row's dates and the as-at date
    assert m3[0] == "M3" and m3[6] == (
        '=IF(A4="","",IF(ISNUMBER(F4),IF(ISNUMBER(E4),F4-E4,""),'
        'IF(AND(ISNUMBER(E4),E4<AsAt),AsAt-E4,"")))'
    )
    # in words, as milestone_standing gives it (#14 C6): held up while M2 (row 3), which
    # it depends on, is not done and due or forecast after it
    assert m3[7] == (
        '=IF(A4="","",IF(ISNUMBER(F4),"Done",IF(NOT(ISNUMBER(E4)),"No date",'
        'IF(E4<AsAt,"Late",IF(AND(NOT(ISNUMBER(F3)),MAX(E3,K3)>E4),"Held up",'
        'IF(AND(ISNUMBER(K4),K4>E4),"Forecast late",'
        'IF(E4<=DATE(2011,9,30),"On track","Not yet due")))))))'
    )
    # M5 (row 6) waits for two: M3 and M4 (rows 4 and 5)
    assert "IF(OR(AND(NOT(ISNUMBER(F4)),MAX(E4,K4)>E6),AND(NOT(ISNUMBER(F5)),MAX(E5,K5)>E6))," in (
        milestones["H6"].value
    )
    assert milestones["H217"].value == (
        '=IF(A217="","",IF(ISNUMBER(F217),"Done",IF(NOT(ISNUMBER(E217)),"No date",'
        'IF(E217<AsAt,"Late",IF(AND(ISNUMBER(K217),K217>E217),"Forecast late",'
        'IF(E217<=DATE(2011,9,30),"On track","Not yet due"))))))'
    )
    # the forecast and the flag are formulas too, of the dates of M3 (row 4) and of M2
    # (row 3), which it depends on
    assert m3[10] == (
        '=IF(A4="","",IF(ISNUMBER(F4),"",IF(NOT(ISNUMBER(E4)),"",MAX(E4,AsAt,'
        "IF(ISNUMBER(E3),IF(ISNUMBER(F3),F3,IF(ISNUMBER(K3),K3,0))+MAX(E4-E3,0),0)))))"
    )
    assert m3[11] == (
        '=IF(OR(A4="",ISNUMBER(F4),NOT(ISNUMBER(E4))),"",IF(AND(ISNUMBER(E3),E3>E4),'
        '"due before "&B3&", which it depends on",IF(AND(ISNUMBER(K4),K4>E4),'
        '"forecast "&IF(K4-E4=1,"1 day",(K4-E4)&" days")&" late","")))'
    )
    assert milestones["K217"].value == (
        '=IF(A217="","",IF(ISNUMBER(F217),"",IF(NOT(ISNUMBER(E217)),"",MAX(E217,AsAt))))'
    )
    assert milestones["G217"].value.startswith('=IF(A217="","",')  # the last spare row
    assert milestones["G218"].value is None
    assert book.defined_names["AsAt"].attr_text == "DATE(2011,6,30)"
    assert milestones["E2"].value.date() == date(2010, 3, 26)  # a real date, not text
    assert milestones.freeze_panes == "A2"
    assert "Milestones" in milestones.tables
    gantt = book["Gantt"]
    # month columns from February 2010; M13 (row 16) runs from M12's end to its own
    assert gantt.cell(row=2, column=GANTT_FIRST_COLUMN).value.date() == date(2010, 2, 1)
    assert [gantt.cell(row=16, column=c).value for c in range(1, 5)] == [
        '=IF(Milestones!$A14="","",Milestones!$A14)',
        '=IF(Milestones!$A14="","",Milestones!$B14)',
        "=MIN(MAX($D15),$D16)",
        '=IF(Milestones!$A14="","",IF(ISNUMBER(Milestones!$F14),Milestones!$F14,'
        "IF(ISNUMBER(Milestones!$K14),MAX(Milestones!$E14,Milestones!$K14),Milestones!$E14)))",
    ]
    assert gantt["C4"].value.date() == date(2010, 2, 1)  # M1 starts with the partnership
    rules = [
        (str(rng.sqref), r.formula[0]) for rng in gantt.conditional_formatting for r in rng.rules
    ]
    assert rules[:4] == [
        ("E4:AE219", f'AND(AND(E$2<=$D4,E$3>=$C4),$AF4="{state}")')
        for state in ("Late", "Done", "Held up", "Forecast late")
    ]
    assert [fill.bgColor.rgb for fill in _rule_fills(gantt)[:4]] == [
        "00C00000",  # red
        "00A9D08E",  # green
        "007030A0",  # purple
        "00ED7D31",  # orange
    ]
    assert rules[4] == ("E4:AE219", "AND(E$2<=$D4,E$3>=$C4)")  # the spare rows too
    assert rules[5] == ("E4:AE219", "AND(E$2<=AsAt,E$3>=AsAt)")
    # the Gantt's state is the Milestones sheet's, and ◆ marks the month M1 is due in
    assert gantt["AF4"].value == '=IF(Milestones!$A2="","",Milestones!$H2)'
    assert gantt["E4"].value == (
        '=IF(AND(ISNUMBER(Milestones!$E2),E$2<=Milestones!$E2,E$3>=Milestones!$E2),"◆","")'
    )
    assert gantt["E20"].value is None  # the spare rows have no mark
    assert (gantt.print_title_rows, gantt.print_title_cols) == ("$2:$2", "$A:$D")
    # the caption sits above the month labels, within the first four columns; titles wrap
    assert gantt["A1"].value == (
        "Gantt chart by month; today (30 June 2011) is marked, and ◆ each milestone's due "
        "date. Blue: on track or not yet due, green: done, red: late, orange: forecast late, "
        "purple: held up by a milestone it depends on (see Flag)."
    )
    assert "A1:D1" in {str(r) for r in gantt.merged_cells.ranges}
    assert gantt.row_dimensions[2].height == 36 and gantt["B4"].alignment.wrap_text
    assert gantt.row_dimensions[4].height == 28  # M1's title takes two lines


def _rule_fills(sheet) -> list:
    return [r.dxf.fill for rng in sheet.conditional_formatting for r in rng.rules]


def _end(milestones, row: int) -> date:
    """The Gantt's End of the milestone on row `row` of Milestones: completed, else due."""
    return (
        milestones.cell(row=row, column=6).value or milestones.cell(row=row, column=5).value
    ).date()


def _bar_columns(book, row: int) -> list[date]:
    """Evaluate the Gantt's formulas and its bar rule in Python: the months whose cells are
    filled on Gantt row `row`."""
    gantt, milestones = book["Gantt"], book["Milestones"]
    start = gantt.cell(row=row, column=3).value
    if isinstance(start, str):  # =MIN(MAX($D15,...),$D16): the latest end of the rows it
        # names, never after the milestone's own end
        named = start[start.index("MAX(") + 4 : start.index(")")]
        start = min(
            max(_end(milestones, int(ref[2:]) - 2) for ref in named.split(",")),
            _end(milestones, row - 2),
        )
    else:
        start = start.date()
    end = _end(milestones, row - 2)
    out = []
    col = GANTT_FIRST_COLUMN
    while gantt.cell(row=3, column=col).value is not None:
        first = gantt.cell(row=2, column=col).value.date()
        last = gantt.cell(row=3, column=col).value.date()
        if first <= end and last >= start:
            out.append(first)
        col += 1
    return out


def test_gantt_bars_fall_on_the_right_months(project, tmp_path: Path) -> None:
    plan = analysis.analyse_plan(project, AS_OF)
    _, book = _saved(plan_workbook(project, plan, AS_OF), tmp_path, "plan.xlsx")
    milestones = book["Milestones"]
    rows = {milestones.cell(row=r, column=1).value: r + 2 for r in range(2, 20)}
    assert _bar_columns(book, rows["M13"]) == [
        date(2011, 6, 1),
        date(2011, 7, 1),
        date(2011, 8, 1),
        date(2011, 9, 1),
    ]
    assert _bar_columns(book, rows["M1"]) == [date(2010, 2, 1), date(2010, 3, 1)]


def _recalculated_csv(path: Path, tmp_path: Path) -> list[list[str]]:
    """The first sheet of the workbook at `path` as LibreOffice recalculates it, as CSV rows."""
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
    text = (tmp_path / (path.stem + ".csv")).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_formulas_recalculate_to_the_analysis_figures(project, tmp_path: Path) -> None:
    plan = analysis.analyse_plan(project, AS_OF)
    path, _ = _saved(plan_workbook(project, plan, AS_OF), tmp_path, "plan.xlsx")
    lines = _recalculated_csv(path, tmp_path)
    cells = lines[1 : len(plan.milestones) + 1]
    standings = milestone_standings(plan)
    assert [(c[0], c[6], c[7], c[10]) for c in cells] == [
        (
            m.id,
            "" if m.slippage_days is None else str(m.slippage_days),
            standing.state,
            long_date(m.forecast) if m.forecast and m.completed is None else "",
        )
        for m, standing in zip(plan.milestones, standings, strict=True)
    ]
    assert [s.state for s in standings].count("Done") == 12
    assert [c[11] for c in cells] == [""] * len(plan.milestones)  # nothing late in June 2011
    assert "".join(lines[len(plan.milestones) + 1]) == ""  # a spare row shows nothing


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_flags_recalculate_as_the_business_case_words_them(tmp_path: Path) -> None:
    # the sparse folder's tender (M2, due 30 September 2026) depends on the full business
    # case (M1, due 31 December 2026): flagged, and forecast to the end of December
    from psptool.render.workbook import save
    from psptool.report.papers import CheckedFolder
    from psptool.report.papers.plan import build
    from tests.papers.folders import sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    as_of = date(2026, 6, 30)
    data = build(CheckedFolder(folder, validate(folder, as_of, find=False).result), as_of)
    path = tmp_path / "plan.xlsx"
    save(plan_workbook(data.project, data.plan, as_of, data.flags), path, force=False)
    lines = _recalculated_csv(path, tmp_path)
    assert [(c[0], c[4], c[7], c[10], c[11]) for c in lines[1:3]] == [
        ("M1", "31 December 2026", "Not yet due", "31 December 2026", ""),
        (
            "M2",
            "30 September 2026",
            "Held up",
            "31 December 2026",
            "due before Full business case agreed, which it depends on",
        ),
    ]
    assert [s.state for s in milestone_standings(data.plan)] == ["Not yet due", "Held up"]
    assert data.flags == {"M2": "due before Full business case agreed, which it depends on"}


def test_options_workbook(project, tmp_path: Path) -> None:
    appraisal = analysis.appraise_options(project)
    _path, book = _saved(options_workbook(project, appraisal, AS_OF), tmp_path, "options.xlsx")
    scores = book["Scores"]
    # criteria and options by name, as the business case names them (no ids)
    assert [c.value for c in scores[1]][:6] == [
        "Criterion",
        "Weight",
        "Do nothing: continue spot purchasing",
        "Block contract with a single lead provider",
        "Use the national foster care contract when available",
        "Multi-provider framework agreement with outcome-based monitoring",
    ]
    assert scores["A2"].value == "Addresses all current issues"
    # five criteria, then five spare rows the totals count, so a criterion added there counts
    assert scores["C13"].value == '=IF(C$1="","",SUMPRODUCT($B$2:$B$11,C2:C11))'
    assert scores["F14"].value == '=IF(F$1="","",ROUND(100*F13/(5*SUM($B$2:$B$11)),1))'
    # three spare columns right of the options are totalled and ranked with them
    assert scores["I13"].value == '=IF(I$1="","",SUMPRODUCT($B$2:$B$11,I2:I11))'
    assert scores["C15"].value == '=IF(C$1="","",RANK(C13,$C$13:$I$13))'
    assert scores["J13"].value is None
    assert [scores.cell(row=16, column=c).value for c in range(3, 7)] == [34, 62, 50, 78]
    checks = {
        str(v.sqref): (v.type, v.formula1, v.formula2)
        for v in scores.data_validations.dataValidation
    }
    assert checks == {"C2:I11": ("whole", "1", "5"), "B2:B11": ("decimal", "0", None)}
    summary = book["Options"]
    assert [c.value for c in summary[1]][:2] == ["Rank", "Option"]
    assert [c.value for c in summary[2]][:2] == [
        "=INDEX(Scores!$C$15:$I$15,MATCH($B2,Scores!$C$1:$I$1,0))",
        "Multi-provider framework agreement with outcome-based monitoring",
    ]
    assert summary["E2"].value == "=INDEX(Scores!$C$14:$I$14,MATCH($B2,Scores!$C$1:$I$1,0))"
    assert summary["G2"].value == '=IF(AND(ISNUMBER(F2),E2>0),ROUND(F2/E2,0),"")'
    # a negative amount in brackets, as accounts print it: "(£59,782)" (#14)
    assert summary["F2"].number_format == '"£"#,##0;("£"#,##0)'
    sensitivity = book["Sensitivity"]
    assert [c.value for c in sensitivity[3]][:4] == ["Time to implement", 1, 10, 57.1]
    # "Never" over a share: one centred column, not text left and numbers right
    assert sensitivity["D2"].value == "Never"
    assert sensitivity.row_dimensions[1].height == 45
    # a score as the papers write it: 78, not 78.0
    assert scores["C14"].number_format == "General" and summary["E2"].number_format == "General"
    assert scores["A16"].value == "Score out of 100, as in the papers"
    assert {sensitivity[f"D{r}"].alignment.horizontal for r in (2, 3)} == {"center"}
    # the preferred option's green header carries black text, for contrast
    assert (scores["F1"].fill.fgColor.rgb, scores["F1"].font.color.rgb) == ("0000B050", "00000000")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_options_formulas_recalculate_to_the_analysis_figures(project, tmp_path: Path) -> None:
    appraisal = analysis.appraise_options(project)
    path, _ = _saved(options_workbook(project, appraisal, AS_OF), tmp_path, "options.xlsx")
    lines = [",".join(row) for row in _recalculated_csv(path, tmp_path)]

    def figures(line: str) -> list[float]:
        """The four options' figures; the spare columns beside them show nothing."""
        cells = line.split(",")[2:]
        assert cells[4:] == ["", "", ""]
        return [float(x) for x in cells[:4]]

    assert figures(lines[12]) == [17, 31, 25, 39]
    assert figures(lines[13]) == [34, 62, 50, 78]
    assert figures(lines[14]) == [4, 2, 3, 1]


def test_stakeholder_workbook(project, tmp_path: Path) -> None:
    smap = analysis.map_stakeholders(project)
    _, book = _saved(stakeholder_workbook(project, smap, AS_OF), tmp_path, "s.xlsx")
    assert book.sheetnames == ["Map", "Stakeholders", "Communications"]
    grid_sheet = book["Map"]
    # influence 5 is row 2; interest 4 is column E: the Children's Commission
    assert grid_sheet["E2"].value.startswith("Falkirk Children's Commission")
    # (#14 C7) the axes capitalised, and a key: each quadrant's colour and what it means
    assert (grid_sheet["A2"].value, grid_sheet["B7"].value) == ("Influence 5", "Interest 1")
    assert grid_sheet["A9"].value == "Key"
    assert grid_sheet["B9"].value == (
        "Each stakeholder sits in the square of its interest (across) and influence (up), "
        "each rated from 1 (very low) to 5 (very high)."
    )
    key = [(grid_sheet[f"B{r}"].value, grid_sheet[f"C{r}"].value) for r in range(10, 14)]
    assert key == [
        (
            "Manage closely",
            "Influence and interest both 3 or more: involve them in decisions and meet them often.",
        ),
        (
            "Keep satisfied",
            "Influence 3 or more, interest less: consult them on what affects them.",
        ),
        (
            "Keep informed",
            "Interest 3 or more, influence less: tell them regularly how the work is going.",
        ),
        ("Monitor", "Both less than 3: watch for a change in their interest or influence."),
    ]
    # each swatch the colour of its quadrant's squares: E2 (4, 5) manage closely, B2 (1, 5)
    # keep satisfied, E5 (4, 2) keep informed, B6 (1, 1) monitor
    swatches = [grid_sheet[f"B{r}"].fill.fgColor.rgb for r in range(10, 14)]
    assert swatches == [grid_sheet[c].fill.fgColor.rgb for c in ("E2", "B2", "E5", "B6")]
    assert swatches == ["00F4B183", "00FFE699", "00BDD7EE", "00E2EFDA"]
    people = book["Stakeholders"]
    rows = [r for r in people.iter_rows(min_row=2, values_only=True) if r[0]]
    # by name, with the communications that reach them by method (no slugs, no C2)
    assert [c.value for c in people[1]] == [
        "Stakeholder",
        "Interest",
        "Influence",
        "Quadrant",
        "Reached by",
    ]
    assert rows[0][0].startswith("Falkirk Children's Commission")
    assert rows[0][4] == "highlight report after each Governance Group, quarterly"
    assert len(rows) == 12 and (rows[0][1], rows[0][2]) == (4, 5)  # manage closely
    # the quadrant is a formula of interest and influence, in the spare rows too
    assert rows[0][3] == (
        '=IF(OR(B2="",C2=""),"",IF(C2>=3,IF(B2>=3,"Manage closely","Keep satisfied"),'
        'IF(B2>=3,"Keep informed","Monitor")))'
    )
    assert people["D213"].value.startswith('=IF(OR(B213="",C213=""),"",') and people.max_row == 213
    (check,) = people.data_validations.dataValidation
    assert (str(check.sqref), check.type, check.formula1, check.formula2) == (
        "B2:C213",
        "whole",
        "1",
        "5",
    )
    comms = book["Communications"]
    assert [c.value for c in comms[1]][:2] == ["Audience", "Method"]
    assert len([r for r in comms.iter_rows(min_row=2, values_only=True) if r[0]]) == 7


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
    sheet = book["Economic case"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "Against doing nothing (Do nothing: continue spot purchasing)"
    assert values[1][:4] == ("Option", "Extra PV costs", "Extra PV benefits", "NPSV")
    against = {r[0]: r for r in values[2:6]}
    case = {o.name: o for o in economic_case(project).options}
    o3 = "Multi-provider framework agreement with outcome-based monitoring"
    # the headline against doing nothing: NPSV 627,294 and BCR 4.44
    # (tests/analysis/test_economics_appraisal.py works them by hand)
    assert against[o3][3] == round(case[o3].relative_after.npv) == 627294
    assert against[o3][4] == 4.44 and against[o3][5] == "pays for itself"
    assert against[o3][6:10] == (344.2, -77.5, 1, 1)
    assert against["Do nothing: continue spot purchasing"][1:4] == (0, 0, 0)
    # then each option's own figures, in a second table below
    assert values[7][0] == "Each option on its own"
    assert values[8][5:8] == (
        "PV costs with optimism bias",
        "NPV with optimism bias",
        "BCR with optimism bias",
    )
    own = {r[0]: r for r in values[9:13]}
    assert own[o3][6] == round(case[o3].after_optimism.npv) == 536993
    assert own[o3][7] == round(case[o3].after_optimism.bcr, 2) == 2.97
    assert str(values[14][0]).startswith("The headline is each option against doing nothing")
    # what a negative switching value means, and that the figures are as rendered (#14)
    assert str(values[17][0]).startswith("Switching values are the per cent change")
    assert "-83.6: the extra benefits could fall by 83.6 per cent" in str(values[17][0])
    assert values[18][0] == (
        "As at 30 June 2011, as rendered: not updated when a cost or a benefit changes; "
        "render the workbook again to update it."
    )
    # one page wide on A4, as every sheet of the workbook: ten columns, not eighteen
    assert sheet.print_area == "'Economic case'!$A$1:$J$19"
    assert {s.page_setup.paperSize for s in book.worksheets} == {9}  # A4


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


def test_wrapped_rows_get_the_height_of_their_lines() -> None:
    from openpyxl.styles import Alignment

    from psptool.render.workbook import finish, new_workbook

    workbook = new_workbook()
    workbook.properties.title = "Test PSP: plan"
    sheet = workbook.create_sheet("s")
    sheet.append(["id", "title", "n"])
    sheet.append(["R1", "x" * 50, 1])
    sheet.append(["R2", "short", "=B2&B3"])
    sheet.append(["R3", "one\ntwo\nthree", None])
    sheet.column_dimensions["B"].width = 21
    for row in (2, 3, 4):
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True)
    sheet.cell(row=3, column=3).alignment = Alignment(wrap_text=True)  # a formula: not text
    finish(workbook)
    # 50 x's, each 0.5 of Arial's 11 points (5.5 points), in a column of 21 × 6.1 - 5 =
    # 123.1 points: 22 a line, so 3 lines of 11 × 1.16 points, and 3 points of margin: 41.3;
    # "short" one line (15.8); three paragraphs three lines
    heights = [sheet.row_dimensions[r].height for r in (1, 2, 3, 4)]
    assert heights == [None, 41.3, 15.8, 41.3]
    assert sheet.print_area == "'s'!$A$1:$C$4"
    assert (sheet.print_title_rows, sheet.page_setup.orientation) == ("$1:$1", "landscape")
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.oddHeader.left.text == "Test PSP" and sheet.oddHeader.right.text == "Plan"
    assert sheet.oddFooter.right.text == "Page &P of &N" and sheet.oddFooter.left.text == "&A"
    assert {font.name for font in workbook._fonts} == {"Arial"}


def test_printed_columns_stand_apart() -> None:
    # a number right-aligned against the next column's text printed as "2open": narrow
    # columns centre their numbers and formulas, dates are centred, a wide column's number
    # stays right and the text after it is indented
    from datetime import date

    from psptool.render.workbook import DATE_FORMAT, finish, new_workbook

    workbook = new_workbook()
    workbook.properties.title = "Test PSP: RAID log"
    sheet = workbook.create_sheet("s")
    sheet.append(["Impact", "Status", "Raised", "Cost", "Note", "Score"])
    sheet.append([2, "open", date(2010, 2, 12), 1300000, "robust", "=A2*2"])
    for letter, width in zip("ABCDEF", (8, 10, 19, 24, 30, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet["G2"] = "=C2+1"  # a date from a formula, in a wide column
    sheet["G2"].number_format = DATE_FORMAT
    sheet.column_dimensions["G"].width = 30
    finish(workbook)
    assert sheet["G2"].alignment.horizontal == "center"
    aligned = [(c.alignment.horizontal, c.alignment.indent) for c in sheet[2]][:6]
    assert aligned == [
        ("center", 0),
        (None, 0),
        ("center", 0),
        ("right", 0),
        ("left", 1),
        ("center", 0),
    ]
    assert sheet["B1"].alignment.horizontal is None  # headers as they were
    assert DATE_FORMAT == "d mmmm yyyy"  # "12 February 2010", as the Word papers write it


def test_one_paper_size_in_a_workbook() -> None:
    # a wide sheet prints on A3, and then so does every other sheet of its workbook
    from psptool.render.workbook import finish, new_workbook

    workbook = new_workbook()
    workbook.properties.title = "Test PSP: plan"
    wide, narrow = workbook.create_sheet("wide"), workbook.create_sheet("narrow")
    wide.append(["x"] * 30)
    narrow.append(["x"] * 3)
    for c in range(1, 31):
        wide.column_dimensions[chr(64 + c) if c < 27 else "A" + chr(38 + c)].width = 10
    finish(workbook)
    assert [s.page_setup.paperSize for s in workbook.worksheets] == [8, 8]  # A3


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
    owners = [r[3] for r in book["Milestones"].iter_rows(min_row=2, max_row=3, values_only=True)]
    assert owners == ["Council", "C. Chief"]
    tasks = [r[2] for r in book["Tasks"].iter_rows(min_row=2, values_only=True)]
    assert tasks == ["B. Manager", "nobody", None]
    smap = analysis.map_stakeholders(project)
    _, book = _saved(stakeholder_workbook(project, smap, date(2026, 6, 30)), tmp_path, "s.xlsx")
    comms = [r[5] for r in book["Communications"].iter_rows(min_row=2, values_only=True)]
    assert comms == ["Charity", "A. Director", "Not set"]  # a gap says so (#14)


def test_empty_tables_say_nothing_is_recorded_yet(folder: Path, tmp_path: Path) -> None:
    # a printed page with a header and nothing under it reads as a page lost in printing
    from psptool.render import knowledge_workbook
    from psptool.report.papers.knowledge import KnowledgeRegister

    as_of = date(2026, 6, 30)
    project = validate(folder, as_of, find=False).result.project
    plan = analysis.analyse_plan(project, as_of)
    _, book = _saved(plan_workbook(project, plan, as_of), tmp_path, "plan.xlsx")
    assert book["Tasks"]["A2"].value == "No tasks are recorded yet."
    assert plan.milestones == []  # the minimal folder plans nothing yet
    # beside the ID the formulas read, so the note is not taken for a milestone
    assert book["Milestones"]["B2"].value == "No milestones are recorded yet."
    assert book["Milestones"]["A2"].value is None
    workbook = knowledge_workbook.write(KnowledgeRegister(project, as_of))
    _, book = _saved(workbook, tmp_path, "knowledge.xlsx")
    # one wording on every empty table, with the date the workbook is as at (#14)
    assert book["Knowledge transfer"]["A2"].value == (
        "No knowledge transfers are recorded as at 30 June 2026."
    )
    assert book["Lessons learned"]["A2"].value == "No lessons are recorded as at 30 June 2026."
    assert book["Lessons learned"]["A2"].font.i is True


def test_options_workbook_marks_the_option_the_partners_chose(tmp_path: Path) -> None:
    # (#14 C5) the sparse folder's options.yaml names no preferred option; its Partnership
    # Board chose the booking line (decision D1, 14 May 2026): that is the Preferred option,
    # on the Options sheet and in green on the Scores sheet, and the sheet says who chose it
    from psptool.render.papers import render_paper
    from tests.papers.folders import SPARSE_AS_OF, sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    out = render_paper("options", validate(folder, SPARSE_AS_OF), SPARSE_AS_OF, tmp_path / "o.xlsx")
    book = load_workbook(out)
    rows = [r[:4] for r in book["Options"].iter_rows(min_row=2, max_row=3, values_only=True)]
    assert [(r[1], r[3]) for r in rows] == [
        ("Shared respite booking line", "yes"),
        ("Do nothing", None),
    ]
    assert book["Options"]["B5"].value == (
        "The Partnership Board chose Shared respite booking line as the preferred option at "
        "its meeting on 14 May 2026."
    )
    assert book["Options"]["B5"].font.i is True
    assert book["Scores"]["D1"].value == "Shared respite booking line"
    assert book["Scores"]["D1"].fill.fgColor.rgb == "0000B050"

    # with no decision either, nothing is marked, and the sheet says none is chosen yet
    meetings = folder / "meetings.yaml"
    meetings.write_text(
        meetings.read_text(encoding="utf-8").replace(", options: [O1]", ""), encoding="utf-8"
    )
    out = render_paper(
        "options", validate(folder, SPARSE_AS_OF), SPARSE_AS_OF, tmp_path / "o.xlsx", force=True
    )
    book = load_workbook(out)
    assert [r[3] for r in book["Options"].iter_rows(min_row=2, max_row=3, values_only=True)] == [
        None,
        None,
    ]
    assert book["Options"]["B5"].value == (
        "The partners have not yet chosen a preferred option: the ranks are the scores, not a "
        "choice."
    )


def test_options_workbook_names_the_preferred_option_of_options_yaml(tmp_path: Path) -> None:
    # the worked example's options.yaml prefers O3, which its Operational Group recommended
    from psptool.render.papers import render_paper
    from tests.helpers import copy_example

    folder = copy_example(tmp_path / "falkirk")
    out = render_paper("options", validate(folder, AS_OF), AS_OF, tmp_path / "o.xlsx")
    sheet = load_workbook(out)["Options"]
    assert (sheet["B2"].value, sheet["D2"].value) == (
        "Multi-provider framework agreement with outcome-based monitoring",
        "yes",
    )
    assert sheet["B7"].value == (
        "The partners' preferred option is Multi-provider framework agreement with "
        "outcome-based monitoring."
    )


def test_options_sheets_print_the_spare_options_and_say_what_is_typed(project, tmp_path) -> None:
    # (#14) the Scores sheet prints the three spare option columns (four options from C to
    # F, spare G to I) a partner is told to add an option in, to the note on row 18 (five
    # criteria and five spare rows to row 11, the totals on 13 to 16); its header is as tall as the
    # longest name takes (5 bold lines in 16 characters: 5 × 11 × 1.16 + 3 + 6 = 72.8
    # points); a note says green marks the preferred option; the typed figures say so
    appraisal = analysis.appraise_options(project)
    _path, book = _saved(options_workbook(project, appraisal, AS_OF), tmp_path, "options.xlsx")
    scores = book["Scores"]
    assert scores.print_area.endswith(":$I$18")
    assert scores.row_dimensions[1].height == 72.8
    assert scores.column_dimensions["G"].width == 12
    note = scores["A18"].value
    assert note.endswith(
        "Green marks the preferred option, Multi-provider framework agreement with "
        "outcome-based monitoring."
    )
    summary = book["Options"]
    assert summary["B8"].value.startswith(  # under the four options and the preference
        "Wins % (random weights), the share of random sets of weights under which the option "
        "scores highest, is as worked out on 30 June 2011: unlike the rank and the score, it "
        "is not recalculated"
    )
    sensitivity = book["Sensitivity"]
    assert sensitivity["A9"].value == (  # under the five criteria and what they show
        "As at 30 June 2011, as rendered: not updated when a weight or a score changes; "
        "render the workbook again to update it."
    )
    # every page's header gives the date the workbook is as at
    assert {s.oddHeader.right.text for s in book.worksheets if s.sheet_state == "visible"} == {
        "Options appraisal as at 30 June 2011"
    }


def test_text_lines_follow_arials_widths() -> None:
    # (#14) the RAID log's action "Circulate papers a week ahead so absent partners can
    # comment by email" printed on one line of its 60-character column but was given two: 69
    # characters over the 67.85 the old estimate took a line to hold ((60 - 1) × 1.15). In
    # Arial's widths it is 358.9 points at 11 points (32,625 thousandths of the size: 12
    # spaces at 278, 'i' 222 …), within the column's 60 × 6.1 - 5 = 361: one line
    from psptool.render.workbook import fit_row_heights, new_workbook, text_lines, text_width

    action = "Circulate papers a week ahead so absent partners can comment by email"
    assert text_width(action) == pytest.approx(358.875)
    assert text_lines(action, 60) == 1
    # 'i' is narrow and 'W' wide: 60 i's (60 × 2.442 = 146.5 points) fit a line of 25
    # characters (147.5), 20 W's (20 × 10.384 = 207.7) take two
    assert text_lines("i" * 60, 25) == 1 and text_lines("W" * 20, 25) == 2
    # words wrap whole: "aaaa bbbb" in a line that holds 6 a's takes two; a line break too
    assert text_lines("aaaa bbbb", 6 * 6.116 / 6.1 + 5 / 6.1) == 2
    assert text_lines("one\ntwo", 30) == 2
    workbook = new_workbook()
    sheet = workbook.create_sheet("s")
    sheet.append(["R1", action])
    fit_row_heights(sheet, {2: 60}, first_row=1)
    assert sheet.row_dimensions[1].height is None  # one line: left as it is
