from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import copy_example, make_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal valid PSP folder: two partners, no warnings."""
    return make_project(tmp_path / "psp")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A fresh copy of the worked example in tmp_path, without any papers rendered into it."""
    return copy_example(tmp_path / "falkirk-foster-care")
