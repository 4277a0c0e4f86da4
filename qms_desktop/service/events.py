"""Near-real-time sync from MediaSense events (mediasense-api.md §5.1 and §12).

MediaSense POSTs events over plain HTTP (it sends no HTTPS callbacks), so the receiver binds only
where it is told, accepts only the one expected path and method, checks the payload's shape and
size, and hands session ids to `EventSync`, which syncs them at once under the sync lock (or right
after the run holding it). The periodic cycle stays the safety net for anything missed.

What is accepted (the event type case-insensitively):
* `SESSION_EVENT` (real servers: DocWiki 8.5 payloads, 10.5 SU1 schema) or `sessionEvent` (the
  original specification), actions STARTED / UPDATED / ENDED / DELETED (and the spec's PRUNED). The
  body is session-shaped (`urls` an object or the 8.5 array); DELETED/PRUNED may batch `sessionIds`.
  The session is fetched again; if that brings no record, the body (read like a query answer)
  is stored instead, and an "unknown" answer about an announced session never marks it deleted.
* `TAG_EVENT` / `tagEvent`, actions ADDED / DELETED (and UPDATED), body `sessionId`, `tagName`...:
  the session is fetched again, so its tags and full-text document change in one transaction with
  whatever else changed; a session we do not have yet is fetched the same way. If the fetch brings
  no record, the change itself is applied to the stored session (`store.tag_changes`).
* `forwardedEvent` as the string "true"/"false" (the schema types it a string) or a JSON boolean.
Other event types (storage thresholds) are acknowledged and ignored.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from qms_desktop.domain.sessions import SessionRecord, Tag, TagChange
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.errors import ApiError, EndpointNotFound, MediaSenseError
from qms_desktop.mediasense.fields import Reject, read_tags
from qms_desktop.mediasense.normalize import normalize_session
from qms_desktop.sync.guard import SyncAlreadyRunning

log = logging.getLogger("qms.events")

SUBSCRIBE_PATH = "/ora/eventService/event/subscribeToEvents"
UNSUBSCRIBE_PATH = "/ora/eventService/event/unsubscribeFromEvents"
# The API 1.0 calls (deprecated in 1.1, 9.0 guide p43-44, p51): used when subscribeToEvents is absent.
SUBSCRIBE_RECORDING_PATH = "/ora/eventService/event/subscribeRecordingEvent"
UNSUBSCRIBE_RECORDING_PATH = "/ora/eventService/event/unsubscribeRecordingEvent"
DEFAULT_PATH = "/qms/mediasense-events"
# What we ask for: the session life cycle, deletions and prunes, tags (9.0 guide p45, 8.5(2) notes).
DEFAULT_FILTERS = ("RECORDING_EVENTS", "CLEANUP_EVENTS", "TAG_EVENTS")
ALREADY_EXISTS = 2005  # the same URI with identical filters: success, carrying the subscription id
# Not in any source (an earlier reading of the specification): tolerated, its detail carries the id.
ALREADY_SUBSCRIBED = 4030
ADOPTABLE_CODES = frozenset({ALREADY_EXISTS, ALREADY_SUBSCRIBED})
SYNC_ACTIONS = frozenset({"ENDED", "UPDATED", "DELETED", "PRUNED"})
ALL_ACTIONS = frozenset({"STARTED", *SYNC_ACTIONS})
TAG_ACTIONS = frozenset({"ADDED", "DELETED", "UPDATED"})
_EVENT_KINDS = {"session_event": "session", "sessionevent": "session", "tag_event": "tag", "tagevent": "tag"}
MAX_BODY_BYTES = 256 * 1024  # a session-shaped object; DELETED/PRUNED batches of ids stay far below
MAX_IDS_PER_EVENT = 1000
MAX_TAG_NAME = 255  # the 9.0 guide's limit for tagName
_SESSION_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_TRUE_TEXT = frozenset({"true"})
_FALSE_TEXT = frozenset({"false", ""})


class InvalidEvent(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SessionEvent:
    """One accepted event. `kind` "session" or "tag"; `tag_name` for tag events; `record` the
    session-shaped body normalized (None when the body is not a whole session)."""

    action: str
    session_ids: tuple[str, ...]
    forwarded: bool
    kind: str = "session"
    tag_name: str | None = None
    record: SessionRecord | None = field(default=None, compare=False, repr=False)
    tag: Tag | None = field(default=None, compare=False, repr=False)


def _forwarded(value: object) -> bool:
    """forwardedEvent: typed a string in the schema ("true"/"false"); a JSON boolean from spec servers."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE_TEXT:
            return True
        if text in _FALSE_TEXT:
            return False
    raise InvalidEvent(f"forwardedEvent must be true or false (a string or a boolean), got {str(value)[:40]!r}")


