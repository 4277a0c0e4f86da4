"""Turn raw MediaSense session JSON (cisco / spec / legacy dialects) into `SessionRecord`s.

Pure functions: no Qt, no database, no network. The rules, in short:

* Numbers may arrive as JSON numbers or numeric strings in every dialect (old servers quote them).
* Missing values, JSON null and empty/whitespace strings all mean "not given".
* A value that is present but garbage (e.g. a duration of "abc") rejects the whole session with a
  reason naming the field: silently turning it into None would hide broken data from the sync log.
  The exceptions are deliberate: an unknown state becomes UNKNOWN, an unknown direction becomes None.
* `normalize_page` never raises for a bad item; every item ends up as a record or a rejection.

Kept lean (plain dicts and dataclasses) because a sync normalizes hundreds of thousands of rows.
"""

from __future__ import annotations

import dataclasses
import gc
import math
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from qms_desktop.domain.sessions import (
    Direction,
    MediaUrls,
    Participant,
    RejectedRecord,
    SessionRecord,
    SessionState,
    Tag,
    Track,
)
from qms_desktop.domain.time import from_ms, to_ms

__all__ = [
    "DIALECTS",
    "detect_dialect",
    "normalize_page",
    "normalize_session",
    "parse_bool",
    "parse_epoch_ms",
    "parse_int",
    "to_datetime",
]

DIALECTS = frozenset({"cisco", "spec", "legacy"})
_AUTO = "auto"

# datetime's own range, 0001-01-01 .. 9999-12-31T23:59:59.999Z, in epoch ms.
_MIN_MS = -62_135_596_800_000
_MAX_MS = 253_402_300_799_999

_STATES: dict[str, SessionState] = {s.value: s for s in SessionState}
_DIRECTIONS: dict[str, Direction] = {d.value: d for d in Direction}
_TRUE = frozenset({"true", "1", "yes", "y", "t"})
_FALSE = frozenset({"false", "0", "no", "n", "f"})
_MAX_TRACKS = 64
# Plain tuples: `isinstance(x, A | B)` builds a union object on every call, measurably slower here.
_NUMBER = (int, float)
_SEQUENCE = (list, tuple)
_SCALAR = (str, int, float)


class _Reject(Exception):
    """Internal: carries the human-readable rejection reason up to normalize_session."""


def _slot_builder(cls: type) -> Callable[..., Any]:
    """A keyword-only constructor for a frozen, slotted dataclass that fills the slots through
    their descriptors.

    Why: a frozen dataclass's __init__ routes every field through object.__setattr__, which on a
    24-field SessionRecord costs more than all the parsing; writing the slots directly is about 3x
    quicker and yields equal, equally hashable objects (a test checks). Classes with
    __post_init__ or without slots get their own constructor back, so model changes stay safe."""
    if hasattr(cls, "__post_init__") or "__slots__" not in cls.__dict__:
        return cls
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_MISSING": dataclasses.MISSING}
    params: list[str] = []
    body: list[str] = ["    o = _new(_cls)"]
    for f in dataclasses.fields(cls):
        name = f.name
        env[f"_set_{name}"] = cls.__dict__[name].__set__
        if f.default is not dataclasses.MISSING:
            env[f"_d_{name}"] = f.default
            params.append(f"{name}=_d_{name}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"_f_{name}"] = f.default_factory
            params.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING: {name} = _f_{name}()")
        else:
            params.append(name)
        body.append(f"    _set_{name}(o, {name})")
    src = f"def build(*, {', '.join(params)}):\n" + "\n".join(body) + "\n    return o\n"
    exec(src, env)  # our own generated source from the dataclass fields, nothing external
    return env["build"]


_new_record = _slot_builder(SessionRecord)
_new_track = _slot_builder(Track)
_new_participant = _slot_builder(Participant)
_new_tag = _slot_builder(Tag)
_new_urls = _slot_builder(MediaUrls)
_NO_URLS = MediaUrls()


# ---------------------------------------------------------------------------------------------
# Public parse helpers (also used by the client and the sync code)
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
    if ms is None or ms < _MIN_MS or ms > _MAX_MS:
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
# Dialect detection
# ---------------------------------------------------------------------------------------------


def detect_dialect(raw: object) -> str:
    """Guess which dialect produced one session object.

    spec sessions carry sessionStartTime / callDirection / agent; cisco and legacy carry
    sessionStartDate, legacy with the numbers quoted. Anything unrecognisable is called cisco,
    the real API."""
    if not isinstance(raw, Mapping):
        return "cisco"
    if "sessionStartTime" in raw or "callDirection" in raw or "agent" in raw:
        return "spec"
    if "sessionStartDate" in raw:
        return "legacy" if type(raw["sessionStartDate"]) is str else "cisco"
    if "sessionEndTime" in raw or "recordingId" in raw or ("state" in raw and "sessionState" not in raw):
        return "spec"
    return "cisco"


# ---------------------------------------------------------------------------------------------
# Field readers: None for "not given", _Reject for "given but garbage"
# ---------------------------------------------------------------------------------------------


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _blank(value: object) -> bool:
    """Not given: absent / JSON null / empty or whitespace-only string."""
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object, field: str, where: str = "") -> str | None:
    if type(value) is str:
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if type(value) is int or type(value) is float:
        return str(value)  # e.g. a device number sent as a JSON number
    raise _Reject(f"{where}{field}: expected text, got {type(value).__name__} {_show(value)}")


