"""The round-trip writer: each edit changes only its own lines, and reads back as intended."""

from __future__ import annotations

import os
import stat
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psptool.errors import EditError, FileChanged
from psptool.load.roundtrip import Layout, YamlDocument
from psptool.load.write import replace_atomic
from psptool.load.yamlfile import parse_yaml

ORDER = ("id", "type", "title", "owner", "likelihood", "impact", "status", "closed", "actions")

ODD = """\
# header comment
risks:   # the list

  - id: 'R1'
    type: risk          # aligned
    title: "Risk: quoted"
    likelihood: 3
    target: { likelihood: 2, impact: 3 }
    note: |+
      kept


    actions:
      - {action: 'a', owner: p}
      - action: b
        owner: p


  - id: R2
    type: issue
    title: plain
    likelihood: 2
    actions: [
      {action: x},
    ]
# trailing comment
"""


def doc(text: str = ODD) -> YamlDocument:
    return YamlDocument("risks.yaml", text)


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    """Pairs of (old, new) lines that differ, for edits that keep the line count."""
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_replacing_values_keeps_quoting_and_comment_columns() -> None:
    d = doc()
    d.set(("risks", 0, "id"), "R9")
    d.set(("risks", 0, "title"), "New: title")
    d.set(("risks", 0, "type"), "assumption")
    d.set(("risks", 0, "target", "impact"), 1)
    assert changed_lines(ODD, d.text) == [
        ("  - id: 'R1'", "  - id: 'R9'"),
        ("    type: risk          # aligned", "    type: assumption    # aligned"),
        ('    title: "Risk: quoted"', '    title: "New: title"'),
        ("    target: { likelihood: 2, impact: 3 }", "    target: { likelihood: 2, impact: 1 }"),
    ]
    assert d.get(("risks", 0, "title")) == "New: title"


def test_a_value_that_needs_quotes_gets_them() -> None:
    d = doc()
    d.set(("risks", 1, "title"), "yes: 3 # not a comment")
    d.set(("risks", 1, "likelihood"), "4")
    assert changed_lines(ODD, d.text) == [
        ("    title: plain", "    title: 'yes: 3 # not a comment'"),
        ("    likelihood: 2", "    likelihood: '4'"),
    ]


def test_a_new_key_goes_after_the_key_before_it_in_the_order() -> None:
    d = doc()
    d.set(("risks", 1, "status"), "closed", order=ORDER)
    d.set(("risks", 1, "owner"), "p", order=ORDER)
    assert d.text == ODD.replace(
        "    title: plain\n    likelihood: 2\n",
        "    title: plain\n    owner: p\n    likelihood: 2\n    status: closed\n",
    )


def test_a_key_after_a_kept_block_scalar_leaves_its_blank_lines_in_it() -> None:
    d = doc()
    d.set(("risks", 0, "extra"), 1, order=("note", "extra", "actions"))
    assert d.get(("risks", 0, "note")) == "kept\n\n\n"
    assert "      kept\n\n\n    extra: 1\n    actions:\n" in d.text


def test_appending_copies_the_style_of_the_items_before() -> None:
    d = doc()
    d.append(("risks", 0, "actions"), {"action": "c", "owner": "q"})
    d.append(("risks", 1, "actions"), {"action": "y: z"})
    assert "        owner: p\n      - action: c\n        owner: q\n" in d.text
    assert "      {action: x},\n      {action: 'y: z'},\n    ]\n" in d.text


def test_appending_a_record_keeps_the_blank_lines_between_records() -> None:
    d = doc()
    d.append(("risks",), {"id": "R3", "type": "risk", "target": {"likelihood": 1, "impact": 2}})
    assert d.text.endswith(
        "      {action: x},\n    ]\n\n\n  - id: R3\n    type: risk\n"
        "    target: {likelihood: 1, impact: 2}\n# trailing comment\n"
    )


