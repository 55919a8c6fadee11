"""`psp render` says where it wrote the paper as the user would type the path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PspRunner, make_project


def test_the_path_is_relative_to_where_you_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: PspRunner
) -> None:
    make_project(tmp_path / "psp")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(["render", "mou", "psp", "--as-of", "2026-06-30"])
    assert result.exit_code == 0, result.output
    assert result.output == "wrote psp/out/mou-2026-06-30.docx\n"
    monkeypatch.chdir(tmp_path / "psp")
    again = runner.invoke(["render", "raid", "--as-of", "2026-06-30"])
    assert again.output == "wrote out/raid-2026-06-30.xlsx\n"


def test_a_path_outside_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: PspRunner
) -> None:
    root = make_project(tmp_path / "psp")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    result = runner.invoke(["render", "mou", str(root), "--as-of", "2026-06-30"])
    assert result.output == f"wrote {root / 'out' / 'mou-2026-06-30.docx'}\n"
