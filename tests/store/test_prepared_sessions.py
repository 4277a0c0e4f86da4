"""A page's sessions prepared in one place (rows of plain values, pickled as they would be to reach
another process) and written in another store exactly what writing the records stores."""

from __future__ import annotations

import pickle
import pickletools
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.domain.sessions import SessionState
from qms_desktop.store import begin_write
from qms_desktop.store.fulltext import load_documents
from qms_desktop.store.recordings import UpsertResult, prepare_sessions, upsert_prepared, upsert_sessions
from qms_desktop.store.sync_page import SyncPage
from qms_desktop.sync.write_process import pickled_without_memo
from tests.pg import migrated_engine
from tests.store.factory import make_session


def stored(engine: Engine) -> dict[str, Any]:
    """Every recording by session id, with its children and search document (ids left out)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT * FROM recordings ORDER BY session_id")).mappings().all()
        by_id = {row["id"]: row["session_id"] for row in rows}
        found: dict[str, Any] = {row["session_id"]: {k: v for k, v in row.items() if k != "id"} for row in rows}
        for table in ("recording_tracks", "recording_participants", "recording_tags"):
            for child in conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY id")).mappings():
                values = {k: v for k, v in child.items() if k not in ("id", "recording_id")}
                found[by_id[child["recording_id"]]].setdefault(table, []).append(values)
        for rid, document in load_documents(conn, list(by_id)).items():
            found[by_id[rid]]["document"] = document
    return found


def test_a_page_prepared_elsewhere_stores_what_its_records_store(engine: Engine, tmp_path: Path) -> None:
    first = [
        make_session("s1", tags=("vip", "complaint")),
        make_session("s2", state=SessionState.ACTIVE),
        make_session("s2"),  # the same call, closed later in the page: this copy wins
        make_session("s3", raw_json='{"sessionId": "s3"}'),  # fingerprinted by its JSON
    ]
    later = [make_session("s1", tags=("vip",), wrap_up_reason="resolved"), make_session("s4")]
    by_records = migrated_engine(f"sqlite:///{tmp_path / 'by-records.sqlite3'}")
    results: list[tuple[UpsertResult, UpsertResult]] = []
    try:
        for page, at in ((first, 1_000), (later, 2_000)):
            with begin_write(by_records) as conn:
                direct = upsert_sessions(conn, page, fetched_at_ms=at, now_ms=at)
            handed_over = pickle.loads(pickle.dumps(prepare_sessions(page)))
            with begin_write(engine) as conn:
                results.append((direct, upsert_prepared(conn, handed_over, fetched_at_ms=at, now_ms=at)))
        expected = stored(by_records)
    finally:
        by_records.dispose()

    assert stored(engine) == expected
    assert expected["s2"]["state"] == SessionState.CLOSED_NORMAL.value
    assert [t["name"] for t in expected["s1"]["recording_tags"]] == ["vip"]  # the later page replaced them
    for direct, handed_over in results:
        assert (direct.created, direct.updated, direct.skipped) == (
            handed_over.created,
            handed_over.updated,
            handed_over.skipped,
        )
    assert [(r.created, r.updated, r.skipped) for r, _ in results] == [(3, 0, 1), (1, 1, 0)]


def test_a_page_carrying_rows_counts_the_records_they_were_prepared_from() -> None:
    records = [make_session("a"), make_session("a"), make_session("b")]
    prepared = prepare_sessions(records)
    assert len(prepared.items) == 2  # one row a session
    assert pickle.loads(pickle.dumps(prepared)) == prepared  # pickled as columns, rebuilt whole
    handed = pickled_without_memo(prepared)  # as the sync's writer process receives it
    assert pickle.loads(handed) == prepared
    assert not any(op.name == "MEMOIZE" for op, _, _ in pickletools.genops(handed))
    assert SyncPage((), prepared=prepared, unchanged=2).size == SyncPage(records, unchanged=2).size == 5
