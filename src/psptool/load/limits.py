"""Limits on every input psp reads besides the folder's YAML: workbooks, Word templates, files
from git history, and the text it quotes back in messages.

A partnership runs psp in CI on pull requests from many hands, so no input may hang it,
exhaust the machine's memory or leak a file's content. Each check here runs *before* the
input is read: a file's kind and size from `fstat`, a zip's declared sizes from its directory,
a workbook's rows, columns and cells from a streaming pass over its XML that refuses entity
declarations (so nothing is expanded). docs/architecture.md lists the limits.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UnsafeInput
from ..quoting import escape_controls, shorten

if TYPE_CHECKING:  # zipfile (with bz2 and lzma) is imported only to read a zip
    import zipfile

MAX_WORKBOOK_BYTES = 32 * 1024 * 1024
"""Largest workbook or template file read, as the largest YAML file (load.project)."""
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
"""Most a workbook or template may unpack to, all its parts together. A RAID log of 10,000
entries unpacks to about 10 MB."""
MAX_PARTS = 2_000
"""Most files a workbook or template may hold inside its zip."""
MAX_ROWS = 100_000
"""Most rows a sheet psp imports may have: ten times the largest RAID log psp has met."""
MAX_COLUMNS = 200
"""Most columns a sheet psp imports may reach (the RAID log has about twenty)."""
MAX_CELLS = 2_000_000
"""Most cells a workbook psp imports may hold, all sheets together."""
EXCEL_CELL_CHARS = 32_767
"""The most characters an Excel cell holds; Excel (and openpyxl) cut longer text."""


def excel_length(text: str) -> int:
    """How long Excel counts `text`: in UTF-16 code units, so a character outside the Basic
    Multilingual Plane (an emoji) counts two towards the cell limit."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def special_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def outside(path: Path, root: Path) -> Path | None:
    """Where `path` really leads when a symbolic link takes it out of `root`; else None."""
    try:
        target = path.resolve(strict=False)
        home = root.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links
        return None
    if target == home or home in target.parents:
        return None
    return target


def read_regular(path: Path, what: str, limit: int, root: Path | None = None) -> bytes:
    """The bytes of `path`, read only if it is a regular file of at most `limit` bytes (and,
    with `root`, does not lead out of `root` by a symbolic link); `UnsafeInput` otherwise.

    The file is opened without blocking and checked on the open descriptor, so a named pipe
    or a device swapped in after a check is never read."""
    shown = escape_controls(str(path))
    if root is not None and outside(path, root) is not None:
        raise UnsafeInput(
            f"{what} {shown} is a symbolic link to a file outside the folder; "
            "psp reads only files inside it"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UnsafeInput(f"{what} {shown} is not a file: there is nothing there") from None
    except OSError as exc:
        raise UnsafeInput(f"{what} {shown} cannot be read: {exc.strerror or exc}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise UnsafeInput(f"{what} {shown} is {special_kind(status.st_mode)}, not a file")
        if status.st_size > limit:
            raise UnsafeInput(
                f"{what} {shown} is {status.st_size / 1e6:.1f} MB, over the "
                f"{limit // 2**20} MiB psp reads"
            )
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnsafeInput(f"{what} {shown} cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise UnsafeInput(f"{what} {shown} is over the {limit // 2**20} MiB psp reads")
    return data


def check_zip(archive: zipfile.ZipFile, what: str) -> None:
    """Refuse a zip (a workbook, a Word template) whose parts are too many or unpack to too
    much, from the sizes its directory declares; Python's zip reader never unpacks more than
    a part declares, so the declared sizes bound what is read."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise UnsafeInput(f"{what} holds {len(parts):,} files, over the {MAX_PARTS:,} psp reads")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnsafeInput(
            f"{what} unpacks to {unpacked / 2**20:,.0f} MiB, over the "
            f"{MAX_UNPACKED_BYTES // 2**20} MiB psp reads"
        )


class _Refused(Exception):
    pass


def scan_xml(archive: zipfile.ZipFile, name: str, what: str, sheet: bool = False) -> int:
    """Stream one XML part of `archive` through expat, refusing a DOCTYPE (so no entity is
    ever declared, let alone expanded) and XML that is cut short or broken; for a `sheet`,
    also a declared dimension, a row or a cell beyond the limits. The number of cells."""
    import zipfile
    from xml.parsers import expat

    parser = expat.ParserCreate()
    cells = 0
    rows = 0

    def doctype(*_: object) -> None:
        raise _Refused("it declares a DOCTYPE (entities), which no Office file needs")

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal cells, rows
        local = tag.rpartition("}")[2].rpartition(":")[2]
        if local in ("c", "si"):  # a cell, or a shared string one may show
            cells += 1
            if cells > MAX_CELLS:
                raise _Refused(f"it holds over {MAX_CELLS:,} cells")
            reference = attributes.get("r")
            if reference:
                _check_reference(reference)
        elif local == "row":
            rows += 1
            if rows > MAX_ROWS + 1:
                raise _Refused(f"it has over {MAX_ROWS:,} rows")
            number = attributes.get("r", "")
            if number.isdigit() and (len(number) > 7 or int(number) > MAX_ROWS + 1):
                shown = f"{int(number):,}" if len(number) <= 7 else shorten(number, 20)
                raise _Refused(f"it has a row {shown}, beyond the {MAX_ROWS:,} psp reads")
        elif local == "dimension":
            for corner in attributes.get("ref", "").split(":"):
                _check_reference(corner)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    if sheet:
        parser.StartElementHandler = start
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Refused as exc:
        raise UnsafeInput(f"{what}: part {shorten(name)}: {exc}") from None
    except expat.ExpatError as exc:
        raise UnsafeInput(
            f"{what}: part {shorten(name)} is not well-formed XML ({exc}); "
            "the file may be cut short or damaged"
        ) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise UnsafeInput(f"{what}: part {shorten(name)} cannot be unpacked: {exc}") from None
    return cells


def _check_reference(reference: str) -> None:
    """A cell reference such as `XFD1048576`, within the rows and columns psp reads."""
    letters = reference.rstrip("0123456789").lstrip("$").replace("$", "")
    digits = reference[len(reference.rstrip("0123456789")) :]
    column = 0
    for letter in letters.upper():
        if not "A" <= letter <= "Z":
            return
        column = column * 26 + ord(letter) - 64
        if column > MAX_COLUMNS:
            raise _Refused(
                f"it reaches cell {shorten(reference, 20)}, beyond the {MAX_COLUMNS} columns "
                "psp reads"
            )
    if digits and (len(digits) > 7 or int(digits) > MAX_ROWS + 1):
        raise _Refused(
            f"it reaches cell {shorten(reference, 20)}, beyond the {MAX_ROWS:,} rows psp reads"
        )


def check_office_file(data: bytes, what: str, kind: str, sheets: bool = False) -> None:
    """Refuse a workbook or Word document that would take too much to read: too many parts,
    too large unpacked, XML with entity declarations or cut short, and (with `sheets`) a
    sheet beyond the rows, columns and cells psp reads. Nothing is expanded to find out."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsafeInput(f"{what} cannot be read as {kind}: {exc}") from None
    with archive:
        check_zip(archive, what)
        cells = 0
        for part in archive.infolist():
            if part.is_dir() or not part.filename.endswith((".xml", ".rels", ".vml")):
                continue
            is_sheet = sheets and part.filename.startswith(("xl/worksheets/", "xl/sharedStrings"))
            cells += scan_xml(archive, part.filename, what, sheet=is_sheet)
            if cells > MAX_CELLS:
                raise UnsafeInput(f"{what} holds over {MAX_CELLS:,} cells")
