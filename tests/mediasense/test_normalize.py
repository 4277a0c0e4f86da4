"""Normalization of raw MediaSense sessions (cisco / spec / legacy) into SessionRecord."""

from __future__ import annotations

import copy
import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from qms_desktop.domain.time import to_ms
from qms_desktop.mediasense import normalize as nz
from qms_desktop.mediasense.normalize import (
    detect_dialect,
    normalize_page,
    normalize_session,
    parse_bool,
    parse_epoch_ms,
    parse_int,
    to_datetime,
)

START_MS = 1769421214895
START = datetime(2026, 1, 26, 9, 53, 34, 895000, tzinfo=UTC)
assert to_ms(START) == START_MS

# ---------------------------------------------------------------------------------------------
# Fixtures: hand-written wire JSON
# ---------------------------------------------------------------------------------------------

CISCO_115 = """
{"sessionId": "7519bf9b913f41", "sessionState": "CLOSED_NORMAL",
 "sessionStartDate": 1769421214895, "sessionDuration": 49580,
 "callControllerIP": "192.168.200.80", "callControllerType": "Cisco-CUCM",
 "tags": [{"tagName": "TrackActive", "tagType": "SYSTEM_DEFINED", "tagCreateDate": 1769421214895,
           "tagOffset": 0, "trackNumber": 1},
          {"tagName": "escalated", "tagType": "USER_DEFINED", "tagCreateDate": 1769421220000,
           "tagOffset": 5105}],
 "urls": {"rtspUrl": "rtsp://192.168.200.133/archive/7519bf9b913f41",
          "httpUrl": "https://192.168.200.133:8446/recordedMedia/oramedia/mp4/7519bf9b913f41.mp4",
          "mp4Url": "https://192.168.200.133:8446/recordedMedia/oramedia/mp4/7519bf9b913f41.mp4",
          "wavUrl": "https://192.168.200.133:8446/recordedMedia/oramedia/wav/7519bf9b913f41.wav"},
 "tracks": [
   {"trackNumber": 1, "trackStartDate": 1769421214895, "trackDuration": 49580,
    "trackMediaType": "AUDIO", "codec": "PCMA",
    "downloadUrl": "https://192.168.200.133:8446/mma/ExportRaw?recording=7519bf9b913f41-TRACK1",
    "participants": [{"deviceRef": "0673847476", "deviceId": "SIP_trunk_2951",
                      "participantStartDate": 1769421214895, "participantDuration": 49580,
                      "xRefCi": "17635156", "isConference": false}]},
   {"trackNumber": 0, "trackStartDate": 1769421214895, "trackDuration": 49580,
    "trackMediaType": "AUDIO", "codec": "PCMA",
    "downloadUrl": "https://192.168.200.133:8446/mma/ExportRaw?recording=7519bf9b913f41-TRACK0",
    "participants": [{"deviceRef": "1001", "deviceId": "SEP001122334455",
                      "participantStartDate": 1769421214895, "participantDuration": 49580,
                      "xRefCi": "17635157", "isConference": false}]}]}
"""

CISCO_ACTIVE = """
{"sessionId": "7519bf9b913f99", "sessionState": "ACTIVE", "sessionStartDate": 1769421214895,
 "callControllerIP": "192.168.200.80", "callControllerType": "Cisco-CUCM", "ccid": "4711",
 "tags": [],
 "tracks": [{"trackNumber": 0, "trackStartDate": 1769421214895, "trackMediaType": "AUDIO",
             "codec": "PCMU",
             "participants": [{"deviceRef": "1002", "participantStartDate": 1769421214895}]}]}
"""

# An older server: the cisco shape with every number (and boolean) quoted.
LEGACY = """
{"sessionId": "7519bf9b913f42", "sessionState": "CLOSED_NORMAL",
 "sessionStartDate": "1769421214895", "sessionDuration": "49580",
 "callControllerIP": "192.168.200.80", "callControllerType": "Cisco-CUCM", "pruned": "true",
 "tags": [{"tagName": "TrackActive", "tagType": "SYSTEM_DEFINED", "tagCreateDate": "1769421214895",
           "tagOffset": "0", "trackNumber": "1"}],
 "urls": {"wavUrl": "https://ms1:8446/recordedMedia/oramedia/wav/7519bf9b913f42.wav"},
 "tracks": [{"trackNumber": "0", "trackStartDate": "1769421214895", "trackDuration": "49580",
             "trackMediaType": "AUDIO", "codec": "PCMU",
             "participants": [{"deviceRef": "1003", "participantStartDate": "1769421214895",
                               "participantDuration": "49580", "isConference": "false"}]},
            {"trackNumber": "1", "trackStartDate": "1769421214895", "trackDuration": "49580",
             "trackMediaType": "AUDIO", "codec": "PCMU",
             "participants": [{"deviceRef": "0501234567", "isConference": "TRUE"}]}]}
"""

