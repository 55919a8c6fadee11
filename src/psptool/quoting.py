"""Text from the folder or the command line, made safe to quote back in a message.

A partnership runs psp in CI on strangers' pull requests: a value quoted in a message must not
fill a log (a 10 MB title), retitle a terminal or split `file:line:` over two lines (escape
sequences, line breaks). Beneath every layer, so the loader, the checks and the CLI share it.
"""

from __future__ import annotations

MAX_QUOTED = 80
"""Most characters of a value quoted in a message."""
MAX_MESSAGE = 400
"""Most characters of a whole message or hint."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_controls(text: str, *, keep_lines: bool = False) -> str:
    """Control characters (escape sequences, a line break, a bell) written as `\\x1b`, `\\n`:
    a folder or value printed to a terminal must not retitle the window or split a
    `file:line:` over two lines. Surrogates left by undecodable bytes are shown as `\\udcff`.
    With `keep_lines`, line breaks stay (a description written over several lines)."""
    if text.isprintable():
        return text
    kept = " \n" if keep_lines else " "
    return "".join(c if c.isprintable() or c in kept else _escaped(c) for c in text)


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shorten(value: object, limit: int = MAX_QUOTED) -> str:
    """`value` as text to quote in a message: cut to `limit` characters with the length said,
    control characters escaped."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = f"{text[: limit - 1]}… ({len(text):,} characters)"
    return escape_controls(text)


def clip_message(text: str, limit: int = MAX_MESSAGE) -> str:
    """A whole message at most `limit` characters (its middle cut, so the start saying what is
    wrong and the end saying what to do both stay), control characters escaped."""
    text = escape_controls(text)
    if len(text) <= limit:
        return text
    keep = limit - 40
    cut = len(text) - keep
    return f"{text[: keep * 2 // 3]}… ({cut:,} characters cut) …{text[len(text) - keep // 3 :]}"
