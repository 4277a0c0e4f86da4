"""The Logs tab over a real integration log on tmp_path, on a qasync loop."""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qms_desktop.integration_log import (
    IntegrationLog,
    read_persisted_level,
    register_secret,
    unregister_secret,
)
from qms_desktop.security import audit
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QApplication, QItemSelectionModel, QPalette, Qt
from qms_desktop.ui.tabs.logs import create_tab
from qms_desktop.ui.tabs.logs.models import ENTRY_ROLE
from qms_desktop.ui.tabs.logs.tab import LogsTab
from tests.ui.helpers import wait_signal, wait_until

pytestmark = pytest.mark.asyncio


async def make_tab(qtbot: QtBot, ctx: UiContext, *, show: bool = False) -> LogsTab:
    """The tab once its live log is open (the use case checks and audits that off the GUI thread)."""
    tab = create_tab(ctx)
    assert isinstance(tab, LogsTab)
    qtbot.addWidget(tab)
    if show:
        tab.resize(900, 500)
        tab.show()
    if tab.controller.log is None:
        await wait_signal(tab.controller.started)
    return tab


async def next_tick(tab: LogsTab) -> None:
    """The batch timer fires once more (its drain slot has run when this returns)."""
    await wait_signal(tab.controller._timer.timeout)


def archives(log_dir: Path) -> list[Path]:
    return sorted(log_dir.glob("integration-*.log"))


def read_text(path: str | Path) -> str:
    return Path(path).read_text(encoding="utf-8")


def shown_seqs(tab: LogsTab) -> list[int]:
    return [tab.proxy.index(r, 0).data(ENTRY_ROLE).seq for r in range(tab.proxy.rowCount())]


async def test_batched_inserts_one_insert_per_tick(qtbot: QtBot, ctx: UiContext, qlog: logging.Logger) -> None:
    tab = await make_tab(qtbot, ctx)
    inserts: list[int] = []
    tab.model.rowsInserted.connect(lambda _p, first, last: inserts.append(last - first + 1))
    timer = tab.controller._timer
    timer.stop()  # hold the tick until every thread has logged
    threads = [threading.Thread(target=lambda n=n: [qlog.info("t%d #%d", n, i) for i in range(40)]) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    timer.start()
    await wait_until(lambda: tab.model.rowCount() == 120)
    await next_tick(tab)  # and the tick after it inserts nothing more
    assert inserts == [120]
    seqs = [e.seq for e in tab.model.entries]
    assert seqs == sorted(seqs)


async def test_level_filter_text_filter_regex_and_invalid_regex(
    qtbot: QtBot, ctx: UiContext, qlog: logging.Logger
) -> None:
    qlog.debug("GET /sessions -> 200")
    qlog.info("signed in", extra={"request_id": "rid-42"})
    qlog.warning("read timeout, retrying")
    qlog.error("connection refused")
    tab = await make_tab(qtbot, ctx)
    assert tab.proxy.rowCount() == 4
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("WARN"))
    assert [e.level for e in map(tab.model.entry, range(4)) if e.level in ("WARN", "ERROR")] == ["WARN", "ERROR"]
    assert tab.proxy.rowCount() == 2
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("DEBUG"))
    tab.search.set_search("TIMEOUT")
    assert tab.proxy.rowCount() == 1
    tab.search.set_search("rid-4[0-9]|refused", regex=True)
    assert tab.proxy.rowCount() == 2
    assert tab.search.error() is None
    tab.search.set_search("(unclosed", regex=True)
    assert tab.search.error() is not None  # shown, not raised
    red = tab.search.edit.palette().color(QPalette.ColorRole.Text)
    assert red.red() > 150 and red.green() < 130
    assert tab.proxy.rowCount() == 4  # an invalid pattern filters nothing
    tab.search.set_search("refused")
    tab.hide_non_matching.setChecked(False)  # highlight only: every row stays
    assert tab.proxy.rowCount() == 4
    assert tab.proxy.log_filter.spans("connection refused") == [(11, 18)]
    assert tab.search.error() is None


async def test_follow_tail_off_when_scrolled_up_and_on_at_the_bottom(
    qtbot: QtBot, ctx: UiContext, qlog: logging.Logger
) -> None:
    for i in range(150):
        qlog.info("entry %d", i)
    tab = await make_tab(qtbot, ctx, show=True)
    bar = tab.view.verticalScrollBar()
    await wait_until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    assert tab.following
    bar.setValue(bar.maximum() - 20)  # the user scrolls up
    assert not tab.following and not tab.follow_button.isChecked()
    kept = bar.value()
    for i in range(30):
        qlog.info("more %d", i)
    await wait_until(lambda: tab.model.rowCount() == 180 and bar.maximum() >= kept + 50)
    assert bar.value() == kept and not tab.following  # stays where the user is
    bar.setValue(bar.maximum())  # back at the bottom
    assert tab.following and tab.follow_button.isChecked()
    for i in range(30):
        qlog.info("again %d", i)
    await wait_until(lambda: tab.model.rowCount() == 210)
    await wait_until(lambda: bar.value() == bar.maximum() and bar.maximum() >= kept + 80)
    last = tab.view.indexAt(tab.view.viewport().rect().bottomLeft() - tab.view.viewport().rect().topLeft())
    assert tab.following and (not last.isValid() or last.row() >= tab.proxy.rowCount() - 2)


