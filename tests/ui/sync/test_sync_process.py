"""The GUI's sync runs in a child process: against the simulator and a real SQLite file, the run is
another process's, its progress and log lines reach the GUI, stop and kill end it as they should,
and the MediaSense password is in neither its command line nor its environment."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.app import runtime
from qms_desktop.app.sync import ConnectionOverride, LatestProgress, SyncUseCases
from qms_desktop.app.sync_process import PlanNotPortable, ProcessSyncRun
from qms_desktop.store import sync_state as state
from qms_desktop.sync.engine import SyncProgress, SyncResult
from qms_desktop.sync.guard import LeaseInfo, current_lease
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.services.background_sync import BackgroundSync
from tests.conftest import SIM_PASSWORD


def _runs(ctx: UiContext) -> list[state.RunRecord]:
    with ctx.engine.connect() as conn:
        return state.recent_runs(conn, 50)


def _lease(ctx: UiContext) -> LeaseInfo | None:
    with ctx.engine.connect() as conn:
        return current_lease(conn)


def _pid(holder: str) -> int:
    return int(holder.split(":")[1])  # host:pid:nonce (sync.guard.holder_id)


async def _running_child(ctx: UiContext, wait_until: Any) -> int:
    """The sync process's id, from the lease it holds in the database."""
    await wait_until(lambda: _lease(ctx) is not None, 30)
    lease = _lease(ctx)
    assert lease is not None
    return _pid(lease.holder)


@pytest.mark.asyncio
async def test_the_sync_runs_in_another_process_and_reports_back(ctx: UiContext, sim: Any, wait_signal: Any) -> None:
    ctx.integration_log.attach()  # what the shell does at start-up: the Logs tab reads it
    service = BackgroundSync(ctx)
    progress: list[SyncProgress] = []
    ctx.signals.sync_progress.connect(progress.append)
    try:
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 60)
    finally:
        await service.shutdown()
        ctx.integration_log.close()
    assert isinstance(result, SyncResult) and result.status == "SUCCESS", result.error
    (run,) = _runs(ctx)
    assert run.host and _pid(run.host) != os.getpid()  # the history names the sync process
    assert progress and progress[-1].run_id == result.run_id
    assert progress[-1].counts == result.counts
    lines = [e for e in ctx.integration_log.entries() if e.logger == "qms.sync"]
    assert any(f"Sync run {result.run_id} ended SUCCESS" in e.message for e in lines)
    assert not any(SIM_PASSWORD in e.message for e in ctx.integration_log.entries())


@pytest.mark.asyncio
async def test_the_password_is_not_in_the_sync_process_argv_or_environment(
    ctx: UiContext, sim: Any, wait_until: Any, wait_signal: Any
) -> None:
    sim.faults.update(latency_ms=60)  # long enough to look at the running process
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        pid = await _running_child(ctx, wait_until)
        assert pid != os.getpid()
        proc = Path(f"/proc/{pid}")
        cmdline, environ = (proc / "cmdline").read_bytes(), (proc / "environ").read_bytes()
        (result,) = await wait_signal(ctx.signals.sync_finished, 60)
    finally:
        await service.shutdown()
    assert result.status == "SUCCESS", result.error
    assert b"multiprocessing" in cmdline  # it was the sync process that was read
    assert SIM_PASSWORD.encode() not in cmdline
    assert SIM_PASSWORD.encode() not in environ


@pytest.mark.asyncio
async def test_a_stop_request_ends_the_run_after_a_committed_page(ctx_factory: Any, sim: Any, wait_signal: Any) -> None:
    ctx = ctx_factory(sim, page_size=5)
    sim.faults.update(latency_ms=80)
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        await wait_signal(ctx.signals.sync_progress, 60)  # a page is in
        service.request_stop()
        (result,) = await wait_signal(ctx.signals.sync_finished, 60)
    finally:
        await service.shutdown()
    assert result.status == "INTERRUPTED" and "committed page" in (result.error or "")
    (run,) = _runs(ctx)
    assert run.status == "INTERRUPTED" and run.counts.pages >= 1
    assert _lease(ctx) is None  # released


