"""Templates: find them, render them in a Jinja sandbox, and lint them before use.

A template named `mou.docx` is taken from the partnership's `templates/` folder when it is
there, else from the defaults shipped with psp. Every template is rendered in Jinja's
sandbox with autoescaping on (so `&` or `<` in a partner's name cannot corrupt a Word
document) and undefined variables as errors; any failure is a `TemplateProblem` whose message
is one line naming the template and where in it.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
import types
import typing
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import TemplateProblem, UnsafeInput
from ..load.write import write_through
from ..quoting import shorten
from ..report.papers import PAPERS, data_of

if TYPE_CHECKING:
    from xml.etree import ElementTree

    from ..load.branding import Logo

PARTNERSHIP_FOLDER = "templates"


@dataclass(frozen=True)
class TemplateInfo:
    """A default template and the paper it is for, as `psp templates` shows them."""

    name: str
    title: str
    command: str
    data: tuple[str, ...]
    """The top-level names the template receives: the fields of its paper's data."""
    data_type: type[Any]
    """The paper's data, a dataclass, whose attributes the template reads."""


def templates() -> dict[str, TemplateInfo]:
    """Every Word paper's default template, by file name, from the paper declarations, and
    the HTML highlight report's."""
    from .html import HTML_TEMPLATE, HtmlPage

    found = {
        paper.template: TemplateInfo(
            paper.template, paper.title, paper.invocation, paper.data_names, paper.data_type
        )
        for paper in PAPERS.values()
        if paper.template is not None
    }
    found[HTML_TEMPLATE] = TemplateInfo(
        HTML_TEMPLATE,
        "Highlight report (HTML)",
        "psp report status --format html",
        tuple(f.name for f in dataclasses.fields(HtmlPage)),
        HtmlPage,
    )
    return found


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
        if own.is_symlink() or own.exists():
            from ..load.limits import outside

            if outside(own, root) is not None:
                raise UnsafeInput(
                    f"{PARTNERSHIP_FOLDER}/{shorten(name)} is a symbolic link to a file outside "
                    "the folder; psp reads only templates inside it"
                )
            return own, "partnership"
    default = defaults_dir() / name
    if not default.is_file():
        raise TemplateProblem(f"there is no template called {name}")
    return default, "default"


def read_template(template: Path) -> bytes:
    """The template's bytes, read only if it is a regular file within the size limits whose
    zip and XML are safe to open (load.limits: no entity declarations, nothing that unpacks
    to too much). `render` and `templates check` both read a template through here, so both
    give one verdict on it."""
    from ..load.limits import MAX_WORKBOOK_BYTES, check_office_file, read_regular

    data = read_regular(template, "template", MAX_WORKBOOK_BYTES)
    check_office_file(data, f"template {shorten(template.name)}", "a Word document (.docx)")
    return data


def environment() -> Any:
    """Jinja's sandbox with a budget on sizes and output (render.template_budget)."""
    from .template_budget import budgeted_environment

    return budgeted_environment()


def _problem(template: Path, exc: Exception, line: int | None = None) -> TemplateProblem:
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
    if line is not None and not near:
        near = f", line {line}"
    return TemplateProblem(f"template {shorten(template.name)}{near}: {what}")


