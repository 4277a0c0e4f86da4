"""The log table: fixed-height rows, match highlighting, and follow-tail.

Follow-tail keeps the newest entry in view until the user scrolls away from the bottom; scrolling
back down turns it on again. Rows added or trimmed above the viewport (an older page, the row limit)
do not move what the user is looking at.
"""

from __future__ import annotations

from collections.abc import Callable

from qms_desktop.integration_log import LogEntry
from qms_desktop.ui.qt import (
    QAbstractItemView,
    QAction,
    QColor,
    QCoreApplication,
    QFontDatabase,
    QHeaderView,
    QItemSelectionModel,
    QKeySequence,
    QModelIndex,
    Qt,
    QTableView,
    QWidget,
    Signal,
)
from qms_desktop.ui.tabs.logs.delegate import HighlightDelegate
from qms_desktop.ui.tabs.logs.models import (
    COLUMN_INDEX,
    ENTRY_ROLE,
    LogFilter,
    LogFilterProxyModel,
    LogTableModel,
)


class LogTableView(QTableView):
    followingChanged = Signal(bool)  # follow-tail was set (also when it did not change)
    topReached = Signal()  # the user scrolled to the first row: time to read older entries

    def __init__(
        self,
        model: LogTableModel,
        proxy: LogFilterProxyModel,
        current_filter: Callable[[], LogFilter],
        match_colour: Callable[[], QColor],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._proxy = proxy
        self._following = True
        self._adjusting = False  # our own scroll corrections must not switch follow-tail
        self.setObjectName("logsView")
        self.setModel(proxy)
        self.setItemDelegate(HighlightDelegate(current_filter, match_colour, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._apply_row_metrics()

        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.copy_action)

        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value)
        bar.rangeChanged.connect(self._on_scroll_range)
        proxy.rowsInserted.connect(self._rows_inserted)
        proxy.rowsRemoved.connect(self._rows_removed)

    def _apply_row_metrics(self) -> None:
        # Fixed row height, no resize-to-contents: with 100k rows any per-row measuring stalls.
        fm = self.fontMetrics()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(fm.height() + 4)
        rows.setVisible(False)
        header = self.horizontalHeader()
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

    def retranslate(self) -> None:
        self.copy_action.setText(QCoreApplication.translate("LogsTab", "Copy"))

    # --- the rows -----------------------------------------------------------------------------

    def refilter(self, change: Callable[[], None]) -> None:
        """Run `change` (it resets the rows), then stay on the same entry and keep follow-tail as it was."""
        current = self.currentIndex()
        keep = current.data(ENTRY_ROLE) if current.isValid() else None
        following = self._following
        self._adjusting = True  # the reset moves the scroll bar; that is not the user scrolling
        try:
            change()
            self.updateGeometries()  # the new scroll range now, before we scroll
        finally:
            self._adjusting = False
        self._set_following(following)
        if keep is not None and self.currentIndex().data(ENTRY_ROLE) is not keep:
            self.select_entry(keep)  # the filter reset the view: stay on the same entry
        self.viewport().update()  # the highlight may change without any row changing

    def select_entry(self, entry: LogEntry) -> None:
        row = self._model.row_of(entry)
        index = self._proxy.mapFromSource(self._model.index(row, 0)) if row is not None else QModelIndex()
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().setCurrentIndex(index, flags)
            if not self._following:
                self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_entries(self) -> list[LogEntry]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self._proxy.index(r, 0).data(ENTRY_ROLE) for r in rows]

    # --- follow-tail --------------------------------------------------------------------------

    @property
    def following(self) -> bool:
        return self._following

    def set_following(self, on: bool) -> None:
        self._set_following(on)
        if on:
            self.scrollToBottom()

    def _set_following(self, on: bool) -> None:
        self._following = on
        self.followingChanged.emit(on)

    def _on_scroll_value(self, value: int) -> None:
        if self._adjusting:
            return
        bar = self.verticalScrollBar()
        self._set_following(value >= bar.maximum())
        if value == bar.minimum() and bar.maximum() > 0:
            self.topReached.emit()  # reaching the top reads the next older page

    def _on_scroll_range(self, _low: int, high: int) -> None:
        if self._following:
            self._adjusting = True
            self.verticalScrollBar().setValue(high)
            self._adjusting = False

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._on_top_rows(last - first + 1)

    def _rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._on_top_rows(-(last - first + 1))

    def _on_top_rows(self, delta: int) -> None:
        """Rows came or went above the viewport (older page, trim): keep the same rows in view."""
        if not self._model.top_edit or self._following:
            return
        bar = self.verticalScrollBar()
        self._adjusting = True
        try:
            self.updateGeometries()  # the new range now, not after the delayed layout
            bar.setValue(bar.value() + delta)
        finally:
            self._adjusting = False
