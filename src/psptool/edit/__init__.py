"""Editing a PSP folder: the operations behind `psp risk add`, `psp milestone done`, `psp
import raid` and the rest.

This layer sits above `check/`: every edit is checked by every rule `psp validate` applies,
as at the edit's `as_of` date (default today), and refused with `EditRefused` when it would
add an error; the warnings it adds come back with its result. One module per thing edited,
each function opening an `EditSession`, changing records and committing::

    from datetime import date
    from psptool.edit.risks import add_risk

    result = add_risk("my-psp", title="Providers withdraw", likelihood=3, impact=4,
                      owner="p-smith", as_of=date(2026, 6, 30))
    print(result.diff())

The text-level writing beneath (keeping comments and layout, atomic writes, the RAID
workbook's layout) is in `load/`.
"""

from .session import Change, Checker, EditResult, EditSession, every_check

__all__ = ["Change", "Checker", "EditResult", "EditSession", "every_check"]
