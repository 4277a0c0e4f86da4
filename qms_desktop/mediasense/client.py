"""The MediaSense client: one shared httpx.AsyncClient, login strategies, retries, failover.

Everything that talks to MediaSense goes through `MediaSenseClient.request()` (API calls) or
`MediaSenseClient.open_media()` (audio). Both log a request id, method, path, status and duration
on the `qms.http` logger, and turn every failure into a typed `MediaSenseError`.
"""

from __future__ import annotations

import asyncio
import base64
import email.utils
import logging
import random
import socket
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import orjson

from qms_desktop.domain.sessions import RejectedRecord, SessionFilters, SessionRecord
from qms_desktop.domain.time import TimeWindow, from_ms
from qms_desktop.mediasense import dialects
from qms_desktop.mediasense.dialects import LOGIN_BY_NAME, LOGIN_STRATEGIES, QUERY_BY_NAME, QUERY_DIALECTS
from qms_desktop.mediasense.errors import (
    AccessForbidden,
    ApiError,
    AuthenticationFailed,
    ConfigurationError,
    ConnectionFailed,
    ConnectionRefused,
    EndpointNotFound,
    HostNotFound,
    MalformedResponse,
    MediaNotFound,
    MediaSenseError,
    RangeNotSatisfiable,
    RequestTimeout,
    ServerBusy,
    ServerError,
    SessionCookieMissing,
    SessionExpired,
)
from qms_desktop.mediasense.messages import Message
from qms_desktop.mediasense.tls import TlsSettings, TrustManager, classify_tls_error

log = logging.getLogger("qms.http")
T = TypeVar("T")

SESSION_IDLE_LIMIT_S = 30 * 60  # MediaSense ends an API session after 30 idle minutes
SESSION_REUSE_MARGIN_S = 60  # re-login a minute early rather than race the server's expiry
MAX_RETRY_AFTER_S = 60.0


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Connection settings. `urls` lists the cluster's nodes; the first reachable one is used."""

    urls: tuple[str, ...]
    username: str
    password: str = field(repr=False)
    timeout: float = 10.0
    tls: TlsSettings = field(default_factory=TlsSettings)
    max_retries: int = 2  # the specification: up to 2 retries with exponential backoff
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    media_timeout: float = 60.0  # media files may be generated on first request

    def __post_init__(self) -> None:
        if not self.urls:
            raise ConfigurationError("No MediaSense URL is configured")
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ConfigurationError(f"Not a valid MediaSense URL: {url!r}")
        if not self.username:
            raise ConfigurationError("No MediaSense user name is configured")
        if self.timeout <= 0:
            raise ConfigurationError("The timeout must be positive")


@dataclass(slots=True)
class ServerProfile:
    """What worked on one server: remembered so later calls skip the fallbacks."""

    login: str | None = None
    query: str | None = None


@dataclass(slots=True)
class _AuthSession:
    strategy: str
    jsessionid: str | None
    last_used: float


@dataclass(frozen=True, slots=True)
class ApiResponse:
    status: int
    payload: Any
    code: int | None
    request_id: str
    duration_ms: int
    node: str


@dataclass(frozen=True, slots=True)
class SessionPage:
    records: list[SessionRecord]
    rejected: list[RejectedRecord]
    offset: int
    raw_count: int
    has_more: bool
    dialect: str

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.raw_count if self.has_more else None


class _Retryable(Exception):
    """An attempt failed in a way worth retrying (the wrapped error is raised when retries run out)."""

    def __init__(self, error: MediaSenseError, *, retry_after: float | None = None, failover: bool = False):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
        self.failover = failover


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


