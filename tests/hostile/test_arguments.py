"""One strict reading of the command line: dates and periods within what the analyses carry,
a folder that does not exist is an error (never the enclosing folder), arguments that are not
text are refused, ids are made from names only when the name has Latin letters, and an output
file name near the 255 bytes a name may have works."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import PspRunner
from tests.hostile.harness import assert_refused, snapshot

LAST = "9999-12-31"
CARRIED = "9999-12-31 is outside the dates psp carries (1900-01-01 to 2999-12-31)"


RISK_SCORES = ("--owner", "p-pm", "--likelihood", "1", "--impact", "1")


def _in(folder: Path, *args: str) -> list[str]:
    """`args` on `folder`, as at the tests' date."""
    return [*args, "--project", str(folder), "--as-of", "2026-06-30"]


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "."],
        ["score", "plan", "."],
        ["score", "benefits", "."],
        ["report", "status", ".", "--format", "markdown"],
        ["report", "gate", "."],
    ],
    ids=lambda args: "-".join(args[:2]),
)
def test_the_last_date_there_is_is_refused_as_as_of(args: list[str], example: Path) -> None:
    before = snapshot(example)
    result = PspRunner().invoke([*args, "--project", str(example), "--as-of", LAST])
    assert result.exit_code == 2, result.output
    assert CARRIED in result.output
    assert "unexpected error" not in result.output
    assert snapshot(example) == before


def test_a_milestone_cannot_be_moved_to_the_end_of_time(commented: Path) -> None:
    before = snapshot(commented)
    result = PspRunner().invoke(
        ["milestone", "move", "M1", "--due", LAST, "--project", str(commented)]
    )
    assert result.exit_code == 2, result.output
    assert CARRIED in result.output
    assert snapshot(commented) == before


def test_a_date_in_the_folder_past_what_psp_carries_is_an_error(commented: Path) -> None:
    plan = commented / "milestones.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("due: 2026-", "due: 9999-", 1), encoding="utf-8")
    result = PspRunner().invoke(["score", "plan", str(commented), "--as-of", "2026-06-30"])
    assert result.exit_code == 1, result.output
    assert "PSP107" in result.output
    assert "is outside the dates psp carries" in result.output


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("99999m", "'99999m' is longer than the ten years a reporting period may be"),
        ("9" * 5_000 + "d", "is longer than the ten years a reporting period may be"),
        ("3x", "'3x' is not a period: write 3m, 2w or 14d"),
    ],
    ids=["months", "digits", "unit"],
)
def test_a_period_is_bounded(period: str, message: str, example: Path) -> None:
    result = PspRunner().invoke(
        ["report", "status", str(example), "--period", period, "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert len(result.output) < 1_000


def test_a_folder_that_does_not_exist_is_an_error_inside_a_psp_folder(example: Path) -> None:
    assert_refused(
        ["validate", "no-such-folder"],
        example,
        code=2,
        message=f"{example / 'no-such-folder'} does not exist",
    )


def test_an_mou_is_not_written_for_the_enclosing_folder(example: Path) -> None:
    output = example.parent / "mou.docx"
    result = PspRunner().invoke(
        ["render", "mou", str(example / "typo"), "-o", str(output), "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 2, result.output
    assert f"{example / 'typo'} does not exist" in result.output
    assert not output.exists()


def test_an_argument_that_is_not_utf8_is_refused(commented: Path) -> None:
    title = os.fsdecode(b"Caf\xe9 closes")  # Latin-1, as a Windows terminal may pass it
    outcome = assert_refused(
        ["risk", "update", "R-001", "--title", title, "--as-of", "2026-06-30"],
        commented,
        code=2,
        message="argument 5 (Caf\\udce9 closes) is not valid text (UTF-8)",
    )
    assert "could not change" not in outcome.output


def test_a_partner_id_is_made_from_a_transliteration(commented: Path) -> None:
    result = PspRunner().invoke(
        _in(commented, "partner", "add", "--name", "Comhairle Ùr Café", "--sector", "third")
    )
    assert result.exit_code == 0, result.output
    assert "id: comhairle-ur-cafe" in (commented / "partners.yaml").read_text(encoding="utf-8")


def test_a_partner_id_is_not_made_from_a_name_in_another_script(commented: Path) -> None:
    before = snapshot(commented)
    result = PspRunner().invoke(
        _in(commented, "partner", "add", "--name", "日本", "--sector", "public")
    )
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "psp: cannot make an id from the name '日本': an id is letters A-Z, digits, '-' and "
        "'_', starting with a letter; give one with --id\n"
    )
    assert snapshot(commented) == before


def test_an_id_with_a_trailing_line_break_is_refused(commented: Path) -> None:
    before = snapshot(commented)
    result = PspRunner().invoke(
        _in(commented, "risk", "add", "--id", "R-001\n", "--title", "x", *RISK_SCORES)
    )
    assert result.exit_code == 1, result.output
    assert "id 'R-001\\n' is not a valid id" in result.output
    assert snapshot(commented) == before


def test_an_output_name_near_the_longest_a_name_may_be(commented: Path) -> None:
    output = commented.parent / ("r" * 245 + ".xlsx")  # 250 bytes
    result = PspRunner().invoke(
        ["render", "raid", str(commented), "-o", str(output), "--as-of", "2026-06-30"]
    )
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 0
    assert sorted(p.name for p in commented.parent.iterdir()) == sorted(["psp", output.name])


def test_a_name_too_long_to_look_up_is_a_message(example: Path) -> None:
    long = "p" * 300
    result = PspRunner().invoke(["validate", long, "--as-of", "2011-06-30"])
    assert result.exit_code == 2, result.output
    assert "does not exist" in result.output
    result = PspRunner().invoke(["templates", "check", long, "--project", str(example)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"psp: {'p' * 119}… (300 characters): File name too long\n"


@pytest.mark.parametrize(
    ("ref", "shown"),
    [("R1.1\n", "R1.1\\n"), ("R1." + "9" * 5_000, "R1.999")],
    ids=["line-break", "digits"],
)
def test_an_action_reference_is_read_whole(ref: str, shown: str, example: Path) -> None:
    before = snapshot(example)
    result = PspRunner().invoke(
        ["action", "done", ref, "--project", str(example), "--as-of", "2011-06-30"]
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"psp: no action '{shown}")
    assert len(result.stderr) < 1_200
    assert snapshot(example) == before
