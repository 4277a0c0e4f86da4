"""The specification's sync status: status, last run's stats, checkpoint and recent history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from qms_desktop.domain.time import now_ms
from qms_desktop.store import sync_state as state
from qms_desktop.sync.guard import current_lease


def sync_status(engine: Engine, limit: int = 10) -> dict[str, Any]:
    """The specification's sync-status: status, stats, checkpoint and the last runs."""
    with engine.connect() as conn:
        checkpoint = state.load_checkpoint(conn)
        runs = state.recent_runs(conn, limit)
        lease = current_lease(conn)
    running = lease is not None and lease.expires_ms > now_ms()
    last = runs[0] if runs else None
    if running:
        status = "IN_PROGRESS"
    elif last is None:
        status = "IDLE"
    else:
        status = last.status if last.status != "RUNNING" else "IN_PROGRESS"
    return {
        "status": status,
        "runningRunId": lease.run_id if running and lease else None,
        "stats": last.to_dict() if last else None,
        "checkpoint": checkpoint.to_dict(),
        "history": [r.to_dict() for r in runs],
    }