SPEC = """
{"sessionId": "s-000123", "recordingId": "rec-9", "sessionStartTime": "2026-01-26T09:53:34.895Z",
 "sessionEndTime": null, "duration": 49.58, "state": "closed_normal",
 "agent": {"id": "agent-7", "name": "Olena K."}, "team": {"id": "TEAM-A", "name": "Sales"},
 "callDirection": "Inbound", "callerNumber": "0673847476", "calledNumber": "1001",
 "queue": "CSQ_Sales", "wrapUp": {"reason": "Resolved"},
 "media": {"url": "https://ms:8440/ora/mediaService/media/session/s-000123/track/0", "codec": "PCMA",
           "tracks": 2},
 "participants": [{"number": "1001", "role": "agent", "name": "Olena K."},
                  {"number": "0673847476", "role": "customer"}],
 "tags": ["vip", "  ", "complaint"]}
"""


def load(text: str) -> dict[str, Any]:
    return json.loads(text)


def norm(raw: object, dialect: str = "cisco") -> SessionRecord:
    out = normalize_session(raw, dialect)
    assert isinstance(out, SessionRecord), out
    return out


def reject(raw: object, dialect: str = "cisco") -> RejectedRecord:
    out = normalize_session(raw, dialect)
    assert isinstance(out, RejectedRecord), out
    return out


# ---------------------------------------------------------------------------------------------
# cisco
# ---------------------------------------------------------------------------------------------


def test_cisco_115_session() -> None:
    raw = load(CISCO_115)
    rec = norm(raw)
    assert rec.session_id == "7519bf9b913f41"
    assert rec.state is SessionState.CLOSED_NORMAL
    assert rec.start == START and rec.start.tzinfo is UTC
    assert rec.duration_ms == 49580
    assert rec.end == START + timedelta(milliseconds=49580)
    assert rec.recording_id is None  # cisco has no recording id
    assert rec.agent_id is None and rec.direction is None  # from the directory, not the wire
    assert rec.call_controller_ip == "192.168.200.80"
    assert rec.call_controller_type == "Cisco-CUCM"
    assert rec.ccid is None
    assert rec.urls.wav == "https://192.168.200.133:8446/recordedMedia/oramedia/wav/7519bf9b913f41.wav"
    assert rec.urls.rtsp == "rtsp://192.168.200.133/archive/7519bf9b913f41"
    assert rec.urls.mp4 == rec.urls.http and rec.urls.audio is None
    assert [t.number for t in rec.tracks] == [1, 0]  # as numbered, whatever the list order
    assert rec.codec == "PCMA"
    t1 = rec.tracks[0]
    assert t1 == Track(
        number=1,
        media_type="AUDIO",
        codec="PCMA",
        start=START,
        duration_ms=49580,
        download_url="https://192.168.200.133:8446/mma/ExportRaw?recording=7519bf9b913f41-TRACK1",
        participants=(
            Participant(
                device_ref="0673847476",
                device_id="SIP_trunk_2951",
                track_number=1,
                start=START,
                duration_ms=49580,
                xref_ci="17635156",
                is_conference=False,
            ),
        ),
    )
    # participants flattened onto the session, each knowing its track
    assert [(p.device_ref, p.track_number) for p in rec.participants] == [("0673847476", 1), ("1001", 0)]
    assert rec.participants[1] is rec.tracks[1].participants[0]
    assert rec.tags == (
        Tag("TrackActive", "SYSTEM_DEFINED", START, 0, 1),
        Tag("escalated", "USER_DEFINED", datetime(2026, 1, 26, 9, 53, 40, tzinfo=UTC), 5105, None),
    )
    assert rec.pruned is False
    assert rec.dialect == "cisco"
    assert rec.raw is raw


