"""Columns at least as wide as their (translated) titles: "Внутрішній номер" is wider than "Extension"."""

from __future__ import annotations

from qms_desktop.ui.qt import QHeaderView, Qt

HEADER_PADDING = 28  # the header's margins and a sort arrow


def fit_sections_to_titles(header: QHeaderView) -> None:
    """Widen every section narrower than its title; wider ones keep the width they were given."""
    model = header.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    for index in range(header.count()):
        title = str(model.headerData(index, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        need = metrics.horizontalAdvance(title) + HEADER_PADDING
        if header.sectionSize(index) < need:
            header.resizeSection(index, need)
