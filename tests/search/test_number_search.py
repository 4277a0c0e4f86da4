"""Caller/called-number parts found from the trigram index (SQLite FTS5 `recording_numbers`, pg_trgm on
PostgreSQL), kept right by the sync's upsert, a rebuild and the migration; and large full-text
matches paged by time windows in exactly the order of the plain plan."""

from __future__ import annotations

import math
import random
import secrets
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.domain.sessions import SessionRecord
from qms_desktop.search import RecordingQuery, count_recordings, search_recordings
from qms_desktop.search import windows as windows_module
from qms_desktop.store import begin_write, create_engine_for, upgrade
from qms_desktop.store.fulltext import IdRange, SqliteFtsBackend, backend_for
from qms_desktop.store.recordings import upsert_sessions
from tests.store.factory import BASE, make_spec_session

NUMBERS = ["+380501234567", "0679998877", "1001", "800555", "sip:Alice@example.org", "+380 44 123 45 67"]


def _store(engine: Engine, records: list[SessionRecord], now: int = 1) -> None:
    with begin_write(engine) as conn:
        upsert_sessions(conn, records, fetched_at_ms=now, now_ms=now)


def _sessions(n: int = 120, seed: int = 3) -> list[SessionRecord]:
    rng = random.Random(seed)
    return [
        make_spec_session(
            f"n{i:03d}",
            start=BASE + timedelta(minutes=i),
            ani=rng.choice(NUMBERS[:2]) if i % 5 else f"+38050{rng.randrange(10**6, 10**7)}",
            dnis=rng.choice(NUMBERS[2:]),
        )
        for i in range(n)
    ]


def _ids(engine: Engine, **filters: Any) -> list[str]:
    page = search_recordings(engine, RecordingQuery(limit=1000, group_calls=False, **filters))
    return [row.session_id for row in page.items]


def _expected(records: list[SessionRecord], column: str, part: str) -> list[str]:
    found = [r for r in records if part.casefold() in (getattr(r, column) or "").casefold()]
    return [r.session_id for r in sorted(found, key=lambda r: r.start, reverse=True)]


def test_a_part_in_the_middle_of_a_number_is_found(engine: Engine) -> None:
    records = _sessions()
    _store(engine, records)
    rng = random.Random(5)
    parts = ["1234", "99988", "055", "alice", "ALI", "44 123", "+380", "3805"]
    parts += [n[i : i + rng.randrange(3, 6)] for n in NUMBERS for i in (1, 3)]
    for part in parts:
        for column in ("ani", "dnis"):
            expected = _expected(records, column, part)
            assert _ids(engine, **{column: part}) == expected, (column, part)
            query = RecordingQuery(group_calls=False, ani=part if column == "ani" else None,
                                   dnis=part if column == "dnis" else None)  # fmt: skip
            assert count_recordings(engine, query) == len(expected)
    assert _ids(engine, ani="1234", dnis="1001") == [
        r.session_id for r in sorted(records, key=lambda r: r.start, reverse=True)
        if "1234" in (r.ani or "") and "1001" in (r.dnis or "")
    ]  # fmt: skip


@pytest.mark.parametrize("part", ["5", "55", "+3"])
def test_a_part_shorter_than_a_trigram_is_a_plain_substring_search(engine: Engine, part: str) -> None:
    records = _sessions(40)
    _store(engine, records)
    assert backend_for(engine).number_ids("ani", part) is None  # no index for it: LIKE over the rows
    assert _ids(engine, ani=part) == _expected(records, "ani", part)
    assert _ids(engine, dnis=part) == _expected(records, "dnis", part)


def test_a_changed_number_is_found_by_its_new_digits_only(engine: Engine) -> None:
    _store(engine, [make_spec_session("c1", ani="0501112233", dnis="1001")])
    assert _ids(engine, ani="11122") == ["c1"]
    _store(engine, [make_spec_session("c1", ani="0677778899", dnis="1001")], now=2)
    assert _ids(engine, ani="11122") == []
    assert _ids(engine, ani="77788") == ["c1"]


