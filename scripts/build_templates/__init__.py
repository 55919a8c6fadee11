"""Build the default Word templates in templates/ from code, so they are reproducible.

    python scripts/build_templates [DIR]

Run it after changing a template's module here, and commit both. The templates are docxtpl
documents: Jinja tags inside Word, which a partnership can copy out with
`psp templates export mou.docx` and restyle in Word. Each module of this package builds the
templates of one paper and names them in its `TEMPLATES` (file name → builder); `word.py`
holds the pieces they share. A new Word paper's template is a new module here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

from docx.document import Document

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


def builders() -> dict[str, Callable[[], Document]]:
    """Every template this package builds, by file name, from its modules' `TEMPLATES`."""
    found: dict[str, Callable[[], Document]] = {}
    for module in pkgutil.iter_modules(__path__):
        named = getattr(importlib.import_module(f"{__name__}.{module.name}"), "TEMPLATES", {})
        for name, builder in named.items():
            if name in found:
                raise ValueError(f"two modules build {name}")
            found[name] = builder
    return found


def build(folder: Path = TEMPLATES_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in builders().items():
        path = folder / name
        builder().save(str(path))
        written.append(path)
    return written
