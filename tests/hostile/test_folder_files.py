"""Nothing leaves the folder: a file of the folder or of its templates/ that is a symbolic
link out of it is refused (and its content never quoted), only regular files are read (a
named pipe or /dev/zero as --template), and a value quoted in a message is shortened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers import PspRunner, make_project
from tests.hostile.harness import assert_refused, run_psp, snapshot

SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"


def test_a_link_to_a_key_outside_the_folder_is_not_read(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    key = tmp_path / "id_ed25519"
    key.write_text(SECRET, encoding="utf-8")
    (root / "risks.yaml").symlink_to(key)
    outcome = assert_refused(
        ["validate", ".", "--format", "github"],
        root,
        code=2,
        message=(
            "risks.yaml is a symbolic link to a file outside the folder; psp reads only files "
            "inside it"
        ),
    )
    assert "OPENSSH" not in outcome.output
    assert "b3Blbn" not in outcome.output
    assert key.read_text(encoding="utf-8") == SECRET


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    (root / "raid").mkdir()
    (root / "raid" / "log.yaml").write_text("risks: []\n", encoding="utf-8")
    (root / "risks.yaml").symlink_to(root / "raid" / "log.yaml")
    result = PspRunner().invoke(["validate", str(root), "--as-of", "2026-06-30"])
    assert result.exit_code == 0, result.output


def test_an_edit_never_writes_through_a_link_out_of_the_folder(commented: Path) -> None:
    outside = commented.parent / "elsewhere.yaml"
    os.replace(commented / "risks.yaml", outside)
    (commented / "risks.yaml").symlink_to(outside)
    before = outside.read_bytes()
    result = PspRunner().invoke(
        ["risk", "close", "R-001", "--project", str(commented), "--as-of", "2026-06-30"]
    )
    assert result.exit_code == 2, result.output
    assert "risks.yaml is a symbolic link to a file outside the folder" in result.output
    assert outside.read_bytes() == before


def test_a_template_linked_from_outside_the_folder_is_refused(example: Path) -> None:
    stray = example.parent / "stray.docx"
    stray.write_bytes(b"PK not really")
    (example / "templates").mkdir(exist_ok=True)
    (example / "templates" / "mou.docx").symlink_to(stray)
    output = example.parent / "mou.docx"
    message = (
        "templates/mou.docx is a symbolic link to a file outside the folder; psp reads only "
        "templates inside it"
    )
    assert_refused(["render", "mou", ".", "-o", str(output)], example, code=2, message=message)
    assert not output.exists()
    assert_refused(["templates", "check", "mou.docx"], example, code=2, message=message)


def test_dev_zero_as_a_template_is_not_read(example: Path) -> None:
    output = example.parent / "mou.docx"
    assert_refused(
        ["render", "mou", ".", "-o", str(output), "--template", "/dev/zero"],
        example,
        code=2,
        message="template /dev/zero is a device, not a file",
    )
    assert not output.exists()


def test_a_named_pipe_as_a_template_is_not_waited_on(example: Path) -> None:
    pipe = example.parent / "mou.docx"
    os.mkfifo(pipe)
    output = example.parent / "out.docx"
    assert_refused(
        ["render", "mou", ".", "-o", str(output), "--template", str(pipe)],
        example,
        code=2,
        message="is a named pipe, not a file",
    )


def test_a_named_pipe_in_the_folder_is_not_waited_on(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp")
    os.mkfifo(root / "risks.yaml")
    assert_refused(
        ["validate", "."], root, code=2, message="risks.yaml is a named pipe, not a file"
    )


def test_a_five_megabyte_word_is_quoted_in_a_few_hundred_characters(tmp_path: Path) -> None:
    root = make_project(tmp_path / "psp", risks_yaml="a" * 5_000_000)
    for form in ("text", "json", "github"):
        outcome = run_psp(["validate", ".", "--format", form], root)
        assert outcome.code == 1
        assert len(outcome.output) < 4_000, (form, len(outcome.output))
        assert "risks.yaml must hold a mapping of keys at the top" in outcome.output


def test_a_control_character_is_reported_on_its_line(tmp_path: Path) -> None:
    risks = 'risks:\n  - id: R1\n    type: risk\n    title: "a\x01b"\n'
    root = make_project(tmp_path / "psp", risks_yaml=risks)
    result = PspRunner().invoke(["validate", str(root), "--format", "json"])
    assert result.exit_code == 1
    assert '"line": 4' in result.stdout
    assert '"column": 14' in result.stdout
    assert snapshot(root)["risks.yaml"] == risks.encode()


@pytest.mark.parametrize(
    "args",
    [["render", "raid"], ["calendar"], ["report", "status", "--format", "markdown"]],
    ids=["workbook", "calendar", "status"],
)
def test_force_never_writes_over_a_named_pipe(args: list[str], example: Path) -> None:
    # as a pipe here, so as /dev/zero: with --force, a rename over it would replace the device
    suffix = {"raid": ".xlsx", "calendar": ".ics"}.get(args[-1], ".md")
    pipe = example.parent / f"out{suffix}"
    os.mkfifo(pipe)
    result = PspRunner().invoke(
        [*args, str(example), "-o", str(pipe), "--force", "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 2, result.output
    assert f"{pipe} is a named pipe, not a file; psp writes only files" in result.output
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
