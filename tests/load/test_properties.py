"""Property tests: whatever the text, loading and checking end in data or diagnostics.

A finding of PSP000 means a check crashed on input the loader accepted, so it counts as a
failure here too.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psptool.check import validate
from psptool.load.yamlfile import parse_yaml
from psptool.model import FILES
from tests.helpers import EXAMPLE, MINIMAL
from tests.model_keys import field_names

FILE_NAMES = [spec.name for spec in FILES]
EXAMPLE_TEXT = {
    name: (EXAMPLE / name).read_text(encoding="utf-8")
    for name in FILE_NAMES
    if (EXAMPLE / name).is_file()  # a file new to the format may not be in the example yet
}
YAML_CHARS = st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\n\t "))
YAML_PIECES = st.lists(
    st.sampled_from([*":-[]{}#&*!|>'\"%@`,?\n\t ", "  ", "- ", ": ", "\n  ", "&a ", "*a"]),
    min_size=1,
    max_size=5,
).map("".join)

settings.register_profile(
    "psp", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("PSP_HYPOTHESIS_PROFILE", "psp"))


@given(st.text(alphabet=st.one_of(st.characters(), YAML_CHARS), max_size=400))
def test_parse_never_raises(text: str) -> None:
    parsed = parse_yaml(text, "risks.yaml")
    for d in parsed.diagnostics:
        assert d.file == "risks.yaml"
        assert d.line >= 0 and d.column >= 0


def _validate_folder(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, content in files.items():
            if isinstance(content, bytes):
                (root / name).write_bytes(content)
            else:
                (root / name).write_text(content, encoding="utf-8")
        validation = validate(root, date(2011, 6, 30), find=False)
        for d in validation.diagnostics:
            assert d.code != "PSP000", d
            assert d.file in FILE_NAMES, d
            assert d.message


@st.composite
def mutated_example(draw: st.DrawFn) -> dict[str, str]:
    """The worked example with one file's text cut, spliced or sprinkled with YAML syntax."""
    name = draw(st.sampled_from(list(EXAMPLE_TEXT)))
    text = EXAMPLE_TEXT[name]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "swap-lines", "replace-value"]))
        if action == "insert":
            text = text[:at] + draw(YAML_PIECES) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)) :]
        elif action == "swap-lines":
            lines = text.splitlines(keepends=True)
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
        else:
            colon = text.find(": ", at)
            if colon != -1:
                end = text.find("\n", colon)
                value = draw(
                    st.sampled_from(
                        [
                            "0",
                            "-1",
                            "6",
                            "99999999999999999999",
                            "''",
                            "~",
                            "[]",
                            "{}",
                            "no",
                            "2011-02-30",
                            "x" * 300,
                            "R1",
                            "p-smith",
                            "true",
                            ".nan",
                            "1e400",
                        ]
                    )
                )
                text = text[: colon + 2] + value + text[end if end != -1 else len(text) :]
    return {**EXAMPLE_TEXT, name: text}


@pytest.mark.slow
@given(mutated_example())
def test_mutated_example_never_crashes(files: dict[str, str]) -> None:
    _validate_folder(files)


FIELD_NAMES = field_names()
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "R1",
            "M1",
            "G1",
            "council",
            "p-dir",
            "2026-03-31",
            "2026-02-30",
            "open",
            "risk",
            "public",
            "",
            "x y",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES), children, max_size=5),
    ),
    max_leaves=25,
)


@given(
    st.sampled_from(FILE_NAMES), st.dictionaries(st.sampled_from(FIELD_NAMES), VALUES, max_size=6)
)
def test_random_structures_never_crash(name: str, data: dict) -> None:
    # JSON is YAML 1.2, so a random structure can be written without a YAML emitter
    files: dict[str, str | bytes] = dict(MINIMAL)
    files[name] = json.dumps(data, allow_nan=True)
    _validate_folder(files)


@given(st.binary(max_size=300))
def test_random_bytes_never_crash(blob: bytes) -> None:
    _validate_folder({**MINIMAL, "goals.yaml": blob})
