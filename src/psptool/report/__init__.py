"""Report data: what the highlight report says, assembled as plain objects; no formatting."""

from .changes import Changes, compare
from .status import StatusReport, status_report, status_since

__all__ = ["Changes", "StatusReport", "compare", "status_report", "status_since"]
