"""The database itself: where it is, which schema it has, who holds the sync lock.

These need no signed-in user: they run before there are users (the schema holds them), and the
database credentials they use are the boundary (whoever holds them can read the tables directly).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError

from qms_desktop.domain.time import now_ms
from qms_desktop.store.engine import current_revision, head_revision, known_revisions, mask_url
from qms_desktop.store.schema import recordings
from qms_desktop.sync.guard import ADVISORY_KEY, current_lease, holder_is_dead


def _advisory_holders(conn: Any) -> list[dict[str, Any]]:
    """Sessions holding the sync advisory lock in this database (pg_locks + pg_stat_activity).

    A bigint advisory key is split into classid (high 32 bits) and objid (low 32 bits), objsubid 1."""
    rows = conn.exec_driver_sql(
        "SELECT l.pid, a.application_name, host(a.client_addr), a.backend_start "
        "FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND l.classid::bigint = %(high)s AND l.objid::bigint = %(low)s",
        {"high": ADVISORY_KEY >> 32, "low": ADVISORY_KEY & 0xFFFFFFFF},
    ).all()
    return [
        {"pid": pid, "application": app, "client": client, "since": since.isoformat() if since else None}
        for pid, app, client, since in rows
    ]


def database_check(engine: Engine) -> dict[str, Any]:
    """What `db check` reports; raises SQLAlchemyError when the database cannot be reached."""
    head = head_revision()
    current = current_revision(engine)
    newer = current is not None and current not in known_revisions()
    data: dict[str, Any] = {
        "url": mask_url(engine),
        "dialect": engine.dialect.name,
        "schema": {"current": current, "head": head, "upToDate": current == head, "newerThanThisVersion": newer},
    }
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            data["serverVersion"] = conn.exec_driver_sql("SHOW server_version").scalar()
            holders = _advisory_holders(conn)
        else:
            data["serverVersion"] = "SQLite " + str(conn.exec_driver_sql("SELECT sqlite_version()").scalar())
            holders = None
        lease = current_lease(conn) if current is not None and not newer else None
        data["integrity"] = _integrity(conn) if current == head else {"checked": False, "problems": []}
    now = now_ms()
    lock: dict[str, Any] = {"lease": None, "advisoryLockHeld": None if holders is None else bool(holders)}
    if holders is not None:
        lock["advisoryHolders"] = holders
    if lease is not None:
        lock["lease"] = {
            "holder": lease.holder,
            "runId": lease.run_id,
            "acquiredMs": lease.acquired_ms,
            "expiresMs": lease.expires_ms,
            "expired": lease.expires_ms <= now,
            "holderProcessGone": holder_is_dead(lease.holder),
        }
    # Running: PostgreSQL trusts the advisory lock (freed when the holder dies); SQLite the live lease.
    if holders is not None:
        lock["syncRunning"] = bool(holders)
    else:
        lock["syncRunning"] = bool(lease and lease.expires_ms > now and not holder_is_dead(lease.holder))
    if lease is not None and holders is not None and not holders:
        lock["note"] = "a lease row is left but nobody holds the advisory lock: the holder stopped (stale row)"
    data["lock"] = lock
    return data


def _integrity(conn: Connection) -> dict[str, Any]:
    """SQLite's quick_check, and whether the full-text index holds one document per recording."""
    problems: list[str] = []
    if conn.dialect.name == "sqlite":
        rows = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check(20)")]
        problems += [f"quick_check: {row}" for row in rows if row != "ok"]
        try:
            conn.exec_driver_sql("INSERT INTO recordings_fts(recordings_fts) VALUES('integrity-check')")
        except DatabaseError as error:
            problems.append(f"full-text index: {str(error.orig or error).splitlines()[0]}")
        index_table = "recordings_fts"
    else:
        index_table = "recording_search"
    recordings_count = conn.execute(sa.select(sa.func.count()).select_from(recordings)).scalar_one()
    documents = conn.exec_driver_sql(f"SELECT count(*) FROM {index_table}").scalar_one()
    if documents != recordings_count:
        problems.append(
            f"full-text index: {documents} documents for {recordings_count} recordings (`search reindex` rebuilds it)"
        )
    conn.rollback()
    return {"checked": True, "problems": problems}
