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
from psptool.render.plan_workbook import (
    GANTT_FIRST_COLUMN,
    GANTT_PERIODS,
    MILESTONE_COLUMNS,
    TASK_COLUMNS,
    grid,
    label_format,
    label_text,
    plan_workbook,
)
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


def test_grid_weeks_months_quarters_and_years() -> None:
    unit, weeks = grid(date(2026, 1, 7), date(2026, 2, 1))
    assert unit == "week" and weeks[0] == (date(2026, 1, 5), date(2026, 1, 11))
    assert weeks[-1] == (date(2026, 1, 26), date(2026, 2, 1))
    # the worked example's 27 months fit A4 at 9 points: (161 - 68) / 3.2 is 29 periods
    assert GANTT_PERIODS == 29
    unit, months = grid(date(2010, 2, 1), date(2012, 4, 30))
    assert unit == "month" and len(months) == 27
    assert months[0] == (date(2010, 2, 1), date(2010, 2, 28))
    # three years are 36 months, too many: 12 quarters, from the one 1 February falls in
    unit, quarters = grid(date(2010, 2, 1), date(2013, 1, 31))
    assert unit == "quarter" and len(quarters) == 13
    assert quarters[0] == (date(2010, 1, 1), date(2010, 3, 31))
    assert quarters[-1] == (date(2013, 1, 1), date(2013, 3, 31))
    assert label_format("quarter", date(2011, 4, 1)) == '"Apr–Jun "yyyy'
    # eight years are 32 quarters: years
    unit, years = grid(date(2020, 6, 1), date(2027, 12, 31))
    assert unit == "year" and years[0] == (date(2020, 1, 1), date(2020, 12, 31))
    assert len(years) == 8


