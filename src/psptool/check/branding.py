"""The partnership's branding (`psp.yaml` `branding`): a logo the papers can carry, and a
colour that was not lost to a YAML comment.

The logo is read as the papers read it (`load.branding.read_logo`), so what `psp validate`
passes, `psp render` can put on a page.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..load.branding import LogoProblem, read_logo
from .context import CheckContext
from .registry import rule

_HINTS = {
    "PSP601": "put the logo in the folder (for example templates/logo.png) and give "
    "its path from the folder, with / between folders",
    "PSP602": "save the logo as a PNG or JPEG image",
    "PSP603": "save the logo smaller: a few hundred pixels wide is plenty for a page header",
}


@rule("PSP601", "PSP602", "PSP603")  # load.branding's NOT_IN_FOLDER, NOT_AN_IMAGE, TOO_LARGE
def logo(ctx: CheckContext) -> Iterator[Diagnostic]:
    branding = ctx.project.psp.branding
    if branding is None or branding.logo is None:
        return
    try:
        read_logo(ctx.result.root, branding.logo)
    except LogoProblem as problem:
        yield ctx.at(
            problem.code,
            problem.message,
            "psp.yaml",
            ("branding", "logo"),
            value=True,
            hint=_HINTS[problem.code],
        )


@rule("PSP604")
def colour_lost_to_a_comment(ctx: CheckContext) -> Iterator[Diagnostic]:
    """`colour: #005EB8` is `colour:` and a comment to YAML: no colour, and no error."""
    source = ctx.result.sources.get("psp.yaml")
    data = source.data if source is not None else None
    branding = data.get("branding") if isinstance(data, dict) else None
    if isinstance(branding, dict) and "colour" in branding and branding["colour"] is None:
        yield ctx.at(
            "PSP604",
            "the branding colour is empty, so the papers keep psp's own: in YAML an "
            "unquoted # starts a comment",
            "psp.yaml",
            ("branding", "colour"),
            hint='put the colour in quotes: colour: "#005EB8"',
        )
