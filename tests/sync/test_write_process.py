"""A long run's pages written by a process of their own: the same rows as the simulator's ground
truth, under the run's sync lock only, and a writer that dies or loses the lock fails the run
without moving the checkpoint past its last committed page."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.domain.sessions import Tag, TagChange
from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write, create_engine_for
from qms_desktop.store.schema import sync_lease
from qms_desktop.store.sync_page import SyncPage
from qms_desktop.store.sync_state import RunCounts
from qms_desktop.sync.guard import ADVISORY_KEY, BorrowedLease, LeaseHandle, SyncGuard, SyncLockLost
from qms_desktop.sync.run import begin_run
from qms_desktop.sync.write_process import PageWriteProcess, can_write_elsewhere
from tests.sync.helpers import NOW, NOW_MS, covered_window, run_once, small_settings, stored, sync_engine, truth
from tests.waiting import wait_until


def _slow_sim(start_sim: Any) -> Any:
    """A simulator whose run lasts several seconds (about 90 pages of 25, 40 ms each), long enough for
    the writer process to start (~1–2 s) and take pages even on a loaded machine."""
    return start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=600, faults={"latency_ms": 40})


def _writers() -> list[Any]:
    return [p for p in multiprocessing.active_children() if p.name == "qms-sync-writer"]


def _writing_elsewhere(caplog: pytest.LogCaptureFixture) -> bool:
    """The run has said that its pages now go to its writer process."""
    return any("in a process of their own" in r.getMessage() for r in caplog.records)


@pytest.fixture(autouse=True)
def _sync_info(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="qms.sync")


class _Watch:
    """A progress callback that notes the writer processes alive after each committed page."""

    def __init__(self) -> None:
        self.seen: list[int] = []  # pages committed when a writer process was first seen
        self.pids: set[int] = set()

    def __call__(self, progress: Any) -> None:
        writers = _writers()
        if writers and not self.seen:
            self.seen.append(progress.counts.pages)
        self.pids.update(p.pid for p in writers)


@pytest.mark.asyncio
async def test_a_long_run_writes_in_a_writer_process_and_ends_equal_to_ground_truth(engine, start_sim, ca_file, caplog):
    sim = _slow_sim(start_sim)
    settings = small_settings(page_size=25, write_process_after=50)
    watch = _Watch()
    result = await run_once(engine, sim, ca_file, settings, on_progress=watch)
    assert result.status == "SUCCESS", result
    assert watch.seen and watch.seen[0] < result.counts.pages, "no writer process was started"
    assert _writing_elsewhere(caplog), "no page was written by the writer process"
    assert stored(engine) == truth(sim, covered_window(settings, NOW_MS)[0], sim.clock.now_ms())
    assert not _writers(), "the writer process outlived its run"
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(sync_lease)).scalar_one() == 0

    # An unchanged re-run through the writer process changes nothing and counts every session skipped.
    sim.clock.advance(60)
    again = await run_once(engine, sim, ca_file, small_settings(page_size=25, write_process_after=1))
    assert again.status == "SUCCESS" and again.counts.created == 0, again
    assert stored(engine) == truth(sim, covered_window(settings, NOW_MS)[0], sim.clock.now_ms())


@pytest.mark.asyncio
async def test_a_writer_killed_mid_run_fails_the_run_and_the_next_run_completes(engine, start_sim, ca_file, caplog):
    sim = _slow_sim(start_sim)
    settings = small_settings(page_size=25, write_process_after=25)
    killed: list[int] = []

    def kill_the_writer(progress: Any) -> None:
        writers = _writers()
        if writers and not killed and _writing_elsewhere(caplog):
            killed.append(progress.counts.pages)
            os.kill(writers[0].pid, signal.SIGKILL)

    result = await run_once(engine, sim, ca_file, settings, on_progress=kill_the_writer)
    assert killed, "the writer process was never seen"
    assert result.status == "FAILED" and "writer process ended unexpectedly" in (result.error or ""), result
    assert result.counts.pages >= killed[0]
    assert not _writers()

    after = await run_once(engine, sim, ca_file, settings)
    assert after.status == "SUCCESS", after
    assert stored(engine) == truth(sim, covered_window(settings, NOW_MS)[0], sim.clock.now_ms())


@pytest.mark.asyncio
async def test_a_run_cancelled_while_its_writer_writes_ends_interrupted_with_its_writer(
    engine, start_sim, ca_file, caplog
):
    """What closing the app or SIGTERM does: the run records INTERRUPTED, its writer process ends
    and its lease is released; the next run completes."""
    sim = _slow_sim(start_sim)
    settings = small_settings(page_size=25, write_process_after=25)
    sync = sync_engine(engine, sim, ca_file, settings)
    try:
        run = asyncio.ensure_future(sync.run("test"))
        await wait_until(lambda: _writing_elsewhere(caplog) or run.done(), 60)
        assert not run.done(), "the run ended before its writer process started"
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run
    finally:
        sync.close()
        await sync.client.aclose()
    assert not _writers()
    with engine.connect() as conn:
        (cancelled,) = state.recent_runs(conn)
        assert conn.execute(sa.select(sa.func.count()).select_from(sync_lease)).scalar_one() == 0
    assert cancelled.status == "INTERRUPTED" and cancelled.counts.pages > 0

    after = await run_once(engine, sim, ca_file, settings)
    assert after.status == "SUCCESS", after
    assert stored(engine) == truth(sim, covered_window(settings, NOW_MS)[0], sim.clock.now_ms())


@pytest.mark.postgres
@pytest.mark.asyncio
async def test_a_writer_whose_run_lost_the_lock_commits_nothing_more(postgres_engine, start_sim, ca_file, caplog):
    """The session holding the advisory lock is cut (another run may take the sync now): the writer
    process's next page is refused in its transaction, and the run ends FAILED saying why."""
    sim = _slow_sim(start_sim)
    settings = small_settings(page_size=25, write_process_after=25)
    cut: list[int] = []

    def cut_the_lock(progress: Any) -> None:
        if not cut and _writing_elsewhere(caplog):
            cut.append(progress.counts.pages)
            _terminate_lock_holder(postgres_engine)

    result = await run_once(postgres_engine, sim, ca_file, settings, on_progress=cut_the_lock)
    assert cut, "the writer process was never seen"
    # Refused by the writer's next page, or by the run's own next step (a backfill day's end) if that
    # comes first: either way the run ends on the lost lock.
    assert result.status == "FAILED" and "held the sync lock" in (result.error or ""), result
    # At most the page being written when the lock went commits; none after it.
    assert result.counts.pages <= cut[0] + 1, (result.counts.pages, cut)


