"""Round-trip editing of one YAML file: change the values asked for and keep every other byte.

Partners review changes as git diffs, so an edit must touch only the lines it has to. Dumping
a whole file again, even with ruamel.yaml's round-trip mode, rewrites lines nobody changed:
it respaces flow mappings (`{ a: 1 }` becomes `{a: 1}`), drops the alignment of values,
joins multi-line flow lists and re-indents the file to one style. So an edit here is
*spliced* into the original text instead:

1. ruamel.yaml's event parser gives the start and end of every key, value and list item, so
   each value's span in the text is known exactly (the C parser gives the same marks as the
   pure-Python round-trip parser, about forty times faster);
2. only the new text is rendered, with ruamel.yaml's round-trip emitter (`YAML(typ="rt")`),
   indented like the rest of the file; a replaced value keeps its quoting and block style;
3. the new text is parsed again and must give exactly the data intended, nothing more, else
   the edit is refused with `EditError` and the document is left as it was.

Everything outside the spliced spans is the original text, byte for byte: comments, blank
lines, key order, quoting, flow style, line endings and a byte-order mark.

ruamel.yaml is imported inside the functions that need it, so importing this module is free.
"""

from __future__ import annotations

import copy
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath
from typing import Any

from ..errors import EditError
from .yamlfile import parse_yaml

