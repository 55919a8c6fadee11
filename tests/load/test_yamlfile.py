"""The fast YAML path: YAML 1.2 values, positions, and refusal of dangerous input."""

from __future__ import annotations

import math

import pytest

from psptool.load.yamlfile import MAX_DEPTH, Position, control_characters, parse_yaml


def codes(text: str) -> list[str]:
    return [d.code for d in parse_yaml(text, "f.yaml").diagnostics]


@pytest.mark.parametrize("word", ["no", "No", "NO", "yes", "on", "off", "y", "n", "On"])
def test_yaml_1_1_booleans_stay_text(word: str) -> None:
    # YAML 1.1 loaders turn these into booleans; a partner called "No Limits" must survive.
    assert parse_yaml(f"a: {word}\n", "f").data == {"a": word}


def test_yaml_1_2_scalars() -> None:
    text = "a: true\nb: false\nc: ~\nd: null\ne: 012\nf: 0o17\ng: 0x1F\nh: 1_000\ni: 2.5\nj: .inf\n"
    data = parse_yaml(text, "f").data
    assert data == {
        "a": True,
        "b": False,
        "c": None,
        "d": None,
        "e": 12,
        "f": 15,
        "g": 31,
        "h": 1000,
        "i": 2.5,
        "j": math.inf,
    }


def test_dates_stay_text_for_the_models() -> None:
    assert parse_yaml("due: 2026-03-31\nbad: 2026-02-30\n", "f").data == {
        "due": "2026-03-31",
        "bad": "2026-02-30",
    }


def test_quoted_numbers_are_text() -> None:
    assert parse_yaml("a: '3'\nb: \"4\"\n", "f").data == {"a": "3", "b": "4"}


def test_keys_are_their_literal_text() -> None:
    assert parse_yaml("1: a\ntrue: b\nnull: c\n", "f").data == {"1": "a", "true": "b", "null": "c"}


def test_positions_of_keys_values_and_items() -> None:
    text = "risks:\n  - id: R1\n    likelihood: 3\n  - {id: R2, impact: 4}\n"
    positions = parse_yaml(text, "f").positions
    assert positions[("risks",)] == Position(1, 1, 2, 3)
    assert positions[("risks", 0)] == Position(2, 5, 2, 5)
    assert positions[("risks", 0, "likelihood")] == Position(3, 5, 3, 17)
    assert positions[("risks", 1)] == Position(4, 5, 4, 5)
    assert positions[("risks", 1, "impact")] == Position(4, 14, 4, 22)


def test_crlf_line_endings_load() -> None:
    parsed = parse_yaml("a: 1\r\nb: [x, y]\r\n", "f")
    assert parsed.diagnostics == []
    assert parsed.data == {"a": 1, "b": ["x", "y"]}
    assert parsed.positions[("b",)].line == 2


def test_duplicate_key_keeps_the_first_and_says_where() -> None:
    parsed = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert parsed.data == {"a": 1, "b": 2}
    (d,) = parsed.diagnostics
    assert (d.code, d.line, d.column) == ("PSP012", 3, 1)
    assert d.message == "duplicate key 'a' (first at line 1); the second one is ignored"


def test_anchors_aliases_and_merge_keys_work() -> None:
    text = "base: &b {owner: p1, status: open}\nr: {<<: *b, status: closed}\nlist: [*b]\n"
    data = parse_yaml(text, "f").data
    assert data["r"] == {"status": "closed", "owner": "p1"}
    assert data["list"] == [{"owner": "p1", "status": "open"}]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    parsed = parse_yaml("\n".join(lines) + "\n", "f.yaml")
    assert parsed.data is None
    (d,) = parsed.diagnostics
    # a..f expand to 1,234,561 values; the first alias on line 7 (g) passes 2,000,000
    assert (d.code, d.line) == ("PSP013", 7)


