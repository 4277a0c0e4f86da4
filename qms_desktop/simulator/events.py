"""Event subscriptions: MediaSense POSTs sessionEvents to subscribers over plain HTTP.

A ticker in the server's loop turns clock movement into STARTED/ENDED events (calls whose start or
close the clock passed since the last tick); `emit` sends any action on demand. Delivery is
fire-and-forget: failures are counted, never retried, as a subscriber must tolerate.
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


@dataclass(frozen=True, slots=True)
class Subscription:
    subscription_id: str
    uri: str
    filters: Any


class EventHub:
    def __init__(self, sim: Simulator) -> None:
        self._sim = sim
        self._subs: dict[str, Subscription] = {}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._last_ms = sim.clock.now_ms()

    def subscribe(self, uri: str, filters: Any) -> tuple[str, bool]:
        """(subscriptionId, created); the same URI again returns the original id, not created."""
        with self._lock:
            for sub in self._subs.values():
                if sub.uri == uri:
                    return sub.subscription_id, False
            sub = Subscription(str(uuid.uuid4()), uri, filters)
            self._subs[sub.subscription_id] = sub
            return sub.subscription_id, True

    def unsubscribe(self, subscription_id: str) -> bool:
        with self._lock:
            return self._subs.pop(subscription_id, None) is not None

    def subscriptions(self) -> list[dict[str, Any]]:
        with self._lock:
            return [{"subscriptionId": s.subscription_id, "uri": s.uri} for s in self._subs.values()]

    def emit(self, session_id: str, action: str) -> None:
        """Thread-safe: queue one event for every subscriber."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
        if self._loop is None:
            raise RuntimeError("the simulator is not running")
        self._loop.call_soon_threadsafe(self._emit_now, session_id, action)

    def _emit_now(self, session_id: str, action: str) -> None:
        if action in ("DELETED", "PRUNED"):
            self._send(action, session_id, {"sessionIds": [session_id]})
            return
        call = self._sim.dataset.find(session_id)
        if call is not None:
            body = cisco_session(call, self._sim.clock.now_ms(), self._sim.media_base)
            self._send(action, session_id, body)

    def _send(self, action: str, session_id: str, body: dict[str, Any]) -> None:
        payload = {"eventType": "sessionEvent", "eventAction": action, "forwardedEvent": False, "eventBody": body}
        with self._lock:
            uris = [s.uri for s in self._subs.values()]
        for uri in uris:
            task = asyncio.get_running_loop().create_task(self._post(uri, action, session_id, payload))
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
            self._send(action, call.session_id, cisco_session(call, now, self._sim.media_base))

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


HUB = web.AppKey("event_hub", EventHub)
