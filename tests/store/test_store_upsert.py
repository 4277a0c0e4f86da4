"""upsert_sessions, quarantine and settings on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.domain.sessions import Participant, RejectedRecord, SessionState, Tag, Track
from qms_desktop.search import RecordingQuery, count_recordings, get_recording
from qms_desktop.store import begin_write
from qms_desktop.store.fulltext import backend_for, load_documents
from qms_desktop.store.quarantine import count_quarantine, list_quarantine, quarantine_records
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.store.settings import get_settings, put_settings
from tests.store.factory import make_session, make_spec_session


def _upsert(engine: Engine, records, fetched_at_ms: int = 1_000, now_ms: int = 2_000):  # type: ignore[no-untyped-def]
    with begin_write(engine) as conn:
        return upsert_sessions(conn, records, fetched_at_ms=fetched_at_ms, now_ms=now_ms)


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def test_counts_created_updated_skipped(engine: Engine) -> None:
    a, b, c = make_session("a"), make_session("b"), make_session("c")
    first = _upsert(engine, [a, b])
    assert (first.created, first.updated, first.skipped) == (2, 0, 0)
    assert set(first.ids) == {"a", "b"}

    second = _upsert(engine, [a, replace(b, wrap_up_reason="Changed"), c], fetched_at_ms=2_000)
    assert (second.created, second.updated, second.skipped) == (1, 1, 1)
    assert set(second.ids) == {"b", "c"}
    assert second.ids["b"] == first.ids["b"]  # the id of a session never changes
    assert _count(engine, "recordings") == 3


def test_replaying_a_page_is_idempotent(engine: Engine) -> None:
    page = [make_session(tags=("vip",)) for _ in range(5)]
    _upsert(engine, page)
    counts = {
        t: _count(engine, t) for t in ("recordings", "recording_tracks", "recording_participants", "recording_tags")
    }
    again = _upsert(engine, page, fetched_at_ms=5_000)
    assert (again.created, again.updated, again.skipped) == (0, 0, 5)
    assert {t: _count(engine, t) for t in counts} == counts


def test_an_older_fetch_never_overwrites_a_newer_row(engine: Engine) -> None:
    newer = make_session("s1", wrap_up_reason="newer")
    _upsert(engine, [newer], fetched_at_ms=2_000)
    result = _upsert(engine, [replace(newer, wrap_up_reason="older")], fetched_at_ms=1_000)
    assert (result.created, result.updated, result.skipped) == (0, 0, 1)
    with engine.connect() as conn:
        detail = get_recording(conn, "s1")
    assert detail is not None and detail.row.wrap_up_reason == "newer"


def test_a_lower_state_rank_never_overwrites_a_closed_session(engine: Engine) -> None:
    closed = make_session("s1", state=SessionState.CLOSED_NORMAL)
    _upsert(engine, [closed], fetched_at_ms=1_000)
    active = make_session("s1", state=SessionState.ACTIVE, start=closed.start)
    result = _upsert(engine, [active], fetched_at_ms=9_000)  # fetched later, but a stale state
    assert result.skipped == 1
    with engine.connect() as conn:
        detail = get_recording(conn, "s1")
    assert detail is not None and detail.row.state == "CLOSED_NORMAL"


def test_the_sql_guard_holds_even_when_the_precheck_is_bypassed(engine: Engine) -> None:
    # Simulates a concurrent writer storing a newer copy between our SELECT and our INSERT.
    _upsert(engine, [make_session("s1", wrap_up_reason="old")], fetched_at_ms=1_000)
    with begin_write(engine) as conn:
        conn.execute(sa.text("UPDATE recordings SET fetched_at_ms = 99999, content_hash = 'x'"))
    result = _upsert(engine, [make_session("s1", wrap_up_reason="new")], fetched_at_ms=5_000)
    assert result.updated == 0 and result.skipped == 1


def test_an_active_session_is_updated_when_it_closes(engine: Engine) -> None:
    active = make_session("s1", state=SessionState.ACTIVE)
    _upsert(engine, [active], fetched_at_ms=1_000)
    closed = make_session("s1", state=SessionState.CLOSED_NORMAL, start=active.start, minutes=42)
    assert _upsert(engine, [closed], fetched_at_ms=2_000).updated == 1
    with engine.connect() as conn:
        detail = get_recording(conn, "s1")
    assert detail is not None
    assert (detail.row.state, detail.row.duration_ms) == ("CLOSED_NORMAL", 42 * 60_000)


def test_children_are_replaced(engine: Engine) -> None:
    record = make_session("s1", tags=("a", "b"))
    _upsert(engine, [record])
    changed = replace(
        record,
        tracks=(Track(number=1, codec="G722"),),
        participants=(Participant(device_ref="2002", track_number=1),),
        tags=(Tag(name="c"),),
    )
    _upsert(engine, [changed], fetched_at_ms=2_000)
    with engine.connect() as conn:
        detail = get_recording(conn, "s1")
    assert detail is not None
    assert [(t.number, t.codec) for t in detail.tracks] == [(1, "G722")]
    assert [p.device_ref for p in detail.participants] == ["2002"]
    assert [t.name for t in detail.tags] == ["c"]
    assert detail.row.codec == "G722"
    assert _count(engine, "recording_tracks") == 1


def test_track_participants_are_stored_once(engine: Engine) -> None:
    record = make_session("s1")  # the same participants at session and track level
    only_tracks = replace(make_session("s2"), participants=())
    _upsert(engine, [record, only_tracks])
    with engine.connect() as conn:
        for sid in ("s1", "s2"):
            detail = get_recording(conn, sid)
            assert detail is not None
            assert [(p.track_number, p.device_ref) for p in detail.participants] == [(0, "1001"), (1, "0501234567")]


def test_duplicates_within_a_page_keep_the_latest_state(engine: Engine) -> None:
    active = make_session("s1", state=SessionState.ACTIVE)
    closed = make_session("s1", state=SessionState.CLOSED_NORMAL, start=active.start)
    result = _upsert(engine, [closed, active])
    assert (result.created, result.skipped) == (1, 1)
    with engine.connect() as conn:
        detail = get_recording(conn, "s1")
    assert detail is not None and detail.row.state == "CLOSED_NORMAL"


def test_upsert_does_not_commit(engine: Engine) -> None:
    with pytest.raises(RuntimeError), begin_write(engine) as conn:
        upsert_sessions(conn, [make_session("s1")], fetched_at_ms=1, now_ms=1)
        raise RuntimeError("the page's checkpoint failed")
    assert _count(engine, "recordings") == 0


def test_search_documents_follow_upserts(engine: Engine) -> None:
    record = make_spec_session("s1", tags=("escalation",))
    _upsert(engine, [record])
    with engine.connect() as conn:
        assert count_recordings(conn, RecordingQuery(text="escalation")) == 1
    _upsert(engine, [replace(record, tags=(Tag(name="compliment"),))], fetched_at_ms=2_000)
    with engine.connect() as conn:
        assert count_recordings(conn, RecordingQuery(text="escalation")) == 0
        assert count_recordings(conn, RecordingQuery(text="compliment")) == 1
        # The document written by the upsert equals the one rebuilt from the stored rows.
        rid = conn.execute(sa.text("SELECT id FROM recordings")).scalar_one()
        rebuilt = load_documents(conn, [rid])[rid]
    assert set(rebuilt.split()) >= {"compliment", "olena", "kovalenko", "sales", "0501234567", "1001"}
    with begin_write(engine) as conn:
        assert backend_for(conn).rebuild(conn) == 1
    with engine.connect() as conn:
        assert count_recordings(conn, RecordingQuery(text="compliment")) == 1


def test_deleting_a_recording_removes_its_children_and_document(engine: Engine) -> None:
    _upsert(engine, [make_session("s1", tags=("gone",))])
    with begin_write(engine) as conn:
        conn.execute(sa.text("DELETE FROM recordings"))
    for table in ("recording_tracks", "recording_participants", "recording_tags"):
        assert _count(engine, table) == 0
    with engine.connect() as conn:
        assert count_recordings(conn, RecordingQuery(text="gone")) == 0


def test_times_are_epoch_milliseconds(engine: Engine) -> None:
    record = make_session("s1")
    _upsert(engine, [record])
    with engine.connect() as conn:
        start_ms, first, synced = conn.execute(
            sa.text("SELECT start_ms, first_synced_at_ms, synced_at_ms FROM recordings")
        ).one()
    assert start_ms == int(record.start.timestamp() * 1000)
    assert (first, synced) == (2_000, 2_000)
    _upsert(engine, [replace(record, csq="Q2")], fetched_at_ms=3_000, now_ms=4_000)
    with engine.connect() as conn:
        first, synced = conn.execute(sa.text("SELECT first_synced_at_ms, synced_at_ms FROM recordings")).one()
    assert (first, synced) == (2_000, 4_000)


def test_quarantine_counts_repeats(engine: Engine) -> None:
    bad = RejectedRecord(raw={"sessionId": "x1", "sessionState": "??"}, reason="unknown state", session_id="x1")
    other = RejectedRecord(raw="not json", reason="malformed")
    with begin_write(engine) as conn:
        assert quarantine_records(conn, [bad, other, bad], run_id=1, now_ms=100) == 2  # new payloads
    with begin_write(engine) as conn:
        assert quarantine_records(conn, [bad], run_id=2, now_ms=200) == 0  # seen before, unchanged
    with engine.connect() as conn:
        entries = {e.session_id: e for e in list_quarantine(conn)}
        assert count_quarantine(conn) == 2
    assert entries["x1"].seen_count == 3
    assert (entries["x1"].first_seen_ms, entries["x1"].last_seen_ms, entries["x1"].run_id) == (100, 200, 2)
    assert entries[None].raw == "not json"
    changed = RejectedRecord(raw={"sessionId": "x1", "sessionState": "?!"}, reason="unknown state", session_id="x1")
    with begin_write(engine) as conn:
        assert quarantine_records(conn, [changed, bad], run_id=3, now_ms=300) == 1


def test_settings_round_trip_and_refuse_secrets(engine: Engine) -> None:
    with begin_write(engine) as conn:
        assert get_settings(conn, "mediasense") == {}
        put_settings(conn, "mediasense", {"host": "ms.example", "port": 8440}, updated_by="alice")
        put_settings(conn, "mediasense", {"host": "ms2.example", "port": 8440}, updated_by="bob")
    with engine.connect() as conn:
        assert get_settings(conn, "mediasense") == {"host": "ms2.example", "port": 8440}
    for values in ({"password": "x"}, {"auth": {"client_secret": "x"}}, {"API_TOKEN": "x"}):
        with pytest.raises(ValueError, match="keyring"), begin_write(engine) as conn:
            put_settings(conn, "mediasense", values, updated_by="mallory")
