"""Building blocks shared by every record: ids, dates, 1–5 scores, money.

The types are strict where YAML could fool a loose parser: a score of `true` or `3.5` is an
error, not 1 or 3, a flag is `true` or `false` and nothing else (not `yes`, `on` or `1`), and
a date must be written as an ISO date, never as a number. What the loader accepts, the JSON
Schema that editors use (`psp schema`) accepts too, and the other way round: a whole number
written `3.0` is the score 3 in both, because JSON Schema counts it an integer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


def schema_pattern(body: str) -> str:
    """The JSON Schema `pattern` that matches exactly the whole texts `body` matches.

    Editors read patterns as ECMA regular expressions, where `$` is the end of the text; the
    `jsonschema` library reads them as Python's, where `$` also matches before a final line
    break. `$(?!\\n)` is the end of the text in both, so `"R1\\n"` is refused everywhere, as
    the loader (which matches up to `\\Z`) refuses it.
    """
    return f"^(?:{body})$(?!\\n)"


ID_BODY = "[A-Za-z][A-Za-z0-9_-]*"
ID_PATTERN = re.compile(rf"^{ID_BODY}\Z")
_DATE_BODY = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DATE_PATTERN = re.compile(rf"{_DATE_BODY}\Z")
CONTROL_CLASS = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff"
"""Characters XML 1.0 cannot hold, so no Word or Excel file can (the loader refuses them in
any text, `load.yamlfile.control_characters`), as a regular expression's class."""
TEXT_PATTERN = f"^[^{CONTROL_CLASS}]*$"
"""The JSON Schema pattern of every free text value: anything but those characters."""


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use letters, digits, '-' and '_', starting with a letter"
        )
    return value


FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2999, 12, 31)
"""The dates psp carries: the analyses add periods and years to them, which past 9999 would
overflow; no partnership's record is dated outside these."""


def in_range(when: date) -> date:
    """`when`, if psp can carry it (FIRST_DATE to LAST_DATE); ValueError otherwise."""
    if not FIRST_DATE <= when <= LAST_DATE:
        raise ValueError(
            f"{when.isoformat()} is outside the dates psp carries "
            f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})"
        )
    return when


def iso_date(text: str) -> date:
    """The date written `YYYY-MM-DD`, and only so.

    Python's `date.fromisoformat` also takes `20110630` and `2011-W26-4`; nobody keeping a
    PSP's records means a date that way, and the YAML files refuse them, so the command line
    does too. Raises ValueError with a message fit for a user.
    """
    if not _DATE_PATTERN.match(text):
        raise ValueError(f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31")
    try:
        when = date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a real date ({exc})") from None
    return in_range(when)


def _parse_date(value: Any) -> Any:
    """Accept `2010-02-01` (or a date); refuse numbers and other spellings.

    Spaces around the date are refused too, as the JSON Schema's pattern refuses them: YAML
    drops them from an unquoted value, so they are there only when written in quotes."""
    if isinstance(value, date):
        return in_range(value)
    if isinstance(value, str):
        return iso_date(value)
    raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31")


def whole(value: Any) -> Any:
    """`3.0` is the whole number 3: JSON Schema's `integer` is any number without a fraction,
    so an editor accepts `impact: 3.0`, and psp does too. `3.5` stays a fraction (and is
    refused), as do `true` and text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Id = Annotated[
    str,
    Field(json_schema_extra={"pattern": schema_pattern(ID_BODY)}),
    AfterValidator(_check_id),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    Field(json_schema_extra={"format": "date", "pattern": schema_pattern(_DATE_BODY)}),
]
Flag = Annotated[bool, Field(strict=True)]
"""`true` or `false`, and nothing else: `yes`, `on` and `1` are errors, with a hint."""
# A whole number's bounds come before the validator that turns 3.0 into 3, so that they
# bound the integer itself, in the loader and in the JSON Schema alike.
Score = Annotated[int, Field(strict=True, ge=1, le=5), BeforeValidator(whole)]
"""A 1–5 rating: likelihood, impact, interest, influence, an option's score."""
LARGEST = 1_000_000_000_000
"""The largest amount or measurement a PSP file may hold, a million million: more than any
public budget, and small enough that optimism bias, discounting and totals over thousands of
lines can never run past the largest number a computer holds (1e308 did, and crashed)."""
Number = Annotated[float, Field(strict=True, ge=-LARGEST, le=LARGEST, allow_inf_nan=False)]
Money = Annotated[float, Field(strict=True, ge=0, le=LARGEST, allow_inf_nan=False)]
Weight = Annotated[float, Field(strict=True, gt=0, le=LARGEST, allow_inf_nan=False)]


def months_between(start: date, end: date) -> float:
    """Calendar months from `start` to `end`, a day counting as 1/31 of a month."""
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 31


def months_through(start: date, end: date) -> float:
    """Months from `start` to the end of the day `end`: 1 October to 30 September is 12
    (and a period ending on the last day a date can have is not a crash)."""
    if end == date.max:
        return months_between(start, end) + 1 / 31
    return months_between(start, end + timedelta(days=1))


@dataclass(frozen=True)
class Records:
    """Declares, on a list field, that its items are records others refer to by id:
    `risks: Annotated[list[Risk], Records("risk")]`.

    `kind` is what one is called in messages ("risk R4: ..."). Ids are unique within
    `namespace`: by default the list alone; lists of one file that name the same namespace
    share it (a partner's people share "owner" with the partners, so an `owner` is never
    ambiguous). The duplicate-id check and the names in messages come from these
    declarations (`model.project.FileSpec.records`).
    """

    kind: str
    namespace: str | None = None


class Record(BaseModel):
    """Base of every model: unknown keys are errors, so a typo is never silently dropped.

    A number where text is expected is an error rather than converted, because YAML has
    already changed it (`phone: 01324 ...` loses its leading zero); the hint says to quote it.
    An optional key left empty (`goals:` with nothing after it) means the same as no key.
    """

    model_config = ConfigDict(extra="forbid", frozen=False, validate_default=False)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_absent(cls, data: Any) -> Any:
        if isinstance(data, dict) and None in data.values():
            fields = cls.model_fields
            return {
                key: value
                for key, value in data.items()
                if value is not None or key not in fields or fields[key].is_required()
            }
        return data


class Criterion(Record):
    """A weighted criterion, for options appraisal and for partner selection alike."""

    id: Id
    name: str
    weight: Weight
    description: str | None = None
