"""Text quoted back in messages: control characters escaped, values and messages cut to a few
hundred characters with what was cut said."""

from __future__ import annotations

from psptool.diagnostics import make
from psptool.quoting import clip_message, escape_controls, shorten


def test_control_characters_are_escaped() -> None:
    assert escape_controls("my\x1b]0;pwned\x07psp\nx\ty\r") == "my\\x1b]0;pwned\\x07psp\\nx\\ty\\r"
    assert escape_controls("Falkirk Foster Care – 日本") == "Falkirk Foster Care – 日本"
    assert escape_controls("bad\udcffbyte") == "bad\\udcffbyte"


def test_a_value_is_shortened_with_its_length() -> None:
    assert shorten("x" * 1_000, 10) == "xxxxxxxxx… (1,000 characters)"
    assert shorten("short") == "short"


def test_a_message_keeps_its_start_and_its_end() -> None:
    text = "risks.yaml: the title " + "b" * 10_000_000 + " is too long; shorten it"
    clipped = clip_message(text)
    assert len(clipped) <= 400
    assert clipped.startswith("risks.yaml: the title bbb")
    assert "characters cut" in clipped
    assert clipped.endswith("bbb is too long; shorten it")


def test_every_diagnostic_is_clipped() -> None:
    d = make("PSP108", "x" * 5_000 + "\x1b[2J", "risks.yaml", hint="y" * 5_000)
    assert len(d.message) <= 400 and len(d.hint or "") <= 400
    assert "\x1b" not in d.message
