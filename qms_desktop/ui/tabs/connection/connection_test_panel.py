"""The Connection tab's "Connection test" group: one row per step (network, TLS, authentication), the
summary, what to do about a failure, and the certificate the server presented.

Its words keep the ConnectionTab translation context: that is where the catalogues have them.
"""

from __future__ import annotations

from typing import Any

from qms_desktop.mediasense import diagnostics
from qms_desktop.ui import core_messages
from qms_desktop.ui.qt import (
    QCoreApplication,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from qms_desktop.ui.tabs.connection.notices import Notice, dim
from qms_desktop.ui.widgets.step_row import StepRow


class ConnectionTestPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presented_certificate: Any = None  # what the server presented in the last test
        self._last_result: diagnostics.ConnectionTestResult | None = None
        self._step_messages: dict[str, str] = {}  # the core's (English, coded) text, translated when shown
        test = QVBoxLayout(self)
        self.step_rows = {name: StepRow(parent=self) for name in diagnostics.STEPS}
        for row in self.step_rows.values():
            test.addWidget(row)
        self.summary = Notice(self)
        self.summary.hide()
        test.addWidget(self.summary)
        self.recommendations_title = QLabel(self)
        font = self.recommendations_title.font()
        font.setBold(True)
        self.recommendations_title.setFont(font)
        self.recommendations_label = QLabel(self)
        self.recommendations_label.setWordWrap(True)
        self.recommendations_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recommendations_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.presented_label = QLabel(self)
        self.presented_label.setWordWrap(True)
        self.presented_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.presented_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pin_presented_button = QPushButton(self)
        for widget in self._result_widgets():
            widget.hide()
            test.addWidget(widget)
        self.test_hint = dim(QLabel(self))
        self.test_hint.setWordWrap(True)
        test.addWidget(self.test_hint)
        test.addStretch(1)

    def _result_widgets(self) -> tuple[QWidget, ...]:
        return (self.recommendations_title, self.recommendations_label, self.presented_label, self.pin_presented_button)

    def reset(self) -> None:
        """A test starts: every step waits, the previous result goes."""
        self._step_messages.clear()
        for row in self.step_rows.values():
            row.reset()
        self.summary.hide()
        self._last_result = None
        self.presented_certificate = None
        for widget in self._result_widgets():
            widget.hide()
        self.test_hint.hide()

    def clear(self) -> None:
        """The server was changed: the last result was about another one. Back to "not tested"."""
        self.reset()
        self.test_hint.show()

    @property
    def showing_result(self) -> bool:
        return self._last_result is not None or any(row.state != "pending" for row in self.step_rows.values())

    def show_step(self, step: diagnostics.StepResult) -> None:
        row = self.step_rows.get(step.step)
        if row is not None:
            self._step_messages[step.step] = step.message
            row.set_state(step.status, step.duration_ms, core_messages.text(step.message))

    def show_result(self, result: diagnostics.ConnectionTestResult | None, *, may_pin: bool) -> None:
        """None: the test was cancelled, the steps still running are skipped."""
        if result is None:
            for row in self.step_rows.values():
                if row.state == "running":
                    row.set_state("skipped")
            return
        self._last_result = result
        self._render_summary()
        self._render_recommendations()
        if result.recommendations:
            self.recommendations_title.show()
            self.recommendations_label.show()
        cert = result.certificate
        if cert is not None:
            self.presented_certificate = cert
            self.presented_label.setText(
                QCoreApplication.translate(
                    "ConnectionTab", "The server presented this certificate (SHA-256):\n{fingerprint}"
                ).format(fingerprint=cert.sha256)
            )
            self.presented_label.show()
            self.pin_presented_button.setVisible(may_pin)

    def _render_summary(self) -> None:
        result = self._last_result
        if result is None:
            return
        if result.success:
            self.summary.show_text("info", QCoreApplication.translate("ConnectionTab", "Connection successful."))
        else:
            self.summary.show_text("error", core_messages.summary(result))

    def _render_recommendations(self) -> None:
        result = self._last_result
        if result is None or not result.recommendations:
            return
        items = "".join(f"<li>{_escape(core_messages.text(item))}</li>" for item in result.recommendations)
        self.recommendations_label.setText(f"<ul style='margin-left:-24px'>{items}</ul>")

    def retranslateUi(self) -> None:
        self.setTitle(QCoreApplication.translate("ConnectionTab", "Connection test"))
        for step, row in self.step_rows.items():
            row.set_name(core_messages.step_name(step))
            if step in self._step_messages:
                row.set_state(row.state, row.duration_ms, core_messages.text(self._step_messages[step]))
        self.recommendations_title.setText(QCoreApplication.translate("ConnectionTab", "What to do"))
        self.pin_presented_button.setText(
            QCoreApplication.translate("ConnectionTab", "Review and trust this certificate…")
        )
        self.test_hint.setText(
            QCoreApplication.translate(
                "ConnectionTab",
                "Test the connection with the values above before saving; nothing is saved by a test.",
            )
        )
        self._render_summary()
        self._render_recommendations()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
