"""A sync run in a child process, for a GUI: page decoding, normalization and their garbage
collection run on another interpreter, so the GUI's event loop never waits for them.

The child is started with multiprocessing's "spawn" method: a fresh interpreter on every platform
(nothing of the GUI's state, Qt or threads is inherited), and what the PyInstaller bundle supports
through `freeze_support`. One pipe joins the two processes:

- to the child: the plan, its password included (never argv, the environment or a file), then
  "stop" (after the current page's commit, INTERRUPTED) or "cancel" (at once, INTERRUPTED);
- from the child: progress, its `qms.*` log records (masked there; the parent's integration log
  records them, so the Logs tab shows the sync's lines), and the result or the exception.

The child opens its own engine on the same database URL and its own DbWriter. When the parent goes
away the pipe closes and the child interrupts its run and ends. A child that dies ends the run
FAILED, saying so; its lease names a dead process and is void at once (`sync.guard`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from qms_desktop.app import runtime
from qms_desktop.app.sync import LatestProgress, SyncPlan, SyncRunner
from qms_desktop.integration_log import ROOT_LOGGER, mask_record, register_secret
from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync.engine import SyncProgress, SyncResult
from qms_desktop.sync.guard import SyncAlreadyRunning

log = logging.getLogger("qms.sync")

POLL_S = 0.1
CANCEL_GRACE_S = 15.0  # for the engine to record INTERRUPTED and release the lease
TERMINATE_GRACE_S = 3.0
CHILD_NICENESS = 10


class PlanNotPortable(ValueError):
    """The plan cannot be handed to another process (an in-memory database, a clock that does not pickle)."""


class SyncProcessDied(RuntimeError):
    """The sync process ended without a result."""


@dataclass(frozen=True, slots=True)
class _Handoff:
    plan: SyncPlan
    database_url: str
    trigger: str
    log_level: int
    holder: str  # the lease holder: names the child's pid, so a dead child's lease is void at once


class ProcessSyncRun:
    """One run of a plan in a child process. `run()` blocks (call it in a worker thread) and returns
    the result; `request_stop()` and `cancel()` may be called from any thread."""

    def __init__(self, db: Engine, plan: SyncPlan, trigger: str, progress: LatestProgress) -> None:
        self._db = db
        self._plan = plan
        self._trigger = trigger
        self._progress = progress
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._stop = False
        self._cancelled_at: float | None = None
        self._last: SyncProgress | None = None
        self._holder = ""
        self.pid: int | None = None

    def request_stop(self) -> None:
        """Stop after the current page's commit (INTERRUPTED)."""
        with self._lock:
            self._stop = True
            self._send("stop")

    def cancel(self) -> None:
        """Interrupt at once (the engine records INTERRUPTED); the process is ended if it does not."""
        with self._lock:
            if self._cancelled_at is None:
                self._cancelled_at = time.monotonic()
            self._send("cancel")

    def _send(self, message: str) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError, ValueError):  # the child has already gone
                self._conn.send(message)

    def run(self) -> SyncResult:
        self._check_portable()
        context = multiprocessing.get_context("spawn")
        conn, child_conn = context.Pipe()
        # Not daemonic: a daemonic process may not start children, and a long run starts a writer
        # process (`sync.write_process`). It never outlives the GUI: `_reap` ends it whatever happens,
        # and a parent gone closes its pipe, which interrupts the run.
        process = context.Process(target=child_main, args=(child_conn,), name="qms-sync", daemon=False)
        with self._lock:
            if self._cancelled_at is not None:
                return self._ended("INTERRUPTED", "the sync was stopped")
            process.start()
            self.pid = process.pid
        try:
            child_conn.close()  # the child's end lives in the child now: its exit reads as EOF here
            with self._lock:
                self._holder = f"{socket.gethostname()}:{process.pid}:{uuid.uuid4().hex[:8]}"
                conn.send(self._handoff(self._holder))
                self._conn = conn
                if self._stop:
                    self._send("stop")
                if self._cancelled_at is not None:
                    self._send("cancel")
            return self._receive(conn, process)
        finally:
            with self._lock:
                self._conn = None
            conn.close()
            _reap(process)

    def _check_portable(self) -> None:
        url = self._db.url
        if url.get_backend_name() == "sqlite" and (url.database or ":memory:") == ":memory:":
            raise PlanNotPortable("An in-memory database cannot be synced from another process")
        try:
            pickle.dumps(self._plan)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            raise PlanNotPortable(f"The sync plan cannot be handed to the sync process: {error}") from error

    def _handoff(self, holder: str) -> _Handoff:
        return _Handoff(self._plan, self._db.url.render_as_string(hide_password=False), self._trigger,
                        logging.getLogger(ROOT_LOGGER).getEffectiveLevel(), holder)  # fmt: skip

    def _receive(self, conn: Connection, process: Any) -> SyncResult:
        while True:
            try:
                ready = conn.poll(POLL_S)
                message = conn.recv() if ready else None
            except (EOFError, OSError):
                process.join(TERMINATE_GRACE_S)
                return self._died(process.exitcode)
            if message is not None:
                result = self._handle(message)
                if result is not None:
                    return result
            elif not process.is_alive() and not conn.poll(0):
                return self._died(process.exitcode)
            cancelled_at = self._cancelled_at
            if cancelled_at is not None and time.monotonic() - cancelled_at > CANCEL_GRACE_S:
                log.warning("The sync process did not stop within %.0f s: ending it", CANCEL_GRACE_S)
                _reap(process, wait_s=0)
                return self._ended("INTERRUPTED", "the sync was stopped")

    def _handle(self, message: tuple[Any, ...]) -> SyncResult | None:
        kind = message[0]
        if kind == "progress":
            self._last = message[1]
            self._progress.put(message[1])
        elif kind == "log":
            record: logging.LogRecord = message[1]
            logging.getLogger(record.name).handle(record)
        elif kind == "result":
            result: SyncResult = message[1]
            return result
        elif kind == "busy":
            raise SyncAlreadyRunning(message[1], message[2])
        elif kind == "raised":
            raise message[1]
        return None

    def _ended(self, status: str, error: str) -> SyncResult:
        last = self._last
        result = SyncResult(last.run_id if last else 0, last.correlation_id if last else "", status,
                            "incremental", None, None, error=error)  # fmt: skip
        if last is not None:
            result.counts = last.counts
        return result

    def _died(self, exitcode: int | None) -> SyncResult:
        if self._cancelled_at is not None:
            return self._ended("INTERRUPTED", "the sync was stopped")
        if exitcode is not None and exitcode < 0:
            try:
                how = f"killed by signal {signal.Signals(-exitcode).name}"
            except ValueError:
                how = f"killed by signal {-exitcode}"
        else:
            how = f"exit code {exitcode}"
        message = (f"The sync process ended unexpectedly ({how}). Pages committed before are kept; "
                   "start the sync again, and see the integration log if this happens again.")  # fmt: skip
        log.error("%s", message)
        result = self._ended("FAILED", message)
        # Its history row says FAILED and why, instead of RUNNING until the next run. This worker
        # thread is the only writer of the GUI process then: the run's writes were the child's.
        try:
            with begin_write(self._db) as conn:
                ids = state.fail_runs_of(conn, self._holder, _now_ms(), message,
                                         self._last.counts if self._last else None)  # fmt: skip
        except SQLAlchemyError as error:  # the next run marks the row as interrupted anyway
            log.warning("Could not record the end of the sync process's run: %s", error)
        else:
            result.run_id = result.run_id or (ids[0] if ids else 0)
        return result


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _reap(process: Any, wait_s: float = 5.0) -> None:
    """Wait for the child to end; then SIGTERM (it interrupts its run), then SIGKILL. No orphan."""
    process.join(wait_s)
    if process.is_alive():
        process.terminate()
        process.join(TERMINATE_GRACE_S)
    if process.is_alive():
        process.kill()
        process.join()


