"""What the Recordings tab says when it has nothing (or nothing useful) to list, and the step that
leads on: set up the connection, run a first sync, import the agents, or clear the filters.

`NextStep` is a panel with words and up to two buttons; each button emits `actionRequested` with its
action key (a tab key such as "connection", "sync", "directory"; or "sync_now", "clear_filters").
Which panel shows is decided from the installation's state (`app.first_run.FirstRun`)."""

from __future__ import annotations

from dataclasses import dataclass

from qms_desktop.app.first_run import FirstRun
from qms_desktop.ui.qt import (
    QCoreApplication,
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPalette,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

CONNECTION, SYNC, SYNCED_EMPTY, FILTERS, DIRECTORY = "connection", "sync", "synced_empty", "filters", "directory"
TEAMS = "teams"  # recordings are stored, none of them in the user's teams yet


@dataclass(frozen=True, slots=True)
class Step:
    kind: str  # CONNECTION | SYNC | SYNCED_EMPTY | TEAMS | FILTERS | DIRECTORY
    may_act: bool  # the user takes the step themselves (else: ask an administrator)


def empty_step(state: FirstRun | None) -> Step:
    """Why a search found nothing: the installation is not set up yet, or the filters."""
    if state is None or state.step == "":
        return Step(FILTERS, True)
    if state.step == CONNECTION:
        return Step(CONNECTION, state.may_configure)
    if state.step == TEAMS:
        return Step(TEAMS, state.may_manage_directory)
    return Step(SYNCED_EMPTY if state.synced else SYNC, state.may_sync)


def listed_step(state: FirstRun | None) -> Step | None:
    """A note over a list of recordings: every agent and team is a dash until agents are imported."""
    if state is not None and state.needs_directory and state.may_manage_directory:
        return Step(DIRECTORY, True)
    return None


def words(step: Step) -> tuple[str, list[tuple[str, str]]]:
    """The message and the buttons (label, action) of a step."""
    if step.kind == CONNECTION:
        if step.may_act:
            return QCoreApplication.translate(
                "NextStep", "Set up the connection to MediaSense in the Connection tab: its address, user and password."
            ), [(QCoreApplication.translate("NextStep", "Open the Connection tab"), "connection")]
        return QCoreApplication.translate(
            "NextStep", "The connection to MediaSense is not set up yet: ask an administrator to set it up."
        ), []
    if step.kind in (SYNC, SYNCED_EMPTY):
        if not step.may_act:
            return QCoreApplication.translate(
                "NextStep", "No recordings have been synced from MediaSense yet: ask an administrator to run a sync."
            ), []
        text = (
            QCoreApplication.translate(
                "NextStep", "No recordings have been synced yet. Sync now, or schedule the sync in the Sync tab."
            )
            if step.kind == SYNC
            else QCoreApplication.translate(
                "NextStep", "The sync has run but brought no recordings yet. The Sync tab shows what it found."
            )
        )
        return text, [
            (QCoreApplication.translate("NextStep", "Sync now"), "sync_now"),
            (QCoreApplication.translate("NextStep", "Open the Sync tab"), "sync"),
        ]
    if step.kind == TEAMS:
        return QCoreApplication.translate(
            "NextStep",
            "Recordings are synced, but none belongs to your teams yet: ask an administrator to import the "
            "agents and teams (Directory tab) and to assign you your teams.",
        ), []
    if step.kind == DIRECTORY:
        return QCoreApplication.translate(
            "NextStep",
            "Agent and team show as — because no agents are known yet: import them (CSV) in the Directory tab.",
        ), [(QCoreApplication.translate("NextStep", "Open the Directory tab"), "directory")]
    return QCoreApplication.translate("NextStep", "No recordings match these filters."), [
        (QCoreApplication.translate("NextStep", "Clear filters"), "clear_filters")
    ]


class NextStep(QFrame):
    """A message with the buttons that lead on; `compact` for a note above a list."""

    actionRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.step: Step | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName("nextStepText")
        self.buttons: list[QPushButton] = [QPushButton(self), QPushButton(self)]
        self.buttons[0].setDefault(True)
        for button in self.buttons:
            button.clicked.connect(lambda _checked=False, b=button: self.actionRequested.emit(b.property("action")))
        row = QHBoxLayout()
        if compact:
            self.setAutoFillBackground(True)
            self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
            self.setForegroundRole(QPalette.ColorRole.ToolTipText)
            row.setContentsMargins(8, 4, 8, 4)
            row.addWidget(self.label, 1)
            for button in self.buttons:
                row.addWidget(button)
            self.setLayout(row)
        else:
            self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            font = self.label.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)
            self.label.setFont(font)
            row.addStretch(1)
            for button in self.buttons:
                row.addWidget(button)
            row.addStretch(1)
            column = QVBoxLayout(self)
            column.setContentsMargins(24, 24, 24, 24)
            column.addStretch(1)
            column.addWidget(self.label)
            column.addSpacing(12)
            column.addLayout(row)
            column.addStretch(2)
        self.hide()

    def show_step(self, step: Step | None) -> None:
        self.step = step
        self.setVisible(step is not None)
        self.retranslateUi()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        if self.step is None:
            return
        text, actions = words(self.step)
        self.label.setText(text)
        for index, button in enumerate(self.buttons):
            if index < len(actions):
                button.setText(actions[index][0])
                button.setProperty("action", actions[index][1])
                button.show()
            else:
                button.hide()
