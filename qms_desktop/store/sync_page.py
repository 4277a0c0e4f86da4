"""One sync page in one transaction: rows, quarantine, deletions, search backlog, checkpoint, counters.

Because a page's rows and the checkpoint that covers them commit together, a crash replays at most
one page and the idempotent upsert absorbs it; a page that fails rolls back whole, checkpoint
included, so a failed run never moves the checkpoint past its last committed page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from sqlalchemy import Connection, Engine

from qms_desktop.domain.sessions import RejectedRecord, SessionRecord, TagChange
from qms_desktop.store import search_queue
from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.quarantine import quarantine_records
from qms_desktop.store.recordings import PreparedSessions, prepare_sessions, upsert_prepared
from qms_desktop.store.sync_state import Checkpoint, RunCounts
from qms_desktop.store.tag_changes import apply_tag_changes


class Lease(Protocol):
    """The sync lock; every committed page extends it, in the page's transaction."""

    def renew(self, conn: Connection, now_ms: int, run_id: int | None = None) -> None: ...


@dataclass(frozen=True, slots=True)
class SyncPage:
    """What one page brings: sessions to store, records to quarantine, sessions MediaSense lost."""

    records: Sequence[SessionRecord]
    rejected: Sequence[RejectedRecord] = ()
    deleted: Sequence[str] = ()
    checkpoint: Checkpoint | None = None  # None: this page does not move the checkpoint
    backfill_slice: tuple[int, int] | None = None  # the backfill day the page belongs to
    late: bool = False  # a reconciliation page: the sessions it creates are ones the live window missed
    tag_changes: Sequence[TagChange] = ()  # tag events for stored sessions this page did not fetch
    unchanged: int = 0  # sessions the page brought that are stored exactly as sent (not in `records`)
    # `records` prepared where the page was made (`prepare_sessions`): a page handed to another process
    # carries these rows and no records. None: the write prepares `records`.
    prepared: PreparedSessions | None = None

    @property
    def sessions(self) -> int:
        """The sessions given to store (a session given twice counts twice)."""
        return len(self.records) if self.prepared is None else self.prepared.given

    @property
    def size(self) -> int:
        return self.sessions + len(self.rejected) + self.unchanged


def write_page(
    engine: Engine,
    page: SyncPage,
    *,
    run_id: int,
    counts: RunCounts,
    lease: Lease,
    fetched_at_ms: int,
    now_ms: Callable[[], int],
    index_queue: bool,
) -> RunCounts:
    """Commit `page` and return the run's counters including it (written in the same transaction)."""
    with begin_write(engine) as conn:
        if conn.dialect.name == "postgresql":
            # The commit does not wait for its WAL to reach the disk. A server crash may then lose
            # the last pages committed (rows and checkpoint together: never one without the other);
            # the next run reads them again from MediaSense. SQLite's synchronous=NORMAL is alike.
            conn.exec_driver_sql("SET LOCAL synchronous_commit TO off")
        now = now_ms()
        prepared = page.prepared if page.prepared is not None else prepare_sessions(page.records)
        outcome = upsert_prepared(conn, prepared, fetched_at_ms=fetched_at_ms, now_ms=now)
        # A record already quarantined and unchanged is not a new error: the run that first met it said so.
        new_rejected = quarantine_records(conn, page.rejected, run_id=run_id, now_ms=now) if page.rejected else 0
        if page.deleted:
            state.mark_deleted(conn, list(page.deleted), now)
        tagged = apply_tag_changes(conn, page.tag_changes, now) if page.tag_changes else []
        if index_queue:
            # In this transaction: a committed page can never be missing from the search index.
            search_queue.enqueue(conn, [*outcome.ids, *page.deleted, *tagged], now)
        if page.checkpoint is not None:
            state.save_checkpoint(conn, page.checkpoint, now)
        if page.backfill_slice is not None:
            start, end = page.backfill_slice
            state.mark_slice(conn, start, end, "running", now, pages=1, records=page.size)
        after = replace(
            counts,
            pages=counts.pages + 1,
            fetched=counts.fetched + page.size,
            created=counts.created + outcome.created,
            updated=counts.updated + outcome.updated + len(page.deleted) + len(tagged),
            skipped=counts.skipped + outcome.skipped + page.unchanged,
            errors=counts.errors + new_rejected,
            late_found=counts.late_found + (outcome.created if page.late else 0),
        )
        state.update_run(conn, run_id, after, now)
        lease.renew(conn, now, run_id)
    return after


__all__ = ["Lease", "SyncPage", "write_page"]
