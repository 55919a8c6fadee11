"""Validate parsed YAML against the models; turn pydantic errors into diagnostics in place.

A pydantic error's `loc` walks the same path as the parsed data, so its line and column come
from the positions the parser kept. Records that fail are left out of the model (the rest of
the file still loads and is checked), and `Removed` remembers which list items went, so later
checks can still point at the right line.
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, make
from ..model import RECORD_KINDS
from .yamlfile import Path, Position

_SINGULAR = {record.key: record.kind for record in RECORD_KINDS}
"""What one record of each list is called in messages, by the list's key: `risks` -> "risk"
(a key names one kind wherever it is: tests/load/test_files.py holds it)."""


@dataclass
class Removed:
    """List items left out of a model because they failed validation, by original list path.

    `whole` says the model could not be built even without them (psp.yaml without its
    required `name`, say): every record of the file is left out.
    """

    items: dict[Path, list[int]] = field(default_factory=dict)
    whole: bool = False

    def original(self, path: Path) -> Path:
        """Translate a path in the model's coordinates back to the file's."""
        out: list[str | int] = []
        for step in path:
            if isinstance(step, int):
                gone = self.items.get(tuple(out))
                if gone:
                    index = step
                    for removed in gone:
                        if removed <= index:
                            index += 1
                    step = index
            out.append(step)
        return tuple(out)


def locate(positions: dict[Path, Position], path: Path, value: bool) -> tuple[int, int]:
    """Line and column of the longest prefix of `path` that the file has."""
    for end in range(len(path), -1, -1):
        pos = positions.get(tuple(path[:end]))
        if pos is not None:
            if value and end == len(path):
                return pos.value_line, pos.value_column
            return pos.line, pos.column
    return (1, 1) if positions else (0, 0)


def validate_file(
    model: type[BaseModel],
    data: Any,
    file: str,
    positions: dict[Path, Position],
) -> tuple[BaseModel | None, Removed, list[Diagnostic]]:
    """Validate `data`; return the model (pruned of bad records), what was pruned, findings."""
    removed = Removed()
    try:
        return model.model_validate(data), removed, []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    diagnostics = [_diagnostic(model, err, data, file, positions) for err in errors]
    current = data
    for _ in range(5):
        current, progress = _prune(current, errors, removed)
        if not progress:
            break
        try:
            return model.model_validate(current), removed, diagnostics
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
    removed.whole = True
    return None, removed, diagnostics


def _prune(data: Any, errors: list[Any], removed: Removed) -> tuple[Any, bool]:
    """Drop, for each error, the innermost list item it sits in, else the top-level key.

    `data` is left as it is: what is returned shares only the parts nothing was dropped from.
    """
    drop_items: dict[Path, set[int]] = {}
    drop_keys: set[str] = set()
    for err in errors:
        loc = _clean_loc(err["loc"])
        index = max((i for i, step in enumerate(loc) if isinstance(step, int)), default=None)
        if index is not None:  # loc[index] is an int: mypy does not narrow by a variable index
            drop_items.setdefault(tuple(loc[:index]), set()).add(loc[index])  # type: ignore[arg-type]
        elif loc and isinstance(loc[0], str) and isinstance(data, dict) and loc[0] in data:
            drop_keys.add(loc[0])
    if not drop_items and not drop_keys:
        return data, False
    # a copy of what changes, never the caller's data: SourceFile.data is the file as written
    pruned = _copy_without(data, (), drop_items)
    if drop_keys and isinstance(pruned, dict):
        pruned = {key: value for key, value in pruned.items() if key not in drop_keys}
    # record removals in the file's coordinates: translate every path of this pass before
    # recording any, since they are all in the coordinates from before it (a person dropped
    # from partner 1 while partner 0 is dropped too is still in partner 1 as written)
    translated = [
        (removed.original(list_path), [removed.original((*list_path, i))[-1] for i in indices])
        for list_path, indices in drop_items.items()
        if not _inside_dropped(list_path, drop_items)
    ]
    for original_list, originals in translated:
        bucket = removed.items.setdefault(original_list, [])
        bucket.extend(int(i) for i in originals)
        bucket.sort()
    return pruned, True


def _inside_dropped(path: Path, drop: dict[Path, set[int]]) -> bool:
    """Whether `path` lies inside a list item dropped in the same pass (it goes with it)."""
    return any(
        isinstance(step, int) and step in drop.get(tuple(path[:end]), ())
        for end, step in enumerate(path)
    )


def _copy_without(data: Any, path: Path, drop: dict[Path, set[int]]) -> Any:
    if not any(p[: len(path)] == path for p in drop):
        return data
    if isinstance(data, list):
        gone = drop.get(path, set())
        return [
            _copy_without(item, (*path, i), drop) for i, item in enumerate(data) if i not in gone
        ]
    if isinstance(data, dict):
        return {k: _copy_without(v, (*path, k), drop) for k, v in data.items()}
    return data


def _clean_loc(loc: tuple[Any, ...]) -> Path:
    """Drop pydantic's markers (`[key]`, union member names) that are not part of the file."""
    return tuple(step for step in loc if not (isinstance(step, str) and step.startswith("[")))


