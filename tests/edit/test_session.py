"""What every edit shares: refused when it adds an error (by every check of `psp validate`),
written only where nothing changed meanwhile, a dry run, the next free id."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.edit.goals import add_goal
from psptool.edit.plan import complete_milestone
from psptool.edit.risks import RISK_ORDER, add_risk, close_risk, update_risk
from psptool.edit.session import EditSession, find_record, next_id
from psptool.errors import EditRefused, FileChanged, RecordNotFound, UserError
from tests.edit.helpers import unchanged
from tests.helpers import AS_OF


def test_an_edit_that_adds_an_error_is_refused_and_writes_nothing(commented: Path) -> None:
    with pytest.raises(EditRefused) as refused:
        add_risk(commented, title="x", owner="nobdy", likelihood=3, impact=3, as_of=AS_OF)
    assert str(refused.value) == (
        "nothing was changed: the change would add 1 error:\n"
        "  risks.yaml:41:12: PSP202 risk R-003: owner 'nobdy' is not a partner or a person in "
        "partners.yaml"
    )
    assert [d.code for d in refused.value.errors] == ["PSP202"]
    assert unchanged(commented)


def test_errors_already_there_do_not_block_an_edit(commented: Path) -> None:
    text = (commented / "risks.yaml").read_text().replace("owner: council", "owner: nobody")
    (commented / "risks.yaml").write_text(text)
    result = update_risk(commented, "R-002", likelihood=4, as_of=AS_OF)
    assert [str(c) for c in result.changes] == ["risks.yaml: R-002: likelihood 2 → 4"]


def test_an_edit_is_checked_by_every_check_of_psp_validate(commented: Path) -> None:
    # a reference, which the loader alone does not check
    with pytest.raises(EditRefused, match="PSP202 risk R-001: owner 'nobody' is not a partner"):
        update_risk(commented, "R-001", owner="nobody", as_of=AS_OF)
    # a rule that depends on the date, checked as at the edit's as-of date
    with pytest.raises(EditRefused) as refused:
        complete_milestone(commented, "M2", when=date(2026, 7, 1), as_of=AS_OF)
    assert str(refused.value) == (
        "nothing was changed: the change would add 1 error:\n"
        "  milestones.yaml:13:16: PSP304 milestone M2 is marked completed on 2026-07-01, "
        "after 2026-06-30"
    )
    assert unchanged(commented)


def test_a_session_may_be_given_other_checks(commented: Path) -> None:
    session = EditSession(commented, as_of=AS_OF, check=lambda root: [])
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", "R-001", "risk")
    session.set_field(doc, ("risks", index), "R-001", "owner", "nobody", RISK_ORDER)
    assert session.commit().written
    assert (
        "    owner:      nobody        # aligned on purpose\n"
        in (commented / "risks.yaml").read_text()
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda f: update_risk(f, "R-01", likelihood=2),
            RecordNotFound,
            "there is no risk 'R-01' in risks.yaml; did you mean 'R-001'?",
        ),
        (
            lambda f: update_risk(f, "R-001"),
            UserError,
            "nothing to update: give at least one of likelihood, impact, status, owner, review",
        ),
        (
            lambda f: add_risk(f, title="x", likelihood=1, impact=1, record_id="R-002"),
            UserError,
            "risks.yaml already has a record 'R-002'",
        ),
        (
            lambda f: complete_milestone(f, "M9"),
            RecordNotFound,
            "there is no milestone 'M9' in milestones.yaml; did you mean 'M3'?",
        ),
    ],
)
def test_bad_arguments(commented: Path, call, error: type, message: str) -> None:
    with pytest.raises(error) as raised:
        call(commented)
    assert str(raised.value) == message
    assert unchanged(commented)


def test_no_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"^no PSP folder found: no psp\.yaml in"):
        add_goal(tmp_path, title="x")


def test_a_file_saved_meanwhile_is_not_overwritten(commented: Path) -> None:
    session = EditSession(commented, as_of=AS_OF)
    doc = session.document("risks.yaml")
    index = find_record(doc, "risks", "R-001", "risk")
    session.set_field(doc, ("risks", index), "R-001", "likelihood", 5, RISK_ORDER)
    saved = (commented / "risks.yaml").read_text() + "# a comment saved in an editor\n"
    (commented / "risks.yaml").write_text(saved)
    with pytest.raises(FileChanged, match=r"^risks\.yaml changed on disk since psp read it"):
        session.commit()
    assert (commented / "risks.yaml").read_text() == saved


def test_a_dry_run_checks_but_writes_nothing(commented: Path) -> None:
    result = close_risk(commented, "R-001", when=date(2026, 6, 1), write=False)
    added = [line for line in result.diff().splitlines() if line.startswith("+ ")]
    assert not result.written and added == ["+    status: closed", "+    closed: 2026-06-01"]
    assert unchanged(commented)


@pytest.mark.parametrize(
    ("ids", "like", "expected"),
    [
        ([], [], "R1"),
        (["R1", "R6"], [], "R7"),
        (["R-001", "R-007"], [], "R-008"),
        (["R-099"], [], "R-100"),
        (["RISK-9", "RISK-10", "A1"], [], "RISK-11"),
        (["R1", "R2", "A1"], ["A1"], "A2"),
        (["G1", "G2"], [], "G3"),
        (["G1", "G3"], [], "G4"),
        (["falkirk"], [], "R1"),
    ],
)
def test_next_id_follows_the_files_style(ids: list[str], like: list[str], expected: str) -> None:
    assert next_id(ids, "R", like=like) == expected
