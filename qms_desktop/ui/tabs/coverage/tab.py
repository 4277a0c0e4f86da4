"""The Coverage view: a period, a team, the report table, CSV export and (administrators) the settings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from qms_desktop.app.reviews import CoverageReport, CoverageRow, ReviewSettings
from qms_desktop.ui.formatting import RIGHT
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QFileDialog,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

COLUMNS = ("team", "agent", "recordings", "reviewed", "heard", "recorded", "target", "met")


def this_week(today: date | None = None) -> tuple[date, date]:
    """Monday to Sunday of the week of `today`."""
    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


class CoverageTab(QWidget):
    showRequested = Signal()
    exportRequested = Signal(str)  # the CSV file chosen
    settingsSaved = Signal(object)  # ReviewSettings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: CoverageReport | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        first, last = this_week()
        self.date_from = QDateEdit(QDate(first.year, first.month, first.day), self)
        self.date_to = QDateEdit(QDate(last.year, last.month, last.day), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.team = QComboBox(self)
        self.team.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "Усі команди" whole
        self.team.addItem("", None)
        self.show_button = QPushButton(self)
        self.show_button.setDefault(True)
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.from_label, self.to_label, self.team_label = QLabel(self), QLabel(self), QLabel(self)
        bar = QHBoxLayout()
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to, self.team_label, self.team):
            bar.addWidget(widget)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        # Administrators: the weekly target and the coverage needed before a recording can be marked.
        self.settings_box = QWidget(self)
        self.required_label, self.target_label = QLabel(self), QLabel(self)
        self.required = QSpinBox(self)
        self.required.setRange(0, 100)
        self.weekly_target = QSpinBox(self)
        self.weekly_target.setRange(0, 10_000)
        self.save_button = QPushButton(self)
        settings = QHBoxLayout(self.settings_box)
        settings.setContentsMargins(0, 0, 0, 0)
        for setting in (self.target_label, self.weekly_target, self.required_label, self.required, self.save_button):
            settings.addWidget(setting)
        settings.addStretch(1)
        self.settings_box.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.status)

        self.show_button.clicked.connect(self.showRequested)
        self.export_button.clicked.connect(self._choose_export)
        self.save_button.clicked.connect(
            lambda: self.settingsSaved.emit(ReviewSettings(self.required.value(), self.weekly_target.value()))
        )
        self.retranslateUi()

    # ---- what the controller reads and shows ------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def chosen_team(self) -> str | None:
        value = self.team.currentData()
        return str(value) if value else None

    def set_teams(self, teams: dict[str, str | None]) -> None:
        current = self.chosen_team()
        while self.team.count() > 1:
            self.team.removeItem(1)
        for code, name in teams.items():
            self.team.addItem(f"{code} — {name}" if name and name != code else code, code)
        self.team.setCurrentIndex(max(self.team.findData(current), 0) if current else 0)

    def set_settings(self, settings: ReviewSettings, editable: bool) -> None:
        self.required.setValue(settings.required_coverage_percent)
        self.weekly_target.setValue(settings.weekly_target)
        self.settings_box.setVisible(editable)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_report(self, report: CoverageReport) -> None:
        self.report = report
        self.export_button.setEnabled(True)
        self._fill()

    def _fill(self) -> None:
        report = self.report
        self.model.removeRows(0, self.model.rowCount())
        if report is None:
            self.summary.setText("")
            return
        bold = QFont(self.font())
        bold.setBold(True)
        for row in report.agents:
            name = row.agent_name or row.agent_id or self.tr("(no agent)")
            self._add(row, row.team_code or "—", name, None)
        for row in report.teams:
            self._add(row, row.team_code or "—", self.tr("Team total"), bold)
        self._add(report.total, "", self.tr("All"), bold)
        self.table.resizeColumnsToContents()
        if report.weekly_target:
            target = self.tr("Target: {count} reviewed per agent per week").format(count=report.weekly_target)
        else:
            target = self.tr("No weekly target set")
        self.summary.setText(
            self.tr("{reviewed} of {count} recordings reviewed, {minutes} min heard. {target}").format(
                reviewed=report.total.reviewed,
                count=report.total.recordings,
                minutes=f"{report.total.heard_ms / 60_000:.1f}",
                target=target,
            )
        )

    def _add(self, row: CoverageRow, team: str, agent: str, font: QFont | None) -> None:
        met = f"{row.target_percent} %" if row.target_percent is not None else "—"
        values: list[Any] = [
            team,
            agent,
            row.recordings,
            row.reviewed,
            f"{row.heard_ms / 60_000:.1f}",
            f"{row.recorded_ms / 60_000:.1f}",
            f"{row.target:g}" if row.target else "—",
            met,
        ]
        items = []
        for column, value in enumerate(values):
            item = QStandardItem(str(value))
            if column >= 2:
                item.setTextAlignment(RIGHT | Qt.AlignmentFlag.AlignVCenter)
            if font is not None:
                item.setFont(font)
            items.append(item)
        self.model.appendRow(items)

    def _choose_export(self) -> None:
        first, last = self.period()
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Export coverage"), f"coverage-{first}-{last}.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.exportRequested.emit(path)

    # ---- language ---------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.title.setText(self.tr("Review coverage"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.team_label.setText(self.tr("Team"))
        self.team.setItemText(0, self.tr("All teams"))
        self.show_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.target_label.setText(self.tr("Weekly target per agent"))
        self.required_label.setText(self.tr("Heard before marking, %"))
        self.save_button.setText(self.tr("Save"))
        titles = (
            self.tr("Team"),
            self.tr("Agent"),
            self.tr("Recordings"),
            self.tr("Reviewed"),
            self.tr("Heard, min"),
            self.tr("Recorded, min"),
            self.tr("Target"),
            self.tr("Met"),
        )
        self.model.setHorizontalHeaderLabels(list(titles))
        self._fill()
        self.table.resizeColumnsToContents()
