"""The RAID log as the business cases print it: the strategic case's assumptions, risks and
dependencies, the management case's open risks and issues, the evaluation's issues."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ....model import Project
from ....vocabulary import RAG_TINTS
from ...formatting import long_date
from ...people import owner_names
from ...wording import NO_OWNER

NO_MITIGATION = "–"
"""The mitigation cell of an entry without actions (`psp validate` warns, PSP504): a dash,
with one sentence below the table naming the entries without actions (`no_actions`)."""
NO_FILL = "FFFFFF"
"""A table cell's fill where there is no RAG to show."""


def fill(rag: str | None) -> str:
    """The light tint a Word table cell takes for a RAG."""
    return RAG_TINTS.get(rag or "", NO_FILL)


@dataclass(frozen=True)
class RaidRow:
    """An entry of the RAID log, scored; its mitigation is its open actions, or the actions
    taken once all are done."""

    id: str
    type: str
    title: str
    description: str
    category: str
    owner: str
    likelihood: int
    impact: int
    score: int
    rag: str
    """green, amber or red while open; "–" once closed (the Status column says "Closed")."""
    fill: str
    target: int | str
    """The residual score aimed for, or empty."""
    open: str
    """"yes" while open, else empty."""
    status: str
    mitigation: str
    actions_done: tuple[str, ...]
    actions_open: tuple[str, ...]


def raid_rows(project: Project, as_of: date, kind: str | None = None) -> tuple[RaidRow, ...]:
    """RAID entries (of one type, or all), scored; open first, highest score first."""
    from ....analysis import score_risks

    names = owner_names(project)
    by_id = {r.id: r for r in project.risks.risks}
    rows = []
    for scored in score_risks(project, as_of).risks:
        if kind is not None and scored.type != kind:
            continue
        risk = by_id[scored.id]
        done = tuple(a.action for a in risk.actions if a.done)
        planned = tuple(a.action for a in risk.actions if not a.done)
        is_open = risk.status == "open"
        closed = "Closed " + long_date(risk.closed) if risk.closed else "Closed"
        rows.append(
            RaidRow(
                id=risk.id,
                type=risk.type.capitalize(),
                title=risk.title,
                description=risk.description or "",
                category=(risk.category or "").capitalize(),
                owner=names.get(risk.owner, risk.owner) if risk.owner else NO_OWNER,
                likelihood=risk.likelihood,
                impact=risk.impact,
                score=risk.score,
                rag=scored.rag if is_open else "–",
                fill=fill(scored.rag) if is_open else NO_FILL,
                target=scored.target_score if scored.target_score is not None else "",
                open="yes" if is_open else "",
                status="Open" if is_open else closed,
                mitigation=actions_cell(planned or done),
                actions_done=done,
                actions_open=planned,
            )
        )
    return tuple(rows)


def actions_cell(actions: tuple[str, ...]) -> str:
    """A mitigation cell: one action a line (docxtpl turns each line break into a break in
    the cell), each begun with "• " where there are several, so that a wrapped line does not
    run on into the next action; a single action bare; a dash for none."""
    if len(actions) > 1:
        return "\n".join("• " + a for a in actions)
    return actions[0] if actions else NO_MITIGATION


def no_actions(rows: tuple[RaidRow, ...] | list[RaidRow]) -> str:
    """One sentence below a table for its entries without actions, each by its type and its
    title quoted: "No actions are recorded yet for the risk ‘Respite places run out in the
    winter’ or the issue ‘Referrals from GP practices are slow’."; empty when every entry has
    actions. Each entry is named once."""
    seen: dict[str, RaidRow] = {}
    for row in rows:
        if not (row.actions_open or row.actions_done):
            seen.setdefault(row.id, row)
    if not seen:
        return ""
    named = [f"the {r.type.lower()} ‘{r.title}’" for r in seen.values()]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
    return f"No actions are recorded yet for {listed}."