@pytest.mark.asyncio
async def test_a_killed_sync_process_ends_failed_and_the_next_run_works(
    ctx: UiContext, sim: Any, wait_until: Any, wait_signal: Any
) -> None:
    sim.faults.update(latency_ms=80)
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        pid = await _running_child(ctx, wait_until)
        await wait_until(lambda: _runs(ctx), 30)
        os.kill(pid, signal.SIGKILL)
        (result,) = await wait_signal(ctx.signals.sync_finished, 30)
        assert not service.running
        assert result.status == "FAILED"
        assert "ended unexpectedly" in (result.error or "") and "SIGKILL" in (result.error or "")
        assert "start the sync again" in (result.error or "")
        assert _runs(ctx)[0].status == "FAILED"  # not left RUNNING in the history
        sim.faults.update(latency_ms=0)
        service.sync_now()  # the dead process's lease does not block the next run
        (again,) = await wait_signal(ctx.signals.sync_finished, 60)
    finally:
        await service.shutdown()
    assert again.status == "SUCCESS", again.error
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped, not a zombie or an orphan


@pytest.mark.asyncio
async def test_a_simulator_clock_travels_to_the_sync_process_and_a_lambda_is_refused(
    ctx_factory: Any, start_sim: Any
) -> None:
    frozen_ms = (time.time_ns() // 1_000_000 - 36 * 3600 * 1000) // 60_000 * 60_000  # a day and a half ago
    frozen = start_sim("cisco", sessions_per_day=40, days=3, now=frozen_ms, freeze_clock=True)
    ctx = ctx_factory(frozen)
    use_cases = SyncUseCases(ctx.engine, ctx.principal)
    override = ConnectionOverride(runtime.connection_settings(ctx.engine), SIM_PASSWORD, frozen.clock.now)
    plan = use_cases.plan(override=override)  # the demo's way: the simulator's clock, a bound method
    result = await asyncio.to_thread(ProcessSyncRun(ctx.engine, plan, "manual", LatestProgress()).run)
    assert result.status == "SUCCESS", result.error
    (run,) = _runs(ctx)
    assert run.started_at_ms == frozen_ms  # the child's copy of the frozen clock
    assert _pid(run.host or "") != os.getpid()

    unportable = replace(plan, clock=lambda: frozen.clock.now())
    with pytest.raises(PlanNotPortable, match="cannot be handed"):
        ProcessSyncRun(ctx.engine, unportable, "manual", LatestProgress()).run()


@pytest.mark.postgres
@pytest.mark.asyncio
async def test_the_sync_process_writes_to_the_same_postgresql_database(
    ctx_factory: Any,
    sim: Any,
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
    wait_signal: Any,
) -> None:
    monkeypatch.setenv("QMS_DATABASE_URL", postgres_url)  # the GUI's database: its own schema here
    ctx = ctx_factory(sim)
    assert ctx.engine.dialect.name == "postgresql"
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 60)
    finally:
        await service.shutdown()
    assert result.status == "SUCCESS", result.error
    (run,) = _runs(ctx)
    assert _pid(run.host or "") != os.getpid() and run.counts.created == result.counts.created > 0


PARENT = """
import sys, threading, time
from qms_desktop.app import runtime
from qms_desktop.app.sync import ConnectionOverride, LatestProgress, SyncUseCases
from qms_desktop.app.sync_process import ProcessSyncRun
from qms_desktop.security.roles import Principal, Role
engine = runtime.open_engine(sys.argv[1])
override = ConnectionOverride(runtime.connection_settings(engine), sys.stdin.readline().strip())
run = ProcessSyncRun(engine, SyncUseCases(engine, Principal("it", Role.IT)).plan(override=override),
                     "manual", LatestProgress())
def announce():
    while run.pid is None:
        time.sleep(0.01)
    print(run.pid, flush=True)
threading.Thread(target=announce, daemon=True).start()
run.run()
"""


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # ended, waiting for init to reap it


