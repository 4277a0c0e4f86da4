"""An agents import re-links stored recordings: their search documents, the OpenSearch backlog and
their content hashes follow, so the next sync finds nothing changed and team filters find them."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import search_queue
from qms_desktop.store.schema import recordings, search_index_queue
from tests.sync.helpers import small_settings, sync_engine

ADMIN = Principal("admin", Role.ADMIN)


def _run(engine: Engine, sim, ca_file: str):  # type: ignore[no-untyped-def]
    async def run():  # type: ignore[no-untyped-def]
        sync = sync_engine(engine, sim, ca_file, small_settings(backfill_days=1))
        try:
            return await sync.run("test")
        finally:
            sync.close()
            await sync.client.aclose()

    return asyncio.run(run())


@pytest.mark.parametrize("backlog", [False, True], ids=["database-search", "opensearch-backlog"])
def test_an_agents_import_relinks_without_leaving_stale_rows(engine: Engine, start_sim, ca_file, backlog) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=40)
    if backlog:
        search_queue.set_queue_enabled(engine, True)
    first = _run(engine, sim, ca_file)
    assert first.status == "SUCCESS" and first.counts.created > 0
    with engine.begin() as conn:
        conn.execute(search_index_queue.delete())  # as if the indexer had drained it
        assert conn.execute(sa.select(sa.func.count()).select_from(recordings).where(
            recordings.c.team_code.is_not(None))).scalar_one() == 0  # fmt: skip

    done = DirectoryUseCases(engine, ADMIN).import_csv(sim.agents_csv(), "agents.csv")
    assert done.relinked > 0

    with engine.connect() as conn:
        linked = set(
            conn.execute(sa.select(recordings.c.session_id).where(recordings.c.team_code.is_not(None))).scalars()
        )
        queued = set(conn.execute(sa.select(search_index_queue.c.session_id)).scalars())
    assert len(linked) == done.relinked or linked  # the relinked recordings now have a team
    if backlog:
        assert linked <= queued, "every relinked recording is queued for OpenSearch (its team changed)"
    else:
        assert not queued

    again = _run(engine, sim, ca_file)
    # The stored rows are exactly what the sync now writes (same directory): nothing is "updated".
    assert again.status == "SUCCESS" and again.counts.updated == 0 and again.counts.created == 0
