"""The two rows above the log: what to show (level, search, error navigation) and what to do (follow,
pause, older entries, copy, save, clear, the level the log records).

Widgets and their texts only; the tab connects them. The words keep the LogsTab translation context:
that is where the catalogues have them.
"""

from __future__ import annotations

from qms_desktop.integration_log import LEVELS
from qms_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLocale,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from qms_desktop.ui.tabs.logs.models import LogFilter
from qms_desktop.ui.widgets.search_field import SearchField


class LogsToolbar(QWidget):
    def __init__(self, record_level: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level_filter = QComboBox(self)
        self.level_filter_label = QLabel(self)
        self.level_filter_label.setBuddy(self.level_filter)
        self.search = SearchField(self)
        self.hide_non_matching = QCheckBox(self)
        self.hide_non_matching.setChecked(True)
        self.prev_error = QPushButton(self)
        self.next_error = QPushButton(self)
        self.error_counter = QLabel(self)
        self.error_counter.setMinimumWidth(self.fontMetrics().horizontalAdvance("00000 / 00000"))
        self.error_counter.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.follow_button = QPushButton(self)
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.pause_button = QPushButton(self)
        self.pause_button.setCheckable(True)
        self.older_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        self.record_level = QComboBox(self)
        for name in LEVELS:
            self.record_level.addItem(name, name)
        self.record_level.setCurrentIndex(max(0, self.record_level.findData(record_level)))
        self.record_level_label = QLabel(self)
        self.record_level_label.setBuddy(self.record_level)

        filters = QHBoxLayout()
        filters.addWidget(self.level_filter_label)
        filters.addWidget(self.level_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.hide_non_matching)
        filters.addSpacing(12)
        filters.addWidget(self.prev_error)
        filters.addWidget(self.error_counter)
        filters.addWidget(self.next_error)
        actions = QHBoxLayout()
        for button in (self.follow_button, self.pause_button, self.older_button):
            actions.addWidget(button)
        actions.addSpacing(12)
        for button in (self.copy_button, self.save_button, self.clear_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.record_level_label)
        actions.addWidget(self.record_level)
        # No margins of its own: the rows line up with the rest of the tab.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(filters)
        rows.addLayout(actions)

    def current_filter(self) -> LogFilter:
        return LogFilter(
            min_level=self.level_filter.currentData() or "DEBUG",
            text=self.search.text(),
            regex=self.search.is_regex(),
            hide_non_matching=self.hide_non_matching.isChecked(),
        )

    # --- what the tab shows here --------------------------------------------------------------

    def show_following(self, on: bool) -> None:
        self.follow_button.blockSignals(True)
        self.follow_button.setChecked(on)
        self.follow_button.blockSignals(False)

    def show_pause(self, paused: bool, pending: int) -> None:
        if paused:
            text = (
                QCoreApplication.translate("LogsTab", "Resume ({0} new)").format(QLocale().toString(pending))
                if pending
                else QCoreApplication.translate("LogsTab", "Resume")
            )
        else:
            text = QCoreApplication.translate("LogsTab", "Pause")
        self.pause_button.setText(text)
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(paused)
        self.pause_button.blockSignals(False)

    def show_error_counter(self, position: int | None, total: int) -> None:
        """`position` of the current error among `total` errors shown (None: the current row is none)."""
        loc = QLocale()
        if position is None:
            self.error_counter.setText(QCoreApplication.translate("LogsTab", "– / {0}").format(loc.toString(total)))
        else:
            self.error_counter.setText(
                QCoreApplication.translate("LogsTab", "{0} / {1}").format(loc.toString(position), loc.toString(total))
            )
        self.error_counter.setToolTip(QCoreApplication.translate("LogsTab", "Errors among the rows shown"))
        self.prev_error.setEnabled(total > 0)
        self.next_error.setEnabled(total > 0)

    def show_record_level(self, level: str) -> None:
        index = self.record_level.findData(level)
        if index >= 0 and index != self.record_level.currentIndex():
            self.record_level.blockSignals(True)
            self.record_level.setCurrentIndex(index)
            self.record_level.blockSignals(False)

    def retranslate(self) -> None:
        self.level_filter_label.setText(QCoreApplication.translate("LogsTab", "&Show:"))
        current = self.level_filter.currentData() or "DEBUG"
        self.level_filter.blockSignals(True)
        self.level_filter.clear()
        self.level_filter.addItem(QCoreApplication.translate("LogsTab", "All levels"), "DEBUG")
        self.level_filter.addItem(QCoreApplication.translate("LogsTab", "Info and above"), "INFO")
        self.level_filter.addItem(QCoreApplication.translate("LogsTab", "Warnings and errors"), "WARN")
        self.level_filter.addItem(QCoreApplication.translate("LogsTab", "Errors only"), "ERROR")
        self.level_filter.setCurrentIndex(max(0, self.level_filter.findData(current)))
        self.level_filter.blockSignals(False)
        self.hide_non_matching.setText(QCoreApplication.translate("LogsTab", "Hide non-matching"))
        self.hide_non_matching.setToolTip(
            QCoreApplication.translate("LogsTab", "Off: keep every row and only highlight the matches")
        )
        self.prev_error.setText(QCoreApplication.translate("LogsTab", "◀ Error"))
        self.prev_error.setToolTip(QCoreApplication.translate("LogsTab", "Previous error (Shift+F8)"))
        self.next_error.setText(QCoreApplication.translate("LogsTab", "Error ▶"))
        self.next_error.setToolTip(QCoreApplication.translate("LogsTab", "Next error (F8)"))
        self.follow_button.setText(QCoreApplication.translate("LogsTab", "Follow"))
        self.follow_button.setToolTip(
            QCoreApplication.translate("LogsTab", "Keep the newest entry in view (turns off when you scroll up)")
        )
        self.older_button.setText(QCoreApplication.translate("LogsTab", "Load older"))
        self.older_button.setToolTip(QCoreApplication.translate("LogsTab", "Read older entries from the log files"))
        self.copy_button.setText(QCoreApplication.translate("LogsTab", "Copy"))
        self.copy_button.setToolTip(QCoreApplication.translate("LogsTab", "Copy the selected rows (Ctrl+C)"))
        self.save_button.setText(QCoreApplication.translate("LogsTab", "Save as…"))
        self.save_button.setToolTip(QCoreApplication.translate("LogsTab", "Save the rows shown to a text file"))
        self.clear_button.setText(QCoreApplication.translate("LogsTab", "Clear…"))
        self.clear_button.setToolTip(QCoreApplication.translate("LogsTab", "Archive the log file and start a new one"))
        self.record_level_label.setText(QCoreApplication.translate("LogsTab", "&Record level:"))
        self.record_level.setToolTip(
            QCoreApplication.translate("LogsTab", "What the integration log records from now on (also for the CLI)")
        )
