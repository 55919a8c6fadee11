"""Templates: find them, render them in a Jinja sandbox, and lint them before use.

A template named `mou.docx` is taken from the partnership's `templates/` folder when it is
there, else from the defaults shipped with psp. Every template is rendered in Jinja's
sandbox with autoescaping on (so `&` or `<` in a partner's name cannot corrupt a Word
document) and undefined variables as errors; any failure is a `TemplateProblem` whose message
is one line naming the template and where in it.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import TemplateProblem
from ..load.write import write_through
from ..report.papers import PAPERS, data_of

if TYPE_CHECKING:
    from xml.etree import ElementTree

PARTNERSHIP_FOLDER = "templates"


@dataclass(frozen=True)
class TemplateInfo:
    """A default template and the paper it is for, as `psp templates` shows them."""

    name: str
    title: str
    command: str
    data: tuple[str, ...]
    """The top-level names the template receives: the fields of its paper's data."""


def templates() -> dict[str, TemplateInfo]:
    """Every Word paper's default template, by file name, from the paper declarations."""
    return {
        paper.template: TemplateInfo(
            paper.template, paper.title, paper.invocation, paper.data_names
        )
        for paper in PAPERS.values()
        if paper.template is not None
    }


class _Templates(Mapping[str, TemplateInfo]):
    """`templates()`, worked out when first used."""

    @functools.cached_property
    def _found(self) -> dict[str, TemplateInfo]:
        return templates()

    def __getitem__(self, name: str) -> TemplateInfo:
        return self._found[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)


TEMPLATES: Mapping[str, TemplateInfo] = _Templates()


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


def render_docx(template: Path, data: Any, output: Path, force: bool) -> None:
    """Render a Word template with a paper's data (a dataclass: its fields are the names the
    template receives) with docxtpl inside the sandbox; write atomically."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    if output.exists() and not force:
        from ..errors import OutputExists

        raise OutputExists(f"{output} already exists; use --force to replace it")
    try:
        document = DocxTemplate(str(template))
        document.render(data_of(data), jinja_env=environment(), autoescape=True)
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
#
# docxtpl repairs two things Word does to tags before Jinja sees them (`DocxTemplate.patch_xml`):
# it joins a tag that Word split across runs of different formatting (or across paragraphs),
# and it straightens smart quotes inside tags. The lint leaves those alone and looks for what
# it cannot repair: a `{%p %}`, `{%tr %}` or `{%tc %}` tag that is not where it must be, text
# that docxtpl drops because it shares a paragraph, row or cell with such a tag, `{%tr %}`
# loops that do not pair up, syntax errors, and data the paper does not provide.

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BLOCK = re.compile(r"(?:\{%|\{\{)(p|tr|tc) [^}%]*(?:%\}|\}\})")
"""A tag docxtpl moves out of its paragraph (`p`), table row (`tr`) or cell (`tc`), written
as docxtpl recognises it: `{%tr for p in partners %}`."""
_WHERE = {"p": "paragraph", "tr": "table row", "tc": "table cell"}


@dataclass
class TemplateFinding:
    severity: str
    message: str


def _text(element: ElementTree.Element) -> str:
    """The text of a paragraph, row or cell as docxtpl reads it: its runs joined."""
    return "".join(t.text or "" for t in element.iter(f"{_W}t"))


def _placement(xml: bytes) -> list[TemplateFinding]:
    """`{%p %}`, `{%tr %}` and `{%tc %}` tags outside what they stand for, text beside them,
    and `{%tr %}` loops that do not pair up."""
    from xml.etree import ElementTree

    findings: list[TemplateFinding] = []
    body = ElementTree.fromstring(xml)
    parents = {child: parent for parent in body.iter() for child in parent}

    def enclosing(element: ElementTree.Element, kind: str) -> ElementTree.Element | None:
        while element in parents:
            element = parents[element]
            if element.tag == f"{_W}{kind}":
                return element
        return None

    seen: set[ElementTree.Element] = set()
    opened = closed = 0
    for number, paragraph in enumerate(body.iter(f"{_W}p"), 1):
        for match in _BLOCK.finditer(_text(paragraph)):
            tag, kind = match.group(0), match.group(1)
            if re.match(r"..tr (for|if)\b", tag):
                opened += 1
            elif re.match(r"..tr end(for|if)\b", tag):
                closed += 1
            container = paragraph
            if kind != "p":
                found = enclosing(paragraph, kind)
                if found is None:
                    findings.append(
                        TemplateFinding(
                            "error",
                            f"paragraph {number}: {tag[:40]} is not in a {_WHERE[kind]}; "
                            f"a {{%{kind} %}} tag repeats or hides the {_WHERE[kind]} it is in",
                        )
                    )
                    continue
                container = found
            left = _BLOCK.sub("", _text(container)).strip()
            if left and container not in seen:
                seen.add(container)
                findings.append(
                    TemplateFinding(
                        "warning",
                        f"paragraph {number}: “{left[:40]}” is dropped when the paper is "
                        f"rendered: docxtpl keeps only the tag of a {_WHERE[kind]} that holds "
                        f"{tag[:40]}; move the text to a {_WHERE[kind]} of its own",
                    )
                )
    if opened != closed:
        findings.append(
            TemplateFinding(
                "error", f"{opened} '{{%tr for/if %}}' against {closed} '{{%tr endfor/endif %}}'"
            )
        )
    return findings


def check_docx(template: Path, data_keys: tuple[str, ...] | None = None) -> list[TemplateFinding]:
    """Problems a Word template has before it is used that docxtpl cannot repair: misplaced
    `{%p %}`, `{%tr %}` and `{%tc %}` tags and text they drop, unpaired `{%tr %}` loops,
    syntax errors and variables the data does not provide."""
    from xml.etree.ElementTree import ParseError

    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    try:
        with zipfile.ZipFile(template) as archive:
            xml = archive.read("word/document.xml")
        findings = _placement(xml)
    except (zipfile.BadZipFile, KeyError, OSError, ParseError) as exc:
        return [TemplateFinding("error", f"not a Word document: {exc}")]
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
