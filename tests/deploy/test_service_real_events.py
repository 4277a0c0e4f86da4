"""Real MediaSense's event shapes reach the database: SESSION_EVENT ENDED closes a call at once,
TAG_EVENT ADDED/DELETED change a session's tags and its full-text document (mediasense-api.md §12)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.sync import SyncRunner
from qms_desktop.domain.sessions import SessionState, Tag, TagChange
from qms_desktop.search.query import RecordingQuery, search_recordings
from qms_desktop.service.runner import Service, ServiceOptions
from qms_desktop.store.engine import begin_write
from qms_desktop.store.recordings import upsert_sessions
from qms_desktop.store.schema import quarantine, recording_tags, recordings
from qms_desktop.store.tag_changes import apply_tag_changes
from qms_desktop.sync.windows import floor_day
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.store.factory import make_session
from tests.sync.helpers import DAY_MS, NOW, client_for, small_settings
from tests.waiting import poll_until

EVENTS_PATH = "/qms/mediasense-events"


def _row(engine: Engine, session_id: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(recordings.c.state, recordings.c.duration_ms, recordings.c.end_ms).where(
                recordings.c.session_id == session_id
            )
        ).first()


def _found(engine: Engine, query: RecordingQuery) -> list[str]:
    return [row.session_id for row in search_recordings(engine, query).items]


async def _until(predicate: Any, timeout: float) -> bool:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if await asyncio.to_thread(predicate):
            return True
        await asyncio.sleep(0.05)  # the poll interval
    return False


def _service(engine: Engine, sim: Any, ca_file: str, **options: Any) -> tuple[Service, Any]:
    client = client_for(sim, ca_file)
    service = Service(
        engine,
        SyncRunner(engine, client, small_settings(backfill_days=1), clock=sim.clock.now),
        ServiceOptions(interval_s=3600, events_port=0, **options),
    )
    return service, client


@pytest.mark.asyncio
async def test_a_real_shaped_session_ended_closes_the_call_without_the_next_poll(
    engine: Engine, start_sim, ca_file
) -> None:
    """The test itself POSTs an 8.5-shaped SESSION_EVENT (urls an array, forwardedEvent a string) to
    the service's listener; MediaSense is told to deliver elsewhere, so only this POST can do it."""
    sim = start_sim("cisco", cisco_version="8.5", freeze_clock=True, days=2, sessions_per_day=60)
    now = sim.clock.now_ms()
    active = [t for t in sim.ground_truth(now - DAY_MS, now) if t["state"] == "ACTIVE"]
    assert active, "the simulator should have calls in progress"
    target = min(active, key=lambda t: t["planned_end_ms"])
    sid = target["sessionId"]
    service, client = _service(engine, sim, ca_file, advertise_url=f"http://127.0.0.1:9{EVENTS_PATH}")
    try:
        await service.start()
        assert await _until(lambda: service.last_result is not None, 20)
        assert _row(engine, sid).state == "ACTIVE"

        sim.clock.set(target["planned_end_ms"] + 1)  # MediaSense now answers the call as closed
        duration = target["planned_end_ms"] - target["start_ms"]
        event = {
            "eventType": "SESSION_EVENT",
            "eventAction": "ENDED",
            "forwardedEvent": "false",
            "eventBody": {
                "sessionId": sid,
                "sessionState": "CLOSED_NORMAL",
                "sessionStartDate": target["start_ms"],
                "sessionDuration": duration,
                "callControllerIP": "10.20.0.11",
                "callControllerType": "Cisco-CUCM",
                "urls": [{"rtspUrl": f"rtsp://10.20.0.40/archive/{sid}"}],
                "tracks": [
                    {"trackNumber": 0, "trackStartDate": target["start_ms"], "trackDuration": duration},
                    {"trackNumber": 1, "trackStartDate": target["start_ms"], "trackDuration": duration},
                ],
            },
        }
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{service.events_port}") as http:
            answer = await http.post(EVENTS_PATH, json=event)
        assert answer.status_code == 200 and answer.text == "ok"
        assert await _until(lambda: _row(engine, sid).state == "CLOSED_NORMAL", 15)
        assert _row(engine, sid).duration_ms == duration
        assert service.scheduler.cycles == 1  # the periodic cycle did not run again
        assert service.receiver.accepted == 1 and service.receiver.rejected == 0
        assert sim.stats.events_delivered == 0  # MediaSense's own deliveries went nowhere
    finally:
        await service.stop()
        await client.aclose()


