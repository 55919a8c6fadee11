"""Files in, `Project` out: find the folder, parse with positions, validate, (later) write back."""

from ..errors import MARKER, ProjectNotFound
from .project import (
    LoadResult,
    SourceFile,
    find_project,
    load_project,
    load_texts,
    read_text,
)
from .yamlfile import Position, parse_yaml

__all__ = [
    "MARKER",
    "LoadResult",
    "Position",
    "ProjectNotFound",
    "SourceFile",
    "find_project",
    "load_project",
    "load_texts",
    "parse_yaml",
    "read_text",
]
