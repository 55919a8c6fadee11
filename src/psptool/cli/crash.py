"""Crash reports: versions, platform and traceback, written to a file instead of the screen."""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from datetime import datetime
from importlib import metadata
from pathlib import Path


def write_crash_report(exc: BaseException) -> Path:
    versions = []
    for package in ("psptool", "pydantic", "ruamel.yaml", "typer", "rich"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    body = "\n".join(
        [
            f"psp crash report, {datetime.now().isoformat(timespec='seconds')}",
            f"command: {' '.join(sys.argv)}",
            f"python: {sys.version.split()[0]} on {platform.platform()}",
            *versions,
            "",
            "".join(traceback.format_exception(exc)),
        ]
    )
    fd, name = tempfile.mkstemp(prefix="psp-crash-", suffix=".log")
    with open(fd, "w", encoding="utf-8") as handle:
        handle.write(body)
    return Path(name)
