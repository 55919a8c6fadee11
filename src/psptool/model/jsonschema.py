"""JSON Schema for every file of the folder, generated from the models, for editors."""

from __future__ import annotations

from typing import Any

from .project import FILES, FileSpec

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(spec: FileSpec) -> str:
    return spec.name.replace(".yaml", ".schema.json")


def json_schema(spec: FileSpec) -> dict[str, Any]:
    schema = spec.model.model_json_schema()
    return {
        "$schema": DIALECT,
        "title": f"psp {spec.name}: {spec.what}",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def json_schemas() -> dict[str, dict[str, Any]]:
    """Schema file name (`risks.schema.json`) to schema, for every file of the folder."""
    return {schema_file_name(spec): json_schema(spec) for spec in FILES}
