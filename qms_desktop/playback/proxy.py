"""The local playback proxy: what a media player (QMediaPlayer/FFmpeg, VLC, a browser) opens.

It runs an aiohttp server on its own thread and event loop, bound to 127.0.0.1 on an ephemeral port.
Each playback gets a ticket: an unguessable token bound to one user, recording and track, with an
expiry. The URL carries the token and the user/recording/track it is bound to; a request whose path
does not match its token is refused. Audio is streamed from MediaSense chunk by chunk (bounded
memory, nothing on disk) with exact Range semantics towards the player, whether or not MediaSense
honours Range itself. Headerless G.711 tracks are wrapped in a WAV header on the fly.

Playbacks, not connections, count towards the per-user limit: a player seeking opens a new
connection on the same ticket and drops the old one; that is normal and logged at DEBUG.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from aiohttp import web

from qms_desktop.domain.sessions import SessionRecord
from qms_desktop.mediasense.client import ClientConfig, MediaResponse, MediaSenseClient
from qms_desktop.mediasense.errors import MediaNotFound, MediaSenseError, RangeNotSatisfiable
from qms_desktop.mediasense.media import MediaSource, media_source
from qms_desktop.playback.ranges import RangeDecision, decide, parse_content_range
from qms_desktop.playback.sources import PlayableRecord, as_session_record
from qms_desktop.playback.wav import HEADER_BYTES, g711_codec, pad_bytes, wav_header
from qms_desktop.security import audit
from qms_desktop.security.audit import AuditEvent
from qms_desktop.security.errors import PermissionDenied, StreamLimitReached
from qms_desktop.security.roles import Permission, Principal

log = logging.getLogger("qms.proxy")

MAX_PLAYBACKS_PER_USER = 3
DEFAULT_TTL_S = 4 * 3600.0  # a long call listened to with pauses still fits
DEFAULT_IDLE_S = 15 * 60.0  # no request for this long (and no open connection): the playback ends
CHUNK = 64 * 1024
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
class _Ticket:
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

    @property
    def wrapped(self) -> bool:
        return self.source.kind == "raw"

    @property
    def track_segment(self) -> str:
        return str(self.track or 0)


@dataclass(slots=True)
class ProxyStats:
    """Counters for tests and the benchmark (read under the proxy's lock via `snapshot()`)."""

    requests: int = 0
    refused: int = 0
    upstream_opened: int = 0
    upstream_completed: int = 0
    upstream_cancelled: int = 0  # the player went away mid-body: we closed the upstream request
    upstream_short: int = 0  # MediaSense ended the body early
    active_upstreams: int = 0
    bytes_served: int = 0


class PlaybackProxy:
    """Start once, register playbacks, stop (idempotent). Thread-safe: call from any thread."""

    def __init__(
        self,
        *,
        client_config: ClientConfig | None = None,
        client_factory: Callable[[], MediaSenseClient] | None = None,
        audit_sink: AuditSink | None = None,
        max_per_user: int = MAX_PLAYBACKS_PER_USER,
        ttl_s: float = DEFAULT_TTL_S,
        idle_s: float = DEFAULT_IDLE_S,
        reap_interval_s: float = 1.0,
        host: str = "127.0.0.1",
    ) -> None:
        if client_factory is None and client_config is None:
            raise ValueError("PlaybackProxy needs client_config or client_factory")
        self._client_factory = client_factory or (lambda: MediaSenseClient(client_config))  # type: ignore[arg-type]
        self._audit_sink = audit_sink
        self.max_per_user = max_per_user
        self.ttl_s = ttl_s
        self.idle_s = idle_s
        self._reap_interval = reap_interval_s
        self._host = host
        self._lock = threading.Lock()
        self._tickets: dict[str, _Ticket] = {}
        self._stats = ProxyStats()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._client: MediaSenseClient | None = None
        self._runner: web.AppRunner | None = None
        self._reaper: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._stopped = False
        self.port: int = 0

    # ---- lifecycle ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._thread is not None and self._loop is not None and not self._stopped

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    def start(self, timeout: float = 15.0) -> PlaybackProxy:
        if self._thread is not None:
            return self
        self._thread = threading.Thread(target=self._thread_main, name="qms-playback-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError("The playback proxy did not start in time")
        if self._startup_error is not None:
            self._thread.join(timeout)
            self._thread = None
            raise RuntimeError(f"The playback proxy could not start: {self._startup_error}") from self._startup_error
        log.info("Playback proxy listening on %s", self.base_url)
        return self

    def _thread_main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._startup())
        except BaseException as exc:  # reported to start()'s caller
            self._startup_error = exc
            self._ready.set()
            loop.close()
            return
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _startup(self) -> None:
        self._client = self._client_factory()
        # handler_cancellation: a player dropping its connection cancels the handler at once, which
        # closes the upstream request instead of letting it run to the end of a long recording.
        app = web.Application()
        app.router.add_get("/play/{token}/{user}/{session}/{file}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, 0)
        await site.start()
        server = site._server  # aiohttp exposes no public accessor for the bound port
        assert server is not None and server.sockets
        self.port = int(server.sockets[0].getsockname()[1])
        self._reaper = asyncio.get_running_loop().create_task(self._reap_forever(), name="qms-proxy-reaper")

    def stop(self, timeout: float = 10.0) -> None:
        """End every playback (audited), close the server and the MediaSense client. Idempotent."""
        if self._stopped or self._thread is None:
            self._stopped = True
            return
        self._stopped = True
        loop = self._loop
        if loop is not None and loop.is_running():
            future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            try:
                future.result(timeout)
            except Exception:  # still stop the loop: a failed cleanup must not hang the app
                log.exception("Playback proxy shutdown did not finish cleanly")
            loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout)
        log.info("Playback proxy stopped")

    async def _shutdown(self) -> None:
        with self._lock:
            tickets = list(self._tickets.values())
        for ticket in tickets:
            self._end(ticket, "proxy stopped")
        if self._reaper is not None:
            self._reaper.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
        if self._client is not None:
            await self._client.aclose()

    def __enter__(self) -> PlaybackProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- tickets ------------------------------------------------------------------------------

    def register(
        self, principal: Principal, record: PlayableRecord, track: int | None = None, *, ttl_s: float | None = None
    ) -> PlaybackTicket:
        """Check permission and the per-user limit, then issue a ticket for one recording/track.

        Raises PermissionDenied, StreamLimitReached, MediaNotFound (pruned) or MediaUnavailable.
        """
        if not self.running:
            raise ProxyNotRunning()
        session: SessionRecord = as_session_record(record)
        target = f"{session.session_id}/track{track or 0}"
        if not principal.can(Permission.RECORDINGS_PLAY) or not principal.sees_team(session.team_code):
            self._emit(audit.PLAYBACK_DENIED, principal.username, target, {"reason": "permission"}, audit.DENIED)
            raise PermissionDenied(
                f"{principal.username} ({principal.role.value}) may not play recording {session.session_id}",
                permission=Permission.RECORDINGS_PLAY.value,
            )
        api_url = self._client.current_node if self._client is not None else None
        source = media_source(session, track, api_url=api_url)  # pruned/active raise typed errors
        now = time.monotonic()
        ttl = self.ttl_s if ttl_s is None else ttl_s
        token = secrets.token_urlsafe(32)
        with self._lock:
            live = [t for t in self._tickets.values() if t.username == principal.username and not t.ended]
            if len(live) >= self.max_per_user:
                denied = True
            else:
                denied = False
                self._tickets[token] = _Ticket(
                    token=token,
                    username=principal.username,
                    session_id=session.session_id,
                    track=source.track if source.kind == "raw" else track,
                    source=source,
                    created=now,
                    started_at=datetime.now(UTC),
                    expires_at=now + ttl,
                    last_activity=now,
                )
                ticket = self._tickets[token]
        if denied:
            self._emit(
                audit.PLAYBACK_DENIED, principal.username, target,
                {"reason": "limit", "limit": self.max_per_user}, audit.DENIED,
            )  # fmt: skip
            raise StreamLimitReached(
                f"{principal.username} already has {self.max_per_user} playbacks open (the limit per user)"
            )
        self._emit(
            audit.PLAYBACK_START, principal.username, target, {"kind": source.kind, "codec": source.codec}, audit.OK
        )
        ext = EXTENSIONS.get(source.kind, "bin")
        url = (
            f"{self.base_url}/play/{token}/{quote(principal.username, safe='')}/"
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

    def release(self, token: str) -> bool:
        """End a playback (the player closed it). False if it had already ended. Idempotent."""
        with self._lock:
            ticket = self._tickets.get(token)
        if ticket is None:
            return False
        return self._end(ticket, "released")

    def active_playbacks(self, username: str | None = None) -> int:
        with self._lock:
            return sum(
                1 for t in self._tickets.values() if not t.ended and (username is None or t.username == username)
            )

    def stats(self) -> ProxyStats:
        with self._lock:
            return ProxyStats(**{name: getattr(self._stats, name) for name in ProxyStats.__dataclass_fields__})

    def _end(self, ticket: _Ticket, reason: str) -> bool:
        with self._lock:
            if ticket.ended:
                return False
            ticket.ended = True
            self._tickets.pop(ticket.token, None)
            detail = {
                "reason": reason,
                "bytesServed": ticket.bytes_served,
                "durationS": round(time.monotonic() - ticket.created, 3),
                "requests": ticket.requests,
            }
        self._emit(audit.PLAYBACK_STOP, ticket.username, f"{ticket.session_id}/track{ticket.track or 0}", detail, "ok")
        return True

    def _emit(self, action: str, actor: str, target: str, detail: dict[str, Any], outcome: str) -> None:
        log.info("%s %s %s %s", action, actor, target, outcome, extra={"detail": detail})
        if self._audit_sink is not None:
            try:
                self._audit_sink(
                    AuditEvent(action, actor, target, detail, outcome, from_where=f"{audit.this_place()} proxy")
                )
            except Exception:  # the sink is a queue; it must never break playback
                log.exception("Could not queue the audit event %s", action)

    async def _reap_forever(self) -> None:
        while True:
            await asyncio.sleep(self._reap_interval)
            now = time.monotonic()
            with self._lock:
                tickets = list(self._tickets.values())
            for ticket in tickets:
                if now >= ticket.expires_at:
                    self._end(ticket, "expired")
                elif ticket.connections == 0 and now - ticket.last_activity >= self.idle_s:
                    self._end(ticket, "idle")

    # ---- HTTP ---------------------------------------------------------------------------------

    def _refuse(self, status: int, text: str) -> web.Response:
        with self._lock:
            self._stats.refused += 1
        return web.Response(status=status, text=text + "\n")

    async def _not_found(self, request: web.Request) -> web.Response:
        if not self._host_ok(request):
            return self._refuse(403, "Host not allowed")
        return self._refuse(404, "Not a playback URL")

    def _host_ok(self, request: web.Request) -> bool:
        # DNS rebinding defence: a web page whose name resolves to 127.0.0.1 sends its own Host.
        host = (request.headers.get("Host") or "").lower()
        return host in (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    def _lookup(self, request: web.Request) -> _Ticket | web.Response:
        info = request.match_info
        with self._lock:
            self._stats.requests += 1
            ticket = self._tickets.get(info["token"])
        if ticket is None:
            return self._refuse(403, "Not a valid playback link (it was released, expired or never issued)")
        expected = (ticket.username, ticket.session_id, f"{ticket.track_segment}.{EXTENSIONS.get(ticket.source.kind)}")
        if (info["user"], info["session"], info["file"]) != expected:
            log.warning("Playback token used for another user, recording or track: refused")
            self._emit(
                audit.PLAYBACK_DENIED, info["user"], f"{info['session']}/{info['file']}",
                {"reason": "token mismatch"}, audit.DENIED,
            )  # fmt: skip
            return self._refuse(403, "This playback link belongs to another user, recording or track")
        if time.monotonic() >= ticket.expires_at:
            self._end(ticket, "expired")
            return self._refuse(403, "This playback link has expired: open the recording again")
        return ticket

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if not self._host_ok(request):
            return self._refuse(403, "Host not allowed")
        found = self._lookup(request)
        if isinstance(found, web.Response):
            return found
        ticket = found
        with self._lock:
            ticket.connections += 1
            ticket.requests += 1
            ticket.last_activity = time.monotonic()
        try:
            return await self._serve(request, ticket)
        finally:
            with self._lock:
                ticket.connections -= 1
                ticket.last_activity = time.monotonic()

    async def _serve(self, request: web.Request, ticket: _Ticket) -> web.StreamResponse:
        try:
            total = await self._ensure_total(ticket)
        except MediaNotFound:
            return web.Response(
                status=404, text="The audio of this recording has been pruned from MediaSense (retention policy)\n"
            )
        except Exception as exc:
            return self._bad_gateway(exc)
        if_range = request.headers.get("If-Range")
        decision = decide(request.headers.get("Range"), total, if_range_ok=if_range is None or if_range == ticket.etag)
        headers = {
            "Accept-Ranges": "bytes",
            "ETag": ticket.etag,
            "Content-Type": CONTENT_TYPES.get(ticket.source.kind, "application/octet-stream"),
            "Cache-Control": "no-store",
        }
        content_range = decision.content_range(total)
        if content_range:
            headers["Content-Range"] = content_range
        if decision.status == 416:
            return web.Response(status=416, headers=headers)
        if request.method == "HEAD" or decision.length == 0:
            response = web.StreamResponse(status=decision.status, headers=headers)
            response.content_length = decision.length
            await response.prepare(request)
            await response.write_eof()
            return response
        return await self._stream(request, ticket, decision, headers)

    @staticmethod
    def _bad_gateway(exc: Exception) -> web.Response:
        # The client's internal retry wrapper can escape open_media(); unwrap it to the typed error.
        error = getattr(exc, "error", exc)
        if isinstance(error, MediaNotFound):
            return web.Response(status=404, text="The audio of this recording has been pruned from MediaSense\n")
        if isinstance(error, MediaSenseError):
            log.warning("MediaSense media request failed: %s", error)
        else:
            log.exception("Unexpected failure fetching media from MediaSense")
        return web.Response(status=502, text=f"MediaSense did not deliver the audio: {error}\n")

    async def _ensure_total(self, ticket: _Ticket) -> int:
        """Learn the size once per ticket with `Range: bytes=0-0` (works whether or not Range is honoured)."""
        if ticket.total is not None:
            return ticket.total
        if ticket.probe_lock is None:
            ticket.probe_lock = asyncio.Lock()
        async with ticket.probe_lock:
            if ticket.total is not None:
                return ticket.total
            assert self._client is not None
            try:
                upstream = await self._client.open_media(ticket.source.url, byte_range="bytes=0-0")
            except RangeNotSatisfiable:
                size = 0  # only an empty file has no byte 0
            else:
                try:
                    size = self._size_from(upstream)
                finally:
                    await upstream.aclose()
            ticket.upstream_total = size
            total = size + (HEADER_BYTES + pad_bytes(size) if ticket.wrapped else 0)
            digest = hashlib.sha256(f"{ticket.session_id}|{ticket.track_segment}|{ticket.source.kind}|{total}".encode())
            ticket.etag = f'"{digest.hexdigest()[:24]}"'
            ticket.total = total
            return total

    @staticmethod
    def _size_from(upstream: MediaResponse) -> int:
        if upstream.status == 206:
            _, _, total = parse_content_range(upstream.headers.get("Content-Range"))
            if total is not None:
                return total
        length = upstream.headers.get("Content-Length")
        if upstream.status == 200 and length is not None and length.isdigit():
            return int(length)
        raise MediaSenseError(
            "MediaSense did not say how large the recording is (no Content-Range or Content-Length)",
            hint="The player needs the size to seek: check for a proxy between this computer and MediaSense",
        )

    async def _stream(
        self, request: web.Request, ticket: _Ticket, decision: RangeDecision, headers: dict[str, str]
    ) -> web.StreamResponse:
        start, end = decision.start, decision.end + 1  # [start, end) in the player's file
        head = b""
        tail = b""
        up_start, up_end = start, end  # [up_start, up_end) in MediaSense's body
        if ticket.wrapped:
            size = ticket.upstream_total or 0
            full_header = wav_header(size, g711_codec(ticket.source.codec))
            head = full_header[start:end] if start < HEADER_BYTES else b""
            up_start = min(max(start - HEADER_BYTES, 0), size)
            up_end = min(max(end - HEADER_BYTES, 0), size)
            if end > HEADER_BYTES + size:  # the word-alignment pad byte
                tail = b"\x00"
        upstream: MediaResponse | None = None
        if up_end > up_start:
            try:
                upstream = await self._open_upstream(ticket, up_start, up_end)
            except MediaNotFound:
                return web.Response(status=404, text="The audio of this recording has been pruned from MediaSense\n")
            except Exception as exc:
                return self._bad_gateway(exc)
        response = web.StreamResponse(status=decision.status, headers=headers)
        response.content_length = decision.length
        completed = False
        try:
            await response.prepare(request)
            if head:
                await self._write(response, ticket, head)
            if upstream is not None and not await self._pump(upstream, response, ticket, up_start, up_end):
                # The promised Content-Length cannot be met: drop the connection so the player retries.
                if request.transport is not None:
                    request.transport.close()
                return response
            if tail:
                await self._write(response, ticket, tail)
            await response.write_eof()
            completed = True
        except (asyncio.CancelledError, ConnectionResetError):
            # Each seek drops a connection: routine, so DEBUG, and the upstream request goes now.
            log.debug("Player closed the connection (%s %s-%s)", ticket.session_id, start, end - 1)
            if upstream is not None:
                with self._lock:
                    self._stats.upstream_cancelled += 1
            raise
        finally:
            if upstream is not None:
                await asyncio.shield(self._close_upstream(upstream, completed))
        return response

    async def _open_upstream(self, ticket: _Ticket, up_start: int, up_end: int) -> MediaResponse:
        assert self._client is not None
        whole = up_start == 0 and up_end == ticket.upstream_total
        upstream = await self._client.open_media(
            ticket.source.url, byte_range=None if whole else f"bytes={up_start}-{up_end - 1}"
        )
        with self._lock:
            self._stats.upstream_opened += 1
            self._stats.active_upstreams += 1
        return upstream

    async def _close_upstream(self, upstream: MediaResponse, completed: bool) -> None:
        try:
            await upstream.aclose()
        finally:
            with self._lock:
                self._stats.active_upstreams -= 1
                if completed:
                    self._stats.upstream_completed += 1

    async def _pump(
        self, upstream: MediaResponse, response: web.StreamResponse, ticket: _Ticket, up_start: int, up_end: int
    ) -> bool:
        """Copy MediaSense's bytes [up_start, up_end) to the player, skipping what a 200 sends first.
        False when MediaSense sent less (or another range) than promised."""
        skip = up_start  # a 200 starts at byte 0
        if upstream.status == 206:
            got_start, _, _ = parse_content_range(upstream.headers.get("Content-Range"))
            if got_start is None or got_start > up_start:
                log.warning(
                    "MediaSense answered another byte range (%s) than asked for", upstream.headers.get("Content-Range")
                )
                return False
            skip = up_start - got_start
        remaining = up_end - up_start
        async for chunk in upstream.aiter_bytes(CHUNK):
            if skip:
                if len(chunk) <= skip:
                    skip -= len(chunk)
                    continue
                chunk = chunk[skip:]
                skip = 0
            if len(chunk) > remaining:
                chunk = chunk[:remaining]
            await self._write(response, ticket, chunk)
            remaining -= len(chunk)
            if remaining == 0:
                return True
        with self._lock:
            self._stats.upstream_short += 1
        log.warning(
            "MediaSense ended the audio %d bytes early (%s); the player will retry", remaining, ticket.session_id
        )
        return False

    async def _write(self, response: web.StreamResponse, ticket: _Ticket, data: bytes) -> None:
        # Counted before the write: the player may have the bytes (and release the ticket) before
        # this coroutine resumes, and the playback.stop audit row must include them.
        with self._lock:
            ticket.bytes_served += len(data)
            ticket.last_activity = time.monotonic()
            self._stats.bytes_served += len(data)
        await response.write(data)
