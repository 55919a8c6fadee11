"""Finding the folder, reading files safely, and keeping good records when others fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from psptool.check import validate
from psptool.errors import ProjectNotFound
from psptool.load import find_project, load_project
from psptool.load import project as project_module
from tests.helpers import AS_OF, check, make_project


def test_found_from_a_subfolder(folder: Path) -> None:
    sub = folder / "templates" / "deep"
    sub.mkdir(parents=True)
    assert find_project(sub) == folder


def test_not_found_is_psp001_and_exit_2(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFound):
        find_project(tmp_path)
    validation = validate(tmp_path, AS_OF)
    (d,) = validation.diagnostics
    assert (d.code, d.severity, d.file, d.line) == ("PSP001", "error", "", 0)
    assert validation.exit_code() == 2


def test_a_file_that_is_a_folder(folder: Path) -> None:
    (folder / "risks.yaml").mkdir()
    validation = check(folder)
    (d,) = validation.diagnostics
    assert (d.code, d.severity, d.file, d.line) == ("PSP003", "error", "risks.yaml", 0)
    assert d.message == "risks.yaml is a folder, not a file"
    assert validation.exit_code() == 2


def test_a_symlink_loop(folder: Path) -> None:
    os.symlink(folder / "goals.yaml", folder / "goals.yaml")
    (d,) = check(folder).diagnostics
    assert (d.code, d.file) == ("PSP003", "goals.yaml")
    assert "cannot be read" in d.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(folder: Path) -> None:
    (folder / "goals.yaml").write_text("goals: []\n")
    (folder / "goals.yaml").chmod(0)
    (d,) = check(folder).diagnostics
    assert (d.code, d.file) == ("PSP003", "goals.yaml")


def test_a_file_too_large(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_module, "MAX_FILE_BYTES", 100)
    (folder / "risks.yaml").write_text("risks: []\n" + "# padding\n" * 20)
    found = [(d.code, d.file, d.line) for d in check(folder).diagnostics]
    assert ("PSP004", "risks.yaml", 0) in found


def test_bom_is_read_and_warned(folder: Path) -> None:
    (folder / "goals.yaml").write_bytes(b"\xef\xbb\xbfgoals:\n  - {id: G1, title: A goal}\n")
    result = load_project(folder, find=False)
    assert [g.id for g in result.project.goals.goals] == ["G1"]
    assert [d.code for d in result.diagnostics] == ["PSP006"]


def test_crlf_files_load_cleanly(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    for name in ("psp.yaml", "partners.yaml"):
        path = root / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert check(root).diagnostics == []


def test_empty_optional_file_is_an_empty_list(folder: Path) -> None:
    (folder / "risks.yaml").write_text("# nothing yet\n")
    assert check(folder).diagnostics == []


def test_a_bad_record_is_left_out_and_the_rest_load(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "psp",
        risks_yaml=(
            "risks:\n"
            "  - {id: R1, type: risk, title: One, likelihood: 9, impact: 2}\n"
            "  - {id: R2, type: risk, title: Two, likelihood: 2, impact: 2, owner: p-nobody}\n"
        ),
    )
    validation = check(root)
    assert [r.id for r in validation.result.project.risks.risks] == ["R2"]
    found = [(d.code, d.line) for d in validation.diagnostics]
    # R2 moved to index 0 in the model, but its finding still points at line 3
    assert ("PSP104", 2) in found
    assert ("PSP202", 3) in found


def test_references_to_a_left_out_record_are_not_reported_again(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "psp",
        milestones_yaml=(
            "milestones:\n"
            "  - {id: M1, title: One, due: 2026-02-30}\n"
            "  - {id: M2, title: Two, due: 2026-09-01, depends_on: [M1]}\n"
        ),
    )
    assert [d.code for d in check(root).diagnostics] == ["PSP107"]


def test_a_broken_psp_yaml_still_lets_the_other_files_be_checked(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "psp",
        psp_yaml="name: Test\nid: t\nstage: piolt\n",
        risks_yaml=(
            "risks:\n  - {id: R1, type: risk, title: One, likelihood: 2, impact: 2, owner: x}\n"
        ),
    )
    codes = [d.code for d in check(root).diagnostics]
    assert "PSP105" in codes and "PSP202" in codes


def test_the_project_holds_typed_values(folder: Path) -> None:
    result = load_project(folder, find=False)
    assert result.project.psp.start.isoformat() == "2026-01-01"
    assert result.project.owner_ids() == {"council", "charity", "p-dir", "p-pm", "p-ceo"}


def test_an_unreadable_file_as_any_user(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "goals.yaml").write_text("goals: []\n")
    real = os.open

    def deny(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "goals.yaml":
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    validation = check(folder)
    (d,) = validation.diagnostics
    assert (d.code, d.file, d.message) == (
        "PSP003",
        "goals.yaml",
        "goals.yaml cannot be read: Permission denied",
    )
    assert validation.exit_code() == 2


def test_an_empty_key_means_an_empty_list(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", goals_yaml="goals:\n", options_yaml="preferred:\n")
    assert check(root).diagnostics == []


def test_a_number_where_text_is_expected_is_not_silently_changed(tmp_path: Path) -> None:
    people = "      - {id: p-pm, name: B. Manager, phone: 01324506070}\n"
    partners = make_project(tmp_path / "x").joinpath("partners.yaml").read_text()
    partners = partners.replace("      - {id: p-pm, name: B. Manager}\n", people)
    root = make_project(tmp_path / "psp", partners_yaml=partners)
    (d,) = check(root).diagnostics
    assert (d.code, d.line) == ("PSP103", 9)
    assert d.message == "person p-pm: phone must be text, got 1324506070"
    assert d.hint.startswith("put it in quotes")