def test_flow_mappings_keep_their_inner_spaces() -> None:
    d = YamlDocument("m.yaml", "tasks:\n  - { title: a }\n")
    d.append(("tasks",), {"title": "b"})
    assert d.text == "tasks:\n  - { title: a }\n  - { title: b }\n"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("approvals: []  # sign-offs", "approvals:  # sign-offs"),
        ("approvals: ~  # sign-offs", "approvals:  # sign-offs"),
        ("approvals:   # sign-offs", "approvals:   # sign-offs"),
    ],
)
def test_an_empty_or_null_list_becomes_a_block_list(line: str, kept: str) -> None:
    d = YamlDocument("psp.yaml", f"name: x\n{line}\nend: 1\n")
    d.append(("approvals",), {"document": "mou", "partner": "p"})
    assert d.text == f"name: x\n{kept}\n  - {{document: mou, partner: p}}\nend: 1\n"


def test_a_missing_list_is_added_in_the_order() -> None:
    d = YamlDocument("psp.yaml", "name: x\nmou: {exit: y}\nrisk_matrix: {amber: 5}\n")
    d.append(("approvals",), {"document": "mou"}, order=("name", "mou", "approvals", "risk_matrix"))
    assert d.text == (
        "name: x\nmou: {exit: y}\napprovals:\n  - {document: mou}\nrisk_matrix: {amber: 5}\n"
    )


def test_an_empty_file_gets_its_first_key() -> None:
    d = YamlDocument("risks.yaml", "# nothing yet")
    d.append(("risks",), {"id": "R1", "title": "a"})
    assert d.text == "# nothing yet\nrisks:\n  - {id: R1, title: a}\n"


def test_deleting_keys_in_block_and_flow_mappings() -> None:
    d = doc()
    d.delete(("risks", 0, "title"))
    d.delete(("risks", 0, "target", "impact"))
    d.delete(("risks", 0, "actions", 0, "owner"))
    d.delete(("risks", 0, "missing"))
    assert "title" not in d.get(("risks", 0))
    assert "    target: { likelihood: 2 }\n" in d.text
    assert "      - {action: 'a'}\n" in d.text
    assert d.text.count("\n") == ODD.count("\n") - 1


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (("risks", 0, "id"), "starts its list item's line"),
        (("only", "a"), "only key of its mapping"),
    ],
)
def test_deletes_that_would_break_the_layout_are_refused(path: tuple, message: str) -> None:
    d = YamlDocument("x.yaml", ODD + "only:\n  a: 1\n")
    before = d.text
    with pytest.raises(EditError, match=message):
        d.delete(path)
    assert d.text == before


def test_aliases_and_whole_block_replacements_are_refused() -> None:
    d = YamlDocument("x.yaml", "a: &x 1\nb: *x\nc:\n  - 1\n")
    with pytest.raises(EditError, match="is a YAML alias"):
        d.set(("b",), 2)
    with pytest.raises(EditError, match="without changing other values"):
        d.set(("a",), 2)  # b would change with it
    with pytest.raises(EditError, match="does not replace the whole of c"):
        d.set(("c",), [2])
    assert d.text == "a: &x 1\nb: *x\nc:\n  - 1\n"


def test_a_file_with_errors_cannot_be_edited() -> None:
    with pytest.raises(
        EditError, match=r"^r.yaml:1:4: YAML syntax error: did not find expected ',' or ']'"
    ):
        YamlDocument("r.yaml", "a: [1\n")


def test_windows_line_ends_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "risks.yaml"
    path.write_bytes(b"\xef\xbb\xbfrisks:\r\n  - {id: R1}\r\n")
    d = YamlDocument.read(path)
    d.append(("risks",), {"id": "R2"})
    d.set(("name",), "x")
    assert d.encoded() == b"\xef\xbb\xbfrisks:\r\n  - {id: R1}\r\n  - {id: R2}\r\nname: x\r\n"


def test_multi_line_text_keeps_a_block_scalar_block_and_plain_text_on_one_line() -> None:
    d = YamlDocument("x.yaml", "a: >-\n    folded\n    text\nb: plain\nc: 1\n")
    d.set(("a",), "one\ntwo")
    d.set(("b",), "three\nfour")
    assert d.text == 'a: >-\n    one\n\n    two\nb: "three\\nfour"\nc: 1\n'


