"""Framed notices of the Connection tab: the generic `Notice` and the keyring notice above the form."""

from __future__ import annotations

from qms_desktop.ui.qt import QCoreApplication, QFrame, QHBoxLayout, QLabel, QPalette, QSizePolicy, QStyle, Qt, QWidget

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


class KeyringNotice(Notice):
    """Says when a saved password cannot go to a secure keyring, or that the settings are read-only."""

    def show_state(self, secure: bool, backend_name: str, read_only: bool) -> None:
        # The words keep the ConnectionTab context: that is where the translation catalogues have them.
        if not secure:
            self.show_text(
                "warning",
                QCoreApplication.translate(
                    "ConnectionTab",
                    "No secure keyring is available on this computer (backend: {name}). A password you save is "
                    'kept in memory until you close the app, unless you tick "Store the password insecurely".',
                ).format(name=backend_name),
            )
        else:
            self.show_text("info", "")
        if read_only:
            self.show_text(
                "info",
                QCoreApplication.translate(
                    "ConnectionTab",
                    "Only an administrator can change these settings. The test uses the saved password.",
                ),
            )


def dim(label: QLabel) -> QLabel:
    """Secondary text: hints, sources, checks."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
