"""The Directory tab's view (administrators): the agents that link recordings to people (name,
extension and team edited in place), a CSV import shown as a preview before anything changes, the
site's dial plan (internal numbers, the agent's and the caller's track) with how it classifies the
last stored calls, and the progress of re-linking stored recordings. Widgets only: intents go out
as signals."""

from __future__ import annotations

from typing import Any

from qms_desktop.app.directory import DirectoryImport
from qms_desktop.domain.directory import MAX_TRACK, Agent, CallPreview, DialPlan
from qms_desktop.ui.formatting import local_time
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCoreApplication,
    QEvent,
    QFont,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QProgressBar,
    QPushButton,
    QShowEvent,
    QSpinBox,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.widgets.file_dialog import ask_path
from qms_desktop.ui.widgets.header_fit import fit_sections_to_titles
from qms_desktop.ui.widgets.rows_model import Column, RowsModel

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[Column[Agent], ...] = (
    (QT_TRANSLATE_NOOP("AgentsModel", "Agent id"), lambda a: a.agent_id),
    (QT_TRANSLATE_NOOP("AgentsModel", "Name"), lambda a: a.name or ""),
    (QT_TRANSLATE_NOOP("AgentsModel", "Extension"), lambda a: a.extension or ""),
    (QT_TRANSLATE_NOOP("AgentsModel", "Team"), lambda a: a.team_code or ""),
)
EDITABLE = {1: "name", 2: "extension", 3: "team_code"}  # column -> Agent field
DIRECTIONS = {
    "inbound": QT_TRANSLATE_NOOP("CallsModel", "Inbound"),
    "outbound": QT_TRANSLATE_NOOP("CallsModel", "Outbound"),
    "internal": QT_TRANSLATE_NOOP("CallsModel", "Internal"),
}


def _direction(call: CallPreview) -> str:
    if call.direction is None:
        return "—"
    return QCoreApplication.translate("CallsModel", DIRECTIONS.get(call.direction.value, call.direction.value))


def _agent(call: CallPreview) -> str:
    return (call.agent.name or call.agent.agent_id) if call.agent is not None else "—"


def _stored(call: CallPreview) -> str:
    """What is stored now for a call the plan would change: direction and agent."""
    stored = call.stored_direction
    direction = QCoreApplication.translate("CallsModel", DIRECTIONS.get(stored, stored)) if stored else "—"
    return f"{direction}, {call.stored_agent_id or '—'}"


CALL_COLUMNS: tuple[Column[CallPreview], ...] = (
    (QT_TRANSLATE_NOOP("CallsModel", "Start"), lambda c: local_time(c.start_ms)[:16]),  # to the minute
    (QT_TRANSLATE_NOOP("CallsModel", "Direction"), _direction),
    (QT_TRANSLATE_NOOP("CallsModel", "Agent"), _agent),
    (QT_TRANSLATE_NOOP("CallsModel", "ANI"), lambda c: c.ani or "—"),
    (QT_TRANSLATE_NOOP("CallsModel", "DNIS"), lambda c: c.dnis or "—"),
    (QT_TRANSLATE_NOOP("CallsModel", "Stored now"), lambda c: _stored(c) if c.changes else ""),
)


async def choose_csv(parent: QWidget) -> str | None:
    """Ask which CSV file to import (tests replace this function)."""
    return await ask_path(
        parent, QCoreApplication.translate("DirectoryTab", "Import agents from CSV"), ["CSV (*.csv)", "*"]
    )


class AgentsModel(RowsModel[Agent]):
    """The agents; name, extension and team are edited in place: an edit is shown at once and goes
    out as `edit_requested` (the controller stores it, or lists the agents again if it cannot)."""

    edit_requested = Signal(object)  # Agent, as edited

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, "AgentsModel", parent)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() in EDITABLE else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in EDITABLE:
            return False
        agent = self.rows[index.row()]
        text = str(value or "").strip() or None
        if getattr(agent, EDITABLE[index.column()]) == text:
            return False
        field = EDITABLE[index.column()]
        edited = Agent(
            agent.agent_id,
            text if field == "name" else agent.name,
            text if field == "extension" else agent.extension,
            text if field == "team_code" else agent.team_code,
        )
        self.rows[index.row()] = edited
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(edited)
        return True