def _terminate_lock_holder(engine: Engine) -> None:
    with engine.connect() as conn:
        holders = conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                f"AND classid::bigint = {ADVISORY_KEY >> 32} AND objid::bigint = {ADVISORY_KEY & 0xFFFFFFFF}"
            )
        ).all()
        conn.commit()
    assert len(holders) == 1


def test_a_borrowed_lease_refuses_a_page_when_the_lock_is_not_the_runs(engine: Engine) -> None:
    guard = SyncGuard(engine, ttl_ms=60_000)
    guard.acquire(NOW_MS, lambda conn: 7)
    try:
        handle = guard.handle()
        ours = LeaseHandle(handle.holder, handle.ttl_ms, os.getppid(), handle.lock_pid)
        with begin_write(engine) as conn:  # this test process is the child of its parent: renewed
            BorrowedLease(ours).renew(conn, NOW_MS + 1000, 7)

        orphan = LeaseHandle(handle.holder, handle.ttl_ms, os.getpid(), handle.lock_pid)  # not our parent
        with pytest.raises(SyncLockLost, match="has ended"), begin_write(engine) as conn:
            BorrowedLease(orphan).renew(conn, NOW_MS + 2000, 7)

        stranger = LeaseHandle("elsewhere:1:abc", handle.ttl_ms, os.getppid(), handle.lock_pid)
        with pytest.raises(SyncLockLost, match="Another sync"), begin_write(engine) as conn:
            BorrowedLease(stranger).renew(conn, NOW_MS + 3000, 7)
    finally:
        guard.release()


def test_no_writer_process_for_an_in_memory_database_or_on_one_core(engine: Engine) -> None:
    assert can_write_elsewhere(engine) == (len(os.sched_getaffinity(0)) >= 2)
    assert not can_write_elsewhere(create_engine_for("sqlite://"))
    one_core = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
         "from qms_desktop.store.engine import create_engine_for; "
         "from qms_desktop.sync.write_process import can_write_elsewhere; "
         "print(can_write_elsewhere(create_engine_for(sys.argv[1])))", engine.url.render_as_string(False)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert one_core.stdout.strip() == "False", one_core.stderr


def test_the_writer_process_answers_with_the_counts_its_log_lines_and_typed_errors(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="qms")  # the level the writer's lines are kept at
    guard = SyncGuard(engine, ttl_ms=60_000)
    run_id = guard.acquire(NOW_MS, lambda conn: begin_run(guard, "test", "test", "incremental", NOW_MS, conn))
    process = PageWriteProcess(engine, guard.handle(), run_id, index_queue=False)
    try:
        process.start()
        counts = process.write(
            process.hand_over(SyncPage((), tag_changes=[TagChange("not-stored", True, Tag("escalated"))])),
            RunCounts(pages=4),
            fetched_at_ms=NOW_MS,
            now_ms=NOW_MS,
        )
        assert counts.pages == 5  # the run's counters, with this page
        lines = [r.getMessage() for r in caplog.records if r.name == "qms.store"]
        assert any("on session not-stored: the session is not stored yet" in line for line in lines), lines

        with begin_write(engine) as conn:  # another sync took the lock meanwhile
            conn.execute(sa.update(sync_lease).values(holder="elsewhere:1:abc"))
        with pytest.raises(SyncLockLost, match="Another sync"):
            process.write(process.hand_over(SyncPage(())), counts, fetched_at_ms=NOW_MS, now_ms=NOW_MS)
    finally:
        process.close()
        guard.release()
    assert process.pid is None
    with engine.connect() as conn:
        (run,) = state.recent_runs(conn)
    assert run.counts.pages == 5  # the refused page moved nothing