def _ms(value: object, field: str, where: str = "") -> int | None:
    """A non-negative millisecond count (duration, offset, track number)."""
    if type(value) is int and value >= 0:
        return value
    if _blank(value):
        return None
    n = parse_int(value)
    if n is None:
        raise _Reject(f"{where}{field}: not a number: {_show(value)}")
    if n < 0:
        raise _Reject(f"{where}{field}: negative: {_show(value)}")
    return n


def _epoch(value: object, field: str, where: str = "") -> datetime | None:
    if type(value) is int or type(value) is str:
        # The cache check inlined (this is the hottest path); legacy's quoted numbers are cached
        # under their text, which never collides with the int keys.
        dt = _dt_cache.get(value)
        if dt is not None:
            return dt
    if _blank(value):
        return None
    ms = parse_epoch_ms(value)
    if ms is None:
        raise _Reject(f"{where}{field}: not an epoch-milliseconds timestamp: {_show(value)}")
    dt = _ms_to_dt(ms)
    if type(value) is str:
        _dt_cache[value] = dt
    return dt


def _when(value: object, field: str, where: str = "") -> datetime | None:
    """spec timestamps: ISO 8601, but epoch ms is accepted too."""
    if _blank(value):
        return None
    dt = None if isinstance(value, bool) else to_datetime(value)
    if dt is None:
        raise _Reject(f"{where}{field}: not an ISO 8601 or epoch-ms timestamp: {_show(value)}")
    return dt


def _seconds_as_ms(value: object, field: str, where: str = "") -> int | None:
    if _blank(value):
        return None
    secs: float | None = None
    if isinstance(value, _NUMBER) and not isinstance(value, bool):
        secs = float(value)
    elif isinstance(value, str):
        try:
            secs = float(value.strip())
        except ValueError:
            secs = None
    if secs is None or not math.isfinite(secs) or secs < 0 or secs * 1000 > _MAX_MS:
        raise _Reject(f"{where}{field}: not a sensible number of seconds: {_show(value)}")
    return round(secs * 1000)


def _flag(value: object, field: str, where: str = "") -> bool:
    if value is None or value is False:
        return False
    if value is True:
        return True
    b = parse_bool(value)
    if b is None:
        if _blank(value):
            return False
        raise _Reject(f"{where}{field}: not true/false: {_show(value)}")
    return b


def _obj(value: object, field: str, where: str = "") -> Mapping[str, Any]:
    """An object, or {} when not given."""
    if isinstance(value, Mapping):
        return value
    if value is None:
        return {}
    raise _Reject(f"{where}{field}: expected an object, got {type(value).__name__} {_show(value)}")


def _items(value: object, field: str, where: str = "") -> list[Any] | tuple[Any, ...]:
    if isinstance(value, _SEQUENCE):
        return value
    if value is None:
        return ()
    raise _Reject(f"{where}{field}: expected a list, got {type(value).__name__} {_show(value)}")


def _state(value: object) -> SessionState:
    # Unknown or missing states are kept as UNKNOWN rather than rejected: the row is still a call.
    if isinstance(value, str):
        return _STATES.get(value.strip().upper(), SessionState.UNKNOWN)
    return SessionState.UNKNOWN


def _direction(value: object) -> Direction | None:
    if isinstance(value, str):
        return _DIRECTIONS.get(value.strip().lower())
    return None


