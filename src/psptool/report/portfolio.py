"""A portfolio of partnerships: one view over many PSP folders, for a programme team.

A council's commissioning team or a programme board oversees several partnerships at once
and asks which are in trouble and why, which funders' budget decisions are coming up, and
which stage gates are near. Each folder is checked as `psp validate` checks it and reported
on as `psp report status` reports it, in one process; a folder with errors becomes a row
that says so, never the end of the run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..analysis.common import Rag
from ..analysis.risk import rag as risk_rag
from ..diagnostics import Diagnostic
from ..errors import MARKER, UserError
from ..model import STAGES, Project
from ..model.partnership import RiskMatrix
from ..model.sustainability import Funder
from .calendar import NextMeeting, next_governance_meeting
from .status import StatusReport, status_report

MAX_DEPTH = 6
"""How many folders below a root are searched for psp.yaml: a programme keeps its
partnerships a folder or two down, never deeper than this."""
MAX_FOLDERS = 1000
"""The most partnerships one portfolio reads; beyond this the search stops and says so."""
SKIPPED = frozenset(
    {".git", ".hg", ".svn", "out", "build", "dist", "node_modules", "__pycache__", ".tox"}
)
"""Folders never searched: version control, rendered papers (out/), build output."""
HORIZON_MONTHS = 12
"""Funders' budget-cycle dates shown from the as-of date to this many months ahead."""


@dataclass(frozen=True)
class Components:
    """The parts of a partnership's overall status, as the highlight report rates them
    (None where there is nothing to rate yet)."""

    schedule: Rag | None
    risks: Rag | None
    budget: Rag | None
    benefits: Rag | None


@dataclass(frozen=True)
class Since:
    """A partnership compared with itself at an earlier date, from its git history."""

    revision: str | None
    """'abc12345 of 2011-03-31', the commit read; None when none could be."""
    overall_then: Rag | None
    new_red: list[str]
    """Entries red and open now that were not red and open then (new, or risen to red)."""
    note: str | None = None
    """Why there is no comparison, when none could be made."""


@dataclass(frozen=True)
class Row:
    """One partnership of the portfolio: its status, or, when its folder has errors, that."""

    folder: Path
    name: str
    stage: str | None
    lead: str | None
    """The lead partner by name (several joined by ' and '); None when no partner leads."""
    errors: int
    warnings: int
    first_error: str | None = None
    """`file:line: message` of the first error, when the folder has errors."""
    overall: Rag | None = None
    overall_rule: str = ""
    components: Components | None = None
    red: list[str] = field(default_factory=list)
    """Open risks and issues (any RAID entry) that are red."""
    slipped: list[str] = field(default_factory=list)
    """Milestones overdue now, and those completed late in the reporting period."""
    currency: str = "GBP"
    variance: float | None = None
    """Spend to date, actual minus planned (positive is an overspend); None with no budget."""
    variance_pct: float | None = None
    off_track: list[str] = field(default_factory=list)
    """Benefits behind the straight line to their target (amber or red)."""
    next_stage: str | None = None
    gate_unmet: int = 0
    gate_items: int = 0
    next_meeting: NextMeeting | None = None
    """The next governance meeting, planned or implied by its group's cadence."""
    since: Since | None = None
    titles: dict[str, str] = field(default_factory=dict)
    """The title of each entry `red`, `slipped` and `off_track` list by id: the pages name
    them by title, the JSON keeps the ids."""
    colour: str | None = None
    """The partnership's own colour (psp.yaml `branding.colour`, "#005EB8"); None where it
    gives none or its psp.yaml cannot be read."""

    @property
    def checked(self) -> bool:
        """Whether the folder was reported on (it has no errors)."""
        return self.errors == 0 and self.overall is not None


@dataclass(frozen=True)
class CellShare:
    """One partnership's open entries in a cell of the heat map."""

    partnership: str
    ids: list[str]
    titles: list[str] = field(default_factory=list)
    """The entries' titles, in the order of `ids`, as the portfolio's pages name them."""


@dataclass(frozen=True)
class HeatMapCell:
    likelihood: int
    impact: int
    score: int
    rag: Rag
    """By the standard matrix (amber from 5, red from 15); each partnership's own matrix
    rates its rows."""
    count: int
    partnerships: list[CellShare]


@dataclass(frozen=True)
class FunderShare:
    partnership: str
    budget_cycle: date
    status: str
    amount: float | None
    currency: str


@dataclass(frozen=True)
class FunderCycle:
    """A funder whose budget is set within the horizon, once, with every partnership it
    may fund."""

    name: str
    first: date
    partnerships: list[FunderShare]


@dataclass(frozen=True)
class StageCount:
    stage: str
    partnerships: list[str]


