"""Every paper of the worked example and of the sparse folder, rendered once for the tests
that read them back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool import validate
from psptool.render.papers import render_paper
from psptool.report.papers import PAPERS
from tests.helpers import PspRunner, copy_example
from tests.papers.folders import SPARSE_AS_OF, SPARSE_MEETINGS, sparse_folder

FOLDERS = {
    # name: (as-of date, the meeting of the agenda, the meeting of the minutes)
    "example": (date(2011, 6, 30), "GG-2011-09", "GG-2011-06"),
    "sparse": (SPARSE_AS_OF, SPARSE_MEETINGS["agenda"], SPARSE_MEETINGS["minutes"]),
}


def imported(sheet: str, header: str) -> bool:
    """Cells an id may stay in: the dropdowns' lists (a hidden sheet, kept visible by
    nothing a reader prints). The RAID workbook's owners are shown by name, and `psp import
    raid` reads the names back as ids."""
    return sheet == "Lists"


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, object]]:
    """Every paper of both folders, and the highlight report in Word: "folder:paper" → the
    file and the project."""
    root = tmp_path_factory.mktemp("papers")
    out: dict[str, tuple[Path, object]] = {}
    for name, (as_of, agenda, minutes) in FOLDERS.items():
        folder = copy_example(root / name) if name == "example" else sparse_folder(root / name)
        checked = validate(folder, as_of)
        assert not checked.errors, checked.errors
        for paper in PAPERS.values():
            options = {}
            if paper.options:
                options = {"meeting": agenda if paper.name == "agenda" else minutes}
            target = root / f"{name}-{paper.name}{paper.suffix}"
            render_paper(paper.name, checked, as_of, target, options=options)
            out[f"{name}:{paper.name}"] = (target, checked.result.project)
        status = root / f"{name}-status.docx"
        result = PspRunner().invoke(
            ["report", "status", str(folder), "--as-of", as_of.isoformat(), "-o", str(status)]
        )
        assert result.exit_code == 0, result.output
        out[f"{name}:status"] = (status, checked.result.project)
    return out
