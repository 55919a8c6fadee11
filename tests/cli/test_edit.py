"""The editing commands' wiring: options, output, exit codes, --dry-run and --project."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import COMMENTED, PspRunner, copy_psp_folder


def psp(folder: Path, *args: str):
    """`psp ARGS --project FOLDER --as-of 2026-06-30`."""
    return PspRunner().invoke([*args, "--project", str(folder), "--as-of", "2026-06-30"])


def unchanged(folder: Path) -> bool:
    return all((folder / p.name).read_bytes() == p.read_bytes() for p in COMMENTED.iterdir())


def test_risk_add(commented: Path) -> None:
    result = psp(
        commented,
        "risk", "add", "--title", "Funding ends", "--owner", "p-dir",
        "--likelihood", "2", "--impact", "5", "--category", "finance", "--review", "2026-09-30",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "risks.yaml: R-003: added risk: Funding ends\n"
    assert result.stderr.endswith(
        "psp/risks.yaml:38:5: PSP403 warning risk R-003 has no action: the outline business "
        "case and the full business case list it with no mitigation\n"
    )
    text = (commented / "risks.yaml").read_text()
    assert "  - id: R-003\n    type: risk\n    title: Funding ends\n    category: finance\n" in text
    assert "    raised: 2026-06-30\n    review: 2026-09-30\n# end of the RAID log\n" in text


def test_risk_update_dry_run_shows_the_diff_and_writes_nothing(commented: Path) -> None:
    result = psp(commented, "risk", "update", "R-001", "--likelihood", "4", "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == """\
--- a/risks.yaml
+++ b/risks.yaml
@@ -10,7 +10,7 @@
       Folded text that
       spans two lines.
     owner:      p-pm          # aligned on purpose
-    likelihood: 3
+    likelihood: 4
     impact:     4
     target: { likelihood: 2, impact: 3 }
     status: open
