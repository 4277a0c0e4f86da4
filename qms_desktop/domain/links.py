"""Links to a moment of a recording: `qms://recording/<session id>?t=<seconds>`.

Parsed strictly: the scheme must be `qms`, the kind `recording`, the session id present and made of
the characters MediaSense uses, `t` (optional, default 0) a finite, non-negative number of seconds.
Anything else raises `BadLink` with a sentence saying what is wrong; nothing else is raised.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

SCHEME = "qms"
KIND = "recording"
MAX_LINK_CHARS = 2048
MAX_SECONDS = 366 * 24 * 3600  # no call lasts a year
_SESSION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,199}")


class BadLink(ValueError):
    """A link that is not a `qms://recording/<session id>?t=<seconds>` link."""


@dataclass(frozen=True, slots=True)
class MomentLink:
    session_id: str
    seconds: float = 0.0

    @property
    def position_ms(self) -> int:
        return round(self.seconds * 1000)

    def url(self) -> str:
        return format_link(self.session_id, self.seconds)


def _format_seconds(seconds: float) -> str:
    text = f"{seconds:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def format_link(session_id: str, seconds: float = 0.0) -> str:
    """The link to `seconds` into the recording `session_id` (whole milliseconds)."""
    if not _SESSION_ID.fullmatch(session_id or ""):
        raise BadLink(f"Not a session id: {session_id!r}")
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_SECONDS:
        raise BadLink(f"The position must be between 0 and {MAX_SECONDS} seconds, not {seconds!r}")
    return f"{SCHEME}://{KIND}/{quote(session_id, safe='.:-_')}?t={_format_seconds(seconds)}"


def parse_link(text: str) -> MomentLink:
    """The recording and position a link names; BadLink (with the reason) for anything else."""
    if not isinstance(text, str) or not text.strip():
        raise BadLink("The link is empty")
    text = text.strip()
    if len(text) > MAX_LINK_CHARS:
        raise BadLink(f"The link is longer than {MAX_LINK_CHARS} characters")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise BadLink(f"Not a link: {exc}") from None
    if parts.scheme.lower() != SCHEME:
        raise BadLink(f"A recording link starts with {SCHEME}://recording/, not {text[:40]!r}")
    if parts.netloc.lower() != KIND:
        raise BadLink(f"Only {SCHEME}://{KIND}/ links can be opened, not {SCHEME}://{parts.netloc}/")
    if parts.fragment:
        raise BadLink("A recording link has no #fragment")
    session_id = unquote(parts.path.lstrip("/")) if parts.path.startswith("/") else ""
    if not session_id:
        raise BadLink("The link names no recording: qms://recording/<session id>?t=<seconds>")
    if not _SESSION_ID.fullmatch(session_id):
        raise BadLink(f"Not a session id: {session_id[:60]!r}")
    try:
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise BadLink(f"The link's query is not name=value: {parts.query[:60]!r}") from None
    unknown = sorted(set(query) - {"t"})
    if unknown:
        raise BadLink(f"Unknown link parameter: {unknown[0][:30]!r} (only t=<seconds>)")
    values = query.get("t", [])
    if len(values) > 1:
        raise BadLink("The link gives t more than once")
    seconds = 0.0
    if values:
        raw = values[0].strip()
        if not re.fullmatch(r"\d{1,9}(\.\d{1,3})?", raw):
            raise BadLink(f"t must be a number of seconds (up to 3 decimals), not {raw[:30]!r}")
        seconds = float(raw)
        if seconds > MAX_SECONDS:
            raise BadLink(f"t must be at most {MAX_SECONDS} seconds, not {raw}")
    return MomentLink(session_id, seconds)
