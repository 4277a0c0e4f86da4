"""Draws the text matches of the search as boxes inside the cells (highlight, not filtering)."""

from __future__ import annotations

from collections.abc import Callable

from qms_desktop.ui.qt import (
    QApplication,
    QColor,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)
from qms_desktop.ui.tabs.logs.models import COLUMNS, LogFilter


class HighlightDelegate(QStyledItemDelegate):
    """Paints the cell as usual, then boxes behind every match of the current filter's pattern."""

    def __init__(
        self,
        current_filter: Callable[[], LogFilter],
        match_colour: Callable[[], QColor],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._filter = current_filter
        self._match_colour = match_colour
        self._columns = frozenset(i for i, c in enumerate(COLUMNS) if c.highlight)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        flt = self._filter()
        if flt.pattern is None or index.column() not in self._columns:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        spans = flt.spans(text)
        if not spans:
            super().paint(painter, option, index)
            return
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, selection and focus from the style; the text is ours, drawn over the boxes.
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect.adjust(margin, 0, -margin, 0)
        fm = opt.fontMetrics
        elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        visible = len(elided) if elided == text else max(0, len(elided) - 1)  # minus the "…"
        top = rect.top() + (rect.height() - fm.height()) // 2
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        align = (opt.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask) | Qt.AlignmentFlag.AlignVCenter
        flags = int(align | Qt.TextFlag.TextSingleLine)
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(rect, flags, elided)
        # Then each match as an opaque box with dark text over it: readable on any theme and on
        # grey DEBUG or red ERROR rows alike.
        box_colour = self._match_colour()
        border = box_colour.darker(140)
        for start, end in spans:
            if start >= visible:
                break
            end = min(end, visible)
            x = rect.left() + fm.horizontalAdvance(text[:start])
            width = fm.horizontalAdvance(text[start:end])
            box = QRect(x, top, max(1, width), fm.height())
            painter.fillRect(box, box_colour)
            painter.setPen(border)
            painter.drawRect(box.adjusted(0, 0, -1, -1))
            painter.setPen(_MATCH_TEXT)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text[start:end])
        painter.restore()


_MATCH_TEXT = QColor("#1a1a1a")
