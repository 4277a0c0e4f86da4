"""Closed sessions without `sessionDuration` (a real 11.5 server answers some CLOSED_NORMAL sessions so:
`trackDuration` on each track, nothing on the session) get their end and duration from the tracks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from qms_desktop.domain.sessions import SessionRecord, SessionState
from qms_desktop.domain.time import TimeWindow, from_ms, to_ms
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.normalize import normalize_page, normalize_session
from tests.conftest import sim_client_config

START = 1769421214895


def session(state: str = "CLOSED_NORMAL", **extra: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "sessionId": "1478f4e6bc5e4a1",
        "sessionState": state,
        "sessionStartDate": START,
        "tracks": [
            {"trackNumber": 0, "trackStartDate": START, "trackDuration": 61_000, "participants": []},
            {"trackNumber": 1, "trackStartDate": START + 2_000, "trackDuration": 65_500, "participants": []},
        ],
    }
    raw.update(extra)
    return raw


def norm(raw: dict[str, Any]) -> SessionRecord:
    record = normalize_session(raw, "cisco")
    assert isinstance(record, SessionRecord), record
    return record


def test_the_end_is_where_the_last_track_ends() -> None:
    record = norm(session())
    assert record.state is SessionState.CLOSED_NORMAL
    assert record.end == from_ms(START + 2_000 + 65_500)  # the longest-reaching track, not the longest one
    assert record.duration_ms == 67_500


def test_a_track_without_a_start_began_with_the_session() -> None:
    raw = session()
    del raw["tracks"][1]["trackStartDate"]
    record = norm(raw)
    assert record.duration_ms == 65_500 and record.end == from_ms(START + 65_500)


def test_session_duration_when_given_wins() -> None:
    record = norm(session(sessionDuration=70_000))
    assert record.duration_ms == 70_000 and record.end == from_ms(START + 70_000)


def test_an_open_session_stays_open_and_tracks_without_durations_give_nothing() -> None:
    assert norm(session("ACTIVE")).end is None
    assert norm(session("ACTIVE")).duration_ms is None
    raw = session()
    for track in raw["tracks"]:
        del track["trackDuration"]
    assert norm(raw).end is None and norm(raw).duration_ms is None


def test_legacy_strings_and_an_11_5_page_read_the_same() -> None:
    quoted = session()
    quoted["sessionStartDate"] = str(START)
    for track in quoted["tracks"]:
        track["trackStartDate"], track["trackDuration"] = str(track["trackStartDate"]), str(track["trackDuration"])
    legacy = normalize_session(quoted, "legacy")
    assert isinstance(legacy, SessionRecord) and legacy.duration_ms == 67_500
    records, rejected = normalize_page([session(), session(sessionId="other")], "cisco")
    assert not rejected and [r.duration_ms for r in records] == [67_500, 67_500]


def test_a_garbage_track_duration_still_quarantines_the_session() -> None:
    raw = session()
    raw["tracks"][0]["trackDuration"] = "abc"
    rejected = normalize_session(raw, "cisco")
    assert not isinstance(rejected, SessionRecord) and "trackDuration" in rejected.reason


@pytest.mark.asyncio
async def test_the_cisco_profile_sends_some_sessions_without_duration_like_a_real_11_5_server(
    start_sim, ca_file
) -> None:
    sim = start_sim("cisco")
    now = sim.clock.now()
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        page = await client.query_sessions(TimeWindow(now - timedelta(days=2), now), limit=1000)
    closed = [r for r in page.records if r.state is not SessionState.ACTIVE]
    without = [r for r in closed if "sessionDuration" not in r.raw]
    assert closed and 0 < len(without) < len(closed)  # some, by default
    truths = {t["sessionId"]: t for t in sim.ground_truth(now - timedelta(days=2), now)}
    for record in without:
        assert record.duration_ms == truths[record.session_id]["duration_ms"]
        assert record.end is not None and to_ms(record.end) == truths[record.session_id]["end_ms"]
