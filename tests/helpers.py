"""Shared helpers: build small PSP folders inline, so each test reads top to bottom."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from psptool.check import Validation, validate

AS_OF = date(2026, 6, 30)
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "falkirk-foster-care"

PSP = """\
name: Test PSP
id: test-psp
stage: identify
start: 2026-01-01
end: 2027-12-31
"""

PARTNERS = """\
partners:
  - id: council
    name: Council
    sector: public
    lead: true
    potential_funder: true
    people:
      - {id: p-dir, name: A. Director, director_level: true, signatory: true}
      - {id: p-pm, name: B. Manager}
  - id: charity
    name: Charity
    sector: third
    people:
      - {id: p-ceo, name: C. Chief, director_level: true, signatory: true}
"""

MINIMAL = {"psp.yaml": PSP, "partners.yaml": PARTNERS}


def build_tree(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write `files` under `root` (None removes a file); return root."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        if content is None:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def make_project(root: Path, **files: str | bytes | None) -> Path:
    """A minimal valid PSP folder with some files added or replaced (`risks_yaml=...`)."""
    contents: dict[str, str | bytes | None] = dict(MINIMAL)
    for key, value in files.items():
        contents[key.replace("_yaml", ".yaml")] = value
    return build_tree(root, contents)


def check(root: Path, as_of: date = AS_OF) -> Validation:
    return validate(root, as_of, find=False)
