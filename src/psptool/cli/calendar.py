"""`psp calendar`: the partnership's dates as an iCalendar file for Outlook or Google."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Annotated

import typer

from .options import AsOfOption, FolderArgument, ProjectOption, as_of_date, folder_of


def calendar_command(
    folder: FolderArgument = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The .ics file to write.", show_default=False)
    ] = Path("psp.ics"),
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", help="Only this person's (or partner's) dates.", show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    as_of: AsOfOption = None,
    project: ProjectOption = None,
) -> int:
    """Milestones, meetings (and the next ones each group's cadence implies), risk reviews,
    action due dates and budget cycles as an .ics file; importing it again updates the events."""
    from datetime import datetime

    from ..errors import UserError
    from ..load.write import write_atomic
    from ..render.calendar import to_ics
    from ..report.calendar import calendar_events
    from .console import out
    from .project import checked_project

    when = as_of_date(as_of)
    loaded, _ = checked_project(folder_of(folder, project), when)
    if owner is not None and owner not in loaded.owner_ids():
        raise UserError(f"--owner '{owner}' is not a partner or a person in partners.yaml")
    if output.exists() and not force:
        raise UserError(f"{output} exists; use --force to replace it")
    events = calendar_events(loaded, when, owner=owner)
    stamp = datetime(when.year, when.month, when.day, tzinfo=UTC)
    write_atomic(output, to_ics(events, loaded.psp.id, loaded.psp.name, stamp), force=force)
    out().print(f"wrote {output} ({len(events)} events)")
    return 0
