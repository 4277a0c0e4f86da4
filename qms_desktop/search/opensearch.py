"""OpenSearch as the team deployment's search backend (opensearch-py's AsyncOpenSearch).

* An index template with explicit mappings (`index_template`): keyword for exact filters and sorts,
  text subfields for words, dates as epoch milliseconds, numbers as long.
* Documents are keyed by the MediaSense session id, so writing one twice is harmless.
* `build_search(RecordingQuery)` translates the recordings query API into an OpenSearch request with
  the same meaning as the SQL one (query.py): filters become bool/filter terms and ranges, the free
  text becomes one prefix clause per word on the same document words the database indexes, ANI/DNIS
  substrings become wildcards on a lowercase keyword, and keyset paging uses `search_after` on the
  same (sort key, recordings.id) pair, so a cursor from one backend is valid in the other.
* OpenSearch only answers with session ids in order; rows always come from the database.

Configuration: QMS_OPENSEARCH_URL (unset: the database's own full-text search is used),
QMS_OPENSEARCH_USER, QMS_OPENSEARCH_PASSWORD (headless) or the keyring, QMS_OPENSEARCH_INDEX,
QMS_OPENSEARCH_CA_FILE, QMS_OPENSEARCH_VERIFY (default true).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.search.query import (
    ROW_COLUMNS,
    RecordingPage,
    RecordingQuery,
    RecordingRow,
    count_recordings,
    decode_cursor,
    encode_cursor,
    search_recordings,
)
from qms_desktop.store.documents import words
from qms_desktop.store.schema import recordings

ENV_URL = "QMS_OPENSEARCH_URL"
ENV_USER = "QMS_OPENSEARCH_USER"
ENV_PASSWORD = "QMS_OPENSEARCH_PASSWORD"
ENV_INDEX = "QMS_OPENSEARCH_INDEX"
ENV_CA_FILE = "QMS_OPENSEARCH_CA_FILE"
ENV_VERIFY = "QMS_OPENSEARCH_VERIFY"
DEFAULT_INDEX = "qms-recordings"
log = logging.getLogger("qms.search")
MAPPING_VERSION = 1

# The recordings query's sort names -> the document fields holding exactly the SQL sort key.
SORT_FIELDS = {
    "start": "start",
    "duration": "sort_duration",
    "agent": "sort_agent",
    "ani": "sort_ani",
    "dnis": "sort_dnis",
}


class OpenSearchNotConfigured(RuntimeError):
    """QMS_OPENSEARCH_URL is not set."""


def mask_http_url(url: str) -> str:
    """The URL with any password in it replaced by *** (for logs and `search status`)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


@dataclass(frozen=True, slots=True)
class OpenSearchSettings:
    url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    index: str = DEFAULT_INDEX
    ca_file: str | None = None
    verify: bool = True
    timeout_s: float = 30.0

    @property
    def masked_url(self) -> str:
        return mask_http_url(self.url)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.masked_url,
            "username": self.username,
            "password": "***" if self.password else None,
            "index": self.index,
            "caFile": self.ca_file,
            "verify": self.verify,
        }


def keyring_account(username: str, url: str) -> str:
    return f"opensearch:{username}@{urlsplit(url).hostname or url}"


def settings_from_environment(
    env: Mapping[str, str] | None = None, *, use_keyring: bool = True
) -> OpenSearchSettings | None:
    """The configured cluster, or None when QMS_OPENSEARCH_URL is unset (database search is used)."""
    env = os.environ if env is None else env
    url = (env.get(ENV_URL) or "").strip()
    if not url:
        return None
    username = env.get(ENV_USER) or urlsplit(url).username or None
    password = env.get(ENV_PASSWORD) or urlsplit(url).password or None
    if password is None and username and use_keyring:
        from qms_desktop import secrets

        try:
            password = secrets.get_password(keyring_account(username, url))
        except secrets.KeyringUnavailable:
            password = None
    parts = urlsplit(url)
    if parts.password is not None:  # never keep credentials inside the URL we carry around
        host = parts.hostname or ""
        url = urlunsplit(parts._replace(netloc=f"{host}:{parts.port}" if parts.port else host))
    return OpenSearchSettings(
        url=url,
        username=username,
        password=password,
        index=env.get(ENV_INDEX) or DEFAULT_INDEX,
        ca_file=env.get(ENV_CA_FILE) or None,
        verify=(env.get(ENV_VERIFY) or "true").strip().lower() not in ("0", "false", "no", "off"),
    )


# ---- the index template -------------------------------------------------------------------------


def _keyword_and_text() -> dict[str, Any]:
    return {"type": "keyword", "fields": {"text": {"type": "text", "analyzer": "qms_words"}}}


