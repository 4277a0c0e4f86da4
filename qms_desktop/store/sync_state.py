"""The sync's durable state: checkpoint (the specification's SyncCheckpoint), backfill slices, runs.

Every function takes the caller's connection and never commits: the engine writes a page's rows and
its checkpoint in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from qms_desktop.store.schema import backfill_slices, recordings, sync_runs, sync_state

STREAM = "sessions"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    last_sync_time_ms: int | None = None  # the live watermark
    last_seen_id: str | None = None  # tie-break at the watermark; None once a window was drained
    backfill_complete: bool = False
    backfill_start_ms: int | None = None
    backfill_end_ms: int | None = None
    backfill_current_ms: int | None = None
    updated_at_ms: int | None = None
    # Reconciliation (written only by `save_reconciliation`, never by `save_checkpoint`).
    reconciled_at_ms: int | None = None
    settled_through_ms: int | None = None

    @property
    def initialized(self) -> bool:
        return self.last_sync_time_ms is not None

    def to_dict(self) -> dict[str, Any]:
        """The specification's checkpoint shape (times as epoch ms)."""
        return {
            "lastSyncTime": self.last_sync_time_ms,
            "lastSeenId": self.last_seen_id,
            "backfillComplete": self.backfill_complete,
            "backfillProgress": {
                "startDate": self.backfill_start_ms,
                "endDate": self.backfill_end_ms,
                "currentDate": self.backfill_current_ms,
            }
            if self.backfill_start_ms is not None
            else None,
            "updatedAt": self.updated_at_ms,
            "reconciliation": {"lastRun": self.reconciled_at_ms, "daysSettledThrough": self.settled_through_ms},
        }


def load_checkpoint(conn: Connection, stream: str = STREAM) -> Checkpoint:
    row = conn.execute(sa.select(sync_state).where(sync_state.c.stream == stream)).mappings().first()
    if row is None:
        return Checkpoint()
    return Checkpoint(
        last_sync_time_ms=row["last_sync_time_ms"],
        last_seen_id=row["last_seen_id"],
        backfill_complete=bool(row["backfill_complete"]),
        backfill_start_ms=row["backfill_start_ms"],
        backfill_end_ms=row["backfill_end_ms"],
        backfill_current_ms=row["backfill_current_ms"],
        updated_at_ms=row["updated_at_ms"],
        reconciled_at_ms=row["reconciled_at_ms"],
        settled_through_ms=row["settled_through_ms"],
    )


def save_checkpoint(conn: Connection, checkpoint: Checkpoint, now_ms: int, stream: str = STREAM) -> None:
    values = {
        "last_sync_time_ms": checkpoint.last_sync_time_ms,
        "last_seen_id": checkpoint.last_seen_id,
        "backfill_complete": checkpoint.backfill_complete,
        "backfill_start_ms": checkpoint.backfill_start_ms,
        "backfill_end_ms": checkpoint.backfill_end_ms,
        "backfill_current_ms": checkpoint.backfill_current_ms,
        "updated_at_ms": now_ms,
    }
    updated = conn.execute(sa.update(sync_state).where(sync_state.c.stream == stream).values(**values))
    if updated.rowcount == 0:
        conn.execute(sa.insert(sync_state).values(stream=stream, **values))


def save_reconciliation(conn: Connection, reconciled_at_ms: int, settled_through_ms: int, stream: str = STREAM) -> None:
    """When the last reconciliation ran (its upper bound) and through which day the days are settled."""
    conn.execute(
        sa.update(sync_state)
        .where(sync_state.c.stream == stream)
        .values(reconciled_at_ms=reconciled_at_ms, settled_through_ms=settled_through_ms)
    )


def reset_state(conn: Connection, stream: str = STREAM) -> None:
    """Forget the checkpoint and backfill progress; the next run starts over (recordings are kept)."""
    conn.execute(sa.delete(sync_state).where(sync_state.c.stream == stream))
    conn.execute(sa.delete(backfill_slices).where(backfill_slices.c.stream == stream))


# ---- backfill slices ----------------------------------------------------------------------------


def done_slices(conn: Connection, stream: str = STREAM) -> list[tuple[int, int]]:
    rows = conn.execute(
        sa.select(backfill_slices.c.slice_start_ms, backfill_slices.c.slice_end_ms).where(
            backfill_slices.c.stream == stream, backfill_slices.c.status == "done"
        )
    )
    return [(r[0], r[1]) for r in rows]


