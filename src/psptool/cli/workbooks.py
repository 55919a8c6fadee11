"""`psp render raid|plan|options|stakeholders`: the Excel workbooks."""

from __future__ import annotations

from .options import AsOfOption, FolderArgument, ProjectOption
from .render import ForceOption, OutputOption, render_app, render_command


def plan_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The plan workbook: milestones, tasks and a Gantt chart (Excel)."""
    render_command("plan", folder, output, force, as_of, project)


def options_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The options appraisal workbook: weights, scores, totals as formulas, sensitivity."""
    render_command("options", folder, output, force, as_of, project)


def stakeholders_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The stakeholder map and communications plan workbook (Excel)."""
    render_command("stakeholders", folder, output, force, as_of, project)


def raid_command(
    folder: FolderArgument = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> None:
    """The RAID log workbook, to edit in Excel and read back with psp import raid."""
    render_command("raid", folder, output, force, as_of, project)


render_app.command("raid")(raid_command)
render_app.command("plan")(plan_command)
render_app.command("options")(options_command)
render_app.command("stakeholders")(stakeholders_command)
