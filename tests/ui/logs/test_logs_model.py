"""The Logs tab's table model, filter and proxy, without a running log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.modeltest import ModelTester

from qms_desktop.integration_log import LogEntry
from qms_desktop.ui.qt import QModelIndex, Qt
from qms_desktop.ui.tabs.logs.models import (
    COLUMN_INDEX,
    ENTRY_ROLE,
    MAX_CELL_CHARS,
    LogFilter,
    LogFilterProxyModel,
    LogTableModel,
    message_cell_text,
)

T0 = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def entry(seq: int, level: str = "INFO", message: str | None = None, **extra: object) -> LogEntry:
    return LogEntry(seq, T0 + timedelta(milliseconds=seq), level, "qms.http", message or f"message {seq}", dict(extra))


def entries(first: int, count: int, every_error: int = 7) -> list[LogEntry]:
    return [entry(s, "ERROR" if s % every_error == 0 else "INFO") for s in range(first, first + count)]


def test_model_passes_modeltester_empty_filled_and_after_inserts_and_trims(qtmodeltester: ModelTester) -> None:
    model = LogTableModel(max_rows=50)
    qtmodeltester.check(model)
    model.append(entries(1, 30))
    qtmodeltester.check(model)
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    assert model.append(entries(31, 40)) == 20  # one trim of the 20 oldest, then one insertion
    assert removed == [(0, 19)]
    assert [e.seq for e in model.entries] == list(range(21, 71))
    qtmodeltester.check(model)
    model.prepend_older([], has_more=False, cursor=model.older_cursor())
    qtmodeltester.check(model)
    proxy = LogFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter(LogFilter(min_level="ERROR"))
    qtmodeltester.check(proxy)


def test_display_roles_and_headers() -> None:
    model = LogTableModel()
    model.append([entry(1, "WARN", "slow\nsecond line", request_id="abc123", correlation_id="sync-1")])
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:4] == ["WARN", "qms.http", message_cell_text(model.entry(0))]
    assert row[3].startswith("slow") and "second line" not in row[3]
    assert row[4] == "abc123 · sync-1"
    assert model.index(0, 0).data(ENTRY_ROLE).seq == 1
    assert "second line" in model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(COLUMN_INDEX["message"], Qt.Orientation.Horizontal) == "Message"
    long = message_cell_text(entry(2, message="x" * (MAX_CELL_CHARS + 10) + "\x1b"))
    assert long.startswith("x" * MAX_CELL_CHARS) and "+11" in long


def test_error_rows_follow_trims_and_prepends() -> None:
    model = LogTableModel(max_rows=20)
    model.append(entries(101, 20))  # errors at 105, 112, 119
    assert [model.entry(r).seq for r in model.error_rows()] == [105, 112, 119]
    model.append(entries(121, 6))  # trims 101..106: 105 leaves
    assert [model.entry(r).seq for r in model.error_rows()] == [112, 119, 126]
    model.reset_rows(entries(101, 10), has_older=True)
    assert model.prepend_older(entries(91, 10), has_more=False, cursor=model.older_cursor()) == 10
    assert [model.entry(r).seq for r in model.error_rows()] == [91, 98, 105]
    assert not model.canFetchMore(QModelIndex())


def test_fetch_more_only_requests_and_stale_pages_are_dropped() -> None:
    model = LogTableModel(max_rows=100)
    model.append(entries(50, 10))
    requests: list[bool] = []
    model.olderRequested.connect(lambda: requests.append(True))
    assert model.canFetchMore(QModelIndex())
    cursor = model.older_cursor()
    model.fetchMore(QModelIndex())
    assert requests == [True] and not model.canFetchMore(QModelIndex())  # one request at a time
    model.reset_rows(entries(55, 5), has_older=True)  # the rows moved meanwhile
    assert model.prepend_older(entries(40, 10), has_more=True, cursor=cursor) == 0
    assert [e.seq for e in model.entries] == list(range(55, 60))


def test_filter_levels_text_regex_and_invalid_regex() -> None:
    rows = [
        entry(1, "DEBUG", "GET /sessions 200"),
        entry(2, "INFO", "Sign-in OK", request_id="r-77"),
        entry(3, "WARN", "Read timeout, retrying"),
        entry(4, "ERROR", "Connection refused"),
    ]

    def shown(flt: LogFilter) -> list[int]:
        return [e.seq for e in rows if flt.accepts(e)]

    assert shown(LogFilter()) == [1, 2, 3, 4]
    assert shown(LogFilter(min_level="WARN")) == [3, 4]
    assert shown(LogFilter(text="TIMEOUT")) == [3]  # case-insensitive substring
    assert shown(LogFilter(text="r-77")) == [2]  # extras are searched too
    assert shown(LogFilter(text=".*")) == []  # plain text: the dot is literal
    assert shown(LogFilter(text="time(out)?|refused", regex=True)) == [3, 4]
    assert shown(LogFilter(text="refused", hide_non_matching=False)) == [1, 2, 3, 4]
    bad = LogFilter(text="(unclosed", regex=True)
    assert bad.error and bad.pattern is None and shown(bad) == [1, 2, 3, 4]
    assert LogFilter(text="o", regex=True).spans("foo boo") == [(1, 2), (2, 3), (5, 6), (6, 7)]
    assert LogFilter(text="x*", regex=True).spans("abc") == []  # empty matches are not boxes


def test_proxy_filters_rows() -> None:
    model = LogTableModel()
    model.append(entries(1, 21))
    proxy = LogFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter(LogFilter(min_level="ERROR"))
    assert [proxy.index(r, 0).data(ENTRY_ROLE).seq for r in range(proxy.rowCount())] == [7, 14, 21]
    proxy.set_filter(LogFilter(text="message 1", min_level="DEBUG"))
    assert proxy.rowCount() == 11  # "message 1" and "message 10" .. "message 19"
    assert not proxy.canFetchMore(QModelIndex())  # the view never asks at the bottom
