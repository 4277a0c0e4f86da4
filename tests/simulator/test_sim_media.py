"""Media over real sockets: auth, pruned 404, Range semantics, ignore_range, WAV sanity."""

from __future__ import annotations

import struct
from urllib.parse import urlsplit

import httpx
import pytest

from tests.waiting import poll_until

from .conftest import ANCHOR_MS, DAY_MS, PASSWORD, USER, sign_in


def _closed(sim, *, pruned: bool = False, state: str = "CLOSED_NORMAL") -> dict:
    rows = sim.ground_truth(ANCHOR_MS - 3 * DAY_MS, ANCHOR_MS)
    return next(r for r in rows if r["state"] == state and r["pruned"] is pruned)


def _wav_path(sid: str) -> str:
    return f"/recordedMedia/oramedia/wav/{sid}.wav"


@pytest.fixture
def media(cisco, client_for) -> httpx.Client:
    return client_for(cisco.media_url, auth=(USER, PASSWORD))


def test_media_needs_basic_or_jsessionid(cisco, client_for, api) -> None:
    path = _wav_path(_closed(cisco)["sessionId"])
    assert client_for(cisco.media_url).head(path).status_code == 401
    assert client_for(cisco.media_url, auth=(USER, "nope")).head(path).status_code == 401
    token = api.cookies["JSESSIONID"]
    assert client_for(cisco.media_url).head(path, headers={"Cookie": f"JSESSIONID={token}"}).status_code == 200


def test_head_and_full_wav(cisco, media) -> None:
    row = _closed(cisco)
    path = _wav_path(row["sessionId"])
    head = media.head(path)
    total = 44 + row["duration_ms"] * 8 * 4
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == total
    assert head.headers["accept-ranges"] == "bytes" and head.headers["etag"]
    body = media.get(path).content
    assert len(body) == total
    fields = struct.unpack("<4sI4s4sIHHIIHH4sI", body[:44])
    assert fields[0] == b"RIFF" and fields[5:8] == (1, 2, 8000) and fields[10] == 16
    assert fields[12] == total - 44
    assert media.get(path).content == body  # deterministic


@pytest.mark.parametrize(
    ("header", "status", "span"),
    [
        ("bytes=0-99", 206, (0, 99)),
        ("bytes=1000-1999", 206, (1000, 1999)),
        ("bytes=-500", 206, (-500, -1)),
        ("bytes=5000-", 206, (5000, -1)),
    ],
)
def test_ranges(cisco, media, header: str, status: int, span: tuple[int, int]) -> None:
    path = _wav_path(_closed(cisco)["sessionId"])
    whole = media.get(path).content
    total = len(whole)
    r = media.get(path, headers={"Range": header})
    start = span[0] % total
    end = span[1] % total
    assert r.status_code == status
    assert r.headers["content-range"] == f"bytes {start}-{end}/{total}"
    assert int(r.headers["content-length"]) == end - start + 1
    assert r.content == whole[start : end + 1]
    assert (path, header, 206) in cisco.stats.ranges


def test_last_byte_and_unsatisfiable(cisco, media) -> None:
    path = _wav_path(_closed(cisco)["sessionId"])
    total = int(media.head(path).headers["content-length"])
    last = media.get(path, headers={"Range": f"bytes={total - 1}-{total - 1}"})
    assert last.status_code == 206 and len(last.content) == 1
    r = media.get(path, headers={"Range": f"bytes={total}-"})
    assert r.status_code == 416 and r.headers["content-range"] == f"bytes */{total}"
    multi = media.get(path, headers={"Range": "bytes=0-1,10-20"})
    assert multi.status_code == 200 and len(multi.content) == total


def test_ignore_range_answers_200_full(make_sim, client_for) -> None:
    sim = make_sim(ignore_range=True)
    media = client_for(sim.media_url, auth=(USER, PASSWORD))
    path = _wav_path(_closed(sim)["sessionId"])
    r = media.get(path, headers={"Range": "bytes=100-199"})
    assert r.status_code == 200 and "content-range" not in r.headers
    assert len(r.content) == int(r.headers["content-length"]) > 100