def test_cisco_active_session_has_no_duration_or_urls() -> None:
    rec = norm(load(CISCO_ACTIVE))
    assert rec.state is SessionState.ACTIVE and rec.state.is_open
    assert rec.duration_ms is None and rec.end is None
    assert rec.urls == MediaUrls()
    assert rec.tracks[0].duration_ms is None and rec.tracks[0].download_url is None
    assert rec.ccid == "4711"
    assert rec.tags == ()
    assert rec.participants == (Participant(device_ref="1002", track_number=0, start=START),)


# The 8.5 payloads printed on Cisco's DocWiki: urls as an array of one-key objects.
CISCO_85_URLS = [
    {"rtspUrl": "rtsp://192.168.200.133/archive/7519bf9b913f41"},
    {"mp4Url": "https://192.168.200.133:8446/recordedMedia/oramedia/mp4/7519bf9b913f41.mp4"},
    {"wavUrl": "https://192.168.200.133:8446/recordedMedia/oramedia/wav/7519bf9b913f41.wav"},
]


@pytest.mark.parametrize("dialect", ["cisco", "legacy", "auto"])
def test_urls_as_an_8_5_array_read_like_the_11_5_object(dialect: str) -> None:
    as_object = norm(load(CISCO_115))
    raw = load(CISCO_115)
    raw["urls"] = [*CISCO_85_URLS, {"httpUrl": raw["urls"]["httpUrl"]}]
    rec = normalize_session(raw, dialect)
    assert isinstance(rec, SessionRecord)
    assert rec.urls == as_object.urls


def test_urls_unknown_keys_are_ignored_and_logged_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    raw = load(CISCO_115)
    raw["urls"] = [
        {"rtspUrl": "rtsp://a/live/1"},
        None,
        {"rtspUrl": "rtsp://b/live/2", "hlsUrl": "https://a/1.m3u8"},
        {},
    ]
    with caplog.at_level("DEBUG", logger="qms.mediasense.normalize"):
        rec = norm(raw)
    assert rec.urls == MediaUrls(rtsp="rtsp://a/live/1")  # the first of a repeated key wins
    assert any("hlsUrl" in r.getMessage() and r.levelname == "DEBUG" for r in caplog.records)
    raw["urls"] = {"wavUrl": "https://a/1.wav", "futureUrl": {"nested": True}}
    assert norm(raw).urls == MediaUrls(wav="https://a/1.wav")
    raw["urls"] = []
    assert norm(raw).urls == MediaUrls()


def test_spec_sessions_read_a_cisco_urls_field_in_either_shape() -> None:
    raw = load(SPEC)
    raw["urls"] = CISCO_85_URLS
    rec = normalize_session(raw, "spec")
    assert isinstance(rec, SessionRecord)
    assert rec.urls.rtsp == "rtsp://192.168.200.133/archive/7519bf9b913f41"
    assert rec.urls.audio is not None  # media.url is kept beside them


def test_legacy_numbers_as_strings_match_cisco_numbers() -> None:
    raw = load(LEGACY)
    rec = norm(raw, "legacy")
    assert rec.dialect == "legacy"
    assert rec.start == START and rec.duration_ms == 49580
    assert rec.pruned is True
    assert [t.number for t in rec.tracks] == [0, 1]
    assert rec.tracks[0].duration_ms == 49580 and rec.tracks[0].start == START
    assert [p.is_conference for p in rec.participants] == [False, True]
    assert rec.participants[0].duration_ms == 49580
    assert rec.tags == (Tag("TrackActive", "SYSTEM_DEFINED", START, 0, 1),)
    assert rec.urls == MediaUrls(wav="https://ms1:8446/recordedMedia/oramedia/wav/7519bf9b913f42.wav")
    # The same JSON with real numbers gives the same record, whatever dialect name is used.
    unquoted = json.loads(LEGACY.replace('"1769421214895"', "1769421214895").replace('"49580"', "49580"))
    assert dataclasses.replace(norm(unquoted, "legacy")) == rec
    assert dataclasses.replace(norm(raw, "cisco"), dialect="legacy") == rec


def test_numbers_as_strings_accepted_in_cisco_dialect_too() -> None:
    raw = load(CISCO_115)
    quoted = json.loads(json.dumps(raw), parse_int=str)
    assert quoted["sessionStartDate"] == "1769421214895"
    assert norm(quoted) == norm(raw)


# ---------------------------------------------------------------------------------------------
# spec
# ---------------------------------------------------------------------------------------------


