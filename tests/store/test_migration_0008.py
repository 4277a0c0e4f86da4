"""0008_session_ccid on a database that already holds recordings: rows kept, the ccid index added, and
the grouped search works on the upgraded rows (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlalchemy as sa

from qms_desktop.search import RecordingQuery, search_recordings
from qms_desktop.store import create_engine_for, current_revision, head_revision, upgrade


def _insert(conn: sa.Connection, rid: int, session_id: str, start_ms: int, ccid: str | None) -> None:
    conn.execute(
        sa.text(
            "INSERT INTO recordings (id, session_id, start_ms, end_ms, duration_ms, state, state_rank, ccid,"
            " pruned, fetched_at_ms, first_synced_at_ms, synced_at_ms)"
            " VALUES (:id, :sid, :start, :start + 60000, 60000, 'CLOSED_NORMAL', 2, :ccid, false, 1, 1, 1)"
        ),
        {"id": rid, "sid": session_id, "start": start_ms, "ccid": ccid},
    )


def test_upgrade_keeps_rows_and_indexes_ccid(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        assert upgrade(engine, "0007_sync_reconcile") == "0007_sync_reconcile"
        with engine.begin() as conn:
            _insert(conn, 1, "old-a", 1_700_000_000_000, "555")
            _insert(conn, 2, "old-b", 1_700_000_090_000, "555")
            _insert(conn, 3, "old-c", 1_700_000_500_000, None)
        assert sa.inspect(engine).get_indexes("recordings")  # the existing ones
        assert "ix_recordings_ccid_start" not in {i["name"] for i in sa.inspect(engine).get_indexes("recordings")}

        assert upgrade(engine) == head_revision() and current_revision(engine) == head_revision()

        indexes = {i["name"]: i["column_names"] for i in sa.inspect(engine).get_indexes("recordings")}
        assert indexes["ix_recordings_ccid_start"] == ["ccid", "start_ms"]
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM recordings")).scalar_one() == 3
        page = search_recordings(engine, RecordingQuery())
        assert [(r.session_id, [s.session_id for s in r.segments]) for r in page.items] == [
            ("old-c", ["old-c"]),
            ("old-a", ["old-a", "old-b"]),
        ]
    finally:
        engine.dispose()
