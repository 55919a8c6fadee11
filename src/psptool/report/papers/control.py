"""Document control, as councils keep it for a paper partners sign off: the version history
from git, the review and approval route from `approvals`, and the status the title page gives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...model import Project
from ...vocabulary import DOCUMENT_TITLES
from ..formatting import long_date
from ..people import partners_lead_first
from ..wording import join
from .partnership import governance_group, governance_group_id
from .signoff import Signature


@dataclass(frozen=True)
class Version:
    version: str
    """0.1, 0.2, … for drafts; 1.0 once every partner has approved it; 1.1, … for changes
    made since."""
    date: str
    reference: str
    """The short commit, or empty outside git."""
    change: str
    author: str = ""
    """Who made the change: the commit's author, or the project manager outside git."""


@dataclass(frozen=True)
class ApprovalStep:
    """A row of the review and approval route: who signed what off, when, where and why."""

    date: str
    organisation: str
    meeting: str
    purpose: str


@dataclass(frozen=True)
class Standing:
    """Where a paper stands on its as-of date, from `approvals`: a draft, submitted (some
    partners have approved it), or approved by every partner on a date."""

    state: str
    """"draft", "submitted" or "approved"."""
    approved: date | None
    """The day the last partner approved it, once every partner has."""
    status: str
    """The title page's status line."""


def approved_by(project: Project, document: str, as_of: date) -> tuple[dict[str, date], set[str]]:
    """The partners who had approved `document` by `as_of` (partner id → date), and every
    partner's id. An approval dated after `as_of` has not happened yet."""
    dates = {
        a.partner: a.date
        for a in project.psp.approvals
        if a.document == document and a.date is not None and a.date <= as_of
    }
    return dates, {p.id for p in project.partners.partners}


def standing(project: Project, document: str, as_of: date, changed_since: bool = False) -> Standing:
    """The paper's standing as at `as_of`; `changed_since` when the folder changed after the
    last approval (a later version is a draft of the next revision)."""
    what = DOCUMENT_TITLES[document]
    dates, everyone = approved_by(project, document, as_of)
    names = {p.id: p.name for p in project.partners.partners}
    if everyone and everyone <= set(dates):
        last, first = max(dates.values()), min(dates.values())
        when = f"on {long_date(last)}" if first == last else f"by {long_date(last)}"
        text = f"Approved by every partner {when}."
        if changed_since:
            text = (
                f"The {what} was approved by every partner {when}; this version includes "
                "changes made since and is a draft for review."
            )
        return Standing("approved", last, text)
    if dates:
        done = "; ".join(
            f"{names[p]} on {long_date(d)}" for p, d in sorted(dates.items(), key=lambda i: i[1])
        )
        waiting = join([names[p] for p in sorted(everyone - set(dates), key=names.__getitem__)])
        return Standing(
            "submitted",
            None,
            f"Submitted for approval: approved by {done}; awaiting {waiting}.",
        )
    return Standing("draft", None, "Draft for approval by the partners.")


def versions(
    history: Sequence[Any],
    as_of: date,
    approved: date | None = None,
    author: str = "",
) -> tuple[Version, ...]:
    """The version history: one row per commit that touched the folder on or before the as-of
    date, oldest first (a paper as at 30 June 2011 cannot list a later change), numbered 0.1,
    0.2 … as drafts, 1.0 for the approval by every partner, and 1.1 … for changes since.
    Outside git, one row for this draft, or the approval and no other.

    `history` is (date, short commit, subject[, author]) tuples, oldest first
    (`load.history.folder_history`); `author` names whoever prepared a version git does not
    record."""
    made = [c for c in history if date.fromisoformat(c[0]) <= as_of]
    rows: list[Version] = []
    major, minor = 0, 0
    approval_row = (
        Version("1.0", long_date(approved), "", "Approved by every partner.", author)
        if approved is not None
        else None
    )
    for commit in made:
        when = date.fromisoformat(commit[0])
        if approval_row is not None and major == 0 and when > (approved or when):
            rows.append(approval_row)
            major, minor = 1, 0
        minor += 1
        who = commit[3] if len(commit) > 3 and commit[3] else author
        rows.append(Version(f"{major}.{minor}", long_date(when), commit[1], commit[2], who))
    if approval_row is not None and major == 0:
        rows.append(approval_row)
    if not rows:
        rows.append(Version("0.1", long_date(as_of), "", "Draft for the partners' review.", author))
    return tuple(rows)


