"""Credentials and JSESSIONID sessions with MediaSense's 30-minute idle expiry (simulator clock)."""

from __future__ import annotations

import base64
import binascii
import secrets
import threading

from aiohttp import web

from qms_desktop.simulator.clock import SimClock
from qms_desktop.simulator.faults import Faults

IDLE_TIMEOUT_MS = 30 * 60_000
COOKIE = "JSESSIONID"


class SessionStore:
    def __init__(self, clock: SimClock, faults: Faults, username: str, password: str) -> None:
        self._clock = clock
        self._faults = faults
        self.username = username
        self.password = password
        self._last_used: dict[str, int] = {}
        self._lock = threading.Lock()

    def credentials_ok(self, username: object, password: object) -> bool:
        return secrets.compare_digest(str(username), self.username) and secrets.compare_digest(
            str(password), self.password
        )

    def open(self) -> str:
        token = secrets.token_hex(16).upper()
        with self._lock:
            self._last_used[token] = self._clock.now_ms()
        return token

    def close(self, token: str | None) -> None:
        with self._lock:
            self._last_used.pop(token or "", None)

    def expire_all(self) -> None:
        with self._lock:
            self._last_used.clear()

    def touch(self, token: str | None) -> bool:
        """True when `token` is a live session (and mark it used); idle ones are dropped."""
        if not token:
            return False
        if self._faults.take_expiry():
            self.expire_all()
        now = self._clock.now_ms()
        with self._lock:
            last = self._last_used.get(token)
            if last is None:
                return False
            if now - last > IDLE_TIMEOUT_MS:
                del self._last_used[token]
                return False
            self._last_used[token] = now
            return True

    def valid_without_touch(self, token: str | None) -> bool:
        now = self._clock.now_ms()
        with self._lock:
            last = self._last_used.get(token or "")
            return last is not None and now - last <= IDLE_TIMEOUT_MS


def session_token(request: web.Request) -> str | None:
    """JSESSIONID from the cookie or, as Cisco's examples show, from a header of that name."""
    return request.cookies.get(COOKIE) or request.headers.get(COOKIE)


def basic_credentials(request: web.Request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def basic_ok(request: web.Request, store: SessionStore) -> bool:
    creds = basic_credentials(request)
    return creds is not None and store.credentials_ok(*creds)


def unauthorized(message: str = "authentication required") -> web.Response:
    return web.json_response(
        {"success": False, "error": message},
        status=401,
        headers={"WWW-Authenticate": 'Basic realm="MediaSense"'},
    )
