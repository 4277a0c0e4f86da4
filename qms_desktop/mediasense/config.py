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
    # A busy server (5042, 429) or a garbled answer (invalid or cut-off JSON) passes in a moment:
    # retried more often than a failure, within the time budget.
    transient_retries: int = 6
    retry_budget_s: float = 90.0  # the most one call waits between its attempts, Retry-After included
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
        if self.max_retries < 0 or self.transient_retries < 0 or self.retry_budget_s < 0:
            raise ConfigurationError("Retry counts and the retry time budget cannot be negative")


@dataclass(slots=True)
class ServerProfile:
    """What worked on one server: remembered so later calls skip the fallbacks."""

    login: str | None = None
    query: str | None = None
