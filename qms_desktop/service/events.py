"""Near-real-time sync from MediaSense events (mediasense-api.md §5.1).

MediaSense POSTs `sessionEvent`s over plain HTTP (it sends no HTTPS callbacks), so the receiver binds
only where it is told, accepts only the one expected path and method, checks the payload's shape
and size, and hands session ids to `EventSync`, which syncs them at once under the sync lock (or
right after the run holding it). The periodic cycle stays the safety net for anything missed.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.errors import ApiError, MediaSenseError
from qms_desktop.sync.guard import SyncAlreadyRunning

log = logging.getLogger("qms.events")

SUBSCRIBE_PATH = "/ora/eventService/event/subscribeToEvents"
UNSUBSCRIBE_PATH = "/ora/eventService/event/unsubscribeFromEvents"
DEFAULT_PATH = "/qms/mediasense-events"
ALREADY_SUBSCRIBED = 4030  # the same URI again: the detail carries the original subscription id
SYNC_ACTIONS = frozenset({"ENDED", "UPDATED", "DELETED", "PRUNED"})
ALL_ACTIONS = frozenset({"STARTED", *SYNC_ACTIONS})
MAX_BODY_BYTES = 256 * 1024  # a session-shaped object; DELETED/PRUNED batches of ids stay far below
MAX_IDS_PER_EVENT = 1000
_SESSION_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


class InvalidEvent(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SessionEvent:
    action: str
    session_ids: tuple[str, ...]
    forwarded: bool


def parse_event(payload: Any) -> SessionEvent | None:
    """A sessionEvent, None for other well-formed event types (tag, storage), InvalidEvent otherwise."""
    if not isinstance(payload, dict):
        raise InvalidEvent("the event is not a JSON object")
    event_type = payload.get("eventType")
    if not isinstance(event_type, str):
        raise InvalidEvent("eventType is missing")
    if event_type != "sessionEvent":
        return None
    action = payload.get("eventAction")
    if action not in ALL_ACTIONS:
        raise InvalidEvent(f"unknown eventAction {str(action)[:40]!r}")
    body = payload.get("eventBody")
    if not isinstance(body, dict):
        raise InvalidEvent("eventBody is not an object")
    if action in ("DELETED", "PRUNED") and "sessionIds" in body:
        ids = body["sessionIds"]
        if not isinstance(ids, list) or not ids or len(ids) > MAX_IDS_PER_EVENT:
            raise InvalidEvent("sessionIds must be a non-empty list")
    else:
        ids = [body.get("sessionId")]
    if not all(isinstance(i, str) and _SESSION_ID.match(i) for i in ids):
        raise InvalidEvent("a session id is missing or malformed")
    return SessionEvent(str(action), tuple(dict.fromkeys(ids)), bool(payload.get("forwardedEvent")))


class EventReceiver:
    """The aiohttp endpoint MediaSense posts to. `on_event` must not block (it queues)."""

    def __init__(self, host: str, port: int, path: str, on_event: Callable[[SessionEvent], None]) -> None:
        self.host = host
        self.port = port
        self.path = path
        self.on_event = on_event
        self.accepted = 0
        self.rejected = 0
        self._runner: web.AppRunner | None = None

    async def start(self) -> int:
        """Listen; returns the bound port (useful with port 0)."""
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_post(self.path, self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info("Listening for MediaSense events on http://%s:%d%s", self.host, self.port, self.path)
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.Response:
        peer = request.remote or "?"
        try:
            payload = await request.json()
        except (ValueError, UnicodeDecodeError):
            return self._reject(peer, "the body is not JSON")
        except web.HTTPRequestEntityTooLarge:
            return self._reject(peer, "the body is too large", status=413)
        try:
            event = parse_event(payload)
        except InvalidEvent as exc:
            return self._reject(peer, str(exc))
        self.accepted += 1
        if event is None:
            log.info("MediaSense event %s from %s ignored", str(payload.get("eventType"))[:40], peer)
            return web.Response(text="ignored")
        log.info("MediaSense %s event from %s: %s", event.action, peer, ", ".join(event.session_ids[:5]))
        self.on_event(event)
        return web.Response(text="ok")

    def _reject(self, peer: str, reason: str, status: int = 400) -> web.Response:
        self.rejected += 1
        log.info("Refused an event from %s: %s", peer, reason)
        return web.Response(status=status, text=reason)


class EventSync:
    """Queues event session ids and syncs them as soon as the sync lock allows.

    `run_lock` serialises with this process's own periodic runs (ids wait until that run ends);
    another process holding the database lock makes us retry after `retry_s`."""

    def __init__(
        self,
        sync_ids: Callable[[Sequence[str]], Awaitable[Any]],
        run_lock: asyncio.Lock,
        *,
        retry_s: float = 2.0,
        batch: int = 100,
    ) -> None:
        self._sync_ids = sync_ids
        self._lock = run_lock
        self.retry_s = retry_s
        self.batch = batch
        self._pending: dict[str, None] = {}  # ordered set
        self._wake = asyncio.Event()
        self.synced = 0
        self.busy_retries = 0

    @property
    def pending(self) -> list[str]:
        return list(self._pending)

    def submit(self, event: SessionEvent) -> None:
        if event.action not in SYNC_ACTIONS:
            return  # STARTED: the call is still running; the cycle's open-session tracking follows it
        for session_id in event.session_ids:
            self._pending[session_id] = None
        self._wake.set()

    async def run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                ids = list(self._pending)[: self.batch]
                try:
                    async with self._lock:
                        await self._sync_ids(ids)
                except SyncAlreadyRunning as busy:
                    self.busy_retries += 1
                    log.info("Event sync of %d session(s) waits: %s", len(ids), busy)
                    await asyncio.sleep(self.retry_s)
                    continue
                except (MediaSenseError, OSError) as exc:
                    log.warning("Event sync of %d session(s) failed (the cycle will catch up): %s", len(ids), exc)
                for session_id in ids:
                    self._pending.pop(session_id, None)
                self.synced += len(ids)


class Subscription:
    """subscribeToEvents / unsubscribeFromEvents through the shared MediaSense client."""

    def __init__(self, client: MediaSenseClient, uri: str, filters: Sequence[Any] = ()) -> None:
        if urlsplit(uri).scheme != "http":
            raise ValueError("MediaSense delivers events over plain http:// only")
        self.client = client
        self.uri = uri
        self.filters = list(filters)
        self.subscription_id: str | None = None

    async def subscribe(self) -> str:
        body = {
            "requestParameters": {
                "subscriptionType": "http",
                "subscriptionUri": self.uri,
                "subscriptionFilters": self.filters,
            }
        }
        try:
            response = await self.client.request("POST", SUBSCRIBE_PATH, json=body)
        except ApiError as exc:
            # Subscribed already (e.g. we crashed without unsubscribing): adopt the original id.
            original = _subscription_id_in(exc.detail) if exc.code == ALREADY_SUBSCRIBED else None
            if original is None:
                raise
            log.info("Already subscribed to MediaSense events as %s; reusing it", original)
            self.subscription_id = original
            return original
        payload = response.payload if isinstance(response.payload, dict) else {}
        sub_id = (payload.get("responseBody") or {}).get("subscriptionId")
        if not isinstance(sub_id, str) or not sub_id:
            raise ApiError("subscribeToEvents answered without a subscriptionId")
        self.subscription_id = sub_id
        log.info("Subscribed to MediaSense events as %s -> %s", sub_id, self.uri)
        return sub_id

    async def unsubscribe(self) -> None:
        sub_id, self.subscription_id = self.subscription_id, None
        if sub_id is None:
            return
        try:
            await self.client.request("POST", UNSUBSCRIBE_PATH, json={"requestParameters": {"subscriptionId": sub_id}})
            log.info("Unsubscribed from MediaSense events (%s)", sub_id)
        except MediaSenseError as exc:
            log.warning("Could not unsubscribe %s from MediaSense events: %s", sub_id, exc)


_UUIDISH = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{7,}")


def _subscription_id_in(detail: str | None) -> str | None:
    """The original id from a 4030 detail ("...: <id>" or just "<id>")."""
    if not detail:
        return None
    found = _UUIDISH.findall(detail)
    return found[-1] if found else None
