"""A sync of closed sessions without `sessionDuration` stores their end and duration (from the tracks),
on SQLite and PostgreSQL, against the simulator over HTTPS."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qms_desktop.store.schema import recordings
from tests.sync.helpers import NOW, NOW_MS, covered_window, small_settings, sync_engine

pytestmark = pytest.mark.asyncio


async def test_a_sync_of_sessions_without_duration_stores_end_and_duration(engine, start_sim, ca_file) -> None:
    sim = start_sim("cisco", now=NOW, freeze_clock=True, days=2, sessions_per_day=60)
    sim.faults.update(no_duration_rate=1.0)  # every closed session, as the 11.5 capture shows some
    settings = small_settings(backfill_days=1)
    sync = sync_engine(engine, sim, ca_file, settings)
    try:
        result = await sync.run("test")
    finally:
        sync.close()
        await sync.client.aclose()
    assert result.status == "SUCCESS", result.error
    expected = {
        t["sessionId"]: (t["state"], t["end_ms"], t["duration_ms"])
        for t in sim.ground_truth(*covered_window(settings, NOW_MS))
    }
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(recordings.c.session_id, recordings.c.state, recordings.c.end_ms, recordings.c.duration_ms)
        ).all()
    got = {r[0]: (r[1], r[2], r[3]) for r in rows}
    assert got == expected
    closed = [v for v in got.values() if v[0] != "ACTIVE"]
    assert len(closed) > 50 and all(end is not None and duration is not None for _s, end, duration in closed)
