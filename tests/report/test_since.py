"""`--since`: the folder as it was at an earlier commit, read from git, compared with now."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from psptool.check import validate
from psptool.errors import RevisionNotFound, UserError
from psptool.load.history import load_revision
from psptool.report.status import status_since
from tests.helpers import EXAMPLE, copy_example

AS_OF = date(2011, 6, 30)
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str, date_: str = "2011-04-01T12:00:00") -> str:
    env = {
        "GIT_AUTHOR_DATE": date_,
        "GIT_COMMITTER_DATE": date_,
        "GIT_AUTHOR_NAME": "PM",
        "GIT_AUTHOR_EMAIL": "pm@example.org",
        "GIT_COMMITTER_NAME": "PM",
        "GIT_COMMITTER_EMAIL": "pm@example.org",
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "HOME": str(repo),
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, Path, str]:
    """A repository whose subfolder psp/ holds the example, then a second commit that adds
    R13, closes R12, escalates R5 to an issue, re-dates M14 and records a
    new measurement of B1."""
    repo = tmp_path / "repo"
    folder = repo / "partnerships" / "falkirk"
    copy_example(folder)
    (folder / "budget.yaml").unlink()  # added later, in the second commit
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Report to the March governance group")
    first = git(repo, "rev-parse", "HEAD")
    shutil.copy(EXAMPLE / "budget.yaml", folder / "budget.yaml")
    risks = folder / "risks.yaml"
    risks.write_text(
        risks.read_text()
        + (
            "  - id: R13\n    type: risk\n    title: Evaluation report late\n    owner: p-baird\n"
            "    likelihood: 2\n    impact: 3\n    raised: 2011-06-01\n    review: 2011-07-29\n"
            "    actions:\n"
            "      - {action: Agree the report date, owner: p-baird, due: 2011-07-15}\n"
        )
    )
    text = risks.read_text()
    r12 = text.index("id: R12")
    risks.write_text(text[:r12] + text[r12:].replace("status: open", "status: closed", 1))
    r5 = risks.read_text().index("id: R5")
    text = risks.read_text()
    risks.write_text(text[:r5] + text[r5:].replace("type: risk", "type: issue", 1))
    edit(folder / "milestones.yaml", "due: 2011-10-31", "due: 2011-11-30")
    edit(
        folder / "benefits.yaml",
        "      - {date: 2011-06-30, value: 50}",
        "      - {date: 2011-06-30, value: 50}\n      - {date: 2011-06-29, value: 49}",
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "June update", date_="2011-06-29T12:00:00")
    return repo, folder, first


def test_the_example_has_the_edited_lines() -> None:
    # the fixture edits lines the example must keep for these tests to mean anything
    text = (EXAMPLE / "benefits.yaml").read_text()
    assert "      - {date: 2011-06-30, value: 50}" in text


def test_since_a_revision(history) -> None:
    _repo, folder, first = history
    now = validate(folder, AS_OF, find=False)
    assert now.errors == []
    report = status_since(folder, now.result.project, AS_OF, since=first)
    c = report.changes
    assert c.risks_added == ["R13"]
    assert c.risks_closed == ["R12"]
    assert c.risks_escalated == ["R5"]
    assert [(r.id, r.before, r.after, r.days) for r in c.milestones_redated] == [
        ("M14", date(2011, 10, 31), date(2011, 11, 30), 30)
    ]
    assert [(m.id, m.values) for m in c.benefits_measured] == [("B1", [(date(2011, 6, 29), 49.0)])]
    assert c.partners_added == [] and c.score_moves == []
    # the first commit, dated 1 April 2011: its date written out, its subject, then its hash
    assert report.since == (
        "the folder as saved on 1 April 2011 (Report to the March governance group; "
        f"revision {first[:8]})"
    )
    assert [r.id for r in report.new_risks] == ["R13"]
    assert [r.id for r in report.escalated_risks] == ["R5"]


def test_since_a_date_takes_the_last_commit_before_it(history) -> None:
    _repo, folder, first = history
    before, revision = load_revision(folder, "2011-05-01")
    assert revision.commit == first
    assert before.sources["budget.yaml"].present is False  # added after that commit
    assert len(before.project.risks.risks) == 12


def test_the_working_tree_is_untouched(history) -> None:
    repo, folder, first = history
    status_before = git(repo, "status", "--porcelain")
    load_revision(folder, first)
    assert git(repo, "status", "--porcelain") == status_before
    assert git(repo, "rev-parse", "HEAD") != first


def test_unknown_revision_and_early_date(history) -> None:
    _repo, folder, _ = history
    with pytest.raises(RevisionNotFound, match="'nope' is not a revision"):
        load_revision(folder, "nope")
    with pytest.raises(RevisionNotFound, match="no commit on or before 2010-01-01"):
        load_revision(folder, "2010-01-01")


def test_outside_a_repository_the_report_says_so(example: Path) -> None:
    project = validate(example, AS_OF, find=False).result.project
    report = status_since(example, project, AS_OF, since="HEAD~1")
    assert report.changes is None
    assert report.since_note.startswith("No comparison with HEAD~1: ")
    assert "is not kept in git" in report.since_note


def test_revision_errors_are_user_errors() -> None:
    assert issubclass(RevisionNotFound, UserError)


def test_a_file_with_errors_at_the_revision_is_not_compared(example: Path) -> None:
    text = (example / "psp.yaml").read_text()
    (example / "psp.yaml").write_text(text.replace("stage: pilot", "stage: [pilot"))
    git(example, "init", "-q", "-b", "main")
    git(example, "add", "-A")
    git(example, "commit", "-q", "-m", "broken")
    (example / "psp.yaml").write_text(text)
    git(example, "commit", "-qam", "fixed", date_="2011-06-29T12:00:00")
    project = validate(example, AS_OF, find=False).result.project
    report = status_since(example, project, AS_OF, since="HEAD~1")
    assert report.changes.not_compared == ["psp.yaml"]
    assert report.changes.stage_before is None and report.changes.approvals_added == []


def test_the_changes_since_are_named_by_title(history) -> None:
    from psptool.render.status import status_document
    from psptool.render.writers import to_markdown_text

    _repo, folder, first = history
    now = validate(folder, AS_OF, find=False)
    report = status_since(folder, now.result.project, AS_OF, since=first)
    text = to_markdown_text(status_document(report))
    # R13 added, R12 closed, R5 escalated, M14 re-dated a month, B1 measured on 29 June
    # (the fixture's edits), each by its title as risks.yaml, milestones.yaml and
    # benefits.yaml give it
    assert "- Risks added: Evaluation report late" in text
    assert "- Risks closed: Outcome monitoring becomes a paperwork burden" in text
    assert (
        "- Risks escalated to issues: Council budget reductions cut the external placements budget"
    ) in text
    assert (
        "- Service specification co-designed with providers: re-dated from 31 October 2011 to "
        "30 November 2011 (+30 days)"
    ) in text
    assert "- More children placed within or near Falkirk: measured 49% on 29 June 2011" in text
