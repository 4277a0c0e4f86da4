"""What the Connection form holds, its checks as you type, and what loading it produced.

Plain data: the widgets fill a ConnectionForm, the controller turns it into ConnectionSettings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qms_desktop import config
from qms_desktop.app.credentials import PASSWORD_ENVIRONMENT as PASSWORD_ENVIRONMENT
from qms_desktop.app.credentials import PASSWORD_KEYRING as PASSWORD_KEYRING
from qms_desktop.app.credentials import PASSWORD_NONE as PASSWORD_NONE
from qms_desktop.app.credentials import PASSWORD_SESSION as PASSWORD_SESSION
from qms_desktop.app.credentials import PASSWORD_UNAVAILABLE as PASSWORD_UNAVAILABLE
from qms_desktop.mediasense.diagnostics import validate_urls
from qms_desktop.mediasense.tls import format_fingerprint, normalize_fingerprint
from qms_desktop.secrets import BackendInfo
from qms_desktop.ui import core_messages
from qms_desktop.ui.qt import QCoreApplication

TLS_SYSTEM = "system"
TLS_CA_FILE = "ca_file"
TLS_PINNED = "pinned"
TLS_INSECURE = "insecure"
TLS_MODES = (TLS_SYSTEM, TLS_CA_FILE, TLS_PINNED, TLS_INSECURE)


def tls_mode_of(settings: config.ConnectionSettings) -> str:
    mode = settings.tls().mode
    return {"insecure": TLS_INSECURE, "pinned": TLS_PINNED, "ca_file": TLS_CA_FILE}.get(mode, TLS_SYSTEM)


def split_urls(text: str) -> tuple[str, ...]:
    """One URL per line (cluster nodes); commas are accepted too."""
    parts = text.replace(",", "\n").splitlines()
    return tuple(p.strip().rstrip("/") for p in parts if p.strip())


@dataclass(frozen=True, slots=True)
class FormCheck:
    """Problems block saving; advice is shown but does not."""

    problems: dict[str, list[str]] = field(default_factory=dict)
    advice: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(self.problems.values())


@dataclass(frozen=True, slots=True)
class ConnectionForm:
    urls_text: str = ""
    username: str = ""
    timeout: float = float(config.DEFAULTS["timeout"])
    tls_mode: str = TLS_SYSTEM
    ca_file: str = ""
    fingerprint: str = ""

    @property
    def urls(self) -> tuple[str, ...]:
        return split_urls(self.urls_text)

    @classmethod
    def from_settings(cls, settings: config.ConnectionSettings) -> ConnectionForm:
        return cls(
            urls_text="\n".join(settings.urls),
            username=settings.username,
            timeout=settings.timeout,
            tls_mode=tls_mode_of(settings),
            ca_file=settings.ca_file or "",
            fingerprint=format_fingerprint(settings.pinned_sha256[0]) if settings.pinned_sha256 else "",
        )

    def check(self) -> FormCheck:
        problems: dict[str, list[str]] = {}
        url_problems, url_advice = validate_urls(self.urls)
        advice = [core_messages.text(item) for item in url_advice]
        if url_problems:
            problems["urls"] = [core_messages.text(item) for item in url_problems]
        if not self.username.strip():
            problems["username"] = [QCoreApplication.translate("ConnectionForm", "Enter the MediaSense API user name")]
        if self.tls_mode == TLS_CA_FILE:
            if not self.ca_file.strip():
                problems["ca_file"] = [
                    QCoreApplication.translate("ConnectionForm", "Choose the CA certificate file (PEM)")
                ]
            elif not Path(self.ca_file).expanduser().is_file():
                missing = QCoreApplication.translate("ConnectionForm", "The CA file does not exist: {path}")
                problems["ca_file"] = [missing.format(path=self.ca_file)]
        if self.tls_mode == TLS_PINNED:
            try:
                normalize_fingerprint(self.fingerprint)
            except ValueError:
                problems["fingerprint"] = [
                    QCoreApplication.translate(
                        "ConnectionForm",
                        "Enter the certificate's SHA-256 fingerprint (64 hexadecimal digits), or fetch it",
                    )
                ]
        return FormCheck(problems, advice)

    def to_settings(self, sources: dict[str, str] | None = None) -> config.ConnectionSettings:
        """Raises ValueError with a readable message when the form is not complete."""
        check = self.check()
        if not check.ok:
            raise ValueError("; ".join(p for items in check.problems.values() for p in items))
        return config.ConnectionSettings(
            urls=self.urls,
            username=self.username.strip(),
            timeout=float(self.timeout),
            ca_file=str(Path(self.ca_file).expanduser()) if self.tls_mode == TLS_CA_FILE else None,
            allow_self_signed=self.tls_mode == TLS_INSECURE,
            pinned_sha256=(normalize_fingerprint(self.fingerprint),) if self.tls_mode == TLS_PINNED else (),
            sources=dict(sources or {}),
        )


@dataclass(frozen=True, slots=True)
class LoadedState:
    """The saved settings (with sources), the keyring backend and where the password is."""

    settings: config.ConnectionSettings
    keyring: BackendInfo
    password_state: str
    keyring_error: str | None = None


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    settings_saved: bool
    password_state: str  # one of the PASSWORD_* values after saving
    message: str
    level: str = "info"  # info | warning | error
