"""The hostile-files corpus, made by code rather than stored: workbooks for `psp import raid`
and Word templates for `psp render` and `psp templates check`, each small on disk and each
built to hang, exhaust or crash a reader that trusts it (tests/corpus/README.md lists them)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "application/vnd.openxmlformats-officedocument"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BOMB_DOCTYPE = (
    '<!DOCTYPE lolz [<!ENTITY lol "lololololololololololololololololololol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
    )
    + "]>"
)
"""The billion laughs: nine levels of ten entities each, a billion copies of 'lol'."""


def _content_types(overrides: dict[str, str]) -> str:
    parts = "".join(
        f'<Override PartName="{part}" ContentType="{_OFFICE}.{kind}"/>'
        for part, kind in overrides.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_TYPES}">'
        f'<Default Extension="rels" ContentType="{_RELS_TYPE}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{parts}</Types>"
    )


_SHEET_TYPES = {
    "/xl/workbook.xml": "spreadsheetml.sheet.main+xml",
    "/xl/worksheets/sheet1.xml": "spreadsheetml.worksheet+xml",
}


def sheet_xml(rows: str, dimension: str | None = None, doctype: str = "") -> str:
    """A worksheet's XML holding `rows` (`<row>` elements)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">{dim}'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def workbook(
    sheet: str | bytes, name: str = "RAID log", extra: dict[str, bytes] | None = None
) -> bytes:
    """A workbook of one sheet called `name` whose XML is `sheet`, as bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(_SHEET_TYPES))
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for part, data in (extra or {}).items():
            archive.writestr(part, data)
    return buffer.getvalue()


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER_ROW = '<row r="1">' + _inline("A1", "ID") + _inline("B1", "Type") + "</row>"


def far_cell() -> bytes:
    """One cell at XFD1048576, the last cell a sheet has: 20 KB that a reader padding the
    grid turns into 17 thousand million cells."""
    return workbook(
        sheet_xml(HEADER_ROW + '<row r="1048576">' + _inline("XFD1048576", "x") + "</row>")
    )


def far_dimension() -> bytes:
    """A sheet declaring itself A1:XFD1048576 though it holds one row."""
    return workbook(sheet_xml(HEADER_ROW, dimension="A1:XFD1048576"))


def long_row_number() -> bytes:
    """A row numbered with ten thousand digits: more than Python turns into an integer."""
    number = "9" * 10_000
    return workbook(sheet_xml(HEADER_ROW + f'<row r="{number}"><c><v>1</v></c></row>'))


def many_shared_strings() -> bytes:
    """Three million shared strings, which a reader keeps in memory whole, in 300 KB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(_SHEET_TYPES))
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml(HEADER_ROW))
        with archive.open("xl/sharedStrings.xml", "w") as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'.encode())
            block = b"<si><t>a</t></si>" * 100_000
            for _ in range(30):
                part.write(block)
            part.write(b"</sst>")
    return buffer.getvalue()


def million_rows() -> bytes:
    """A million rows of one cell each: about 2 MB packed."""
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(2, 1_000_002))
    return workbook(sheet_xml(HEADER_ROW + rows))


def zip_bomb() -> bytes:
    """A part of 200 MiB of spaces, packed into well under a megabyte."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(_SHEET_TYPES))
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            block = b" " * 2**20
            for _ in range(200):
                part.write(block)
    return buffer.getvalue()


def cut_short() -> bytes:
    """A sheet whose XML stops in the middle of a row, as a failed download leaves it."""
    whole = sheet_xml(HEADER_ROW + '<row r="2">' + _inline("A2", "R1") + "</row>")
    return workbook(whole[: len(whole) // 2 + 40])


def entity_bomb() -> bytes:
    """The billion laughs in the sheet's XML, used in a cell."""
    return workbook(
        sheet_xml(
            HEADER_ROW + '<row r="2">' + _inline("A2", "&lol9;") + "</row>", doctype=BOMB_DOCTYPE
        )
    )


def docx(document_xml: str, extra: dict[str, bytes] | None = None, extra_bytes: int = 0) -> bytes:
    """A Word document whose body is `document_xml`; with `extra_bytes`, a part of that many
    spaces besides (packed to a thousandth of it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            _content_types({"/word/document.xml": "wordprocessingml.document.main+xml"}),
        )
        archive.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr("word/document.xml", document_xml)
        for part, data in (extra or {}).items():
            archive.writestr(part, data)
        if extra_bytes:
            with archive.open("word/media/padding.xml", "w", force_zip64=True) as padding:
                for _ in range(extra_bytes // 2**20):
                    padding.write(b" " * 2**20)
    return buffer.getvalue()


def docx_text(text: str, doctype: str = "", extra_bytes: int = 0) -> bytes:
    """A Word document of one paragraph holding `text` (a Jinja template, say)."""
    return docx(
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{_WORD}"><w:body>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        extra_bytes=extra_bytes,
    )


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