Key = str | int
DataPath = tuple[Key, ...]
BOM = b"\xef\xbb\xbf"
_NULLS = ("", "~", "null", "Null", "NULL")
_SAFE = re.compile(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*")
"""Text that can be written unescaped; anything else (control characters, NEL, which YAML
1.1 parsers read as a line break, a byte-order mark) goes in double quotes, escaped."""
_FLOW_RISKY = re.compile(r"""[?:#,\[\]{}&*!|>'"%@`]|^\s|\s$""")
"""Text that is quoted in a flow mapping or list whatever the emitter thinks: it writes
`{owner: 0?}` plain, which the parser then refuses."""
_BLOCK_SAFE = re.compile(r"[^\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*")


@dataclass(frozen=True)
class Layout:
    """How a file indents, in the terms of ruamel.yaml's `YAML.indent`.

    `mapping`: from a key to the keys nested under it; `sequence`: from a key to the content
    of the list items under it; `offset`: from a key to the dashes of those items.
    """

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


@dataclass(eq=False)
class _Node:
    """A value in the text: its kind, where it starts and where its content ends."""

    kind: str  # "scalar", "alias", "map" or "seq"
    start: int
    end: int
    flow: bool = False
    style: str | None = None
    value: str | None = None
    in_flow: bool = False
    keys: list[_Node] = field(default_factory=list)
    values: list[_Node] = field(default_factory=list)
    items: list[_Node] = field(default_factory=list)

    @property
    def children(self) -> list[_Node]:
        return self.items if self.kind == "seq" else self.values


def dotted(path: DataPath) -> str:
    """`('risks', 2, 'likelihood')` as `risks[3].likelihood`, as diagnostics write paths."""
    from .schema import path_text

    return path_text(path) or "(the top of the file)"


def plain(value: Any) -> Any:
    """A value as the loader reads it back: dates as ISO text, containers copied."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def same(a: Any, b: Any) -> bool:
    """Equal as data: `true` is not `1`, and key order does not matter."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return (
            isinstance(b, list)
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    return type(a) is type(b) and a == b


class YamlDocument:
    """One YAML file held as text, edited in place by `set`, `delete` and `append`.

    `data` is always what the loader reads from `text`. `original` is the file's bytes as
    read (None for a file that did not exist), so a writer can refuse to replace a file that
    changed on disk in the meantime.
    """

    def __init__(
        self,
        name: str,
        text: str,
        *,
        path: FsPath | None = None,
        original: bytes | None = None,
        bom: bool = False,
    ) -> None:
        self.name = name
        self.path = path
        self.original = original
        self.bom = bom
        self.initial_text = text
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.data: Any = self._parse(text)
        self._tree: _Node | None = None
        self._indexed = False
        self._layout: Layout | None = None

    @classmethod
    def read(cls, path: FsPath, name: str | None = None) -> YamlDocument:
        """Read a file safely (see `read_text`), remembering its bytes and byte-order mark."""
        from .project import read_text

        name = name or path.name
        text, found = read_text(path, name)
        if text is None:
            raise EditError(found[0].message if found else f"{name} cannot be read")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise EditError(f"{name} cannot be read: {exc.strerror or exc}") from None
        if raw.removeprefix(BOM).decode("utf-8", errors="replace") != text:
            from ..errors import FileChanged

            raise FileChanged(f"{name} changed while psp was reading it; run the command again")
        return cls(name, text, path=path, original=raw, bom=raw.startswith(BOM))

    @property
    def changed(self) -> bool:
        return self.text != self.initial_text

    def encoded(self) -> bytes:
        """The text as the file's bytes: UTF-8, with the byte-order mark it was read with."""
        return (BOM if self.bom else b"") + self.text.encode("utf-8")

    # --- reading ----------------------------------------------------------------------

    def get(self, path: DataPath, default: Any = None) -> Any:
        """The value at `path` as the loader reads it, or `default` when there is none."""
        value = self.data
        for key in path:
            if not _has_child(value, key):
                return default
            value = value[key]
        return value

    def has(self, path: DataPath) -> bool:
        marker = object()
        return self.get(path, marker) is not marker

    @property
    def layout(self) -> Layout:
        """The file's indentation, detected from its block mappings and lists."""
        if self._layout is None:
            self._layout = _detect_layout(self.text, self._root())
        return self._layout

    # --- editing ----------------------------------------------------------------------

    def set(
        self,
        path: DataPath,
        value: Any,
        *,
        order: Sequence[str] = (),
        flow: bool | None = None,
        item_flow: bool = True,
    ) -> None:
        """Set the value at `path`, adding the key if it is not there.

        A new key goes after the existing key that comes last before it in `order` (the
        model's field order), else at the end of the mapping. A new mapping is written in
        flow style (`{likelihood: 2, impact: 3}`) and a new list in block style unless
        `flow` says otherwise; `item_flow` is the style of a new list's mapping items.
        """
        if not path:
            raise EditError(f"{self.name}: cannot replace the whole file")
        expected = copy.deepcopy(self.data) if self.data is not None else {}
        _assign(expected, path, plain(value), self.name)
        parent_path, key = path[:-1], path[-1]
        root = self._root()
        if root is None and not parent_path:
            splices = self._new_root_entry(str(key), value, flow, item_flow)
        else:
            parent = self._node(parent_path)
            index = self._child_index(parent, key)
            if parent.kind == "map" and index is None:
                splices = self._insert_entry(parent, str(key), value, order, flow, item_flow)
            elif index is None:
                raise EditError(f"{self.name}: there is no {dotted(path)} to change")
            else:
                owner = parent.keys[index] if parent.kind == "map" else None
                node = parent.children[index]
                splices = self._replace(node, value, owner, flow, item_flow, path)
        self._apply(splices, expected, path)

    def delete(self, path: DataPath) -> None:
        """Remove the key at `path` with its value (and the comment on its line)."""
        if not path or not isinstance(path[-1], str):
            raise EditError(f"{self.name}: only a key of a mapping can be removed")
        if not self.has(path):
            return
        expected = copy.deepcopy(self.data)
        parent_data = _walk(expected, path[:-1])
        del parent_data[path[-1]]
        parent = self._node(path[:-1])
        index = self._child_index(parent, path[-1])
        if parent.kind != "map" or index is None:
            raise EditError(f"{self.name}: {dotted(path)} comes from an alias or a merge key")
        key, value = parent.keys[index], parent.values[index]
        text = self.text
        if parent.flow:
            if len(parent.keys) == 1:
                span = (key.start, value.end)
            elif index + 1 < len(parent.keys):
                span = (key.start, parent.keys[index + 1].start)
            else:
                span = (_content_end(text, parent.values[index - 1]), value.end)
        else:
            if len(parent.keys) == 1:
                raise EditError(
                    f"{self.name}: {dotted(path)} is the only key of its mapping; "
                    "psp does not leave an empty mapping behind"
                )
            start = _line_start(text, key.start)
            if text[start : key.start].strip():
                raise EditError(
                    f"{self.name}: {dotted(path)} starts its list item's line, so it cannot be "
                    "removed on its own"
                )
            span = (start, _line_after(text, _content_end(text, value)))
        self._apply([(span[0], span[1], "")], expected, path)

    def append(
        self,
        path: DataPath,
        item: Any,
        *,
        flow: bool = True,
        order: Sequence[str] = (),
    ) -> None:
        """Add `item` at the end of the list at `path`, creating the list if there is none.

        A mapping item copies the style of the list's other items; in a list with none yet, of
        the items of other lists under the same key in the file; else `flow` decides.
        """
        current = self.get(path)
        if current is None or current == []:
            style = self._item_style(str(path[-1]) if path else "")
            self.set(
                path, [item], order=order, flow=False, item_flow=flow if style is None else style
            )
            return
        if not isinstance(current, list):
            raise EditError(f"{self.name}: {dotted(path)} is not a list")
        expected = copy.deepcopy(self.data)
        _walk(expected, path).append(plain(item))
        node = self._node(path)
        if node.kind != "seq" or not node.items:
            raise EditError(f"{self.name}: {dotted(path)} comes from an alias or a merge key")
        text = self.text
        last = node.items[-1]
        sibling = text[last.start : last.end]
        if node.flow:
            rendered = _pad_like(sibling, self._flow_text(item))
            after = _content_end(text, last)
            between = text[after : node.end - 1]
            if between.lstrip().startswith(","):
                comma = after + between.index(",")
                if not text[_line_start(text, last.start) : last.start].strip():
                    indent = " " * _column(text, last.start)
                    splices = [(comma + 1, comma + 1, f"\n{indent}{rendered},")]
                else:
                    splices = [(comma + 1, comma + 1, f" {rendered},")]
            else:
                splices = [(after, after, f", {rendered}")]
        else:
            dash = text.rfind("-", 0, last.start)
            dash_col = _column(text, dash)
            same_line = _line_start(text, dash) == _line_start(text, last.start)
            content_col = _column(text, last.start) if same_line else dash_col + 2
            item_flow = last.flow if last.kind == "map" else flow
            lines = self._item_lines(item, dash_col, content_col, item_flow, sibling)
            gap = 0
            if len(node.items) > 1:
                previous = _line_after(text, _content_end(text, node.items[-2]))
                between_lines = text[previous : _line_start(text, dash)].split("\n")
                gap = min(2, sum(1 for line in between_lines[:-1] if not line.strip()))
            position = _line_after(text, _content_end(text, last))
            prefix = "\n" if position == len(text) and not text.endswith("\n") else ""
            body = "".join(f"{line}\n" for line in lines)
            splices = [(position, position, prefix + "\n" * gap + body)]
        self._apply(splices, expected, path)

    # --- the index of spans -----------------------------------------------------------

    def _parse(self, text: str) -> Any:
        parsed = parse_yaml(text, self.name)
        if not parsed.ok:
            first = next(d for d in parsed.diagnostics if d.severity == "error")
            where = f"{self.name}:{first.line}:{first.column}" if first.line else self.name
            raise EditError(f"{where}: {first.message}; fix this before editing the file")
        return parsed.data

    def _root(self) -> _Node | None:
        if not self._indexed:
            self._tree = _index(self.text)
            self._indexed = True
        return self._tree

    def _node(self, path: DataPath) -> _Node:
        node = self._root()
        if node is None:
            raise EditError(f"{self.name}: there is no {dotted(path)}")
        for depth, key in enumerate(path):
            index = self._child_index(node, key)
            if index is None:
                raise EditError(
                    f"{self.name}: {dotted(path[: depth + 1])} is not written out in the file "
                    "(it comes from an alias or a merge key), so psp cannot edit it"
                )
            node = node.children[index]
        if node.kind == "alias":
            raise EditError(f"{self.name}: {dotted(path)} is a YAML alias; psp cannot edit it")
        return node

    @staticmethod
    def _child_index(node: _Node, key: Key) -> int | None:
        if node.kind == "map" and isinstance(key, str):
            for i, k in enumerate(node.keys):
                if k.kind == "scalar" and k.value == key:
                    return i
        if node.kind == "seq" and isinstance(key, int) and 0 <= key < len(node.items):
            return key
        return None

    def _item_style(self, key: str) -> bool | None:
        """Whether mapping items of lists under `key` elsewhere in the file are flow style."""
        root = self._root()
        for node in _walk_nodes(root):
            if node.kind != "map":
                continue
            for k, v in zip(node.keys, node.values, strict=False):
                if k.value == key and v.kind == "seq":
                    for item in v.items:
                        if item.kind == "map":
                            return item.flow
        return None

    # --- splices ----------------------------------------------------------------------

    def _apply(self, splices: list[tuple[int, int, str]], expected: Any, path: DataPath) -> None:
        text = self.text
        for start, end, fragment in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
            if self.newline != "\n":
                fragment = fragment.replace("\n", self.newline)
            text = text[:start] + fragment + text[end:]
        parsed = parse_yaml(text, self.name)
        if not parsed.ok or not same(parsed.data, expected):
            raise EditError(
                f"{self.name}: psp could not change {dotted(path)} without changing other "
                "values as well, so it changed nothing; edit this value by hand"
            )
        self.text = text
        self.data = parsed.data
        self._indexed = False
        self._tree = None

    def _new_root_entry(
        self, key: str, value: Any, flow: bool | None, item_flow: bool
    ) -> list[tuple[int, int, str]]:
        text = self.text
        position = len(text)
        prefix = "\n" if text and not text.endswith("\n") else ""
        return [(position, position, prefix + self._entry_text(key, value, 0, flow, item_flow))]

    def _entry_text(
        self, key: str, value: Any, column: int, flow: bool | None, item_flow: bool
    ) -> str:
        indent = " " * column
        if _is_block(value, flow):
            lines = self._block_value_lines(value, column, item_flow)
            return f"{indent}{key}:\n" + "".join(f"{line}\n" for line in lines)
        return f"{indent}{key}: {self._inline_text(value, None, False, column)}\n"

    def _insert_entry(
        self,
        mapping: _Node,
        key: str,
        value: Any,
        order: Sequence[str],
        flow: bool | None,
        item_flow: bool,
    ) -> list[tuple[int, int, str]]:
        text = self.text
        after = _after_index([k.value or "" for k in mapping.keys], key, order)
        if mapping.flow:
            entry = f"{key}: {self._flow_text(value)}"
            if not mapping.keys:
                return [(mapping.start + 1, mapping.start + 1, entry)]
            position = _content_end(text, mapping.values[after])
            return [(position, position, f", {entry}")]
        column = _column(text, mapping.keys[0].start)
        position = _line_after(text, _content_end(text, mapping.values[after]))
        prefix = "\n" if position == len(text) and not text.endswith("\n") else ""
        return [
            (position, position, prefix + self._entry_text(key, value, column, flow, item_flow))
        ]

    def _replace(
        self,
        node: _Node,
        value: Any,
        owner: _Node | None,
        flow: bool | None,
        item_flow: bool,
        path: DataPath,
    ) -> list[tuple[int, int, str]]:
        text = self.text
        if node.kind == "alias":
            raise EditError(f"{self.name}: {dotted(path)} is a YAML alias; psp cannot edit it")
        collection = isinstance(value, dict | list)
        if node.kind in ("map", "seq") and not node.flow:
            raise EditError(
                f"{self.name}: psp does not replace the whole of {dotted(path)}; "
                "change its entries one by one"
            )
        if not collection or node.in_flow or not _is_block(value, flow):
            column = _column(text, owner.start) if owner is not None else 0
            content = self._inline_text(value, node, node.in_flow, column)
            start, end = node.start, _content_end(text, node)
            if start == end and owner is not None:
                content = " " + content
            if end > 0 and text[end - 1] == "\n" and not content.endswith("\n"):
                content += "\n"
            elif content.endswith("\n") and end < len(text) and text[end] != "\n":
                end = _line_after(text, end)
            elif "\n" not in content and "\n" not in text[start:end]:
                end, content = _keep_comment_column(text, start, end, content)
            return [(start, end, content)]
        empty = (node.kind == "scalar" and not node.style and node.value in _NULLS) or (
            node.kind in ("map", "seq") and not node.children
        )
        if owner is None or not empty:
            raise EditError(
                f"{self.name}: psp cannot turn {dotted(path)} into a block list or mapping"
            )
        column = _column(text, owner.start)
        colon = text.find(":", owner.end)
        lines = self._block_value_lines(value, column, item_flow)
        position = _line_after(text, node.end)
        prefix = "\n" if position == len(text) and not text.endswith("\n") else ""
        return [
            (colon + 1, node.end, ""),
            (position, position, prefix + "".join(f"{line}\n" for line in lines)),
        ]

    # --- rendering new text -----------------------------------------------------------

    def _block_value_lines(self, value: Any, column: int, item_flow: bool) -> list[str]:
        """A block mapping or list as the value of a key at `column`, one line each."""
        layout = self.layout
        if isinstance(value, dict):
            indent = " " * (column + layout.mapping)
            return [indent + line if line else line for line in self._block_lines(value)]
        lines: list[str] = []
        for item in value:
            lines.extend(
                self._item_lines(item, column + layout.offset, column + layout.sequence, item_flow)
            )
        return lines

    def _item_lines(
        self, item: Any, dash_col: int, content_col: int, flow: bool, sibling: str = ""
    ) -> list[str]:
        """A list item: `- ` at `dash_col`, its content at `content_col`, a flow mapping
        spaced like `sibling`."""
        head = " " * dash_col + "-" + " " * max(1, content_col - dash_col - 1)
        if isinstance(item, dict) and not flow:
            body = self._block_lines(item)
        elif isinstance(item, dict | list):
            body = [_pad_like(sibling, self._flow_text(item))]
        else:
            body = [self._inline_text(item, None, False, content_col)]
        indent = " " * content_col
        return [head + body[0], *(indent + line if line else line for line in body[1:])]

    def _block_lines(self, value: dict[str, Any]) -> list[str]:
        """A mapping in block style at column 0; nested mappings and short lists in flow."""
        return _dump(_styled(value, flow=False), self.layout).splitlines()

    def _flow_text(self, value: Any) -> str:
        if isinstance(value, dict | list):
            return _dump(_styled(value, flow=True), self.layout).strip()
        return self._inline_text(value, None, True, 0)

    def _inline_text(self, value: Any, old: _Node | None, in_flow: bool, column: int) -> str:
        """A scalar as it would be written in place of `old`, keeping its quoting."""
        if isinstance(value, dict | list):
            return self._flow_text(value)
        if value is None:
            return "null"
        styled = _scalar_style(value, old.style if old is not None else None, in_flow)
        if in_flow:
            from ruamel.yaml.comments import CommentedSeq

            seq = CommentedSeq([styled])
            seq.fa.set_flow_style()
            return _dump(seq, self.layout).strip()[1:-1]
        from ruamel.yaml.comments import CommentedMap

        rendered = _dump(CommentedMap([("k", styled)]), self.layout)
        lines = rendered.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if lines and lines[-1] == "...":
            lines.pop()
        first = lines[0][len("k:") :].lstrip(" ")
        if len(lines) == 1:
            return first
        # a block scalar: re-indent its lines to the file's indentation
        body = lines[1:]
        current = min((len(x) - len(x.lstrip(" ")) for x in body if x.strip()), default=0)
        target = _block_indent(self.text, old) if old is not None else None
        if target is None:
            target = column + self.layout.mapping
        shifted = [(" " * target + x[current:]) if x.strip() else "" for x in body]
        text = first + "\n" + "\n".join(shifted)
        keep = "+" in first.split("#")[0]
        return text + "\n" if keep else text


def _styled(value: Any, *, flow: bool) -> Any:
    """ruamel.yaml objects for new text: `flow` everywhere, or a block mapping whose nested
    mappings and lists of plain values are flow style and whose lists of mappings are
    block lists of flow mappings (the project's style: `- {action: …, owner: …}`)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            if isinstance(item, list) and not flow and any(isinstance(x, dict) for x in item):
                seq = CommentedSeq(_styled(x, flow=True) for x in item)
                mapping[str(key)] = seq
            else:
                mapping[str(key)] = _styled(item, flow=True) if flow else _nested(item)
        if flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list | tuple):
        seq = CommentedSeq(_styled(x, flow=True) for x in value)
        seq.fa.set_flow_style()
        return seq
    return _scalar_style(value, None, flow)


def _nested(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return _styled(value, flow=True)
    return _scalar_style(value, None, False)


def _scalar_style(value: Any, style: str | None, in_flow: bool) -> Any:
    """Keep the old value's quoting where the new value allows it; multi-line text goes in
    double quotes on one line unless the old value was a block scalar."""
    if not isinstance(value, str):
        return value
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    multiline = "\n" in value or "\r" in value
    if style in ("|", ">") and not in_flow and _BLOCK_SAFE.fullmatch(value):
        return LiteralScalarString(value) if style == "|" else FoldedScalarString(value)
    if multiline or style == '"' or not _SAFE.fullmatch(value):
        return DoubleQuotedScalarString(value)
    if style == "'" or (in_flow and _FLOW_RISKY.search(value)):
        return SingleQuotedScalarString(value)
    return value


def _dump(value: Any, layout: Layout) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line: a folded line is a changed line
    yaml.indent(
        mapping=layout.mapping,
        sequence=max(layout.sequence, layout.offset + 2),
        offset=layout.offset,
    )
    buffer = io.StringIO()
    yaml.dump(value, buffer)
    return buffer.getvalue()


def _is_block(value: Any, flow: bool | None) -> bool:
    if not isinstance(value, dict | list):
        return False
    if flow is not None:
        return not flow
    return isinstance(value, list)


def _keep_comment_column(text: str, start: int, end: int, content: str) -> tuple[int, str]:
    """Keep a comment after the value in its column (`type: risk      # …` stays aligned
    when `risk` becomes `issue`), with at least one space before it."""
    match = re.match(r"( +)#", text[end:])
    if match is None:
        return end, content
    gap = len(match.group(1))
    comment_column = _column(text, end) + gap
    new_end_column = _column(text, start) + len(content)
    return end + gap, content + " " * max(1, comment_column - new_end_column)


def _pad_like(sibling: str, rendered: str) -> str:
    """Write `{ a: 1 }` rather than `{a: 1}` where the neighbouring items do."""
    if (
        len(sibling) > 1
        and sibling[0] in "{["
        and sibling[1] == " "
        and rendered[:1] in "{["
        and rendered[1:2] != " "
    ):
        return f"{rendered[0]} {rendered[1:-1]} {rendered[-1]}"
    return rendered


def _after_index(keys: list[str], key: str, order: Sequence[str]) -> int:
    """Which existing entry a new key goes after: the last one before it in `order`."""
    if key in order:
        rank = order.index(key)
        before = [
            (order.index(k), i) for i, k in enumerate(keys) if k in order and order.index(k) < rank
        ]
        if before:
            return max(before)[1]
    return len(keys) - 1


def _assign(data: Any, path: DataPath, value: Any, name: str) -> None:
    parent = _walk(data, path[:-1])
    key = path[-1]
    settable = isinstance(parent, dict) and isinstance(key, str)
    if settable or _has_child(parent, key):
        parent[key] = value
    else:
        raise EditError(f"{name}: there is no {dotted(path)} to change")


def _has_child(data: Any, key: Key) -> bool:
    if isinstance(data, dict):
        return isinstance(key, str) and key in data
    return isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data)


def _walk(data: Any, path: DataPath) -> Any:
    for key in path:
        data = data[key]
    return data


def _walk_nodes(node: _Node | None) -> Iterator[_Node]:
    if node is None:
        return
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _line_after(text: str, position: int) -> int:
    """Where the line after the one holding `position` starts (after any comment on it)."""
    if position > 0 and text[position - 1] == "\n":
        return position
    end = text.find("\n", position)
    return len(text) if end < 0 else end + 1


def _column(text: str, position: int) -> int:
    return position - _line_start(text, position)


def _content_end(text: str, node: _Node) -> int:
    """Where a value's own text ends: a block scalar's trailing blank lines are not its
    content unless it keeps them (`|+`)."""
    if node.kind == "scalar" and node.style in ("|", ">"):
        header_end = text.find("\n", node.start)
        header = text[node.start : header_end if header_end >= 0 else len(text)]
        if "+" in header.split("#")[0]:
            return node.end
        end = node.end
        while end > node.start and text[end - 1] in " \t\r\n":
            end -= 1
        return end
    return node.end


def _block_indent(text: str, node: _Node) -> int | None:
    """The indentation of a block scalar's content, as written."""
    if node.style not in ("|", ">"):
        return None
    for line in text[_line_after(text, node.start) : node.end].splitlines():
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return None


def _index(text: str) -> _Node | None:
    """Every value's span, from ruamel.yaml's event stream."""
    from ruamel.yaml import YAML

    stack: list[_Node] = []
    root: _Node | None = None
    for event in YAML(typ="safe").parse(text):
        kind = type(event).__name__
        in_flow = bool(stack) and (stack[-1].flow or stack[-1].in_flow)
        if kind in ("ScalarEvent", "AliasEvent"):
            node = _Node(
                "scalar" if kind == "ScalarEvent" else "alias",
                event.start_mark.index,
                event.end_mark.index,
                style=getattr(event, "style", None) or None,
                value=getattr(event, "value", None),
                in_flow=in_flow,
            )
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            start = event.start_mark.index
            stack.append(
                _Node(
                    "map" if kind == "MappingStartEvent" else "seq",
                    start,
                    start,
                    flow=bool(event.flow_style),
                    in_flow=in_flow,
                )
            )
            continue
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            node = stack.pop()
            if node.flow:
                node.end = event.end_mark.index
            elif node.children:
                node.end = _content_end(text, node.children[-1])
        else:
            continue
        if not stack:
            root = node
            continue
        parent = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
        elif len(parent.keys) == len(parent.values):
            parent.keys.append(node)
        else:
            if node.kind == "scalar" and node.start == node.end and not node.style:
                # an empty value: it stands right after its key's colon
                node.start = node.end = text.find(":", parent.keys[-1].end) + 1
            parent.values.append(node)
    return root


def _detect_layout(text: str, root: _Node | None) -> Layout:
    mappings: Counter[int] = Counter()
    sequences: Counter[tuple[int, int]] = Counter()
    for node in _walk_nodes(root):
        if node.kind != "map" or node.flow:
            continue
        for key, value in zip(node.keys, node.values, strict=False):
            key_col = _column(text, key.start)
            if value.kind == "map" and not value.flow and value.keys:
                mappings[_column(text, value.keys[0].start) - key_col] += 1
            if value.kind == "seq" and not value.flow and value.items:
                first = value.items[0]
                dash = text.rfind("-", 0, first.start)
                if dash >= 0 and _line_start(text, dash) == _line_start(text, first.start):
                    dash_col = _column(text, dash)
                    sequences[(_column(text, first.start) - key_col, dash_col - key_col)] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else 2
    sequence, offset = sequences.most_common(1)[0][0] if sequences else (4, 2)
    if mapping < 1 or offset < 0 or sequence < offset + 2:
        return Layout()
    return Layout(mapping, sequence, offset)
