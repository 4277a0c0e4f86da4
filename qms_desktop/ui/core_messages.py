"""Translations of the Qt-free core's messages (connection test, MediaSense errors and their hints).

The core speaks English and tags each message with a stable code (qms_desktop.mediasense.messages.Message).
Here every code maps to the same English template as a literal, so pyside6-lupdate extracts it into the
"CoreMessages" context. Anything unknown — a message without a code, server-provided detail, or a core
template that no longer matches the one here — is shown in the core's English rather than mistranslated.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from qms_desktop.mediasense import diagnostics
from qms_desktop.mediasense.errors import MediaSenseError
from qms_desktop.mediasense.messages import JOINED, Message
from qms_desktop.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger("qms.ui")

CONTEXT = "CoreMessages"

STEP_NAMES: dict[str, str] = {
    diagnostics.STEP_URL: QT_TRANSLATE_NOOP("CoreMessages", "URL validation"),
    diagnostics.STEP_AUTH: QT_TRANSLATE_NOOP("CoreMessages", "Authentication"),
    diagnostics.STEP_API: QT_TRANSLATE_NOOP("CoreMessages", "API access"),
}

# code -> the core's English template, verbatim (placeholders and format specs included).
SOURCES: dict[str, str] = {
    # URL validation (diagnostics.validate_urls)
    "url.none": QT_TRANSLATE_NOOP("CoreMessages", "No MediaSense URL is configured"),
    "url.scheme": QT_TRANSLATE_NOOP(
        "CoreMessages", "{url!r} must start with https:// (for example https://mediasense.example:8440)"
    ),
    "url.no_host": QT_TRANSLATE_NOOP("CoreMessages", "{url!r} has no host name"),
    "url.bad_port": QT_TRANSLATE_NOOP("CoreMessages", "{url!r} has an invalid port"),
    "url.plain_http": QT_TRANSLATE_NOOP(
        "CoreMessages", "{url} uses plain HTTP: MediaSense's API is HTTPS-only (port 8440)"
    ),
    "url.no_port": QT_TRANSLATE_NOOP(
        "CoreMessages", "{url} names no port: the MediaSense API normally listens on 8440"
    ),
    "url.path": QT_TRANSLATE_NOOP(
        "CoreMessages", "{url} has a path; use the server's root URL, for example https://host:8440"
    ),
    "url.credentials": QT_TRANSLATE_NOOP(
        "CoreMessages", "{host}: put the user name and password in their own fields, not in the URL"
    ),
    # Step messages and the result's summary (diagnostics.test_connection)
    "step.signed_in": QT_TRANSLATE_NOOP("CoreMessages", "Signed in with {method}"),
    "login.cisco": QT_TRANSLATE_NOOP("CoreMessages", "signIn (MediaSense session)"),
    "login.spec": QT_TRANSLATE_NOOP("CoreMessages", "login (session cookie)"),
    "login.basic": QT_TRANSLATE_NOOP("CoreMessages", "Basic authentication"),
    "step.server_time": QT_TRANSLATE_NOOP("CoreMessages", "server time {time}"),
    "step.no_system_time": QT_TRANSLATE_NOOP("CoreMessages", "getSystemTime not offered (clock skew unknown)"),
    "step.system_time_failed": QT_TRANSLATE_NOOP("CoreMessages", "getSystemTime failed: {error}"),
    "step.query_failed": QT_TRANSLATE_NOOP("CoreMessages", "Session query failed: {error}"),
    "step.query_ok": QT_TRANSLATE_NOOP(
        "CoreMessages", "session query via {dialect} ({count} in the last hour, first page of 1)"
    ),
    "result.ok": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense connection successful"),
    "result.url_invalid": QT_TRANSLATE_NOOP("CoreMessages", "The MediaSense URL is not valid"),
    "result.auth_failed": QT_TRANSLATE_NOOP("CoreMessages", "Authentication failed: {error}"),
    "result.api_failed": QT_TRANSLATE_NOOP("CoreMessages", "API access failed: {error}"),
    "result.no_connection": QT_TRANSLATE_NOOP("CoreMessages", "Could not connect to MediaSense: {error}"),
    "result.no_trusted_connection": QT_TRANSLATE_NOOP(
        "CoreMessages", "Could not open a trusted connection to MediaSense: {error}"
    ),
    # Failure categories (mediasense.categories)
    "category.refused": QT_TRANSLATE_NOOP("CoreMessages", "Connection refused"),
    "category.dns": QT_TRANSLATE_NOOP("CoreMessages", "Host name not found"),
    "category.timeout": QT_TRANSLATE_NOOP("CoreMessages", "No answer in time"),
    "category.unreachable": QT_TRANSLATE_NOOP("CoreMessages", "Network failure"),
    "category.tls_handshake": QT_TRANSLATE_NOOP("CoreMessages", "TLS handshake failed"),
    "category.tls_certificate": QT_TRANSLATE_NOOP("CoreMessages", "Certificate not trusted"),
    "category.fingerprint_changed": QT_TRANSLATE_NOOP("CoreMessages", "Certificate changed"),
    "category.auth": QT_TRANSLATE_NOOP("CoreMessages", "Sign-in rejected"),
    "category.permission": QT_TRANSLATE_NOOP("CoreMessages", "Not allowed"),
    "category.api_version": QT_TRANSLATE_NOOP("CoreMessages", "API not offered"),
    "category.server": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense server problem"),
    "category.configuration": QT_TRANSLATE_NOOP("CoreMessages", "Settings incomplete"),
    "category.other": QT_TRANSLATE_NOOP("CoreMessages", "Request refused"),
    # Recommendations (diagnostics.recommendations_for and the clock check)
    "advice.port": QT_TRANSLATE_NOOP(
        "CoreMessages", "Check the port: the MediaSense API uses 8440 (HTTPS), the media service 8446"
    ),
    "advice.dns": QT_TRANSLATE_NOOP("CoreMessages", "Check DNS on this computer, or enter the server's IP address"),
    "advice.firewall": QT_TRANSLATE_NOOP(
        "CoreMessages", "A firewall may drop the traffic: check that port 8440 is open from this computer"
    ),
    "advice.timed_out": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The connection to {host}:{port} timed out: check that a firewall or VPN lets this computer reach port "
        "{port}, that the MediaSense service listens on it, and whether the server is overloaded",
    ),
    "advice.https_port": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Check that the URL names the HTTPS port: the MediaSense API uses 8440, the media service 8446",
    ),
    "advice.search_and_play": QT_TRANSLATE_NOOP(
        "CoreMessages", "Try signing in to MediaSense's Search and Play with the same user to confirm the password"
    ),
    "advice.api_user": QT_TRANSLATE_NOOP("CoreMessages", "In MediaSense administration, add the user to the API users"),
    "advice.version": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The server may run another MediaSense version: check the version, and that the URL is the "
        "server's root (https://host:8440) without a path",
    ),
    "advice.pin_expired": QT_TRANSLATE_NOOP(
        "CoreMessages", "Until it is renewed you can pin the current certificate's fingerprint after checking it"
    ),
    "advice.compare_fingerprint": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Compare the certificate's fingerprint shown below with the one on the MediaSense server, then pin "
        "it; allowing any certificate is possible for a test but leaves the connection open to interception",
    ),
    "advice.renewed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Ask the MediaSense administrator whether the certificate was renewed before trusting it"
    ),
    "advice.network": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Check the network between this computer and MediaSense (VPN, proxy, firewall), then test again",
    ),
    "advice.fingerprint_changed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Do not connect until the MediaSense administrator has read the certificate's fingerprint on the server: "
        "pin the one shown below only if the two match",
    ),
    "advice.clock_skew": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The server clock differs from this computer's by {seconds:.0f} s: "
        "synchronize both with NTP, or recent calls may be missed",
    ),
    # Error messages (mediasense.client and mediasense.tls)
    "error.rejected_after_relogin": QT_TRANSLATE_NOOP(
        "CoreMessages", "MediaSense rejected the credentials after signing in again"
    ),
    "error.fresh_session_rejected": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense rejected a fresh session"),
    "error.invalid_json": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense answered {path} with invalid JSON ({reason})"),
    "error.no_endpoint": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense has no {path} (HTTP {status})"),
    "error.http_403": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense refused access (HTTP 403)"),
    "error.http_429": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense is rate limiting requests (HTTP 429)"),
    "error.http_status": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense answered HTTP {status}"),
    "error.too_many_requests": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense has too many concurrent requests"),
    "error.request_refused": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense refused the request"),
    "error.no_login_method": QT_TRANSLATE_NOOP(
        "CoreMessages", "{node} offers none of the login methods QMS Desktop knows (signIn, login, Basic)"
    ),
    "error.credentials_rejected": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense rejected the user name or password"),
    "error.user_forbidden": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense refused this user access to the API"),
    "error.busy": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense is busy"),
    "error.no_cookie": QT_TRANSLATE_NOOP(
        "CoreMessages", "MediaSense accepted the sign-in but sent no JSESSIONID session cookie"
    ),
    "error.timeout": QT_TRANSLATE_NOOP("CoreMessages", "{host} did not answer within {seconds:g} s"),
    "error.connect_timeout": QT_TRANSLATE_NOOP(
        "CoreMessages", "The connection to {host} timed out after {seconds:g} s"
    ),
    "error.tls_handshake_timeout": QT_TRANSLATE_NOOP(
        "CoreMessages", "{host} accepted the connection but the TLS handshake timed out after {seconds:g} s"
    ),
    "error.host_not_found": QT_TRANSLATE_NOOP("CoreMessages", "The host name {host!r} could not be resolved"),
    "error.refused": QT_TRANSLATE_NOOP("CoreMessages", "{host} refused the connection"),
    "error.broke_off": QT_TRANSLATE_NOOP("CoreMessages", "The connection to {host} broke off: {reason}"),
    "error.unreachable": QT_TRANSLATE_NOOP("CoreMessages", "Could not reach {host}: {reason}"),
    "error.no_system_time": QT_TRANSLATE_NOOP("CoreMessages", "getSystemTime answered without currentSystemTime"),
    "error.unexpected_shape": QT_TRANSLATE_NOOP(
        "CoreMessages", "MediaSense answered {path} in an unexpected shape: {reason}"
    ),
    "error.lookup_window_unsure": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "MediaSense did not return session {session_id} by id ({why}), and its answer for the "
        "window around the session's start could not be read in full; the session is kept as stored",
    ),
    "error.no_query_endpoint": QT_TRANSLATE_NOOP(
        "CoreMessages", "{node} offers none of the session query endpoints QMS Desktop knows"
    ),
    "error.fingerprint_mismatch": QT_TRANSLATE_NOOP(
        "CoreMessages", "The server's certificate does not match the pinned one ({reason})"
    ),
    "error.fingerprint_changed": QT_TRANSLATE_NOOP(
        "CoreMessages", "{host}:{port} presented a certificate other than the pinned one"
    ),
    "error.cert_expired": QT_TRANSLATE_NOOP("CoreMessages", "The server certificate has expired ({reason})"),
    "error.cert_host": QT_TRANSLATE_NOOP(
        "CoreMessages", "The server certificate does not match the host name ({reason})"
    ),
    "error.cert_untrusted": QT_TRANSLATE_NOOP("CoreMessages", "The server certificate is not trusted ({reason})"),
    "error.cert_unverified": QT_TRANSLATE_NOOP(
        "CoreMessages", "The server certificate could not be verified ({reason})"
    ),
    "error.tls_handshake": QT_TRANSLATE_NOOP("CoreMessages", "TLS handshake failed: {reason}"),
    # Media redirects (mediasense.download)
    "error.redirect_no_location": QT_TRANSLATE_NOOP(
        "CoreMessages", "The media service answered HTTP {status} without saying where to (no Location header)"
    ),
    "error.redirect_scheme": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The media server {host} redirected from {from_scheme} to {to_scheme}; the MediaSense "
        "credentials are not sent there",
    ),
    "error.redirect_other_host": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The media server {from_host} redirected to another host, {to_host}; the MediaSense "
        "credentials are not sent there",
    ),
    "error.too_many_redirects": QT_TRANSLATE_NOOP(
        "CoreMessages", "The media service redirected more than {limit} times"
    ),
    # Hints of the typed errors (mediasense.errors), keyed by the error's class name
    "hint.ConfigurationError": QT_TRANSLATE_NOOP("CoreMessages", "Check the MediaSense URL and connection settings"),
    "hint.ConnectionFailed": QT_TRANSLATE_NOOP(
        "CoreMessages", "Check that the MediaSense host and port are right and reachable from this computer"
    ),
    "hint.ConnectionRefused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Nothing accepts connections on that host and port: check the port (the API uses 8440) "
        "and that the MediaSense API service is running",
    ),
    "hint.HostNotFound": QT_TRANSLATE_NOOP(
        "CoreMessages", "The host name does not resolve: check its spelling or use the server's IP address"
    ),
    "hint.RequestTimeout": QT_TRANSLATE_NOOP(
        "CoreMessages", "The server did not answer in time: check firewalls and VPN, or raise the timeout"
    ),
    "hint.TlsError": QT_TRANSLATE_NOOP("CoreMessages", "Check the server certificate"),
    "hint.TlsHandshakeFailed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The server did not complete a TLS handshake: check that the port serves HTTPS (the API uses 8440, "
        "the media service 8446) and that the server accepts TLS 1.2 or later",
    ),
    "hint.CertificateExpired": QT_TRANSLATE_NOOP(
        "CoreMessages", "The server certificate has expired: ask the MediaSense administrator to renew it"
    ),
    "hint.CertificateUntrusted": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The certificate is not signed by a trusted authority (MediaSense uses a self-signed one by "
        "default): choose the CA file, or pin the certificate's fingerprint after checking it",
    ),
    "hint.CertificateHostMismatch": QT_TRANSLATE_NOOP(
        "CoreMessages", "The certificate was issued for another name: connect with the name it was issued for"
    ),
    "hint.FingerprintMismatch": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The server's certificate changed — possible interception; verify with the MediaSense administrator "
        "before accepting the new fingerprint",
    ),
    "hint.AuthenticationFailed": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Check the user name and password; the user must be a Unified CM end user enabled as a "
        "MediaSense API user (a password change in Unified CM can take minutes to apply)",
    ),
    "hint.AccessForbidden": QT_TRANSLATE_NOOP(
        "CoreMessages", "The user is known but not allowed: ask the administrator to enable it as a MediaSense API user"
    ),
    "hint.SessionCookieMissing": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "MediaSense accepted the password but sent no JSESSIONID cookie; check that no proxy strips "
        "Set-Cookie headers, or that the server's API session service is healthy",
    ),
    "hint.SessionExpired": QT_TRANSLATE_NOOP(
        "CoreMessages", "The MediaSense session keeps expiring: check the server's clock and the API service"
    ),
    "hint.EndpointNotFound": QT_TRANSLATE_NOOP(
        "CoreMessages", "This MediaSense version does not offer that API: check the version and the base URL"
    ),
    "hint.ServerBusy": QT_TRANSLATE_NOOP(
        "CoreMessages", "MediaSense is busy with too many requests: try again in a few minutes"
    ),
    "hint.ServerError": QT_TRANSLATE_NOOP(
        "CoreMessages", "MediaSense reported an internal error: check the server's health and try again later"
    ),
    "hint.ApiError": QT_TRANSLATE_NOOP("CoreMessages", "MediaSense refused the request; the detail says why"),
    "hint.MalformedResponse": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "MediaSense answered with data that is not valid JSON in the expected shape: check the server version",
    ),
    "hint.LookupUnconfirmed": QT_TRANSLATE_NOOP(
        "CoreMessages", "The session is kept as stored; the next sync checks it again"
    ),
    "hint.MediaNotFound": QT_TRANSLATE_NOOP(
        "CoreMessages", "The audio has been pruned from MediaSense (retention policy); the metadata remains"
    ),
    "hint.MediaUnavailable": QT_TRANSLATE_NOOP(
        "CoreMessages", "The recording has no playable media yet (the call may still be active)"
    ),
    "hint.RangeNotSatisfiable": QT_TRANSLATE_NOOP(
        "CoreMessages", "The requested byte range lies outside the recording"
    ),
    "hint.RedirectRefused": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "QMS Desktop follows media redirects only on the same host and scheme: ask the MediaSense "
        "administrator why the media service sends clients elsewhere",
    ),
    "hint.TooManyRedirects": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The media service keeps redirecting: check the MediaSense media service and any proxy in front of it",
    ),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def step_name(step: str) -> str:
    """A connection-test step's name (the core's STEP_* value) in the UI language."""
    source = STEP_NAMES.get(step)
    return _tr(source) if source else step


def text(message: object) -> str:
    """A core message in the UI language; the core's own text when it carries no known code."""
    if message is None:
        return ""
    if not isinstance(message, Message):
        return str(message)
    if message.code == JOINED:
        return message.separator.join(text(part) for part in message.parts)
    source = SOURCES.get(message.code)
    if source is None or source != message.template:  # unknown, or the core's wording changed: stay exact
        return str(message)
    return _format(_tr(source), message.args, str(message))


