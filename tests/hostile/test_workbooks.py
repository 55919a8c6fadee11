"""`psp import raid` on hostile workbooks: each is refused before it is read, within the
memory limit, with a message, exit code 2 and the folder unchanged."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile import files
from tests.hostile.harness import assert_refused

CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "far-cell": (files.far_cell, "it has a row 1,048,576, beyond the 100,000 psp reads"),
    "far-dimension": (files.far_dimension, "reaches cell XFD1048576, beyond the 200 columns"),
    "zip-bomb": (files.zip_bomb, "unpacks to 200 MiB, over the 128 MiB psp reads"),
    "cut-short": (files.cut_short, "is not well-formed XML"),
    "entity-bomb": (files.entity_bomb, "it declares a DOCTYPE (entities)"),
    "long-row-number": (files.long_row_number, "it has a row 9999999999999999999… (10,000"),
    "shared-strings": (files.many_shared_strings, "holds over 2,000,000 cells"),
}


SLOW = {"shared-strings"}
"""Cases that take more than a few seconds (building three million strings)."""


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=[pytest.mark.slow] if c in SLOW else []) for c in sorted(CASES)]
)
def test_a_hostile_workbook_is_refused(case: str, example: Path, tmp_path: Path) -> None:
    make, message = CASES[case]
    book = files.write(tmp_path / f"{case}.xlsx", make())
    assert_refused(["import", "raid", str(book), "--apply"], example, code=2, message=message)


@pytest.mark.slow
def test_a_million_rows_are_refused(example: Path, tmp_path: Path) -> None:
    book = files.write(tmp_path / "rows.xlsx", files.million_rows())
    assert_refused(
        ["import", "raid", str(book)], example, code=2, message="it has over 100,000 rows"
    )


def test_a_named_pipe_is_not_read(example: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "raid.xlsx"
    os.mkfifo(pipe)
    assert_refused(
        ["import", "raid", str(pipe)], example, code=2, message="is a named pipe, not a file"
    )


def test_a_device_is_not_read(example: Path) -> None:
    assert_refused(
        ["import", "raid", "/dev/zero"],
        example,
        code=2,
        message="/dev/zero is a device, not a file",
    )


def test_a_folder_is_not_read(example: Path, tmp_path: Path) -> None:
    assert_refused(
        ["import", "raid", str(tmp_path)], example, code=2, message="is a folder, not a file"
    )
