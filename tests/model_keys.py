"""The keys of the folder's files by what their values are, read from the models, for tests
that put awkward values where real ones stood (tests/test_fuzz.py): a new field is fuzzed as
soon as it is declared."""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any

from pydantic import AfterValidator

from psptool.model import folder_models
from psptool.model.common import Id


def field_names() -> list[str]:
    """Every key any file of the folder may hold, at any depth."""
    return sorted(
        {
            info.alias or name
            for model in folder_models()
            for name, info in model.model_fields.items()
        }
    )


def keys_holding(kind: str) -> set[str]:
    """Keys whose value is a date, a number, an id (`reference`) or a list of ids
    (`references`), in any record that has them."""
    found: set[str] = set()
    for model in folder_models():
        for name, info in model.model_fields.items():
            if _kind(info.annotation, list(info.metadata)) == kind:
                found.add(info.alias or name)
    return found


_ID_CHECK = next(m for m in typing.get_args(Id) if isinstance(m, AfterValidator)).func


def _kind(annotation: Any, metadata: list[Any], in_list: bool = False) -> str | None:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _kind(args[0], [*metadata, *args[1:]], in_list)
    if origin in (typing.Union, types.UnionType) and len(args) == 1:
        return _kind(args[0], metadata, in_list)
    if origin is list:
        return None if in_list else _kind(args[0], metadata, True)
    if any(isinstance(m, AfterValidator) and m.func is _ID_CHECK for m in metadata):
        return "references" if in_list else "reference"
    if in_list:
        return None
    if annotation is date:
        return "date"
    if annotation in (int, float):
        return "number"
    return None
