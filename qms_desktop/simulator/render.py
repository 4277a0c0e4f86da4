"""Calls rendered as JSON objects, written straight from docs/wire-shapes.md for each profile.

Deliberately independent of `qms_desktop.mediasense`: the simulator must not share the client's
understanding of the wire format, or tests would only prove the client agrees with itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from qms_desktop.simulator.data import Call

CALL_CONTROLLER_IP = "10.20.0.11"
CALL_CONTROLLER_TYPE = "Cisco-CUCM"


def iso(ms: int) -> str:
    """ISO 8601 UTC with milliseconds, e.g. 2026-01-26T10:00:00.123Z."""
    return datetime.fromtimestamp(ms // 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def _device_id(ref: str) -> str:
    # Agent phones look like CUCM SEP device names; the far end of a PSTN call is the trunk.
    return f"SEP00505691{ref:0>4}"[-15:] if ref.isdigit() else "SIP_trunk_PSTN"


@lru_cache(maxsize=8)
def _host(media_base: str) -> str:
    return urlsplit(media_base).hostname or "127.0.0.1"


def _participant(call: Call, ref: str, xref: str, closed: bool, conference: bool) -> dict[str, Any]:
    participant: dict[str, Any] = {
        "deviceRef": ref,
        "deviceId": _device_id(ref),
        "participantStartDate": call.start_ms,
        "xRefCi": xref,
        "isConference": conference,
    }
    if closed:
        participant["participantDuration"] = call.duration_ms
    return participant


def _track(
    call: Call, n: int, refs: tuple[str, ...], xref: str, closed: bool, media_base: str, download: bool
) -> dict[str, Any]:
    """Track `n` as MediaSense numbers them: 0 the recorded (agent's) phone, 1 the far end (Unified CM;
    Developer Guide 9.0 p38). A conference puts several participants on one track."""
    conference = len(refs) > 1
    track: dict[str, Any] = {
        "trackNumber": n,
        "trackStartDate": call.start_ms,
        "trackMediaType": "AUDIO",
        "codec": call.codec,
        "participants": [
            _participant(call, ref, xref if i == 0 else f"{xref}{i}", closed, conference) for i, ref in enumerate(refs)
        ],
    }
    if closed:
        track["trackDuration"] = call.duration_ms
    if download:  # downloadUrl: AUDIO tracks of CLOSED_NORMAL sessions only
        track["downloadUrl"] = f"{media_base}/mma/ExportRaw?recording={call.session_id}-TRACK{n}"
    return track


def _video_track(call: Call, closed: bool) -> dict[str, Any]:
    """A video call's picture (our assumption of its shape: number 2, H264, the agent's device)."""
    track: dict[str, Any] = {
        "trackNumber": 2,
        "trackStartDate": call.start_ms,
        "trackMediaType": "VIDEO",
        "codec": "H264",
        "participants": [_participant(call, call.agent.extension, call.xref[0], closed, False)],
    }
    if closed:
        track["trackDuration"] = call.duration_ms
    return track


def cisco_session(
    call: Call,
    now_ms: int,
    media_base: str,
    *,
    malformed: bool = False,
    urls_array: bool = False,
    without_duration: bool = False,
) -> dict[str, Any]:
    """One session as 11.5 sends it (`urls` an object, closed sessions only), or with `urls_array`
    as the 8.5 payloads show it: an array of one-key objects, a live RTSP URL while recording.
    `without_duration`: a closed session without sessionDuration, only trackDuration on its
    tracks, as a real 11.5 server answers some CLOSED_NORMAL sessions."""
    # Straight-line code on purpose: a 100,000-session sync renders this 100,000 times.
    state = call.state(now_ms)
    closed = state != "ACTIVE"
    download = state == "CLOSED_NORMAL"
    sid = call.session_id
    start = call.start_ms
    tags: list[dict[str, Any]] = [
        {
            "tagName": "TrackActive",
            "tagType": "SYSTEM_DEFINED",
            "tagCreateDate": start,
            "tagOffset": 0,
            "trackNumber": 0,
        },
        {
            "tagName": "TrackActive",
            "tagType": "SYSTEM_DEFINED",
            "tagCreateDate": start,
            "tagOffset": 0,
            "trackNumber": 1,
        },
    ]
    if call.user_tags:
        elapsed = now_ms - start
        tags.extend(
            {"tagName": name, "tagType": "USER_DEFINED", "tagCreateDate": start + offset, "tagOffset": offset}
            for name, offset in call.user_tags
            if closed or offset <= elapsed
        )
    agent_ref, far_ref = call.device_refs
    far_refs = (far_ref, call.conference_ref) if call.conference_ref else (far_ref,)
    tracks = [
        _track(call, 0, (agent_ref,), call.xref[0], closed, media_base, download),
        _track(call, 1, far_refs, call.xref[1], closed, media_base, download),
    ]
    if call.video:
        tracks.append(_video_track(call, closed))
    session: dict[str, Any] = {
        "sessionId": sid,
        "sessionState": state,
        "sessionStartDate": start,
        "callControllerIP": CALL_CONTROLLER_IP,
        "callControllerType": CALL_CONTROLLER_TYPE,
        "ccid": call.ccid,
        "tags": tags,
        "pruned": call.pruned,
        "tracks": tracks,
    }
    if closed and not without_duration:
        session["sessionDuration"] = call.duration_ms
    if closed:
        mp4 = f"{media_base}/recordedMedia/oramedia/mp4/{sid}.mp4"
        urls = {
            "rtspUrl": f"rtsp://{_host(media_base)}/archive/{sid}",
            "httpUrl": mp4,
            "mp4Url": mp4,
            "wavUrl": f"{media_base}/recordedMedia/oramedia/wav/{sid}.wav",
        }
        session["urls"] = [{key: url} for key, url in urls.items()] if urls_array else urls
    elif urls_array:
        session["urls"] = [{"rtspUrl": f"rtsp://{_host(media_base)}/live/{sid}"}]
    if malformed:
        # Alternate between the two breakages a client must quarantine rather than crash on.
        if call.key % 2:
            del session["sessionId"]
        else:
            session["sessionStartDate"] = "yesterday-ish"
    return session


def stringify_numbers(value: Any) -> Any:
    """Older servers send every number as a JSON string ("1769421214895"); booleans stay booleans."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return {k: stringify_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [stringify_numbers(v) for v in value]
    return value


