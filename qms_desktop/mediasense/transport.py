"""HTTP transport to MediaSense: the shared httpx client, one logged exchange, retries and failover.

`Transport.send()` performs one request against one node and logs it on the `qms.http` logger;
`Transport.with_retries()` repeats an attempt with exponential backoff (honouring Retry-After) and
moves to the next node of the cluster when one stops answering. HTTP statuses and MediaSense result
codes become typed `MediaSenseError`s in `Transport.raise_for_status()`.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import socket
import ssl
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import orjson

from qms_desktop.mediasense import dialects
from qms_desktop.mediasense.config import ClientConfig
from qms_desktop.mediasense.errors import (
    AccessForbidden,
    ApiError,
    ConnectionFailed,
    EndpointNotFound,
    MalformedResponse,
    MediaSenseError,
    ServerBusy,
    ServerError,
    TlsError,
)
from qms_desktop.mediasense.messages import Message
from qms_desktop.mediasense.session_bytes import split_sessions
from qms_desktop.mediasense.tls import TrustManager, classify_tls_error, socket_error, timeout_error

log = logging.getLogger("qms.http")
T = TypeVar("T")

MAX_RETRY_AFTER_S = 60.0


def new_request_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, slots=True)
class ApiResponse:
    status: int
    payload: Any
    code: int | None
    request_id: str
    duration_ms: int
    node: str


class Retryable(Exception):
    """An attempt failed in a way worth retrying (the wrapped error is raised when retries run out).

    `transient`: the server answered but was busy or its answer arrived garbled; such failures have
    their own, larger retry allowance (`ClientConfig.transient_retries`)."""

    def __init__(
        self,
        error: MediaSenseError,
        *,
        retry_after: float | None = None,
        failover: bool = False,
        transient: bool = False,
    ):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
        self.failover = failover
        self.transient = transient


class Undecodable:
    """A response body that is not JSON (kept apart from None, which means an empty body)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


