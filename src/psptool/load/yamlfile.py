"""Parse one YAML text into plain data plus the line and column of every key and list item.

Checking goes through the fast path: the C parser's event stream (ruamel.yaml.clib), built into
dicts and lists here without a node tree, with YAML 1.2 semantics (so `no`, `on` and `yes`
stay strings). Building from events rather than composing nodes lets this module refuse
what would otherwise crash or hang the process: deep nesting (the C composer recurses and can
overflow the stack), alias bombs (a small file that expands to billions of values), duplicate
keys (YAML loaders silently keep the last one). Round-trip parsing, which keeps comments, is
for the editing commands only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic, make

MAX_DEPTH = 64
"""Deepest nesting accepted; a PSP file needs about six levels."""
MAX_EXPANDED = 2_000_000
"""Most values a file may expand to once aliases are followed."""
MAX_INT_DIGITS = 1000
"""Longest whole number accepted, in digits of any base. Python refuses to print an integer
of more than 4,300 decimal digits (1,000 hex digits is about 1,200), and a PSP file's
numbers need a dozen at most."""

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """Where a key (or a list item) and its value start; lines and columns count from 1."""

    line: int
    column: int
    value_line: int
    value_column: int


@dataclass
class ParsedYaml:
    data: Any = None
    positions: dict[Path, Position] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


class _Stop(Exception):
    """Raised inside the builder to abandon a file that cannot be read safely."""


class _BadScalar(Exception):
    """A scalar that cannot be turned into a value: an unsupported or mismatched tag, or a
    number too long to handle."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

_resolver: Any = None


def _get_resolver() -> Any:
    global _resolver
    if _resolver is None:
        from ruamel.yaml.resolver import VersionedResolver

        _resolver = VersionedResolver(version=(1, 2))
    return _resolver


def _to_int(text: str) -> int:
    t = text.replace("_", "")
    sign = -1 if t.startswith("-") else 1
    t = t.lstrip("+-")
    lowered = t.lower()
    digits = len(t) - 2 if lowered.startswith(("0x", "0o", "0b")) else len(t)
    if digits > MAX_INT_DIGITS:
        raise _BadScalar(
            "PSP104",
            f"a number with {digits:,} digits is too long to be a PSP value",
            "check this value: numbers in a PSP file need only a few digits",
        )
    if lowered.startswith("0x"):
        return sign * int(t[2:], 16)
    if lowered.startswith("0o"):
        return sign * int(t[2:], 8)
    if lowered.startswith("0b"):
        return sign * int(t[2:], 2)
    return sign * int(t, 10)


def _to_float(text: str) -> float:
    t = text.replace("_", "").lower()
    if t in (".inf", "+.inf"):
        return math.inf
    if t == "-.inf":
        return -math.inf
    if t == ".nan":
        return math.nan
    return float(t)


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag.removeprefix(prefix) if tag.startswith(prefix) else tag