def render_docx(
    template: Path,
    data: Any,
    output: Path,
    force: bool,
    *,
    caption: str = "",
    logo: Logo | None = None,
    acronyms: Mapping[str, str] | None = None,
) -> None:
    """Render a Word template with a paper's data (a dataclass: its fields are the names the
    template receives) with docxtpl inside the sandbox, lay it out as an office would
    (`office.lay_out`: page numbers, with `caption` where the footer says nothing; repeated
    header rows; fitted columns; each of the `acronyms` spelt out where first used), put the
    partnership's `logo` in its header
    (`branding.brand_docx`) and write it atomically."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    if output.exists() and not force:
        from ..errors import OutputExists

        raise OutputExists(f"{output} already exists; use --force to replace it")
    from .template_budget import budget

    data_bytes = read_template(template)
    try:
        document = DocxTemplate(io.BytesIO(data_bytes))
        with budget(template.name):
            document.render(data_of(data), jinja_env=environment(), autoescape=True)
    except TemplateProblem:
        raise
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
    from .office import lay_out

    # a template made by hand or by another program may have no section (page layout) at
    # all, which Word tolerates; give it one so the footer and page numbers have a place
    document.docx.element.body.get_or_add_sectPr()
    try:
        lay_out(document.docx, caption, acronyms)
        if logo is not None:
            from .branding import brand_docx

            brand_docx(document.docx, logo)
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as exc:
        raise TemplateProblem(
            f"template {shorten(template.name)} cannot be laid out as a paper "
            f"({type(exc).__name__}: {shorten(exc)}); open it in Word and save it again"
        ) from None
    write_through(output, lambda path: document.save(str(path)), force=force)


# HTML -------------------------------------------------------------------------------------

MAX_HTML_TEMPLATE_BYTES = 1024 * 1024
"""Largest HTML template read: the default is about 2 KB."""


def read_html_template(template: Path) -> str:
    """An HTML template's text, read only if it is a regular file within the size limit
    and UTF-8."""
    from ..load.limits import read_regular

    data = read_regular(template, "template", MAX_HTML_TEMPLATE_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateProblem(
            f"template {shorten(template.name)} is not UTF-8 text; save it as UTF-8"
        ) from None


def render_html(template: Path, page: Any) -> str:
    """An HTML template rendered with `page` (html.HtmlPage: its fields are the names the
    template receives) in the budgeted Jinja sandbox, autoescaped; any failure of the
    template is a `TemplateProblem` naming it and the line."""
    from jinja2 import TemplateError

    from .template_budget import budget

    text = read_html_template(template)
    try:
        with budget(template.name):
            compiled = environment().from_string(text)
            return str(compiled.render(data_of(page)))
    except TemplateProblem:
        raise
    except TemplateError as exc:
        raise _problem(template, exc, _template_line(exc)) from None
    except Exception as exc:  # a template fails in many ways; none crash
        raise _problem(template, exc, _template_line(exc)) from None


def _template_line(exc: BaseException) -> int | None:
    """The template's line an error came from: a syntax error's own, else the last frame
    of the template in the traceback (Jinja writes template lines into it)."""
    line = getattr(exc, "lineno", None)
    if isinstance(line, int):
        return line
    trace = exc.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def check_html(template: Path, data_type: type[Any] | None = None) -> list[TemplateFinding]:
    """Problems an HTML template has before it is used: it cannot be read, a syntax error,
    names and attributes the report's data (`data_type`) does not have."""
    from jinja2 import TemplateSyntaxError

    try:
        text = read_html_template(template)
    except (UnsafeInput, TemplateProblem) as exc:
        return [TemplateFinding("error", str(exc))]
    try:
        parsed = environment().parse(text)
    except TemplateSyntaxError as exc:
        return [TemplateFinding("error", f"line {exc.lineno}: syntax error: {exc.message}")]
    return _data_findings(parsed, data_type)


def check_template(template: Path, data_type: type[Any] | None = None) -> list[TemplateFinding]:
    """`check_html` for an .html template, `check_docx` for a Word one."""
    if template.suffix.lower() in (".html", ".htm"):
        return check_html(template, data_type)
    return check_docx(template, data_type)


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


def _fields(kind: Any) -> dict[str, Any] | None:
    """A dataclass's attributes a template may read (fields and properties) with their types
    (None for a property's); None for anything that is not a dataclass."""
    if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
        return None
    found: dict[str, Any] = {n: None for n in dir(kind) if not n.startswith("_")}
    return found | typing.get_type_hints(kind)


def _unwrap(kind: Any) -> Any:
    """`Lead | None` → Lead: a template tests for None before it reads an attribute."""
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    if len(args) == 1 and typing.get_origin(kind) in (types.UnionType, typing.Union):
        return args[0]
    return kind


def _element(kind: Any) -> Any:
    """What a loop over `kind` gives: `tuple[Role, ...]` → Role; None when not known."""
    args = typing.get_args(kind)
    return args[0] if typing.get_origin(kind) is tuple and args else None


