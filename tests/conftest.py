from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import make_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal valid PSP folder: two partners, no warnings."""
    return make_project(tmp_path / "psp")