def test_recursive_alias_is_refused() -> None:
    (d,) = parse_yaml("a: &a [*a]\n", "f").diagnostics
    assert (d.code, d.line, d.column) == ("PSP013", 1, 8)


def test_unknown_alias_is_a_syntax_error() -> None:
    assert codes("a: *nowhere\n") == ["PSP010"]


def test_deep_nesting_is_refused_before_the_parser_recurses() -> None:
    # 100,000 levels crash the C composer with a segmentation fault; we stop at MAX_DEPTH.
    parsed = parse_yaml("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "f")
    assert [d.code for d in parsed.diagnostics] == ["PSP014"]
    assert f"{MAX_DEPTH} levels" in parsed.diagnostics[0].message


def test_block_nesting_is_refused_too() -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    assert codes(text) == ["PSP014"]


def test_tab_indentation_has_its_own_message() -> None:
    (d,) = parse_yaml("a:\n\tb: 1\n", "f").diagnostics
    assert (d.code, d.line) == ("PSP011", 2)
    assert d.hint == "replace the tab at the start of the line with spaces"


def test_unquoted_colon_gets_a_hint() -> None:
    (d,) = parse_yaml("title: Risk: providers withdraw\n", "f").diagnostics
    assert d.code == "PSP010"
    assert (d.line, d.column) == (1, 12)
    assert "quoted" in (d.hint or "")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_empty_documents_are_none(text: str) -> None:
    parsed = parse_yaml(text, "f")
    assert parsed.data is None and parsed.diagnostics == []


def test_second_document_is_refused() -> None:
    assert codes("a: 1\n---\nb: 2\n") == ["PSP017"]


def test_complex_key_is_refused() -> None:
    assert codes("? [a, b]\n: 1\n") == ["PSP016"]


@pytest.mark.parametrize(
    "text", ["a: !!python/object:os.system x\n", "a: !custom x\n", "a: !!set {x}\n"]
)
def test_tags_are_refused(text: str) -> None:
    assert codes(text) == ["PSP010"]


def test_huge_scalar_loads() -> None:
    parsed = parse_yaml("a: " + "x" * 1_000_000 + "\n", "f")
    assert len(parsed.data["a"]) == 1_000_000


@pytest.mark.parametrize(
    ("text", "line", "column", "opener"),
    [
        ("a: [b, c\n", 1, 4, "'['"),
        ("a: [b, c", 1, 4, "'['"),
        ("a: {b: 1\n", 1, 4, "'{'"),
        ("x: 1\na: [b,\n  c,\n  d\n", 2, 4, "'['"),
        ("a: {b: [1, 2\n", 1, 8, "'['"),
        ("a:\n  - [1, 2\n  - 3\n", 2, 5, "'['"),
        ("a: [b, c\n\n# the end\n\n", 1, 4, "'['"),
    ],
)
def test_unclosed_bracket_points_where_it_opens(
    text: str, line: int, column: int, opener: str
) -> None:
    # the parser finds it at the end of the stream, a line past the end of the file
    (d,) = parse_yaml(text, "f").diagnostics
    assert (d.code, d.line, d.column) == ("PSP010", line, column)
    assert d.hint == f"the {opener} that opens here is never closed"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("[\n", 1, 2), ("{", 1, 2), ("a: 1\nb: [\n\n", 2, 5), ("a: [\n# c\n", 1, 5)],
)
def test_bracket_at_the_end_points_at_the_last_line(text: str, line: int, column: int) -> None:
    # where the bracket opened is not known here: the end of the last line with text is
    (d,) = parse_yaml(text, "f").diagnostics
    assert (d.code, d.line, d.column) == ("PSP010", line, column)


def test_key_without_colon_at_the_end_points_at_the_key() -> None:
    (d,) = parse_yaml("a: 1\nb\n", "f").diagnostics
    assert (d.code, d.line, d.column) == ("PSP010", 2, 1)
    assert "key: value" in (d.hint or "")


