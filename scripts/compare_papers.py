"""Render every paper and compare what it says with an earlier rendering, by content.

A refactoring of the papers must not change what a partner reads. This script renders every
paper `psp render` writes, for the worked example and for a sparse young partnership, and
records each one's content as text: Word paragraphs (with their style), table cells, headers
and footers; workbook cells (values and formulas), merged ranges, validations and conditional
formats, per sheet. The zip containers carry timestamps, so bytes are never compared.

    python scripts/compare_papers.py dump /tmp/before      # on the old code
    python scripts/compare_papers.py dump /tmp/after       # on the new code
    python scripts/compare_papers.py compare /tmp/before /tmp/after

The commands are spelt out (not taken from the paper registry) so the same script runs on
code from before the registry existed.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))  # for tests.helpers, run from anywhere

from tests.helpers import PARTNERS  # noqa: E402

EXAMPLE = REPOSITORY / "examples" / "falkirk-foster-care"

# the paper, its suffix and its `psp render` arguments
PAPERS: list[tuple[str, str, list[str]]] = [
    ("mou", "docx", ["mou"]),
    ("business-case-outline", "docx", ["business-case", "--outline"]),
    ("business-case-full", "docx", ["business-case", "--full"]),
    ("raid", "xlsx", ["raid"]),
    ("plan", "xlsx", ["plan"]),
    ("options", "xlsx", ["options"]),
    ("stakeholders", "xlsx", ["stakeholders"]),
]

SPARSE = {
    "psp.yaml": """\
name: Test PSP
id: test-psp
stage: design
start: 2026-01-01
end: 2027-12-31
pilot: {start: 2026-09-01, end: 2027-08-31}
approvals:
  - {document: outline_business_case, partner: council, person: p-dir, date: 2026-05-01}
""",
    "partners.yaml": PARTNERS,
    "risks.yaml": """\
risks:
  - {id: R1, type: risk, title: Funding ends early, likelihood: 4, impact: 4, owner: p-pm}
  - {id: I1, type: issue, title: Referrals are slow, likelihood: 3, impact: 2}
""",
    "goals.yaml": """\
goals:
  - {id: G1, title: Fewer missed appointments, term: short}
""",
    "benefits.yaml": """\
benefits:
  - {id: B1, title: Fewer missed appointments, goal: G1, baseline: 30, target: 10, unit: "%"}
""",
    "milestones.yaml": """\
milestones:
  - {id: M1, title: Pilot begins, due: 2026-09-01, owner: council}
""",
    "options.yaml": """\
criteria:
  - {id: cost, name: Cost, weight: 2}
options:
  - {id: O0, name: Do nothing, do_nothing: true, scores: {cost: 3}}
  - {id: O1, name: Shared referral desk, cost: 20000, scores: {cost: 4}}
""",
}
"""A young partnership: the minimal test folder's partners (tests/helpers.py), a psp.yaml at
the design stage with a pilot and one sign-off, and a few records."""

FOLDERS: dict[str, tuple[str, str]] = {
    # name: (how the folder is made, as-of date)
    "example": ("example", "2011-06-30"),
    "example-no-git": ("example copied out of git", "2011-06-30"),
    "sparse": ("sparse", "2026-06-30"),
}


def docx_content(path: Path) -> list[str]:
    """Every paragraph (style and text) and table (cell by cell) in body order, then each
    section's headers and footers, as lines of text."""
    from docx import Document

    document = Document(str(path))
    lines: list[str] = []
    body = document.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            lines.append(f"p[{paragraph.style.name if paragraph.style else ''}] {paragraph.text}")
        elif tag == "tbl":
            table = Table(child, document)
            lines.append("table")
            for row in table.rows:
                lines.append("  | " + " | ".join(cell.text for cell in row.cells))
    for number, section in enumerate(document.sections, 1):
        for part in ("header", "footer", "first_page_header", "first_page_footer"):
            block = getattr(section, part)
            if block.is_linked_to_previous:
                continue
            for paragraph in block.paragraphs:
                if paragraph.text:
                    lines.append(f"section {number} {part}: {paragraph.text}")
            for table in block.tables:
                for row in table.rows:
                    lines.append(
                        f"section {number} {part}: | " + " | ".join(c.text for c in row.cells)
                    )
    return lines


