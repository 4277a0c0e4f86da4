"""A search box with a regex toggle that reports changes after a short pause in typing and shows an
invalid pattern in red (with the reason as tooltip) instead of raising."""

from __future__ import annotations

from qms_desktop.ui.qt import (
    QColor,
    QEvent,
    QHBoxLayout,
    QLineEdit,
    QPalette,
    QTimer,
    QToolButton,
    QWidget,
    Signal,
)


class SearchField(QWidget):
    """`searchChanged(text, regex)` fires `delay_ms` after the last edit (or at once on Enter or on
    a toggle), so a table of 100k rows is not refiltered on every keystroke."""

    searchChanged = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = 200) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.regex_button = QToolButton(self)
        self.regex_button.setCheckable(True)
        self.regex_button.setText(".*")
        self.regex_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.regex_button)
        self._error: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self._emit)
        self.regex_button.toggled.connect(lambda _on: self._emit())
        self.setFocusProxy(self.edit)
        self._retranslate()

    def text(self) -> str:
        return self.edit.text()

    def is_regex(self) -> bool:
        return self.regex_button.isChecked()

    def set_search(self, text: str, regex: bool = False) -> None:
        """Set both at once and report immediately (scripts and tests)."""
        self.regex_button.blockSignals(True)
        self.regex_button.setChecked(regex)
        self.regex_button.blockSignals(False)
        self.edit.blockSignals(True)
        self.edit.setText(text)
        self.edit.blockSignals(False)
        self._emit()

    def error(self) -> str | None:
        return self._error

    def set_error(self, message: str | None) -> None:
        """Show (or clear) an invalid-pattern state: red text, the reason as tooltip."""
        self._error = message
        palette = self.edit.palette() if message else QPalette()
        if message:
            dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
            palette.setColor(QPalette.ColorRole.Text, QColor("#ff7b72") if dark else QColor("#c62828"))
        self.edit.setPalette(palette)
        self.edit.setToolTip(message or "")
        self.setProperty("invalid", bool(message))

    def _emit(self) -> None:
        self._timer.stop()
        self.searchChanged.emit(self.edit.text(), self.regex_button.isChecked())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search…"))
        self.regex_button.setToolTip(self.tr("Regular expression"))
