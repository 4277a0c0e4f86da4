"""Near-real-time: MediaSense events sync a session at once; the receiver accepts only what it expects."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.sync import SyncRunner
from qms_desktop.service.events import EventReceiver, InvalidEvent, SessionEvent, Subscription, parse_event
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
async def test_resubscribing_the_same_uri_adopts_the_original_id(start_sim, ca_file) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=1, sessions_per_day=5)
    client = client_for(sim, ca_file)
    try:
        uri = "http://127.0.0.1:9/qms/mediasense-events"
        first = await Subscription(client, uri).subscribe()
        again = Subscription(client, uri)
        assert await again.subscribe() == first  # MediaSense answers 4030 carrying the original id
        await again.unsubscribe()
        assert sim.events.subscriptions() == []
    finally:
        await client.aclose()


def test_payload_shapes() -> None:
    ended = parse_event({"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": {"sessionId": "a1"}})
    assert ended == SessionEvent("ENDED", ("a1",), False)
    pruned = parse_event(
        {
            "eventType": "sessionEvent",
            "eventAction": "PRUNED",
            "forwardedEvent": True,
            "eventBody": {"sessionIds": ["a1", "b2", "a1"]},
        }
    )
    assert pruned == SessionEvent("PRUNED", ("a1", "b2"), True)
    assert parse_event({"eventType": "TAG_EVENT", "eventAction": "ADDED", "eventBody": {}}) is None
    for bad in (
        [],
        {"eventAction": "ENDED"},
        {"eventType": "sessionEvent", "eventAction": "EXPLODED", "eventBody": {"sessionId": "a"}},
        {"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": {"sessionId": "a b;drop"}},
        {"eventType": "sessionEvent", "eventAction": "DELETED", "eventBody": {"sessionIds": []}},
        {"eventType": "sessionEvent", "eventAction": "ENDED", "eventBody": "x"},
    ):
        with pytest.raises(InvalidEvent):
            parse_event(bad)


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

    async def sync_ids(ids: Any) -> None:
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
