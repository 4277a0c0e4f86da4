"""Event subscriptions delivered to a local aiohttp receiver."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from aiohttp import web

from tests.waiting import poll_until

from .conftest import ANCHOR_MS, DAY_MS, PASSWORD, SIGN_IN, USER

SUBSCRIBE = "/ora/eventService/event/subscribeToEvents"
UNSUBSCRIBE = "/ora/eventService/event/unsubscribeFromEvents"


async def _receiver() -> tuple[web.AppRunner, str, asyncio.Queue]:
    queue: asyncio.Queue = asyncio.Queue()

    async def handle(request: web.Request) -> web.Response:
        await queue.put(await request.json())
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/events", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}/events", queue


async def _next(queue: asyncio.Queue, predicate) -> dict:
    while True:
        event = await asyncio.wait_for(queue.get(), timeout=5)
        if predicate(event):
            return event


@pytest.mark.asyncio
async def test_subscribe_clock_advance_and_manual_events(make_sim, client_ssl) -> None:
    sim = await asyncio.to_thread(make_sim)
    runner, uri, queue = await _receiver()
    try:
        async with httpx.AsyncClient(base_url=sim.api_url, verify=client_ssl) as api:
            r = await api.post(SIGN_IN, json={"requestParameters": {"username": USER, "password": PASSWORD}})
            assert r.json()["responseCode"] == 2000
            body = {
                "requestParameters": {"subscriptionType": "http", "subscriptionUri": uri, "subscriptionFilters": []}
            }
            r = (await api.post(SUBSCRIBE, json=body)).json()
            assert r["responseCode"] == 2000
            sub_id = r["responseBody"]["subscriptionId"]
            again = (await api.post(SUBSCRIBE, json=body)).json()
            assert again["responseCode"] == 4030 and sub_id in again["detail"]

            active = [t for t in sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS) if t["state"] == "ACTIVE"]
            target = min(active, key=lambda t: t["planned_end_ms"])
            sim.clock.set(target["planned_end_ms"] + 1)
            event = await _next(
                queue,
                lambda e: e["eventAction"] == "ENDED" and e["eventBody"].get("sessionId") == target["sessionId"],
            )
            assert event["eventType"] == "sessionEvent" and event["forwardedEvent"] is False
            assert event["eventBody"]["sessionState"] in ("CLOSED_NORMAL", "CLOSED_ERROR")
            assert "sessionDuration" in event["eventBody"]

            sim.emit_session_event(target["sessionId"], "PRUNED")
            pruned = await _next(queue, lambda e: e["eventAction"] == "PRUNED")
            assert pruned["eventBody"] == {"sessionIds": [target["sessionId"]]}
            sim.emit_session_event(target["sessionId"], "UPDATED")
            updated = await _next(queue, lambda e: e["eventAction"] == "UPDATED")
            assert updated["eventBody"]["sessionId"] == target["sessionId"]

            r = (await api.post(UNSUBSCRIBE, json={"requestParameters": {"subscriptionId": sub_id}})).json()
            assert r["responseCode"] == 2000
            assert sim.events is not None and sim.events.subscriptions() == []
        assert sim.stats.events_delivered >= 3 and sim.stats.events_failed == 0
    finally:
        await runner.cleanup()
        await asyncio.to_thread(sim.stop)


def test_failed_delivery_is_counted(make_sim, client_for) -> None:
    sim = make_sim()
    api = client_for(sim.api_url)
    api.post(SIGN_IN, json={"requestParameters": {"username": USER, "password": PASSWORD}})
    dead = "http://127.0.0.1:9/nowhere"
    body = {"requestParameters": {"subscriptionType": "http", "subscriptionUri": dead, "subscriptionFilters": []}}
    assert api.post(SUBSCRIBE, json=body).json()["responseCode"] == 2000
    sid = sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)[0]["sessionId"]
    sim.emit_session_event(sid, "DELETED")
    poll_until(lambda: sim.stats.events_failed)
    assert sim.stats.events_failed == 1
