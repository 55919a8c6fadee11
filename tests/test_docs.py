"""The docs agree with the code: every diagnostic code, command, JSON shape and psp.yaml key is
documented, every console example prints what the doc shows, and every link resolves."""

from __future__ import annotations

import importlib.util
import re
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import BaseModel

from psptool.cli import COMMANDS, load_command
from psptool.diagnostics import CODES
from psptool.model.partnership import Partnership
from tests.helpers import PspRunner

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_diagnostics_table_matches_the_code() -> None:
    text = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    rows = {
        m.group(1): (m.group(2), m.group(3))
        for m in re.finditer(r"^\| (PSP\d{3}) \| (\w+) \| (.+?) \|$", text, re.MULTILINE)
    }
    assert rows == {code: (c.severity, c.title) for code, c in CODES.items()}


def _commands() -> list[str]:
    import typer

    names: list[str] = []
    for name in COMMANDS:
        command = load_command(name)
        if isinstance(command, typer.core.TyperGroup):
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return sorted(names)


def test_every_command_has_help_and_is_in_cli_md(runner: PspRunner) -> None:
    cli_md = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in _commands():
        result = runner.invoke([*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.output
        assert f"## psp {name}" in cli_md, f"psp {name} is not documented in docs/cli.md"


def test_readme_opens_with_the_two_commands() -> None:
    head = "\n".join((DOCS.parent / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make demo" in head and "make test" in head


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _key_tables(section: str) -> dict[str, dict[str, str]]:
    """The key tables of docs/cli.md's "JSON output", by what they describe: a command
    (`psp validate --format json`) or a score's result (`result of psp score risks`)."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in section.splitlines():
        heading = re.match(r"^### `(psp [^`]+)`$", line)
        result = re.match(r"^`result` of `psp score (\w+)`", line)
        if heading:
            current = heading.group(1)
        elif result:
            current = f"result of psp score {result.group(1)}"
        row = re.match(r"^\| `(\w+)` \| (.*) \|$", line)
        if row and current:
            tables.setdefault(current, {})[row.group(1)] = row.group(2)
    return tables


def _json_of(*args: str) -> dict:
    import json

    return json.loads(PspRunner().invoke(list(args)).output)


def _documents() -> dict[str, dict]:
    example = str(DOCS.parent / "examples" / "falkirk-foster-care")
    ex = [example, "--as-of", "2011-06-30", "--format", "json"]
    documents = {
        # as at today, so that there are findings to describe
        "psp validate --format json": _json_of("validate", example, "--format", "json"),
        "psp report gate --format json": _json_of("report", "gate", *ex),
        "psp portfolio --format json": _json_of(
            "portfolio", str(DOCS.parent / "examples"), *ex[1:]
        ),
    }
    kinds = ["risks", "options", "partners", "goals", "benefits", "stakeholders", "plan"]
    for kind in [*kinds, "economics"]:
        data = _json_of("score", kind, *ex)
        documents["psp score KIND --format json"] = {**data, "result": None}  # tables below
        documents[f"result of psp score {kind}"] = data["result"]
    return documents


def test_every_json_shape_is_documented() -> None:
    tables = _key_tables(_section((DOCS / "cli.md").read_text(encoding="utf-8"), "## JSON output"))
    documents = _documents()
    assert sorted(tables) == sorted(documents)
    for name, document in documents.items():
        documented = tables[name]
        assert list(documented) == list(document), f"{name}: the keys in docs/cli.md"
        for key, value in document.items():
            nested = value[0] if isinstance(value, list) and value else value
            if isinstance(nested, dict):
                missing = [k for k in nested if f"`{k}`" not in documented[key]]
                assert missing == [], f"{name}: {key} does not name {missing} in docs/cli.md"


# --- console examples -------------------------------------------------------------------------


def _update_docs() -> ModuleType:
    """scripts/update_docs.py, the machinery the examples are run and rewritten with."""
    if "update_docs" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "update_docs", ROOT / "scripts" / "update_docs.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["update_docs"] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["update_docs"]


@pytest.mark.slow
def test_every_console_example_prints_what_the_doc_shows() -> None:
    docs = _update_docs()
    example = ROOT / "examples" / "falkirk-foster-care"
    before = sorted(example.rglob("*"))
    diffs = [
        docs.diff(path, written, printed)
        for path, written, printed in docs.differences()
        if written != printed
    ]
    assert sorted(example.rglob("*")) == before  # the examples ran in a copy
    if diffs:
        pytest.fail(
            "".join(diffs) + "\nThe docs differ from what psp prints: run scripts/update_docs.py",
            pytrace=False,
        )


def test_every_psp_command_in_the_docs_is_in_a_console_block() -> None:
    """A `$ psp` line outside a ```console block would never be run."""
    docs = _update_docs()
    for path in docs.documents():
        text = path.read_text(encoding="utf-8")
        inside = {n for block in docs.parse(text) for n in range(block.first, block.last)}
        stray = [
            n + 1
            for n, line in enumerate(text.split("\n"))
            if line.startswith("$ psp") and n not in inside
        ]
        assert stray == [], f"{path.name}: lines {stray} are not in a ```console block"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(docs.parse(readme)) >= 8


def test_an_elision_matches_any_run_of_lines() -> None:
    matches = _update_docs().matches
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "...", "d"], ["a", "d"])
    assert matches(["a", "..."], ["a"])
    assert matches(["..."], [])
    assert matches(["a  ", ""], ["a", "", ""])  # trailing spaces and blank lines do not count
    assert not matches(["a", "...", "d"], ["a", "b", "c"])
    assert not matches(["a", "...", "c", "...", "b"], ["a", "b", "c"])
    assert not matches(["a"], ["a", "b"])


def test_an_update_keeps_each_elision_and_refreshes_the_lines_around_it() -> None:
    refreshed = _update_docs().refreshed
    actual = ["Title", "as at 1 April", "", "table", "row", "Since", "• R7 up", "• M12", "end"]
    written = ["Title", "as at 30 March", "...", "Since", "• R7 down", "...", "end"]
    assert refreshed(written, actual) == [
        "Title",
        "as at 1 April",
        "...",
        "Since",
        "• R7 up",
        "...",
        "end",
    ]
    assert refreshed(refreshed(written, actual), actual) == refreshed(written, actual)
    assert refreshed(["old", "lines"], ["new"]) == ["new"]
    assert refreshed(["a", "...", "b", "c"], ["x"]) == ["x"]  # too short to leave out any
    assert refreshed(["same", "..."], ["same", "more"]) == ["same", "..."]


def test_a_console_block_is_read_as_commands_and_their_output() -> None:
    docs = _update_docs()
    text = (
        "intro\n<!-- console-setup: typos-in-my-copy -->\n```console\n$ psp a\nout\n$ cd x\n```\n"
    )
    [block] = docs.parse(text)
    assert (block.first, block.last, block.setup) == (3, 6, "typos-in-my-copy")
    assert [(s.command, s.expected) for s in block.steps] == [("psp a", ["out"]), ("cd x", [])]
    with pytest.raises(docs.DocsError, match="starts with a"):
        docs.parse("```console\noutput first\n```\n", "README.md")
    with pytest.raises(docs.DocsError, match="never closed"):
        docs.parse("```console\n$ psp validate\n", "README.md")


def test_an_example_runs_psp_or_cd_and_nothing_else(tmp_path: Path) -> None:
    docs = _update_docs()
    session = docs.new_session(tmp_path)
    assert session.run("cd examples/falkirk-foster-care", "README.md:1") == []
    assert session.cwd == (tmp_path / "examples" / "falkirk-foster-care").resolve()
    with pytest.raises(docs.DocsError, match="not 'rm -rf x'"):
        session.run("rm -rf x", "README.md:2")
    with pytest.raises(docs.DocsError, match="no such folder"):
        session.run("cd ../../..", "README.md:3")


# --- links and paths ------------------------------------------------------------------------


def _prose(text: str) -> str:
    """The Markdown without its fenced blocks, whose paths belong to examples being run."""
    return re.sub(r"(?ms)^```.*?^```", "", text)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _prose(path.read_text(encoding="utf-8"))
    return {_slug(m.group(1)) for m in re.finditer(r"(?m)^#+ (.+)$", text)}


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def test_every_relative_link_resolves() -> None:
    for doc in _markdown_files():
        for target in re.findall(r"\]\(([^)\s]+)\)", _prose(doc.read_text(encoding="utf-8"))):
            if re.match(r"[a-z]+:", target):
                continue  # https:, mailto:
            file, _, anchor = target.partition("#")
            linked = (doc.parent / file).resolve() if file else doc
            assert linked.exists(), f"{doc.name}: link to {target}: no such file"
            if anchor and linked.suffix == ".md":
                assert anchor in _anchors(linked), f"{doc.name}: link to {target}: no such heading"


GENERATED = (".venv/", "build/", "dist/", "out/", ".hypothesis/", ".pytest_cache/")
"""Folders that running psp, make or the tests creates; the docs may name what goes in them."""
PLACEHOLDER = re.compile(r"\b(DATE|NAME|DIR|FILE|KIND|ID)\b|path/to/")
FILE_SUFFIXES = (".md", ".py", ".toml", ".yaml", ".yml", ".json", ".txt", ".docx", ".xlsx")


def _path_references(text: str) -> Iterator[str]:
    """Code spans in prose that look like a path: `tests/corpus/`, `load/roundtrip.py`,
    `DESIGN.md`; not `31/03/2026`, `pilot.end` or `out/mou-DATE.docx`."""
    for span in re.findall(r"`([^`\s]+)`", _prose(text)):
        if not re.fullmatch(r"\.?[\w-]*[A-Za-z][\w.-]*(/[\w.*-]+)*/?", span):
            continue
        if "/" not in span and not span.endswith(FILE_SUFFIXES):
            continue
        if PLACEHOLDER.search(span) or span.startswith(GENERATED):
            continue
        yield span


def test_every_path_in_the_docs_is_in_the_repository(tmp_path: Path) -> None:
    """A path resolves in the repository, the package, the worked example or a new folder."""
    new_folder = tmp_path / "new"
    assert PspRunner().invoke(["init", str(new_folder)]).exit_code == 0
    bases = [
        ROOT,
        DOCS,
        ROOT / "src" / "psptool",
        ROOT / "templates",
        ROOT / "examples" / "falkirk-foster-care",
        new_folder,
    ]
    # folders the docs' own examples make with `psp init NAME`: `my-copy/risks.yaml`
    made = {
        step.command.split()[2]
        for doc in _markdown_files()
        for block in _update_docs().parse(doc.read_text(encoding="utf-8"))
        for step in block.steps
        if step.command.startswith("psp init ")
    }
    for doc in _markdown_files():
        for span in _path_references(doc.read_text(encoding="utf-8")):
            first, _, rest = span.partition("/")
            if first in made:
                span = rest
            found = any((base / span).exists() for base in [doc.parent, *bases])
            assert found, f"{doc.relative_to(ROOT)} names `{span}`, which is not in the repository"


def test_path_references_are_recognised() -> None:
    text = (
        "See `DESIGN.md`, `reference/003` and `load/yamlfile.py`; not `31/03/2026`,"
        " `pilot.end`, `out/mou-DATE.docx`, `.venv/bin/psp` or `a b/c`.\n"
        "```\n`in/a/block.md`\n```\n"
    )
    assert list(_path_references(text)) == ["DESIGN.md", "reference/003", "load/yamlfile.py"]


# --- psp.yaml keys ----------------------------------------------------------------------------


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models(arg)


def _keys(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every key of the model and the models under it, as a dotted path (`pilot.start`)."""
    for name, info in model.model_fields.items():
        key = f"{prefix}{info.alias or name}"
        yield key
        for nested in _models(info.annotation):
            yield from _keys(nested, f"{key}.")


def test_every_psp_yaml_key_is_in_format_md() -> None:
    section = _section((DOCS / "format.md").read_text(encoding="utf-8"), "## psp.yaml")
    spans = set(re.findall(r"`([^`]+)`", _prose(section)))
    for key in _keys(Partnership):
        parts = key.split(".")
        said = {".".join(parts[i:]) for i in range(len(parts))}
        said |= {f"{s}:" for s in said}
        assert said & spans, f"psp.yaml's `{key}` is not in docs/format.md"
    top = re.search(r"Top-level keys: (.+?)\.\n\n", section, re.DOTALL)
    assert top is not None
    assert sorted(re.findall(r"`(\w+)`", top.group(1))) == sorted(Partnership.model_fields)
    rows = set(re.findall(r"(?m)^\| `(\w+)` \|", section))
    assert set(Partnership.model_fields) <= rows
