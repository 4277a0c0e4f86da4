"""The Connection tab's "MediaSense server" group: server URLs, user name, password and timeout, with
where each saved value comes from and the checks made while typing.

Its words keep the ConnectionTab translation context: that is where the catalogues have them.
"""

from __future__ import annotations

from qms_desktop.ui.qt import (
    QCheckBox,
    QCoreApplication,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.connection.models import (
    PASSWORD_ENVIRONMENT,
    PASSWORD_KEYRING,
    PASSWORD_NONE,
    PASSWORD_SESSION,
    PASSWORD_UNAVAILABLE,
    ConnectionForm,
    FormCheck,
)
from qms_desktop.ui.tabs.connection.notices import Notice, dim


class ServerSection(QGroupBox):
    changed = Signal()  # a field was edited (the password too: it decides whether Save may be pressed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(6)
        self.urls_label = QLabel(self)
        self.urls_edit = QPlainTextEdit(self)
        self.urls_edit.setTabChangesFocus(True)
        line = self.urls_edit.fontMetrics().lineSpacing()
        self.urls_edit.setFixedHeight(line * 3 + 14)
        self.urls_hint = dim(QLabel(self))
        self.urls_hint.setWordWrap(True)
        self.urls_check = Notice(self)
        self.urls_check.hide()
        self.username_label = QLabel(self)
        self.username_edit = QLineEdit(self)
        self.username_check = dim(QLabel(self))
        self.password_label = QLabel(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_state_label = dim(QLabel(self))
        self.password_state_label.setWordWrap(True)
        self.insecure_checkbox = QCheckBox(self)
        self.insecure_checkbox.hide()
        self.timeout_label = QLabel(self)
        self.timeout_spin = QDoubleSpinBox(self)
        self.timeout_spin.setRange(1.0, 300.0)
        self.timeout_spin.setDecimals(0)
        self.timeout_spin.setValue(10.0)
        self.timeout_spin.setMaximumWidth(120)
        self.source_labels = {key: dim(QLabel(self)) for key in ("urls", "username", "timeout")}

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

        self.urls_edit.textChanged.connect(self._edited)
        self.username_edit.textChanged.connect(self._edited)
        self.password_edit.textChanged.connect(self._edited)
        self.timeout_spin.valueChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        """The saved values stay visible but locked; the password is not asked for."""
        self.setEnabled(not read_only)
        for widget in (self.password_label, self.password_edit, self.password_state_label):
            widget.setVisible(not read_only)
        if read_only:
            self.insecure_checkbox.hide()

    def set_values(self, form: ConnectionForm) -> None:
        self.urls_edit.setPlainText(form.urls_text)
        self.username_edit.setText(form.username)
        self.timeout_spin.setValue(form.timeout)

    def show_check(self, check: FormCheck, *, check_urls: bool, show_username: bool) -> None:
        """The live checks: the URL notice only once something was typed or loaded (`check_urls`)."""
        url_lines = check.problems.get("urls", [])
        if check_urls:
            if url_lines:
                self.urls_check.show_text("error", "\n".join(url_lines))
            elif check.advice:
                self.urls_check.show_text("warning", "\n".join(check.advice))
            else:
                self.urls_check.show_text("info", "")
        self.username_check.setText("\n".join(check.problems.get("username", [])))
        self.username_check.setVisible(bool(check.problems.get("username")) and show_username)

    def show_password_state(self, state: str, keyring_name: str, *, offer_insecure: bool) -> None:
        """Where the password is kept, in the field's placeholder and below it."""
        self.insecure_checkbox.setVisible(offer_insecure)
        placeholders = {
            PASSWORD_KEYRING: QCoreApplication.translate(
                "ConnectionTab", "Saved in the keyring: type a new one to replace it"
            ),
            PASSWORD_SESSION: QCoreApplication.translate(
                "ConnectionTab", "Kept in memory for this session: type to replace it"
            ),
            PASSWORD_ENVIRONMENT: QCoreApplication.translate(
                "ConnectionTab", "Taken from MEDIASENSE_PASSWORD: type to override it"
            ),
            PASSWORD_UNAVAILABLE: QCoreApplication.translate(
                "ConnectionTab", "The keyring is unavailable: enter the password"
            ),
            PASSWORD_NONE: QCoreApplication.translate("ConnectionTab", "Enter the MediaSense password"),
        }
        states = {
            PASSWORD_KEYRING: QCoreApplication.translate(
                "ConnectionTab", "A password is saved in the keyring ({name})."
            ).format(name=keyring_name),
            PASSWORD_SESSION: QCoreApplication.translate(
                "ConnectionTab", "The password is kept in memory for this session only."
            ),
            PASSWORD_ENVIRONMENT: QCoreApplication.translate(
                "ConnectionTab", "The password comes from the MEDIASENSE_PASSWORD environment variable."
            ),
            PASSWORD_UNAVAILABLE: QCoreApplication.translate(
                "ConnectionTab", "The keyring could not be read; the password is not known."
            ),
            PASSWORD_NONE: QCoreApplication.translate("ConnectionTab", "No password is saved yet."),
        }
        self.password_edit.setPlaceholderText(placeholders.get(state, ""))
        self.password_state_label.setText(states.get(state, ""))

    def retranslateUi(self) -> None:
        self.setTitle(QCoreApplication.translate("ConnectionTab", "MediaSense server"))
        self.urls_label.setText(QCoreApplication.translate("ConnectionTab", "Server URLs:"))
        self.urls_edit.setPlaceholderText("https://mediasense.example.com:8440")
        self.urls_hint.setText(
            QCoreApplication.translate("ConnectionTab", "One URL per line: add every node of a cluster.")
        )
        self.username_label.setText(QCoreApplication.translate("ConnectionTab", "User name:"))
        self.username_edit.setPlaceholderText(QCoreApplication.translate("ConnectionTab", "MediaSense API user"))
        self.password_label.setText(QCoreApplication.translate("ConnectionTab", "Password:"))
        self.insecure_checkbox.setText(
            QCoreApplication.translate(
                "ConnectionTab", "Store the password insecurely (anyone who can read your files could read it)"
            )
        )
        self.timeout_label.setText(QCoreApplication.translate("ConnectionTab", "Timeout:"))
        self.timeout_spin.setSuffix(QCoreApplication.translate("ConnectionTab", " s"))
