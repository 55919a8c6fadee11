"""Fuzzing every command: a mutated worked example ends in a result or diagnostics.

Where tests/load/test_properties.py shows that loading and checking never crash, this runs
the whole command line on each mutated folder: `validate`, every `score` (the economic case
too), `report status` and `report gate`, and every `render` (the RAID log and both business
cases too), as at the example's snapshot date. Each must end as typer ends a command (with an
exit code of 0, 1 or 2), never with an exception, and none may change the folder.

The mutations are of two kinds. Text mutations (cut, splice, swap lines, sprinkle YAML
syntax) mostly give a folder with errors, which every command must refuse cleanly. Value
mutations put a plausible but awkward value where one stood (0, a negative number, .nan,
.inf, a huge number, an edge date, another record's id, an empty or Jinja-looking or very
long text, a list item removed or doubled), so many folders stay valid and reach the
analysis and the renderers.

25 examples by default, the same ones each run; `PSP_HYPOTHESIS_PROFILE=long` runs two
thousand new ones. For a coverage-guided fuzzer of `psp validate`, see
benchmarks/fuzz_validate.py and docs/fuzzing.md.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import pytest
import typer.main
import typer.testing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psptool.cli import app
from psptool.model import FILES
from psptool.render.scores import SCORES
from psptool.report.papers import PAPERS
from tests.helpers import EXAMPLE, PspRunner
from tests.model_keys import keys_holding

AS_OF = "2011-06-30"
FILE_NAMES = [spec.name for spec in FILES]
OPTIONAL = [spec.name for spec in FILES if not spec.required]
EXAMPLE_TEXT = {
    name: (EXAMPLE / name).read_text(encoding="utf-8")
    for name in FILE_NAMES
    if (EXAMPLE / name).is_file()  # a file new to the format may not be in the example yet
}

SCORE_KINDS = list(SCORES)
"""Every kind of `psp score`, from the score registry (render/scores.py)."""
RENDERS = {
    name: [paper.command_name, *filter(None, [paper.flag])]
    + [word for option in paper.options for word in (option.flag, "FUZZ")]
    for name, paper in PAPERS.items()
}
"""The arguments of `psp render` for every paper, from the paper registry (an option's value
is an id no folder has, so such a paper is fuzzed up to its refusal of the id)."""

LONG = os.environ.get("PSP_HYPOTHESIS_PROFILE") == "long"
FUZZ = settings(
    # Set here rather than by loading a profile: a profile loaded on import would change the
    # number of examples of every other hypothesis test too.
    max_examples=2000 if LONG else 25,
    # The short run is the same 25 folders every time, so a bug in someone's new renderer
    # fails their change, not a later unrelated one; the long run explores.
    derandomize=not LONG,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- value mutations ------------------------------------------------------------------------

# `key: value` in block style or inside a flow mapping; the value stops at a comment, a
# comma or a closing bracket, so flow mappings keep their shape.
VALUE = re.compile(r"(?P<key>\b[a-z_]+): (?P<value>[^\s#,\]\}\[\{>|&*!][^#,\]\}\n]*)")

NUMBER_KEYS = keys_holding("number")
DATE_KEYS = keys_holding("date")
REFERENCE_LIST_KEYS = keys_holding("references")
REFERENCE_KEYS = keys_holding("reference") | REFERENCE_LIST_KEYS
IDS = sorted(
    {
        match.group(1)
        for text in EXAMPLE_TEXT.values()
        for match in re.finditer(r"\bid: ([A-Za-z][\w-]*)", text)
    }
)

NUMBERS = st.sampled_from(
    [
        "0", "1", "2", "5", "-1", "0.5", "2.5", "100", "1e9", "1e308", "-1e308", ".inf",
        "-.inf", ".nan", "99999999999999999999", "0x10", "1_000", "0.0001", "-0.0",
    ]
)  # fmt: skip
ODD_NUMBERS = st.sampled_from(["6", "101", "'3'", "~", "true", "[]"])
DATES = st.sampled_from(
    [
        AS_OF, "2011-07-01", "2011-06-29", "2010-02-01", "2012-04-30", "1900-01-01",
        "9999-12-31", "0001-01-01", "2011-02-29", "2012-02-29", "2011-13-01", "2011-6-30",
        "20110630", "~", "''",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.sampled_from(
        [
            "''", "~", "x", "'{{ partnership.name }}'", "'{% for x in y %}'", "'<b>&amp;</b>'",
            "'| a | b |'", "'# heading'", '"line one\\nline two"', '"\\t"', "'R1'", "'[x]'",
            "'=1+1'", "'@SUM(A1)'", "'\"quoted\"'", '"\\u202e reversed"', "'😀'", '"\\0"',
            '"\\x1b[31m"', '"\\x0b"', "'" + "long " * 400 + "'", "[]", "{}", "[a, b]",
        ]
    ),
    st.text(max_size=30).map(lambda text: json.dumps(text, ensure_ascii=False)),
)  # fmt: skip
REFERENCES = st.one_of(st.sampled_from(IDS).map(json.dumps), st.sampled_from(["nobody", "''"]))


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


@st.composite
def replace_value(draw: st.DrawFn, text: str) -> tuple[str, str]:
    """Put an awkward value where one of the file's values stood."""
    matches = list(VALUE.finditer(text))
    if not matches:
        return text, "no value to replace"
    match = draw(st.sampled_from(matches))
    key = match.group("key")
    if key in NUMBER_KEYS:
        value = draw(st.one_of(NUMBERS, NUMBERS, NUMBERS, ODD_NUMBERS, TEXTS))
    elif key in DATE_KEYS:
        value = draw(st.one_of(DATES, DATES, DATES, NUMBERS))
    elif key in REFERENCE_KEYS:
        value = draw(REFERENCES)
        if key in REFERENCE_LIST_KEYS:
            value = f"[{value}]"
    else:
        value = draw(st.one_of(TEXTS, TEXTS, NUMBERS, DATES))
    start, end = match.span("value")
    change = f"line {_line(text, start)}: {key}: {value[:60]}"
    return text[:start] + value + text[end:], change