def test_spec_session_maps_every_field() -> None:
    raw = load(SPEC)
    rec = norm(raw, "spec")
    assert rec.session_id == "s-000123"
    assert rec.recording_id == "rec-9"
    assert rec.start == START
    assert rec.duration_ms == 49580  # seconds on the wire
    assert rec.end == START + timedelta(milliseconds=49580)  # end derived from duration
    assert rec.state is SessionState.CLOSED_NORMAL  # case-insensitive
    assert (rec.agent_id, rec.agent_name, rec.team_code) == ("agent-7", "Olena K.", "TEAM-A")
    assert rec.direction is Direction.INBOUND
    assert (rec.ani, rec.dnis, rec.csq, rec.wrap_up_reason) == ("0673847476", "1001", "CSQ_Sales", "Resolved")
    assert rec.urls == MediaUrls(audio="https://ms:8440/ora/mediaService/media/session/s-000123/track/0")
    assert [(t.number, t.codec) for t in rec.tracks] == [(1, "PCMA"), (2, "PCMA")]
    assert rec.codec == "PCMA"
    assert rec.participants == (
        Participant(device_ref="1001", role="agent", name="Olena K."),
        Participant(device_ref="0673847476", role="customer"),
    )
    assert rec.tags == (Tag("vip"), Tag("complaint"))  # blank tag dropped
    assert rec.dialect == "spec" and rec.raw is raw


def test_spec_end_given_derives_duration_and_offsets_become_utc() -> None:
    raw = load(SPEC)
    raw.update(
        sessionStartTime="2026-01-26T11:53:34.895+02:00",
        sessionEndTime="2026-01-26T09:54:34.895",  # naive: taken as UTC
        duration=None,
    )
    rec = norm(raw, "spec")
    assert rec.start == START
    assert rec.end == START + timedelta(minutes=1)
    assert rec.duration_ms == 60_000


def test_spec_active_session() -> None:
    raw = load(SPEC)
    raw.update(state="ACTIVE", duration=None, sessionEndTime=None, media={"url": None, "codec": "PCMU"})
    rec = norm(raw, "spec")
    assert rec.state is SessionState.ACTIVE
    assert rec.duration_ms is None and rec.end is None
    assert rec.urls == MediaUrls()
    assert rec.tracks == (Track(number=None, codec="PCMU"),)  # codec kept; no track number is invented


@pytest.mark.parametrize(
    ("value", "expected"),
    [("OUTBOUND", Direction.OUTBOUND), (" internal ", Direction.INTERNAL), ("sideways", None), (3, None)],
)
def test_spec_direction(value: object, expected: Direction | None) -> None:
    raw = load(SPEC)
    raw["callDirection"] = value
    assert norm(raw, "spec").direction is expected


def test_spec_duration_as_string_and_epoch_start() -> None:
    raw = load(SPEC)
    raw.update(duration="12", sessionStartTime=str(START_MS))
    rec = norm(raw, "spec")
    assert rec.start == START and rec.duration_ms == 12_000


# ---------------------------------------------------------------------------------------------
# Tags in both shapes, blanks, unknown states
# ---------------------------------------------------------------------------------------------


def test_tags_in_both_shapes_in_either_dialect() -> None:
    raw = load(CISCO_ACTIVE)
    raw["tags"] = ["plain", {"tagName": " dict ", "tagType": "USER_DEFINED"}, None]
    assert norm(raw).tags == (Tag("plain"), Tag("dict", "USER_DEFINED"))
    spec = load(SPEC)
    spec["tags"] = [{"tagName": "x", "tagOffset": "250"}, "y"]
    assert norm(spec, "spec").tags == (Tag("x", offset_ms=250), Tag("y"))


def test_empty_and_whitespace_strings_become_none() -> None:
    raw = load(CISCO_115)
    raw.update(callControllerIP="   ", callControllerType="", ccid=" 42 ", pruned="")
    raw["urls"]["wavUrl"] = " "
    raw["tracks"][0]["codec"] = ""
    raw["tracks"][0]["participants"][0]["deviceRef"] = "  1001  "
    raw["tracks"][1]["trackDuration"] = "  "
    rec = norm(raw)
    assert rec.call_controller_ip is None and rec.call_controller_type is None
    assert rec.ccid == "42"
    assert rec.urls.wav is None and rec.pruned is False
    assert rec.tracks[0].codec is None and rec.codec == "PCMA"  # the other track's codec
    assert rec.participants[0].device_ref == "1001"
    assert rec.tracks[1].duration_ms is None

    spec = load(SPEC)
    spec.update(callerNumber=" ", queue="", wrapUp={"reason": "\t"}, agent={"id": " ", "name": None})
    srec = norm(spec, "spec")
    assert (srec.ani, srec.csq, srec.wrap_up_reason, srec.agent_id, srec.agent_name) == (None,) * 5


