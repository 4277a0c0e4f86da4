"""Signing in to MediaSense: login strategies, JSESSIONID sessions per node, re-login on expiry.

Strategies are tried in the order of `dialects.LOGIN_STRATEGIES` (signIn, login, Basic) and the one
that worked is remembered per node in a `ServerProfile`. A session that MediaSense reports expired
(HTTP 401 or responseCode 4021) is replaced by one transparent re-login.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import httpx

from qms_desktop.mediasense import dialects
from qms_desktop.mediasense.config import ClientConfig, ServerProfile
from qms_desktop.mediasense.dialects import LOGIN_BY_NAME, LOGIN_STRATEGIES
from qms_desktop.mediasense.errors import (
    AccessForbidden,
    AuthenticationFailed,
    EndpointNotFound,
    MediaSenseError,
    ServerBusy,
    SessionCookieMissing,
    SessionExpired,
)
from qms_desktop.mediasense.messages import Message
from qms_desktop.mediasense.transport import ApiResponse, Retryable, Transport, new_request_id, retry_after

log = logging.getLogger("qms.http")

SESSION_IDLE_LIMIT_S = 30 * 60  # MediaSense ends an API session after 30 idle minutes
SESSION_REUSE_MARGIN_S = 60  # re-login a minute early rather than race the server's expiry


@dataclass(slots=True)
class AuthSession:
    strategy: str
    jsessionid: str | None
    last_used: float


class SignIn:
    """The sessions held on each node, and the login strategy each node accepts."""

    def __init__(
        self,
        config: ClientConfig,
        transport: Transport,
        profiles: Mapping[str, ServerProfile] | None = None,
        on_profile: Callable[[str, ServerProfile], None] | None = None,
    ) -> None:
        self.config = config
        self._transport = transport
        self._sessions: dict[str, AuthSession] = {}
        self._login_locks: dict[str, asyncio.Lock] = {}
        self.profiles: dict[str, ServerProfile] = dict(profiles or {})
        self._on_profile = on_profile

    # ---- authenticated calls ------------------------------------------------------------------

    async def call(
        self,
        node: str,
        method: str,
        path: str,
        json: Any,
        params: Mapping[str, Any] | None,
        authenticated: bool,
        request_id: str,
        *,
        raw_sessions: bool = False,
    ) -> ApiResponse:
        """One API call on `node` with the node's session, signing in again once if it expired."""
        relogged = False
        while True:
            session = await self.ensure_login(node, request_id) if authenticated else None
            headers = self.headers(session) if session else {}
            response, payload, duration_ms = await self._transport.send(
                node, method, path, json=json, params=params, headers=headers, request_id=request_id,
                raw_sessions=raw_sessions,
            )  # fmt: skip
            code = dialects.response_code(payload)
            expired = response.status_code == 401 or code == dialects.INVALID_SESSION
            if expired and session is not None:
                self.forget(node)
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
            self._transport.raise_for_status(response, payload, node + path)
            if session is not None:
                session.last_used = time.monotonic()
            return ApiResponse(response.status_code, payload, code, request_id, duration_ms, node)

    # ---- sessions -----------------------------------------------------------------------------

    async def ensure_login(self, node: str, request_id: str) -> AuthSession:
        lock = self._login_locks.setdefault(node, asyncio.Lock())
        async with lock:  # concurrent callers share one login
            session = self._sessions.get(node)
            if session and time.monotonic() - session.last_used < SESSION_IDLE_LIMIT_S - SESSION_REUSE_MARGIN_S:
                return session
            self._sessions.pop(node, None)
            session = await self._login(node, request_id)
            self._sessions[node] = session
            return session

    def forget(self, node: str) -> None:
        """Drop the node's session (MediaSense no longer accepts it); the next call signs in."""
        self._sessions.pop(node, None)

    async def login(self) -> str:
        """Sign in now (used by the connection test); returns the strategy that worked."""
        request_id = new_request_id()

        async def sign_in(node: str) -> str:
            self.forget(node)
            return (await self.ensure_login(node, request_id)).strategy

        return await self._transport.with_retries(sign_in, "sign-in", request_id)

    async def sign_out_all(self) -> None:
        """Sign out where a session is held (best effort, briefly): MediaSense limits sessions."""
        for node, session in list(self._sessions.items()):
            if session.strategy == "cisco" and session.jsessionid:
                try:
                    await asyncio.wait_for(
                        self._transport.http.post(node + dialects.SIGN_OUT_PATH, headers=self.headers(session)),
                        2.0,
                    )
                except (httpx.HTTPError, TimeoutError, OSError):
                    pass
        self._sessions.clear()

    def headers(self, session: AuthSession | None) -> dict[str, str]:
        if session is None:
            return {}
        if session.jsessionid:
            # Cisco documents a JSESSIONID header; real clients send the cookie. Send both.
            return {"Cookie": f"JSESSIONID={session.jsessionid}", "JSESSIONID": session.jsessionid}
        return {"Authorization": self.basic()}

    def basic(self) -> str:
        token = base64.b64encode(f"{self.config.username}:{self.config.password}".encode()).decode()
        return f"Basic {token}"

    def remember(self, node: str, *, login: str | None = None, query: str | None = None) -> None:
        profile = self.profiles.setdefault(node, ServerProfile())
        changed = False
        if login and profile.login != login:
            profile.login, changed = login, True
        if query and profile.query != query:
            profile.query, changed = query, True
        if changed and self._on_profile:
            self._on_profile(node, replace(profile))

    # ---- login strategies ---------------------------------------------------------------------

    async def _login(self, node: str, request_id: str) -> AuthSession:
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
            self.remember(node, login=strategy.name)
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

    async def _login_with(self, node: str, strategy: dialects.LoginStrategy, request_id: str) -> AuthSession:
        headers: dict[str, str] = {}
        if not strategy.uses_cookie:
            headers["Authorization"] = self.basic()
        response, payload, _ = await self._transport.send(
            node,
            strategy.method,
            strategy.path,
            json=strategy.body(self.config.username, self.config.password),
            headers=headers,
            request_id=request_id,
        )
        url = node + strategy.path
        if response.status_code == 401:
            raise self._refused(
                AuthenticationFailed(
                    Message("error.credentials_rejected", "MediaSense rejected the user name or password"),
                    status=401,
                    url=url,
                ),
                strategy.name,
                request_id,
            )
        if response.status_code == 403:
            raise self._refused(
                AccessForbidden(
                    Message("error.user_forbidden", "MediaSense refused this user access to the API"),
                    status=403,
                    url=url,
                ),
                strategy.name,
                request_id,
            )
        code = dialects.response_code(payload)
        if response.status_code == 200 and code is not None and code != 2000:
            if code == dialects.TOO_MANY_REQUESTS:
                raise Retryable(
                    ServerBusy(Message("error.busy", "MediaSense is busy"), code=code, url=url),
                    retry_after=retry_after(response),
                    transient=True,
                )
            raise self._refused(
                AuthenticationFailed(
                    Message("error.credentials_rejected", "MediaSense rejected the user name or password"),
                    code=code,
                    detail=dialects.response_detail(payload),
                    url=url,
                ),
                strategy.name,
                request_id,
            )
        self._transport.raise_for_status(response, payload, url)
        if not strategy.uses_cookie:
            return AuthSession(strategy.name, None, time.monotonic())
        jsessionid = response.cookies.get("JSESSIONID") or _cookie_from_headers(response)
        if not jsessionid:
            raise SessionCookieMissing(
                Message("error.no_cookie", "MediaSense accepted the sign-in but sent no JSESSIONID session cookie"),
                url=url,
            )
        return AuthSession(strategy.name, jsessionid, time.monotonic())

    def _refused(self, error: MediaSenseError, strategy: str, request_id: str) -> MediaSenseError:
        """A sign-in MediaSense answered with a refusal: a warning with its code and what to do."""
        log.warning(
            "Sign-in (%s) as %s refused: %s",
            strategy,
            self.config.username,
            error,
            extra={
                "request_id": request_id,
                **({"status": error.status} if error.status is not None else {}),
                **({"response_code": error.code} if error.code is not None else {}),
            },
        )
        return error


def register_secret(password: str) -> None:
    """The integration log masks every occurrence of a registered secret, wherever it appears."""
    try:
        from qms_desktop import integration_log
    except ImportError:  # pragma: no cover - the log is part of the app
        return
    register = getattr(integration_log, "register_secret", None)
    if register and password:
        register(password)


def _cookie_from_headers(response: httpx.Response) -> str | None:
    for header in response.headers.get_list("set-cookie"):
        name, _, rest = header.partition("=")
        if name.strip().upper() == "JSESSIONID":
            return rest.split(";", 1)[0].strip() or None
    return None
