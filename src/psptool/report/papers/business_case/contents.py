"""The business cases described once: their sections, in council order, each with its heading
and its subsections, marked where only the outline or only the full case has them.

Each case's numbered contents come from this one description, and so do the numbers every
cross-reference uses: the template builder's headings and contents page
(scripts/build_templates/business_case.py), and sentences such as "it scored 78 out of 100 in
the options appraisal (section 4)". Moving a section renumbers all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CaseKind = Literal["outline", "full"]
"""The outline business case (to agree the pilot) or the full one (the case for funding)."""
KINDS: tuple[CaseKind, ...] = ("outline", "full")


def case_kind(kind: str) -> CaseKind:
    """`kind` as a CaseKind; a ValueError for anything else."""
    for known in KINDS:
        if kind == known:
            return known
    raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")


@dataclass(frozen=True)
class Part:
    """A section of the description: a key cross-references use, its heading, its parts."""

    key: str
    heading: str
    parts: tuple[Part, ...] = ()
    only: CaseKind | None = None
    """The one case that has this part, or None for both."""


DESCRIPTION: tuple[Part, ...] = (
    Part(
        "summary",
        "Executive summary",
        (
            Part("purpose", "Purpose of this document"),
            Part("preferred", "The preferred option"),
            Part("benefits", "Benefits"),
            Part("financial", "Financial summary"),
            Part("decisions", "Decisions"),
        ),
    ),
    Part(
        "change",
        "Case for change",
        (
            Part("rationale", "Rationale"),
            Part("objectives", "Objectives"),
            Part("goals", "Starting position and goals"),
        ),
    ),
    Part(
        "strategic",
        "Strategic case",
        (
            Part("scope", "Scope"),
            Part("fit", "Strategic fit"),
            Part("assumptions", "Assumptions"),
            Part("risks", "Strategic risks"),
            Part("dependencies", "Constraints and dependencies"),
        ),
    ),
    Part(
        "options",
        "Options appraisal",
        (
            Part("considered", "Options considered"),
            Part("scoring", "Criteria and scoring"),
            Part("preferred", "The preferred option"),
            Part("economics", "Costs and benefits of each option"),
            Part("risks", "Risk assessment of each option"),
        ),
    ),
    Part(
        "service",
        "Final service model",
        (
            Part("service", "The service"),
            Part("route", "Route to sustainability"),
            Part("funders", "Future funders"),
        ),
        only="full",
    ),
    Part(
        "benefits",
        "Benefits realisation",
        (
            Part("plan", "Benefits realisation plan", only="full"),
            Part("achieved", "Benefits and outcomes achieved", only="full"),
        ),
    ),
    Part(
        "evaluation",
        "Evaluation findings",
        (
            Part("approach", "Approach"),
            Part("findings", "Findings against the goals"),
            Part("issues", "Issues so far"),
        ),
        only="full",
    ),
    Part(
        "financial",
        "Financial case",
        (
            Part("years", "Costs and benefits by year"),
            Part("budget", "The partnership's budget", only="outline"),
            Part("budget", "Financial analysis of the partnership's budget", only="full"),
            Part("resources", "Resources to run the service", only="full"),
        ),
    ),
    Part(
        "management",
        "Management case",
        (
            Part("pilot", "Pilot plan", only="outline"),
            Part("plan", "Project plan"),
            Part("key", "Key milestones and dependencies"),
            Part("risks", "Risk management"),
            Part("governance", "Governance"),
            Part("communications", "Communications and engagement"),
            Part("meetings", "Governance meetings held", only="full"),
            Part("knowledge", "Knowledge transfer", only="full"),
            Part("equality", "Equality impact assessment"),
        ),
    ),
    Part("recommendations", "Recommendations"),
)


@dataclass(frozen=True)
class Section:
    """A numbered section of one business case: 4 Options appraisal, 4.1 Options considered."""

    key: str
    """Its place in the description, dotted: `options`, `options.considered`."""
    number: str
    heading: str
    sections: tuple[Section, ...] = ()

    @property
    def title(self) -> str:
        """As its heading reads: "4. Options appraisal", "4.1 Options considered"."""
        return (
            f"{self.number}. {self.heading}"
            if "." not in self.number
            else (f"{self.number} {self.heading}")
        )


def _numbered(
    parts: tuple[Part, ...], kind: CaseKind, prefix: str = "", within: str = ""
) -> tuple[Section, ...]:
    present = [p for p in parts if p.only in (None, kind)]
    return tuple(
        Section(
            key=within + part.key,
            number=f"{prefix}{index}",
            heading=part.heading,
            sections=_numbered(part.parts, kind, f"{prefix}{index}.", f"{within}{part.key}."),
        )
        for index, part in enumerate(present, 1)
    )


@dataclass(frozen=True)
class Contents:
    """One business case's numbered sections, and any section's number by its key."""

    kind: CaseKind
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        """The section at `key` (`options`, `options.considered`); a KeyError if this case
        has none, so a cross-reference to a section the case lacks cannot be written."""
        found = {s.key: s for s in self.every()}
        if key not in found:
            raise KeyError(f"the {self.kind} business case has no section {key}")
        return found[key]

    def number(self, key: str) -> str:
        """The number a cross-reference gives: `4`, `4.1`."""
        return self.section(key).number

    def every(self) -> list[Section]:
        """Every section and subsection, in order."""
        found = []
        for section in self.sections:
            found += [section, *section.sections]
        return found


def contents(kind: CaseKind) -> Contents:
    """The numbered contents of the outline or the full business case."""
    return Contents(kind, _numbered(DESCRIPTION, kind))
