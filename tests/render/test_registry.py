"""The paper registry: every paper declared once, with its module, and everything that lists
papers (the `psp render` commands and their help, `psp templates`, the default output names,
the table in docs/cli.md) made from the declarations."""

from __future__ import annotations

import dataclasses
import typing
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import psptool
from psptool.cli import app
from psptool.cli.render import paper_command
from psptool.errors import UserError
from psptool.render.papers import render_paper
from psptool.render.templates import TEMPLATES, defaults_dir
from psptool.report.papers import PAPERS, CheckedFolder, Option, Paper, commands
from psptool.vocabulary import STAGES
from tests.helpers import PspRunner, copy_example

AS_OF = date(2011, 6, 30)
DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


PAPERS_TODAY = [
    ("mou", "docx", "psp render mou", "create"),
    ("plan", "xlsx", "psp render plan", "create"),
    ("raid", "xlsx", "psp render raid", "create"),
    ("stakeholders", "xlsx", "psp render stakeholders", "create"),
    ("business-case-outline", "docx", "psp render business-case --outline", "design"),
    ("business-case-full", "docx", "psp render business-case --full", "pilot"),
    ("options", "xlsx", "psp render options", "design"),
]
"""The papers of this writing, in order; a paper added since takes its place among them."""


def test_every_paper_in_the_lifecycles_order() -> None:
    found = [(p.name, p.kind, p.invocation, p.stage) for p in PAPERS.values()]
    assert [p for p in found if p in PAPERS_TODAY] == PAPERS_TODAY
    # a command is listed at the stage of its first paper; its papers follow each other
    first = [STAGES.index(papers[0].stage) for papers in commands().values()]
    assert first == sorted(first)
    assert [p.command_name for p in PAPERS.values()] == [
        name for name, papers in commands().items() for _ in papers
    ]
    assert psptool.PAPERS is PAPERS


def _dataclasses(kind: Any, seen: set[type]) -> None:
    """Every dataclass `kind` holds, through tuples and optionals, into `seen`."""
    for arg in typing.get_args(kind):
        _dataclasses(arg, seen)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind) and kind not in seen:
        seen.add(kind)
        for hint in typing.get_type_hints(kind).values():
            _dataclasses(hint, seen)


def test_every_section_of_a_word_paper_is_a_frozen_dataclass() -> None:
    for paper in PAPERS.values():
        if paper.kind != "docx":
            continue
        sections: set[type] = set()
        _dataclasses(paper.data_type, sections)
        assert paper.data_type in sections, paper.name
        thawed = [s.__name__ for s in sections if not s.__dataclass_params__.frozen]  # type: ignore[attr-defined]
        assert thawed == [], paper.name


def test_every_paper_has_its_template_or_its_workbook_writer() -> None:
    for paper in PAPERS.values():
        if paper.template is not None:
            assert (defaults_dir() / paper.template).is_file(), paper.name
        else:
            writer = import_module(f"psptool.render.{paper.workbook}")
            hints = typing.get_type_hints(writer.write)
            assert hints["data"] is paper.data_type, paper.name


def test_templates_come_from_the_papers() -> None:
    assert list(TEMPLATES) == [p.template for p in PAPERS.values() if p.template] + [
        "status.html"  # the HTML highlight report's (#14)
    ]
    today = {name: (t.title, t.command) for name, t in TEMPLATES.items()}
    assert {
        name: today[name]
        for name in ("mou.docx", "business-case-outline.docx", "business-case-full.docx")
    } == {
        "mou.docx": ("Memorandum of Understanding", "psp render mou"),
        "business-case-outline.docx": (
            "Outline Business Case",
            "psp render business-case --outline",
        ),
        "business-case-full.docx": ("Full Business Case", "psp render business-case --full"),
    }
    assert TEMPLATES["mou.docx"].data == (
        "partnership", "lead", "partners", "roles", "groups", "mou", "signatures", "status",
        "board", "goals", "draft", "to_agree", "footer", "project_manager", "goals_intro",
        "version",
    )  # fmt: skip