@pytest.mark.asyncio
async def test_tag_events_add_and_remove_a_searchable_tag(engine: Engine, start_sim, ca_file) -> None:
    """MediaSense (the simulator, over HTTP) posts TAG_EVENT ADDED then DELETED; the stored session's
    tags and its full-text document follow; a tag on a session not stored yet brings that session."""
    # A fixed afternoon: today's calls and the older window are never empty, whatever the hour of the run.
    sim = start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=40)
    now = sim.clock.now_ms()
    stored_day = [t for t in sim.ground_truth(floor_day(now), now) if t["state"] == "CLOSED_NORMAL"]
    target = stored_day[0]["sessionId"]
    older = sim.ground_truth(now - 3 * DAY_MS, floor_day(now) - 2 * DAY_MS)  # before the synced days
    unknown = older[0]["sessionId"]
    by_tag = RecordingQuery(tags=["Escalated"])
    by_text = RecordingQuery(text="escalated")
    service, client = _service(engine, sim, ca_file)
    try:
        await service.start()
        assert await _until(lambda: service.last_result is not None, 20)
        assert _row(engine, target) is not None and _row(engine, unknown) is None
        assert _found(engine, by_tag) == [] and _found(engine, by_text) == []

        sim.emit_tag_event(target, "ADDED", "Escalated")
        assert await _until(lambda: _found(engine, by_tag) == [target], 15)
        assert _found(engine, by_text) == [target]  # the full-text document has the tag too

        sim.emit_tag_event(target, "DELETED", "Escalated")
        assert await _until(lambda: _found(engine, by_tag) == [], 15)
        assert _found(engine, by_text) == []
        assert _row(engine, target).state == "CLOSED_NORMAL"  # nothing else about the call changed

        sim.emit_tag_event(unknown, "ADDED", "Escalated")
        assert await _until(lambda: _found(engine, by_tag) == [unknown], 15)
        assert _row(engine, unknown).state == older[0]["state"]
        assert service.scheduler.cycles == 1  # all of it without the periodic cycle
        assert ("TAG_ADDED", target, service.subscription.uri) in sim.stats.events
    finally:
        await service.stop()
        await client.aclose()


@pytest.mark.parametrize("profile", ["cisco", "legacy"])
@pytest.mark.asyncio
async def test_an_8_5_server_syncs_every_session(engine: Engine, start_sim, ca_file, profile: str) -> None:
    """urls as arrays of one-key objects in every answer: every session lands, none is quarantined
    or marked deleted."""
    sim = start_sim(profile, cisco_version="8.5", freeze_clock=True, days=3, sessions_per_day=40)
    now = sim.clock.now_ms()
    settings = small_settings(backfill_days=2)
    client = client_for(sim, ca_file)
    try:
        result = await SyncRunner(engine, client, settings, clock=sim.clock.now).run("manual")
    finally:
        await client.aclose()
    assert result.status == "SUCCESS", result.error
    expected = {t["sessionId"]: t for t in sim.ground_truth(floor_day(now) - 2 * DAY_MS, now)}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(recordings.c.session_id, recordings.c.state, recordings.c.wav_url, recordings.c.rtsp_url)
        ).all()
        quarantined = conn.execute(sa.select(sa.func.count()).select_from(quarantine)).scalar_one()
    assert quarantined == 0
    assert {r.session_id for r in rows} == set(expected)
    assert all(r.state == expected[r.session_id]["state"] for r in rows)  # none DELETED
    closed = [r for r in rows if r.state != "ACTIVE"]
    assert closed and all(r.wav_url and r.rtsp_url for r in closed)  # read out of the arrays
    assert all(r.rtsp_url and "/live/" in r.rtsp_url for r in rows if r.state == "ACTIVE")


