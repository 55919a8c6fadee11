"""No silent loss at Excel's cell limit: `psp render raid` refuses a value longer than a cell
holds before it writes anything, every other workbook refuses a cell openpyxl had to cut, and
`psp import raid` refuses a cell filled to the limit, which may hold the first part of a value
cut by Excel."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter

from psptool.load.limits import excel_length
from psptool.load.raid_layout import RAID_COLUMNS, RAID_SHEET
from tests.edit import raid_workbook as wb
from tests.helpers import PspRunner
from tests.hostile.harness import snapshot

AS_OF = "2026-06-30"
LONG = "word " * 8_000  # 40,000 characters


def _long_description(folder: Path, text: str) -> None:
    risks = folder / "risks.yaml"
    yaml = risks.read_text(encoding="utf-8")
    block = "    description: >-\n      Folded text that\n      spans two lines.\n"
    assert block in yaml
    risks.write_text(yaml.replace(block, f"    description: {text}\n", 1), encoding="utf-8")


def _render_raid(folder: Path) -> tuple[int, str, Path]:
    output = folder.parent / "raid.xlsx"
    result = PspRunner().invoke(
        ["render", "raid", str(folder), "-o", str(output), "--as-of", "2026-06-30"]
    )
    return result.exit_code, result.stderr, output


def test_excel_counts_characters_beyond_the_basic_plane_twice() -> None:
    assert [excel_length(t) for t in ("", "abc", "日本", "\U0001f600", "a\U0001f600b")] == [
        0,
        3,
        2,
        2,
        4,
    ]


def test_render_raid_refuses_a_description_longer_than_a_cell(commented: Path) -> None:
    _long_description(commented, LONG.strip())
    before = snapshot(commented)
    code, stderr, output = _render_raid(commented)
    assert code == 2, stderr
    assert stderr == (
        "psp: R-001: the description is 39,999 characters long, and an Excel cell holds "
        "32,767 (sheet 'RAID log'): Excel would cut it; shorten it in risks.yaml to under "
        "32,767 characters, or keep the full text in a document and refer to it, before "
        "rendering the RAID workbook\n"
    )
    assert not output.exists()
    assert snapshot(commented) == before


def test_emoji_count_twice_towards_the_limit(commented: Path) -> None:
    # 20,000 code points, which openpyxl would keep, but 40,000 UTF-16 units, which Excel cuts
    _long_description(commented, "\U0001f600" * 20_000)
    code, stderr, output = _render_raid(commented)
    assert code == 2
    assert stderr.startswith("psp: R-001: the description is 40,000 characters long")
    assert not output.exists()


def test_a_description_just_under_the_limit_goes_there_and_back(commented: Path) -> None:
    text = "x" * 32_766
    _long_description(commented, text)
    code, stderr, output = _render_raid(commented)
    assert code == 0, stderr
    before = snapshot(commented)
    result = PspRunner().invoke(
        ["import", "raid", str(output), "--project", str(commented), "--as-of", "2026-06-30"]
    )
    assert result.exit_code == 0, result.output
    assert "no differences" in result.stdout
    assert snapshot(commented) == before


def test_every_workbook_refuses_a_cell_openpyxl_cut(commented: Path) -> None:
    plan = commented / "milestones.yaml"
    text = plan.read_text(encoding="utf-8")
    first = text.index("title: ")
    end = text.index("\n", first)
    plan.write_text(text[:first] + f"title: {'y' * 40_000}" + text[end:], encoding="utf-8")
    output = commented.parent / "plan.xlsx"
    result = PspRunner().invoke(
        ["render", "plan", str(commented), "-o", str(output), "--as-of", "2026-06-30"]
    )
    assert result.exit_code == 2, result.output
    assert "the text fills the 32,767 characters an Excel cell holds" in result.stderr
    assert "nothing was written" in result.stderr
    assert not output.exists()


def test_import_refuses_a_cell_filled_to_the_limit(commented: Path) -> None:
    book = wb.build(commented.parent / "raid.xlsx", wb.records(commented))
    column = get_column_letter([c.header for c in RAID_COLUMNS].index("Description") + 1)
    wb.edit(book, {(RAID_SHEET, f"{column}2"): "x" * 32_767})
    before = snapshot(commented)
    result = PspRunner().invoke(
        ["import", "raid", str(book), "--project", str(commented), "--apply", "--as-of", AS_OF]
    )
    assert result.exit_code == 1, result.output
    assert (
        f"sheet 'RAID log', row 2, column {column} (Description): the cell holds 32,767 "
        "characters, as many as an Excel cell can: the text may have been cut"
    ) in result.output
    assert snapshot(commented) == before


def test_a_long_partnership_name_fits_excel_s_page_header(commented: Path) -> None:
    import html
    import re
    import zipfile

    psp = commented / "psp.yaml"
    text = psp.read_text(encoding="utf-8")
    long_name = "Falkirk & District Foster Care Partnership " * 12  # 516 characters
    psp.write_text(re.sub(r"(?m)^name: .*$", f"name: {long_name.strip()}", text, count=1))
    code, stderr, output = _render_raid(commented)
    assert code == 0, stderr
    with zipfile.ZipFile(output) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    found = re.findall(r"<(?:odd|even)Header>(.*?)</(?:odd|even)Header>", sheet)
    headers = [html.unescape(h) for h in found]
    assert headers and all(len(h) <= 255 for h in headers), headers
    assert "Falkirk && District" in headers[0]
    # the name cut, with '…', before the paper and its as-at date (#14)
    assert headers[0].endswith('…&R&"Arial,Regular"&9 RAID log as at 30 June 2026')
