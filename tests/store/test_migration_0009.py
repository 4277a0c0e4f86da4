"""0009_notes on a database that already holds recordings: rows kept, notes stored and removed with
their recording, and the migration undone cleanly (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from qms_desktop.store import create_engine_for, current_revision, upgrade
from qms_desktop.store.engine import _alembic_config, begin_write

NOTE = (
    "INSERT INTO recording_notes (session_id, position_ms, kind, visibility, category, text, author,"
    " created_ms, updated_ms) VALUES (:sid, 1000, :kind, :visibility, NULL, 'words', 'olga', 1, 1)"
)


def test_upgrade_store_cascade_and_downgrade(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        assert upgrade(engine, "0008_session_ccid") == "0008_session_ccid"
        with engine.begin() as conn:
            for rid, sid in ((1, "old-a"), (2, "old-b")):
                conn.execute(
                    sa.text(
                        "INSERT INTO recordings (id, session_id, start_ms, state, state_rank, pruned,"
                        " fetched_at_ms, first_synced_at_ms, synced_at_ms)"
                        " VALUES (:id, :sid, 1, 'CLOSED_NORMAL', 2, false, 1, 1, 1)"
                    ),
                    {"id": rid, "sid": sid},
                )
        assert "recording_notes" not in sa.inspect(engine).get_table_names()

        assert upgrade(engine, "0009_notes") == "0009_notes"
        with engine.begin() as conn:
            conn.execute(sa.text(NOTE), {"sid": "old-a", "kind": "note", "visibility": "team"})
            conn.execute(sa.text(NOTE), {"sid": "old-b", "kind": "bookmark", "visibility": "private"})
        for bad in ({"sid": "old-a", "kind": "memo", "visibility": "team"},  # no such kind
                    {"sid": "old-a", "kind": "note", "visibility": "everyone"},  # no such visibility
                    {"sid": "nobody", "kind": "note", "visibility": "team"}):  # no such recording  # fmt: skip
            try:
                with engine.begin() as conn:
                    conn.execute(sa.text(NOTE), bad)
            except sa.exc.IntegrityError:
                continue
            raise AssertionError(f"stored {bad}")
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM recordings WHERE session_id = 'old-b'"))
            assert list(conn.execute(sa.text("SELECT session_id FROM recording_notes")).scalars()) == ["old-a"]

        with begin_write(engine) as conn:
            command.downgrade(_alembic_config(conn), "0008_session_ccid")
        assert current_revision(engine) == "0008_session_ccid"
        assert "recording_notes" not in sa.inspect(engine).get_table_names()
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM recordings")).scalar_one() == 1
    finally:
        engine.dispose()
