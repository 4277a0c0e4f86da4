"""The Directory tab's view (administrators): the agents that link recordings to people, a CSV
import shown as a preview before anything changes, and the site's dial plan (internal numbers, the
agent's and the caller's track). Widgets only: intents go out as signals."""

from __future__ import annotations

from qms_desktop.app.directory import DirectoryImport
from qms_desktop.domain.directory import MAX_TRACK, Agent, DialPlan
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCoreApplication,
    QEvent,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QShowEvent,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.file_dialog import ask_path
from qms_desktop.ui.widgets.rows_model import Column, RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[Column[Agent], ...] = (
    (QT_TRANSLATE_NOOP("AgentsModel", "Agent id"), lambda a: a.agent_id),
    (QT_TRANSLATE_NOOP("AgentsModel", "Name"), lambda a: a.name or ""),
    (QT_TRANSLATE_NOOP("AgentsModel", "Extension"), lambda a: a.extension or ""),
    (QT_TRANSLATE_NOOP("AgentsModel", "Team"), lambda a: a.team_code or ""),
)


async def choose_csv(parent: QWidget) -> str | None:
    """Ask which CSV file to import (tests replace this function)."""
    return await ask_path(
        parent, QCoreApplication.translate("DirectoryTab", "Import agents from CSV"), ["CSV (*.csv)", "*"]
    )


class AgentsModel(RowsModel[Agent]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, "AgentsModel", parent)


class DirectoryTab(QWidget):
    import_requested = Signal()  # choose a file and preview it
    apply_requested = Signal()  # import what the preview shows
    cancel_requested = Signal()
    dial_plan_save_requested = Signal(object)  # dict: internal_pattern, agent_track, caller_track
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgentsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 280, 120)):
            self.view.setColumnWidth(column, width)
        self.import_button = QPushButton(self)
        self.count_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)

        self.preview = QGroupBox(self)
        self.summary = QLabel(self.preview)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self.preview)
        self.apply_button = QPushButton(self.preview)
        self.cancel_button = QPushButton(self.preview)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.apply_button)
        preview_layout = QVBoxLayout(self.preview)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(self.problems, 1)
        preview_layout.addLayout(buttons)
        self.preview.hide()

        # The dial plan: which numbers are extensions, which track is the agent's phone and which the
        # caller's (MediaSense numbers tracks from 0; Unified CM: 0 the agent's phone, 1 the far end).
        self.dial_plan = QGroupBox(self)
        self.dial_plan.setObjectName("dialPlanBox")
        self.internal_pattern = QLineEdit(self.dial_plan)
        self.internal_pattern.setObjectName("internalPattern")
        self.agent_track = QSpinBox(self.dial_plan)
        self.agent_track.setObjectName("agentTrack")
        self.caller_track = QSpinBox(self.dial_plan)
        self.caller_track.setObjectName("callerTrack")
        for box in (self.agent_track, self.caller_track):
            box.setRange(0, MAX_TRACK)
        self.dial_plan_hint = QLabel(self.dial_plan)
        self.dial_plan_hint.setWordWrap(True)
        self.save_dial_plan_button = QPushButton(self.dial_plan)
        self.save_dial_plan_button.setObjectName("saveDialPlan")
        self.dial_plan_labels = (QLabel(self.dial_plan), QLabel(self.dial_plan), QLabel(self.dial_plan))
        self.dial_plan_form = QFormLayout()
        for label, field in zip(self.dial_plan_labels, (self.internal_pattern, self.agent_track, self.caller_track),
                                strict=True):  # fmt: skip
            label.setBuddy(field)
            self.dial_plan_form.addRow(label, field)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.dial_plan_hint, 1)
        plan_buttons.addWidget(self.save_dial_plan_button)
        plan_layout = QVBoxLayout(self.dial_plan)
        plan_layout.addLayout(self.dial_plan_form)
        plan_layout.addLayout(plan_buttons)

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.dial_plan)
        layout.addWidget(self.message_label)

        self.import_button.clicked.connect(self.import_requested)
        self.apply_button.clicked.connect(self.apply_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_dial_plan_button.clicked.connect(lambda: self.dial_plan_save_requested.emit(self.dial_plan_values()))
        self._count = 0
        self.retranslateUi()

    # ---- what the controller shows ---------------------------------------------------------------

    def show_agents(self, agents: list[Agent]) -> None:
        self.model.set_rows(agents)
        self._count = len(agents)
        self._render_count()

    def show_preview(self, name: str, preview: DirectoryImport) -> None:
        result = preview.result
        self.preview.setTitle(self.tr("Preview of {file}").format(file=name))
        self.summary.setText(
            self.tr(
                "{created} new agents, {updated} changed, {unchanged} unchanged, {teams} new teams; "
                "{relinked} recordings will be linked anew. {errors} rows are refused and will be skipped."
            ).format(
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
                teams=result.teams_created,
                relinked=preview.relinked,
                errors=len(result.errors),
            )
        )
        self.problems.clear()
        self.problems.addItems([self.tr("Line {line}: {message}").format(line=e.line, message=e.message)
                                for e in result.errors])  # fmt: skip
        self.problems.setVisible(bool(result.errors))
        self.apply_button.setEnabled(bool(result.created or result.updated))
        self.preview.show()
        self.show_message("", error=False)

    def show_dial_plan(self, plan: DialPlan) -> None:
        self.internal_pattern.setText(plan.internal_pattern)
        self.agent_track.setValue(plan.agent_track)
        self.caller_track.setValue(plan.caller_track)

    def dial_plan_values(self) -> dict[str, object]:
        return {
            "internal_pattern": self.internal_pattern.text(),
            "agent_track": self.agent_track.value(),
            "caller_track": self.caller_track.value(),
        }

    def hide_preview(self) -> None:
        self.preview.hide()

    def show_message(self, text: str, *, error: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b3261e;" if error else "")

    def set_busy(self, busy: bool) -> None:
        for button in (self.import_button, self.apply_button, self.save_dial_plan_button):
            button.setEnabled(not busy)

    # ---- events ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _render_count(self) -> None:
        self.count_label.setText(self.tr("{n} agents link extensions to people and teams.").format(n=self._count))

    def retranslateUi(self) -> None:
        self.import_button.setText(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr("A CSV file with the header agent_id,name,extension,team; you see what changes before it does")
        )
        self.apply_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.dial_plan.setTitle(self.tr("Dial plan"))
        labels = (self.tr("Internal numbers (regular expression)"), self.tr("Agent's track"), self.tr("Caller's track"))
        for label, text in zip(self.dial_plan_labels, labels, strict=True):
            label.setText(text)
        self.dial_plan_hint.setText(
            self.tr(
                "MediaSense numbers tracks from 0. With Unified CM track 0 is the agent's phone and track 1 the far "
                "end; set the caller's track to 0 where agents mostly dial out. Saving re-links stored recordings; "
                "the next sync uses it."
            )
        )
        self.save_dial_plan_button.setText(self.tr("Save dial plan"))
        self._render_count()
        self.model.retranslate()
