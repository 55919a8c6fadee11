"""Tables and paragraphs on a terminal: laid out for the width they are printed at."""

from __future__ import annotations

import io

from hypothesis import assume, given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from psptool.render.tables import Prose, Table, to_rich, wrap_text

CONSOLE = Console(file=io.StringIO(), width=80)


def _printed(renderable: object, width: int) -> list[str]:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(renderable)
    return buffer.getvalue().splitlines()


RISKS = Table(
    "RAID log",
    ["ID", "Title", "Owner", "Score", "Review"],
    [
        ["R1", "Providers withdraw before the pilot ends", "p-smith", 12, "2026-07-01"],
        ["R10", "Budget cut", "council", 6, None],
    ],
    ["Score = likelihood × impact."],
)


def test_wide_enough_it_is_a_boxed_table_at_its_natural_width() -> None:
    assert _printed(to_rich(RISKS), 100) == [
        "RAID log",
        "┏━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━┓",
        "┃ ID  ┃ Title                                    ┃ Owner   ┃ Score ┃ Review     ┃",
        "┡━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━┩",
        "│ R1  │ Providers withdraw before the pilot ends │ p-smith │    12 │ 2026-07-01 │",
        "│ R10 │ Budget cut                               │ council │     6 │ –          │",
        "└─────┴──────────────────────────────────────────┴─────────┴───────┴────────────┘",
    ]


def test_narrower_the_title_wraps_inside_its_column() -> None:
    # 64 less the box (16) leaves 48: the short columns keep their 25, the title takes 23
    assert _printed(to_rich(RISKS), 64) == [
        "RAID log",
        "┏━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━┓",
        "┃ ID  ┃ Title                   ┃ Owner   ┃ Score ┃ Review     ┃",
        "┡━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━┩",
        "│ R1  │ Providers withdraw      │ p-smith │    12 │ 2026-07-01 │",
        "│     │ before the pilot ends   │         │       │            │",
        "│ R10 │ Budget cut              │ council │     6 │ –          │",
        "└─────┴─────────────────────────┴─────────┴───────┴────────────┘",
    ]


def test_narrower_still_the_title_goes_under_its_row() -> None:
    assert _printed(to_rich(RISKS), 40) == [
        "RAID log",
        "ID   Owner    Score  Review",
        "───────────────────────────────",
        "R1   p-smith     12  2026-07-01",
        "     Providers withdraw before the pilot",
        "     ends",
        "R10  council      6  –",
        "     Budget cut",
    ]


def test_then_the_widest_short_columns_follow_it() -> None:
    assert _printed(to_rich(RISKS), 24) == [
        "RAID log",
        "ID   Owner    Score",
        "───────────────────",
        "R1   p-smith     12",
        "     Providers withdraw",
        "     before the pilot",
        "     ends",
        "     Review: 2026-07-01",
        "R10  council      6",
        "     Budget cut",
        "     Review: –",
    ]


def test_a_header_wider_than_its_values_wraps_before_prose_is_squeezed() -> None:
    # 50 less the box (10) leaves 40: the header wraps to 8, the milestone narrows to 30
    table = Table(
        "",
        ["ID", "Milestone", "Slippage (days)"],
        [["M1", "Pilot begins with the first referrals", 12]],
    )
    assert _printed(to_rich(table), 50) == [
        "┏━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┓",
        "┃    ┃                                ┃ Slippage ┃",
        "┃ ID ┃ Milestone                      ┃   (days) ┃",
        "┡━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━┩",
        "│ M1 │ Pilot begins with the first    │       12 │",
        "│    │ referrals                      │          │",
        "└────┴────────────────────────────────┴──────────┘",
    ]


def test_a_paragraph_wraps_with_its_hanging_indent_and_no_trailing_spaces() -> None:
    bullet = Prose("  1. Before moving to sustain: the pilot has run nine months", indent=5)
    assert _printed(bullet, 30) == [
        "  1. Before moving to sustain:",
        "     the pilot has run nine",
        "     months",
    ]


words = st.lists(st.text("abcxyz", min_size=1, max_size=12), min_size=1, max_size=30)


@given(words=words, spaces=st.sampled_from([" ", "  "]), width=st.integers(12, 90))
def test_lines_break_where_rich_breaks_them(words: list[str], spaces: str, width: int) -> None:
    text = Text(spaces.join(words), style="bold")
    ours = [line.plain for line in wrap_text(CONSOLE, text, width)]
    rich = [line.plain.rstrip() for line in text.wrap(CONSOLE, width)]
    assert ours == rich


@given(words=words, width=st.integers(12, 90), indent=st.integers(0, 8))
def test_continued_lines_are_indented_and_keep_every_word(
    words: list[str], width: int, indent: int
) -> None:
    assume(max(len(w) for w in words) <= width - indent)
    lines = wrap_text(CONSOLE, Text(" ".join(words)), width, indent=indent)
    assert all(cell_len(line.plain) <= width for line in lines)
    assert all(line.plain.startswith(" " * indent) for line in lines[1:])
    assert " ".join(line.plain.strip() for line in lines).split() == words


def test_a_word_longer_than_the_line_is_folded_and_kept_whole() -> None:
    path = "/home/partnership/templates/" + "x" * 40 + "/mou.docx"
    lines = [line.plain for line in wrap_text(CONSOLE, Text(f"from {path} today"), 30)]
    assert lines == ["from", path[:30], path[30:60], path[60:] + " today"]