def test_plan_workbook(project, tmp_path: Path) -> None:
    plan = analysis.analyse_plan(project, AS_OF)
    _, book = _saved(plan_workbook(project, plan, AS_OF), tmp_path, "plan.xlsx")
    assert book.sheetnames == ["Milestones", "Tasks", "Gantt", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    as_at, stages = book["Milestones"].data_validations.dataValidation
    assert (str(stages.sqref), stages.formula1) == ("C2:C217", "Lists!$A$2:$A$7")
    # the As at cell takes a date, and says what follows it
    assert (str(as_at.sqref), as_at.type, as_at.promptTitle) == ("O1", "date", "As at")
    # late in red, held up in purple and forecast late in orange, as the Gantt draws them
    rules = [
        (str(f.sqref), r.formula[0], r.dxf.fill.bgColor.rgb[2:])
        for f in book["Milestones"].conditional_formatting
        for r in f.rules
    ]
    assert rules == [
        ("H2:H217", 'H2="Late"', "FFC7CE"),
        ("H2:H217", 'H2="Held up"', "E4DFEC"),
        ("H2:H217", 'H2="Forecast late"', "F8CBAD"),
        ("K2:K217", 'AND(AND(ISNUMBER(K2),ISNUMBER(E2),K2>E2),$H2="Held up")', "E4DFEC"),
        ("K2:K217", "AND(ISNUMBER(K2),ISNUMBER(E2),K2>E2)", "F8CBAD"),
        ("L2:L217", 'AND(L2<>"",$H2="Held up")', "E4DFEC"),
        ("L2:L217", 'L2<>""', "F8CBAD"),
    ]
    (late,) = [
        (str(f.sqref), r.formula) for f in book["Tasks"].conditional_formatting for r in f.rules
    ]
    assert late[1] == ['AND($F2<>"yes",ISNUMBER(E2),E2<AsAt)'] and late[0].startswith("E2:E")
    milestones = book["Milestones"]
    assert [c.value for c in milestones[1]][:12] == list(MILESTONE_COLUMNS)
    # set widths, not fitted: 161 characters print on A4 at 82 per cent, 9 points
    widths = [milestones.column_dimensions[chr(65 + i)].width for i in range(12)]
    assert widths == [5, 28, 9, 12, 17, 17, 8, 12, 8, 8, 17, 20] and sum(widths) == 161
    m3 = [c.value for c in milestones[4]]
    # slippage and state are formulas of the row's dates and the as-at date; a milestone
    # still to come slips by its forecast less its due date, else 0
    assert m3[0] == "M3" and m3[6] == (
        '=IF(A4="","",IF(ISNUMBER(F4),IF(ISNUMBER(E4),F4-E4,""),IF(NOT(ISNUMBER(E4)),"",'
        "IF(E4<AsAt,AsAt-E4,IF(AND(ISNUMBER(K4),K4>E4),K4-E4,0)))))"
    )
    assert (m3[3], m3[8], m3[9]) == ("L. Baird", "M2", "yes")
    assert milestones["J5"].value == "no"  # M4 is off the critical path: no, not blank
    # the dependencies are looked up by id from the Depends on cell (I): M5 (row 6)
    # depends on "M3, M4", whose first id is in slot T, the second in U
    assert milestones["T6"].value == (
        '=IF(TRIM(MID(SUBSTITUTE(SUBSTITUTE($I6,";",","),",",REPT(" ",99)),1,99))="","",'
        'IFERROR(MATCH(TRIM(MID(SUBSTITUTE(SUBSTITUTE($I6,";",","),",",REPT(" ",99)),1,99)),'
        '$A:$A,0),""))'
    )
    assert ",100,99)" in milestones["U6"].value  # the second id starts at character 100
    assert milestones["X6"].value == (
        "=IF(ISNUMBER($T6),AND(ISNUMBER(INDEX($E:$E,$T6)),INDEX($E:$E,$T6)>$E6),FALSE)"
    )
    assert all(milestones.column_dimensions[c].hidden for c in ("T", "W", "X", "AA"))
    # in words, as milestone_standing gives it (#14 C6): held up while a milestone it
    # depends on (in slot T to W) is not done and due or forecast after it
    held = ",".join(
        f"IF(ISNUMBER(${s}4),AND(NOT(ISNUMBER(INDEX($F:$F,${s}4))),"
        f"MAX(INDEX($E:$E,${s}4),INDEX($K:$K,${s}4))>E4),FALSE)"
        for s in "TUVW"
    )
    assert m3[7] == (
        '=IF(A4="","",IF(ISNUMBER(F4),"Done",IF(NOT(ISNUMBER(E4)),"No date",'
        f'IF(E4<AsAt,"Late",IF(OR({held}),"Held up",'
        'IF(AND(ISNUMBER(K4),K4>E4),"Forecast late",'
        'IF(E4<=NextPeriodEnd,"On track","Not yet due")))))))'
    )
    # the same formulas on every spare row, the last (217) as the first
    assert milestones["H217"].value == m3[7].replace("4", "217")
    assert milestones["K217"].value == m3[10].replace("4", "217")
    assert "$K:$K" not in m3[10]
    assert milestones["L217"].value == m3[11].replace("4", "217")
    assert milestones["T217"].value == milestones["T4"].value.replace("4", "217")
    # the forecast: the due date, no earlier than the as-at date, pushed back by slippage
    # of the milestones it depends on (their forecasts by OFFSET, never the whole of K)
    term = (
        "IF(ISNUMBER($T4),IF(ISNUMBER(INDEX($E:$E,$T4)),IF(ISNUMBER(INDEX($F:$F,$T4)),"
        "INDEX($F:$F,$T4),IF(ISNUMBER(OFFSET($K$1,$T4-1,0)),OFFSET($K$1,$T4-1,0),0))"
        "+MAX(E4-INDEX($E:$E,$T4),0),0),0)"
    )
    assert m3[10].startswith(
        '=IF(A4="","",IF(ISNUMBER(F4),"",IF(NOT(ISNUMBER(E4)),"",MAX(E4,AsAt,' + term + ",IF("
    )
    # the flag names the milestones due after this one, in a sentence
    assert m3[11].startswith(
        '=IF(OR(A4="",ISNUMBER(F4),NOT(ISNUMBER(E4))),"",IF(($X4+$Y4+$Z4+$AA4)>0,'
        '"Due before "&IF($X4,INDEX($B:$B,$T4),"")&IF($Y4,IF(($X4)=0,"",'
        'IF(($X4)=($X4+$Y4+$Z4+$AA4)-1,IF(($X4+$Y4+$Z4+$AA4)>2,", and "," and "),", "))'
        '&INDEX($B:$B,$U4),"")'
    )
    assert m3[11].endswith(
        '&", which it depends on",IF(AND(ISNUMBER(K4),K4>E4),"Forecast "&IF(K4-E4=1,'
        '"1 day",TEXT(K4-E4,"#,##0")&" days")&" late","")))'
    )
    assert milestones["G218"].value is None
    # the As at date is a cell a partner may change, beside the table; the next period's
    # end (a quarter on: 30 June to 30 September) follows it
    assert (milestones["N1"].value, milestones["O1"].value.date()) == ("As at", AS_OF)
    assert milestones["P1"].value == "Next reporting period ends"
    assert milestones["Q1"].value == "=IF(DAY($O$1+1)=1,EOMONTH($O$1,3),EDATE($O$1,3))"
    assert book.defined_names["AsAt"].attr_text == "Milestones!$O$1"
    assert book.defined_names["NextPeriodEnd"].attr_text == "Milestones!$Q$1"
    assert milestones.print_area == "'Milestones'!$A$1:$L$17"  # not the As at cells
    assert milestones["E2"].value.date() == date(2010, 3, 26)  # a real date, not text
    assert milestones.freeze_panes == "A2"
    assert "Milestones" in milestones.tables
    # the header of every page says when the plan is as at
    assert milestones.oddHeader.right.text == "Plan as at 30 June 2011"
    assert {s.page_setup.paperSize for s in book.worksheets} == {9}  # A4
    tasks = book["Tasks"]
    assert [c.value for c in tasks[1]] == list(TASK_COLUMNS)
    # the milestone's title beside its id, looked up so it follows an edit
    assert tasks["A2"].value == "M1" and tasks["B2"].value == (
        '=IF($A2="","",IFERROR(INDEX(Milestones!$B:$B,MATCH($A2,Milestones!$A:$A,0)),""))'
    )
    assert tasks["B200"].value == tasks["B2"].value.replace("2", "200")
    assert tasks["E200"].number_format == "d mmmm yyyy"  # a spare row's date is a date
    gantt = book["Gantt"]
    # month columns from February 2010, from column C
    assert gantt.cell(row=2, column=GANTT_FIRST_COLUMN).value.date() == date(2010, 2, 1)
    assert gantt["C2"].number_format == "mmm yyyy" and gantt["C2"].font.sz == 10
    # 27 months: C to AC, then State (AD) and Flag (AE), which print, and the bar's
    # Start (AF) and End (AG)
    assert [gantt.cell(row=2, column=c).value for c in range(30, 34)] == [
        "State",
        "Flag",
        "Start",
        "End",
    ]
    # M13 (row 16) runs from M12's end (M12 is on Gantt row 15: slot T14 + 2) to its own,
    # and no later than its due date; M1 (row 4) from the partnership's start
    ends = ",".join(
        f"IF(ISNUMBER(Milestones!${s}14),N(INDEX($AG:$AG,Milestones!${s}14+2)),0)" for s in "TUVW"
    )
    # from the latest end of what it depends on; depending on nothing, its own end (#14
    # round 3: no bar from the chart's start for a milestone with no start recorded)
    assert gantt["AF16"].value == (
        f'=IF(NOT(ISNUMBER($AG16)),"",MIN(IF(MAX({ends})>0,MAX({ends}),$AG16),'
        "IF(ISNUMBER(Milestones!$E14),Milestones!$E14,$AG16),$AG16))"
    )
    assert gantt["AG16"].value == (
        '=IF(Milestones!$A14="","",IF(ISNUMBER(Milestones!$F14),Milestones!$F14,'
        'IF(ISNUMBER(Milestones!$K14),Milestones!$K14,"")))'
    )
    assert gantt["AF219"].value == gantt["AF16"].value.replace("16", "219").replace(
        "14", "217"
    )  # the last spare row starts as every other
    rules = [
        (str(rng.sqref), r.formula[0]) for rng in gantt.conditional_formatting for r in rng.rules
    ]
    overlap = "AND(ISNUMBER($AF4),ISNUMBER($AG4),C$2<=$AG4,C$3>=$AF4)"
    assert rules[:4] == [
        ("C4:AC219", f'AND({overlap},$AD4="{state}")')
        for state in ("Late", "Done", "Held up", "Forecast late")
    ]
    assert [fill.bgColor.rgb for fill in _rule_fills(gantt)] == [
        "00C00000",  # red
        "00A9D08E",  # green
        "007030A0",  # purple
        "00ED7D31",  # orange
        "004472C4",  # blue
        "00D9D9D9",  # today's column, grey: far from the orange
        "FF000000",  # today's label, black
    ]
    assert rules[4] == ("C4:AC219", overlap)  # the spare rows too
    assert rules[5] == ("C4:AC219", "AND(C$2<=AsAt,C$3>=AsAt)")
    assert rules[6] == ("C2:AC2", "AND(C$2<=AsAt,C$3>=AsAt)")
    # the Gantt's state is the Milestones sheet's, and ◆ marks the month M1 is due in, on
    # every row, the spare ones too
    assert gantt["AD4"].value == '=IF(Milestones!$A2="","",Milestones!$H2)'
    assert gantt["C4"].value == (
        '=IF(AND(ISNUMBER(Milestones!$E2),C$2<=Milestones!$E2,C$3>=Milestones!$E2),"◆","")'
    )
    assert gantt["C219"].value == gantt["C4"].value.replace("$E2", "$E217")
    assert gantt["C4"].font.sz == 10
    assert (gantt.print_title_rows, gantt.print_title_cols) == ("$2:$2", "$A:$B")
    assert gantt.print_area == "'Gantt'!$A$1:$AE$19"  # to the Flag: not Start and End
    assert gantt["A1"].value == (
        '="Gantt chart by month as at "&TEXT(AsAt,"d mmmm yyyy")&": a bar runs from the end '
        "of what a milestone depends on to when it is done, due or forecast (one that depends "
        "on nothing shows in its own month only), and ◆ marks its due date; "
        "today's month is in black, its column grey. Blue: on track or not yet due; green: "
        "done; red: late; orange: forecast late; purple: held up by a milestone it depends "
        'on, from its due date to its forecast (see Flag)."'
    )
    assert "A1:AE1" in {str(r) for r in gantt.merged_cells.ranges}
    assert gantt["B4"].alignment.wrap_text
    # M1's title (51 characters) at 33 a line in 30 widths takes two lines of 14.3 points
    assert gantt.row_dimensions[4].height == 31.6
    # "Mar 2010": 8 characters upright at 10 points, 6.2 points each, and 8 of margin
    assert gantt.row_dimensions[2].height == 58


def test_the_plan_prints_on_a4_at_nine_points(project, tmp_path: Path) -> None:
    from psptool.render.workbook import READABLE, sheet_point_size

    plan = analysis.analyse_plan(project, AS_OF)
    _, book = _saved(plan_workbook(project, plan, AS_OF), tmp_path, "plan.xlsx")
    sizes = {s.title: sheet_point_size(s) for s in book.worksheets if s.sheet_state == "visible"}
    # Milestones: 161 characters, 82 per cent of 11 points; Tasks 124, full size; the
    # Gantt 5 + 30 + 27 × 3.2 + 12 + 21 = 154.4, 85 per cent: its labels (10 points) 8.5
    assert sizes == {"Milestones": 9.02, "Tasks": 11, "Gantt": pytest.approx(9.35)}
    assert min(sizes.values()) >= READABLE


def test_a_sparse_plan_is_laid_out_as_the_example(tmp_path: Path) -> None:
    # the columns are set, not fitted to near-empty data: typing 30 September 2026 into
    # the sparse plan's Completed column shows the date, not ########
    from tests.papers.folders import sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    as_of = date(2026, 6, 30)
    project = validate(folder, as_of, find=False).result.project
    plan = analysis.analyse_plan(project, as_of)
    _, book = _saved(plan_workbook(project, plan, as_of), tmp_path, "plan.xlsx")
    milestones, tasks = book["Milestones"], book["Tasks"]
    assert [milestones.column_dimensions[c].width for c in "DEFK"] == [12, 17, 17, 17]
    assert [tasks.column_dimensions[c].width for c in "DE"] == [14, 19]
    # no stage recorded: it says so; the tender is on the critical path, M1 too
    assert [milestones[f"C{r}"].value for r in (2, 3)] == ["Not set", "Not set"]
    assert [milestones[f"J{r}"].value for r in (2, 3)] == ["yes", "yes"]
    # no tasks: still a table, as the example's, and its spare rows' dates are dates
    assert "Tasks" in tasks.tables and tasks.auto_filter.ref is None
    assert tasks["E2"].number_format == "d mmmm yyyy"
    assert milestones["F4"].number_format == "d mmmm yyyy"
    # (#14 round 3) the 20 months January 2026 to August 2027, by month: from the
    # partnership's start to the last date shown, M1's and M2's forecast 20 August 2027 (no
    # full business case before a 12-month pilot can end), not to the partnership's end
    # (December 2027), which would print four empty months
    gantt = book["Gantt"]
    assert gantt["C2"].value.date() == date(2026, 1, 1)
    assert gantt["V2"].value.date() == date(2027, 8, 1) and gantt["W2"].value == "State"
    assert milestones.oddHeader.right.text == "Plan as at 30 June 2026"


def test_a_long_plan_is_drawn_by_quarter(tmp_path: Path) -> None:
    # four years (2026 to 2029, M1 due at the end of 2029) are 48 months, more than the 29
    # periods A4 holds at 9 points: 16 quarters, labelled by their months, the label row as
    # tall as "Jan–Mar 2026" (12 characters of 6.2 points, and 8 of margin: 82)
    from tests.papers.folders import sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    psp = folder / "psp.yaml"
    psp.write_text(psp.read_text().replace("end: 2027-12-31", "end: 2029-12-31"))
    plan_file = folder / "milestones.yaml"
    assert "due: 2026-12-31" in plan_file.read_text()
    plan_file.write_text(plan_file.read_text().replace("due: 2026-12-31", "due: 2029-12-31"))
    as_of = date(2026, 6, 30)
    project = validate(folder, as_of, find=False).result.project
    plan = analysis.analyse_plan(project, as_of)
    _, book = _saved(plan_workbook(project, plan, as_of), tmp_path, "plan.xlsx")
    gantt = book["Gantt"]
    assert gantt["C2"].value.date() == date(2026, 1, 1)
    assert gantt["C2"].number_format == '"Jan–Mar "yyyy'
    assert gantt["F2"].number_format == '"Oct–Dec "yyyy' and gantt["F3"].value.date() == date(
        2026, 12, 31
    )
    assert gantt["R2"].value.date() == date(2029, 10, 1) and gantt["S2"].value == "State"
    assert gantt.row_dimensions[2].height == 82
    assert gantt["A1"].value.startswith('="Gantt chart by quarter as at "')
    assert label_text("quarter", date(2026, 4, 1)) == "Apr–Jun 2026"
    assert label_text("week", date(2026, 1, 5)) == "5 Jan"


def _rule_fills(sheet) -> list:
    return [r.dxf.fill for rng in sheet.conditional_formatting for r in rng.rules]


def _recalculated_sheets(path: Path, tmp_path: Path) -> dict[str, list[list[str]]]:
    """Every sheet of the workbook at `path` as LibreOffice recalculates it, as CSV rows
    by sheet name, the cells as they are shown ("31 December 2026")."""
    out = tmp_path / "csv"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {
        csv_path.stem.removeprefix(path.stem + "-"): list(
            csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8")))
        )
        for csv_path in out.glob("*.csv")
    }


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
            "" if standing.slippage_days is None else str(standing.slippage_days),
            standing.state,
            long_date(m.forecast) if m.forecast and m.completed is None else "",
        )
        for m, standing in zip(plan.milestones, standings, strict=True)
    ]
    assert [s.state for s in standings].count("Done") == 12
    assert [c[11] for c in cells] == [""] * len(plan.milestones)  # nothing late in June 2011
    assert "".join(lines[len(plan.milestones) + 1][:12]) == ""  # a spare row shows nothing
    assert lines[0][16] == "30 September 2011"  # the next period's end, from the As at date
    # M13 (Gantt row 16) runs from M12's completion (24 June 2011) to its due date; M1,
    # depending on nothing, is its due date only (#14 round 3), not from the partnership's
    # start; 27 months, February 2010 to M16's April 2012, C to AC, then State, Flag, Start
    # and End
    gantt = _recalculated_sheets(path, tmp_path / "gantt")["Gantt"]
    assert gantt[15][0] == "M13" and gantt[15][31:33] == ["24 June 2011", "30 September 2011"]
    assert gantt[3][31:33] == ["26 March 2010", "26 March 2010"]
    # ◆ in September 2011, the twentieth month from February 2010
    assert [i for i, c in enumerate(gantt[15][2:29]) if c] == [19]


