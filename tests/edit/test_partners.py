"""Editing the partners: a partner organisation added."""

from __future__ import annotations

from pathlib import Path

import pytest

from psptool.edit.partners import add_partner
from psptool.errors import UserError
from tests.edit.helpers import assert_written
from tests.helpers import AS_OF


def test_partner_add(commented: Path) -> None:
    result = add_partner(
        commented,
        name="Housing Trust",
        sector="third",
        contribution="Homes: two flats",
        as_of=AS_OF,
    )
    assert_written(
        commented,
        result,
        """\
--- a/partners.yaml
+++ b/partners.yaml
@@ -14,4 +14,9 @@
     name: Charity
     sector: third
     people: [{id: p-ceo, name: "C. Chief", director_level: true, signatory: true}]
+
+  - id: housing-trust
+    name: Housing Trust
+    sector: third
+    contribution: 'Homes: two flats'
 # more partners may join after the pilot
""",
    )
    with pytest.raises(UserError, match=r"^partners\.yaml already has a person 'p-pm'"):
        add_partner(commented, name="X", sector="public", record_id="p-pm", as_of=AS_OF)
