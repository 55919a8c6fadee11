"""`psp render raid|plan|options|stakeholders`: the Excel workbooks."""

from __future__ import annotations

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of
from .render import ForceOption, OutputOption, default_output, render_app


def _render(kind: str, folder, output, force, as_of, project) -> None:  # type: ignore[no-untyped-def]
    from .. import analysis
    from ..load.write import check_output
    from ..render.workbook import save
    from .console import out
    from .project import checked_project

    when = as_of_date(as_of)
    loaded, validation = checked_project(folder_of(folder, project), when)
    assert validation.root is not None
    if kind == "raid":
        from ..load.history import head_commit
        from ..render.raid_workbook import raid_workbook

        assert validation.result is not None
        workbook = raid_workbook(validation.result, when, head_commit(validation.root))
    elif kind == "plan":
        from ..render.plan_workbook import plan_workbook

        workbook = plan_workbook(loaded, analysis.analyse_plan(loaded, when), when)
    elif kind == "options":
        from ..render.options_workbook import options_workbook

        workbook = options_workbook(loaded, analysis.appraise_options(loaded), when)
    else:
        from ..render.stakeholder_workbook import stakeholder_workbook

        workbook = stakeholder_workbook(loaded, analysis.map_stakeholders(loaded), when)
    target = output or default_output(validation.root, kind, when.isoformat(), "xlsx")
    check_output(target, (".xlsx",), validation.root)
    save(workbook, target, force)
    out().print(f"wrote {target}")


def plan_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The plan workbook: milestones, tasks and a Gantt chart (Excel)."""
    _render("plan", folder, output, force, as_of, project)


def options_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The options appraisal workbook: weights, scores, totals as formulas, sensitivity."""
    _render("options", folder, output, force, as_of, project)


def stakeholders_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The stakeholder map and communications plan workbook (Excel)."""
    _render("stakeholders", folder, output, force, as_of, project)


def raid_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The RAID log workbook, to edit in Excel and read back with psp import raid."""
    _render("raid", folder, output, force, as_of, project)


render_app.command("raid")(raid_command)
render_app.command("plan")(plan_command)
render_app.command("options")(options_command)
render_app.command("stakeholders")(stakeholders_command)
