"""The RAID log workbook, for partners to edit in Excel and `psp import raid` to read back
(render/raid_workbook.py writes it; docs/raid-workbook.md is its layout)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...load import LoadResult
from . import CheckedFolder, Paper


@dataclass(frozen=True)
class RaidWorkbook:
    """The folder as read, positions and all (an import compares the workbook with it), and
    the git commit it was read at, which the workbook records."""

    result: LoadResult
    as_of: date
    commit: str | None


def build(folder: CheckedFolder, as_of: date) -> RaidWorkbook:
    from ...load.history import head_commit

    return RaidWorkbook(folder.result, as_of, head_commit(folder.root))


PAPER = Paper(
    name="raid",
    kind="xlsx",
    title="RAID log",
    help="The RAID log workbook, to edit in Excel and read back with psp import raid.",
    stage="create",
    build=build,
    workbook="raid_workbook",
)
