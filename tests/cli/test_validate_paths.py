"""`psp validate PATH...`: each path stands for the PSP folder that holds it, as a pre-commit
hook passes the files being committed; each folder is checked once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import PspRunner, make_project

BAD_RISKS = """\
risks:
  - id: R1
    type: risk
    title: Providers withdraw
    owner: p-pm
    likelihood: 9
    impact: 3
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with a clean PSP folder `a`, a broken one in `sub/b`, and a `goals.yaml`
    and a `templates/` folder that belong to no PSP folder."""
    make_project(tmp_path / "a")
    make_project(tmp_path / "sub" / "b", risks_yaml=BAD_RISKS)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "goals.yaml").write_text("goals: []\n", encoding="utf-8")
    (tmp_path / "web" / "templates").mkdir(parents=True)
    (tmp_path / "web" / "templates" / "page.html").write_text("<p></p>\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def psp(*args: str) -> tuple[int, str]:
    result = PspRunner().invoke(["validate", *args, "--as-of", "2026-06-30"])
    return result.exit_code, result.output


def test_a_file_stands_for_its_folder(repo: Path) -> None:
    assert psp("sub/b/risks.yaml") == psp("sub/b")
    assert psp("sub/b/risks.yaml", "sub/b/partners.yaml", "sub/b") == psp("sub/b")
    code, output = psp("sub/b")
    assert code == 1
    assert output.splitlines()[:2] == [
        "sub/b/risks.yaml",
        "sub/b/risks.yaml:6:17: PSP104 error risk R1: likelihood must be a whole number "
        "from 1 to 5, got 9",
    ]


def test_each_folder_is_checked_once_under_its_heading(repo: Path) -> None:
    code, output = psp("sub/b/risks.yaml", "a/psp.yaml", "sub/b", "a")
    assert code == 1  # the worst of 1 (sub/b) and 0 (a)
    _, b_alone = psp("sub/b")
    _, a_alone = psp("a")
    assert a_alone == "no problems found in 2 files\n"
    assert output == f"== sub/b\n{b_alone}\n== a\n{a_alone}"


def test_a_path_in_no_folder_cannot_run_unless_ignored(repo: Path) -> None:
    code, output = psp("a", "notes/goals.yaml")
    assert code == 2
    assert output.splitlines()[-5:] == [
        "== notes/goals.yaml",
        f"psp: PSP001 error no PSP folder found: no psp.yaml in {repo / 'notes'} or any "
        "folder above it",
        "    hint: run 'psp init' to create one, or pass the folder's path",
        "",
        "1 error",
    ]
    assert psp("--ignore-outside", "notes/goals.yaml", "a/psp.yaml") == psp("a")
    assert psp("--ignore-outside", "notes/goals.yaml", "web/templates/page.html") == (
        0,
        "no PSP folder holds any of the given files: nothing to check\n",
    )


def test_json_is_one_document_for_every_folder_with_paths_from_here(repo: Path) -> None:
    code, output = psp("--format", "json", "a", "sub/b/risks.yaml")
    assert code == 1
    document = json.loads(output)
    assert document["exit_code"] == 1
    assert [(f["folder"], f["errors"]) for f in document["folders"]] == [("a", 0), ("sub/b", 1)]
    assert document["counts"] == {"errors": 1, "warnings": 0, "files": 5}
    assert [(d["file"], d["line"], d["code"]) for d in document["diagnostics"]] == [
        ("sub/b/risks.yaml", 6, "PSP104")
    ]
    _, alone = psp("--format", "json", "sub/b")
    assert json.loads(alone)["diagnostics"] == document["diagnostics"]
    code, output = psp("--format", "json", "--ignore-outside", "notes/goals.yaml")
    assert code == 0
    assert json.loads(output)["folders"] == []
    assert json.loads(output)["diagnostics"] == []


def test_github_annotations_of_every_folder(repo: Path) -> None:
    code, output = psp("--format", "github", "sub/b/risks.yaml", "a", "notes/goals.yaml")
    assert code == 2
    lines = output.splitlines()
    assert [line.split("::")[1] for line in lines] == [
        "error file=sub/b/risks.yaml,line=6,col=17,title=PSP104",
        "error title=PSP001",
    ]


def test_project_option_is_one_more_folder(repo: Path) -> None:
    assert psp("--project", "a") == psp("a")
    code, output = psp("sub/b", "--project", "a")
    assert code == 1
    assert output.startswith("== sub/b\n") and "\n== a\nno problems found" in output
