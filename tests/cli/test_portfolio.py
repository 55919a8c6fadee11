"""`psp portfolio`: wiring, every format, safe writing, the HTML page in a real headless
browser, the workbook's sheets and print set-up, and --since from git history."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rich.cells import cell_len

from psptool.cli import main
from psptool.cli.console import err, out
from tests.helpers import PspRunner, copy_example
from tests.report.portfolio_fixture import make_portfolio

AS_OF = ["--as-of", "2011-06-30"]
NAMES = [
    "Falkirk Foster Care PSP",
    "Grangemouth Foster Care PSP",
    "Stirling Foster Care PSP",
    "Larbert Befriending PSP",
]


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_portfolio(tmp_path_factory.mktemp("programme"))


def test_markdown_when_piped_and_exit_1_for_a_folder_with_errors(
    programme: Path, runner: PspRunner
) -> None:
    result = runner.invoke(["portfolio", str(programme), *AS_OF])
    assert result.exit_code == 1
    text = result.stdout
    assert text.startswith("# Portfolio of partnerships\n")
    # RAGs and stages as every paper writes them, "Red", "Pilot"
    assert "4 partnerships: 2 Red, 0 Amber, 1 Green, 1 with errors" in text
    # red entries by title, not R3 and R7; M12 (completed four days late) and the eight
    # benefits behind the line counted, their titles being the highlight report's
    assert (
        "| Grangemouth Foster Care PSP | Pilot | Falkirk Council | Red | Green | Red | Green "
        "| Amber | Standstill on contact during the tender damages the trust built up; Fewer "
        "pilot placements than planned | 1 milestone | −£20 | 8 benefits | Sustain: 3 of 8 "
        "unmet | 23 September 2011 (provisional) | 0 | 0 |"
    ) in text
    # Falkirk's, planned; no warnings (its funders decide before the contract starts)
    assert "| Sustain: 3 of 8 unmet | 23 September 2011 | 0 | 0 |" in text
    assert (
        "| Stirling Foster Care PSP | Pilot | – | Errors | – | – | – | – | – | – | – | – | – "
        "| – | 1 | 0 |"
    ) in text
    assert "| Create: 5 of 5 unmet | none planned | 0 | 4 |" in text  # Larbert
    # the heat map's steps named as the highlight report's are, not "likelihood 5"
    assert "| Likelihood / Impact | Very low (1) | Low (2) | Medium (3) | High (4) |" in text
    assert (
        "| Very high (5) |  |  | 3 |  |  |" in text
    )  # 5 × 3: R7 of Falkirk; R7 and R3 of Grangemouth
    assert "likelihood 5" not in text and "impact 1" not in text
    assert "risks.yaml:25: risk R1: likelihood must be a whole number from 1 to 5, got 7" in text
    assert "| Falkirk Council Education Services | 1 September 2011 |" in text


def test_a_portfolio_without_errors_exits_0(tmp_path: Path, runner: PspRunner) -> None:
    copy_example(tmp_path / "one")
    result = runner.invoke(["portfolio", str(tmp_path), *AS_OF, "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["partnerships"][0]["overall"] == "red"


def test_a_section_with_nothing_to_list_says_so_once(tmp_path: Path, runner: PspRunner) -> None:
    """One partnership shares no partner and, as at 30 June 2026, has no budget cycle ahead:
    each section says so in a sentence, with no empty table above it; the stages are
    titled once, and a likelihood × impact never wraps on the page."""
    copy_example(tmp_path / "one")
    args = ["portfolio", str(tmp_path), "--as-of", "2026-06-30"]
    page = tmp_path / "p.html"
    assert runner.invoke([*args, "--format", "html", "-o", str(page)]).exit_code == 0
    html = page.read_text("utf-8")
    assert (
        "<h2>Shared partners</h2><p>Partners in several partnerships</p>"
        "<p>No organisation is a partner in more than one partnership.</p>"
    ) in html
    assert "<th>Partner</th>" not in html and "<th>Funder</th>" not in html
    assert "<h2>Funders</h2><p>Funders&#x27; budget cycles to 30 June 2027</p>" in html
    assert "<caption>Stages the partnerships are at</caption>" in html
    assert '<td class="nowrap">5 × 3</td>' in html  # R7, in the list of cells
    text = runner.invoke([*args, "--format", "markdown"]).stdout
    assert "| Partner |" not in text
    assert text.endswith(
        "## Shared partners\n\nPartners in several partnerships\n\n"
        "No organisation is a partner in more than one partnership.\n"
    )
    assert "| Pilot | 1 | Falkirk Foster Care PSP |" in text


def test_no_partnership_is_a_user_error(tmp_path: Path, runner: PspRunner) -> None:
    result = runner.invoke(["portfolio", str(tmp_path), *AS_OF])
    assert result.exit_code == 2
    assert f"no PSP folder (a folder holding psp.yaml) under {tmp_path}" in result.stderr


def test_json_shape(programme: Path, runner: PspRunner) -> None:
    result = runner.invoke(["portfolio", str(programme), *AS_OF, "--format", "json"])
    data = json.loads(result.stdout)
    assert list(data) == [
        "schema_version",
        "as_of",
        "horizon_end",
        "since",
        "roots",
        "partnerships",
        "heatmap",
        "funders",
        "stages",
        "shared_partners",
        "notes",
    ]
    assert (data["schema_version"], data["as_of"], data["horizon_end"]) == (
        1,
        "2011-06-30",
        "2012-06-30",
    )
    assert [p["name"] for p in data["partnerships"]] == NAMES
    grangemouth = data["partnerships"][1]
    assert grangemouth["components"] == {
        "schedule": "green",
        "risks": "red",
        "budget": "green",
        "benefits": "amber",
    }
    assert (grangemouth["red"], grangemouth["slipped"], grangemouth["variance"]) == (
        ["R3", "R7"],
        ["M12"],
        -20.0,
    )
    assert grangemouth["next_meeting"] == {
        "day": "2011-09-23",
        "group": "PSP Governance Group",
        "meeting": None,
        "provisional": True,
    }
    assert data["partnerships"][0]["next_meeting"] == {
        "day": "2011-09-23",
        "group": "PSP Governance Group",
        "meeting": "GG-2011-09",
        "provisional": False,
    }
    stirling = data["partnerships"][2]
    assert (stirling["checked"], stirling["errors"], stirling["overall"]) == (False, 1, None)
    assert (stirling["next_meeting"], data["partnerships"][3]["next_meeting"]) == (None, None)
    red_cell = data["heatmap"][2]
    assert (red_cell["likelihood"], red_cell["impact"], red_cell["count"]) == (5, 3, 3)
    assert data["funders"][0]["name"] == "Falkirk Council Education Services"
    assert data["funders"][0]["partnerships"][0]["budget_cycle"] == "2011-09-01"


@pytest.fixture
def fresh_consoles() -> object:
    out.cache_clear()
    err.cache_clear()
    yield
    out.cache_clear()
    err.cache_clear()


@pytest.mark.usefixtures("fresh_consoles")
@pytest.mark.parametrize("width", [80, 200])
def test_terminal_fits_the_width(
    programme: Path,
    width: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code = main(["portfolio", str(programme), *AS_OF, "--format", "terminal"])
    shown = capsys.readouterr().out
    assert code == 1
    assert [line for line in shown.splitlines() if cell_len(line) > width] == []
    flat = " ".join(shown.split())
    for name in NAMES:
        assert name.split()[0] in flat
    for words in (
        "Fewer pilot placements than planned",
        "1 milestone",
        "Sustain: 3 of 8 unmet",
        "Create: 5 of 5 unmet",
        "−£20",
        "none planned",
    ):
        assert words in flat


def test_outputs_atomic_and_never_over_a_file(programme: Path, tmp_path: Path) -> None:
    runner = PspRunner()
    page = tmp_path / "portfolio.md"
    assert runner.invoke(["portfolio", str(programme), *AS_OF, "-o", str(page)]).exit_code == 1
    first = page.read_text(encoding="utf-8")
    assert first.startswith("# Portfolio of partnerships")
    again = runner.invoke(["portfolio", str(programme), *AS_OF, "-o", str(page)])
    assert again.exit_code == 2
    assert "already exists; use --force to replace it" in again.stderr
    forced = runner.invoke(["portfolio", str(programme), *AS_OF, "-o", str(page), "--force"])
    assert forced.exit_code == 1 and f"wrote {page}" in forced.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["portfolio.md"]  # no temporary file left
    wrong = runner.invoke(["portfolio", str(programme), *AS_OF, "--format", "html", "-o", "x.md"])
    assert wrong.exit_code == 2
    assert "x.md: write html to a file ending in .html or .htm" in wrong.stderr


def test_workbook_sheets_and_print_setup(programme: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book_path = tmp_path / "portfolio.xlsx"
    result = PspRunner().invoke(["portfolio", str(programme), *AS_OF, "-o", str(book_path)])
    assert result.exit_code == 1
    book = load_workbook(book_path)
    assert book.sheetnames == [
        "Partnerships",
        "Errors",
        "Heat map",
        "Budget cycles",
        "Stages",
        "Shared partners",
    ]
    table = book["Partnerships"]
    assert [c.value for c in table[1]][:4] == ["Partnership", "Stage", "Lead partner", "Overall"]
    assert [c.value for c in table[3]][:10] == [
        "Falkirk Foster Care PSP",
        "Pilot",
        "Falkirk Council",
        "Red",
        "Green",
        "Red",
        "Green",
        "Amber",
        "Fewer pilot placements than planned",
        "none",
    ]
    assert table["D3"].fill.fgColor.rgb == "00C00000"
    assert [c.value for c in table[1]][12:14] == ["Next gate", "Next meeting"]
    assert table["N3"].value == "23 September 2011"  # Falkirk's, planned
    assert table["O2"].value == 1  # Stirling's one error, a number Excel can sum
    heat = book["Heat map"]
    assert heat["D3"].value == 3  # likelihood 5, impact 3
    assert heat["D5"].value == 6  # likelihood 3, impact 3
    # the axes in words and numbers, as the highlight report's map (#14)
    assert [heat.cell(row=r, column=1).value for r in (2, 3, 7)] == [
        "Likelihood / Impact", "Very high (5)", "Very low (1)",
    ]  # fmt: skip
    assert (heat["B2"].value, heat["F2"].value) == ("Very low (1)", "Very high (5)")
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.oddHeader.left.text == "Portfolio of partnerships, 30 June 2011"
        assert sheet.oddHeader.right.text == "&A"
        assert sheet.oddFooter.right.text == "Page &P of &N"
        expected = "$11:$11" if sheet.title == "Heat map" else "$1:$1"
        assert sheet.print_title_rows == expected


def test_workbook_without_a_file_goes_to_the_current_folder(
    programme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = PspRunner().invoke(["portfolio", str(programme), *AS_OF, "--format", "xlsx"])
    assert result.exit_code == 1
    assert "wrote portfolio-2011-06-30.xlsx" in result.stdout
    assert (tmp_path / "portfolio-2011-06-30.xlsx").is_file()


def _browser() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def _dom(page: Path, fragment: str, profile: Path) -> tuple[str, list[str]]:
    """The page's DOM once its script has run, opened at `fragment`; and console messages."""
    done = subprocess.run(
        [
            _browser() or "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [line for line in done.stderr.splitlines() if "CONSOLE" in line]


def _visible_rows(dom: str) -> list[str]:
    body = dom.split('<table id="partnerships">', 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr ([^>]*)>\s*<td[^>]*>([^<]*)</td>", body)
    return [name for attrs, name in rows if not re.search(r"\bhidden\b", attrs)]


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(_browser() is None, reason="no headless browser installed")
def test_html_page_sorts_and_filters_in_a_real_browser(programme: Path, tmp_path: Path) -> None:
    page = tmp_path / "portfolio.html"
    result = PspRunner().invoke(["portfolio", str(programme), *AS_OF, "-o", str(page)])
    assert result.exit_code == 1
    html = page.read_text(encoding="utf-8")
    # one self-contained file: nothing fetched from anywhere
    assert re.findall(r'(?:src|href)="[^"#]', html) == []
    assert "http://" not in html and "https://" not in html
    profile = tmp_path / "profile"

    dom, console = _dom(page, "", profile)
    assert console == [], console
    assert _visible_rows(dom) == [NAMES[2], NAMES[0], NAMES[1], NAMES[3]]  # most concern first
    assert "4 of 4 shown" in dom

    dom, _ = _dom(page, "#sort=Red&dir=desc", profile)
    assert _visible_rows(dom)[0] == "Grangemouth Foster Care PSP"  # two red entries
    assert 'data-column="Red" title="Sort by Red" aria-sort="descending"' in dom

    dom, _ = _dom(page, "#sort=Partnership", profile)
    assert _visible_rows(dom) == sorted(NAMES)

    # by date, none planned (Larbert) after every date, the folder with errors last
    assert '<td data-sort="2011-09-23">23 September 2011 (provisional)</td>' in html
    dom, _ = _dom(page, "#sort=Next%20meeting&dir=desc", profile)
    assert _visible_rows(dom) == [NAMES[3], NAMES[0], NAMES[1], NAMES[2]]

    dom, _ = _dom(page, "#q=foster%20care&status=red", profile)
    assert _visible_rows(dom) == [NAMES[0], NAMES[1]]
    assert "2 of 4 shown" in dom

    dom, _ = _dom(page, "#q=standstill", profile)  # R3, red in Grangemouth only, by title
    assert _visible_rows(dom) == ["Grangemouth Foster Care PSP"]

    dom, _ = _dom(page, "#status=errors", profile)
    assert _visible_rows(dom) == ["Stirling Foster Care PSP"]


def git(repo: Path, *args: str, when: str = "2011-04-01T12:00:00") -> None:
    env = {
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "PM",
        "GIT_AUTHOR_EMAIL": "pm@example.org",
        "GIT_COMMITTER_NAME": "PM",
        "GIT_COMMITTER_EMAIL": "pm@example.org",
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "HOME": str(repo),
    }
    subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_since_compares_each_partnership_with_its_history(tmp_path: Path) -> None:
    """One repository holds two partnerships. On 1 April 2011 R7 was 3 × 3 (amber) in
    both; by June it is 5 × 3 (red) as the worked example has it, and the second
    partnership's R3 has risen to red too. A third folder is outside git."""
    repo = tmp_path / "repo"
    falkirk = copy_example(repo / "falkirk")
    grange = copy_example(repo / "grangemouth")
    text = (grange / "psp.yaml").read_text(encoding="utf-8")
    (grange / "psp.yaml").write_text(
        text.replace("name: Falkirk Foster Care PSP", "name: Grangemouth PSP", 1), "utf-8"
    )
    r7_now = "    likelihood: 5\n    impact: 3\n"
    r7_then = "    likelihood: 3\n    impact: 3\n"
    risks = {}
    for folder in (falkirk, grange):
        risks[folder] = (folder / "risks.yaml").read_text(encoding="utf-8")
        assert r7_now in risks[folder]
        (folder / "risks.yaml").write_text(risks[folder].replace(r7_now, r7_then, 1), "utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "March report")
    (falkirk / "risks.yaml").write_text(risks[falkirk], "utf-8")
    raised = risks[grange].replace(
        "    owner: p-duncan\n    likelihood: 4\n", "    owner: p-duncan\n    likelihood: 5\n", 1
    )
    (grange / "risks.yaml").write_text(raised, "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "June report", when="2011-06-20T12:00:00")
    copy_example(tmp_path / "unversioned")
    args = ["portfolio", str(repo), str(tmp_path / "unversioned"), *AS_OF, "--since", "2011-04-30"]
    data = json.loads(PspRunner().invoke([*args, "--format", "json"]).stdout)
    assert data["since"] == "2011-04-30"
    falkirk_row, grange_row = data["partnerships"][0], data["partnerships"][1]
    assert falkirk_row["folder"].endswith("repo/falkirk")
    # red then too, but for benefits (B1 and B5 behind the line at 30 April), not R7
    assert (falkirk_row["since"]["overall_then"], falkirk_row["overall"]) == ("red", "red")
    assert falkirk_row["since"]["new_red"] == ["R7"]
    assert grange_row["since"]["new_red"] == ["R3", "R7"]
    assert grange_row["since"]["revision"].endswith("of 2011-04-01")
    loose = data["partnerships"][2]
    assert loose["since"]["overall_then"] is None
    assert "is not in a git repository" in loose["since"]["note"]
    shown = PspRunner().invoke([*args, "--format", "markdown"]).stdout
    assert "## Since the last review" in shown
    # then and now as RAGs are written, the new red entries by title (R3, R7)
    assert (
        "| Grangemouth PSP |" in shown
        and (
            "| Red | Red | Standstill on contact during the tender damages the trust built up; "
            "Fewer pilot placements than planned |"
        )
        in shown
    )


def test_each_partnership_carries_its_colour(tmp_path: Path, runner: PspRunner) -> None:
    # (#14 C4) psp.yaml's branding colour in the JSON (`colour`), and on the partnership's
    # name in the workbook (#005EB8 is dark: white text); none where psp.yaml gives none
    from openpyxl import load_workbook

    branded = copy_example(tmp_path / "folders" / "a-branded")
    psp = branded / "psp.yaml"
    psp.write_text(
        psp.read_text(encoding="utf-8") + 'branding: {colour: "#005eb8"}\n', encoding="utf-8"
    )
    copy_example(tmp_path / "folders" / "b-plain")
    result = runner.invoke(["portfolio", str(tmp_path / "folders"), *AS_OF, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["partnerships"]
    assert [(Path(r["folder"]).name, r["colour"]) for r in rows] == [
        ("a-branded", "#005EB8"),
        ("b-plain", None),
    ]
    book_path = tmp_path / "portfolio.xlsx"
    result = runner.invoke(["portfolio", str(tmp_path / "folders"), *AS_OF, "-o", str(book_path)])
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(book_path)["Partnerships"]
    names = [sheet["A2"], sheet["A3"]]
    assert [c.value for c in names] == ["Falkirk Foster Care PSP"] * 2
    fills = sorted(str(c.fill.fgColor.rgb) if c.fill.fill_type else "none" for c in names)
    assert fills == ["00005EB8", "none"]
    (coloured,) = [c for c in names if c.fill.fill_type]
    assert coloured.font.color.rgb == "00FFFFFF"


@pytest.mark.parametrize(
    ("variance", "pct", "shown"),
    [
        # £1,200 over a plan of £46,000 to date: 1,200 / 46,000 = 2.6%
        (1200.0, 1200 / 46000 * 100, "+£1,200 (+2.6%)"),
        # £400 under £46,500: 400 / 46,500 = 0.86%, to one place 0.9%
        (-400.0, -400 / 46500 * 100, "−£400 (−0.9%)"),
        # the example's £20 under £46,500, 0.04%: rounds to nothing, so no percentage
        (-20.0, -20 / 46500 * 100, "−£20"),
    ],
)
def test_the_variance_writes_its_percentage_as_the_highlight_report_does(
    variance: float, pct: float, shown: str
) -> None:
    from psptool.render.portfolio import variance_text
    from psptool.report.portfolio import Row

    row = Row(Path("p"), "P", "pilot", None, 0, 0, variance=variance, variance_pct=pct)
    assert variance_text(row) == shown  # "2.6%", never "2.6 %" nor an ASCII minus
