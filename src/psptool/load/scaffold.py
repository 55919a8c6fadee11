"""`psp init`: write a new PSP folder, or copy a worked example, without touching others' files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template

from ..errors import UserError
from ..model import FILES
from ..model.jsonschema import json_schemas
from .write import write_atomic

SCHEMA_DIR = "schema"
GITIGNORE = "# papers written by psp render and psp report (keep the YAML, not the outputs)\nout/\n"


@dataclass
class InitResult:
    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def slug(name: str) -> str:
    """An id from a name: 'Falkirk Foster Care PSP' -> 'falkirk-foster-care-psp', accents
    dropped ('Comhairle nan Eilean Siar – Ùr' -> '...-ur'); 'psp' when nothing is left."""
    text = latin_slug(name)
    if not text or not text[0].isalpha():
        text = "psp-" + text if text else "psp"
    return text


def latin_slug(name: str) -> str:
    """The Latin letters and digits of `name` joined by '-', lower case, accents dropped
    (NFKD, so 'é' is 'e' and 'ﬁ' is 'fi'); '' for a name in another script (日本)."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()


def _yaml_string(text: str) -> str:
    """Quote a name for YAML when it could be misread (a colon, a '#', a leading symbol)."""
    return json.dumps(text, ensure_ascii=False)


def examples_dir() -> Path:
    """Where the worked examples are: inside the wheel, or the repository's examples/."""
    packaged = Path(str(resources.files("psptool"))) / "_data" / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "examples"


def list_examples() -> list[str]:
    folder = examples_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / "psp.yaml").is_file())


def init_project(
    folder: Path,
    name: str | None = None,
    *,
    force: bool = False,
    example: str | None = None,
) -> InitResult:
    """Write every file of the folder (`model.FILES`, from load/skeleton/) and their JSON
    Schemas into `folder`.

    Refuses a folder that has anything in it unless `force`; even then an existing file is
    never overwritten, only the missing ones are added.
    """
    folder = folder.absolute()
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise UserError(
            f"{folder} is not empty; use --force to add the missing PSP files "
            "(existing files are never overwritten)"
        )
    contents = _example_files(example) if example else _skeleton_files(folder, name)
    for file_name, content in json_schemas().items():
        contents[f"{SCHEMA_DIR}/{file_name}"] = json.dumps(content, indent=2) + "\n"
    contents[".gitignore"] = GITIGNORE
    result = InitResult(folder)
    for relative, text in contents.items():
        target = folder / relative
        if target.exists() or target.is_symlink():
            result.kept.append(relative)
            continue
        write_atomic(target, text)
        result.created.append(relative)
    return result


def _skeleton_files(folder: Path, name: str | None) -> dict[str, str]:
    title = name or folder.name.replace("-", " ").replace("_", " ").strip().title() or "My PSP"
    values = {"name": _yaml_string(title), "id": slug(title)}
    skeleton = resources.files("psptool.load") / "skeleton"
    return {
        spec.name: Template((skeleton / spec.name).read_text(encoding="utf-8")).substitute(values)
        for spec in FILES
    }


def _example_files(example: str) -> dict[str, str]:
    # one of the examples by name, never a path (`../..`) nor a name too long to look up
    if example not in list_examples():
        from ..quoting import shorten

        known = ", ".join(list_examples()) or "none"
        raise UserError(f"no example called '{shorten(example)}' (examples: {known})")
    source = examples_dir() / example
    return {
        spec.name: (source / spec.name).read_text(encoding="utf-8")
        for spec in FILES
        if (source / spec.name).is_file()
    }


__all__ = ["InitResult", "examples_dir", "init_project", "list_examples", "slug"]
