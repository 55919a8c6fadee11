"""`psp score KIND`: risks, options, partners, goals, benefits, stakeholders, the plan or
the economic case."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of


class Kind(StrEnum):
    risks = "risks"
    options = "options"
    partners = "partners"
    goals = "goals"
    benefits = "benefits"
    stakeholders = "stakeholders"
    plan = "plan"
    economics = "economics"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def score_command(
    kind: Annotated[Kind, typer.Argument(help="What to score.")],
    folder: FolderArgument = None,
    output_format: Annotated[
        Format, typer.Option("--format", help="table for people; json and csv for other tools.")
    ] = Format.table,
    heatmap: Annotated[
        bool, typer.Option("--heatmap", help="With risks: show the 5 × 5 heat map.")
    ] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """Score the partnership: RAG ratings, rankings, progress, quadrants, slippage, and the
    economic case."""
    from ..render import scores
    from ..render.tables import Prose, to_csv, to_json, to_rich
    from .console import out
    from .project import checked_project

    if heatmap and kind is not Kind.risks:
        raise typer.BadParameter(
            "the heat map is of risks: psp score risks --heatmap", param_hint="--heatmap"
        )
    when = as_of_date(as_of)
    loaded, _ = checked_project(folder_of(folder, project), when)
    result, tables = _analyse(kind, loaded, when, heatmap, scores)
    if output_format is Format.json:
        typer.echo(to_json({"kind": kind.value, "as_of": when, "result": result}))
    elif output_format is Format.csv:
        first = scores.cash_flow_table(result) if kind is Kind.economics else tables[0]
        typer.echo(to_csv(first), nl=False)
    else:
        console = out()
        for table in tables:
            console.print(to_rich(table))
            for note in table.notes:
                console.print(Prose(note))
            console.print()


def _analyse(
    kind: Kind, project: Any, when: Any, heatmap: bool, scores: Any
) -> tuple[Any, list[Any]]:
    from .. import analysis

    if kind is Kind.risks:
        register = analysis.score_risks(project, when)
        tables = [scores.risks_table(register)]
        if heatmap:
            tables = [scores.heatmap_table(register)]
        return register, tables
    if kind is Kind.options:
        appraisal = analysis.appraise_options(project)
        return appraisal, scores.options_tables(appraisal)
    if kind is Kind.partners:
        ranking = analysis.rank_candidates(project)
        return ranking, [scores.partners_table(ranking)]
    if kind is Kind.goals:
        goals = analysis.analyse_goals(project)
        return goals, [scores.goals_table(goals)]
    if kind is Kind.benefits:
        benefits = analysis.analyse_benefits(project, when)
        return benefits, [scores.benefits_table(benefits)]
    if kind is Kind.stakeholders:
        smap = analysis.map_stakeholders(project)
        return smap, [scores.stakeholders_table(smap)]
    if kind is Kind.economics:
        case = analysis.economic_case(project)
        return case, scores.economics_tables(case)
    plan = analysis.analyse_plan(project, when)
    return plan, [scores.plan_table(plan)]
