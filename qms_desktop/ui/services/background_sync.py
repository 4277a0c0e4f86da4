"""The GUI's one sync: runs the app's sync use case in a child process and turns it into signals.

- Every run is the named task "sync"; a second request while one runs is refused with
  `already_running`, never queued or started twice.
- The run itself gets plain data only (a `SyncPlan` and a `LatestProgress` mailbox): no Qt object,
  no method of one, no closure over one runs off the GUI thread. The engine runs in a child process
  (`app.sync_process`), so page decoding and its garbage collection never hold this interpreter;
  a worker thread here only waits on the child's pipe. A timer takes the newest progress from the
  mailbox every PROGRESS_INTERVAL_MS (convention 7).
- A run is the principal's who asked for it: the schedule runs as whoever switched it on and stops
  when they sign out. Normal failures (not configured, no password, server down, not allowed) end
  as a FAILED SyncResult on `sync_finished` with a message a person can act on.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from concurrent.futures import ThreadPoolExecutor

from qms_desktop.app.access import SyncBusy
from qms_desktop.app.runtime import NotConfigured
from qms_desktop.app.sync import MANUAL, LatestProgress, SyncUseCases, run_plan
from qms_desktop.app.sync_process import ProcessSyncRun
from qms_desktop.mediasense.errors import MediaSenseError
from qms_desktop.security.errors import SecurityError
from qms_desktop.security.roles import Permission, Principal
from qms_desktop.sync.engine import SyncResult
from qms_desktop.sync.guard import SyncAlreadyRunning
from qms_desktop.sync.scheduler import SyncScheduler
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.ui.context import UiContext
from qms_desktop.ui.ops import ReadOp, WriteOp
from qms_desktop.ui.qt import QObject, QTimer, Signal

log = logging.getLogger("qms.ui")

SYNC_TASK = "sync"
PROGRESS_INTERVAL_MS = 150


class BackgroundSync(QObject):
    """Owned by the shell (`ctx.sync`); the Sync tab, menus and tray call into it."""

    already_running = Signal(str)  # a request was refused because a sync runs (the text says so)
    running_changed = Signal(bool)
    scheduler_changed = Signal(bool, float)  # enabled, interval in seconds
    state_reset = Signal()  # the checkpoint was forgotten
    failed = Signal(str)  # a request was refused or failed before any run (the text says why)

    def __init__(self, ctx: UiContext, parent: QObject | None = None, *, engine_process: bool = True) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._engine_process = engine_process  # False: the engine runs on the GUI loop itself
        self._sync_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qms-sync")
        self._task: asyncio.Task[None] | None = None
        self._active = False  # True from the request until sync_finished: no second run meanwhile
        self._scheduler: SyncScheduler | None = None
        self._schedule_principal: Principal | None = None
        self._interval_s = SyncSettings().interval_s
        self._progress: LatestProgress | None = None
        self._process_run: ProcessSyncRun | None = None
        self._announced_run: int | None = None
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_INTERVAL_MS)
        self._progress_timer.timeout.connect(self._flush_progress)

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

    def sync_now(self) -> asyncio.Task[None] | None:
        """Start a manual sync as the signed-in user, unless one is already running."""
        return self._start(MANUAL, self._ctx.principal)

    def _start(self, trigger: str, principal: Principal | None) -> asyncio.Task[None] | None:
        if self._active:
            self.already_running.emit(self.tr("A sync is already running; wait for it to finish."))
            return None
        self._active = True
        self._announced_run = None
        self._task = self._ctx.tasks.start(SYNC_TASK, self._execute(trigger, principal))
        self.running_changed.emit(True)
        return self._task

    async def _execute(self, trigger: str, principal: Principal | None) -> None:
        result: SyncResult | None = None
        try:
            result = await self._run(trigger, principal)
        except asyncio.CancelledError:
            result = self._result("INTERRUPTED", self.tr("The sync was stopped."))
            raise
        except SyncAlreadyRunning as busy:
            # Another process (the headless service, a CLI run) holds the database's sync lease.
            self.already_running.emit(
                self.tr("Another QMS process is already syncing this database (run %1 on %2).")
                .replace("%1", str(busy.run_id))
                .replace("%2", busy.holder or "?")
            )
        except (NotConfigured, SecurityError, MediaSenseError, OSError, ValueError) as exc:
            result = self._result("FAILED", str(exc))  # e.g. no password, not allowed, an unreadable CA file
        except Exception as exc:  # a bug: log it with its traceback, but keep the GUI consistent
            log.exception("The sync failed unexpectedly")
            result = self._result("FAILED", self.tr("Unexpected error: %1").replace("%1", repr(exc)))
        finally:
            self._progress_timer.stop()
            self._flush_progress()
            self._progress = None
            self._active = False
            if result is not None:
                if self._announced_run is None and result.run_id:
                    self._announce(result.run_id)  # no progress came (an early failure): keep the edges paired
                self._ctx.signals.sync_finished.emit(result)
            self.running_changed.emit(False)

    async def _run(self, trigger: str, principal: Principal | None) -> SyncResult:
        ctx = self._ctx
        use_cases = SyncUseCases(ctx.engine, principal)
        # The plan reads the database and the keyring, and audits: on the writer thread, never here.
        plan = await ctx.db(
            functools.partial(use_cases.plan, trigger, credentials=ctx.credentials, override=ctx.connection_override)
        )
        progress = self._progress = LatestProgress()
        self._progress_timer.start()
        if not self._engine_process:
            return await run_plan(ctx.engine, plan, trigger, on_progress=progress.put, writer=ctx.writer)
        # The engine, its HTTP client and its own database writer run in a child process: JSON
        # decoding, normalization and enrichment of big pages then never stall the GUI loop
        # (tests/benchmarks/bench_gui_stall.py). The "qms-sync" thread only waits on its pipe.
        run = self._process_run = ProcessSyncRun(ctx.engine, plan, trigger, progress)
        future = asyncio.get_running_loop().run_in_executor(self._sync_executor, run.run)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            run.cancel()  # the engine records the run as INTERRUPTED before it stops
            with contextlib.suppress(BaseException):
                await future
            raise
        finally:
            self._process_run = None

    def request_stop(self) -> None:
        """Stop the running sync after its current page's commit (INTERRUPTED); no-op when idle."""
        if self._process_run is not None:
            self._process_run.request_stop()

    def _result(self, status: str, message: str) -> SyncResult:
        return SyncResult(self._announced_run or 0, "", status, "incremental", None, None, error=message)

    # ---- progress batching --------------------------------------------------------------------

    def _announce(self, run_id: int) -> None:
        self._announced_run = run_id
        self._ctx.signals.sync_started.emit(run_id)

    def _flush_progress(self) -> None:
        progress = self._progress
        latest = progress.take() if progress is not None else None
        if latest is None:
            return
        if self._announced_run is None:
            self._announce(latest.run_id)
        self._ctx.signals.sync_progress.emit(latest)

    # ---- scheduler ----------------------------------------------------------------------------

    def load_interval(self) -> None:
        """Show the stored interval (when the signed-in user may see the sync)."""
        principal = self._ctx.principal
        if principal is None or not principal.can(Permission.SYNC_STATUS):
            return
        ReadOp(self._ctx, "sync-load-interval", SyncUseCases(self._ctx.engine, principal).settings, owner=self).success(
            self._interval_loaded
        ).failure(lambda exc: log.warning("Could not read the sync interval: %s", exc)).run()

    def _interval_loaded(self, settings: SyncSettings) -> None:
        if settings.interval_s != self._interval_s and self._scheduler is None:
            self._interval_s = settings.interval_s
            self.scheduler_changed.emit(self.scheduler_enabled, self._interval_s)

    def set_scheduler(self, enabled: bool, interval_s: float | None = None, *, first_trigger: str = "schedule") -> None:
        """Turn the periodic sync on or off as the signed-in user; a new interval is stored (audited).

        Starting the schedule runs a sync at once, recorded with `first_trigger`. A changed interval
        applies from the next wait."""
        principal = self._ctx.principal
        if interval_s is not None and float(interval_s) != self._interval_s:
            self._interval_s = max(float(interval_s), 0.1)
            WriteOp(self._ctx, "sync-save-interval", SyncUseCases(self._ctx.engine, principal).set_interval,
                    self._interval_s, owner=self).failure(self._refused).run()  # fmt: skip
            if self._scheduler is not None:
                self._scheduler.set_interval(self._interval_s)  # re-arms the wait; starts no run
        if enabled and self._scheduler is None:
            if principal is None or not principal.can(Permission.SYNC_RUN):
                self._refused(SecurityError(self.tr("Only IT staff and administrators can schedule the sync.")))
                enabled = False
            else:
                self._schedule_principal = principal
                self._scheduler = self._new_scheduler(first_trigger)
                self._scheduler.start()
        if not enabled:
            self.stop_schedule()
        self.scheduler_changed.emit(self.scheduler_enabled, self._interval_s)

    def stop_schedule(self) -> None:
        """No more scheduled runs (a running one finishes). At sign-out, the shell calls this."""
        scheduler, self._scheduler = self._scheduler, None
        self._schedule_principal = None
        if scheduler is not None:
            self._ctx.tasks.start("sync-scheduler-stop", scheduler.stop())
            self.scheduler_changed.emit(False, self._interval_s)

    def _new_scheduler(self, first_trigger: str) -> SyncScheduler:
        scheduler: SyncScheduler

        async def run_once(trigger: str) -> None:
            # SyncScheduler.stop() is async: a schedule switched off but not yet stopped must not start a run.
            if self._scheduler is scheduler:
                await self._scheduled_run(trigger)

        scheduler = SyncScheduler(run_once, self._interval_s, first_trigger=first_trigger)
        return scheduler

    async def _scheduled_run(self, trigger: str) -> None:
        if self._active:
            log.info("Scheduled sync skipped: a sync is already running")
            return
        task = self._start(trigger, self._schedule_principal)
        if task is not None:
            # Shielded: switching the schedule off must not kill the run it started.
            await asyncio.shield(task)

    def _refused(self, exc: Exception) -> None:
        log.warning("Sync request refused: %s", exc)
        self.failed.emit(str(exc))

    # ---- reset and shutdown -------------------------------------------------------------------

    async def reset(self) -> bool:
        """Forget the checkpoint and backfill progress (recordings stay). Refused while a sync runs."""
        if self._active:
            self.already_running.emit(self.tr("A sync is running: reset it after the run ends."))
            return False
        try:
            await self._ctx.db(SyncUseCases(self._ctx.engine, self._ctx.principal).reset)
        except SyncBusy:
            self.already_running.emit(self.tr("Another QMS process is syncing this database: try again later."))
            return False
        except SecurityError as exc:
            self._refused(exc)
            return False
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
