"""The OpenSearch backlog, written inside the caller's transaction (a sync page, a re-link).

Each committed change adds its session ids to `search_index_queue` in the same transaction, so
nothing committed can be missing from the search index; `search.indexing.Indexer` drains it.
Queueing is switched on per database (`search.opensearch` settings section, `enabled`), not per
process: a workstation that syncs while the service is down still fills the backlog for it.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlalchemy.dialects import postgresql, sqlite

from qms_desktop.domain.time import now_ms as _now_ms
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import recordings, search_index_queue
from qms_desktop.store.settings import get_settings, put_settings

SETTINGS_SECTION = "search.opensearch"
_CHUNK = 500


# ---- switching the backlog on -------------------------------------------------------------------


def queue_enabled(conn: Connection) -> bool:
    return bool(get_settings(conn, SETTINGS_SECTION).get("enabled"))


def set_queue_enabled(engine: Engine, enabled: bool, *, updated_by: str = "qms-desktop") -> None:
    with begin_write(engine) as conn:
        values = get_settings(conn, SETTINGS_SECTION)
        if bool(values.get("enabled")) == enabled:
            return
        values["enabled"] = enabled
        put_settings(conn, SETTINGS_SECTION, values, updated_by)


# ---- the queue ----------------------------------------------------------------------------------


def enqueue(conn: Connection, session_ids: Iterable[str], now_ms: int) -> int:
    """Add (or re-add) sessions to the backlog inside the caller's transaction; returns how many."""
    ids = list(dict.fromkeys(session_ids))
    if not ids:
        return 0
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(search_index_queue)
    table = search_index_queue
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        stmt = insert.values([{"session_id": sid, "first_enqueued_ms": now_ms, "enqueued_ms": now_ms} for sid in chunk])
        # A re-enqueue keeps the first time (the lag stays honest) and any backoff (no hammering a down cluster).
        stmt = stmt.on_conflict_do_update(
            index_elements=["session_id"],
            set_={"generation": table.c.generation + 1, "enqueued_ms": stmt.excluded.enqueued_ms},
        )
        conn.execute(stmt)
    return len(ids)


def enqueue_all(engine: Engine, now_ms: int | None = None) -> int:
    """Queue every stored recording (a full reindex through the backlog)."""
    now = now_ms if now_ms is not None else _now_ms()
    total = 0
    with begin_write(engine) as conn:
        ids = list(conn.execute(sa.select(recordings.c.session_id).order_by(recordings.c.id)).scalars())
        total = enqueue(conn, ids, now)
    return total
