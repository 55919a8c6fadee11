"""`psp render raid|plan|options|stakeholders`: the Excel workbooks."""

from __future__ import annotations

from collections.abc import Callable

from .options import AsOfOption, FolderArgument, ProjectOption
from .render import ForceOption, OutputOption, render_app, render_command

WORKBOOKS = {
    "raid": "The RAID log workbook, to edit in Excel and read back with psp import raid.",
    "plan": "The plan workbook: milestones, tasks and a Gantt chart (Excel).",
    "options": "The options appraisal workbook: weights, scores, totals as formulas, sensitivity.",
    "stakeholders": "The stakeholder map and communications plan workbook (Excel).",
}
"""Each workbook `psp render` writes, with its help; they all take the same options."""


def workbook_command(paper: str, help_text: str) -> Callable[..., None]:
    def command(
        folder: FolderArgument = None,
        output: OutputOption = None,
        force: ForceOption = False,
        as_of: AsOfOption = None,
        project: ProjectOption = None,
    ) -> None:
        render_command(paper, folder, output, force, as_of, project)

    command.__doc__ = help_text
    command.__name__ = f"{paper}_command"
    return command


for _paper, _help in WORKBOOKS.items():
    render_app.command(_paper)(workbook_command(_paper, _help))
