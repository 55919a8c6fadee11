"""Generate a partnership with N records in each list file, for the benchmark."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

START = date(2024, 1, 1)
END = date(2027, 12, 31)


def _day(rng: random.Random, span: int = 1400) -> str:
    return (START + timedelta(days=rng.randrange(span))).isoformat()


def generate(folder: Path, n: int, seed: int = 1) -> Path:
    """Write a valid PSP folder with `n` partners' people, goals, risks, milestones,
    benefits, stakeholders, options and budget lines (ids share a prefix per kind)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "psp.yaml").write_text(
        "name: Benchmark PSP\nid: bench\nstage: pilot\nstart: 2024-01-01\nend: 2027-12-31\n"
        "governance:\n  groups:\n    - {id: governance-group, name: Governance Group, "
        "cadence: quarterly}\n"
    )
    people = "".join(
        f"      - {{id: p{i}, name: Person {i}, title: Officer {i}}}\n" for i in range(n)
    )
    (folder / "partners.yaml").write_text(
        "partners:\n  - id: council\n    name: Council\n    sector: public\n    lead: true\n"
        "    potential_funder: true\n    people:\n" + people
        + "  - id: charity\n    name: Charity\n    sector: third\n"
    )
    (folder / "goals.yaml").write_text("goals:\n" + "".join(
        f"  - id: G{i}\n    title: Goal {i}\n    measure: share of people helped\n"
        f"    baseline: {rng.randint(0, 40)}\n    target: {rng.randint(50, 90)}\n"
        f"    unit: '%'\n    due: {_day(rng)}\n    owner: p{rng.randrange(n)}\n"
        f"    relevance: the council plan\n"
        for i in range(n)
    ))
    (folder / "risks.yaml").write_text("risks:\n" + "".join(
        f"  - id: R{i}\n    type: {rng.choice(['risk', 'issue', 'assumption', 'dependency'])}\n"
        f"    title: Risk number {i} about something that may happen\n"
        f"    description: A longer description of risk {i} and why it matters to partners\n"
        f"    owner: p{rng.randrange(n)}\n    likelihood: {rng.randint(1, 5)}\n"
        f"    impact: {rng.randint(1, 5)}\n    target: {{likelihood: 1, impact: 1}}\n"
        f"    status: {rng.choice(['open', 'open', 'closed'])}\n    raised: 2024-02-01\n"
        f"    review: {_day(rng)}\n    actions:\n"
        f"      - {{action: Mitigate risk {i}, owner: p{rng.randrange(n)}, due: {_day(rng)}}}\n"
        for i in range(n)
    ))
    (folder / "milestones.yaml").write_text("milestones:\n" + "".join(
        f"  - id: M{i}\n    title: Milestone {i}\n"
        f"    due: {(START + timedelta(days=i % 1400)).isoformat()}\n"
        f"    owner: p{rng.randrange(n)}\n"
        + (f"    depends_on: [M{i - 1}]\n" if i else "")
        for i in range(n)
    ))
    (folder / "benefits.yaml").write_text("benefits:\n" + "".join(
        f"  - id: B{i}\n    title: Benefit {i}\n    goal: G{i}\n    kpi: share helped\n"
        f"    baseline: 10\n    target: 50\n    target_date: 2027-12-31\n    owner: council\n"
        f"    measurements:\n      - {{date: 2024-06-30, value: {rng.randint(5, 60)}}}\n"
        for i in range(n)
    ))
    (folder / "stakeholders.yaml").write_text(
        "stakeholders:\n" + "".join(
            f"  - {{id: S{i}, name: Stakeholder {i}, interest: {rng.randint(1, 5)}, "
            f"influence: {rng.randint(1, 5)}}}\n" for i in range(n)
        ) + "communications:\n" + "".join(
            f"  - {{id: C{i}, audience: [S{i}], method: email, owner: council}}\n"
            for i in range(n)
        )
    )
    criteria = ["a", "b", "c", "d", "e"]
    (folder / "options.yaml").write_text(
        "criteria:\n" + "".join(
            f"  - {{id: {c}, name: Criterion {c}, weight: {rng.randint(1, 3)}}}\n"
            for c in criteria
        )
        + "options:\n" + "".join(
            f"  - {{id: O{i}, name: Option {i}, cost: {rng.randint(0, 10**6)}, scores: {{"
            + ", ".join(f"{c}: {rng.randint(1, 5)}" for c in criteria) + "}}\n"
            for i in range(min(n, 200))
        ) + "  - {id: ON, name: Do nothing, do_nothing: true, scores: {"
        + ", ".join(f"{c}: 1" for c in criteria) + "}}\n"
    )
    (folder / "budget.yaml").write_text("budget:\n" + "".join(
        f"  - {{period: {2024 + (i // 12) % 4}-{i % 12 + 1:02d}, category: line {i}, "
        f"planned: {rng.randint(100, 5000)}, actual: {rng.randint(100, 5000)}}}\n"
        for i in range(n)
    ))
    (folder / "sustainability.yaml").write_text("route: procurement\nfunders: []\n")
    return folder
