"""Serving one player request: token check, exact Range semantics, the upstream MediaSense request.

Audio is streamed from MediaSense chunk by chunk (bounded memory, nothing on disk) with exact Range
semantics towards the player, whether or not MediaSense honours Range itself. Headerless G.711
tracks are wrapped in a WAV header on the fly. A player dropping its connection (every seek does)
closes the upstream request at once.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import dataclass

from aiohttp import web

from qms_desktop.mediasense.client import MediaResponse, MediaSenseClient
from qms_desktop.mediasense.errors import MediaNotFound, MediaSenseError, RangeNotSatisfiable
from qms_desktop.playback.ranges import RangeDecision, decide, parse_content_range
from qms_desktop.playback.tickets import CONTENT_TYPES, EXTENSIONS, Ticket, TicketRegistry
from qms_desktop.playback.wav import HEADER_BYTES, g711_codec, pad_bytes, wav_header
from qms_desktop.security import audit

log = logging.getLogger("qms.proxy")

CHUNK = 64 * 1024


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

    def snapshot(self) -> ProxyStats:
        """A copy; the caller holds the lock that guards the counters."""
        return ProxyStats(**{name: getattr(self, name) for name in ProxyStats.__dataclass_fields__})


class RangeStreamer:
    """Answers `/play/{token}/{user}/{session}/{file}` requests on the proxy's event loop.

    Counters in `stats` change under `tickets.lock`.
    """

    def __init__(self, client: MediaSenseClient, tickets: TicketRegistry, stats: ProxyStats) -> None:
        self._client = client
        self._tickets = tickets
        self._lock = tickets.lock
        self._stats = stats

    def refuse(self, status: int, text: str) -> web.Response:
        """Answer a request the proxy will not serve, and say so in the log: a refused link is
        something a person acts on (open the recording again); a stray URL is only noted."""
        with self._lock:
            self._stats.refused += 1
        log.log(logging.WARNING if status == 403 else logging.DEBUG, "Playback proxy refused a request (HTTP %d): %s",
                status, text, extra={"status": status})  # fmt: skip
        return web.Response(status=status, text=text + "\n")

    async def handle(self, request: web.Request) -> web.StreamResponse:
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

    def _lookup(self, request: web.Request) -> Ticket | web.Response:
        info = request.match_info
        with self._lock:
            self._stats.requests += 1
            ticket = self._tickets.get(info["token"])
        if ticket is None:
            return self.refuse(403, "Not a valid playback link (it was released, expired or never issued)")
        expected = (ticket.username, ticket.session_id, f"{ticket.track_segment}.{EXTENSIONS.get(ticket.source.kind)}")
        if (info["user"], info["session"], info["file"]) != expected:
            self._tickets.emit(
                audit.PLAYBACK_DENIED, info["user"], f"{info['session']}/{info['file']}",
                {"reason": "token mismatch"}, audit.DENIED,
            )  # fmt: skip
            return self.refuse(403, "This playback link belongs to another user, recording or track")
        if time.monotonic() >= ticket.expires_at:
            self._tickets.end(ticket, "expired")
            return self.refuse(403, "This playback link has expired: open the recording again")
        return ticket

    async def _serve(self, request: web.Request, ticket: Ticket) -> web.StreamResponse:
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

    async def _ensure_total(self, ticket: Ticket) -> int:
        """Learn the size once per ticket with `Range: bytes=0-0` (works whether or not Range is honoured)."""
        if ticket.total is not None:
            return ticket.total
        if ticket.probe_lock is None:
            ticket.probe_lock = asyncio.Lock()
        async with ticket.probe_lock:
            if ticket.total is not None:
                return ticket.total
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
        self, request: web.Request, ticket: Ticket, decision: RangeDecision, headers: dict[str, str]
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
        transport = request.transport  # aiohttp lets go of it when it cancels the handler
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
        except (asyncio.CancelledError, ConnectionError) as exc:
            # Each seek drops a connection: routine, so DEBUG, and the upstream request goes now.
            # ConnectionError covers aiohttp's "Connection lost" of a write waiting on a full socket.
            log.debug("Player closed the connection (%s %s-%s)", ticket.session_id, start, end - 1)
            if upstream is not None:
                with self._lock:
                    self._stats.upstream_cancelled += 1
            if isinstance(exc, asyncio.CancelledError):
                # Cancelled by the proxy's stop, the player may still be connected: the body cannot
                # be finished, so drop the socket now rather than wait to flush to a paused reader.
                if transport is not None:
                    transport.abort()
                raise
            return response  # nothing to answer: aiohttp would log it as a failed request
        finally:
            if upstream is not None:
                await asyncio.shield(self._close_upstream(upstream, completed))
        return response

    async def _open_upstream(self, ticket: Ticket, up_start: int, up_end: int) -> MediaResponse:
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
        self, upstream: MediaResponse, response: web.StreamResponse, ticket: Ticket, up_start: int, up_end: int
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

    async def _write(self, response: web.StreamResponse, ticket: Ticket, data: bytes) -> None:
        # Counted before the write: the player may have the bytes (and release the ticket) before
        # this coroutine resumes, and the playback.stop audit row must include them.
        with self._lock:
            ticket.bytes_served += len(data)
            ticket.last_activity = time.monotonic()
            self._stats.bytes_served += len(data)
        await response.write(data)