ITEM = re.compile(r"^(?P<indent> *)- ", re.M)


@st.composite
def remove_or_double_item(draw: st.DrawFn, text: str) -> tuple[str, str]:
    """Remove a list item (with its indented lines), or write it twice."""
    starts = list(ITEM.finditer(text))
    if not starts:
        return text, "no list item"
    match = draw(st.sampled_from(starts))
    indent = len(match.group("indent"))
    lines = text[match.start() :].splitlines(keepends=True)
    taken = [lines[0]]
    for line in lines[1:]:
        stripped = line.lstrip(" ")
        if stripped.strip() and len(line) - len(stripped) <= indent:
            break
        taken.append(line)
    item = "".join(taken)
    end = match.start() + len(item)
    where = f"the item on line {_line(text, match.start())}"
    if draw(st.booleans()):
        return text[: match.start()] + text[end:], f"{where} removed"
    return text[:end] + item + text[end:], f"{where} doubled"


# --- text mutations (as in tests/load/test_properties.py) -----------------------------------

YAML_PIECES = st.lists(
    st.sampled_from([*":-[]{}#&*!|>'\"%@`,?\n\t ", "  ", "- ", ": ", "\n  ", "&a ", "*a"]),
    min_size=1,
    max_size=5,
).map("".join)


@st.composite
def mutate_text(draw: st.DrawFn, text: str) -> tuple[str, str]:
    at = draw(st.integers(0, len(text)))
    action = draw(st.sampled_from(["insert", "delete", "swap-lines"]))
    if action == "insert":
        piece = draw(YAML_PIECES)
        return text[:at] + piece + text[at:], f"line {_line(text, at)}: {piece!r} inserted"
    if action == "delete":
        length = draw(st.integers(1, 40))
        return text[:at] + text[at + length :], f"line {_line(text, at)}: {length} cut"
    lines = text.splitlines(keepends=True)
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines), f"lines {i + 1} and {j + 1} swapped"


class Mutated:
    """A mutated folder; its repr (what hypothesis prints) lists the changes, not the files.
    (Not a dataclass: hypothesis prints a dataclass field by field, 60 kB of YAML.)"""

    def __init__(self, files: dict[str, str | None]) -> None:
        self.files = files
        self.changes: list[str] = []

    def __repr__(self) -> str:
        return f"Mutated({self.changes!r})"


@st.composite
def mutated_example(draw: st.DrawFn) -> Mutated:
    """The worked example with one to three mutations; None means the file is removed."""
    mutated = Mutated(dict(EXAMPLE_TEXT))
    files = mutated.files
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(list(EXAMPLE_TEXT)))
        text = files[name]
        if text is None:
            continue
        kind = draw(st.sampled_from(["value"] * 5 + ["item", "text", "file"]))
        if kind == "value":
            files[name], change = draw(replace_value(text))
        elif kind == "item":
            files[name], change = draw(remove_or_double_item(text))
        elif kind == "text":
            files[name], change = draw(mutate_text(text))
        elif name in OPTIONAL:
            files[name] = draw(st.sampled_from([None, "", "# nothing yet\n"]))
            change = "removed" if files[name] is None else f"now {files[name]!r}"
        else:
            continue
        mutated.changes.append(f"{name} {change}")
    return mutated


# --- the commands ---------------------------------------------------------------------------


def commands(root: Path, out: Path) -> list[list[str]]:
    folder = str(root)
    found = [["validate", folder]]
    found += [["score", kind, folder] for kind in SCORE_KINDS]
    found += [["report", "status", folder, "--format", "markdown"], ["report", "gate", folder]]
    found += [
        ["report", "actions", folder],
        ["calendar", folder, "-o", str(out / "psp.ics"), "--force"],
    ]
    found += [
        ["render", *args, folder, "-o", str(out / f"{name}{PAPERS[name].suffix}"), "--force"]
        for name, args in RENDERS.items()
    ]
    return [[*command, "--as-of", AS_OF] for command in found]


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.is_file()}


