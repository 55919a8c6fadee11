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
from ..report.formatting import long_date
from ..report.papers.options import OptionsWorkbook
from ..report.wording import join
from .workbook import (
    as_at_label,
    column_letter,
    lines_height,
    money_format,
    new_workbook,
    set_properties,
    text_colour,
    text_lines,
    whole_numbers,
    write_table,
)

FIRST_OPTION_COLUMN = 3
"""Scores sheet: A criterion, B weight, then one column per option, headed by its name."""
PREFERRED_FILL = "00B050"
"""The preferred option's header, green, its text black for contrast (`text_colour`)."""
SPARE_CRITERIA = 5
"""Empty rows below the criteria, inside the totals' ranges, for criteria a partner adds."""
SPARE_OPTIONS = 3
"""Empty columns right of the options, inside the totals' and ranks' ranges: an option a
partner adds there (its name at the head, its scores below) is totalled and ranked."""
OPTION_WIDTH = 16.0
SPARE_WIDTH = 12.0
"""Each spare option column: narrower, so the Scores sheet, which prints them for the option
a partner adds there, still prints on A4 at a readable size."""
"""Each option's column on the Scores sheet; its name wraps in the header."""


def option_headers(project: Project) -> list[str]:
    """The options' names as the Scores sheet heads its columns: unique, as an Excel
    table's headers must be (a repeated name gets its number)."""
    seen: set[str] = set()
    out = []
    for o in project.options.options:
        name = o.name if o.name.casefold() not in seen else f"{o.name} ({o.id})"
        seen.add(name.casefold())
        out.append(name)
    return out


