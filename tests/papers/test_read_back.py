"""Every paper in the registry (and the highlight report), rendered for the worked example
and for a sparse young partnership, read back as a reader meets it: no internal id where a
name belongs, no file name, no `None`, no placeholder phrase and no empty cell in a sign-off
table (DESIGN.md §6)."""

from __future__ import annotations

import pytest

from psptool.report.papers import PAPERS
from tests.papers import checks
from tests.papers.conftest import FOLDERS, imported
from tests.papers.text import Cell, paper_cells

CASES = [f"{folder}:{paper}" for folder in FOLDERS for paper in [*PAPERS, "status"]]


def _where(found: list[Cell]) -> list[str]:
    return [f"{c.where}: {c.text!r}" for c in found]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_a_paper_reads_as_a_reader_expects(rendered: dict, case: str) -> None:
    path, project = rendered[case]
    cells = paper_cells(path, imported)
    assert _where(checks.ids_shown(cells, checks.named_ids(project))) == []
    assert _where(checks.file_names(cells)) == []
    assert _where(checks.python_words(cells)) == []
    assert _where(checks.placeholders(cells)) == []
    if path.suffix == ".docx":
        assert _where(checks.empty_sign_off_cells(path)) == []
