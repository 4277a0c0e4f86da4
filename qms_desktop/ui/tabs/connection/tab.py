"""The Connection tab's widgets. They emit intents (test, cancel, save, fetch certificate) and show what
the controller reports; they never touch the network, the database or the keyring.
"""

from __future__ import annotations

import asyncio
from typing import Any

from qms_desktop.mediasense import diagnostics
from qms_desktop.mediasense.tls import format_fingerprint
from qms_desktop.security.roles import Permission
from qms_desktop.ui import core_messages
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QEvent,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.connection.controller import ConnectionController
from qms_desktop.ui.tabs.connection.models import (
    PASSWORD_ENVIRONMENT,
    PASSWORD_KEYRING,
    PASSWORD_NONE,
    PASSWORD_SESSION,
    PASSWORD_UNAVAILABLE,
    TLS_CA_FILE,
    TLS_INSECURE,
    TLS_MODES,
    TLS_PINNED,
    TLS_SYSTEM,
    ConnectionForm,
    LoadedState,
    SaveOutcome,
)
from qms_desktop.ui.widgets.certificate_dialog import CertificateDialog
from qms_desktop.ui.widgets.step_row import StepRow

# Which saved value decides the TLS mode's source.
_TLS_SOURCE_KEY = {
    TLS_SYSTEM: "allow_self_signed",
    TLS_CA_FILE: "ca_file",
    TLS_PINNED: "pinned_sha256",
    TLS_INSECURE: "allow_self_signed",
}
_LEVEL_ICONS = {
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class Notice(QFrame):
    """An icon and a wrapped text in a framed box; colours stay the palette's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.level = "info"

    def show_text(self, level: str, text: str) -> None:
        self.level = level
        self.icon.setPixmap(self.style().standardIcon(_LEVEL_ICONS.get(level, _LEVEL_ICONS["info"])).pixmap(20, 20))
        self.text.setText(text)
        self.setVisible(bool(text))


def _dim(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ConnectionTab(QWidget):
    test_requested = Signal(object, str)  # ConnectionForm, typed password ("" = use the stored one)
    cancel_requested = Signal()
    save_requested = Signal(object, str, bool)  # ConnectionForm, typed password, store insecurely
    fetch_certificate_requested = Signal(str)  # URL
    controller: ConnectionController | None = None  # set by create_tab

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: LoadedState | None = None
        self._loaded_form: ConnectionForm | None = None
        self._password_state = PASSWORD_NONE
        self._keyring_secure = True
        self._keyring_name = ""
        self._presented_certificate: Any = None
        self._last_result: diagnostics.ConnectionTestResult | None = None
        self._step_messages: dict[str, str] = {}  # the core's (English, coded) text, translated when shown
        self._busy: set[str] = set()
        self._read_only = False  # IT: test with the saved settings and password, change nothing
        self.certificate_dialog: CertificateDialog | None = None
        self._build()
        self.retranslateUi()
        self._on_form_changed()

    # ---- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.keyring_notice = Notice(self)
        self.keyring_notice.hide()

        # Server and credentials
        self.server_group = QGroupBox(self)
        grid = QGridLayout(self.server_group)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        self.urls_label = QLabel(self.server_group)
        self.urls_edit = QPlainTextEdit(self.server_group)
        self.urls_edit.setTabChangesFocus(True)
        line = self.urls_edit.fontMetrics().lineSpacing()
        self.urls_edit.setFixedHeight(line * 3 + 14)
        self.urls_hint = _dim(QLabel(self.server_group))
        self.urls_hint.setWordWrap(True)
        self.urls_check = Notice(self.server_group)
        self.urls_check.hide()
        self.username_label = QLabel(self.server_group)
        self.username_edit = QLineEdit(self.server_group)
        self.username_check = _dim(QLabel(self.server_group))
        self.password_label = QLabel(self.server_group)
        self.password_edit = QLineEdit(self.server_group)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_state_label = _dim(QLabel(self.server_group))
        self.password_state_label.setWordWrap(True)
        self.insecure_checkbox = QCheckBox(self.server_group)
        self.insecure_checkbox.hide()
        self.timeout_label = QLabel(self.server_group)
        self.timeout_spin = QDoubleSpinBox(self.server_group)
        self.timeout_spin.setRange(1.0, 300.0)
        self.timeout_spin.setDecimals(0)
        self.timeout_spin.setValue(10.0)
        self.timeout_spin.setMaximumWidth(120)
        self.source_labels = {key: _dim(QLabel(self.server_group)) for key in ("urls", "username", "timeout", "tls")}

        grid.addWidget(self.urls_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.urls_edit, 0, 1)
        grid.addWidget(self.source_labels["urls"], 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.urls_hint, 1, 1, 1, 2)
        grid.addWidget(self.urls_check, 2, 1, 1, 2)
        grid.addWidget(self.username_label, 3, 0)
        grid.addWidget(self.username_edit, 3, 1)
        grid.addWidget(self.source_labels["username"], 3, 2)
        grid.addWidget(self.username_check, 4, 1, 1, 2)
        grid.addWidget(self.password_label, 5, 0)
        grid.addWidget(self.password_edit, 5, 1)
        grid.addWidget(self.password_state_label, 6, 1, 1, 2)
        grid.addWidget(self.insecure_checkbox, 7, 1, 1, 2)
        grid.addWidget(self.timeout_label, 8, 0)
        grid.addWidget(self.timeout_spin, 8, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.source_labels["timeout"], 8, 2)

        # TLS
        self.tls_group = QGroupBox(self)
        tls = QGridLayout(self.tls_group)
        tls.setColumnStretch(1, 1)
        tls.setColumnMinimumWidth(0, 20)
        self.tls_buttons = {mode: QRadioButton(self.tls_group) for mode in TLS_MODES}
        self.tls_button_group = QButtonGroup(self)
        for index, mode in enumerate(TLS_MODES):
            self.tls_button_group.addButton(self.tls_buttons[mode], index)
        self.tls_buttons[TLS_SYSTEM].setChecked(True)
        self.ca_file_edit = QLineEdit(self.tls_group)
        self.browse_button = QPushButton(self.tls_group)
        self.fingerprint_edit = QLineEdit(self.tls_group)
        self.fetch_button = QPushButton(self.tls_group)
        self.tls_check = _dim(QLabel(self.tls_group))
        self.tls_check.setWordWrap(True)
        self.insecure_warning = Notice(self.tls_group)
        self.insecure_warning.hide()
        tls.addWidget(self.tls_buttons[TLS_SYSTEM], 0, 0, 1, 3)
        tls.addWidget(self.tls_buttons[TLS_CA_FILE], 1, 0, 1, 3)
        tls.addWidget(self.ca_file_edit, 2, 1)
        tls.addWidget(self.browse_button, 2, 2)
        tls.addWidget(self.tls_buttons[TLS_PINNED], 3, 0, 1, 3)
        tls.addWidget(self.fingerprint_edit, 4, 1)
        tls.addWidget(self.fetch_button, 4, 2)
        tls.addWidget(self.tls_buttons[TLS_INSECURE], 5, 0, 1, 3)
        tls.addWidget(self.insecure_warning, 6, 1, 1, 2)
        tls.addWidget(self.tls_check, 7, 1, 1, 2)
        tls.addWidget(self.source_labels["tls"], 8, 1, 1, 2)

        # Test results
        self.test_group = QGroupBox(self)
        test = QVBoxLayout(self.test_group)
        self.step_rows = {name: StepRow(parent=self.test_group) for name in diagnostics.STEPS}
        for row in self.step_rows.values():
            test.addWidget(row)
        self.summary = Notice(self.test_group)
        self.summary.hide()
        test.addWidget(self.summary)
        self.recommendations_title = QLabel(self.test_group)
        font = self.recommendations_title.font()
        font.setBold(True)
        self.recommendations_title.setFont(font)
        self.recommendations_label = QLabel(self.test_group)
        self.recommendations_label.setWordWrap(True)
        self.recommendations_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recommendations_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.presented_label = QLabel(self.test_group)
        self.presented_label.setWordWrap(True)
        self.presented_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.presented_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pin_presented_button = QPushButton(self.test_group)
        for widget in (
            self.recommendations_title,
            self.recommendations_label,
            self.presented_label,
            self.pin_presented_button,
        ):
            widget.hide()
            test.addWidget(widget)
        self.test_hint = _dim(QLabel(self.test_group))
        self.test_hint.setWordWrap(True)
        test.addWidget(self.test_hint)
        test.addStretch(1)

        # Buttons
        self.message = Notice(self)
        self.message.hide()
        self.test_button = QPushButton(self)
        self.test_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setEnabled(False)
        self.save_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 10)
        buttons.addStretch(1)  # keeps the buttons at their natural size on the right
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        left = QVBoxLayout()
        left.addWidget(self.server_group)
        left.addWidget(self.tls_group)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(left, 3)
        columns.addWidget(self.test_group, 2)

        content = QWidget(self)
        body = QVBoxLayout(content)
        body.addWidget(self.keyring_notice)
        body.addLayout(columns, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

        # Intents and live checks
        self.urls_edit.textChanged.connect(self._on_form_changed)
        self.username_edit.textChanged.connect(self._on_form_changed)
        self.password_edit.textChanged.connect(self._on_form_changed)
        self.timeout_spin.valueChanged.connect(self._on_form_changed)
        self.ca_file_edit.textChanged.connect(self._on_form_changed)
        self.fingerprint_edit.textChanged.connect(self._on_form_changed)
        self.tls_button_group.idToggled.connect(self._on_form_changed)
        self.browse_button.clicked.connect(self._browse_ca_file)
        self.fetch_button.clicked.connect(self._request_certificate)
        self.pin_presented_button.clicked.connect(lambda: self.ask_to_pin(self._presented_certificate))
        self.test_button.clicked.connect(self._request_test)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self._request_save)

    def set_read_only(self, read_only: bool = True) -> None:
        """Test-only mode (IT): the saved settings are shown but locked; no password field, no Save."""
        self._read_only = read_only
        self.server_group.setEnabled(not read_only)
        self.tls_group.setEnabled(not read_only)
        for widget in (self.password_label, self.password_edit, self.password_state_label, self.save_button):
            widget.setVisible(not read_only)
        if read_only:
            self.insecure_checkbox.hide()
            self.keyring_notice.hide()
            self.pin_presented_button.hide()
        self.retranslateUi()

    # ---- the form --------------------------------------------------------------------------------

    def tls_mode(self) -> str:
        for mode, button in self.tls_buttons.items():
            if button.isChecked():
                return mode
        return TLS_SYSTEM

    def form(self) -> ConnectionForm:
        return ConnectionForm(
            urls_text=self.urls_edit.toPlainText(),
            username=self.username_edit.text(),
            timeout=self.timeout_spin.value(),
            tls_mode=self.tls_mode(),
            ca_file=self.ca_file_edit.text().strip(),
            fingerprint=self.fingerprint_edit.text().strip(),
        )

    def set_form(self, form: ConnectionForm) -> None:
        self.urls_edit.setPlainText(form.urls_text)
        self.username_edit.setText(form.username)
        self.timeout_spin.setValue(form.timeout)
        self.tls_buttons.get(form.tls_mode, self.tls_buttons[TLS_SYSTEM]).setChecked(True)
        self.ca_file_edit.setText(form.ca_file)
        self.fingerprint_edit.setText(form.fingerprint)
        self.fingerprint_edit.setCursorPosition(0)  # show the start, as certificate viewers do
        self.ca_file_edit.setCursorPosition(0)

    def _on_form_changed(self, *_args: object) -> None:
        form = self.form()
        check = form.check()
        mode = form.tls_mode
        self.ca_file_edit.setEnabled(mode == TLS_CA_FILE)
        self.browse_button.setEnabled(mode == TLS_CA_FILE)
        self.fingerprint_edit.setEnabled(mode == TLS_PINNED)
        self.insecure_warning.setVisible(mode == TLS_INSECURE)
        url_lines = check.problems.get("urls", [])
        if form.urls_text.strip() or self._loaded_form is not None:
            if url_lines:
                self.urls_check.show_text("error", "\n".join(url_lines))
            elif check.advice:
                self.urls_check.show_text("warning", "\n".join(check.advice))
            else:
                self.urls_check.show_text("info", "")
        self.username_check.setText("\n".join(check.problems.get("username", [])))
        self.username_check.setVisible(bool(check.problems.get("username")) and self._loaded_form is not None)
        tls_lines = check.problems.get("ca_file", []) + check.problems.get("fingerprint", [])
        self.tls_check.setText("\n".join(tls_lines))
        self.tls_check.setVisible(bool(tls_lines))
        self.save_button.setEnabled(check.ok and "save" not in self._busy)
        self._render_sources()

    def _render_sources(self) -> None:
        form = self.form()
        loaded = self._loaded_form
        sources = dict(self.loaded.settings.sources) if self.loaded else {}
        changed = {
            "urls": loaded is not None and form.urls != loaded.urls,
            "username": loaded is not None and form.username.strip() != loaded.username,
            "timeout": loaded is not None and form.timeout != loaded.timeout,
            "tls": loaded is not None
            and (form.tls_mode, form.ca_file, form.fingerprint.upper())
            != (loaded.tls_mode, loaded.ca_file, loaded.fingerprint.upper()),
        }
        keys = {"urls": "urls", "username": "username", "timeout": "timeout", "tls": _TLS_SOURCE_KEY[form.tls_mode]}
        for field, label in self.source_labels.items():
            if changed[field]:
                label.setText(self.tr("changed, not saved"))
            else:
                label.setText(self._source_text(sources.get(keys[field], "default")))

    def _source_text(self, source: str) -> str:
        return {
            "database": self.tr("saved in the database"),
            "environment": self.tr("from the environment"),
            "default": self.tr("default"),
            "demo": self.tr("demo settings"),
        }.get(source, source)

    # ---- intents ---------------------------------------------------------------------------------

    def _request_test(self) -> None:
        # Read-only: never a typed password, the controller uses the saved one.
        self.test_requested.emit(self.form(), "" if self._read_only else self.password_edit.text())

    def _request_save(self) -> None:
        self.save_requested.emit(self.form(), self.password_edit.text(), self.insecure_checkbox.isChecked())

    def _request_certificate(self) -> None:
        urls = self.form().urls
        if not urls:
            self.show_message("error", self.tr("Enter the server URL first."))
            return
        self.fetch_certificate_requested.emit(urls[0])

    def _browse_ca_file(self) -> None:
        # A non-native, non-modal dialog: no nested event loop while qasync runs.
        dialog = QFileDialog(self, self.tr("Choose the CA certificate file"), self.ca_file_edit.text())
        dialog.setNameFilters([self.tr("Certificates (*.pem *.crt *.cer)"), self.tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.ca_file_edit.setText)
        dialog.open()

    # ---- what the controller reports -------------------------------------------------------------

    def apply_loaded(self, state: LoadedState) -> None:
        self.loaded = state
        self._loaded_form = ConnectionForm.from_settings(state.settings)
        self.set_form(self._loaded_form)
        self.password_edit.clear()  # never pre-filled: the stored password stays in the keyring
        self._password_state = state.password_state
        self._keyring_secure = state.keyring.secure
        self._keyring_name = _friendly_backend(state.keyring.name)
        self._render_keyring()
        self._on_form_changed()

    def _render_keyring(self) -> None:
        if not self._keyring_secure:
            self.keyring_notice.show_text(
                "warning",
                self.tr(
                    "No secure keyring is available on this computer (backend: {name}). A password you save is "
                    'kept in memory until you close the app, unless you tick "Store the password insecurely".'
                ).format(name=self._keyring_name),
            )
        else:
            self.keyring_notice.show_text("info", "")
        if self._read_only:
            self.keyring_notice.show_text(
                "info", self.tr("Only an administrator can change these settings. The test uses the saved password.")
            )
        self.insecure_checkbox.setVisible(not self._keyring_secure and not self._read_only)
        placeholders = {
            PASSWORD_KEYRING: self.tr("Saved in the keyring: type a new one to replace it"),
            PASSWORD_SESSION: self.tr("Kept in memory for this session: type to replace it"),
            PASSWORD_ENVIRONMENT: self.tr("Taken from MEDIASENSE_PASSWORD: type to override it"),
            PASSWORD_UNAVAILABLE: self.tr("The keyring is unavailable: enter the password"),
            PASSWORD_NONE: self.tr("Enter the MediaSense password"),
        }
        states = {
            PASSWORD_KEYRING: self.tr("A password is saved in the keyring ({name}).").format(name=self._keyring_name),
            PASSWORD_SESSION: self.tr("The password is kept in memory for this session only."),
            PASSWORD_ENVIRONMENT: self.tr("The password comes from the MEDIASENSE_PASSWORD environment variable."),
            PASSWORD_UNAVAILABLE: self.tr("The keyring could not be read; the password is not known."),
            PASSWORD_NONE: self.tr("No password is saved yet."),
        }
        self.password_edit.setPlaceholderText(placeholders.get(self._password_state, ""))
        self.password_state_label.setText(states.get(self._password_state, ""))

    def on_test_started(self) -> None:
        self._step_messages.clear()
        for row in self.step_rows.values():
            row.reset()
        self.summary.hide()
        self._last_result = None
        self._presented_certificate = None
        for widget in (
            self.recommendations_title,
            self.recommendations_label,
            self.presented_label,
            self.pin_presented_button,
        ):
            widget.hide()
        self.test_hint.hide()

    def on_step(self, step: diagnostics.StepResult) -> None:
        row = self.step_rows.get(step.step)
        if row is not None:
            self._step_messages[step.step] = step.message
            row.set_state(step.status, step.duration_ms, core_messages.text(step.message))

    def on_test_finished(self, result: diagnostics.ConnectionTestResult | None) -> None:
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
            self._presented_certificate = cert
            self.presented_label.setText(
                self.tr("The server presented this certificate (SHA-256):\n{fingerprint}").format(
                    fingerprint=cert.sha256
                )
            )
            self.presented_label.show()
            self.pin_presented_button.setVisible(not self._read_only)

    def _render_summary(self) -> None:
        result = self._last_result
        if result is None:
            return
        if result.success:
            self.summary.show_text("info", self.tr("Connection successful."))
        else:
            self.summary.show_text("error", core_messages.text(result.message))

    def _render_recommendations(self) -> None:
        result = self._last_result
        if result is None or not result.recommendations:
            return
        items = "".join(f"<li>{_escape(core_messages.text(item))}</li>" for item in result.recommendations)
        self.recommendations_label.setText(f"<ul style='margin-left:-24px'>{items}</ul>")

    def on_certificate(self, info: Any) -> None:
        self.ask_to_pin(info)

    def ask_to_pin(self, info: Any) -> None:
        if info is None:
            return
        dialog = CertificateDialog(info, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.pin(info.sha256))
        dialog.destroyed.connect(lambda *_: setattr(self, "certificate_dialog", None))
        self.certificate_dialog = dialog
        dialog.open()  # non-modal to the event loop: no nested exec() under qasync

    def pin(self, fingerprint: str) -> None:
        self.tls_buttons[TLS_PINNED].setChecked(True)
        self.fingerprint_edit.setText(format_fingerprint(fingerprint))
        self.fingerprint_edit.setCursorPosition(0)
        self.show_message("info", self.tr("Certificate pinned. Press Save to keep it."))

    def on_saved(self, outcome: SaveOutcome) -> None:
        self.show_message(outcome.level, outcome.message)
        if outcome.settings_saved:
            self.password_edit.clear()
            self.insecure_checkbox.setChecked(False)

    def show_message(self, level: str, text: str) -> None:
        self.message.show_text(level, text)

    def set_busy(self, what: str, busy: bool) -> None:
        if busy:
            self._busy.add(what)
        else:
            self._busy.discard(what)
        self.test_button.setEnabled("test" not in self._busy)
        self.cancel_button.setEnabled("test" in self._busy)
        self.fetch_button.setEnabled("certificate" not in self._busy)
        self._on_form_changed()

    # ---- language --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.server_group.setTitle(self.tr("MediaSense server"))
        self.urls_label.setText(self.tr("Server URLs:"))
        self.urls_edit.setPlaceholderText("https://mediasense.example.com:8440")
        self.urls_hint.setText(self.tr("One URL per line: add every node of a cluster."))
        self.username_label.setText(self.tr("User name:"))
        self.username_edit.setPlaceholderText(self.tr("MediaSense API user"))
        self.password_label.setText(self.tr("Password:"))
        self.insecure_checkbox.setText(
            self.tr("Store the password insecurely (anyone who can read your files could read it)")
        )
        self.timeout_label.setText(self.tr("Timeout:"))
        self.timeout_spin.setSuffix(self.tr(" s"))
        self.tls_group.setTitle(self.tr("Server certificate (TLS)"))
        self.tls_buttons[TLS_SYSTEM].setText(self.tr("Verify with the system's certificate authorities"))
        self.tls_buttons[TLS_CA_FILE].setText(self.tr("Verify with a CA certificate file:"))
        self.tls_buttons[TLS_PINNED].setText(self.tr("Trust only the certificate with this SHA-256 fingerprint:"))
        self.tls_buttons[TLS_INSECURE].setText(self.tr("Accept any certificate (not secure)"))
        self.ca_file_edit.setPlaceholderText(self.tr("PEM file with the CA certificate"))
        self.browse_button.setText(self.tr("Browse…"))
        self.fingerprint_edit.setPlaceholderText("AB:CD:…")
        self.fetch_button.setText(self.tr("Fetch certificate…"))
        self.insecure_warning.show_text(
            "warning",
            self.tr(
                "Anyone between this computer and the server could read the password and the recordings. "
                "Use this only for a short test, then pin the certificate instead."
            ),
        )
        self.insecure_warning.setVisible(self.tls_mode() == TLS_INSECURE)
        self.test_group.setTitle(self.tr("Connection test"))
        for step, row in self.step_rows.items():
            row.set_name(core_messages.step_name(step))
            if step in self._step_messages:
                row.set_state(row.state, row.duration_ms, core_messages.text(self._step_messages[step]))
        self.recommendations_title.setText(self.tr("What to do"))
        self.pin_presented_button.setText(self.tr("Review and trust this certificate…"))
        self.test_hint.setText(
            self.tr("Test the connection with the values above before saving; nothing is saved by a test.")
        )
        self.test_button.setText(self.tr("Test connection"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("Save"))
        self._render_keyring()
        self._render_sources()
        self._render_summary()
        self._render_recommendations()


def _friendly_backend(name: str) -> str:
    """'keyring.backends.SecretService.Keyring' -> 'SecretService'; 'x.DemoKeyring' -> 'DemoKeyring'."""
    parts = name.split(".")
    return parts[-2] if len(parts) > 1 and parts[-1] == "Keyring" else parts[-1]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wire(tab: ConnectionTab, controller: ConnectionController) -> None:
    tab.test_requested.connect(controller.test_connection)
    tab.cancel_requested.connect(controller.cancel_test)
    tab.save_requested.connect(controller.save)
    tab.fetch_certificate_requested.connect(controller.fetch_certificate)
    controller.loaded.connect(tab.apply_loaded)
    controller.test_started.connect(tab.on_test_started)
    controller.step_changed.connect(tab.on_step)
    controller.test_finished.connect(tab.on_test_finished)
    controller.certificate_fetched.connect(tab.on_certificate)
    controller.saved.connect(tab.on_saved)
    controller.busy_changed.connect(tab.set_busy)
    controller.message.connect(tab.show_message)


def create_tab(ctx: UiContext) -> ConnectionTab:
    tab = ConnectionTab()
    principal = getattr(ctx, "principal", None)
    if principal is not None and not principal.can(Permission.SETTINGS_WRITE):
        tab.set_read_only(True)
    controller = ConnectionController(ctx, parent=tab)
    tab.controller = controller
    wire(tab, controller)
    QTimer.singleShot(0, tab, lambda: _load_if_running(controller))
    return tab


def _load_if_running(controller: ConnectionController) -> None:
    """Load once the qasync loop runs (a tab built without a running loop, e.g. in a test, stays empty)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    controller.load()
