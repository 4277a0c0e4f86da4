"""Event subscriptions delivered to a local aiohttp receiver."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from aiohttp import web

from tests.waiting import poll_until, wait_until

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
            assert again["responseCode"] == 2005  # identical filters: success, carrying the id
            assert again["responseBody"]["subscriptionId"] == sub_id

            active = [t for t in sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS) if t["state"] == "ACTIVE"]
            target = min(active, key=lambda t: t["planned_end_ms"])
            sim.clock.set(target["planned_end_ms"] + 1)
            event = await _next(
                queue,
                lambda e: e["eventAction"] == "ENDED" and e["eventBody"].get("sessionId") == target["sessionId"],
            )
            assert event["eventType"] == "SESSION_EVENT" and event["forwardedEvent"] == "false"
            assert isinstance(event["eventBody"]["urls"], dict)  # 11.5 by default
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


async def _signed_in(api: httpx.AsyncClient) -> None:
    r = await api.post(SIGN_IN, json={"requestParameters": {"username": USER, "password": PASSWORD}})
    assert r.json()["responseCode"] == 2000


def _subscribe_body(uri: str, filters: list[str]) -> dict:
    return {"requestParameters": {"subscriptionType": "http", "subscriptionUri": uri, "subscriptionFilters": filters}}


@pytest.mark.asyncio
async def test_cisco_8_5_events_tags_and_filters(make_sim, client_ssl) -> None:
    """8.5 shapes: urls arrays in event bodies; TAG_EVENT on a tag change; filters choose the events;
    the same URI with other filters replaces them under the same id."""
    sim = await asyncio.to_thread(make_sim, cisco_version="8.5")
    runner, uri, queue = await _receiver()
    try:
        async with httpx.AsyncClient(base_url=sim.api_url, verify=client_ssl) as api:
            await _signed_in(api)
            first = (await api.post(SUBSCRIBE, json=_subscribe_body(uri, ["TAG_EVENTS"]))).json()
            assert first["responseCode"] == 2000
            sub_id = first["responseBody"]["subscriptionId"]
            closed = [t for t in sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS) if t["state"] == "CLOSED_NORMAL"]
            target = closed[0]["sessionId"]
            sim.emit_session_event(target, "UPDATED")  # not asked for: never delivered
            sim.emit_tag_event(target, "ADDED", "QA:escalated")
            tag = await _next(queue, lambda e: True)
            assert tag == {
                "eventType": "TAG_EVENT",
                "eventAction": "ADDED",
                "forwardedEvent": "false",
                "eventBody": {
                    "sessionId": target,
                    "tagName": "QA:escalated",
                    "tagType": "USER_DEFINED",
                    "tagOffset": tag["eventBody"]["tagOffset"],
                    "tagCreateDate": tag["eventBody"]["tagCreateDate"],
                },
            }
            assert "QA:escalated" in sim.session(target)["tags"]  # later answers carry the tag
            r = (await api.post(
                "/ora/queryService/query/getSessionBySessionId", json={"requestParameters": {"sessionId": target}}
            )).json()  # fmt: skip
            session = r["responseBody"]["sessions"][0]
            assert "QA:escalated" in [t["tagName"] for t in session["tags"]]
            assert isinstance(session["urls"], list) and all(len(u) == 1 for u in session["urls"])
            assert {k for u in session["urls"] for k in u} == {"rtspUrl", "mp4Url", "wavUrl", "httpUrl"}

            replaced = (await api.post(SUBSCRIBE, json=_subscribe_body(uri, ["RECORDING_EVENTS"]))).json()
            assert replaced["responseCode"] == 2000 and replaced["responseBody"]["subscriptionId"] == sub_id
            assert [s["filters"] for s in sim.events.subscriptions()] == [["RECORDING_EVENTS"]]
            sim.emit_tag_event(target, "DELETED", "QA:escalated")  # no longer asked for
            sim.emit_session_event(target, "UPDATED")
            updated = await _next(queue, lambda e: True)
            assert updated["eventType"] == "SESSION_EVENT" and updated["eventAction"] == "UPDATED"
            assert isinstance(updated["eventBody"]["urls"], list)
            assert "QA:escalated" not in sim.session(target)["tags"]
            # The simulator counts a delivery once its answer is read: after our handler queued it.
            await wait_until(lambda: len(sim.stats.events) >= 2)
        assert [a for a, _, _ in sim.stats.events] == ["TAG_ADDED", "UPDATED"]
    finally:
        await runner.cleanup()
        await asyncio.to_thread(sim.stop)


@pytest.mark.asyncio
async def test_spec_event_shape_and_the_deprecated_subscribe(make_sim, client_ssl) -> None:
    sim = await asyncio.to_thread(make_sim, event_shape="spec")
    runner, uri, queue = await _receiver()
    try:
        async with httpx.AsyncClient(base_url=sim.api_url, verify=client_ssl) as api:
            await _signed_in(api)
            body = _subscribe_body(uri, [])
            sub_id = (await api.post(SUBSCRIBE, json=body)).json()["responseBody"]["subscriptionId"]
            again = (await api.post(SUBSCRIBE, json=body)).json()
            assert again["responseCode"] == 4030 and again["detail"] == sub_id
            sid = sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)[0]["sessionId"]
            sim.emit_session_event(sid, "UPDATED")
            event = await _next(queue, lambda e: True)
            assert event["eventType"] == "sessionEvent" and event["forwardedEvent"] is False

            old_api = "/ora/eventService/event/subscribeRecordingEvent"
            other = "http://127.0.0.1:9/other"
            params = {"requestParameters": {"subscriptionType": "http", "subscriptionUri": other}}
            made = (await api.post(old_api, json=params)).json()
            assert made["responseCode"] == 2000 and "responseBody" not in made
            repeat = (await api.post(old_api, json=params)).json()
            assert repeat["responseCode"] != 2000 and repeat["subscriptionId"] == made["subscriptionId"]
    finally:
        await runner.cleanup()
        await asyncio.to_thread(sim.stop)


def test_the_control_plane_changes_tags_and_refuses_bad_requests(make_sim, client_for) -> None:
    sim = make_sim()
    api = client_for(sim.api_url)
    sid = sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)[0]["sessionId"]
    add = {"sessionId": sid, "action": "ADDED", "tagName": "QA:callback"}
    assert api.post("/__sim/events", json=add).json() == {"queued": True}
    assert "QA:callback" in sim.session(sid)["tags"]
    assert api.post("/__sim/events", json={**add, "action": "ENDED"}).status_code == 400
    assert api.post("/__sim/events", json={**add, "sessionId": "00000000000000"}).status_code == 404
    assert api.post("/__sim/events", json={**add, "action": "DELETED"}).json() == {"queued": True}
    assert "QA:callback" not in sim.session(sid)["tags"]
