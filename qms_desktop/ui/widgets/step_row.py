"""One row of a multi-step check: icon, name, state, duration and a message (colours from the palette)."""

from __future__ import annotations

from qms_desktop.ui.qt import QEvent, QGridLayout, QLabel, QSizePolicy, QStyle, Qt, QWidget

PENDING = "pending"
RUNNING = "running"
OK = "ok"
FAILED = "failed"
SKIPPED = "skipped"

_ICONS = {
    RUNNING: QStyle.StandardPixmap.SP_BrowserReload,
    OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    SKIPPED: QStyle.StandardPixmap.SP_MediaSkipForward,
}


class StepRow(QWidget):
    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = PENDING
        self.duration_ms: int | None = None
        self.message = ""
        self.icon = QLabel(self)
        self.icon.setFixedSize(20, 20)
        self.name_label = QLabel(name, self)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.state_label = QLabel(self)
        self.duration_label = QLabel(self)
        self.duration_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setHorizontalSpacing(8)
        layout.addWidget(self.icon, 0, 0)
        layout.addWidget(self.name_label, 0, 1)
        layout.addWidget(self.state_label, 0, 2)
        layout.addWidget(self.duration_label, 0, 3)
        layout.addWidget(self.message_label, 1, 1, 1, 3)
        layout.setColumnStretch(1, 1)
        self._render()

    def set_name(self, name: str) -> None:
        self.name_label.setText(name)

    def set_state(self, state: str, duration_ms: int | None = None, message: str = "") -> None:
        self.state = state
        self.duration_ms = duration_ms
        self.message = message
        self._render()

    def reset(self) -> None:
        self.set_state(PENDING)

    def state_text(self) -> str:
        return {
            PENDING: self.tr("waiting"),
            RUNNING: self.tr("running…"),
            OK: self.tr("passed"),
            FAILED: self.tr("failed"),
            SKIPPED: self.tr("skipped"),
        }.get(self.state, self.state)

    def _render(self) -> None:
        pixmap = _ICONS.get(self.state)
        if pixmap is None:
            self.icon.clear()
        else:
            self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(16, 16))
        self.state_label.setText(self.state_text())
        duration = self.tr("{ms} ms").format(ms=self.duration_ms) if self.duration_ms is not None else ""
        self.duration_label.setText(duration)
        self.message_label.setText(self.message)
        self.message_label.setVisible(bool(self.message))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
