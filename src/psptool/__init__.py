"""psptool: keep a Public Social Partnership as a folder of YAML files.

The library is the product and the `psp` command adapts it. Names are imported lazily, so
`import psptool` (and `psp --help`) stays quick:

    >>> from psptool import validate
    >>> validate("examples/falkirk-foster-care").exit_code()
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    # the folder: find it, load it, check it, start one
    "Diagnostic": "psptool.diagnostics",
    "LoadResult": "psptool.load",
    "Project": "psptool.model",
    "Validation": "psptool.check",
    "find_project": "psptool.load",
    "init_project": "psptool.load.scaffold",
    "json_schemas": "psptool.model.jsonschema",
    "load_project": "psptool.load",
    "validate": "psptool.check",
    # scoring and analysis: pure functions of a loaded project
    "analyse_benefits": "psptool.analysis",
    "analyse_goals": "psptool.analysis",
    "analyse_plan": "psptool.analysis",
    "appraise_options": "psptool.analysis",
    "economic_case": "psptool.analysis",
    "map_stakeholders": "psptool.analysis",
    "rank_candidates": "psptool.analysis",
    "score_risks": "psptool.analysis",
    "stage_gate": "psptool.analysis.gate",
    # the highlight report's data, and the papers
    "status_report": "psptool.report",
    "status_since": "psptool.report",
    "PAPERS": "psptool.report.papers",
    "render_paper": "psptool.render.papers",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'psptool' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
