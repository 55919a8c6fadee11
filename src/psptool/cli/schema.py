"""`psp schema`: the JSON Schema of every file, for editors that complete and check YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def schema_command(
    out_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", help="Write one NAME.schema.json per file into this folder."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing schema files.")] = False,
) -> None:
    """Print (or write) the JSON Schema of every file of a PSP folder."""
    import json  # here, not at the top: `psp --help` imports this module for its help

    from ..load.write import write_atomic
    from ..model.jsonschema import json_schemas
    from .console import out

    schemas = json_schemas()
    if out_dir is None:
        typer.echo(json.dumps(schemas, indent=2))
        return
    existing = [name for name in schemas if (out_dir / name).exists()]
    if existing and not force:
        from ..errors import OutputExists

        raise OutputExists(
            f"{out_dir / existing[0]} already exists; use --force to replace the schema files"
        )
    for name, schema in schemas.items():
        write_atomic(out_dir / name, json.dumps(schema, indent=2) + "\n", force=force)
        out().print(f"wrote {out_dir / name}")
