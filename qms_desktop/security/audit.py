"""The audit trail: append-only rows of who did what, to what, from where, with what outcome.

There is deliberately no update or delete function, and the database refuses both (triggers in
migrations 0002_security and 0005_audit_chain); every row is linked into a hash chain
(`audit_chain`) so a change made past the triggers is found by `audit verify`. `record()` writes in
the caller's transaction; `AuditWriter` queues rows for a background thread so the playback
proxy's event loop never waits on the database.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import queue
import socket
import threading
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from qms_desktop.domain.time import from_ms, now_ms
from qms_desktop.security import audit_chain
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import audit_log

log = logging.getLogger("qms.audit")

# Actions written by the app (free-form strings are allowed; these are the ones we emit).
LOGIN_SUCCESS = "login.success"
LOGIN_FAILURE = "login.failure"
LOGIN_THROTTLED = "login.throttled"  # refused unheard: too many failed sign-ins (user name or workstation)
LOGIN_LOCKOUT = "login.lockout"  # a user name locked until an administrator unlocks it
ACCESS_DENIED = "access.denied"
PLAYBACK_START = "playback.start"
PLAYBACK_STOP = "playback.stop"
PLAYBACK_DENIED = "playback.denied"
CONFIG_CHANGE = "config.change"
CONNECTION_TEST = "connection.test"
SYNC_RUN = "sync.run"
SYNC_RESET = "sync.reset"
SYNC_SCHEDULE = "sync.schedule"
RECORDINGS_SEARCH = "recordings.search"
RECORDINGS_VIEW = "recordings.view"
DIRECTORY_IMPORT = "directory.import"
DIRECTORY_DIAL_PLAN = "directory.dial_plan"
DIRECTORY_AGENT = "directory.agent"  # one agent edited in place
DIRECTORY_RELINK = "directory.relink"  # stored recordings linked anew on request
LOGS_READ = "logs.read"
LOGS_CLEAR = "logs.clear"
LOGS_LEVEL = "logs.level"
AUDIT_READ = "audit.read"
AUDIT_EXPORT = "audit.export"
AUDIT_VERIFY = "audit.verify"
SEARCH_REINDEX = "search.reindex"
LOGOUT = "logout"
USER_CREATE = "user.create"
USER_PASSWORD = "user.password"
USER_DISABLE = "user.disable"
USER_ENABLE = "user.enable"
USER_TEAMS = "user.teams"
USER_UNLOCK = "user.unlock"
NOTE_ADD = "note.add"  # a note or bookmark left on a recording
NOTE_EDIT = "note.edit"
NOTE_DELETE = "note.delete"
NOTE_SEARCH = "note.search"

OK = "ok"
DENIED = "denied"
FAILED = "failed"


def this_place() -> str:
    """`host/pid` of this process: enough to tell the GUI, the CLI and the service apart."""
    return f"{socket.gethostname()}/pid{os.getpid()}"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    action: str
    actor: str | None = None
    target: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)
    outcome: str = OK
    from_where: str | None = None
    at_ms: int | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at_ms: int
    actor: str | None
    action: str
    target: str | None
    detail: dict[str, Any]
    from_where: str | None
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        at = from_ms(self.at_ms)
        data["at"] = at.isoformat() if at else None
        return data


def record(
    conn: Connection,
    action: str,
    *,
    actor: str | None = None,
    target: str | None = None,
    detail: Mapping[str, Any] | None = None,
    outcome: str = OK,
    from_where: str | None = None,
    at_ms: int | None = None,
) -> None:
    """Append one row, linked into the hash chain, in the caller's transaction. Never pass a secret
    in `detail`."""
    fields = {
        "at_ms": at_ms if at_ms is not None else now_ms(),
        "actor": actor,
        "action": action,
        "target": target,
        "detail": json.dumps(dict(detail or {}), sort_keys=True, default=str),
        "from_where": from_where or this_place(),
        "outcome": outcome,
    }
    conn.execute(audit_log.insert().values(**audit_chain.chained(conn, fields)))


def record_event(conn: Connection, event: AuditEvent) -> None:
    record(
        conn,
        event.action,
        actor=event.actor,
        target=event.target,
        detail=event.detail,
        outcome=event.outcome,
        from_where=event.from_where,
        at_ms=event.at_ms,
    )


def write(engine: Engine, action: str, **kwargs: Any) -> None:
    """One row in its own transaction (for callers that hold no transaction)."""
    with begin_write(engine) as conn:
        record(conn, action, **kwargs)


def list_audit(
    conn_or_engine: Connection | Engine,
    *,
    actor: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
    target: str | None = None,
    since_ms: int | None = None,
    until_ms: int | None = None,
    limit: int | None = 100,
) -> list[AuditRow]:
    """Newest first. `action` ending in `.` or `*` matches a prefix (`playback.` = every playback row)."""
    where: list[sa.ColumnElement[bool]] = []
    if actor:
        where.append(audit_log.c.actor == actor)
    if action:
        if action.endswith(("*", ".")):
            where.append(audit_log.c.action.startswith(action.rstrip("*"), autoescape=True))
        else:
            where.append(audit_log.c.action == action)
    if outcome:
        where.append(audit_log.c.outcome == outcome)
    if target:
        where.append(audit_log.c.target == target)
    if since_ms is not None:
        where.append(audit_log.c.at_ms >= since_ms)
    if until_ms is not None:
        where.append(audit_log.c.at_ms < until_ms)
    stmt = sa.select(audit_log).where(*where).order_by(audit_log.c.at_ms.desc(), audit_log.c.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    if isinstance(conn_or_engine, Engine):
        with conn_or_engine.connect() as conn:
            rows = conn.execute(stmt).mappings().all()
    else:
        rows = conn_or_engine.execute(stmt).mappings().all()
    return [
        AuditRow(
            id=r["id"],
            at_ms=r["at_ms"],
            actor=r["actor"],
            action=r["action"],
            target=r["target"],
            detail=json.loads(r["detail"]) if r["detail"] else {},
            from_where=r["from_where"],
            outcome=r["outcome"],
        )
        for r in rows
    ]


CSV_COLUMNS = ("id", "at", "actor", "action", "target", "outcome", "from_where", "detail")


def write_csv(rows: Iterable[AuditRow], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in rows:
        data = row.to_dict()
        data["detail"] = json.dumps(row.detail, sort_keys=True)
        writer.writerow([_csv_safe(data[c]) for c in CSV_COLUMNS])
        count += 1
    return count


def export_csv(rows: Iterable[AuditRow], path: str | Path) -> int:
    """Write rows to a CSV file; returns how many were written."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        return write_csv(rows, handle)