async def test_filter_change_keeps_follow_tail_or_the_selected_entry(
    qtbot: QtBot, ctx: UiContext, qlog: logging.Logger
) -> None:
    for i in range(150):  # within the ring buffer (200)
        (qlog.warning if i % 3 == 0 else qlog.info)("entry %d", i)
    tab = await make_tab(qtbot, ctx, show=True)
    bar = tab.view.verticalScrollBar()
    await wait_until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("WARN"))
    await wait_until(lambda: tab.proxy.rowCount() == 50 and bar.value() == bar.maximum())
    assert tab.following and not tab.model.loading_older
    tab.view.selectRow(40)  # an entry in the middle; scrolling to it leaves the tail
    bar.setValue(30)
    picked = tab.selected_entries()[0]
    assert not tab.following
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("DEBUG"))
    # Not a wait: the loop runs the view's deferred layout and scrolling, which must not move the
    # selection or turn follow-tail back on.
    await asyncio.sleep(0.05)
    assert tab.selected_entries() == [picked] and not tab.following
    rect = tab.view.visualRect(tab.view.currentIndex())
    assert tab.view.viewport().rect().intersects(rect)  # still in view


async def test_next_and_previous_error_select_the_right_rows(
    qtbot: QtBot, ctx: UiContext, qlog: logging.Logger
) -> None:
    for i in range(5):
        qlog.info("before %d", i)
    qlog.error("first failure")
    for i in range(5):
        qlog.info("middle %d", i)
    qlog.error("second failure, refused")
    qlog.warning("a warning")
    qlog.error("third failure")
    tab = await make_tab(qtbot, ctx)

    def selected() -> list[str]:
        return [e.message for e in tab.selected_entries()]

    tab.goto_error(forward=True)
    assert selected() == ["first failure"] and tab.error_counter.text() == "1 / 3"
    tab.next_error.click()
    assert selected() == ["second failure, refused"] and tab.error_counter.text() == "2 / 3"
    tab.next_shortcut.activated.emit()  # F8
    assert selected() == ["third failure"]
    tab.goto_error(forward=True)  # wraps around
    assert selected() == ["first failure"]
    tab.prev_error.click()  # wraps backwards
    assert selected() == ["third failure"]
    tab.search.set_search("failure")
    tab.search.set_search("first|third", regex=True)
    tab.goto_error(forward=True)
    assert selected() == ["first failure"] and tab.error_counter.text() == "1 / 2"
    tab.goto_error(forward=True)
    assert selected() == ["third failure"]  # the hidden second one is skipped


async def test_pause_buffers_and_resume_appends(qtbot: QtBot, ctx: UiContext, qlog: logging.Logger) -> None:
    tab = await make_tab(qtbot, ctx)
    tab.pause_button.click()
    assert tab.controller.paused
    for i in range(25):
        qlog.info("while paused %d", i)
    await wait_until(lambda: tab.controller.pending_count == 25)
    await next_tick(tab)  # a later tick holds them back too
    assert tab.model.rowCount() == 0
    assert "25" in tab.pause_button.text() and "25" in tab.status.text()
    tab.pause_button.click()
    assert not tab.controller.paused and tab.model.rowCount() == 25 and tab.controller.pending_count == 0
    assert "25" not in tab.pause_button.text()


async def test_older_entries_are_read_from_rotated_files_at_the_top(
    qtbot: QtBot, ctx: UiContext, integration_log: IntegrationLog, qlog: logging.Logger, log_dir: Path
) -> None:
    for i in range(450):
        qlog.info("entry %03d %s", i, "x" * 80)
    assert (log_dir / "integration.log.1").exists()  # rotated
    assert len(integration_log.entries()) == 200
    tab = await make_tab(qtbot, ctx, show=True)
    assert tab.model.rowCount() == 200 and tab.model.canFetchMore(tab.model.index(-1, -1))
    bar = tab.view.verticalScrollBar()
    await wait_until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    top_entry = tab.model.entry(0)
    bar.setValue(0)  # the user reaches the top: the older page is read off the GUI thread
    await wait_until(lambda: tab.model.rowCount() == 450)
    assert [e.seq for e in tab.model.entries] == list(range(1, 451))
    assert not tab.model.has_older and not tab.older_button.isEnabled()
    await wait_until(lambda: bar.value() > 0)
    first_visible = tab.view.indexAt(tab.view.viewport().rect().topLeft())
    assert tab.proxy.index(first_visible.row(), 0).data(ENTRY_ROLE) == top_entry  # same rows in view