def test_unknown_or_missing_state_is_unknown_not_rejected() -> None:
    raw = load(CISCO_115)
    raw["sessionState"] = "ARCHIVED_SOMEWHERE"
    assert norm(raw).state is SessionState.UNKNOWN
    del raw["sessionState"]
    assert norm(raw).state is SessionState.UNKNOWN
    raw["sessionState"] = " deleted "
    assert norm(raw).state is SessionState.DELETED


def test_missing_track_number_stays_unknown() -> None:
    # The position says nothing about whose track it is (track 0 is the agent's phone on Unified CM).
    raw = load(CISCO_115)
    del raw["tracks"][1]["trackNumber"]
    rec = norm(raw)
    assert [t.number for t in rec.tracks] == [1, None]
    assert [p.track_number for p in rec.participants] == [1, None]
    spec = load(SPEC)
    spec["media"]["tracks"] = [{"codec": "PCMU"}, 4]
    assert [t.number for t in norm(spec, "spec").tracks] == [None, 4]


def test_conference_participants_and_video_tracks_are_kept() -> None:
    # A conference puts several participants on one track (isConference); a track can be VIDEO.
    raw = load(CISCO_115)
    far = raw["tracks"][0]
    far["participants"].append(dict(far["participants"][0], deviceRef="0442000001", xRefCi="17635158"))
    for p in far["participants"]:
        p["isConference"] = True
    raw["tracks"].append(
        {"trackNumber": 2, "trackMediaType": "VIDEO", "codec": "H264", "trackStartDate": 1769421214895,
         "participants": [{"deviceRef": "1001", "deviceId": "SEP001122334455"}]}
    )  # fmt: skip
    rec = norm(raw)
    assert [(p.device_ref, p.track_number, p.is_conference) for p in rec.tracks[0].participants] == [
        ("0673847476", 1, True),
        ("0442000001", 1, True),
    ]
    assert len(rec.participants) == 4
    video = rec.tracks[2]
    assert (video.number, video.media_type, video.is_video, video.download_url) == (2, "VIDEO", True, None)
    assert not rec.tracks[0].is_video


def test_session_id_is_stripped_and_numbers_accepted() -> None:
    raw = load(CISCO_ACTIVE)
    raw["sessionId"] = "  abc  "
    assert norm(raw).session_id == "abc"
    raw["sessionId"] = 12345
    assert norm(raw).session_id == "12345"


# ---------------------------------------------------------------------------------------------
# Rejections
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mutate", "dialect", "reason_part", "session_id"),
    [
        (lambda r: r.pop("sessionId"), "cisco", "sessionId: missing", None),
        (lambda r: r.update(sessionId="   "), "cisco", "sessionId: missing", None),
        (lambda r: r.update(sessionId={"x": 1}), "cisco", "sessionId: expected text", None),
        (lambda r: r.pop("sessionStartDate"), "cisco", "sessionStartDate: missing", "7519bf9b913f41"),
        (lambda r: r.update(sessionStartDate="yesterday"), "cisco", "sessionStartDate: not an epoch", "7519bf9b913f41"),
        (lambda r: r.update(sessionStartDate=10**20), "cisco", "sessionStartDate: not an epoch", "7519bf9b913f41"),
        (lambda r: r.update(sessionDuration="long"), "cisco", "sessionDuration: not a number", "7519bf9b913f41"),
        (lambda r: r.update(sessionDuration=-5), "cisco", "sessionDuration: negative", "7519bf9b913f41"),
        (lambda r: r.update(tracks="two"), "cisco", "tracks: expected a list", "7519bf9b913f41"),
        (lambda r: r.update(urls="x"), "legacy", "urls: expected an object or a list of objects", "7519bf9b913f41"),
        (lambda r: r.update(urls=["x"]), "legacy", "urls[0]: expected an object", "7519bf9b913f41"),
        (lambda r: r.update(urls=[{"wavUrl": 5.5j}]), "cisco", "urls[0].wavUrl: expected text", "7519bf9b913f41"),
        (lambda r: r.update(pruned="maybe"), "cisco", "pruned: not true/false", "7519bf9b913f41"),
        (
            lambda r: r["tracks"][1]["participants"][0].update(participantStartDate="noon"),
            "cisco",
            "tracks[1].participants[0].participantStartDate: not an epoch",
            "7519bf9b913f41",
        ),
        (lambda r: r["tracks"].append(7), "cisco", "tracks[2]: expected an object", "7519bf9b913f41"),
        (lambda r: r["tags"].append({"tagType": "X"}), "cisco", "tags[2].tagName: missing", "7519bf9b913f41"),
        (lambda r: r.update(callControllerIP=["a"]), "cisco", "callControllerIP: expected text", "7519bf9b913f41"),
    ],
)
def test_cisco_rejections_name_the_field(mutate: Any, dialect: str, reason_part: str, session_id: str | None) -> None:
    raw = load(CISCO_115)
    mutate(raw)
    rej = reject(raw, dialect)
    assert reason_part in rej.reason
    assert rej.session_id == session_id
    assert rej.raw is raw and rej.dialect == dialect