def _session_id(raw: Mapping[str, Any]) -> str | None:
    sid = raw.get("sessionId")
    if isinstance(sid, str):
        return sid.strip() or None
    if type(sid) is int:
        return str(sid)
    return None


def _end(start: datetime, duration_ms: int | None, field: str) -> datetime | None:
    if duration_ms is None:
        return None
    try:
        return start + timedelta(0, 0, 0, duration_ms)
    except OverflowError:
        raise _Reject(f"{field}: start + duration is past year 9999: {duration_ms!r}") from None


def _tags(value: object) -> tuple[Tag, ...]:
    """cisco tags are objects, spec tags are plain strings; either may turn up in either dialect."""
    out: list[Tag] = []
    for i, t in enumerate(_items(value, "tags")):
        path = f"tags[{i}]."
        if isinstance(t, str):
            if t.strip():
                out.append(_new_tag(name=t.strip()))
            continue
        if t is None:
            continue
        t = _obj(t, path[:-1])
        name = _text(t.get("tagName", t.get("name")), "tagName", path)
        if name is None:
            raise _Reject(f"{path}tagName: missing")
        out.append(
            _new_tag(
                name=name,
                type=_text(t.get("tagType", t.get("type")), "tagType", path),
                created=_epoch(t.get("tagCreateDate"), "tagCreateDate", path),
                offset_ms=_ms(t.get("tagOffset"), "tagOffset", path),
                track_number=_ms(t.get("trackNumber"), "trackNumber", path),
            )
        )
    return tuple(out)


# Keys that only the spec dialect sends; cisco rows are checked for them before reading them.
_SPEC_KEYS = frozenset(
    {"recordingId", "agent", "team", "callDirection", "callerNumber", "calledNumber", "queue", "wrapUp"}
)


def _optional_spec_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """agent / team / direction / numbers / queue / wrap-up: spec fields, read in any dialect when
    present (cisco itself has none; QMS's directory supplies them there)."""
    out: dict[str, Any] = {}
    if "recordingId" in raw:
        out["recording_id"] = _text(raw["recordingId"], "recordingId")
    agent = raw.get("agent")
    if isinstance(agent, _SCALAR) and not isinstance(agent, bool):
        out["agent_id"] = _text(agent, "agent")
    elif agent is not None:
        a = _obj(agent, "agent")
        out["agent_id"] = _text(a.get("id"), "agent.id")
        out["agent_name"] = _text(a.get("name"), "agent.name")
    team = raw.get("team")
    if isinstance(team, _SCALAR) and not isinstance(team, bool):
        out["team_code"] = _text(team, "team")
    elif team is not None:
        out["team_code"] = _text(_obj(team, "team").get("id"), "team.id")
    if "callDirection" in raw:
        out["direction"] = _direction(raw["callDirection"])
    if "callerNumber" in raw:
        out["ani"] = _text(raw["callerNumber"], "callerNumber")
    if "calledNumber" in raw:
        out["dnis"] = _text(raw["calledNumber"], "calledNumber")
    if "queue" in raw:
        out["csq"] = _text(raw["queue"], "queue")
    wrap = raw.get("wrapUp")
    if isinstance(wrap, str):
        out["wrap_up_reason"] = _text(wrap, "wrapUp")
    elif wrap is not None:
        out["wrap_up_reason"] = _text(_obj(wrap, "wrapUp").get("reason"), "wrapUp.reason")
    return out


# ---------------------------------------------------------------------------------------------
# cisco / legacy
# ---------------------------------------------------------------------------------------------


