"""psptool: keep a Public Social Partnership as a folder of YAML files.

The library is the product and the `psp` command adapts it. Names are imported lazily, so
`import psptool` (and `psp --help`) stays quick:

    >>> from psptool import validate
    >>> validate("examples/falkirk-foster-care").exit_code()
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "Diagnostic",
    "LoadResult",
    "Project",
    "Validation",
    "find_project",
    "init_project",
    "json_schemas",
    "load_project",
    "validate",
]

_WHERE = {
    "Diagnostic": "psptool.diagnostics",
    "LoadResult": "psptool.load",
    "Project": "psptool.model",
    "Validation": "psptool.check",
    "find_project": "psptool.load",
    "init_project": "psptool.load.scaffold",
    "json_schemas": "psptool.model.jsonschema",
    "load_project": "psptool.load",
    "validate": "psptool.check",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'psptool' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
