"""A partnership's own HTML report template (templates/status.html) runs in the same
budgeted sandbox as its Word templates: each hostile one is refused with a message, the
folder left as it was and no report written, and `psp templates check` says so first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PspRunner
from tests.hostile.harness import assert_refused, snapshot
from tests.hostile.test_templates import RENDERS

STATUS = ["report", "status", ".", "--as-of", "2011-06-30", "--format", "html"]


def status(folder: Path) -> list[str]:
    return ["report", "status", str(folder), "--as-of", "2011-06-30", "--format", "html"]


def _own(example: Path, text: str | bytes) -> Path:
    (example / "templates").mkdir(exist_ok=True)
    path = example / "templates" / "status.html"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", ["repeat", "power", "output", "range"])
def test_an_html_template_past_its_budget_is_refused(case: str, example: Path) -> None:
    text, message = RENDERS[case]
    _own(example, f"<p>{text}</p>")
    output = example.parent / "status.html"
    assert_refused(
        [*STATUS, "-o", str(output)],
        example,
        code=2,
        message=f"template status.html: refused: {message}",
    )
    assert not output.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{{ ''.__class__.__mro__[1].__subclasses__() }}",
            "psp: template status.html, line 1: not allowed in a template: access to "
            "attribute '__class__' of 'str' object is unsafe.\n",
        ),
        (
            "<p>\n{{ cycler.__init__.__globals__ }}",
            "psp: template status.html, line 2: not allowed in a template: access to "
            "attribute '__init__' of 'type' object is unsafe.\n",
        ),
        (
            "<h1>{{ title }}</h1>\n{% for b in blocks %}{{ b }}",
            "psp: template status.html, line 2: syntax error: Unexpected end of template. "
            "Jinja was looking for the following tags: 'endfor' or 'else'. The innermost "
            "block that needs to be closed is 'for'.\n",
        ),
        (
            "{{ partnership.nmae }}",
            "psp: template status.html, line 1: unknown variable: 'str object' has no "
            "attribute 'nmae'\n",
        ),
        (
            b"<h1>caf\xe9</h1>",
            "psp: template status.html is not UTF-8 text; save it as UTF-8\n",
        ),
    ],
)
def test_a_broken_or_prying_html_template_is_one_line(
    example: Path, text: str | bytes, message: str
) -> None:
    _own(example, text)
    before = snapshot(example)
    output = example.parent / "status.html"
    result = PspRunner().invoke([*status(example), "-o", str(output)])
    assert (result.exit_code, result.stderr) == (2, message)
    assert not output.exists()
    assert snapshot(example) == before


def test_an_html_template_linked_out_of_the_folder_is_not_read(example: Path) -> None:
    secret = example.parent / "secret.html"
    secret.write_text("<p>{{ title }}</p>", encoding="utf-8")
    (example / "templates").mkdir(exist_ok=True)
    (example / "templates" / "status.html").symlink_to(secret)
    result = PspRunner().invoke(status(example))
    assert (result.exit_code, result.stderr) == (
        2,
        "psp: templates/status.html is a symbolic link to a file outside the folder; psp "
        "reads only templates inside it\n",
    )
