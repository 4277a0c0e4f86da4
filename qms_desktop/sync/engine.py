"""The sync engine: incremental windows, open sessions followed until they close, day-sliced backfill.

Rules (DESIGN.md): windows are half-open UTC; the run's upper bound is frozen at its start
(now − safety delay) and the watermark never passes it; incremental windows start at the watermark
minus the overlap; each page's rows and checkpoint are committed in one transaction, so a crash replays
at most one page and the idempotent upsert absorbs it; a failed run never advances the checkpoint past
its last committed page; backfill is recorded as done day slices and never moves the live watermark.

All database work runs on one writer thread (`DbWriter`); the event loop only waits for MediaSense.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import aclosing
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.domain.directory import DialPlan, DirectorySnapshot, enrich
from qms_desktop.domain.sessions import RejectedRecord, SessionRecord
from qms_desktop.domain.time import TimeWindow, from_ms, to_ms, utc_now
from qms_desktop.integration_log import tracing
from qms_desktop.mediasense.client import MediaSenseClient, SessionPage
from qms_desktop.mediasense.errors import MediaSenseError
from qms_desktop.store import search_queue
from qms_desktop.store.directory import load_directory
from qms_desktop.store.engine import begin_write
from qms_desktop.store.quarantine import quarantine_records
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.sync import state
from qms_desktop.sync.guard import SyncAlreadyRunning, SyncGuard
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.sync.state import Checkpoint, RunCounts
from qms_desktop.sync.windows import DAY_MS, day_slices, floor_day, gaps

log = logging.getLogger("qms.sync")
OPEN_SESSION_FETCHES = 8  # concurrent getSessionBySessionId calls while following open sessions
T = TypeVar("T")

# The correlation id of the running sync, added to every log record made while it runs.
CORRELATION_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("qms_correlation_id", default=None)


def _install_correlation_factory() -> None:
    previous = logging.getLogRecordFactory()
    if getattr(previous, "_qms_correlation", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        cid = CORRELATION_ID.get()
        if cid is not None and not hasattr(record, "correlation_id"):
            record.correlation_id = cid
        return record

    factory._qms_correlation = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


_install_correlation_factory()


class DbWriter:
    """One thread for all database writes (SQLite has one writer; PostgreSQL gets ordered pages)."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qms-db")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        context = contextvars.copy_context()  # keep the correlation id on the writer thread
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(context.run, fn, *args))

    def close(self) -> None:
        self._executor.shutdown(wait=True)


@dataclass(frozen=True, slots=True)
class SyncProgress:
    run_id: int
    correlation_id: str
    phase: str  # incremental | open | backfill | done
    counts: RunCounts
    backfill_day: int | None = None  # "day x of y"
    backfill_days: int | None = None
    message: str = ""


@dataclass(slots=True)
class SyncResult:
    run_id: int
    correlation_id: str
    status: str  # SUCCESS | PARTIAL | FAILED | INTERRUPTED
    mode: str
    window_start_ms: int | None
    window_end_ms: int | None
    counts: RunCounts = field(default_factory=RunCounts)
    quarantined: int = 0
    more_pending: bool = False
    backfill_done_days: int = 0
    backfill_total_days: int = 0
    backfill_complete: bool = False
    backfilled_from_ms: int | None = None  # earliest day slice this run synced
    error: str | None = None

    @property
    def covered_start_ms(self) -> int | None:
        """Where this run's coverage starts: its earliest backfill day or its live window."""
        starts = [s for s in (self.window_start_ms, self.backfilled_from_ms) if s is not None]
        return min(starts) if starts else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "runId": self.run_id,
            "correlationId": self.correlation_id,
            "status": self.status,
            "mode": self.mode,
            "window": {"start": self.window_start_ms, "end": self.window_end_ms},
            **self.counts.to_dict(),
            "quarantined": self.quarantined,
            "morePending": self.more_pending,
            "backfill": {
                "doneDays": self.backfill_done_days,
                "totalDays": self.backfill_total_days,
                "complete": self.backfill_complete,
                "syncedFrom": self.backfilled_from_ms,
            },
            "error": self.error,
        }


ProgressCallback = Callable[[SyncProgress], None]


