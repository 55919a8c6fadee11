"""How sentences in papers count and list things: `1 option`, `none is behind`, `a, b, and c`;
and the words an action's state and owner are written in."""

from __future__ import annotations

from datetime import date


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun agreeing: 1 option, 2 options, 0 options, 3 criteria
    (`plural(3, "criterion", "criteria")`)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
"""The numbers running text spells out: none to nine."""


def in_words(count: int) -> str:
    """A count as running text writes it: one to nine in words, 10 and over in figures
    ("two", "12", "1,500"); none for 0."""
    return WORDS[count] if 0 <= count < len(WORDS) else f"{count:,}"


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """`plural` with one to nine in words: "one decision", "two options", "12 benefits"."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{in_words(count)} {word}"


def agree(count: int, singular: str, plural_form: str) -> str:
    """A count as the subject of a clause, with its verb agreeing: `none is behind`, `one is
    behind`, `six are behind`, `12 are behind` (`agree(n, "is behind", "are behind")`)."""
    if count == 0:
        return f"none {singular}"
    return f"{in_words(count)} {singular if count == 1 else plural_form}"


def join(parts: list[str]) -> str:
    """a; a and b; a, b, and c."""
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


NO_OWNER = "No owner"
"""What an action's owner cell says when nobody has taken it on."""


def action_state(done: bool, completed: date | None, due: date | None, as_of: date) -> str:
    """Where an agreed action stands, in the words the minutes, agenda and highlight report
    share: "Done on 8 April 2011" (or "Done" with no date), "Overdue" (past its due date),
    "Not yet due" (due on or after the paper's date), "Open" (no due date)."""
    if done:
        return f"Done on {completed.day} {completed:%B %Y}" if completed else "Done"
    if due is None:
        return "Open"
    return "Overdue" if due < as_of else "Not yet due"
