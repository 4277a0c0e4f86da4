"""The app's one sync: runs SyncEngine on the qasync loop and turns its callbacks into signals.

- Every run is the named task "sync" (DESIGN.md convention 3); a second request while one runs is
  refused with `already_running`, never queued or started twice.
- The engine shares the app's DbWriter, so every database statement stays on the one writer thread.
- Engine progress (one call per page, possibly hundreds per second) is coalesced: a QTimer emits the
  newest snapshot on `ctx.signals.sync_progress` at most every PROGRESS_INTERVAL_MS (convention 7).
- Normal failures (not configured, no password, server down) end as a FAILED SyncResult on
  `sync_finished` with a message a person can act on; nothing raises into the GUI.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Engine

from qms_desktop import app_context
from qms_desktop.config import ConnectionSettings
from qms_desktop.domain.time import now_ms, utc_now
from qms_desktop.mediasense.client import MediaSenseClient, ServerProfile
from qms_desktop.mediasense.errors import MediaSenseError
from qms_desktop.security import audit
from qms_desktop.store.engine import begin_write
from qms_desktop.sync import state
from qms_desktop.sync.engine import SyncEngine, SyncProgress, SyncResult
from qms_desktop.sync.guard import SyncAlreadyRunning, current_lease
from qms_desktop.sync.scheduler import SyncScheduler
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.qt import QObject, QTimer, Signal

log = logging.getLogger("qms.ui")

SYNC_TASK = "sync"
PROGRESS_INTERVAL_MS = 150
MIN_INTERVAL_S = 0.1


class SyncService(QObject):
    """Owned by the shell (`ctx.sync_service`); the Sync tab, menus and tray call into it."""

    already_running = Signal(str)  # a request was refused because a sync runs (the text says so)
    running_changed = Signal(bool)
    scheduler_changed = Signal(bool, float)  # enabled, interval in seconds
    state_reset = Signal()  # the checkpoint was forgotten

    def __init__(self, ctx: UiContext, parent: QObject | None = None, *, engine_thread: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._engine_thread = engine_thread  # False: the engine runs on the GUI loop itself
        self._sync_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qms-sync")
        self._task: asyncio.Task[None] | None = None
        self._active = False  # True from the request until sync_finished: no second run meanwhile
        self._scheduler: SyncScheduler | None = None
        self._interval_s = SyncSettings().interval_s
        self._interval_chosen = False  # set_scheduler() gave one: the stored value must not overwrite it
        self._pending: SyncProgress | None = None
        self._announced_run: int | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_INTERVAL_MS)
        self._progress_timer.timeout.connect(self._flush_progress)
        # Read the stored interval once the loop runs (no database work on the GUI thread).
        QTimer.singleShot(0, self, self._load_interval)

    # ---- properties ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._active

    @property
    def scheduler_enabled(self) -> bool:
        return self._scheduler is not None

    @property
    def interval_s(self) -> float:
        return self._interval_s

    # ---- sync now -----------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a manual sync on the qasync loop, unless one is already running."""
        self._start("manual")

    def _start(self, trigger: str) -> asyncio.Task[None] | None:
        if self._active:
            self.already_running.emit(self.tr("A sync is already running; wait for it to finish."))
            return None
        self._active = True
        self._announced_run = None
        self._pending = None
        self._task = self._ctx.tasks.start(SYNC_TASK, self._execute(trigger))
        self.running_changed.emit(True)
        return self._task

    async def _execute(self, trigger: str) -> None:
        result: SyncResult | None = None
        try:
            result = await self._run_engine(trigger)
        except asyncio.CancelledError:
            result = self._result("INTERRUPTED", self.tr("The sync was stopped."))
            raise
        except SyncAlreadyRunning as busy:
            # Another process (the headless service, a CLI run) holds the database's sync lease.
            holder = busy.holder or "?"
            self.already_running.emit(
                self.tr("Another QMS process is already syncing this database (run %1 on %2).")
                .replace("%1", str(busy.run_id))
                .replace("%2", holder)
            )
        except app_context.NotConfigured as exc:
            result = self._result("FAILED", str(exc))
        except (MediaSenseError, OSError, ValueError) as exc:  # e.g. an unreadable CA file
            result = self._result("FAILED", str(exc))
        except Exception as exc:  # a bug: log it with its traceback, but keep the GUI consistent
            log.exception("The sync failed unexpectedly")
            result = self._result("FAILED", self.tr("Unexpected error: %1").replace("%1", repr(exc)))
        finally:
            self._progress_timer.stop()
            self._flush_progress()
            self._active = False
            if result is not None:
                if self._announced_run is None and result.run_id:
                    self._announce(result.run_id)  # no progress came (an early failure): keep the edges paired
                self._ctx.signals.sync_finished.emit(result)
            self.running_changed.emit(False)

    async def _run_engine(self, trigger: str) -> SyncResult:
        ctx = self._ctx
        settings, password, now = await self._connection()
        sync_settings = await ctx.db(app_context.sync_settings, ctx.engine)
        self._progress_timer.start()
        if not self._engine_thread:
            return await self._sync_on(
                trigger, settings, password, now, sync_settings, self._on_progress, self._remember
            )
        # The engine and its HTTP client run on their own event loop in the "qms-sync" thread: JSON
        # decoding, normalization and enrichment of big pages then never stall the GUI loop
        # (tests/benchmarks/bench_gui_stall.py). Database work still goes through ctx.writer.
        gui = asyncio.get_running_loop()

        def progress(p: SyncProgress) -> None:
            gui.call_soon_threadsafe(self._on_progress, p)

        def remember(node: str, profile: ServerProfile) -> None:
            gui.call_soon_threadsafe(self._remember, node, profile)

        coro = self._sync_on(trigger, settings, password, now, sync_settings, progress, remember)
        worker = _LoopThreadRun(coro)
        future = gui.run_in_executor(self._sync_executor, worker.run)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            worker.cancel()  # the engine records the run as INTERRUPTED before it stops
            with contextlib.suppress(BaseException):
                await future
            raise

    async def _sync_on(
        self,
        trigger: str,
        settings: ConnectionSettings,
        password: str,
        now: Callable[[], datetime],
        sync_settings: SyncSettings,
        on_progress: Callable[[SyncProgress], None],
        on_profile: Callable[[str, ServerProfile], None],
    ) -> SyncResult:
        """One engine run on whichever loop awaits it (the GUI's or the sync thread's)."""
        ctx = self._ctx
        profiles = await ctx.writer.run(app_context.detected_profiles, ctx.engine)
        # The client reads the CA file when built: do that on the writer thread, not on a loop.
        client = await ctx.writer.run(partial(_make_client, settings, password, profiles, on_profile))
        engine = SyncEngine(ctx.engine, client, sync_settings, now=now, on_progress=on_progress, writer=ctx.writer)
        try:
            return await engine.run(trigger)
        finally:
            engine.close()  # the writer is shared: this closes nothing of the app's
            await client.aclose()

    async def _connection(self) -> tuple[ConnectionSettings, str, Callable[[], datetime]]:
        ctx = self._ctx
        if ctx.demo is not None:
            from qms_desktop import demo

            simulator = ctx.demo.simulator
            return demo.demo_settings(simulator), ctx.demo.password, simulator.clock.now
        settings = await ctx.db(app_context.connection_settings, ctx.engine)
        if not settings.configured:
            raise app_context.NotConfigured(
                self.tr("MediaSense is not configured: enter the server and the user name in the Connection tab.")
            )
        # The provider may ask the keyring (D-Bus, a file): keep that off the GUI thread.
        password = await asyncio.to_thread(ctx.password_provider)
        if not password:
            raise app_context.NotConfigured(self.tr("No MediaSense password is known: enter it in the Connection tab."))
        return settings, password, utc_now

    def _remember(self, node: str, profile: ServerProfile) -> None:
        # The client reports on the loop thread; the write goes to the writer thread.
        self._ctx.tasks.start(
            f"sync-remember-profile:{node}", self._ctx.db(app_context.remember_profile, self._ctx.engine, node, profile)
        )

    def _result(self, status: str, message: str) -> SyncResult:
        return SyncResult(self._announced_run or 0, "", status, "incremental", None, None, error=message)

    # ---- progress batching --------------------------------------------------------------------

    def _on_progress(self, progress: SyncProgress) -> None:
        """Called by the engine on the loop thread for every page: only remember the newest."""
        if self._announced_run is None:
            self._announce(progress.run_id)
        self._pending = progress

    def _announce(self, run_id: int) -> None:
        self._announced_run = run_id
        self._ctx.signals.sync_started.emit(run_id)

    def _flush_progress(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._ctx.signals.sync_progress.emit(pending)

    # ---- scheduler ----------------------------------------------------------------------------

    def set_scheduler(self, enabled: bool, interval_s: float | None = None) -> None:
        """Turn the periodic sync on or off; a new interval is stored (off the GUI thread).

        Starting the schedule runs a sync at once. A changed interval applies from the next wait.
        """
        if interval_s is not None:
            interval_s = max(float(interval_s), MIN_INTERVAL_S)
            self._interval_chosen = True
            if interval_s != self._interval_s:
                self._interval_s = interval_s
                self._ctx.tasks.start("sync-save-interval", self._save_interval(interval_s))
                if self._scheduler is not None:
                    # Not set_interval(): that wakes the scheduler and would run a sync per spin-box step.
                    self._scheduler.interval_s = interval_s
        if enabled and self._scheduler is None:
            self._scheduler = self._new_scheduler()
            self._scheduler.start()
        elif not enabled and self._scheduler is not None:
            scheduler, self._scheduler = self._scheduler, None
            self._ctx.tasks.start("sync-scheduler-stop", scheduler.stop())
        self.scheduler_changed.emit(self.scheduler_enabled, self._interval_s)

    def _new_scheduler(self) -> SyncScheduler:
        scheduler: SyncScheduler

        async def run_once(trigger: str) -> None:
            # SyncScheduler.stop() is async: a schedule switched off but not yet stopped must not start a run.
            if self._scheduler is scheduler:
                await self._scheduled_run(trigger)

        scheduler = SyncScheduler(run_once, self._interval_s)
        return scheduler

    async def _scheduled_run(self, trigger: str) -> None:
        if self._active:
            log.info("Scheduled sync skipped: a sync is already running")
            return
        task = self._start(trigger)
        if task is not None:
            # Shielded: switching the schedule off must not kill the run it started.
            await asyncio.shield(task)

    async def _save_interval(self, interval_s: float) -> None:
        await self._ctx.db(app_context.save_sync_settings, self._ctx.engine, {"interval_s": interval_s}, "qms-desktop")

    def _load_interval(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no loop yet (a plain test): keep the default
            return
        self._ctx.tasks.start("sync-load-interval", self._read_interval())

    async def _read_interval(self) -> None:
        stored = (await self._ctx.db(app_context.sync_settings, self._ctx.engine)).interval_s
        if not self._interval_chosen and stored != self._interval_s:
            self._interval_s = stored
            self.scheduler_changed.emit(self.scheduler_enabled, stored)

    # ---- reset and shutdown -------------------------------------------------------------------

    async def reset(self) -> bool:
        """Forget the checkpoint and backfill progress (recordings stay). Refused while a sync runs."""
        if self._active:
            self.already_running.emit(self.tr("A sync is running: reset it after the run ends."))
            return False
        principal = getattr(self._ctx, "principal", None)
        actor = principal.username if principal is not None else "qms-desktop-gui"
        done = await self._ctx.db(_reset_state, self._ctx.engine, actor)
        if not done:
            self.already_running.emit(self.tr("Another QMS process is syncing this database: try again later."))
            return False
        log.info("Sync state reset: the next run starts over with a backfill")
        self.state_reset.emit()
        return True

    async def shutdown(self) -> None:
        """Stop the schedule and the running sync (the engine records it as INTERRUPTED). Idempotent."""
        scheduler, self._scheduler = self._scheduler, None
        if scheduler is not None:
            await scheduler.stop()
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        self._progress_timer.stop()
        self._sync_executor.shutdown(wait=False)


def _make_client(
    settings: ConnectionSettings,
    password: str,
    profiles: dict[str, ServerProfile],
    on_profile: Callable[[str, ServerProfile], None],
) -> MediaSenseClient:
    return MediaSenseClient(settings.client_config(password), profiles=profiles, on_profile=on_profile)


class _LoopThreadRun:
    """Runs one coroutine to completion on a fresh event loop in the calling (worker) thread."""

    def __init__(self, coro: Coroutine[Any, Any, SyncResult]) -> None:
        self._coro = coro
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[SyncResult] | None = None
        self._cancelled = False

    def run(self) -> SyncResult:
        loop = asyncio.new_event_loop()
        try:
            with self._lock:
                self._loop = loop
                self._task = loop.create_task(self._coro, name="sync-engine")
                if self._cancelled:
                    self._task.cancel()
            return loop.run_until_complete(self._task)
        finally:
            with self._lock:
                self._loop = None
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._loop is not None and self._task is not None:
                self._loop.call_soon_threadsafe(self._task.cancel)


def _reset_state(engine: Engine, actor: str | None = None) -> bool:
    """One write transaction: check nobody holds the sync lease, forget the state, audit who did it."""
    with begin_write(engine) as conn:
        lease = current_lease(conn)
        if lease is not None and lease.expires_ms > now_ms():
            return False
        state.reset_state(conn)
        audit.record(conn, audit.SYNC_RESET, actor=actor, target="sync")
        return True
