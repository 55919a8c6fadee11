"""Editing the sign-offs: a partner signs the MoU."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from psptool.edit.approvals import sign
from psptool.errors import EditRefused, NothingToDo
from tests.edit.helpers import assert_written, unchanged
from tests.helpers import AS_OF


def test_sign_mou(commented: Path) -> None:
    result = sign(
        commented,
        document="mou",
        partner="charity",
        person="p-ceo",
        when=date(2026, 6, 30),
        as_of=AS_OF,
    )
    assert_written(
        commented,
        result,
        """\
--- a/psp.yaml
+++ b/psp.yaml
@@ -17,4 +17,5 @@
 approvals:
   # the council signed first
   - {document: mou, partner: council, person: p-dir, date: 2026-02-01}
+  - {document: mou, partner: charity, person: p-ceo, date: 2026-06-30}
 risk_matrix: {amber: 5, red: 15}
""",
    )
    signed = r"^charity has already signed the MoU on 2026-06-30; nothing was changed$"
    with pytest.raises(NothingToDo, match=signed):
        sign(commented, document="mou", partner="charity", person="p-ceo", as_of=AS_OF)


def test_sign_for_another_partner_is_refused(commented: Path) -> None:
    with pytest.raises(EditRefused) as refused:
        sign(commented, document="mou", partner="charity", person="p-pm", when=AS_OF, as_of=AS_OF)
    assert str(refused.value) == (
        "nothing was changed: the change would add 1 error:\n"
        "  psp.yaml:20:47: PSP211 p-pm signs the mou for charity but belongs to council"
    )
    assert refused.value.exit_code == 1
    assert unchanged(commented)
