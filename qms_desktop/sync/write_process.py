"""A long run's page writes in a process of their own.

On two cores, reading a page (TLS, JSON, typed decoding, enrichment) and writing it (SQL, COPY
formatting, SQLite's B-trees) compete for one interpreter when they share a process: a writer
thread cannot overlap them. So once a run has written enough sessions to pay the process's start
(about a second), `PageWriter` hands each page to a writer process started with "spawn": this
process prepares the page's rows (`prepare_sessions`, the hand-off that costs least to receive,
tests/benchmarks/bench_page_handoff.py) and the writer runs the same `write_page` transaction on them.

The rules stay those of one process:
- pages written in order, one at a time; none after a page that failed (`PageWriter` keeps at most
  two in flight);
- the writer commits only under the run's sync lock (`BorrowedLease`): on PostgreSQL the advisory
  lock must still be held by the run's own session, on SQLite the lease row must still name the
  run; and its parent must still be alive, so an orphaned writer never commits;
- an error comes back with its type (the run's failure handling is unchanged), and a writer that
  dies gives `WriterProcessDied`, an OSError: the run ends FAILED and the next continues from the
  last committed page.
"""

from __future__ import annotations

import contextlib
import io
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.integration_log import ROOT_LOGGER
from qms_desktop.store.engine import create_engine_for, reads_beside_writer
from qms_desktop.store.recordings import prepare_sessions
from qms_desktop.store.sync_page import SyncPage, write_page
from qms_desktop.store.sync_state import RunCounts
from qms_desktop.sync.collector import fewer_collections
from qms_desktop.sync.guard import BorrowedLease, LeaseHandle, SyncLockLost

START_TIMEOUT_S = 60.0  # a fresh interpreter importing the store: ~1 s, more on a loaded machine
STOP_GRACE_S = 5.0


class WriterProcessDied(OSError):
    """The writer process ended without answering for a page."""


@dataclass(frozen=True, slots=True)
class _Start:
    database_url: str
    lease: LeaseHandle
    run_id: int
    index_queue: bool
    log_level: int  # the run's `qms` log level: the writer's lines come back with its answers


def can_write_elsewhere(engine: Engine) -> bool:
    """Whether a writer process would help: another process can open this database (not an in-memory
    SQLite), this process may start one (a daemonic process may not have children), and there is a
    second core for it to run on."""
    return reads_beside_writer(engine) and not multiprocessing.current_process().daemon and _cores() >= 2