risks.yaml: R-001: likelihood 3 → 4
dry run: nothing was written
"""
    )
    assert unchanged(commented)


def test_a_change_that_adds_an_error_exits_1_and_changes_nothing(commented: Path) -> None:
    result = psp(commented, "risk", "update", "R-001", "--owner", "p-nobody")
    assert result.exit_code == 1
    assert result.stderr == (
        "psp: nothing was changed: the change would add 1 error:\n"
        "  risks.yaml:12:17: PSP202 risk R-001: owner 'p-nobody' is not a partner or a person "
        "in partners.yaml\n"
    )
    assert unchanged(commented)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["risk", "close", "Q9"], "psp: there is no risk 'Q9' in risks.yaml\n"),
        (["risk", "escalate", "R-001", "--date", "30/06/2026"], "is not a date"),
        (["risk", "update", "R-001", "--likelihood", "6"], "Invalid value for '--likelihood'"),
        (["benefit", "record", "B1", "--value", "lots"], "'lots' is not a number"),
        (["risk", "update", "R-001"], "psp: nothing to update: give at least one of"),
    ],
)
def test_bad_arguments_exit_2(commented: Path, args: list[str], message: str) -> None:
    result = psp(commented, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert unchanged(commented)


def test_risk_action_close_and_escalate(commented: Path) -> None:
    result = psp(
        commented, "risk", "action", "R-002", "--action", "Ask again", "--owner", "p-pm",
        "--due", "2026-09-01",
    )  # fmt: skip
    assert result.stdout == "risks.yaml: R-002: added action: Ask again\n"
    result = psp(commented, "risk", "close", "R-002", "--date", "2026-06-29")
    assert result.stdout == (
        "risks.yaml: R-002: status open → closed\nrisks.yaml: R-002: closed (none) → 2026-06-29\n"
    )
    result = psp(commented, "risk", "escalate", "R-001")
    assert result.stdout == (
        "risks.yaml: R-001: type risk → issue\n"
        "risks.yaml: R-001: likelihood 3 → 5\n"
        "risks.yaml: R-001: escalated (none) → 2026-06-30\n"
    )
    result = psp(commented, "risk", "escalate", "R-001")
    assert (result.exit_code, result.stderr) == (
        0,
        "psp: R-001 is already an issue; nothing was changed\n",
    )


def test_milestone_done_and_move(commented: Path) -> None:
    result = psp(commented, "milestone", "done", "M2", "--date", "2026-06-05")
    assert result.stdout == "milestones.yaml: M2: completed (none) → 2026-06-05\n"
    result = psp(commented, "milestone", "move", "M2", "--due", "2026-10-01")
    assert result.exit_code == 0
    assert result.stdout == "milestones.yaml: M2: due 2026-06-01 → 2026-10-01\n"
    assert result.stderr == (
        f"{commented}/milestones.yaml:21:18: PSP302 warning milestone M3 is due 2026-09-01 but "
        "depends on M2, due later (2026-10-01)\n"
    )


def test_benefit_record_sign_partner_and_goal(commented: Path) -> None:
    assert psp(commented, "benefit", "record", "B1", "--value", "48.5").stdout == (
        "benefits.yaml: B1: added measurement: 48.5 on 2026-06-30\n"
    )
    result = psp(commented, "sign", "mou", "--partner", "charity", "--person", "p-ceo")
    assert result.stdout == "psp.yaml: mou: added approval: p-ceo for charity\n"
    assert (
        "  - {document: mou, partner: charity, person: p-ceo, date: 2026-06-30}\n"
        in (commented / "psp.yaml").read_text()
    )
    result = psp(commented, "partner", "add", "--name", "Housing Trust", "--sector", "third")
    assert result.stdout == "partners.yaml: housing-trust: added partner: Housing Trust\n"
    result = psp(
        commented, "goal", "add", "--title", "Fewer moves", "--baseline", "3", "--target", "1"
    )
    assert result.stdout == "goals.yaml: G2: added goal: Fewer moves\n"
    assert (
        "  - {id: G2, title: Fewer moves, baseline: 3, target: 1}\n"
        in (commented / "goals.yaml").read_text()
    )


def test_the_folder_is_found_from_a_subfolder(
    commented: Path, runner: PspRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    (commented / "notes").mkdir()
    monkeypatch.chdir(commented / "notes")
    result = runner.invoke(["risk", "update", "R-002", "--impact", "3"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "risks.yaml: R-002: impact 2 → 3\n"


def test_no_folder_exits_2(tmp_path: Path, runner: PspRunner) -> None:
    result = runner.invoke(["goal", "add", "--title", "x", "--project", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("psp: no PSP folder found: no psp.yaml in")


PIECES = st.sampled_from(
    [":", "- ", "[", "]", "{", "}", "#", "&a ", "*a", "'", '"', "\t", "\n", "  ", "|", ">", "?"]
)
COMMANDS = [
    ["risk", "update", "R-001", "--likelihood", "4", "--owner", "p-dir"],
    ["risk", "add", "--title", "x", "--owner", "p-pm", "--likelihood", "1", "--impact", "1"],
    ["risk", "action", "R-002", "--action", "a", "--owner", "p-pm", "--due", "2026-07-01"],
    ["risk", "close", "R-002"],
    ["risk", "escalate", "R-001"],
]


@settings(max_examples=40, deadline=None)
@given(
    cuts=st.lists(st.tuples(st.integers(0, 1200), st.integers(0, 3), PIECES), max_size=3),
    command=st.sampled_from(COMMANDS),
)
def test_a_damaged_file_gets_an_answer_never_a_traceback(cuts, command: list[str]) -> None:
    text = (COMMENTED / "risks.yaml").read_text()
    for at, length, piece in cuts:
        at %= len(text) + 1
        text = text[:at] + piece + text[at + length :]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "psp"
        copy_psp_folder(COMMENTED, root)
        (root / "risks.yaml").write_text(text, encoding="utf-8")
        before = {p.name: p.read_bytes() for p in root.iterdir()}
        result = psp(root, *command)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code != 0:
            assert {p.name: p.read_bytes() for p in root.iterdir()} == before


def test_milestone_done_keeps_an_earlier_completion(example: Path, runner: PspRunner) -> None:
    before = (example / "milestones.yaml").read_bytes()
    refused = runner.invoke(
        ["milestone", "done", "M1", "--project", str(example), "--as-of", "2011-06-30"]
    )
    assert refused.exit_code == 0  # already done: nothing to do, not a failure
    assert "M1 was already completed on 2010-03-26; nothing was changed" in refused.output
    assert (example / "milestones.yaml").read_bytes() == before
    fixed = runner.invoke(
        [
            "milestone",
            "done",
            "M1",
            "--date",
            "2010-03-27",
            "--force",
            "--project",
            str(example),
            "--as-of",
            "2011-06-30",
        ],
    )
    assert fixed.exit_code == 0, fixed.output
    assert "completed: 2010-03-27" in (example / "milestones.yaml").read_text()