def test_a_service_restarted_after_a_crash_adopts_its_subscription(
    sqlite_url: str, sqlite_engine: Engine, start_sim, ca_file, tmp_path: Path
) -> None:
    """Two real `qms-desktop service` processes, the first killed (no unsubscribe): the second
    subscribes the same URI with the same filters, MediaSense answers 2005, and there is still one
    subscription, with the first one's id."""
    sim = start_sim("cisco", freeze_clock=True, days=1, sessions_per_day=10)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(
        QMS_HOME=str(tmp_path / "home"),
        QMS_DATABASE_URL=sqlite_url,
        MEDIASENSE_URL=sim.api_url,
        MEDIASENSE_USERNAME=SIM_USER,
        MEDIASENSE_PASSWORD=SIM_PASSWORD,
        MEDIASENSE_CA_FILE=ca_file,
    )
    cmd = [sys.executable, "-m", "qms_desktop", "service", "--interval", "3600", "--events-port", str(port)]
    subscribe = "/ora/eventService/event/subscribeToEvents"

    first = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        poll_until(lambda: first.poll() is not None or sim.events.subscriptions(), 60)
        assert first.poll() is None, "the first service exited"
    finally:
        first.kill()  # a crash: nothing is unsubscribed
        first.wait()
    (original,) = sim.events.subscriptions()

    second = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        poll_until(lambda: second.poll() is not None or sim.stats.requests_to(subscribe) == 2, 60)
        assert second.poll() is None, "the second service exited"
        assert sim.events.subscriptions() == [original]  # adopted, not a second one
        second.send_signal(signal.SIGTERM)
        _, err = second.communicate(timeout=60)
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()
    assert second.returncode == 0
    assert f"Already subscribed to MediaSense events as {original['subscriptionId']} (responseCode 2005)" in err
    assert sim.events.subscriptions() == []  # the adopted subscription is the one it cleaned up


def _tags(engine: Engine, session_id: str) -> list[tuple[str, int | None]]:
    with engine.connect() as conn:
        return [
            (r.name, r.offset_ms)
            for r in conn.execute(
                sa.select(recording_tags.c.name, recording_tags.c.offset_ms)
                .join(recordings, recordings.c.id == recording_tags.c.recording_id)
                .where(recordings.c.session_id == session_id)
                .order_by(recording_tags.c.id)
            )
        ]


def test_tag_changes_apply_to_stored_sessions_with_their_document(engine: Engine) -> None:
    with begin_write(engine) as conn:
        upsert_sessions(conn, [make_session("tagged-1", tags=("vip",))], fetched_at_ms=1, now_ms=1)
    changes = [
        TagChange("tagged-1", True, Tag("Escalated", "USER_DEFINED", None, 500, None)),
        TagChange("tagged-1", True, Tag("Escalated", "USER_DEFINED", None, 500, None)),  # a repeat
        TagChange("not-stored", True, Tag("Escalated")),
        TagChange("tagged-1", False, Tag("vip")),
        TagChange("tagged-1", False, Tag("never-there")),
    ]
    with begin_write(engine) as conn:
        assert apply_tag_changes(conn, changes, now_ms=2) == ["tagged-1"]
    assert _tags(engine, "tagged-1") == [("Escalated", 500)]
    assert _found(engine, RecordingQuery(text="escalated")) == ["tagged-1"]
    assert _found(engine, RecordingQuery(text="vip")) == []
    with begin_write(engine) as conn:
        assert apply_tag_changes(conn, [TagChange("tagged-1", False, Tag("Escalated", offset_ms=500))], 3) == [
            "tagged-1"
        ]
    assert _tags(engine, "tagged-1") == [] and _found(engine, RecordingQuery(text="escalated")) == []


