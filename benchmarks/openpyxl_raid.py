"""The RAID workbook of `psp render raid`, written with openpyxl directly: the benchmark's floor.

    .venv/bin/python benchmarks/openpyxl_raid.py FOLDER OUTPUT --as-of 2026-06-30 [--public-api]

Straight-line: the YAML read with PyYAML's C loader (no psp, no pydantic, no checks), then the
same sheets, cells, values, styles, column widths, row heights, dropdowns, conditional
formatting, formulas, sheet protection, tables, print settings and properties as
`psp render raid` (src/psptool/render/raid_workbook.py, the layout in docs/raid-workbook.md),
saved through a temporary file as psp saves. Only what a valid folder needs is handled: it is
the floor for "openpyxl writing the same cells and formats", not a second renderer. A folder
in git gets no `psp.commit` property here (psp runs `git rev-parse`); the benchmark's folders
are not in git.

Cells are styled the fastest way openpyxl allows, as psp does: each distinct style made once
and given to new cells (`Cell(..., style_array=...)`, then `append`). With --public-api, every
cell is given shared Font, Fill, Alignment and Protection objects through its attributes
instead (`cell.alignment = top`): the usual way, slower (openpyxl hashes the style per cell).
Both write the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
from datetime import date, datetime
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

FILES = (
    "psp.yaml", "partners.yaml", "goals.yaml", "risks.yaml", "milestones.yaml",
    "benefits.yaml", "stakeholders.yaml", "options.yaml", "budget.yaml", "sustainability.yaml",
)
# header, field path, kind, width (the Score, a formula, has no field)
RAID = (
    ("ID", ("id",), "id", 8), ("Type", ("type",), "choice", 12),
    ("Title", ("title",), "text", 40), ("Description", ("description",), "text", 60),
    ("Category", ("category",), "text", 14), ("Owner", ("owner",), "id", 14),
    ("Likelihood", ("likelihood",), "score", 11), ("Impact", ("impact",), "score", 9),
    ("Score", (), "formula", 8),
    ("Target likelihood", ("target", "likelihood"), "score", 11),
    ("Target impact", ("target", "impact"), "score", 9),
    ("Status", ("status",), "choice", 9), ("Raised", ("raised",), "date", 12),
    ("Review", ("review",), "date", 12), ("Resolve by", ("resolve_by",), "date", 12),
    ("Closed", ("closed",), "date", 12), ("Escalated", ("escalated",), "date", 12),
)
ACTIONS = (
    ("Risk ID", 8), ("No.", 5), ("Action", 60), ("Owner", 14), ("Due", 12), ("Done", 7),
)
SPARE = 200
HEADER, DATES = "1F3864", "dd/mm/yyyy"
RAG = {"red": "C00000", "amber": "FFC000", "green": "00B050"}


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader) or {}


def canonical(value, default=None):
    """As psp compares values: text stripped, dates as ISO text, empty as the default."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").strip() or None
    if value is None:
        return default
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return value


def field(record, path):
    for key in path:
        record = record.get(key) if isinstance(record, dict) else None
    return record


