"""The knowledge transfer register and lessons learned (render/knowledge_workbook.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...model import Project
from . import CheckedFolder, Paper


@dataclass(frozen=True)
class KnowledgeRegister:
    project: Project
    as_of: date


def build(folder: CheckedFolder, as_of: date) -> KnowledgeRegister:
    return KnowledgeRegister(folder.project, as_of)


PAPER = Paper(
    name="knowledge",
    kind="xlsx",
    title="Knowledge transfer register",
    help="The knowledge transfer register and lessons learned (Excel).",
    stage="pilot",
    build=build,
    workbook="knowledge_workbook",
)