@pytest.mark.asyncio
async def test_a_tag_on_a_session_mediasense_answers_unknown_is_kept_and_not_deleted(
    engine: Engine, start_sim, ca_file
) -> None:
    """A TAG_EVENT proves the session exists: an "unknown" answer to its fetch does not delete it,
    and the announced tag is applied to the stored row."""
    sim = start_sim("cisco", freeze_clock=True, days=1, sessions_per_day=5)
    with begin_write(engine) as conn:  # a session this MediaSense does not answer for by id
        upsert_sessions(conn, [make_session("feedfacecafe01")], fetched_at_ms=1, now_ms=1)
    client = client_for(sim, ca_file)
    try:
        runner = SyncRunner(engine, client, small_settings(), clock=sim.clock.now)
        change = TagChange("feedfacecafe01", True, Tag("Escalated", "USER_DEFINED", None, 1000, None))
        result = await runner.run_sessions([], "event", tag_changes=[change])
    finally:
        await client.aclose()
    assert result.status == "SUCCESS", result.error
    assert _row(engine, "feedfacecafe01").state == "CLOSED_NORMAL"  # not DELETED
    assert _tags(engine, "feedfacecafe01") == [("Escalated", 1000)]
    assert _found(engine, RecordingQuery(tags=["Escalated"])) == ["feedfacecafe01"]


@pytest.mark.asyncio
async def test_a_tag_event_whose_fetch_is_unreadable_still_lands(engine: Engine, start_sim, ca_file) -> None:
    """MediaSense posts TAG_EVENT DELETED, but its answer for the session cannot be read (quarantined):
    the tag announced is still removed from the stored session."""
    sim = start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=40)  # today has calls
    now = sim.clock.now_ms()
    target = next(t for t in sim.ground_truth(floor_day(now), now) if t["state"] == "CLOSED_NORMAL")["sessionId"]
    service, client = _service(engine, sim, ca_file)
    try:
        await service.start()
        assert await _until(lambda: service.last_result is not None, 20)
        sim.emit_tag_event(target, "ADDED", "Escalated")
        assert await _until(lambda: _found(engine, RecordingQuery(tags=["Escalated"])) == [target], 15)

        sim.faults.update(malformed_records=frozenset({target}))  # its answers are garbage from now on
        sim.emit_tag_event(target, "DELETED", "Escalated")
        assert await _until(lambda: _found(engine, RecordingQuery(tags=["Escalated"])) == [], 15)
        assert _row(engine, target).state == "CLOSED_NORMAL"
        with engine.connect() as conn:  # the unreadable answer is kept for a person to look at
            assert conn.execute(sa.select(sa.func.count()).select_from(quarantine)).scalar_one() == 1
    finally:
        await service.stop()
        await client.aclose()


@pytest.mark.asyncio
async def test_an_ended_event_for_a_session_mediasense_answers_unknown_stores_its_body(
    engine: Engine, start_sim, ca_file
) -> None:
    """The fetch by id says "unknown" (an answer we cannot believe: the event just announced the
    session): the event's own session-shaped body is stored, and the call is not marked DELETED."""
    sim = start_sim("cisco", freeze_clock=True, days=1, sessions_per_day=5)
    live = make_session("feedfacecafe02", state=SessionState.ACTIVE)
    start_ms = int(live.start.timestamp() * 1000)
    service, client = _service(engine, sim, ca_file, advertise_url=f"http://127.0.0.1:9{EVENTS_PATH}")
    event = {
        "eventType": "SESSION_EVENT",
        "eventAction": "ENDED",
        "forwardedEvent": "false",
        "eventBody": {
            "sessionId": "feedfacecafe02",
            "sessionState": "CLOSED_NORMAL",
            "sessionStartDate": start_ms,
            "sessionDuration": 61_000,
            "urls": [{"rtspUrl": "rtsp://10.20.0.40/archive/feedfacecafe02"}],
        },
    }
    try:
        await service.start()
        assert await _until(lambda: service.last_result is not None, 20)
        with begin_write(engine) as conn:  # stored as live (after the cycle, which would follow it up)
            upsert_sessions(conn, [live], fetched_at_ms=1, now_ms=1)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{service.events_port}") as http:
            assert (await http.post(EVENTS_PATH, json=event)).status_code == 200
        assert await _until(lambda: _row(engine, "feedfacecafe02").state != "ACTIVE", 15)
        row = _row(engine, "feedfacecafe02")
        assert row.state == "CLOSED_NORMAL" and row.duration_ms == 61_000 and row.end_ms == start_ms + 61_000
    finally:
        await service.stop()
        await client.aclose()