def _value_at(data: Any, loc: Path) -> Any:
    for step in loc:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """Field names of the model that sits at `loc` inside `model`, for 'did you mean'."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = _keys(current).get(step)
            if info is None:
                return []
            current = info.annotation
        else:
            continue
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(_keys(current))
    return []


def _keys(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the key a file writes them under (a field's alias, if it has one:
    `from:` for a field that Python must call something else)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _unwrap(annotation: Any) -> Any:
    """Reach the model inside `list[X]`, `X | None`, `dict[str, X]` or `Annotated[X, ...]`."""
    for _ in range(5):
        origin = typing.get_origin(annotation)
        if origin is None:
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin is typing.Annotated or origin in (list, tuple, set):
            annotation = args[0]
        elif origin is dict:
            annotation = args[-1]
        elif origin in (typing.Union, types.UnionType):
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        else:
            return annotation
    return annotation


def _label(loc: Path, data: Any) -> tuple[str, Path]:
    """Name the record an error is in ('risk R4') and the path inside it ('actions[2].due');
    the innermost record with an id names it, so an action of risk R4 is 'risk R4:
    actions[2].due' and a budget line, which has none, is 'budget[3].planned'."""
    for i in range(len(loc) - 1, 0, -1):
        step = loc[i]
        if isinstance(step, int):
            item = _value_at(data, loc[: i + 1])
            kind = _SINGULAR.get(str(loc[i - 1]))
            if kind and isinstance(item, dict) and isinstance(item.get("id"), str | int):
                return f"{kind} {item['id']}", loc[i + 1 :]
    return "", loc