def options_workbook(
    project: Project, appraisal: OptionsAppraisal, as_of: date, preference: str = ""
) -> Any:
    """The workbook; `preference` (the sentence of `report.papers.options.decided`) is
    written under the Options table, beside what its Preferred column marks."""
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = new_workbook()
    set_properties(
        workbook, f"{project.psp.name}: options appraisal", {"psp.as_of": as_of.isoformat()}
    )
    opts = project.options
    sheet = workbook.create_sheet("Scores")
    names = option_headers(project)
    headers = ["Criterion", "Weight", *names]
    rows = [[c.name, c.weight, *(o.scores.get(c.id) for o in opts.options)] for c in opts.criteria]
    write_table(
        sheet,
        "Scores",
        headers,
        rows,
        widths={"Criterion": 44, "Weight": 9, **{n: OPTION_WIDTH for n in names}},
    )
    n = len(opts.criteria)
    first, last = 2, 1 + n + SPARE_CRITERIA
    money = money_format(project.psp.currency)
    weights = f"$B${first}:$B${last}"
    total_row, score_row, rank_row, psp_row = last + 2, last + 3, last + 4, last + 5
    labels = {
        total_row: "Weighted total (Σ weight × score)",
        score_row: "Score out of 100",
        rank_row: "Rank",
        psp_row: "Score out of 100, as in the papers",
    }
    for row, label in labels.items():
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
    k = len(opts.options)
    first_col = column_letter(FIRST_OPTION_COLUMN)
    spare_col = column_letter(FIRST_OPTION_COLUMN + k + SPARE_OPTIONS - 1)
    whole_numbers(sheet, f"{first_col}{first}:{spare_col}{last}", 1, 5, "a score")
    _weights(sheet, f"B{first}:B{last}")
    by_id = {o.id: o for o in appraisal.options}
    bold = Font(bold=True)
    for i in range(k + SPARE_OPTIONS):
        col = column_letter(FIRST_OPTION_COLUMN + i)
        named = f'{col}$1=""'
        sheet[f"{col}{total_row}"] = (
            f'=IF({named},"",SUMPRODUCT({weights},{col}{first}:{col}{last}))'
        )
        sheet[f"{col}{score_row}"] = (
            f'=IF({named},"",ROUND(100*{col}{total_row}/(5*SUM({weights})),1))'
        )
        sheet[f"{col}{score_row}"].number_format = "General"  # 78 and 78.5, as the papers
        sheet[f"{col}{rank_row}"] = (
            f'=IF({named},"",RANK({col}{total_row},'
            f"${first_col}${total_row}:${spare_col}${total_row}))"
        )
        for row in (total_row, score_row, rank_row):
            sheet[f"{col}{row}"].font = bold
        if i >= k:
            sheet.column_dimensions[col].width = SPARE_WIDTH
            continue
        option = opts.options[i]
        sheet[f"{col}{psp_row}"] = round(by_id[option.id].score, 1)
        if option.id == appraisal.preferred:
            sheet[f"{col}1"].fill = PatternFill("solid", fgColor=PREFERRED_FILL)
            sheet[f"{col}1"].font = Font(bold=True, color=text_colour(PREFERRED_FILL))
    preferred = next((o.name for o in opts.options if o.id == appraisal.preferred), None)
    text = (
        "Scores run from 1 (poor) to 5 (good). Change a weight or a score and the totals, "
        "scores and ranks recalculate; an option added in a spare column to the right (its "
        "name in row 1) and a criterion added in a spare row below count too. The last "
        f"row keeps the figures as they were when this workbook was written, {long_date(as_of)}."
    )
    if preferred:
        text += f" Green marks the preferred option, {preferred}."
    note = sheet.cell(row=psp_row + 2, column=1, value=text)
    # across the table's width and the spare options', wrapped, so it prints whole within
    # the print area, which takes in the spare columns a partner may name an option in
    sheet.merge_cells(f"A{psp_row + 2}:{spare_col}{psp_row + 2}")
    note.alignment = Alignment(wrap_text=True, vertical="top")
    across = 44 + 9 + OPTION_WIDTH * k + SPARE_WIDTH * SPARE_OPTIONS
    sheet.row_dimensions[psp_row + 2].height = lines_height(text_lines(text, across))
    note.font = Font(italic=True)
    sheet.print_area = f"A1:{spare_col}{psp_row + 2}"
    # the header as tall as the longest option's name takes, bold, in its column
    header_lines = max([text_lines(n, OPTION_WIDTH, bold=True) for n in names] or [1])
    # (and half a line more, so a descender on the last line is never cut)
    sheet.row_dimensions[1].height = lines_height(max(header_lines, 2)) + 6

    summary = workbook.create_sheet("Options")
    heads = f"Scores!${first_col}$1:${spare_col}$1"

    def from_scores(row: int, r: int) -> str:
        """The Scores sheet's figure in row `row` for the option named on row `r`."""
        return f"INDEX(Scores!${first_col}${row}:${spare_col}${row},MATCH($B{r},{heads},0))"

    position = {o.id: names[i] for i, o in enumerate(opts.options)}
    rows = [
        [
            f"={from_scores(rank_row, r)}",
            position[o.id],
            "yes" if o.do_nothing else "",
            "yes" if o.preferred else "",
            f"={from_scores(score_row, r)}",
            NOT_COSTED if o.cost is None else o.cost,
            f'=IF(ISNUMBER(F{r}),IF(E{r}>0,ROUND(F{r}/E{r},0),""),"{NOT_COSTED}")',
            round(100 * o.first_share, 1),
        ]
        for r, o in enumerate(appraisal.options, 2)
    ]
    write_table(
        summary,
        "Options",
        [
            "Rank",
            "Option",
            "Do nothing",
            "Preferred",
            "Score /100",
            "Estimated cost",
            "Cost per point",
            "Wins (random weights)",
        ],
        rows,
        widths={
            "Option": 48,
            "Rank": 8,
            "Score /100": 11,
            "Estimated cost": 16,
            "Cost per point": 16,
        },
        money_columns=["Estimated cost", "Cost per point"],
        money=money,
        formula_columns=["Rank", "Score /100", "Cost per point"],
    )
    for row in summary.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row:
            cell.number_format = "General"  # 78 and 78.5, as the papers write a score
    _percent(summary, 8, len(rows), WHOLE_PERCENT)  # 96%, as the papers write a share
    right = Alignment(horizontal="right", vertical="top")
    for r, o in enumerate(appraisal.options, 2):
        if o.cost is None:  # "Not costed" where the figures stand, to the right
            summary.cell(row=r, column=6).alignment = right
            summary.cell(row=r, column=7).alignment = right
    below = len(rows) + 3
    if preference:  # under the table, running across its empty cells
        summary.cell(row=below, column=2, value=preference).font = Font(italic=True)
        below += 1
    if any(o.cost is not None for o in appraisal.options):
        summary.cell(row=below, column=2, value=cost_basis(project)).font = Font(italic=True)
        below += 1
    wins = (
        "Wins (random weights), the share of random sets of weights under which the option "
        f"scores highest, is as worked out on {long_date(as_of)}: unlike the rank and the "
        "score, it does not change when a weight or a score changes."
    )
    across = sum(summary.column_dimensions[column_letter(c)].width or 8.43 for c in range(2, 9))
    for r, line in enumerate((wins, ADDED_OPTION_NOTE), below):
        note = summary.cell(row=r, column=2, value=line)
        note.font, note.alignment = Font(italic=True), Alignment(wrap_text=True, vertical="top")
        # across the table from the Option column, wrapped, so it prints whole on the page
        summary.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
        summary.row_dimensions[r].height = lines_height(text_lines(line, across))

    _economics(workbook, project, money, as_of)

    sens = workbook.create_sheet("Sensitivity")
    option_names = {o.id: o.name for o in project.options.options}
    rows = [
        [
            s.name,
            s.weight,
            round(s.share, 1),
            "Never" if s.switch_share is None else round(s.switch_share, 1),
            None if s.change is None else round(s.change, 1),
            join([option_names.get(r, r) for r in s.new_leaders or (s.new_leader,) if r]) or None,
        ]
        for s in appraisal.sensitivity
    ]
    write_table(
        sens,
        "Sensitivity",
        [
            "Criterion",
            "Weight",
            "Share",
            "Another option draws level at share",
            "Change (points)",
            "Draws level",
        ],
        rows,
        widths={
            "Criterion": 44,
            "Another option draws level at share": 20,
            "Change (points)": 12,
            "Draws level": 44,
        },
    )
    sens.row_dimensions[1].height = 45  # the long header wraps over three lines of its column
    centred = Alignment(horizontal="center", vertical="top")
    for r in range(2, len(rows) + 2):  # "Never" and a share, one under the other
        sens.cell(row=r, column=4).alignment = centred
    _percent(sens, 3, len(rows), WHOLE_PERCENT)
    _percent(sens, 4, len(rows), WHOLE_PERCENT)
    for r in range(2, len(rows) + 2):  # 47.1 and 80.0, to one decimal, one under the other
        cell = sens.cell(row=r, column=5)
        if isinstance(cell.value, (int, float)):
            cell.number_format = "0.0"
    sens.cell(row=len(rows) + 3, column=1, value=SENSITIVITY_NOTE).font = Font(italic=True)
    sens.cell(
        row=len(rows) + 4, column=1, value=as_at_label(as_of, "when a weight or a score changes")
    ).font = Font(italic=True)
    return workbook