def _csv_safe(value: Any) -> Any:
    # A cell starting with = + - @ runs as a formula in spreadsheets: neutralise user-controlled text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


class AuditWriter:
    """Queues audit events and writes them on one background thread (never blocks the caller).

    `flush()` waits until everything queued so far is written; `close()` flushes and stops. An
    event submitted after (or while) `close()` runs is written directly, on the caller's thread.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._queue: queue.Queue[AuditEvent | threading.Event | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="qms-audit-writer", daemon=True)
        # Guards `_closed` together with the queue: nothing may be queued behind close()'s sentinel,
        # where the writer thread would never see it.
        self._lock = threading.Lock()
        self._closed = False
        self._thread.start()

    def __call__(self, event: AuditEvent) -> None:
        self.submit(event)

    def submit(self, event: AuditEvent) -> None:
        with self._lock:
            if not self._closed:
                self._queue.put(event)  # unbounded: the lock is held only for an append
                return
        log.warning("Audit event %s after the writer closed; writing it directly", event.action)
        self._write(event)

    def flush(self, timeout: float = 10.0) -> bool:
        done = threading.Event()
        with self._lock:
            if self._closed:
                return True
            self._queue.put(done)
        return done.wait(timeout)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(None)
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            self._write(item)

    def _write(self, event: AuditEvent) -> None:
        try:
            with begin_write(self._engine) as conn:
                record_event(conn, event)
        except Exception:  # an audit failure must be loud but must not kill the writer thread
            log.exception("Could not write the audit row for %s", event.action)
