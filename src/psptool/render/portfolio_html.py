"""The portfolio as one self-contained HTML page: a table of partnerships a programme team can
sort (click a column's header) and filter (type a word, or pick an overall status), then the
views across the portfolio. Inline CSS and script only, no external file or network, so it
opens from a shared drive or an email and prints on A4 landscape.

The page reads its initial sort and filter from the address's fragment
(`#q=foster&status=red&sort=Red&dir=desc`), so a link can open it filtered; the browser test
uses the same to check that sorting and filtering work.
"""

from __future__ import annotations

from html import escape

from ..report.portfolio import Portfolio, Row, rows_by_concern
from .html import CSS, RAG_FILL, RAG_TEXT
from .html import _table as html_table
from .portfolio import (
    PARTNERSHIP_COLUMNS,
    SECTIONS,
    TITLE,
    errors_table,
    funders_table,
    heatmap_cells,
    heatmap_grid,
    partnership_cells,
    row_rags,
    shared_partners_table,
    since_table,
    stages_table,
    summary,
)

PAGE_CSS = """
body { max-width: none; }
@page { size: A4 landscape; margin: 12mm; }
.controls { margin: 8px 0; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.controls input { font-size: 10pt; padding: 3px 6px; width: 22em; }
#partnerships th { cursor: pointer; user-select: none; white-space: nowrap; }
#partnerships th[aria-sort="ascending"]::after { content: " ▲"; }
#partnerships th[aria-sort="descending"]::after { content: " ▼"; }
#partnerships td.why { color: #555; font-size: 8.5pt; }
#shown { color: #444; }
@media print { .controls { display: none; } }
"""

SCRIPT = r"""
(function () {
  var table = document.getElementById("partnerships");
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var query = document.getElementById("filter");
  var status = document.getElementById("status");
  var shown = document.getElementById("shown");
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim().toLowerCase() : v;
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) { return x - y; }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function sortBy(index, descending) {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r, s) {
      var order = compare(key(r.cells[index]), key(s.cells[index]));
      return descending ? -order : order;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    heads.forEach(function (h, i) {
      if (i === index) { h.setAttribute("aria-sort", descending ? "descending" : "ascending"); }
      else { h.removeAttribute("aria-sort"); }
    });
  }
  function filter() {
    var words = query.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var count = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (wanted === "" || r.getAttribute("data-overall") === wanted);
      r.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = count + " of " + body.rows.length + " shown";
  }
  heads.forEach(function (h, i) {
    h.addEventListener("click", function () {
      sortBy(i, h.getAttribute("aria-sort") === "ascending");
    });
  });
  query.addEventListener("input", filter);
  status.addEventListener("change", filter);
  var params = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var kv = part.split("=");
    if (kv[0]) { params[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || ""); }
  });
  if (params.q) { query.value = params.q; }
  if (params.status) { status.value = params.status; }
  if (params.sort) {
    var at = heads.map(function (h) { return h.getAttribute("data-column"); }).indexOf(params.sort);
    if (at >= 0) { sortBy(at, params.dir === "desc"); }
  }
  filter();
})();
"""

RAG_RANK = {"red": "3", "amber": "2", "green": "1", "errors": "4"}
"""How overall and component statuses sort: errors first when descending, then red."""


def _sort_keys(row: Row) -> list[str | None]:
    """A machine key per column where the text would sort wrongly (counts, RAG, money)."""
    cells = partnership_cells(row)
    keys: list[str | None] = []
    for name, value in zip(PARTNERSHIP_COLUMNS, cells, strict=True):
        if name in ("Overall", "Schedule", "Risks", "Budget", "Benefits"):
            keys.append(RAG_RANK.get(str(value).lower(), "0"))
        elif name == "Red":
            keys.append(str(len(row.red)))
        elif name == "Slipped":
            keys.append(str(len(row.slipped)))
        elif name == "Off track":
            keys.append(str(len(row.off_track)))
        elif name == "Variance":
            keys.append("" if row.variance is None else f"{row.variance:.2f}")
        elif name == "Next gate":
            keys.append(str(row.gate_unmet) if row.checked else "")
        elif name == "Next meeting":
            meeting = row.next_meeting
            none = "9999-12-31" if row.checked else ""  # none planned sorts after every date
            keys.append(meeting.day.isoformat() if meeting is not None else none)
        else:
            keys.append(None)
    return keys


