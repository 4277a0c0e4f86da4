"""The results table of the Recordings tab: frozen `RecordingRow`s, declarative columns, keyset paging.

Nothing here touches the database. `fetchMore` only asks for the next page (`moreRequested`); the
controller reads it off the GUI thread and hands it back with `append_page`. Sorting is the server's:
`sort()` asks for a new search in RecordingQuery order instead of reordering rows here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from qms_desktop.domain.heard import heard_percent
from qms_desktop.search.query import RecordingDetail, RecordingRow
from qms_desktop.ui.formatting import LEFT, RIGHT, local_time
from qms_desktop.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPalette,
    QPersistentModelIndex,
    Qt,
    Signal,
)

CONTEXT = "RecordingsTab"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# ---- formatting ------------------------------------------------------------------------------------


def clock_text(ms: int | None) -> str:
    """A duration or a position as m:ss or h:mm:ss (what players show)."""
    if ms is None or ms < 0:
        return "—"
    seconds = int(ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


_DIRECTIONS = {
    "inbound": QT_TRANSLATE_NOOP("RecordingsTab", "Inbound"),
    "outbound": QT_TRANSLATE_NOOP("RecordingsTab", "Outbound"),
    "internal": QT_TRANSLATE_NOOP("RecordingsTab", "Internal"),
}
_STATES = {
    "ACTIVE": QT_TRANSLATE_NOOP("RecordingsTab", "Active"),
    "CLOSED_NORMAL": QT_TRANSLATE_NOOP("RecordingsTab", "Closed"),
    "CLOSED_ERROR": QT_TRANSLATE_NOOP("RecordingsTab", "Closed with error"),
    "DELETED": QT_TRANSLATE_NOOP("RecordingsTab", "Deleted"),
    "UNKNOWN": QT_TRANSLATE_NOOP("RecordingsTab", "Unknown"),
}
DIRECTIONS = tuple(_DIRECTIONS)
STATES = tuple(_STATES)


def direction_text(value: str | None) -> str:
    return tr(_DIRECTIONS[value]) if value in _DIRECTIONS else (value or "—")


def state_text(value: str | None) -> str:
    return tr(_STATES[value]) if value in _STATES else (value or "—")


# ---- media availability (the specification's audioStatus) -------------------------------------------

AVAILABLE, PRUNED, ACTIVE, NO_MEDIA = "available", "pruned", "active", "none"


@dataclass(frozen=True, slots=True)
class AudioStatus:
    code: str  # available | pruned | active | none

    @property
    def playable(self) -> bool:
        return self.code == AVAILABLE

    def label(self) -> str:
        return {
            AVAILABLE: QCoreApplication.translate("RecordingsTab", "Available"),
            PRUNED: QCoreApplication.translate("RecordingsTab", "Pruned"),
            ACTIVE: QCoreApplication.translate("RecordingsTab", "Still active"),
            NO_MEDIA: QCoreApplication.translate("RecordingsTab", "No media"),
        }[self.code]

    def reason(self) -> str:
        return {
            AVAILABLE: QCoreApplication.translate("RecordingsTab", "The audio is on MediaSense and can be played."),
            PRUNED: QCoreApplication.translate(
                "RecordingsTab",
                "MediaSense removed the audio under its retention policy. The call's details are kept here, "
                "but it can no longer be played.",
            ),
            ACTIVE: QCoreApplication.translate(
                "RecordingsTab", "The call is still in progress. Its audio can be played once the call has ended."
            ),
            NO_MEDIA: QCoreApplication.translate(
                "RecordingsTab", "MediaSense recorded no audio for this session (no media address was reported)."
            ),
        }[self.code]


def row_audio_status(row: RecordingRow) -> AudioStatus:
    """What the list alone can tell (the details pane refines "none" with the media addresses)."""
    if row.pruned:
        return AudioStatus(PRUNED)
    if row.state == "ACTIVE":
        return AudioStatus(ACTIVE)
    return AudioStatus(AVAILABLE)


def audio_status(detail: RecordingDetail) -> AudioStatus:
    status = row_audio_status(detail.row)
    if status.code != AVAILABLE:
        return status
    has_url = any(detail.urls.values()) or any(t.download_url for t in detail.tracks)
    # The specification dialect serves media from the API node even without a URL in the session.
    if not has_url and (detail.row.dialect or "cisco") == "cisco":
        return AudioStatus(NO_MEDIA)
    return status


def heard_text(row: RecordingRow) -> str:
    """The reader's heard share of a row, with a check mark when it is marked reviewed."""
    percent = heard_percent(row.heard_ms, row.duration_ms) if row.heard_ms else None
    text = f"{percent} %" if percent is not None else ""
    return f"✓ {text}".strip() if row.reviewed else text


# ---- the columns -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str  # translation source, context RecordingsTab
    text: Callable[[RecordingRow], str]
    align: Qt.AlignmentFlag = LEFT
    sort: str | None = None  # the RecordingQuery.sort key; None = not sortable
    width: int = 110  # initial width in pixels (never resized to contents over all rows)