@dataclass(frozen=True)
class PartnerShare:
    partnership: str
    name: str
    """The partner's name as that partnership writes it."""
    lead: bool


@dataclass(frozen=True)
class SharedPartner:
    """An organisation that is a partner in more than one partnership."""

    name: str
    partnerships: list[PartnerShare]


@dataclass(frozen=True)
class Portfolio:
    roots: list[Path]
    as_of: date
    horizon_end: date
    rows: list[Row]
    heatmap: list[HeatMapCell]
    """25 cells, likelihood 5 down to 1, impact 1 up to 5; open entries only."""
    funders: list[FunderCycle]
    stages: list[StageCount]
    shared_partners: list[SharedPartner]
    since: str | None = None
    notes: list[str] = field(default_factory=list)
    """What the reader must know: folders left out of the views, a search cut short."""

    @property
    def with_errors(self) -> list[Row]:
        return [r for r in self.rows if not r.checked]


# finding the folders ---------------------------------------------------------------------


def _is_virtualenv(folder: Path) -> bool:
    return (folder / "pyvenv.cfg").is_file() or folder.name in {".venv", "venv", ".env"}


def find_partnerships(
    roots: Sequence[Path], *, max_depth: int = MAX_DEPTH, max_folders: int = MAX_FOLDERS
) -> tuple[list[Path], list[str]]:
    """Every folder holding psp.yaml at or under the roots (each once, in path order), and
    notes on what was cut short. Symbolic links to folders are not followed, so a link back
    up the tree cannot make the search endless."""
    found: dict[Path, None] = {}
    notes: list[str] = []
    for root in roots:
        if not root.is_dir():
            raise UserError(f"{root} is not a folder")
        stack = [(root, 0)]
        while stack:
            folder, depth = stack.pop()
            if (folder / MARKER).is_file():
                found.setdefault(folder.resolve(), None)
                if len(found) >= max_folders:
                    notes.append(
                        f"The search stopped at {max_folders} partnerships; give narrower roots."
                    )
                    return sorted(found), notes
            if depth >= max_depth:
                continue
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
            except OSError:
                continue
            for entry in entries:
                if entry.name in SKIPPED or not entry.is_dir(follow_symlinks=False):
                    continue
                child = Path(entry.path)
                if not _is_virtualenv(child):
                    stack.append((child, depth + 1))
    return sorted(found), notes


# one partnership -------------------------------------------------------------------------


def _where(d: Diagnostic) -> str:
    place = f"{d.file}:{d.line}: " if d.file and d.line else (f"{d.file}: " if d.file else "")
    return f"{place}{d.message}"


def _lead(project: Project) -> str | None:
    leads = [p.name for p in project.partners.partners if p.lead]
    return " and ".join(leads) if leads else None


def _rag_of(report: StatusReport, name: str) -> Rag | None:
    return next(c.rag for c in report.components if c.name == name)


def _row(folder: Path, project: Project, report: StatusReport, errors: int, warnings: int) -> Row:
    budget = report.budget
    has_budget = bool(project.budget.budget)
    slipped = [m.id for m in report.overdue] + [m.id for m in report.slipped]
    return Row(
        folder=folder,
        name=report.name,
        stage=report.stage,
        lead=_lead(project),
        errors=errors,
        warnings=warnings,
        overall=report.overall,
        overall_rule=report.overall_rule,
        components=Components(
            schedule=_rag_of(report, "schedule"),
            risks=_rag_of(report, "risks and issues"),
            budget=_rag_of(report, "budget"),
            benefits=_rag_of(report, "benefits"),
        ),
        red=red_open(report),
        slipped=slipped,
        currency=budget.currency,
        variance=budget.to_date.variance if has_budget else None,
        variance_pct=budget.to_date.variance_pct if has_budget else None,
        off_track=[b.id for b in report.benefits if b.rag in ("amber", "red")],
        next_stage=report.gate.next_stage,
        gate_unmet=len(report.gate.unmet),
        gate_items=len(report.gate.items),
        next_meeting=next_governance_meeting(project, report.as_of),
        titles=titles_of(project),
        colour=_colour_of(project),
    )


def titles_of(project: Project) -> dict[str, str]:
    """Every RAID entry, milestone and benefit of the partnership by id: its title."""
    return (
        {r.id: r.title for r in project.risks.risks}
        | {m.id: m.title for m in project.milestones.milestones}
        | {b.id: b.title for b in project.benefits.benefits}
    )


def _colour_of(project: Project) -> str | None:
    branding = project.psp.branding
    return branding.colour if branding is not None else None


def red_open(report: StatusReport) -> list[str]:
    """The open entries the partnership's own risk matrix rates red, highest score first."""
    cells = sorted((c for c in report.heatmap if c.rag == "red"), key=lambda c: -c.score)
    return [i for c in cells for i in c.ids]