# ---- the child ----------------------------------------------------------------------------------


class _Sender:
    """The child's side of the pipe, shared by the loop, the writer thread and the log handler."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()

    def send(self, message: tuple[Any, ...]) -> None:
        # A parent that has gone is not an error here: the run is being cancelled.
        with self._lock, contextlib.suppress(OSError, ValueError):
            self._conn.send(message)

    def send_record(self, record: logging.LogRecord) -> None:
        try:
            data = pickle.dumps(("log", record))
        except (pickle.PicklingError, TypeError, AttributeError):
            # Extras that do not pickle travel as text.
            plain = {k: v if isinstance(v, (str, int, float, bool, type(None))) else str(v)
                     for k, v in record.__dict__.items()}  # fmt: skip
            data = pickle.dumps(("log", logging.makeLogRecord(plain)))
        with self._lock, contextlib.suppress(OSError, ValueError):
            self._conn.send_bytes(data)


class _ForwardHandler(logging.Handler):
    def __init__(self, sender: _Sender) -> None:
        super().__init__()
        self._sender = sender

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._sender.send_record(mask_record(record))  # masked here: the password never crosses
        except Exception:
            self.handleError(record)


def child_main(conn: Connection) -> None:
    """The child process: one run of the plan the parent sends, then exit."""
    try:
        handoff: _Handoff = conn.recv()
    except (EOFError, OSError):
        return
    with contextlib.suppress(AttributeError, OSError):  # POSIX: the GUI wins the CPU over its background work
        os.nice(CHILD_NICENESS)
    sender = _Sender(conn)
    register_secret(handoff.plan.password)
    qms = logging.getLogger(ROOT_LOGGER)
    qms.setLevel(handoff.log_level)
    qms.addHandler(_ForwardHandler(sender))
    qms.propagate = False  # the parent's handlers (file, console) write it once
    try:
        _child_run(conn, sender, handoff)
    except Exception as exc:  # before the run began: the database would not open, a bad setting
        log.exception("The sync process could not start the run")
        sender.send(("raised", _portable(exc)))
    finally:
        conn.close()


def _child_run(conn: Connection, sender: _Sender, handoff: _Handoff) -> None:
    engine = runtime.open_engine(handoff.database_url)
    writer = DbWriter()
    loop = asyncio.new_event_loop()
    runner = SyncRunner.from_plan(engine, handoff.plan, writer=writer, holder=handoff.holder,
                                  on_progress=lambda progress: sender.send(("progress", progress)))  # fmt: skip
    task = loop.create_task(runner.run(handoff.trigger), name="sync-engine")
    with contextlib.suppress(NotImplementedError, AttributeError):  # POSIX: SIGTERM interrupts the run
        loop.add_signal_handler(signal.SIGTERM, task.cancel)
    threading.Thread(target=_control, args=(conn, loop, task, runner), name="qms-sync-control", daemon=True).start()
    try:
        sender.send(("result", loop.run_until_complete(task)))
    except asyncio.CancelledError:
        pass  # the engine recorded INTERRUPTED; the parent knows it asked
    except SyncAlreadyRunning as busy:
        sender.send(("busy", busy.run_id, busy.holder))
    except Exception as exc:
        log.exception("The sync process failed")
        sender.send(("raised", _portable(exc)))
    finally:
        loop.run_until_complete(runner.aclose())
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
        writer.close()
        engine.dispose()


def _control(conn: Connection, loop: asyncio.AbstractEventLoop, task: asyncio.Task[Any], runner: SyncRunner) -> None:
    """Requests from the parent; a closed pipe (the parent has gone) cancels the run."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = "cancel"
        with contextlib.suppress(RuntimeError):  # the loop has closed: the run is over
            if message == "stop":
                loop.call_soon_threadsafe(runner.request_stop)
            elif message == "cancel":
                loop.call_soon_threadsafe(task.cancel)
                return


def _portable(exc: Exception) -> Exception:
    """The exception itself when it survives pickling, else a SyncProcessDied that says what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return SyncProcessDied(f"{type(exc).__name__}: {exc}")


__all__ = ["PlanNotPortable", "ProcessSyncRun", "SyncProcessDied", "child_main"]
