"""One self-contained HTML page for a `Document`: RAG colours, charts in inline SVG, and a
print stylesheet for A4. No scripts, no external files, so it opens anywhere and prints."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..report.wording import plural
from ..vocabulary import RAG_COLOURS, RAG_LABELS, RAG_TEXT_COLOURS, SCALE_LABELS
from .branding import Brand, HtmlColours, html_colours
from .document import Bullets, Document, Figure, Heading, Para
from .tables import Table, cell_text

if TYPE_CHECKING:
    from ..analysis.benefits import BenefitProgress

RAG_FILL = {rag: f"#{colour.lower()}" for rag, colour in RAG_COLOURS.items()}
RAG_TEXT = {rag: f"#{colour.lower()}" for rag, colour in RAG_TEXT_COLOURS.items()}

STYLE = """
@page { size: A4; margin: 15mm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #1a1a1a;
       max-width: 180mm; margin: 0 auto; padding: 12px; line-height: 1.35; }
.masthead { margin: 0 0 10px; }
.logo { display: block; max-height: 18mm; max-width: 70mm; }
h1 { font-size: 19pt; margin: 0 0 4px; color: ACCENT; }
h2 { font-size: 14pt; margin: 22px 0 6px; border-bottom: 2px solid ACCENT; color: ACCENT; }
h3 { font-size: 11.5pt; margin: 14px 0 4px; }
.subtitle { color: #444; margin: 0 0 14px; }
.rag { display: inline-block; padding: 1px 8px; border-radius: 3px; font-size: 9pt;
       font-weight: bold; vertical-align: middle; margin-left: 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 4px; font-size: 9pt;
        page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th { background: HEADER; color: HEADER_TEXT; text-align: left; }
th, td { border: 1px solid #9aa5b8; padding: 3px 5px; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.note { color: #555; font-size: 8.5pt; margin: 2px 0 8px; }
figure { margin: 8px 0; page-break-inside: avoid; }
figcaption { font-size: 9pt; color: #444; }
@media print { h2 { page-break-after: avoid; } }
"""
"""The report's stylesheet; ACCENT, HEADER and HEADER_TEXT are its colours (`stylesheet`)."""


def stylesheet(colours: HtmlColours | None = None) -> str:
    """The stylesheet in the partnership's colours (render.branding), or psp's own."""
    chosen = colours or html_colours(None)
    return (
        STYLE.replace("HEADER_TEXT", chosen.header_text)
        .replace("HEADER", chosen.header)
        .replace("ACCENT", chosen.accent)
    )


CSS = stylesheet()
"""psp's own stylesheet, which the portfolio page uses too."""
HTML_TEMPLATE = "status.html"
"""The HTML report's template: templates/status.html, or the partnership's own copy."""


@dataclass(frozen=True)
class HtmlPage:
    """What the HTML report's template receives (templates/status.html says how to use
    each); `style` and `blocks` are HTML already, marked safe, so they are not escaped."""

    title: str
    subtitle: str
    partnership: str
    logo: str | None
    """The logo as a `data:` URI, so the page needs no other file; none without branding."""
    colours: HtmlColours
    style: str
    blocks: tuple[str, ...]


def html_page(doc: Document, brand: Brand | None = None) -> HtmlPage:
    """The report's page: its blocks as HTML, in the partnership's colours with its logo."""
    from markupsafe import Markup

    colours = html_colours(brand)
    return HtmlPage(
        title=doc.title,
        subtitle=doc.subtitle or "",
        partnership=brand.partnership if brand is not None else "",
        logo=brand.logo.data_uri() if brand is not None and brand.logo is not None else None,
        colours=colours,
        style=Markup(stylesheet(colours)),
        blocks=tuple(Markup(_block(block)) for block in doc.blocks),
    )


def to_html(doc: Document, brand: Brand | None = None, template: Path | None = None) -> str:
    """The report as one HTML page, from the template (the default templates/status.html,
    or `template`, a partnership's own) rendered in the Jinja sandbox."""
    from .templates import defaults_dir, render_html

    page = render_html(template or defaults_dir() / HTML_TEMPLATE, html_page(doc, brand))
    return page if page.endswith("\n") else page + "\n"


def _badge(rag: str) -> str:
    return (
        f'<span class="rag" style="background:{RAG_FILL[rag]};color:{RAG_TEXT[rag]}">'
        f"{RAG_LABELS[rag]}</span>"
    )


def _block(block: Any) -> str:
    if isinstance(block, Heading):
        tag = f"h{min(block.level + 1, 4)}"
        badge = _badge(block.rag) if block.rag else ""
        return f"<{tag}>{escape(block.text)}{badge}</{tag}>"
    if isinstance(block, Para):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Bullets):
        tag = "ol" if block.numbered else "ul"
        items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Figure):
        svg = {"heatmap": heatmap_svg, "benefits": benefits_svg}[block.kind](block.data)
        caption = f"<figcaption>{escape(block.caption)}</figcaption>" if block.caption else ""
        return f"<figure>{svg}{caption}</figure>"
    raise TypeError(type(block))


def _table(table: Table) -> str:
    out = ["<table>"]
    if table.title:
        out.append(f"<caption>{escape(table.title)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in table.columns))
    out.append("</tr></thead><tbody>")
    for r, row in enumerate(table.rows):
        cells = []
        for c, (name, value) in enumerate(zip(table.columns, row, strict=True)):
            text = cell_text(value, table.decimals.get(name))
            rag = table.rags.get((r, c), text)
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            # a likelihood × impact, "5 × 3", reads as one: it never wraps
            attrs = ' class="num"' if numeric else ' class="nowrap"' if name == "L × I" else ""
            if rag in RAG_FILL:
                attrs += f' style="background:{RAG_FILL[rag]};color:{RAG_TEXT[rag]}"'
            cells.append(f"<td{attrs}>{escape(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    out.extend(f'<p class="note">{escape(note)}</p>' for note in table.notes)
    return "".join(out)


def heatmap_svg(cells: list[Any]) -> str:
    """A 5 × 5 grid, likelihood up the side and impact along the bottom (each axis named,
    its steps Very low to Very high), each cell coloured by the RAG of its score and showing
    how many open entries it holds (a paper names no ids)."""
    size_w, size_h, left, bottom = 96, 44, 96, 50
    width, height = left + 5 * size_w + 4, 5 * size_h + bottom + 4
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Risk heat map" '
        'font-family="Arial, sans-serif">'
    ]
    for cell in cells:
        x = left + (cell.impact - 1) * size_w
        y = (5 - cell.likelihood) * size_h
        fill = RAG_FILL[cell.rag]
        opacity = "1" if cell.count else "0.35"
        held = plural(cell.count, "open entry", "open entries") if cell.count else "none"
        out.append(
            f'<rect x="{x}" y="{y}" width="{size_w - 2}" height="{size_h - 2}" fill="{fill}" '
            f'fill-opacity="{opacity}"><title>Likelihood {SCALE_LABELS[cell.likelihood]} × '
            f"impact {SCALE_LABELS[cell.impact]} = {cell.score}: {held}</title></rect>"
        )
        if cell.count:
            out.append(
                f'<text x="{x + size_w / 2 - 1}" y="{y + size_h / 2 + 5}" font-size="13" '
                f'font-weight="bold" text-anchor="middle" fill="{RAG_TEXT[cell.rag]}">'
                f"{cell.count}</text>"
            )
    for i in range(1, 6):
        out.append(
            f'<text x="{left - 8}" y="{(5 - i) * size_h + size_h / 2 + 4}" font-size="10" '
            f'text-anchor="end">{SCALE_LABELS[i]}</text>'
        )
        out.append(
            f'<text x="{left + (i - 1) * size_w + size_w / 2}" y="{5 * size_h + 16}" '
            f'font-size="10" text-anchor="middle">{SCALE_LABELS[i]}</text>'
        )
    middle = 5 * size_h / 2
    out.append(
        f'<text x="14" y="{middle}" font-size="11" font-weight="bold" text-anchor="middle" '
        f'transform="rotate(-90 14 {middle})">Likelihood</text>'
    )
    out.append(
        f'<text x="{left + 5 * size_w / 2}" y="{5 * size_h + 38}" font-size="11" '
        'font-weight="bold" text-anchor="middle">Impact</text>'
    )
    out.append("</svg>")
    return "".join(out)


def benefits_svg(benefits: list[Any]) -> str:
    """A bar per benefit under its title: progress from baseline (0%) to target (100%),
    coloured by RAG, with a tick where the straight line to target says it should be."""
    left, bar_w, row_h, top, bar_top, bar_h = 10, 480, 38, 18, 16, 16
    width, height = left + bar_w + 70, top + row_h * len(benefits) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Benefits progress" '
        'font-family="Arial, sans-serif">'
    ]
    for pct in (0, 50, 100):
        x = left + bar_w * pct / 100
        out.append(
            f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{height - 6}" '
            'stroke="#bbb" stroke-dasharray="3,3"/>'
        )
        out.append(f'<text x="{x}" y="{top - 8}" font-size="9" text-anchor="middle">{pct}%</text>')
    for i, b in enumerate(benefits):
        y = top + i * row_h
        out.append(f'<text x="{left + 2}" y="{y + 12}" font-size="10">{escape(b.title)}</text>')
        progress = b.progress if b.progress is not None else 0.0
        shown = max(0.0, min(progress, 110.0))
        fill = RAG_FILL.get(b.rag or "", "#9aa5b8")
        out.append(
            f'<rect x="{left}" y="{y + bar_top}" width="{bar_w * shown / 100:.1f}" '
            f'height="{bar_h}" fill="{fill}"><title>{escape(b.title)}: {progress:.0f}% of '
            "the way to target</title></rect>"
        )
        expected = _expected_pct(b)
        if expected is not None:
            x = left + bar_w * max(0.0, min(expected, 110.0)) / 100
            out.append(
                f'<line x1="{x:.1f}" y1="{y + bar_top - 3}" x2="{x:.1f}" '
                f'y2="{y + bar_top + bar_h + 3}" stroke="#1a1a1a" stroke-width="2"/>'
            )
        label = f"{progress:.0f}%" if b.progress is not None else "no data"
        out.append(
            f'<text x="{left + bar_w + 8}" y="{y + bar_top + 12}" font-size="10">{label}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _expected_pct(b: BenefitProgress) -> float | None:
    if b.expected_at_latest is None or b.baseline is None or b.target is None:
        return None
    if b.target == b.baseline:
        return None
    return 100 * (b.expected_at_latest - b.baseline) / (b.target - b.baseline)
