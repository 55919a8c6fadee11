"""The papers `psp render` writes, each one library call: which paper, for which checked
folder, as at which date, to where.

    >>> from datetime import date
    >>> from psptool import render_paper, validate
    >>> as_of = date(2011, 6, 30)
    >>> checked = validate("examples/falkirk-foster-care", as_of)
    >>> render_paper("mou", checked, as_of)  # doctest: +SKIP
    PosixPath('examples/falkirk-foster-care/out/mou-2011-06-30.docx')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..check import Validation
from ..errors import OutputExists, UserError


@dataclass(frozen=True)
class Paper:
    """A paper: its file name stem and suffix, and for Word papers the default template."""

    stem: str
    suffix: str
    template: str | None = None


PAPERS: dict[str, Paper] = {
    "mou": Paper("mou", ".docx", "mou.docx"),
    "business-case-outline": Paper("business-case-outline", ".docx", "business-case-outline.docx"),
    "business-case-full": Paper("business-case-full", ".docx", "business-case-full.docx"),
    "raid": Paper("raid", ".xlsx"),
    "plan": Paper("plan", ".xlsx"),
    "options": Paper("options", ".xlsx"),
    "stakeholders": Paper("stakeholders", ".xlsx"),
}


def default_output(root: Path, paper: str, as_of: date) -> Path:
    """`out/NAME-DATE.EXT` in the folder: one file per paper and date, so an earlier
    version is kept beside a later one."""
    spec = PAPERS[paper]
    return root / "out" / f"{spec.stem}-{as_of.isoformat()}{spec.suffix}"


def render_paper(
    paper: str,
    checked: Validation,
    as_of: date,
    output: Path | None = None,
    *,
    force: bool = False,
    template: Path | None = None,
) -> Path:
    """Write `paper` for the folder `checked` (the result of `validate`, with no errors) as
    at `as_of`, and return the file written.

    The output is refused before any work when its suffix is wrong, when it would replace
    one of the folder's YAML files, or when it exists and `force` is not given; it is written
    atomically, so a failure leaves any previous file as it was.
    """
    from ..load.write import check_output

    if paper not in PAPERS:
        raise UserError(f"there is no paper called {paper}; the papers are {', '.join(PAPERS)}")
    if checked.root is None or checked.result is None or checked.errors:
        raise UserError("the folder has errors; fix them first (psp validate shows them)")
    spec = PAPERS[paper]
    root = checked.root
    target = check_output(output or default_output(root, paper, as_of), (spec.suffix,), root)
    if target.exists() and not force:
        raise OutputExists(f"{target} already exists; use --force to replace it")
    if spec.template is not None:
        from .templates import find_template, render_docx

        source = template if template is not None else find_template(spec.template, root)[0]
        render_docx(source, _word_context(paper, checked, as_of), target, force)
    else:
        if template is not None:
            raise UserError(f"the {paper} workbook is not rendered from a template")
        from .workbook import save

        save(_workbook(paper, checked, as_of), target, force)
    return target


def _word_context(paper: str, checked: Validation, as_of: date) -> dict[str, Any]:
    assert checked.result is not None and checked.root is not None
    project = checked.result.project
    if paper == "mou":
        from ..report.papers import mou_context

        return mou_context(project, as_of)
    from ..load.history import folder_history
    from ..report.papers import business_case_context

    kind = paper.removeprefix("business-case-")
    return business_case_context(project, as_of, kind, folder_history(checked.root))


def _workbook(paper: str, checked: Validation, as_of: date) -> Any:
    from .. import analysis

    assert checked.result is not None and checked.root is not None
    project = checked.result.project
    if paper == "raid":
        from ..load.history import head_commit
        from .raid_workbook import raid_workbook

        return raid_workbook(checked.result, as_of, head_commit(checked.root))
    if paper == "plan":
        from .plan_workbook import plan_workbook

        return plan_workbook(project, analysis.analyse_plan(project, as_of), as_of)
    if paper == "options":
        from .options_workbook import options_workbook

        return options_workbook(project, analysis.appraise_options(project), as_of)
    from .stakeholder_workbook import stakeholder_workbook

    return stakeholder_workbook(project, analysis.map_stakeholders(project), as_of)


__all__ = ["PAPERS", "Paper", "default_output", "render_paper"]