def hint(error_type: str, english: str) -> str:
    """An error's hint by its class name; a hint set on the instance (not the class's) stays English."""
    source = SOURCES.get(f"hint.{error_type}")
    return _tr(source) if source is not None and source == english else english


def summary(result: diagnostics.ConnectionTestResult) -> str:
    """A failed connection test in one line: its category, then what happened."""
    message = text(result.message)
    if result.category is None:
        return message
    return _tr(QT_TRANSLATE_NOOP("CoreMessages", "{category} — {message}")).format(
        category=text(result.category.title), message=message
    )


def error_text(error: MediaSenseError) -> str:
    """Like str(error) — message, response code, server detail (verbatim) and hint — in the UI language."""
    result = text(error.message)
    if error.code is not None:
        result += _tr(QT_TRANSLATE_NOOP("CoreMessages", " (responseCode {code})")).format(code=error.code)
    if error.detail:
        result += f": {error.detail}"
    if error.hint:
        result += f". {hint(type(error).__name__, error.hint)}"
    return result


def _format(template: str, args: Mapping[str, Any], fallback: str) -> str:
    values = {key: text(value) if isinstance(value, Message) else value for key, value in args.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as exc:  # a translation with a broken placeholder
        log.warning("Untranslatable core message %r: %s", fallback, exc)
        return fallback
