"""A recording's tracks, participants and tags always name a stored recording, on both databases.

SQLite keeps foreign keys; PostgreSQL checks the rows per statement (migration 0014). The rules
are the same: a child row naming no recording is refused with an integrity error (the whole
statement, also through COPY, the sync's path), and deleting a recording deletes its child rows.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from qms_desktop.store import pg_bulk

CHILD_ROWS = {
    "recording_tracks": ("number", 0),
    "recording_participants": ("device_ref", "1001"),
    "recording_tags": ("name", "escalated"),
}


def add_recording(conn: sa.Connection, session_id: str) -> int:
    return int(
        conn.execute(
            sa.text(
                "INSERT INTO recordings (session_id, start_ms, state, state_rank, pruned, fetched_at_ms,"
                " first_synced_at_ms, synced_at_ms) VALUES (:sid, 0, 'CLOSED', 2, false, 0, 0, 0) RETURNING id"
            ),
            {"sid": session_id},
        ).scalar_one()
    )


def children_of(conn: sa.Connection, recording_id: int) -> dict[str, int]:
    return {
        table: int(
            conn.execute(
                sa.text(f"SELECT count(*) FROM {table} WHERE recording_id = :rid"), {"rid": recording_id}
            ).scalar_one()
        )
        for table in CHILD_ROWS
    }


@pytest.mark.parametrize("table", sorted(CHILD_ROWS))
def test_a_child_row_naming_no_recording_is_refused_with_the_whole_statement(engine: Engine, table: str) -> None:
    column, value = CHILD_ROWS[table]
    with engine.begin() as conn:
        good = add_recording(conn, "s-1")
    insert = sa.text(f"INSERT INTO {table} (recording_id, {column}) VALUES (:rid, :value)")
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert, [{"rid": good, "value": value}, {"rid": good + 1000, "value": value}])
    with engine.connect() as conn:
        assert children_of(conn, good)[table] == 0  # the good row went with the statement
    with engine.begin() as conn:
        conn.execute(insert, {"rid": good, "value": value})
        assert children_of(conn, good)[table] == 1


@pytest.mark.parametrize("table", sorted(CHILD_ROWS))
def test_a_child_row_moved_to_no_recording_is_refused(engine: Engine, table: str) -> None:
    column, value = CHILD_ROWS[table]
    with engine.begin() as conn:
        rid = add_recording(conn, "s-1")
        conn.execute(
            sa.text(f"INSERT INTO {table} (recording_id, {column}) VALUES (:rid, :v)"), {"rid": rid, "v": value}
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.text(f"UPDATE {table} SET recording_id = :other"), {"other": rid + 1000})
    with engine.connect() as conn:
        assert children_of(conn, rid)[table] == 1


@pytest.mark.postgres
def test_rows_copied_for_no_recording_are_refused(postgres_engine: Engine) -> None:
    with postgres_engine.begin() as conn:
        rid = add_recording(conn, "s-1")
    with pytest.raises(IntegrityError), postgres_engine.begin() as conn:
        pg_bulk.copy_rows(conn, "recording_tags", ("recording_id", "name"), [(rid, "a"), (rid + 1000, "b")])
    with postgres_engine.begin() as conn:
        pg_bulk.copy_rows(conn, "recording_tags", ("recording_id", "name"), [(rid, "a"), (rid, "b")])
        assert children_of(conn, rid)["recording_tags"] == 2


def test_deleting_recordings_deletes_their_child_rows_and_only_theirs(engine: Engine) -> None:
    with engine.begin() as conn:
        gone, kept, also_gone = (add_recording(conn, f"s-{n}") for n in range(3))
        for rid in (gone, kept, also_gone):
            for table, (column, value) in CHILD_ROWS.items():
                conn.execute(
                    sa.text(f"INSERT INTO {table} (recording_id, {column}) VALUES (:rid, :v)"), {"rid": rid, "v": value}
                )
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM recordings WHERE id IN (:a, :b)"), {"a": gone, "b": also_gone})
    with engine.connect() as conn:
        assert children_of(conn, gone) == children_of(conn, also_gone) == dict.fromkeys(CHILD_ROWS, 0)
        assert children_of(conn, kept) == dict.fromkeys(CHILD_ROWS, 1)
