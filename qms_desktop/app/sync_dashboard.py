"""The sync dashboard's read model: status, checkpoint, history, backfill progress, quarantine."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app import runtime
from qms_desktop.store import sync_state as state
from qms_desktop.store.quarantine import QuarantineEntry, count_quarantine, list_quarantine
from qms_desktop.store.schema import backfill_slices
from qms_desktop.store.sync_state import Checkpoint, RunRecord
from qms_desktop.sync.status import sync_status
from qms_desktop.sync.windows import day_slices

HISTORY_LIMIT = 200
QUARANTINE_PAGE = 100


@dataclass(frozen=True, slots=True)
class SyncDashboard:
    status: str  # IDLE | IN_PROGRESS | SUCCESS | PARTIAL | FAILED | INTERRUPTED
    running_run_id: int | None
    checkpoint: Checkpoint
    runs: tuple[RunRecord, ...]  # newest first
    backfill_total_days: int
    backfill_done_days: int
    backfill_points: tuple[tuple[int, int], ...]  # (slice finished at ms, days done by then), oldest first
    quarantine: tuple[QuarantineEntry, ...]
    quarantine_total: int
    interval_s: float


def load_dashboard(engine: Engine, history_limit: int = HISTORY_LIMIT) -> SyncDashboard:
    status = sync_status(engine, limit=1)
    with engine.connect() as conn:
        checkpoint = state.load_checkpoint(conn)
        runs = state.recent_runs(conn, history_limit)
        done = conn.execute(
            sa.select(backfill_slices.c.slice_start_ms, backfill_slices.c.updated_at_ms)
            .where(backfill_slices.c.stream == state.STREAM, backfill_slices.c.status == "done")
            .order_by(backfill_slices.c.updated_at_ms)
        ).all()
        quarantine = list_quarantine(conn, limit=QUARANTINE_PAGE)
        quarantine_total = count_quarantine(conn)
    start, end = checkpoint.backfill_start_ms, checkpoint.backfill_end_ms
    total = len(day_slices(start, end)) if start is not None and end is not None else 0
    inside = [(updated or 0) for slice_start, updated in done if start is not None and end is not None
              and start <= slice_start < end]  # fmt: skip
    points = tuple((at, i + 1) for i, at in enumerate(inside))
    return SyncDashboard(
        status=str(status["status"]),
        running_run_id=status["runningRunId"],
        checkpoint=checkpoint,
        runs=tuple(runs),
        backfill_total_days=total,
        backfill_done_days=min(len(inside), total) if total else 0,
        backfill_points=points,
        quarantine=tuple(quarantine),
        quarantine_total=quarantine_total,
        interval_s=runtime.sync_settings(engine).interval_s,
    )


def load_quarantine_page(
    engine: Engine, *, limit: int = QUARANTINE_PAGE, before_id: int | None = None
) -> list[QuarantineEntry]:
    with engine.connect() as conn:
        return list_quarantine(conn, limit=limit, before_id=before_id)
