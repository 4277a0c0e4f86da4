"""The player's timeline: a seek slider that draws tag markers, shows a marker's label as a tooltip
and jumps to a clicked position (a click near a marker lands on it)."""

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
    QSlider,
    QStyle,
    QStyleOptionSlider,
    Qt,
    QToolTip,
    QWidget,
    Signal,
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A tag on the timeline: where it is in the recording and what it says."""

    offset_ms: int
    label: str


def clock(ms: int | None) -> str:
    """A position or a duration as m:ss or h:mm:ss; a dash when unknown."""
    if ms is None or ms < 0:
        return "–:––"
    seconds = int(ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class TimelineSlider(QSlider):
    """A horizontal seek slider that draws tag markers and jumps to a clicked position."""

    clickedTo = Signal(int)  # a click on the groove: seek there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.markers: list[Marker] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(28)

    def set_markers(self, markers: Sequence[Marker]) -> None:
        self.markers = sorted(markers, key=lambda m: m.offset_ms)
        self.update()

    def _groove(self) -> tuple[int, int]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        # The handle's centre travels from groove.left + handle/2 to groove.right - handle/2.
        return groove.left() + handle.width() // 2, groove.right() - handle.width() // 2

    def _x_for(self, value: int) -> int:
        left, right = self._groove()
        return QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), value, right - left) + left

    def _value_at(self, x: int) -> int:
        left, right = self._groove()
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), x - left, right - left)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self.markers or self.maximum() <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorRole.Highlight if self.isEnabled() else QPalette.ColorRole.Mid)
        painter.setPen(QPen(colour, 2))
        height = self.height()
        for marker in self.markers:
            if 0 <= marker.offset_ms <= self.maximum():
                x = self._x_for(marker.offset_ms)
                painter.drawLine(x, 1, x, 6)
                painter.drawLine(x, height - 7, x, height - 2)
        painter.end()

    def marker_near(self, x: int, tolerance: int = 5) -> Marker | None:
        if self.maximum() <= 0:
            return None
        best = min(self.markers, key=lambda m: abs(self._x_for(m.offset_ms) - x), default=None)
        if best is not None and abs(self._x_for(best.offset_ms) - x) <= tolerance:
            return best
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            marker = self.marker_near(int(event.position().x()) if hasattr(event, "position") else event.pos().x())
            if marker is not None:
                QToolTip.showText(event.globalPos(), f"{clock(marker.offset_ms)}  {marker.label}", self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        if (
            self.isEnabled()
            and event.button() == Qt.MouseButton.LeftButton
            and not handle.contains(event.position().toPoint())
        ):
            marker = self.marker_near(int(event.position().x()))
            value = marker.offset_ms if marker is not None else self._value_at(int(event.position().x()))
            self.setValue(value)
            self.clickedTo.emit(value)
            event.accept()
            return
        super().mousePressEvent(event)
