"""Downloading a recording's media from MediaSense's media service, whole or as a byte range.

The media service wants HTTP Basic and, where the node gave us one, the JSESSIONID as well. 404
means the media was pruned, 416 an unsatisfiable range. Choosing which URL to open is media.py's job.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Mapping
from urllib.parse import urlsplit

import httpx

from qms_desktop.mediasense.errors import (
    AccessForbidden,
    ApiError,
    AuthenticationFailed,
    MediaNotFound,
    RangeNotSatisfiable,
    ServerBusy,
)
from qms_desktop.mediasense.signin import SignIn
from qms_desktop.mediasense.transport import Transport, new_request_id

log = logging.getLogger("qms.http")


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
        if byte_range:
            headers["Range"] = byte_range
        await transport.prepare_tls(url)
        started = time.perf_counter()
        response = await transport.stream(url, headers)
        duration_ms = int((time.perf_counter() - started) * 1000)
        log.info(
            "GET media %s -> %d in %d ms",
            urlsplit(url).path,
            response.status_code,
            duration_ms,
            extra={
                "request_id": request_id,
                "method": "GET",
                "path": urlsplit(url).path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "range": byte_range,
            },
        )
        status = response.status_code
        if status in (200, 206):
            session.last_used = time.monotonic()
            return MediaResponse(response, url, request_id)
        await response.aclose()
        if status == 401 and not relogged:
            signin.forget(node)
            relogged = True
            continue
        if status == 401:
            raise AuthenticationFailed("The media service rejected the credentials", status=401, url=url)
        if status == 403:
            raise AccessForbidden("The media service refused access", status=403, url=url)
        if status == 404:
            raise MediaNotFound("The recording's media is no longer on MediaSense", status=404, url=url)
        if status == 416:
            raise RangeNotSatisfiable(
                "The requested byte range lies outside the recording",
                status=416,
                url=url,
                detail=response.headers.get("Content-Range"),
            )
        if status == 429 or status >= 500:
            raise ServerBusy(f"The media service answered HTTP {status}", status=status, url=url)
        raise ApiError(f"The media service answered HTTP {status}", status=status, url=url)