class SyncStopped(Exception):
    """Raised at a page boundary after `request_stop()`: the run ends INTERRUPTED, resumable."""


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
        self._dial_plan = dial_plan or DialPlan()
        self.on_progress = on_progress
        self._writer = writer or DbWriter()
        self._owns_writer = writer is None
        self._holder = holder
        self._stop_requested = False
        self._index_queue = False  # per run: does this database keep an OpenSearch backlog?
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

    # ---- the run ------------------------------------------------------------------------------

    async def run(self, trigger: str = "manual") -> SyncResult:
        """One cycle. Raises SyncAlreadyRunning when another process or task holds the sync."""
        correlation_id = uuid.uuid4().hex[:12]
        token = CORRELATION_ID.set(correlation_id)
        try:
            with tracing.span("qms.sync.run", correlation_id=correlation_id, trigger=trigger):
                return await self._run(trigger, correlation_id)
        finally:
            CORRELATION_ID.reset(token)

    async def _run(self, trigger: str, correlation_id: str) -> SyncResult:
        started_ms = self._now_ms()
        upper = started_ms - int(self.settings.safety_delay_s * 1000)
        guard = SyncGuard(self.db, int(self.settings.lease_ttl_s * 1000), self._holder)
        run_id = await self._writer.run(
            guard.acquire, started_ms, partial(self._begin_run, guard, correlation_id, trigger, started_ms)
        )
        try:
            result = SyncResult(run_id, correlation_id, "RUNNING", "incremental", None, upper)
            log.info("Sync run %d started (%s), upper bound %s", run_id, trigger, from_ms(upper).isoformat())
            try:
                await self._cycle(guard, result, upper)
            except asyncio.CancelledError:
                result.status = "INTERRUPTED"
                result.error = "the sync was stopped"
                await asyncio.shield(self._writer.run(self._finish_run, result))
                raise
            except SyncStopped:
                # Every page so far committed its checkpoint: the next run resumes from there.
                result.status = "INTERRUPTED"
                result.error = "the sync was stopped after a committed page"
                log.info("Sync run %d stopped at a page boundary", run_id)
            except (MediaSenseError, SQLAlchemyError, OSError) as exc:
                result.status = "FAILED"
                result.error = str(exc)
                log.error("Sync run %d failed: %s", run_id, exc)
            else:
                result.status = "PARTIAL" if result.counts.errors else "SUCCESS"
            await self._writer.run(self._finish_run, result)
            log.info(
                "Sync run %d ended %s: fetched %d, created %d, updated %d, skipped %d, errors %d",
                run_id,
                result.status,
                result.counts.fetched,
                result.counts.created,
                result.counts.updated,
                result.counts.skipped,
                result.counts.errors,
            )
            self._emit(result, "done", f"Sync {result.status}")
            return result
        finally:
            await self._writer.run(guard.release)

    def _begin_run(
        self, guard: SyncGuard, correlation_id: str, trigger: str, now_ms: int, conn: Connection, *,
        mode: str = "incremental",
    ) -> int:  # fmt: skip
        state.interrupt_stale_runs(conn, None, now_ms)  # we hold the lock: anything RUNNING is dead
        return state.start_run(
            conn, correlation_id=correlation_id, trigger=trigger, mode=mode, now_ms=now_ms, host=guard.holder
        )

    def _finish_run(self, result: SyncResult) -> None:
        with begin_write(self.db) as conn:
            state.update_run(
                conn,
                result.run_id,
                result.counts,
                self._now_ms(),
                status=result.status,
                window=(result.window_start_ms, result.window_end_ms),
                mode=result.mode,
                error_summary=result.error,
            )

    async def _cycle(self, guard: SyncGuard, result: SyncResult, upper: int) -> None:
        self._check_stop()
        self._index_queue = await self._writer.run(self._load_index_flag)
        snapshot = await self._writer.run(self._load_directory)
        checkpoint = await self._writer.run(self._load_checkpoint)
        if not checkpoint.initialized:
            # First run (or after a reset): live sync starts today; backfill covers the days before.
            live_start = floor_day(upper)
            checkpoint = Checkpoint(
                last_sync_time_ms=live_start,
                backfill_start_ms=live_start - self.settings.backfill_days * DAY_MS,
                backfill_end_ms=live_start,
                backfill_complete=self.settings.backfill_days == 0,
            )
        checkpoint = await self._incremental(guard, result, checkpoint, upper, snapshot)
        self._check_stop()
        await self._open_sessions(guard, result, snapshot)
        self._check_stop()
        if not checkpoint.backfill_complete:
            await self._backfill(guard, result, checkpoint, snapshot)
        else:
            result.backfill_complete = True

    def _load_directory(self) -> DirectorySnapshot:
        with self.db.connect() as conn:
            return load_directory(conn)

    def _load_index_flag(self) -> bool:
        with self.db.connect() as conn:
            return search_queue.queue_enabled(conn)

    def _load_checkpoint(self) -> Checkpoint:
        with self.db.connect() as conn:
            return state.load_checkpoint(conn)

    # ---- incremental --------------------------------------------------------------------------

    async def _incremental(
        self,
        guard: SyncGuard,
        result: SyncResult,
        checkpoint: Checkpoint,
        upper: int,
        snapshot: DirectorySnapshot,
    ) -> Checkpoint:
        watermark = checkpoint.last_sync_time_ms or upper
        start = min(watermark - int(self.settings.overlap_s * 1000), upper)
        result.window_start_ms = start
        if start >= upper:
            return checkpoint
        window = TimeWindow(from_ms(start), from_ms(upper))
        mark: tuple[int, str] = (watermark, checkpoint.last_seen_id or "")
        advancing_pages = 0
        async with aclosing(self._pages(window)) as pages:
            async for page in pages:
                records = enrich(page.records, snapshot, self._dial_plan)
                newest = max(((to_ms(r.start), r.session_id) for r in records if to_ms(r.start) < upper), default=None)
                advanced = newest is not None and newest > mark
                if advanced:
                    mark = newest  # type: ignore[assignment]
                    advancing_pages += 1
                drained = not page.has_more
                if drained:
                    mark = (upper, "")  # everything before the frozen upper bound has been read
                checkpoint = replace(checkpoint, last_sync_time_ms=mark[0], last_seen_id=mark[1] or None)
                await self._commit_page(guard, result, records, page.rejected, checkpoint=checkpoint)
                self._emit(result, "incremental", f"page {result.counts.pages} of the live window")
                if drained:
                    break
                if advancing_pages >= self.settings.max_pages:
                    result.more_pending = True  # the next cycle continues from the watermark
                    log.info("Reached %d pages this cycle; the rest follows next cycle", self.settings.max_pages)
                    break
        return checkpoint  # every page committed its checkpoint: nothing left to save

    async def _pages(self, window: TimeWindow) -> AsyncIterator[SessionPage]:
        """The window's pages in order, fetching the next one while the caller commits this one."""
        limit = self.settings.page_size
        pending = asyncio.ensure_future(self.client.query_sessions(window, offset=0, limit=limit))
        try:
            while True:
                page = await pending
                following = page.next_offset
                if following is not None:
                    pending = asyncio.ensure_future(self.client.query_sessions(window, offset=following, limit=limit))
                yield page
                if following is None:
                    return
        finally:
            if not pending.done():
                pending.cancel()  # the caller stopped early (page limit, failure): drop the prefetch
                with contextlib.suppress(asyncio.CancelledError, MediaSenseError):
                    await pending

    async def _commit_page(
        self,
        guard: SyncGuard,
        result: SyncResult,
        records: Sequence[SessionRecord],
        rejected: Sequence[RejectedRecord],
        *,
        checkpoint: Checkpoint | None = None,
        slice_progress: tuple[int, int] | None = None,
        deleted: Sequence[str] = (),
    ) -> None:
        """Rows, quarantine, checkpoint and run counters of one page: one transaction."""
        counts = result.counts
        fetched_at = self._now_ms()

        def write() -> None:
            with begin_write(self.db) as conn:
                now = self._now_ms()
                outcome = upsert_sessions(conn, records, fetched_at_ms=fetched_at, now_ms=now)
                if rejected:
                    quarantine_records(conn, rejected, run_id=result.run_id, now_ms=now)
                if deleted:
                    state.mark_deleted(conn, list(deleted), now)
                if self._index_queue:
                    # In this transaction: a committed page can never be missing from the search index.
                    search_queue.enqueue(conn, [*outcome.ids, *deleted], now)
                if checkpoint is not None:
                    state.save_checkpoint(conn, checkpoint, now)
                if slice_progress is not None:
                    state.mark_slice(conn, slice_progress[0], slice_progress[1], "running", now, pages=1,
                                     records=len(records) + len(rejected))  # fmt: skip
                pending = replace(
                    counts,
                    pages=counts.pages + 1,
                    fetched=counts.fetched + len(records) + len(rejected),
                    created=counts.created + outcome.created,
                    updated=counts.updated + outcome.updated + len(deleted),
                    skipped=counts.skipped + outcome.skipped,
                    errors=counts.errors + len(rejected),
                )
                state.update_run(conn, result.run_id, pending, now)
                guard.renew(conn, now, result.run_id)
            # Only after the commit do the in-memory counters move.
            result.counts = pending
            result.quarantined += len(rejected)

        with tracing.span("qms.sync.page", correlation_id=result.correlation_id, run_id=result.run_id,
                          records=len(records) + len(rejected)):  # fmt: skip
            await self._writer.run(write)
        if self.on_page_committed is not None and self._index_queue:
            self.on_page_committed()
        self._check_stop()  # the safe point: this page and its checkpoint are committed

    # ---- open sessions ------------------------------------------------------------------------

    async def _open_sessions(self, guard: SyncGuard, result: SyncResult, snapshot: DirectorySnapshot) -> None:
        """Sessions stored as ACTIVE are fetched again by id until MediaSense reports them closed."""
        open_ids = await self._writer.run(self._list_open)
        if not open_ids:
            return
        limit = asyncio.Semaphore(OPEN_SESSION_FETCHES)

        async def fetch(session_id: str, start_ms: int) -> SessionRecord | RejectedRecord | MediaSenseError | None:
            async with limit:
                try:
                    return await self.client.get_session(session_id, started=from_ms(start_ms))
                except MediaSenseError as exc:
                    if _is_connection_level(exc):
                        raise
                    return exc

        size = self.settings.page_size
        for first in range(0, len(open_ids), size):
            chunk = open_ids[first : first + size]
            # A few lookups at a time: one by one, hundreds of open calls cost a round trip each.
            fetched_all = await asyncio.gather(*(fetch(sid, start) for sid, start in chunk))
            batch: list[SessionRecord] = []
            rejected: list[RejectedRecord] = []
            gone: list[str] = []
            for (session_id, _start), fetched in zip(chunk, fetched_all, strict=True):
                if isinstance(fetched, MediaSenseError):
                    log.warning("Could not re-fetch open session %s: %s", session_id, fetched)
                    result.counts.errors += 1
                elif fetched is None:
                    gone.append(session_id)
                elif isinstance(fetched, RejectedRecord):
                    rejected.append(fetched)
                else:
                    batch.append(fetched)
            if batch or rejected or gone:
                await self._commit_page(guard, result, enrich(batch, snapshot, self._dial_plan),
                                        rejected, deleted=gone)  # fmt: skip
                self._emit(result, "open", "following open sessions")

    def _list_open(self) -> list[tuple[str, int]]:
        with self.db.connect() as conn:
            return state.open_sessions(conn, self.settings.open_sessions_per_cycle)

    # ---- backfill -----------------------------------------------------------------------------

    async def _backfill(
        self,
        guard: SyncGuard,
        result: SyncResult,
        checkpoint: Checkpoint,
        snapshot: DirectorySnapshot,
    ) -> None:
        start, end = checkpoint.backfill_start_ms, checkpoint.backfill_end_ms
        if start is None or end is None:
            return
        total_days = len(day_slices(start, end))
        done = await self._writer.run(self._done_slices)
        todo = list(reversed(gaps(start, end, done)))  # newest days first: what supervisors need first
        result.backfill_total_days = total_days
        result.backfill_done_days = total_days - len(todo)
        result.mode = "incremental+backfill" if todo else result.mode
        for slice_start, slice_end in todo[: self.settings.backfill_days_per_cycle]:
            day_number = min(result.backfill_done_days + 1, total_days)
            await self._writer.run(self._begin_slice, slice_start, slice_end)
            window = TimeWindow(from_ms(slice_start), from_ms(slice_end))
            try:
                async with aclosing(self._pages(window)) as pages:
                    async for page in pages:
                        records = enrich(page.records, snapshot, self._dial_plan)
                        progress = replace(checkpoint, backfill_current_ms=slice_start)
                        await self._commit_page(guard, result, records, page.rejected, checkpoint=progress,
                                            slice_progress=(slice_start, slice_end))  # fmt: skip
                        self._emit(result, "backfill", f"backfill day {day_number} of {total_days}",
                               day=day_number, days=total_days)  # fmt: skip
            except MediaSenseError as exc:
                await self._writer.run(self._fail_slice, slice_start, slice_end, str(exc))
                raise
            todo_left = len(todo) - (day_number - (total_days - len(todo)))
            checkpoint = replace(checkpoint, backfill_current_ms=slice_start, backfill_complete=todo_left <= 0)
            await self._writer.run(self._end_slice, guard, result.run_id, slice_start, slice_end, checkpoint)
            result.backfill_done_days = day_number
            result.backfilled_from_ms = slice_start
            self._emit(result, "backfill", f"backfill day {day_number} of {total_days} done",
                       day=day_number, days=total_days)  # fmt: skip
        result.backfill_complete = result.backfill_done_days >= total_days

    def _done_slices(self) -> list[tuple[int, int]]:
        with self.db.connect() as conn:
            return state.done_slices(conn)

    def _begin_slice(self, start: int, end: int) -> None:
        with begin_write(self.db) as conn:
            state.mark_slice(conn, start, end, "running", self._now_ms(), new_attempt=True)

    def _fail_slice(self, start: int, end: int, error: str) -> None:
        with begin_write(self.db) as conn:
            state.mark_slice(conn, start, end, "failed", self._now_ms(), error=error[:500])

    def _end_slice(self, guard: SyncGuard, run_id: int, start: int, end: int, checkpoint: Checkpoint) -> None:
        with begin_write(self.db) as conn:
            now = self._now_ms()
            state.mark_slice(conn, start, end, "done", now)
            # Only the backfill fields: the live watermark belongs to the incremental phase.
            current = state.load_checkpoint(conn)
            state.save_checkpoint(
                conn,
                replace(
                    current,
                    backfill_start_ms=checkpoint.backfill_start_ms,
                    backfill_end_ms=checkpoint.backfill_end_ms,
                    backfill_current_ms=checkpoint.backfill_current_ms,
                    backfill_complete=checkpoint.backfill_complete,
                )
                if current.initialized
                else checkpoint,
                now,
            )
            guard.renew(conn, now, run_id)

    # ---- one session (near-real-time events) --------------------------------------------------

    async def run_sessions(self, session_ids: Sequence[str], trigger: str = "event") -> SyncResult:
        """Sync these sessions now under the sync lock, as a run of their own (mode "sessions").

        For MediaSense events: raises SyncAlreadyRunning when another run holds the lock (the caller
        queues the ids for later). Sessions MediaSense no longer knows are marked deleted.
        """
        correlation_id = uuid.uuid4().hex[:12]
        token = CORRELATION_ID.set(correlation_id)
        try:
            with tracing.span("qms.sync.run", correlation_id=correlation_id, trigger=trigger):
                return await self._run_sessions(list(dict.fromkeys(session_ids)), trigger, correlation_id)
        finally:
            CORRELATION_ID.reset(token)

    async def _run_sessions(self, session_ids: list[str], trigger: str, correlation_id: str) -> SyncResult:
        started_ms = self._now_ms()
        guard = SyncGuard(self.db, int(self.settings.lease_ttl_s * 1000), self._holder)
        run_id = await self._writer.run(
            guard.acquire,
            started_ms,
            partial(self._begin_run, guard, correlation_id, trigger, started_ms, mode="sessions"),
        )
        result = SyncResult(run_id, correlation_id, "RUNNING", "sessions", None, None)
        try:
            try:
                self._index_queue = await self._writer.run(self._load_index_flag)
                snapshot = await self._writer.run(self._load_directory)
                records: list[SessionRecord] = []
                rejected: list[RejectedRecord] = []
                gone: list[str] = []
                for session_id in session_ids:
                    fetched = await self.client.get_session(session_id)
                    if fetched is None:
                        gone.append(session_id)
                    elif isinstance(fetched, RejectedRecord):
                        rejected.append(fetched)
                    else:
                        records.append(fetched)
                await self._commit_page(guard, result, enrich(records, snapshot, self._dial_plan),
                                        rejected, deleted=gone)  # fmt: skip
            except asyncio.CancelledError:
                result.status = "INTERRUPTED"
                await asyncio.shield(self._writer.run(self._finish_run, result))
                raise
            except SyncStopped:
                result.status = "INTERRUPTED"  # the page is committed; nothing else to do
            except (MediaSenseError, SQLAlchemyError, OSError) as exc:
                result.status = "FAILED"
                result.error = str(exc)
                log.error("Syncing sessions %s failed: %s", ", ".join(session_ids[:5]), exc)
            else:
                result.status = "PARTIAL" if result.counts.errors else "SUCCESS"
            await self._writer.run(self._finish_run, result)
            log.info("Synced %d session(s) (%s): created %d, updated %d, run %d %s", len(session_ids), trigger,
                     result.counts.created, result.counts.updated, run_id, result.status)  # fmt: skip
            return result
        finally:
            await self._writer.run(guard.release)

    # ---- progress -----------------------------------------------------------------------------

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


def _is_connection_level(exc: MediaSenseError) -> bool:
    from qms_desktop.mediasense.errors import AuthenticationFailed, ConnectionFailed, ServerBusy, TlsError

    return isinstance(exc, ConnectionFailed | TlsError | AuthenticationFailed | ServerBusy)


__all__ = ["DbWriter", "SyncAlreadyRunning", "SyncEngine", "SyncProgress", "SyncResult", "SyncStopped"]