def mark_slice(
    conn: Connection,
    start_ms: int,
    end_ms: int,
    status: str,
    now_ms: int,
    *,
    pages: int = 0,
    records: int = 0,
    error: str | None = None,
    new_attempt: bool = False,
    stream: str = STREAM,
) -> None:
    key = (backfill_slices.c.stream == stream) & (backfill_slices.c.slice_start_ms == start_ms)
    values: dict[str, Any] = {"slice_end_ms": end_ms, "status": status, "error": error, "updated_at_ms": now_ms}
    if new_attempt:
        values["pages"] = 0
        values["records"] = 0
        values["attempts"] = backfill_slices.c.attempts + 1
    else:
        values["pages"] = backfill_slices.c.pages + pages
        values["records"] = backfill_slices.c.records + records
    if conn.execute(sa.update(backfill_slices).where(key).values(**values)).rowcount == 0:
        conn.execute(
            sa.insert(backfill_slices).values(
                stream=stream,
                slice_start_ms=start_ms,
                slice_end_ms=end_ms,
                status=status,
                pages=pages,
                records=records,
                attempts=1 if new_attempt else 0,
                error=error,
                updated_at_ms=now_ms,
            )
        )


# ---- runs ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class RunCounts:
    pages: int = 0
    fetched: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: int = 0
    late_found: int = 0  # sessions the reconciliation found that the live window had missed

    def to_dict(self) -> dict[str, int]:
        return {
            "pages": self.pages,
            "fetched": self.fetched,
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": self.errors,
            "lateFound": self.late_found,
        }

    def columns(self) -> dict[str, int]:
        """The counters as `sync_runs` columns (named like the fields)."""
        return {name: getattr(self, name) for name in RUN_COUNT_COLUMNS}


@dataclass(frozen=True, slots=True)
class RunRecord:
    id: int
    correlation_id: str
    trigger: str | None
    mode: str | None
    window_start_ms: int | None
    window_end_ms: int | None
    started_at_ms: int
    finished_at_ms: int | None
    status: str
    counts: RunCounts = field(default_factory=RunCounts)
    error_summary: str | None = None
    host: str | None = None

    @property
    def duration_ms(self) -> int | None:
        return self.finished_at_ms - self.started_at_ms if self.finished_at_ms else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "correlationId": self.correlation_id,
            "trigger": self.trigger,
            "mode": self.mode,
            "windowStart": self.window_start_ms,
            "windowEnd": self.window_end_ms,
            "startedAt": self.started_at_ms,
            "finishedAt": self.finished_at_ms,
            "durationMs": self.duration_ms,
            "status": self.status,
            **self.counts.to_dict(),
            "errorSummary": self.error_summary,
            "host": self.host,
        }


def start_run(conn: Connection, *, correlation_id: str, trigger: str, mode: str, now_ms: int, host: str) -> int:
    result = conn.execute(
        sa.insert(sync_runs)
        .values(
            correlation_id=correlation_id,
            trigger=trigger,
            mode=mode,
            started_at_ms=now_ms,
            heartbeat_ms=now_ms,
            status="RUNNING",
            host=host,
        )
        .returning(sync_runs.c.id)
    )
    return int(result.scalar_one())


def update_run(
    conn: Connection,
    run_id: int,
    counts: RunCounts,
    now_ms: int,
    *,
    status: str | None = None,
    window: tuple[int | None, int | None] | None = None,
    mode: str | None = None,
    error_summary: str | None = None,
) -> None:
    values: dict[str, Any] = {**counts.columns(), "heartbeat_ms": now_ms}
    if status is not None:
        values["status"] = status
        if status != "RUNNING":
            values["finished_at_ms"] = now_ms
    if window is not None:
        values["window_start_ms"], values["window_end_ms"] = window
    if mode is not None:
        values["mode"] = mode
    if error_summary is not None:
        values["error_summary"] = error_summary[:2000]
    conn.execute(sa.update(sync_runs).where(sync_runs.c.id == run_id).values(**values))


def interrupt_stale_runs(conn: Connection, keep_run_id: int | None, now_ms: int) -> int:
    """Runs left RUNNING by a process that died: once we hold the lock, nobody else is running."""
    query = sa.update(sync_runs).where(sync_runs.c.status == "RUNNING")
    if keep_run_id is not None:
        query = query.where(sync_runs.c.id != keep_run_id)
    result = conn.execute(
        query.values(status="INTERRUPTED", finished_at_ms=now_ms, error_summary="the sync process stopped mid-run")
    )
    return result.rowcount or 0


