"""The cisco and legacy dialects' sessions -> SessionRecord.

cisco is the real MediaSense REST API (epoch-ms numbers); legacy sends the same shape with every
number quoted as a string. The field readers accept both, so one normalizer serves the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qms_desktop.domain.sessions import Participant, SessionRecord, Track
from qms_desktop.mediasense.fields import (
    Reject,
    end_and_duration,
    read_epoch,
    read_flag,
    read_items,
    read_ms,
    read_obj,
    read_state,
    read_tags,
    read_text,
    read_urls,
)
from qms_desktop.mediasense.slotinit import new_participant, new_record, new_track
from qms_desktop.mediasense.spec_sessions import SPEC_KEYS, optional_spec_fields


def normalize_cisco(raw: Mapping[str, Any], sid: str, dialect: str, raw_json: str | None = None) -> SessionRecord:
    get = raw.get
    start = read_epoch(get("sessionStartDate"), "sessionStartDate")
    if start is None:
        raise Reject("sessionStartDate: missing")
    duration = read_ms(get("sessionDuration"), "sessionDuration")

    tracks: list[Track] = []
    participants: list[Participant] = []
    for i, tr in enumerate(read_items(get("tracks"), "tracks")):
        if tr is None:
            continue
        path = f"tracks[{i}]."
        if type(tr) is not dict:
            tr = read_obj(tr, path[:-1])
        tget = tr.get
        # MediaSense numbers tracks from 0 (Unified CM: 0 = the recorded phone, 1 = the far end). A
        # missing number stays unknown: the position says nothing about whose track it is.
        number = read_ms(tget("trackNumber"), "trackNumber", path)
        parts: list[Participant] = []
        for j, p in enumerate(read_items(tget("participants"), "participants", path)):
            if p is None:
                continue
            ppath = f"{path}participants[{j}]."
            if type(p) is not dict:
                p = read_obj(p, ppath[:-1])
            pget = p.get
            parts.append(
                new_participant(
                    device_ref=read_text(pget("deviceRef"), "deviceRef", ppath),
                    device_id=read_text(pget("deviceId"), "deviceId", ppath),
                    track_number=number,
                    start=read_epoch(pget("participantStartDate"), "participantStartDate", ppath),
                    duration_ms=read_ms(pget("participantDuration"), "participantDuration", ppath),
                    xref_ci=read_text(pget("xRefCi"), "xRefCi", ppath),
                    is_conference=read_flag(pget("isConference"), "isConference", ppath),
                )
            )
        participants.extend(parts)
        tracks.append(
            new_track(
                number=number,
                media_type=read_text(tget("trackMediaType"), "trackMediaType", path) or "AUDIO",
                codec=read_text(tget("codec"), "codec", path),
                start=read_epoch(tget("trackStartDate"), "trackStartDate", path),
                duration_ms=read_ms(tget("trackDuration"), "trackDuration", path),
                download_url=read_text(tget("downloadUrl"), "downloadUrl", path),
                participants=tuple(parts),
            )
        )

    media_urls = read_urls(get("urls"))

    # cisco has no agent/team/direction fields, but a mixed server may send them: read if present.
    extra = {} if SPEC_KEYS.isdisjoint(raw) else optional_spec_fields(raw)
    state = read_state(get("sessionState") or get("state"))
    end, duration = end_and_duration(start, duration, state, tracks)
    return new_record(
        session_id=sid,
        state=state,
        start=start,
        end=end,
        duration_ms=duration,
        call_controller_ip=read_text(get("callControllerIP"), "callControllerIP"),
        call_controller_type=read_text(get("callControllerType"), "callControllerType"),
        ccid=read_text(get("ccid"), "ccid"),
        urls=media_urls,
        tracks=tuple(tracks),
        participants=tuple(participants),
        tags=read_tags(get("tags")),
        pruned=read_flag(get("pruned"), "pruned"),
        dialect=dialect,
        raw=raw,
        raw_json=raw_json,
        **extra,
    )
