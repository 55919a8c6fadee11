"""`render_paper`: the one library call behind `psp render`, usable without the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import psptool
from psptool.errors import OutputExists, UserError
from psptool.render.papers import PAPERS, default_output, render_paper
from tests.helpers import copy_example

AS_OF = date(2011, 6, 30)


@pytest.fixture
def checked(tmp_path: Path) -> psptool.Validation:
    root = tmp_path / "psp"
    copy_example(root)
    return psptool.validate(root, AS_OF)


def test_every_public_name_resolves() -> None:
    for name in psptool.__all__:
        assert getattr(psptool, name) is not None, name
    assert psptool.render_paper is render_paper


@pytest.mark.parametrize("paper", ["mou", "raid"])
def test_a_paper_is_written_to_out_with_its_date(checked: psptool.Validation, paper: str) -> None:
    assert checked.root is not None
    target = render_paper(paper, checked, AS_OF)
    assert target == checked.root / "out" / f"{paper}-2011-06-30{PAPERS[paper].suffix}"
    assert target.read_bytes()[:2] == b"PK"  # both Word and Excel files are zip packages
    assert default_output(checked.root, paper, AS_OF) == target


def test_an_existing_paper_is_kept_without_force(checked: psptool.Validation) -> None:
    assert checked.root is not None
    target = default_output(checked.root, "plan", AS_OF)
    target.parent.mkdir()
    target.write_bytes(b"the plan as the governance group saw it")
    with pytest.raises(OutputExists, match="use --force to replace it"):
        render_paper("plan", checked, AS_OF)
    assert target.read_bytes() == b"the plan as the governance group saw it"
    render_paper("plan", checked, AS_OF, force=True)
    assert target.read_bytes()[:2] == b"PK"


def test_refusals_name_the_problem(checked: psptool.Validation, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="there is no paper called press-release"):
        render_paper("press-release", checked, AS_OF)
    with pytest.raises(UserError, match="not rendered from a template"):
        render_paper("raid", checked, AS_OF, template=tmp_path / "x.docx")
    with pytest.raises(UserError, match=r"give -o a name ending in \.xlsx"):
        render_paper("options", checked, AS_OF, tmp_path / "options.docx")


def test_a_folder_with_errors_is_refused(example: Path) -> None:
    (example / "risks.yaml").write_text("risks: [", encoding="utf-8")
    with pytest.raises(UserError, match="the folder has errors"):
        render_paper("mou", psptool.validate(example, AS_OF), AS_OF)
    assert not (example / "out").exists()
