"""Messages that help: each common slip gets a hint that says what to write, and paths in
messages count list items from 1, as people do (`roles[5].role`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from psptool.load import load_texts
from psptool.load.schema import path_text

ROOT = Path("/nonexistent/psp")
PSP = "name: Test PSP\nid: test-psp\nstage: pilot\n"


def findings(name: str, text: str, psp: str = PSP) -> list[tuple[str, int, int, str, str | None]]:
    result = load_texts(ROOT, {"psp.yaml": psp.encode(), name: text.encode()})
    return [
        (d.code, d.line, d.column, d.message, d.hint) for d in result.diagnostics if d.file == name
    ]


SYNTAX = (
    "YAML syntax error: found character that cannot start any token "
    "(while scanning for the next token)"
)
NODE = "YAML syntax error: did not find expected node content (while parsing a flow node)"
COMMA = "remove the extra comma: inside {...} and [...] one comma separates two items"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "goals:\n  - id: G1\n    title: Local placements\n    unit: %\n",
            (4, 11, """text that starts with '%' must be in quotes: unit: "%\""""),
        ),
        (
            "goals:\n  - {id: G1, title: Local placements, unit: %}   # per cent\n",
            (2, 45, """text that starts with '%' must be in quotes: unit: "%\""""),
        ),
        (
            "goals:\n  - id: G1\n    title: Local placements\n    measure: % placed locally\n",
            (
                4,
                14,
                """text that starts with '%' must be in quotes: measure: "% placed locally\"""",
            ),
        ),
    ],
    ids=["block", "flow", "text"],
)
def test_a_value_starting_with_percent_is_quoted(text: str, expected: tuple) -> None:
    assert findings("goals.yaml", text) == [("PSP010", *expected[:2], SYNTAX, expected[2])]


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("  - {period: 2011-Q1, , planned: 12000}", 23),
        ("  - {period: 2011-Q1,, planned: 12000}", 22),
        ("  - {, period: 2011-Q1, planned: 12000}", 6),
    ],
    ids=["between", "doubled", "first"],
)
def test_a_stray_comma_inside_braces(line: str, column: int) -> None:
    assert findings("budget.yaml", f"budget:\n{line}\n") == [("PSP010", 2, column, NODE, COMMA)]


def test_money_written_with_a_pound_sign_and_commas() -> None:
    text = "budget:\n  - period: 2011-Q1\n    planned: £12,000\n"
    assert findings("budget.yaml", text) == [
        (
            "PSP103",
            3,
            14,
            "budget[1].planned must be a number, got '£12,000'",
            "write the number alone, without a currency sign or commas: planned: 12000",
        )
    ]


def test_money_with_a_comma_inside_braces_is_cut_in_two() -> None:
    text = "budget:\n  - {period: 2011-Q1, planned: £12,000}\n"
    assert findings("budget.yaml", text) == [
        (
            "PSP103",
            2,
            32,
            "budget[1].planned must be a number, got '£12'",
            "write the number alone, without a currency sign: planned: 12",
        ),
        (
            "PSP101",
            2,
            36,
            "budget[1]: unknown key '000'",
            "a comma inside {...} separates items: write numbers without a thousands separator "
            "(12000, not 12,000)",
        ),
    ]


@pytest.mark.parametrize(
    ("value", "message", "hint"),
    [
        ("75%", "must be a number, got '75%'", "without the % sign: target: 75"),
        ('"75"', "must be a number, got '75'", "without quotes: target: 75"),
        ("12 500.5", "must be a number, got '12 500.5'", "without spaces: target: 12500.5"),
        ("lots", "must be a number, got 'lots'", None),
    ],
)
def test_text_that_is_a_number(value: str, message: str, hint: str | None) -> None:
    text = f"goals:\n  - {{id: G1, title: Local placements, target: {value}}}\n"
    [(code, *_, found_message, found_hint)] = findings("goals.yaml", text)
    assert (code, found_message) == ("PSP103", f"goal G1: target {message}")
    assert found_hint == (f"write the number alone, {hint}" if hint else None)


def test_a_score_in_quotes() -> None:
    text = 'risks:\n  - {id: R1, type: risk, title: Withdrawal, likelihood: "3", impact: 4}\n'
    [(_, _, _, message, hint)] = findings("risks.yaml", text)
    assert message == "risk R1: likelihood must be a whole number, got '3'"
    assert hint == "write the number alone, without quotes: likelihood: 3"


def test_text_with_a_comma_inside_braces() -> None:
    text = (
        "partners:\n  - id: council\n    name: Council\n    sector: public\n    people:\n"
        "      - {id: p-reid, name: J. Reid, title: Manager, Commissioning}\n"
    )
    assert findings("partners.yaml", text) == [
        (
            "PSP101",
            6,
            53,
            "person p-reid: unknown key 'Commissioning'",
            "a comma inside {...} separates items: put text that holds a comma in quotes, e.g. "
            'title: "Manager, Commissioning"',
        )
    ]


def test_paths_count_from_one() -> None:
    assert path_text(("roles", 4, "role")) == "roles[5].role"
    assert path_text(("governance", "groups", 0, "members", 2)) == "governance.groups[1].members[3]"
    assert path_text(("options", 0, "scores", "cost")) == "options[1].scores.cost"
    assert path_text(()) == ""


def test_a_record_without_an_id_is_named_by_its_place() -> None:
    psp = PSP + "roles:\n" + "".join(f"  - {{role: analyst, person: p{i}}}\n" for i in range(4))
    psp += "  - {role: chief, person: p9}\n"
    [(code, line, column, message, hint)] = findings("psp.yaml", psp, psp=psp)
    assert (code, line, column) == ("PSP105", 9, 12)
    assert message.startswith("roles[5].role 'chief' is not one of: senior_sponsor, ")
    assert hint is None


def test_a_nested_record_is_named_by_the_record_with_an_id() -> None:
    text = (
        "risks:\n  - id: R1\n    type: risk\n    title: Withdrawal\n    likelihood: 3\n"
        "    impact: 4\n    actions:\n      - {action: Agree terms}\n"
        "      - {action: Meet providers, due: 31/03/2027}\n"
    )
    [(code, _, _, message, _)] = findings("risks.yaml", text)
    assert (code, message) == (
        "PSP107",
        "risk R1: actions[2].due '31/03/2027' is not a date: write it as YYYY-MM-DD, e.g. "
        "2026-03-31",
    )
