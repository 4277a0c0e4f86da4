"""Contract suite against a real OpenSearch cluster: the same query gives the same recordings, in the
same order and pages, from OpenSearch as from the database's full-text search.

Runs only with QMS_TEST_OPENSEARCH_URL (e.g. http://127.0.0.1:9200; QMS_TEST_OPENSEARCH_USER and
QMS_TEST_OPENSEARCH_PASSWORD when security is on; QMS_TEST_OPENSEARCH_VERIFY=false for a self-signed
demo certificate). Each run writes to its own index `qms-contract-<random>` and deletes it.
"""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import Engine

from qms_desktop.search import RecordingQuery, count_recordings, indexing, search_recordings
from qms_desktop.search.opensearch import OpenSearchBackend, OpenSearchSettings
from qms_desktop.store import begin_write, search_queue
from qms_desktop.store.recordings import upsert_sessions
from tests.search.test_search_query import BASE, dataset
from tests.sync.helpers import sync_engine

URL = os.environ.get("QMS_TEST_OPENSEARCH_URL")
pytestmark = pytest.mark.skipif(not URL, reason="QMS_TEST_OPENSEARCH_URL is not set: no OpenSearch cluster to test")

T0 = int(BASE.timestamp() * 1000)
QUERIES = [
    RecordingQuery(limit=7),
    RecordingQuery(limit=7, descending=False),
    RecordingQuery(sort="duration", limit=9),
    RecordingQuery(sort="agent", descending=False, limit=11),
    RecordingQuery(sort="ani", limit=13),
    RecordingQuery(sort="dnis", descending=False, limit=13),
    RecordingQuery(start_ms=T0 + 10 * 60_000, end_ms=T0 + 30 * 60_000, limit=5),
    RecordingQuery(agent_ids=["a1", "a3"], limit=6),
    RecordingQuery(team_codes=["SALES"], direction="inbound"),
    RecordingQuery(allowed_teams=["SUPPORT"], limit=4),
    RecordingQuery(allowed_teams=[]),
    RecordingQuery(ani="0501"),
    RecordingQuery(dnis="00"),
    RecordingQuery(csq="CSQ_Sales"),
    RecordingQuery(tags=["vip"]),
    RecordingQuery(tags=["vip", "escalation"]),
    RecordingQuery(min_duration_ms=60_000, max_duration_ms=600_000, sort="duration"),
    RecordingQuery(state="ACTIVE"),
    RecordingQuery(session_id="s007"),
    RecordingQuery(text="olena"),
    RecordingQuery(text="tar sup"),
    RecordingQuery(text="csq_sales", sort="agent"),
    RecordingQuery(text="050"),
    RecordingQuery(text="vip", team_codes=["SALES"], limit=3),
]


def _settings(index: str) -> OpenSearchSettings:
    verify = (os.environ.get("QMS_TEST_OPENSEARCH_VERIFY") or "true").lower() not in ("0", "false", "no")
    return OpenSearchSettings(
        url=str(URL),
        username=os.environ.get("QMS_TEST_OPENSEARCH_USER"),
        password=os.environ.get("QMS_TEST_OPENSEARCH_PASSWORD"),
        index=index,
        verify=verify,
    )


async def _all_pages_db(engine: Engine, query: RecordingQuery) -> list[list[str]]:
    pages, after = [], None
    while True:
        page = search_recordings(engine, RecordingQuery(**{**_fields(query), "after": after}))
        pages.append([r.session_id for r in page.items])
        if page.next_cursor is None:
            return pages
        after = page.next_cursor


async def _all_pages_os(backend: OpenSearchBackend, engine: Engine, query: RecordingQuery) -> list[list[str]]:
    pages, after = [], None
    while True:
        page = await backend.search(engine, RecordingQuery(**{**_fields(query), "after": after}))
        pages.append([r.session_id for r in page.items])
        if page.next_cursor is None:
            return pages
        after = page.next_cursor


def _fields(query: RecordingQuery) -> dict[str, object]:
    return {name: getattr(query, name) for name in RecordingQuery.__dataclass_fields__}


@pytest.mark.asyncio
async def test_opensearch_answers_like_the_database(engine: Engine, start_sim, ca_file) -> None:
    with begin_write(engine) as conn:
        upsert_sessions(conn, dataset(), fetched_at_ms=1, now_ms=1)
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=40)
    sync = sync_engine(engine, sim, ca_file)
    try:
        await sync.run()
    finally:
        sync.close()
        await sync.client.aclose()

    backend = OpenSearchBackend(_settings(f"qms-contract-{secrets.token_hex(4)}"))
    try:
        await backend.ensure_index()
        queued = search_queue.enqueue_all(engine)
        drained = await indexing.Indexer(engine, backend, batch_size=100).drain()
        assert drained.indexed == queued and drained.failed == 0
        await backend.refresh()
        for grouped in QUERIES:
            query = RecordingQuery(**{**_fields(grouped), "group_calls": False})  # the index holds sessions
            assert await _all_pages_os(backend, engine, query) == await _all_pages_db(engine, query), query
            assert await backend.count(query) == count_recordings(engine, query), query
    finally:
        await backend.client.indices.delete(index=backend.settings.index, ignore=[404])
        await backend.client.indices.delete_index_template(name=backend.settings.index, ignore=[404])
        await backend.close()
