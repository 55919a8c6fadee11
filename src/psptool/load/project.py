"""Find a PSP folder, read its files safely, and build the `Project` with source positions."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from ..diagnostics import Diagnostic, make
from ..errors import MARKER, ProjectNotFound
from ..model import FILES, FileSpec, Partnership, Project
from ..vocabulary import STAGES, Stage
from .limits import special_kind
from .schema import Removed, locate, validate_file
from .yamlfile import Path, Position, control_characters, parse_yaml

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger than any real PSP file (10,000 risks is about 4 MB), small enough to read safely."""


@dataclass
class SourceFile:
    """One file of the folder as read: its text, parsed data and where every value stands."""

    name: str
    path: FsPath
    present: bool = False
    text: str = ""
    data: Any = None
    positions: dict[Path, Position] = field(default_factory=dict)
    removed: Removed = field(default_factory=Removed)
    _lines: list[str] | None = None

    def line(self, number: int) -> str:
        """The text of a line (counting from 1), for showing the offending line."""
        if self._lines is None:
            self._lines = self.text.splitlines()
        if 0 < number <= len(self._lines):
            return self._lines[number - 1]
        return ""

    def locate(self, path: Path, value: bool = False) -> tuple[int, int]:
        """Line and column of a path given in the model's coordinates."""
        return locate(self.positions, self.removed.original(path), value)


@dataclass
class LoadResult:
    """The outcome of loading a folder: the project (always built), sources and findings."""

    root: FsPath
    project: Project
    sources: dict[str, SourceFile]
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def find_project(start: str | os.PathLike[str] | None = None) -> FsPath:
    """The nearest folder at or above `start` that holds psp.yaml, as git finds its repo.

    A `start` that does not exist is refused: `psp validate typo` run inside a PSP folder
    must not check the enclosing folder and pass."""
    here = FsPath(start or os.getcwd()).absolute()
    try:
        if start is not None and not here.exists() and not here.is_symlink():
            raise ProjectNotFound(here, missing=True)
        if here.is_file():
            here = here.parent
    except OSError:  # a name too long to look up: there is no such folder
        raise ProjectNotFound(here, missing=True) from None
    for folder in (here, *here.parents):
        if (folder / MARKER).exists() or (folder / MARKER).is_symlink():
            return folder
    raise ProjectNotFound(here)