def _since(folder: Path, as_of: date, since: str, now: list[str]) -> Since:
    """The partnership at `since` (a date or a revision) from its git history, rated as at
    then, against the partnership now."""
    from ..errors import NotARepository, RevisionNotFound
    from ..load.history import load_revision

    try:
        before, revision = load_revision(folder, since)
    except (NotARepository, RevisionNotFound) as exc:
        return Since(None, None, [], f"no comparison with {since}: {exc}")
    label = f"{revision.short} of {revision.date}"
    if before.errors:
        return Since(label, None, [], f"the folder had errors at {label}, so it was not rated")
    then_date = date.fromisoformat(since) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", since) else None
    then_date = min(then_date or date.fromisoformat(revision.date), as_of)
    try:
        then = status_report(before.project, then_date)
    except Exception as exc:  # a folder the checks would refuse then (a dependency cycle)
        return Since(label, None, [], f"not rated at {label} ({exc})")
    red_then = set(red_open(then))
    return Since(label, then.overall, [i for i in now if i not in red_then])


@dataclass(frozen=True)
class Contribution:
    """What one partnership adds to the views across the portfolio, taken from its folder
    once it is rated, so the folder's records need not be kept for the whole run."""

    heat: list[tuple[int, int, list[str]]]
    """(likelihood, impact, ids) of each cell of its heat map with open entries."""
    funders: list[Funder]
    partners: list[tuple[str, str, bool]]
    """(id, name, lead) of each partner."""
    currency: str
    titles: dict[str, str] = field(default_factory=dict)
    """Each RAID entry's title by id, for the heat map's list of cells."""


def _contribution(project: Project, report: StatusReport) -> Contribution:
    return Contribution(
        heat=[(c.likelihood, c.impact, c.ids) for c in report.heatmap if c.ids],
        titles={r.id: r.title for r in project.risks.risks},
        funders=list(project.sustainability.funders),
        partners=[(p.id, p.name, p.lead) for p in project.partners.partners],
        currency=project.psp.currency,
    )


def partnership_row(
    folder: Path, as_of: date, since: str | None = None
) -> tuple[Row, Contribution | None]:
    """The row for one folder, checked as `psp validate` checks it; with what it adds to the
    views across the portfolio when it was rated (None when it has errors)."""
    from ..check import validate

    validation = validate(folder, as_of, find=False)
    errors, warnings = validation.errors, validation.warnings
    result = validation.result
    if errors or result is None:
        psp_readable = result is not None and not any(d.file == MARKER for d in errors)
        project = result.project if result is not None else None
        return (
            Row(
                folder=folder,
                name=project.psp.name if project and psp_readable else folder.name,
                stage=project.psp.stage if project and psp_readable else None,
                lead=None,
                errors=len(errors) or 1,
                warnings=len(warnings),
                first_error=_where(errors[0]) if errors else "the folder could not be read",
                colour=_colour_of(project) if project and psp_readable else None,
            ),
            None,
        )
    project = result.project
    try:
        report = status_report(project, as_of)
    except Exception as exc:  # an analysis a folder defeats is that folder's problem only
        return (
            Row(
                folder=folder,
                name=project.psp.name,
                stage=project.psp.stage,
                lead=_lead(project),
                errors=1,
                warnings=len(warnings),
                first_error=f"the status report could not be made ({type(exc).__name__}: {exc})",
                colour=_colour_of(project),
            ),
            None,
        )
    row = _row(folder, project, report, 0, len(warnings))
    if since is not None:
        from dataclasses import replace

        row = replace(row, since=_since(folder, as_of, since, row.red))
    return row, _contribution(project, report)


# across the portfolio --------------------------------------------------------------------


def organisation_key(name: str) -> str:
    """A partner's or funder's name as compared across partnerships: case, punctuation,
    apostrophes, '&' for 'and' and a leading 'The' make no difference."""
    text = name.casefold().replace("&", " and ")
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


Reported = list[tuple[Row, Contribution]]


def _heatmap(reported: Reported) -> list[HeatMapCell]:
    shares: dict[tuple[int, int], list[CellShare]] = {}
    for row, part in reported:
        for likelihood, impact, ids in part.heat:
            titles = [part.titles.get(i, i) for i in ids]
            shares.setdefault((likelihood, impact), []).append(CellShare(row.name, ids, titles))
    standard = RiskMatrix()
    cells = []
    for likelihood in range(5, 0, -1):
        for impact in range(1, 6):
            found = shares.get((likelihood, impact), [])
            score = likelihood * impact
            cells.append(
                HeatMapCell(
                    likelihood,
                    impact,
                    score,
                    risk_rag(score, standard),
                    sum(len(s.ids) for s in found),
                    found,
                )
            )
    return cells