@pytest.mark.parametrize(
    "text",
    ["a: [b, c", "a: {b: 1\n\n", "[\n", "{", "a: 'x\n", 'a: "x', "a: 1\nb", "- [\n  - {\n"],
)
def test_syntax_errors_never_point_past_the_end(text: str) -> None:
    (d,) = parse_yaml(text, "f").diagnostics
    assert 1 <= d.line <= len(text.splitlines())


def test_equals_sign_is_text() -> None:
    # YAML 1.1's "default value" type: ruamel.yaml resolves a plain '=' to it
    assert parse_yaml("a: =\nb: [=]\n", "f").data == {"a": "=", "b": ["="]}


@pytest.mark.parametrize("value", ["0x_", "0b_", "0o_", "-_", "+_", "._", "-._", "+._e+1"])
def test_number_without_digits_is_refused_where_it_stands(value: str) -> None:
    # YAML 1.2 (with ruamel.yaml's underscores) reads these as numbers; Python cannot
    (d,) = parse_yaml(f"ok: 1\nbad: {value}\n", "f").diagnostics
    assert (d.code, d.line, d.column) == ("PSP010", 2, 6)
    assert d.message == f"'{value}' is not a valid number"


def test_float_tag_on_a_hex_number_is_refused_where_it_stands() -> None:
    (d,) = parse_yaml("a: !!float 0x1F\n", "f").diagnostics
    assert (d.code, d.line, d.column) == ("PSP010", 1, 4)
    assert d.message == "'0x1F' is not a valid !!float value"


def test_explicit_tags_still_work() -> None:
    text = "a: !!int 3\nb: !!float 3\nc: !!str 3\nd: !!bool true\ne: !!null ''\n"
    data = parse_yaml(text, "f").data
    assert data == {"a": 3, "b": 3.0, "c": "3", "d": True, "e": None}
    assert isinstance(data["b"], float)
    assert codes("a: !!int x\n") == ["PSP010"]


def test_duplicate_keys_in_flow_and_nested_mappings() -> None:
    parsed = parse_yaml("a: {b: 1, b: [2]}\nc:\n  - {d: x}\n  - d: y\n    d: z\n", "f")
    assert parsed.data == {"a": {"b": 1}, "c": [{"d": "x"}, {"d": "y"}]}
    assert [(d.code, d.line, d.column) for d in parsed.diagnostics] == [
        ("PSP012", 1, 11),
        ("PSP012", 5, 5),
    ]
    assert parsed.positions[("a", "b")] == Position(1, 5, 1, 8)
    assert parsed.positions[("c", 1, "d")] == Position(4, 5, 4, 8)


def test_parsing_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    assert gc.isenabled()
    parse_yaml("a: [1, 2]\n", "f")
    parse_yaml("a: [1, 2\n", "f")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_yaml("a: [1, 2]\n", "f")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_control_characters_are_found_deep_inside() -> None:
    text = 'a:\n  - b: ok\n  - c: [x, "y\\e"]\nd: "\\0"\n'
    parsed = parse_yaml(text, "f")
    found = control_characters(parsed, "f")
    assert [(d.code, d.line, d.column) for d in found] == [("PSP108", 3, 12), ("PSP108", 4, 4)]
    assert control_characters(parse_yaml("a: [x, {b: 'y'}]\n", "f"), "f") == []


def test_a_control_character_in_a_key_is_found_at_the_key() -> None:
    # psp.yaml's acronyms print their keys in every Word paper: "\x1f" in one is as bad as
    # in a value. Line 2, column 3 is where the quoted key starts (after two spaces).
    text = 'acronyms:\n  "GIR\\x1fFEC": Getting it right for every child\n'
    found = control_characters(parse_yaml(text, "psp.yaml"), "psp.yaml")
    assert [(d.code, d.line, d.column) for d in found] == [("PSP108", 2, 3)]
