"""Imports go one way (DESIGN.md §4): model ← load ← check/analysis ← edit ← report ← render
← cli. A module may import its own layer and those below it, never one above."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "psptool"
LAYERS = {"model": 0, "load": 1, "check": 2, "analysis": 2, "edit": 3, "report": 4}
LAYERS |= {"render": 5, "cli": 6}
"""Each folder of the package and its height; the top-level modules (errors, diagnostics,
vocabulary) sit beneath them all."""


def imported_layers(path: Path) -> set[str]:
    """The layers `path` imports, relative or absolute, at the top or inside a function."""
    module = path.relative_to(PACKAGE).with_suffix("").parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(module[: len(module) - node.level])
                target = [*base, *(node.module or "").split(".")] if node.module else base
                names = [".".join(target)] if target else [a.name for a in node.names]
            elif node.module and node.module.startswith("psptool."):
                names = [node.module.removeprefix("psptool.")]
            elif node.module == "psptool":
                names = [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            names = [
                a.name.removeprefix("psptool.") for a in node.names if a.name.startswith("psptool.")
            ]
        found |= {name.split(".")[0] for name in names if name}
    return found & set(LAYERS)


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_no_layer_imports_one_above_it(layer: str) -> None:
    above = {
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for name in imported_layers(path)
        if LAYERS[name] > LAYERS[layer]
    }
    assert sorted(above) == []
