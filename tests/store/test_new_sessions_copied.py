"""PostgreSQL copies a page's new sessions straight into recordings; a session stored by someone else
between the page's lookup and its copy fails the page with a typed error, and nothing is lost."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine, event
from sqlalchemy.exc import IntegrityError

from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from tests.store.factory import make_session

pytestmark = pytest.mark.postgres

STORED_LOOKUP = "SELECT session_id, id, content_hash"  # the page's lookup of what is stored


def upsert(engine: Engine, records: list[Any], fetched_at_ms: int) -> Any:
    with begin_write(engine) as conn:
        return upsert_sessions(conn, records, fetched_at_ms=fetched_at_ms, now_ms=fetched_at_ms)


def stored(engine: Engine) -> dict[str, tuple[Any, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT session_id, wrap_up_reason, fetched_at_ms FROM recordings")).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_new_sessions_are_copied_with_ids_the_sequence_keeps_giving(postgres_engine: Engine) -> None:
    first = upsert(postgres_engine, [make_session("s1"), make_session("s2")], 1_000)
    assert first.created == 2
    # A later page mixing a stored session (merged) with a new one (copied): ids stay unique and fresh.
    second = upsert(postgres_engine, [make_session("s2", wrap_up_reason="changed"), make_session("s3")], 2_000)
    assert (second.created, second.updated) == (1, 1)
    ids = {**first.ids, **second.ids}
    assert ids["s2"] == first.ids["s2"] and len(set(ids.values())) == 3
    with postgres_engine.begin() as conn:
        later = conn.execute(
            sa.text(
                "INSERT INTO recordings (session_id, start_ms, state, state_rank, pruned, fetched_at_ms,"
                " first_synced_at_ms, synced_at_ms) VALUES ('by-hand', 0, 'CLOSED', 2, false, 0, 0, 0) RETURNING id"
            )
        ).scalar_one()
    assert later > max(ids.values())  # the sequence moved past the copied ids


def test_a_session_stored_meanwhile_fails_the_page_and_loses_nothing(postgres_engine: Engine) -> None:
    done = False

    def someone_stores_it_first(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        nonlocal done
        if statement.startswith(STORED_LOOKUP) and not done:
            done = True  # another writer (its own connection and transaction) stores s1 right after our lookup
            upsert(postgres_engine, [make_session("s1", wrap_up_reason="theirs")], 9_000)

    event.listen(postgres_engine, "after_cursor_execute", someone_stores_it_first)
    try:
        with pytest.raises(IntegrityError):
            upsert(postgres_engine, [make_session("s1", wrap_up_reason="ours"), make_session("s2")], 5_000)
    finally:
        event.remove(postgres_engine, "after_cursor_execute", someone_stores_it_first)
    assert done
    assert stored(postgres_engine) == {"s1": ("theirs", 9_000)}  # the page rolled back whole

    again = upsert(postgres_engine, [make_session("s1", wrap_up_reason="ours"), make_session("s2")], 5_000)
    assert (again.created, again.updated, again.skipped) == (1, 0, 1)  # the newer copy stays
    assert stored(postgres_engine) == {"s1": ("theirs", 9_000), "s2": (None, 5_000)}
