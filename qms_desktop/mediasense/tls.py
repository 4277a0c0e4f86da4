"""TLS for MediaSense: verification on by default, a custom CA, or a pinned certificate.

Pinning (trust on first use): the admin confirms a certificate's SHA-256 fingerprint once. Before the
first request to a host the client fetches the certificate the server presents, compares its
fingerprint with the pins and then trusts exactly that certificate for the handshake, so the
password is never sent to a server that cannot prove it holds the pinned certificate's key.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import socket
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from qms_desktop.mediasense.errors import (
    CertificateExpired,
    CertificateHostMismatch,
    CertificateUntrusted,
    ConnectionFailed,
    ConnectionRefused,
    FingerprintMismatch,
    HostNotFound,
    RequestTimeout,
    TlsError,
    TlsHandshakeFailed,
    refuse_credentials,
)
from qms_desktop.mediasense.messages import Message

# OpenSSL verify codes we translate into specific, actionable errors.
_EXPIRED = {10}  # X509_V_ERR_CERT_HAS_EXPIRED
_UNTRUSTED = {2, 18, 19, 20, 21, 27}  # self-signed, unknown issuer, untrusted root
_HOST_MISMATCH = {62}  # X509_V_ERR_HOSTNAME_MISMATCH


@dataclass(frozen=True, slots=True)
class TlsSettings:
    """How the client trusts the server. Defaults verify against the system's CAs."""

    verify: bool = True
    ca_file: str | None = None
    pinned_sha256: tuple[str, ...] = ()
    # An explicit admin choice: accept any certificate. Never a default.
    allow_self_signed: bool = False

    @property
    def mode(self) -> str:
        if self.allow_self_signed or not self.verify:
            return "insecure"
        if self.pinned_sha256:
            return "pinned"
        if self.ca_file:
            return "ca_file"
        return "system"


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    """What the admin is shown before pinning a certificate."""

    host: str
    port: int
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    sha256: str  # colon-separated upper-case hex, as certificate viewers show it
    self_signed: bool
    pem: str

    @property
    def expired(self) -> bool:
        return self.not_after < datetime.now(UTC)

    def to_dict(self) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "subject": self.subject,
            "issuer": self.issuer,
            "notBefore": self.not_before.isoformat(),
            "notAfter": self.not_after.isoformat(),
            "sha256": self.sha256,
            "selfSigned": self.self_signed,
            "expired": self.expired,
        }


def normalize_fingerprint(value: str) -> str:
    """'AB:cd:..' or 'abcd..' -> 'abcd..' (64 lower-case hex digits)."""
    digits = value.replace(":", "").replace(" ", "").strip().lower()
    if len(digits) != 64 or any(c not in "0123456789abcdef" for c in digits):
        raise ValueError("a SHA-256 fingerprint has 64 hexadecimal digits")
    return digits


def format_fingerprint(digits: str) -> str:
    digits = normalize_fingerprint(digits)
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2)).upper()


def certificate_info(der: bytes, host: str, port: int) -> CertificateInfo:
    cert = x509.load_der_x509_certificate(der)
    return CertificateInfo(
        host=host,
        port=port,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256=format_fingerprint(hashlib.sha256(der).hexdigest()),
        self_signed=cert.issuer == cert.subject,
        pem=cert.public_bytes(Encoding.PEM).decode("ascii"),
    )