def test_export_raw_per_track(cisco, media) -> None:
    row = _closed(cisco)
    sid = row["sessionId"]
    r = media.get("/mma/ExportRaw", params={"recording": f"{sid}-TRACK1"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    assert len(r.content) == row["duration_ms"] * 8  # one G.711 byte per 8 kHz sample, no header
    part = media.get("/mma/ExportRaw", params={"recording": f"{sid}-TRACK1"}, headers={"Range": "bytes=8-15"})
    assert part.status_code == 206 and part.content == r.content[8:16]
    # Tracks are numbered from 0 as on a real server: track 0 (the agent's phone) is another voice.
    assert media.get("/mma/ExportRaw", params={"recording": f"{sid}-TRACK0"}).content != r.content
    assert media.get("/mma/ExportRaw", params={"recording": f"{sid}-TRACK2"}).status_code == 404


def test_pruned_active_error_and_unknown_media(cisco, media) -> None:
    assert media.get(_wav_path(_closed(cisco, pruned=True)["sessionId"])).status_code == 404
    active = next(r for r in cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS) if r["state"] == "ACTIVE")
    assert media.get(_wav_path(active["sessionId"])).status_code == 404
    assert media.get(_wav_path("0123456789abcd")).status_code == 404
    error = _closed(cisco, state="CLOSED_ERROR")["sessionId"]
    assert media.head(_wav_path(error)).status_code == 200
    assert media.get("/mma/ExportRaw", params={"recording": f"{error}-TRACK1"}).status_code == 404


def test_jsessionid_header_also_accepted_on_media(cisco, client_for) -> None:
    api = client_for(cisco.api_url)
    token = sign_in(api).cookies["JSESSIONID"]
    path = _wav_path(_closed(cisco)["sessionId"])
    assert client_for(cisco.media_url).head(path, headers={"JSESSIONID": token}).status_code == 200


def test_media_redirect_switch(cisco, media, client_for) -> None:
    """same_host: 302 to /redirected on the API port; other_host: the same path under the other name
    of this machine; loop: to itself; the admin endpoint switches it, an unknown mode is refused."""
    row = _closed(cisco)
    path = _wav_path(row["sessionId"])
    direct = media.get(path).content
    admin = client_for(cisco.api_url)
    assert admin.post("/__sim/media", json={"redirect": "sideways"}).status_code == 400
    assert admin.post("/__sim/media", json={"redirect": "same_host"}).json() == {"redirect": "same_host"}
    first = media.get(path)
    assert first.status_code == 302
    location = urlsplit(first.headers["location"])
    api = urlsplit(cisco.api_url)
    assert (location.hostname, location.port, location.path) == (api.hostname, api.port, f"/redirected{path}")
    followed = client_for(cisco.api_url, auth=(USER, PASSWORD)).get(location.path, headers={"Range": "bytes=10-19"})
    assert followed.status_code == 206 and followed.content == direct[10:20]

    cisco.set_media_redirect("other_host")
    other = urlsplit(media.get(path).headers["location"])
    assert other.hostname == "localhost" and other.port == urlsplit(cisco.media_url).port
    cisco.set_media_redirect("loop")
    assert media.get(path).headers["location"] == path
    with pytest.raises(ValueError, match="unknown media redirect"):
        cisco.set_media_redirect("sideways")
    assert admin.post("/__sim/media", json={"redirect": None}).status_code == 200
    assert media.get(path).content == direct
    # A streamed answer is logged once its handler returns, which can be after we read the body.
    poll_until(lambda: cisco.stats.media_log()[-1].status == 200)
    log = cisco.stats.media_log()
    assert log[-1].basic and not log[-1].jsessionid