def _event_kind(payload: Mapping[str, Any]) -> str | None:
    event_type = payload.get("eventType")
    if not isinstance(event_type, str) or not event_type.strip():
        raise InvalidEvent("eventType is missing")
    return _EVENT_KINDS.get(event_type.strip().lower())


def _checked_ids(ids: Sequence[Any]) -> tuple[str, ...]:
    if not all(isinstance(i, str) and _SESSION_ID.match(i) for i in ids):
        raise InvalidEvent("a session id is missing or malformed")
    return tuple(dict.fromkeys(ids))


def parse_event(payload: Any) -> SessionEvent | None:
    """A session or tag event, None for other well-formed event types (storage), InvalidEvent otherwise."""
    if not isinstance(payload, dict):
        raise InvalidEvent("the event is not a JSON object")
    kind = _event_kind(payload)
    if kind is None:
        return None
    raw_action = payload.get("eventAction")
    action = raw_action.strip().upper() if isinstance(raw_action, str) else None
    body = payload.get("eventBody")
    if not isinstance(body, dict):
        raise InvalidEvent("eventBody is not an object")
    forwarded = _forwarded(payload.get("forwardedEvent"))
    if kind == "tag":
        if action not in TAG_ACTIONS:
            raise InvalidEvent(f"unknown tag eventAction {str(raw_action)[:40]!r}")
        tag_name = body.get("tagName")
        if not isinstance(tag_name, str) or not tag_name.strip() or len(tag_name) > MAX_TAG_NAME:
            raise InvalidEvent("a tag event needs a tagName of 1..255 characters")
        try:
            (tag,) = read_tags([body])  # tagName, tagType, tagCreateDate, tagOffset, trackNumber
        except Reject as exc:
            raise InvalidEvent(f"the tag event's body: {exc}") from exc
        ids = _checked_ids([body.get("sessionId")])
        return SessionEvent(action, ids, forwarded, "tag", tag.name, tag=tag)
    if action not in ALL_ACTIONS:
        raise InvalidEvent(f"unknown eventAction {str(raw_action)[:40]!r}")
    if action in ("DELETED", "PRUNED") and "sessionIds" in body:
        ids = body["sessionIds"]
        if not isinstance(ids, list) or not ids or len(ids) > MAX_IDS_PER_EVENT:
            raise InvalidEvent("sessionIds must be a non-empty list")
        return SessionEvent(action, _checked_ids(ids), forwarded)
    session_ids = _checked_ids([body.get("sessionId")])
    return SessionEvent(action, session_ids, forwarded, record=_body_record(body, session_ids[0]))


