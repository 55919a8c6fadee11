"""The fast YAML path resolves plain scalars itself: exactly as ruamel.yaml's YAML 1.2 resolver.

`parse_yaml` no longer asks ruamel.yaml's `VersionedResolver` (which builds a Tag object for
every plain scalar) what a plain scalar is; `_resolve_plain` must give the same tag for every
string. These compare the two on hand-picked tricky strings, on every short string over an
alphabet of the characters that matter, and on strings hypothesis draws, biased towards
numbers, dates and the words of booleans, nulls and special floats.
"""

from __future__ import annotations

import itertools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from psptool.load.yamlfile import _IMPLICIT_1_2, _PLAIN, _resolve_plain, parse_yaml

RUAMEL = VersionedResolver(version=(1, 2))


def ruamel_tag(value: str) -> str:
    return str(RUAMEL.resolve(ScalarNode, value, (True, False)))


LONG = os.environ.get("PSP_HYPOTHESIS_PROFILE") == "long"
PROPERTY = settings(
    # set here, not by a profile: tests/load/test_properties.py loads one for the session
    max_examples=20_000 if LONG else 1_500,
    derandomize=not LONG,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TRICKY = [
    # nulls
    "", "~", "null", "Null", "NULL", "nULL", "nul", "null ", " null", "~~", "None", "none",
    # booleans: YAML 1.2 has only true and false
    "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "fAlse", "yes", "Yes", "no",
    "No", "NO", "on", "On", "off", "OFF", "y", "n", "Y", "N", "t", "f", "truex", "true\n",
    # whole numbers
    "0", "-0", "+0", "00", "012", "09", "0o17", "0O17", "0o", "0o8", "-0o17", "0x1F", "0X1F",
    "0x", "0xg", "-0x1f", "+0x_1", "0b101", "0b", "0b2", "-0b1", "1_000", "_1", "1_", "1__0",
    "-_", "+_", "0x_", "0b_", "0o_", "1:20", "190:20:30", "-", "+", "1\n", "1 ", " 1",
    # floats
    "1.", ".5", "-.5", "+.5", "1.5", "1.5.5", "1e3", "1E3", "1e+3", "1e-3", "1.e3", ".1e1",
    ".1e+1", "1e", "e1", ".e1", "._", "-._", "1_.5", "1._5", ".inf", ".Inf", ".INF", ".iNf",
    "+.inf", "-.inf", "-.INF", "inf", ".nan", ".NaN", ".NAN", "+.nan", "-.nan", "nan", "NaN",
    "1.0e400", "-1e-400", ".", "..", "1..", "1,5",
    # timestamps (they stay text: the models read them)
    "2011-02-30", "2011-6-1", "2011-06-01", "2011-06-1", "20110601", "2011-06-01T10:20:30",
    "2011-06-01t10:20:30", "2011-6-1T1:20:30", "2011-06-01 10:20:30", "2011-06-01  10:20:30",
    "2011-06-01\t10:20:30", "2011-06-01T10:20:30.5", "2011-06-01T10:20:30.", "2011-06-01T10:20",
    "2011-06-01T10:20:30Z", "2011-06-01T10:20:30 Z", "2011-06-01T10:20:30+1",
    "2011-06-01T10:20:30-01:00", "2011-06-01T10:20:30+01:0", "2011-06-01 ", " 2011-06-01",
    # merge, value and the rest ruamel.yaml registers
    "<<", "<", "<<<", "=", "==", "!", "&", "*", "!x",
    # text
    "x", "R1", "p-1", "Risk: providers withdraw", "٣", "１", "0x١", "1\u2028", "true\r",
]  # fmt: skip


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_strings_resolve_as_ruamel_does(value: str) -> None:
    assert _resolve_plain(value) == ruamel_tag(value)


def test_same_resolvers_for_the_same_first_characters() -> None:
    # a resolver ruamel.yaml adds in a later version shows here first
    theirs = {
        first: [str(tag) for tag, _ in resolvers]
        for first, resolvers in RUAMEL.versioned_resolver.items()
    }
    ours: dict[str | None, list[str]] = {}
    for _, tag, firsts, _ in _IMPLICIT_1_2:
        for first in firsts:
            ours.setdefault(first, []).append(tag)
    assert ours == theirs
    assert set(_PLAIN) == set(theirs)


SHORT_ALPHABET = "019_.-+:eExXoObBtTfnNal~<=! \n"


def test_every_short_string_resolves_as_ruamel_does() -> None:
    mismatches = [
        value
        for size in range(4)
        for value in map("".join, itertools.product(SHORT_ALPHABET, repeat=size))
        if _resolve_plain(value) != ruamel_tag(value)
    ]
    assert mismatches == []


# Characters weighted towards the ones numbers, dates, booleans, nulls and special floats are
# written with; the rest of Unicode now and then.
BIASED = st.one_of(
    st.sampled_from(list("0123456789")),
    st.sampled_from(list("0123456789+-._eExXoObB")),
    st.sampled_from(list("truefalsnNTFRUELSinfINFaA~<=!&*")),
    st.sampled_from(list(":-T tZz\t\n")),
    st.characters(),
)


@PROPERTY
@given(st.text(alphabet=BIASED, max_size=24))
def test_biased_strings_resolve_as_ruamel_does(value: str) -> None:
    assert _resolve_plain(value) == ruamel_tag(value)


DIGITS = st.text(alphabet="0123456789_", max_size=5)
SIGN = st.sampled_from(["", "", "-", "+"])
NUMBER = st.builds(
    "".join,
    st.tuples(
        SIGN,
        st.sampled_from(["", "", "0x", "0o", "0b", "0X", "."]),
        DIGITS,
        st.sampled_from(["", "", ".", "_", "a", "F"]),
        DIGITS,
        st.sampled_from(["", "", "e", "E", "e+", "e-", "E-"]),
        st.text(alphabet="0123456789", max_size=3),
        st.sampled_from(["", "", "", " ", "\n", "inf", "nan", "Inf", "NaN"]),
    ),
)


def _digits(*sizes: int) -> st.SearchStrategy[str]:
    return st.sampled_from(sizes).flatmap(
        lambda size: st.text(alphabet="0123456789", min_size=size, max_size=size)
    )


# Mostly well-formed dates and times, each part now and then a digit short or long
DATE = st.builds(
    "".join,
    st.tuples(
        _digits(4, 4, 4, 4, 4, 3, 5),
        st.sampled_from(["-", "-", "-", "-", " -", "/"]),
        _digits(2, 2, 2, 1, 1, 3),
        st.sampled_from(["-", "-", "-", "-", " -"]),
        _digits(2, 2, 2, 1, 1, 3),
        st.sampled_from(["", "T", "T", "T", "t", " ", "  ", "\t", " \t", "x"]),
        _digits(2, 2, 2, 1, 1, 0, 3),
        st.sampled_from([":", ":", ":", ":", " :", ""]),
        _digits(2, 2, 2, 2, 1, 3),
        st.sampled_from([":", ":", ":", ":", ""]),
        _digits(2, 2, 2, 2, 1, 3),
        st.sampled_from(["", "", ".", ".5", ".123", ",5"]),
        st.sampled_from(["", "", "Z", " Z", "\tZ", "+1", "-01:00", "+01:0", "+1:00", "z", " "]),
    ),
)


@PROPERTY
@given(st.one_of(NUMBER, DATE))
def test_numbers_and_dates_resolve_as_ruamel_does(value: str) -> None:
    assert _resolve_plain(value) == ruamel_tag(value)


def test_plain_values_get_the_types_their_tags_say() -> None:
    text = (
        "a: ~\nb:\nc: Null\nd: TRUE\ne: yes\nf: 0o17\ng: -0x1F\nh: 1_000\ni: +.inf\nj: .NaN\n"
        "k: 1e3\nl: 1.\nm: .5\nn: -0\no: 2011-02-30\np: 2011-6-1\nq: <<\nr: =\ns: ' x '\n"
    )
    data = parse_yaml(text, "f").data
    nan = data.pop("j")
    assert nan != nan
    assert data == {
        "a": None, "b": None, "c": None, "d": True, "e": "yes", "f": 15, "g": -31, "h": 1000,
        "i": float("inf"), "k": 1000.0, "l": 1.0, "m": 0.5, "n": 0, "o": "2011-02-30",
        "p": "2011-6-1", "q": "<<", "r": "=", "s": " x ",
    }  # fmt: skip
    assert [type(data[k]) for k in "fhkn"] == [int, int, float, int]