def test_a_rebuild_restores_the_number_index(sqlite_engine: Engine) -> None:
    records = _sessions(30)
    _store(sqlite_engine, records)
    with sqlite_engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM recording_numbers")
    assert _ids(sqlite_engine, ani="1234") == []
    with sqlite_engine.begin() as conn:
        assert backend_for(conn).rebuild(conn) == len(records)
        assert conn.exec_driver_sql("SELECT count(*) FROM recording_numbers").scalar_one() == len(records)
    assert _ids(sqlite_engine, ani="1234") == _expected(records, "ani", "1234")


def test_the_migration_indexes_the_numbers_already_stored(db_url: str) -> None:
    engine = create_engine_for(db_url)
    try:
        upgrade(engine, "0011_queues_saved_searches")
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO recordings (id, session_id, start_ms, end_ms, duration_ms, state, state_rank, ani,"
                    " dnis, pruned, fetched_at_ms, first_synced_at_ms, synced_at_ms) VALUES (7, 'old', 1, 2, 1,"
                    " 'CLOSED_NORMAL', 2, '+380501234567', '800555', false, 1, 1, 1)"
                )
            )
        upgrade(engine)
        assert _ids(engine, ani="0123") == ["old"]
        assert _ids(engine, dnis="0055") == ["old"]
        if engine.dialect.name == "postgresql":  # the substring condition is served by the trigram index
            with engine.connect() as conn:
                names = {row[0] for row in conn.exec_driver_sql("SELECT indexname FROM pg_indexes")}
            assert {"ix_recordings_ani_trgm", "ix_recordings_dnis_trgm"} <= names
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_pg_trgm_installed_in_another_schema_still_indexes_the_numbers(postgres_url: str) -> None:
    """A DBA's pg_trgm in its own schema (or another deployment's), off this schema's search_path."""
    url = sa.engine.make_url(postgres_url)
    admin = sa.create_engine(url.difference_update_query(["options"]), poolclass=sa.pool.NullPool)
    elsewhere = f"ext_{secrets.token_hex(4)}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{elsewhere}"')
        conn.exec_driver_sql("DROP EXTENSION IF EXISTS pg_trgm CASCADE")
        conn.exec_driver_sql(f'CREATE EXTENSION pg_trgm SCHEMA "{elsewhere}"')
    engine = create_engine_for(postgres_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'ix_recordings_%%_trgm'")
            definitions = [row[0] for row in found]
        assert len(definitions) == 2 and all(f"{elsewhere}.gin_trgm_ops" in d for d in definitions), definitions
        records = _sessions(40)
        _store(engine, records)
        assert _ids(engine, ani="0123") == _expected(records, "ani", "0123")
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{elsewhere}" CASCADE')  # the extension with it
        admin.dispose()


class _PlainPlan(SqliteFtsBackend):
    """The plan without time windows or a number index: the order every plan must give."""

    ranged = False

    def number_ids(self, column: str, part: str, *, ids: IdRange | None = None) -> sa.Select[Any] | None:
        return None


def _all_pages(engine: Engine, query: RecordingQuery, backend: Any = None) -> list[list[str]]:
    pages, after = [], None
    while True:
        page = search_recordings(engine, replace(query, after=after), backend=backend)
        pages.append([row.session_id for row in page.items])
        if page.next_cursor is None:
            return pages
        after = page.next_cursor


@pytest.mark.parametrize("large_rest", [60, 200_000])  # sized by a first read, or one window at once
def test_windowed_pages_equal_the_plain_plan(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch, large_rest: int
) -> None:
    rng = random.Random(11)
    names = ["Olena Kovalenko", "Olesia Petrenko", "Taras Shevchuk", "Ivan Olenko"]
    records = []
    for i in range(400):
        start = BASE + timedelta(minutes=rng.randrange(0, 4000))  # ids out of time order, ties
        records.append(
            make_spec_session(
                f"w{i:03d}", start=start, agent_name=rng.choice(names), ani=f"050{rng.randrange(10**6, 10**7)}",
                ccid=str(rng.randrange(30)) if rng.random() < 0.3 else None,
            )
        )  # fmt: skip
    for first in range(0, len(records), 50):  # stored in several pages, as a sync does
        _store(sqlite_engine, sorted(records[first : first + 50], key=lambda r: r.start))
    monkeypatch.setattr(windows_module, "SMALL_MATCH", 20)
    monkeypatch.setattr(windows_module, "FIRST_WINDOW_ROWS", 15)
    monkeypatch.setattr(windows_module, "LARGE_REST", large_rest)
    queries = [
        RecordingQuery(text="ole", limit=7),
        RecordingQuery(text="olena", limit=9, descending=False),
        RecordingQuery(text="ole", limit=11, group_calls=False),
        RecordingQuery(ani="050", limit=13),
        RecordingQuery(ani="050", text="taras", limit=5, descending=False, group_calls=False),
        RecordingQuery(text="o", limit=6, start_ms=int((BASE + timedelta(minutes=900)).timestamp() * 1000)),
        RecordingQuery(text="kov 05", limit=8),  # a prefix of letters and one of digits
        RecordingQuery(text="shevchuk", limit=4, descending=False),
    ]
    for query in queries:
        windowed = _all_pages(sqlite_engine, query)
        assert windowed == _all_pages(sqlite_engine, query, backend=_PlainPlan()), query
        assert sum(map(len, windowed)) == count_recordings(sqlite_engine, query)


def test_the_next_window_is_sized_from_what_the_last_one_held(sqlite_engine: Engine, monkeypatch: Any) -> None:
    """A sparse match needs only a little more than the last window gave: the next window is about
    twice what the rest of the page needs at the density found, never under a quarter of the last
    nor over GROWTH times it; with nothing found it grows by GROWTH."""
    _store(sqlite_engine, [make_spec_session(f"t{i:03d}", start=BASE + timedelta(minutes=i)) for i in range(1000)])
    monkeypatch.setattr(windows_module, "FIRST_WINDOW_ROWS", 40)

    def rows(window: windows_module.Window) -> int:
        assert window.ids is not None
        return window.ids[1] - window.ids[0] + 1  # ids follow time here

    def second_window(found: int, missing: int) -> int:
        progress = windows_module.Progress()
        with sqlite_engine.connect() as conn:
            walk = windows_module.time_windows(conn, None, None, descending=True, progress=progress)
            assert 39 <= rows(next(walk)) <= 41
            progress.found, progress.missing = found, missing
            return rows(next(walk))

    assert 19 <= second_window(20, 5) <= 21  # 2 x 5 / 20 of the first
    assert 9 <= second_window(30, 1) <= 11  # a quarter at least
    assert 159 <= second_window(2, 50) <= 161  # GROWTH (4) at most
    assert 159 <= second_window(0, 50) <= 161  # nothing found: GROWTH


def test_a_set_counts_as_small_by_the_size_of_the_table(sqlite_engine: Engine, monkeypatch: Any) -> None:
    """A page from a small set reads each match; from windows it reads about need * n / m recordings
    of the start index: the threshold grows as the square root of the table's size, up to SMALL_MATCH."""
    with sqlite_engine.connect() as conn:
        assert windows_module.small_match(conn, 101) == 1  # no recordings: windows would find nothing anyway
    _store(sqlite_engine, [make_spec_session(f"s{i:04d}", start=BASE + timedelta(minutes=i)) for i in range(1000)])
    with sqlite_engine.connect() as conn:
        expected = math.isqrt(int(101 * 1000 * windows_module.SCAN_PER_ROW))
        assert abs(windows_module.small_match(conn, 101) - expected) <= 1
        assert windows_module.small_match(conn, 404) > windows_module.small_match(conn, 101)
        monkeypatch.setattr(windows_module, "SMALL_MATCH", 10)
        assert windows_module.small_match(conn, 101) == 10
