"""One call, one item: sessions sharing a ccid (a call split by a hold or a transfer) are one call in
the read model, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine

from qms_desktop.domain.sessions import SessionRecord
from qms_desktop.search import RecordingQuery, count_recordings, get_recording, search_recordings
from qms_desktop.search import query as query_module
from qms_desktop.search.query import CALL_SPAN_MS
from qms_desktop.store import begin_write
from qms_desktop.store.fulltext import backend_for
from qms_desktop.store.recordings import upsert_sessions
from tests.store.factory import BASE, make_spec_session


def _store(engine: Engine, records: list[SessionRecord]) -> None:
    with begin_write(engine) as conn:
        upsert_sessions(conn, records, fetched_at_ms=1, now_ms=1)


def _held_call(ccid: str = "17635156", gap_s: int = 95) -> list[SessionRecord]:
    """Olena talks 4 minutes, puts the caller on hold, then Taras (another team) takes the call."""
    first = make_spec_session(
        "held-1", start=BASE, minutes=4, ccid=ccid, agent_id="a1", agent_name="Olena", team_code="SALES"
    )
    second = make_spec_session(
        "held-2",
        start=BASE + timedelta(minutes=4, seconds=gap_s),
        minutes=6,
        ccid=ccid,
        agent_id="a2",
        agent_name="Taras",
        team_code="SUPPORT",
    )
    return [first, second]


def _all(engine: Engine, query: RecordingQuery) -> list[tuple[str, tuple[str, ...]]]:
    """(session id, segment ids) of every item, following the cursors."""
    out: list[tuple[str, tuple[str, ...]]] = []
    with engine.connect() as conn:
        page = search_recordings(conn, query)
        while True:
            out.extend((r.session_id, tuple(s.session_id for s in r.segments)) for r in page.items)
            if page.next_cursor is None:
                break
            fields = {n: getattr(query, n) for n in RecordingQuery.__dataclass_fields__}
            page = search_recordings(conn, RecordingQuery(**{**fields, "after": page.next_cursor}))
        assert count_recordings(conn, query) == len(out)
    return out


def test_a_held_call_is_one_item_with_two_segments(engine: Engine) -> None:
    _store(engine, [*_held_call(), make_spec_session("alone", start=BASE + timedelta(hours=1), ccid="999")])
    page = search_recordings(engine, RecordingQuery())
    assert [r.session_id for r in page.items] == ["alone", "held-1"]
    call = page.items[1]
    assert call.is_call and not page.items[0].is_call
    assert [s.session_id for s in call.segments] == ["held-1", "held-2"]
    assert [s.agent_name for s in call.segments] == ["Olena", "Taras"]
    assert call.call_start_ms == call.segments[0].start_ms
    assert call.call_end_ms == call.segments[1].end_ms
    assert call.talk_ms == 10 * 60_000  # 4 + 6 minutes; the hold is not recorded
    data = call.to_dict()
    assert data["segment_count"] == 2 and [s["session_id"] for s in data["segments"]] == ["held-1", "held-2"]
    # Sessions, not calls, when asked for.
    assert len(search_recordings(engine, RecordingQuery(group_calls=False)).items) == 3
    assert count_recordings(engine, RecordingQuery()) == 2
    assert count_recordings(engine, RecordingQuery(group_calls=False)) == 3


def test_a_filter_matching_a_later_segment_shows_the_whole_call_once(engine: Engine) -> None:
    _store(engine, _held_call())
    assert _all(engine, RecordingQuery(agent_ids=("a2",))) == [("held-2", ("held-1", "held-2"))]
    assert _all(engine, RecordingQuery(agent_ids=("a1", "a2"))) == [("held-1", ("held-1", "held-2"))]
    assert _all(engine, RecordingQuery(agent_ids=("nobody",))) == []


def test_segments_of_a_team_you_cannot_see_are_not_listed(engine: Engine) -> None:
    _store(engine, _held_call())
    assert _all(engine, RecordingQuery(allowed_teams=("SALES",))) == [("held-1", ("held-1",))]
    assert _all(engine, RecordingQuery(allowed_teams=("SUPPORT",))) == [("held-2", ("held-2",))]
    assert _all(engine, RecordingQuery(allowed_teams=())) == []
    detail = get_recording(engine, "held-1", segment_teams=("SALES",))
    assert detail is not None and [s.session_id for s in detail.row.segments] == ["held-1"]
    detail = get_recording(engine, "held-2")
    assert detail is not None and [s.session_id for s in detail.row.segments] == ["held-1", "held-2"]


def test_search_by_ccid_exact_and_in_free_text(engine: Engine) -> None:
    _store(engine, [*_held_call("17635156"), make_spec_session("other", ccid="1763515")])
    assert _all(engine, RecordingQuery(ccid="17635156")) == [("held-1", ("held-1", "held-2"))]
    assert _all(engine, RecordingQuery(ccid=" 17635156 ")) == [("held-1", ("held-1", "held-2"))]
    assert _all(engine, RecordingQuery(ccid="1763515")) == [("other", ("other",))]
    assert _all(engine, RecordingQuery(text="17635156")) == [("held-1", ("held-1", "held-2"))]
    assert _all(engine, RecordingQuery(ccid="17635156", group_calls=False)) == [("held-2", ()), ("held-1", ())]


def test_the_same_ccid_far_apart_or_from_another_controller_is_another_call(engine: Engine) -> None:
    later = BASE + timedelta(milliseconds=CALL_SPAN_MS + 60_000)
    _store(
        engine,
        [
            make_spec_session("day-1", start=BASE, ccid="42", call_controller_ip="10.0.0.1"),
            make_spec_session("day-2", start=later, ccid="42", call_controller_ip="10.0.0.1"),
            make_spec_session("other-cm", start=BASE + timedelta(minutes=1), ccid="42", call_controller_ip="10.0.0.2"),
        ],
    )
    items = _all(engine, RecordingQuery(sort="start", descending=False))
    assert items == [("day-1", ("day-1",)), ("other-cm", ("other-cm",)), ("day-2", ("day-2",))]


def test_every_call_once_across_pages_in_every_order(engine: Engine) -> None:
    rng = random.Random(11)
    records: list[SessionRecord] = []
    calls: dict[str, list[str]] = {}
    for c in range(40):
        start = BASE + timedelta(minutes=rng.randrange(0, 120))
        for s in range(rng.choice([1, 1, 2, 3])):
            sid = f"c{c:02d}-s{s}"
            records.append(
                make_spec_session(
                    sid,
                    start=start,
                    minutes=rng.choice([1, 2, 5]),
                    ccid=f"cc{c}",
                    agent_id=rng.choice(["a1", "a2"]),
                    team_code="SALES",
                )
            )
            calls.setdefault(f"cc{c}", []).append(sid)
            start += timedelta(minutes=rng.choice([0, 1, 7]))  # 0: two segments start together
    _store(engine, records)
    for sort in ("start", "duration", "agent", "ani"):
        for descending in (True, False):
            items = _all(engine, RecordingQuery(sort=sort, descending=descending, limit=7))
            groups = [set(segments) for _, segments in items]
            assert sorted(map(sorted, groups)) == sorted(sorted(v) for v in calls.values()), (sort, descending)
            assert all(sid in segments for sid, segments in items)
    only_a2 = _all(engine, RecordingQuery(agent_ids=("a2",), limit=5))
    agent_of = {r.session_id: r.agent_id for r in records}
    expected = {ccid for ccid, sids in calls.items() if any(agent_of[sid] == "a2" for sid in sids)}
    assert len(only_a2) == len(expected)


def test_grouped_pages_in_other_orders_equal_the_one_statement_plan(engine: Engine, monkeypatch: Any) -> None:
    """Sorted by anything but start, a grouped page is read as candidates and then grouped in one
    query; page by page (cursors included) it must equal the statement with the grouping condition."""
    rng = random.Random(5)
    records: list[SessionRecord] = []
    for c in range(60):
        start = BASE + timedelta(minutes=rng.randrange(0, 240))
        ip = rng.choice(["10.0.0.1", "10.0.0.1", "10.0.0.2", None])
        for s in range(rng.choice([1, 2, 2, 3])):
            records.append(
                make_spec_session(
                    f"c{c:02d}-s{s}", start=start, minutes=rng.choice([1, 2, 5]), ccid=f"cc{c % 45}",
                    call_controller_ip=ip, agent_id=rng.choice(["a1", "a2"]), ani=f"050{rng.randrange(100):03d}",
                )
            )  # fmt: skip
            start += timedelta(minutes=rng.choice([0, 1, 7]), hours=rng.choice([0, 0, 0, 13]))  # 13 h: another call
    _store(engine, records)
    monkeypatch.setattr(query_module, "CANDIDATES_PER_ROW", 1)  # a page needs several rounds of candidates
    with engine.connect() as conn:
        backend = backend_for(conn)
        for sort in ("duration", "agent", "ani"):
            for filters in ({}, {"agent_ids": ("a2",)}):
                for descending in (True, False):
                    query = RecordingQuery(sort=sort, descending=descending, limit=6, **filters)  # type: ignore[arg-type]
                    pages = 0
                    while True:
                        one_statement = query_module._page_statement(conn, query, backend, query.limit + 1)
                        expected = [row.id for row in conn.execute(one_statement)]
                        page = search_recordings(conn, query)
                        got = [r.id for r in page.items]
                        assert got == expected[: query.limit], (sort, filters, descending, pages)
                        assert (page.next_cursor is not None) == (len(expected) > query.limit)
                        pages += 1
                        if page.next_cursor is None:
                            break
                        query = dataclasses.replace(query, after=page.next_cursor)
                    assert pages > 3