def _attributes(parsed: Any, data_type: type[Any]) -> list[str]:
    """`{{ partnership.nmae }}` and `{% for p in partners %}{{ p.nmae }}`: each attribute the
    template reads that the paper's data, a dataclass, does not have, from its type."""
    from jinja2 import nodes

    problems: set[str] = set()

    def type_of(node: Any, scope: dict[str, Any]) -> tuple[Any, str]:
        if isinstance(node, nodes.Name):
            return scope.get(node.name), node.name
        if isinstance(node, nodes.Getattr):
            owner, path = type_of(node.node, scope)
            known = _fields(owner)
            if known is None:
                return None, ""
            if node.attr not in known:
                fields = ", ".join(f.name for f in dataclasses.fields(owner))
                problems.add(
                    f"uses '{path}.{node.attr}', which the data does not provide "
                    f"({path} has: {fields})"
                )
                return None, ""
            return _unwrap(known[node.attr]), f"{path}.{node.attr}"
        visit(node, scope)
        return None, ""

    def visit(node: Any, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            looped, _ = type_of(node.iter, scope)
            inner = dict(scope)
            for target in node.target.find_all(nodes.Name):
                inner[target.name] = None
            if isinstance(node.target, nodes.Name):
                inner[node.target.name] = _element(looped)
            for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
                visit(child, inner)
            return
        if isinstance(node, nodes.Getattr | nodes.Name):
            type_of(node, scope)
            return
        for child in node.iter_child_nodes():
            visit(child, scope)

    hints = typing.get_type_hints(data_type)
    visit(parsed, {name: _unwrap(kind) for name, kind in hints.items()})
    return sorted(problems)


def _parsed(template: bytes) -> Any:
    """The template's body, headers and footers as docxtpl hands them to Jinja (its repairs
    made), parsed; as `DocxTemplate.get_undeclared_template_variables` reads them."""
    from docx import Document
    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template))
    document = Document(io.BytesIO(template))
    xml = tpl.patch_xml(tpl.xml_to_string(document.element.body))
    for relation in document.part.rels.values():
        if relation.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI) and relation.target_part.blob:
            xml += tpl.patch_xml(tpl.xml_to_string(parse_xml(relation.target_part.blob)))
    return environment().parse(xml)


def check_docx(template: Path, data_type: type[Any] | None = None) -> list[TemplateFinding]:
    """Problems a Word template has before it is used that docxtpl cannot repair: misplaced
    `{%p %}`, `{%tr %}` and `{%tc %}` tags and text they drop, unpaired `{%tr %}` loops,
    syntax errors, and names and attributes the paper's data (`data_type`) does not have."""
    from xml.etree.ElementTree import ParseError

    from jinja2 import TemplateSyntaxError

    try:
        data = read_template(template)
    except UnsafeInput as exc:
        return [TemplateFinding("error", str(exc))]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        findings = _placement(xml)
    except (zipfile.BadZipFile, KeyError, OSError, ParseError) as exc:
        return [TemplateFinding("error", f"not a Word document: {shorten(exc)}")]
    try:
        parsed = _parsed(data)
    except TemplateSyntaxError as exc:
        findings.append(TemplateFinding("error", f"syntax error: {exc.message}"))
        return findings
    return findings + _data_findings(parsed, data_type)


def _data_findings(parsed: Any, data_type: type[Any] | None) -> list[TemplateFinding]:
    """The names and attributes a parsed template uses that `data_type` does not provide."""
    from jinja2 import meta

    if data_type is None:
        return []
    findings = []
    provided = [f.name for f in dataclasses.fields(data_type)]
    for name in sorted(meta.find_undeclared_variables(parsed) - set(provided)):
        findings.append(
            TemplateFinding(
                "error",
                f"uses '{name}', which the data does not provide "
                f"(it provides: {', '.join(provided)})",
            )
        )
    findings += [TemplateFinding("error", m) for m in _attributes(parsed, data_type)]
    return findings
