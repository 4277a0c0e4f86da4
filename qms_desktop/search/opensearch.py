"""OpenSearch as the team deployment's search backend (opensearch-py's AsyncOpenSearch).

* opensearch_settings.py: the cluster's settings from the environment, with secrets masked.
* opensearch_mapping.py: the index template (`index_template`) and documents (`to_document`).
* opensearch_query.py: `build_search(RecordingQuery)` and reading hits; rows from the database.
* Here: `OpenSearchBackend` (index upkeep, bulk writes, search, health) and
  `search_recordings_async`, which uses OpenSearch when configured and the database otherwise.

The names other code imports from this module stay importable from it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine

from qms_desktop.search.opensearch_mapping import (
    MAPPING_VERSION,
    index_mappings,
    index_settings,
    index_template,
    to_document,
)
from qms_desktop.search.opensearch_query import (
    SORT_FIELDS,
    SearchHits,
    build_count,
    build_query,
    build_search,
    build_sort,
    load_rows_in_order,
    parse_hits,
)
from qms_desktop.search.opensearch_settings import (
    DEFAULT_INDEX,
    ENV_CA_FILE,
    ENV_INDEX,
    ENV_PASSWORD,
    ENV_URL,
    ENV_USER,
    ENV_VERIFY,
    OpenSearchNotConfigured,
    OpenSearchSettings,
    keyring_account,
    mask_http_url,
    settings_from_environment,
)
from qms_desktop.search.query import RecordingPage, RecordingQuery, count_recordings, encode_cursor, search_recordings

__all__ = [
    "DEFAULT_INDEX",
    "ENV_CA_FILE",
    "ENV_INDEX",
    "ENV_PASSWORD",
    "ENV_URL",
    "ENV_USER",
    "ENV_VERIFY",
    "MAPPING_VERSION",
    "SORT_FIELDS",
    "OpenSearchBackend",
    "OpenSearchNotConfigured",
    "OpenSearchSettings",
    "SearchHits",
    "build_count",
    "build_query",
    "build_search",
    "build_sort",
    "index_mappings",
    "index_settings",
    "index_template",
    "keyring_account",
    "load_rows_in_order",
    "mask_http_url",
    "parse_hits",
    "search_recordings_async",
    "settings_from_environment",
    "to_document",
]

log = logging.getLogger("qms.search")


# ---- the client ---------------------------------------------------------------------------------


class OpenSearchBackend:
    """One AsyncOpenSearch client for one index. Create inside the event loop that uses it."""

    name = "opensearch"

    def __init__(self, settings: OpenSearchSettings, client: Any | None = None) -> None:
        self.settings = settings
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            from opensearchpy import AsyncOpenSearch

            s = self.settings
            https = urlsplit(s.url).scheme == "https"
            self._client = AsyncOpenSearch(
                hosts=[s.url],
                http_auth=(s.username, s.password) if s.username and s.password else None,
                use_ssl=https,
                verify_certs=s.verify if https else False,
                ca_certs=s.ca_file,
                ssl_show_warn=False,
                timeout=s.timeout_s,
                max_retries=2,
                retry_on_timeout=True,
            )
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def ensure_index(self) -> bool:
        """Put the template and create the index when missing; True when the index was created."""
        index = self.settings.index
        await self.client.indices.put_index_template(name=index, body=index_template(index))
        if await self.client.indices.exists(index=index):
            return False
        await self.client.indices.create(index=index, body={}, ignore=400)  # 400: created meanwhile
        return True

    async def write_documents(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, str | None]:
        """Bulk-index (async_streaming_bulk); per session id None when written, else the error."""
        from opensearchpy.helpers import async_streaming_bulk

        index = self.settings.index
        actions = (
            {"_op_type": "index", "_index": index, "_id": row["session_id"], "_source": to_document(row)}
            for row in rows
        )
        outcome: dict[str, str | None] = {}
        async for ok, item in async_streaming_bulk(
            self.client,
            actions,
            chunk_size=500,
            raise_on_error=False,
            raise_on_exception=False,
            max_retries=3,  # 429 "too many requests": the helper backs off and retries
            initial_backoff=1,
            max_backoff=30,
        ):
            info = item.get("index", item)
            session_id = str(info.get("_id"))
            outcome[session_id] = None if ok else str(info.get("error") or info.get("status") or "failed")[:500]
        for row in rows:  # an item the helper never reported back did not get written
            outcome.setdefault(row["session_id"], "no response for this document")
        return outcome

    async def refresh(self) -> None:
        await self.client.indices.refresh(index=self.settings.index)

    async def search_hits(self, query: RecordingQuery) -> SearchHits:
        response = await self.client.search(index=self.settings.index, body=build_search(query))
        return parse_hits(response, query.limit)

    async def search(self, engine: Engine, query: RecordingQuery) -> RecordingPage:
        """One page like query.search_recordings: ids from OpenSearch, rows from the database."""
        hits = await self.search_hits(query)
        rows = await asyncio.to_thread(load_rows_in_order, engine, hits.session_ids, query.allowed_teams)
        cursor = None
        if hits.more and hits.sort_values:
            key, row_id = hits.sort_values[-1][:2]
            cursor = encode_cursor(query, key, int(row_id))
        return RecordingPage(items=rows, next_cursor=cursor)

    async def count(self, query: RecordingQuery) -> int:
        response = await self.client.count(index=self.settings.index, body=build_count(query))
        return int(response.get("count", 0))

    async def health(self) -> dict[str, Any]:
        """Cluster health and the index's document count; raises when unreachable."""
        health = await self.client.cluster.health()
        documents = None
        if await self.client.indices.exists(index=self.settings.index):
            documents = int((await self.client.count(index=self.settings.index)).get("count", 0))
        return {
            "cluster": health.get("cluster_name"),
            "status": health.get("status"),
            "nodes": health.get("number_of_nodes"),
            "index": self.settings.index,
            "documents": documents,
        }


# ---- the recordings query API, whichever backend is configured ----------------------------------


async def search_recordings_async(
    engine: Engine, query: RecordingQuery, *, with_count: bool = False
) -> tuple[RecordingPage, int | None, str]:
    """(page, total if asked, backend name): OpenSearch when configured, else the database.

    An unreachable cluster falls back to the database (the truth, only slower for text), logged. A
    search grouped by call, or by ccid, is the database's: the index holds sessions, not calls."""
    settings = settings_from_environment()
    if settings is not None and not query.group_calls and query.ccid is None and query.heard_by is None:
        from opensearchpy.exceptions import TransportError

        backend = OpenSearchBackend(settings)
        try:
            page = await backend.search(engine, query)
            total = await backend.count(query) if with_count else None
            return page, total, backend.name
        except TransportError as exc:  # unreachable, or the index is missing: the database answers
            log.warning("OpenSearch at %s failed (%s); searching the database", settings.masked_url, exc)
        finally:
            await backend.close()

    def in_database() -> tuple[RecordingPage, int | None]:
        with engine.connect() as conn:
            return search_recordings(conn, query), (count_recordings(conn, query) if with_count else None)

    page, total = await asyncio.to_thread(in_database)
    return page, total, f"database ({engine.dialect.name})"
