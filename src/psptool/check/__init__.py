"""Checks in layers: syntax and schema (from the loader), references, consistency, practice.

Each check is a plain function `CheckContext -> Iterable[Diagnostic]`, registered with
`@rule(codes…)` where it is written (registry.py) and run in `CHECKS` order; each runs inside a
guard, so a check that breaks is reported as PSP000 and the others still run.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..diagnostics import Diagnostic, make
from ..load import LoadResult, ProjectNotFound, load_project
from .context import CheckContext
from .registry import RULES, Check, Rule, ordered, rule

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")  # each registers its rules

CHECKS: tuple[Check, ...] = tuple(r.check for r in ordered())
"""Every check `psp validate` runs, in order: the rules registered with `@rule` (registry.py)."""

CANNOT_RUN = frozenset({"PSP001", "PSP003"})
"""Codes that mean the folder could not be read at all: `psp validate` exits 2."""


@dataclass
class Validation:
    """Everything `psp validate` found, in file and line order."""

    root: Path | None
    diagnostics: list[Diagnostic]
    result: LoadResult | None = field(default=None, repr=False)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def cannot_run(self) -> bool:
        return any(d.code in CANNOT_RUN for d in self.diagnostics)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 findings (warnings too under strict), 2 could not run."""
        if self.cannot_run:
            return 2
        if self.errors or (strict and self.warnings):
            return 1
        return 0


def run_checks(result: LoadResult, as_of: date) -> list[Diagnostic]:
    """Run every registered check; one that raises becomes a PSP000 finding."""
    ctx = CheckContext(result, as_of)
    found: list[Diagnostic] = []
    for check in CHECKS:
        try:
            found.extend(check(ctx))
        except Exception as exc:  # a broken rule must not hide the others' findings
            found.append(
                make(
                    "PSP000",
                    f"the check '{check.__name__}' failed ({type(exc).__name__}: {exc}); "
                    "please report this",
                )
            )
    return found


def validate(
    path: str | os.PathLike[str] | None = None,
    as_of: date | None = None,
    *,
    find: bool = True,
) -> Validation:
    """Load the folder at (or above) `path` and run every check as at `as_of` (default today)."""
    try:
        result = load_project(path, find=find)
    except ProjectNotFound as exc:
        return Validation(None, [exc.diagnostic])
    found = list(result.diagnostics)
    found.extend(run_checks(result, as_of or date.today()))
    found.sort(key=lambda d: d.sort_key)
    return Validation(result.root, found, result)


__all__ = [
    "CHECKS",
    "RULES",
    "Check",
    "CheckContext",
    "Rule",
    "Validation",
    "rule",
    "run_checks",
    "validate",
]