def fail_runs_of(conn: Connection, holder: str, now_ms: int, error: str, counts: RunCounts | None = None) -> list[int]:
    """Runs a process that died (named by its lease holder) left RUNNING: FAILED, and why."""
    where = (sync_runs.c.status == "RUNNING", sync_runs.c.host == holder)
    ids = [int(row[0]) for row in conn.execute(sa.select(sync_runs.c.id).where(*where))]
    values: dict[str, Any] = {"status": "FAILED", "finished_at_ms": now_ms, "error_summary": error[:2000]}
    if counts is not None:
        values.update(counts.columns())
    if ids:
        conn.execute(sa.update(sync_runs).where(*where).values(**values))
    return ids


RUN_COUNT_COLUMNS = ("pages", "fetched", "created", "updated", "skipped", "errors", "late_found")


def _run_from_row(row: Any) -> RunRecord:
    return RunRecord(
        id=row["id"],
        correlation_id=row["correlation_id"],
        trigger=row["trigger"],
        mode=row["mode"],
        window_start_ms=row["window_start_ms"],
        window_end_ms=row["window_end_ms"],
        started_at_ms=row["started_at_ms"],
        finished_at_ms=row["finished_at_ms"],
        status=row["status"],
        counts=RunCounts(**{name: row[name] for name in RUN_COUNT_COLUMNS}),
        error_summary=row["error_summary"],
        host=row["host"],
    )


def recent_runs(conn: Connection, limit: int = 10) -> list[RunRecord]:
    rows = conn.execute(sa.select(sync_runs).order_by(sync_runs.c.id.desc()).limit(limit)).mappings()
    return [_run_from_row(r) for r in rows]


def get_run(conn: Connection, run_id: int) -> RunRecord | None:
    row = conn.execute(sa.select(sync_runs).where(sync_runs.c.id == run_id)).mappings().first()
    return _run_from_row(row) if row else None


# ---- open sessions ------------------------------------------------------------------------------


def open_sessions(conn: Connection, limit: int) -> list[tuple[str, int]]:
    """(session id, start ms) of sessions stored as ACTIVE, least recently fetched first."""
    rows = conn.execute(
        sa.select(recordings.c.session_id, recordings.c.start_ms)
        .where(recordings.c.state == "ACTIVE")
        .order_by(recordings.c.fetched_at_ms, recordings.c.id)
        .limit(limit)
    )
    return [(r[0], r[1]) for r in rows]


def stored_starts(conn: Connection, session_ids: list[str]) -> dict[str, int]:
    """session id -> start ms of those of these sessions that are stored."""
    if not session_ids:
        return {}
    rows = conn.execute(
        sa.select(recordings.c.session_id, recordings.c.start_ms).where(recordings.c.session_id.in_(session_ids))
    )
    return {r[0]: r[1] for r in rows}


def count_stored(conn: Connection, start_ms: int, end_ms: int) -> int:
    """Sessions stored with a start in [start, end) that MediaSense still lists (not deleted)."""
    stmt = (
        sa.select(sa.func.count())
        .select_from(recordings)
        .where(recordings.c.start_ms >= start_ms, recordings.c.start_ms < end_ms, recordings.c.state != "DELETED")
    )
    return int(conn.execute(stmt).scalar_one())


def is_stored(conn: Connection, session_id: str, start_ms: int, end_ms: int) -> bool:
    """Is this session stored, not deleted, with a start in [start, end)?"""
    stmt = sa.select(recordings.c.id).where(
        recordings.c.session_id == session_id,
        recordings.c.start_ms >= start_ms,
        recordings.c.start_ms < end_ms,
        recordings.c.state != "DELETED",
    )
    return conn.execute(stmt).first() is not None


def count_open_sessions(conn: Connection) -> int:
    stmt = sa.select(sa.func.count()).select_from(recordings).where(recordings.c.state == "ACTIVE")
    return int(conn.execute(stmt).scalar_one())


def mark_deleted(conn: Connection, session_ids: list[str], now_ms: int) -> None:
    """Sessions MediaSense no longer knows: keep the metadata, record that the session is gone."""
    if session_ids:
        conn.execute(
            sa.update(recordings)
            .where(recordings.c.session_id.in_(session_ids))
            .values(state="DELETED", state_rank=3, pruned=True, synced_at_ms=now_ms, fetched_at_ms=now_ms)
        )
