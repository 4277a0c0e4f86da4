"""A line under the player: how much of the shown recording the user heard, whether it is marked
reviewed (by whom), and the button that marks it or removes the mark."""

from __future__ import annotations

from qms_desktop.app.reviews import HeardState, ReviewMark
from qms_desktop.ui.qt import QEvent, QHBoxLayout, QLabel, QPushButton, QWidget, Signal


class ReviewMarkBar(QWidget):
    markRequested = Signal(str)  # session id
    unmarkRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id: str | None = None
        self.heard: HeardState | None = None
        self.mark: ReviewMark | None = None
        self.heard_label = QLabel(self)
        self.heard_label.setObjectName("heardLabel")
        self.mark_label = QLabel(self)
        self.button = QPushButton(self)
        self.button.setObjectName("reviewButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.heard_label)
        layout.addWidget(self.mark_label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self._clicked)
        self.setVisible(False)
        self.retranslateUi()

    def show_recording(self, session_id: str | None) -> None:
        self.session_id, self.heard, self.mark = session_id, None, None
        self.setVisible(session_id is not None)
        self.retranslateUi()

    def show_state(self, heard: HeardState | None, mark: ReviewMark | None) -> None:
        if heard is not None and heard.session_id == self.session_id:
            self.heard = heard
        self.mark = mark
        self.retranslateUi()

    def show_heard(self, heard: HeardState) -> None:
        if heard.session_id == self.session_id:
            self.heard = heard
            self.retranslateUi()

    def show_error(self, words: str) -> None:
        """A refusal (not enough heard, not the reviewer): said in the bar until the next change."""
        self.mark_label.setText(words)
        self.mark_label.setToolTip(words)

    def _clicked(self) -> None:
        if self.session_id is not None:
            (self.unmarkRequested if self.mark is not None else self.markRequested).emit(self.session_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        percent = self.heard.percent if self.heard is not None else None
        self.heard_label.setText(
            self.tr("Heard by you: {percent} %").format(percent=percent if percent is not None else 0)
        )
        if self.mark is not None:
            self.mark_label.setText(self.tr("Reviewed by {name}").format(name=self.mark.reviewed_by))
            self.button.setText(self.tr("Remove mark"))
        else:
            self.mark_label.setText(self.tr("Not reviewed"))
            self.button.setText(self.tr("Mark reviewed"))