ADDED_OPTION_NOTE = (
    "An option added in a spare column of the Scores sheet is scored and ranked there; "
    "this sheet lists only the options the workbook was written with."
)
"""The Options sheet's last note: its formulas cover the options it lists, while the Scores
sheet takes in an option a partner adds (the ranks here still count that option)."""
SENSITIVITY_NOTE = (
    "How far each criterion's share of the weight must move before another option draws "
    "level, worked out when this workbook was written."
)


WHOLE_PERCENT = '0"%"'
"""A figure kept in per cent (57.1) shown as the papers write a share: 57%."""
TENTH_PERCENT = '0.0"%";"−"0.0"%"'
"""A switching value kept in per cent shown to a tenth, with a true minus: −83.6%."""


def _percent(sheet: Any, column: int, rows: int, number_format: str) -> None:
    """Show a column's figures, kept in per cent, with a % sign (text cells keep theirs)."""
    for r in range(2, rows + 2):
        cell = sheet.cell(row=r, column=column)
        if isinstance(cell.value, (int, float)):
            cell.number_format = number_format


NOT_COSTED = "Not costed"
"""An option without an estimated cost, in its Estimated cost and Cost per point cells."""


def cost_basis(project: Project) -> str:
    """What the Options sheet's estimated cost is, as the business cases say it, and that it
    is not the present-value costs of the Economic case sheet."""
    covers = project.options.cost_covers
    economics = any(o.costs or o.benefits for o in project.options.options)
    text = (
        f"Estimated cost: {covers}"
        if covers
        else "Estimated cost: what it covers is not yet recorded"
    )
    if economics:
        text += "; not the present-value costs on the Economic case sheet"
    return text + "."


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


