"""What a Word paper keeps on one line, and the acronyms it spells out, once it is rendered
(`office.lay_out` calls these on every Word paper).

A line may not break between an initial and a surname ("L. Baird"), a number and its unit
("12 weeks", "5 per cent", "3 × 3"), inside a date ("30 June 2011", "June 2011"), or inside
a rate ("£860 a week"): each of those spaces becomes a no-break space. A range of months is
written with an en dash and kept whole ("April–June 2011": a word joiner after the dash,
where a line could otherwise break). An acronym the partnership lists (psp.yaml `acronyms`)
is spelt out where the paper first uses it: "Getting it right for every child (GIRFEC)".

The functions take the root element of a part (the body, a footer) and change its text in
place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

NBSP = "\u00a0"
WORD_JOINER = "\u2060"
"""A character of no width that a line may not break at (Unicode's WJ)."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_UNITS = (
    r"(?:seconds?|minutes?|hours?|days?|working days?|weeks?|fortnights?|months?|quarters?|"
    r"years?|per cent|percent|pages?|pt|mm|cm|km|kg|miles?|am|pm)"
)
_DATE = rf"\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|(?:{_MONTHS}) \d{{4}}"
_RATE = r"£\S+ (?:a|per)[ \u00a0](?:day|week|month|quarter|year)"

KEPT = re.compile(
    "|".join(
        (
            rf"\b(?:{_DATE})\b",
            # a rate's "a week": where the rate must break, it breaks before it (#14 R3)
            r"(?<=\d )(?:a|per) (?:day|week|month|quarter|year)\b",
            # an initial, or several, before a surname: "L. Baird", "J. K. Smith"
            r"(?<![\w.])(?:[A-Z]\. )+(?=[A-Z][\w’'-])",
            # a number and its unit; a number × a number
            rf"(?<![\w.,])\d[\d,.]*(?: {_UNITS}\b| × \d+\b)",
        )
    )
)
"""Phrases whose spaces become no-break spaces in every paragraph, in a table too."""
RATES = re.compile(_RATE)
"""A rate, kept whole where there is room for it (a table too narrow for its rates on one
line lets them break before "a year": office._needs_within)."""
_RANGE = re.compile(rf"\b({_MONTHS})\s*[-–—]\s*({_MONTHS})(?=[ {NBSP}]\d{{4}}\b)")


def paragraphs(root: Any, tables: bool = True) -> Iterator[Any]:
    """The paragraphs (`w:p`) under `root`, in order; only those outside tables when not
    `tables`."""
    for paragraph in root.iter(f"{_W}p"):
        if not tables and any(a.tag == f"{_W}tbl" for a in paragraph.iterancestors()):
            continue
        yield paragraph


def _texts(paragraph: Any) -> list[Any]:
    """The paragraph's own text elements (`w:t`), those of a paragraph nested in it (a text
    box) left out."""
    return [t for t in paragraph.iter(f"{_W}t") if _paragraph_of(t) is paragraph]


def _paragraph_of(element: Any) -> Any:
    for ancestor in element.iterancestors(f"{_W}p"):
        return ancestor
    return None


def join(paragraph: Any, pattern: re.Pattern[str]) -> None:
    """Every space inside a phrase `pattern` finds made a no-break space, the paragraph's
    text read across its runs (a date may be split across two)."""
    texts = _texts(paragraph)
    whole = "".join(t.text or "" for t in texts)
    spaces = {
        match.start() + i
        for match in pattern.finditer(whole)
        for i, char in enumerate(match.group(0))
        if char == " "
    }
    if not spaces:
        return
    offset = 0
    for t in texts:
        text = t.text or ""
        hits = [i - offset for i in spaces if offset <= i < offset + len(text)]
        if hits:
            chars = list(text)
            for i in hits:
                chars[i] = NBSP
            t.text = "".join(chars)
        offset += len(text)


def _ranges(paragraph: Any) -> None:
    for t in _texts(paragraph):
        if t.text and _RANGE.search(t.text):
            t.text = _RANGE.sub(rf"\1–{WORD_JOINER}\2", t.text)


def keep_together(root: Any, rates: bool = True, tables: bool = True) -> None:
    """Keep the phrases of every paragraph under `root` on one line (`KEPT`, and `RATES`
    when `rates`); paragraphs in tables only when `tables`."""
    for paragraph in paragraphs(root, tables):
        _ranges(paragraph)
        join(paragraph, KEPT)
        if rates:
            join(paragraph, RATES)


def keep_rates_together(root: Any) -> None:
    """Keep every rate under `root` on one line ("£860 a week")."""
    for paragraph in paragraphs(root):
        join(paragraph, RATES)


def spell_out(root: Any, acronyms: Mapping[str, str]) -> None:
    """Each acronym written out where `root` first uses it, "Getting it right for every child
    (GIRFEC)", unless it is written out there already; later uses are left as they are."""
    left = {acronym: expansion for acronym, expansion in acronyms.items() if acronym.strip()}
    if not left:
        return
    found = {acronym: re.compile(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])") for acronym in left}
    for paragraph in paragraphs(root):
        if not left:
            return
        texts = _texts(paragraph)
        before = ""
        for t in texts:
            text = t.text or ""
            for acronym in list(left):
                match = found[acronym].search(text)
                if match is None:
                    continue
                expansion = left.pop(acronym)
                prior = re.sub(r"[\s\u2060]+", " ", before + text[: match.start()]).casefold()
                if prior.rstrip().endswith(f"{expansion.casefold()} ("):
                    continue  # already written out
                text = f"{text[: match.start()]}{expansion} ({acronym}){text[match.end() :]}"
                t.text = text
            before += text