def _partnerships(portfolio: Portfolio) -> str:
    out = ['<table id="partnerships"><caption>Partnerships</caption><thead><tr>']
    for name in PARTNERSHIP_COLUMNS:
        out.append(
            f'<th data-column="{escape(name)}" title="Sort by {escape(name)}">{escape(name)}</th>'
        )
    out.append("</tr></thead><tbody>")
    for row in rows_by_concern(portfolio.rows):
        overall = row.overall or "errors"
        why = escape(row.overall_rule or row.first_error or "")
        out.append(f'<tr data-overall="{overall}" title="{why}">')
        for name, value, key, rag in zip(
            PARTNERSHIP_COLUMNS, partnership_cells(row), _sort_keys(row), row_rags(row), strict=True
        ):
            text = "–" if value is None else str(value)
            attrs = "" if key is None else f' data-sort="{escape(key)}"'
            if rag in RAG_FILL:
                attrs += f' style="background:{RAG_FILL[rag]};color:{RAG_TEXT[rag]}"'
            listed = {"Slipped": row.slipped, "Off track": row.off_track}.get(name)
            if listed:  # the titles a count stands for, on hover
                names = "; ".join(row.titles.get(i, i) for i in listed)
                attrs += f' title="{escape(names)}"'
            if isinstance(value, int):
                attrs += ' class="num"'
            out.append(f"<td{attrs}>{escape(text)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def portfolio_html(portfolio: Portfolio) -> str:
    """The whole page, as text."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(TITLE)}</title><style>{CSS}{PAGE_CSS}</style></head><body>",
        f"<h1>{escape(TITLE)}</h1>",
        f'<p class="subtitle">{escape(summary(portfolio))}</p>',
    ]
    parts += [f'<p class="note">{escape(note)}</p>' for note in portfolio.notes]
    parts.append(
        '<div class="controls"><label>Filter <input id="filter" type="search" '
        'placeholder="a name, a stage, a risk…"></label>'
        '<label>Overall <select id="status"><option value="">Any</option>'
        '<option value="red">Red</option><option value="amber">Amber</option>'
        '<option value="green">Green</option><option value="errors">Errors</option>'
        '</select></label><span id="shown"></span></div>'
    )
    parts.append(_partnerships(portfolio))
    parts.append(
        '<p class="note">Click a column\'s header to sort by it; click again to reverse. '
        "Overall is the worst of schedule, risks and issues, budget and benefits; hover over "
        "a row to see why.</p>"
    )
    for table in (errors_table(portfolio), since_table(portfolio)):
        if table is not None:
            heading = next(h for start, h in SECTIONS.items() if table.title.startswith(start))
            parts.append(f"<h2>{escape(heading)}</h2>" + html_table(table))
    parts.append("<h2>Risks across the portfolio</h2>")
    parts.append(html_table(heatmap_grid(portfolio)))
    parts.append(html_table(heatmap_cells(portfolio)))
    for heading, table in (
        ("Funders", funders_table(portfolio)),
        ("Stages", stages_table(portfolio)),
        ("Shared partners", shared_partners_table(portfolio)),
    ):
        if not table.rows and table.notes:  # nothing to list: the note says so, once
            notes = "".join(f"<p>{escape(line)}</p>" for line in [table.title, *table.notes])
            parts.append(f"<h2>{heading}</h2>{notes}")
            continue
        parts.append(f"<h2>{heading}</h2>" + html_table(table))
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
