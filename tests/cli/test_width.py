"""Everything `psp` prints to a terminal fits the terminal's width (COLUMNS), keeps every record
in sight, and wraps long text at word boundaries instead of cutting it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from psptool.check import validate
from psptool.cli import main
from psptool.cli.console import PIPED_WIDTH, err, out
from psptool.cli.score import Kind
from psptool.render import scores
from psptool.render.document import Figure
from psptool.render.status import status_document
from psptool.render.tables import Table
from psptool.render.templates import TEMPLATES
from psptool.report import status_report
from tests.edit import raid_workbook as wb
from tests.helpers import EXAMPLE, make_project

AS_OF = "2011-06-30"
WIDTHS = [80, 200]

LONG_TITLE = (
    "Providers' time commitment grows out of all proportion to the small number of placements "
    "on offer, so that smaller partners send junior staff or stop coming to the fortnightly "
    "meetings altogether"
)

COMMANDS: dict[str, list[str]] = {
    **{f"score {kind.value}": ["score", kind.value] for kind in Kind},
    "score risks --heatmap": ["score", "risks", "--heatmap"],
    "report gate": ["report", "gate"],
    "report status": ["report", "status", "--format", "terminal"],
    "validate": ["validate"],
    "templates list": ["templates", "list", "--project"],
}
"""Every command that prints a table or paragraphs for people, with its folder last."""

TITLE_COLUMNS = ("Title", "Option", "Candidate", "Goal", "Benefit", "Stakeholder", "Milestone")
TITLE_COLUMNS += ("Item", "Criterion", "Paper")
"""The column that names a table's records (its title), whichever table it is."""


@pytest.fixture(autouse=True)
def fresh_consoles() -> Iterator[None]:
    # the consoles read COLUMNS when made: make them again for each width, and after
    out.cache_clear()
    err.cache_clear()
    yield
    out.cache_clear()
    err.cache_clear()


def _example(tmp_path: Path) -> Path:
    root = tmp_path / "example"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out"))
    return root


def _with_findings(tmp_path: Path) -> Path:
    """The example with warnings: a risk with a long title whose review is overdue, a long
    milestone title, a goal with neither measure nor due date."""
    root = tmp_path / "findings"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out"))
    risks = (root / "risks.yaml").read_text(encoding="utf-8")
    risks = risks.replace(
        "title: Providers' time commitment out of proportion to the placements on offer",
        f"title: {LONG_TITLE}",
        1,
    ).replace("    review: 2011-07-22\n", "    review: 2011-01-07\n", 1)
    (root / "risks.yaml").write_text(risks, encoding="utf-8")
    milestones = (root / "milestones.yaml").read_text(encoding="utf-8")
    milestones = milestones.replace(
        "title: Pilot begins",
        "title: Pilot begins with the first referrals of children from the council's social "
        "work teams to the framework providers",
        1,
    )
    (root / "milestones.yaml").write_text(milestones, encoding="utf-8")
    return root