def read_text(path: FsPath, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a file of the folder as UTF-8, refusing folders, special files (a named pipe
    would block for ever, /dev/zero never ends), unreadable, huge and non-UTF-8 files, and a
    symbolic link that leads out of the folder (its content would be quoted in messages,
    which CI publishes)."""
    from .limits import outside

    if outside(path, path.parent) is not None:
        return None, [
            make(
                "PSP003",
                f"{name} is a symbolic link to a file outside the folder; psp reads only "
                "files inside it",
                name,
                hint="replace the link with the file itself",
            )
        ]
    try:
        # opened without blocking and checked on the descriptor, so a named pipe is never
        # waited on and a file swapped for a device after the check is never read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        return None, [make("PSP003", f"{name} is a folder, not a file", name)]
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [make("PSP003", f"{name} cannot be read: {reason}", name)]
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            return None, [make("PSP003", f"{name} is a folder, not a file", name)]
        if not stat.S_ISREG(status.st_mode):
            return None, [
                make("PSP003", f"{name} is {special_kind(status.st_mode)}, not a file", name)
            ]
        if status.st_size > MAX_FILE_BYTES:
            return None, [_too_large(name, status.st_size)]
        with open(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [make("PSP003", f"{name} cannot be read: {reason}", name)]
    finally:
        os.close(fd)
    return decode_text(raw, name)


def _too_large(name: str, size: int) -> Diagnostic:
    return make(
        "PSP004",
        f"{name} is {size / 1e6:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MiB "
        "a PSP file may have",
        name,
    )


def decode_text(raw: bytes, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8, with a byte-order mark tolerated; UTF-16 and others refused."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [_too_large(name, len(raw))]
    diagnostics: list[Diagnostic] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        return None, [
            make(
                "PSP005",
                f"{name} is saved as UTF-16; psp reads UTF-8",
                name,
                hint="save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
            )
        ]
    if b"\x00" in raw:
        return None, [make("PSP005", f"{name} holds NUL bytes: it is not a text file", name)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        diagnostics.append(
            make(
                "PSP006",
                f"{name} starts with a byte-order mark",
                name,
                1,
                1,
                hint="save as 'UTF-8' rather than 'UTF-8 with BOM'",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            make(
                "PSP005",
                f"{name} is not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be read",
                name,
                line,
                column,
                hint="save the file as UTF-8 (it may be in Windows-1252 or Latin-1)",
            )
        ]
    return text, diagnostics


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= 0.7 * half and min(even, odd) <= 0.1 * half


def load_project(start: str | os.PathLike[str] | None = None, *, find: bool = True) -> LoadResult:
    """Load the PSP folder at (or, with `find`, above) `start`.

    Never raises for bad content: every problem is a diagnostic, and the project holds every
    record that passed validation. Raises `ProjectNotFound` only when there is no folder.
    """
    root = find_project(start) if find else FsPath(start or os.getcwd()).absolute()
    if not find and not (root / MARKER).exists() and not (root / MARKER).is_symlink():
        raise ProjectNotFound(root)
    return _load(root, lambda spec: _read_from_disk(root, spec))


def load_texts(root: FsPath, texts: Mapping[str, bytes | int | None]) -> LoadResult:
    """Load a folder given as file contents (None for an absent file; a size for a file too
    large to have been read), e.g. from git history.

    The same checks apply as for files on disk, so an old revision with errors still loads.
    """
    return _load(root, lambda spec: _read_from_memory(spec, texts.get(spec.name)))


Reader = Callable[[FileSpec], tuple[bool, str | None, list[Diagnostic]]]


def _load(root: FsPath, reader: Reader) -> LoadResult:
    sources: dict[str, SourceFile] = {}
    diagnostics: list[Diagnostic] = []
    models: dict[str, Any] = {}
    for spec in FILES:
        source, model, found = _load_file(root, spec, reader)
        sources[spec.name] = source
        diagnostics.extend(found)
        if model is not None:
            models[spec.attribute] = model
    if "psp" not in models:
        models["psp"] = _fallback_partnership(sources["psp.yaml"].data)
    project = Project(**models)
    return LoadResult(root, project, sources, diagnostics)


def _read_from_disk(root: FsPath, spec: FileSpec) -> tuple[bool, str | None, list[Diagnostic]]:
    path = root / spec.name
    if not path.exists() and not path.is_symlink():
        return False, None, []
    text, found = read_text(path, spec.name)
    return True, text, found


def _read_from_memory(
    spec: FileSpec, raw: bytes | int | None
) -> tuple[bool, str | None, list[Diagnostic]]:
    if raw is None:
        return False, None, []
    if isinstance(raw, int):
        return True, None, [_too_large(spec.name, raw)]
    text, found = decode_text(raw, spec.name)
    return True, text, found


def _load_file(
    root: FsPath, spec: FileSpec, reader: Reader
) -> tuple[SourceFile, Any, list[Diagnostic]]:
    source = SourceFile(spec.name, root / spec.name)
    present, text, found = reader(spec)
    if not present:
        if spec.required:
            return (
                source,
                None,
                [
                    make(
                        "PSP002",
                        f"{spec.name} is missing: every PSP folder needs {spec.what} in it",
                        spec.name,
                        hint="run 'psp init --force' in the folder to add the missing files",
                    )
                ],
            )
        return source, None, []
    source.present = True
    if text is None:
        return source, None, found
    source.text = text
    parsed = parse_yaml(text, spec.name)
    found.extend(parsed.diagnostics)
    source.positions = parsed.positions
    data = parsed.data
    if not parsed.ok and data is None:
        # Unreadable YAML. A duplicate key (PSP012) is an error too, but the parser kept the
        # first value and built the whole file, so the file is still checked as written.
        return source, None, found
    found.extend(control_characters(parsed, spec.name))
    if data is None:
        data = {}
        if spec.required:
            found.append(
                make(
                    "PSP102",
                    f"{spec.name} is empty: it needs {spec.what}",
                    spec.name,
                    1,
                    1,
                )
            )
            return source, None, found
    if not isinstance(data, dict):
        line, column = locate(parsed.positions, (), value=True)
        found.append(
            make(
                "PSP015",
                f"{spec.name} must hold a mapping of keys at the top, not {_kind(data)}",
                spec.name,
                line,
                column,
                hint=_top_hint(spec),
            )
        )
        return source, None, found
    source.data = data
    model, removed, schema_found = validate_file(spec.model, data, spec.name, parsed.positions)
    source.removed = removed
    found.extend(schema_found)
    return source, model, found


def _kind(data: Any) -> str:
    if isinstance(data, list):
        return "a list"
    return f"the single value {data!r}"


def _top_hint(spec: FileSpec) -> str:
    """What a file that is not a mapping should start with: the key of its one list, else
    its first required key, else where to look."""
    if spec.list_key:
        return f"start the file with '{spec.list_key}:' and indent the list under it"
    required = [name for name, field in spec.model.model_fields.items() if field.is_required()]
    if required:
        return f"start the file with keys such as '{required[0]}:'"
    return f"see {spec.name}"


def _fallback_partnership(data: Any) -> Partnership:
    """A stand-in when psp.yaml cannot be validated, so the other files are still checked."""
    data = data if isinstance(data, dict) else {}
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    stage: Stage = data.get("stage") if data.get("stage") in STAGES else "identify"
    return Partnership.model_construct(name=name, id="", stage=stage)
