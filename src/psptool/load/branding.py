"""The partnership's logo (`psp.yaml` `branding.logo`): found inside the folder, bounded in
size, and known to be a PNG or JPEG image before any paper carries it.

The image is never decoded: its kind and size in pixels come from its first bytes (a PNG's
IHDR chunk, a JPEG's start-of-frame marker), so neither `psp validate` nor the papers need
an imaging library, and a file that only claims to be an image is refused here rather than
by Word, Excel or a browser later. `check/branding.py` turns a `LogoProblem` into a
diagnostic; the papers read the logo through `read_logo` too, so both give one verdict.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_LOGO_BYTES = 1024 * 1024
"""Largest logo file read, 1 MiB: a logo for a page header is tens of kilobytes, and every
HTML report and Word paper carries a copy."""
MAX_LOGO_PIXELS = 5000
"""Most pixels a logo may have on a side: more would be decoded, full size, by every program
that opens a paper, to be shown a few centimetres high."""
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"


@dataclass(frozen=True)
class Logo:
    """A logo read from the folder: its bytes, its kind and its size in pixels."""

    data: bytes
    kind: str
    """'png' or 'jpeg'."""
    width: int
    height: int
    path: str
    """As written in psp.yaml."""

    @property
    def media_type(self) -> str:
        return f"image/{self.kind}"

    def data_uri(self) -> str:
        """The logo inline, for an HTML page that needs no other file."""
        import base64

        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"

    def scaled(self, height: float, widest: float) -> tuple[float, float]:
        """(width, height) shown `height` high, its shape kept, and no wider than `widest`."""
        width = height * self.width / self.height
        if width > widest:
            return widest, widest * self.height / self.width
        return width, height


class LogoProblem(Exception):
    """Why the logo cannot be used; `code` is its diagnostic (diagnostics.CODES)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


NOT_IN_FOLDER = "PSP601"
NOT_AN_IMAGE = "PSP602"
TOO_LARGE = "PSP603"


def _inside(root: Path, written: str, shown: str) -> Path:
    """The file `written` names inside `root`; a LogoProblem for a path that would leave it
    (absolute, `..`, a drive, a symbolic link out) or that names nothing."""
    pure = PurePosixPath(written.replace("\\", "/"))
    if not written.strip() or pure.is_absolute() or ":" in written or ".." in pure.parts:
        raise LogoProblem(
            NOT_IN_FOLDER,
            f"the logo '{shown}' is not a path inside the partnership's folder; psp reads "
            "only files inside it",
        )
    path = root.joinpath(*pure.parts)
    from .limits import outside

    if outside(path, root) is not None:
        raise LogoProblem(
            NOT_IN_FOLDER,
            f"the logo '{shown}' is a symbolic link to a file outside the folder; psp "
            "reads only files inside it",
        )
    return path


def _read(path: Path, written: str) -> bytes:
    """The file's bytes, if it is a regular file of at most MAX_LOGO_BYTES, opened without
    blocking so a named pipe is never waited on."""
    from .limits import special_kind

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise LogoProblem(
            NOT_IN_FOLDER, f"the logo '{written}' is not in the folder: there is no such file"
        ) from None
    except IsADirectoryError:
        raise LogoProblem(NOT_IN_FOLDER, f"the logo '{written}' is a folder, not a file") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise LogoProblem(
            NOT_IN_FOLDER,
            f"the logo '{written}' cannot be read: {getattr(exc, 'strerror', None) or exc}",
        ) from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise LogoProblem(
                NOT_IN_FOLDER,
                f"the logo '{written}' is {special_kind(status.st_mode)}, not a file",
            )
        if status.st_size > MAX_LOGO_BYTES:
            raise LogoProblem(TOO_LARGE, _too_large(written, status.st_size))
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise LogoProblem(
            NOT_IN_FOLDER, f"the logo '{written}' cannot be read: {exc.strerror or exc}"
        ) from None
    finally:
        os.close(fd)
    if len(data) > MAX_LOGO_BYTES:  # it grew while being read
        raise LogoProblem(TOO_LARGE, _too_large(written, len(data)))
    return data


def _too_large(written: str, size: int) -> str:
    kib = -(-size // 1024)  # rounded up: never "1,024 KiB, over the 1,024"
    return (
        f"the logo '{written}' is {kib:,} KiB, over the "
        f"{MAX_LOGO_BYTES // 1024:,} KiB a logo may have; save it smaller"
    )


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(kind, width, height) of a PNG or JPEG from its first bytes; None for anything else,
    or for one whose header is cut short or holds no size."""
    if data.startswith(PNG_SIGNATURE):
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        return "png", int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(JPEG_START):
        return _jpeg_size(data)
    return None


_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
"""The JPEG start-of-frame markers (SOF0 to SOF15 but DHT, JPG and DAC), which give the
image's size."""


def _jpeg_size(data: bytes) -> tuple[str, int, int] | None:
    """Walk the JPEG's markers to its start of frame; each step moves forward by the
    segment's own length, so the walk ends within the data."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame seen
            return None
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if length < 2:
            return None
        if marker in _FRAMES:
            if at + 9 > len(data):
                return None
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return "jpeg", width, height
        at += 2 + length
    return None


def read_logo(root: Path, written: str) -> Logo:
    """The logo `written` in psp.yaml, from inside `root`; a LogoProblem saying why it
    cannot be used otherwise: not in the folder (PSP601), not a PNG or JPEG (PSP602), too
    large in bytes or pixels (PSP603)."""
    from ..quoting import shorten

    shown = shorten(written)
    path = _inside(root, written, shown)
    data = _read(path, shown)
    found = image_size(data)
    if found is None:
        raise LogoProblem(
            NOT_AN_IMAGE,
            f"the logo '{shown}' is not a PNG or JPEG image; save it as .png or .jpg",
        )
    kind, width, height = found
    if width < 1 or height < 1:
        raise LogoProblem(NOT_AN_IMAGE, f"the logo '{shown}' has no size ({width} × {height})")
    if max(width, height) > MAX_LOGO_PIXELS:
        raise LogoProblem(
            TOO_LARGE,
            f"the logo '{shown}' is {width:,} × {height:,} pixels, over the "
            f"{MAX_LOGO_PIXELS:,} a side a logo may have; save it smaller",
        )
    return Logo(data, kind, width, height, written)