def _body_record(body: Mapping[str, Any], session_id: str) -> SessionRecord | None:
    """The session-shaped body, normalized like a query answer (either `urls` shape). A body that is
    not a whole session (an UPDATED carrying a few fields) is fine: the session is fetched anyway."""
    if "sessionStartDate" not in body and "sessionStartTime" not in body:
        return None
    out = normalize_session(body, "auto")
    if isinstance(out, SessionRecord):
        return out
    log.info("The event body of session %s does not read as a session (%s); fetching it instead", session_id,
             out.reason)  # fmt: skip
    return None


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
        what = f"tag {event.tag_name!r} {event.action}" if event.kind == "tag" else event.action
        log.info("MediaSense %s event from %s: %s", what, peer, ", ".join(event.session_ids[:5]))
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
        sync_ids: Callable[[Sequence[str], Sequence[TagChange], Sequence[SessionRecord]], Awaitable[Any]],
        run_lock: asyncio.Lock,
        *,
        retry_s: float = 2.0,
        batch: int = 100,
    ) -> None:
        self._sync_ids = sync_ids
        self._lock = run_lock
        self.retry_s = retry_s
        self.batch = batch
        self._pending: dict[str, list[TagChange]] = {}  # ordered: session id -> its tag changes, in order
        self._bodies: dict[str, SessionRecord] = {}  # the latest session-shaped body an event carried
        self._wake = asyncio.Event()
        self.synced = 0
        self.busy_retries = 0

    @property
    def pending(self) -> list[str]:
        return list(self._pending)

    def submit(self, event: SessionEvent) -> None:
        if event.kind == "session" and event.action not in SYNC_ACTIONS:
            return  # STARTED: the call is still running; the cycle's open-session tracking follows it
        # A tag added or removed: fetching the session brings its tags, and the upsert rewrites them
        # and its full-text document in one transaction (a session not stored yet simply lands). The
        # change itself goes along, applied to the stored session if the fetch brings nothing.
        if event.record is not None and event.action != "DELETED":
            self._bodies[event.record.session_id] = event.record  # stands in if the fetch brings nothing
        for session_id in event.session_ids:
            changes = self._pending.setdefault(session_id, [])
            if event.kind == "tag" and event.tag is not None and event.action in ("ADDED", "DELETED"):
                changes.append(TagChange(session_id, event.action == "ADDED", event.tag))
        self._wake.set()

    async def run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                ids: list[str] = []
                try:
                    async with self._lock:
                        # Taken out only now: an event for the same session that arrives while this
                        # sync runs queues it again, and the next round fetches it again.
                        ids = list(self._pending)[: self.batch]
                        taken = {session_id: self._pending.pop(session_id) for session_id in ids}
                        bodies = [body for i in ids if (body := self._bodies.pop(i, None)) is not None]
                        try:
                            await self._sync_ids(ids, [c for changes in taken.values() for c in changes], bodies)
                        except SyncAlreadyRunning:
                            for body in bodies:
                                self._bodies.setdefault(body.session_id, body)
                            for session_id, changes in self._pending.items():  # arrived meanwhile
                                taken.setdefault(session_id, []).extend(changes)
                            self._pending = taken  # first in line again
                            raise
                except SyncAlreadyRunning as busy:
                    self.busy_retries += 1
                    log.info("Event sync of %d session(s) waits: %s", len(ids), busy)
                    await asyncio.sleep(self.retry_s)
                    continue
                except (MediaSenseError, OSError) as exc:
                    log.warning("Event sync of %d session(s) failed (the cycle will catch up): %s", len(ids), exc)
                self.synced += len(ids)