class MediaSenseClient:
    """One connection to a MediaSense server or cluster. Use as `async with MediaSenseClient(cfg)`."""

    def __init__(
        self,
        config: ClientConfig,
        *,
        profiles: Mapping[str, ServerProfile] | None = None,
        on_profile: Callable[[str, ServerProfile], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config
        self._trust = TrustManager(config.tls)
        self._http = httpx.AsyncClient(
            verify=self._trust.context,
            timeout=httpx.Timeout(config.timeout),
            follow_redirects=False,
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": "qms-desktop"},
        )
        self._nodes = [u.rstrip("/") for u in config.urls]
        self._node_index = 0
        self._sessions: dict[str, _AuthSession] = {}
        self._login_locks: dict[str, asyncio.Lock] = {}
        self.profiles: dict[str, ServerProfile] = dict(profiles or {})
        self._on_profile = on_profile
        self._register_secret(config.password)

    @staticmethod
    def _register_secret(password: str) -> None:
        # The integration log masks every occurrence of a registered secret, wherever it appears.
        try:
            from qms_desktop import integration_log
        except ImportError:  # pragma: no cover - the log is part of the app
            return
        register = getattr(integration_log, "register_secret", None)
        if register and password:
            register(password)

    # ---- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> MediaSenseClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Sign out where we hold a session (best effort), then close the connection pool."""
        for node, session in list(self._sessions.items()):
            if session.strategy == "cisco" and session.jsessionid:
                try:
                    await asyncio.wait_for(
                        self._http.post(node + dialects.SIGN_OUT_PATH, headers=self._session_headers(session)),
                        2.0,
                    )
                except (httpx.HTTPError, TimeoutError, OSError):
                    pass
        self._sessions.clear()
        await self._http.aclose()

    @property
    def current_node(self) -> str:
        return self._nodes[self._node_index]

    # ---- API calls ----------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        authenticated: bool = True,
    ) -> ApiResponse:
        """One API call with login, one transparent re-login, retries with backoff and failover."""
        request_id = uuid.uuid4().hex[:12]
        return await self._with_retries(
            lambda node: self._attempt(node, method, path, json, params, authenticated, request_id),
            f"{method} {path}",
            request_id,
        )

    async def _with_retries(self, attempt_on: Callable[[str], Awaitable[T]], what: str, request_id: str) -> T:
        """Retry transient failures with exponential backoff and jitter; fail over between nodes."""
        attempts = self.config.max_retries + 1
        for attempt in range(attempts):
            node = self.current_node
            try:
                return await attempt_on(node)
            except _Retryable as failure:
                if failure.failover and len(self._nodes) > 1:
                    self._fail_over(node, failure.error)
                    if attempt + 1 < len(self._nodes):
                        continue  # another node may answer at once: no backoff before trying it
                if attempt + 1 >= attempts:
                    failure.error.request_id = request_id
                    raise failure.error from failure
                delay = self._backoff(attempt, failure.retry_after)
                log.warning(
                    "%s failed (%s); retry %d of %d in %.1f s",
                    what,
                    failure.error.message,
                    attempt + 1,
                    attempts - 1,
                    delay,
                    extra={"request_id": request_id},
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _attempt(
        self,
        node: str,
        method: str,
        path: str,
        json: Any,
        params: Mapping[str, Any] | None,
        authenticated: bool,
        request_id: str,
    ) -> ApiResponse:
        relogged = False
        while True:
            session = await self._ensure_login(node, request_id) if authenticated else None
            headers = self._session_headers(session) if session else {}
            response, payload, duration_ms = await self._send(
                node, method, path, json=json, params=params, headers=headers, request_id=request_id
            )
            code = dialects.response_code(payload)
            expired = response.status_code == 401 or code == dialects.INVALID_SESSION
            if expired and session is not None:
                self._sessions.pop(node, None)
                if not relogged:
                    log.info(
                        "MediaSense session expired; signing in again",
                        extra={"request_id": request_id, "path": path},
                    )
                    relogged = True
                    continue
                if response.status_code == 401:
                    raise AuthenticationFailed(
                        Message(
                            "error.rejected_after_relogin", "MediaSense rejected the credentials after signing in again"
                        ),
                        status=401,
                        url=node + path,
                    )
                raise SessionExpired(
                    Message("error.fresh_session_rejected", "MediaSense rejected a fresh session"),
                    code=code,
                    detail=dialects.response_detail(payload),
                    url=node + path,
                )
            self._raise_for_status(response, payload, node + path)
            if session is not None:
                session.last_used = time.monotonic()
            return ApiResponse(response.status_code, payload, code, request_id, duration_ms, node)

    async def _send(
        self,
        node: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        request_id: str,
    ) -> tuple[httpx.Response, Any, int]:
        url = node + path
        await self._prepare_tls(url)
        started = time.perf_counter()
        try:
            response = await self._http.request(
                method,
                url,
                json=json,
                params=params,
                headers={"X-Request-Id": request_id, **(headers or {})},
            )
        except httpx.HTTPError as exc:
            duration_ms = int((time.perf_counter() - started) * 1000)
            error = self._transport_error(exc, url)
            log.warning(
                "%s %s failed after %d ms: %s",
                method,
                path,
                duration_ms,
                error.message,
                extra={"request_id": request_id, "method": method, "path": path, "duration_ms": duration_ms},
            )
            if isinstance(error, ConnectionFailed):
                raise _Retryable(error, failover=True) from exc
            raise error from exc
        finally:
            self._http.cookies.clear()  # sessions are sent explicitly, per node
        duration_ms = int((time.perf_counter() - started) * 1000)
        payload = self._decode(response)
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
        if isinstance(payload, _Undecodable) and response.status_code == 200:
            raise MalformedResponse(
                Message(
                    "error.invalid_json",
                    "MediaSense answered {path} with invalid JSON ({reason})",
                    path=path,
                    reason=payload.reason,
                ),
                status=200,
                url=url,
                request_id=request_id,
            )
        return response, payload, duration_ms

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        if not response.content:
            return None
        try:
            # orjson parses a 1000-session page ~2.5x quicker than json, and holds the GIL that much less.
            return orjson.loads(response.content)
        except orjson.JSONDecodeError as exc:
            return _Undecodable(str(exc))

    def _raise_for_status(self, response: httpx.Response, payload: Any, url: str) -> None:
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
            raise _Retryable(
                ServerBusy(
                    Message("error.http_429", "MediaSense is rate limiting requests (HTTP 429)"), status=429, url=url
                ),
                retry_after=_retry_after(response),
            )
        if status >= 500:
            raise _Retryable(
                ServerError(
                    Message("error.http_status", "MediaSense answered HTTP {status}", status=status),
                    status=status,
                    url=url,
                    detail=detail,
                ),
                retry_after=_retry_after(response),
            )
        if status >= 400:
            raise ApiError(
                Message("error.http_status", "MediaSense answered HTTP {status}", status=status),
                status=status,
                url=url,
                detail=detail,
            )
        if code == dialects.TOO_MANY_REQUESTS:
            raise _Retryable(
                ServerBusy(
                    Message("error.too_many_requests", "MediaSense has too many concurrent requests"),
                    code=code,
                    detail=detail,
                    url=url,
                ),
                retry_after=_retry_after(response),
            )
        if code is not None and code not in dialects.OK_CODES:
            raise ApiError(
                Message("error.request_refused", "MediaSense refused the request"), code=code, detail=detail, url=url
            )
        if isinstance(payload, Mapping) and payload.get("success") is False:
            raise ApiError(
                Message("error.request_refused", "MediaSense refused the request"),
                detail=str(payload.get("error") or payload.get("message") or ""),
                url=url,
            )

    # ---- login --------------------------------------------------------------------------------

    async def _ensure_login(self, node: str, request_id: str) -> _AuthSession:
        lock = self._login_locks.setdefault(node, asyncio.Lock())
        async with lock:  # concurrent callers share one login
            session = self._sessions.get(node)
            if session and time.monotonic() - session.last_used < SESSION_IDLE_LIMIT_S - SESSION_REUSE_MARGIN_S:
                return session
            self._sessions.pop(node, None)
            session = await self._login(node, request_id)
            self._sessions[node] = session
            return session

    async def login(self) -> str:
        """Sign in now (used by the connection test); returns the strategy that worked."""
        request_id = uuid.uuid4().hex[:12]

        async def sign_in(node: str) -> str:
            self._sessions.pop(node, None)
            return (await self._ensure_login(node, request_id)).strategy

        return await self._with_retries(sign_in, "sign-in", request_id)

    async def _login(self, node: str, request_id: str) -> _AuthSession:
        known = self.profiles.get(node)
        strategies = [LOGIN_BY_NAME[known.login]] if known and known.login else list(LOGIN_STRATEGIES)
        for strategy in strategies:
            try:
                session = await self._login_with(node, strategy, request_id)
            except EndpointNotFound:
                log.info(
                    "Login method %s is not offered by %s; trying the next one",
                    strategy.name,
                    node,
                    extra={"request_id": request_id},
                )
                continue
            self._remember(node, login=strategy.name)
            log.info("Signed in to %s with %s", node, strategy.name, extra={"request_id": request_id})
            return session
        if known and known.login:
            # The server changed (upgrade, other node behind the name): forget and try everything.
            self.profiles[node] = ServerProfile()
            return await self._login(node, request_id)
        raise EndpointNotFound(
            Message(
                "error.no_login_method",
                "{node} offers none of the login methods QMS Desktop knows (signIn, login, Basic)",
                node=node,
            ),
            url=node,
        )

    async def _login_with(self, node: str, strategy: dialects.LoginStrategy, request_id: str) -> _AuthSession:
        headers: dict[str, str] = {}
        if not strategy.uses_cookie:
            headers["Authorization"] = self._basic()
        response, payload, _ = await self._send(
            node,
            strategy.method,
            strategy.path,
            json=strategy.body(self.config.username, self.config.password),
            headers=headers,
            request_id=request_id,
        )
        url = node + strategy.path
        if response.status_code == 401:
            raise AuthenticationFailed(
                Message("error.credentials_rejected", "MediaSense rejected the user name or password"),
                status=401,
                url=url,
            )
        if response.status_code == 403:
            raise AccessForbidden(
                Message("error.user_forbidden", "MediaSense refused this user access to the API"), status=403, url=url
            )
        code = dialects.response_code(payload)
        if response.status_code == 200 and code is not None and code != 2000:
            if code == dialects.TOO_MANY_REQUESTS:
                raise _Retryable(ServerBusy(Message("error.busy", "MediaSense is busy"), code=code, url=url))
            raise AuthenticationFailed(
                Message("error.credentials_rejected", "MediaSense rejected the user name or password"),
                code=code,
                detail=dialects.response_detail(payload),
                url=url,
            )
        self._raise_for_status(response, payload, url)
        if not strategy.uses_cookie:
            return _AuthSession(strategy.name, None, time.monotonic())
        jsessionid = response.cookies.get("JSESSIONID") or _cookie_from_headers(response)
        if not jsessionid:
            raise SessionCookieMissing(
                Message("error.no_cookie", "MediaSense accepted the sign-in but sent no JSESSIONID session cookie"),
                url=url,
            )
        return _AuthSession(strategy.name, jsessionid, time.monotonic())

    def _session_headers(self, session: _AuthSession | None) -> dict[str, str]:
        if session is None:
            return {}
        if session.jsessionid:
            # Cisco documents a JSESSIONID header; real clients send the cookie. Send both.
            return {"Cookie": f"JSESSIONID={session.jsessionid}", "JSESSIONID": session.jsessionid}
        return {"Authorization": self._basic()}

    def _basic(self) -> str:
        token = base64.b64encode(f"{self.config.username}:{self.config.password}".encode()).decode()
        return f"Basic {token}"

    def _remember(self, node: str, *, login: str | None = None, query: str | None = None) -> None:
        profile = self.profiles.setdefault(node, ServerProfile())
        changed = False
        if login and profile.login != login:
            profile.login, changed = login, True
        if query and profile.query != query:
            profile.query, changed = query, True
        if changed and self._on_profile:
            self._on_profile(node, replace(profile))

    # ---- failures -----------------------------------------------------------------------------

    def _transport_error(self, exc: httpx.HTTPError, url: str) -> MediaSenseError:
        tls = classify_tls_error(exc, url, pinned=self._trust.settings.mode == "pinned")
        if tls is not None:
            return tls
        host = urlsplit(url).hostname or url
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeout(
                Message(
                    "error.timeout",
                    "{host} did not answer within {seconds:g} s",
                    host=host,
                    seconds=self.config.timeout,
                ),
                url=url,
                detail=type(exc).__name__,
            )
        cause = _root_cause(exc)
        if isinstance(cause, socket.gaierror):
            return HostNotFound(
                Message("error.host_not_found", "The host name {host!r} could not be resolved", host=host),
                url=url,
                detail=str(cause),
            )
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(exc).lower():
            return ConnectionRefused(Message("error.refused", "{host} refused the connection", host=host), url=url)
        if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
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

    async def _prepare_tls(self, url: str) -> None:
        await self._trust.prepare(url, self.config.timeout)

    # ---- high-level calls ---------------------------------------------------------------------

    async def get_system_time(self) -> datetime:
        response = await self.request("GET", dialects.SYSTEM_TIME_PATH)
        ms = dialects.system_time_ms(response.payload)
        if ms is None:
            raise MalformedResponse(
                Message("error.no_system_time", "getSystemTime answered without currentSystemTime"),
                url=dialects.SYSTEM_TIME_PATH,
            )
        return from_ms(ms)

    async def query_sessions(
        self,
        window: TimeWindow,
        filters: SessionFilters | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
    ) -> SessionPage:
        """One page of sessions started in [window.start, window.end), oldest first."""
        from qms_desktop.mediasense.normalize import normalize_page

        filters = filters or SessionFilters()
        limit = max(1, min(limit, dialects.MAX_PAGE))
        for dialect in self._query_dialects():
            built = dialect.build(window, filters, offset, limit)
            try:
                response = await self.request(built.method, built.path, json=built.json)
            except EndpointNotFound:
                log.info("Query endpoint %s is not offered; trying the next one", built.path)
                continue
            self._remember(self.current_node, query=dialect.name)
            try:
                raw = dialect.read(response.payload, response.code, limit, offset)
            except ValueError as exc:
                raise MalformedResponse(
                    Message(
                        "error.unexpected_shape",
                        "MediaSense answered {path} in an unexpected shape: {reason}",
                        path=built.path,
                        reason=str(exc),
                    ),
                    url=built.path,
                    request_id=response.request_id,
                ) from exc
            records, rejected = normalize_page(raw.items, dialect.session_dialect)
            records = [r for r in records if _matches(r, filters, dialect.server_side_filters)]
            return SessionPage(records, rejected, offset, len(raw.items), raw.has_more, dialect.name)
        raise EndpointNotFound(
            Message(
                "error.no_query_endpoint",
                "{node} offers none of the session query endpoints QMS Desktop knows",
                node=self.current_node,
            ),
            url=self.current_node,
        )

    def _query_dialects(self) -> list[dialects.QueryDialect]:
        known = self.profiles.get(self.current_node)
        if known and known.query in QUERY_BY_NAME:
            first = QUERY_BY_NAME[known.query]
            return [first, *(d for d in QUERY_DIALECTS if d is not first)]
        return list(QUERY_DIALECTS)

    @property
    def query_dialect(self) -> str | None:
        profile = self.profiles.get(self.current_node)
        return profile.query if profile else None

    @property
    def login_strategy(self) -> str | None:
        profile = self.profiles.get(self.current_node)
        return profile.login if profile else None

    async def get_session(
        self, session_id: str, *, started: datetime | None = None
    ) -> SessionRecord | RejectedRecord | None:
        """Re-fetch one session (open sessions are followed until they close). None: unknown."""
        from qms_desktop.mediasense.normalize import normalize_session

        try:
            response = await self.request("GET", dialects.SESSION_BY_ID_PATH, params={"sessionId": session_id})
        except EndpointNotFound:
            if started is None:
                raise
            return await self._find_in_window(session_id, started)
        if response.code == dialects.NO_ROWS:
            return None
        try:
            items = dialects.sessions_from_lookup(response.payload)
        except ValueError as exc:
            raise MalformedResponse(f"getSessionBySessionId answered in an unexpected shape: {exc}") from exc
        for item in items:
            record = normalize_session(item, "cisco")
            if isinstance(record, RejectedRecord) or record.session_id == session_id:
                return record
        return None

    async def _find_in_window(self, session_id: str, started: datetime) -> SessionRecord | RejectedRecord | None:
        # Dialects without a lookup by id: query the millisecond the session started in.
        window = TimeWindow(started, started + timedelta(milliseconds=1))
        offset: int | None = 0
        while offset is not None:
            page = await self.query_sessions(window, offset=offset, limit=100)
            for record in page.records:
                if record.session_id == session_id:
                    return record
            for rejected in page.rejected:
                if rejected.session_id == session_id:
                    return rejected
            offset = page.next_offset
        return None

    # ---- media --------------------------------------------------------------------------------

    async def open_media(self, url: str, *, byte_range: str | None = None) -> MediaResponse:
        """Start a media download (Basic + JSESSIONID, as MediaSense's media service expects).

        404 means the media was pruned; 416 an unsatisfiable range. The caller must close it.
        """
        request_id = uuid.uuid4().hex[:12]
        node = self.current_node
        relogged = False
        while True:
            session = await self._with_retries(
                lambda n: self._ensure_login(n, request_id), "sign-in for media", request_id
            )
            node = self.current_node
            headers = {"Authorization": self._basic(), "X-Request-Id": request_id}
            if session.jsessionid:
                headers.update(self._session_headers(session))
                headers["Authorization"] = self._basic()
            if byte_range:
                headers["Range"] = byte_range
            await self._prepare_tls(url)
            started = time.perf_counter()
            request = self._http.build_request("GET", url, headers=headers)
            request.extensions["timeout"] = httpx.Timeout(self.config.timeout, read=self.config.media_timeout).as_dict()
            try:
                response = await self._http.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise self._transport_error(exc, url) from exc
            finally:
                self._http.cookies.clear()
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
                self._sessions.pop(node, None)
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


class _Undecodable:
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _retry_after(response: httpx.Response) -> float | None:
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


def _cookie_from_headers(response: httpx.Response) -> str | None:
    for header in response.headers.get_list("set-cookie"):
        name, _, rest = header.partition("=")
        if name.strip().upper() == "JSESSIONID":
            return rest.split(";", 1)[0].strip() or None
    return None


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


def _matches(record: SessionRecord, filters: SessionFilters, server_side: frozenset[str]) -> bool:
    """Apply, on normalized records, the filters the endpoint could not apply itself."""
    checks: list[bool] = []
    if filters.agent_id and "agent_id" not in server_side:
        checks.append(record.agent_id == filters.agent_id)
    if filters.direction and "direction" not in server_side:
        checks.append(record.direction == filters.direction)
    if filters.ani and "ani" not in server_side:
        checks.append(_number_matches(filters.ani, record.ani, record))
    if filters.dnis and "dnis" not in server_side:
        checks.append(_number_matches(filters.dnis, record.dnis, record))
    if filters.state and "state" not in server_side:
        checks.append(record.state == filters.state)
    return all(checks)


def _number_matches(wanted: str, value: str | None, record: SessionRecord) -> bool:
    # Cisco sessions carry numbers only as participants' device references.
    candidates = [value] if value else [p.device_ref for p in record.participants]
    return any(c and wanted in c for c in candidates)
