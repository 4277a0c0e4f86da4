"""The Connection tab's widgets. They emit intents (test, cancel, save, fetch certificate) and show what
the controller reports; they never touch the network, the database or the keyring.

The groups are modules of their own: `server_section` (URLs, user, password, timeout), `tls_section`
(certificate verification), `connection_test_panel` (the steps and their outcome) and `notices`.
"""

from __future__ import annotations

from typing import Any

from qms_desktop.mediasense import diagnostics
from qms_desktop.ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.connection.connection_test_panel import ConnectionTestPanel
from qms_desktop.ui.tabs.connection.models import (
    PASSWORD_NONE,
    TLS_CA_FILE,
    TLS_INSECURE,
    TLS_PINNED,
    TLS_SYSTEM,
    ConnectionForm,
    LoadedState,
    SaveOutcome,
)
from qms_desktop.ui.tabs.connection.notices import KeyringNotice, Notice
from qms_desktop.ui.tabs.connection.server_section import ServerSection
from qms_desktop.ui.tabs.connection.tls_section import TlsSection
from qms_desktop.ui.widgets.certificate_dialog import CertificateDialog

# Which saved value decides the TLS mode's source.
_TLS_SOURCE_KEY = {
    TLS_SYSTEM: "allow_self_signed",
    TLS_CA_FILE: "ca_file",
    TLS_PINNED: "pinned_sha256",
    TLS_INSECURE: "allow_self_signed",
}


class ConnectionTab(QWidget):
    test_requested = Signal(object, str)  # ConnectionForm, typed password ("" = use the stored one)
    cancel_requested = Signal()
    save_requested = Signal(object, str, bool)  # ConnectionForm, typed password, store insecurely
    fetch_certificate_requested = Signal(str)  # URL
    result_cleared = Signal()  # the server changed: the last test's result no longer applies
    controller: Any = None  # the ConnectionController, set by create_tab

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: LoadedState | None = None
        self._loaded_form: ConnectionForm | None = None
        self._password_state = PASSWORD_NONE
        self._keyring_secure = True
        self._keyring_name = ""
        self._busy: set[str] = set()
        self._read_only = False  # IT: test with the saved settings and password, change nothing
        self.certificate_dialog: CertificateDialog | None = None
        # The server (URLs, user name) the shown test result and message are about: editing it clears them.
        self._shown_for: tuple[tuple[str, ...], str] | None = None
        self._build()
        self.retranslateUi()
        self._on_form_changed()

    # ---- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.keyring_notice = KeyringNotice(self)
        self.keyring_notice.hide()
        self.server_group = ServerSection(self)
        self.tls_group = TlsSection(self)
        self.test_group = ConnectionTestPanel(self)
        # The widgets the tab and its callers work with, under the names they had before the split.
        server, tls, test = self.server_group, self.tls_group, self.test_group
        self.urls_edit = server.urls_edit
        self.urls_check = server.urls_check
        self.username_edit = server.username_edit
        self.password_edit = server.password_edit
        self.password_state_label = server.password_state_label
        self.insecure_checkbox = server.insecure_checkbox
        self.timeout_spin = server.timeout_spin
        self.tls_buttons = tls.tls_buttons
        self.ca_file_edit = tls.ca_file_edit
        self.fingerprint_edit = tls.fingerprint_edit
        self.fetch_button = tls.fetch_button
        self.tls_check = tls.tls_check
        self.insecure_warning = tls.insecure_warning
        self.source_labels = {**server.source_labels, "tls": tls.source_label}
        self.step_rows = test.step_rows
        self.summary = test.summary
        self.recommendations_label = test.recommendations_label
        self.presented_label = test.presented_label
        self.pin_presented_button = test.pin_presented_button

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
        self.server_group.changed.connect(self._on_form_changed)
        self.server_group.changed.connect(self._on_server_changed)
        self.tls_group.changed.connect(self._on_form_changed)
        self.fetch_button.clicked.connect(self._request_certificate)
        # A lambda that holds the tab, as before the groups were split out: for a tab without a parent
        # (tests) it keeps the Python wrapper alive, so its last reference is never dropped inside a
        # certificate dialog's destructor (which crashes).
        self.pin_presented_button.clicked.connect(lambda: self.ask_to_pin(self.test_group.presented_certificate))
        self.test_button.clicked.connect(self._request_test)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button.clicked.connect(self._request_save)

    def set_read_only(self, read_only: bool = True) -> None:
        """Test-only mode (IT): the saved settings are shown but locked; no password field, no Save."""
        self._read_only = read_only
        self.server_group.set_read_only(read_only)
        self.tls_group.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        if read_only:
            self.keyring_notice.hide()
            self.pin_presented_button.hide()
        self.retranslateUi()

    # ---- the form --------------------------------------------------------------------------------

    def tls_mode(self) -> str:
        return self.tls_group.tls_mode()

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
        self.server_group.set_values(form)
        self.tls_group.set_values(form)

    def _on_form_changed(self, *_args: object) -> None:
        form = self.form()
        check = form.check()
        self.tls_group.show_mode(form.tls_mode)
        self.server_group.show_check(
            check,
            check_urls=bool(form.urls_text.strip()) or self._loaded_form is not None,
            show_username=self._loaded_form is not None,
        )
        self.tls_group.show_problems(check.problems.get("ca_file", []) + check.problems.get("fingerprint", []))
        self.save_button.setEnabled(check.ok and "save" not in self._busy)
        self._render_sources()

    def _server(self) -> tuple[tuple[str, ...], str]:
        form = self.form()
        return form.urls, form.username.strip()

    def _on_server_changed(self) -> None:
        """Another server or user: the last test's result and a message about it no longer apply."""
        if self._shown_for is None or self._shown_for == self._server() or "test" in self._busy:
            return  # a running test keeps its steps: the next edit after it ends clears them
        self._shown_for = None
        self.test_group.clear()
        self.message.show_text("info", "")
        self.result_cleared.emit()

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
        self.keyring_notice.show_state(self._keyring_secure, self._keyring_name, self._read_only)
        self.server_group.show_password_state(
            self._password_state, self._keyring_name, offer_insecure=not self._keyring_secure and not self._read_only
        )

    def on_test_started(self) -> None:
        self.test_group.reset()
        self._shown_for = self._server()

    def on_step(self, step: diagnostics.StepResult) -> None:
        self.test_group.show_step(step)

    def on_test_finished(self, result: diagnostics.ConnectionTestResult | None) -> None:
        self.test_group.show_result(result, may_pin=not self._read_only)

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
        self.tls_group.pin(fingerprint)
        self.show_message("info", self.tr("Certificate pinned. Press Save to keep it."))

    def on_saved(self, outcome: SaveOutcome) -> None:
        self.show_message(outcome.level, outcome.message)
        if outcome.settings_saved:
            self.password_edit.clear()
            self.insecure_checkbox.setChecked(False)

    def show_message(self, level: str, text: str) -> None:
        self.message.show_text(level, text)
        if text:
            self._shown_for = self._server()

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
        self.server_group.retranslateUi()
        self.tls_group.retranslateUi()
        self.test_group.retranslateUi()
        self.test_button.setText(self.tr("Test connection"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("Save"))
        self._render_keyring()
        self._render_sources()


def _friendly_backend(name: str) -> str:
    """'keyring.backends.SecretService.Keyring' -> 'SecretService'; 'x.DemoKeyring' -> 'DemoKeyring'."""
    parts = name.split(".")
    return parts[-2] if len(parts) > 1 and parts[-1] == "Keyring" else parts[-1]
