"""Small images made in the tests, for the partnership's logo (`branding.logo`): a real PNG
any program opens, and the first bytes of a JPEG, which is all psp reads of one."""

from __future__ import annotations

import struct
import zlib


def png(width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (0, 94, 184)) -> bytes:
    """A PNG of one colour, `width` × `height` pixels, 8-bit RGB."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def png_header(width: int, height: int) -> bytes:
    """Only the signature and header of a PNG of `width` × `height` (no pixels)."""
    body = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + body + b"\x00\x00\x00\x00"


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a JPEG: SOI, a JFIF APP0 segment, then a baseline start of frame."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"
