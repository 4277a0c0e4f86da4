"""BackgroundSync on a qasync loop against the simulator and a real SQLite database."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from qms_desktop.app import runtime
from qms_desktop.app.sync import LatestProgress
from qms_desktop.security import audit
from qms_desktop.store import sync_state as state
from qms_desktop.store.sync_state import RunCounts
from qms_desktop.sync.engine import SyncProgress, SyncResult
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.services.background_sync import BackgroundSync


def _runs(ctx: UiContext) -> list[state.RunRecord]:
    with ctx.engine.connect() as conn:
        return state.recent_runs(conn, 50)


def _checkpoint(ctx: UiContext) -> state.Checkpoint:
    with ctx.engine.connect() as conn:
        return state.load_checkpoint(conn)


@pytest.mark.asyncio
@pytest.mark.parametrize("engine_process", [True, False], ids=["sync-process", "gui-loop"])
async def test_sync_now_emits_edges_and_stores_a_run(
    ctx: UiContext, sim: Any, wait_signal: Any, engine_process: bool
) -> None:
    service = BackgroundSync(ctx, engine_process=engine_process)
    started: list[int] = []
    ctx.signals.sync_started.connect(started.append)
    try:
        service.sync_now()
        assert service.running
        (result,) = await wait_signal(ctx.signals.sync_finished, 30)
    finally:
        await service.shutdown()
    assert isinstance(result, SyncResult)
    assert result.status == "SUCCESS", result.error
    assert started == [result.run_id]
    assert not service.running
    runs = _runs(ctx)
    assert [r.id for r in runs] == [result.run_id]
    assert runs[0].counts.created == result.counts.created > 0
    assert _checkpoint(ctx).backfill_complete


@pytest.mark.asyncio
async def test_progress_is_batched(ctx_factory: Any, sim: Any, wait_signal: Any) -> None:
    ctx = ctx_factory(sim, page_size=2)  # ~150 sessions in 2-record pages: one engine callback each
    service = BackgroundSync(ctx)
    emitted: list[SyncProgress] = []
    ctx.signals.sync_progress.connect(emitted.append)
    began = time.monotonic()
    try:
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 60)
    finally:
        await service.shutdown()
    elapsed = time.monotonic() - began
    assert result.status == "SUCCESS", result.error
    pages = result.counts.pages  # the engine reported once per page
    assert pages >= 40
    # At most one a tick of the 100 ms timer, however many pages came in it: not a fixed share of the
    # pages, which on a slow host arrive fewer to a tick (one an emission would be 40+ in ~2 s).
    assert 1 <= len(emitted) <= elapsed / 0.1 + 2
    assert emitted[-1].counts == result.counts  # the final state is never lost


@pytest.mark.asyncio
async def test_a_burst_of_progress_is_one_emission(ctx: UiContext, wait_until: Any, wait_signal: Any) -> None:
    service = BackgroundSync(ctx)
    emitted: list[SyncProgress] = []
    ctx.signals.sync_progress.connect(emitted.append)
    mailbox = service._progress = LatestProgress()  # what a running sync's thread writes into
    service._progress_timer.start()
    for page in range(1, 501):
        mailbox.put(SyncProgress(7, "c", "incremental", RunCounts(pages=page)))
    await wait_until(lambda: emitted)
    await wait_signal(service._progress_timer.timeout)  # the next tick has nothing more to send
    service._progress_timer.stop()
    assert [p.counts.pages for p in emitted] == [500]


@pytest.mark.asyncio
async def test_second_sync_now_while_running_is_refused(
    ctx: UiContext, sim: Any, wait_until: Any, wait_signal: Any
) -> None:
    sim.faults.update(latency_ms=60)  # a run that lasts long enough to be asked twice
    service = BackgroundSync(ctx)
    refused: list[str] = []
    started: list[int] = []
    service.already_running.connect(refused.append)
    ctx.signals.sync_started.connect(started.append)
    try:
        service.sync_now()
        await wait_until(lambda: service._progress is not None, 30)  # planned: the engine is syncing
        service.sync_now()
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 30)
    finally:
        await service.shutdown()
    assert len(refused) == 2 and "already running" in refused[0]
    assert started == [result.run_id]
    assert len(_runs(ctx)) == 1


@pytest.mark.asyncio
async def test_scheduler_on_and_off(ctx: UiContext, sim: Any, wait_until: Any, wait_signal: Any) -> None:
    service = BackgroundSync(ctx)
    finished: list[SyncResult] = []
    ctx.signals.sync_finished.connect(finished.append)
    changes: list[tuple[bool, float]] = []
    service.scheduler_changed.connect(lambda on, seconds: changes.append((on, seconds)))
    try:
        service.set_scheduler(True, 0.3)
        assert service.scheduler_enabled and service.interval_s == 0.3
        await wait_until(lambda: len(finished) >= 2, 30)
        service.set_scheduler(False)
        assert not service.scheduler_enabled
        await wait_until(lambda: not service.running, 30)
        count = len(finished)
        await asyncio.sleep(0.8)  # not a wait: more than two of the old 0.3 s intervals pass...
        assert len(finished) == count  # ...and no run starts: off means off
        await wait_until(lambda: runtime.sync_settings(ctx.engine).interval_s == 0.3)  # persisted
    finally:
        await service.shutdown()
    assert changes[0] == (True, 0.3) and changes[-1] == (False, 0.3)
    triggers = [r.trigger for r in _runs(ctx)]
    assert set(triggers) == {"schedule"}
    assert all(r.status == "SUCCESS" for r in finished)


@pytest.mark.asyncio
async def test_stopped_server_ends_failed_with_the_error(ctx: UiContext, sim: Any, wait_signal: Any) -> None:
    sim.stop()
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 30)
    finally:
        await service.shutdown()
    assert result.status == "FAILED"
    assert result.error and "127.0.0.1" in result.error
    assert _runs(ctx)[0].status == "FAILED"


@pytest.mark.asyncio
async def test_not_configured_and_no_password_fail_with_a_message(ctx_factory: Any, sim: Any, wait_signal: Any) -> None:
    bare = ctx_factory(None)
    service = BackgroundSync(bare)
    service.sync_now()
    (result,) = await wait_signal(bare.signals.sync_finished, 10)
    assert result.status == "FAILED" and "not configured" in (result.error or "")

    no_password = ctx_factory(sim)
    no_password.credentials.set_session_password(None)
    service = BackgroundSync(no_password)
    service.sync_now()
    (result,) = await wait_signal(no_password.signals.sync_finished, 10)
    assert result.status == "FAILED" and "password" in (result.error or "")
    assert _runs(no_password) == []


@pytest.mark.asyncio
async def test_reset_is_refused_while_running_and_resets_after(ctx: UiContext, sim: Any, wait_signal: Any) -> None:
    sim.faults.update(latency_ms=40)
    service = BackgroundSync(ctx)
    refused: list[str] = []
    service.already_running.connect(refused.append)
    try:
        service.sync_now()
        assert await service.reset() is False
        await wait_signal(ctx.signals.sync_finished, 30)
        assert _checkpoint(ctx).initialized
        assert await service.reset() is True
    finally:
        await service.shutdown()
    assert refused and not _checkpoint(ctx).initialized


@pytest.mark.asyncio
async def test_shutdown_interrupts_the_running_sync(ctx: UiContext, sim: Any, wait_signal: Any) -> None:
    sim.faults.update(latency_ms=80)
    service = BackgroundSync(ctx)
    finished: list[SyncResult] = []
    ctx.signals.sync_finished.connect(finished.append)
    service.sync_now()
    (run_id,) = await wait_signal(ctx.signals.sync_started, 30)
    await service.shutdown()
    await service.shutdown()  # idempotent
    assert not service.running
    assert [r.status for r in finished] == ["INTERRUPTED"]
    assert _runs(ctx)[0].id == run_id and _runs(ctx)[0].status == "INTERRUPTED"


@pytest.mark.asyncio
async def test_nobody_signed_in_cannot_sync(ctx: UiContext, sim: Any, wait_signal: Any) -> None:
    ctx.principal = None
    service = BackgroundSync(ctx)
    refused: list[str] = []
    service.failed.connect(refused.append)
    try:
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 10)
        service.set_scheduler(True, 60)
    finally:
        await service.shutdown()
    assert result.status == "FAILED" and "signed in" in (result.error or "")
    assert not service.scheduler_enabled and refused
    assert _runs(ctx) == []
    assert [r.action for r in audit.list_audit(ctx.engine)] == ["access.denied"]
