"""The call strip: a call split by a hold or a transfer, drawn over its wall-clock time as one bar per
segment with the gaps between them, above the player's timeline. The segment being played is
highlighted; a click on a segment asks to play it. Hidden for a call of one session.

It knows nothing of the app: the owner gives it `StripSegment`s and listens to `segmentChosen`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from qms_desktop.ui.qt import (
    QEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QRect,
    QSizePolicy,
    Qt,
    QToolTip,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.timeline import clock


@dataclass(frozen=True, slots=True)
class StripSegment:
    """One segment: when it started (epoch ms), how long it lasted (None while open) and its tooltip."""

    start_ms: int
    duration_ms: int | None
    label: str


class CallStrip(QWidget):
    segmentChosen = Signal(int)  # the index of the clicked segment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callStrip")
        self.segments: list[StripSegment] = []
        self.current = -1
        self.setMouseTracking(True)
        self.setMinimumHeight(self.fontMetrics().height() + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()

    def set_segments(self, segments: Sequence[StripSegment], current: int = 0) -> None:
        self.segments = list(segments)
        self.current = current if 0 <= current < len(self.segments) else -1
        self.setVisible(len(self.segments) > 1)
        self.update()

    def set_current(self, index: int) -> None:
        self.current = index
        self.update()

    # ---- geometry --------------------------------------------------------------------------------

    def _span(self) -> tuple[int, int]:
        first = self.segments[0].start_ms
        last = max(s.start_ms + max(s.duration_ms or 0, 1) for s in self.segments)
        return first, max(last, first + 1)

    def segment_rects(self) -> list[QRect]:
        """Where each segment is drawn (at least a few pixels wide, so a short one stays clickable)."""
        if not self.segments:
            return []
        first, last = self._span()
        left, width = 8, max(1, self.width() - 16)
        rects = []
        for s in self.segments:
            x0 = left + round((s.start_ms - first) * width / (last - first))
            x1 = left + round((s.start_ms + (s.duration_ms or 0) - first) * width / (last - first))
            rects.append(QRect(x0, 3, max(6, x1 - x0), self.height() - 6))
        return rects

    def index_at(self, x: int) -> int | None:
        for i, rect in enumerate(self.segment_rects()):
            if rect.left() - 2 <= x <= rect.right() + 2:
                return i
        return None

    def gaps(self) -> list[int]:
        """The unrecorded time between consecutive segments, in ms (0 when they touch or overlap)."""
        out = []
        for a, b in zip(self.segments, self.segments[1:], strict=False):
            out.append(max(0, b.start_ms - (a.start_ms + (a.duration_ms or 0))))
        return out

    # ---- painting and input ----------------------------------------------------------------------

    def paintEvent(self, event: Any) -> None:
        if len(self.segments) < 2:
            return
        painter = QPainter(self)
        palette = self.palette()
        rects = self.segment_rects()
        middle = self.height() // 2
        # The gaps: a dashed line with how long nothing was recorded.
        dashed = QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine)
        for i, gap in enumerate(self.gaps()):
            a, b = rects[i], rects[i + 1]
            painter.setPen(dashed)
            painter.drawLine(a.right() + 1, middle, b.left() - 1, middle)
            text = clock(gap)
            room = b.left() - a.right() - 4
            if room > painter.fontMetrics().horizontalAdvance(text) + 4:
                area = QRect(a.right() + 2, 0, room, middle - 1)
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
        for i, rect in enumerate(rects):
            current = i == self.current
            fill = palette.color(QPalette.ColorRole.Highlight if current else QPalette.ColorRole.Mid)
            painter.fillRect(rect, fill)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if current else QPalette.ColorRole.Text))
            if rect.width() > painter.fontMetrics().horizontalAdvance("00") + 4:
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(i + 1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(int(event.position().x()))
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.segmentChosen.emit(index)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos().x())
            if index is not None:
                QToolTip.showText(event.globalPos(), self.segments[index].label, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
