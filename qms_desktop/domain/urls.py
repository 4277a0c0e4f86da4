"""No URL carries a password: MediaSense, database and OpenSearch URLs are all checked here.

A URL ends up in places every workstation and every local user can read: the shared settings
table, `connection show`, log lines, the process list (`ps` shows command-line arguments) and
the environment. So a password inside one is refused rather than used, and what is shown of a
refused URL never includes it. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

# Query parameters that carry a secret (libpq reads `password=`, some clients `token=`, ...).
_SECRET_QUERY = re.compile(r"pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key", re.IGNORECASE)
_SECRET_QUERY_VALUE = re.compile(
    r"(?P<key>(?:^|(?<=[?&;]))[^=&;#]*(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key)[^=&;#]*=)[^&;#]*",
    re.IGNORECASE,
)


class CredentialsInUrl(ValueError):
    """A URL holds credentials (`user:password@host`, or a password in its query). The message names
    the URL's setting, shows the URL without its secret and says where the password goes instead."""

    def __init__(self, what: str, url: str, where: str, *, shown: str | None = None) -> None:
        self.what = what
        self.url = shown if shown is not None else redact_url(url)
        self.hint = where
        super().__init__(f"{what} must not contain credentials ({self.url}): refused. {where}")


def _authority_and_path(url: str) -> str:
    """What follows `scheme://` up to the query or fragment."""
    rest = url.split("://", 1)[1] if "://" in url else url
    return re.split(r"[?#]", rest, maxsplit=1)[0]


def has_user_info(url: str) -> bool:
    """True when the URL names a user or password before its host. Any `@` before the query counts:
    `https://user:pa/ss@host` puts a password where a parser finds only a strange path."""
    return "@" in _authority_and_path(url)


def url_passwords(url: str) -> list[str]:
    """The secrets a URL carries (user-part password, secret query values), as written and decoded."""
    found: list[str] = []
    before_host = _authority_and_path(url).rpartition("@")[0]
    if ":" in before_host:
        found.append(before_host.partition(":")[2])
    query = url.split("?", 1)[1].split("#", 1)[0] if "?" in url else ""
    for key, value in parse_qsl(query, keep_blank_values=False):
        if _SECRET_QUERY.search(key):
            found.append(value)
    out: list[str] = []
    for value in found:
        for form in (value, unquote(value)):
            if form and form not in out:
                out.append(form)
    return out


def redact_url(url: str) -> str:
    """The URL without its user part and with secret query values as `***`: safe to print."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    head = _authority_and_path(url)
    tail = rest[len(head) :]
    head = head.rpartition("@")[2]
    tail = _SECRET_QUERY_VALUE.sub(lambda m: m.group("key") + "***", tail)
    return f"{scheme}{sep}{head}{tail}"


def node_key(url: str) -> str:
    """`scheme://host[:port]` of a server, lower-cased: what a server is remembered under. Never a
    user, a password or a path, whatever the configured URL held."""
    parts = urlsplit(redact_url(url.strip()))
    host = parts.hostname or parts.netloc.lower()
    if ":" in host and not host.startswith("["):  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    scheme = parts.scheme.lower() or "https"
    return f"{scheme}://{host}:{port}" if port is not None else f"{scheme}://{host}"