def natural(identifier: str) -> tuple:
    parts = re.split(r"(\d+)", identifier)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--public-api", action="store_true")
    args = parser.parse_args()
    as_of, folder, public = date.fromisoformat(args.as_of), args.folder, args.public_api

    digest = hashlib.sha256()
    for name in sorted(FILES):
        digest.update(name.encode())
        path = folder / name
        digest.update(path.read_bytes().removeprefix(b"\xef\xbb\xbf") if path.exists() else b"\0")
    psp = load(folder / "psp.yaml")
    partners = load(folder / "partners.yaml").get("partners") or []
    records = [r for r in load(folder / "risks.yaml").get("risks") or [] if isinstance(r, dict)]
    matrix = psp.get("risk_matrix") or {}
    amber, red = matrix.get("amber", 5), matrix.get("red", 15)
    owners = sorted({p["id"] for p in partners}
                    | {q["id"] for p in partners for q in p.get("people") or []})

    book = Workbook()
    book.remove(book.active)
    book.properties.title = f"{psp['name']}: RAID log"
    book.properties.creator = "psp"
    for key, value in (("psp.as_of", as_of.isoformat()), ("psp.content_hash", digest.hexdigest()),
                       ("psp.partnership", psp["id"])):
        book.custom_doc_props.append(StringProperty(name=key, value=value))

    bold_white, bold = Font(bold=True, color="FFFFFF"), Font(bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER)
    top, wrap_top = Alignment(vertical="top"), Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    grey = PatternFill("solid", fgColor="D9D9D9")

    def style(sheet, **attributes):
        probe = Cell(sheet)
        for key, value in attributes.items():
            setattr(probe, key, value)
        return probe._style

    def write_rows(sheet, rows, styles, formula=None):
        """rows of values; styles: per column, a dict of attributes (or None)."""
        if public:
            for r, values in enumerate(rows, sheet.max_row + 1):  # below the header
                for c, (value, attributes) in enumerate(zip(values, styles, strict=True), 1):
                    cell = sheet.cell(row=r, column=c, value=value)
                    if cell.data_type == "f" and c != formula:
                        cell.data_type = "s"  # text from the folder is never a formula
                    for key, v in (attributes or {}).items():
                        setattr(cell, key, v)
            return
        arrays = [style(sheet, **a) if a else None for a in styles] if rows else []
        for values in rows:
            cells = []
            for c, (value, array) in enumerate(zip(values, arrays, strict=True), 1):
                cell = Cell(sheet, value=value, style_array=array)
                if cell.data_type == "f" and c != formula:
                    cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)

    def heights(sheet, widths):
        for row in sheet.iter_rows(min_row=2, min_col=min(widths), max_col=max(widths)):
            lines = max([1] + [math.ceil(len(c.value) / (widths[c.column] - 1))
                               for c in row if isinstance(c.value, str)])
            if lines > 1:
                sheet.row_dimensions[row[0].row].height = 15 * min(lines, 12)

    def article(noun):
        return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"

    def dropdown(sheet, formula, cells, prompt):
        validation = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            showInputMessage=True,
        )
        validation.error = f"Choose {prompt} from the list"
        validation.errorTitle = "Not in the list"
        validation.prompt = f"Choose {prompt}"
        sheet.add_data_validation(validation)
        validation.add(cells)

    # RAID log
    log = book.create_sheet("RAID log")
    header_align = Alignment(wrap_text=True, vertical="center")
    for c, (header, _, kind, width) in enumerate(RAID, 1):
        cell = log.cell(row=1, column=c, value=header)
        cell.font, cell.alignment = bold_white, header_align
        cell.fill = header_fill if kind != "formula" else PatternFill("solid", fgColor="595959")
        log.column_dimensions[get_column_letter(c)].width = width
    log.row_dimensions[1].height = 30
    rows, fingerprints, action_list = [], [], []
    for r, record in enumerate(records, 2):
        values, canon = [], []
        for header, path, kind, _ in RAID:
            if kind == "formula":
                values.append(f"=G{r}*H{r}")
                continue
            value = canonical(field(record, path), "open" if header == "Status" else None)
            canon.append(value)
            values.append(date.fromisoformat(value) if kind == "date" and value else value)
        rows.append(values)
        acts = []
        for n, action in enumerate(record.get("actions") or [], 1):
            acts.append([canonical(action.get(k), False if k == "done" else None)
                         for k in ("action", "owner", "due", "done")])
            a = acts[-1]
            action_list.append([record.get("id"), n, a[0], a[1],
                                date.fromisoformat(a[2]) if a[2] else None,
                                "yes" if a[3] else "no"])
        if record.get("id") is not None:
            text = json.dumps([canon, acts], ensure_ascii=False, separators=(",", ":"),
                              default=str)
            fingerprints.append((f"risk {record['id']}",
                                 hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]))
    write_rows(log, rows, [
        {"alignment": wrap_top if header in ("Title", "Description") else top,
         **({"number_format": DATES} if kind == "date" else {}),
         **({"fill": grey} if kind == "formula" else {"protection": unlocked})}
        for header, _, kind, _ in RAID
    ], formula=9)
    last = max(len(records) + 1, 2)
    heights(log, {3: 40, 4: 60})
    if records:
        table = Table(displayName="RAID", ref=f"A1:Q{last}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        log.add_table(table)
    log.freeze_panes = "C2"
    editable = [None if c == 9 else {"protection": unlocked} for c in range(1, 18)]
    if not records:
        write_rows(log, [[None] * 17], [{"fill": grey} if s is None else s for s in editable])
    write_rows(log, [[None] * 17] * SPARE, editable)
    for flag in ("autoFilter", "sort", "formatColumns", "formatRows", "insertRows"):
        setattr(log.protection, flag, False)
    log.protection.sheet = True
    for operator, bounds, rag in (("greaterThanOrEqual", [str(red)], "red"),
                                  ("between", [str(amber), str(red - 1)], "amber"),
                                  ("lessThan", [str(amber)], "green")):
        log.conditional_formatting.add(f"I2:I{last}", CellIsRule(
            operator=operator, formula=bounds, fill=PatternFill("solid", bgColor=RAG[rag])))

    # the dropdowns' choices, on a hidden sheet
    lists = book.create_sheet("Lists")
    lists.sheet_state = "hidden"
    choices = {"type": ("risk", "assumption", "issue", "dependency"), "status": ("open", "closed"),
               "score": ("1", "2", "3", "4", "5"), "done": ("yes", "no"),
               "owner": owners or ["-"]}
    refs = {}
    for c, (name, values) in enumerate(choices.items(), 1):
        lists.cell(row=1, column=c, value=name)
        for r, value in enumerate(values, 2):
            lists.cell(row=r, column=c, value=value)
        letter = get_column_letter(c)
        refs[name] = f"Lists!${letter}$2:${letter}${len(values) + 1}"
    end = last + SPARE
    for letter, header, name in (("B", "Type", "type"), ("L", "Status", "status"),
                                 ("G", "Likelihood", "score"), ("H", "Impact", "score"),
                                 ("J", "Target likelihood", "score"),
                                 ("K", "Target impact", "score"), ("F", "Owner", "owner")):
        dropdown(log, refs[name], f"{letter}2:{letter}{end}", article(header.lower()))

    # Actions
    actions = book.create_sheet("Actions")
    for c, (header, width) in enumerate(ACTIONS, 1):
        cell = actions.cell(row=1, column=c, value=header)
        cell.font, cell.fill = bold_white, header_fill
        actions.column_dimensions[get_column_letter(c)].width = width
    write_rows(actions, action_list,
               [None, None, {"alignment": wrap_top}, None, {"number_format": DATES}, None])
    heights(actions, {3: 60})
    if action_list:
        table = Table(displayName="Actions", ref=f"A1:F{len(action_list) + 1}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        actions.add_table(table)
    actions.freeze_panes = "A2"
    actions_end = len(action_list) + 1 + SPARE
    dropdown(actions, refs["done"], f"F2:F{actions_end}", "yes or no")
    dropdown(actions, refs["owner"], f"D2:D{actions_end}", "an owner")

    # Heat map: open entries by likelihood and impact
    heat = book.create_sheet("Heat map")
    heat.cell(row=1, column=1, value="Open entries by likelihood and impact "
              f"(amber from {amber}, red from {red})").font = bold
    cells: dict[tuple[int, int], list[str]] = {}
    for record in sorted(records, key=lambda r: natural(str(r["id"]))):
        if record.get("status", "open") == "open":
            cells.setdefault((record["likelihood"], record["impact"]), []).append(record["id"])
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centred = Alignment(wrap_text=True, horizontal="center", vertical="center")
    fills = {rag: PatternFill("solid", fgColor=colour) for rag, colour in RAG.items()}
    for likelihood in range(5, 0, -1):
        for impact in range(1, 6):
            score = likelihood * impact
            rag = "red" if score >= red else "amber" if score >= amber else "green"
            cell = heat.cell(row=7 - likelihood, column=1 + impact,
                             value=" ".join(cells.get((likelihood, impact), [])) or None)
            cell.fill, cell.alignment, cell.border = fills[rag], centred, border
        heat.row_dimensions[7 - likelihood].height = 36
    for i in range(1, 6):
        heat.cell(row=7 - i, column=1, value=f"likelihood {i}").font = bold
        heat.cell(row=7, column=1 + i, value=f"impact {i}").font = bold
        heat.column_dimensions[get_column_letter(1 + i)].width = 16
    heat.column_dimensions["A"].width = 13

    # _psp: the format and each entry's fingerprint, for psp import raid
    meta = book.create_sheet("_psp")
    meta.sheet_state = "hidden"
    for row in [("Key", "Value"), ("format", "psp-raid-1"), ("partnership", psp["id"]),
                ("rendered", as_of.isoformat()), *fingerprints]:
        meta.append(list(row))

    for sheet in book.worksheets:  # print landscape on A4, one page wide
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if sheet.max_row > 1 and sheet.title != "Heat map":
            sheet.print_title_rows = "1:1"
    partial = args.output.with_name(f".{args.output.name}.partial")
    book.save(str(partial))
    os.replace(partial, args.output)


if __name__ == "__main__":
    main()
