"""Where the OpenSearch cluster is, and how to sign in to it: read from the environment.

QMS_OPENSEARCH_URL (unset: the database's own full-text search is used), QMS_OPENSEARCH_USER,
QMS_OPENSEARCH_PASSWORD (headless) or the keyring, QMS_OPENSEARCH_INDEX, QMS_OPENSEARCH_CA_FILE,
QMS_OPENSEARCH_VERIFY (default true). A password inside the URL is refused; the password the
settings carry is masked in the log from the moment it is read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from qms_desktop.domain.urls import CredentialsInUrl, url_passwords
from qms_desktop.integration_log import register_secret

ENV_URL = "QMS_OPENSEARCH_URL"
ENV_USER = "QMS_OPENSEARCH_USER"
ENV_PASSWORD = "QMS_OPENSEARCH_PASSWORD"
ENV_INDEX = "QMS_OPENSEARCH_INDEX"
ENV_CA_FILE = "QMS_OPENSEARCH_CA_FILE"
ENV_VERIFY = "QMS_OPENSEARCH_VERIFY"
DEFAULT_INDEX = "qms-recordings"
WHERE_OPENSEARCH_PASSWORD = (
    f"Give the user in {ENV_USER} and the password in {ENV_PASSWORD} (a headless service), or keep it in the "
    "OS keyring under opensearch:<user>@<host> (a workstation)."
)


class OpenSearchNotConfigured(RuntimeError):
    """QMS_OPENSEARCH_URL is not set."""


def mask_http_url(url: str) -> str:
    """The URL with any password in it replaced by *** (for logs and `search status`)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


@dataclass(frozen=True, slots=True)
class OpenSearchSettings:
    url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    index: str = DEFAULT_INDEX
    ca_file: str | None = None
    verify: bool = True
    timeout_s: float = 30.0

    @property
    def masked_url(self) -> str:
        return mask_http_url(self.url)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.masked_url,
            "username": self.username,
            "password": "***" if self.password else None,
            "index": self.index,
            "caFile": self.ca_file,
            "verify": self.verify,
        }


def keyring_account(username: str, url: str) -> str:
    return f"opensearch:{username}@{urlsplit(url).hostname or url}"


def settings_from_environment(
    env: Mapping[str, str] | None = None, *, use_keyring: bool = True
) -> OpenSearchSettings | None:
    """The configured cluster, or None when QMS_OPENSEARCH_URL is unset (database search is used)."""
    env = os.environ if env is None else env
    url = (env.get(ENV_URL) or "").strip()
    if not url:
        return None
    in_url = url_passwords(url)
    if in_url:
        for secret in in_url:
            register_secret(secret)
        raise CredentialsInUrl(ENV_URL, url, WHERE_OPENSEARCH_PASSWORD)
    username = env.get(ENV_USER) or urlsplit(url).username or None
    password = env.get(ENV_PASSWORD) or None
    if password is None and username and use_keyring:
        from qms_desktop import secrets

        try:
            password = secrets.get_password(keyring_account(username, url))
        except secrets.KeyringUnavailable:
            password = None
    parts = urlsplit(url)
    if parts.username is not None:  # a user name only: kept as the user, not inside the URL we carry
        host = parts.hostname or ""
        url = urlunsplit(parts._replace(netloc=f"{host}:{parts.port}" if parts.port else host))
    register_secret(password)
    return OpenSearchSettings(
        url=url,
        username=username,
        password=password,
        index=env.get(ENV_INDEX) or DEFAULT_INDEX,
        ca_file=env.get(ENV_CA_FILE) or None,
        verify=(env.get(ENV_VERIFY) or "true").strip().lower() not in ("0", "false", "no", "off"),
    )
