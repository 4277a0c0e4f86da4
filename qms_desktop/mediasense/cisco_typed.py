"""The quick way to read an ordinary cisco session: typed decoding of its bytes (msgspec).

A sync reads hundreds of thousands of sessions, nearly all in the exact shape MediaSense documents
(numbers as numbers, text as text, nothing missing that matters). Those are decoded straight into
typed structs, checked by msgspec as they are parsed, and turned into the domain types here. Anything
else — a quoted number, a null inside a list, a negative duration, a specification-dialect field,
an unknown media URL key — is not guessed at: `read_session` returns None and the tolerant
normalizer (`cisco_sessions.normalize_cisco`) reads the session, rejecting it with its reason where
it must. Wherever this path returns a record, it is the record the tolerant one builds (a test
compares them over generated sessions).

`decode_ordinary` is the same decision without the record: the sync turns an ordinary session
straight into the rows it stores (`sync.rows`), and only the others into records.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated, NamedTuple

import msgspec
from msgspec import UNSET, Meta, Raw, Struct, UnsetType

from qms_desktop.domain.fingerprint import JsonObject
from qms_desktop.domain.sessions import MediaUrls, Participant, SessionRecord, SessionState, Tag, Track
from qms_desktop.mediasense.fields import MAX_MS, MIN_MS, read_state
from qms_desktop.mediasense.fields import epoch_datetime as _dt
from qms_desktop.mediasense.slotinit import NO_URLS, new_participant, new_record, new_tag, new_track, new_urls

log = logging.getLogger("qms.mediasense.normalize")

# What the tolerant readers accept without a second thought; the rest goes to them.
Epoch = Annotated[int, Meta(ge=MIN_MS, le=MAX_MS)]
Count = Annotated[int, Meta(ge=0)]


class CiscoParticipant(Struct):
    deviceRef: str | None = None
    deviceId: str | None = None
    participantStartDate: Epoch | None = None
    participantDuration: Count | None = None
    xRefCi: str | None = None
    isConference: bool | None = None


class CiscoTrack(Struct):
    trackNumber: Count | None = None
    trackMediaType: str | None = None
    codec: str | None = None
    trackStartDate: Epoch | None = None
    trackDuration: Count | None = None
    downloadUrl: str | None = None
    participants: list[CiscoParticipant] | None = None


class CiscoTag(Struct):
    tagName: str
    tagType: str | UnsetType | None = UNSET
    tagCreateDate: Epoch | None = None
    tagOffset: Count | None = None
    trackNumber: Count | None = None
    type: Raw | UnsetType = UNSET  # the specification's spelling: the tolerant reader decides


class CiscoUrls(Struct, forbid_unknown_fields=True):  # an unknown key is logged by the tolerant reader
    wavUrl: str | None = None
    mp4Url: str | None = None
    httpUrl: str | None = None
    rtspUrl: str | None = None


class CiscoSession(Struct):
    sessionId: str
    sessionStartDate: Epoch
    sessionState: str | None = None
    sessionDuration: Count | None = None
    callControllerIP: str | None = None
    callControllerType: str | None = None
    ccid: str | None = None
    tracks: list[CiscoTrack] | None = None
    urls: CiscoUrls | None = None
    tags: list[CiscoTag] | None = None
    pruned: bool | None = None
    # Specification-dialect fields a mixed server may add: present at all, the tolerant reader reads them.
    recordingId: Raw | UnsetType = UNSET
    agent: Raw | UnsetType = UNSET
    team: Raw | UnsetType = UNSET
    callDirection: Raw | UnsetType = UNSET
    callerNumber: Raw | UnsetType = UNSET
    calledNumber: Raw | UnsetType = UNSET
    queue: Raw | UnsetType = UNSET
    wrapUp: Raw | UnsetType = UNSET

    def has_spec_fields(self) -> bool:
        return not (
            self.recordingId is UNSET
            and self.agent is UNSET
            and self.team is UNSET
            and self.callDirection is UNSET
            and self.callerNumber is UNSET
            and self.calledNumber is UNSET
            and self.queue is UNSET
            and self.wrapUp is UNSET
        )


_decoder = msgspec.json.Decoder(CiscoSession)


class Ordinary(NamedTuple):
    """An ordinary cisco session, decoded and checked, with what the checks worked out."""

    session: CiscoSession
    session_id: str  # stripped
    state: SessionState
    end_ms: int | None
    duration_ms: int | None


def decode_ordinary(data: Raw | bytes) -> Ordinary | None:
    """The cisco session in `data` when it is ordinary, or None when the tolerant normalizer must
    read it (it then accepts it, or rejects it with its reason, exactly as it would have)."""
    try:
        return _ordinary(_decoder.decode(data))
    except msgspec.DecodeError:
        return None
    except Exception:  # whatever else went wrong here, the tolerant reader gives the right answer
        log.debug("The typed reader gave up on a session; the tolerant one reads it", exc_info=True)
        return None


def read_session(data: Raw | bytes, text: str, fingerprint: str | None = None) -> SessionRecord | None:
    """The cisco session in `data` (its JSON text: `text`, whose fingerprint is `fingerprint` when the
    caller took it), or None when the tolerant normalizer must read it."""
    found = decode_ordinary(data)
    return None if found is None else _record(found, text, fingerprint)


def _ordinary(s: CiscoSession) -> Ordinary | None:
    sid = s.sessionId.strip()
    state_text = s.sessionState
    if not sid or not state_text or s.has_spec_fields():
        return None  # no usable id, the state under another key, or specification fields
    for t in s.tags or ():
        if not t.tagName.strip() or (t.tagType is UNSET and t.type is not UNSET):
            return None  # no name (rejected), or the type under the specification's key
    state = read_state(state_text)
    end, duration = _end_and_duration(s, state)
    if end is not None and end > MAX_MS:
        return None  # past year 9999: the tolerant reader rejects it with its reason
    return Ordinary(s, sid, state, end, duration)


def _end_and_duration(s: CiscoSession, state: SessionState) -> tuple[int | None, int | None]:
    """`fields.end_and_duration` in epoch ms: start + sessionDuration or, for a closed session sent
    without it, the end of its last track (a track without a start began with the session). An end
    past MAX_MS is returned as it is: the caller leaves that session to the tolerant reader."""
    start, duration = s.sessionStartDate, s.sessionDuration
    if duration is not None:
        return start + duration, duration
    if state is SessionState.ACTIVE:
        return None, None
    end: int | None = None
    for tr in s.tracks or ():
        if (track_duration := tr.trackDuration) is not None:
            track_end = (start if tr.trackStartDate is None else tr.trackStartDate) + track_duration
            if track_end > MAX_MS:
                return track_end, None
            if end is None or track_end > end:
                end = track_end
    if end is None:
        return None, None
    end = max(end, start)
    return end, end - start


# Text fields are stripped and "" reads as not given, as `fields.read_text` does; written out inline
# below because a sync does it twenty times a session.
def _record(found: Ordinary, text: str, fingerprint: str | None) -> SessionRecord:
    s = found.session
    start = _dt(s.sessionStartDate)
    tracks: list[Track] = []
    participants: list[Participant] = []
    for tr in s.tracks or ():
        number = tr.trackNumber
        parts = [
            new_participant(
                device_ref=(v.strip() or None) if (v := p.deviceRef) else None,
                device_id=(v.strip() or None) if (v := p.deviceId) else None,
                track_number=number,
                start=None if (ms := p.participantStartDate) is None else _dt(ms),
                duration_ms=p.participantDuration,
                xref_ci=(v.strip() or None) if (v := p.xRefCi) else None,
                is_conference=bool(p.isConference),
            )
            for p in tr.participants or ()
        ]
        participants.extend(parts)
        tracks.append(
            new_track(
                number=number,
                media_type=((v.strip() or None) if (v := tr.trackMediaType) else None) or "AUDIO",
                codec=(v.strip() or None) if (v := tr.codec) else None,
                start=None if (ms := tr.trackStartDate) is None else _dt(ms),
                duration_ms=tr.trackDuration,
                download_url=(v.strip() or None) if (v := tr.downloadUrl) else None,
                participants=tuple(parts),
            )
        )
    return new_record(
        session_id=found.session_id,
        state=found.state,
        start=start,
        end=None if found.end_ms is None else _dt(found.end_ms),
        duration_ms=found.duration_ms,
        call_controller_ip=(v.strip() or None) if (v := s.callControllerIP) else None,
        call_controller_type=(v.strip() or None) if (v := s.callControllerType) else None,
        ccid=(v.strip() or None) if (v := s.ccid) else None,
        urls=_urls(s.urls),
        tracks=tuple(tracks),
        participants=tuple(participants),
        tags=_tags(s.tags),
        pruned=bool(s.pruned),
        dialect="cisco",
        raw=JsonObject(text),
        raw_json=text,
        fingerprint=fingerprint,
    )


def _urls(u: CiscoUrls | None) -> MediaUrls:
    if u is None:
        return NO_URLS
    found: dict[str, str] = {}
    if (v := u.wavUrl) and (v := v.strip()):
        found["wav"] = v
    if (v := u.mp4Url) and (v := v.strip()):
        found["mp4"] = v
    if (v := u.httpUrl) and (v := v.strip()):
        found["http"] = v
    if (v := u.rtspUrl) and (v := v.strip()):
        found["rtsp"] = v
    return new_urls(**found) if found else NO_URLS


def _tags(tags: list[CiscoTag] | None) -> tuple[Tag, ...]:
    if not tags:
        return ()
    out: list[Tag] = []
    for t in tags:
        name = t.tagName.strip()
        kind = t.tagType
        created: datetime | None = None if (ms := t.tagCreateDate) is None else _dt(ms)
        out.append(
            new_tag(
                name=name,
                type=(kind.strip() or None) if kind else None,
                created=created,
                offset_ms=t.tagOffset,
                track_number=t.trackNumber,
            )
        )
    return tuple(out)


__all__ = [
    "CiscoParticipant",
    "CiscoSession",
    "CiscoTag",
    "CiscoTrack",
    "CiscoUrls",
    "Ordinary",
    "decode_ordinary",
    "read_session",
]
