"""The loader and the JSON Schema agree: what `psp validate` accepts, the schema from
`psp schema` accepts, and the other way round (docs/format.md, "Editor support").

For every file of the folder (`psptool.model.FILES`) a valid document is built from the
models, with every field filled in, so that every field of every record is somewhere in it.
Hypothesis then changes one to three of its fields (a value of the right type or the wrong
one, an edge number, a whole float, a yes-or-no word, nothing, text with a control
character), drops a field, adds an unknown key or changes a key of `scores`, writes the
result as YAML and loads it with `load_texts`. The loader's verdict is whether the file has
a schema-layer error (a PSP1xx code); the schema's is whether `jsonschema`'s
Draft202012Validator (with the formats checked, as editors check them) finds none in the
data the loader read. They must be the same, for the Python regular expressions the
`jsonschema` library uses and for the ECMA ones editors use (`regress`).
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import jsonschema
import pytest
import regress
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from psptool.load import load_texts
from psptool.load.yamlfile import _CONTROL
from psptool.model import FILES, FileSpec
from psptool.model.common import CONTROL_CLASS, LARGEST
from psptool.model.jsonschema import json_schemas, schema_file_name

EXAMPLES = 3000 if os.environ.get("PSP_HYPOTHESIS_PROFILE") == "long" else 120
SCHEMAS = json_schemas()
ROOT = Path("/nonexistent/psp")
BEYOND_THE_SCHEMA = (
    "must give each from_year once, in increasing order",
    "a residual value belongs in the option's final year",
    "in nominal prices: give price_base",
    "gdp_deflators has no index for",
)
"""Loader findings no JSON Schema can express (docs/format.md says so): a rule across the
items of a list, or across the keys of a file. The schema accepts such a file and the loader
refuses it, on this alone."""


# --- the schema's side: Python's regular expressions, and ECMA's as editors read them --------


def _ecma_search(pattern: str, text: str) -> bool:
    return _ecma(pattern).find(text) is not None


@cache
def _ecma(pattern: str) -> Any:
    return regress.Regex(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "string") and not _ecma_search(pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, patterns: dict[str, Any], instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if _ecma_search(pattern, key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(
    validator: Any, additional: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    """As jsonschema's, with the keys matched against `patternProperties` as ECMA does."""
    if not validator.is_type(instance, "object"):
        return
    patterns = schema.get("patternProperties", {})
    extras = [
        key
        for key in instance
        if key not in schema.get("properties", {})
        and not any(_ecma_search(p, key) for p in patterns)
    ]
    if validator.is_type(additional, "object"):
        for key in extras:
            yield from validator.descend(instance[key], additional, path=key)
    elif not additional and extras:
        yield jsonschema.ValidationError(f"additional properties are not allowed: {extras}")


EcmaValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    {
        "pattern": _pattern,
        "patternProperties": _pattern_properties,
        "additionalProperties": _additional_properties,
    },
)
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


@cache
def validators(name: str) -> tuple[Any, Any]:
    schema = SCHEMAS[name]
    jsonschema.Draft202012Validator.check_schema(schema)
    return (
        jsonschema.Draft202012Validator(schema, format_checker=FORMATS),
        EcmaValidator(schema, format_checker=FORMATS),
    )


# --- a valid document, from the models --------------------------------------------------