class Subscription:
    """subscribeToEvents / unsubscribeFromEvents through the shared MediaSense client.

    Subscribing again after a crash is safe: the same URI with identical filters answers 2005
    ("subscription already exists", 9.0 guide p45-46) with the id, which is adopted; other filters
    replace the old ones under the same id. A server without subscribeToEvents (API 1.0) gets the
    deprecated subscribeRecordingEvent, whose id is at the top level and whose repeat is an error
    carrying the original id (p43-44): adopted too."""

    def __init__(
        self,
        client: MediaSenseClient,
        uri: str,
        filters: Sequence[Any] = DEFAULT_FILTERS,
        *,
        tag_regex: str | None = None,
        deprecated_api: bool = False,
    ) -> None:
        if urlsplit(uri).scheme != "http":
            raise ValueError("MediaSense delivers events over plain http:// only")
        self.client = client
        self.uri = uri
        self.filters = list(filters)
        self.tag_regex = tag_regex
        self.deprecated_api = deprecated_api
        self.subscription_id: str | None = None
        self.adopted = False  # the id came from an existing subscription

    async def subscribe(self) -> str:
        if self.deprecated_api:
            return await self._subscribe_recording()
        params: dict[str, Any] = {
            "subscriptionType": "http",
            "subscriptionUri": self.uri,
            "subscriptionFilters": self.filters,
        }
        if self.tag_regex is not None:
            params["tagNameRegEx"] = self.tag_regex
        try:
            response = await self.client.request("POST", SUBSCRIBE_PATH, json={"requestParameters": params})
        except EndpointNotFound:
            log.info("MediaSense has no subscribeToEvents; subscribing with subscribeRecordingEvent (API 1.0)")
            self.deprecated_api = True
            return await self._subscribe_recording()
        except ApiError as exc:
            # Subscribed already (e.g. we crashed without unsubscribing): adopt the original id.
            original = _adoptable_id(exc) if exc.code in ADOPTABLE_CODES else None
            if original is None:
                raise
            return self._adopt(original, exc.code)
        sub_id = subscription_id_in(response.payload)
        if sub_id is None:
            raise ApiError("subscribeToEvents answered without a subscriptionId")
        return self._took(sub_id)

    async def _subscribe_recording(self) -> str:
        params = {"subscriptionType": "http", "subscriptionUri": self.uri}
        try:
            response = await self.client.request("POST", SUBSCRIBE_RECORDING_PATH, json={"requestParameters": params})
        except ApiError as exc:
            original = _adoptable_id(exc)  # a repeat: "an error ... will contain the original subscriptionId"
            if original is None:
                raise
            return self._adopt(original, exc.code)
        sub_id = subscription_id_in(response.payload)
        if sub_id is None:
            raise ApiError("subscribeRecordingEvent answered without a subscriptionId")
        return self._took(sub_id)

    def _took(self, sub_id: str) -> str:
        self.subscription_id = sub_id
        self.adopted = False
        log.info("Subscribed to MediaSense events as %s -> %s", sub_id, self.uri)
        return sub_id

    def _adopt(self, sub_id: str, code: int | None) -> str:
        self.subscription_id = sub_id
        self.adopted = True
        log.info("Already subscribed to MediaSense events as %s (responseCode %s); reusing it", sub_id, code)
        return sub_id

    async def unsubscribe(self) -> None:
        sub_id, self.subscription_id = self.subscription_id, None
        if sub_id is None:
            return
        path = UNSUBSCRIBE_RECORDING_PATH if self.deprecated_api else UNSUBSCRIBE_PATH
        try:
            await self.client.request("POST", path, json={"requestParameters": {"subscriptionId": sub_id}})
            log.info("Unsubscribed from MediaSense events (%s)", sub_id)
        except MediaSenseError as exc:
            log.warning("Could not unsubscribe %s from MediaSense events: %s", sub_id, exc)


def subscription_id_in(payload: object) -> str | None:
    """`responseBody.subscriptionId` (subscribeToEvents) or a top-level `subscriptionId` (the
    deprecated call and its refusals)."""
    if not isinstance(payload, Mapping):
        return None
    body = payload.get("responseBody")
    for holder in (body, payload):
        if isinstance(holder, Mapping):
            value = holder.get("subscriptionId")
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def _adoptable_id(exc: ApiError) -> str | None:
    """The id a refusal carries in a field; only the tolerated 4030 has it in its detail text (read
    there for no other code: a message's words are not ids)."""
    found = subscription_id_in(exc.payload)
    if found is None and exc.code == ALREADY_SUBSCRIBED:
        found = _subscription_id_in(exc.detail)
    return found


_UUIDISH = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{7,}")


def _subscription_id_in(detail: str | None) -> str | None:
    """The original id from a refusal's detail ("...: <id>" or just "<id>")."""
    if not detail:
        return None
    found = _UUIDISH.findall(detail)
    return found[-1] if found else None
