"""The recordings query API: every filter, keyset paging in every order, and SQLite == PostgreSQL."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from qms_desktop.domain.sessions import Direction, SessionRecord, SessionState
from qms_desktop.domain.time import to_ms
from qms_desktop.search import RecordingQuery, count_recordings, get_recording, search_recordings
from qms_desktop.search.query import SORT_FIELDS, InvalidCursor
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from tests.store.factory import BASE, make_session, make_spec_session

AGENTS = [("a1", "Olena Kovalenko", "SALES"), ("a2", "Taras Shevchuk", "SUPPORT"), ("a3", "Ivan Petrenko", "SALES")]


def dataset(n: int = 90, seed: int = 7) -> list[SessionRecord]:
    """Varied sessions: shared start times (ties), open sessions (no duration), no agent, tags."""
    rng = random.Random(seed)
    records: list[SessionRecord] = []
    for i in range(n):
        start = BASE + timedelta(minutes=rng.randrange(0, 40))  # many equal start times
        state = rng.choice([SessionState.CLOSED_NORMAL] * 4 + [SessionState.ACTIVE, SessionState.CLOSED_ERROR])
        tags = tuple(t for t in ("vip", "escalation", "callback") if rng.random() < 0.25)
        if i % 7 == 0:  # cisco-like: nothing but device refs
            records.append(make_session(f"s{i:03d}", start=start, state=state, tags=tags, caller=f"050{i:07d}"))
            continue
        agent_id, name, team = rng.choice(AGENTS)
        records.append(
            make_spec_session(
                f"s{i:03d}",
                start=start,
                state=state,
                minutes=rng.choice([0.5, 1, 3, 3, 10, 25]),
                tags=tags,
                agent_id=agent_id,
                agent_name=name,
                team_code=team,
                direction=rng.choice(list(Direction)),
                ani=f"+38050{rng.randrange(1000000, 9999999)}",
                dnis=rng.choice(["1001", "1002", "2001", "800555"]),
                csq=rng.choice(["CSQ_Sales", "CSQ_Support", None]),
                caller=f"050{i:07d}",
            )
        )
    return records


@pytest.fixture
def loaded(engine: Engine) -> tuple[Engine, list[SessionRecord]]:
    records = dataset()
    with begin_write(engine) as conn:
        for start in range(0, len(records), 25):
            upsert_sessions(conn, records[start : start + 25], fetched_at_ms=1, now_ms=1)
    return engine, records


def _ids(engine: Engine, query: RecordingQuery) -> list[str]:
    """Every session id the query returns, following cursors page by page."""
    out: list[str] = []
    with engine.connect() as conn:
        page = search_recordings(conn, query)
        out.extend(r.session_id for r in page.items)
        while page.next_cursor:
            page = search_recordings(conn, RecordingQuery(**{**_fields(query), "after": page.next_cursor}))
            out.extend(r.session_id for r in page.items)
        assert count_recordings(conn, query) == len(out)
    return out


def _fields(query: RecordingQuery) -> dict[str, object]:
    return {name: getattr(query, name) for name in RecordingQuery.__dataclass_fields__}


def _expect(records: list[SessionRecord], keep) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.session_id for r in records if keep(r)}


FILTERS = {
    "agent": (RecordingQuery(agent_ids=["a1"]), lambda r: r.agent_id == "a1"),
    "two agents": (RecordingQuery(agent_ids=["a1", "a2"]), lambda r: r.agent_id in ("a1", "a2")),
    "team": (RecordingQuery(team_codes=["SUPPORT"]), lambda r: r.team_code == "SUPPORT"),
    "direction": (RecordingQuery(direction="outbound"), lambda r: r.direction is Direction.OUTBOUND),
    "ani partial": (RecordingQuery(ani="0505"), lambda r: r.ani is not None and "0505" in r.ani),
    "dnis partial": (RecordingQuery(dnis="00"), lambda r: r.dnis is not None and "00" in r.dnis),
    "csq": (RecordingQuery(csq="CSQ_Support"), lambda r: r.csq == "CSQ_Support"),
    "tag": (RecordingQuery(tags=["vip"]), lambda r: "vip" in {t.name for t in r.tags}),
    "two tags": (
        RecordingQuery(tags=["vip", "callback"]),
        lambda r: {"vip", "callback"} <= {t.name for t in r.tags},
    ),
    "duration range": (
        RecordingQuery(min_duration_ms=60_000, max_duration_ms=180_000),
        lambda r: r.duration_ms is not None and 60_000 <= r.duration_ms <= 180_000,
    ),
    "state": (RecordingQuery(state="ACTIVE"), lambda r: r.state is SessionState.ACTIVE),
    "session id": (RecordingQuery(session_id="s010"), lambda r: r.session_id == "s010"),
    "date range": (
        RecordingQuery(start_ms=to_ms(BASE + timedelta(minutes=10)), end_ms=to_ms(BASE + timedelta(minutes=20))),
        lambda r: BASE + timedelta(minutes=10) <= r.start < BASE + timedelta(minutes=20),
    ),
    "text: tag": (RecordingQuery(text="escal"), lambda r: "escalation" in {t.name for t in r.tags}),
    "text: agent name": (RecordingQuery(text="kovalenko"), lambda r: r.agent_name == "Olena Kovalenko"),
    "text: two words": (
        RecordingQuery(text="Olena SUPPORT"),
        # "CSQ_Support" holds the word "support" too: "_" separates words.
        lambda r: r.agent_name == "Olena Kovalenko" and "SUPPORT" in (r.team_code, (r.csq or "").upper()[4:]),
    ),
    "text: device ref": (RecordingQuery(text="0500000014"), lambda r: r.session_id == "s014"),
    "allowed teams": (RecordingQuery(allowed_teams={"SALES"}), lambda r: r.team_code == "SALES"),
    "no visible team": (RecordingQuery(allowed_teams=set()), lambda r: False),
    "combined": (
        RecordingQuery(team_codes=["SALES"], tags=["vip"], allowed_teams={"SALES", "SUPPORT"}),
        lambda r: r.team_code == "SALES" and "vip" in {t.name for t in r.tags},
    ),
}


@pytest.mark.parametrize("name", list(FILTERS))
def test_filter(loaded: tuple[Engine, list[SessionRecord]], name: str) -> None:
    engine, records = loaded
    query, keep = FILTERS[name]
    expected = _expect(records, keep)
    got = _ids(engine, RecordingQuery(**{**_fields(query), "limit": 7}))
    assert len(got) == len(set(got))
    assert set(got) == expected
    if name not in ("no visible team", "session id"):
        assert expected, "the data set should exercise this filter"


def _sort_value(record: SessionRecord, sort: str) -> object:
    return {
        "start": to_ms(record.start),
        "duration": record.duration_ms if record.duration_ms is not None else -1,
        "agent": record.agent_name or record.agent_id or "",
        "ani": record.ani or "",
        "dnis": record.dnis or "",
    }[sort]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORT_FIELDS)
def test_keyset_paging_returns_every_row_once_in_order(
    loaded: tuple[Engine, list[SessionRecord]], sort: str, descending: bool
) -> None:
    engine, records = loaded
    got = _ids(engine, RecordingQuery(sort=sort, descending=descending, limit=8))
    assert len(got) == len(records) and len(set(got)) == len(records)
    by_id = {r.session_id: r for r in records}
    with engine.connect() as conn:
        row_ids = {r.session_id: r.id for r in search_recordings(conn, RecordingQuery(limit=1000)).items}
    expected = sorted(records, key=lambda r: (_sort_value(r, sort), row_ids[r.session_id]), reverse=descending)
    assert got == [r.session_id for r in expected]
    assert by_id  # the comparison above covers ties (equal starts) through the id tie-break


def test_paging_with_a_filter_and_free_text(loaded: tuple[Engine, list[SessionRecord]]) -> None:
    engine, records = loaded
    query = RecordingQuery(text="sales", sort="duration", limit=3, descending=False)
    got = _ids(engine, query)
    assert set(got) == _expect(records, lambda r: r.team_code == "SALES" or r.csq == "CSQ_Sales")


def test_a_cursor_of_another_sort_is_refused(loaded: tuple[Engine, list[SessionRecord]]) -> None:
    engine, _ = loaded
    with engine.connect() as conn:
        page = search_recordings(conn, RecordingQuery(limit=5))
        assert page.next_cursor
        with pytest.raises(InvalidCursor):
            search_recordings(conn, RecordingQuery(limit=5, sort="ani", after=page.next_cursor))
        with pytest.raises(InvalidCursor):
            search_recordings(conn, RecordingQuery(limit=5, after="not-a-cursor"))


def test_query_validates_sort_and_limit() -> None:
    with pytest.raises(ValueError):
        RecordingQuery(sort="colour")
    with pytest.raises(ValueError):
        RecordingQuery(limit=0)


def test_search_accepts_an_engine_and_text_without_words(loaded: tuple[Engine, list[SessionRecord]]) -> None:
    engine, records = loaded
    assert len(search_recordings(engine, RecordingQuery(limit=1000, text=" -- ")).items) == len(records)
    assert search_recordings(engine, RecordingQuery(text='"unbalanced AND (')).items == []


def test_get_recording_detail_and_visibility(loaded: tuple[Engine, list[SessionRecord]]) -> None:
    engine, records = loaded
    record = next(r for r in records if r.tags and r.team_code == "SALES")
    with engine.connect() as conn:
        detail = get_recording(conn, record.session_id)
        assert get_recording(conn, record.session_id, allowed_teams={"SUPPORT"}) is None
        assert get_recording(conn, "missing") is None
    assert detail is not None
    assert detail.row.agent_name == record.agent_name
    assert [t.number for t in detail.tracks] == [0, 1]
    by_track = sorted(record.participants, key=lambda p: p.track_number or 0)
    assert [p.device_ref for p in detail.participants] == [p.device_ref for p in by_track]  # in track order
    assert {t.name for t in detail.tags} == {t.name for t in record.tags}
    assert detail.urls["wav"] == record.urls.wav
    assert detail.raw == dict(record.raw)
    assert detail.to_dict()["row"]["start"] == record.start.isoformat()


QUERIES = [
    RecordingQuery(limit=1000),
    RecordingQuery(sort="agent", descending=False, limit=1000),
    RecordingQuery(sort="ani", limit=1000),
    RecordingQuery(sort="dnis", descending=False, limit=1000),
    RecordingQuery(sort="duration", limit=1000),
    RecordingQuery(text="taras", limit=1000),
    RecordingQuery(ani="+38050", dnis="1", tags=["vip"], limit=1000),
]


@pytest.mark.postgres
def test_sqlite_and_postgresql_return_identical_results(sqlite_engine: Engine, postgres_engine: Engine) -> None:
    records = dataset(120, seed=11)
    for engine in (sqlite_engine, postgres_engine):
        with begin_write(engine) as conn:
            upsert_sessions(conn, records, fetched_at_ms=1, now_ms=1)
    for query in QUERIES:
        results = []
        for engine in (sqlite_engine, postgres_engine):
            with engine.connect() as conn:
                results.append(
                    ([r.to_dict() for r in search_recordings(conn, query).items], count_recordings(conn, query))
                )
        assert results[0] == results[1], query
        small = RecordingQuery(**{**_fields(query), "limit": 9})
        assert _ids(sqlite_engine, small) == _ids(postgres_engine, small)
