"""The vocabulary is declared once: the models, the command line and the papers read it."""

from __future__ import annotations

import typing

from psptool import vocabulary
from psptool.cli import edit
from psptool.model import Milestone, Partner, Partnership, Risk
from psptool.model.benefit import Benefit
from psptool.model.goal import Goal
from psptool.model.sustainability import Funder, SustainabilityFile


def _values(annotation: object) -> set[str]:
    """The strings a field's Literal allows (through `X | None`)."""
    found: set[str] = set()
    for arg in typing.get_args(annotation) or (annotation,):
        if typing.get_origin(arg) is typing.Literal:
            found.update(typing.get_args(arg))
    if typing.get_origin(annotation) is typing.Literal:
        found.update(typing.get_args(annotation))
    return found


def test_the_models_take_their_choices_from_the_vocabulary() -> None:
    assert _values(Partnership.model_fields["stage"].annotation) == set(vocabulary.STAGES)
    assert _values(Milestone.model_fields["stage"].annotation) == set(vocabulary.STAGES)
    assert _values(Risk.model_fields["type"].annotation) == set(vocabulary.RAID_TYPES)
    assert _values(Risk.model_fields["status"].annotation) == set(vocabulary.RAID_STATUSES)
    assert _values(Partner.model_fields["sector"].annotation) == set(vocabulary.SECTORS)
    assert _values(Goal.model_fields["term"].annotation) == set(vocabulary.TERMS)
    assert _values(Benefit.model_fields["kind"].annotation) == set(vocabulary.BENEFIT_KINDS)
    assert _values(Funder.model_fields["status"].annotation) == set(vocabulary.FUNDER_STATUSES)
    assert _values(SustainabilityFile.model_fields["route"].annotation) == set(vocabulary.ROUTES)


def test_the_command_line_offers_the_vocabulary() -> None:
    assert [t.value for t in edit.RaidType] == list(vocabulary.RAID_TYPES)
    assert [s.value for s in edit.Sector] == list(vocabulary.SECTORS)
    assert [t.value for t in edit.Term] == list(vocabulary.TERMS)
    assert [s.value for s in edit.Status] == list(vocabulary.RAID_STATUSES)


def test_every_value_has_words() -> None:
    # a role added to the model without a label used to raise KeyError in the MoU
    assert set(vocabulary.ROLE_LABELS) == set(vocabulary.ROLES)
    assert vocabulary.label(vocabulary.ROLE_LABELS, "admin") == "Administration"
    assert vocabulary.label(vocabulary.ROLE_LABELS, None, "—") == "—"
    assert vocabulary.one_of(("public", "third", "private")) == "public, third or private"
    assert vocabulary.one_of(("risk",)) == "risk"
