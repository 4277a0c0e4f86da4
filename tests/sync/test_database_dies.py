"""PostgreSQL going away in the middle of a sync: the run ends FAILED with the database's reason,
nothing raises from releasing the lock, and no run is left RUNNING once the server answers again."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.store.schema import sync_runs
from tests.sync.helpers import small_settings, sync_engine
from tests.waiting import wait_until


def _terminate_our_connections(engine: Engine) -> int:
    """What a crash of the server does to this app's sessions: every one of them is cut."""
    admin = sa.create_engine(engine.url, poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            killed = conn.execute(
                sa.text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND application_name = 'qms-desktop'"
                )
            ).scalar_one()
            conn.commit()
            return int(killed)
    finally:
        admin.dispose()


def _pages(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(sync_runs.c.pages), 0))).scalar_one())


@pytest.mark.postgres
@pytest.mark.asyncio
async def test_connections_cut_mid_sync_end_the_run_failed(postgres_engine: Engine, start_sim, ca_file) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=3, sessions_per_day=200, faults={"latency_ms": 30})
    sync = sync_engine(postgres_engine, sim, ca_file, small_settings(page_size=10, backfill_days=2))
    try:
        run = asyncio.ensure_future(sync.run("test"))
        await wait_until(lambda: _pages(postgres_engine) >= 3 or run.done(), 30)
        assert not run.done(), "the run ended before the database could be cut"
        assert await asyncio.to_thread(_terminate_our_connections, postgres_engine) > 0
        result = await asyncio.wait_for(run, 60)  # a result, not an exception from releasing the lock
    finally:
        sync.close()
        await sync.client.aclose()
    assert result.status == "FAILED" and result.error
    assert "terminat" in result.error.lower() or "connection" in result.error.lower()
    with postgres_engine.connect() as conn:
        statuses = list(conn.execute(sa.select(sync_runs.c.status)).scalars())
    assert statuses == ["FAILED"]
