"""Downloading a recording's media from MediaSense's media service, whole or as a byte range.

The media service wants HTTP Basic and, where the node gave us one, the JSESSIONID as well. 404
means the media was pruned, 416 an unsatisfiable range. Choosing which URL to open is media.py's job.

A real client follows the media service's redirects, so we do too, within bounds: only to the same
scheme and host (any port: the media service may hand over to another of its ports), at most
`MAX_REDIRECTS` hops, with the same Basic, JSESSIONID and Range. A redirect to another host or
scheme is refused (`RedirectRefused`) before anything is sent there: the credentials would follow.
Media requests accept any type; `Accept: application/json` is for the API.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Mapping
from urllib.parse import urljoin, urlsplit

import httpx

from qms_desktop.mediasense.errors import (
    AccessForbidden,
    ApiError,
    AuthenticationFailed,
    MediaNotFound,
    RangeNotSatisfiable,
    RedirectRefused,
    ServerBusy,
    TooManyRedirects,
)
from qms_desktop.mediasense.messages import Message
from qms_desktop.mediasense.signin import SignIn
from qms_desktop.mediasense.transport import Transport, new_request_id

log = logging.getLogger("qms.http")

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MEDIA_ACCEPT = "*/*"
REDIRECT_BODY_LIMIT = 64 * 1024


class MediaResponse:
    """An open media download. Iterate `aiter_bytes()`; always `aclose()` (or use `async with`)."""

    def __init__(self, response: httpx.Response, url: str, request_id: str) -> None:
        self._response = response
        self.url = url
        self.request_id = request_id
        self.status = response.status_code
        self.headers: Mapping[str, str] = response.headers

    async def aiter_bytes(self, chunk_size: int = 64 * 1024) -> AsyncIterator[bytes]:
        async for chunk in self._response.aiter_raw(chunk_size):
            yield chunk

    async def aclose(self) -> None:
        await self._response.aclose()

    async def __aenter__(self) -> MediaResponse:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


async def open_media(transport: Transport, signin: SignIn, url: str, *, byte_range: str | None = None) -> MediaResponse:
    """Start a media download; one re-login when the media service rejects the session."""
    request_id = new_request_id()
    relogged = False
    while True:
        session = await transport.with_retries(
            lambda n: signin.ensure_login(n, request_id), "sign-in for media", request_id
        )
        node = transport.current_node
        headers = {"Authorization": signin.basic(), "X-Request-Id": request_id}
        if session.jsessionid:
            headers.update(signin.headers(session))
            headers["Authorization"] = signin.basic()
        headers["Accept"] = MEDIA_ACCEPT
        if byte_range:
            headers["Range"] = byte_range
        response, target = await _follow(transport, url, headers, request_id, byte_range)
        status = response.status_code
        if status in (200, 206):
            session.last_used = time.monotonic()
            return MediaResponse(response, target, request_id)
        await response.aclose()
        if status == 401 and not relogged:
            signin.forget(node)
            relogged = True
            continue
        if status == 401:
            raise AuthenticationFailed("The media service rejected the credentials", status=401, url=target)
        if status == 403:
            raise AccessForbidden("The media service refused access", status=403, url=target)
        if status == 404:
            raise MediaNotFound("The recording's media is no longer on MediaSense", status=404, url=target)
        if status == 416:
            raise RangeNotSatisfiable(
                "The requested byte range lies outside the recording",
                status=416,
                url=target,
                detail=response.headers.get("Content-Range"),
            )
        if status == 429 or status >= 500:
            raise ServerBusy(f"The media service answered HTTP {status}", status=status, url=target)
        raise ApiError(f"The media service answered HTTP {status}", status=status, url=target)


async def _follow(
    transport: Transport, url: str, headers: Mapping[str, str], request_id: str, byte_range: str | None
) -> tuple[httpx.Response, str]:
    """GET `url`, following same-host redirects: (the first answer that is not one, its URL)."""
    target = url
    hops = 0
    while True:
        await transport.prepare_tls(target)
        started = time.perf_counter()
        response = await transport.stream(target, headers)
        duration_ms = int((time.perf_counter() - started) * 1000)
        path = urlsplit(target).path
        log.info(
            "GET media %s -> %d in %d ms",
            path,
            response.status_code,
            duration_ms,
            extra={
                "request_id": request_id,
                "method": "GET",
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "range": byte_range,
            },
        )
        if response.status_code not in REDIRECT_STATUSES:
            return response, target
        await _discard(response)
        target = redirect_target(url, target, response.status_code, response.headers.get("Location"), hops)
        hops += 1
        log.info(
            "Media service redirected to %s (hop %d)", urlsplit(target).path, hops, extra={"request_id": request_id}
        )


async def _discard(response: httpx.Response) -> None:
    """Close a redirect's answer; a short body is read first so that its connection can be reused."""
    length = response.headers.get("Content-Length")
    try:
        if length is not None and length.isdigit() and int(length) <= REDIRECT_BODY_LIMIT:
            await response.aread()
    except httpx.HTTPError:
        pass  # the connection is dropped instead of reused: nothing lost
    finally:
        await response.aclose()


def redirect_target(origin: str, current: str, status: int, location: str | None, hops: int) -> str:
    """Where a media redirect leads, or the typed refusal: another host or scheme than `origin`'s,
    a redirect without a Location, or more than MAX_REDIRECTS hops."""
    if not location:
        raise ApiError(
            Message(
                "error.redirect_no_location",
                "The media service answered HTTP {status} without saying where to (no Location header)",
                status=status,
            ),
            status=status,
            url=current,
        )
    target = urljoin(current, location.strip())
    was, now = urlsplit(origin), urlsplit(target)
    from_host, to_host = was.hostname or origin, now.hostname or target
    if now.scheme.lower() != was.scheme.lower() or (now.hostname or "") != (was.hostname or "") or now.username:
        if now.scheme.lower() != was.scheme.lower() and now.hostname == was.hostname:
            message = Message(
                "error.redirect_scheme",
                "The media server {host} redirected from {from_scheme} to {to_scheme}; the MediaSense "
                "credentials are not sent there",
                host=from_host,
                from_scheme=was.scheme.upper(),
                to_scheme=(now.scheme or "?").upper(),
            )
        else:
            message = Message(
                "error.redirect_other_host",
                "The media server {from_host} redirected to another host, {to_host}; the MediaSense "
                "credentials are not sent there",
                from_host=from_host,
                to_host=to_host,
            )
        raise RedirectRefused(message, status=status, url=current, detail=_shown(target))
    if hops >= MAX_REDIRECTS:
        raise TooManyRedirects(
            Message(
                "error.too_many_redirects",
                "The media service redirected more than {limit} times",
                limit=MAX_REDIRECTS,
            ),
            status=status,
            url=origin,
            detail=_shown(target),
        )
    return target


def _shown(url: str) -> str:
    """A redirect's target for messages: scheme, host, port and path (no query, no user info)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}{parts.path}"