def _scalar(value: str, tag: str, explicit: bool = False) -> Any:
    """The value of a scalar resolved (or explicitly tagged) as `tag`."""
    if tag in (_STR, _TIMESTAMP, _MERGE):
        # Dates stay text here: the models parse them, so a bad date is reported in place.
        # '<<' is a merge only as a key; as a value it is text.
        return value
    if tag not in (_INT, _FLOAT, _BOOL, _NULL):
        raise _BadScalar(
            "PSP010",
            f"YAML tag '{_short_tag(tag)}' is not supported in a PSP file",
            "remove the tag; write plain text, numbers and dates",
        )
    if explicit:
        # `!!int abc` or `!!bool maybe` must not quietly become a number or false
        from ruamel.yaml.nodes import ScalarNode

        resolved = _get_resolver().resolve(ScalarNode, value, (True, False))
        if resolved != tag and not (tag == _FLOAT and resolved == _INT):
            shown = value if len(value) <= 40 else value[:37] + "..."
            raise _BadScalar(
                "PSP010",
                f"'{shown}' is not a valid {_short_tag(tag)} value",
                "remove the tag, or correct the value",
            )
    if tag == _INT:
        return _to_int(value)
    if tag == _FLOAT:
        return _to_float(value)
    if tag == _BOOL:
        return value.lower() == "true"
    return None  # _NULL


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, so no Word or Excel file can: control characters other
than tab and line breaks. YAML lets a double-quoted value write them as escapes (`"\\0"`,
`"\\e"`); every paper psp renders would fail on them."""


def control_characters(parsed: ParsedYaml, file: str) -> list[Diagnostic]:
    """A finding for each text value holding a character no Word or Excel file can hold.

    Kept out of `parse_yaml`, whose findings say whether the YAML can be read at all (the
    editing commands rely on that): such a value is valid YAML, but not a valid PSP value.
    """
    found: dict[tuple[int, int], Diagnostic] = {}
    stack: list[tuple[Path, Any]] = [((), parsed.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
        elif isinstance(value, str) and (control := _CONTROL.search(value)):
            position = parsed.positions.get(path)
            line, column = (position.value_line, position.value_column) if position else (0, 0)
            char = control.group()
            what = "control character" if ord(char) < 0x20 else "character"
            found.setdefault(
                (line, column),
                make(
                    "PSP108",
                    f"the text holds the {what} U+{ord(char):04X}, which Word and Excel files "
                    "cannot hold",
                    file,
                    line,
                    column,
                    hint="remove it: look for an escape such as \\0, \\b or \\e in the quoted text",
                ),
            )
    return sorted(found.values(), key=lambda d: d.sort_key)


class _Frame:
    __slots__ = ("anchor", "container", "key", "key_mark", "path", "size", "start")

    def __init__(self, container: Any, path: Path, anchor: str | None, start: Any) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.start = start
        self.key: str | None = None
        self.key_mark: Any = None
        self.size = 1


def parse_yaml(text: str, file: str) -> ParsedYaml:
    """Parse `text` (from `file`, used in diagnostics) into data, positions and findings.

    Never raises for bad input: every problem becomes a diagnostic, and `data` is None when the
    file could not be read as a whole.
    """
    result = ParsedYaml()
    try:
        _build(text, file, result)
    except _Stop:
        result.data = None
    except Exception as exc:  # a parser error: report where it happened
        result.data = None
        result.diagnostics.append(_syntax_diagnostic(exc, text, file))
    return result


def _syntax_diagnostic(exc: Exception, text: str, file: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    opened = getattr(exc, "context_mark", None)
    unclosed = opened is not None and "end of stream" in str(problem)
    if unclosed:
        # a quote never closed is found at the end of the file, which is no help; where the
        # quote opened is
        mark = opened
    line = mark.line + 1 if mark is not None else 0
    column = mark.column + 1 if mark is not None else 0
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source[: len(source) - len(source.lstrip(" \t"))]
    if "\t" in indent or ("'\\t'" in str(problem)):
        return make(
            "PSP011",
            "a tab is used for indentation; YAML needs spaces",
            file,
            line,
            column,
            hint="replace the tab at the start of the line with spaces",
        )
    message = f"YAML syntax error: {problem}"
    if context:
        message += f" ({context})"
    hint = _syntax_hint(str(problem), str(context or ""), unclosed)
    return make("PSP010", message, file, line, column, hint=hint)


_NEVER_CLOSED = {
    "quoted scalar": "the quote",
    "flow sequence": "the '['",
    "flow mapping": "the '{'",
}


def _syntax_hint(problem: str, context: str = "", unclosed: bool = False) -> str | None:
    for what, opener in _NEVER_CLOSED.items():
        if unclosed and what in context:
            return f"{opener} that opens here is never closed"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Risk: providers withdraw\""
    if "could not find expected ':'" in problem:
        return "each line of a mapping needs 'key: value'; check the indentation"
    if "did not find expected" in problem:
        return "check brackets, quotes and indentation around this line"
    return None


def _build(text: str, file: str, result: ParsedYaml) -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode

    resolve = _get_resolver().resolve
    positions = result.positions
    diagnostics = result.diagnostics
    anchors: dict[str, tuple[Any, int]] = {}
    open_anchors: set[str] = set()
    stack: list[_Frame] = []
    expanded = 0
    documents = 0
    root: Any = None

    def stop(code: str, message: str, mark: Any, hint: str | None = None) -> None:
        diagnostics.append(make(code, message, file, mark.line + 1, mark.column + 1, hint=hint))
        raise _Stop

    def attach(value: Any, size: int, mark: Any) -> None:
        """Put a finished value into the container on top of the stack."""
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        top.size += size
        container = top.container
        if isinstance(container, list):
            container.append(value)
            return
        key = top.key
        top.key = None
        if key is None:  # this value is a key itself, and not a plain one
            stop("PSP016", "a key must be plain text, not a list or a mapping", mark)
        if key in container:
            previous = positions.get((*top.path, key))
            where = f" (first at line {previous.line})" if previous else ""
            diagnostics.append(
                make(
                    "PSP012",
                    f"duplicate key '{key}'{where}; the second one is ignored",
                    file,
                    top.key_mark.line + 1,
                    top.key_mark.column + 1,
                    hint="remove one of the two, or merge them",
                )
            )
            return
        container[key] = value

    parser_events = YAML(typ="safe").parse(text)
    for event in parser_events:
        kind = type(event).__name__
        mark = event.start_mark
        if kind == "ScalarEvent":
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is None:
                # a mapping key: keys are their literal text
                key = event.value
                top.key = key
                top.key_mark = mark
                if event.anchor:
                    anchors[event.anchor] = (key, 1)
                continue
            tag = event.tag
            explicit = tag is not None and tag != "!"
            if not explicit:
                tag = (
                    resolve(ScalarNode, event.value, event.implicit) if event.implicit[0] else _STR
                )
            try:
                value = _scalar(event.value, tag, explicit)
            except _BadScalar as bad:
                stop(bad.code, bad.message, mark, hint=bad.hint)
            path = _child_path(stack, top)
            _record(positions, path, top, mark)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            expanded += 1
            attach(value, 1, mark)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            if event.tag not in (None, "!", _MAP, _SEQ):
                stop(
                    "PSP010",
                    f"YAML tag '{_short_tag(event.tag)}' is not supported in a PSP file",
                    mark,
                    hint="remove the tag",
                )
            if len(stack) >= MAX_DEPTH:
                stop(
                    "PSP014",
                    f"the data is nested more than {MAX_DEPTH} levels deep",
                    mark,
                    hint="a PSP file needs only a few levels; check brackets and indentation",
                )
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is None:
                stop("PSP016", "a key must be plain text, not a list or a mapping", mark)
            path = _child_path(stack, top)
            _record(positions, path, top, mark)
            container: Any = {} if kind == "MappingStartEvent" else []
            if event.anchor:
                open_anchors.add(event.anchor)
            stack.append(_Frame(container, path, event.anchor, mark))
            expanded += 1
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            frame = stack.pop()
            if isinstance(frame.container, dict) and "<<" in frame.container:
                _merge(frame.container)
            if frame.anchor:
                open_anchors.discard(frame.anchor)
                anchors[frame.anchor] = (frame.container, frame.size)
            attach(frame.container, frame.size, frame.start)
        elif kind == "AliasEvent":
            name = event.anchor
            if name in open_anchors:
                stop("PSP013", f"alias *{name} refers to a value that contains itself", mark)
            if name not in anchors:
                stop("PSP010", f"YAML syntax error: alias *{name} has no anchor &{name}", mark)
            value, size = anchors[name]
            expanded += size
            if expanded > MAX_EXPANDED:
                stop(
                    "PSP013",
                    f"aliases expand this file to more than {MAX_EXPANDED:,} values",
                    mark,
                    hint="a PSP file does not need aliases; write the values out",
                )
            top = stack[-1] if stack else None
            if top is not None and isinstance(top.container, dict) and top.key is None:
                if not isinstance(value, str):
                    stop("PSP016", "a key must be plain text, not a list or a mapping", mark)
                top.key = value
                top.key_mark = mark
                continue
            path = _child_path(stack, top)
            _record(positions, path, top, mark)
            attach(value, size, mark)
        elif kind == "DocumentStartEvent":
            documents += 1
            if documents > 1:
                stop(
                    "PSP017",
                    "the file holds more than one YAML document ('---' starts a second one)",
                    mark,
                    hint="keep one document per file; remove the '---' line",
                )
    result.data = root


def _child_path(stack: list[_Frame], top: _Frame | None) -> Path:
    if top is None:
        return ()
    if isinstance(top.container, list):
        return (*top.path, len(top.container))
    return (*top.path, top.key)  # type: ignore[arg-type]


def _record(positions: dict[Path, Position], path: Path, top: _Frame | None, mark: Any) -> None:
    if path in positions:  # a duplicate key: keep where the first one stands
        return
    if top is not None and isinstance(top.container, dict) and top.key_mark is not None:
        key_mark = top.key_mark
        positions[path] = Position(
            key_mark.line + 1, key_mark.column + 1, mark.line + 1, mark.column + 1
        )
    else:
        positions[path] = Position(mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)


def _merge(mapping: dict[str, Any]) -> None:
    """Apply a YAML merge key (`<<: *defaults`): keys already present win."""
    merged = mapping.pop("<<")
    sources = merged if isinstance(merged, list) else [merged]
    for source in sources:
        if isinstance(source, dict):
            for key, value in source.items():
                mapping.setdefault(key, value)
