"""Failure safety: a write that fails half-way leaves the previous file as it was and no
temporary file behind, and a folder psp cannot write in is one clear line and exit 2.

Each paper is rendered over a previous version of itself (with --force) while something
inside the write fails: the document library dies half-way through saving, the disk fills
up half-way through the atomic write, the final rename fails, or the user presses Ctrl-C
after the new file is written but before it is moved into place. Afterwards the previous
file must hold exactly its old bytes, the output folder must hold nothing else (no `.*.tmp`),
the scratch folders in the system's temporary folder must be gone, and the PSP folder's own
files must be untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from psptool.cli import COMMANDS
from psptool.errors import UserError
from psptool.load import write
from psptool.model import FILES
from tests.helpers import EXAMPLE, PspRunner, copy_example

AS_OF = "2011-06-30"
PREVIOUS = b"the previous version, which must survive\n"

# how each paper is written: the command (after the folder) and its default output
PAPERS: dict[str, tuple[list[str], str]] = {
    "mou": (["render", "mou"], f"mou-{AS_OF}.docx"),
    "plan": (["render", "plan"], f"plan-{AS_OF}.xlsx"),
    "options": (["render", "options"], f"options-{AS_OF}.xlsx"),
    "stakeholders": (["render", "stakeholders"], f"stakeholders-{AS_OF}.xlsx"),
    "status-docx": (["report", "status", "--format", "docx"], f"status-{AS_OF}.docx"),
    "status-markdown": (["report", "status", "-o", "OUT/status.md"], "status.md"),
}


class Killed(Exception):
    """Stands for whatever stops a document library half-way through a save."""


EXAMPLE_FILES = {
    spec.name: (EXAMPLE / spec.name).read_bytes()
    for spec in FILES
    if (EXAMPLE / spec.name).is_file()
}
"""The worked example's files, as `copy_example` copies them (no papers rendered into it)."""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The worked example, with its out/ folder holding the previous version of each paper;
    the system's temporary folder is moved into tmp_path, so leftovers can be seen."""
    root = tmp_path / "psp"
    copy_example(root)
    (root / "out").mkdir()
    for _, name in PAPERS.values():
        (root / "out" / name).write_bytes(PREVIOUS)
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    return root


def render(folder: Path, paper: str) -> tuple[object, Path]:
    command, name = PAPERS[paper]
    out = folder / "out"
    args = [a.replace("OUT", str(out)) for a in command]
    result = PspRunner().invoke([*args[:2], str(folder), *args[2:], "--as-of", AS_OF, "--force"])
    return result, out / name


def assert_nothing_changed(folder: Path, target: Path) -> None:
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in (folder / "out").iterdir()) == sorted(
        name for _, name in PAPERS.values()
    ), "a temporary file was left in out/"
    scratch = [p for p in (folder.parent / "system-tmp").iterdir() if p.suffix != ".log"]
    assert scratch == [], "a scratch file was left"  # a crash report (psp-crash-*.log) may be
    for name, content in EXAMPLE_FILES.items():
        assert (folder / name).read_bytes() == content


def test_every_paper_renders_over_the_previous_one(folder: Path) -> None:
    # the baseline: without a failure each paper replaces its previous version
    for paper in PAPERS:
        result, target = render(folder, paper)
        assert result.exit_code == 0, result.output
        assert target.read_bytes() != PREVIOUS


# --- the document library fails half-way through its save ----------------------------------


def _half_save(real_path_of: Callable[..., str]) -> Callable[..., None]:
    def save(*args: object, **kwargs: object) -> None:
        Path(real_path_of(*args, **kwargs)).write_bytes(b"PK\x03\x04 half a zip")
        raise Killed("killed half-way through the save")

    return save


LIBRARY_SAVES = {
    "mou": ("docxtpl.DocxTemplate.save", lambda self, path, *a, **k: path),
    "plan": ("openpyxl.workbook.workbook.Workbook.save", lambda self, path, *a, **k: path),
    "options": ("openpyxl.workbook.workbook.Workbook.save", lambda self, path, *a, **k: path),
    "stakeholders": (
        "openpyxl.workbook.workbook.Workbook.save",
        lambda self, path, *a, **k: path,
    ),
    "status-docx": ("psptool.render.writers.to_docx", lambda doc, path, *a, **k: path),
}


@pytest.mark.parametrize("paper", sorted(LIBRARY_SAVES))
def test_a_library_dying_half_way_leaves_the_previous_file(
    folder: Path, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target_name, path_of = LIBRARY_SAVES[paper]
    monkeypatch.setattr(target_name, _half_save(path_of))
    result, target = render(folder, paper)
    # main turns the crash into one line and a crash report, never a traceback
    assert result.exit_code == 2
    assert "psp: an unexpected error (Killed: killed half-way through the save)" in result.stderr
    assert "Traceback" not in result.output
    assert_nothing_changed(folder, target)


# --- the atomic write fails -----------------------------------------------------------------


def _disk_full_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: object) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            self.handle.flush()  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))


def _rename_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(write.os, "replace", replace)


def _ctrl_c_before_the_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "fsync", fsync)


WRITE_FAULTS = {
    "disk-full-half-way": (_disk_full_half_way, 2, "No space left on device"),
    "rename-fails": (_rename_fails, 2, "Input/output error"),
    "ctrl-c-before-the-rename": (_ctrl_c_before_the_rename, 130, ""),
}