def spec_media_url(api_base: str, session_id: str, track: int) -> str:
    return f"{api_base}/ora/mediaService/media/session/{session_id}/track/{track}"


def spec_session(call: Call, now_ms: int, api_base: str, *, malformed: bool = False) -> dict[str, Any]:
    state = call.state(now_ms)
    active = state == "ACTIVE"
    sid = call.session_id
    caller, called = call.caller_called
    agent_number = call.agent.extension
    participants = []
    for number in (caller, called):
        if number == agent_number:
            participants.append({"number": number, "role": "agent", "name": call.agent.name})
        elif call.other_agent is not None and number == call.other_agent.extension:
            participants.append({"number": number, "role": "agent", "name": call.other_agent.name})
        else:
            participants.append({"number": number, "role": "customer"})
    media_url = None if active else spec_media_url(api_base, sid, 0)
    session: dict[str, Any] = {
        "sessionId": sid,
        "recordingId": f"REC-{sid.upper()}",
        "sessionStartTime": iso(call.start_ms),
        "sessionEndTime": None if active else iso(call.end_ms),
        "duration": None if active else round(call.duration_ms / 1000, 3),
        "state": state,
        "agent": {"id": call.agent.agent_id, "name": call.agent.name},
        "team": {"id": call.agent.team.team_id, "name": call.agent.team.name},
        "callDirection": call.direction,
        "callerNumber": caller,
        "calledNumber": called,
        "queue": call.agent.team.queue if call.direction == "inbound" else None,
        "wrapUp": {"reason": None if active else call.wrap_up},
        "media": {
            "url": media_url,
            "codec": call.codec,
            "tracks": [{"track": n, "url": None if active else spec_media_url(api_base, sid, n)} for n in (0, 1, 2)],
        },
        "participants": participants,
        "tags": [name for name, offset in call.user_tags if not active or offset <= now_ms - call.start_ms],
        "pruned": call.pruned,
    }
    if malformed:
        if call.key % 2:
            del session["sessionId"]
        else:
            session["sessionStartTime"] = "not-a-date"
    return session
