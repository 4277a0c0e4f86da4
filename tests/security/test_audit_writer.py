"""The background audit writer: nothing submitted is lost, whatever the timing against close()."""

from __future__ import annotations

import queue
import sys
import threading
from types import FrameType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.security.audit import AuditEvent, AuditWriter
from qms_desktop.store.schema import audit_log


def written(engine: Engine, prefix: str) -> set[str]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(audit_log.c.target).where(audit_log.c.target.startswith(prefix)))
        return {row[0] for row in rows}


def test_an_event_submitted_while_the_writer_closes_is_written(sqlite_engine: Engine) -> None:
    """submit() is held just before its event enters the queue while close() runs on another thread."""
    writer = AuditWriter(sqlite_engine)
    at_the_queue = threading.Event()
    go_on = threading.Event()
    errors: list[BaseException] = []

    def hold_at_queue_put(frame: FrameType, event: str, _arg: Any) -> None:
        is_put = event == "call" and frame.f_code is queue.Queue.put.__code__
        if is_put and isinstance(frame.f_locals.get("item"), AuditEvent):
            at_the_queue.set()
            go_on.wait(10)

    def submit() -> None:
        sys.settrace(hold_at_queue_put)
        try:
            writer.submit(AuditEvent("test.race", target="race/submitted-during-close"))
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)
        finally:
            sys.settrace(None)

    submitter = threading.Thread(target=submit)
    submitter.start()
    assert at_the_queue.wait(10)
    closer = threading.Thread(target=writer.close)
    closer.start()
    # Give close() the chance to finish ahead of the held submit(); a writer that makes it wait
    # for the submit instead is just as right.
    closer.join(timeout=1.0)
    go_on.set()
    submitter.join(10)
    closer.join(10)
    assert not submitter.is_alive() and not closer.is_alive()
    assert not errors
    assert written(sqlite_engine, "race/") == {"race/submitted-during-close"}


def test_events_from_many_threads_around_close_are_all_written(sqlite_engine: Engine) -> None:
    threads_count, per_thread = 6, 20
    writer = AuditWriter(sqlite_engine)
    go = threading.Barrier(threads_count + 1)

    def submit_all(n: int) -> None:
        go.wait()
        for i in range(per_thread):
            writer.submit(AuditEvent("test.concurrent", target=f"many/{n}/{i}"))

    threads = [threading.Thread(target=submit_all, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    go.wait()
    writer.close()  # while the submitters are going: the rest is written directly
    for thread in threads:
        thread.join(30)
    expected = {f"many/{n}/{i}" for n in range(threads_count) for i in range(per_thread)}
    assert written(sqlite_engine, "many/") == expected


def test_an_event_after_close_is_written_before_submit_returns(sqlite_engine: Engine) -> None:
    writer = AuditWriter(sqlite_engine)
    writer.close()
    writer.submit(AuditEvent("test.late", target="late/after-close"))
    assert written(sqlite_engine, "late/") == {"late/after-close"}
    assert writer.flush()  # nothing left to wait for
