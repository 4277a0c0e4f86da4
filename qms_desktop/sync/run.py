"""A sync run: its correlation id, what it reports (progress, result) and its row in the run history."""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.sync_state import RunCounts
from qms_desktop.sync.guard import SyncGuard

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


@dataclass(frozen=True, slots=True)
class SyncProgress:
    run_id: int
    correlation_id: str
    phase: str  # incremental | open | backfill | reconcile | done
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
    problems: list[str] = field(default_factory=list)  # what this run could not do, and why
    # Where the run's time went when it was not its own (seconds): waiting for MediaSense's next page,
    # and for the database to commit the pages before it. Tells a slow server from a slow database.
    waited_for_mediasense_s: float = 0.0
    waited_for_database_s: float = 0.0

    def conclude(self) -> None:
        """The outcome of a run that was not stopped: a run that committed something and met a
        problem is PARTIAL (the problems say what is missing); one that committed nothing, FAILED."""
        if self.problems:
            self.status = "PARTIAL" if self.counts.pages else "FAILED"
            self.error = "; ".join(self.problems)
        else:
            self.status = "PARTIAL" if self.counts.errors else "SUCCESS"

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
            "problems": list(self.problems),
            "waited": {
                "mediasenseS": round(self.waited_for_mediasense_s, 3),
                "databaseS": round(self.waited_for_database_s, 3),
            },
        }


ProgressCallback = Callable[[SyncProgress], None]


class SyncStopped(Exception):
    """Raised at a page boundary after `request_stop()`: the run ends INTERRUPTED, resumable."""


def begin_run(guard: SyncGuard, correlation_id: str, trigger: str, mode: str, now_ms: int, conn: Connection) -> int:
    """The run's history row, created in the transaction that takes the sync lock."""
    state.interrupt_stale_runs(conn, None, now_ms)  # we hold the lock: anything RUNNING is dead
    return state.start_run(
        conn, correlation_id=correlation_id, trigger=trigger, mode=mode, now_ms=now_ms, host=guard.holder
    )


def finish_run(db: Engine, result: SyncResult, now_ms: Callable[[], int]) -> None:
    """Write the run's outcome (status, window, counters, error) to its history row."""
    with begin_write(db) as conn:
        state.update_run(
            conn,
            result.run_id,
            result.counts,
            now_ms(),
            status=result.status,
            window=(result.window_start_ms, result.window_end_ms),
            mode=result.mode,
            error_summary=result.error,
        )


__all__ = [
    "CORRELATION_ID",
    "ProgressCallback",
    "SyncProgress",
    "SyncResult",
    "SyncStopped",
    "begin_run",
    "finish_run",
]
