"""The quick way to read an ordinary cisco session: typed decoding of its bytes (msgspec).

A sync reads hundreds of thousands of sessions, nearly all in the exact shape MediaSense documents
(numbers as numbers, text as text, nothing missing that matters). Those are decoded straight into
typed structs, checked by msgspec as they are parsed, and turned into the domain types here. Anything
else — a quoted number, a null inside a list, a negative duration, a specification-dialect field,
an unknown media URL key — is not guessed at: `read_session` returns None and the tolerant
normalizer (`cisco_sessions.normalize_cisco`) reads the session, rejecting it with its reason where
it must. Wherever this path returns a record, it is the record the tolerant one builds (a test
compares them over generated sessions).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated

import msgspec
from msgspec import UNSET, Meta, Raw, Struct, UnsetType

from qms_desktop.domain.fingerprint import JsonObject
from qms_desktop.domain.sessions import MediaUrls, Participant, SessionRecord, Tag, Track
from qms_desktop.mediasense.fields import MAX_MS, MIN_MS, Reject, end_and_duration, read_state
from qms_desktop.mediasense.fields import epoch_datetime as _dt
from qms_desktop.mediasense.slotinit import NO_URLS, new_participant, new_record, new_tag, new_track, new_urls

log = logging.getLogger("qms.mediasense.normalize")

# What the tolerant readers accept without a second thought; the rest goes to them.
Epoch = Annotated[int, Meta(ge=MIN_MS, le=MAX_MS)]
Count = Annotated[int, Meta(ge=0)]


class _Participant(Struct):
    deviceRef: str | None = None
    deviceId: str | None = None
    participantStartDate: Epoch | None = None
    participantDuration: Count | None = None
    xRefCi: str | None = None
    isConference: bool | None = None


class _Track(Struct):
    trackNumber: Count | None = None
    trackMediaType: str | None = None
    codec: str | None = None
    trackStartDate: Epoch | None = None
    trackDuration: Count | None = None
    downloadUrl: str | None = None
    participants: list[_Participant] | None = None


class _Tag(Struct):
    tagName: str
    tagType: str | UnsetType | None = UNSET
    tagCreateDate: Epoch | None = None
    tagOffset: Count | None = None
    trackNumber: Count | None = None
    type: Raw | UnsetType = UNSET  # the specification's spelling: the tolerant reader decides


class _Urls(Struct, forbid_unknown_fields=True):  # an unknown key is logged by the tolerant reader
    wavUrl: str | None = None
    mp4Url: str | None = None
    httpUrl: str | None = None
    rtspUrl: str | None = None


class _Session(Struct):
    sessionId: str
    sessionStartDate: Epoch
    sessionState: str | None = None
    sessionDuration: Count | None = None
    callControllerIP: str | None = None
    callControllerType: str | None = None
    ccid: str | None = None
    tracks: list[_Track] | None = None
    urls: _Urls | None = None
    tags: list[_Tag] | None = None
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


_decoder = msgspec.json.Decoder(_Session)


class _NotOrdinary(Exception):
    """The session needs the tolerant reader."""


def read_session(data: Raw | bytes, text: str, fingerprint: str | None = None) -> SessionRecord | None:
    """The cisco session in `data` (its JSON text: `text`, whose fingerprint is `fingerprint` when the
    caller took it), or None when the tolerant normalizer must read it."""
    try:
        return _record(_decoder.decode(data), text, fingerprint)
    except (msgspec.DecodeError, _NotOrdinary):
        return None
    except Exception:  # whatever else went wrong here, the tolerant reader gives the right answer
        log.debug("The typed reader gave up on a session; the tolerant one reads it", exc_info=True)
        return None


# Text fields are stripped and "" reads as not given, as `fields.read_text` does; written out inline
# below because a sync does it twenty times a session.
def _record(s: _Session, text: str, fingerprint: str | None) -> SessionRecord:
    sid = s.sessionId.strip()
    state_text = s.sessionState
    if not sid or not state_text or s.has_spec_fields():
        raise _NotOrdinary  # no usable id, the state under another key, or specification fields
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
    state = read_state(state_text)
    try:
        end, duration = end_and_duration(start, s.sessionDuration, state, tracks)
    except Reject:
        raise _NotOrdinary from None  # past year 9999: the tolerant reader rejects it with its reason
    return new_record(
        session_id=sid,
        state=state,
        start=start,
        end=end,
        duration_ms=duration,
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


def _urls(u: _Urls | None) -> MediaUrls:
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


def _tags(tags: list[_Tag] | None) -> tuple[Tag, ...]:
    if not tags:
        return ()
    out: list[Tag] = []
    for t in tags:
        name = t.tagName.strip()
        kind = t.tagType
        if not name or (kind is UNSET and t.type is not UNSET):
            raise _NotOrdinary  # no name (rejected), or the type under the specification's key
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


__all__ = ["read_session"]
