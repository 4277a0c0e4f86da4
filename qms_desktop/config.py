"""Effective MediaSense connection settings and where each value comes from.

Precedence (the specification, section 8): settings saved in the database win over environment
variables, which win over defaults. Passwords are not settings: they come from the keyring, or from
MEDIASENSE_PASSWORD for headless use.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qms_desktop.domain.urls import url_passwords
from qms_desktop.integration_log import register_secret
from qms_desktop.mediasense.client import ClientConfig
from qms_desktop.mediasense.errors import refuse_credentials
from qms_desktop.mediasense.tls import TlsSettings, normalize_fingerprint

SECTION = "mediasense"
DEFAULT_API_PORT = 8440
DEFAULTS: dict[str, Any] = {
    "urls": (),
    "username": "",
    "timeout": 10.0,
    "ca_file": None,
    "allow_self_signed": False,
    "pinned_sha256": (),
}
SOURCE_DATABASE = "database"
SOURCE_ENVIRONMENT = "environment"
SOURCE_DEFAULT = "default"
# What a refused URL is called, by where it came from.
_URL_SETTING = {SOURCE_DATABASE: "The saved MediaSense URL", SOURCE_ENVIRONMENT: "MEDIASENSE_URL"}


def check_url(url: str, what: str = "The MediaSense URL") -> None:
    """Refuse a MediaSense URL with credentials (CredentialsInUrl); a password in it is masked in the
    log from now on, should anything have echoed it."""
    for password in url_passwords(url):
        register_secret(password)
    refuse_credentials(url, what)


@dataclass(frozen=True, slots=True)
class ConnectionSettings:
    urls: tuple[str, ...]
    username: str
    timeout: float
    ca_file: str | None
    allow_self_signed: bool
    pinned_sha256: tuple[str, ...]
    sources: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Whatever built these settings (environment, database, a form, flags), no URL holds a
        # password: the settings are saved in the shared database and shown by `connection show`.
        what = _URL_SETTING.get(self.sources.get("urls", ""), "The MediaSense URL")
        for url in self.urls:
            check_url(url, what)

    @property
    def configured(self) -> bool:
        return bool(self.urls and self.username)

    def tls(self) -> TlsSettings:
        return TlsSettings(
            verify=not self.allow_self_signed,
            ca_file=self.ca_file,
            pinned_sha256=self.pinned_sha256,
            allow_self_signed=self.allow_self_signed,
        )

    def client_config(self, password: str, **overrides: Any) -> ClientConfig:
        return ClientConfig(
            urls=self.urls, username=self.username, password=password, timeout=self.timeout, tls=self.tls(), **overrides
        )

    def to_dict(self) -> dict[str, Any]:
        """Non-secret values with their sources, for `connection show` and the GUI."""
        values = {
            "urls": list(self.urls),
            "username": self.username,
            "timeout": self.timeout,
            "ca_file": self.ca_file,
            "allow_self_signed": self.allow_self_signed,
            "pinned_sha256": list(self.pinned_sha256),
        }
        return {key: {"value": value, "source": self.sources.get(key, SOURCE_DEFAULT)} for key, value in values.items()}

    def to_database(self) -> dict[str, Any]:
        return {
            "urls": list(self.urls),
            "username": self.username,
            "timeout": self.timeout,
            "ca_file": self.ca_file,
            "allow_self_signed": self.allow_self_signed,
            "pinned_sha256": list(self.pinned_sha256),
        }


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


def environment_values(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The specification's variables, plus MEDIASENSE_URL (a full base URL, wins over host and port)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    if env.get("MEDIASENSE_URL"):
        values["urls"] = tuple(u.strip().rstrip("/") for u in env["MEDIASENSE_URL"].split(",") if u.strip())
        for url in values["urls"]:
            check_url(url, "MEDIASENSE_URL")
    elif env.get("MEDIASENSE_HOST"):
        port = env.get("MEDIASENSE_PORT") or str(DEFAULT_API_PORT)
        values["urls"] = (f"https://{env['MEDIASENSE_HOST'].strip()}:{port.strip()}",)
        check_url(values["urls"][0], "MEDIASENSE_HOST")
    if env.get("MEDIASENSE_USERNAME"):
        values["username"] = env["MEDIASENSE_USERNAME"]
    if env.get("MEDIASENSE_TIMEOUT"):
        values["timeout"] = float(env["MEDIASENSE_TIMEOUT"])
    if env.get("MEDIASENSE_CA_FILE"):
        values["ca_file"] = env["MEDIASENSE_CA_FILE"]
    if env.get("MEDIASENSE_ALLOW_SELF_SIGNED"):
        values["allow_self_signed"] = _truthy(env["MEDIASENSE_ALLOW_SELF_SIGNED"])
    if env.get("MEDIASENSE_PINNED_SHA256"):
        values["pinned_sha256"] = tuple(
            normalize_fingerprint(p) for p in env["MEDIASENSE_PINNED_SHA256"].split(",") if p.strip()
        )
    return values


def _database_values(saved: Mapping[str, Any] | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in (saved or {}).items():
        if key not in DEFAULTS or value in (None, "", [], ()):
            continue
        if key in ("urls", "pinned_sha256"):
            value = tuple(value)
        values[key] = value
    return values


def load_connection_settings(
    saved: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
) -> ConnectionSettings:
    """Merge defaults < environment < database, remembering each value's source."""
    merged: dict[str, Any] = dict(DEFAULTS)
    sources = dict.fromkeys(DEFAULTS, SOURCE_DEFAULT)
    for source, values in ((SOURCE_ENVIRONMENT, environment_values(env)), (SOURCE_DATABASE, _database_values(saved))):
        for key, value in values.items():
            merged[key] = value
            sources[key] = source
    return ConnectionSettings(
        urls=tuple(merged["urls"]),
        username=str(merged["username"] or ""),
        timeout=float(merged["timeout"]),
        ca_file=merged["ca_file"] or None,
        allow_self_signed=bool(merged["allow_self_signed"]),
        pinned_sha256=tuple(merged["pinned_sha256"]),
        sources=sources,
    )


def password_from_environment(env: Mapping[str, str] | None = None) -> str | None:
    env = os.environ if env is None else env
    return env.get("MEDIASENSE_PASSWORD") or None