def next_meeting(project: Project, as_of: date) -> date | None:
    """The next planned meeting of the group that signs papers off, after `as_of`."""
    group = governance_group_id(project)
    planned = [
        m.date
        for m in project.meetings.meetings
        if m.group == group and m.status == "planned" and m.date > as_of
    ]
    return min(planned) if planned else None


def sign_off_meeting(project: Project, document: str, as_of: date) -> date | None:
    """The next planned meeting, after `as_of`, of the group that signs papers off whose
    agenda names `document` ("Full business case"): where the paper is planned to be signed
    off. None where no planned meeting's agenda names it (two papers are not both planned for
    the group's next meeting just because it is the next one)."""
    group = governance_group_id(project)
    title = DOCUMENT_TITLES[document].lower()
    planned = [
        m.date
        for m in project.meetings.meetings
        if m.group == group
        and m.status == "planned"
        and m.date > as_of
        and any(title in item.lower() for item in m.agenda)
    ]
    return min(planned) if planned else None


def approval_route(
    project: Project, document: str, purposes: Mapping[str, str], as_of: date | None = None
) -> tuple[ApprovalStep, ...]:
    """Date, organisation, meeting and purpose of each recorded sign-off of the documents in
    `purposes` (document → why it is signed off), one row per date and document, by date.

    The organisation is "Every partner" when every partner signed off that day, else the
    partners who did, lead first. Approvals name no meeting: papers are signed off at the
    partnership's governance group. While a partner has not signed `document` off, the route
    ends with a row for that sign-off, dated with the group's next planned meeting whose agenda
    names it (`sign_off_meeting`), else "Not yet set".
    """
    partners = partners_lead_first(project)
    everyone = {p.id for p in partners}
    meeting = governance_group(project)
    days: dict[tuple[date | None, str], set[str]] = {}
    for approval in project.psp.approvals:
        if approval.document in purposes and (
            as_of is None or approval.date is None or approval.date <= as_of
        ):
            days.setdefault((approval.date, approval.document), set()).add(approval.partner)
    order = list(purposes)

    def by(who: set[str]) -> str:
        return "; ".join(p.name for p in partners if p.id in who)

    upcoming = sign_off_meeting(project, document, as_of) if as_of is not None else None
    pending = long_date(upcoming) if upcoming else "Not yet set"
    route = [
        ApprovalStep(
            date=long_date(when) if when else pending,
            organisation="Every partner" if everyone <= who else by(who),
            meeting=meeting,
            purpose=purposes[approved],
        )
        for (when, approved), who in sorted(
            days.items(), key=lambda item: (item[0][0] or date.max, order.index(item[0][1]))
        )
    ]
    signed = {
        a.partner
        for a in project.psp.approvals
        if a.document == document and a.date and (as_of is None or a.date <= as_of)
    }
    if not everyone <= signed:
        route.append(
            ApprovalStep(
                # "(planned)" goes with the date, in both cases, as the pending step's
                # date from the plan has it
                date=f"{pending} (planned)" if upcoming else pending,
                organisation="Every partner" if not signed else by(everyone - signed),
                meeting=meeting,
                purpose=purposes[document],
            )
        )
    return tuple(route)


def sign_off_status(
    project: Project, document: str, signoff: Sequence[Signature], as_of: date
) -> str:
    """The title page's status line (`standing`), for callers that have the signatures."""
    return standing(project, document, as_of).status
