"""What the editing tests share: golden diffs against the `commented` folder."""

from __future__ import annotations

from pathlib import Path

from psptool.edit import EditResult
from tests.helpers import COMMENTED


def blank_context(diff: str) -> str:
    """The diff with its blank context lines (a single space) as empty lines, since the
    expected diffs here are written without trailing whitespace; nothing else changes."""
    return "\n".join("" if line == " " else line for line in diff.split("\n"))


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the folder, by name, as bytes."""
    return {p.name: p.read_bytes() for p in sorted(root.iterdir())}


def unchanged(root: Path) -> bool:
    """The folder holds what tests/fixtures/edit holds, byte for byte."""
    return snapshot(root) == snapshot(COMMENTED)


def assert_written(root: Path, result: EditResult, expected_diff: str) -> None:
    """The result's diff is exactly `expected_diff`, and it is what happened on disk."""
    assert blank_context(result.diff()) == expected_diff
    assert result.written
    for doc in result.documents:
        assert (root / doc.name).read_text(encoding="utf-8") == doc.text
        assert (COMMENTED / doc.name).read_text(encoding="utf-8") == doc.initial_text
    untouched = {doc.name for doc in result.documents}
    for name, content in snapshot(COMMENTED).items():
        if name not in untouched:
            assert (root / name).read_bytes() == content, name
