"""Event subscriptions: MediaSense POSTs session and tag events to subscribers over plain HTTP.

A ticker in the server's loop turns clock movement into STARTED/ENDED events (calls whose start or
close the clock passed since the last tick); `emit` sends any session action on demand and
`tag` adds or removes a user tag on a call and announces it. Delivery is fire-and-forget: failures
are counted, never retried, as a subscriber must tolerate.

Shapes (`Simulator.event_shape`): "cisco" posts what real servers post (the DocWiki 8.5 payloads and
the 10.5 SU1 schema): `"eventType": "SESSION_EVENT"` / `"TAG_EVENT"`, `forwardedEvent` as the string
"false", and answers a repeated subscription with identical filters with 2005 carrying the id
(9.0 guide p43-46); "spec" posts the original specification's `sessionEvent` / `tagEvent` with a
boolean `forwardedEvent` and answers a repeat with 4030 carrying the original id in `detail`.
Filters: a list of categories (RECORDING_EVENTS, CLEANUP_EVENTS, TAG_EVENTS, STORAGE_EVENTS) or
event types (SESSION_ENDED_EVENT, TAG_ADDED_EVENT ...); an empty list means everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from qms_desktop.simulator.core import Simulator
from qms_desktop.simulator.render import cisco_session

TICK_SECONDS = 0.2
MAX_CATCH_UP_MS = 2 * 86_400_000
MAX_EVENTS_PER_TICK = 1000
ACTIONS = ("STARTED", "UPDATED", "ENDED", "DELETED", "PRUNED")
TAG_ACTIONS = ("ADDED", "DELETED")
_CATEGORY = {
    ("SESSION", "STARTED"): "RECORDING_EVENTS",
    ("SESSION", "UPDATED"): "RECORDING_EVENTS",
    ("SESSION", "ENDED"): "RECORDING_EVENTS",
    ("SESSION", "DELETED"): "CLEANUP_EVENTS",
    ("SESSION", "PRUNED"): "CLEANUP_EVENTS",
    ("TAG", "ADDED"): "TAG_EVENTS",
    ("TAG", "DELETED"): "TAG_EVENTS",
}


@dataclass(frozen=True, slots=True)
class Subscription:
    subscription_id: str
    uri: str
    filters: Any
    deprecated: bool = False  # made through subscribeRecordingEvent: every event

    def wants(self, kind: str, action: str) -> bool:
        if self.deprecated or not isinstance(self.filters, list) or not self.filters:
            return True
        names = {str(f).upper() for f in self.filters}
        return _CATEGORY[(kind, action)] in names or f"{kind}_{action}_EVENT" in names


class EventHub:
    def __init__(self, sim: Simulator) -> None:
        self._sim = sim
        self._subs: dict[str, Subscription] = {}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._last_ms = sim.clock.now_ms()

    def subscribe(self, uri: str, filters: Any) -> tuple[str, str]:
        """(subscriptionId, outcome): "created"; "exists" for the same URI with identical filters;
        "replaced" for the same URI with other filters (they replace the old ones, the id stays)."""
        with self._lock:
            for sub in self._subs.values():
                if sub.uri == uri:
                    if sub.filters == filters and not sub.deprecated:
                        return sub.subscription_id, "exists"
                    self._subs[sub.subscription_id] = Subscription(sub.subscription_id, uri, filters)
                    return sub.subscription_id, "replaced"
            sub = Subscription(_new_id(), uri, filters)
            self._subs[sub.subscription_id] = sub
            return sub.subscription_id, "created"

    def subscribe_recording(self, uri: str) -> tuple[str, bool]:
        """The deprecated subscribeRecordingEvent: (subscriptionId, created); a repeat is not created."""
        with self._lock:
            for sub in self._subs.values():
                if sub.uri == uri:
                    return sub.subscription_id, False
            sub = Subscription(_new_id(), uri, [], deprecated=True)
            self._subs[sub.subscription_id] = sub
            return sub.subscription_id, True

    def unsubscribe(self, subscription_id: str) -> bool:
        with self._lock:
            return self._subs.pop(subscription_id, None) is not None

    def subscriptions(self) -> list[dict[str, Any]]:
        with self._lock:
            return [
                {"subscriptionId": s.subscription_id, "uri": s.uri, "filters": s.filters, "deprecated": s.deprecated}
                for s in self._subs.values()
            ]

    def emit(self, session_id: str, action: str) -> None:
        """Thread-safe: queue one session event for every subscriber."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
        self._loop_or_fail().call_soon_threadsafe(self._emit_now, session_id, action)

    def tag(self, session_id: str, action: str, tag_name: str) -> None:
        """Thread-safe: add (ADDED) or remove (DELETED) a user tag on a call, then announce it."""
        if action not in TAG_ACTIONS:
            raise ValueError(f"action must be one of {', '.join(TAG_ACTIONS)}")
        call = self._sim.dataset.find(session_id)
        if call is None:
            raise KeyError(f"no session {session_id}")
        now = self._sim.clock.now_ms()
        offset = max(1, min(now, call.end_ms) - call.start_ms)  # never 0 for a USER_DEFINED tag (9.0 p37)
        if action == "ADDED":
            tags = (*call.user_tags, (tag_name, offset))
        else:
            found = [t for t in call.user_tags if t[0] == tag_name]
            if found:
                offset = found[0][1]
            tags = tuple(t for t in call.user_tags if t[0] != tag_name)
        self._sim.dataset.set_user_tags(session_id, tags)
        body = {
            "sessionId": call.session_id,
            "tagName": tag_name,
            "tagType": "USER_DEFINED",
            "tagOffset": offset,
            "tagCreateDate": call.start_ms + offset,
        }
        self._loop_or_fail().call_soon_threadsafe(self._send, "TAG", action, call.session_id, body)

    def _loop_or_fail(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the simulator is not running")
        return self._loop

    def _emit_now(self, session_id: str, action: str) -> None:
        if action in ("DELETED", "PRUNED"):
            self._send("SESSION", action, session_id, {"sessionIds": [session_id]})
            return
        call = self._sim.dataset.find(session_id)
        if call is not None:
            self._send("SESSION", action, session_id, self._body(call, self._sim.clock.now_ms()))

    def _body(self, call: Any, now_ms: int) -> dict[str, Any]:
        return cisco_session(call, now_ms, self._sim.media_base, urls_array=self._sim.urls_array)

    def payload(self, kind: str, action: str, body: dict[str, Any]) -> dict[str, Any]:
        if self._sim.event_shape == "spec":
            event_type = "sessionEvent" if kind == "SESSION" else "tagEvent"
            return {"eventType": event_type, "eventAction": action, "forwardedEvent": False, "eventBody": body}
        return {"eventType": f"{kind}_EVENT", "eventAction": action, "forwardedEvent": "false", "eventBody": body}

    def _send(self, kind: str, action: str, session_id: str, body: dict[str, Any]) -> None:
        payload = self.payload(kind, action, body)
        label = action if kind == "SESSION" else f"TAG_{action}"
        with self._lock:
            uris = [s.uri for s in self._subs.values() if s.wants(kind, action)]
        for uri in uris:
            task = asyncio.get_running_loop().create_task(self._post(uri, label, session_id, payload))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _post(self, uri: str, action: str, session_id: str, payload: dict[str, Any]) -> None:
        assert self._client is not None
        ok = False
        try:
            async with self._client.post(uri, json=payload) as response:
                await response.read()
                ok = response.status < 400
        except (aiohttp.ClientError, TimeoutError, OSError):
            ok = False
        self._sim.stats.count_event(action, session_id, uri, ok)

    def _tick(self) -> None:
        now = self._sim.clock.now_ms()
        last, self._last_ms = self._last_ms, now
        with self._lock:
            if not self._subs:
                return
        last = max(last, now - MAX_CATCH_UP_MS)
        for _, action, call in self._sim.dataset.transitions(last, now)[:MAX_EVENTS_PER_TICK]:
            self._send("SESSION", action, call.session_id, self._body(call, now))

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            self._tick()

    async def lifecycle(self, app: web.Application) -> AsyncIterator[None]:
        """aiohttp cleanup context: the HTTP client and the ticker live as long as the app."""
        self._loop = asyncio.get_running_loop()
        self._last_ms = self._sim.clock.now_ms()
        self._client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        ticker = self._loop.create_task(self._ticker())
        yield
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._client.close()
        self._loop = None


def _new_id() -> str:
    # Shaped like the ids in Cisco's examples ("sN7DASoAArHmDfI1"): 16 letters and digits.
    return uuid.uuid4().hex[:16]


HUB = web.AppKey("event_hub", EventHub)