@pytest.mark.parametrize(
    ("mutate", "reason_part"),
    [
        (lambda r: r.pop("sessionStartTime"), "sessionStartTime: missing"),
        (lambda r: r.update(sessionStartTime="not-a-date"), "sessionStartTime: not an ISO 8601"),
        (lambda r: r.update(sessionStartTime=True), "sessionStartTime: not an ISO 8601"),
        (lambda r: r.update(sessionEndTime="2026-13-45T99:00:00Z"), "sessionEndTime: not an ISO 8601"),
        (lambda r: r.update(duration="forever"), "duration: not a sensible number of seconds"),
        (lambda r: r.update(duration=-1), "duration: not a sensible number of seconds"),
        (lambda r: r.update(agent=["a"]), "agent: expected an object"),
        (lambda r: r.update(media="x"), "media: expected an object"),
        (lambda r: r["media"].update(tracks=10**9), "media.tracks: implausible track count"),
        (lambda r: r.update(participants=[{"number": {"n": 1}}]), "participants[0].number: expected text"),
    ],
)
def test_spec_rejections_name_the_field(mutate: Any, reason_part: str) -> None:
    raw = load(SPEC)
    mutate(raw)
    rej = reject(raw, "spec")
    assert reason_part in rej.reason
    assert rej.session_id == "s-000123" and rej.dialect == "spec"


@pytest.mark.parametrize("item", [None, 5, "7519bf9b913f41", ["a"], 1.5])
def test_non_object_items_are_rejected(item: object) -> None:
    rej = reject(item)
    assert rej.reason.startswith("session: expected an object")
    assert rej.raw == item and rej.session_id is None


def test_unknown_dialect_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="dialect"):
        normalize_session({}, "soap")
    with pytest.raises(ValueError, match="dialect"):
        normalize_page([], "soap")


# ---------------------------------------------------------------------------------------------
# Pages, detection, identity
# ---------------------------------------------------------------------------------------------


def test_page_keeps_good_items_and_rejects_bad_ones_in_order() -> None:
    good1, good2 = load(CISCO_115), load(CISCO_ACTIVE)
    bad = load(CISCO_115)
    bad["sessionStartDate"] = "garbage"
    records, rejected = normalize_page([good1, None, bad, good2, {}], "cisco")
    assert [r.session_id for r in records] == ["7519bf9b913f41", "7519bf9b913f99"]
    assert [r.session_id for r in rejected] == [None, "7519bf9b913f41", None]
    assert "sessionStartDate" in rejected[1].reason


def test_page_accepts_a_generator_and_auto_dialect() -> None:
    items = (load(t) for t in (CISCO_115, LEGACY, SPEC))
    records, rejected = normalize_page(items, "auto")
    assert rejected == []
    assert [r.dialect for r in records] == ["cisco", "legacy", "spec"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(CISCO_115, "cisco"), (CISCO_ACTIVE, "cisco"), (LEGACY, "legacy"), (SPEC, "spec")],
)
def test_detect_dialect(text: str, expected: str) -> None:
    assert detect_dialect(load(text)) == expected


def test_detect_dialect_odd_inputs() -> None:
    assert detect_dialect(None) == "cisco"
    assert detect_dialect({"sessionId": "x", "state": "ACTIVE"}) == "spec"
    assert detect_dialect({"callDirection": "inbound"}) == "spec"


