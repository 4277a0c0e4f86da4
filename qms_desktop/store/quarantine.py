"""Records that could not be normalized, kept raw with the reason so nothing is silently dropped.

Keyed by a hash of the raw payload: the same broken session seen on every run is one row whose
`seen_count` grows, not a new row per run. Only a payload not seen before is news (a run counts it
as an error); when MediaSense changes the record, its new payload is news again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from qms_desktop.domain.sessions import RejectedRecord
from qms_desktop.store.schema import quarantine


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    id: int
    session_id: str | None
    dialect: str | None
    reason: str
    raw: str
    raw_hash: str
    run_id: int | None
    first_seen_ms: int
    last_seen_ms: int
    seen_count: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape `qms-desktop sync quarantine --json` prints (times as epoch ms)."""
        return {
            "id": self.id,
            "sessionId": self.session_id,
            "dialect": self.dialect,
            "reason": self.reason,
            "raw": self.raw,
            "rawHash": self.raw_hash,
            "runId": self.run_id,
            "firstSeenAt": self.first_seen_ms,
            "lastSeenAt": self.last_seen_ms,
            "seenCount": self.seen_count,
        }


def raw_text(raw: Any) -> str:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", errors="replace")
    if isinstance(raw, str):
        return raw
    # sort_keys: the same payload always hashes the same, whatever order the keys arrived in.
    return json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)


def quarantine_records(conn: Connection, rejected: Sequence[RejectedRecord], *, run_id: int | None, now_ms: int) -> int:
    """Upsert rejected records by raw hash (seen_count grows by how often each was seen); returns
    how many distinct payloads were not quarantined before. Runs in the caller's transaction."""
    if not rejected:
        return 0
    rows: dict[str, dict[str, Any]] = {}
    for item in rejected:
        text = raw_text(item.raw)
        key = hashlib.sha256(f"{item.dialect}\0{text}".encode()).hexdigest()
        if key in rows:
            rows[key]["seen_count"] += 1  # the same payload twice in one batch
            continue
        rows[key] = {
            "session_id": item.session_id,
            "dialect": item.dialect,
            "reason": item.reason,
            "raw": text,
            "raw_hash": key,
            "run_id": run_id,
            "first_seen_ms": now_ms,
            "last_seen_ms": now_ms,
            "seen_count": 1,
        }
    known = set(conn.execute(sa.select(quarantine.c.raw_hash).where(quarantine.c.raw_hash.in_(list(rows)))).scalars())
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(quarantine)
    stmt = stmt.on_conflict_do_update(
        index_elements=[quarantine.c.raw_hash],
        set_={
            "reason": stmt.excluded.reason,
            "run_id": stmt.excluded.run_id,
            "session_id": sa.func.coalesce(stmt.excluded.session_id, quarantine.c.session_id),
            "last_seen_ms": stmt.excluded.last_seen_ms,
            "seen_count": quarantine.c.seen_count + stmt.excluded.seen_count,
        },
    )
    conn.execute(stmt, list(rows.values()))
    return len(rows.keys() - known)


def list_quarantine(
    conn: Connection,
    *,
    limit: int = 100,
    before_id: int | None = None,
    session_id: str | None = None,
    run_id: int | None = None,
) -> list[QuarantineEntry]:
    """Newest first; page with `before_id` = the last entry's id."""
    stmt = sa.select(*(quarantine.c[name] for name in QuarantineEntry.__dataclass_fields__))
    if before_id is not None:
        stmt = stmt.where(quarantine.c.id < before_id)
    if session_id is not None:
        stmt = stmt.where(quarantine.c.session_id == session_id)
    if run_id is not None:
        stmt = stmt.where(quarantine.c.run_id == run_id)
    stmt = stmt.order_by(quarantine.c.id.desc()).limit(limit)
    return [QuarantineEntry(*row) for row in conn.execute(stmt)]


def count_quarantine(conn: Connection) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(quarantine)).scalar_one())