async def test_clear_archives_the_file_after_confirmation(
    qtbot: QtBot, ctx: UiContext, qlog: logging.Logger, log_dir: Path
) -> None:
    for i in range(10):
        qlog.info("before clear %d", i)
    tab = await make_tab(qtbot, ctx)
    asked: list[str] = []
    tab.confirm = lambda title, text: asked.append(title) is not None  # "No"
    tab.clear_button.click()
    assert asked and not tab.controller.tasks.running("logs.clear")  # "No" starts nothing
    assert tab.model.rowCount() == 10 and not archives(log_dir)
    tab.confirm = lambda title, text: True
    tab.clear_button.click()
    (archive,) = await wait_signal(tab.controller.cleared)
    assert archives(log_dir) == [Path(archive)]
    assert "before clear 9" in read_text(archive)
    await next_tick(tab)  # entries queued before the clear are dropped, not shown again
    assert all("before clear" not in e.message for e in tab.model.entries)


async def test_copy_puts_selected_rows_on_the_clipboard(qtbot: QtBot, ctx: UiContext, qlog: logging.Logger) -> None:
    for i in range(5):
        qlog.info("row %d", i, extra={"request_id": f"rq{i}"})
    tab = await make_tab(qtbot, ctx)
    selection = tab.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(tab.proxy.index(1, 0), flags)
    selection.select(tab.proxy.index(3, 0), flags)
    tab.copy_action.trigger()
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and "row 1" in lines[0] and "rq1" in lines[0] and "row 3" in lines[1]
    assert lines[0].split("\t")[1:3] == ["INFO", "qms.test"]


async def test_secrets_never_reach_the_view(qtbot: QtBot, ctx: UiContext, qlog: logging.Logger) -> None:
    secret = "Zq8-not-for-your-eyes"
    register_secret(secret)
    try:
        qlog.info("signing in with %s", secret, extra={"request_id": "r1", "password": secret, "note": secret})
        qlog.warning("retry: password=%s", "hunter2-pattern")
        try:
            raise RuntimeError(f"server said: bad credential {secret}")
        except RuntimeError:
            qlog.error("sign-in failed", exc_info=True)
        tab = await make_tab(qtbot, ctx)
        texts = [tab.details_text(e) for e in tab.model.entries]
        for row in range(tab.model.rowCount()):
            for column in range(tab.model.columnCount()):
                index = tab.model.index(row, column)
                texts += [str(index.data()), str(index.data(Qt.ItemDataRole.ToolTipRole))]
        tab.view.selectAll()
        tab.copy_selection()
        texts.append(QApplication.clipboard().text())
        assert tab.model.rowCount() == 3
        assert not [t for t in texts if secret in t or "hunter2-pattern" in t]
    finally:
        unregister_secret(secret)


async def test_record_level_is_applied_and_persisted(
    qtbot: QtBot, ctx: UiContext, integration_log: IntegrationLog, log_dir: Path
) -> None:
    tab = await make_tab(qtbot, ctx)
    assert tab.record_level.currentData() == "DEBUG"
    changed = asyncio.ensure_future(wait_signal(tab.controller.levelChanged))
    tab.record_level.setCurrentIndex(tab.record_level.findData("WARN"))
    assert await changed == ("WARN",)  # off the GUI thread, through the audited use case
    assert integration_log.level == "WARN"
    assert read_persisted_level(log_dir) == "WARN"  # what the CLI reads
    rows = audit.list_audit(ctx.engine, action=audit.LOGS_LEVEL)
    assert [(r.actor, r.detail["level"]) for r in rows] == [("it-staff", "WARN")]


async def test_save_as_writes_the_visible_rows(
    qtbot: QtBot, ctx: UiContext, qlog: logging.Logger, tmp_path: Path
) -> None:
    qlog.info("an info")
    qlog.warning("a warning")
    try:
        1 / 0  # noqa: B018 - an exception for the file
    except ZeroDivisionError:
        qlog.error("an error", exc_info=True)
    tab = await make_tab(qtbot, ctx)
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("WARN"))
    target = tmp_path / "saved.txt"
    tab.save_visible_to(target)
    path, count = await wait_signal(tab.controller.saved)
    text = read_text(path)
    assert count == 2 and "a warning" in text and "an error" in text and "an info" not in text
    assert "ZeroDivisionError" in text  # the exception follows its row, indented
