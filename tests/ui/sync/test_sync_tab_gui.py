"""The Sync tab end to end: widgets → controller → BackgroundSync → simulator → SQLite → widgets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from qms_desktop.store import sync_state as state
from qms_desktop.store.quarantine import QuarantineEntry
from qms_desktop.store.sync_state import RunCounts, RunRecord
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.services.background_sync import BackgroundSync
from qms_desktop.ui.tabs.sync import controller as controller_module
from qms_desktop.ui.tabs.sync import create_tab
from qms_desktop.ui.tabs.sync.models import HistoryModel, QuarantineModel, number
from qms_desktop.ui.tabs.sync.tab import SyncTab


def _open_tab(ctx: UiContext, qtbot: Any) -> SyncTab:
    if ctx.sync is None:
        ctx.sync = BackgroundSync(ctx)
    tab = create_tab(ctx)
    assert isinstance(tab, SyncTab)
    tab.resize(1100, 720)
    qtbot.addWidget(tab)
    tab.show()
    return tab


async def _sync_via_button(tab: SyncTab, ctx: UiContext, qtbot: Any, wait_signal: Any, wait_until: Any) -> Any:
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    (result,) = await wait_signal(ctx.signals.sync_finished, 30)
    await wait_until(lambda: tab.history_model.rowCount() >= 1 and tab.controller.last_snapshot is not None
                     and tab.controller.last_snapshot.runs and tab.controller.last_snapshot.runs[0].id == result.run_id
                     and tab.controller.last_snapshot.runs[0].status != "RUNNING")  # fmt: skip
    return result


async def _close(tab: SyncTab, ctx: UiContext) -> None:
    await ctx.sync.shutdown()
    tab.hide()
    await ctx.tasks.cancel_all()


def _grab_pages(tab: SyncTab, shots: Path, prefix: str) -> list[Path]:
    paths = []
    for index, name in enumerate(("history", "charts", "quarantine")):
        tab.pages.setCurrentIndex(index)
        path = shots / f"{prefix}-{name}.png"
        assert tab.grab().save(str(path))
        paths.append(path)
    tab.pages.setCurrentIndex(0)
    return paths


@pytest.mark.asyncio
async def test_sync_now_updates_status_history_and_charts(
    ctx: UiContext, sim: Any, qtbot: Any, qtmodeltester: Any, wait_signal: Any, wait_until: Any, shots_dir: Path
) -> None:
    tab = _open_tab(ctx, qtbot)
    try:
        assert tab.status == "IDLE"
        first = await _sync_via_button(tab, ctx, qtbot, wait_signal, wait_until)
        assert first.status == "SUCCESS", first.error
        assert tab.status == "SUCCESS" and tab.status_chip.text() == "SUCCESS"
        assert tab.count_labels["created"].text() == str(first.counts.created)
        assert tab.last_sync_label.text() not in ("—", "never")
        assert "complete" in tab.backfill_label.text()
        # A second run: created nothing new, but the charts now show two bars per series.
        second = await _sync_via_button(tab, ctx, qtbot, wait_signal, wait_until)
        await wait_until(lambda: tab.history_model.rowCount() == 2)
        model = tab.history_model
        assert model.index(0, model.column_index("id")).data() == str(second.run_id)
        assert model.index(1, model.column_index("status")).data() == "Success"
        assert model.index(1, model.column_index("fetched")).data() == number(first.counts.fetched)
        series = tab.charts.series
        np.testing.assert_array_equal(series["run_id"], [first.run_id, second.run_id])
        np.testing.assert_array_equal(series["created"], [first.counts.created, second.counts.created])
        np.testing.assert_array_equal(series["updated"], [first.counts.updated, second.counts.updated])
        np.testing.assert_array_equal(series["errors"], [0, 0])
        assert (series["duration_s"] > 0).all()
        np.testing.assert_array_equal(series["backfill_days"], [1, 2, 3])
        bars = tab.charts._bars
        np.testing.assert_array_equal(bars["updated"].opts["y0"], series["created"])  # stacked
        np.testing.assert_array_equal(series["skipped"], [first.counts.skipped, second.counts.skipped])
        assert series["skipped"][1] > 0  # the second run saw the first one's calls again
        np.testing.assert_array_equal(bars["skipped"].opts["y0"], series["created"] + series["updated"])
        assert model.index(0, model.column_index("trigger")).data() == "Manual"
        qtmodeltester.check(tab.history_model)
        qtmodeltester.check(tab.quarantine_model)
        shots = _grab_pages(tab, shots_dir, "sync-tab")
        assert all(p.stat().st_size > 5000 for p in shots)
        # Nothing quarantined: the page says so instead of showing an empty table.
        tab.pages.setCurrentIndex(2)
        assert tab.quarantine_empty.isVisible() and not tab.quarantine_view.isVisible()
        assert not tab.raw_view.isVisible()
        assert "every record MediaSense sent could be read" in tab.quarantine_empty.text()
        # The legend names each series with what it counts, and sits under the plot, not over its bars.
        tab.pages.setCurrentIndex(1)
        charts = tab.charts
        tips = {name: label.toolTip() for name, label in charts.legend_labels.items()}
        assert tips == {
            "created": "Created: new recordings",
            "updated": "Updated: changed since last seen",
            "errors": "Errors: quarantined or failed",
            "skipped": "Skipped: seen before and unchanged",
        }
        plot_bottom = charts.records_plot.mapTo(charts, charts.records_plot.rect().bottomLeft()).y()
        for label in charts.legend_labels.values():
            assert label.isVisible() and label.mapTo(charts, label.rect().topLeft()).y() > plot_bottom
        assert "Skipped: seen before and unchanged" in charts.caption.text()
    finally:
        await _close(tab, ctx)


@pytest.mark.asyncio
async def test_live_progress_shows_backfill_day(
    ctx_factory: Any, sim: Any, qtbot: Any, wait_signal: Any, wait_until: Any
) -> None:
    ctx = ctx_factory(sim, page_size=3)
    sim.faults.update(latency_ms=15)
    tab = _open_tab(ctx, qtbot)
    seen: list[tuple[str, int, int, str]] = []

    def record(_progress: Any) -> None:
        bar = tab.progress_bar
        seen.append((tab.status, bar.value(), bar.maximum(), tab.status_detail.text()))

    ctx.signals.sync_progress.connect(record)
    try:
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
        assert not tab.sync_button.isEnabled()
        await wait_signal(ctx.signals.sync_finished, 30)
    finally:
        await _close(tab, ctx)
    assert all(status == "IN_PROGRESS" for status, *_ in seen)
    backfill = [s for s in seen if "backfill day" in s[3]]
    assert backfill and backfill[-1][2] == 3 and 1 <= backfill[-1][1] <= 3
    assert tab.sync_button.isEnabled()


@pytest.mark.asyncio
async def test_reset_asks_first(
    ctx: UiContext, sim: Any, qtbot: Any, wait_signal: Any, wait_until: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _open_tab(ctx, qtbot)
    asked: list[bool] = []
    answer = {"value": False}

    async def fake_confirm(parent: Any) -> bool:
        asked.append(True)
        return answer["value"]

    monkeypatch.setattr(controller_module, "confirm_reset", fake_confirm)

    def checkpoint() -> state.Checkpoint:
        with ctx.engine.connect() as conn:
            return state.load_checkpoint(conn)

    try:
        await _sync_via_button(tab, ctx, qtbot, wait_signal, wait_until)
        before = checkpoint()
        assert before.initialized

        qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
        (done,) = await wait_signal(tab.controller.reset_done, 10)
        assert asked == [True] and done is False
        assert checkpoint() == before  # declining changes nothing

        answer["value"] = True
        qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
        (done,) = await wait_signal(tab.controller.reset_done, 10)
        assert done is True and not checkpoint().initialized
        await wait_until(lambda: tab.last_sync_label.text() == "never")
        assert tab.backfill_label.text() == "not started"
    finally:
        await _close(tab, ctx)


@pytest.mark.asyncio
async def test_reset_dialog_explains_and_cancel_declines(ctx: UiContext, qtbot: Any, wait_until: Any) -> None:
    tab = _open_tab(ctx, qtbot)
    try:
        ctx.tasks.start("ask", controller_module.confirm_reset(tab))
        await wait_until(lambda: tab.findChild(QMessageBox) is not None and tab.findChild(QMessageBox).isVisible())
        box = tab.findChild(QMessageBox)
        assert "checkpoint" in box.informativeText() and "kept" in box.informativeText()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        task = ctx.tasks._tasks["ask"]
        box.button(QMessageBox.StandardButton.Cancel).click()
        assert await task is False
    finally:
        await _close(tab, ctx)


@pytest.mark.asyncio
async def test_scheduler_checkbox_and_interval(ctx: UiContext, sim: Any, qtbot: Any, wait_until: Any) -> None:
    tab = _open_tab(ctx, qtbot)
    service = ctx.sync
    finished: list[Any] = []
    ctx.signals.sync_finished.connect(finished.append)
    try:
        tab.interval_spin.setValue(2)
        await wait_until(lambda: service.interval_s == 120.0, 5)
        tab.scheduler_check.setChecked(True)
        assert service.scheduler_enabled
        await wait_until(lambda: len(finished) == 1, 30)  # switching on runs at once
        tab.scheduler_check.setChecked(False)
        assert not service.scheduler_enabled
        service.set_scheduler(True)  # from elsewhere (a menu): the checkbox follows
        assert tab.scheduler_check.isChecked()
        service.set_scheduler(False)
        assert not tab.scheduler_check.isChecked()
    finally:
        await _close(tab, ctx)


@pytest.mark.asyncio
async def test_failed_run_shows_failed_with_the_error(
    ctx: UiContext, sim: Any, qtbot: Any, wait_signal: Any, wait_until: Any, shots_dir: Path
) -> None:
    sim.stop()
    tab = _open_tab(ctx, qtbot)
    try:
        result = await _sync_via_button(tab, ctx, qtbot, wait_signal, wait_until)
        assert result.status == "FAILED"
        assert tab.status == "FAILED" and tab.status_chip.text() == "FAILED"
        assert tab.error_label.isVisible() and tab.error_label.text()
        assert result.error and result.error[:40] in tab.error_label.text()
        model = tab.history_model
        assert model.index(0, model.column_index("status")).data() == "Failed"
        assert model.index(0, model.column_index("error")).data()
        tab.grab().save(str(shots_dir / "sync-tab-failed.png"))
    finally:
        await _close(tab, ctx)


@pytest.mark.asyncio
async def test_not_configured_shows_the_reason(ctx_factory: Any, qtbot: Any, wait_signal: Any) -> None:
    ctx = ctx_factory(None)
    tab = _open_tab(ctx, qtbot)
    try:
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
        await wait_signal(ctx.signals.sync_finished, 10)
        await wait_signal(tab.controller.refreshed, 10)  # a refresh afterwards must not hide the reason
        assert tab.status == "FAILED" and "not configured" in tab.error_label.text()
    finally:
        await _close(tab, ctx)


@pytest.mark.asyncio
async def test_quarantine_viewer_lists_a_malformed_record(
    ctx: UiContext, sim: Any, qtbot: Any, qtmodeltester: Any, wait_signal: Any, wait_until: Any, shots_dir: Path
) -> None:
    truth = sim.ground_truth(sim.anchor_ms - 3 * 3_600_000, sim.anchor_ms)
    broken = truth[0]["sessionId"]
    sim.faults.update(malformed_records={broken})
    tab = _open_tab(ctx, qtbot)
    try:
        result = await _sync_via_button(tab, ctx, qtbot, wait_signal, wait_until)
        # Seen once per window that covers it (a window edge, the reconciliation): one quarantine row,
        # one error, and a count of how often it was seen.
        assert result.status == "PARTIAL" and result.counts.errors == 1
        await wait_until(lambda: tab.quarantine_model.rowCount() == 1)
        model = tab.quarantine_model
        assert model.index(0, model.column_index("session")).data() == broken
        assert model.index(0, model.column_index("reason")).data()
        assert int(model.index(0, model.column_index("count")).data()) >= 1
        assert tab.quarantine_count_label.text() == "1"
        assert tab.pages.tabText(2) == "Quarantine (1)"
        tab.pages.setCurrentIndex(2)
        tab.quarantine_view.selectRow(0)
        raw = tab.raw_view.toPlainText()
        assert broken in raw and "Reason:" in raw
        json.loads(raw.split("\n\n", 1)[1])  # pretty JSON below the reason
        assert tab.status == "PARTIAL"
        qtmodeltester.check(model)
        tab.grab().save(str(shots_dir / "sync-tab-quarantine-selected.png"))
    finally:
        await _close(tab, ctx)


def _run(i: int, status: str = "SUCCESS", error: str | None = None) -> RunRecord:
    return RunRecord(
        id=i, correlation_id=f"c{i}", trigger="manual", mode="incremental", window_start_ms=0, window_end_ms=1,
        started_at_ms=1_700_000_000_000 + i * 60_000, finished_at_ms=1_700_000_000_000 + i * 60_000 + 1500 * i,
        status=status, counts=RunCounts(i, 10 * i, i, 2, 1, 1 if error else 0), error_summary=error,
    )  # fmt: skip


def _entry(i: int) -> QuarantineEntry:
    return QuarantineEntry(i, f"s{i}", "cisco", "missing sessionId", "{}", f"h{i}", None, 1, 2, i)


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    history = HistoryModel()
    history.set_rows([_run(3, "FAILED", "connection refused\nmore"), _run(2, "PARTIAL", "1 record"), _run(1)])
    qtmodeltester.check(history)
    assert history.index(0, history.column_index("error")).data() == "connection refused"
    assert history.index(0, history.column_index("duration")).data() == "4.5 s"
    assert history.headerData(0, Qt.Orientation.Horizontal) == "Run"
    assert history.rowCount(history.index(0, 0)) == 0

    pages: list[int] = []
    quarantine = QuarantineModel(pages.append)
    quarantine.set_page([_entry(i) for i in range(250, 150, -1)], total=250)
    assert quarantine.canFetchMore(QModelIndex())
    quarantine.fetchMore(QModelIndex())
    assert pages == [151] and not quarantine.canFetchMore(QModelIndex())  # one page at a time
    quarantine.add_page([_entry(i) for i in range(150, 50, -1)])
    assert quarantine.rowCount() == 200 and quarantine.canFetchMore(QModelIndex())
    qtmodeltester.check(quarantine)  # the tester fetches too: the next page was asked for
    assert pages == [151, 51]


def test_a_run_that_dwarfs_the_others_runs_off_the_records_chart(qtbot: Any) -> None:
    from qms_desktop.ui.tabs.sync.charts import SyncCharts

    def run(run_id: int, created: int, skipped: int) -> RunRecord:
        counts = RunCounts(created=created, updated=1, skipped=skipped)
        return RunRecord(run_id, "c", "schedule", "incremental", None, None, run_id * 60_000, run_id * 60_000 + 500,
                         "SUCCESS", counts, None, None)  # fmt: skip

    charts = SyncCharts()
    qtbot.addWidget(charts)
    runs = [run(i, 1400 if i == 1 else 3, 4 if i == 1 else 30) for i in range(1, 11)]
    charts.set_data(list(reversed(runs)), [], 0)
    assert charts.records_top == pytest.approx(34 * 1.5)  # scaled to the ordinary runs
    assert [label.toPlainText() for label in charts._clipped_labels] == ["↑ " + number(1405)]
    charts.set_data(list(reversed(runs[1:])), [], 0)  # without the backfill: everything fits
    assert charts.records_top == 34 and charts._clipped_labels == []
