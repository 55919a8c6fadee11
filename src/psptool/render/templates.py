"""Templates: find them, render them in a Jinja sandbox, and lint them before use.

A template named `mou.docx` is taken from the partnership's `templates/` folder when it is
there, else from the defaults shipped with psp. Every template is rendered in Jinja's
sandbox with autoescaping on (so `&` or `<` in a partner's name cannot corrupt a Word
document) and undefined variables as errors; any failure is a `TemplateProblem` whose message
is one line naming the template and where in it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..errors import TemplateProblem
from ..load.write import write_through

PARTNERSHIP_FOLDER = "templates"


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    title: str
    command: str
    data: tuple[str, ...]
    """The top-level names the template receives."""


BUSINESS_CASE_DATA = (
    "partnership",
    "document",
    "versions",
    "approvals",
    "signoff",
    "summary",
    "goals",
    "strategic",
    "options",
    "benefits",
    "financial",
    "plan",
    "management",
    "service",
    "evaluation",
    "recommendations",
)
TEMPLATES: dict[str, TemplateInfo] = {
    "mou.docx": TemplateInfo(
        "mou.docx",
        "Memorandum of Understanding",
        "psp render mou",
        ("partnership", "lead", "partners", "roles", "groups", "mou", "signatures"),
    ),
    "business-case-outline.docx": TemplateInfo(
        "business-case-outline.docx",
        "Outline Business Case",
        "psp render business-case --outline",
        BUSINESS_CASE_DATA,
    ),
    "business-case-full.docx": TemplateInfo(
        "business-case-full.docx",
        "Full Business Case",
        "psp render business-case --full",
        BUSINESS_CASE_DATA,
    ),
}


def defaults_dir() -> Path:
    """The default templates: inside the wheel, or the repository's templates/ folder."""
    packaged = Path(str(resources.files("psptool"))) / "_data" / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def find_template(name: str, root: Path | None) -> tuple[Path, str]:
    """The template file and where it came from: 'partnership' or 'default'."""
    if root is not None:
        own = root / PARTNERSHIP_FOLDER / name
        if own.is_file():
            return own, "partnership"
    default = defaults_dir() / name
    if not default.is_file():
        raise TemplateProblem(f"there is no template called {name}")
    return default, "default"


def namespace(value: Any) -> Any:
    """Mappings as objects, so `partnership.values` is the list of values, not dict.values."""
    if isinstance(value, dict):
        return SimpleNamespace(**{k: namespace(v) for k, v in value.items()})
    if isinstance(value, list):
        return [namespace(v) for v in value]
    return value


def environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _problem(template: Path, exc: Exception) -> TemplateProblem:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    near = ""
    context = [line.strip() for line in getattr(exc, "docx_context", []) if line.strip()]
    if context:
        near = f" near “{context[min(3, len(context) - 1)][:60]}”"
    if isinstance(exc, UndefinedError):
        what = f"unknown variable: {exc.message}"
    elif isinstance(exc, SecurityError):
        what = f"not allowed in a template: {exc}"
    elif isinstance(exc, TemplateSyntaxError):
        what = f"syntax error: {exc.message}"
    else:
        what = f"{type(exc).__name__}: {exc}"
    return TemplateProblem(f"template {template.name}{near}: {what}")


def render_docx(template: Path, context: dict[str, Any], output: Path, force: bool) -> None:
    """Render a Word template with docxtpl inside the sandbox; write atomically."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    if output.exists() and not force:
        from ..errors import OutputExists

        raise OutputExists(f"{output} already exists; use --force to replace it")
    try:
        document = DocxTemplate(str(template))
        document.render(
            {k: namespace(v) for k, v in context.items()}, jinja_env=environment(), autoescape=True
        )
    except TemplateError as exc:
        raise _problem(template, exc) from None
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise TemplateProblem(f"template {template.name} is not a Word document: {exc}") from None
    except Exception as exc:
        if type(exc).__name__ == "PackageNotFoundError":  # python-docx: not a .docx at all
            raise TemplateProblem(
                f"template {template}: not found, or not a Word document (.docx)"
            ) from None
        raise _problem(template, exc) from None  # a template fails in many ways; none crash
    write_through(output, lambda path: document.save(str(path)), force=force)


# linting ----------------------------------------------------------------------------------

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_SMART = "“”‘’"


@dataclass
class TemplateFinding:
    severity: str
    message: str


def check_docx(template: Path, data_keys: tuple[str, ...] | None = None) -> list[TemplateFinding]:
    """Problems a Word template has before it is used: tags split across runs, unpaired
    `{%tr %}`, smart quotes in tags, syntax errors and variables the data does not provide."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    findings: list[TemplateFinding] = []
    try:
        with zipfile.ZipFile(template) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        return [TemplateFinding("error", f"not a Word document: {exc}")]
    for number, paragraph in enumerate(re.findall(r"<w:p[ >].*?</w:p>", xml, re.S), 1):
        runs = re.findall(r"<w:t(?: [^>]*)?>(.*?)</w:t>", paragraph, re.S)
        text = "".join(runs)
        for tag in _TAG.findall(text):
            if not any(tag in run for run in runs):
                findings.append(
                    TemplateFinding(
                        "warning",
                        f"paragraph {number}: the tag {tag[:40]} is split across runs of different "
                        "formatting; retype it in one go",
                    )
                )
            if any(q in tag for q in _SMART):
                findings.append(
                    TemplateFinding(
                        "error",
                        f"paragraph {number}: smart quotes in {tag[:40]}; Jinja needs straight "
                        "quotes (turn off AutoFormat's smart quotes)",
                    )
                )
    opened = len(re.findall(r"\{%-?\s*tr\s+(for|if)\b", xml))
    closed = len(re.findall(r"\{%-?\s*tr\s+end(for|if)\b", xml))
    if opened != closed:
        findings.append(
            TemplateFinding(
                "error", f"{opened} '{{%tr for/if %}}' against {closed} '{{%tr endfor/endif %}}'"
            )
        )
    try:
        names = DocxTemplate(str(template)).get_undeclared_template_variables(environment())
    except TemplateSyntaxError as exc:
        findings.append(TemplateFinding("error", f"syntax error: {exc.message}"))
        return findings
    if data_keys is not None:
        for name in sorted(names - set(data_keys)):
            findings.append(
                TemplateFinding(
                    "error",
                    f"uses '{name}', which the data does not provide "
                    f"(it provides: {', '.join(data_keys)})",
                )
            )
    return findings
