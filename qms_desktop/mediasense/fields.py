"""Readers for the fields of raw MediaSense session JSON, shared by every dialect's normalizer.

The public parse helpers (parse_int, parse_epoch_ms, parse_bool, to_datetime) return None for
anything unusable. The field readers (read_*) return None for "not given" (absent, JSON null,
empty string) and raise `Reject` for "given but garbage", naming the field.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from qms_desktop.domain.sessions import Direction, MediaUrls, SessionState, Tag, Track
from qms_desktop.domain.time import from_ms
from qms_desktop.mediasense.slotinit import NO_URLS, new_tag, new_urls

log = logging.getLogger("qms.mediasense.normalize")

# datetime's own range, 0001-01-01 .. 9999-12-31T23:59:59.999Z, in epoch ms.
MIN_MS = -62_135_596_800_000
MAX_MS = 253_402_300_799_999

_STATES: dict[str, SessionState] = {s.value: s for s in SessionState}
_DIRECTIONS: dict[str, Direction] = {d.value: d for d in Direction}
_TRUE = frozenset({"true", "1", "yes", "y", "t"})
_FALSE = frozenset({"false", "0", "no", "n", "f"})
# Plain tuples: `isinstance(x, A | B)` builds a union object on every call, measurably slower here.
NUMBER = (int, float)
SEQUENCE = (list, tuple)
SCALAR = (str, int, float)


class Reject(Exception):
    """Internal: carries the human-readable rejection reason up to normalize_session."""


# ---------------------------------------------------------------------------------------------
# Public parse helpers (normalize.py re-exports them)
# ---------------------------------------------------------------------------------------------


def parse_int(value: object) -> int | None:
    """int, finite float (rounded) or numeric string ("42", " 42 ", "4.2e1") -> int; else None.

    bool is refused on purpose: `True` is never a meaningful count or timestamp on the wire."""
    if type(value) is int:
        return value
    if isinstance(value, str):
        s = value.strip()
        if s.isascii() and s.isdigit():  # the common case, and keeps int() from taking "١٢" or "1_0"
            try:
                return int(s)
            except ValueError:  # more digits than Python's int-from-str limit
                return None
        if not s or "_" in s or not s.isascii():
            return None
        try:
            f = float(s)
        except ValueError:
            return None
        return round(f) if math.isfinite(f) else None
    if isinstance(value, float):
        return round(value) if math.isfinite(value) else None
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return int(value)  # int subclasses (IntEnum and friends)


def parse_epoch_ms(value: object) -> int | None:
    """Epoch milliseconds from int / float / numeric string; None when absent, garbage or outside
    the range a datetime can hold."""
    ms = parse_int(value)
    if ms is None or ms < MIN_MS or ms > MAX_MS:
        return None
    return ms


def parse_bool(value: object) -> bool | None:
    """bool, 0/1, or "true"/"false" (also yes/no, any case) -> bool; anything else -> None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        s = value.strip().lower()
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
        return None
    if type(value) is int and value in (0, 1):
        return bool(value)
    return None


# Track and participant start dates usually repeat the session's; a small cache of ms -> datetime
# saves building the same datetime three to five times per session.
_dt_cache: dict[int | str, datetime] = {}


def _ms_to_dt(ms: int) -> datetime:
    dt = _dt_cache.get(ms)
    if dt is None:
        if len(_dt_cache) >= 4096:
            _dt_cache.clear()
        dt = _dt_cache[ms] = from_ms(ms)
    return dt


epoch_datetime = _ms_to_dt  # for readers that have already checked `ms` is in range