FOLDERS = {"example": _example, "findings": _with_findings}


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], width: int, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("COLUMNS", str(width))
    code = main([*args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _too_wide(text: str, width: int) -> list[str]:
    return [line for line in text.splitlines() if cell_len(line) > width]


def _table_words(tables: list[Table]) -> list[str]:
    """Each record's id and the first word of its title, from the tables the command prints."""
    words = []
    for table in tables:
        named = [c for c in table.columns if c in ("ID", *TITLE_COLUMNS)]
        for row in table.rows:
            cells = dict(zip(table.columns, row, strict=True))
            for column in named:
                if isinstance(cells[column], str) and cells[column].strip():
                    words.append(cells[column].split()[0])
        if table.title == "Risk heat map":
            words += [w for row in table.rows for cell in row[1:] for w in str(cell).split()]
    return words


def _expected(command: str, folder: Path) -> list[str]:
    validation = validate(folder, date.fromisoformat(AS_OF))
    project = validation.result.project
    when = date.fromisoformat(AS_OF)
    if command.startswith("score"):
        score = scores.SCORES[command.split()[1]]
        tables = score.show(score.run(project, when), "--heatmap" in command)
        return _table_words(tables)
    if command == "report gate":
        from psptool.analysis.gate import stage_gate

        return _table_words([scores.gate_table(stage_gate(project, when, None))])
    if command == "report status":
        document = status_document(status_report(project, when))
        tables = [b for b in document.blocks if isinstance(b, Table)]
        tables += [b.fallback for b in document.blocks if isinstance(b, Figure) and b.fallback]
        return _table_words(tables)
    if command == "templates list":
        return [w for t in TEMPLATES.values() for w in (t.name, t.title.split()[0])]
    assert command == "validate"
    return [d.code for d in validation.diagnostics] or ["problems"]


def _appears(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_the_commands_cover_every_score() -> None:
    assert [name for name in COMMANDS if name.startswith("score ")] == [
        "score risks",
        "score options",
        "score partners",
        "score goals",
        "score benefits",
        "score stakeholders",
        "score plan",
        "score economics",
        "score risks --heatmap",
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_fits_and_shows_every_record(
    command: str,
    folder: str,
    width: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = FOLDERS[folder](tmp_path)
    monkeypatch.chdir(tmp_path)
    args = [*COMMANDS[command], root.name]
    if command != "templates list":
        args += ["--as-of", AS_OF]
    code, shown, errors = _run(monkeypatch, capsys, width, *args)
    assert code in (0, 1), errors
    assert shown.strip()
    assert _too_wide(shown, width) == []
    assert _too_wide(errors, width) == []
    # wrapped lines end at a word (the status report's RAG badges are padded on purpose)
    badges = (" RED ", " AMBER ", " GREEN ")
    ragged = [line for line in shown.splitlines() if line.endswith(" ")]
    assert [line for line in ragged if not line.endswith(badges)] == []
    expected = _expected(command, root)
    assert expected
    assert [word for word in expected if not _appears(word, shown)] == []


@pytest.mark.parametrize("width", WIDTHS)
def test_findings_keep_their_first_line_whole(
    width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _with_findings(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, shown, _ = _run(monkeypatch, capsys, width, "validate", root.name, "--as-of", AS_OF)
    assert code == 0
    first = "findings/risks.yaml:30:13: PSP404 warning risk R1 was due for review on 2011-01-07"
    # 82 wide: at 80 columns the message goes on, indented, on the next line
    lines = [first] if width >= 82 else [first.removesuffix(" 2011-01-07"), "    2011-01-07"]
    assert shown.splitlines()[: len(lines) + 4] == [
        "findings/risks.yaml",
        *lines,
        "      30 |     review: 2011-01-07",
        "         |             ^",
        "    hint: review it and set the next review date",
    ]


def _risk_rows(lines: list[str], risk: str) -> list[str]:
    """The lines of a boxed table's row: the one that starts with the risk's id, and those
    that continue it (an empty first cell)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"│ {risk} "))
    rows = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("│     │"):
            break
        rows.append(line)
    return rows


def test_a_long_title_wraps_inside_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _with_findings(tmp_path)
    _, shown, _ = _run(monkeypatch, capsys, 200, "score", "risks", str(root), "--as-of", AS_OF)
    lines = shown.splitlines()
    header = next(line for line in lines if line.startswith("┃ ID "))
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == [
        "ID",
        "Type",
        "Title",
        "Owner",
        "L",
        "I",
        "Score",
        "RAG",
        "Target",
        "Open actions",
        "Review",
    ]
    rows = _risk_rows(lines, "R1")
    # wrapped at word boundaries inside the Title column, not cut
    assert [row.split("│")[3].strip() for row in rows] == [
        "Providers' time commitment grows out of all proportion to the small number of placements",
        "on offer, so that smaller partners send junior staff or stop coming to the fortnightly",
        "meetings altogether",
    ]
    assert [row.split("│")[11].strip() for row in rows] == ["2011-01-07 overdue", "", ""]


def test_at_80_columns_a_title_goes_under_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _with_findings(tmp_path)
    _, shown, _ = _run(monkeypatch, capsys, 80, "score", "risks", str(root), "--as-of", AS_OF)
    lines = shown.splitlines()
    assert lines[:3] == [
        "RAID log",
        "ID   Type        Owner            L  I  Score  RAG     Target  Open actions",
        "─" * 75,
    ]
    start = lines.index(
        "R1   risk        p-baird          3  3      9  amber        4             1"
    )
    assert lines[start + 1 : start + 5] == [
        "     Providers' time commitment grows out of all proportion to the small number",
        "     of placements on offer, so that smaller partners send junior staff or stop",
        "     coming to the fortnightly meetings altogether",
        "     Review: 2011-01-07 overdue",
    ]


def test_the_status_report_keeps_its_top_risks_readable_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _example(tmp_path)
    _, shown, _ = _run(
        monkeypatch, capsys, 80, "report", "status", str(root), "--as-of", AS_OF,
        "--format", "terminal",
    )  # fmt: skip
    lines = shown.splitlines()
    # R1, R4 and R10 tie on 9 for fifth place, so six are shown (tests/report/test_status.py)
    caption = "The 6 highest scoring of the 10 open entries (3 entries tie on a score of 9)"
    start = lines.index(caption)
    assert lines[start : start + 6] == [
        caption,
        "Type        Owner            L × I  Score  RAG    Target  Open actions",
        "─" * 70,
        # R7's action to weigh outcomes was agreed at the Governance Group on 24 June 2011 (D9)
        "Issue       L. Baird         5 × 3     15  Red        10             1",
        "            Fewer pilot placements than planned",
        "Risk        K. Duncan        4 × 3     12  Amber       8             3",
    ]
    # prose wraps at word boundaries, a bullet under its own text
    assert lines[1:3] == [
        # "pilot stage", as the stage gate's heading says it; the date kept on one line
        "As at 30 June 2011 · pilot stage · reporting period 1 April 2011 to 30 June 2011",
        "(3 months)",
    ]
    approvals = lines.index("Approvals outstanding")
    assert lines[approvals + 1] == (
        "  • Full business case: Falkirk Council, needed by 30 September 2011"
    )


@pytest.mark.parametrize("width", [40, 24])
def test_narrower_still_more_moves_under_the_row(
    width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _example(tmp_path)
    for command in ("score risks", "score benefits", "report status"):
        args = [*COMMANDS[command], str(root), "--as-of", AS_OF]
        code, shown, _ = _run(monkeypatch, capsys, width, *args)
        assert code in (0, 1)
        assert _too_wide(shown, width) == []
        missing = [w for w in _expected(command, root) if not _appears(w, shown)]
        assert missing == []
        out.cache_clear()


def test_at_40_columns_the_short_columns_follow_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _example(tmp_path)
    _, shown, _ = _run(monkeypatch, capsys, 40, "score", "risks", str(root), "--as-of", AS_OF)
    lines = shown.splitlines()
    assert lines[:8] == [
        "RAID log",
        "ID   L  I  Score  RAG     Target",
        "─" * 32,
        "R7   5  3     15  red         10",
        "     Fewer pilot placements than planned",
        "     Type: issue · Owner: p-baird",
        "     Open actions: 1",  # the other was agreed on 24 June 2011 (D9)
        "     Review: 2011-07-22",
    ]


BROKEN_RISKS = """\
risks:
  - id: R1
    type: risk
    title: Providers withdraw
    likelihood: 3
    impact: 4
    target: {likelihood: 2, impact: 2, note: a very long comment that goes on and on past the edge of the terminal, imapct: 9}
"""  # noqa: E501


def test_a_long_source_line_is_cut_around_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project(tmp_path / "psp", risks_yaml=BROKEN_RISKS)
    monkeypatch.chdir(tmp_path)
    code, shown, _ = _run(monkeypatch, capsys, 80, "validate", "psp", "--as-of", "2026-06-30")
    assert code == 1
    assert shown.splitlines() == [
        "psp/risks.yaml",
        "psp/risks.yaml:7:40: PSP101 error risk R1: unknown key 'note'",
        "       7 | …elihood: 2, impact: 2, note: a very long comment that goes on and o…",
        "         |                         ^",
        "    hint: known keys here: likelihood, impact",
        "psp/risks.yaml:7:117: PSP101 error risk R1: unknown key 'imapct'",
        "       7 | …omment that goes on and on past the edge of the terminal, imapct: 9}",
        "         |                                                            ^",
        "    hint: did you mean 'impact'?",
        "",
        "2 errors in 3 files",
    ]


def test_a_long_hint_wraps_under_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    risks = BROKEN_RISKS.replace(
        "    target: {likelihood: 2, impact: 2, note: a very long comment that goes on and on past "
        "the edge of the terminal, imapct: 9}\n",
        "    priorty: high\n",
    )
    make_project(tmp_path / "psp", risks_yaml=risks)
    monkeypatch.chdir(tmp_path)
    _, shown, _ = _run(monkeypatch, capsys, 80, "validate", "psp", "--as-of", "2026-06-30")
    assert shown.splitlines()[1:7] == [
        "psp/risks.yaml:7:5: PSP101 error risk R1: unknown key 'priorty'",
        "       7 |     priorty: high",
        "         |     ^",
        "    hint: known keys here: id, type, title, description, category, owner,",
        "          likelihood, impact, target, status, raised, review, resolve_by,",
        "          closed, escalated, actions",
    ]


def test_a_long_message_wraps_after_its_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "no-partnership-has-been-set-up-in-this-folder").mkdir()
    code, shown, _ = _run(
        monkeypatch, capsys, 60, "validate", "no-partnership-has-been-set-up-in-this-folder"
    )
    assert code == 2
    lines = shown.splitlines()
    assert lines[0] == "psp: PSP001 error no PSP folder found: no psp.yaml in"
    assert all(line.startswith("    ") for line in lines[1:3])
    assert _too_wide(shown, 60) == []


def test_piped_without_columns_tables_are_160_wide_and_findings_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    root = _with_findings(tmp_path)
    assert main(["score", "risks", str(root), "--as-of", AS_OF]) == 0
    table = capsys.readouterr().out
    assert max(cell_len(line) for line in table.splitlines()) == PIPED_WIDTH
    make_project(tmp_path / "psp", risks_yaml=BROKEN_RISKS.replace("note", "notes" * 40))
    out.cache_clear()
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "psp", "--as-of", "2026-06-30"]) == 1
    source = capsys.readouterr().out.splitlines()[2]
    assert source.startswith("       7 |     target: {likelihood: 2, impact: 2, notesnotes")
    assert source.endswith("of the terminal, imapct: 9}")


def test_import_raid_differences_fit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _example(tmp_path)
    book = wb.build(
        tmp_path / "raid.xlsx",
        wb.records(root),
        partnership="falkirk-foster-care",
        rendered=date(2011, 6, 30),
    )
    wb.edit(book, {("RAID log", "C2"): LONG_TITLE, ("RAID log", "G2"): 4})
    for width in WIDTHS:
        out.cache_clear()
        code, shown, errors = _run(
            monkeypatch, capsys, width, "import", "raid", str(book), "--project", str(root),
            "--as-of", AS_OF,
        )  # fmt: skip
        assert code == 0, errors
        assert _too_wide(shown, width) == []
        assert shown.startswith("raid.xlsx against risks.yaml\n")
        for word in ("R1", "Title", "Providers'", "Likelihood", "again"):
            assert _appears(word, shown), (word, shown)
        assert "altogether" in shown
