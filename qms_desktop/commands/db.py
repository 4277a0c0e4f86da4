"""`qms-desktop db ...`: the database itself (schema upgrade, where it is, who holds the sync)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.store import create_engine_for, current_revision, database_url, head_revision, mask_url, upgrade


def open_database(url: str | None = None) -> Engine:
    """The configured database, migrated to the newest schema (every command does this first)."""
    engine = create_engine_for(url)
    upgrade(engine)
    return engine


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="database schema and location")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    up = db_sub.add_parser(
        "upgrade",
        help="migrate the database to the newest schema",
        description="Uses QMS_DATABASE_URL, else the SQLite file in the data folder.",
    )
    up.add_argument("--url", help="database URL (default: QMS_DATABASE_URL or the local SQLite file)")
    add_json_flag(up)
    up.set_defaults(func=run_upgrade)
    check = db_sub.add_parser(
        "check",
        help="schema version, connection and sync lock holder (changes nothing)",
        description="Exit 0: reachable and at the newest schema; 3: the schema needs `db upgrade`; 1: unreachable.",
    )
    check.add_argument("--url", help="database URL (default: QMS_DATABASE_URL or the local SQLite file)")
    add_json_flag(check)
    check.set_defaults(func=run_check)


def run_upgrade(args: argparse.Namespace) -> int:
    url = args.url or database_url()
    try:
        engine = create_engine_for(url)
        try:
            revision = upgrade(engine)
        finally:
            engine.dispose()
    except Exception as exc:  # the message must not echo the URL with its password
        return fail(f"could not upgrade {mask_url(url)}: {type(exc).__name__}: {exc}")
    data = {"url": mask_url(url), "revision": revision, "head": head_revision()}
    emit(args, data, lambda d: f"{d['url']} is at revision {d['revision']}")
    return 0


EXIT_SCHEMA_BEHIND = 3


def _advisory_holders(conn: Any) -> list[dict[str, Any]]:
    """Sessions holding the sync advisory lock in this database (pg_locks + pg_stat_activity).

    A bigint advisory key is split into classid (high 32 bits) and objid (low 32 bits), objsubid 1."""
    from qms_desktop.sync.guard import ADVISORY_KEY

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
    from qms_desktop.domain.time import now_ms
    from qms_desktop.sync.guard import current_lease, holder_is_dead

    head = head_revision()
    current = current_revision(engine)
    data: dict[str, Any] = {
        "url": mask_url(engine),
        "dialect": engine.dialect.name,
        "schema": {"current": current, "head": head, "upToDate": current == head},
    }
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            data["serverVersion"] = conn.exec_driver_sql("SHOW server_version").scalar()
            holders = _advisory_holders(conn)
        else:
            data["serverVersion"] = "SQLite " + str(conn.exec_driver_sql("SELECT sqlite_version()").scalar())
            holders = None
        lease = current_lease(conn) if current is not None else None
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


def _check_text(d: dict[str, Any]) -> str:
    schema = d["schema"]
    state = "up to date" if schema["upToDate"] else "BEHIND: run `qms-desktop db upgrade`"
    lines = [
        f"Database: {d['url']} ({d['serverVersion']})",
        f"Schema: {schema['current'] or 'empty'} (head {schema['head']}): {state}",
    ]
    lock = d["lock"]
    lease = lock["lease"]
    if lock["advisoryLockHeld"] is not None:
        pids = ", ".join(str(h["pid"]) for h in lock.get("advisoryHolders", [])) or "-"
        lines.append(f"Advisory lock: {'held by backend pid ' + pids if lock['advisoryLockHeld'] else 'free'}")
    if lease:
        lines.append(
            f"Sync lease: run {lease['runId']} by {lease['holder']}"
            + (" (expired)" if lease["expired"] else "")
            + (" (process gone)" if lease["holderProcessGone"] else "")
        )
    else:
        lines.append("Sync lease: none")
    lines.append(f"Sync running: {'yes' if lock['syncRunning'] else 'no'}")
    if lock.get("note"):
        lines.append(f"Note: {lock['note']}")
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    url = args.url or database_url()
    try:
        engine = create_engine_for(url)
        try:
            data = database_check(engine)
        finally:
            engine.dispose()
    except (SQLAlchemyError, OSError) as exc:  # the message must not echo the URL with its password
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return fail(f"could not connect to {mask_url(url)}: {type(exc).__name__}: {reason}")
    emit(args, data, _check_text)
    return 0 if data["schema"]["upToDate"] else EXIT_SCHEMA_BEHIND