BASELINE = "Baseline"
"""The do-nothing row's BCR and switching value cells on the Economic case sheet: the
option the others are measured against has none of its own."""
SWITCHING_NOTE = (
    "Switching values are the per cent change at which an option's NPSV against doing "
    "nothing falls to zero: for costs, the rise in its extra costs; for benefits, the change "
    "in its extra benefits, negative because it is a fall (−83.6%: the extra benefits could "
    "fall by 83.6% before the NPSV reached zero). A positive benefits switching value, or a "
    'negative costs one, means the NPSV is below zero already; "costs less" where an option '
    "costs less than doing nothing, so no rise in its extra costs brings its NPSV to zero."
)
"""What the switching value columns mean, a negative one most of all."""
HEADER_HEIGHT = 45.0
"""Three lines of a bold header wrapped over an `ECONOMIC_WIDTH` column."""
ECONOMIC_WIDTH = 13.0
"""The width of each figure's column on the Economic case sheet: headers wrap over it, so
the two tables print on A4, one page wide, at a size a reader can read."""


def _economics(workbook: Any, project: Project, money: str, as_of: date) -> None:
    """The economic case beside the scoring, when options have costs and benefits by year:
    each option against doing nothing (the headline), then each option's own figures, two
    tables one above the other rather than eighteen columns side by side."""
    from openpyxl.styles import Alignment, Font

    from ..analysis.economics import economic_case
    from ..report.papers.business_case.finance import economic_notes

    case = economic_case(project)
    options = [o for o in case.options if o.has_streams]
    if not options:
        return
    sheet = workbook.create_sheet("Economic case")

    def ratio_cell(bcr: float | None, verdict: str | None) -> float | str | None:
        return round(bcr, 2) if bcr is not None else verdict

    def whole(value: float | None) -> float | None:
        return None if value is None else round(value)

    baseline = next((o.name for o in project.options.options if o.do_nothing), case.do_nothing)
    row = 1
    if case.do_nothing:
        against = []
        for o in options:
            rel = o.relative_after
            against.append(
                [
                    o.name,
                    0 if o.do_nothing else whole(rel.costs if rel else None),
                    0 if o.do_nothing else whole(rel.benefits if rel else None),
                    0 if o.do_nothing else whole(rel.npv if rel else None),
                    # doing nothing is what the others are measured against: no ratio or
                    # switching value of its own, but the baseline, said so
                    *(
                        [BASELINE] * 4
                        if o.do_nothing
                        else [
                            ratio_cell(rel.bcr, rel.verdict) if rel else None,
                            ratio_cell(rel.net_public_bcr, rel.net_public_verdict) if rel else None,
                            (rel.verdict if rel and rel.verdict == "costs less" else None)
                            if rel is None or rel.costs_switch is None
                            else round(rel.costs_switch, 1),
                            None
                            if rel is None or rel.benefits_switch is None
                            else round(rel.benefits_switch, 1),
                        ]
                    ),
                    o.npsv_rank,
                    o.score_rank,
                ]
            )
        sheet.cell(row=row, column=1, value=f"Against doing nothing ({baseline})").font = Font(
            bold=True, size=12
        )
        headers = [
            "Option",
            "Extra PV costs",
            "Extra PV benefits",
            "NPSV",
            "BCR",
            "BCR on net public cost",
            "Costs switching value",
            "Benefits switching value",
            "NPSV rank",
            "Score rank",
        ]
        write_table(
            sheet,
            "EconomicCase",
            headers,
            against,
            start_row=row + 1,
            widths={"Option": 44, **{h: ECONOMIC_WIDTH for h in headers[1:]}},
            money_columns=headers[1:4],
            money=money,
        )
        sheet.row_dimensions[row + 1].height = HEADER_HEIGHT
        for column in (7, 8):
            for r in range(row + 2, row + 2 + len(against)):
                cell = sheet.cell(row=r, column=column)
                if isinstance(cell.value, (int, float)):
                    cell.number_format = TENTH_PERCENT
        row += len(against) + 3
    own = [
        [
            o.name,
            round(o.before_optimism.costs),
            round(o.before_optimism.benefits),
            round(o.before_optimism.npv),
            ratio_cell(o.before_optimism.bcr, o.before_optimism.bcr_verdict),
            round(o.after_optimism.costs),
            round(o.after_optimism.npv),
            ratio_cell(o.after_optimism.bcr, o.after_optimism.bcr_verdict),
        ]
        for o in options
    ]
    sheet.cell(row=row, column=1, value="Each option on its own").font = Font(bold=True, size=12)
    headers = [
        "Option",
        "PV costs",
        "PV benefits",
        "NPV",
        "BCR",
        "PV costs with optimism bias",
        "NPV with optimism bias",
        "BCR with optimism bias",
    ]
    write_table(
        sheet,
        "OwnFigures",
        headers,
        own,
        start_row=row + 1,
        widths={"Option": 44, **{h: ECONOMIC_WIDTH for h in headers[1:]}},
        money_columns=[headers[i] for i in (1, 2, 3, 5, 6)],
        money=money,
    )
    sheet.row_dimensions[row + 1].height = HEADER_HEIGHT
    sheet.freeze_panes = None  # two tables: a frozen header would hide the second's
    row += len(own) + 3
    lead = (
        "The headline is each option against doing nothing: its present values less doing "
        "nothing's, with optimism bias; NPSV is the net present social value. The second "
        "table gives each option's figures on their own."
        if case.do_nothing
        else "No option is marked as doing nothing, so only each option's own figures are shown."
    )
    lines = [
        lead,
        case.bcr_convention,
        *_basis(project, case, as_of),
        "The business cases give the sensitivity and the figures year by year.",
        *economic_notes(project, case.notes),
    ]
    if case.do_nothing:
        lines.append(SWITCHING_NOTE)
    # figures worked out from options.yaml, typed: the sheet says when they were true
    lines.append(as_at_label(as_of, "when a cost or a benefit changes"))
    last = column_letter(10 if case.do_nothing else 8)
    across = 44 + ECONOMIC_WIDTH * (9 if case.do_nothing else 7)
    wrapped = Alignment(wrap_text=True, vertical="top")
    for i, line in enumerate(lines):
        note = sheet.cell(row=row + i, column=1, value=line)
        note.alignment = wrapped
        sheet.merge_cells(f"A{row + i}:{last}{row + i}")
        # merged cells get no height from `finish`: the lines the note takes across the table
        sheet.row_dimensions[row + i].height = 13 * (len(line) // int(across * 1.1) + 1) + 2


def _basis(project: Project, case: Any, as_of: date) -> list[str]:
    """The discount rate used, the years appraised and what the costs include, as the
    business cases say them."""
    from ..analysis.financial import price_base_of
    from ..report.papers.business_case.finance import (
        discount_citation,
        optimism_rates,
        years_words,
    )

    years = sorted({y.year for o in case.options if o.has_streams for y in o.years})
    base = price_base_of(project)[0]
    out = [f"Discounting: {discount_citation(project, as_of)}."]
    if years:
        out.append(f"The appraisal covers {years_words(years[0], years[-1], base)}.")
    rates = optimism_rates(case).removeprefix("; the rates used: ")
    out.append(
        "Costs are each option's capital and revenue costs; the headline's and those marked "
        "with optimism bias add it" + (f", at the rates used: {rates}." if rates else ".")
    )
    return out


def write(data: OptionsWorkbook) -> Any:
    """The paper's workbook (`psp render options`)."""
    return options_workbook(data.project, data.appraisal, data.as_of, data.preference)
