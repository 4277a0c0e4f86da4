"""The recordings query API translated into OpenSearch requests, and the answers read back.

`build_search(RecordingQuery)` has the same meaning as the SQL query (query.py): filters become
bool/filter terms and ranges, the free text becomes one prefix clause per word on the same document
words the database indexes, ANI/DNIS substrings become wildcards on a lowercase keyword, and keyset
paging uses `search_after` on the same (sort key, recordings.id) pair, so a cursor from one backend
is valid in the other. OpenSearch only answers with session ids; rows come from the database.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.search.query import ROW_COLUMNS, RecordingQuery, RecordingRow, decode_cursor
from qms_desktop.store.documents import words
from qms_desktop.store.schema import recordings

# The recordings query's sort names -> the document fields holding exactly the SQL sort key.
SORT_FIELDS = {
    "start": "start",
    "duration": "sort_duration",
    "agent": "sort_agent",
    "ani": "sort_ani",
    "dnis": "sort_dnis",
}


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