class CallsModel(RowsModel[CallPreview]):
    """Stored calls as the dial plan being edited classifies them; calls it would change in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(CALL_COLUMNS, "CallsModel", parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole):
            if not index.isValid() or index.row() >= len(self.rows) or not self.rows[index.row()].changes:
                return None
            call = self.rows[index.row()]
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("CallsModel", "Stored now: {call}, ANI {ani}, DNIS {dnis}").format(
                    call=_stored(call), ani=call.stored_ani or "—", dnis=call.stored_dnis or "—"
                )
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class DirectoryTab(QWidget):
    import_requested = Signal()  # choose a file and preview it
    apply_requested = Signal()  # import what the preview shows
    cancel_requested = Signal()
    dial_plan_save_requested = Signal(object)  # dict: internal_pattern, agent_track, caller_track
    dial_plan_preview_requested = Signal(object)  # the same dict: classify stored calls with it
    relink_requested = Signal()
    stop_requested = Signal()  # stop the re-link under way
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
        for column, width in enumerate((70, 170, 80)):
            self.view.setColumnWidth(column, width)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.import_button = QPushButton(self)
        self.relink_button = QPushButton(self)
        self.relink_button.setObjectName("relinkButton")
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
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
        self.preview_dial_plan_button = QPushButton(self.dial_plan)
        self.preview_dial_plan_button.setObjectName("previewDialPlan")
        self.calls_model = CallsModel(self)
        self.calls = QTableView(self.dial_plan)
        self.calls.setObjectName("dialPlanCalls")
        self.calls.setModel(self.calls_model)
        self.calls.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calls.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calls.setWordWrap(False)
        self.calls.setAlternatingRowColors(True)
        self.calls.verticalHeader().hide()
        self.calls.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.calls.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((140, 80, 130, 100)):
            self.calls.setColumnWidth(column, width)
        self.calls_summary = QLabel(self.dial_plan)
        self.calls_summary.setWordWrap(True)
        self.dial_plan_labels = (QLabel(self.dial_plan), QLabel(self.dial_plan), QLabel(self.dial_plan))
        self.dial_plan_form = QFormLayout()
        for label, field in zip(self.dial_plan_labels, (self.internal_pattern, self.agent_track, self.caller_track),
                                strict=True):  # fmt: skip
            label.setBuddy(field)
            self.dial_plan_form.addRow(label, field)
        plan_buttons = QHBoxLayout()
        plan_buttons.addStretch(1)
        plan_buttons.addWidget(self.preview_dial_plan_button)
        plan_buttons.addWidget(self.save_dial_plan_button)
        plan_layout = QVBoxLayout(self.dial_plan)
        plan_layout.addLayout(self.dial_plan_form)
        plan_layout.addWidget(self.dial_plan_hint)
        plan_layout.addLayout(plan_buttons)
        plan_layout.addWidget(self.calls_summary)
        plan_layout.addWidget(self.calls, 1)

        # Re-linking stored recordings: a progress bar while it runs (off the GUI thread), and Stop.
        self.progress_row = QWidget(self)
        self.progress_label = QLabel(self.progress_row)
        self.progress = QProgressBar(self.progress_row)
        self.progress.setObjectName("relinkProgress")
        self.stop_button = QPushButton(self.progress_row)
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.stop_button)
        self.progress_row.hide()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.relink_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 3)
        left_layout.addWidget(self.preview, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.dial_plan)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([450, 630])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.message_label)

        self.import_button.clicked.connect(self.import_requested)
        self.relink_button.clicked.connect(self.relink_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self.apply_button.clicked.connect(self.apply_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_dial_plan_button.clicked.connect(lambda: self.dial_plan_save_requested.emit(self.dial_plan_values()))
        self.preview_dial_plan_button.clicked.connect(
            lambda: self.dial_plan_preview_requested.emit(self.dial_plan_values())
        )
        self.internal_pattern.textEdited.connect(self._plan_edited)
        for box in (self.agent_track, self.caller_track):
            box.valueChanged.connect(self._plan_edited)
        self._count = 0
        self._teams = 0
        self._progress_step = ""
        self._calls_for: dict[str, object] | None = None  # the plan values the calls were classified with
        self.retranslateUi()

    # ---- what the controller shows ---------------------------------------------------------------

    def show_agents(self, agents: list[Agent], teams: int | None = None) -> None:
        self.model.set_rows(agents)
        self._count = len(agents)
        self._teams = len({a.team_code for a in agents if a.team_code}) if teams is None else teams
        self._render_count()

    def show_calls(self, calls: list[CallPreview]) -> None:
        """How the plan in the form classifies the last stored calls (bold: saving would change them)."""
        self.calls_model.set_rows(calls)
        self.calls.resizeColumnsToContents()  # at most a few dozen rows
        fit_sections_to_titles(self.calls.horizontalHeader())
        self.calls.setEnabled(True)
        self._calls_for = self.dial_plan_values()
        changed = sum(1 for c in calls if c.changes)
        if not calls:
            text = self.tr(
                "No calls are stored yet: once a sync has run, the last ones show here as this plan sees them."
            )
        else:
            text = self.tr("The last {n} stored calls under the plan above; {changed} would change (bold).").format(
                n=len(calls), changed=changed
            )
        self.calls_summary.setText(text)

    def _plan_edited(self) -> None:
        """The form no longer says what the calls below were classified with: say so until Preview."""
        if self._calls_for is None:
            return
        if self._calls_for == self.dial_plan_values():
            self.show_calls(self.calls_model.rows)
            return
        self.calls.setEnabled(False)
        self.calls_summary.setText(
            self.tr("The plan above was changed: press Preview on stored calls to see its effect.")
        )

    def show_progress(self, step: str, done: int, total: int) -> None:
        """A re-link under way: which step, how far (a busy bar while the size is not known yet)."""
        self.progress_row.show()
        self._progress_step = step
        self.progress.setRange(0, max(total, 0) if total > 0 else 0)
        if total > 0:
            self.progress.setValue(min(done, total))
        self._render_progress()

    def hide_progress(self) -> None:
        self.progress_row.hide()
        self._progress_step = ""

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
        for button in (self.import_button, self.apply_button, self.save_dial_plan_button, self.relink_button):
            button.setEnabled(not busy)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if busy
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    # ---- events ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _render_count(self) -> None:
        self.count_label.setText(self.tr("{n} agents in {teams} teams").format(n=self._count, teams=self._teams))
        self.count_label.setToolTip(self.tr("Agents link the extensions MediaSense records to people and teams."))
        self.view.setToolTip(self.tr("Double-click a name, extension or team to change it"))

    def _render_progress(self) -> None:
        steps = {
            "agents": self.tr("Linking recordings to agents…"),
            "calls": self.tr("Classifying stored calls…"),
            "documents": self.tr("Updating search documents…"),
        }
        self.progress_label.setText(steps.get(self._progress_step, self.tr("Linking recordings anew…")))

    def retranslateUi(self) -> None:
        self.import_button.setText(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr("A CSV file with the header agent_id,name,extension,team; you see what changes before it does")
        )
        self.apply_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.dial_plan.setTitle(self.tr("Dial plan"))
        fit_sections_to_titles(self.view.horizontalHeader())
        fit_sections_to_titles(self.calls.horizontalHeader())
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
        self.preview_dial_plan_button.setText(self.tr("Preview on stored calls"))
        self.preview_dial_plan_button.setToolTip(
            self.tr("How the plan in the form classifies the last stored calls; nothing is saved")
        )
        self.relink_button.setText(self.tr("Re-link recordings"))
        self.relink_button.setToolTip(
            self.tr("Recompute agent, team, direction, ANI and DNIS of every stored recording now")
        )
        self.stop_button.setText(self.tr("Stop"))
        self._render_count()
        self._render_progress()
        self.model.retranslate()
        self.calls_model.retranslate()