def origin_of(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError(f"not a URL with a host: {url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port


async def fetch_certificate(url: str, timeout: float = 10.0) -> CertificateInfo:
    """The certificate a server presents, fetched without trusting it (for display and pinning).

    A failure is typed like a request's: refused, unknown host, a connection or a TLS handshake that
    timed out (RequestTimeout, never a certificate error), a handshake that failed."""
    refuse_credentials(url)
    host, port = origin_of(url)
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # we only read the certificate here; nothing is sent
    try:
        _reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    except TimeoutError as exc:
        raise timeout_error(url, timeout, stage="connect") from exc
    except OSError as exc:
        raise socket_error(exc, url) from exc
    try:
        await asyncio.wait_for(writer.start_tls(ctx, server_hostname=host), timeout)
    except TimeoutError as exc:
        writer.transport.abort()  # a peer that stalled the handshake would stall a polite close too
        raise timeout_error(url, timeout, stage="handshake") from exc
    except OSError as exc:  # ssl.SSLError included
        writer.transport.abort()
        raise classify_tls_error(exc, url, pinned=False) or socket_error(exc, url) from exc
    try:
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError, TimeoutError):
            await asyncio.wait_for(writer.wait_closed(), timeout)
    if not der:
        raise TlsError(f"{host}:{port} presented no certificate")
    return certificate_info(der, host, port)


def timeout_error(url: str, seconds: float, *, stage: str, detail: str | None = None) -> RequestTimeout:
    """A timeout, said as one: `stage` is "connect" (TCP), "handshake" (TLS) or "answer" (the reply)."""
    host = urlsplit(url).hostname or url
    if stage == "connect":
        message = Message(
            "error.connect_timeout",
            "The connection to {host} timed out after {seconds:g} s",
            host=host,
            seconds=seconds,
        )
    elif stage == "handshake":
        message = Message(
            "error.tls_handshake_timeout",
            "{host} accepted the connection but the TLS handshake timed out after {seconds:g} s",
            host=host,
            seconds=seconds,
        )
    else:
        message = Message("error.timeout", "{host} did not answer within {seconds:g} s", host=host, seconds=seconds)
    return RequestTimeout(message, url=url, detail=detail)


def socket_error(exc: BaseException, url: str) -> ConnectionFailed:
    """A connection that could not be made or broke off: unknown host, refused, or anything else."""
    host = urlsplit(url).hostname or url
    if isinstance(exc, socket.gaierror):
        return HostNotFound(
            Message("error.host_not_found", "The host name {host!r} could not be resolved", host=host),
            url=url,
            detail=str(exc),
        )
    if isinstance(exc, ConnectionRefusedError):
        return ConnectionRefused(Message("error.refused", "{host} refused the connection", host=host), url=url)
    return ConnectionFailed(
        Message(
            "error.unreachable", "Could not reach {host}: {reason}", host=host, reason=str(exc) or type(exc).__name__
        ),
        url=url,
    )


class TrustManager:
    """Builds the one SSLContext the shared HTTP client uses, and keeps pins in step with it."""

    def __init__(self, settings: TlsSettings) -> None:
        self.settings = settings
        self._pins = {normalize_fingerprint(p) for p in settings.pinned_sha256}
        self._checked: set[tuple[str, int]] = set()
        self.context = self._build_context()

    def _build_context(self) -> ssl.SSLContext | bool:
        s = self.settings
        if s.allow_self_signed or not s.verify:
            return False  # the admin explicitly chose to accept any certificate
        if self._pins:
            # Only the pinned certificates are trusted; the pin identifies the server, not its name.
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
            return ctx
        if s.ca_file:
            return ssl.create_default_context(cafile=s.ca_file)
        return ssl.create_default_context()

    async def prepare(self, url: str, timeout: float) -> None:
        """Before the first request to a host: check its certificate against the pins."""
        if not self._pins or not isinstance(self.context, ssl.SSLContext):
            return
        if urlsplit(url).scheme != "https":
            return
        origin = origin_of(url)
        if origin in self._checked:
            return
        info = await fetch_certificate(url, timeout)
        if normalize_fingerprint(info.sha256) not in self._pins:
            raise FingerprintMismatch(
                Message(
                    "error.fingerprint_changed",
                    "{host}:{port} presented a certificate other than the pinned one",
                    host=origin[0],
                    port=origin[1],
                ),
                url=url,
                detail=f"its SHA-256 fingerprint is {info.sha256}",
            )
        self.context.load_verify_locations(cadata=info.pem)
        self._checked.add(origin)


# Not failures of TLS itself: the handshake was waiting for the peer (a timeout wraps these), or the
# peer closed the connection mid-handshake (a connection that broke off, retried like one).
_WAITING = (ssl.SSLWantReadError, ssl.SSLWantWriteError)
_CLOSED = (ssl.SSLEOFError, ssl.SSLZeroReturnError, ssl.SSLSyscallError)


def classify_tls_error(exc: BaseException, url: str, pinned: bool) -> TlsError | None:
    """Walk an exception chain; a specific TLS error when TLS itself failed, else None.

    A timeout anywhere in the chain is not a TLS failure, even though a stalled handshake leaves an
    SSLWantReadError behind it: None, so the caller reports (and retries) a timeout. Only a failed
    verification says "certificate"; another handshake failure is `TlsHandshakeFailed`."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (TimeoutError, *_WAITING, *_CLOSED)):
            return None
        if isinstance(current, ssl.SSLCertVerificationError):
            return _verification_error(current, url, pinned)
        if isinstance(current, ssl.SSLError):
            return TlsHandshakeFailed(
                Message("error.tls_handshake", "TLS handshake failed: {reason}", reason=str(current)), url=url
            )
        current = current.__cause__ or current.__context__
    return None


def _verification_error(error: ssl.SSLCertVerificationError, url: str, pinned: bool) -> TlsError:
    code = error.verify_code
    reason = error.verify_message or str(error)
    if pinned:
        return FingerprintMismatch(
            Message(
                "error.fingerprint_mismatch",
                "The server's certificate does not match the pinned one ({reason})",
                reason=reason,
            ),
            url=url,
        )
    if code in _EXPIRED:
        return CertificateExpired(
            Message("error.cert_expired", "The server certificate has expired ({reason})", reason=reason),
            url=url,
        )
    if code in _HOST_MISMATCH:
        return CertificateHostMismatch(
            Message(
                "error.cert_host",
                "The server certificate does not match the host name ({reason})",
                reason=reason,
            ),
            url=url,
        )
    if code in _UNTRUSTED:
        return CertificateUntrusted(
            Message("error.cert_untrusted", "The server certificate is not trusted ({reason})", reason=reason),
            url=url,
        )
    return TlsError(
        Message("error.cert_unverified", "The server certificate could not be verified ({reason})", reason=reason),
        url=url,
    )