def _number_keyword() -> dict[str, Any]:
    # Phone numbers: exact keyword, plus a lowercase keyword the substring wildcard runs on.
    return {"type": "keyword", "fields": {"lc": {"type": "keyword", "normalizer": "qms_lowercase"}}}


def index_mappings() -> dict[str, Any]:
    return {
        "dynamic": "strict",  # a field we did not declare is a bug, not a guess for OpenSearch to make
        "_meta": {"qms_mapping_version": MAPPING_VERSION},
        "properties": {
            "session_id": {"type": "keyword"},
            "rid": {"type": "long"},  # recordings.id: the keyset tie-breaker, as in the database
            "recording_id": {"type": "keyword"},
            "start": {"type": "date", "format": "epoch_millis"},
            "end": {"type": "date", "format": "epoch_millis"},
            "duration_ms": {"type": "long"},
            "state": {"type": "keyword"},
            "agent_id": _keyword_and_text(),
            "agent_name": _keyword_and_text(),
            "team_code": _keyword_and_text(),
            "direction": {"type": "keyword"},
            "ani": _number_keyword(),
            "dnis": _number_keyword(),
            "csq": {"type": "keyword"},
            "wrap_up_reason": _keyword_and_text(),
            "tags": {"type": "keyword"},
            "participants": _number_keyword(),  # participants' device refs (extensions, numbers)
            "participant_names": _keyword_and_text(),
            "pruned": {"type": "boolean"},
            "synced_at": {"type": "date", "format": "epoch_millis"},
            # The same words the database's full-text search indexes (documents.py); never scored.
            "document": {"type": "text", "analyzer": "qms_words", "index_options": "docs", "norms": False},
            # The SQL sort keys with NULLs replaced as query.py does, so both backends order alike.
            "sort_duration": {"type": "long"},
            "sort_agent": {"type": "keyword"},
            "sort_ani": {"type": "keyword"},
            "sort_dnis": {"type": "keyword"},
        },
    }


def index_settings() -> dict[str, Any]:
    return {
        "number_of_shards": 1,  # one contact centre's metadata: millions of small documents, one shard
        "analysis": {
            "normalizer": {"qms_lowercase": {"type": "custom", "filter": ["lowercase"]}},
            # Documents arrive as space-separated lowercase words (documents.words): split, nothing more.
            "analyzer": {"qms_words": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}},
        },
    }


def index_template(index: str = DEFAULT_INDEX) -> dict[str, Any]:
    """The composable index template (PUT _index_template/<index>) for `index` and its versions."""
    return {
        "index_patterns": [f"{index}*"],
        "priority": 100,
        "template": {"settings": index_settings(), "mappings": index_mappings()},
        "_meta": {"qms_mapping_version": MAPPING_VERSION},
    }


# ---- documents ----------------------------------------------------------------------------------


