"""Templates run with a budget, and `psp templates check` gives the verdict `psp render` does:
each hostile template is refused with a message, within the memory limit, the folder left
as it was and no paper written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from psptool.render import template_budget
from tests.helpers import PspRunner
from tests.hostile import files
from tests.hostile.harness import assert_refused, snapshot

REFUSED = "template mou.docx: refused: "
RENDERS: dict[str, tuple[str, str]] = {
    "repeat": ("{{ 'x' * 10**9 }}", "it repeats a text or list past 2,000,000 items"),
    "power": ("{{ 10**(10**10) }}", "it raises a number to a power of over 1,000 digits"),
    "multiply": (
        "{% set n = 10**600 %}{{ n * n }}",
        "it multiplies to a number of over 1,000 digits",
    ),
    "center": ("{{ 'x'|center(10**9) }}", "it passes 1,000,000,000 to a call, over the 100,000"),
    "ljust": ("{{ 'x'.ljust(10**9) }}", "it passes 1,000,000,000 to a call, over the 100,000"),
    "percent": ("{{ '%0999999999d' % 1 }}", "a format gives a width past 100,000"),
    "format": ("{{ '{:>999999999}'.format(1) }}", "a format gives a width past 100,000"),
    "output": (
        "{% for a in range(100000) %}{% for b in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
        "its output passes 16,000,000 characters",
    ),
    "range": ("{% for a in range(10**10) %}{% endfor %}", "it passes 10,000,000,000 to a call"),
}


def _render(folder: Path, output: Path, template: Path) -> list[str]:
    paths = ["-o", str(output), "--template", str(template)]
    return ["render", "mou", str(folder), *paths, "--as-of", "2011-06-30"]


@pytest.mark.parametrize("case", sorted(RENDERS))
def test_a_template_past_its_budget_is_refused(case: str, example: Path) -> None:
    text, message = RENDERS[case]
    template = files.write(example.parent / "mou.docx", files.docx_text(text))
    output = example.parent / "out.docx"
    assert_refused(
        ["render", "mou", ".", "-o", str(output), "--template", str(template)],
        example,
        code=2,
        message=REFUSED + message,
    )
    assert not output.exists()


def test_a_template_that_runs_too_long_is_stopped(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(template_budget, "TEMPLATE_SECONDS", 0.5)
    loops = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    template = files.write(example.parent / "mou.docx", files.docx_text(loops))
    output = example.parent / "out.docx"
    before = snapshot(example)
    result = PspRunner().invoke(_render(example, output, template))
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "psp: template mou.docx: refused: it ran for over 0.5 seconds (a loop that does not "
        "end, or loops inside loops)\n"
    )
    assert not output.exists()
    assert snapshot(example) == before


def test_an_ordinary_template_renders_within_its_budget(example: Path) -> None:
    # made by a script, as other programs make them: no section (page layout) at all
    text = "{% for p in partners %}{{ p.name|upper }} {{ '%05d' % 42 }} {{ 2**64 }}{% endfor %}"
    template = files.write(example.parent / "mou.docx", files.docx_text(text))
    output = example.parent / "out.docx"
    result = PspRunner().invoke(_render(example, output, template))
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 0


FILES: dict[str, tuple[Callable[[], bytes], str]] = {
    "entity-bomb": (
        lambda: files.docx_text("&lol9;", doctype=files.BOMB_DOCTYPE),
        "it declares a DOCTYPE (entities)",
    ),
    "zip-bomb": (
        lambda: files.docx_text("x", extra_bytes=200 * 2**20),
        "unpacks to 200 MiB, over the 128 MiB psp reads",
    ),
    "cut-short": (lambda: files.docx_text("x")[:-300], "cannot be read as a Word document"),
}


@pytest.mark.parametrize("case", sorted(FILES))
def test_a_hostile_template_file_gets_one_verdict(case: str, example: Path) -> None:
    make, message = FILES[case]
    (example / "templates").mkdir(exist_ok=True)
    files.write(example / "templates" / "mou.docx", make())
    output = example.parent / "mou.docx"
    assert_refused(["render", "mou", ".", "-o", str(output)], example, code=2, message=message)
    assert not output.exists()
    assert_refused(["templates", "check", "mou.docx"], example, code=1, message=message)