def test_records_are_frozen_hashable_and_equal_for_the_same_raw() -> None:
    raw = load(CISCO_115)
    a, b = norm(raw), norm(copy.deepcopy(raw))
    assert a == b and hash(a) == hash(b)
    assert len({a, b, norm(load(CISCO_ACTIVE))}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.session_id = "other"  # type: ignore[misc]
    s1, s2 = norm(load(SPEC), "spec"), norm(load(SPEC), "spec")
    assert s1 == s2 and hash(s1) == hash(s2)


def test_fast_builders_match_the_dataclass_constructors() -> None:
    # normalize fills slots directly for speed; the result must be indistinguishable.
    p = nz._new_participant(device_ref="1", track_number=2, start=START)
    assert p == Participant(device_ref="1", track_number=2, start=START) and hash(p) == hash(
        Participant(device_ref="1", track_number=2, start=START)
    )
    rec = nz._new_record(session_id="x", state=SessionState.ACTIVE, start=START)
    ref = SessionRecord(session_id="x", state=SessionState.ACTIVE, start=START)
    assert rec == ref and hash(rec) == hash(ref) and repr(rec) == repr(ref)
    assert rec.raw == {} and rec.urls == MediaUrls() and rec.dialect == "cisco"
    with pytest.raises(TypeError):
        nz._new_track(codec="PCMA")  # a required field stays required


# ---------------------------------------------------------------------------------------------
# Parse helpers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (START_MS, START_MS),
        (str(START_MS), START_MS),
        (f" {START_MS} ", START_MS),
        (float(START_MS), START_MS),
        ("1.769421214895e12", START_MS),
        ("", None),
        ("abc", None),
        ("1_000", None),
        ("١٢", None),
        (True, None),
        (None, None),
        (float("nan"), None),
        ("inf", None),
        ([1], None),
    ],
)
def test_parse_int_and_epoch_ms(value: object, expected: int | None) -> None:
    assert parse_int(value) == expected
    assert parse_epoch_ms(value) == expected


def test_parse_epoch_ms_range() -> None:
    assert parse_int(10**20) == 10**20
    assert parse_epoch_ms(10**20) is None
    assert parse_epoch_ms("9" * 5000) is None  # beyond Python's int-from-text limit: no exception


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        ("true", True),
        (" TRUE ", True),
        ("false", False),
        ("0", False),
        (1, True),
        (0, False),
        ("maybe", None),
        (None, None),
        (2, None),
        ("", None),
    ],
)
def test_parse_bool(value: object, expected: bool | None) -> None:
    assert parse_bool(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (START_MS, START),
        (str(START_MS), START),
        ("2026-01-26T09:53:34.895Z", START),
        ("2026-01-26T09:53:34.895z", START),
        ("2026-01-26T11:53:34.895+02:00", START),
        ("2026-01-26T09:53:34.895", START),
        (datetime(2026, 1, 26, 11, 53, 34, 895000, tzinfo=timezone(timedelta(hours=2))), START),
        (datetime(2026, 1, 26, 9, 53, 34, 895000), START),
        ("nonsense", None),
        ("", None),
        (None, None),
        ({}, None),
        (10**20, None),
    ],
)
def test_to_datetime(value: object, expected: datetime | None) -> None:
    got = to_datetime(value)
    assert got == expected
    if got is not None:
        assert got.utcoffset() == timedelta(0)


def test_to_ms_round_trip() -> None:
    assert to_ms(START) == START_MS
    assert to_ms(START.replace(tzinfo=None)) == START_MS  # naive = UTC
    assert to_datetime(to_ms(START)) == START
    assert to_ms(datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)) == -1


# ---------------------------------------------------------------------------------------------
# Property: a page is never lost
# ---------------------------------------------------------------------------------------------