@pytest.mark.parametrize("fault", sorted(WRITE_FAULTS))
@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_write_failing_half_way_leaves_the_previous_file(
    folder: Path, paper: str, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject, exit_code, reason = WRITE_FAULTS[fault]
    inject(monkeypatch)
    result, target = render(folder, paper)
    monkeypatch.undo()  # os.fsync and os.replace back before checking
    assert result.exit_code == exit_code, result.output
    if reason:
        (line,) = result.output.strip().splitlines()
        assert line == f"psp: cannot write {target}: {reason}"
    assert_nothing_changed(folder, target)


def test_write_atomic_failing_on_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.md"
    _disk_full_half_way(monkeypatch)
    with pytest.raises(UserError, match="No space left on device"):
        write.write_atomic(target, "# a report\n" * 100)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(write, "replace_atomic"), reason="no edit writer yet")
@pytest.mark.parametrize("fault", sorted(WRITE_FAULTS))
def test_an_edit_failing_half_way_leaves_the_previous_file(
    tmp_path: Path, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the editing commands replace a folder's own YAML file through replace_atomic
    target = tmp_path / "risks.yaml"
    target.write_bytes(PREVIOUS)
    WRITE_FAULTS[fault][0](monkeypatch)
    with pytest.raises((UserError, KeyboardInterrupt)):
        write.replace_atomic(target, "risks: []\n", PREVIOUS)
    monkeypatch.undo()
    assert target.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == ["risks.yaml"]


def test_an_edit_of_two_files_failing_half_way_puts_back_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # all or nothing: the second rename fails after the first file was replaced
    first, second = tmp_path / "risks.yaml", tmp_path / "milestones.yaml"
    first.write_bytes(PREVIOUS)
    second.write_bytes(PREVIOUS)
    real_replace = os.replace
    calls: list[str] = []

    def replace(source: str, target: object) -> None:
        calls.append(str(target))
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(write.os, "replace", replace)
    with pytest.raises(UserError, match=r"cannot write .*milestones.yaml: Input/output error"):
        write.replace_all_atomic(
            [(first, "risks: []\n", PREVIOUS), (second, "milestones: []\n", PREVIOUS)]
        )
    monkeypatch.undo()
    assert first.read_bytes() == PREVIOUS
    assert second.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["milestones.yaml", "risks.yaml"]


def test_an_edit_of_two_files_writes_neither_when_one_changed_on_disk(tmp_path: Path) -> None:
    first, second = tmp_path / "risks.yaml", tmp_path / "milestones.yaml"
    first.write_bytes(PREVIOUS)
    second.write_bytes(b"saved in an editor meanwhile\n")
    with pytest.raises(write.FileChanged, match=r"milestones\.yaml changed on disk"):
        write.replace_all_atomic(
            [(first, "risks: []\n", PREVIOUS), (second, "milestones: []\n", PREVIOUS)]
        )
    assert first.read_bytes() == PREVIOUS
    assert second.read_bytes() == b"saved in an editor meanwhile\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["milestones.yaml", "risks.yaml"]


def _has_command(name: str) -> bool:
    return name in COMMANDS


def close_r1(folder: Path) -> object:
    args = ["risk", "close", "R1", "--date", AS_OF, "--project", str(folder), "--as-of", AS_OF]
    return PspRunner().invoke(args)


def assert_folder_untouched(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted([*EXAMPLE_FILES, "out"]), (
        "a temporary file was left in the folder"
    )
    for name, content in EXAMPLE_FILES.items():
        assert (folder / name).read_bytes() == content, name


@pytest.mark.skipif(not _has_command("risk"), reason="no editing commands yet")
@pytest.mark.parametrize("fault", sorted(WRITE_FAULTS))
def test_an_edit_command_failing_half_way_leaves_the_file(
    folder: Path, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    inject, exit_code, reason = WRITE_FAULTS[fault]
    inject(monkeypatch)
    result = close_r1(folder)
    monkeypatch.undo()
    assert result.exit_code == exit_code, result.output
    if reason:
        assert result.output.strip().splitlines() == [
            f"psp: cannot write {folder / 'risks.yaml'}: {reason}"
        ]
    assert_folder_untouched(folder)
    assert close_r1(folder).exit_code == 0  # and nothing stops the next try


# --- a folder psp cannot write in -----------------------------------------------------------


def _deny_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root a folder of mode 0o555 is writable all the same, so refuse the temporary file
    the atomic write starts with, as the operating system would."""
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: object, dir: object = None, **kwargs: object) -> tuple[int, str]:
        if dir is not None and Path(str(dir)) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_read_only_folder_is_one_clear_line_and_exit_2(
    folder: Path, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = folder / "out"
    _deny_writes_in(out, monkeypatch)
    result, target = render(folder, paper)
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [f"psp: cannot write in {out}: Permission denied"]
    assert_nothing_changed(folder, target)


@pytest.mark.skipif(not _has_command("risk"), reason="no editing commands yet")
def test_an_edit_in_a_read_only_folder_is_one_clear_line_and_exit_2(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_writes_in(folder, monkeypatch)
    result = close_r1(folder)
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [
        f"psp: cannot write in {folder}: Permission denied"
    ]
    assert_folder_untouched(folder)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes in any folder"
)
def test_a_really_read_only_folder(folder: Path) -> None:
    out = folder / "out"
    out.chmod(0o555)
    try:
        result, target = render(folder, "mou")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"psp: cannot write in {out}: Permission denied"
    assert target.read_bytes() == PREVIOUS
