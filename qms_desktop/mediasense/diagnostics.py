"""The three-step connection test of the specification: URL validation, authentication, API access.

Each step reports status, duration and error; failures come with concrete recommendations. The
result has the specification's shape `{success, message, details[], recommendations[]}` and also
tells the server's clock skew and which login method and query endpoint worked.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from qms_desktop.domain.time import TimeWindow
from qms_desktop.mediasense.categories import CONFIGURATION, Category, category, category_of
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.errors import (
    CertificateExpired,
    ConnectionFailed,
    EndpointNotFound,
    MediaSenseError,
    RequestTimeout,
    TlsError,
)
from qms_desktop.mediasense.messages import Message, hint_of
from qms_desktop.mediasense.tls import CertificateInfo, fetch_certificate

STEP_URL = "URL Validation"
STEP_AUTH = "Authentication"
STEP_API = "API Access"
STEPS = (STEP_URL, STEP_AUTH, STEP_API)

# A skew larger than this makes time windows unreliable: say so.
CLOCK_SKEW_WARNING_MS = 60_000


@dataclass(slots=True)
class StepResult:
    step: str
    status: str = "pending"  # pending -> running -> ok | failed | skipped
    duration_ms: int | None = None
    message: str = ""
    error: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"step": self.step, "status": self.status}
        if self.duration_ms is not None:
            data["duration"] = self.duration_ms
        if self.message:
            data["message"] = self.message
        if self.error:
            data["error"] = self.error
        return data


@dataclass(slots=True)
class ConnectionTestResult:
    success: bool
    message: str
    details: list[StepResult]
    recommendations: list[str] = field(default_factory=list)
    server_time: datetime | None = None
    clock_skew_ms: int | None = None
    login_method: str | None = None
    query_dialect: str | None = None
    node: str | None = None
    certificate: CertificateInfo | None = None
    category: Category | None = None  # what kind of failure (None when it passed, or the URL was invalid)

    @property
    def failed_step(self) -> StepResult | None:
        return next((step for step in self.details if step.status == "failed"), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "success": self.success,
            "message": self.message,
            "category": self.category.key if self.category else None,
            "categoryTitle": self.category.title if self.category else None,
            "details": [d.to_dict() for d in self.details],
            "recommendations": self.recommendations,
            "serverTime": self.server_time.isoformat() if self.server_time else None,
            "clockSkewMs": self.clock_skew_ms,
            "loginMethod": self.login_method,
            "queryDialect": self.query_dialect,
            "node": self.node,
            "certificate": self.certificate.to_dict() if self.certificate else None,
        }


StepCallback = Callable[[StepResult], None]


def validate_urls(urls: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Problems (fatal) and advice (not fatal) about the configured URLs."""
    problems: list[str] = []  # Messages: see qms_desktop.mediasense.messages
    advice: list[str] = []
    if not urls:
        problems.append(Message("url.none", "No MediaSense URL is configured"))
    for url in urls:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https"):
            problems.append(
                Message(
                    "url.scheme",
                    "{url!r} must start with https:// (for example https://mediasense.example:8440)",
                    url=url,
                )
            )
            continue
        if not parts.hostname:
            problems.append(Message("url.no_host", "{url!r} has no host name", url=url))
            continue
        try:
            port = parts.port
        except ValueError:
            problems.append(Message("url.bad_port", "{url!r} has an invalid port", url=url))
            continue
        if parts.scheme == "http":
            advice.append(
                Message("url.plain_http", "{url} uses plain HTTP: MediaSense's API is HTTPS-only (port 8440)", url=url)
            )
        if port is None:
            advice.append(
                Message("url.no_port", "{url} names no port: the MediaSense API normally listens on 8440", url=url)
            )
        if parts.path not in ("", "/"):
            advice.append(
                Message(
                    "url.path", "{url} has a path; use the server's root URL, for example https://host:8440", url=url
                )
            )
        if parts.username or parts.password:
            problems.append(
                Message(
                    "url.credentials",
                    "{host}: put the user name and password in their own fields, not in the URL",
                    host=parts.hostname,
                )
            )
    return problems, advice


def recommendations_for(error: MediaSenseError) -> list[str]:
    """What to do about a failure (Messages): the error's own hint, then its category's advice
    (`categories`), the same whatever the TLS mode. A timeout's advice names the host and port."""
    items: list[str] = [hint_of(error)] if error.hint else []
    kind = category_of(error)
    if isinstance(error, RequestTimeout):
        items.append(_timeout_advice(error))
    elif isinstance(error, CertificateExpired):
        items.append(
            Message(
                "advice.pin_expired",
                "Until it is renewed you can pin the current certificate's fingerprint after checking it",
            )
        )
    elif kind.advice is not None:
        items.append(kind.advice)
    return items


def _timeout_advice(error: RequestTimeout) -> Message:
    """A timeout is no certificate problem: name the host and port that timed out and what to check."""
    parts = urlsplit(error.url or "")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = None
    if not parts.hostname or port is None:
        return Message(
            "advice.firewall", "A firewall may drop the traffic: check that port 8440 is open from this computer"
        )
    return Message(
        "advice.timed_out",
        "The connection to {host}:{port} timed out: check that a firewall or VPN lets this computer reach port "
        "{port}, that the MediaSense service listens on it, and whether the server is overloaded",
        host=parts.hostname,
        port=port,
    )


