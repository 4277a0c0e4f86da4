"""Display helpers shared by the tabs' table models."""

from __future__ import annotations

from qms_desktop.ui.qt import QDateTime, Qt

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def local_time(ms: int | None) -> str:
    """Epoch milliseconds (the database keeps UTC) as local date and time; a dash when unknown."""
    if ms is None:
        return "—"
    return QDateTime.fromMSecsSinceEpoch(int(ms)).toString("yyyy-MM-dd HH:mm:ss")
