"""JSON Schema for every file of the folder, generated from the models, for editors.

The schema accepts what the loader accepts and refuses what it refuses (tests/load/
test_schema_agreement.py generates values for every field to hold the two together). Where
pydantic's own schema would say less than the loader checks, `PspJsonSchema` says it:

- a key left empty (`owner:` with nothing after it) means the key is absent, so every field
  that may be left out also takes `null`;
- a number is finite: YAML's `.nan` passes every `minimum` and `maximum`, so each number
  refuses it in so many words;
- text holds no control character that a Word or Excel file cannot hold;
- the keys of `scores` are ids, and nothing else.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .common import TEXT_PATTERN
from .project import FILES, FileSpec

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NULL: dict[str, Any] = {"type": "null"}
NOT_NAN: dict[str, Any] = {
    "$comment": "no real number is both at least 1 and at most 0, but NaN (.nan) passes "
    "every bound: this refuses it",
    "type": "number",
    "minimum": 1,
    "maximum": 0,
}


class PspJsonSchema(GenerateJsonSchema):
    """pydantic's JSON Schema, told what the loader does beyond the types (see above)."""

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        json_schema = super().default_schema(schema)
        if _takes_null(json_schema):
            return json_schema
        default = {k: json_schema.pop(k) for k in ("default",) if k in json_schema}
        return {"anyOf": [json_schema, NULL], **default}

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        json_schema = super().float_schema(schema)
        json_schema["not"] = NOT_NAN
        return json_schema

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        json_schema = super().str_schema(schema)
        json_schema.setdefault("pattern", TEXT_PATTERN)  # an id's or a date's pattern replaces it
        return json_schema

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        json_schema = super().dict_schema(schema)
        if "patternProperties" in json_schema:
            json_schema["additionalProperties"] = False  # a key that is not an id
        return json_schema


def _takes_null(json_schema: JsonSchemaValue) -> bool:
    return json_schema.get("type") == "null" or NULL in json_schema.get("anyOf", [])


def schema_file_name(spec: FileSpec) -> str:
    return spec.name.replace(".yaml", ".schema.json")


def json_schema(spec: FileSpec) -> dict[str, Any]:
    schema = spec.model.model_json_schema(schema_generator=PspJsonSchema)
    return {
        "$schema": DIALECT,
        "title": f"psp {spec.name}: {spec.what}",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def json_schemas() -> dict[str, dict[str, Any]]:
    """Schema file name (`risks.schema.json`) to schema, for every file of the folder."""
    return {schema_file_name(spec): json_schema(spec) for spec in FILES}