def _sparse_plan(tmp_path: Path):
    from psptool.report.papers import CheckedFolder
    from psptool.report.papers.plan import build
    from tests.papers.folders import sparse_folder

    folder = sparse_folder(tmp_path / "sparse")
    as_of = date(2026, 6, 30)
    data = build(CheckedFolder(folder, validate(folder, as_of, find=False).result), as_of)
    path = tmp_path / "plan.xlsx"
    save(plan_workbook(data.project, data.plan, as_of, data.flags), path, force=False)
    return data, path


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_flags_recalculate_as_the_business_case_words_them(tmp_path: Path) -> None:
    # the sparse folder's full business case (M1, due 31 December 2026) cannot come before
    # a 12-month pilot from the outline's sign-off on 20 August 2026 can end: forecast 20
    # August 2027, 232 days late (2027-08-20 less 2026-12-31: 365 − 133); the tender (M2,
    # due 30 September 2026) depends on it: forecast with it, 324 days late (92 + 232), and
    # its bar runs from September, its due date, to August 2027, its forecast
    data, path = _sparse_plan(tmp_path)
    sheets = _recalculated_sheets(path, tmp_path)
    lines = sheets["Milestones"]
    assert [(c[0], c[2], c[4], c[6], c[7], c[10], c[11]) for c in lines[1:3]] == [
        (
            "M1",
            "Not set",
            "31 December 2026",
            "232",
            "Held up",
            "20 August 2027",
            "Needs a 12-month pilot, which cannot end before 20 August 2027",
        ),
        (
            "M2",
            "Not set",
            "30 September 2026",
            "324",
            "Held up",
            "20 August 2027",
            "Due before Full business case agreed, which it depends on",
        ),
    ]
    assert [s.state for s in milestone_standings(data.plan)] == ["Held up", "Held up"]
    assert data.flags["M2"] == "due before Full business case agreed, which it depends on"
    gantt = sheets["Gantt"]
    # 20 months, C to V (to the forecast's August 2027): M2's ◆ in September 2026 (the
    # ninth), then its State, Flag, Start and End
    assert gantt[4][:2] == ["M2", "Tender for respite services published"]
    assert [i for i, c in enumerate(gantt[4][2:22]) if c] == [8]
    assert gantt[4][22:26] == [
        "Held up",
        "Due before Full business case agreed, which it depends on",
        "30 September 2026",
        "20 August 2027",
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_plan_formulas_follow_an_edit(tmp_path: Path) -> None:
    # a partner clears M2's dependency, adds a milestone on the first spare row, and moves
    # the As at date: the states, forecasts, flags and the Gantt follow
    _, path = _sparse_plan(tmp_path)
    book = load_workbook(path)
    milestones = book["Milestones"]
    milestones["I3"] = None  # M2 no longer waits for M1
    # M3, due 30 November 2026, after M1 (due 31 December 2026, forecast 20 August 2027,
    # when a 12-month pilot can end at the earliest): held up to 20 August 2027
    milestones["A4"], milestones["B4"] = "M3", "Contract awarded"
    milestones["E4"], milestones["I4"] = date(2026, 11, 30), "M1"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    sheets = _recalculated_sheets(edited, tmp_path)
    lines = sheets["Milestones"]
    # M2 is now due in the next period (30 June to 30 September 2026): on track; M3 is
    # held up: 263 days late (20 August 2027 less 30 November 2026: 1 + 31 + 263 − 32)
    assert [(c[0], c[6], c[7], c[10], c[11]) for c in lines[2:4]] == [
        ("M2", "0", "On track", "30 September 2026", ""),
        (
            "M3",
            "263",
            "Held up",
            "20 August 2027",
            "Due before Full business case agreed, which it depends on",
        ),
    ]
    gantt = sheets["Gantt"]
    # the new milestone's ◆ in November 2026 (the eleventh month), its bar from its due
    # date to its forecast, as M2's was
    # (20 months, January 2026 to the forecasts' August 2027)
    assert gantt[5][0] == "M3" and [i for i, c in enumerate(gantt[5][2:22]) if c] == [10]
    assert gantt[5][24:26] == ["30 November 2026", "20 August 2027"]
    # M1 depends on nothing: its bar starts at its own date, not from January (#14 round
    # 3), and runs to its forecast
    assert gantt[3][0] == "M1" and gantt[3][24:26] == ["31 December 2026", "20 August 2027"]
    # the As at date moved to 15 October 2026: M2 (due 30 September) is late, by 15 days
    milestones["O1"] = date(2026, 10, 15)
    book.save(edited)
    lines = _recalculated_sheets(edited, tmp_path / "again")["Milestones"]
    assert (lines[2][6], lines[2][7]) == ("15", "Late")
    assert lines[0][14] == "15 October 2026" and lines[0][16] == "15 January 2027"


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
    assert summary["G2"].value == '=IF(ISNUMBER(F2),IF(E2>0,ROUND(F2/E2,0),""),"Not costed")'
    # a negative amount in brackets, as accounts print it: "(£59,782)" (#14)
    assert summary["F2"].number_format == '"£"#,##0;("£"#,##0)'
    # the cost column says what it is, as the business cases do (options.yaml's cost_covers),
    # and that it is not the Economic case sheet's present-value costs (£90,301 to £227,876)
    assert summary["F1"].value == "Estimated cost"
    assert summary["F2"].value == 1300000
    notes = [summary.cell(row=r, column=2).value for r in range(6, 9)]
    assert (
        "Estimated cost: the annual cost of external foster placements under the option; not "
        "the present-value costs on the Economic case sheet." in notes
    )
    sensitivity = book["Sensitivity"]
    assert [c.value for c in sensitivity[3]][:4] == ["Time to implement", 1, 10, 57.1]
    # shares with a % sign, as the papers write them: 10% and 57%; wins 96%
    assert sensitivity["C3"].number_format == sensitivity["D3"].number_format == '0"%"'
    # (#14 R4) the change in points to one decimal on every row: 47.1 (time to implement,
    # 10% to 57.1%) and 80.0 (cost, 20% to 100%), not "47.1" over "80"
    assert (sensitivity["E3"].value, sensitivity["E4"].value) == (47.1, 80)
    assert sensitivity["E3"].number_format == sensitivity["E4"].number_format == "0.0"
    assert summary["H2"].value == 96.0 and summary["H2"].number_format == '0"%"'
    # O1, O2 and O3 all score 4 on cost: all the weight on cost brings both rivals level
    assert sensitivity["F4"].value == (
        "Block contract with a single lead provider and Use the national foster care "
        "contract when available"
    )
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
    # typed from the folder: a snapshot, in words a reader can act on (#14 round 3)
    assert grid_sheet["A15"].value == (
        "A snapshot as at 30 June 2011: it does not change when the Stakeholders sheet is edited."
    )
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
    # (#14 round 3) on A4, every sheet at 9 points or more: Communications 30 + 26 + 16 +
    # 40 + 34 + the owner's 14 = 160 characters of 6.1 points, 976 points in the 805.89
    # between A4's narrow margins: 82 per cent of 11 points, 9.02 (the text wraps)
    from psptool.render.workbook import sheet_point_size

    assert {s.page_setup.paperSize for s in book.worksheets} == {9}  # A4
    widths = [comms.column_dimensions[c].width for c in "ABCDEF"]
    assert widths == [30, 26, 16, 40, 34, 14]
    sizes = {s.title: sheet_point_size(s) for s in book.worksheets if s.sheet_state == "visible"}
    assert sizes["Communications"] == pytest.approx(9.02)
    assert min(sizes.values()) >= 9
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
    # (#14 R4) doing nothing is what the others are measured against: its BCR, BCR on net
    # public cost and both switching values say "Baseline", not blank; it ranks 4th of 4 on
    # NPSV (£0 against O1's £528,215, O2's £379,180, O3's £627,294) and on score
    assert against["Do nothing: continue spot purchasing"][4:10] == (
        "Baseline", "Baseline", "Baseline", "Baseline", 4, 4,
    )  # fmt: skip
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
    # the rate used, the period and what the costs include, as the business cases say them
    assert values[16][0] == (
        "Discounting: HM Treasury, The Green Book: Appraisal and Evaluation in Central "
        "Government (2003), Annex 6, Table 6.1: the social time preference rate of 3.5% a "
        "year in real terms for years 0 to 30 (this appraisal runs to year 5)."
    )
    assert values[17][0] == "The appraisal covers years 0 to 5 (2010/11 to 2015/16)."
    # options.yaml: O3 50% capital and 15% revenue; O1 outsourcing's 41%; O2 10% on all
    assert str(values[18][0]).endswith(
        "Multi-provider framework agreement with outcome-based monitoring, 50% on capital "
        "and 15% on revenue costs."
    )
    # O2 costs £59,782 less than doing nothing: no rise in its costs brings the NPSV to
    # zero, said as the BCR column says it, not left blank
    national = against["Use the national foster care contract when available"]
    assert national[4] == national[6] == "costs less"
    # switching values with a % sign: 508.4% for the block contract, −83.6% for benefits
    (block_row,) = [
        r for r in range(3, 7) if sheet.cell(row=r, column=1).value.startswith("Block contract")
    ]
    block = {c.value: c for c in sheet[block_row]}
    assert block[508.4].number_format == block[-83.6].number_format == '0.0"%";"−"0.0"%"'
    # what a negative switching value means, and that the figures are as rendered (#14)
    assert str(values[20][0]).startswith("Switching values are the per cent change")
    assert "−83.6%: the extra benefits could fall by 83.6% before" in str(values[20][0])
    assert values[21][0] == (
        "A snapshot as at 30 June 2011: it does not change when a cost or a benefit changes."
    )
    # one page wide on A4, as every sheet of the workbook: ten columns, not eighteen
    assert sheet.print_area == "'Economic case'!$A$1:$J$22"
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
    tasks = [r[3] for r in book["Tasks"].iter_rows(min_row=2, max_row=4, values_only=True)]
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
    # under the task: the milestone's title formula beside the id would cut it short
    assert book["Tasks"]["C2"].value == "No tasks are recorded as at 30 June 2026."
    assert "Tasks" in book["Tasks"].tables  # a table, as when it has tasks
    assert plan.milestones == []  # the minimal folder plans nothing yet
    # beside the ID the formulas read, so the note is not taken for a milestone
    assert book["Milestones"]["B2"].value == "No milestones are recorded as at 30 June 2026."
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
    # Do nothing has no estimated cost: said, not left blank; the booking line's £20,000
    # comes with nothing saying what it covers, and the sheet says so
    sheet = book["Options"]
    assert (sheet["B3"].value, sheet["F3"].value) == ("Do nothing", "Not costed")
    assert sheet["G3"].value == '=IF(ISNUMBER(F3),IF(E3>0,ROUND(F3/E3,0),""),"Not costed")'
    assert sheet["B6"].value == "Estimated cost: what it covers is not yet recorded."
    # (#14 R4) under the wins note (B7), as in the worked example: an added option is
    # ranked on the Scores sheet, this sheet lists the two options it was written with
    assert str(sheet["B7"].value).startswith("Wins (random weights)")
    assert str(sheet["B8"].value).startswith("An option added in a spare column")
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
        "Wins (random weights), the share of random sets of weights under which the option "
        "scores highest, is as worked out on 30 June 2011: unlike the rank and the score, it "
        "does not change when a weight or a score changes."
    )
    assert "render" not in summary["B8"].value  # a reader cannot render (#14 round 3)
    # (#14 R4) the Scores sheet takes an option added in a spare column; this sheet's
    # formulas cover the four it lists: the note under the wins says so, in italics
    assert summary["B9"].value == (
        "An option added in a spare column of the Scores sheet is scored and ranked there; "
        "this sheet lists only the options the workbook was written with."
    )
    assert summary["B9"].font.i is True and "B9:H9" in summary.merged_cells
    sensitivity = book["Sensitivity"]
    assert sensitivity["A9"].value == (  # under the five criteria and what they show
        "A snapshot as at 30 June 2011: it does not change when a weight or a score changes."
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
