"""The partnership's branding on its papers (`psp.yaml` `branding`): its colour on header
rows and headings, its logo on a workbook's cover sheet, at the top of the HTML report and in
the Word papers' headers.

Text on the colour is white or black, whichever contrasts more (WCAG's relative luminance),
and a colour too light for headings on white paper is darkened for them until it reads
(`READABLE`), so no partnership's colour makes a paper hard to read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..load.branding import Logo
from ..model import Project

PSP_COLOUR = "1F3864"
"""psp's own dark blue, on header rows where the partnership gives no colour
(render.workbook.HEADER_FILL)."""
READABLE = 4.5
"""The contrast with white a heading's colour needs: WCAG's AA level for text."""
COVER = "Cover"
"""The sheet a branded workbook opens with: the logo, the partnership, the paper, its date."""
LOGO_HEIGHT_CM = 1.5
"""How high the logo stands in a Word paper's header."""


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of an RRGGBB colour, 0 (black) to 1 (white)."""

    def channel(pair: str) -> float:
        value = int(pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two RRGGBB colours, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(colour: str) -> str:
    """White or black text on `colour` (RRGGBB), whichever contrasts more."""
    return "FFFFFF" if contrast(colour, "FFFFFF") >= contrast(colour, "000000") else "000000"


def readable_on_white(colour: str) -> str:
    """`colour`, darkened towards black in steps of a twentieth until it has READABLE
    contrast with white paper (as it is, when it has)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    for step in range(21):
        keep = 1 - step / 20
        shade = f"{round(red * keep):02X}{round(green * keep):02X}{round(blue * keep):02X}"
        if contrast(shade, "FFFFFF") >= READABLE:
            return shade
    return "000000"


@dataclass(frozen=True)
class Brand:
    """What a paper shows of the partnership's branding, read once from the folder."""

    partnership: str
    colour: str
    """RRGGBB, the partnership's or psp's own."""
    logo: Logo | None = None

    @property
    def text(self) -> str:
        """RRGGBB of text on the colour."""
        return text_on(self.colour)

    @property
    def heading(self) -> str:
        """RRGGBB of headings in the colour on white paper."""
        return readable_on_white(self.colour)


def brand_of(project: Project, root: Path) -> Brand | None:
    """The folder's branding, its logo read from inside the folder (load.branding, so a logo
    `psp validate` passed); None where psp.yaml declares none."""
    branding = project.psp.branding
    if branding is None or (branding.logo is None and branding.colour is None):
        return None
    logo = None
    if branding.logo is not None:
        from ..errors import UserError
        from ..load.branding import LogoProblem, read_logo

        try:
            logo = read_logo(root, branding.logo)
        except LogoProblem as problem:  # changed since it was checked
            raise UserError(f"psp.yaml: {problem.message}; nothing was written") from None
    colour = (branding.colour or f"#{PSP_COLOUR}").removeprefix("#")
    return Brand(project.psp.name, colour, logo)


# workbooks ------------------------------------------------------------------------------


def brand_workbook(workbook: Any, brand: Brand, paper: str, as_of: date) -> None:
    """The partnership's colour on every header row psp filled with its own blue, and, with
    a logo, a cover sheet first showing it (LibreOffice prints no picture in a sheet's page
    header, so the logo goes on a sheet of its own). The workbook still opens on the sheet
    it opened on."""
    from copy import copy

    from openpyxl.styles import PatternFill
    from openpyxl.styles.colors import Color

    if brand.colour.upper() != PSP_COLOUR:
        fill = PatternFill("solid", fgColor=brand.colour)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if _filled_with(cell, PSP_COLOUR):
                        cell.fill = fill
                        font = copy(cell.font)
                        font.color = Color(rgb=f"00{brand.text}")
                        cell.font = font
    if brand.logo is not None:
        _cover(workbook, brand, paper, as_of)


def _filled_with(cell: Any, colour: str) -> bool:
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return False
    rgb = getattr(fill.fgColor, "rgb", None)
    return isinstance(rgb, str) and rgb.upper()[-6:] == colour


def _logo_image(logo: Logo, width: float, height: float) -> Any:
    """openpyxl's `Image` made from the logo's bytes and size, without Pillow (openpyxl
    asks Pillow only to learn the size and to convert formats Excel cannot show; a logo is
    a PNG or JPEG of known size)."""
    from openpyxl.drawing.image import Image

    class FromBytes(Image):
        def __init__(self) -> None:
            self.ref = io.BytesIO(logo.data)
            self.format = logo.kind
            self.width, self.height = round(width), round(height)

        def _data(self) -> bytes:
            return logo.data

    return FromBytes()


