"""knowledge.yaml: the knowledge transfer plan and the lessons learned, loaded and checked
like every other file of the folder."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from psptool.load import load_project
from psptool.load.scaffold import init_project
from psptool.model import FILES_BY_NAME, Project
from psptool.model.knowledge import KnowledgeFile
from tests.helpers import check, make_project

KNOWLEDGE = """\
transfers:
  - id: K1
    topic: Running a tender as a consortium
    from: council
    to: [charity, p-ceo]
    method: workshop
    owner: p-pm
    due: 2026-09-30
    status: done
    completed: 2026-09-20
    evidence: Workshop notes on the shared drive
  - {id: K2, topic: Recruiting foster carers}
lessons:
  - {id: L1, date: 2026-03-01, title: Agree data sharing first, owner: p-pm}
"""


def test_knowledge_yaml_is_a_file_of_the_folder() -> None:
    spec = FILES_BY_NAME["knowledge.yaml"]
    assert (spec.attribute, spec.model, spec.required) == ("knowledge", KnowledgeFile, False)
    assert spec.what == "the knowledge transfer plan and lessons learned"
    assert [(kind.key, kind.kind) for kind in spec.records] == [
        ("transfers", "knowledge transfer"),
        ("lessons", "lesson"),
    ]
    assert Project.model_fields["knowledge"].annotation is KnowledgeFile


def test_transfers_and_lessons_load(tmp_path: Path) -> None:
    root = make_project(tmp_path, knowledge_yaml=KNOWLEDGE)
    result = load_project(root, find=False)
    assert [d.code for d in result.diagnostics] == []
    k1, k2 = result.project.knowledge.transfers
    assert (k1.id, k1.from_, k1.to, k1.method, k1.status) == (
        "K1",
        "council",
        ["charity", "p-ceo"],
        "workshop",
        "done",
    )
    assert (k1.due, k1.completed) == (date(2026, 9, 30), date(2026, 9, 20))
    assert k1.evidence == "Workshop notes on the shared drive"
    assert (k2.status, k2.from_, k2.to, k2.due) == ("planned", None, [], None)
    (lesson,) = result.project.knowledge.lessons
    assert (lesson.id, lesson.date, lesson.owner) == ("L1", date(2026, 3, 1), "p-pm")


def test_an_absent_knowledge_yaml_is_an_empty_plan(tmp_path: Path) -> None:
    result = load_project(make_project(tmp_path), find=False)
    assert result.project.knowledge == KnowledgeFile()


def test_a_typo_and_an_unknown_method_are_errors(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        knowledge_yaml="transfers:\n"
        "  - {id: K1, topic: Tendering, method: seminar, owner: p-pm, evidance: x}\n",
    )
    found = [(d.code, d.file, d.line, d.column, d.message) for d in check(root).diagnostics]
    assert found == [
        (
            "PSP105",
            "knowledge.yaml",
            2,
            40,
            "knowledge transfer K1: method 'seminar' is not one of: workshop, shadowing, "
            "mentoring, documentation, training, other",
        ),
        ("PSP101", "knowledge.yaml", 2, 62, "knowledge transfer K1: unknown key 'evidance'"),
    ]


def test_a_duplicate_transfer_id_is_an_error(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        knowledge_yaml="transfers:\n  - {id: K1, topic: A}\n  - {id: K1, topic: B}\n",
    )
    found = [(d.code, d.file, d.line, d.message) for d in check(root).diagnostics]
    assert found == [
        (
            "PSP201",
            "knowledge.yaml",
            3,
            "knowledge transfer id 'K1' is used twice (first at line 2)",
        )
    ]


def test_the_skeleton_is_an_empty_plan_with_a_worked_example(tmp_path: Path) -> None:
    text = (resources.files("psptool.load") / "skeleton" / "knowledge.yaml").read_text("utf-8")
    assert "#     from: my-council" in text
    init_project(tmp_path / "new", name="New PSP")
    written = (tmp_path / "new" / "knowledge.yaml").read_text("utf-8")
    assert written.splitlines()[0] == "# yaml-language-server: $schema=schema/knowledge.schema.json"
    assert (tmp_path / "new" / "schema" / "knowledge.schema.json").is_file()
    result = load_project(tmp_path / "new", find=False)
    assert result.project.knowledge == KnowledgeFile()
    assert [d.code for d in result.diagnostics if d.file == "knowledge.yaml"] == []