def _start_gui(url: str) -> subprocess.Popen[str]:
    """A stand-in for the GUI: a process that runs one sync in a child and is then killed."""
    argv = [sys.executable, "-c", PARENT, url]
    gui = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert gui.stdin is not None
    gui.stdin.write(SIM_PASSWORD + "\n")  # as the GUI hands it over: a pipe
    gui.stdin.flush()
    return gui


def _kill(gui: subprocess.Popen[str]) -> None:
    gui.kill()  # no shutdown, no atexit: only the closed pipe tells the child
    gui.wait(10)
    for stream in (gui.stdin, gui.stdout):
        if stream is not None:
            stream.close()


@pytest.mark.asyncio
async def test_a_sync_process_whose_gui_dies_interrupts_its_run_and_ends(
    ctx: UiContext, sim: Any, wait_until: Any
) -> None:
    sim.faults.update(latency_ms=80)
    gui = await asyncio.to_thread(_start_gui, ctx.engine.url.render_as_string(hide_password=False))
    try:
        assert gui.stdout is not None
        child = int(await asyncio.to_thread(gui.stdout.readline))
        await wait_until(lambda: _runs(ctx) and _lease(ctx) is not None, 30)
    finally:
        await asyncio.to_thread(_kill, gui)
    await wait_until(lambda: _gone(child), 30)
    (run,) = _runs(ctx)
    assert run.status == "INTERRUPTED"
    assert _lease(ctx) is None  # released on the way out


def _long_run(ctx_factory: Any, start_sim: Any, latency_ms: int) -> tuple[Any, UiContext]:
    """A simulator with slow pages and a GUI context whose runs hand their pages to a writer process
    after two pages: (simulator, context)."""
    sim = start_sim("cisco", sessions_per_day=300, days=3)
    ctx = ctx_factory(sim, page_size=10, write_process_after=20)
    ctx.integration_log.attach()
    sim.faults.update(latency_ms=latency_ms)
    return sim, ctx


def _writer_pid(ctx: UiContext) -> int | None:
    """The writer process the sync process said it started (its log line reaches the GUI's log)."""
    for entry in ctx.integration_log.entries():
        found = re.search(r"in a process of their own \(pid (\d+)\)", entry.message)
        if entry.logger == "qms.sync" and found:
            return int(found.group(1))
    return None


@pytest.mark.asyncio
async def test_a_long_run_of_the_sync_process_writes_through_a_writer_process_that_ends_with_it(
    ctx_factory: Any, start_sim: Any, wait_signal: Any
) -> None:
    _, ctx = _long_run(ctx_factory, start_sim, latency_ms=40)
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        (result,) = await wait_signal(ctx.signals.sync_finished, 120)
    finally:
        await service.shutdown()
        ctx.integration_log.close()
    assert result.status == "SUCCESS", result.error
    writer = _writer_pid(ctx)
    assert writer is not None, "the run's pages never went to a writer process"
    assert _gone(writer)
    with ctx.engine.connect() as conn:
        assert state.count_stored(conn, 0, 2**62) == result.counts.created > 0


@pytest.mark.asyncio
async def test_a_sync_process_killed_while_its_writer_writes_takes_the_writer_with_it(
    ctx_factory: Any, start_sim: Any, wait_until: Any, wait_signal: Any
) -> None:
    """The writer's pipe closes with its parent, and a page it was writing is not committed (its
    parent is gone); the next run completes."""
    sim, ctx = _long_run(ctx_factory, start_sim, latency_ms=80)
    service = BackgroundSync(ctx)
    try:
        service.sync_now()
        await wait_until(lambda: _writer_pid(ctx) is not None, 60)
        os.kill(await _running_child(ctx, wait_until), signal.SIGKILL)
        (killed,) = await wait_signal(ctx.signals.sync_finished, 30)
        writer = _writer_pid(ctx)
        assert writer is not None
        await wait_until(lambda: _gone(writer), 30)
        sim.faults.update(latency_ms=0)
        service.sync_now()
        (again,) = await wait_signal(ctx.signals.sync_finished, 120)
    finally:
        await service.shutdown()
        ctx.integration_log.close()
    assert killed.status == "FAILED" and "SIGKILL" in (killed.error or "")
    assert again.status == "SUCCESS", again.error
