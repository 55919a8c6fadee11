"""The worked example is clean as at its snapshot date and tells a coherent story."""

from __future__ import annotations

from datetime import date

from psptool.check import validate
from psptool.model.options import weighted_total
from tests.helpers import EXAMPLE

SNAPSHOT = date(2011, 6, 30)


def test_example_has_no_findings_at_its_snapshot_date() -> None:
    """The council sets its 2012/13 budget on 16 February 2012, after the framework award (31
    January 2012) but before the contract under it starts (2 April 2012), which is what
    commits the spend: no PSP309."""
    validation = validate(EXAMPLE, SNAPSHOT, find=False)
    assert [(d.code, d.file, d.line) for d in validation.diagnostics] == []


def test_example_is_the_falkirk_psp() -> None:
    project = validate(EXAMPLE, SNAPSHOT, find=False).result.project
    assert project.psp.stage == "pilot"
    assert (project.psp.start, project.psp.end) == (date(2010, 2, 1), date(2012, 4, 30))
    partners = project.partners.partners
    assert [p.id for p in partners if p.lead] == ["falkirk-council"]
    assert len([p for p in partners if not p.lead]) == 7  # seven fostering providers
    signed = {a.partner for a in project.psp.approvals if a.document == "mou"}
    assert signed == {p.id for p in partners}


def test_example_prefers_the_framework_agreement_it_scores_highest() -> None:
    options = validate(EXAMPLE, SNAPSHOT, find=False).result.project.options
    totals = {o.id: weighted_total(o.scores, options.criteria) for o in options.options}
    # weights issues 3, time 1, cost 2, outcomes 3, knock_on 1: out of 50
    assert totals == {"O0": 17, "O1": 31, "O2": 25, "O3": 39}
    assert options.preferred == "O3"