COLUMNS: tuple[Column, ...] = (
    Column(
        "start",
        QT_TRANSLATE_NOOP("RecordingsTab", "Start"),
        lambda r: local_time(r.call_start_ms),  # a call split on hold: when its first segment started
        sort="start",
        width=140,
    ),
    Column(
        "duration",
        QT_TRANSLATE_NOOP("RecordingsTab", "Duration"),
        lambda r: clock_text(r.talk_ms),  # a call's segments added: the recorded time
        RIGHT,
        sort="duration",
        width=75,
    ),
    Column(
        "segments",
        QT_TRANSLATE_NOOP("RecordingsTab", "Segments"),
        lambda r: str(len(r.segments)) if r.is_call else "",
        RIGHT,
        width=70,
    ),
    Column(
        "agent",
        QT_TRANSLATE_NOOP("RecordingsTab", "Agent"),
        lambda r: r.agent_name or r.agent_id or "—",
        sort="agent",
        width=125,
    ),
    Column("team", QT_TRANSLATE_NOOP("RecordingsTab", "Team"), lambda r: r.team_code or "—", width=55),
    Column(
        "direction", QT_TRANSLATE_NOOP("RecordingsTab", "Direction"), lambda r: direction_text(r.direction), width=80
    ),
    Column("ani", QT_TRANSLATE_NOOP("RecordingsTab", "ANI"), lambda r: r.ani or "—", sort="ani", width=110),
    Column("dnis", QT_TRANSLATE_NOOP("RecordingsTab", "DNIS"), lambda r: r.dnis or "—", sort="dnis", width=80),
    Column("csq", QT_TRANSLATE_NOOP("RecordingsTab", "CSQ"), lambda r: r.csq or "—", width=70),
    Column("state", QT_TRANSLATE_NOOP("RecordingsTab", "State"), lambda r: state_text(r.state), width=85),
    Column("audio", QT_TRANSLATE_NOOP("RecordingsTab", "Audio"), lambda r: row_audio_status(r).label(), width=95),
    Column("heard", QT_TRANSLATE_NOOP("RecordingsTab", "Heard"), lambda r: heard_text(r), RIGHT, width=70),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
SORT_COLUMN = {c.sort: i for i, c in enumerate(COLUMNS) if c.sort}


class RecordingsModel(QAbstractTableModel):
    """Rows of the current search; grows a page at a time through fetchMore."""

    moreRequested = Signal(str)  # the keyset cursor of the next page
    sortRequested = Signal(str, bool)  # RecordingQuery.sort, descending

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecordingRow] = []
        self._cells: list[tuple[str, ...]] = []
        self._dimmed: list[bool] = []
        self._next: str | None = None
        self._fetching = False
        self.generation = 0  # which search the rows belong to; stale pages are dropped
        self.dim_color: Any = None  # QColor for rows without playable audio (from the palette)

    # -- filling (controller) --

    def reset(self, rows: Sequence[RecordingRow], next_cursor: str | None) -> int:
        """New search results; returns the new generation."""
        self.beginResetModel()
        self.generation += 1
        self._rows, self._cells, self._dimmed = [], [], []
        self._add(rows)
        self._next = next_cursor
        self._fetching = False
        self.endResetModel()
        return self.generation

    def clear(self) -> int:
        return self.reset((), None)

    def append_page(self, generation: int, rows: Sequence[RecordingRow], next_cursor: str | None) -> bool:
        """Rows of the page asked for by `moreRequested`; False when it belongs to an older search."""
        if generation != self.generation:
            return False
        self._fetching = False
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._add(rows)
            self._next = next_cursor
            self.endInsertRows()
        else:
            self._next = next_cursor
        return True

    def page_failed(self, generation: int) -> None:
        """Allow another try (the view calls fetchMore again when scrolled)."""
        if generation == self.generation:
            self._fetching = False

    def _add(self, rows: Sequence[RecordingRow]) -> None:
        # Cells are formatted once here so data() is a list lookup while scrolling.
        for row in rows:
            self._rows.append(row)
            self._cells.append(tuple(column.text(row) for column in COLUMNS))
            self._dimmed.append(not row_audio_status(row).playable)

    def retranslate(self) -> None:
        if self._rows:
            self._cells = [tuple(column.text(row) for column in COLUMNS) for row in self._rows]
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def update_review(self, session_id: str, *, heard_ms: int | None = None, reviewed: bool | None = None) -> None:
        """The Heard cell of a shown row, after the user heard more of it or (un)marked it."""
        column = COLUMN_INDEX["heard"]
        for i, row in enumerate(self._rows):
            if row.session_id != session_id or row.heard_ms is None:
                continue
            row = dataclasses.replace(
                row,
                heard_ms=row.heard_ms if heard_ms is None else heard_ms,
                reviewed=row.reviewed if reviewed is None else reviewed,
            )
            self._rows[i] = row
            self._cells[i] = tuple(c.text(row) for c in COLUMNS)
            self.dataChanged.emit(self.index(i, column), self.index(i, column))

    # -- reading --

    @property
    def rows(self) -> list[RecordingRow]:
        return self._rows

    @property
    def next_cursor(self) -> str | None:
        return self._next

    @property
    def fetching(self) -> bool:
        return self._fetching

    def row_at(self, row: int) -> RecordingRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.session_id == session_id:
                return i
        return -1

    # -- QAbstractTableModel --

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[column].align.value)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[column].key == "audio":
            return row_audio_status(self._rows[row]).reason()
        if role == Qt.ItemDataRole.ForegroundRole and self._dimmed[row] and self.dim_color is not None:
            return self.dim_color
        if role == ROW_ROLE:
            return self._rows[row]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is None:
            return QCoreApplication.translate("RecordingsTab", "This column cannot be sorted")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(COLUMNS[section].align.value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True  # one page in flight at a time; the view asks again after it lands
        assert self._next is not None
        self.moreRequested.emit(self._next)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column].sort is not None:
            self.sortRequested.emit(COLUMNS[column].sort, order == Qt.SortOrder.DescendingOrder)


def dim_color(palette: QPalette) -> Any:
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
