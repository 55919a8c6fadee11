"""Random sequences of edits on the worked example: the folder still validates, and no comment
line is ever touched (issue #6's property)."""

from __future__ import annotations

import contextlib
import difflib
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psptool.check import validate
from psptool.edit.benefits import record_benefit
from psptool.edit.plan import complete_milestone
from psptool.edit.risks import add_risk, add_risk_action, close_risk, update_risk
from psptool.errors import NothingToDo, UserError
from psptool.model import FILES
from tests.helpers import copy_example

AS_OF = date(2011, 6, 30)
RISKS = [f"R{i}" for i in range(1, 13)]
OPEN_MILESTONES = ["M13", "M14", "M15", "M16"]
BENEFITS = [f"B{i}" for i in range(1, 9)]
OWNERS = ["p-baird", "p-reid", "falkirk-council"]
DAYS = st.dates(min_value=date(2011, 4, 1), max_value=AS_OF)


EDITS = st.one_of(
    st.tuples(st.just("update"), st.sampled_from(RISKS), st.integers(1, 5), st.integers(1, 5)),
    st.tuples(
        st.just("action"),
        st.sampled_from(RISKS),
        st.text("abc xyz:#'\"", min_size=1, max_size=30),
        st.sampled_from(OWNERS),
    ),
    st.tuples(st.just("close"), st.sampled_from(RISKS), DAYS),
    st.tuples(st.just("done"), st.sampled_from(OPEN_MILESTONES), DAYS),
    st.tuples(
        st.just("record"),
        st.sampled_from(BENEFITS),
        st.floats(0, 2_000_000, allow_nan=False, allow_infinity=False),
        DAYS,
    ),
    st.tuples(
        st.just("add"),
        st.text("abc xyz-", min_size=1, max_size=30).filter(str.strip),
        st.integers(1, 5),
        st.integers(1, 5),
    ),
)


def apply(root: Path, step: tuple) -> None:
    kind, *args = step
    if kind == "update":
        update_risk(root, args[0], likelihood=args[1], impact=args[2], as_of=AS_OF)
    elif kind == "action":
        add_risk_action(
            root, args[0], action=args[1], owner=args[2], due=date(2011, 9, 30), as_of=AS_OF
        )
    elif kind == "close":
        close_risk(root, args[0], when=args[1], as_of=AS_OF)
    elif kind == "done":
        complete_milestone(root, args[0], when=args[1], as_of=AS_OF)
    elif kind == "record":
        record_benefit(root, args[0], value=round(args[1], 2), when=args[2], as_of=AS_OF)
    else:
        add_risk(
            root,
            title=args[0],
            likelihood=args[1],
            impact=args[2],
            owner="p-baird",
            raised=AS_OF,
            review=date(2011, 9, 30),
            as_of=AS_OF,
        )


def comment_lines_removed(old: str, new: str) -> list[str]:
    return [
        line[1:]
        for line in difflib.ndiff(old.splitlines(), new.splitlines())
        if line.startswith("- ") and line[2:].lstrip().startswith("#")
    ]


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=6))
def test_edit_sequences_keep_the_folder_valid_and_the_comments(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "psp"
        copy_example(root)
        before = {
            s.name: (root / s.name).read_text(encoding="utf-8")
            for s in FILES
            if (root / s.name).is_file()
        }
        for step in steps:
            # a refusal, or closing an entry twice, writes nothing and is fine here
            with contextlib.suppress(UserError, NothingToDo):
                apply(root, step)
        assert validate(root, AS_OF, find=False).errors == []
        for name, text in before.items():
            after = (root / name).read_text(encoding="utf-8")
            assert comment_lines_removed(text, after) == [], name
