"""The Audit tab's data: the filter and the table model.

The model never queries: `fetchMore` only emits `more_wanted`; the controller loads the next page
through the audit use case and hands it back with `append_rows`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from qms_desktop.security import audit
from qms_desktop.security.audit import AuditRow
from qms_desktop.ui.formatting import detail_lines, role_name
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_DETAIL_CHARS = 300
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str = ""
    action: str = ""  # a prefix: "login" matches login.success and login.failure
    outcome: str = ""
    since_ms: int | None = None

    def kwargs(self) -> dict[str, Any]:
        action = self.action.strip()
        if action and not action.endswith(("*", ".")):
            action += "*"
        return {
            "actor": self.actor.strip().lower() or None,
            "action": action or None,
            "outcome": self.outcome or None,
            "since_ms": self.since_ms,
        }


def local_time_text(at_ms: int) -> str:
    return f"{datetime.fromtimestamp(at_ms / 1000).astimezone():%Y-%m-%d %H:%M:%S}"


def readable_detail(detail: Any) -> Any:
    """The detail as people read it: role names in words (the JSON keeps ADMIN, SUPERVISOR…)."""
    if isinstance(detail, dict):
        return {
            k: role_name(v) if k == "role" and isinstance(v, str) else readable_detail(v) for k, v in detail.items()
        }
    return detail


def detail_text(row: AuditRow) -> str:
    """One line of "key: value" pairs (the whole detail, as lines and as JSON, is in the tooltip)."""
    if not row.detail:
        return ""
    text = "; ".join(detail_lines(readable_detail(row.detail)).splitlines())
    return text if len(text) <= MAX_DETAIL_CHARS else text[:MAX_DETAIL_CHARS] + " …"


def detail_tooltip(row: AuditRow) -> str:
    lines = detail_lines(readable_detail(row.detail), limit=30)
    return lines + "\n\n" + json.dumps(row.detail, sort_keys=True, ensure_ascii=False, indent=2)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str  # untranslated; shown through QCoreApplication.translate("AuditTableModel", title)
    text: Callable[[AuditRow], str]


COLUMNS: tuple[Column, ...] = (
    Column("at", QT_TRANSLATE_NOOP("AuditTableModel", "Time"), lambda r: local_time_text(r.at_ms)),
    Column("actor", QT_TRANSLATE_NOOP("AuditTableModel", "User"), lambda r: r.actor or ""),
    Column("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action"), lambda r: r.action),
    Column("target", QT_TRANSLATE_NOOP("AuditTableModel", "Target"), lambda r: r.target or ""),
    Column("outcome", QT_TRANSLATE_NOOP("AuditTableModel", "Outcome"), lambda r: r.outcome),
    Column("from_where", QT_TRANSLATE_NOOP("AuditTableModel", "From"), lambda r: r.from_where or ""),
    Column("detail", QT_TRANSLATE_NOOP("AuditTableModel", "Detail"), detail_text),
)
_PROBLEM = QColor("#b3261e")


class AuditTableModel(QAbstractTableModel):
    more_wanted = Signal()  # fetchMore was called: the controller loads the next page

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._has_more = False
        self._fetching = False

    # ---- filling ---------------------------------------------------------------------------------

    @property
    def rows(self) -> list[AuditRow]:
        return self._rows

    @property
    def has_more(self) -> bool:
        return self._has_more

    def reset_rows(self, rows: Sequence[AuditRow], has_more: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._has_more = has_more
        self._fetching = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[AuditRow], has_more: bool) -> None:
        self._fetching = False
        self._has_more = has_more
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def fetch_failed(self) -> None:
        self._fetching = False

    # ---- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._fetching = True
            self.more_wanted.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "detail" and row.detail:
                return detail_tooltip(row)
            if column.key == "at":
                return datetime.fromtimestamp(row.at_ms / 1000).astimezone().isoformat(timespec="milliseconds")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.outcome != audit.OK and column.key in ("action", "outcome"):
            return QBrush(_PROBLEM)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("AuditTableModel", COLUMNS[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
