"""How sentences in papers count and list things: `1 option`, `none is behind`, `a, b, and c`."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun agreeing: 1 option, 2 options, 0 options, 3 criteria
    (`plural(3, "criterion", "criteria")`)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def agree(count: int, singular: str, plural_form: str) -> str:
    """A count as the subject of a clause, with its verb agreeing: `none is behind`, `1 is
    behind`, `6 are behind` (`agree(n, "is behind", "are behind")`)."""
    if count == 0:
        return f"none {singular}"
    return f"{count:,} {singular if count == 1 else plural_form}"


def join(parts: list[str]) -> str:
    """a; a and b; a, b, and c."""
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]
