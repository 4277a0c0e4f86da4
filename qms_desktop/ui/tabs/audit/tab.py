"""The Audit tab (administrators): who did what, filtered, paged as you scroll, exportable to CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from qms_desktop.security.audit_chain import ChainReport
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QShowEvent,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.audit.models import COLUMNS, AuditFilter, AuditTableModel
from qms_desktop.ui.widgets.file_dialog import ask_path

ACTION_PREFIXES = ("login", "logout", "config.", "sync.", "playback.", "user.", "access.")
OUTCOMES = ("ok", "denied", "failed")
FILTER_DELAY_MS = 300


async def choose_export_path(parent: QWidget, suggested: str) -> str | None:
    """Ask where to save the CSV (tests replace this function)."""
    title = QCoreApplication.translate("AuditTab", "Export the audit trail")
    return await ask_path(parent, title, ["CSV (*.csv)"], save=True, suggested=suggested, default_suffix="csv")


class AuditTab(QWidget):
    """Widgets only: the filters and the table; intents go out as signals."""

    filter_changed = Signal(object)  # AuditFilter
    refresh_requested = Signal()
    export_requested = Signal(str)  # a suggested file name
    verify_requested = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditTableModel(self)
        self._render_status: Callable[[], None] | None = None
        self._build()
        self.retranslateUi()

    def _build(self) -> None:
        self.actor_label = QLabel(self)
        self.actor_edit = QLineEdit(self)
        self.actor_edit.setClearButtonEnabled(True)
        self.actor_label.setBuddy(self.actor_edit)
        self.action_label = QLabel(self)
        self.action_combo = QComboBox(self)
        self.action_combo.setEditable(True)
        self.action_combo.addItem("")
        self.action_combo.addItems(list(ACTION_PREFIXES))
        self.action_label.setBuddy(self.action_combo)
        self.outcome_label = QLabel(self)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.addItem("", "")
        for outcome in OUTCOMES:
            self.outcome_combo.addItem(outcome, outcome)
        self.outcome_label.setBuddy(self.outcome_combo)
        self.since_check = QCheckBox(self)
        self.since_edit = QDateEdit(self)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setDate(QDate.currentDate().addDays(-7))
        self.since_edit.setEnabled(False)
        self.refresh_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.verify_button = QPushButton(self)
        # Wide enough for the longest prefix and for "any" in every language (set again on a switch).
        self.action_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.action_combo.setMinimumContentsLength(10)
        self.outcome_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        filters = QHBoxLayout()
        for widget in (
            self.actor_label,
            self.actor_edit,
            self.action_label,
            self.action_combo,
            self.outcome_label,
            self.outcome_combo,
            self.since_check,
            self.since_edit,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        # The trail's own actions sit under the table: the filter row fits a 1100 px window in any language.
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.verify_button)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        widths = {"at": 150, "actor": 130, "action": 130, "target": 140, "outcome": 80, "from_where": 170}
        for index, column in enumerate(COLUMNS):
            if column.key in widths:
                header.resizeSection(index, widths[column.key])
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the head, to copy

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addLayout(actions)
        layout.addLayout(bottom)

        # Typing in a filter refreshes once the typing pauses.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.actor_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.action_combo.editTextChanged.connect(lambda _t: self._filter_timer.start())
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._filter_timer.start())
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.since_check.toggled.connect(lambda _on: self._filter_timer.start())
        self.since_edit.dateChanged.connect(lambda _d: self._filter_timer.start())
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self.request_export)
        self.verify_button.clicked.connect(self.verify_requested)

    # ---- intents ---------------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        since_ms = None
        if self.since_check.isChecked():
            day = self.since_edit.date()
            since_ms = int(datetime(day.year(), day.month(), day.day()).astimezone().timestamp() * 1000)
        return AuditFilter(
            actor=self.actor_edit.text(),
            action=self.action_combo.currentText(),
            outcome=str(self.outcome_combo.currentData() or ""),
            since_ms=since_ms,
        )

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.filter_changed.emit(self.current_filter())

    def request_export(self) -> None:
        self.export_requested.emit(f"qms-audit-{datetime.now():%Y%m%d-%H%M}.csv")

    # ---- what the controller reports -------------------------------------------------------------

    def _status(self, text: str, *, alarm: bool = False) -> None:
        # A tampered trail must not look like an ordinary status line.
        self.status_label.setStyleSheet("color: white; background: #b00020; padding: 2px;" if alarm else "")
        self.status_label.setText(text)

    def _show(self, render: Callable[[], None]) -> None:
        """Show a status line now and again in the new language after a language switch."""
        self._render_status = render
        render()

    def show_error(self, text: str) -> None:
        self._show(lambda: self._status(text))

    def show_loaded(self, shown: int, more: bool) -> None:
        if more:
            self._show(lambda: self._status(self.tr("{n} entries shown; scroll down for older ones.").format(n=shown)))
        else:
            self._show(lambda: self._status(self.tr("{n} entries.").format(n=shown)))

    def show_exported(self, path: str, count: int) -> None:
        self._show(lambda: self._status(self.tr("Exported {n} entries to {path}.").format(n=count, path=path)))

    def show_verifying(self) -> None:
        self.verify_button.setEnabled(False)
        self._show(lambda: self._status(self.tr("Checking the audit trail's hash chain…")))

    def show_verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        self._show(lambda: self._render_verified(report))

    def _render_verified(self, report: ChainReport) -> None:
        if report.intact:
            text = self.tr("The audit trail is intact: {n} entries checked. Head {seq}:{hash}").format(
                n=report.checked, seq=report.head_seq, hash=report.head_hash
            )
            self._status(text)
        else:
            where = report.broken_seq if report.broken_seq is not None else f"id {report.broken_id}"
            text = self.tr("The audit trail was tampered with at entry {where}: {problem}.").format(
                where=where, problem=report.problem
            )
            if report.checked:
                text += " " + self.tr("Entries 1–{n} before it are intact.").format(n=report.checked)
            self._status(text, alarm=True)

    def show_verify_failed(self, text: str) -> None:
        self.verify_button.setEnabled(True)
        self.show_error(text)

    # ---- events ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.actor_label.setText(self.tr("User:"))
        self.actor_edit.setPlaceholderText(self.tr("any"))
        self.actor_edit.setMinimumWidth(self.actor_edit.fontMetrics().horizontalAdvance(self.tr("any")) + 48)
        self.action_label.setText(self.tr("Action:"))
        action_edit = self.action_combo.lineEdit()  # the combo is editable: there is one
        if action_edit is not None:
            action_edit.setPlaceholderText(self.tr("any"))
        self.outcome_label.setText(self.tr("Outcome:"))
        self.outcome_combo.setItemText(0, self.tr("any"))
        self.since_check.setText(self.tr("Since:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save every entry that matches the filters as a CSV file"))
        self.verify_button.setText(self.tr("Verify trail"))
        self.verify_button.setToolTip(
            self.tr("Check the hash chain of the whole trail: any entry changed, removed or inserted is found")
        )
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.model.rowCount():  # the details' role names are in words of the language
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, len(COLUMNS) - 1)
            )
        if self._render_status is not None:
            self._render_status()