def _full(info: FieldInfo) -> Any:
    """A field's annotation with its constraints and validators, as pydantic applies them."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def _strip(annotation: Any) -> Any:
    """The type under `Annotated[...]` and `X | None`."""
    for _ in range(5):
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


LEAF_CANDIDATES: tuple[Any, ...] = ("a1", "2011-01-01", "2011", "2011/12", "#005EB8", 0, 1, True)
"""Tried in turn for a field of a plain type: the first its own validator accepts is used."""


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def example(annotation: Any, full: bool = True) -> Any:
    """A valid value for `annotation`: with every field of every record filled in, or
    (`full=False`) with only the required ones."""
    base = _strip(annotation)
    origin = typing.get_origin(base)
    if _is_model(base):
        return {
            info.alias or name: example(_full(info), full)
            for name, info in base.model_fields.items()
            if full or info.is_required()
        }
    if origin is list:
        return [example(typing.get_args(base)[0], full)]
    if origin is dict:
        key, value = typing.get_args(base)
        return {example(key): example(value, full)} if full else {}
    if origin is Literal:
        return typing.get_args(base)[0]
    for candidate in LEAF_CANDIDATES:
        try:
            _adapter(annotation).validate_python(candidate)
        except Exception:
            continue
        return candidate
    raise AssertionError(f"no example value for {annotation}")


@dataclass(frozen=True)
class Slot:
    """A place in the document that a value can be put in: a model's field, a list's item, a
    mapping's value (`key=False`) or one of its keys (`key=True`)."""

    path: tuple[str | int, ...]
    annotation: Any
    field: FieldInfo | None = None
    key: bool = False


def slots(model: type[BaseModel], data: dict[str, Any]) -> tuple[list[Slot], list[tuple]]:
    """Every place a value can go in `data` (a valid document of `model`), and the path of
    every record in it (where an unknown key can be added)."""
    places: list[Slot] = []
    records: list[tuple] = []

    def walk(annotation: Any, value: Any, path: tuple) -> None:
        base = _strip(annotation)
        origin = typing.get_origin(base)
        if _is_model(base) and isinstance(value, dict):
            records.append(path)
            for name, info in base.model_fields.items():
                key = info.alias or name  # as the file writes it: `from:`, not `holder`
                places.append(Slot((*path, key), _full(info), info))
                walk(_full(info), value[key], (*path, key))
        elif origin is list and isinstance(value, list):
            item = typing.get_args(base)[0]
            places.append(Slot((*path, 0), item))
            walk(item, value[0], (*path, 0))
        elif origin is dict and isinstance(value, dict):
            key_type, item = typing.get_args(base)
            for key in value:
                places.append(Slot((*path, key), key_type, key=True))
                places.append(Slot((*path, key), item))
                walk(item, value[key], (*path, key))

    walk(model, data, ())
    return places, records


def literal_values() -> list[str]:
    """Every enumerated value any model allows (stages, RAID types, statuses...)."""
    found: set[str] = set()

    def visit(annotation: Any) -> None:
        if typing.get_origin(annotation) is Literal:
            found.update(str(a) for a in typing.get_args(annotation))
        for arg in typing.get_args(annotation):
            visit(arg)
        if _is_model(annotation):
            for info in annotation.model_fields.values():
                visit(_full(info))

    for spec in FILES:
        visit(spec.model)
    return sorted(found)


DOCUMENTS = {spec.name: example(spec.model) for spec in FILES}
SLOTS = {spec.name: slots(spec.model, DOCUMENTS[spec.name]) for spec in FILES}
ENUMS = literal_values()

EDGE_NUMBERS: list[Any] = [
    *(0, 1, 2, 5, 6, -1, 24, 25, 26, 50, 51, 99, 100, 101, 999, 1000, 2012, 9999, 10000),
    *(LARGEST, LARGEST + 1, -LARGEST, -LARGEST - 1, 10**400, -(10**400)),
    *(0.0, -0.0, 0.5, 1.0, 3.0, 3.5, 5.0, 5.5, 100.0, 100.5, 2012.0, 1e12, 1e12 + 0.5),
    *(1e300, -1e300, 5e-324, math.inf, -math.inf, math.nan),
]
EDGE_TEXT: list[str] = [
    *("", " ", "yes", "no", "on", "off", "y", "n", "Yes", "true", "false", "True", "1", "0"),
    *("3", "3.0", "null", "~", "a1", "R1", "R-007", "knock_on", "1a", "R 1", "R1\n", "p.baird"),
    *("2011-01-01", "2011-02-30", "2011-13-01", " 2011-01-01", "2011-01-01\n", "20110101"),
    *("2011-W26-4", "0000-01-01", "2011", "2011-Q1", "2011-Q5", "2011-03", "2011-00"),
    *("2011/12", "2011\n", "\u0662\u0660\u0661\u0661", "%", "£12,000", "12,000", "20%"),
    *("text\x1b", "a\x00b", "\ufffe", "tab\there", "line\nbreak", "café", "😀"),
    *ENUMS,
    *(value.upper() for value in ENUMS[:5]),
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(EDGE_NUMBERS),
    st.integers(min_value=-(10**13), max_value=10**13),
    st.floats(),
    st.sampled_from(EDGE_TEXT),
    st.text(max_size=12),
)


