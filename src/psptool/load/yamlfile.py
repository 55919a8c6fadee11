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

import gc
import math
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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


class Position(NamedTuple):
    """Where a key (or a list item) and its value start; lines and columns count from 1.

    A named tuple rather than a frozen dataclass: a large file has one per key and item, and
    a tuple is made several times faster."""

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
_VALUE = "tag:yaml.org,2002:value"
_YAML = "tag:yaml.org,2002:yaml"

# The implicit resolvers ruamel.yaml's VersionedResolver registers for YAML 1.2
# (ruamel/yaml/resolver.py), in its order: name, tag, the first characters it applies to
# ("" is the empty scalar) and the pattern, matched with re.X as `^(?:pattern)$`. ruamel.yaml
# tries each pattern registered for a scalar's first character in turn and builds a Tag object
# for the first that matches; doing that for every plain scalar was a third of the parse.
# tests/load/test_yamlfile_resolve.py checks these give exactly ruamel.yaml's answer.
_IMPLICIT_1_2: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("bool", _BOOL, tuple("tTfF"), r"true|True|TRUE|false|False|FALSE"),
    (
        "float",
        _FLOAT,
        tuple("-+0123456789."),
        r"""
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN)""",
    ),
    (
        "int",
        _INT,
        tuple("-+0123456789"),
        r"""[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+""",
    ),
    ("merge", _MERGE, ("<",), r"<<"),
    ("null", _NULL, ("~", "n", "N", ""), r"~|null|Null|NULL|"),  # the last: an empty scalar
    (
        "timestamp",
        _TIMESTAMP,
        tuple("0123456789"),
        r"""[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?""",
    ),
    ("value", _VALUE, ("=",), r"="),
    # ruamel.yaml registers this "for documentation purposes": no plain scalar starts so
    ("yaml", _YAML, tuple("!&*"), r"!|&|\*"),
)
_KIND_TAG = {name: tag for name, tag, _, _ in _IMPLICIT_1_2}


def _plain_matchers() -> dict[str, Any]:
    """For each first character some resolver applies to, the `match` of one pattern that
    tries that character's resolvers in order; the name of the group that matched is the
    resolver's name."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for name, _, firsts, pattern in _IMPLICIT_1_2:
        for first in firsts:
            by_first.setdefault(first, []).append((name, pattern))
    compiled: dict[tuple[tuple[str, str], ...], Any] = {}
    matchers = {}
    for first, entries in by_first.items():
        key = tuple(entries)
        if key not in compiled:
            alternatives = "|".join(f"(?P<{name}>^(?:{pattern})$)" for name, pattern in entries)
            compiled[key] = re.compile(alternatives, re.X).match
        matchers[first] = compiled[key]
    return matchers


_PLAIN = _plain_matchers()
_PLAIN_TEXT = frozenset({"timestamp", "merge", "value"})
"""Resolvers whose plain scalars stay text. Dates stay text here: the models parse them, so a
bad date is reported in place. '<<' is a merge only as a key; as a value it is text. '=' is
YAML 1.1's "default value" type, which YAML 1.2 and PSP files do not have."""


def _resolve_plain(value: str) -> str:
    """The tag ruamel.yaml's YAML 1.2 resolver gives a plain (untagged, unquoted) scalar."""
    match = _PLAIN.get(value[:1])
    if match is None:
        return _STR
    found = match(value)
    return _STR if found is None else _KIND_TAG[found.lastgroup]


_resolver: Any = None


def _get_resolver() -> Any:
    global _resolver
    if _resolver is None:
        from ruamel.yaml.resolver import VersionedResolver

        _resolver = VersionedResolver(version=(1, 2))
    return _resolver


