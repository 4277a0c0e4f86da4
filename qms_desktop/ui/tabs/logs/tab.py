"""The Logs tab: the integration log live, for IT staff diagnosing MediaSense.

Widgets only: they show the model and emit intents; `LogsController` does the work (batched live
entries, older pages, clear, level, save) off the GUI thread. The parts are modules of their own:
`toolbar` (filters and actions), `log_view` (the table with follow-tail) and `details` (the entry pane).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qms_desktop.integration_log import LogEntry
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QApplication,
    QEvent,
    QFileDialog,
    QItemSelectionModel,
    QKeySequence,
    QLabel,
    QLocale,
    QMessageBox,
    QModelIndex,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from qms_desktop.ui.tabs.logs.controller import LogsController
from qms_desktop.ui.tabs.logs.details import EntryDetails
from qms_desktop.ui.tabs.logs.details import details_text as entry_details_text
from qms_desktop.ui.tabs.logs.log_view import LogTableView
from qms_desktop.ui.tabs.logs.models import (
    DEFAULT_MAX_ROWS,
    ENTRY_ROLE,
    LevelColors,
    LogFilter,
    LogFilterProxyModel,
    LogTableModel,
    entry_plain_text,
)
from qms_desktop.ui.tabs.logs.toolbar import LogsToolbar

TASK_NAMES = ("logs.older", "logs.clear", "logs.save", "logs.persist-level")


class LogsTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        super().__init__(parent)
        self.setObjectName("logsTab")
        self.model = LogTableModel(max_rows, self)
        self.proxy = LogFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.controller = LogsController(ctx, self.model, parent=self)
        self._colors = LevelColors.from_palette(self.palette())
        self.model.colors = self._colors
        # Tests and embedders may replace this (the default asks with a modal dialog).
        self.confirm: Callable[[str, str], bool] = self._ask
        self._build(ctx.integration_log.level)
        self._connect()
        self.retranslate()
        self._update_status()
        self.controller.started.connect(self._update_status)
        # Unsubscribe and stop our tasks when the widget goes, through plain functions: by then the
        # Python side of the widget may be gone.
        controller, tasks = self.controller, ctx.tasks
        self.destroyed.connect(lambda *_: _teardown(controller.unsubscribe, tasks))

    # --- construction -------------------------------------------------------------------------

    def _build(self, record_level: str) -> None:
        self.toolbar = LogsToolbar(record_level, self)
        # The toolbar's widgets, under the names they had before the split.
        bar = self.toolbar
        self.level_filter = bar.level_filter
        self.search = bar.search
        self.hide_non_matching = bar.hide_non_matching
        self.prev_error = bar.prev_error
        self.next_error = bar.next_error
        self.error_counter = bar.error_counter
        self.follow_button = bar.follow_button
        self.pause_button = bar.pause_button
        self.older_button = bar.older_button
        self.copy_button = bar.copy_button
        self.save_button = bar.save_button
        self.clear_button = bar.clear_button
        self.record_level = bar.record_level

        self.view = LogTableView(
            self.model, self.proxy, lambda: self.proxy.log_filter, lambda: self._colors.match, self
        )
        self.copy_action = self.view.copy_action
        self.details = EntryDetails(self)
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)

        self.next_shortcut = QShortcut(QKeySequence("F8"), self)
        self.prev_shortcut = QShortcut(QKeySequence("Shift+F8"), self)
        for shortcut in (self.next_shortcut, self.prev_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self) -> None:
        c = self.controller
        self.level_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.search.searchChanged.connect(lambda _t, _r: self.apply_filter())
        self.hide_non_matching.toggled.connect(lambda _on: self.apply_filter())
        self.prev_error.clicked.connect(lambda: self.goto_error(forward=False))
        self.next_error.clicked.connect(lambda: self.goto_error(forward=True))
        self.next_shortcut.activated.connect(lambda: self.goto_error(forward=True))
        self.prev_shortcut.activated.connect(lambda: self.goto_error(forward=False))
        self.follow_button.toggled.connect(self.set_following)
        self.pause_button.toggled.connect(c.set_paused)
        self.older_button.clicked.connect(self.load_older)
        self.copy_button.clicked.connect(self.copy_selection)
        self.copy_action.triggered.connect(self.copy_selection)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.record_level.currentIndexChanged.connect(lambda _i: c.set_level(self.record_level.currentData()))

        def refresh_pause_and_status(*_: object) -> None:
            self._update_pause_text()
            self._update_status()

        for signal in (c.pendingChanged, c.pausedChanged):
            signal.connect(refresh_pause_and_status)
        c.levelChanged.connect(self.toolbar.show_record_level)
        c.cleared.connect(self._on_cleared)
        c.saved.connect(self._on_saved)
        c.failed.connect(self._show_message)

        self.view.followingChanged.connect(self.toolbar.show_following)
        self.view.topReached.connect(self.load_older)
        # The proxy emits one signal per contiguous run of rows: coalesce into one status update.
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(lambda *_: self._status_timer.start())
        self.view.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_details(current))

    # --- texts --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.toolbar.retranslate()
        self.view.retranslate()
        self.details.retranslate()
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
        self.toolbar.show_pause(self.controller.paused, self.controller.pending_count)

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
        return self.toolbar.current_filter()

    def apply_filter(self) -> None:
        flt = self.current_filter()
        self.search.set_error(self.tr("Invalid regular expression: {0}").format(flt.error) if flt.error else None)
        if flt.rows_key() != self.proxy.log_filter.rows_key():
            self._error_pass.clear()
        self.view.refilter(lambda: self.proxy.set_filter(flt))
        self._update_status()
        if self.view.following:
            self.view.scrollToBottom()

    # --- follow-tail --------------------------------------------------------------------------

    @property
    def following(self) -> bool:
        return self.view.following

    def set_following(self, on: bool) -> None:
        self.view.set_following(on)

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

    def focus_search(self) -> None:
        """Ctrl+F (the main window's shortcut): the text filter, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.edit.selectAll()

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
        self.toolbar.show_error_counter(position, total)

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
        self.details.show_entry(entry)
        self._update_error_counter()

    def details_text(self, entry: LogEntry) -> str:
        return entry_details_text(entry)

    def selected_entries(self) -> list[LogEntry]:
        return self.view.selected_entries()

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
