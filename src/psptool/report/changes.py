"""What changed between two states of the folder: the 'since the last meeting' section."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..analysis.common import natural_key
from ..model import Project
from ..vocabulary import DOCUMENT_TITLES


@dataclass
class ScoreMove:
    id: str
    title: str
    before: int
    after: int

    @property
    def direction(self) -> str:
        return "up" if self.after > self.before else "down"


@dataclass
class Redated:
    id: str
    title: str
    before: date | None
    after: date | None

    @property
    def days(self) -> int | None:
        return (self.after - self.before).days if self.before and self.after else None


@dataclass
class Measured:
    id: str
    title: str
    values: list[tuple[date, float]]


@dataclass
class Changes:
    risks_added: list[str] = field(default_factory=list)
    risks_removed: list[str] = field(default_factory=list)
    risks_closed: list[str] = field(default_factory=list)
    risks_reopened: list[str] = field(default_factory=list)
    risks_escalated: list[str] = field(default_factory=list)
    """Risks that became issues."""
    score_moves: list[ScoreMove] = field(default_factory=list)
    milestones_added: list[str] = field(default_factory=list)
    milestones_completed: list[str] = field(default_factory=list)
    milestones_redated: list[Redated] = field(default_factory=list)
    benefits_measured: list[Measured] = field(default_factory=list)
    partners_added: list[str] = field(default_factory=list)
    partners_removed: list[str] = field(default_factory=list)
    approvals_added: list[str] = field(default_factory=list)
    stage_before: str | None = None
    """The stage then, when it differs from now."""
    not_compared: list[str] = field(default_factory=list)
    """Files that had errors at the earlier revision, so their changes are not reported."""
    titles: dict[str, str] = field(default_factory=dict)
    """Each risk's and milestone's title and each partner's name, by id, as now or (for one
    removed since) as then: what a paper names them by."""

    @property
    def empty(self) -> bool:
        return (
            not any(
                getattr(self, name)
                for name in self.__dataclass_fields__
                if name not in ("stage_before", "not_compared", "titles")
            )
            and self.stage_before is None
        )


def _sorted(ids: set[str]) -> list[str]:
    return sorted(ids, key=natural_key)


def compare(before: Project, after: Project, skip: frozenset[str] = frozenset()) -> Changes:
    """Differences from `before` to `after`, each list in id order.

    Files named in `skip` (those that had errors at the earlier revision, so records were
    missing from it) are not compared: every record would otherwise look new.
    """
    out = Changes(not_compared=sorted(skip))
    kept = {
        "risks.yaml": "risks",
        "milestones.yaml": "milestones",
        "benefits.yaml": "benefits",
        "partners.yaml": "partners",
        "psp.yaml": "psp",
    }
    update = {
        attribute: getattr(after, attribute) for name, attribute in kept.items() if name in skip
    }
    if update:
        before = before.model_copy(update=update)
    old_risks = {r.id: r for r in before.risks.risks}
    new_risks = {r.id: r for r in after.risks.risks}
    out.risks_added = _sorted(set(new_risks) - set(old_risks))
    out.risks_removed = _sorted(set(old_risks) - set(new_risks))
    for rid in _sorted(set(old_risks) & set(new_risks)):
        old, new = old_risks[rid], new_risks[rid]
        if old.status == "open" and new.status == "closed":
            out.risks_closed.append(rid)
        if old.status == "closed" and new.status == "open":
            out.risks_reopened.append(rid)
        if old.type == "risk" and new.type == "issue":
            out.risks_escalated.append(rid)
        if old.score != new.score:
            out.score_moves.append(ScoreMove(rid, new.title, old.score, new.score))
    old_ms = {m.id: m for m in before.milestones.milestones}
    new_ms = {m.id: m for m in after.milestones.milestones}
    out.milestones_added = _sorted(set(new_ms) - set(old_ms))
    for mid in _sorted(set(new_ms)):
        new_m, old_m = new_ms[mid], old_ms.get(mid)
        if new_m.completed is not None and (old_m is None or old_m.completed is None):
            out.milestones_completed.append(mid)
        if old_m is not None and old_m.due != new_m.due:
            out.milestones_redated.append(Redated(mid, new_m.title, old_m.due, new_m.due))
    old_b = {b.id: b for b in before.benefits.benefits}
    for benefit in sorted(after.benefits.benefits, key=lambda b: natural_key(b.id)):
        seen = (
            {(m.date, m.value) for m in old_b[benefit.id].measurements}
            if (benefit.id in old_b)
            else set()
        )
        fresh = sorted(
            (m.date, m.value) for m in benefit.measurements if (m.date, m.value) not in seen
        )
        if fresh:
            out.benefits_measured.append(Measured(benefit.id, benefit.title, fresh))
    old_p = {p.id for p in before.partners.partners}
    new_p = {p.id for p in after.partners.partners}
    out.partners_added = _sorted(new_p - old_p)
    out.partners_removed = _sorted(old_p - new_p)
    for project in (before, after):
        out.titles.update({r.id: r.title for r in project.risks.risks})
        out.titles.update({m.id: m.title for m in project.milestones.milestones})
        out.titles.update({p.id: p.name for p in project.partners.partners})
    old_a = {(a.document, a.partner) for a in before.psp.approvals}
    out.approvals_added = [
        f"{DOCUMENT_TITLES[a.document]} by {out.titles.get(a.partner, a.partner)}"
        for a in after.psp.approvals
        if (a.document, a.partner) not in old_a
    ]
    if before.psp.stage != after.psp.stage:
        out.stage_before = before.psp.stage
    return out