def _cisco(raw: Mapping[str, Any], sid: str, dialect: str) -> SessionRecord:
    get = raw.get
    start = _epoch(get("sessionStartDate"), "sessionStartDate")
    if start is None:
        raise _Reject("sessionStartDate: missing")
    duration = _ms(get("sessionDuration"), "sessionDuration")

    tracks: list[Track] = []
    participants: list[Participant] = []
    for i, tr in enumerate(_items(get("tracks"), "tracks")):
        if tr is None:
            continue
        path = f"tracks[{i}]."
        if type(tr) is not dict:
            tr = _obj(tr, path[:-1])
        tget = tr.get
        number = _ms(tget("trackNumber"), "trackNumber", path)
        if number is None:
            number = i + 1  # position stands in for a missing number; MediaSense counts from 1
        parts: list[Participant] = []
        for j, p in enumerate(_items(tget("participants"), "participants", path)):
            if p is None:
                continue
            ppath = f"{path}participants[{j}]."
            if type(p) is not dict:
                p = _obj(p, ppath[:-1])
            pget = p.get
            parts.append(
                _new_participant(
                    device_ref=_text(pget("deviceRef"), "deviceRef", ppath),
                    device_id=_text(pget("deviceId"), "deviceId", ppath),
                    track_number=number,
                    start=_epoch(pget("participantStartDate"), "participantStartDate", ppath),
                    duration_ms=_ms(pget("participantDuration"), "participantDuration", ppath),
                    xref_ci=_text(pget("xRefCi"), "xRefCi", ppath),
                    is_conference=_flag(pget("isConference"), "isConference", ppath),
                )
            )
        participants.extend(parts)
        tracks.append(
            _new_track(
                number=number,
                media_type=_text(tget("trackMediaType"), "trackMediaType", path) or "AUDIO",
                codec=_text(tget("codec"), "codec", path),
                start=_epoch(tget("trackStartDate"), "trackStartDate", path),
                duration_ms=_ms(tget("trackDuration"), "trackDuration", path),
                download_url=_text(tget("downloadUrl"), "downloadUrl", path),
                participants=tuple(parts),
            )
        )

    urls = _obj(get("urls"), "urls")
    media_urls = (
        _new_urls(
            wav=_text(urls.get("wavUrl"), "urls.wavUrl"),
            mp4=_text(urls.get("mp4Url"), "urls.mp4Url"),
            http=_text(urls.get("httpUrl"), "urls.httpUrl"),
            rtsp=_text(urls.get("rtspUrl"), "urls.rtspUrl"),
        )
        if urls
        else _NO_URLS
    )

    # cisco has no agent/team/direction fields, but a mixed server may send them: read if present.
    extra = {} if _SPEC_KEYS.isdisjoint(raw) else _optional_spec_fields(raw)
    return _new_record(
        session_id=sid,
        state=_state(get("sessionState") or get("state")),
        start=start,
        end=_end(start, duration, "sessionDuration"),
        duration_ms=duration,
        call_controller_ip=_text(get("callControllerIP"), "callControllerIP"),
        call_controller_type=_text(get("callControllerType"), "callControllerType"),
        ccid=_text(get("ccid"), "ccid"),
        urls=media_urls,
        tracks=tuple(tracks),
        participants=tuple(participants),
        tags=_tags(get("tags")),
        pruned=_flag(get("pruned"), "pruned"),
        dialect=dialect,
        raw=raw,
        **extra,
    )


# ---------------------------------------------------------------------------------------------
# spec
# ---------------------------------------------------------------------------------------------


def _spec_tracks(media: Mapping[str, Any], codec: str | None) -> tuple[Track, ...]:
    # The specification only says `media.tracks`; accept a count, a list of numbers or a list of
    # track objects. With no track info the codec is kept on track 0 (the spec's "both parties").
    value = media.get("tracks")
    if _blank(value):
        return (_new_track(number=0, codec=codec),) if codec else ()
    if not isinstance(value, _SEQUENCE):
        count = _ms(value, "media.tracks") or 0
        if count > _MAX_TRACKS:  # a count, not a list: guard against building millions of tracks
            raise _Reject(f"media.tracks: implausible track count: {_show(value)}")
        return tuple(_new_track(number=n, codec=codec) for n in range(1, count + 1))
    out: list[Track] = []
    for i, t in enumerate(value):
        path = f"media.tracks[{i}]."
        if not isinstance(t, Mapping):
            n = _ms(t, path[:-1])
            out.append(_new_track(number=i + 1 if n is None else n, codec=codec))
            continue
        n = _ms(t.get("trackNumber", t.get("number")), "number", path)
        out.append(
            _new_track(
                number=i + 1 if n is None else n,
                media_type=_text(t.get("trackMediaType", t.get("mediaType")), "mediaType", path) or "AUDIO",
                codec=_text(t.get("codec"), "codec", path) or codec,
                duration_ms=_ms(t.get("trackDuration"), "trackDuration", path),
                download_url=_text(t.get("downloadUrl", t.get("url")), "url", path),
            )
        )
    return tuple(out)


