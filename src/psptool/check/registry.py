"""The check rules of `psp validate`, each registered where it is written.

A rule is a plain function `CheckContext -> Iterable[Diagnostic]`, declared with the codes it
can emit (beancount keeps its validations in a list; the decorator appends to one):

    @rule("PSP402", "PSP403")
    def raid_log(ctx: CheckContext) -> Iterator[Diagnostic]: ...

Every module of the `check` package is imported when the package is, so a new module of rules
needs no other edit. Rules run in the order of their first code: layer by layer (references
PSP2xx, consistency PSP3xx, good practice PSP4xx and on), whichever module holds them, so a
new module's place does not depend on its name. The tests hold every
registered code to `diagnostics.CODES`, docs/diagnostics.md and a case in
tests/check/test_codes.py, and every code a module's source names to one of its rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..diagnostics import CODES, Diagnostic
from .context import CheckContext

Check = Callable[[CheckContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    """A registered check and the diagnostic codes it can emit."""

    check: Check
    codes: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.check.__name__

    @property
    def layer(self) -> int:
        """The hundreds of its first code: 2 references, 3 consistency, 4 good practice."""
        return int(self.codes[0][3])


RULES: list[Rule] = []
"""Every registered rule, in the order registered (`ordered()` gives the order they run in)."""


def rule(*codes: str) -> Callable[[Check], Check]:
    """Register the decorated check, which emits only `codes` (each one in `CODES`)."""
    if not codes:
        raise ValueError("a rule names the codes it can emit")
    unknown = [code for code in codes if code not in CODES]
    if unknown:
        raise ValueError(f"codes not in diagnostics.CODES: {', '.join(unknown)}")

    def register(check: Check) -> Check:
        RULES.append(Rule(check, codes))
        return check

    return register


def ordered() -> list[Rule]:
    """The rules in the order they run: by their first code, so by layer (references,
    consistency, good practice) and within one in the order the codes were given, whichever
    module a rule is written in."""
    return sorted(RULES, key=lambda r: r.codes[0])
