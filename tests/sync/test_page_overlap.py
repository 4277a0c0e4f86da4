"""A page commits while the run reads the next one, and the run's outcome is what it was without it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event

from tests.sync.helpers import NOW, NOW_MS, covered_window, row_count, run_once, small_settings, stored, truth

pytestmark = pytest.mark.asyncio

UNCHANGED_LOOKUP = "SELECT session_id, content_hash FROM recordings"
PAGE_UPSERT_LOOKUP = "SELECT session_id, id, content_hash"  # the first statement of a page's upsert


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)


async def test_the_next_page_is_read_while_the_last_one_commits(engine, sim, ca_file):
    settings = small_settings(page_size=40)
    expected = truth(sim, *covered_window(settings, NOW_MS))
    writing = threading.Event()  # a page's transaction is open: its upsert has begun, it has not committed
    lookups_while_writing: list[bool] = []

    def slow_commit(conn):
        if writing.is_set():
            time.sleep(0.03)  # each page's commit takes a moment longer: long enough to see what runs meanwhile
            writing.clear()

    def rollback(conn):
        writing.clear()

    def before_execute(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith(PAGE_UPSERT_LOOKUP):
            writing.set()
        elif statement.startswith(UNCHANGED_LOOKUP):
            lookups_while_writing.append(writing.is_set())

    listeners: list[tuple[str, Callable[..., Any]]] = [
        ("commit", slow_commit),
        ("rollback", rollback),
        ("before_cursor_execute", before_execute),
    ]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        result = await run_once(engine, sim, ca_file, settings)
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)

    assert result.status == "SUCCESS", result.error
    assert len(lookups_while_writing) > 5
    # The next page's unchanged filter ran while the page before it was being written.
    assert any(lookups_while_writing), lookups_while_writing
    assert stored(engine) == expected
    assert result.counts.created == row_count(engine) == len(expected)

    again = await run_once(engine, sim, ca_file, settings)
    assert again.status == "SUCCESS" and again.counts.created == again.counts.updated == 0, again
