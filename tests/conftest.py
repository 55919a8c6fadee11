"""Fixtures every test may use: a fresh folder to work in, the CLI runner, the checker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.oxml.text.run import CT_Text

from psptool.edit import Checker
from psptool.edit import every_check as validate_checker
from tests.helpers import AS_OF, COMMENTED, PspRunner, copy_example, copy_psp_folder, make_project

NO_BREAK = str.maketrans({"\u00a0": " ", "\u2060": None})
"""What a Word paper keeps on one line (render/keeping.py) read as a reader reads it: a
no-break space as a space, a word joiner as nothing."""


def _read_as_printed(text: Any) -> str:
    return (text.text or "").translate(NO_BREAK)


# python-docx reads every run's, paragraph's and cell's text through `w:t`'s str(): the
# tests read a paper's text as a reader does (tests/render/test_keeping.py reads the
# characters themselves, from the XML)
CT_Text.__str__ = _read_as_printed  # type: ignore[method-assign,assignment]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A fresh minimal valid PSP folder (tests/helpers.py MINIMAL): two partners, no
    warnings."""
    return make_project(tmp_path / "psp")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A fresh copy of the worked example in tmp_path, without any papers rendered into it."""
    return copy_example(tmp_path / "falkirk-foster-care")


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/edit: a valid folder full of comments, odd quoting,
    aligned values and flow mappings, on which the editing tests take their golden diffs."""
    return copy_psp_folder(COMMENTED, tmp_path / "psp")


@pytest.fixture
def runner() -> PspRunner:
    """Runs `psp` in-process through `psptool.cli.main`: `runner.invoke([...])`."""
    return PspRunner()


@pytest.fixture
def every_check() -> Checker:
    """Every check of `psp validate` as at the tests' date (AS_OF): a folder in, its
    findings out, as an edit is checked."""
    return validate_checker(AS_OF)
