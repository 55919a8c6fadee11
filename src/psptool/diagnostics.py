"""Diagnostics are data: a stable code, a severity, a message, and where it points.

Every code the tool can emit is listed in `CODES`, with its default severity and one line of
explanation; `docs/diagnostics.md` is checked against this table by the test suite.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str
    layer: str


def _codes(layer: str, *rows: tuple[str, Severity, str]) -> list[Code]:
    return [Code(code, severity, title, layer) for code, severity, title in rows]


CODES: dict[str, Code] = {
    c.code: c
    for c in [
        *_codes(
            "internal",
            ("PSP000", "error", "a check failed unexpectedly; the other checks still ran"),
        ),
        *_codes(
            "file",
            ("PSP001", "error", "no PSP folder: no psp.yaml here or in any parent folder"),
            ("PSP002", "error", "a required file (psp.yaml, partners.yaml) is missing"),
            (
                "PSP003",
                "error",
                "a file cannot be read: it is a folder, unreadable or a broken link",
            ),
            ("PSP004", "error", "a file is too large to be a PSP file"),
            ("PSP005", "error", "a file is not UTF-8 text (for example UTF-16 or Windows-1252)"),
            (
                "PSP006",
                "warning",
                "a file starts with a byte-order mark; it is read, but best saved without",
            ),
        ),
        *_codes(
            "syntax",
            ("PSP010", "error", "YAML syntax error"),
            ("PSP011", "error", "a tab is used for indentation; YAML needs spaces"),
            ("PSP012", "error", "the same key appears twice in one mapping"),
            (
                "PSP013",
                "error",
                "aliases expand to too much data (a 'billion laughs' file) or refer to themselves",
            ),
            ("PSP014", "error", "the data is nested too deeply"),
            ("PSP015", "error", "the file does not hold a mapping of keys at the top"),
            ("PSP016", "error", "a key is not a plain string"),
            ("PSP017", "error", "the file holds more than one YAML document"),
        ),
        *_codes(
            "schema",
            ("PSP101", "error", "unknown key (a typo is never silently dropped)"),
            ("PSP102", "error", "a required field is missing"),
            ("PSP103", "error", "a value has the wrong type (text, number, list, yes/no)"),
            ("PSP104", "error", "a number is out of range (for example a score outside 1–5)"),
            ("PSP105", "error", "a value is not one of the allowed choices"),
            (
                "PSP106",
                "error",
                "an id is not valid: letters, digits, '-' and '_', starting with a letter",
            ),
            ("PSP107", "error", "a date is not a real ISO date (YYYY-MM-DD)"),
            ("PSP108", "error", "a value is not valid"),
        ),
        *_codes(
            "references",
            ("PSP201", "error", "two records of the same kind share an id"),
            ("PSP202", "error", "an owner is neither a partner nor a partner's person"),
            ("PSP203", "error", "a reference to a partner or person that does not exist"),
            ("PSP204", "error", "a reference to a goal that does not exist"),
            ("PSP205", "error", "a milestone depends on a milestone that does not exist"),
            ("PSP206", "error", "an option names a risk that does not exist"),
            ("PSP207", "error", "a communication reaches a stakeholder that does not exist"),
            ("PSP208", "error", "`preferred` names an option that does not exist"),
            ("PSP209", "error", "a score is given for a criterion that does not exist"),
            ("PSP210", "error", "an option or candidate has no score for a criterion"),
            ("PSP211", "error", "a person signs for a partner they do not belong to"),
            ("PSP221", "error", "a meeting names a governance group that does not exist"),
            ("PSP222", "error", "a meeting's attendee or apology is not a person in partners.yaml"),
            (
                "PSP223",
                "error",
                "a decision names a risk, milestone, goal, benefit or option that does not exist",
            ),
            (
                "PSP224",
                "error",
                "a knowledge transfer's `from` or `to` is not a partner or a person",
            ),
            ("PSP225", "error", "an approval names a meeting that is not in meetings.yaml"),
        ),
        *_codes(
            "consistency",
            ("PSP301", "error", "milestones depend on each other in a cycle"),
            ("PSP302", "warning", "a milestone is due before a milestone it depends on"),
            ("PSP303", "warning", "a date lies outside the partnership's start and end"),
            (
                "PSP304",
                "error",
                "a completion, measurement or signature is dated after the as-of date",
            ),
            ("PSP305", "error", "an end date is before its start date"),
            ("PSP306", "error", "the risk matrix's amber threshold is not below its red threshold"),
            ("PSP307", "warning", "a risk's target score is higher than its current score"),
            ("PSP308", "error", "a risk is closed or escalated before the date it was raised"),
            (
                "PSP309",
                "warning",
                "a funder sets its budget after the milestone that commits the spend",
            ),
            (
                "PSP310",
                "warning",
                "the full business case is due before a 12-month pilot can have run",
            ),
            ("PSP321", "error", "a meeting marked held is dated after the as-of date"),
            ("PSP322", "warning", "a planned meeting's date has passed"),
            ("PSP323", "error", "a person is both an attendee and an apology at one meeting"),
            (
                "PSP324",
                "error",
                "an action or transfer is completed after the as-of date, or before the "
                "meeting that agreed it",
            ),
        ),
        *_codes(
            "good practice",
            ("PSP401", "warning", "a goal is not SMART; the message names the failing letters"),
            ("PSP402", "warning", "an open risk or issue has no owner"),
            ("PSP403", "warning", "an open risk or issue has no action"),
            ("PSP404", "warning", "an open risk's review date has passed"),
            ("PSP405", "warning", "the options appraisal has no do-nothing option"),
            ("PSP406", "warning", "the preferred option is not the top-scored option"),
            ("PSP407", "warning", "no public-sector partner"),
            ("PSP408", "warning", "no third-sector partner"),
            ("PSP409", "warning", "no public partner is a potential funder of the service"),
            ("PSP410", "warning", "not exactly one lead partner"),
            ("PSP411", "warning", "an MoU signatory is not at Director level"),
            ("PSP412", "warning", "a partner has not signed the MoU after the create stage"),
            ("PSP413", "warning", "the pilot is shorter than 12 months"),
            ("PSP414", "warning", "an open action on a risk is overdue"),
            ("PSP415", "warning", "a milestone is overdue"),
            ("PSP416", "warning", "a stakeholder has no interest or influence rating"),
            ("PSP417", "warning", "more than one option is marked as do nothing"),
            (
                "PSP418",
                "warning",
                "an SROI leaves out deadweight, displacement, attribution, drop-off, the "
                "proxy's source or discounting",
            ),
            ("PSP441", "warning", "a group has not met within its cadence"),
            ("PSP442", "warning", "a member partner was not represented at a governance meeting"),
            ("PSP443", "warning", "a meeting marked held names no attendees"),
            ("PSP444", "warning", "an action agreed at a meeting has no owner or no due date"),
            ("PSP445", "warning", "a decision names a record in its words but does not link it"),
            ("PSP446", "warning", "a knowledge transfer is past its due date and not done"),
            ("PSP447", "warning", "a knowledge transfer is done without a date or evidence"),
            (
                "PSP448",
                "warning",
                "the partnership is in its pilot or sustain stage with no knowledge transfer "
                "planned",
            ),
            ("PSP449", "warning", "an open action agreed at a meeting is overdue"),
        ),
        *_codes(
            "paper readiness",
            ("PSP501", "warning", "a governance group has no chair, so the papers name none"),
            ("PSP502", "warning", "a partner has no responsibilities for the MoU to list"),
            ("PSP503", "warning", "the preferred option has no rationale for the business cases"),
            (
                "PSP504",
                "warning",
                "an open assumption or dependency the business cases list has no mitigation",
            ),
            ("PSP505", "warning", "the pilot has no dates for the outline business case"),
            ("PSP506", "warning", "a partner has no one at Director level to sign its papers"),
            ("PSP507", "warning", "a group's next meeting has no time or venue for its agenda"),
            ("PSP508", "warning", "a decision has no rationale for the minutes to give"),
            ("PSP509", "warning", "the options' estimated costs do not say what they cover"),
        ),
        *_codes(
            "branding",
            (
                "PSP601",
                "error",
                "the branding logo is not a file inside the partnership's folder",
            ),
            ("PSP602", "error", "the branding logo is not a PNG or JPEG image"),
            (
                "PSP603",
                "error",
                "the branding logo is over 1 MiB, or over 5,000 pixels on a side",
            ),
            (
                "PSP604",
                "warning",
                "the branding colour is empty: an unquoted # starts a YAML comment",
            ),
        ),
        *_codes(
            "economic case",
            ("PSP430", "warning", "an option puts no optimism bias on a kind of cost it has"),
            ("PSP431", "warning", "options are appraised over different periods"),
        ),
    ]
}


@dataclass(frozen=True)
class Diagnostic:
    """One finding: what is wrong, how bad, and the file, line and column it is about.

    `file` is the file's name inside the PSP folder (`risks.yaml`); line and column count
    from 1, and are 0 when the finding is about a whole file or the folder.
    """

    code: str
    severity: Severity
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    hint: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def make(
    code: str,
    message: str,
    file: str = "",
    line: int = 0,
    column: int = 0,
    hint: str | None = None,
    severity: Severity | None = None,
) -> Diagnostic:
    """Build a diagnostic whose severity comes from the code table unless given; its message
    and hint at most a few hundred characters, control characters escaped (quoting)."""
    from .quoting import clip_message

    if hint is not None:
        hint = clip_message(hint)
    severity = severity or CODES[code].severity
    return Diagnostic(code, severity, clip_message(message), file, line, column, hint)