def _to_int(text: str) -> int:
    if text.isdigit() and text.isascii() and len(text) <= MAX_INT_DIGITS:
        return int(text)  # the common case, a plain whole number
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


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


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
            raise _BadScalar(
                "PSP010",
                f"'{_shown(value)}' is not a valid {_short_tag(tag)} value",
                "remove the tag, or correct the value",
            )
    try:
        if tag == _INT:
            return _to_int(value)
        if tag == _FLOAT:
            return _to_float(value)
    except ValueError:
        # YAML 1.2 reads `0x_`, `-_` and `._` as numbers without a digit, and `!!float 0x1F`
        # passes the check above; neither is a number Python can read
        if explicit:
            raise _BadScalar(
                "PSP010",
                f"'{_shown(value)}' is not a valid {_short_tag(tag)} value",
                "remove the tag, or correct the value",
            ) from None
        raise _BadScalar(
            "PSP010",
            f"'{_shown(value)}' is not a valid number",
            "write the number's digits, or quote the value to keep it as text",
        ) from None
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
    if not _holds_control(parsed.data):
        return []  # nearly always: look for the paths only when there is something to find
    found: dict[tuple[int, int], Diagnostic] = {}
    stack: list[tuple[Path, Any]] = [((), parsed.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
            # a key is text a paper prints too (an acronym, say): found where the key is
            stack.extend(((*path, k), _Key(k)) for k in value if isinstance(k, str))
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))
        elif isinstance(value, str) and (control := _CONTROL.search(value)):
            position = parsed.positions.get(path)
            if isinstance(value, _Key):
                line, column = (position.line, position.column) if position else (0, 0)
            else:
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


def _holds_control(data: Any) -> bool:
    """Whether any text value in `data` holds a character `_CONTROL` matches."""
    search = _CONTROL.search
    stack = [data]
    pop = stack.pop
    extend = stack.extend
    while stack:
        value = pop()
        if isinstance(value, dict):
            extend(value.values())
            extend(value.keys())
        elif isinstance(value, list):
            extend(value)
        elif isinstance(value, str) and search(value):
            return True
    return False


class _Key(str):
    """A mapping's key, told apart from a value so its finding points at the key."""

    __slots__ = ()


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
    # The cyclic garbage collector would walk the growing data again and again while it is
    # built (a third of the time for a large file); building makes no cycles to collect.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _build(text, file, result)
    except _Stop:
        result.data = None
    except Exception as exc:  # a parser error: report where it happened
        result.data = None
        result.diagnostics.append(_syntax_diagnostic(exc, text, file))
    finally:
        if collecting:
            gc.enable()
    return result