COVER_LOGO_PX = (360.0, 96.0)
"""The most room the logo takes on the cover sheet, in pixels (wide, high)."""


def _cover(workbook: Any, brand: Brand, paper: str, as_of: date) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..report.formatting import long_date

    opened = workbook.active
    sheet = workbook.create_sheet(COVER, 0)
    assert brand.logo is not None
    widest, highest = COVER_LOGO_PX
    width, height = brand.logo.scaled(highest, widest)
    sheet.add_image(_logo_image(brand.logo, width, height), "B2")
    sheet.column_dimensions["A"].width = 3
    sheet.column_dimensions["B"].width = 90
    sheet.row_dimensions[2].height = height * 0.75 + 6  # points from pixels, and a margin
    title = sheet.cell(row=4, column=2, value=brand.partnership)
    title.font = Font(bold=True, size=18, color=brand.heading)
    sheet.cell(row=5, column=2, value=paper[:1].upper() + paper[1:]).font = Font(size=14)
    sheet.cell(row=6, column=2, value=f"As at {long_date(as_of)}").font = Font(size=11)
    band = PatternFill("solid", fgColor=brand.colour)
    for column in (1, 2):
        sheet.cell(row=7, column=column).fill = band
    sheet.row_dimensions[7].height = 6
    for row in (4, 5, 6):
        sheet.cell(row=row, column=2).alignment = Alignment(vertical="center")
    sheet.print_area = "A1:B7"
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_view.showGridLines = False
    if opened is not None:
        workbook.active = workbook.worksheets.index(opened)
        for other in workbook.worksheets:
            other.sheet_view.tabSelected = other is opened


# Word papers ----------------------------------------------------------------------------


def _has_picture(element: Any) -> bool:
    from docx.oxml.ns import qn

    return any(True for _ in element.iter(qn("w:drawing"), qn("w:pict")))


def brand_docx(document: Any, logo: Logo) -> None:
    """The logo at the right of the header of every page of a Word paper (python-docx's
    `document`): the default header of each section that has its own, and its first-page
    header where the section has one. A template whose headers already hold a picture
    keeps them as they are: the partnership branded it itself."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    headers = [
        relation.target_part.element
        for relation in document.part.rels.values()
        if relation.reltype == RELATIONSHIP_TYPE.HEADER and not relation.is_external
    ]
    if any(_has_picture(header) for header in headers):
        return
    for number, section in enumerate(document.sections):
        stories = [section.header]
        if section.different_first_page_header_footer:
            stories.append(section.first_page_header)
        for story in stories:
            if number and story.is_linked_to_previous:
                continue
            story.is_linked_to_previous = False
            _put_logo(document, story, logo)


def _put_logo(document: Any, story: Any, logo: Logo) -> None:
    """A right-aligned paragraph holding the logo, first in the header `story`. The picture
    is related to the header's own part, which may be the plain XML part docxtpl leaves
    after rendering a header (python-docx's `add_picture` needs its own kind of part)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.oxml.shape import CT_Inline
    from docx.shared import Cm, Length

    image_part = document.part.package.get_or_add_image_part(io.BytesIO(logo.data))
    part = story.part
    relation = part.relate_to(image_part, RELATIONSHIP_TYPE.IMAGE)
    height: Length = Cm(LOGO_HEIGHT_CM)
    width = Length(int(height * logo.width / logo.height))
    widest = Cm(8)
    if width > widest:
        width, height = widest, Length(int(widest * logo.height / logo.width))
    shape_id = 1 + sum(1 for _ in story._element.iter("{*}docPr"))
    inline = CT_Inline.new_pic_inline(
        shape_id, relation, image_part.filename or "logo", width, height
    )
    paragraph = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:drawing/></w:r></w:p>'
    )
    paragraph.find(".//{*}drawing").append(inline)
    story._element.insert(0, paragraph)


# the HTML report ------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlColours:
    """The HTML report's colours, as `#rrggbb`: headings and their rules (`accent`), table
    headers (`header`) and the text on them (`header_text`)."""

    accent: str
    header: str
    header_text: str


def html_colours(brand: Brand | None) -> HtmlColours:
    """The partnership's colours for the HTML report where it has branding (headings
    darkened to read on white), psp's own otherwise."""
    if brand is None:
        return HtmlColours("#1f3864", "#d9e2f3", "#1a1a1a")
    return HtmlColours(
        f"#{brand.heading.lower()}", f"#{brand.colour.lower()}", f"#{brand.text.lower()}"
    )
