"""The options appraisal as a workbook: criteria and weights, the score matrix, weighted
totals as Excel formulas (so a changed weight recalculates), rank, and the sensitivity table.

The formulas run over spare rows below the criteria, so a criterion a partner adds there
counts; scores take whole numbers from 1 to 5 and weights numbers from 0; the Options sheet's
scores, ranks and cost per point are formulas of the Scores sheet's."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..analysis.options import OptionsAppraisal
from ..model import Project
from ..report.papers.options import OptionsWorkbook
from .workbook import (
    column_letter,
    money_format,
    new_workbook,
    set_properties,
    whole_numbers,
    write_table,
)

FIRST_OPTION_COLUMN = 4
"""Scores sheet: A criterion id, B criterion, C weight, then one column per option."""
SPARE_CRITERIA = 5
"""Empty rows below the criteria, inside the totals' ranges, for criteria a partner adds."""


def options_workbook(project: Project, appraisal: OptionsAppraisal, as_of: date) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = new_workbook()
    set_properties(
        workbook, f"{project.psp.name}: options appraisal", {"psp.as_of": as_of.isoformat()}
    )
    opts = project.options
    sheet = workbook.create_sheet("Scores")
    headers = ["Criterion", "Name", "Weight", *(o.id for o in opts.options)]
    rows = [
        [c.id, c.name, c.weight, *(o.scores.get(c.id) for o in opts.options)] for c in opts.criteria
    ]
    write_table(sheet, "Scores", headers, rows, widths={"Name": 44})
    n = len(opts.criteria)
    first, last = 2, 1 + n + SPARE_CRITERIA
    money = money_format(project.psp.currency)
    weights = f"$C${first}:$C${last}"
    total_row, score_row, rank_row, psp_row = last + 2, last + 3, last + 4, last + 5
    labels = {
        total_row: "Weighted total (Σ weight × score)",
        score_row: "Score out of 100",
        rank_row: "Rank",
        psp_row: "Score out of 100 as rendered",
    }
    for row, label in labels.items():
        sheet.cell(row=row, column=2, value=label).font = Font(bold=True)
    k = len(opts.options)
    first_col = column_letter(FIRST_OPTION_COLUMN)
    last_col = column_letter(FIRST_OPTION_COLUMN + k - 1)
    whole_numbers(sheet, f"{first_col}{first}:{last_col}{last}", 1, 5, "a score")
    _weights(sheet, f"C{first}:C{last}")
    by_id = {o.id: o for o in appraisal.options}
    for i, option in enumerate(opts.options):
        col = column_letter(FIRST_OPTION_COLUMN + i)
        sheet[f"{col}{total_row}"] = f"=SUMPRODUCT({weights},{col}{first}:{col}{last})"
        sheet[f"{col}{score_row}"] = f"=ROUND(100*{col}{total_row}/(5*SUM({weights})),1)"
        sheet[f"{col}{score_row}"].number_format = "0.0"
        sheet[f"{col}{rank_row}"] = (
            f"=RANK({col}{total_row},${first_col}${total_row}:${last_col}${total_row})"
        )
        sheet[f"{col}{psp_row}"] = round(by_id[option.id].score, 1)
        for row in (total_row, score_row, rank_row):
            sheet[f"{col}{row}"].font = Font(bold=True)
        if option.id == appraisal.preferred:
            sheet[f"{col}1"].fill = PatternFill("solid", fgColor="00B050")
    note = sheet.cell(
        row=psp_row + 2,
        column=1,
        value=(
            "Scores run from 1 (poor) to 5 (good). Change a weight or a score and the totals, "
            "scores and ranks recalculate; the last row keeps the figures as they were when "
            "this workbook was written."
        ),
    )
    # across the table's width, wrapped, so it prints whole within the print area
    sheet.merge_cells(f"A{psp_row + 2}:{last_col}{psp_row + 2}")
    note.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[psp_row + 2].height = 45
    note.font = Font(italic=True)

    summary = workbook.create_sheet("Options")
    ids = f"Scores!${first_col}$1:${last_col}$1"

    def from_scores(row: int, r: int) -> str:
        """The Scores sheet's figure in row `row` for the option named on row `r`."""
        return f"INDEX(Scores!${first_col}${row}:${last_col}${row},MATCH($B{r},{ids},0))"

    rows = [
        [
            f"={from_scores(rank_row, r)}",
            o.id,
            o.name,
            "yes" if o.do_nothing else "",
            "yes" if o.preferred else "",
            f"={from_scores(score_row, r)}",
            o.cost,
            f'=IF(AND(ISNUMBER(G{r}),F{r}>0),ROUND(G{r}/F{r},0),"")',
            round(100 * o.first_share, 1),
        ]
        for r, o in enumerate(appraisal.options, 2)
    ]
    write_table(
        summary,
        "Options",
        [
            "Rank",
            "ID",
            "Option",
            "Do nothing",
            "Preferred",
            "Score /100",
            "Cost",
            "Cost per point",
            "Wins % (random weights)",
        ],
        rows,
        widths={"Option": 48, "Rank": 8, "Score /100": 11, "Cost per point": 14},
        money_columns=["Cost", "Cost per point"],
        money=money,
        formula_columns=["Rank", "Score /100", "Cost per point"],
    )
    for row in summary.iter_rows(min_row=2, min_col=6, max_col=6):
        for cell in row:
            cell.number_format = "0.0"

    _economics(workbook, project, money)

    sens = workbook.create_sheet("Sensitivity")
    option_names = {o.id: o.name for o in project.options.options}
    rows = [
        [
            s.criterion,
            s.name,
            s.weight,
            round(s.share, 1),
            "robust" if s.switch_share is None else round(s.switch_share, 1),
            None if s.change is None else round(s.change, 1),
            option_names.get(s.new_leader or "", s.new_leader),
        ]
        for s in appraisal.sensitivity
    ]
    write_table(
        sens,
        "Sensitivity",
        [
            "Criterion",
            "Name",
            "Weight",
            "Share %",
            "Another option draws level at share %",
            "Change (points)",
            "Draws level",
        ],
        rows,
        widths={"Name": 44, "Draws level": 44},
    )
    return workbook


