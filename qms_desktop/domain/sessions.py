"""A recording session as the whole app knows it, whatever MediaSense API flavour delivered it.

No I/O here: the client normalizes into these types, the store writes them, the directory enriches them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Final, TypeAlias


class SessionState(StrEnum):
    ACTIVE = "ACTIVE"
    CLOSED_NORMAL = "CLOSED_NORMAL"
    CLOSED_ERROR = "CLOSED_ERROR"
    DELETED = "DELETED"
    UNKNOWN = "UNKNOWN"

    @property
    def is_open(self) -> bool:
        return self is SessionState.ACTIVE

    @property
    def rank(self) -> int:
        """Lifecycle order: a copy with a lower rank never replaces one with a higher rank."""
        return _STATE_RANK[self]


_STATE_RANK = {
    SessionState.UNKNOWN: 0,
    SessionState.ACTIVE: 1,
    SessionState.CLOSED_NORMAL: 2,
    SessionState.CLOSED_ERROR: 2,
    SessionState.DELETED: 3,
}


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class Participant:
    """One device on a track. MediaSense names devices, not people: `device_ref` is usually an
    extension or a phone number; the directory maps extensions to agents."""

    device_ref: str | None
    device_id: str | None = None
    track_number: int | None = None
    start: datetime | None = None
    duration_ms: int | None = None
    xref_ci: str | None = None
    is_conference: bool = False
    role: str | None = None  # "agent" / "customer" where the source says so (specification dialect)
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Track:
    """One recorded stream. MediaSense numbers tracks from 0: with Unified CM track 0 is the recorded
    (agent's) phone and track 1 the far end; CUBE numbers them otherwise. `number` is None when the
    server did not say (it is never guessed from the position). A track may carry several
    participants (a conference) and may be VIDEO."""

    number: int | None
    media_type: str = "AUDIO"
    codec: str | None = None
    start: datetime | None = None
    duration_ms: int | None = None
    download_url: str | None = None
    participants: tuple[Participant, ...] = ()

    @property
    def is_video(self) -> bool:
        return is_video(self.media_type)


def is_video(media_type: str | None) -> bool:
    return (media_type or "").strip().upper() == "VIDEO"


# What a listener picks: the whole call (both parties mixed: wavUrl/mp4Url) or one track by number.
# The whole call is its own choice, never a track number (track 0 is a party).
TrackChoice: TypeAlias = int | None
WHOLE_CALL: Final = None
WHOLE_CALL_WORDS = ("whole", "all", "both")


class BadTrackChoice(ValueError):
    """A track choice that is neither a track number nor the whole call."""


def parse_track_choice(text: str | int | None) -> TrackChoice:
    """'whole' (also 'all', 'both', empty) -> WHOLE_CALL; '0', '1', ... -> that track."""
    if text is None or isinstance(text, int):
        if isinstance(text, int) and text < 0:
            raise BadTrackChoice(f"Track {text} does not exist: tracks are numbered from 0")
        return text
    value = text.strip().lower()
    if not value or value in WHOLE_CALL_WORDS:
        return WHOLE_CALL
    if value.isdigit():
        return int(value)
    raise BadTrackChoice(
        f"{text!r} is not a track: give a track number (0, 1, ... as MediaSense numbers them) "
        "or 'whole' for the whole call"
    )


def track_choice_segment(choice: TrackChoice) -> str:
    """How a choice appears in a URL path or an audit target: 'whole' or 'track<N>'."""
    return "whole" if choice is None else f"track{choice}"


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    type: str | None = None  # USER_DEFINED / SYSTEM_DEFINED
    created: datetime | None = None
    offset_ms: int | None = None
    track_number: int | None = None


@dataclass(frozen=True, slots=True)
class TagChange:
    """A tag added to (`added`) or removed from a session, as a MediaSense TAG_EVENT announces it."""

    session_id: str
    added: bool
    tag: Tag


@dataclass(frozen=True, slots=True)
class MediaUrls:
    wav: str | None = None
    mp4: str | None = None
    http: str | None = None
    rtsp: str | None = None
    audio: str | None = None  # the specification's `media.url`


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One recording session, normalized. Datetimes are timezone-aware UTC."""

    session_id: str
    state: SessionState
    start: datetime
    end: datetime | None = None
    duration_ms: int | None = None
    recording_id: str | None = None
    agent_id: str | None = None
    agent_name: str | None = None
    team_code: str | None = None
    direction: Direction | None = None
    ani: str | None = None
    dnis: str | None = None
    csq: str | None = None
    wrap_up_reason: str | None = None
    call_controller_ip: str | None = None
    call_controller_type: str | None = None
    ccid: str | None = None
    urls: MediaUrls = field(default_factory=MediaUrls)
    tracks: tuple[Track, ...] = ()
    participants: tuple[Participant, ...] = ()
    tags: tuple[Tag, ...] = ()
    pruned: bool = False
    dialect: str = "cisco"
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # `raw` as JSON text, when the client already serialized it to fingerprint the session.
    raw_json: str | None = field(default=None, compare=False, repr=False)
    # That fingerprint (`fingerprint.fingerprint(raw_json, dialect)`), when the client took it: the
    # store does not hash the text a second time.
    fingerprint: str | None = field(default=None, compare=False, repr=False)

    @property
    def codec(self) -> str | None:
        for track in self.tracks:  # a loop, not next(genexpr): read once a session by the sync
            if track.codec:
                return track.codec
        return None


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    """A session that could not be normalized: kept with the reason, never silently dropped."""

    raw: Any
    reason: str
    session_id: str | None = None
    dialect: str = "cisco"


@dataclass(frozen=True, slots=True)
class SessionFilters:
    """The specification's query filters; dialects apply them server-side where they can."""

    agent_id: str | None = None
    direction: Direction | None = None
    ani: str | None = None
    dnis: str | None = None
    state: SessionState | None = None


_RECORD_SLOTS = tuple(SessionRecord.__dict__[name] for name in SessionRecord.__dataclass_fields__)
_RECORD_COPY = tuple((slot.__get__, slot.__set__) for slot in _RECORD_SLOTS)
_RECORD_SETTERS = {
    name: slot.__set__ for name, slot in zip(SessionRecord.__dataclass_fields__, _RECORD_SLOTS, strict=True)
}
_SET_FINGERPRINT = _RECORD_SETTERS["fingerprint"]


def with_changes(record: SessionRecord, **changes: Any) -> SessionRecord:
    """`dataclasses.replace` for the sync's hot path: copies the slots directly instead of running the
    frozen dataclass's __init__ (which routes every field through object.__setattr__, ~7x slower)."""
    new = object.__new__(SessionRecord)
    for get, put in _RECORD_COPY:
        put(new, get(record))
    for name, value in changes.items():
        put_change = _RECORD_SETTERS.get(name)
        if put_change is None:
            raise TypeError(f"SessionRecord has no field {name!r}")
        put_change(new, value)
    if ("raw_json" in changes or "dialect" in changes) and "fingerprint" not in changes:
        _SET_FINGERPRINT(new, None)  # it was taken of the text in its dialect: the store hashes again
    return new