def test_layout_is_detected_from_the_file() -> None:
    assert doc().layout == Layout(mapping=2, sequence=4, offset=2)
    odd = YamlDocument("x.yaml", "l:\n- a\nm:\n    k: 1\n")
    assert odd.layout == Layout(mapping=4, sequence=2, offset=0)
    odd.set(("n",), {"p": [1, 2]}, flow=False)
    odd.append(("l",), "b")
    assert odd.text == "l:\n- a\n- b\nm:\n    k: 1\nn:\n    p: [1, 2]\n"


def test_replace_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "risks.yaml"
    path.write_text("risks: []\n")
    original = path.read_bytes()
    path.write_text("risks: [] # saved in an editor meanwhile\n")
    with pytest.raises(FileChanged, match="changed on disk since psp read it"):
        replace_atomic(path, "risks: [1]\n", original)
    assert path.read_text() == "risks: [] # saved in an editor meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["risks.yaml"]


def test_replace_keeps_permissions_and_follows_links(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("a: 1\n")
    real.chmod(0o640)
    link = tmp_path / "risks.yaml"
    link.symlink_to(real)
    replace_atomic(link, "a: 2\n", b"a: 1\n")
    assert link.is_symlink() and real.read_text() == "a: 2\n"
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640
    new = tmp_path / "new.yaml"
    replace_atomic(new, "b: 1\n", None)
    assert new.read_text() == "b: 1\n"
    with pytest.raises(FileChanged):
        replace_atomic(new, "b: 2\n", None)


# --- properties ---------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
SCALARS = st.one_of(
    TEXT,
    st.integers(-(10**9), 10**9),
    st.booleans(),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
PATHS = st.sampled_from(
    [
        ("risks", 0, "id"),
        ("risks", 0, "type"),
        ("risks", 0, "title"),
        ("risks", 0, "target", "impact"),
        ("risks", 0, "note"),
        ("risks", 0, "actions", 0, "action"),
        ("risks", 0, "actions", 1, "owner"),
        ("risks", 1, "title"),
        ("risks", 1, "actions", 0, "action"),
        ("risks", 1, "new"),
        ("risks", 0, "target", "new"),
    ]
)


def _expected(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


@given(PATHS, SCALARS)
def test_an_edit_followed_by_a_load_gives_the_edited_value(path: tuple, value: object) -> None:
    d = doc()
    before = parse_yaml(ODD, "risks.yaml").data
    d.set(path, value, order=ORDER)
    after = parse_yaml(d.text, "risks.yaml").data
    node = after
    for key in path:
        node = node[key]
    assert node == _expected(value) and type(node) is type(_expected(value))
    # nothing else changed: put the old value back and compare the whole file's data
    parent = after
    for key in path[:-1]:
        parent = parent[key]
    old_parent = before
    for key in path[:-1]:
        old_parent = old_parent[key]
    if path[-1] in old_parent:
        parent[path[-1]] = old_parent[path[-1]]
    else:
        del parent[path[-1]]
    assert after == before
    # and every other line is byte for byte what it was: one line changed, or one added
    if path[-1] != "note":
        matcher = SequenceMatcher(None, ODD.split("\n"), d.text.split("\n"), autojunk=False)
        edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        assert len(edits) == 1
        _, i1, i2, j1, j2 = edits[0]
        assert (i2 - i1, j2 - j1) in ((1, 1), (0, 1))


@given(st.lists(st.fixed_dictionaries({"action": TEXT, "owner": TEXT}), max_size=4))
def test_appended_items_read_back_in_order(items: list[dict[str, str]]) -> None:
    d = doc()
    for item in items:
        d.append(("risks", 1, "actions"), item)
        d.append(("risks", 0, "actions"), item)
    data = parse_yaml(d.text, "risks.yaml").data
    assert data["risks"][1]["actions"][1:] == items
    assert data["risks"][0]["actions"][2:] == items
    assert d.text.startswith("# header comment\nrisks:   # the list\n\n  - id: 'R1'\n")
    assert d.text.endswith("# trailing comment\n")


def test_new_outputs_get_ordinary_permissions(tmp_path: Path) -> None:
    import os

    from psptool.load.write import write_atomic

    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.md", "text")
    finally:
        os.umask(umask)
    assert (tmp_path / "out.md").stat().st_mode & 0o777 == 0o644
