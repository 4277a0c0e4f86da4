"""Typed MediaSense errors. Every message says what happened and what a person can do about it."""

from __future__ import annotations

from qms_desktop.domain.urls import CredentialsInUrl, has_user_info, url_passwords


class MediaSenseError(Exception):
    """Base class. `hint` is the action a person can take; `code`/`detail` come from MediaSense."""

    hint: str = ""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        code: int | None = None,
        detail: str | None = None,
        status: int | None = None,
        url: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint
        self.code = code
        self.detail = detail
        self.status = status
        self.url = url
        self.request_id = request_id

    def __str__(self) -> str:
        text = self.message
        if self.code is not None:
            text += f" (responseCode {self.code})"
        if self.detail:
            text += f": {self.detail}"
        if self.hint:
            text += f". {self.hint}"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "type": type(self).__name__,
            "message": self.message,
            "hint": self.hint,
            "code": self.code,
            "detail": self.detail,
            "status": self.status,
            "url": self.url,
            "requestId": self.request_id,
        }


class ConfigurationError(MediaSenseError):
    hint = "Check the MediaSense URL and connection settings"


class ConnectionFailed(MediaSenseError):
    """Could not reach the server at all (refused, DNS, network)."""

    hint = "Check that the MediaSense host and port are right and reachable from this computer"


class ConnectionRefused(ConnectionFailed):
    hint = (
        "Nothing accepts connections on that host and port: check the port (the API uses 8440) "
        "and that the MediaSense API service is running"
    )


class HostNotFound(ConnectionFailed):
    hint = "The host name does not resolve: check its spelling or use the server's IP address"


class RequestTimeout(ConnectionFailed):
    hint = "The server did not answer in time: check firewalls and VPN, or raise the timeout"


class TlsError(MediaSenseError):
    hint = "Check the server certificate"


class TlsHandshakeFailed(TlsError):
    """The TLS handshake failed for a reason other than the certificate (protocol, cipher, not TLS)."""

    hint = (
        "The server did not complete a TLS handshake: check that the port serves HTTPS (the API uses 8440, "
        "the media service 8446) and that the server accepts TLS 1.2 or later"
    )


class CertificateExpired(TlsError):
    hint = "The server certificate has expired: ask the MediaSense administrator to renew it"


class CertificateUntrusted(TlsError):
    hint = (
        "The certificate is not signed by a trusted authority (MediaSense uses a self-signed one by "
        "default): choose the CA file, or pin the certificate's fingerprint after checking it"
    )


class CertificateHostMismatch(TlsError):
    hint = "The certificate was issued for another name: connect with the name it was issued for"


class FingerprintMismatch(TlsError):
    hint = (
        "The server's certificate changed — possible interception; verify with the MediaSense administrator "
        "before accepting the new fingerprint"
    )


class AuthenticationFailed(MediaSenseError):
    hint = (
        "Check the user name and password; the user must be a Unified CM end user enabled as a "
        "MediaSense API user (a password change in Unified CM can take minutes to apply)"
    )


class AccessForbidden(MediaSenseError):
    hint = "The user is known but not allowed: ask the administrator to enable it as a MediaSense API user"


class SessionCookieMissing(AuthenticationFailed):
    hint = (
        "MediaSense accepted the password but sent no JSESSIONID cookie; check that no proxy strips "
        "Set-Cookie headers, or that the server's API session service is healthy"
    )


class SessionExpired(MediaSenseError):
    """responseCode 4021 after the one transparent re-login."""

    hint = "The MediaSense session keeps expiring: check the server's clock and the API service"


class EndpointNotFound(MediaSenseError):
    hint = "This MediaSense version does not offer that API: check the version and the base URL"


class ServerBusy(MediaSenseError):
    """HTTP 429 or responseCode 5042 after all retries."""

    hint = "MediaSense is busy with too many requests: try again in a few minutes"


class ServerError(MediaSenseError):
    hint = "MediaSense reported an internal error: check the server's health and try again later"


class ApiError(MediaSenseError):
    """A logical failure reported inside an HTTP 200 (responseCode other than 2000/2001).

    `payload` is the answer's JSON object when there was one: some refusals carry data a caller
    needs (a repeated subscription carries the original subscriptionId)."""

    hint = "MediaSense refused the request; the detail says why"
    payload: object = None


class MalformedResponse(MediaSenseError):
    hint = "MediaSense answered with data that is not valid JSON in the expected shape: check the server version"


class LookupUnconfirmed(MediaSenseError):
    """MediaSense did not return a session by id, and nothing could confirm that it is gone."""

    hint = "The session is kept as stored; the next sync checks it again"


class MediaNotFound(MediaSenseError):
    """The recording's media is gone (pruned by the retention policy) or never existed."""

    hint = "The audio has been pruned from MediaSense (retention policy); the metadata remains"


class MediaUnavailable(MediaSenseError):
    hint = "The recording has no playable media yet (the call may still be active)"


class RangeNotSatisfiable(MediaSenseError):
    hint = "The requested byte range lies outside the recording"


class RedirectRefused(MediaSenseError):
    """The media service redirected to another host or scheme; the credentials are not sent there."""

    hint = (
        "QMS Desktop follows media redirects only on the same host and scheme: ask the MediaSense "
        "administrator why the media service sends clients elsewhere"
    )


class TooManyRedirects(MediaSenseError):
    hint = "The media service keeps redirecting: check the MediaSense media service and any proxy in front of it"


WHERE_MEDIASENSE_PASSWORD = (
    "Give the server as https://host:8440. The password is kept in the OS keyring: enter it in the password "
    "field of the Connection tab (`test-connection` reads it with --password-stdin); a headless service reads "
    "MEDIASENSE_PASSWORD. The user name has its own setting (MEDIASENSE_USERNAME, --user)."
)


def refuse_credentials(url: str, what: str = "The MediaSense URL") -> None:
    """CredentialsInUrl when `url` names a user or a password (`https://user:password@host`, or a
    password in its query)."""
    if has_user_info(url) or url_passwords(url):
        raise CredentialsInUrl(what, url, WHERE_MEDIASENSE_PASSWORD)