KNOWN_BUGS: list[tuple[type[BaseException], str, str]] = [
    # (exception, text in its message, the test that pins it down, marked xfail(strict=True));
    # when one is fixed its test passes, fails as strict, and both lines go. Those found so
    # far (dates of 9999-12-31 in the gate and the Gantt grid, an option cost of 1e308 that
    # optimism bias took to infinity) are fixed.
]


def known_bug(exc: BaseException) -> str | None:
    for kind, text, test in KNOWN_BUGS:
        if isinstance(exc, kind) and text in str(exc):
            return test
    return None


def run_every_command(files: dict[str, str | None], *, tolerate_known: bool = True) -> None:
    runner = PspRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root, out = Path(tmp) / "psp", Path(tmp) / "out"
        root.mkdir()
        out.mkdir()
        for name, text in files.items():
            if text is not None:
                (root / name).write_text(text, encoding="utf-8")
        before = snapshot(root)
        for args in commands(root, out):
            result = runner.invoke(args)
            exc = result.exception
            if exc is not None and tolerate_known and known_bug(exc):
                continue
            if exc is not None and not isinstance(exc, SystemExit):
                if not tolerate_known:
                    raise exc
                raise AssertionError(
                    f"psp {' '.join(args)} raised {result.exception!r}\n{result.output}"
                ) from result.exception
            assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
            assert "Traceback" not in result.output, (args, result.output)
        assert snapshot(root) == before, "a command changed the folder"


@pytest.fixture(autouse=True, scope="module")
def _one_click_command() -> object:
    """Build the click command from the typer app once, not on each of the thousands of
    invocations (a third of the time otherwise); commands are reusable, each run makes its
    own context."""
    command = typer.main.get_command(app)
    patch = pytest.MonkeyPatch()
    patch.setattr(typer.testing, "_get_command", lambda _app: command, raising=False)
    yield
    patch.undo()


def test_every_render_and_score_is_fuzzed() -> None:
    # a new paper or score kind joins the fuzzer's list, or this fails
    from psptool.cli.score import Kind

    command = typer.main.get_command(app)
    renders = command.commands["render"].commands
    assert set(renders) == {args[0] for args in RENDERS.values()}
    assert [kind.value for kind in Kind] == SCORE_KINDS
    reports = command.commands["report"].commands
    assert set(reports) == {"status", "gate", "actions"}


def test_the_example_runs_clean_through_every_command() -> None:
    run_every_command(dict(EXAMPLE_TEXT))


@pytest.mark.slow
@FUZZ
@given(mutated_example())
def test_every_command_on_a_mutated_example(mutated: Mutated) -> None:
    run_every_command(mutated.files)


def test_a_control_character_is_refused_before_any_paper() -> None:
    # Found by this fuzzer: "\e" in a milestone title reached openpyxl, which cannot store it,
    # and `psp render plan` crashed. The loader now reports it (PSP108), so every paper is
    # refused with the finding instead.
    files: dict[str, str | None] = dict(EXAMPLE_TEXT)
    milestones = EXAMPLE_TEXT["milestones.yaml"]
    title = re.search(r"    title: (.*)\n", milestones)
    assert title is not None
    files["milestones.yaml"] = milestones.replace(title.group(1), '"Providers\\eengaged"', 1)
    run_every_command(files)
    line = milestones.count("\n", 0, title.start()) + 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in files.items():
            (root / name).write_text(text or "", encoding="utf-8")
        result = PspRunner().invoke(["render", "plan", str(root), "-o", str(root / "p.xlsx")])
    assert result.exit_code == 1
    assert (
        f"milestones.yaml:{line}:12: PSP108 error the text holds the control character U+001B"
        in (result.output)
    )


# --- bugs the fuzzer found outside load/ and check/: reported, pinned here until fixed -----


def _with(name: str, pattern: str, value: str) -> dict[str, str | None]:
    files: dict[str, str | None] = dict(EXAMPLE_TEXT)
    text = EXAMPLE_TEXT[name]
    match = re.search(pattern, text)
    assert match is not None
    files[name] = text[: match.start(1)] + value + text[match.end(1) :]
    return files


def test_an_evaluation_ending_9999_12_31() -> None:
    run_every_command(
        _with("sustainability.yaml", r"\n  end: (\S+)", "9999-12-31"), tolerate_known=False
    )


def test_a_milestone_due_9999_12_31() -> None:
    run_every_command(_with("milestones.yaml", r"due: (\S+)", "9999-12-31"), tolerate_known=False)


def test_an_option_cost_that_would_overflow_with_optimism_bias() -> None:
    # Found by the long run: `revenue: 1e308` was a valid Money, and O1's optimism bias (41 %
    # on revenue) took its present value to infinity, which crashed `psp render options` and
    # the business cases. Amounts are now at most a million million, so it is a finding.
    files = _with("options.yaml", r"\{year: 2, revenue: (15000)\}", "1e308")
    run_every_command(files, tolerate_known=False)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in files.items():
            if text is not None:
                (root / name).write_text(text, encoding="utf-8")
        result = PspRunner().invoke(["validate", str(root), "--as-of", "2011-06-30"])
    assert result.exit_code == 1
    assert "options.yaml:62:28: PSP104 error" in result.output
    assert "must be at most 1,000,000,000,000, got 1e+308" in result.output
