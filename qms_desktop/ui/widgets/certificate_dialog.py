"""Shows a server certificate so an admin can compare it before trusting (pinning) it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from qms_desktop.ui.formatting import monospace
from qms_desktop.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QStyle, Qt, QVBoxLayout, QWidget


class CertificateDialog(QDialog):
    def __init__(self, info: Any, parent: QWidget | None = None) -> None:
        """`info` is a qms_desktop.mediasense.tls.CertificateInfo."""
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Trust this certificate?"))
        self.setObjectName("CertificateDialog")
        intro = QLabel(
            self.tr(
                "Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its "
                "administrator). Trust it only if they match: from then on, only this certificate is accepted."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def value(text: str) -> QLabel:
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        form.addRow(self.tr("Server:"), value(f"{info.host}:{info.port}"))
        form.addRow(self.tr("Subject:"), value(info.subject))
        form.addRow(self.tr("Issuer:"), value(info.issuer))
        form.addRow(
            self.tr("Valid:"),
            value(self.tr("from {start} to {end}").format(start=_date(info.not_before), end=_date(info.not_after))),
        )
        # One unbreakable token: the dialog is made as wide as it is, rather than cutting it.
        self.fingerprint_label = value(info.sha256)
        self.fingerprint_label.setWordWrap(False)
        self.fingerprint_label.setFont(monospace(self.fingerprint_label.font()))
        self.fingerprint_label.setMinimumWidth(self.fingerprint_label.fontMetrics().horizontalAdvance(info.sha256) + 4)
        form.addRow(self.tr("SHA-256:"), self.fingerprint_label)
        notes = []
        if info.self_signed:
            notes.append(self.tr("The certificate is self-signed (usual for MediaSense)."))
        if info.expired:
            notes.append(self.tr("The certificate has expired: ask the administrator to renew it."))
        buttons = QDialogButtonBox(self)
        self.trust_button = buttons.addButton(self.tr("Trust this certificate"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        for note in notes:
            label = QLabel(note, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(buttons)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion)
        self.setWindowIcon(icon)
        self.resize(640, self.sizeHint().height())


def _date(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC")
