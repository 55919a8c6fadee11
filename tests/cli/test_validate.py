"""`psp validate` wiring: formats, exit codes, --strict, --as-of, --project."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from psptool.cli import main
from tests.check.test_codes import risk
from tests.helpers import EXAMPLE, PspRunner, make_project


def invoke(*args: str):
    return PspRunner().invoke(list(args))


def test_clean_folder_exits_0(folder: Path) -> None:
    result = invoke("validate", str(folder), "--as-of", "2026-06-30")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "no problems found in 2 files"


def test_errors_exit_1_with_file_line_col(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "psp", risks_yaml=risk().replace("impact: 4", "impact: 7"))
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", "psp", "--as-of", "2026-06-30")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "psp/risks.yaml"
    assert lines[1] == (
        "psp/risks.yaml:7:13: PSP104 error risk R1: impact must be a whole number from 1 to 5, "
        "got 7"
    )
    assert lines[2] == "       7 |     impact: 7"
    assert lines[3] == "         |             ^"
    assert lines[-1] == "1 error in 3 files"
    assert root.exists()


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", risks_yaml=risk(review="2026-01-01"))
    assert invoke("validate", str(root), "--as-of", "2026-06-30").exit_code == 0
    assert invoke("validate", str(root), "--as-of", "2026-06-30", "--strict").exit_code == 1


def test_as_of_changes_what_is_overdue(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", risks_yaml=risk(review="2026-09-01"))
    early = invoke("validate", str(root), "--as-of", "2026-06-30", "--strict")
    late = invoke("validate", str(root), "--as-of", "2026-12-31", "--strict")
    assert early.exit_code == 0 and late.exit_code == 1
    assert "PSP404" in late.output


def test_bad_as_of_is_a_usage_error(folder: Path) -> None:
    result = invoke("validate", str(folder), "--as-of", "31/03/2026")
    assert result.exit_code == 2
    assert "is not a date" in result.output


def test_json_is_one_document_with_counts_and_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project(tmp_path / "psp", risks_yaml=risk(owner="nobody"))
    monkeypatch.chdir(tmp_path)
    result = invoke("validate", "psp", "--format", "json", "--as-of", "2026-06-30")
    assert result.exit_code == 1
    assert json.loads(result.output) == {
        "schema_version": 1,
        "as_of": "2026-06-30",
        "strict": False,
        "exit_code": 1,
        "counts": {"errors": 1, "warnings": 0, "files": 3},
        "folders": [{"folder": "psp", "files": 3, "errors": 1, "warnings": 0}],
        "diagnostics": [
            {
                "code": "PSP202",
                "severity": "error",
                "message": "risk R1: owner 'nobody' is not a partner or a person in partners.yaml",
                "file": "psp/risks.yaml",
                "line": 5,
                "column": 12,
                "hint": "add the person to their partner's people",
            }
        ],
    }


def test_json_under_strict_and_without_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project(tmp_path / "psp", risks_yaml=risk(review="2026-01-01"))
    monkeypatch.chdir(tmp_path)
    strict = json.loads(
        invoke("validate", "psp", "--format", "json", "--as-of", "2026-06-30", "--strict").output
    )
    assert (strict["strict"], strict["exit_code"], strict["counts"]) == (
        True,
        1,
        {"errors": 0, "warnings": 1, "files": 3},
    )
    (tmp_path / "empty").mkdir()
    missing = invoke("validate", "empty", "--format", "json", "--as-of", "2026-06-30")
    assert missing.exit_code == 2
    data = json.loads(missing.output)
    assert data["exit_code"] == 2
    assert data["folders"] == [{"folder": None, "files": 0, "errors": 1, "warnings": 0}]
    assert [d["code"] for d in data["diagnostics"]] == ["PSP001"]


def test_github_annotations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "psp", risks_yaml=risk(owner="nobody", review="2026-01-01"))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    result = invoke("validate", str(root), "--format", "github", "--as-of", "2026-06-30")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=psp/risks.yaml,line=5,col=12,title=PSP202::risk R1: owner 'nobody' is not "
        "a partner or a person in partners.yaml (hint: add the person to their partner's people)",
        "::warning file=psp/risks.yaml,line=8,col=13,title=PSP404::risk R1 was due for review "
        "on 2026-01-01 (hint: review it and set the next review date)",
    ]


def test_project_option_and_search_upwards(folder: Path) -> None:
    sub = folder / "notes"
    sub.mkdir()
    assert invoke("validate", "--project", str(folder), "--as-of", "2026-06-30").exit_code == 0
    assert invoke("validate", str(sub), "--as-of", "2026-06-30").exit_code == 0


def test_no_folder_exits_2(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "PSP001 error no PSP folder found" in result.output


def test_main_turns_a_crash_into_a_report(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import psptool.check

    def explode(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(psptool.check, "validate", explode)
    code = main(["validate", "."])
    err = capsys.readouterr().err
    assert code == 2
    assert "an unexpected error (RuntimeError: kaboom)" in err
    report = Path(err.split("written to ")[1].split(";")[0])
    assert "Traceback" in report.read_text() and "kaboom" in report.read_text()
    report.unlink()


def test_main_returns_the_exit_code(folder: Path) -> None:
    assert main(["validate", str(folder), "--as-of", "2026-06-30"]) == 0
    assert main(["validate", "--format", "nonsense", str(folder)]) == 2


def _run(*code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "\n".join(code)], capture_output=True, text=True, check=True
    )


def test_validate_imports_no_heavy_library() -> None:
    done = _run(
        "import sys",
        "from psptool.cli import main",
        f"code = main(['validate', {str(EXAMPLE)!r}, '--as-of', '2011-06-30'])",
        "heavy = [m for m in ('docx', 'docxtpl', 'openpyxl', 'jinja2') if m in sys.modules]",
        "print(code, heavy)",
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_validate_builds_only_its_own_command() -> None:
    # typer builds every option of every command it is given, so the others stay unloaded
    done = _run(
        "import sys",
        "from psptool.cli import main",
        f"main(['validate', {str(EXAMPLE)!r}, '--as-of', '2011-06-30'])",
        "print(sorted(m for m in sys.modules if m.startswith('psptool.cli.')))",
    )
    assert done.stdout.strip().splitlines()[-1] == (
        "['psptool.cli.console', 'psptool.cli.lazy', 'psptool.cli.options', 'psptool.cli.validate']"
    )


@pytest.mark.parametrize("as_of", ["20110630", "2011-W26-4", "2011-02-30", "30/06/2011"])
def test_as_of_must_be_a_real_date_written_yyyy_mm_dd(as_of: str, runner: PspRunner) -> None:
    # Python's date.fromisoformat takes the first two; a partner would not mean a date so
    result = runner.invoke(["validate", str(EXAMPLE), "--as-of", as_of])
    assert result.exit_code == 2
    assert f"'{as_of}' is not a date; write it as YYYY-MM-DD" in result.output


def test_a_mistyped_command_is_suggested(runner: PspRunner) -> None:
    result = runner.invoke(["valdate"])
    assert result.exit_code == 2
    assert "No such command 'valdate'. Did you mean 'validate'?" in result.output


def test_help_imports_neither_pydantic_nor_ruamel() -> None:
    done = _run(
        "import sys",
        "from psptool.cli import main",
        "main(['--help'])",
        "print([m for m in ('pydantic', 'ruamel.yaml', 'docx', 'openpyxl', 'jinja2')"
        " if m in sys.modules])",
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_python_dash_m(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "psptool", "validate", str(folder), "--as-of", "2026-06-30"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "no problems found" in done.stdout
