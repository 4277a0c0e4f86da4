"""Playback tickets: what a playback is allowed to fetch, for whom and for how long.

A ticket is an unguessable token bound to one user, recording and track, with an expiry. The
registry issues tickets (permission checked, a slot of the per-user limit claimed, audited), ends
them (released, expired, idle, slot lost or proxy stopped; audited, the slot freed) and reaps the
expired and idle ones. The registry holds this proxy's own tickets; the `SlotStore` decides the limit.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from qms_desktop.domain.sessions import SessionRecord, track_choice_segment
from qms_desktop.mediasense.media import MediaSource, media_source
from qms_desktop.playback.slots import InProcessSlots, Slot, SlotStore
from qms_desktop.playback.sources import PlayableRecord, as_session_record
from qms_desktop.security import audit
from qms_desktop.security.audit import AuditEvent
from qms_desktop.security.errors import PermissionDenied, StreamLimitReached
from qms_desktop.security.roles import Permission, Principal

log = logging.getLogger("qms.proxy")

MAX_PLAYBACKS_PER_USER = 3
DEFAULT_TTL_S = 4 * 3600.0  # a long call listened to with pauses still fits
DEFAULT_IDLE_S = 15 * 60.0  # no request for this long (and no open connection): the playback ends
CONTENT_TYPES = {"wav": "audio/wav", "spec": "audio/wav", "raw": "audio/wav", "mp4": "audio/mp4"}
EXTENSIONS = {"wav": "wav", "spec": "wav", "raw": "wav", "mp4": "mp4"}

AuditSink = Callable[[AuditEvent], None]


class ProxyNotRunning(RuntimeError):
    """register() before start() or after stop()."""

    def __init__(self) -> None:
        super().__init__("The playback proxy is not running: start it before registering a playback")


@dataclass(frozen=True, slots=True)
class PlaybackTicket:
    """What the player gets: open `url`; call `PlaybackProxy.release(token)` when done."""

    url: str
    token: str = field(repr=False)
    expires: datetime
    username: str
    session_id: str
    track: int | None
    content_type: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "expires": self.expires.isoformat(),
            "username": self.username,
            "sessionId": self.session_id,
            "track": self.track,
            "contentType": self.content_type,
        }


@dataclass(slots=True)
class Ticket:
    """The proxy's side of a playback. Mutable fields change under `TicketRegistry.lock`."""

    token: str
    username: str
    session_id: str
    track: int | None
    source: MediaSource
    created: float  # monotonic
    started_at: datetime
    expires_at: float  # monotonic
    last_activity: float
    total: int | None = None  # the size the player sees (header included for wrapped raw tracks)
    upstream_total: int | None = None
    etag: str = ""
    connections: int = 0
    requests: int = 0
    bytes_served: int = 0
    ended: bool = False
    probe_lock: asyncio.Lock | None = None
    slot: Slot | None = None

    @property
    def wrapped(self) -> bool:
        return self.source.kind == "raw"

    @property
    def track_segment(self) -> str:
        """'whole' (both parties mixed) or 'track<N>': the whole call is never a track number."""
        return track_choice_segment(self.track)