def xlsx_content(path: Path) -> list[str]:
    """Each sheet's cells (value or formula), merged ranges, data validations, conditional
    formats and print titles, as lines of text."""
    from openpyxl import load_workbook

    book = load_workbook(str(path))
    lines: list[str] = []
    for sheet in book.worksheets:
        lines.append(f"sheet {sheet.title}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    lines.append(f"  {cell.coordinate} = {cell.value!r}")
        for merged in sorted(str(m) for m in sheet.merged_cells.ranges):
            lines.append(f"  merged {merged}")
        for validation in sheet.data_validations.dataValidation:
            lines.append(f"  validation {validation.sqref} {validation.type} {validation.formula1}")
        for rng, rules in sheet.conditional_formatting._cf_rules.items():
            for rule in rules:
                lines.append(f"  conditional {rng.sqref} {rule.type} {rule.formula}")
        lines.append(
            f"  header {sheet.oddHeader.center.text!r} footer {sheet.oddFooter.center.text!r}"
        )
        lines.append(f"  print titles {sheet.print_title_rows!r} freeze {sheet.freeze_panes!r}")
    return lines


def content(path: Path) -> list[str]:
    return docx_content(path) if path.suffix == ".docx" else xlsx_content(path)


def _folder(kind: str, where: Path) -> Path:
    if kind == "example":
        return EXAMPLE  # in git: the business cases' version history comes from its commits
    where.mkdir(parents=True)
    if kind == "sparse":
        for name, text in SPARSE.items():
            (where / name).write_text(text, encoding="utf-8")
    else:
        for source in EXAMPLE.glob("*.yaml"):
            shutil.copy2(source, where / source.name)
    return where


HELP = [
    ["render"],
    *(["render", args[0]] for _, _, args in PAPERS if args[-1] != "--full"),
    ["templates"],
    ["templates", "list"],
    ["templates", "export"],
    ["templates", "check"],
]
"""The commands whose `--help` the papers' declarations write."""


OUTPUTS = [["templates", "list"], ["templates", "check"]]
"""Commands whose output (not only help) comes from the paper declarations."""


def _help(args: list[str]) -> str:
    import os
    import subprocess

    environment = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "psptool", *args]
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    return done.stdout + done.stderr


def dump(dest: Path) -> int:
    """Render every paper of every folder and write its content to DEST/FOLDER/PAPER.txt,
    and each command's help to DEST/help/COMMAND.txt."""
    from psptool.cli import main

    (dest / "help").mkdir(parents=True, exist_ok=True)
    for args in HELP:
        (dest / "help" / f"{'-'.join(args)}.txt").write_text(_help([*args, "--help"]), "utf-8")
    for args in OUTPUTS:
        text = _help([*args, "--project", str(EXAMPLE)])
        (dest / "help" / f"{'-'.join(args)}-output.txt").write_text(text, "utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        for name, (kind, as_of) in FOLDERS.items():
            folder = _folder(kind.split()[0], Path(tmp) / name)
            (dest / name).mkdir(parents=True, exist_ok=True)
            for paper, suffix, args in PAPERS:
                output = Path(tmp) / f"{name}-{paper}.{suffix}"
                code = main(
                    ["render", *args, str(folder), "--as-of", as_of, "-o", str(output), "--force"]
                )
                text = content(output) if code == 0 else [f"exit code {code}"]
                (dest / name / f"{paper}.txt").write_text("\n".join(text) + "\n", "utf-8")
    return 0


def compare(before: Path, after: Path) -> int:
    """Print a unified diff for each paper whose content changed; 1 when any did."""
    changed = 0
    names = sorted({p.relative_to(before) for p in before.rglob("*.txt")})
    names += sorted({p.relative_to(after) for p in after.rglob("*.txt")} - set(names))
    for name in names:
        old = (before / name).read_text("utf-8").splitlines() if (before / name).exists() else []
        new = (after / name).read_text("utf-8").splitlines() if (after / name).exists() else []
        if old != new:
            changed += 1
            sys.stdout.writelines(
                line + "\n"
                for line in difflib.unified_diff(
                    old, new, f"before/{name}", f"after/{name}", n=1, lineterm=""
                )
            )
    print(f"{len(names)} papers compared, {changed} differ")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("dump").add_argument("dest", type=Path)
    both = commands.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args: Any = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.dest)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
