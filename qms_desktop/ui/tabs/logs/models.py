"""Models of the Logs tab: the table over frozen `LogEntry` rows, the filter and its proxy.

Nothing here does I/O: older entries are requested through `olderRequested` and handed back by the
controller, which reads the files off the GUI thread.

One module on purpose: the table model, its filter and the proxy share the row layout and roles.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from qms_desktop.integration_log import LEVELS, LogEntry
from qms_desktop.integration_log.entries import encode_cursor, timestamp_text
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPalette,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_MAX_ROWS = 100_000
# Longer messages are cut in the cell (the details pane shows them whole): painting and eliding a
# 50 kB line per repaint is what makes log views stutter.
MAX_CELL_CHARS = 500
_RANK = {name: len(LEVELS) - i for i, name in enumerate(LEVELS)}  # ERROR 4 ... DEBUG 1
# Control characters become visible symbols (a tab or an escape would garble the row).
_CONTROL = {i: 0x2400 + i for i in range(32)} | {0x7F: 0x2421}

Index = QModelIndex | QPersistentModelIndex


def local_time_text(entry: LogEntry) -> str:
    dt = entry.ts.astimezone()  # local time zone: IT staff compare with their own clocks
    return f"{dt:%Y-%m-%d %H:%M:%S}.{dt.microsecond // 1000:03d}"


def correlation_text(entry: LogEntry) -> str:
    """The request id of an HTTP exchange and/or the correlation id of the sync run."""
    extra = entry.extra
    ids = [str(extra[k]) for k in ("request_id", "correlation_id") if extra.get(k)]
    return " · ".join(ids)


def message_cell_text(entry: LogEntry) -> str:
    text = entry.message
    first, sep, rest = text.partition("\n")
    more_lines = rest.count("\n") + 1 if sep else 0
    cut = len(first) - MAX_CELL_CHARS
    if cut > 0:
        first = first[:MAX_CELL_CHARS]
    first = first.translate(_CONTROL)
    if cut > 0:
        first += QCoreApplication.translate("LogTableModel", " … (+{0} chars)").format(cut)
    if more_lines:
        first += QCoreApplication.translate("LogTableModel", " ⏎ (+{0} lines)").format(more_lines)
    return first


def extras_text(entry: LogEntry) -> str:
    return "\n".join(f"{key} = {value}" for key, value in entry.extra.items())


def entry_plain_text(entry: LogEntry) -> str:
    """One entry for the clipboard and for files: tab-separated columns, then the exception."""
    head = "\t".join(
        (local_time_text(entry), entry.level, entry.logger, entry.message.replace("\n", " ⏎ "), correlation_text(entry))
    )
    if entry.exc:
        head += "\n" + "\n".join("    " + line for line in entry.exc.splitlines())
    return head


@dataclass(frozen=True)
class Column:
    """One table column: a header (translated in headerData) and how an entry shows in it."""

    key: str
    header: str
    text: Callable[[LogEntry], str]
    highlight: bool = True  # the delegate marks text matches in this column
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


COLUMNS: tuple[Column, ...] = (
    Column("time", QT_TRANSLATE_NOOP("LogTableModel", "Time"), local_time_text, highlight=False),
    Column("level", QT_TRANSLATE_NOOP("LogTableModel", "Level"), lambda e: e.level, highlight=False),
    Column("logger", QT_TRANSLATE_NOOP("LogTableModel", "Area"), lambda e: e.logger),
    Column("message", QT_TRANSLATE_NOOP("LogTableModel", "Message"), message_cell_text),
    Column("correlation", QT_TRANSLATE_NOOP("LogTableModel", "Request ID"), correlation_text),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}


@dataclass(frozen=True)
class LevelColors:
    """Level colours for the current palette: a small table per light/dark theme."""

    foreground: dict[str, QBrush] = field(default_factory=dict)
    error_background: QBrush | None = None
    match: QColor = field(default_factory=lambda: QColor("#ffd54f"))

    @classmethod
    def from_palette(cls, palette: QPalette) -> LevelColors:
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        error = QColor("#ff7b72") if dark else QColor("#c62828")
        warn = QColor("#e3b341") if dark else QColor("#9a6700")
        debug = palette.color(QPalette.ColorRole.PlaceholderText)
        tint = 0.20 if dark else 0.10
        background = QColor(
            round(base.red() + (error.red() - base.red()) * tint),
            round(base.green() + (error.green() - base.green()) * tint),
            round(base.blue() + (error.blue() - base.blue()) * tint),
        )
        match = QColor("#d9a521") if dark else QColor("#ffd54f")  # opaque: the delegate draws dark text on it
        return cls({"ERROR": QBrush(error), "WARN": QBrush(warn), "DEBUG": QBrush(debug)}, QBrush(background), match)


class LogTableModel(QAbstractTableModel):
    """The rows of the log view, oldest first, bounded to `max_rows` (the oldest are trimmed).

    `fetchMore` does no I/O: it emits `olderRequested`; the controller answers with
    `prepend_older()` (or `older_failed()`).
    """

    olderRequested = Signal()

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.max_rows = max_rows
        self._rows: list[LogEntry] = []
        # ERROR rows as absolute positions (row + _first_abs), ascending; trims and prepends only
        # move _first_abs, so the list never needs rewriting.
        self._first_abs = 0
        self._errors: list[int] = []
        self._has_older = True  # unknown until a query says otherwise
        self._loading_older = False
        self._top_edit = False
        self.colors = LevelColors()

    # --- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        entry = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()].text(entry)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colors.foreground.get(entry.level)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.colors.error_background if entry.level == "ERROR" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == ENTRY_ROLE:
            return entry
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == COLUMN_INDEX["correlation"]:
                return QCoreApplication.translate(
                    "LogTableModel", "The request id of an HTTP exchange or the correlation id of a sync run"
                )
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return QCoreApplication.translate("LogTableModel", COLUMNS[section].header)
            return None
        return section + 1

    def canFetchMore(self, parent: Index) -> bool:
        # A full buffer loads nothing more: older history stays in the files (and the CLI).
        return not parent.isValid() and self._has_older and not self._loading_older and len(self._rows) < self.max_rows

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._loading_older = True
            self.olderRequested.emit()

    def _tooltip(self, entry: LogEntry) -> str:
        parts = [f"{timestamp_text(entry.ts)}  {entry.level}  {entry.logger}", entry.message[:2000]]
        if entry.extra:
            parts.append(extras_text(entry))
        if entry.exc:
            parts.append(entry.exc[-2000:])
        return "\n\n".join(parts)

    # --- rows ---------------------------------------------------------------------------------

    @property
    def entries(self) -> Sequence[LogEntry]:
        return self._rows

    def entry(self, row: int) -> LogEntry:
        return self._rows[row]

    def row_of(self, entry: LogEntry) -> int | None:
        """The row holding `entry` (rows are in seq order; a rare swapped pair is looked around)."""
        row = bisect_left(self._rows, entry.seq, key=_seq)
        for candidate in (row, row - 1, row + 1):
            if 0 <= candidate < len(self._rows) and self._rows[candidate] is entry:
                return candidate
        return None

    @property
    def top_edit(self) -> bool:
        """True while rows are inserted or removed at the top (views keep their scroll position)."""
        return self._top_edit

    @property
    def loading_older(self) -> bool:
        return self._loading_older

    @property
    def has_older(self) -> bool:
        return self._has_older

    def older_cursor(self) -> str | None:
        """The query cursor for entries older than the first row (None: from the newest on)."""
        return encode_cursor(self._rows[0].seq) if self._rows else None

    def error_rows(self) -> list[int]:
        first = self._first_abs
        return [a - first for a in self._errors]

    def set_colors(self, colors: LevelColors) -> None:
        self.colors = colors
        if self._rows:
            roles = [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole]
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1), roles)

    def append(self, entries: Sequence[LogEntry]) -> int:
        """Append a batch: one removal of the oldest rows if over the bound, then one insertion.
        Returns the number of rows trimmed."""
        if not entries:
            return 0
        if len(entries) >= self.max_rows:
            self.reset_rows(entries[-self.max_rows :], has_older=True)
            return 0
        overflow = len(self._rows) + len(entries) - self.max_rows
        if overflow > 0:
            self._trim(overflow)
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(entries) - 1)
        abs_start = self._first_abs + start
        self._errors.extend(abs_start + i for i, e in enumerate(entries) if e.level == "ERROR")
        self._rows.extend(entries)
        self.endInsertRows()
        return max(0, overflow)

    def _trim(self, count: int) -> None:
        self._top_edit = True
        try:
            self.beginRemoveRows(QModelIndex(), 0, count - 1)
            del self._rows[:count]
            self._first_abs += count
            del self._errors[: bisect_left(self._errors, self._first_abs)]
            self._has_older = True  # what was trimmed is still in the files
            self.endRemoveRows()
        finally:
            self._top_edit = False

    def prepend_older(self, entries: Sequence[LogEntry], *, has_more: bool, cursor: str | None) -> int:
        """Insert a page of older entries (oldest first) above the first row. `cursor` is the one
        the page was queried with: if the rows moved meanwhile (trim, clear) the page is dropped,
        since it would leave a gap. Returns the number of rows inserted."""
        self._loading_older = False
        if cursor != self.older_cursor():
            return 0
        if self._rows:
            first_seq = self._rows[0].seq
            entries = [e for e in entries if e.seq < first_seq]
        room = self.max_rows - len(self._rows)
        if len(entries) > room:
            entries = entries[len(entries) - room :]
            has_more = True
        self._has_older = has_more
        if not entries:
            return 0
        count = len(entries)
        self._top_edit = True
        try:
            self.beginInsertRows(QModelIndex(), 0, count - 1)
            self._first_abs -= count
            first = self._first_abs
            self._errors[:0] = [first + i for i, e in enumerate(entries) if e.level == "ERROR"]
            self._rows[:0] = entries
            self.endInsertRows()
        finally:
            self._top_edit = False
        return count

    def older_failed(self) -> None:
        self._loading_older = False

    def reset_rows(self, entries: Iterable[LogEntry], *, has_older: bool) -> None:
        self.beginResetModel()
        self._rows = list(entries)[-self.max_rows :]
        self._first_abs = 0
        self._errors = [i for i, e in enumerate(self._rows) if e.level == "ERROR"]
        self._has_older = has_older
        self._loading_older = False
        self.endResetModel()


@dataclass(frozen=True)
class LogFilter:
    """What the view shows: a minimum level and a text (substring or regex, case-insensitive).

    Immutable, so the save-as worker thread can use the very filter the view used. An invalid
    regex leaves `pattern` None and says why in `error` (the field turns red; nothing raises).
    """

    min_level: str = "DEBUG"
    text: str = ""
    regex: bool = False
    hide_non_matching: bool = True
    pattern: re.Pattern[str] | None = field(default=None, init=False, compare=False)
    error: str | None = field(default=None, init=False, compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            return
        try:
            source = self.text if self.regex else re.escape(self.text)
            object.__setattr__(self, "pattern", re.compile(source, re.IGNORECASE))
        except re.error as exc:
            object.__setattr__(self, "error", str(exc))

    def rows_key(self) -> tuple[str, str | None]:
        """What decides which rows pass (the highlight aside)."""
        hides = self.pattern is not None and self.hide_non_matching
        return self.min_level, (self.pattern.pattern if hides and self.pattern else None)

    @property
    def min_rank(self) -> int:
        return _RANK.get(self.min_level, 1)

    def accepts(self, entry: LogEntry) -> bool:
        if _RANK.get(entry.level, 1) < self.min_rank:
            return False
        if self.pattern is None or not self.hide_non_matching:
            return True
        return self.pattern.search(_haystack(entry)) is not None

    def spans(self, text: str, limit: int = 64) -> list[tuple[int, int]]:
        """Where the text matches in a cell (empty matches skipped), for the highlight."""
        if self.pattern is None:
            return []
        found: list[tuple[int, int]] = []
        for m in self.pattern.finditer(text):
            if m.end() > m.start():
                found.append(m.span())
                if len(found) >= limit:
                    break
        return found


def _seq(entry: LogEntry) -> int:
    return entry.seq


def _haystack(entry: LogEntry) -> str:
    # The text filter looks at what the user can see in the row or the details pane.
    parts = [entry.message, entry.logger]
    if entry.extra:
        parts.extend(str(v) for v in entry.extra.values())
    if entry.exc:
        parts.append(entry.exc)
    return "\n".join(parts)


class LogFilterProxyModel(QSortFilterProxyModel):
    """Applies a `LogFilter`; no sorting (the rows are in log order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = LogFilter()
        self._source: LogTableModel | None = None

    def setSourceModel(self, model: Any) -> None:
        self._source = model if isinstance(model, LogTableModel) else None
        super().setSourceModel(model)

    @property
    def log_filter(self) -> LogFilter:
        return self._filter

    def set_filter(self, flt: LogFilter) -> None:
        if flt.rows_key() == self._filter.rows_key():
            self._filter = flt  # same rows: only the highlight changes, no refiltering of 100k rows
            return
        # A reset, not Qt's incremental filter change: that emits one rowsRemoved/rowsInserted
        # per contiguous run of rows, thousands for a selective filter over 100k rows, and each
        # one makes the view re-lay out its header (quadratic; minutes in the benchmark).
        self.beginResetModel()
        self._filter = flt
        self.endResetModel()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._source is None:
            return True
        return self._filter.accepts(self._source.entry(source_row))

    def canFetchMore(self, parent: Index) -> bool:
        # Views ask at the bottom, where the newest rows are; the Logs tab asks the source model
        # for older rows when the user reaches the top.
        return False

    def fetchMore(self, parent: Index) -> None:
        return None
