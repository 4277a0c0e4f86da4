"""A one-line label that never asks for the width of its whole text: it draws what fits with an
ellipsis, and the whole text is in its tooltip (status bars, long paths, the player's status)."""

from __future__ import annotations

from qms_desktop.ui.qt import QLabel, QPainter, QPaintEvent, QResizeEvent, QSize, QSizePolicy, Qt, QWidget


class ElidedLabel(QLabel):
    """`text()` is the whole text; the label draws as much as fits on one line and never asks for
    more height than one line, so a long message cannot grow its layout."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        minimum_chars: int = 8,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self._mode = mode
        self.setProperty("elides", True)  # tells the rendering test it elides on purpose
        self.setWordWrap(False)
        self._minimum_chars = minimum_chars
        self._extra_tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tip()

    def set_text(self, text: str, tip: str = "") -> None:
        """The text, and what the tooltip adds under it (an error's words)."""
        self._extra_tip = tip
        self.setText(text)

    def _update_tip(self) -> None:
        elided = self._elided() != self.text()
        parts = ([self.text()] if elided else []) + ([self._extra_tip] if self._extra_tip else [])
        self.setToolTip("\n".join(parts))

    def _elided(self) -> str:
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * self.margin()
        return self.fontMetrics().elidedText(self.text(), self._mode, max(width, 0))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = min(hint.width(), self.fontMetrics().horizontalAdvance(self.text()) + 24)
        return QSize(width, self.fontMetrics().height() + 2 * self.margin())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * self._minimum_chars, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self._elided())
        painter.end()
