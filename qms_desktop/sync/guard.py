"""One sync at a time per database.

PostgreSQL: a session-level advisory lock held on a dedicated connection for the whole run (the
server frees it if the process dies). SQLite: a lease row with an expiry, renewed while the run is
alive. Either way the holder is written to `sync_lease`, so a second trigger can say who runs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import sync_lease

LEASE_NAME = "sync"
ADVISORY_KEY = 0x514D5353594E43  # "QMSSYNC": one key for every QMS process on this database


class SyncAlreadyRunning(RuntimeError):
    def __init__(self, run_id: int | None, holder: str | None) -> None:
        self.run_id = run_id
        self.holder = holder
        who = f" by {holder}" if holder else ""
        super().__init__(f"A sync is already running (run {run_id}){who}")


class SyncLockLost(RuntimeError):
    """The sync lock went away with its database session in the middle of a run."""


@dataclass(frozen=True, slots=True)
class LeaseInfo:
    holder: str
    run_id: int | None
    acquired_ms: int
    expires_ms: int


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_is_dead(holder: str) -> bool:
    """A lease left by a process of this host that no longer exists (killed, crashed) is void at once,
    instead of blocking every sync until it expires."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def current_lease(conn: Connection) -> LeaseInfo | None:
    row = conn.execute(sa.select(sync_lease).where(sync_lease.c.name == LEASE_NAME)).mappings().first()
    if row is None:
        return None
    return LeaseInfo(row["holder"], row["run_id"], row["acquired_ms"], row["expires_ms"])