class TicketRegistry:
    """The live tickets, the per-user limit and expiry. Thread-safe: call from any thread.

    `lock` also guards the proxy's counters, so one lock covers everything a request updates.
    """

    def __init__(
        self,
        *,
        audit_sink: AuditSink | None,
        slots: SlotStore | None = None,
        max_per_user: int = MAX_PLAYBACKS_PER_USER,
        ttl_s: float = DEFAULT_TTL_S,
        idle_s: float = DEFAULT_IDLE_S,
    ) -> None:
        self._audit_sink = audit_sink
        self._slots: SlotStore = slots if slots is not None else InProcessSlots()
        self._slots.on_lost(self._slot_lost)
        self.max_per_user = max_per_user
        self.ttl_s = ttl_s
        self.idle_s = idle_s
        self.lock = threading.Lock()
        self._tickets: dict[str, Ticket] = {}

    def issue(
        self,
        principal: Principal,
        record: PlayableRecord,
        track: int | None,
        *,
        ttl_s: float | None,
        api_url: str | None,
        base_url: str,
    ) -> PlaybackTicket:
        """Check permission and the per-user limit, then issue a ticket for one recording/track.

        Raises PermissionDenied, StreamLimitReached, MediaNotFound (pruned) or MediaUnavailable.
        """
        session: SessionRecord = as_session_record(record)
        target = f"{session.session_id}/{track_choice_segment(track)}"
        if not principal.can(Permission.RECORDINGS_PLAY) or not principal.sees_team(session.team_code):
            self.emit(audit.PLAYBACK_DENIED, principal.username, target, {"reason": "permission"}, audit.DENIED)
            raise PermissionDenied(
                f"{principal.username} ({principal.role.value}) may not play recording {session.session_id}",
                permission=Permission.RECORDINGS_PLAY.value,
            )
        source = media_source(session, track, api_url=api_url)  # pruned/active raise typed errors
        ticket_track = source.track if source.kind == "raw" else track
        slot = self._slots.claim(principal.username, self.max_per_user, session.session_id, ticket_track)
        if slot is None:
            self.emit(
                audit.PLAYBACK_DENIED, principal.username, target,
                {"reason": "limit", "limit": self.max_per_user}, audit.DENIED,
            )  # fmt: skip
            raise StreamLimitReached(
                f"{principal.username} already has {self.max_per_user} playbacks open (the limit per user)"
            )
        now = time.monotonic()
        ttl = self.ttl_s if ttl_s is None else ttl_s
        token = secrets.token_urlsafe(32)
        ticket = Ticket(
            token=token,
            username=principal.username,
            session_id=session.session_id,
            track=ticket_track,
            source=source,
            created=now,
            started_at=datetime.now(UTC),
            expires_at=now + ttl,
            last_activity=now,
            slot=slot,
        )
        with self.lock:
            self._tickets[token] = ticket
        self.emit(
            audit.PLAYBACK_START, principal.username, target, {"kind": source.kind, "codec": source.codec}, audit.OK
        )
        ext = EXTENSIONS.get(source.kind, "bin")
        url = (
            f"{base_url}/play/{token}/{quote(principal.username, safe='')}/"
            f"{quote(session.session_id, safe='')}/{ticket.track_segment}.{ext}"
        )
        return PlaybackTicket(
            url=url,
            token=token,
            expires=ticket.started_at + timedelta(seconds=ttl),
            username=principal.username,
            session_id=session.session_id,
            track=ticket.track,
            content_type=CONTENT_TYPES.get(source.kind, "application/octet-stream"),
        )

    def get(self, token: str) -> Ticket | None:
        """The live ticket for `token`; the caller holds `lock`."""
        return self._tickets.get(token)

    def release(self, token: str) -> bool:
        """End a playback (the player closed it). False if it had already ended. Idempotent."""
        with self.lock:
            ticket = self._tickets.get(token)
        if ticket is None:
            return False
        return self.end(ticket, "released")

    def active(self, username: str | None = None) -> int:
        with self.lock:
            return sum(
                1 for t in self._tickets.values() if not t.ended and (username is None or t.username == username)
            )

    def end(self, ticket: Ticket, reason: str) -> bool:
        with self.lock:
            if ticket.ended:
                return False
            ticket.ended = True
            self._tickets.pop(ticket.token, None)
            slot, ticket.slot = ticket.slot, None
            detail = {
                "reason": reason,
                "bytesServed": ticket.bytes_served,
                "durationS": round(time.monotonic() - ticket.created, 3),
                "requests": ticket.requests,
            }
        if slot is not None:
            self._slots.release(slot)
        self.emit(audit.PLAYBACK_STOP, ticket.username, f"{ticket.session_id}/{ticket.track_segment}", detail, "ok")
        return True

    def _slot_lost(self, slot: Slot) -> None:
        # Its lease ran out unrenewed and another playback took the place: this one must stop.
        with self.lock:
            ticket = next((t for t in self._tickets.values() if t.slot == slot), None)
        if ticket is not None:
            self.end(ticket, "slot lost")

    def end_all(self, reason: str) -> None:
        with self.lock:
            tickets = list(self._tickets.values())
        for ticket in tickets:
            self.end(ticket, reason)

    def emit(self, action: str, actor: str, target: str, detail: dict[str, Any], outcome: str) -> None:
        level = logging.WARNING if outcome == audit.DENIED else logging.INFO  # a refusal is acted on
        log.log(level, "%s %s %s %s", action, actor, target, outcome, extra={"detail": detail})
        if self._audit_sink is not None:
            try:
                self._audit_sink(
                    AuditEvent(action, actor, target, detail, outcome, from_where=f"{audit.this_place()} proxy")
                )
            except Exception:  # the sink is a queue; it must never break playback
                log.exception("Could not queue the audit event %s", action)

    async def reap_forever(self, interval_s: float) -> None:
        while True:
            await asyncio.sleep(interval_s)
            now = time.monotonic()
            with self.lock:
                tickets = list(self._tickets.values())
            for ticket in tickets:
                if now >= ticket.expires_at:
                    self.end(ticket, "expired")
                elif ticket.connections == 0 and now - ticket.last_activity >= self.idle_s:
                    self.end(ticket, "idle")
