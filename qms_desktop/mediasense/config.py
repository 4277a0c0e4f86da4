"""Connection settings for the MediaSense client, and what it learned about each server."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from qms_desktop.mediasense.errors import ConfigurationError, refuse_credentials
from qms_desktop.mediasense.tls import TlsSettings


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """Connection settings. `urls` lists the cluster's nodes; the first reachable one is used."""

    urls: tuple[str, ...]
    username: str
    password: str = field(repr=False)
    timeout: float = 10.0
    tls: TlsSettings = field(default_factory=TlsSettings)
    max_retries: int = 2  # the specification: up to 2 retries with exponential backoff
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    media_timeout: float = 60.0  # media files may be generated on first request

    def __post_init__(self) -> None:
        if not self.urls:
            raise ConfigurationError("No MediaSense URL is configured")
        for url in self.urls:
            refuse_credentials(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ConfigurationError(f"Not a valid MediaSense URL: {url!r}")
        if not self.username:
            raise ConfigurationError("No MediaSense user name is configured")
        if self.timeout <= 0:
            raise ConfigurationError("The timeout must be positive")


@dataclass(slots=True)
class ServerProfile:
    """What worked on one server: remembered so later calls skip the fallbacks."""

    login: str | None = None
    query: str | None = None
