"""The Logs tab: the integration log live, for IT staff diagnosing MediaSense.

Widgets only: they show the model and emit intents; `LogsController` does the work (batched live
entries, older pages, clear, level, save) off the GUI thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from qms_desktop.integration_log import LEVELS, LogEntry
from qms_desktop.integration_log.entries import timestamp_text
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QCheckBox,
    QComboBox,
    QEvent,
    QFileDialog,
    QFontDatabase,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QLocale,
    QMessageBox,
    QModelIndex,
    QPlainTextEdit,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from qms_desktop.ui.tabs.logs.controller import LogsController
from qms_desktop.ui.tabs.logs.delegate import HighlightDelegate
from qms_desktop.ui.tabs.logs.models import (
    COLUMN_INDEX,
    DEFAULT_MAX_ROWS,
    ENTRY_ROLE,
    LevelColors,
    LogFilter,
    LogFilterProxyModel,
    LogTableModel,
    entry_plain_text,
    local_time_text,
)
from qms_desktop.ui.widgets.search_field import SearchField

TASK_NAMES = ("logs.older", "logs.clear", "logs.save", "logs.persist-level")


def create_tab(ctx: UiContext) -> QWidget:
    return LogsTab(ctx)


class LogsTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        super().__init__(parent)
        self.setObjectName("logsTab")
        self.ctx = ctx
        self.model = LogTableModel(max_rows, self)
        self.proxy = LogFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.controller = LogsController(ctx.integration_log, ctx.tasks, self.model, parent=self)
        self._colors = LevelColors.from_palette(self.palette())
        self.model.colors = self._colors
        self._following = True
        self._adjusting = False  # our own scroll corrections must not switch follow-tail
        # Tests and embedders may replace this (the default asks with a modal dialog).
        self.confirm: Callable[[str, str], bool] = self._ask
        self._build()
        self._connect()
        self.retranslate()
        self.controller.start()
        self._update_status()
        # Unsubscribe and stop our tasks when the widget goes, through plain functions: by then the
        # Python side of the widget may be gone.
        unsubscribe = self.controller.unsubscribe
        tasks = ctx.tasks
        self.destroyed.connect(lambda *_: _teardown(unsubscribe, tasks))

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
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
        self.record_level.setCurrentIndex(max(0, self.record_level.findData(self.ctx.integration_log.level)))
        self.record_level_label = QLabel(self)
        self.record_level_label.setBuddy(self.record_level)

        self.view = QTableView(self)
        self.view.setObjectName("logsView")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(
            HighlightDelegate(lambda: self.proxy.log_filter, lambda: self._colors.match, self.view)
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._apply_row_metrics()

        self.details = QPlainTextEdit(self)
        self.details.setObjectName("logsDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.status = QLabel(self)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(0)
        self._status_timer.timeout.connect(self._update_status)
        # ERROR entries -> passes the current text filter; tested once per entry, not per tick.
        self._error_pass: dict[int, bool] = {}

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
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self.copy_action = QAction(self.view)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(self.copy_action)
        self.next_shortcut = QShortcut(QKeySequence("F8"), self)
        self.prev_shortcut = QShortcut(QKeySequence("Shift+F8"), self)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        for shortcut in (self.next_shortcut, self.prev_shortcut, self.find_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _apply_row_metrics(self) -> None:
        # Fixed row height, no resize-to-contents: with 100k rows any per-row measuring stalls.
        fm = self.view.fontMetrics()
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(fm.height() + 4)
        rows.setVisible(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        widths = {
            "time": fm.horizontalAdvance("0000-00-00 00:00:00.000") + 16,
            "level": fm.horizontalAdvance("ERROR") + 16,
            "logger": fm.horizontalAdvance("qms.sync.engine") + 16,
            "correlation": fm.horizontalAdvance("0" * 14) + 16,
        }
        for key, width in widths.items():
            header.setSectionResizeMode(COLUMN_INDEX[key], QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COLUMN_INDEX[key], width)
        header.setSectionResizeMode(COLUMN_INDEX["message"], QHeaderView.ResizeMode.Stretch)

    def _connect(self) -> None:
        c = self.controller
        self.level_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search.searchChanged.connect(lambda _t, _r: self.apply_filter())
        self.hide_non_matching.toggled.connect(lambda _on: self.apply_filter())
        self.prev_error.clicked.connect(lambda: self.goto_error(forward=False))
        self.next_error.clicked.connect(lambda: self.goto_error(forward=True))
        self.next_shortcut.activated.connect(lambda: self.goto_error(forward=True))
        self.prev_shortcut.activated.connect(lambda: self.goto_error(forward=False))
        self.find_shortcut.activated.connect(self.search.setFocus)
        self.follow_button.toggled.connect(self.set_following)
        self.pause_button.toggled.connect(c.set_paused)
        self.older_button.clicked.connect(self.load_older)
        self.copy_button.clicked.connect(self.copy_selection)
        self.copy_action.triggered.connect(self.copy_selection)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.record_level.currentIndexChanged.connect(lambda _i: c.set_level(self.record_level.currentData()))

        for signal in (c.pendingChanged, c.pausedChanged):
            signal.connect(lambda *_: (self._update_pause_text(), self._update_status()))
        c.levelChanged.connect(self._on_level_changed)
        c.cleared.connect(self._on_cleared)
        c.saved.connect(self._on_saved)
        c.failed.connect(self._show_message)

        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value)
        bar.rangeChanged.connect(self._on_scroll_range)
        self.proxy.rowsInserted.connect(lambda _p, first, last: self._on_top_rows(last - first + 1))
        self.proxy.rowsRemoved.connect(lambda _p, first, last: self._on_top_rows(-(last - first + 1)))
        # The proxy emits one signal per contiguous run of rows: coalesce into one status update.
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(lambda *_: self._status_timer.start())
        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_details(current))

    # --- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.level_filter_label.setText(self.tr("&Show:"))
        current = self.level_filter.currentData() or "DEBUG"
        self.level_filter.blockSignals(True)
        self.level_filter.clear()
        self.level_filter.addItem(self.tr("All levels"), "DEBUG")
        self.level_filter.addItem(self.tr("Info and above"), "INFO")
        self.level_filter.addItem(self.tr("Warnings and errors"), "WARN")
        self.level_filter.addItem(self.tr("Errors only"), "ERROR")
        self.level_filter.setCurrentIndex(max(0, self.level_filter.findData(current)))
        self.level_filter.blockSignals(False)
        self.hide_non_matching.setText(self.tr("Hide non-matching"))
        self.hide_non_matching.setToolTip(self.tr("Off: keep every row and only highlight the matches"))
        self.prev_error.setText(self.tr("◀ Error"))
        self.prev_error.setToolTip(self.tr("Previous error (Shift+F8)"))
        self.next_error.setText(self.tr("Error ▶"))
        self.next_error.setToolTip(self.tr("Next error (F8)"))
        self.follow_button.setText(self.tr("Follow"))
        self.follow_button.setToolTip(self.tr("Keep the newest entry in view (turns off when you scroll up)"))
        self.older_button.setText(self.tr("Load older"))
        self.older_button.setToolTip(self.tr("Read older entries from the log files"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected rows (Ctrl+C)"))
        self.copy_action.setText(self.tr("Copy"))
        self.save_button.setText(self.tr("Save as…"))
        self.save_button.setToolTip(self.tr("Save the rows shown to a text file"))
        self.clear_button.setText(self.tr("Clear…"))
        self.clear_button.setToolTip(self.tr("Archive the log file and start a new one"))
        self.record_level_label.setText(self.tr("&Record level:"))
        self.record_level.setToolTip(self.tr("What the integration log records from now on (also for the CLI)"))
        self.details.setPlaceholderText(self.tr("Select an entry to see its fields and exception."))
        self._update_pause_text()
        self._update_error_counter()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._colors = LevelColors.from_palette(self.palette())
            self.model.set_colors(self._colors)
        super().changeEvent(event)

    def _update_pause_text(self) -> None:
        pending = self.controller.pending_count
        if self.controller.paused:
            text = self.tr("Resume ({0} new)").format(QLocale().toString(pending)) if pending else self.tr("Resume")
        else:
            text = self.tr("Pause")
        self.pause_button.setText(text)
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(self.controller.paused)
        self.pause_button.blockSignals(False)

    def _update_status(self) -> None:
        loc = QLocale()
        text = self.tr("{0} of {1} entries shown").format(
            loc.toString(self.proxy.rowCount()), loc.toString(self.model.rowCount())
        )
        if self.model.loading_older:
            text += " · " + self.tr("reading older entries…")
        if self.controller.paused and self.controller.pending_count:
            text += " · " + self.tr("paused, {0} new").format(loc.toString(self.controller.pending_count))
        self.status.setText(text)
        self.older_button.setEnabled(self.model.canFetchMore(QModelIndex()))
        self._update_error_counter()

    # --- filtering ----------------------------------------------------------------------------

    def current_filter(self) -> LogFilter:
        return LogFilter(
            min_level=self.level_filter.currentData() or "DEBUG",
            text=self.search.text(),
            regex=self.search.is_regex(),
            hide_non_matching=self.hide_non_matching.isChecked(),
        )

    def apply_filter(self) -> None:
        flt = self.current_filter()
        self.search.set_error(self.tr("Invalid regular expression: {0}").format(flt.error) if flt.error else None)
        if flt.rows_key() != self.proxy.log_filter.rows_key():
            self._error_pass.clear()
        current = self.view.currentIndex()
        keep = current.data(ENTRY_ROLE) if current.isValid() else None
        following = self._following
        self._adjusting = True  # the reset moves the scroll bar; that is not the user scrolling
        try:
            self.proxy.set_filter(flt)
            self.view.updateGeometries()  # the new scroll range now, before we scroll
        finally:
            self._adjusting = False
        self._set_following(following)
        if keep is not None and self.view.currentIndex().data(ENTRY_ROLE) is not keep:
            self._select_entry(keep)  # the filter reset the view: stay on the same entry
        self.view.viewport().update()  # the highlight may change without any row changing
        self._update_status()
        if self._following:
            self.view.scrollToBottom()

    def _select_entry(self, entry: LogEntry) -> None:
        row = self.model.row_of(entry)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().setCurrentIndex(index, flags)
            if not self._following:
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- follow-tail --------------------------------------------------------------------------

    @property
    def following(self) -> bool:
        return self._following

    def set_following(self, on: bool) -> None:
        self._set_following(on)
        if on:
            self.view.scrollToBottom()

    def _set_following(self, on: bool) -> None:
        self._following = on
        self.follow_button.blockSignals(True)
        self.follow_button.setChecked(on)
        self.follow_button.blockSignals(False)

    def _on_scroll_value(self, value: int) -> None:
        if self._adjusting:
            return
        bar = self.view.verticalScrollBar()
        self._set_following(value >= bar.maximum())
        if value == bar.minimum() and bar.maximum() > 0:
            self.load_older()  # reaching the top reads the next older page

    def _on_scroll_range(self, _low: int, high: int) -> None:
        if self._following:
            self._adjusting = True
            self.view.verticalScrollBar().setValue(high)
            self._adjusting = False

    def _on_top_rows(self, delta: int) -> None:
        """Rows came or went above the viewport (older page, trim): keep the same rows in view."""
        if not self.model.top_edit or self._following:
            return
        bar = self.view.verticalScrollBar()
        self._adjusting = True
        try:
            self.view.updateGeometries()  # the new range now, not after the delayed layout
            bar.setValue(bar.value() + delta)
        finally:
            self._adjusting = False

    def load_older(self) -> None:
        if self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            self._update_status()

    # --- errors -------------------------------------------------------------------------------

    def visible_error_rows(self) -> list[int]:
        """Proxy rows of the ERROR entries that pass the filter, ascending."""
        rows = []
        for source_row in self.model.error_rows():
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                rows.append(index.row())
        return rows

    def goto_error(self, *, forward: bool) -> None:
        rows = self.visible_error_rows()
        if rows:
            current = self.view.currentIndex()
            at = current.row() if current.isValid() else (-1 if forward else self.proxy.rowCount())
            if forward:
                target = next((r for r in rows if r > at), rows[0])  # wraps around
            else:
                target = next((r for r in reversed(rows) if r < at), rows[-1])
            index = self.proxy.index(target, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().setCurrentIndex(index, flags)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_error_counter(rows)

    def _update_error_counter(self, rows: list[int] | None = None) -> None:
        current = self.view.currentIndex()
        if rows is None:
            entry = current.data(ENTRY_ROLE) if current.isValid() else None
            if entry is not None and entry.level == "ERROR":
                rows = self.visible_error_rows()  # only then is a position to show
        total = len(rows) if rows is not None else self._visible_error_count()
        position = None
        if rows and current.isValid() and current.row() in rows:
            position = rows.index(current.row()) + 1
        loc = QLocale()
        if position is None:
            self.error_counter.setText(self.tr("– / {0}").format(loc.toString(total)))
        else:
            self.error_counter.setText(self.tr("{0} / {1}").format(loc.toString(position), loc.toString(total)))
        self.error_counter.setToolTip(self.tr("Errors among the rows shown"))
        self.prev_error.setEnabled(total > 0)
        self.next_error.setEnabled(total > 0)

    def _visible_error_count(self) -> int:
        flt = self.proxy.log_filter
        errors = self.model.error_rows()
        if flt.pattern is None or not flt.hide_non_matching:
            return len(errors)  # every ERROR passes any minimum level
        cache = self._error_pass
        if len(cache) > 2 * len(errors) + 1000:
            cache.clear()  # drop what was trimmed long ago
        count = 0
        for row in errors:
            entry = self.model.entry(row)
            passes = cache.get(entry.seq)
            if passes is None:
                passes = cache[entry.seq] = flt.accepts(entry)
            count += passes
        return count

    # --- details, copy, save, clear -----------------------------------------------------------

    def _show_details(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        self.details.setPlainText(self.details_text(entry) if entry is not None else "")
        self._update_error_counter()

    def details_text(self, entry: LogEntry) -> str:
        lines = [
            self.tr("Time: {0} (UTC {1})").format(local_time_text(entry), timestamp_text(entry.ts)),
            self.tr("Level: {0}    Area: {1}    Sequence: {2}").format(entry.level, entry.logger, entry.seq),
            "",
            entry.message,
        ]
        if entry.exc:
            lines += ["", self.tr("Exception:"), entry.exc]
        if entry.extra:
            lines += ["", self.tr("Fields:")]
            for key, value in entry.extra.items():
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
                lines.append(f"  {key} = {text}")
        return "\n".join(lines)

    def selected_entries(self) -> list[LogEntry]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.proxy.index(r, 0).data(ENTRY_ROLE) for r in rows]

    def copy_selection(self) -> None:
        entries = self.selected_entries()
        if entries:
            QApplication.clipboard().setText("\n".join(entry_plain_text(e) for e in entries) + "\n")
            self.status.setText(self.tr("{0} rows copied").format(QLocale().toString(len(entries))))

    def save_visible_to(self, path: Path | str) -> None:
        self.controller.save(Path(path), self.model.entries, self.proxy.log_filter)

    def _on_save_clicked(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Save log as"),
            "qms-integration-log.txt",
            self.tr("Text files (*.txt *.log);;All files (*)"),
        )
        if path:
            self.save_visible_to(path)

    def _on_clear_clicked(self) -> None:
        if self.confirm(
            self.tr("Clear the integration log"),
            self.tr(
                "The current log file is archived next to it and a new one is started. The view is emptied. Continue?"
            ),
        ):
            self.controller.clear()

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _on_level_changed(self, level: str) -> None:
        index = self.record_level.findData(level)
        if index >= 0 and index != self.record_level.currentIndex():
            self.record_level.blockSignals(True)
            self.record_level.setCurrentIndex(index)
            self.record_level.blockSignals(False)

    def _on_cleared(self, archive: str) -> None:
        self.details.clear()
        self._update_status()
        name = Path(archive).name if archive else ""
        self.status.setText(self.tr("Log cleared; archived as {0}").format(name) if name else self.tr("Log cleared"))

    def _on_saved(self, path: str, count: int) -> None:
        self.status.setText(self.tr("{0} rows saved to {1}").format(QLocale().toString(count), path))

    def _show_message(self, message: str) -> None:
        self.status.setText(message)


def _teardown(unsubscribe: Callable[[], None] | None, tasks: object) -> None:
    if unsubscribe is not None:
        unsubscribe()
    cancel = getattr(tasks, "cancel", None)
    if cancel is not None:
        for name in TASK_NAMES:
            cancel(name)