class Transport:
    """One httpx.AsyncClient for every node of a cluster, and the node currently in use."""

    def __init__(self, config: ClientConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self.trust = TrustManager(config.tls)
        self.http = httpx.AsyncClient(
            verify=self.trust.context,
            timeout=httpx.Timeout(config.timeout),
            follow_redirects=False,
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": "qms-desktop"},
        )
        self._nodes = [u.rstrip("/") for u in config.urls]
        self._node_index = 0

    @property
    def current_node(self) -> str:
        return self._nodes[self._node_index]

    async def aclose(self) -> None:
        await self.http.aclose()

    # ---- retries and failover -----------------------------------------------------------------

    async def with_retries(self, attempt_on: Callable[[str], Awaitable[T]], what: str, request_id: str) -> T:
        """Retry with exponential backoff and jitter; fail over between nodes.

        Failures (no connection, HTTP 5xx) are retried `max_retries` times; a busy server or a garbled
        answer `transient_retries` times; and never once the waits would pass `retry_budget_s`."""
        config = self.config
        failures = transients = attempt = 0
        waited = 0.0
        while True:
            node = self.current_node
            try:
                return await attempt_on(node)
            except Retryable as failure:
                if failure.transient:
                    transients += 1
                else:
                    failures += 1
                if failure.failover and len(self._nodes) > 1:
                    self._fail_over(node, failure.error)
                    if attempt + 1 < len(self._nodes):
                        attempt += 1
                        continue  # another node may answer at once: no backoff before trying it
                delay = self._backoff(attempt, failure.retry_after)
                out_of_tries = failures > config.max_retries or transients > config.transient_retries
                if out_of_tries or waited + delay > config.retry_budget_s:
                    failure.error.request_id = request_id
                    if not out_of_tries:
                        log.warning(
                            "%s failed (%s); no retry: the %.0f s retry budget is spent",
                            what,
                            failure.error.message,
                            config.retry_budget_s,
                            extra={"request_id": request_id},
                        )
                    raise failure.error from failure
                attempt += 1
                waited += delay
                log.warning(
                    "%s failed (%s); retry %d in %.1f s",
                    what,
                    failure.error.message,
                    attempt,
                    delay,
                    extra={"request_id": request_id},
                )
                await asyncio.sleep(delay)

    def _fail_over(self, node: str, error: MediaSenseError) -> None:
        if self.current_node != node:
            return
        self._node_index = (self._node_index + 1) % len(self._nodes)
        log.warning("MediaSense node %s is down (%s); switching to %s", node, error.message, self.current_node)

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        ceiling = min(self.config.backoff_max, self.config.backoff_base * (2**attempt))
        delay = random.uniform(ceiling / 2, ceiling)  # jitter spreads the retries of many clients
        if retry_after is not None:
            delay = max(delay, min(retry_after, MAX_RETRY_AFTER_S))
        return delay

    # ---- one exchange -------------------------------------------------------------------------

    async def prepare_tls(self, url: str) -> None:
        await self.trust.prepare(url, self.config.timeout)

    async def send(
        self,
        node: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        request_id: str,
        raw_sessions: bool = False,
    ) -> tuple[httpx.Response, Any, int]:
        """One logged API request: (response, decoded JSON or None, duration in ms). `raw_sessions`:
        a getSessions answer's sessions are left as bytes (`session_bytes.split_sessions`)."""
        url = node + path
        try:
            await self.prepare_tls(url)
        except ConnectionFailed as unreachable:  # pinned: the certificate check could not reach the node
            log.warning("%s %s: %s", method, path, unreachable.message, extra={"request_id": request_id, "node": node})
            raise Retryable(unreachable, failover=True) from unreachable
        except TlsError as untrusted:  # pinned: the node presented another certificate
            log.warning("%s %s: %s", method, path, untrusted, extra={"request_id": request_id, "node": node})
            raise
        started = time.perf_counter()
        try:
            response = await self.http.request(
                method,
                url,
                json=json,
                params=params,
                headers={"X-Request-Id": request_id, **(headers or {})},
            )
        except httpx.HTTPError as exc:
            duration_ms = int((time.perf_counter() - started) * 1000)
            error = self.transport_error(exc, url)
            log.warning(
                "%s %s failed after %d ms: %s",
                method,
                path,
                duration_ms,
                error.message,
                extra={"request_id": request_id, "method": method, "path": path, "duration_ms": duration_ms},
            )
            if isinstance(error, ConnectionFailed):
                raise Retryable(error, failover=True) from exc
            raise error from exc
        finally:
            self.http.cookies.clear()  # sessions are sent explicitly, per node
        duration_ms = int((time.perf_counter() - started) * 1000)
        payload = self._decode(response, raw_sessions)
        code = dialects.response_code(payload)
        log.info(
            "%s %s -> %d%s in %d ms",
            method,
            path,
            response.status_code,
            f" ({code})" if code is not None else "",
            duration_ms,
            extra={
                "request_id": request_id,
                "method": method,
                "path": path,
                "status": response.status_code,
                "response_code": code,
                "duration_ms": duration_ms,
                "node": node,
            },
        )
        if isinstance(payload, Undecodable) and response.status_code == 200:
            # A cut-off or garbled answer: the same request usually comes back whole.
            raise Retryable(
                MalformedResponse(
                    Message(
                        "error.invalid_json",
                        "MediaSense answered {path} with invalid JSON ({reason})",
                        path=path,
                        reason=payload.reason,
                    ),
                    status=200,
                    url=url,
                    request_id=request_id,
                ),
                transient=True,
            )
        return response, payload, duration_ms

    async def stream(self, url: str, headers: Mapping[str, str]) -> httpx.Response:
        """Start a streamed GET (media): the read timeout is the longer media one."""
        request = self.http.build_request("GET", url, headers=headers)
        request.extensions["timeout"] = httpx.Timeout(self.config.timeout, read=self.config.media_timeout).as_dict()
        try:
            return await self.http.send(request, stream=True)
        except httpx.HTTPError as exc:
            raise self.transport_error(exc, url, read_timeout=self.config.media_timeout) from exc
        finally:
            self.http.cookies.clear()

    @staticmethod
    def _decode(response: httpx.Response, raw_sessions: bool = False) -> Any:
        if not response.content:
            return None
        if raw_sessions and (split := split_sessions(response.content)) is not None:
            return split
        try:
            # orjson parses a 1000-session page ~2.5x quicker than json, and holds the GIL that much less.
            return orjson.loads(response.content)
        except orjson.JSONDecodeError as exc:
            return Undecodable(str(exc))

    # ---- failures -----------------------------------------------------------------------------

    def raise_for_status(self, response: httpx.Response, payload: Any, url: str) -> None:
        status = response.status_code
        code = dialects.response_code(payload)
        detail = dialects.response_detail(payload)
        if status in (404, 405):
            raise EndpointNotFound(
                Message(
                    "error.no_endpoint",
                    "MediaSense has no {path} (HTTP {status})",
                    path=urlsplit(url).path,
                    status=status,
                ),
                status=status,
                url=url,
            )
        if status == 403:
            raise AccessForbidden(
                Message("error.http_403", "MediaSense refused access (HTTP 403)"), status=status, url=url
            )
        if status == 429:
            raise Retryable(
                ServerBusy(
                    Message("error.http_429", "MediaSense is rate limiting requests (HTTP 429)"), status=429, url=url
                ),
                retry_after=retry_after(response),
                transient=True,
            )
        if status >= 500:
            raise Retryable(
                ServerError(
                    Message("error.http_status", "MediaSense answered HTTP {status}", status=status),
                    status=status,
                    url=url,
                    detail=detail,
                ),
                retry_after=retry_after(response),
            )
        if status >= 400:
            raise ApiError(
                Message("error.http_status", "MediaSense answered HTTP {status}", status=status),
                status=status,
                url=url,
                detail=detail,
            )
        if code == dialects.TOO_MANY_REQUESTS:
            raise Retryable(
                ServerBusy(
                    Message("error.too_many_requests", "MediaSense has too many concurrent requests"),
                    code=code,
                    detail=detail,
                    url=url,
                ),
                retry_after=retry_after(response),
                transient=True,
            )
        if code is not None and code not in dialects.OK_CODES:
            refused = ApiError(
                Message("error.request_refused", "MediaSense refused the request"), code=code, detail=detail, url=url
            )
            refused.payload = payload
            raise refused
        if isinstance(payload, Mapping) and payload.get("success") is False:
            raise ApiError(
                Message("error.request_refused", "MediaSense refused the request"),
                detail=str(payload.get("error") or payload.get("message") or ""),
                url=url,
            )

    def transport_error(self, exc: httpx.HTTPError, url: str, *, read_timeout: float | None = None) -> MediaSenseError:
        """The typed error for a request that got no answer. Timeouts come first: a TLS handshake that
        stalls leaves an SSLWantReadError in the chain, and it is a timeout (retried, failed over), not a
        certificate problem. `read_timeout`: the read limit when it is not the configured timeout."""
        host = urlsplit(url).hostname or url
        if isinstance(exc, httpx.TimeoutException):
            if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
                stage = "handshake" if _in_chain(exc, ssl.SSLError) else "connect"
                seconds = self.config.timeout
            else:
                stage = "answer"
                seconds = read_timeout if isinstance(exc, httpx.ReadTimeout) and read_timeout else self.config.timeout
            return timeout_error(url, seconds, stage=stage, detail=type(exc).__name__)
        tls = classify_tls_error(exc, url, pinned=self.trust.settings.mode == "pinned")
        if tls is not None:
            return tls
        cause = _root_cause(exc)
        if isinstance(cause, socket.gaierror | ConnectionRefusedError):
            return socket_error(cause, url)
        if "refused" in str(exc).lower():
            return socket_error(ConnectionRefusedError(str(exc)), url)
        if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError) or isinstance(
            cause, ssl.SSLError
        ):
            return ConnectionFailed(
                Message("error.broke_off", "The connection to {host} broke off: {reason}", host=host, reason=str(exc)),
                url=url,
            )
        return ConnectionFailed(
            Message(
                "error.unreachable",
                "Could not reach {host}: {reason}",
                host=host,
                reason=str(exc or type(exc).__name__),
            ),
            url=url,
        )


def retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds (a number or an HTTP date); None when absent or unreadable."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _in_chain(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _root_cause(exc: BaseException) -> BaseException:
    seen: set[int] = set()
    current = exc
    while id(current) not in seen:
        seen.add(id(current))
        nxt = current.__cause__ or current.__context__
        if nxt is None:
            break
        current = nxt
    return current
