"""The Connection tab's "Server certificate (TLS)" group: how the server's certificate is verified (the
system's CAs, a CA file, a pinned SHA-256 fingerprint, or not at all) and where that setting comes from.

Its words keep the ConnectionTab translation context: that is where the catalogues have them.
"""

from __future__ import annotations

from qms_desktop.mediasense.tls import format_fingerprint
from qms_desktop.ui.formatting import fingerprint_lines, monospace
from qms_desktop.ui.qt import (
    QButtonGroup,
    QCoreApplication,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    Qt,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.connection.models import (
    TLS_CA_FILE,
    TLS_INSECURE,
    TLS_MODES,
    TLS_PINNED,
    TLS_SYSTEM,
    ConnectionForm,
)
from qms_desktop.ui.tabs.connection.notices import Notice, dim


class TlsSection(QGroupBox):
    changed = Signal()  # the mode, the CA file or the fingerprint was changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tls = QGridLayout(self)
        tls.setColumnStretch(1, 1)
        tls.setColumnMinimumWidth(0, 20)
        self.tls_buttons = {mode: QRadioButton(self) for mode in TLS_MODES}
        self.tls_button_group = QButtonGroup(self)
        for index, mode in enumerate(TLS_MODES):
            self.tls_button_group.addButton(self.tls_buttons[mode], index)
        self.tls_buttons[TLS_SYSTEM].setChecked(True)
        self.ca_file_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.fingerprint_edit = QLineEdit(self)
        self.fetch_button = QPushButton(self)
        self.fingerprint_edit.setFont(monospace(self.fingerprint_edit.font()))
        # The whole pinned fingerprint, in two lines of 16 bytes: the field above shows only a part of it.
        self.fingerprint_view = QLabel(self)
        self.fingerprint_view.setObjectName("fingerprintView")
        self.fingerprint_view.setFont(monospace(self.fingerprint_view.font()))
        self.fingerprint_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_view.hide()
        self.tls_check = dim(QLabel(self))
        self.tls_check.setWordWrap(True)
        self.insecure_warning = Notice(self)
        self.insecure_warning.hide()
        self.source_label = dim(QLabel(self))
        tls.addWidget(self.tls_buttons[TLS_SYSTEM], 0, 0, 1, 3)
        tls.addWidget(self.tls_buttons[TLS_CA_FILE], 1, 0, 1, 3)
        tls.addWidget(self.ca_file_edit, 2, 1)
        tls.addWidget(self.browse_button, 2, 2)
        tls.addWidget(self.tls_buttons[TLS_PINNED], 3, 0, 1, 3)
        tls.addWidget(self.fingerprint_edit, 4, 1)
        tls.addWidget(self.fetch_button, 4, 2)
        tls.addWidget(self.fingerprint_view, 5, 1, 1, 2)
        tls.addWidget(self.tls_buttons[TLS_INSECURE], 6, 0, 1, 3)
        tls.addWidget(self.insecure_warning, 7, 1, 1, 2)
        tls.addWidget(self.tls_check, 8, 1, 1, 2)
        tls.addWidget(self.source_label, 9, 1, 1, 2)

        self.ca_file_edit.textChanged.connect(self._edited)
        self.fingerprint_edit.textChanged.connect(self._edited)
        self.fingerprint_edit.textChanged.connect(self._show_fingerprint)
        self.tls_button_group.idToggled.connect(self._edited)
        self.browse_button.clicked.connect(self._browse_ca_file)

    def _edited(self, *_args: object) -> None:
        self.changed.emit()

    def _show_fingerprint(self, text: str) -> None:
        lines = fingerprint_lines(text)
        self.fingerprint_view.setText(lines or "")
        self.fingerprint_view.setVisible(lines is not None)
        self.fingerprint_edit.setToolTip(lines or "")

    def tls_mode(self) -> str:
        for mode, button in self.tls_buttons.items():
            if button.isChecked():
                return mode
        return TLS_SYSTEM

    def set_values(self, form: ConnectionForm) -> None:
        self.tls_buttons.get(form.tls_mode, self.tls_buttons[TLS_SYSTEM]).setChecked(True)
        self.ca_file_edit.setText(form.ca_file)
        self.fingerprint_edit.setText(form.fingerprint)
        self.fingerprint_edit.setCursorPosition(0)  # show the start, as certificate viewers do
        self.ca_file_edit.setCursorPosition(0)

    def pin(self, fingerprint: str) -> None:
        self.tls_buttons[TLS_PINNED].setChecked(True)
        self.fingerprint_edit.setText(format_fingerprint(fingerprint))
        self.fingerprint_edit.setCursorPosition(0)

    def show_mode(self, mode: str) -> None:
        """Only the chosen mode's fields are editable; the insecure mode says why it is insecure."""
        self.ca_file_edit.setEnabled(mode == TLS_CA_FILE)
        self.browse_button.setEnabled(mode == TLS_CA_FILE)
        self.fingerprint_edit.setEnabled(mode == TLS_PINNED)
        self.insecure_warning.setVisible(mode == TLS_INSECURE)

    def show_problems(self, lines: list[str]) -> None:
        self.tls_check.setText("\n".join(lines))
        self.tls_check.setVisible(bool(lines))

    def _browse_ca_file(self) -> None:
        # A non-native, non-modal dialog: no nested event loop while qasync runs.
        dialog = QFileDialog(
            self,
            QCoreApplication.translate("ConnectionTab", "Choose the CA certificate file"),
            self.ca_file_edit.text(),
        )
        dialog.setNameFilters(
            [
                QCoreApplication.translate("ConnectionTab", "Certificates (*.pem *.crt *.cer)"),
                QCoreApplication.translate("ConnectionTab", "All files (*)"),
            ]
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.ca_file_edit.setText)
        dialog.open()

    def retranslateUi(self) -> None:
        self.setTitle(QCoreApplication.translate("ConnectionTab", "Server certificate (TLS)"))
        self.tls_buttons[TLS_SYSTEM].setText(
            QCoreApplication.translate("ConnectionTab", "Verify with the system's certificate authorities")
        )
        self.tls_buttons[TLS_CA_FILE].setText(
            QCoreApplication.translate("ConnectionTab", "Verify with a CA certificate file:")
        )
        self.tls_buttons[TLS_PINNED].setText(
            QCoreApplication.translate("ConnectionTab", "Trust only the certificate with this SHA-256 fingerprint:")
        )
        self.tls_buttons[TLS_INSECURE].setText(
            QCoreApplication.translate("ConnectionTab", "Accept any certificate (not secure)")
        )
        self.ca_file_edit.setPlaceholderText(
            QCoreApplication.translate("ConnectionTab", "PEM file with the CA certificate")
        )
        self.browse_button.setText(QCoreApplication.translate("ConnectionTab", "Browse…"))
        self.fingerprint_edit.setPlaceholderText("AB:CD:…")
        self.fetch_button.setText(QCoreApplication.translate("ConnectionTab", "Fetch certificate…"))
        self.insecure_warning.show_text(
            "warning",
            QCoreApplication.translate(
                "ConnectionTab",
                "Anyone between this computer and the server could read the password and the recordings. "
                "Use this only for a short test, then pin the certificate instead.",
            ),
        )
        self.insecure_warning.setVisible(self.tls_mode() == TLS_INSECURE)