async def test_connection(
    config: ClientConfig,
    *,
    on_step: StepCallback | None = None,
    client_factory: Callable[[ClientConfig], MediaSenseClient] = MediaSenseClient,
) -> ConnectionTestResult:
    """Run the three steps in order; a failed step skips the ones after it. Cancellable."""
    steps = [StepResult(name) for name in STEPS]
    result = ConnectionTestResult(False, "", steps)

    def begin(step: StepResult) -> float:
        step.status = "running"
        _notify(on_step, step)
        return time.perf_counter()

    def finish(
        step: StepResult, started: float, status: str, message: str, error: MediaSenseError | None = None
    ) -> None:
        step.status = status
        step.duration_ms = int((time.perf_counter() - started) * 1000)
        step.message = message
        step.error = {**error.to_dict(), "category": category_of(error).key} if error else None
        _notify(on_step, step)

    def skip_rest(after: int) -> None:
        for step in steps[after + 1 :]:
            step.status = "skipped"
            _notify(on_step, step)

    # 1. URL validation
    started = begin(steps[0])
    problems, advice = validate_urls(config.urls)
    result.recommendations.extend(advice)
    if problems:
        finish(steps[0], started, "failed", Message.joined("; ", problems))
        skip_rest(0)
        result.category = category(CONFIGURATION)
        result.message = Message("result.url_invalid", "The MediaSense URL is not valid")
        return result
    finish(steps[0], started, "ok", ", ".join(config.urls))

    client = client_factory(config)
    try:
        # 2. Authentication
        started = begin(steps[1])
        try:
            method = await client.login()
        except MediaSenseError as error:
            finish(steps[1], started, "failed", error.message, error)
            skip_rest(1)
            result.category = category_of(error)
            result.recommendations.extend(recommendations_for(error))
            if isinstance(error, TlsError):
                result.certificate = await _presented_certificate(client.current_node, config.timeout)
            if isinstance(error, ConnectionFailed):  # no answer at all: not the credentials' fault
                result.message = Message(
                    "result.no_connection", "Could not connect to MediaSense: {error}", error=error.message
                )
            elif isinstance(error, TlsError):  # no trusted connection: the password was never sent
                result.message = Message(
                    "result.no_trusted_connection",
                    "Could not open a trusted connection to MediaSense: {error}",
                    error=error.message,
                )
            else:
                result.message = Message("result.auth_failed", "Authentication failed: {error}", error=error.message)
            result.node = client.current_node
            return result
        result.login_method = method
        result.node = client.current_node
        finish(
            steps[1], started, "ok", Message("step.signed_in", "Signed in with {method}", method=_login_name(method))
        )

        # 3. API access: server time (for the clock skew), then one row of sessions.
        started = begin(steps[2])
        notes: list[str] = []
        try:
            sent = datetime.now(UTC)
            server_time = await client.get_system_time()
            received = datetime.now(UTC)
            local_mid = sent + (received - sent) / 2
            result.server_time = server_time
            result.clock_skew_ms = int((server_time - local_mid).total_seconds() * 1000)
            notes.append(
                Message("step.server_time", "server time {time}", time=server_time.isoformat(timespec="seconds"))
            )
            if abs(result.clock_skew_ms) > CLOCK_SKEW_WARNING_MS:
                result.recommendations.append(
                    Message(
                        "advice.clock_skew",
                        "The server clock differs from this computer's by {seconds:.0f} s: "
                        "synchronize both with NTP, or recent calls may be missed",
                        seconds=result.clock_skew_ms / 1000,
                    )
                )
        except EndpointNotFound:
            notes.append(Message("step.no_system_time", "getSystemTime not offered (clock skew unknown)"))
        except MediaSenseError as error:
            finish(
                steps[2],
                started,
                "failed",
                Message("step.system_time_failed", "getSystemTime failed: {error}", error=error.message),
                error,
            )
            result.category = category_of(error)
            result.recommendations.extend(recommendations_for(error))
            result.message = Message("result.api_failed", "API access failed: {error}", error=error.message)
            return result
        try:
            now = datetime.now(UTC)
            page = await client.query_sessions(TimeWindow(now - timedelta(hours=1), now), limit=1)
        except MediaSenseError as error:
            finish(
                steps[2],
                started,
                "failed",
                Message("step.query_failed", "Session query failed: {error}", error=error.message),
                error,
            )
            result.category = category_of(error)
            result.recommendations.extend(recommendations_for(error))
            result.message = Message("result.api_failed", "API access failed: {error}", error=error.message)
            return result
        result.query_dialect = page.dialect
        notes.append(
            Message(
                "step.query_ok",
                "session query via {dialect} ({count} in the last hour, first page of 1)",
                dialect=page.dialect,
                count=page.raw_count,
            )
        )
        finish(steps[2], started, "ok", Message.joined("; ", notes))
    finally:
        await client.aclose()

    result.success = True
    result.message = Message("result.ok", "MediaSense connection successful")
    return result


_LOGIN_NAMES = {
    "cisco": "signIn (MediaSense session)",
    "spec": "login (session cookie)",
    "basic": "Basic authentication",
}


def _login_name(method: str) -> str:
    name = _LOGIN_NAMES.get(method)
    return Message(f"login.{method}", name) if name else method


def _notify(callback: StepCallback | None, step: StepResult) -> None:
    if callback is not None:
        callback(StepResult(step.step, step.status, step.duration_ms, step.message, step.error))


async def _presented_certificate(url: str, timeout: float) -> CertificateInfo | None:
    """Fetch the certificate so the admin can compare its fingerprint before pinning it."""
    try:
        return await fetch_certificate(url, timeout)
    except (MediaSenseError, OSError, ValueError):
        return None
