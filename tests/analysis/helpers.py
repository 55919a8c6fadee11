"""Build a Project straight from dicts, for analysis tests that need no files."""

from __future__ import annotations

from typing import Any

from psptool.model import Project

PSP = {"name": "Test", "id": "t", "stage": "pilot", "start": "2026-01-01", "end": "2026-12-31"}


def project(psp: dict[str, Any] | None = None, **files: Any) -> Project:
    return Project.model_validate({"psp": {**PSP, **(psp or {})}, **files})
