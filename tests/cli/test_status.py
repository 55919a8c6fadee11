"""`psp report status` wiring, and the HTML report in a real headless browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, PspRunner

EX = [str(EXAMPLE), "--as-of", "2011-06-30"]


def test_markdown_to_stdout_when_piped(runner: PspRunner) -> None:
    result = runner.invoke(["report", "status", *EX])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Highlight report: Falkirk Foster Care PSP")


def test_terminal_format(runner: PspRunner) -> None:
    result = runner.invoke(["report", "status", *EX, "--format", "terminal"])
    assert "Overall status" in result.output and "RED" in result.output


def test_outputs_by_suffix_atomic_and_never_over_a_file(tmp_path: Path, runner: PspRunner) -> None:
    html = tmp_path / "report.html"
    assert runner.invoke(["report", "status", *EX, "-o", str(html)]).exit_code == 0
    assert html.read_text().startswith("<!DOCTYPE html>")
    again = runner.invoke(["report", "status", *EX, "-o", str(html)])
    assert again.exit_code == 2 and "already exists" in again.output
    docx = tmp_path / "report.docx"
    assert runner.invoke(["report", "status", *EX, "-o", str(docx)]).exit_code == 0
    assert docx.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.html"]


def test_docx_defaults_to_the_out_folder(example: Path, runner: PspRunner) -> None:
    result = runner.invoke(
        ["report", "status", str(example), "--as-of", "2011-06-30", "--format", "docx"]
    )
    assert result.exit_code == 0, result.output
    assert (example / "out" / "status-2011-06-30.docx").is_file()


def test_period_option(runner: PspRunner) -> None:
    result = runner.invoke(["report", "status", *EX, "--period", "1m"])
    assert "reporting period 1 June 2011 to 30 June 2011 (1 month)" in result.output
    bad = runner.invoke(["report", "status", *EX, "--period", "soon"])
    assert bad.exit_code == 2


def test_since_outside_git_says_so(example: Path, runner: PspRunner) -> None:
    result = runner.invoke(
        ["report", "status", str(example), "--as-of", "2011-06-30", "--since", "HEAD~1"]
    )
    assert result.exit_code == 0
    assert "No comparison with HEAD~1" in result.output


def _browser() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(_browser() is None, reason="no headless browser installed")
def test_html_report_in_a_real_browser(tmp_path: Path, runner: PspRunner) -> None:
    page = tmp_path / "status.html"
    assert runner.invoke(["report", "status", *EX, "-o", str(page)]).exit_code == 0
    shot = tmp_path / "status.png"
    done = subprocess.run(
        [
            _browser(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=900,2400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 20_000
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], console
