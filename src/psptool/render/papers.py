"""The papers `psp render` writes, each one library call: which paper, for which checked
folder, as at which date, to where.

    >>> from datetime import date
    >>> from psptool import render_paper, validate
    >>> as_of = date(2011, 6, 30)
    >>> checked = validate("examples/falkirk-foster-care", as_of)
    >>> render_paper("mou", checked, as_of)  # doctest: +SKIP
    PosixPath('examples/falkirk-foster-care/out/mou-2011-06-30.docx')

Which papers there are, and how each is built, is declared with the paper
(`psptool.report.papers`); this module writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from ..check import Validation
from ..errors import OutputExists, UserError
from ..report.papers import PAPERS, CheckedFolder, Paper


def paper_called(name: str) -> Paper[Any]:
    """The paper `name`; a UserError naming the papers there are otherwise."""
    if name not in PAPERS:
        raise UserError(f"there is no paper called {name}; the papers are {', '.join(PAPERS)}")
    return PAPERS[name]


def default_output(
    root: Path, paper: str, as_of: date, options: Mapping[str, str] | None = None
) -> Path:
    """`out/NAME-DATE.EXT` in the folder: one file per paper and date, so an earlier
    version is kept beside a later one."""
    return paper_called(paper).default_output(root, as_of, options)


def _options(spec: Paper[Any], given: Mapping[str, str] | None) -> dict[str, str]:
    """The paper's own options, each given once: a UserError for one it does not take or
    one left out."""
    given = dict(given or {})
    known = {o.name for o in spec.options}
    unknown = sorted(set(given) - known)
    if unknown:
        raise UserError(f"the {spec.name} paper takes no option {', '.join(unknown)}")
    missing = [o.flag for o in spec.options if o.name not in given]
    if missing:
        raise UserError(f"the {spec.name} paper needs {' and '.join(missing)}")
    return given


def render_paper(
    paper: str,
    checked: Validation,
    as_of: date,
    output: Path | None = None,
    *,
    force: bool = False,
    template: Path | None = None,
    options: Mapping[str, str] | None = None,
) -> Path:
    """Write `paper` for the folder `checked` (the result of `validate`, with no errors) as
    at `as_of`, and return the file written. `options` are the paper's own (`{"meeting":
    "GG-3"}` for a paper declared with a `meeting` option).

    The output is refused before any work when its suffix is wrong, when it would replace
    one of the folder's YAML files, or when it exists and `force` is not given; it is written
    atomically, so a failure leaves any previous file as it was.
    """
    from ..load.write import check_output

    spec = paper_called(paper)
    values = _options(spec, options)
    if checked.root is None or checked.result is None or checked.errors:
        raise UserError("the folder has errors; fix them first (psp validate shows them)")
    root = checked.root
    target = check_output(output or spec.default_output(root, as_of, values), (spec.suffix,), root)
    if target.exists() and not force:
        raise OutputExists(f"{target} already exists; use --force to replace it")
    if template is not None and spec.template is None:
        raise UserError(f"the {paper} workbook is not rendered from a template")
    data = spec.build(CheckedFolder(root, checked.result), as_of, **values)
    from .branding import brand_of

    brand = brand_of(checked.result.project, root)
    if spec.template is not None:
        from .templates import find_template, render_docx

        source = template if template is not None else find_template(spec.template, root)[0]
        caption = f"{checked.result.project.psp.name} · {spec.title}"
        logo = brand.logo if brand is not None else None
        render_docx(
            source,
            data,
            target,
            force,
            caption=caption,
            logo=logo,
            acronyms=checked.result.project.psp.acronyms,
        )
    else:
        from .workbook import save

        writer = import_module(f"{__package__}.{spec.workbook}")
        workbook = writer.write(data)
        if brand is not None:
            from .branding import brand_workbook

            brand_workbook(workbook, brand, spec.title, as_of)
        save(workbook, target, force)
    return target


__all__ = ["PAPERS", "Paper", "default_output", "paper_called", "render_paper"]
