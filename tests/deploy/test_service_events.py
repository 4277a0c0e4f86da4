"""Near-real-time: MediaSense events sync a session at once; the receiver accepts only what it expects."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.sync import SyncRunner
from qms_desktop.domain.sessions import Tag
from qms_desktop.service.events import (
    DEFAULT_FILTERS,
    EventReceiver,
    InvalidEvent,
    SessionEvent,
    Subscription,
    parse_event,
)
from qms_desktop.service.runner import Service, ServiceOptions
from qms_desktop.store.schema import recordings, sync_runs
from tests.sync.helpers import DAY_MS, client_for, small_settings
from tests.waiting import wait_until


def _state(engine: Engine, session_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(sa.select(recordings.c.state).where(recordings.c.session_id == session_id)).scalar()


async def _until(predicate: Any, timeout: float) -> bool:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if await asyncio.to_thread(predicate):
            return True
        await asyncio.sleep(0.05)  # the poll interval
    return False


@pytest.mark.asyncio
async def test_an_ended_event_lands_the_session_without_waiting_for_the_cycle(
    engine: Engine, start_sim, ca_file
) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=60)
    now = sim.clock.now_ms()
    active = [t for t in sim.ground_truth(now - DAY_MS, now) if t["state"] == "ACTIVE"]
    assert active, "the simulator should have calls in progress"
    target = min(active, key=lambda t: t["planned_end_ms"])
    client = client_for(sim, ca_file)
    service = Service(
        engine,
        SyncRunner(engine, client, small_settings(backfill_days=1), clock=sim.clock.now),
        ServiceOptions(interval_s=3600, events_port=0),
    )
    try:
        await service.start()
        assert await _until(lambda: service.last_result is not None, 20)
        assert _state(engine, target["sessionId"]) == "ACTIVE"
        assert sim.events is not None and len(sim.events.subscriptions()) == 1

        sim.clock.set(target["planned_end_ms"] + 1)  # the call ends: MediaSense sends SESSION ENDED
        assert await _until(lambda: _state(engine, target["sessionId"]) not in (None, "ACTIVE"), 10)
        assert service.scheduler.cycles == 1  # the periodic cycle did not run again
        with engine.connect() as conn:
            modes = [r[0] for r in conn.execute(sa.select(sync_runs.c.mode).order_by(sync_runs.c.id))]
        assert modes[0] != "sessions" and "sessions" in modes[1:]
    finally:
        await service.stop()
        await client.aclose()
    assert sim.events.subscriptions() == []  # unsubscribed on stop


@pytest.mark.asyncio
async def test_resubscribing_after_a_crash_adopts_the_existing_subscription(start_sim, ca_file) -> None:
    """A second instance (its own client and MediaSense session, as after a restart) subscribing the
    same URI with the same filters gets 2005 and adopts the id; other filters replace the old ones."""
    sim = start_sim("cisco", freeze_clock=True, days=1, sessions_per_day=5)
    first_client, second_client = client_for(sim, ca_file), client_for(sim, ca_file)
    uri = "http://127.0.0.1:9/qms/mediasense-events"
    try:
        first = Subscription(first_client, uri)
        first_id = await first.subscribe()
        assert not first.adopted
        # The first process dies without unsubscribing; a new one starts.
        again = Subscription(second_client, uri)
        assert await again.subscribe() == first_id
        assert again.adopted
        subs = sim.events.subscriptions()
        assert len(subs) == 1 and subs[0]["filters"] == list(DEFAULT_FILTERS)

        narrower = Subscription(second_client, uri, ["RECORDING_EVENTS"])
        assert await narrower.subscribe() == first_id and not narrower.adopted
        assert [s["filters"] for s in sim.events.subscriptions()] == [["RECORDING_EVENTS"]]
        await narrower.unsubscribe()
        assert sim.events.subscriptions() == []
    finally:
        await first_client.aclose()
        await second_client.aclose()


@pytest.mark.asyncio
async def test_the_deprecated_subscribe_and_the_tolerated_4030_adopt_the_original_id(start_sim, ca_file) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=1, sessions_per_day=5, event_shape="spec")
    client = client_for(sim, ca_file)
    try:
        uri = "http://127.0.0.1:9/qms/mediasense-events"
        first = await Subscription(client, uri).subscribe()
        again = Subscription(client, uri)
        assert await again.subscribe() == first and again.adopted  # 4030 with the id in its detail

        old_uri = "http://127.0.0.1:9/qms/old-api"
        made = await Subscription(client, old_uri, deprecated_api=True).subscribe()
        repeat = Subscription(client, old_uri, deprecated_api=True)
        assert await repeat.subscribe() == made and repeat.adopted  # the error carries the original id
        assert len(sim.events.subscriptions()) == 2
        await repeat.unsubscribe()
        await again.unsubscribe()
        assert sim.events.subscriptions() == []
    finally:
        await client.aclose()


def test_payload_shapes() -> None:
    """Real servers' shapes (DocWiki 8.5 payloads, 10.5 SU1 schema) and the specification's."""
    ended = parse_event(
        {
            "eventType": "SESSION_EVENT",
            "eventAction": "ENDED",
            "forwardedEvent": "false",
            "eventBody": {"sessionId": "a1"},
        }
    )
    assert ended == SessionEvent("ENDED", ("a1",), False)
    assert ended is not None and ended.forwarded is False  # the string "false" is not truthy here
    forwarded = parse_event(
        {
            "eventType": "SESSION_EVENT",
            "eventAction": "UPDATED",
            "forwardedEvent": "TRUE",
            "eventBody": {"sessionId": "a1"},
        }
    )
    assert forwarded == SessionEvent("UPDATED", ("a1",), True)
    spec = parse_event({"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": {"sessionId": "a1"}})
    assert spec == SessionEvent("ENDED", ("a1",), False)
    pruned = parse_event(
        {
            "eventType": "sessionEvent",
            "eventAction": "PRUNED",
            "forwardedEvent": True,
            "eventBody": {"sessionIds": ["a1", "b2", "a1"]},
        }
    )
    assert pruned == SessionEvent("PRUNED", ("a1", "b2"), True)
    tag = parse_event(
        {
            "eventType": "TAG_EVENT",
            "eventAction": "ADDED",
            "forwardedEvent": "false",
            "eventBody": {"sessionId": "a1", "tagName": "Escalated", "tagType": "USER_DEFINED", "tagOffset": 5},
        }
    )
    assert tag == SessionEvent("ADDED", ("a1",), False, "tag", "Escalated")
    assert tag is not None and tag.tag == Tag("Escalated", "USER_DEFINED", None, 5, None)
    removed = parse_event(
        {"eventType": "tagEvent", "eventAction": "deleted", "eventBody": {"sessionId": "a1", "tagName": "X"}}
    )
    assert removed == SessionEvent("DELETED", ("a1",), False, "tag", "X")
    assert parse_event({"eventType": "STORAGE_THRESHOLD_EVENT", "eventAction": "X", "eventBody": {}}) is None
    for bad in (
        [],
        {"eventAction": "ENDED"},
        {"eventType": "sessionEvent", "eventAction": "EXPLODED", "eventBody": {"sessionId": "a"}},
        {"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": {"sessionId": "a b;drop"}},
        {"eventType": "sessionEvent", "eventAction": "DELETED", "eventBody": {"sessionIds": []}},
        {"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": "x"},
        {
            "eventType": "SESSION_EVENT",
            "eventAction": "ENDED",
            "forwardedEvent": "maybe",
            "eventBody": {"sessionId": "a"},
        },
        {"eventType": "TAG_EVENT", "eventAction": "ADDED", "eventBody": {"sessionId": "a"}},
        {"eventType": "TAG_EVENT", "eventAction": "STARTED", "eventBody": {"sessionId": "a", "tagName": "x"}},
        {
            "eventType": "TAG_EVENT",
            "eventAction": "ADDED",
            "eventBody": {"sessionId": "a", "tagName": "x", "tagOffset": "soon"},
        },
    ):
        with pytest.raises(InvalidEvent):
            parse_event(bad)


def test_a_real_8_5_session_body_reads_with_its_urls_array() -> None:
    """The session-shaped eventBody of an 8.5 event carries urls as an array of one-key objects."""
    event = parse_event(
        {
            "eventType": "SESSION_EVENT",
            "eventAction": "STARTED",
            "forwardedEvent": "false",
            "eventBody": {
                "sessionId": "1234abcd5678",
                "sessionState": "ACTIVE",
                "sessionStartDate": 1_300_000_000_000,
                "callControllerType": "Cisco-CUCM",
                "ccid": "12345",
                "urls": [{"rtspUrl": "rtsp://ms.example.com/live/1234abcd5678"}, {"futureUrl": "x"}],
                "tracks": [{"trackNumber": 0, "trackStartDate": 1_300_000_000_000, "trackMediaType": "AUDIO"}],
            },
        }
    )
    assert event is not None and event.record is not None
    assert event.record.urls.rtsp == "rtsp://ms.example.com/live/1234abcd5678"
    assert event.record.session_id == "1234abcd5678" and event.record.ccid == "12345"


@pytest.mark.asyncio
async def test_the_receiver_accepts_only_its_path_and_valid_events() -> None:
    seen: list[SessionEvent] = []
    receiver = EventReceiver("127.0.0.1", 0, "/qms/mediasense-events", seen.append)
    port = await receiver.start()
    base = f"http://127.0.0.1:{port}"
    good = {"eventType": "sessionEvent", "eventAction": "DELETED", "eventBody": {"sessionIds": ["x1", "x2"]}}
    try:
        async with httpx.AsyncClient(base_url=base) as http:
            assert (await http.post("/qms/mediasense-events", json=good)).status_code == 200
            assert (await http.post("/other", json=good)).status_code == 404
            assert (await http.get("/qms/mediasense-events")).status_code == 405
            assert (await http.post("/qms/mediasense-events", content=b"not json")).status_code == 400
            assert (await http.post("/qms/mediasense-events", json={"eventType": 1})).status_code == 400
            big = {"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": {"pad": "x" * 400_000}}
            assert (await http.post("/qms/mediasense-events", json=big)).status_code in (400, 413)
    finally:
        await receiver.stop()
    assert seen == [SessionEvent("DELETED", ("x1", "x2"), False)]
    assert receiver.accepted == 1 and receiver.rejected >= 3


@pytest.mark.asyncio
async def test_event_ids_wait_for_the_running_sync_then_sync_at_once() -> None:
    from qms_desktop.service.events import EventSync
    from qms_desktop.sync.guard import SyncAlreadyRunning

    calls: list[list[str]] = []
    busy = {"times": 1}

    async def sync_ids(ids: Any, _tags: Any, _bodies: Any) -> None:
        if busy["times"]:
            busy["times"] -= 1
            raise SyncAlreadyRunning(17, "workstation:1:abc")  # another process holds the lock
        calls.append(list(ids))

    lock = asyncio.Lock()
    events = EventSync(sync_ids, lock, retry_s=0.05)
    task = asyncio.create_task(events.run())
    try:
        async with lock:  # this process's own periodic run is going
            events.submit(SessionEvent("ENDED", ("a1",), False))
            events.submit(SessionEvent("STARTED", ("ignored",), False))
            events.submit(SessionEvent("PRUNED", ("a1", "b2"), False))
            await asyncio.sleep(0.05)  # not a wait: the event task runs, and must wait for the lock
            assert calls == [] and events.pending == ["a1", "b2"]
        await wait_until(lambda: calls)
    finally:
        task.cancel()
    assert calls == [["a1", "b2"]] and events.busy_retries == 1 and events.pending == []


@pytest.mark.asyncio
async def test_an_event_arriving_during_the_sync_of_its_session_syncs_it_again() -> None:
    """A tag added, then removed while the first fetch runs: the second event must not be swallowed."""
    from qms_desktop.service.events import EventSync

    calls: list[list[str]] = []
    changes: list[list[tuple[bool, str]]] = []
    events: EventSync

    async def sync_ids(ids: Any, tags: Any, _bodies: Any) -> None:
        calls.append(list(ids))
        changes.append([(c.added, c.tag.name) for c in tags])
        if len(calls) == 1:  # the DELETED event reaches the receiver while the ADDED fetch runs
            events.submit(SessionEvent("DELETED", ("a1",), False, "tag", "Escalated", tag=Tag("Escalated")))

    events = EventSync(sync_ids, asyncio.Lock(), retry_s=0.05)
    task = asyncio.create_task(events.run())
    try:
        events.submit(SessionEvent("ADDED", ("a1",), False, "tag", "Escalated", tag=Tag("Escalated")))
        await wait_until(lambda: len(calls) == 2)
    finally:
        task.cancel()
    assert calls == [["a1"], ["a1"]] and events.pending == [] and events.synced == 2
    assert changes == [[(True, "Escalated")], [(False, "Escalated")]]  # each change goes along once