def _spec(raw: Mapping[str, Any], sid: str, dialect: str) -> SessionRecord:
    get = raw.get
    start_raw = get("sessionStartTime", get("sessionStartDate"))
    start = _when(start_raw, "sessionStartTime")
    if start is None:
        raise _Reject("sessionStartTime: missing")
    end = _when(get("sessionEndTime"), "sessionEndTime")
    duration = _seconds_as_ms(get("duration"), "duration")
    if duration is None and "sessionDuration" in raw:  # a cisco-style ms duration, if a server mixes
        duration = _ms(get("sessionDuration"), "sessionDuration")
    if end is None and duration is not None:
        end = _end(start, duration, "duration")
    elif duration is None and end is not None and end >= start:
        duration = to_ms(end) - to_ms(start)

    media = _obj(get("media"), "media")
    tracks: tuple[Track, ...] = ()
    urls = _NO_URLS
    if media:
        codec = _text(media.get("codec"), "media.codec")
        audio = _text(media.get("url"), "media.url")
        if audio is not None:
            urls = _new_urls(audio=audio)
        tracks = _spec_tracks(media, codec)

    participants: list[Participant] = []
    for i, p in enumerate(_items(get("participants"), "participants")):
        path = f"participants[{i}]."
        if isinstance(p, _SCALAR) and not isinstance(p, bool):  # a bare number
            participants.append(_new_participant(device_ref=_text(p, path[:-1])))
            continue
        if p is None:
            continue
        p = _obj(p, path[:-1])
        participants.append(
            _new_participant(
                device_ref=_text(p.get("number", p.get("deviceRef")), "number", path),
                role=_text(p.get("role"), "role", path),
                name=_text(p.get("name"), "name", path),
            )
        )

    return _new_record(
        session_id=sid,
        state=_state(get("state", get("sessionState"))),
        start=start,
        end=end,
        duration_ms=duration,
        urls=urls,
        tracks=tracks,
        participants=tuple(participants),
        tags=_tags(get("tags")),
        pruned=_flag(get("pruned"), "pruned"),
        dialect=dialect,
        raw=raw,
        **_optional_spec_fields(raw),
    )


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def normalize_session(raw: object, dialect: str) -> SessionRecord | RejectedRecord:
    """One raw session object -> SessionRecord, or RejectedRecord saying which field was wrong.

    `dialect` is "cisco", "spec", "legacy", or "auto" (detect per object). An unknown dialect name
    is a programming error and raises ValueError; bad data never raises."""
    if dialect == _AUTO:
        dialect = detect_dialect(raw)
    elif dialect not in DIALECTS:
        raise ValueError(f"unknown MediaSense dialect {dialect!r}; expected one of {sorted(DIALECTS)}")
    if type(raw) is not dict and not isinstance(raw, Mapping):
        return RejectedRecord(raw=raw, reason=f"session: expected an object, got {type(raw).__name__}", dialect=dialect)
    sid = _session_id(raw)
    try:
        if sid is None:
            value = raw.get("sessionId")
            if value is None or (type(value) is str and not value.strip()):
                raise _Reject("sessionId: missing")
            raise _Reject(f"sessionId: expected text, got {type(value).__name__} {_show(value)}")
        if dialect == "spec":
            return _spec(raw, sid, dialect)
        return _cisco(raw, sid, dialect)
    except _Reject as exc:
        return RejectedRecord(raw=raw, reason=str(exc), session_id=sid, dialect=dialect)
    except Exception as exc:  # a safety net: one odd row must never cost the page
        return RejectedRecord(
            raw=raw, reason=f"unexpected data: {type(exc).__name__}: {exc}", session_id=sid, dialect=dialect
        )


def normalize_page(items: Iterable[object], dialect: str) -> tuple[list[SessionRecord], list[RejectedRecord]]:
    """Normalize a page of sessions; every item lands in exactly one of the two lists, in order."""
    if dialect != _AUTO and dialect not in DIALECTS:
        raise ValueError(f"unknown MediaSense dialect {dialect!r}; expected one of {sorted(DIALECTS)}")
    records: list[SessionRecord] = []
    rejected: list[RejectedRecord] = []
    add_record = records.append
    add_rejected = rejected.append
    # Every session allocates a dozen small container objects that all survive, which makes the
    # cyclic GC rescan the whole heap again and again (~30% of the time on a 100k-row backfill).
    # Nothing here creates reference cycles, so pause it for the page and restore it after.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for item in items:
            out = normalize_session(item, dialect)
            if type(out) is SessionRecord:
                add_record(out)
            else:
                add_rejected(out)
    finally:
        if gc_was_enabled:
            gc.enable()
    return records, rejected