_keys = st.sampled_from(
    [
        "sessionId",
        "sessionState",
        "sessionStartDate",
        "sessionDuration",
        "tracks",
        "participants",
        "tags",
        "urls",
        "pruned",
        "trackNumber",
        "deviceRef",
        "isConference",
        "sessionStartTime",
        "sessionEndTime",
        "duration",
        "state",
        "agent",
        "team",
        "media",
        "tracks",
        "url",
        "codec",
        "tagName",
        "callDirection",
        "wrapUp",
        "id",
        "name",
        "number",
    ]
) | st.text(max_size=8)
_leaves = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["1769421214895", "ACTIVE", "2026-01-26T09:53:34Z", " ", "true", "-5", "1e400"])
)
json_like = st.recursive(
    _leaves,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=6),
    max_leaves=25,
)
# Items that look like sessions get past the sessionId/start checks and exercise the deep paths.
_good_start = st.sampled_from([START_MS, str(START_MS), "2026-01-26T09:53:34.895Z"])
# Mostly plausible values (so whole sessions survive and reach every branch), sometimes anything.
_plausible = st.sampled_from([None, "", " x ", "PCMA", 0, 2, "2", 4.5, True, "false", START_MS, str(START_MS)])
_value = st.one_of(_plausible, _plausible, _plausible, json_like)
_participant = st.dictionaries(
    st.sampled_from(
        [
            "deviceRef",
            "deviceId",
            "participantStartDate",
            "participantDuration",
            "xRefCi",
            "isConference",
            "number",
            "role",
            "name",
        ]
    ),
    _value | _good_start,
    max_size=5,
)
_track = st.dictionaries(
    st.sampled_from(
        ["trackNumber", "trackStartDate", "trackDuration", "trackMediaType", "codec", "downloadUrl", "participants"]
    ),
    _value | st.lists(_participant, max_size=3),
    max_size=6,
)
_tag = st.text(max_size=5) | st.dictionaries(
    st.sampled_from(["tagName", "tagType", "tagCreateDate", "tagOffset", "trackNumber", "name"]),
    _value | _good_start,
    max_size=5,
)
session_like = st.fixed_dictionaries(
    {
        "sessionId": st.one_of(st.sampled_from(["abc", "7519bf9b913f41"]), _plausible, json_like),
        "sessionStartDate": st.one_of(_good_start, _good_start, _value),
        "sessionStartTime": st.one_of(_good_start, _good_start, _value),
    },
    optional={
        "tracks": st.lists(_track, max_size=3) | json_like,
        "tags": st.lists(_tag, max_size=3) | json_like,
        "participants": st.lists(_participant, max_size=3) | json_like,
        "media": st.dictionaries(st.sampled_from(["url", "codec", "tracks"]), _value, max_size=3) | json_like,
        **{
            k: _value
            for k in [
                "sessionDuration",
                "duration",
                "sessionEndTime",
                "urls",
                "agent",
                "team",
                "pruned",
                "sessionState",
                "state",
                "callDirection",
                "wrapUp",
                "recordingId",
                "queue",
                "ccid",
            ]
        },
    },
)


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(st.one_of(json_like, session_like, session_like), max_size=8),
    dialect=st.sampled_from(["cisco", "spec", "legacy", "auto"]),
)
def test_normalize_page_never_raises_and_accounts_for_every_item(items: list[object], dialect: str) -> None:
    records, rejected = normalize_page(items, dialect)
    assert len(records) + len(rejected) == len(items)
    for rec in records:
        assert isinstance(rec.session_id, str) and rec.session_id
        assert rec.start.utcoffset() == timedelta(0)
        hash(rec)
    for rej in rejected:
        assert isinstance(rej.reason, str) and rej.reason
        assert not rej.reason.startswith("unexpected data"), rej.reason  # every failure has a named reason


def test_with_changes_equals_dataclasses_replace() -> None:
    import dataclasses

    from qms_desktop.domain.sessions import with_changes

    record = norm(load(CISCO_115))
    changed = with_changes(record, direction=Direction.INBOUND, ani="1001")
    assert changed == dataclasses.replace(record, direction=Direction.INBOUND, ani="1001")
    assert hash(changed) == hash(dataclasses.replace(record, direction=Direction.INBOUND, ani="1001"))
    assert record.ani != "1001"  # the original is untouched
    with pytest.raises(TypeError):
        with_changes(record, no_such_field=1)
    for name in SessionRecord.__dataclass_fields__:  # also the fields equality leaves out
        if name not in ("direction", "ani"):
            assert getattr(changed, name) is getattr(record, name), name


def test_with_changes_drops_the_fingerprint_with_the_text_it_was_taken_of() -> None:
    from qms_desktop.domain.sessions import with_changes

    record = with_changes(norm(load(CISCO_115)), raw_json='{"sessionId":"a"}', fingerprint="f" * 32)
    assert with_changes(record, agent_id="1001").fingerprint == "f" * 32  # enrichment keeps it
    assert with_changes(record, raw_json='{"sessionId":"b"}').fingerprint is None
    assert with_changes(record, dialect="legacy").fingerprint is None
    assert with_changes(record, raw_json="{}", fingerprint="e" * 32).fingerprint == "e" * 32
