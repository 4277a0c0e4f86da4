"""Links to a moment and evidence exports in the Recordings tab (widgets only).

`RecordingActions` is a row of two buttons in the details pane: "Copy link" (the recording and the
player's position as a `qms://recording/…?t=…` link) and "Export…". `ExportDialog` asks for the reason
and the folder (and, optionally, an A-B clip and a zip), says that this is the one deliberate way
audio leaves MediaSense, and shows the export's progress; the controller runs the export off the GUI
thread and reports back through `show_progress` / `show_done` / `show_failed`.
"""

from __future__ import annotations

from pathlib import Path

from qms_desktop.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)


class RecordingActions(QWidget):
    copyLinkRequested = Signal()
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyLink")
        self.copy_button.clicked.connect(self.copyLinkRequested)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportRecording")
        self.export_button.clicked.connect(self.exportRequested)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.copy_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.status.hide()
        self.retranslateUi()

    def set_export_allowed(self, allowed: bool) -> None:
        self.export_button.setVisible(allowed)

    def show_status(self, words: str) -> None:
        self.status.setText(words)
        self.status.setVisible(bool(words))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.copy_button.setText(self.tr("Copy link"))
        self.copy_button.setToolTip(self.tr("Copy a link to this recording at the player's position"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the audio and its details as evidence"))


class ExportDialog(QDialog):
    """Reason, folder, optional clip and zip; Export starts it (the owner connects `accepted_request`)."""

    startRequested = Signal(str, str, object, object, bool)  # reason, folder, from_s, to_s, zip

    def __init__(self, session_id: str, duration_s: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.session_id = session_id
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("exportNotice")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("exportReason")
        self.reason.setFixedHeight(70)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("exportFolder")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.clip = QCheckBox(self)
        top = float(duration_s or 24 * 3600)
        self.clip_from = QDoubleSpinBox(self)
        self.clip_to = QDoubleSpinBox(self)
        for box in (self.clip_from, self.clip_to):
            box.setDecimals(1)
            box.setRange(0.0, top)
            box.setEnabled(False)
        self.clip_to.setValue(top)
        self.clip.toggled.connect(self.clip_from.setEnabled)
        self.clip.toggled.connect(self.clip_to.setEnabled)
        clip_row = QHBoxLayout()
        clip_row.addWidget(self.clip)
        clip_row.addWidget(self.clip_from)
        clip_row.addWidget(self.clip_to)
        clip_row.addStretch(1)
        self.zip = QCheckBox(self)
        self.form = QFormLayout()
        self.reason_label, self.folder_label = QLabel(self), QLabel(self)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow(self.folder_label, folder_row)
        self.form.addRow("", clip_row)
        self.form.addRow("", self.zip)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("exportStatus")
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self._start)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, 380)
        self.retranslateUi()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose where the export folder goes"))
        if chosen:
            self.folder.setText(str(Path(chosen) / f"recording-{self.session_id}"))

    def _start(self) -> None:
        reason = self.reason.toPlainText().strip()
        folder = self.folder.text().strip()
        if not reason:
            self.show_failed(self.tr("Say why the audio leaves MediaSense: a reason is required."))
            return
        if not folder:
            self.show_failed(self.tr("Choose a new folder for the export."))
            return
        from_s = self.clip_from.value() if self.clip.isChecked() else None
        to_s = self.clip_to.value() if self.clip.isChecked() else None
        self.set_busy(True)
        self.status.setText(self.tr("Exporting…"))
        self.startRequested.emit(reason, folder, from_s, to_s, self.zip.isChecked())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.reason, self.folder, self.browse, self.clip, self.zip, self.export_button):
            widget.setEnabled(not busy)
        self.clip_from.setEnabled(not busy and self.clip.isChecked())
        self.clip_to.setEnabled(not busy and self.clip.isChecked())

    def show_progress(self, done: int, total: int, current: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("Fetching {what} from MediaSense ({done} of {total})").format(
            what=current, done=min(done + 1, total), total=total))  # fmt: skip

    def show_done(self, folder: str, manifest_sha256: str) -> None:
        self.set_busy(False)
        self.export_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        self.status.setText(
            self.tr("Exported to {folder}. Manifest SHA-256 (kept in the audit trail): {sha}").format(
                folder=folder, sha=manifest_sha256
            )
        )

    def show_failed(self, words: str) -> None:
        self.set_busy(False)
        self.status.setText(words)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Export recording {id}").format(id=self.session_id))
        self.notice.setText(
            self.tr(
                "This is the one deliberate way audio leaves MediaSense. The files, their SHA-256 and your "
                "reason are written to a new folder, and the export is recorded in the audit trail."
            )
        )
        self.reason_label.setText(self.tr("Reason:"))
        self.reason.setPlaceholderText(self.tr("Why is this recording exported (case, complaint, request)?"))
        self.folder_label.setText(self.tr("Folder:"))
        self.folder.setPlaceholderText(self.tr("A new, empty folder"))
        self.browse.setText(self.tr("Browse…"))
        self.clip.setText(self.tr("Only the clip from (s) … to (s)"))
        self.zip.setText(self.tr("Also make a zip file"))
        self.export_button.setText(self.tr("Export"))
        self.close_button.setText(self.tr("Close"))
