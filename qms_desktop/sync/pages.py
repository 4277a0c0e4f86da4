"""The run's database side: its pages, its backfill days and the reads its phases need.

Writes run on the one writer thread (`DbWriter`), and a long run's pages in a writer process once
it has started (`sync.write_process`); each page is one transaction (`store.sync_page.write_page`),
and the run's in-memory counters move only after it commits.

A page's commit runs while the run reads the next ones: `commit` hands the page to the writer and
returns while at most `PAGES_IN_FLIGHT` pages are committing, waiting for the oldest first and
raising what it raised; any other step of the run's database side waits for them all. The writer
takes them in order, and one whose page before failed is not written: a page that fails is still
the last one written, and the checkpoint never passes it. Two pages in flight keep both cores busy
when a writer process writes: with one, the run waited for each page's answer while the simulator
and the writer shared the other core, and the writer waited for the next page
(tests/benchmarks/bench_sync.py). The unchanged filter reads on a connection of its own beside the
writer; a session it does not yet see stored (it is in a page being committed) is written again,
and the upsert finds it unchanged.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from sqlalchemy import Engine

from qms_desktop.domain.directory import DirectorySnapshot
from qms_desktop.domain.sessions import RejectedRecord, SessionRecord, TagChange
from qms_desktop.integration_log import tracing
from qms_desktop.store import search_queue
from qms_desktop.store import sync_state as state
from qms_desktop.store.directory import load_directory
from qms_desktop.store.engine import begin_write, reads_beside_writer
from qms_desktop.store.recordings import PreparedSessions, stored_unchanged
from qms_desktop.store.sync_page import SyncPage, write_page
from qms_desktop.store.sync_state import Checkpoint, RunCounts
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync.guard import SyncGuard
from qms_desktop.sync.run import SyncResult
from qms_desktop.sync.write_process import PageWriteProcess, can_write_elsewhere

T = TypeVar("T")

log = logging.getLogger("qms.sync")
PAGES_IN_FLIGHT = 2  # pages handed to the writer and not yet waited for


class PageNotWritten(Exception):
    """A page handed to the writer after one that failed: it was not written (the failure is the run's)."""


class PageWriter:
    """Commits one run's pages and backfill days under its sync lock."""

    def __init__(
        self,
        db: Engine,
        writer: DbWriter,
        guard: SyncGuard,
        result: SyncResult,
        *,
        now_ms: Callable[[], int],
        check_stop: Callable[[], None],
        on_committed: Callable[[], None],
        write_process_after: int = 0,
    ) -> None:
        """`write_process_after`: once the run has written this many sessions (unchanged ones are not
        written), later pages are written by a process of their own (`sync.write_process`); 0: always
        on the writer thread."""
        self.db = db
        self.writer = writer
        self.guard = guard
        self.result = result
        self._now_ms = now_ms
        self._check_stop = check_stop
        self._on_committed = on_committed
        self.index_queue = False  # does this database keep an OpenSearch backlog? (read by `load`)
        self._in_flight: deque[asyncio.Future[None]] = deque()  # pages being committed, oldest first
        self._broken = False  # a page failed: the writer writes none after it (read on the writer thread)
        self._separate_reads = reads_beside_writer(db)
        self._write_process_after = write_process_after if can_write_elsewhere(db) else 0
        self._process: PageWriteProcess | None = None  # ready: pages go to it
        self._starting: asyncio.Task[None] | None = None
        self._written = 0  # sessions handed to a write so far (an unchanged re-run writes none)

    async def load(self) -> tuple[DirectorySnapshot, Checkpoint]:
        """The run's inputs: the directory and the checkpoint (and whether pages feed the search backlog)."""

        def read() -> tuple[bool, DirectorySnapshot, Checkpoint]:
            with self.db.connect() as conn:
                return search_queue.queue_enabled(conn), load_directory(conn), state.load_checkpoint(conn)

        self.index_queue, snapshot, checkpoint = await self.writer.run(read)
        return snapshot, checkpoint

    async def commit(
        self,
        sessions: Sequence[SessionRecord] | PreparedSessions,
        rejected: Sequence[RejectedRecord],
        *,
        checkpoint: Checkpoint | None = None,
        slice_progress: tuple[int, int] | None = None,
        deleted: Sequence[str] = (),
        late: bool = False,
        tag_changes: Sequence[TagChange] = (),
        unchanged: int = 0,
        progress: Callable[[], None] | None = None,
    ) -> None:
        """Rows (of `sessions`: records, or their rows prepared already), quarantine, checkpoint and
        run counters of one page: one transaction, handed to the
        writer while the page before it may still commit, once the one before that has (whose failure
        this raises; a page handed over after one that fails is not written). Returns while it
        commits: `flush` waits for it. `progress` is called once it has committed (progress reports
        committed pages).

        Raises SyncStopped when a stop was asked for: the last committed page is the safe point."""
        records, prepared = ((), sessions) if isinstance(sessions, PreparedSessions) else (sessions, None)
        page = SyncPage(records, rejected, deleted, checkpoint, slice_progress, late, tag_changes, unchanged, prepared)
        process = self._process
        # For a writer process, the page is made ready here, before waiting for the oldest page in
        # flight: on the writer thread it would wait for the answers before it, the process idle meanwhile.
        handed = process.hand_over(page) if process is not None else None
        await self._settle(PAGES_IN_FLIGHT - 1)
        writing = asyncio.ensure_future(self._write(page, self._now_ms(), progress, process, handed))
        writing.add_done_callback(_retrieved)
        self._in_flight.append(writing)
        await asyncio.sleep(0)  # the page goes to the writer now, not when the run's reading next yields

    async def flush(self) -> None:
        """Wait for every page being committed; raise what the first that failed raised, or
        SyncStopped after them when a stop was asked for (a committed page is the safe point)."""
        await self._settle(0)

    async def _settle(self, keep: int) -> None:
        """Wait for the oldest pages in flight until at most `keep` are left; on an error or a stop,
        for all of them (none is left committing when the run's error handling starts)."""
        while len(self._in_flight) > keep:
            try:
                started = time.perf_counter()
                await self._in_flight.popleft()
                self.result.waited_for_database_s += time.perf_counter() - started
                self._check_stop()
            except Exception:
                await self.drain()
                raise

    async def drain(self) -> None:
        """Wait for every page being committed when the run ends on another error: their outcome is
        recorded as usual; an error of their own is logged, not raised over the first."""
        while self._in_flight:
            try:
                await self._in_flight.popleft()
            except PageNotWritten:
                pass
            except Exception as error:
                # Its commit may have failed, or what runs once it has committed (progress, the indexer).
                log.error("Sync run %d: another page in flight failed as well: %s", self.result.run_id, error)
        self._broken = False  # nothing is in flight: what is handed over next follows committed pages

    async def close(self) -> None:
        """End the run's writer process, if it has one (after `flush` or `drain`)."""
        starting = self._starting
        if starting is not None:
            await asyncio.wait([starting])  # a start under way ends first, so no process is left behind
        process, self._process = self._process, None
        if process is not None:
            await self.writer.run(process.close)  # queued after a page it may still be writing

    async def _write(
        self,
        page: SyncPage,
        fetched_at: int,
        progress: Callable[[], None] | None,
        process: PageWriteProcess | None = None,
        handed: bytes | None = None,
    ) -> None:
        """Commit `page` on the writer thread, or in `process` (`handed` is the page made ready for it)."""
        result = self.result

        def write() -> int:
            if self._broken:
                raise PageNotWritten(f"Sync run {result.run_id}: a page before this one did not commit")
            before = result.counts.errors
            try:
                counts = self._commit_on_writer(page, fetched_at, process, handed)
            except BaseException:
                self._broken = True
                raise
            # Only after the commit do the in-memory counters move.
            result.counts = counts
            quarantined = counts.errors - before  # records quarantined for the first time
            result.quarantined += quarantined
            return quarantined

        with tracing.span("qms.sync.page", correlation_id=result.correlation_id, run_id=result.run_id,
                          records=page.size):  # fmt: skip
            quarantined = await self.writer.run(write)
        if quarantined:
            log.warning(
                "Sync run %d quarantined %d record(s) MediaSense sent that could not be read (%s); they are kept "
                "in the quarantine: see the Sync tab or `qms-desktop sync quarantine`",
                result.run_id, quarantined,
                "; ".join(sorted({f"{r.session_id or 'no sessionId'}: {r.reason}" for r in page.rejected})[:5]),
                extra={"run_id": result.run_id},
            )  # fmt: skip
        if self.index_queue:
            self._on_committed()
        if progress is not None:
            progress()
        self._written += page.sessions
        if self._starting is None and 0 < self._write_process_after <= self._written:
            self._starting = asyncio.ensure_future(self._start_process())

    def _commit_on_writer(
        self, page: SyncPage, fetched_at: int, process: PageWriteProcess | None, handed: bytes | None
    ) -> RunCounts:
        """The run's counters with `page` committed (on the writer thread): in `process`, or here."""
        result = self.result
        if process is not None and handed is not None:
            return process.write(handed, result.counts, fetched_at_ms=fetched_at, now_ms=self._now_ms())
        return write_page(
            self.db,
            page,
            run_id=result.run_id,
            counts=result.counts,
            lease=self.guard,
            fetched_at_ms=fetched_at,
            now_ms=self._now_ms,
            index_queue=self.index_queue,
        )

    async def _start_process(self) -> None:
        """Start the writer process beside the run (pages keep going to the thread meanwhile); one that
        will not start leaves the run on the thread."""
        try:
            handle = await self.writer.run(self.guard.handle)
            process = PageWriteProcess(self.db, handle, self.result.run_id, index_queue=self.index_queue)
            await asyncio.to_thread(process.start)
        except Exception as error:
            log.warning("Sync run %d writes its pages on its own thread: its writer process did not start (%s)",
                        self.result.run_id, error)  # fmt: skip
            return
        self._process = process
        log.info("Sync run %d writes its pages in a process of their own (pid %s)", self.result.run_id, process.pid)

    async def _run(self, fn: Callable[[], T]) -> T:
        """Any other step of the run's database side: after the page being committed."""
        await self.flush()
        return await self.writer.run(fn)

    # ---- reads for the phases -----------------------------------------------------------------

    async def unchanged(self, prints: Sequence[tuple[str, str]]) -> set[str]:
        """The session ids of these (session id, fingerprint) pairs stored with that very fingerprint."""

        def read() -> set[str]:
            with self.db.connect() as conn:
                return stored_unchanged(conn, prints)

        # Beside the writer: the next page's filter does not wait for this page's commit.
        return await (asyncio.to_thread(read) if self._separate_reads else self.writer.run(read))

    async def open_sessions(self, limit: int) -> list[tuple[str, int]]:
        def read() -> list[tuple[str, int]]:
            with self.db.connect() as conn:
                return state.open_sessions(conn, limit)

        return await self._run(read)

    async def stored_starts(self, session_ids: Sequence[str]) -> dict[str, int]:
        def read() -> dict[str, int]:
            with self.db.connect() as conn:
                return state.stored_starts(conn, list(session_ids))

        return await self._run(read)

    async def done_slices(self) -> list[tuple[int, int]]:
        def read() -> list[tuple[int, int]]:
            with self.db.connect() as conn:
                return state.done_slices(conn)

        return await self._run(read)

    async def reconcile_inputs(self) -> tuple[Checkpoint, list[tuple[int, int]]]:
        """The stored checkpoint (with the watermark this run's live window reached) and the done days."""

        def read() -> tuple[Checkpoint, list[tuple[int, int]]]:
            with self.db.connect() as conn:
                return state.load_checkpoint(conn), state.done_slices(conn)

        return await self._run(read)

    async def count_stored(self, start: int, end: int) -> int:
        def read() -> int:
            with self.db.connect() as conn:
                return state.count_stored(conn, start, end)

        return await self._run(read)

    async def is_stored(self, session_id: str, start: int, end: int) -> bool:
        def read() -> bool:
            with self.db.connect() as conn:
                return state.is_stored(conn, session_id, start, end)

        return await self._run(read)

    async def save_reconciliation(self, reconciled_at_ms: int, settled_through_ms: int) -> None:
        def write() -> None:
            with begin_write(self.db) as conn:
                state.save_reconciliation(conn, reconciled_at_ms, settled_through_ms)
                self.guard.renew(conn, self._now_ms(), self.result.run_id)

        await self._run(write)

    # ---- backfill days ------------------------------------------------------------------------

    async def begin_slice(self, start: int, end: int) -> None:
        def write() -> None:
            with begin_write(self.db) as conn:
                state.mark_slice(conn, start, end, "running", self._now_ms(), new_attempt=True)

        await self._run(write)

    async def fail_slice(self, start: int, end: int, error: str) -> None:
        def write() -> None:
            with begin_write(self.db) as conn:
                state.mark_slice(conn, start, end, "failed", self._now_ms(), error=error[:500])

        await self.drain()  # the day failed on its own error: that is the one to record
        await self.writer.run(write)

    async def end_slice(self, start: int, end: int, checkpoint: Checkpoint) -> None:
        """The day is done: mark it and save the backfill progress (never the live watermark)."""

        def write() -> None:
            with begin_write(self.db) as conn:
                now = self._now_ms()
                state.mark_slice(conn, start, end, "done", now)
                # Only the backfill fields: the live watermark belongs to the incremental phase.
                current = state.load_checkpoint(conn)
                saved = (
                    replace(
                        current,
                        backfill_start_ms=checkpoint.backfill_start_ms,
                        backfill_end_ms=checkpoint.backfill_end_ms,
                        backfill_current_ms=checkpoint.backfill_current_ms,
                        backfill_complete=checkpoint.backfill_complete,
                    )
                    if current.initialized
                    else checkpoint
                )
                state.save_checkpoint(conn, saved, now)
                self.guard.renew(conn, now, self.result.run_id)

        await self._run(write)


def _retrieved(future: asyncio.Future[None]) -> None:
    """A commit's error is raised by `flush`; one a cancelled run never waits for is not reported
    as never retrieved."""
    if not future.cancelled():
        future.exception()


__all__ = ["PageWriter"]
