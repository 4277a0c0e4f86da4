"""Table models of the Sync tab: frozen rows, a declarative column list, no database access.

Cells are formatted once in `set_rows` so `data()` is a list lookup (DESIGN.md convention 5/6).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from qms_desktop.store.quarantine import QuarantineEntry
from qms_desktop.store.sync_state import RunRecord
from qms_desktop.ui.formatting import LEFT, RIGHT, local_time
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")
CONTEXT = "SyncTab"
Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# ---- formatting -----------------------------------------------------------------------------------


def duration_text(ms: int | None) -> str:
    if ms is None:
        return "—"
    seconds = ms / 1000
    if seconds < 60:
        return QCoreApplication.translate("SyncTab", "%1 s").replace("%1", QLocale().toString(seconds, "f", 1))
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return QCoreApplication.translate("SyncTab", "%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("SyncTab", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))


# What a run did, as the database keeps it ("incremental+backfill"); its trigger: `trigger_text`.
_MODES = {
    "incremental": QT_TRANSLATE_NOOP("SyncTab", "incremental"),
    "backfill": QT_TRANSLATE_NOOP("SyncTab", "backfill"),
    "reconcile": QT_TRANSLATE_NOOP("SyncTab", "reconcile"),
    "sessions": QT_TRANSLATE_NOOP("SyncTab", "sessions by id"),
}


def mode_text(mode: str | None) -> str:
    """ "incremental+backfill" in words of the language, the parts joined as they were."""
    return " + ".join(tr(_MODES[part]) if part in _MODES else part for part in (mode or "").split("+") if part)


def number(value: int) -> str:
    return QLocale().toString(int(value))


# Status hues, light and dark variants: saturated on light backgrounds, lighter on dark ones.
_STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "SUCCESS": ("#2e7d32", "#66bb6a"),
    "PARTIAL": ("#e08a00", "#ffb74d"),
    "FAILED": ("#c62828", "#ef5350"),
    "INTERRUPTED": ("#6d4c41", "#bcaaa4"),
    "RUNNING": ("#1565c0", "#64b5f6"),
    "IN_PROGRESS": ("#1565c0", "#64b5f6"),
    "IDLE": ("#757575", "#9e9e9e"),
}


def status_colour(status: str, dark: bool = False) -> QColor:
    light_hex, dark_hex = _STATUS_COLOURS.get(status, _STATUS_COLOURS["IDLE"])
    return QColor(dark_hex if dark else light_hex)


def trigger_text(trigger: str | None) -> str:
    """What started a run, as stored with it ("manual", "schedule", "startup", "event")."""
    names = {
        "manual": QT_TRANSLATE_NOOP("SyncTab", "Manual"),
        "schedule": QT_TRANSLATE_NOOP("SyncTab", "Scheduled"),
        "startup": QT_TRANSLATE_NOOP("SyncTab", "Start-up"),
        "event": QT_TRANSLATE_NOOP("SyncTab", "Event"),
    }
    return tr(names[trigger]) if trigger in names else trigger or ""


def status_text(status: str) -> str:
    names = {
        "IDLE": QT_TRANSLATE_NOOP("SyncTab", "Idle"),
        "IN_PROGRESS": QT_TRANSLATE_NOOP("SyncTab", "In progress"),
        "RUNNING": QT_TRANSLATE_NOOP("SyncTab", "Running"),
        "SUCCESS": QT_TRANSLATE_NOOP("SyncTab", "Success"),
        "PARTIAL": QT_TRANSLATE_NOOP("SyncTab", "Partial"),
        "FAILED": QT_TRANSLATE_NOOP("SyncTab", "Failed"),
        "INTERRUPTED": QT_TRANSLATE_NOOP("SyncTab", "Interrupted"),
    }
    return tr(names[status]) if status in names else status


# ---- the generic model ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its title (a translation source string) and how to show a row in it."""

    key: str
    title: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[R], str | None] | None = None


class FrozenRowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a list of frozen dataclasses."""

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self._rows: list[R] = []
        self._cells: list[list[str]] = []

    # -- what the view asks -- (cheap lookups only)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or index.column() >= len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.columns[index.column()].align.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            column = self.columns[index.column()]
            if column.tooltip is not None:
                return column.tooltip(self._rows[index.row()])
            return None
        return self.extra_data(self._rows[index.row()], self.columns[index.column()], role)

    def extra_data(self, row: R, column: Column[R], role: int) -> Any:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align.value)
            return None
        return super().headerData(section, orientation, role)

    # -- what the controller gives --

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [self._format(r) for r in self._rows]
        self.endResetModel()

    def append_rows(self, rows: Sequence[R]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._cells.extend(self._format(r) for r in rows)
        self.endInsertRows()

    def row(self, index: int) -> R:
        return self._rows[index]

    @property
    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def _format(self, row: R) -> list[str]:
        return [c.text(row) for c in self.columns]


# ---- run history ------------------------------------------------------------------------------------


def _error_summary(run: RunRecord) -> str:
    return (run.error_summary or "").splitlines()[0][:200] if run.error_summary else ""


HISTORY_COLUMNS: tuple[Column[RunRecord], ...] = (
    Column("id", QT_TRANSLATE_NOOP("SyncTab", "Run"), lambda r: str(r.id), RIGHT),
    Column("started", QT_TRANSLATE_NOOP("SyncTab", "Started"), lambda r: local_time(r.started_at_ms)),
    Column("duration", QT_TRANSLATE_NOOP("SyncTab", "Duration"), lambda r: duration_text(r.duration_ms), RIGHT),
    Column("trigger", QT_TRANSLATE_NOOP("SyncTab", "Trigger"), lambda r: trigger_text(r.trigger)),
    Column("mode", QT_TRANSLATE_NOOP("SyncTab", "Mode"), lambda r: mode_text(r.mode), tooltip=lambda r: r.mode or ""),
    Column("status", QT_TRANSLATE_NOOP("SyncTab", "Status"), lambda r: status_text(r.status)),
    Column("fetched", QT_TRANSLATE_NOOP("SyncTab", "Fetched"), lambda r: number(r.counts.fetched), RIGHT),
    Column("created", QT_TRANSLATE_NOOP("SyncTab", "Created"), lambda r: number(r.counts.created), RIGHT),
    Column("updated", QT_TRANSLATE_NOOP("SyncTab", "Updated"), lambda r: number(r.counts.updated), RIGHT),
    Column("skipped", QT_TRANSLATE_NOOP("SyncTab", "Skipped"), lambda r: number(r.counts.skipped), RIGHT),
    Column(
        "late",
        QT_TRANSLATE_NOOP("SyncTab", "Late"),
        lambda r: number(r.counts.late_found),
        RIGHT,
        tooltip=lambda r: QCoreApplication.translate(
            "SyncTab", "Calls that appeared in MediaSense after the regular sync had passed their time"
        ),
    ),
    Column("errors", QT_TRANSLATE_NOOP("SyncTab", "Errors"), lambda r: number(r.counts.errors), RIGHT),
    Column(
        "error",
        QT_TRANSLATE_NOOP("SyncTab", "Error summary"),
        _error_summary,
        LEFT,
        tooltip=lambda r: r.error_summary,
    ),
)


class HistoryModel(FrozenRowsModel[RunRecord]):
    """Recent sync runs, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(HISTORY_COLUMNS, parent)
        self.dark = False

    def extra_data(self, row: RunRecord, column: Column[RunRecord], role: int) -> Any:
        if column.key == "status" and role == Qt.ItemDataRole.DecorationRole:
            return status_colour(row.status, self.dark)  # a colour swatch before the status
        if column.key == "errors" and role == Qt.ItemDataRole.ForegroundRole and row.counts.errors:
            return status_colour("FAILED", self.dark)
        return None


# ---- quarantine ---------------------------------------------------------------------------------------


QUARANTINE_COLUMNS: tuple[Column[QuarantineEntry], ...] = (
    Column("session", QT_TRANSLATE_NOOP("SyncTab", "Session id"), lambda q: q.session_id or "—"),
    Column("reason", QT_TRANSLATE_NOOP("SyncTab", "Reason"), lambda q: q.reason, LEFT, tooltip=lambda q: q.reason),
    Column("first_seen", QT_TRANSLATE_NOOP("SyncTab", "First seen"), lambda q: local_time(q.first_seen_ms)),
    Column("last_seen", QT_TRANSLATE_NOOP("SyncTab", "Last seen"), lambda q: local_time(q.last_seen_ms)),
    Column("count", QT_TRANSLATE_NOOP("SyncTab", "Seen"), lambda q: number(q.seen_count), RIGHT),
    Column("run", QT_TRANSLATE_NOOP("SyncTab", "Last run"), lambda q: str(q.run_id) if q.run_id else "—", RIGHT),
)


class QuarantineModel(FrozenRowsModel[QuarantineEntry]):
    """Quarantined records, newest first, paged: `fetchMore` asks the owner for the next page."""

    def __init__(self, fetch_more: Callable[[int], None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(QUARANTINE_COLUMNS, parent)
        self.total = 0
        self._fetch_more = fetch_more
        self._loading = False

    def set_page(self, rows: Sequence[QuarantineEntry], total: int) -> None:
        self.total = max(total, len(rows))
        self._loading = False
        self.set_rows(rows)

    def add_page(self, rows: Sequence[QuarantineEntry]) -> None:
        self._loading = False
        known = {r.id for r in self.rows}
        self.append_rows([r for r in rows if r.id not in known])
        if not rows:
            self.total = self.rowCount()  # the table shrank meanwhile: stop asking

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self._fetch_more is None or self._loading:
            return False
        return self.rowCount() < self.total

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent) and self._rows:
            self._loading = True
            assert self._fetch_more is not None
            self._fetch_more(self._rows[-1].id)  # the owner loads off the GUI thread, then add_page()