class SyncGuard:
    """`acquire()` or raise SyncAlreadyRunning; `renew()` while running; `release()` at the end."""

    def __init__(self, engine: Engine, ttl_ms: int, holder: str | None = None) -> None:
        self.engine = engine
        self.ttl_ms = ttl_ms
        self.holder = holder or holder_id()
        self._pg_conn: Connection | None = None

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def acquire(self, now_ms: int, start_run: Callable[[Connection], int]) -> int:
        """Take the sync and, in the same transaction, create the run (`start_run` returns its id),
        so whoever is refused can always be told which run holds it."""
        if self.is_postgres:
            conn = self.engine.connect()
            locked = conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({ADVISORY_KEY})").scalar()
            conn.commit()
            if not locked:
                conn.close()
                raise self._busy()
            self._pg_conn = conn
            try:
                with begin_write(self.engine) as tx:
                    run_id = start_run(tx)
                    self._write_lease(tx, run_id, now_ms)
            except BaseException:
                self.release()
                raise
            return run_id
        with begin_write(self.engine) as tx:
            lease = current_lease(tx)
            if (
                lease is not None
                and lease.holder != self.holder
                and lease.expires_ms > now_ms
                and not holder_is_dead(lease.holder)
            ):
                raise SyncAlreadyRunning(lease.run_id, lease.holder)
            run_id = start_run(tx)
            self._write_lease(tx, run_id, now_ms)
            return run_id

    def _busy(self) -> SyncAlreadyRunning:
        # The holder writes its lease right after taking the lock: give it a moment to appear.
        lease = None
        for _ in range(20):
            with self.engine.connect() as reader:
                lease = current_lease(reader)
            if lease is not None and lease.run_id is not None:
                break
            time.sleep(0.05)
        return SyncAlreadyRunning(lease.run_id if lease else None, lease.holder if lease else None)

    def _write_lease(self, conn: Connection, run_id: int | None, now_ms: int) -> None:
        conn.execute(sa.delete(sync_lease).where(sync_lease.c.name == LEASE_NAME))
        conn.execute(
            sa.insert(sync_lease).values(
                name=LEASE_NAME,
                holder=self.holder,
                run_id=run_id,
                acquired_ms=now_ms,
                expires_ms=now_ms + self.ttl_ms,
            )
        )

    def renew(self, conn: Connection, now_ms: int, run_id: int | None = None) -> None:
        """Extend the lease inside the caller's transaction (each page's commit renews it). On
        PostgreSQL the session holding the advisory lock must still be alive: if the server cut it,
        another process may sync now, so this page must not commit (SyncLockLost)."""
        if self._pg_conn is not None:
            try:
                self._pg_conn.exec_driver_sql("SELECT 1")
            except SQLAlchemyError as error:
                raise SyncLockLost(
                    f"The database ended the session that held the sync lock ({_first_line(error)}); the run "
                    "stops here and the next run continues from the last committed page"
                ) from error
        _extend(conn, self.holder, now_ms + self.ttl_ms, run_id)

    def handle(self) -> LeaseHandle:
        """What another process of this run needs to commit under this lock (`BorrowedLease`)."""
        lock_pid = None
        if self._pg_conn is not None:
            lock_pid = int(self._pg_conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
            self._pg_conn.commit()
        return LeaseHandle(self.holder, self.ttl_ms, os.getpid(), lock_pid)

    def release(self) -> None:
        """Give the sync back. Never raises: it runs after the run's own outcome is known, and a
        database that went away has freed the advisory lock with its session (the lease row expires)."""
        try:
            with begin_write(self.engine) as tx:
                tx.execute(
                    sa.delete(sync_lease).where(sync_lease.c.name == LEASE_NAME, sync_lease.c.holder == self.holder)
                )
        except SQLAlchemyError as error:
            log.warning("The sync lease could not be removed (%s); it expires on its own", _first_line(error))
        if self._pg_conn is not None:
            try:
                self._pg_conn.exec_driver_sql(f"SELECT pg_advisory_unlock({ADVISORY_KEY})")
                self._pg_conn.commit()
            except SQLAlchemyError as error:
                log.warning("The sync lock's session is gone (%s): the server released it", _first_line(error))
            finally:
                with contextlib.suppress(SQLAlchemyError):
                    self._pg_conn.close()
                self._pg_conn = None


@dataclass(frozen=True, slots=True)
class LeaseHandle:
    """A run's sync lock as seen from another process of the run."""

    holder: str
    ttl_ms: int
    owner_pid: int  # the process that holds the lock
    lock_pid: int | None  # PostgreSQL: the server process of the session holding the advisory lock


class BorrowedLease:
    """The lease of a run held by the parent process, renewed by a child that commits its pages (a
    writer process). A page commits only while the lock is still the run's: the parent is alive, on
    PostgreSQL its session still holds the advisory lock (checked in the page's transaction), and
    the lease row still names the run. Otherwise SyncLockLost: the page is not committed."""

    def __init__(self, handle: LeaseHandle) -> None:
        self.handle = handle

    def renew(self, conn: Connection, now_ms: int, run_id: int | None = None) -> None:
        handle = self.handle
        if os.getppid() != handle.owner_pid:
            raise SyncLockLost("The sync process that held the sync lock has ended; this page is not committed")
        if handle.lock_pid is not None and not conn.execute(_HOLDS_LOCK, {"pid": handle.lock_pid}).first():
            raise SyncLockLost(
                "The database session that held the sync lock has ended; the run stops here and the next run "
                "continues from the last committed page"
            )
        if _extend(conn, handle.holder, now_ms + handle.ttl_ms, run_id) != 1:
            raise SyncLockLost("Another sync has taken the sync lock; this run's page is not committed")


# The advisory lock on a bigint key shows in pg_locks as classid (high half), objid (low half), objsubid 1.
_HOLDS_LOCK = sa.text(
    "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = :pid AND granted AND objsubid = 1 "
    f"AND classid::bigint = {ADVISORY_KEY >> 32} AND objid::bigint = {ADVISORY_KEY & 0xFFFFFFFF}"
)


def _extend(conn: Connection, holder: str, expires_ms: int, run_id: int | None) -> int:
    """Move the lease's expiry (and its run); how many lease rows name `holder` (0: it is not held)."""
    values: dict[str, object] = {"expires_ms": expires_ms}
    if run_id is not None:
        values["run_id"] = run_id
    result = conn.execute(
        sa.update(sync_lease).where(sync_lease.c.name == LEASE_NAME, sync_lease.c.holder == holder).values(**values)
    )
    return int(result.rowcount)


log = logging.getLogger("qms.sync")


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__
