"""The spec dialect's sessions (the original specification's API) -> SessionRecord.

ISO 8601 times, durations in seconds, agent / team / direction / numbers carried by the session.
`optional_spec_fields` reads those extra fields in any dialect that happens to send them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from qms_desktop.domain.sessions import Participant, SessionRecord, Track
from qms_desktop.domain.time import to_ms
from qms_desktop.mediasense.fields import (
    SCALAR,
    SEQUENCE,
    Reject,
    blank,
    end_after,
    read_direction,
    read_flag,
    read_items,
    read_ms,
    read_obj,
    read_seconds_as_ms,
    read_state,
    read_tags,
    read_text,
    read_urls,
    read_when,
    show,
)
from qms_desktop.mediasense.slotinit import NO_URLS, new_participant, new_record, new_track, new_urls

_MAX_TRACKS = 64

# Keys that only the spec dialect sends; cisco rows are checked for them before reading them.
SPEC_KEYS = frozenset(
    {"recordingId", "agent", "team", "callDirection", "callerNumber", "calledNumber", "queue", "wrapUp"}
)


def optional_spec_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """agent / team / direction / numbers / queue / wrap-up: spec fields, read in any dialect when
    present (cisco itself has none; QMS's directory supplies them there)."""
    out: dict[str, Any] = {}
    if "recordingId" in raw:
        out["recording_id"] = read_text(raw["recordingId"], "recordingId")
    agent = raw.get("agent")
    if isinstance(agent, SCALAR) and not isinstance(agent, bool):
        out["agent_id"] = read_text(agent, "agent")
    elif agent is not None:
        a = read_obj(agent, "agent")
        out["agent_id"] = read_text(a.get("id"), "agent.id")
        out["agent_name"] = read_text(a.get("name"), "agent.name")
    team = raw.get("team")
    if isinstance(team, SCALAR) and not isinstance(team, bool):
        out["team_code"] = read_text(team, "team")
    elif team is not None:
        out["team_code"] = read_text(read_obj(team, "team").get("id"), "team.id")
    if "callDirection" in raw:
        out["direction"] = read_direction(raw["callDirection"])
    if "callerNumber" in raw:
        out["ani"] = read_text(raw["callerNumber"], "callerNumber")
    if "calledNumber" in raw:
        out["dnis"] = read_text(raw["calledNumber"], "calledNumber")
    if "queue" in raw:
        out["csq"] = read_text(raw["queue"], "queue")
    wrap = raw.get("wrapUp")
    if isinstance(wrap, str):
        out["wrap_up_reason"] = read_text(wrap, "wrapUp")
    elif wrap is not None:
        out["wrap_up_reason"] = read_text(read_obj(wrap, "wrapUp").get("reason"), "wrapUp.reason")
    return out


def _spec_tracks(media: Mapping[str, Any], codec: str | None) -> tuple[Track, ...]:
    # The specification only says `media.tracks`; accept a count, a list of numbers or a list of
    # track objects. A count N names tracks 1..N, as the specification's media path does
    # (`/track/{trackIndex}`, 0 being its whole call); a track without a number keeps it unknown. With
    # no track info the codec is kept on a track of unknown number.
    value = media.get("tracks")
    if blank(value):
        return (new_track(number=None, codec=codec),) if codec else ()
    if not isinstance(value, SEQUENCE):
        count = read_ms(value, "media.tracks") or 0
        if count > _MAX_TRACKS:  # a count, not a list: guard against building millions of tracks
            raise Reject(f"media.tracks: implausible track count: {show(value)}")
        return tuple(new_track(number=n, codec=codec) for n in range(1, count + 1))
    out: list[Track] = []
    for i, t in enumerate(value):
        path = f"media.tracks[{i}]."
        if not isinstance(t, Mapping):
            n = read_ms(t, path[:-1])
            out.append(new_track(number=n, codec=codec))
            continue
        n = read_ms(t.get("trackNumber", t.get("number")), "number", path)
        out.append(
            new_track(
                number=n,
                media_type=read_text(t.get("trackMediaType", t.get("mediaType")), "mediaType", path) or "AUDIO",
                codec=read_text(t.get("codec"), "codec", path) or codec,
                duration_ms=read_ms(t.get("trackDuration"), "trackDuration", path),
                download_url=read_text(t.get("downloadUrl", t.get("url")), "url", path),
            )
        )
    return tuple(out)


def normalize_spec(raw: Mapping[str, Any], sid: str, dialect: str, raw_json: str | None = None) -> SessionRecord:
    get = raw.get
    start_raw = get("sessionStartTime", get("sessionStartDate"))
    start = read_when(start_raw, "sessionStartTime")
    if start is None:
        raise Reject("sessionStartTime: missing")
    end = read_when(get("sessionEndTime"), "sessionEndTime")
    duration = read_seconds_as_ms(get("duration"), "duration")
    if duration is None and "sessionDuration" in raw:  # a cisco-style ms duration, if a server mixes
        duration = read_ms(get("sessionDuration"), "sessionDuration")
    if end is None and duration is not None:
        end = end_after(start, duration, "duration")
    elif duration is None and end is not None and end >= start:
        duration = to_ms(end) - to_ms(start)

    media = read_obj(get("media"), "media")
    tracks: tuple[Track, ...] = ()
    urls = NO_URLS
    if media:
        codec = read_text(media.get("codec"), "media.codec")
        audio = read_text(media.get("url"), "media.url")
        if audio is not None:
            urls = new_urls(audio=audio)
        tracks = _spec_tracks(media, codec)
    if get("urls") is not None:  # a server mixing in the cisco field: either of its shapes
        cisco_urls = read_urls(get("urls"))
        urls = dataclasses.replace(cisco_urls, audio=urls.audio) if urls.audio else cisco_urls

    participants: list[Participant] = []
    for i, p in enumerate(read_items(get("participants"), "participants")):
        path = f"participants[{i}]."
        if isinstance(p, SCALAR) and not isinstance(p, bool):  # a bare number
            participants.append(new_participant(device_ref=read_text(p, path[:-1])))
            continue
        if p is None:
            continue
        p = read_obj(p, path[:-1])
        participants.append(
            new_participant(
                device_ref=read_text(p.get("number", p.get("deviceRef")), "number", path),
                role=read_text(p.get("role"), "role", path),
                name=read_text(p.get("name"), "name", path),
            )
        )

    return new_record(
        session_id=sid,
        state=read_state(get("state", get("sessionState"))),
        start=start,
        end=end,
        duration_ms=duration,
        urls=urls,
        tracks=tracks,
        participants=tuple(participants),
        tags=read_tags(get("tags")),
        pruned=read_flag(get("pruned"), "pruned"),
        dialect=dialect,
        raw=raw,
        raw_json=raw_json,
        **optional_spec_fields(raw),
    )
