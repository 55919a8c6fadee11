"""A business case every partner has approved is the approved version: what the partners
signed, as the folder's records stood on the day the last of them approved it.

Rendered later (`--as-of` after the approval), the paper is still that version 1.0 of that
date, not a mix of the signed case and what happened since: a RAID entry raised later, spend
or a measurement after that day, a meeting held after it are not in it. Where git holds the
folder as it was that day (a commit on or before it), that is what the paper is built from;
otherwise, and on top of it, the records are read as at the day from the dates they carry
(`as_approved`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ....analysis.budget import period_range
from ....model import Project


def as_approved(project: Project, day: date, approvals_from: Project | None = None) -> Project:
    """`project` as its records stood on `day`, from the dates they carry.

    Left out: RAID entries raised after `day`, meetings dated after it, benefit measurements,
    lessons and quality reviews dated after it, approvals given after it. Shown as they were
    then: a RAID entry closed or escalated later is open (not escalated), a milestone, a
    meeting's action or a knowledge transfer completed later is not done, a budget line's
    actual spend is left out for a period that had not ended, and an equality impact
    assessment dated later is not yet done. What carries no date (a risk's score, a task, a
    funder's status) is as the folder has it now. `approvals_from` gives the approvals (the
    current folder's, where `project` is an older revision that may not record the last
    sign-offs yet)."""
    psp = project.psp
    approvals = (approvals_from or project).psp.approvals
    equality = psp.equality
    if equality is not None and equality.date is not None and equality.date > day:
        equality = equality.model_copy(update={"done": False, "date": None, "summary": None})
    psp = psp.model_copy(
        update={
            "approvals": [a for a in approvals if a.date is None or a.date <= day],
            "quality_assurance": [
                q for q in psp.quality_assurance if q.date is None or q.date <= day
            ],
            "equality": equality,
        }
    )
    risks = [
        r.model_copy(
            update={
                "status": "open" if r.closed is not None and r.closed > day else r.status,
                "closed": r.closed if r.closed is None or r.closed <= day else None,
                "escalated": r.escalated if r.escalated is None or r.escalated <= day else None,
            }
        )
        for r in project.risks.risks
        if r.raised is None or r.raised <= day
    ]
    milestones = [
        m.model_copy(update={"completed": None})
        if m.completed is not None and m.completed > day
        else m
        for m in project.milestones.milestones
    ]
    benefits = [
        b.model_copy(update={"measurements": [m for m in b.measurements if m.date <= day]})
        for b in project.benefits.benefits
    ]
    meetings = [
        m.model_copy(
            update={
                "actions": [
                    a.model_copy(update={"done": False, "completed": None})
                    if a.completed is not None and a.completed > day
                    else a
                    for a in m.actions
                ]
            }
        )
        for m in project.meetings.meetings
        if m.date <= day
    ]
    start = psp.financial_year_start
    budget = [
        line.model_copy(update={"actual": None})
        if line.actual is not None and period_range(line.period, start)[1] > day
        else line
        for line in project.budget.budget
    ]
    transfers = [
        t.model_copy(update={"status": "planned", "completed": None})
        if t.completed is not None and t.completed > day
        else t
        for t in project.knowledge.transfers
    ]
    lessons = [
        lesson for lesson in project.knowledge.lessons if lesson.date is None or lesson.date <= day
    ]
    return project.model_copy(
        update={
            "psp": psp,
            "risks": project.risks.model_copy(update={"risks": risks}),
            "milestones": project.milestones.model_copy(update={"milestones": milestones}),
            "benefits": project.benefits.model_copy(update={"benefits": benefits}),
            "meetings": project.meetings.model_copy(update={"meetings": meetings}),
            "budget": project.budget.model_copy(update={"budget": budget}),
            "knowledge": project.knowledge.model_copy(
                update={"transfers": transfers, "lessons": lessons}
            ),
        }
    )


def folder_on(root: Path, day: date) -> Project | None:
    """The folder as git holds it at its last commit on or before `day`, or None: outside
    git, with no commit that early, or where that revision does not load cleanly."""
    from ....errors import PspError
    from ....load.history import load_revision

    try:
        result, _ = load_revision(root, day.isoformat())
    except PspError:
        return None
    return None if result.errors else result.project