def test_the_render_commands_are_the_registrys() -> None:
    group = typer.main.get_group(app).commands["render"]
    assert list(group.commands) == list(commands())
    assert group.commands["mou"].help == PAPERS["mou"].help
    business_case = group.commands["business-case"]
    assert business_case.help == PAPERS["business-case-outline"].command.help  # type: ignore[union-attr]
    flags = {
        p.opts[0]: p.help for p in business_case.params if p.opts[0] in ("--outline", "--full")
    }
    assert flags == {
        "--outline": "The outline business case, to agree the pilot.",
        "--full": "The full business case, the case for funding.",
    }
    assert "--template" not in [o for p in group.commands["raid"].params for o in p.opts]


def test_the_docs_table_of_papers_is_the_registrys() -> None:
    rows = [
        "| Paper | Command | Written as | Default output | Stage |",
        "|---|---|---|---|---|",
    ]
    for paper in PAPERS.values():
        written = f"Word, from `{paper.template}`" if paper.template else "Excel"
        output = f"`out/{paper.name}-DATE{paper.suffix}`"
        rows.append(
            f"| {paper.title} | `{paper.invocation}` | {written} | {output} | `{paper.stage}` |"
        )
    table = "\n".join(rows)
    assert table in DOCS.read_text(encoding="utf-8"), f"docs/cli.md's table of papers:\n{table}"


# --- a paper with its own option, as the meetings issue adds them -------------------------


@dataclasses.dataclass(frozen=True)
class Agenda:
    meeting: str
    partnership: str


def _agenda(folder: CheckedFolder, as_of: date, meeting: str) -> Agenda:
    return Agenda(meeting, folder.project.psp.name)


AGENDA = Paper(
    name="agenda",
    kind="docx",
    title="Agenda",
    help="The agenda of a meeting (Word).",
    stage="create",
    build=_agenda,
    template="mou.docx",
    options=(Option("meeting", "The meeting: its id in meetings.yaml."),),
)


@pytest.fixture
def with_agenda(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PAPERS, "_papers", {**PAPERS, "agenda": AGENDA})


def test_a_papers_own_option_reaches_its_build_and_its_name(
    with_agenda: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_example(tmp_path / "psp")
    checked = psptool.validate(root, AS_OF)
    built: list[Agenda] = []
    monkeypatch.setattr(
        "psptool.render.templates.render_docx", lambda _t, data, *_, **__: built.append(data)
    )
    target = render_paper("agenda", checked, AS_OF, options={"meeting": "GG-3"})
    assert target == root / "out" / "agenda-GG-3-2011-06-30.docx"
    assert built == [Agenda("GG-3", "Falkirk Foster Care PSP")]
    assert AGENDA.invocation == "psp render agenda --meeting ID"
    with pytest.raises(UserError, match=r"^the agenda paper needs --meeting$"):
        render_paper("agenda", checked, AS_OF)
    with pytest.raises(UserError, match=r"^the mou paper takes no option meeting$"):
        render_paper("mou", checked, AS_OF, options={"meeting": "GG-3"})


def test_a_papers_own_option_is_a_required_option_of_its_command() -> None:
    group = typer.Typer(rich_markup_mode=None)
    group.command("agenda", help=AGENDA.help)(paper_command("agenda", [AGENDA]))
    group.command("other")(lambda: None)  # a group, so the command is `agenda`
    result = CliRunner().invoke(group, ["agenda", "--help"], env={"COLUMNS": "100"})
    assert "--meeting ID" in result.output
    assert "The meeting: its id in meetings.yaml.  [required]" in result.output
    missing = CliRunner().invoke(group, ["agenda"])
    assert missing.exit_code == 2 and "Missing option '--meeting'" in missing.output


def test_choosing_between_papers_of_one_command() -> None:
    result = PspRunner().invoke(["render", "business-case", "--outline", "--full"])
    assert result.exit_code == 2
    assert result.stderr == "psp: say which business case: --outline or --full\n"