def values(slot: Slot) -> st.SearchStrategy[Any]:
    """What to put in a slot: its valid value, or any other kind of value."""
    valid = example(slot.annotation)
    containers = st.sampled_from([[], {}, [valid], [None], [1], {"k": 1}, {"a1": valid}])
    listed = st.lists(st.one_of(st.just(valid), SCALARS), max_size=3)
    return st.one_of(st.just(valid), SCALARS, containers, listed)


KEYS = st.one_of(st.sampled_from(["a1", "b2", "1", "R 1", "R1\n", "", "x-y", "é"]), st.text())


@st.composite
def changed(draw: st.DrawFn, name: str) -> tuple[dict[str, Any], list[str]]:
    """The valid document of `name` with one to three changes, and what they were."""
    document = copy.deepcopy(DOCUMENTS[name])
    places, records = SLOTS[name]
    done: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["set", "set", "set", "drop", "unknown key", "rename"]))
        if action == "unknown key":
            path = draw(st.sampled_from(records))
            parent = _at(document, path)
            fields = sorted(parent) if isinstance(parent, dict) else []
            key = draw(
                st.one_of(
                    st.sampled_from(["zzz", "ownr", "Owner", "due_date"]),
                    st.sampled_from(fields).map(lambda f: f + "s") if fields else st.just("x"),
                )
            )
            if isinstance(parent, dict) and key not in parent:
                parent[key] = draw(SCALARS)
                done.append(f"added {(*path, key)}")
            continue
        slot = draw(st.sampled_from(places))
        parent = _at(document, slot.path[:-1])
        step = slot.path[-1]
        if not _has(parent, step):
            continue  # an earlier change replaced what held it
        if slot.key or action == "rename":
            if not slot.key or not isinstance(parent, dict):
                continue
            new = draw(KEYS)
            parent[new] = parent.pop(step)
            done.append(f"renamed {slot.path} to {new!r}")
        elif action == "drop":
            if slot.field is None or not isinstance(parent, dict):
                continue
            del parent[step]
            done.append(f"dropped {slot.path}")
        else:
            value = draw(values(slot))
            parent[step] = value
            done.append(f"set {slot.path} to {value!r}")
    return document, done


def _at(data: Any, path: tuple) -> Any:
    for step in path:
        if not _has(data, step):
            return None
        data = data[step]
    return data


def _has(container: Any, step: Any) -> bool:
    if isinstance(container, dict):
        return step in container
    if isinstance(container, list):
        return isinstance(step, int) and step < len(container)
    return False


# --- writing the data as YAML -------------------------------------------------------------


