"""Every paper in the registry, rendered for the worked example and for a sparse young
partnership, read back as a reader meets it: no internal id where a name belongs, no file
name, no `None`, no placeholder phrase and no empty cell in a sign-off table (DESIGN.md §6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool import validate
from psptool.render.papers import render_paper
from psptool.report.papers import PAPERS
from tests.helpers import copy_example
from tests.papers import checks
from tests.papers.folders import SPARSE_AS_OF, sparse_folder
from tests.papers.reading import Cell, paper_cells

FOLDERS = {
    # name: (as-of date, the meeting of the agenda, the meeting of the minutes)
    "example": (date(2011, 6, 30), "GG-2011-09", "GG-2011-06"),
    "sparse": (date.fromisoformat(SPARSE_AS_OF), "SG-2", "SG-1"),
}

IMPORTED_IDS = {("RAID log", "Owner"), ("Actions", "Owner"), ("Lists", "")}
"""Columns of the RAID workbook that `psp import raid` reads back as ids."""


def _imported(sheet: str, header: str) -> bool:
    return (sheet, header) in IMPORTED_IDS or sheet == "Lists"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, object]]:
    """Every paper of both folders: (folder name, paper name) → the file and the project."""
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
    return out


CASES = [f"{folder}:{paper}" for folder in FOLDERS for paper in PAPERS]


def _where(found: list[Cell]) -> list[str]:
    return [f"{c.where}: {c.text!r}" for c in found]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_a_paper_reads_as_a_reader_expects(rendered: dict, case: str) -> None:
    path, project = rendered[case]
    cells = paper_cells(path, _imported)
    assert _where(checks.ids_shown(cells, checks.named_ids(project))) == []
    assert _where(checks.file_names(cells)) == []
    assert _where(checks.python_words(cells)) == []
    assert _where(checks.placeholders(cells)) == []
    if path.suffix == ".docx":
        assert _where(checks.empty_sign_off_cells(path)) == []