def _add_months(when: date, months: int) -> date:
    import calendar

    month = when.month - 1 + months
    year, month = when.year + month // 12, month % 12 + 1
    return date(year, month, min(when.day, calendar.monthrange(year, month)[1]))


def _funders(reported: Reported, as_of: date, end: date) -> list[FunderCycle]:
    grouped: dict[str, tuple[str, list[FunderShare]]] = {}
    for row, part in reported:
        for funder in part.funders:
            when = funder.budget_cycle
            if when is None or not as_of <= when <= end:
                continue
            key = organisation_key(funder.name)
            _first_name, shares = grouped.setdefault(key, (funder.name, []))
            shares.append(FunderShare(row.name, when, funder.status, funder.amount, part.currency))
    cycles = [
        FunderCycle(name, min(s.budget_cycle for s in shares), sorted(shares, key=_by_date))
        for name, shares in grouped.values()
    ]
    return sorted(cycles, key=lambda f: (f.first, f.name.casefold()))


def _by_date(share: FunderShare) -> tuple[date, str]:
    return share.budget_cycle, share.partnership.casefold()


def _stages(rows: list[Row]) -> list[StageCount]:
    out = []
    for stage in STAGES:
        names = sorted((r.name for r in rows if r.stage == stage), key=str.casefold)
        if names:
            out.append(StageCount(stage, names))
    unknown = sorted((r.name for r in rows if r.stage is None), key=str.casefold)
    if unknown:
        out.append(StageCount("unknown", unknown))
    return out


def _shared_partners(reported: Reported) -> list[SharedPartner]:
    """Partners in several partnerships. Two partners are one organisation when their names
    match as `organisation_key` compares them, or when they have the same id and one name
    contains the other ("Barnardo's" and "Barnardo's Scotland", both `barnardos`)."""
    groups: list[tuple[set[str], set[str], list[PartnerShare]]] = []
    for row, part in reported:
        for partner_id, partner_name, lead in part.partners:
            key = organisation_key(partner_name)
            share = PartnerShare(row.name, partner_name, lead)
            for keys, ids, shares in groups:
                same_name = key in keys
                same_id = partner_id in ids and any(key in k or k in key for k in keys)
                if same_name or same_id:
                    keys.add(key)
                    ids.add(partner_id)
                    shares.append(share)
                    break
            else:
                groups.append(({key}, {partner_id}, [share]))
    shared = []
    for _keys, _ids, shares in groups:
        partnerships = {s.partnership for s in shares}
        if len(partnerships) > 1:
            names = [s.name for s in shares]
            common = max(dict.fromkeys(names), key=names.count)  # the first, on a tie
            shared.append(
                SharedPartner(common, sorted(shares, key=lambda s: s.partnership.casefold()))
            )
    return sorted(shared, key=lambda s: (-len(s.partnerships), s.name.casefold()))


def build_portfolio(
    roots: Sequence[Path],
    as_of: date,
    *,
    since: str | None = None,
    horizon_months: int = HORIZON_MONTHS,
    max_depth: int = MAX_DEPTH,
    max_folders: int = MAX_FOLDERS,
) -> Portfolio:
    """Find every partnership under `roots`, check and rate each as at `as_of`, and put the
    cross-portfolio views together (from the folders without errors)."""
    folders, notes = find_partnerships(roots, max_depth=max_depth, max_folders=max_folders)
    if not folders:
        raise UserError(
            "no PSP folder (a folder holding psp.yaml) under " + ", ".join(str(r) for r in roots)
        )
    rows: list[Row] = []
    reported: Reported = []
    for folder in folders:
        row, done = partnership_row(folder, as_of, since)
        rows.append(row)
        if done is not None:
            reported.append((row, done))
    left_out = [r.name for r in rows if not r.checked]
    if left_out:
        notes.append(
            f"{len(left_out)} folder{'s' if len(left_out) != 1 else ''} with errors "
            f"{'are' if len(left_out) != 1 else 'is'} left out of the heat map, funders and "
            f"shared partners: {', '.join(left_out)}."
        )
    horizon_end = _add_months(as_of, horizon_months)
    return Portfolio(
        roots=list(roots),
        as_of=as_of,
        horizon_end=horizon_end,
        rows=rows,
        heatmap=_heatmap(reported),
        funders=_funders(reported, as_of, horizon_end),
        stages=_stages(rows),
        shared_partners=_shared_partners(reported),
        since=since,
        notes=notes,
    )


def rows_by_concern(rows: Iterable[Row]) -> list[Row]:
    """Rows as a programme board reads them: folders with errors, then red, amber, green,
    each by name."""
    order = {None: 0, "red": 1, "amber": 2, "green": 3}
    return sorted(rows, key=lambda r: (order[r.overall], r.name.casefold()))
