"""An output's name must fit what is written, and never be one of the folder's own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PspRunner


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "status", "-o", "s.pdf"], "ending in .md, .html or .docx"),
        (["report", "status", "-o", "s.docx", "--format", "markdown"], "ending in .md"),
        (["render", "plan", "-o", "plan.docx"], "this writes a .xlsx file"),
        (["render", "mou", "-o", "mou.xlsx"], "this writes a .docx file"),
        (["render", "raid", "-o", "risks.yaml", "--force"], "this writes a .xlsx file"),
    ],
)
def test_mismatched_output_names_are_refused(
    example: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
    runner: PspRunner,
) -> None:
    before = {p.name: p.read_bytes() for p in example.iterdir()}
    monkeypatch.chdir(example)
    result = runner.invoke([*args, "--as-of", "2011-06-30"])
    assert result.exit_code == 2
    assert message in result.output
    assert {p.name: p.read_bytes() for p in example.iterdir()} == before


def test_a_paper_never_replaces_the_folders_yaml(tmp_path: Path) -> None:
    from psptool.errors import UserError
    from psptool.load.write import check_output

    with pytest.raises(UserError, match="one of the partnership's own files"):
        check_output(tmp_path / "risks.yaml", (".yaml",), tmp_path)


def test_heatmap_is_only_for_risks_and_a_risk_needs_a_title(
    example: Path, runner: PspRunner
) -> None:
    wrong = runner.invoke(["score", "options", str(example), "--heatmap"])
    assert wrong.exit_code == 2 and "the heat map is of risks" in wrong.output
    before = (example / "risks.yaml").read_bytes()
    empty = runner.invoke(
        [
            "risk",
            "add",
            "--title",
            " ",
            "--owner",
            "p-baird",
            "--likelihood",
            "2",
            "--impact",
            "2",
            "--project",
            str(example),
        ],
    )
    assert empty.exit_code == 2 and "a risk needs a title" in empty.output
    assert (example / "risks.yaml").read_bytes() == before