def to_datetime(value: object) -> datetime | None:
    """Aware UTC datetime from epoch ms (number or numeric string), an ISO 8601 string (Z, offset,
    or naive meaning UTC) or a datetime (naive meaning UTC). None when absent or unparseable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        try:
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        except (OverflowError, ValueError):
            return None
    ms = parse_epoch_ms(value)
    if ms is not None:
        return _ms_to_dt(ms)
    if isinstance(value, str):
        return _parse_iso(value)
    return None


def _parse_iso(text: str) -> datetime | None:
    s = text.strip()
    if not s or s.isdigit():
        return None  # a bare digit string is epoch ms, not ISO basic format; it was handled before
    if s[-1] in "zZ":
        s = s[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        return None
    try:
        return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Field readers: None for "not given", Reject for "given but garbage"
# ---------------------------------------------------------------------------------------------


def show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def blank(value: object) -> bool:
    """Not given: absent / JSON null / empty or whitespace-only string."""
    return value is None or (isinstance(value, str) and not value.strip())


def read_text(value: object, field: str, where: str = "") -> str | None:
    if type(value) is str:
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if type(value) is int or type(value) is float:
        return str(value)  # e.g. a device number sent as a JSON number
    raise Reject(f"{where}{field}: expected text, got {type(value).__name__} {show(value)}")


def read_ms(value: object, field: str, where: str = "") -> int | None:
    """A non-negative millisecond count (duration, offset, track number)."""
    if type(value) is int and value >= 0:
        return value
    if blank(value):
        return None
    n = parse_int(value)
    if n is None:
        raise Reject(f"{where}{field}: not a number: {show(value)}")
    if n < 0:
        raise Reject(f"{where}{field}: negative: {show(value)}")
    return n


def read_epoch(value: object, field: str, where: str = "") -> datetime | None:
    if type(value) is int or type(value) is str:
        # The cache check inlined (this is the hottest path); legacy's quoted numbers are cached
        # under their text, which never collides with the int keys.
        dt = _dt_cache.get(value)
        if dt is not None:
            return dt
    if blank(value):
        return None
    ms = parse_epoch_ms(value)
    if ms is None:
        raise Reject(f"{where}{field}: not an epoch-milliseconds timestamp: {show(value)}")
    dt = _ms_to_dt(ms)
    if type(value) is str:
        _dt_cache[value] = dt
    return dt


def read_when(value: object, field: str, where: str = "") -> datetime | None:
    """spec timestamps: ISO 8601, but epoch ms is accepted too."""
    if blank(value):
        return None
    dt = None if isinstance(value, bool) else to_datetime(value)
    if dt is None:
        raise Reject(f"{where}{field}: not an ISO 8601 or epoch-ms timestamp: {show(value)}")
    return dt


def read_seconds_as_ms(value: object, field: str, where: str = "") -> int | None:
    if blank(value):
        return None
    secs: float | None = None
    if isinstance(value, NUMBER) and not isinstance(value, bool):
        secs = float(value)
    elif isinstance(value, str):
        try:
            secs = float(value.strip())
        except ValueError:
            secs = None
    if secs is None or not math.isfinite(secs) or secs < 0 or secs * 1000 > MAX_MS:
        raise Reject(f"{where}{field}: not a sensible number of seconds: {show(value)}")
    return round(secs * 1000)


def read_flag(value: object, field: str, where: str = "") -> bool:
    if value is None or value is False:
        return False
    if value is True:
        return True
    b = parse_bool(value)
    if b is None:
        if blank(value):
            return False
        raise Reject(f"{where}{field}: not true/false: {show(value)}")
    return b


def read_obj(value: object, field: str, where: str = "") -> Mapping[str, Any]:
    """An object, or {} when not given."""
    if isinstance(value, Mapping):
        return value
    if value is None:
        return {}
    raise Reject(f"{where}{field}: expected an object, got {type(value).__name__} {show(value)}")


# The media URL keys a session's `urls` may carry, and the MediaUrls field each one fills.
URL_KEYS: dict[str, str] = {"wavUrl": "wav", "mp4Url": "mp4", "httpUrl": "http", "rtspUrl": "rtsp"}


def read_urls(value: object, field: str = "urls") -> MediaUrls:
    """A session's media URLs in either shape the servers send.

    11.5 sends one object, `{"rtspUrl": ..., "mp4Url": ..., "wavUrl": ..., "httpUrl": ...}`; the 8.5
    payloads send an array of one-key objects, `[{"rtspUrl": ...}, {"mp4Url": ...}]`. Keys we do not
    know are ignored (logged at DEBUG); the first value of a key repeated in the array wins. A value
    that is not text, an array item that is not an object, or `urls` of any other type rejects."""
    if value is None:
        return NO_URLS
    found: dict[str, str | None] = {}
    if isinstance(value, Mapping):
        _url_entries(value, field, found)
    elif isinstance(value, SEQUENCE):
        for i, item in enumerate(value):
            if item is None:
                continue
            where = f"{field}[{i}]"
            if not isinstance(item, Mapping):
                raise Reject(
                    f'{where}: expected an object like {{"rtspUrl": ...}}, got {type(item).__name__} {show(item)}'
                )
            _url_entries(item, where, found)
    else:
        raise Reject(f"{field}: expected an object or a list of objects, got {type(value).__name__} {show(value)}")
    return new_urls(**found) if found else NO_URLS


def _url_entries(item: Mapping[str, Any], where: str, found: dict[str, str | None]) -> None:
    for key, raw in item.items():
        slot = URL_KEYS.get(key)
        if slot is None:
            log.debug("%s: ignoring the unknown media URL key %s", where, show(key))
            continue
        url = read_text(raw, key, f"{where}.")
        if url is not None and found.get(slot) is None:
            found[slot] = url


def read_items(value: object, field: str, where: str = "") -> list[Any] | tuple[Any, ...]:
    if isinstance(value, SEQUENCE):
        return value
    if value is None:
        return ()
    raise Reject(f"{where}{field}: expected a list, got {type(value).__name__} {show(value)}")


def read_state(value: object) -> SessionState:
    # Unknown or missing states are kept as UNKNOWN rather than rejected: the row is still a call.
    if isinstance(value, str):
        return _STATES.get(value.strip().upper(), SessionState.UNKNOWN)
    return SessionState.UNKNOWN


def read_direction(value: object) -> Direction | None:
    if isinstance(value, str):
        return _DIRECTIONS.get(value.strip().lower())
    return None


def read_session_id(raw: Mapping[str, Any]) -> str | None:
    sid = raw.get("sessionId")
    if isinstance(sid, str):
        return sid.strip() or None
    if type(sid) is int:
        return str(sid)
    return None


def end_after(start: datetime, duration_ms: int | None, field: str) -> datetime | None:
    if duration_ms is None:
        return None
    try:
        return start + timedelta(0, 0, 0, duration_ms)
    except OverflowError:
        raise Reject(f"{field}: start + duration is past year 9999: {duration_ms!r}") from None


def end_and_duration(
    start: datetime, duration_ms: int | None, state: SessionState, tracks: Sequence[Track]
) -> tuple[datetime | None, int | None]:
    """A session's end and duration: start + sessionDuration, or for a closed session sent without it
    (a real 11.5 server), from its tracks (`span_of_tracks`). Rejects an end past year 9999."""
    end = end_after(start, duration_ms, "sessionDuration")
    if duration_ms is None and state is not SessionState.ACTIVE and (span := span_of_tracks(start, tracks)):
        return span
    return end, duration_ms


def span_of_tracks(start: datetime, tracks: Iterable[Track]) -> tuple[datetime, int] | None:
    """(end, duration ms) of a closed session that carries no `sessionDuration`, from its tracks.

    A real 11.5 server answers CLOSED_NORMAL sessions with `trackDuration` on each track and no
    `sessionDuration`. The session ends when its last track does: the latest trackStartDate +
    trackDuration (a track without a start began with the session); the duration runs from the
    session's start to that end. None when no track has a duration."""
    end: datetime | None = None
    for track in tracks:
        if track.duration_ms is None:
            continue
        track_end = end_after(track.start or start, track.duration_ms, "trackDuration")
        if track_end is not None and (end is None or track_end > end):
            end = track_end
    if end is None:
        return None
    end = max(end, start)
    return end, (end - start) // timedelta(milliseconds=1)


def read_tags(value: object) -> tuple[Tag, ...]:
    """cisco tags are objects, spec tags are plain strings; either may turn up in either dialect."""
    out: list[Tag] = []
    for i, t in enumerate(read_items(value, "tags")):
        path = f"tags[{i}]."
        if isinstance(t, str):
            if t.strip():
                out.append(new_tag(name=t.strip()))
            continue
        if t is None:
            continue
        t = read_obj(t, path[:-1])
        name = read_text(t.get("tagName", t.get("name")), "tagName", path)
        if name is None:
            raise Reject(f"{path}tagName: missing")
        out.append(
            new_tag(
                name=name,
                type=read_text(t.get("tagType", t.get("type")), "tagType", path),
                created=read_epoch(t.get("tagCreateDate"), "tagCreateDate", path),
                offset_ms=read_ms(t.get("tagOffset"), "tagOffset", path),
                track_number=read_ms(t.get("trackNumber"), "trackNumber", path),
            )
        )
    return tuple(out)