def _weights(sheet: Any, cells: str) -> None:
    """Weights are numbers from 0."""
    from openpyxl.worksheet.datavalidation import DataValidation

    validation = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
    )
    validation.error, validation.errorTitle = "A weight is a number from 0", "Not a weight"
    sheet.add_data_validation(validation)
    validation.add(cells)


def _economics(workbook: Any, project: Project, money: str) -> None:
    """The economic case beside the scoring, when options have costs and benefits by year."""
    from ..analysis.economics import economic_case

    case = economic_case(project)
    options = [o for o in case.options if o.has_streams]
    if not options:
        return
    sheet = workbook.create_sheet("Economic case")

    def ratio_cell(bcr: float | None, verdict: str | None) -> float | str | None:
        return round(bcr, 2) if bcr is not None else verdict

    def whole(value: float | None) -> float | None:
        return None if value is None else round(value)

    rows = []
    for o in options:
        before, after = o.before_optimism, o.after_optimism
        rel = o.relative_after
        rows.append(
            [
                o.id,
                o.name,
                0 if o.do_nothing else whole(rel.costs if rel else None),
                0 if o.do_nothing else whole(rel.benefits if rel else None),
                0 if o.do_nothing else whole(rel.npv if rel else None),
                ratio_cell(rel.bcr, rel.verdict) if rel else None,
                ratio_cell(rel.net_public_bcr, rel.net_public_verdict) if rel else None,
                None if rel is None or rel.costs_switch is None else round(rel.costs_switch, 1),
                None
                if rel is None or rel.benefits_switch is None
                else round(rel.benefits_switch, 1),
                o.npsv_rank,
                o.score_rank,
                round(before.costs),
                round(before.benefits),
                round(before.npv),
                ratio_cell(before.bcr, before.bcr_verdict),
                round(after.costs),
                round(after.npv),
                ratio_cell(after.bcr, after.bcr_verdict),
            ]
        )
    write_table(
        sheet,
        "EconomicCase",
        [
            "ID",
            "Option",
            "Extra PV costs against doing nothing",
            "Extra PV benefits against doing nothing",
            "NPSV against doing nothing",
            "BCR against doing nothing",
            "BCR on net public cost",
            "Costs switching value %",
            "Benefits switching value %",
            "NPSV rank",
            "Score rank",
            "Own PV costs",
            "Own PV benefits",
            "Own NPV",
            "Own BCR",
            "Own PV costs with optimism bias",
            "Own NPV with optimism bias",
            "Own BCR with optimism bias",
        ],
        rows,
        widths={"Option": 44},
        money_columns=[
            "Extra PV costs against doing nothing",
            "Extra PV benefits against doing nothing",
            "NPSV against doing nothing",
            "Own PV costs",
            "Own PV benefits",
            "Own NPV",
            "Own PV costs with optimism bias",
            "Own NPV with optimism bias",
        ],
        money=money,
    )
    from ..report.papers.business_case.finance import economic_notes

    baseline = next((o.name for o in project.options.options if o.do_nothing), case.do_nothing)
    against = (
        f"The headline is each option against doing nothing ({baseline}): its present "
        "values less doing nothing's, with optimism bias; NPSV is the net present social "
        "value. The 'Own' columns are each option's figures on their own."
        if case.do_nothing
        else "No option is marked as doing nothing, so only each option's own figures are shown."
    )
    lines = [
        against,
        case.bcr_convention,
        "Present values at the Green Book discount rates (or the partnership's own), health "
        "effects at the Green Book health rate. The business cases give the sensitivity and "
        "the figures year by year.",
        *economic_notes(project, case.notes),
    ]
    for i, line in enumerate(lines):
        sheet.cell(row=len(rows) + 3 + i, column=1, value=line)


def write(data: OptionsWorkbook) -> Any:
    """The paper's workbook (`psp render options`)."""
    return options_workbook(data.project, data.appraisal, data.as_of)