def _cores() -> int:
    """The cores this process may run on (its affinity, where the platform has one)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


class PageWriteProcess:
    """One writer process for one run. `start()`, then `write()` page after page, then `close()`.
    Blocking calls: the caller runs them off the event loop (on the run's writer thread)."""

    def __init__(self, engine: Engine, lease: LeaseHandle, run_id: int, *, index_queue: bool) -> None:
        self._start = _Start(engine.url.render_as_string(hide_password=False), lease, run_id, index_queue,
                             logging.getLogger(ROOT_LOGGER).getEffectiveLevel())  # fmt: skip
        self._conn: Connection | None = None
        self._process: Any = None

    def start(self) -> None:
        """Start the process and wait until it has opened the database. Raises WriterProcessDied."""
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=writer_main, args=(theirs,), name="qms-sync-writer", daemon=True)
        process.start()
        theirs.close()  # the writer's end lives in the writer: its exit reads as EOF here
        self._conn, self._process = ours, process
        ours.send(self._start)
        try:
            if not ours.poll(START_TIMEOUT_S):
                raise WriterProcessDied(f"The sync's writer process did not start within {START_TIMEOUT_S:.0f} s")
            self._answer()
        except BaseException:
            self.close()
            raise

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @staticmethod
    def hand_over(page: SyncPage) -> bytes:
        """`page` as the writer takes it: its rows prepared here (`prepare_sessions`), pickled."""
        if page.prepared is None:
            page = replace(page, records=(), prepared=prepare_sessions(page.records))
        return pickled_without_memo(page)

    def write(self, page: bytes, counts: RunCounts, *, fetched_at_ms: int, now_ms: int) -> RunCounts:
        """Commit a page made ready by `hand_over` in the writer and return the run's counters with it."""
        if self._conn is None:
            raise WriterProcessDied("The sync's writer process is not running")
        data = pickle.dumps((page, counts, fetched_at_ms, now_ms), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._conn.send_bytes(data)
        except (OSError, ValueError) as error:
            raise self._died() from error
        after: RunCounts = self._answer()
        return after

    def close(self) -> None:
        """End the process (after the page it is writing, if any); never raises."""
        conn, process, self._conn, self._process = self._conn, self._process, None, None
        if conn is not None:
            with contextlib.suppress(OSError, ValueError):
                conn.send_bytes(b"")
            conn.close()
        if process is not None:
            process.join(STOP_GRACE_S)
            if process.is_alive():
                process.terminate()
                process.join(STOP_GRACE_S)

    def _answer(self) -> Any:
        assert self._conn is not None
        try:
            kind, value, records = pickle.loads(self._conn.recv_bytes())
        except (EOFError, OSError) as error:
            raise self._died() from error
        for record in records:  # the writer's log lines, where this process's handlers write them
            logging.getLogger(record.name).handle(record)
        if kind == "raised":
            raise value
        return value

    def _died(self) -> WriterProcessDied:
        process = self._process
        if process is not None:
            process.join(STOP_GRACE_S)
        code = process.exitcode if process is not None else None
        self.close()
        return WriterProcessDied(
            f"The sync's writer process ended unexpectedly (exit code {code}); the page it was writing may not "
            "have been committed, and the next run continues from the last committed page"
        )


def pickled_without_memo(value: Any) -> bytes:
    """`value` pickled without pickle's memo, for plain data that never refers to itself (a page's
    rows and JSON): remembering each of a page's ~40,000 objects took 40 % of its pickling
    (tests/benchmarks/bench_page_handoff.py). An object met twice is written twice."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    # `fast` has been marked deprecated in the docs since Python 3.0 and is still in CPython; were it
    # ever to go, the page is pickled with the memo, as before.
    with contextlib.suppress(AttributeError):
        pickler.fast = True
    pickler.dump(value)
    return buffer.getvalue()


# ---- the writer process -------------------------------------------------------------------------


def writer_main(conn: Connection) -> None:
    """The writer process: open the database, then `write_page` for each page received until an
    empty message or the parent's end (EOF)."""
    try:
        start: _Start = conn.recv()
    except (EOFError, OSError):
        return
    qms = logging.getLogger(ROOT_LOGGER)
    qms.setLevel(start.log_level)
    qms.addHandler(_COLLECTED)
    qms.propagate = False
    try:
        engine = create_engine_for(start.database_url)
        lease = BorrowedLease(start.lease)
        with engine.connect():  # the database opens here, so a bad one fails the start, not a page
            pass
    except Exception as error:
        _reply(conn, "raised", error)
        return
    _reply(conn, "ready", None)
    try:
        with fewer_collections():
            _serve(conn, engine, lease, start)
    finally:
        engine.dispose()


def _serve(conn: Connection, engine: Engine, lease: BorrowedLease, start: _Start) -> None:
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return  # the parent has gone: nothing more is written
        if not data:
            return
        handed, counts, fetched_at_ms, now_ms = pickle.loads(data)
        page: SyncPage = pickle.loads(handed)
        try:
            after = write_page(engine, page, run_id=start.run_id, counts=counts, lease=lease,
                               fetched_at_ms=fetched_at_ms, now_ms=_clock(now_ms),
                               index_queue=start.index_queue)  # fmt: skip
        except Exception as error:
            _reply(conn, "raised", error)
        else:
            _reply(conn, "written", after)


def _clock(now_ms: int) -> Callable[[], int]:
    """The page's time, taken by the parent when it handed the page over (the run's own clock)."""
    return lambda: now_ms


class _Collector(logging.Handler):
    """The writer's log records, sent back with its next answer (as text: their arguments may not pickle)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        plain = logging.makeLogRecord(record.__dict__)
        plain.msg, plain.args = record.getMessage(), None
        if record.exc_info:
            plain.exc_text, plain.exc_info = logging.Formatter().formatException(record.exc_info), None
        self.records.append(plain)

    def take(self) -> list[logging.LogRecord]:
        records, self.records = self.records, []
        return records


_COLLECTED = _Collector()


def _reply(conn: Connection, kind: str, value: Any) -> None:
    answer = (kind, _portable(value) if kind == "raised" else value, _COLLECTED.take())
    with contextlib.suppress(OSError, ValueError):  # the parent has gone
        conn.send_bytes(pickle.dumps(answer))


def _portable(error: BaseException) -> BaseException:
    """The error itself when it survives pickling, else one of the same family (the run handles
    database, OS and lock errors as failures) that says what it was."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        text = f"{type(error).__name__}: {error}"
        family: type[BaseException]
        for family in (SyncLockLost, SQLAlchemyError, OSError):
            if isinstance(error, family):
                return family(text)
        return RuntimeError(text)


__all__ = ["PageWriteProcess", "WriterProcessDied", "can_write_elsewhere", "pickled_without_memo", "writer_main"]
