"""A self-signed certificate for 127.0.0.1/localhost, made once and kept in a directory.

Real MediaSense ships self-signed certificates, so the client's pin-on-first-use path is exercised
by the demo. The key file is created with mode 600 before any byte of it is written.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

CERT_NAME = "simulator-cert.pem"
KEY_NAME = "simulator-key.pem"


@dataclass(frozen=True, slots=True)
class Certificate:
    cert_path: Path
    key_path: Path
    fingerprint_sha256: str  # "AB:CD:..." as browsers and MediaSense admin pages show it
    fingerprint_sha256_hex: str  # "abcd..." plain lowercase

    def server_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(self.cert_path, self.key_path)
        return ctx


def default_cert_dir() -> Path:
    from qms_desktop import paths  # lazy: only the default location needs the app's paths

    return paths.data_dir() / "simulator"


def fingerprints(der: bytes) -> tuple[str, str]:
    digest = hashlib.sha256(der).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, 64, 2)).upper(), digest


def _usable(cert_path: Path, key_path: Path) -> x509.Certificate | None:
    if not (cert_path.is_file() and key_path.is_file()):
        return None
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    except ValueError:
        return None
    # Re-issue well before expiry so a long demo never hits an expired certificate.
    if cert.not_valid_after_utc < datetime.now(UTC) + timedelta(days=7):
        return None
    return cert


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def ensure_certificate(cert_dir: Path | str | None = None) -> Certificate:
    """Load the certificate in `cert_dir` (default: data_dir()/simulator), creating it if needed."""
    directory = Path(cert_dir) if cert_dir is not None else default_cert_dir()
    directory.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = directory / CERT_NAME, directory / KEY_NAME
    cert = _usable(cert_path, key_path)
    if cert is None:
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, "MediaSense simulator"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "QMS Desktop"),
            ]
        )
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=825))
            .add_extension(
                x509.SubjectAlternativeName(
                    [
                        x509.DNSName("localhost"),
                        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                        x509.IPAddress(ipaddress.ip_address("::1")),
                    ]
                ),
                critical=False,
            )
            # CA:TRUE like `openssl req -x509`, so the certificate itself can be a trust anchor (pinning).
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(key, hashes.SHA256())
        )
        _write_private(
            key_path,
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
        )
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.chmod(key_path, 0o600)
    colon, plain = fingerprints(cert.public_bytes(serialization.Encoding.DER))
    return Certificate(cert_path, key_path, colon, plain)