def to_yaml(value: Any) -> str:
    """`value` as YAML 1.2 flow style, every text double-quoted with escapes for characters
    that may not stand in a YAML file as they are."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, str):
        return _quoted(value)
    if isinstance(value, list):
        return "[" + ", ".join(to_yaml(item) for item in value) + "]"
    assert isinstance(value, dict), value
    return "{" + ", ".join(f"{_quoted(k)}: {to_yaml(v)}" for k, v in value.items()) + "}"


def _quoted(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code > 0xFFFF:
            out.append(f"\\U{code:08x}")
        else:
            out.append(f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


BASE_TEXTS = {name: to_yaml(DOCUMENTS[name]).encode() for name in ("psp.yaml", "partners.yaml")}


# --- the verdicts -------------------------------------------------------------------------


def loader_verdict(
    name: str, document: dict[str, Any], alone: bool = False
) -> tuple[Any, list[str]]:
    """The data as the loader read it, and its schema-layer errors in the file; `alone`
    loads the file without a valid psp.yaml and partners.yaml beside it (which cannot change
    the file's own schema findings, and takes time)."""
    texts = {name: to_yaml(document).encode()} if alone else {**BASE_TEXTS, name: b""}
    texts[name] = to_yaml(document).encode()
    result = load_texts(ROOT, texts)
    for d in result.diagnostics:
        if d.file != name and not alone:
            assert d.severity != "error", d  # the other files are valid
        assert not (d.file == name and d.code < "PSP100"), d  # the YAML itself reads
    errors = [
        f"{d.code} {d.message}"
        for d in result.diagnostics
        if d.file == name and d.severity == "error" and d.code.startswith("PSP1")
    ]
    errors = [e for e in errors if not any(rule in e for rule in BEYOND_THE_SCHEMA)]
    return result.sources[name].data, errors


def schema_verdicts(name: str, data: Any) -> list[list[str]]:
    """The schema's errors in `data`, with Python's regular expressions and with ECMA's."""
    return [
        [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        for validator in validators(schema_file_name(_spec(name)))
    ]


def _spec(name: str) -> FileSpec:
    return next(spec for spec in FILES if spec.name == name)


def agree(name: str, document: dict[str, Any], what: list[str], alone: bool = False) -> None:
    data, loader_errors = loader_verdict(name, document, alone)
    for engine, schema_errors in zip(("Python", "ECMA"), schema_verdicts(name, data), strict=True):
        assert bool(loader_errors) == bool(schema_errors), (
            f"{name} after {what}, regular expressions as {engine}'s:\n"
            f"loader: {loader_errors or 'valid'}\nschema: {schema_errors or 'valid'}\n"
            f"{to_yaml(data)}"
        )


# --- the tests ----------------------------------------------------------------------------

NAMES = [spec.name for spec in FILES]


@pytest.mark.parametrize("name", NAMES)
def test_the_full_document_is_valid_to_both(name: str) -> None:
    data, loader_errors = loader_verdict(name, DOCUMENTS[name])
    assert loader_errors == []
    assert schema_verdicts(name, data) == [[], []]


@pytest.mark.parametrize("name", NAMES)
def test_every_field_is_reached(name: str) -> None:
    """Each model's every field has a slot, so the property test can change it."""
    places, _ = SLOTS[name]
    reached = {slot.path[-1] for slot in places if slot.field is not None}

    def fields(model: type[BaseModel]) -> set[str]:
        names = {info.alias or name for name, info in model.model_fields.items()}
        for info in model.model_fields.values():
            for arg in [_strip(_full(info)), *typing.get_args(_strip(_full(info)))]:
                if _is_model(_strip(arg)):
                    names |= fields(_strip(arg))
        return names

    assert fields(_spec(name).model) <= reached


@pytest.mark.parametrize("name", NAMES)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_the_loader_and_the_schema_agree(name: str, data: st.DataObject) -> None:
    document, what = data.draw(changed(name))
    agree(name, document, what)


# --- every kind of value in every kind of field, one by one --------------------------------

UNIVERSAL: list[Any] = [
    *(None, True, False, 0, 1, -1, 3.0, 3.5, math.nan, math.inf, 10**400),
    *("", "yes", "a1", "R1\n", "2011-01-01", "2012", "text\x1b"),
    *([], {}, [None], [1], {"k": 1}, {"zzz": 1}),
]
"""Values tried in every slot; a slot of numbers also gets every edge number, one of text
(ids, dates, periods, choices) every edge text."""


def representatives() -> list[tuple[str, Slot]]:
    """One slot of each kind: slots whose type, key-ness and being required are the same
    take the same values the same way, wherever they are."""
    chosen: dict[tuple[str, bool, bool], tuple[str, Slot]] = {}
    for name in NAMES:
        for slot in SLOTS[name][0]:
            required = slot.field is not None and slot.field.is_required()
            chosen.setdefault((repr(slot.annotation), slot.key, required), (name, slot))
    return list(chosen.values())


def minimal_document(name: str, slot: Slot) -> dict[str, Any]:
    """The file with only its required fields, and what it takes to reach `slot`."""
    document = example(_spec(name).model, full=False)
    annotations = {s.path: s.annotation for s in SLOTS[name][0] if not s.key}
    for end in range(1, len(slot.path) + 1):
        parent = _at(document, slot.path[: end - 1])
        step = slot.path[end - 1]
        if not _has(parent, step):
            value = example(annotations[slot.path[:end]], full=False)
            if isinstance(parent, list):
                parent.append(value)
            else:
                parent[step] = value
    return document


def tried(slot: Slot) -> list[Any]:
    if slot.key:
        return ["a1", "b2", "1", "R 1", "R1\n", "", "x-y", "é", "yes", "2011-01-01"]
    base = _strip(slot.annotation)
    valid, bare = example(slot.annotation), example(slot.annotation, full=False)
    values = [valid, bare, [valid], {"a1": valid}, *UNIVERSAL]
    if isinstance(valid, dict):
        values.append({**valid, "zzz": 1})
    if base in (int, float, bool):
        values += EDGE_NUMBERS
    if base in (str, bool, date) or typing.get_origin(base) is Literal:
        values += EDGE_TEXT
    return values


REPRESENTATIVES = representatives()


def _slot_id(name: str, slot: Slot) -> str:
    return f"{name}:{'.'.join(map(str, slot.path))}{' (key)' if slot.key else ''}"


@pytest.mark.parametrize(
    ("name", "slot"), REPRESENTATIVES, ids=[_slot_id(*chosen) for chosen in REPRESENTATIVES]
)
def test_every_kind_of_value_in_every_kind_of_field(name: str, slot: Slot) -> None:
    document = minimal_document(name, slot)
    agree(name, document, ["the file with only its required fields"], alone=True)
    for value in tried(slot):
        changed_document = copy.deepcopy(document)
        parent = _at(changed_document, slot.path[:-1])
        if slot.key:
            parent[value] = parent.pop(slot.path[-1])
        else:
            parent[slot.path[-1]] = value
        agree(name, changed_document, [f"set {slot.path} to {value!r}"], alone=True)
    if slot.field is not None:
        dropped = copy.deepcopy(document)
        del _at(dropped, slot.path[:-1])[slot.path[-1]]
        agree(name, dropped, [f"dropped {slot.path}"], alone=True)


# --- the cases named in the issue, as people write them -------------------------------------

PSP = "name: Test PSP\nid: test-psp\nstage: pilot\n"
PARTNER = "partners:\n  - id: council\n    name: Council\n    sector: public\n    lead: {lead}\n"
RISK = (
    "risks:\n  - id: R1\n    type: risk\n    title: Providers withdraw\n"
    "    likelihood: 3\n    impact: {impact}\n"
)


def _both(name: str, text: str) -> tuple[list[Any], list[str], Any]:
    """The loader's schema findings in `name`, the schema's errors, and the loaded project."""
    texts = {"psp.yaml": PSP.encode(), "partners.yaml": PARTNER.format(lead="true").encode()}
    texts[name] = text.encode()
    result = load_texts(ROOT, texts)
    found = [d for d in result.diagnostics if d.file == name and d.code.startswith("PSP1")]
    plain, ecma = schema_verdicts(name, result.sources[name].data)
    assert bool(plain) == bool(ecma)
    return found, plain, result.project


@pytest.mark.parametrize("word", ["yes", "on", "1", "Yes", "y", '"true"'])
def test_a_flag_is_true_or_false_only(word: str) -> None:
    found, schema_errors, _ = _both("partners.yaml", PARTNER.format(lead=word))
    assert [(d.code, d.line, d.column) for d in found] == [("PSP103", 5, 11)]
    shown = word.strip('"')
    assert found[0].message == f"partner council: lead must be true or false, got {_shown(shown)}"
    assert found[0].hint == (
        "write true or false (without quotes)" if word.startswith('"') else "write true or false"
    )
    assert schema_errors


def _shown(text: str) -> str:
    return text if text.isdigit() else f"'{text}'"


def test_a_whole_float_is_the_whole_number() -> None:
    found, schema_errors, project = _both("risks.yaml", RISK.format(impact="3.0"))
    assert found == [] and schema_errors == []
    impact = project.risks.risks[0].impact
    assert (impact, type(impact)) == (3, int)


def test_a_fraction_is_not_a_score() -> None:
    found, schema_errors, _ = _both("risks.yaml", RISK.format(impact="3.5"))
    assert [d.message for d in found] == ["risk R1: impact must be a whole number, got 3.5"]
    assert schema_errors


def test_a_year_is_a_budget_period() -> None:
    text = "budget:\n  - {period: 2012, category: procurement, planned: 6500}\n"
    found, schema_errors, project = _both("budget.yaml", text)
    assert found == [] and schema_errors == []
    assert project.budget.budget[0].period == "2012"


@pytest.mark.parametrize("period", ["12", "20120", "2012.5"])
def test_a_number_that_is_not_a_year_is_not_a_period(period: str) -> None:
    found, schema_errors, _ = _both("budget.yaml", f"budget:\n  - {{period: {period}}}\n")
    assert [d.code for d in found] == ["PSP108" if "." not in period else "PSP103"]
    assert schema_errors


def test_an_id_with_a_line_break_is_refused_by_both() -> None:
    found, schema_errors, _ = _both("risks.yaml", RISK.format(impact=4).replace("R1", '"R1\\n"'))
    assert [d.code for d in found] == ["PSP106"]
    assert schema_errors


def test_a_date_in_quotes_with_spaces_is_refused_by_both() -> None:
    text = RISK.format(impact=4) + '    raised: " 2011-01-01"\n'
    found, schema_errors, _ = _both("risks.yaml", text)
    assert [d.code for d in found] == ["PSP107"]
    assert schema_errors


def test_the_schema_text_class_is_the_loader_s() -> None:
    """The characters the schema refuses in text are those the loader refuses."""
    schema_class = re.compile(f"[{CONTROL_CLASS}]")
    for code in [*range(0x3000), *range(0xFFF0, 0x10000), 0x10FFFF]:
        char = chr(code)
        assert bool(schema_class.match(char)) == bool(_CONTROL.match(char)), hex(code)


def test_the_docs_budget_example_is_valid() -> None:
    """docs/format.md's own budget.yaml, with its `{period: 2012, ...}` line, validates."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text("utf-8")
    block = docs.split("```yaml\n# budget.yaml\n", 1)[1].split("```", 1)[0]
    assert "{period: 2012," in block
    found, schema_errors, project = _both("budget.yaml", block)
    assert found == [] and schema_errors == []
    assert "2012" in [line.period for line in project.budget.budget]


def test_the_examples_are_valid_to_the_schema() -> None:
    """Every file of the worked example is valid against its schema, as loaded."""
    from tests.helpers import EXAMPLE

    for spec in FILES:
        path = EXAMPLE / spec.name
        if not path.is_file():
            continue
        result = load_texts(ROOT, {spec.name: path.read_bytes()})
        assert schema_verdicts(spec.name, result.sources[spec.name].data) == [[], []], spec.name


def test_json_round_trip_of_the_schemas() -> None:
    """The schemas are plain JSON (no NaN, no Python objects), as `psp schema` writes them."""
    for name, schema in SCHEMAS.items():
        assert json.loads(json.dumps(schema, allow_nan=False)) == schema, name
