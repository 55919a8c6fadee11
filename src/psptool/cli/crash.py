"""Crash reports: versions, platform and traceback, written to a file instead of the screen."""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from datetime import datetime
from importlib import metadata
from pathlib import Path


def write_crash_report(exc: BaseException) -> Path | None:
    """The crash report's path, or None when none could be written. It can never fail:
    an error while reporting an error (a byte in the command that is not UTF-8, a full
    disk) must not become a traceback on the user's screen."""
    try:
        body = _report(exc)
        fd, name = tempfile.mkstemp(prefix="psp-crash-", suffix=".log")
        with open(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(body)
        return Path(name)
    except Exception:
        return None


def _report(exc: BaseException) -> str:
    versions = []
    for package in ("psptool", "pydantic", "ruamel.yaml", "typer", "rich"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    try:
        trace = "".join(traceback.format_exception(exc))
    except Exception as inner:  # a broken __str__ in the exception itself
        trace = f"{type(exc).__name__} (its traceback could not be formatted: {inner!r})"
    return "\n".join(
        [
            f"psp crash report, {datetime.now().isoformat(timespec='seconds')}",
            f"command: {' '.join(sys.argv)}",
            f"python: {sys.version.split()[0]} on {platform.platform()}",
            *versions,
            "",
            trace,
        ]
    )
