"""One taxonomy of MediaSense failures, whatever the TLS mode (system CAs, a CA file, a pinned certificate).

Every typed error (`mediasense.errors`) falls into one category with its own title and advice. The
connection test reports the category, the CLI prints it (text and JSON) and the GUI shows it, so the
same failure reads the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms_desktop.mediasense.errors import (
    AccessForbidden,
    AuthenticationFailed,
    CertificateExpired,
    CertificateHostMismatch,
    CertificateUntrusted,
    ConfigurationError,
    ConnectionFailed,
    ConnectionRefused,
    EndpointNotFound,
    FingerprintMismatch,
    HostNotFound,
    MalformedResponse,
    MediaSenseError,
    RequestTimeout,
    ServerBusy,
    ServerError,
    SessionCookieMissing,
    TlsError,
    TlsHandshakeFailed,
)
from qms_desktop.mediasense.messages import Message

REFUSED = "refused"
DNS = "dns"
TIMEOUT = "timeout"
UNREACHABLE = "unreachable"
TLS_HANDSHAKE = "tls-handshake"
TLS_CERTIFICATE = "tls-certificate"
FINGERPRINT_CHANGED = "fingerprint-changed"
AUTH = "auth"
PERMISSION = "permission"
API_VERSION = "api-version"
SERVER = "server"
CONFIGURATION = "configuration"
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Category:
    key: str  # stable, for scripts: one of the constants above
    title: Message  # a short name a person reads
    advice: Message | None  # the first thing to do about it (None: the error's own hint says it all)


_CATEGORIES: dict[str, Category] = {
    c.key: c
    for c in (
        Category(
            REFUSED,
            Message("category.refused", "Connection refused"),
            Message("advice.port", "Check the port: the MediaSense API uses 8440 (HTTPS), the media service 8446"),
        ),
        Category(
            DNS,
            Message("category.dns", "Host name not found"),
            Message("advice.dns", "Check DNS on this computer, or enter the server's IP address"),
        ),
        Category(
            TIMEOUT,
            Message("category.timeout", "No answer in time"),
            Message(
                "advice.firewall", "A firewall may drop the traffic: check that port 8440 is open from this computer"
            ),
        ),
        Category(
            UNREACHABLE,
            Message("category.unreachable", "Network failure"),
            Message(
                "advice.network",
                "Check the network between this computer and MediaSense (VPN, proxy, firewall), then test again",
            ),
        ),
        Category(
            TLS_HANDSHAKE,
            Message("category.tls_handshake", "TLS handshake failed"),
            Message(
                "advice.https_port",
                "Check that the URL names the HTTPS port: the MediaSense API uses 8440, the media service 8446",
            ),
        ),
        Category(
            TLS_CERTIFICATE,
            Message("category.tls_certificate", "Certificate not trusted"),
            Message(
                "advice.compare_fingerprint",
                "Compare the certificate's fingerprint shown below with the one on the MediaSense server, then pin "
                "it; allowing any certificate is possible for a test but leaves the connection open to interception",
            ),
        ),
        Category(
            FINGERPRINT_CHANGED,
            Message("category.fingerprint_changed", "Certificate changed"),
            Message(
                "advice.fingerprint_changed",
                "Do not connect until the MediaSense administrator has read the certificate's fingerprint on the "
                "server: pin the one shown below only if the two match",
            ),
        ),
        Category(
            AUTH,
            Message("category.auth", "Sign-in rejected"),
            Message(
                "advice.search_and_play",
                "Try signing in to MediaSense's Search and Play with the same user to confirm the password",
            ),
        ),
        Category(
            PERMISSION,
            Message("category.permission", "Not allowed"),
            Message("advice.api_user", "In MediaSense administration, add the user to the API users"),
        ),
        Category(
            API_VERSION,
            Message("category.api_version", "API not offered"),
            Message(
                "advice.version",
                "The server may run another MediaSense version: check the version, and that the URL is the "
                "server's root (https://host:8440) without a path",
            ),
        ),
        Category(
            SERVER,
            Message("category.server", "MediaSense server problem"),
            None,
        ),
        Category(
            CONFIGURATION,
            Message("category.configuration", "Settings incomplete"),
            None,
        ),
        Category(
            OTHER,
            Message("category.other", "Request refused"),
            None,
        ),
    )
}

# Most specific first: a subclass before its base.
_BY_TYPE: tuple[tuple[type[MediaSenseError], str], ...] = (
    (ConnectionRefused, REFUSED),
    (HostNotFound, DNS),
    (RequestTimeout, TIMEOUT),
    (ConnectionFailed, UNREACHABLE),
    (FingerprintMismatch, FINGERPRINT_CHANGED),
    (TlsHandshakeFailed, TLS_HANDSHAKE),
    (CertificateExpired, TLS_CERTIFICATE),
    (CertificateUntrusted, TLS_CERTIFICATE),
    (CertificateHostMismatch, TLS_CERTIFICATE),
    (TlsError, TLS_CERTIFICATE),
    (SessionCookieMissing, SERVER),
    (AuthenticationFailed, AUTH),
    (AccessForbidden, PERMISSION),
    (EndpointNotFound, API_VERSION),
    (MalformedResponse, API_VERSION),
    (ServerBusy, SERVER),
    (ServerError, SERVER),
    (ConfigurationError, CONFIGURATION),
)


def category_of(error: MediaSenseError) -> Category:
    for kind, key in _BY_TYPE:
        if isinstance(error, kind):
            return _CATEGORIES[key]
    return _CATEGORIES[OTHER]


def category(key: str) -> Category:
    return _CATEGORIES[key]


ALL_KEYS = tuple(_CATEGORIES)
