"""The sync engine: incremental windows, open sessions followed until they close, day-sliced backfill.

Rules (DESIGN.md): windows are half-open UTC; the run's upper bound is frozen at its start
(now − safety delay) and the watermark never passes it; incremental windows start at the watermark
minus the overlap; each page's rows and checkpoint are committed in one transaction, and the watermark
moves only to the end of a slice of the window read in full (whatever order MediaSense returns rows
in), so a crash replays at most one slice and the idempotent upsert absorbs it; a failed run never
advances the checkpoint past its last committed page; backfill is recorded as done day slices and
never moves the live watermark; the reconciliation (`reconcile`) re-checks the last day on a slower
cadence for sessions MediaSense showed too late for the overlap, and never moves the watermark either.

A MediaSense problem that outlasts the client's retries ends the phase it happened in, not the run:
the other phases still run, and a run that committed something ends PARTIAL with the problems as its
error. A run that committed nothing, or met a problem no phase gets past (no connection, TLS, the
credentials), ends FAILED with the reason and what to check.

All database work runs on one writer thread (`DbWriter`), a long run's pages in a writer process
(`write_process`); the event loop only waits for MediaSense.
This module runs a cycle under the sync lock; `phases` and `reconcile` hold what each phase asks MediaSense,
`pages` and `store.sync_page` how a page is committed, `run` the run's result and history row.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.domain.directory import DialPlan
from qms_desktop.domain.sessions import SessionRecord, TagChange
from qms_desktop.domain.time import from_ms, to_ms, utc_now
from qms_desktop.integration_log import tracing
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.errors import (
    AccessForbidden,
    AuthenticationFailed,
    ConfigurationError,
    ConnectionFailed,
    EndpointNotFound,
    MediaSenseError,
    SessionExpired,
    TlsError,
)
from qms_desktop.store.sync_state import Checkpoint
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync import phases
from qms_desktop.sync.collector import fewer_collections
from qms_desktop.sync.guard import SyncAlreadyRunning, SyncGuard, SyncLockLost
from qms_desktop.sync.pages import PageWriter
from qms_desktop.sync.phases import RunContext
from qms_desktop.sync.reconcile import reconcile
from qms_desktop.sync.run import (
    CORRELATION_ID,
    ProgressCallback,
    SyncProgress,
    SyncResult,
    SyncStopped,
    begin_run,
    finish_run,
)
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.sync.windows import DAY_MS, floor_day

log = logging.getLogger("qms.sync")
T = TypeVar("T")

# What a run expects to meet from its own machine: it ends FAILED and says why.
FINISH_ATTEMPTS = 4  # 0.5 + 1 + 2 s for a restarting database to answer again
RUN_FAILURES = (SQLAlchemyError, OSError, SyncLockLost)
# MediaSense errors no later phase would get past: the run stops at once. Others (5xx, busy,
# garbled answers, refusals of one query) end only the phase they happened in.
STOPS_THE_RUN = (ConnectionFailed, TlsError, AuthenticationFailed, AccessForbidden, ConfigurationError,
                 EndpointNotFound, SessionExpired)  # fmt: skip


class RunCut(Exception):
    """A phase met a problem that ends the run; it is already in `SyncResult.problems`."""


@dataclass(slots=True)
class _FailureStreak:
    count: int = 0  # phases failed in a row


class SyncEngine:
    def __init__(
        self,
        db: Engine,
        client: MediaSenseClient,
        settings: SyncSettings | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        dial_plan: DialPlan | None = None,
        on_progress: ProgressCallback | None = None,
        writer: DbWriter | None = None,
        holder: str | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.settings = settings or SyncSettings()
        self._now = now
        self._dial_plan = dial_plan  # None: the site's saved plan, read at the start of each run
        self.on_progress = on_progress
        self._writer = writer or DbWriter()
        self._owns_writer = writer is None
        self._holder = holder
        self._stop_requested = False
        # Called after each committed page (the service wakes its indexer with it).
        self.on_page_committed: Callable[[], None] | None = None

    def request_stop(self) -> None:
        """Stop the running (and any later) run after its current page's commit, as INTERRUPTED."""
        self._stop_requested = True

    @property
    def stop_requested(self) -> bool:
        return self._stop_requested

    def _check_stop(self) -> None:
        if self._stop_requested:
            raise SyncStopped

    def close(self) -> None:
        if self._owns_writer:
            self._writer.close()

    def _now_ms(self) -> int:
        return to_ms(self._now())

    # ---- the periodic cycle -------------------------------------------------------------------

    async def run(self, trigger: str = "manual") -> SyncResult:
        """One cycle. Raises SyncAlreadyRunning when another process or task holds the sync."""
        return await self._locked_run(trigger, "incremental", partial(self._cycle, trigger), self._report_cycle)

    async def _cycle(self, trigger: str, run: RunContext, checkpoint: Checkpoint) -> None:
        result = run.result
        upper = result.window_end_ms
        assert upper is not None  # frozen when the run started
        log.info("Sync run %d started (%s), upper bound %s", result.run_id, trigger, from_ms(upper).isoformat())
        self._check_stop()
        if not checkpoint.initialized:
            # First run (or after a reset): live sync starts today; backfill covers the days before.
            live_start = floor_day(upper)
            checkpoint = Checkpoint(
                last_sync_time_ms=live_start,
                backfill_start_ms=live_start - self.settings.backfill_days * DAY_MS,
                backfill_end_ms=live_start,
                backfill_complete=self.settings.backfill_days == 0,
            )
        streak = _FailureStreak()
        ok, live = await self._phase(run, "live window", phases.incremental(run, checkpoint, upper), streak)
        if ok and live is not None:
            checkpoint = live
        self._check_stop()
        await self._phase(run, "open sessions", phases.open_sessions(run), streak)
        self._check_stop()
        if not checkpoint.backfill_complete:
            await self._phase(run, "backfill", phases.backfill(run, checkpoint), streak)
        else:
            result.backfill_complete = True
        self._check_stop()
        await self._phase(run, "reconciliation", reconcile(run, upper), streak)

    async def _phase(
        self, run: RunContext, label: str, body: Awaitable[T], streak: _FailureStreak
    ) -> tuple[bool, T | None]:
        """One phase of a cycle: (completed, its value). A MediaSense problem ends the phase, not the
        run: it is recorded and the next phase runs, unless no phase would get past it or it is the
        second failed phase in a row (MediaSense is down: stop asking it)."""
        try:
            value = await body
        except MediaSenseError as exc:
            run.result.problems.append(f"{label}: {exc}")
            log.warning("Sync run %d: the %s did not complete: %s", run.result.run_id, label, exc)
            streak.count += 1
            if isinstance(exc, STOPS_THE_RUN) or streak.count >= 2:
                raise RunCut from exc
            return False, None
        streak.count = 0
        return True, value

    def _report_cycle(self, result: SyncResult) -> None:
        c = result.counts
        # A person acts on a run that did not do all it should: FAILED is an error, PARTIAL a warning.
        level = {"FAILED": logging.ERROR, "PARTIAL": logging.WARNING}.get(result.status, logging.INFO)
        log.log(level, "Sync run %d ended %s: fetched %d, created %d, updated %d, skipped %d, errors %d; "
                "waited %.1f s for MediaSense's pages and %.1f s for the database%s",
                result.run_id, result.status, c.fetched, c.created, c.updated, c.skipped, c.errors,
                result.waited_for_mediasense_s, result.waited_for_database_s,
                f"; {result.error}" if result.error and level != logging.INFO else "")  # fmt: skip
        self._emit(result, "done", f"Sync {result.status}")

    # ---- sessions by id (near-real-time events) -----------------------------------------------

    async def run_sessions(
        self,
        session_ids: Sequence[str],
        trigger: str = "event",
        *,
        tag_changes: Sequence[TagChange] = (),
        announced: Sequence[SessionRecord] = (),
    ) -> SyncResult:
        """Sync these sessions now under the sync lock, as a run of their own (mode "sessions").

        For MediaSense events: raises SyncAlreadyRunning when another run holds the lock (the caller
        queues the ids for later). Sessions MediaSense no longer knows are marked deleted, unless a
        tag event just announced them. `tag_changes` (TAG_EVENTs) are applied to the stored sessions
        that could not be fetched again, and `announced` (session-shaped event bodies) stored in their
        place; a fetched session brings its tags itself.
        """
        ids = list(dict.fromkeys([*session_ids, *(c.session_id for c in tag_changes)]))

        async def body(run: RunContext, _checkpoint: Checkpoint) -> None:
            await phases.sessions(run, ids, tag_changes, announced)

        def report(result: SyncResult) -> None:
            level = {"FAILED": logging.ERROR, "PARTIAL": logging.WARNING}.get(result.status, logging.INFO)
            log.log(level, "Synced %d session(s) (%s): created %d, updated %d, run %d %s%s", len(ids), trigger,
                    result.counts.created, result.counts.updated, result.run_id, result.status,
                    f"; {result.error}" if result.error and level != logging.INFO else "")  # fmt: skip

        return await self._locked_run(trigger, "sessions", body, report)

    # ---- one run under the sync lock ----------------------------------------------------------

    async def _locked_run(
        self,
        trigger: str,
        mode: str,
        body: Callable[[RunContext, Checkpoint], Awaitable[None]],
        report: Callable[[SyncResult], None],
    ) -> SyncResult:
        correlation_id = uuid.uuid4().hex[:12]
        token = CORRELATION_ID.set(correlation_id)
        try:
            with tracing.span("qms.sync.run", correlation_id=correlation_id, trigger=trigger), fewer_collections():
                return await self._guarded(trigger, mode, correlation_id, body, report)
        finally:
            CORRELATION_ID.reset(token)

    async def _guarded(
        self,
        trigger: str,
        mode: str,
        correlation_id: str,
        body: Callable[[RunContext, Checkpoint], Awaitable[None]],
        report: Callable[[SyncResult], None],
    ) -> SyncResult:
        started_ms = self._now_ms()
        # The cycle's upper bound, frozen at its start; a sync of sessions by id has no window.
        upper = None if mode == "sessions" else started_ms - int(self.settings.safety_delay_s * 1000)
        guard = SyncGuard(self.db, int(self.settings.lease_ttl_s * 1000), self._holder)
        run_id = await self._writer.run(
            guard.acquire, started_ms, partial(begin_run, guard, correlation_id, trigger, mode, started_ms)
        )
        result = SyncResult(run_id, correlation_id, "RUNNING", mode, None, upper)
        pages = PageWriter(self.db, self._writer, guard, result, now_ms=self._now_ms, check_stop=self._check_stop,
                           on_committed=self._page_committed,
                           write_process_after=self.settings.write_process_after)  # fmt: skip
        try:
            try:
                snapshot, checkpoint = await pages.load()
                plan = self._dial_plan or snapshot.dial_plan
                run = RunContext(self.client, self.settings, plan, snapshot, pages, self._emit)
                try:
                    await body(run, checkpoint)
                except Exception:
                    await pages.drain()  # the pages committed before the error count first
                    raise
                await pages.flush()  # the last page's commit: its failure is the run's
            except asyncio.CancelledError:
                result.status = "INTERRUPTED"
                result.error = "the sync was stopped"
                await asyncio.shield(self._writer.run(finish_run, self.db, result, self._now_ms))
                raise
            except SyncStopped:
                # Every page so far committed its checkpoint: the next run resumes from there.
                result.status = "INTERRUPTED"
                result.error = "the sync was stopped after a committed page"
                log.info("Sync run %d stopped at a page boundary", run_id)
            except RunCut:
                result.conclude()
                log.error("Sync run %d ended %s: %s", run_id, result.status, result.error)
            except MediaSenseError as exc:
                result.problems.append(str(exc))
                result.conclude()
                log.error("Sync run %d ended %s: %s", run_id, result.status, exc)
            except RUN_FAILURES as exc:
                result.status = "FAILED"
                result.error = str(exc)
                log.error("Sync run %d failed: %s", run_id, exc)
            except Exception as exc:
                # A bug: the history says FAILED and why, and the caller gets the exception with its
                # traceback (the scheduler, the GUI and the CLI each report it as unexpected).
                result.status = "FAILED"
                result.error = f"unexpected error: {type(exc).__name__}: {exc}"
                log.error("Sync run %d failed on an unexpected error: %r", run_id, exc)
                await self._writer.run(finish_run, self.db, result, self._now_ms)
                raise
            else:
                result.conclude()
            await self._record_end(result)
            report(result)
            return result
        finally:
            await pages.close()  # its writer process, before the lock it committed under goes
            await self._writer.run(guard.release)

    async def _record_end(self, result: SyncResult) -> None:
        """Write the run's end; a database that is away (a restarting server) gets a few seconds to
        come back. If it does not, the outcome is still returned and the next run marks the row."""
        for attempt in range(FINISH_ATTEMPTS):
            try:
                await self._writer.run(finish_run, self.db, result, self._now_ms)
                return
            except SQLAlchemyError as error:
                if attempt + 1 == FINISH_ATTEMPTS:
                    log.error("The end of sync run %d could not be recorded: %s", result.run_id, error)
                    if result.status != "FAILED":
                        result.status = "FAILED"
                        result.error = f"the run's end could not be recorded: {error}"
                    return
                await asyncio.sleep(0.5 * 2**attempt)

    # ---- progress -----------------------------------------------------------------------------

    def _page_committed(self) -> None:
        if self.on_page_committed is not None:
            self.on_page_committed()

    def _emit(self, result: SyncResult, phase: str, message: str, *, day: int | None = None,
              days: int | None = None) -> None:  # fmt: skip
        if self.on_progress is None:
            return
        try:
            self.on_progress(
                SyncProgress(result.run_id, result.correlation_id, phase, replace(result.counts), day, days, message)
            )
        except Exception:  # a broken progress display must not break the sync
            log.exception("The sync progress callback failed")


__all__ = [
    "CORRELATION_ID",
    "SyncAlreadyRunning",
    "SyncEngine",
    "SyncProgress",
    "SyncResult",
    "SyncStopped",
]
