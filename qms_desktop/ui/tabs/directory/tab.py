"""The Directory tab's view (administrators): the agents that link recordings to people, and a CSV
import shown as a preview before anything changes. Widgets only: intents go out as signals."""

from __future__ import annotations

from qms_desktop.app.directory import DirectoryImport
from qms_desktop.domain.directory import Agent
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCoreApplication,
    QEvent,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QShowEvent,
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

        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.message_label)

        self.import_button.clicked.connect(self.import_requested)
        self.apply_button.clicked.connect(self.apply_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
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

    def hide_preview(self) -> None:
        self.preview.hide()

    def show_message(self, text: str, *, error: bool) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b3261e;" if error else "")

    def set_busy(self, busy: bool) -> None:
        for button in (self.import_button, self.apply_button):
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
        self._render_count()
        self.model.retranslate()
