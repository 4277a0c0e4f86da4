"""The OpenSearch backlog on both databases: filled in the page's transaction, drained with retries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.search import indexing
from qms_desktop.search.opensearch import to_document
from qms_desktop.store import begin_write, search_queue
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.store.schema import recordings, search_index_queue
from tests.store.factory import make_session
from tests.sync.helpers import sync_engine


def _queued(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(sa.select(search_index_queue.c.session_id, search_index_queue.c.generation)).all())


class FakeSink:
    """Records written documents; fails the ids in `failing` (a down cluster: `down`)."""

    def __init__(self) -> None:
        self.docs: dict[str, dict[str, Any]] = {}
        self.failing: set[str] = set()
        self.down = False
        self.calls = 0

    async def write_documents(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, str | None]:
        self.calls += 1
        if self.down:
            raise ConnectionError("cluster unreachable")
        out: dict[str, str | None] = {}
        for row in rows:
            if row["session_id"] in self.failing:
                out[row["session_id"]] = "rejected"
            else:
                self.docs[row["session_id"]] = to_document(row)
                out[row["session_id"]] = None
        return out


@pytest.mark.asyncio
async def test_sync_pages_fill_the_backlog_only_when_enabled(engine: Engine, start_sim, ca_file) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=30)
    sync = sync_engine(engine, sim, ca_file)
    try:
        await sync.run()
        assert _queued(engine) == {}  # no OpenSearch configured for this database: no backlog
        search_queue.set_queue_enabled(engine, True)
        with begin_write(engine) as conn:
            conn.execute(sa.delete(recordings).where(recordings.c.state == "CLOSED_NORMAL"))
        result = await sync.run()
    finally:
        sync.close()
        await sync.client.aclose()
    queued = _queued(engine)
    assert result.counts.created > 0
    assert len(queued) == result.counts.created + result.counts.updated
    with engine.connect() as conn:
        stored = set(conn.execute(sa.select(recordings.c.session_id)).scalars())
    assert set(queued) <= stored
    backlog = indexing.backlog(engine)
    assert backlog.pending == len(queued) and backlog.oldest_age_s is not None and backlog.failing == 0


@pytest.mark.asyncio
async def test_indexer_retries_with_backoff_and_keeps_newer_changes(engine: Engine) -> None:
    clock = {"now": 1_000_000}
    with begin_write(engine) as conn:
        upsert_sessions(conn, [make_session(f"q{i}") for i in range(5)], fetched_at_ms=1, now_ms=1)
        search_queue.enqueue(conn, [f"q{i}" for i in range(5)], clock["now"])
    sink = FakeSink()
    sink.failing = {"q3"}
    indexer = indexing.Indexer(engine, sink, batch_size=2, now_ms=lambda: clock["now"])
    total = await indexer.drain()
    assert total.indexed == 4 and total.failed == 1
    assert set(sink.docs) == {"q0", "q1", "q2", "q4"}
    backlog = indexing.backlog(engine, clock["now"])
    assert (backlog.pending, backlog.due, backlog.failing, backlog.last_error) == (1, 0, 1, "rejected")
    with engine.connect() as conn:
        attempts, next_at = conn.execute(
            sa.select(search_index_queue.c.attempts, search_index_queue.c.next_attempt_ms)
        ).one()
    assert attempts == 1 and next_at == clock["now"] + 1000  # first retry after 1 s

    # The cluster goes down: the due item fails again and backs off twice as long; nothing is lost.
    clock["now"] += 1000
    sink.down = True
    assert (await indexer.drain_once()).failed == 1
    with engine.connect() as conn:
        assert conn.execute(sa.select(search_index_queue.c.next_attempt_ms)).scalar() == clock["now"] + 2000
    clock["now"] += 2000
    sink.down = False
    sink.failing.clear()
    assert (await indexer.drain_once()).indexed == 1
    assert indexing.backlog(engine).pending == 0

    # A change enqueued while its older version is being written is not lost by the delete.
    with begin_write(engine) as conn:
        search_queue.enqueue(conn, ["q0"], clock["now"])
    claimed = indexing.claim_due(engine, 10, clock["now"])
    with begin_write(engine) as conn:
        search_queue.enqueue(conn, ["q0"], clock["now"] + 5)  # generation 2
    indexing.mark_done(engine, claimed)
    assert _queued(engine) == {"q0": 2}


def test_backoff_is_exponential_and_capped() -> None:
    assert [indexing.backoff_ms(n) for n in (1, 2, 3, 4)] == [1000, 2000, 4000, 8000]
    assert indexing.backoff_ms(30) == 300_000


def test_enqueue_all_and_documents_from_the_database(engine: Engine) -> None:
    with begin_write(engine) as conn:
        upsert_sessions(
            conn,
            [make_session("d1", tags=("vip",)), make_session("d2", caller="0671112233")],
            fetched_at_ms=1,
            now_ms=1,
        )
    assert search_queue.enqueue_all(engine, 5) == 2
    with engine.connect() as conn:
        rows = indexing.load_source_rows(conn, ["d1", "d2", "gone"])
    assert set(rows) == {"d1", "d2"}
    doc = to_document(rows["d1"])
    assert doc["tags"] == ["vip"] and "vip" in doc["document"].split()
    assert to_document(rows["d2"])["participants"] == ["0671112233", "1001"]