def _first_not_none(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def to_document(row: Mapping[str, Any]) -> dict[str, Any]:
    """A search document from a source row (indexing.load_source_rows)."""
    tags = [t["name"] for t in row.get("tags", ()) if t.get("name") is not None]
    parts = row.get("participants", ())
    refs = [p["device_ref"] for p in parts if p.get("device_ref") is not None]
    names = [p["name"] for p in parts if p.get("name") is not None]
    duration = row.get("duration_ms")
    return {
        "session_id": row["session_id"],
        "rid": row["id"],
        "recording_id": row.get("recording_id"),
        "start": row["start_ms"],
        "end": row.get("end_ms"),
        "duration_ms": duration,
        "state": row.get("state"),
        "agent_id": row.get("agent_id"),
        "agent_name": row.get("agent_name"),
        "team_code": row.get("team_code"),
        "direction": row.get("direction"),
        "ani": row.get("ani"),
        "dnis": row.get("dnis"),
        "csq": row.get("csq"),
        "wrap_up_reason": row.get("wrap_up_reason"),
        "tags": list(dict.fromkeys(tags)),
        "participants": list(dict.fromkeys(refs)),
        "participant_names": list(dict.fromkeys(names)),
        "pruned": bool(row.get("pruned")),
        "synced_at": row.get("synced_at_ms"),
        "document": row.get("document") or "",
        "sort_duration": duration if duration is not None else -1,
        "sort_agent": _first_not_none(row.get("agent_name"), row.get("agent_id"), ""),
        "sort_ani": _first_not_none(row.get("ani"), ""),
        "sort_dnis": _first_not_none(row.get("dnis"), ""),
    }


# ---- queries ------------------------------------------------------------------------------------


def _wildcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")


def _terms(field_name: str, values: Collection[str]) -> dict[str, Any]:
    return {"terms": {field_name: list(dict.fromkeys(values))}}


def build_query(query: RecordingQuery) -> dict[str, Any]:
    """The `query` part: every filter of RecordingQuery in a bool/filter (no scoring: we sort)."""
    filters: list[dict[str, Any]] = []
    start: dict[str, int] = {}
    if query.start_ms is not None:
        start["gte"] = query.start_ms
    if query.end_ms is not None:
        start["lt"] = query.end_ms  # half-open, as in SQL
    if start:
        filters.append({"range": {"start": start}})
    if query.agent_ids:
        filters.append(_terms("agent_id", query.agent_ids))
    if query.team_codes:
        filters.append(_terms("team_code", query.team_codes))
    if query.allowed_teams is not None:
        # No visible team means nothing visible; a recording without a team is not visible.
        filters.append(_terms("team_code", query.allowed_teams) if query.allowed_teams else {"match_none": {}})
    if query.direction:
        filters.append({"term": {"direction": query.direction}})
    for name, value in (("ani", query.ani), ("dnis", query.dnis)):
        if value:
            pattern = f"*{_wildcard_escape(value.lower())}*"
            filters.append({"wildcard": {f"{name}.lc": {"value": pattern}}})
    if query.csq:
        filters.append({"term": {"csq": query.csq}})
    for tag in dict.fromkeys(query.tags):
        filters.append({"term": {"tags": tag}})
    duration: dict[str, int] = {}
    if query.min_duration_ms is not None:
        duration["gte"] = query.min_duration_ms
    if query.max_duration_ms is not None:
        duration["lte"] = query.max_duration_ms
    if duration:
        filters.append({"range": {"duration_ms": duration}})
    if query.state:
        filters.append({"term": {"state": query.state}})
    if query.session_id:
        filters.append({"term": {"session_id": query.session_id}})
    # Free text: every word as a prefix (SQLite `"w"*`, PostgreSQL `w:*`). A multi_match would score
    # and treat only the last word as a prefix; one prefix clause per word keeps the SQL meaning.
    for word in dict.fromkeys(words(query.text)):
        filters.append({"prefix": {"document": {"value": word}}})
    if not filters:
        return {"match_all": {}}
    return {"bool": {"filter": filters}}


def build_sort(query: RecordingQuery) -> list[dict[str, Any]]:
    order = "desc" if query.descending else "asc"
    return [{SORT_FIELDS[query.sort]: {"order": order}}, {"rid": {"order": order}}]


def build_search(query: RecordingQuery) -> dict[str, Any]:
    """The whole search body for one page: ids only, in the query's order, one extra to see more."""
    body: dict[str, Any] = {
        "query": build_query(query),
        "sort": build_sort(query),
        "size": query.limit + 1,
        "_source": False,
        "track_total_hits": False,
    }
    if query.after:
        key, row_id = decode_cursor(query, query.after)
        body["search_after"] = [key, row_id]
    return body


def build_count(query: RecordingQuery) -> dict[str, Any]:
    return {"query": build_query(query)}


@dataclass(frozen=True, slots=True)
class SearchHits:
    session_ids: list[str]
    sort_values: list[list[Any]]
    more: bool


def parse_hits(response: Mapping[str, Any], limit: int) -> SearchHits:
    hits = list(response.get("hits", {}).get("hits", []))
    more = len(hits) > limit
    hits = hits[:limit]
    return SearchHits([h["_id"] for h in hits], [list(h.get("sort") or []) for h in hits], more)


def load_rows_in_order(
    engine_or_conn: Engine | sa.Connection, session_ids: Sequence[str], allowed_teams: Collection[str] | None
) -> list[RecordingRow]:
    """Rows for these sessions from the database, in the given order. The database is the truth: a
    session no longer there is left out, and team visibility is checked again (the index may lag)."""
    if not session_ids:
        return []

    def read(conn: sa.Connection) -> list[Any]:
        return list(conn.execute(sa.select(*ROW_COLUMNS).where(recordings.c.session_id.in_(list(session_ids)))))

    if isinstance(engine_or_conn, Engine):
        with engine_or_conn.connect() as conn:
            rows = read(conn)
    else:
        rows = read(engine_or_conn)
    by_id = {row.session_id: RecordingRow(*row) for row in rows}
    visible = None if allowed_teams is None else set(allowed_teams)
    ordered = [by_id[sid] for sid in session_ids if sid in by_id]
    if visible is not None:
        ordered = [row for row in ordered if row.team_code in visible]
    return ordered


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

    An unreachable cluster falls back to the database (the truth, only slower for text), logged."""
    settings = settings_from_environment()
    if settings is not None:
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