def _syntax_diagnostic(exc: Exception, text: str, file: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    opened = getattr(exc, "context_mark", None)
    lines = text.splitlines()
    unclosed = opened is not None and "end of stream" in str(problem)
    # a quote never closed is found at the end of the file, which is no help; where the quote
    # opened is. So for a '[' or '{' never closed (or a key never given its ':'), reported at
    # the end of the stream, past the last line.
    ran_off = (
        not unclosed
        and mark is not None
        and mark.line >= len(lines)
        and opened is not None
        and opened.line < len(lines)
    )
    if unclosed or ran_off:
        mark = opened
    line = mark.line + 1 if mark is not None else 0
    column = mark.column + 1 if mark is not None else 0
    position = getattr(exc, "position", None)  # a ReaderError: a character YAML refuses
    if mark is None and isinstance(position, int) and 0 <= position <= len(text):
        before = text[:position]
        line = before.count("\n") + 1
        column = position - (before.rfind("\n") + 1) + 1
    source = lines[line - 1] if 0 < line <= len(lines) and not ran_off else ""
    if line > len(lines) and any(lines):
        # still past the end (a '[' or '{' on the last line): the end of the last line with
        # text, not a comment, is where the parser ran out
        filled = [i for i, text_line in enumerate(lines) if text_line.strip()]
        written = [i for i in filled if not lines[i].lstrip().startswith("#")]
        last = (written or filled)[-1]
        line, column = last + 1, len(lines[last].rstrip()) + 1
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
    at = source[column - 1 : column] if column > 0 else ""
    hint = _syntax_hint(str(problem), str(context or ""), unclosed or ran_off, at)
    if hint is None and at in _CANNOT_START and "cannot start any token" in str(problem):
        hint = _quote_hint(source, column)
    return make("PSP010", message, file, line, column, hint=hint)


_NEVER_CLOSED = {
    "quoted scalar": "the quote",
    "flow sequence": "the '['",
    "flow mapping": "the '{'",
}


_CANNOT_START = frozenset("%@`")
"""Characters YAML keeps for itself at the start of a value (`%` starts a directive, `@`
and `` ` `` are reserved): `unit: %` is a syntax error, not the text '%'."""


def _quote_hint(line: str, column: int) -> str:
    """'put it in quotes: unit: "%"', with the line's own key and value where they can be
    told apart (a value runs to the end of the line, or in `{...}` to the next `,` or `}`)."""
    before, after = line[: column - 1], line[column - 1 :]
    key = re.search(r"([A-Za-z_][A-Za-z0-9_]*):\s*$", before)
    inside_flow = before.count("{") + before.count("[") > before.count("}") + before.count("]")
    value = re.split(r"[,}\]]" if inside_flow else r"\s#", after, maxsplit=1)[0].rstrip()
    char = after[:1]
    shown = f'{key.group(1)}: "{value}"' if key else f'"{value}"'
    return f"text that starts with '{char}' must be in quotes: {shown}"


def _syntax_hint(
    problem: str, context: str = "", unclosed: bool = False, at: str = ""
) -> str | None:
    for what, opener in _NEVER_CLOSED.items():
        if unclosed and what in context:
            return f"{opener} that opens here is never closed"
    if at == "," and "expected node content" in problem:
        return "remove the extra comma: inside {...} and [...] one comma separates two items"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Risk: providers withdraw\""
    if "could not find expected ':'" in problem:
        return "each line of a mapping needs 'key: value'; check the indentation"
    if "did not find expected" in problem:
        return "check brackets, quotes and indentation around this line"
    return None


def _events(text: str) -> Any:
    """The parser's events for `text`, one at a time, from the C parser."""
    from ruamel.yaml.main import CParser

    if CParser is None:  # no ruamel.yaml.clib: the same events, from the Python parser
        from ruamel.yaml import YAML

        return YAML(typ="safe").parse(text)
    return iter(CParser(text).get_event, None)


def _build(text: str, file: str, result: ParsedYaml) -> None:
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    positions = result.positions
    diagnostics = result.diagnostics
    anchors: dict[str, tuple[Any, int]] = {}
    open_anchors: set[str] = set()
    stack: list[_Frame] = []
    top: _Frame | None = None  # stack[-1], the container being filled
    top_is_map = False  # whether `top` is a mapping, whose next scalar may be a key
    # (so `top` is not None: mypy cannot tie the two, hence the `type: ignore`s on `top.`)
    expanded = 0
    documents = 0
    root: Any = None
    plain = _PLAIN
    plain_text = _PLAIN_TEXT
    kind_tag = _KIND_TAG
    new_position = Position

    def stop(code: str, message: str, mark: Any, hint: str | None = None) -> None:
        diagnostics.append(make(code, message, file, mark.line + 1, mark.column + 1, hint=hint))
        raise _Stop

    def duplicate(key: str, path: Path, key_mark: Any) -> None:
        previous = positions.get((*path, key))
        where = f" (first at line {previous.line})" if previous else ""
        diagnostics.append(
            make(
                "PSP012",
                f"duplicate key '{key}'{where}; the second one is ignored",
                file,
                key_mark.line + 1,
                key_mark.column + 1,
                hint="remove one of the two, or merge them",
            )
        )

    def record(mark: Any) -> Path:
        """Note where the value starting at `mark` (and its key) stands; its path."""
        if top is None:
            path: Path = ()
        elif top_is_map:
            path = (*top.path, top.key)  # type: ignore[arg-type]
        else:
            path = (*top.path, len(top.container))
        if path not in positions:  # else a duplicate key: keep where the first one stands
            line = mark.line + 1
            column = mark.column + 1
            if top_is_map:
                key_mark = top.key_mark  # type: ignore[union-attr]
                positions[path] = new_position(key_mark.line + 1, key_mark.column + 1, line, column)
            else:
                positions[path] = new_position(line, column, line, column)
        return path

    def attach(value: Any, size: int, mark: Any) -> None:
        """Put a finished value into the container on top of the stack."""
        nonlocal root
        if top is None:
            root = value
            return
        top.size += size
        container = top.container
        if not top_is_map:
            container.append(value)
            return
        key = top.key
        top.key = None
        if key is None:  # this value is a key itself, and not a plain one
            stop("PSP016", "a key must be plain text, not a list or a mapping", mark)
        if key in container:
            duplicate(key, top.path, top.key_mark)  # type: ignore[arg-type]
            return
        container[key] = value

    for event in _events(text):
        cls = event.__class__
        if cls is ScalarEvent:
            value = event.value
            if top_is_map and top.key is None:  # type: ignore[union-attr]
                # a mapping key: keys are their literal text
                top.key = value  # type: ignore[union-attr]
                top.key_mark = event.start_mark  # type: ignore[union-attr]
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                continue
            tag = event.tag
            if tag is None or tag == "!":
                if event.implicit[0]:  # a plain scalar: resolve it as YAML 1.2 does
                    match = plain.get(value[:1])
                    found = None if match is None else match(value)
                    if found is not None and found.lastgroup not in plain_text:
                        try:
                            value = _scalar(value, kind_tag[found.lastgroup])
                        except _BadScalar as bad:
                            stop(bad.code, bad.message, event.start_mark, hint=bad.hint)
            else:
                try:
                    value = _scalar(value, tag, True)
                except _BadScalar as bad:
                    stop(bad.code, bad.message, event.start_mark, hint=bad.hint)
            mark = event.start_mark
            if top is None:
                record(mark)
                root = value
            elif top_is_map:
                key: str = top.key  # type: ignore[assignment]  # set: the branch above takes keys
                key_mark = top.key_mark
                path = top.path + (key,)  # noqa: RUF005 (faster than unpacking)
                if path not in positions:  # else a duplicate key: keep the first one's
                    positions[path] = new_position(
                        key_mark.line + 1, key_mark.column + 1, mark.line + 1, mark.column + 1
                    )
                top.size += 1
                top.key = None
                container = top.container
                if key in container:
                    duplicate(key, top.path, key_mark)
                else:
                    container[key] = value
            else:
                container = top.container
                path = top.path + (len(container),)  # noqa: RUF005
                if path not in positions:
                    line = mark.line + 1
                    column = mark.column + 1
                    positions[path] = new_position(line, column, line, column)
                top.size += 1
                container.append(value)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
            expanded += 1
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            frame = stack.pop()
            container = frame.container
            if top_is_map and "<<" in container:
                _merge(container)
            if frame.anchor:
                open_anchors.discard(frame.anchor)
                anchors[frame.anchor] = (container, frame.size)
            if stack:
                top = stack[-1]
                top_is_map = isinstance(top.container, dict)
            else:
                top = None
                top_is_map = False
            attach(container, frame.size, frame.start)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            mark = event.start_mark
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
            if top_is_map and top.key is None:  # type: ignore[union-attr]
                stop("PSP016", "a key must be plain text, not a list or a mapping", mark)
            path = record(mark)
            is_map = cls is MappingStartEvent
            anchor = event.anchor
            if anchor:
                open_anchors.add(anchor)
            top = _Frame({} if is_map else [], path, anchor, mark)
            top_is_map = is_map
            stack.append(top)
            expanded += 1
        elif cls is AliasEvent:
            mark = event.start_mark
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
            if top_is_map and top.key is None:  # type: ignore[union-attr]
                if not isinstance(value, str):
                    stop("PSP016", "a key must be plain text, not a list or a mapping", mark)
                top.key = value  # type: ignore[union-attr]
                top.key_mark = mark  # type: ignore[union-attr]
                continue
            record(mark)
            attach(value, size, mark)
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                stop(
                    "PSP017",
                    "the file holds more than one YAML document ('---' starts a second one)",
                    event.start_mark,
                    hint="keep one document per file; remove the '---' line",
                )
    result.data = root


def _merge(mapping: dict[str, Any]) -> None:
    """Apply a YAML merge key (`<<: *defaults`): keys already present win."""
    merged = mapping.pop("<<")
    sources = merged if isinstance(merged, list) else [merged]
    for source in sources:
        if isinstance(source, dict):
            for key, value in source.items():
                mapping.setdefault(key, value)