def path_text(path: Path) -> str:
    """A path as messages write it, counting list items from 1 as people do:
    `('roles', 4, 'role')` is `roles[5].role`, `('options', 0, 'scores', 'cost')` is
    `options[1].scores.cost`."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step + 1}]"
        else:
            text += f".{step}" if text else str(step)
    return text


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}...'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if isinstance(value, int) and len(text) > 40:
        return f"a number of {len(text.lstrip('-')):,} digits"
    return text if len(text) <= 40 else f"{text[:37]}..."


def _diagnostic(
    model: type[BaseModel], err: Any, data: Any, file: str, positions: dict[Path, Position]
) -> Diagnostic:
    raw_loc = tuple(err["loc"])
    loc = _clean_loc(raw_loc)
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    label, inner = _label(loc, data)
    is_key = len(raw_loc) != len(loc)  # a dict key failed (pydantic's '[key]' marker)
    name = path_text(inner) if inner else ""
    hint: str | None = None
    at_value = True

    if kind == "missing":
        field_name = str(loc[-1]) if loc else ""
        parent_label, _ = _label(loc[:-1], data) if loc else ("", ())
        where = parent_label or path_text(loc[:-1])
        code, text = "PSP102", f"'{field_name}' is required"
        label, name = where, ""
        at_value = False
        position = locate(positions, loc[:-1], value=False)
        return make(code, f"{label}: {text}" if label else text, file, *position, hint=hint)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        choices = _fields_at(model, loc[:-1])
        guess = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
        parent = _label(loc[:-1], data)[0] or path_text(loc[:-1])
        text = f"unknown key '{key}'"
        hint = f"did you mean '{guess[0]}'?" if guess else _known(choices)
        if not guess and value is None:
            hint = _split_by_comma(key) or hint
        position = locate(positions, loc, value=False)
        return make("PSP101", f"{parent}: {text}" if parent else text, file, *position, hint=hint)

    if kind == "literal_error":
        expected = _expected(ctx.get("expected", ""))
        code = "PSP105"
        text = f"{_show(value)} is not one of: {', '.join(expected)}"
        guess = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.5)
        hint = f"did you mean '{guess[0]}'?" if guess else None
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        code = "PSP104"
        text = _range_text(kind, ctx, value, loc)
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        code, text = "PSP103", f"must be a whole number, got {_show(value)}"
        hint = _number_hint(loc, value)
    elif kind == "float_type" and isinstance(value, int) and not isinstance(value, bool):
        # a whole number is a number; this one is too large to be a float
        code, text = "PSP104", f"is too large, got {_show(value)}"
    elif kind in ("float_type", "float_parsing", "finite_number"):
        code, text = "PSP103", f"must be a number, got {_show(value)}"
        hint = _number_hint(loc, value)
    elif kind in ("string_type",):
        code, text = "PSP103", f"must be text, got {_show(value)}"
        if isinstance(value, int | float) and not isinstance(value, bool):
            hint = 'put it in quotes, e.g. "01324 506070": YAML reads unquoted digits as a number'
    elif kind in ("bool_type", "bool_parsing"):
        code, text = "PSP103", f"must be true or false, got {_show(value)}"
        quoted = isinstance(value, str) and value.strip().lower() in ("true", "false")
        hint = "write true or false" + (" (without quotes)" if quoted else "")
    elif kind in ("list_type", "tuple_type", "set_type"):
        code, text = "PSP103", f"must be a list, got {_show(value)}"
        hint = "write each item on its own line starting with '- ', or as [a, b]"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        code, text = "PSP103", f"must be a mapping of keys and values, got {_show(value)}"
    elif kind == "value_error":
        message = str(err.get("msg", "")).removeprefix("Value error, ")
        if "valid id" in message:
            code = "PSP106"
        elif "date" in message:
            code = "PSP107"
        else:
            code = "PSP108"
        text = message
    elif kind.startswith("date"):
        code, text = "PSP107", f"{_show(value)} is not a date: write it as YYYY-MM-DD"
    else:
        code, text = "PSP108", str(err.get("msg", "is not valid"))

    if is_key:
        text = text.replace("'", "key '", 1) if text.startswith("'") else f"key {text}"
        at_value = False
    message = f"{name} {text}" if name else text
    if label:
        message = f"{label}: {message}"
    position = locate(positions, loc, value=at_value)
    return make(code, message, file, *position, hint=hint)


_CURRENCY = "£$€¥"


def _number_hint(loc: Path, value: Any) -> str | None:
    """What to write for text that is a number in disguise: `planned: £12,000` is
    `planned: 12000`, `target: 75%` is `target: 75`, `likelihood: "3"` is `likelihood: 3`."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    bare = re.sub(rf"[{_CURRENCY},\s]", "", text).removesuffix("%")
    if not re.fullmatch(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)", bare):
        return None
    number = float(bare)
    if not math.isfinite(number):
        return None
    without = [
        what
        for what, present in (
            ("a currency sign", any(c in text for c in _CURRENCY)),
            ("commas", "," in text),
            ("spaces", " " in text),
            ("the % sign", text.endswith("%")),
        )
        if present
    ] or ["quotes"]
    shown = f"{int(number)}" if number.is_integer() and "." not in bare else bare
    field_name = next((step for step in reversed(loc) if isinstance(step, str)), "")
    written = f"{field_name}: {shown}" if field_name else shown
    return f"write the number alone, without {' or '.join(without)}: {written}"


def _split_by_comma(key: str) -> str | None:
    """A key with no value and no close match is most often the end of a text or a number
    that a comma inside `{...}` cut in two (`title: Manager, Commissioning`)."""
    if key.isdigit():
        return (
            "a comma inside {...} separates items: write numbers without a thousands "
            "separator (12000, not 12,000)"
        )
    if " " in key or key[:1].isupper():
        return (
            "a comma inside {...} separates items: put text that holds a comma in quotes, "
            'e.g. title: "Manager, Commissioning"'
        )
    return None


def _expected(text: str) -> list[str]:
    return [part.strip().strip("'") for part in text.replace(" or ", ", ").split(",") if part]


def _known(choices: list[str]) -> str | None:
    if not choices:
        return None
    return "known keys here: " + ", ".join(choices)


_SCORE_FIELDS = {"likelihood", "impact", "interest", "influence"}


def _range_text(kind: str, ctx: dict[str, Any], value: Any, loc: Path) -> str:
    is_score = bool(loc) and (loc[-1] in _SCORE_FIELDS or (len(loc) > 1 and loc[-2] == "scores"))
    if is_score:
        return f"must be a whole number from 1 to 5, got {_show(value)}"
    bound = next(iter(ctx.values()), "?")
    words = {
        "greater_than_equal": "at least",
        "less_than_equal": "at most",
        "greater_than": "more than",
        "less_than": "less than",
    }
    if isinstance(bound, int | float) and float(bound).is_integer() and abs(bound) >= 10_000:
        bound = f"{int(bound):,}"
    return f"must be {words[kind]} {bound}, got {_show(value)}"
