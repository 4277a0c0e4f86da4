"""The playback proxy over real sockets, against the simulator (which honours Range, or ignores it)."""

from __future__ import annotations

import asyncio
import logging
import re
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from qms_desktop.domain.sessions import SessionRecord
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.errors import MediaNotFound, MediaUnavailable
from qms_desktop.playback import PlaybackProxy
from qms_desktop.playback.wav import HEADER_BYTES
from qms_desktop.security import Principal, Role, StreamLimitReached, list_audit
from qms_desktop.security.audit import AuditWriter
from qms_desktop.security.errors import PermissionDenied
from tests.playback.helpers import SimData
from tests.waiting import poll_until

ADMIN = Principal("alice", Role.ADMIN)
OTHER = Principal("bob", Role.ADMIN)


@pytest.fixture(params=[False, True], ids=["range", "ignore_range"])
def data(request: pytest.FixtureRequest, sim_data_factory: Callable[..., SimData]) -> SimData:
    return sim_data_factory(ignore_range=request.param)


@pytest.fixture
def honest(sim_data_factory: Callable[..., SimData]) -> SimData:
    return sim_data_factory()


def make_proxy(data: SimData, **options: object) -> PlaybackProxy:
    return PlaybackProxy(client_config=data.config, **options).start()  # type: ignore[arg-type]


@pytest.fixture
def proxy(data: SimData) -> Iterator[PlaybackProxy]:
    p = make_proxy(data)
    yield p
    p.stop()


def upstream_bytes(data: SimData, url: str) -> bytes:
    async def run() -> bytes:
        async with MediaSenseClient(data.config) as client:
            response = await client.open_media(url)
            try:
                return b"".join([chunk async for chunk in response.aiter_bytes()])
            finally:
                await response.aclose()

    return asyncio.run(run())


def get(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers=headers, timeout=30)


def test_full_head_and_single_ranges(data: SimData, proxy: PlaybackProxy) -> None:
    record = data.shortest()
    ticket = proxy.register(ADMIN, record)
    full = get(ticket.url)
    assert full.status_code == 200
    total = len(full.content)
    assert full.headers["content-length"] == str(total)
    assert full.headers["accept-ranges"] == "bytes" and full.headers["content-type"] == "audio/wav"
    assert full.content == upstream_bytes(data, record.urls.wav or "")
    etag = full.headers["etag"]

    head = httpx.head(ticket.url)
    assert (head.status_code, head.headers["content-length"], head.headers["etag"]) == (200, str(total), etag)
    assert head.content == b""

    cases = {
        "bytes=1000-": (1000, total - 1),
        "bytes=10-4009": (10, 4009),
        "bytes=-500": (total - 500, total - 1),
        f"bytes=0-{total * 2}": (0, total - 1),
        f"bytes={total - 1}-": (total - 1, total - 1),
    }
    for header, (start, end) in cases.items():
        r = get(ticket.url, Range=header)
        assert r.status_code == 206, header
        assert r.headers["content-range"] == f"bytes {start}-{end}/{total}"
        assert r.content == full.content[start : end + 1]
        assert r.headers["etag"] == etag

    ranged_head = httpx.head(ticket.url, headers={"Range": "bytes=5-9"})
    assert ranged_head.status_code == 206 and ranged_head.headers["content-length"] == "5"

    for header in (f"bytes={total}-", f"bytes={total + 10}-{total + 20}", "bytes=-0"):
        r = get(ticket.url, Range=header)
        assert r.status_code == 416, header
        assert r.headers["content-range"] == f"bytes */{total}"

    # If-Range: the same entity honours the Range, another entity gets the whole (current) body.
    assert get(ticket.url, Range="bytes=0-9", **{"If-Range": etag}).status_code == 206
    mismatch = get(ticket.url, Range="bytes=0-9", **{"If-Range": '"something-else"'})
    assert mismatch.status_code == 200 and len(mismatch.content) == total

    # Multi-range and invalid headers: the whole body (never a 5xx).
    for header in ("bytes=0-1,5-6", "bytes=9-3", "items=0-5", "bytes=abc"):
        r = get(ticket.url, Range=header)
        assert r.status_code == 200 and len(r.content) == total, header
    proxy.release(ticket.token)


_VALID_SINGLE = re.compile(r"^bytes=(\d+-\d*|-\d+)$")


@settings(max_examples=220, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.one_of(
        st.builds(
            lambda a, b, sep: f"bytes={a}{sep}{b}",
            st.one_of(st.just(""), st.integers(0, 60_000).map(str)),
            st.one_of(st.just(""), st.integers(0, 60_000).map(str)),
            st.sampled_from(["-", "-", "-", "--", ",", " - "]),
        ),
        st.builds(
            lambda a, b, c: f"bytes={a}-{b},{c}",
            st.integers(0, 50_000),
            st.integers(0, 50_000),
            st.sampled_from(["", "7-9", "-3", " "]),
        ),
        st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30),
        st.integers(0, 10**40).map(lambda n: f"bytes={n}-"),
    )
)
def test_fuzzed_range_headers_never_fail(
    header: str, sim_data_factory: Callable[..., SimData], fuzz_state: dict[str, object]
) -> None:
    url = str(fuzz_state["url"])
    body = fuzz_state["body"]
    assert isinstance(body, bytes)
    total = len(body)
    r = get(url, Range=header.strip() or "bytes=")
    assert r.status_code in (200, 206, 416), (header, r.status_code, r.text)
    if _VALID_SINGLE.match(header.strip()) and r.status_code == 200:
        first, _, last = header.strip()[6:].partition("-")
        assert first and last and int(last) < int(first), f"200 to a valid single range {header!r}"
    if r.status_code == 206:
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", r.headers["content-range"])
        assert match, r.headers["content-range"]
        start, end, size = (int(g) for g in match.groups())
        assert size == total and 0 <= start <= end < total
        assert r.content == body[start : end + 1]
    elif r.status_code == 416:
        assert r.headers["content-range"] == f"bytes */{total}"
    else:
        assert r.content == body


@pytest.fixture(scope="module")
def fuzz_state(sim_data_factory: Callable[..., SimData]) -> Iterator[dict[str, object]]:
    """A small wrapped G.711 track behind a MediaSense that ignores Range: the hardest path."""
    data = sim_data_factory(ignore_range=True)
    p = PlaybackProxy(client_config=data.config).start()
    record = data.shortest()
    ticket = p.register(ADMIN, record, 1)
    body = get(ticket.url).content
    yield {"url": ticket.url, "body": body}
    p.stop()


def test_client_abort_cancels_the_upstream_request(data: SimData, proxy: PlaybackProxy) -> None:
    ticket = proxy.register(ADMIN, data.longest())
    with httpx.Client(timeout=30) as client, client.stream("GET", ticket.url) as response:
        assert response.status_code == 200
        total = int(response.headers["content-length"])
        assert total > 20_000_000
        for _chunk in response.iter_raw(65536):
            break
    poll_until(lambda: not proxy.stats().active_upstreams, 5)
    stats = proxy.stats()
    assert stats.active_upstreams == 0
    assert stats.upstream_cancelled == 1 and stats.upstream_completed == 0
    assert stats.bytes_served < total // 2
    # The playback itself goes on: the next (seek) request on the same ticket works.
    assert get(ticket.url, Range="bytes=0-99").status_code == 206


def test_tokens_are_bound_to_user_recording_and_track(honest: SimData, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="qms.proxy")
    proxy = make_proxy(honest)
    try:
        a, b = honest.closed()[:2]
        mine = proxy.register(ADMIN, a)
        theirs = proxy.register(OTHER, b)
        token_of = mine.url.split("/")[4]
        # Bob's URL carrying Alice's token, and Alice's URL naming another recording or track.
        swapped = theirs.url.replace(theirs.token, token_of)
        assert get(swapped).status_code == 403
        assert get(mine.url.replace(a.session_id, b.session_id)).status_code == 403
        assert mine.url.endswith("/whole.wav")  # the whole call is its own choice, not track 0
        assert get(mine.url.replace("/whole.wav", "/track0.wav")).status_code == 403
        assert get(mine.url.replace(mine.token, "x" * 43)).status_code == 403
        assert get(mine.url, Range="bytes=0-3").status_code == 206
        # DNS rebinding: a foreign Host header is refused, localhost is fine.
        assert get(mine.url, Host="evil.example").status_code == 403
        assert get(mine.url, Host=f"attacker.test:{proxy.port}").status_code == 403
        assert get(mine.url, Host=f"localhost:{proxy.port}", Range="bytes=0-3").status_code == 206
        # Released and expired tickets are refused.
        proxy.release(mine.token)
        assert get(mine.url).status_code == 403
        short = proxy.register(ADMIN, a, ttl_s=0.2)
        time.sleep(0.3)  # not a wait: the ticket's 0.2 s lifetime runs out, which is what is tested
        expired = get(short.url)
        assert expired.status_code == 403 and "expired" in expired.text
        # Each refusal is a warning that says why (the Logs tab's "Warnings and errors" shows them).
        refusals = [r for r in caplog.records if "refused a request (HTTP 403)" in r.getMessage()]
        assert len(refusals) == 8 and all(r.levelno == logging.WARNING for r in refusals)
        assert any("expired" in r.getMessage() for r in refusals)
        assert any("Host not allowed" in r.getMessage() for r in refusals)
    finally:
        proxy.stop()
        proxy.stop()  # idempotent


def test_limit_counts_playbacks_not_connections(honest: SimData, sqlite_engine: Engine) -> None:
    writer = AuditWriter(sqlite_engine)
    proxy = PlaybackProxy(client_config=honest.config, audit_sink=writer).start()
    try:
        records = honest.closed()
        tickets = [proxy.register(ADMIN, r) for r in records[:3]]
        with pytest.raises(StreamLimitReached, match="3 playbacks"):
            proxy.register(ADMIN, records[3])
        assert proxy.register(OTHER, records[3])  # another user has a limit of their own

        # Many parallel seeks inside one playback: every one is answered, none trips the limit.
        results: list[int] = []

        def seek(offset: int) -> None:
            results.append(get(tickets[0].url, Range=f"bytes={offset}-{offset + 999}").status_code)

        threads = [threading.Thread(target=seek, args=(i * 10_000,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [206] * 12

        proxy.release(tickets[0].token)
        fourth = proxy.register(ADMIN, records[3])
        assert get(fourth.url, Range="bytes=0-9").status_code == 206
    finally:
        proxy.stop()
        writer.close()
    rows = list_audit(sqlite_engine, limit=None)
    actions = [(r.action, r.actor, r.outcome) for r in rows]
    assert actions.count(("playback.start", "alice", "ok")) == 4
    assert ("playback.denied", "alice", "denied") in actions
    stops = [r for r in rows if r.action == "playback.stop" and r.actor == "alice"]
    assert len(stops) == 4
    released = next(r for r in stops if r.detail["reason"] == "released")
    assert released.detail["bytesServed"] == 12_000 and released.detail["durationS"] >= 0
    assert {r.detail["reason"] for r in stops} == {"released", "proxy stopped"}


def test_track_zero_is_a_party_and_a_video_track_is_not_audio(data: SimData, proxy: PlaybackProxy) -> None:
    """Tracks as a real server numbers them: track 0 is the agent's phone (a party of its own, not the
    whole call); a VIDEO track is never played as audio; a track the session lacks says which exist."""
    record = next(r for r in data.closed() if any(t.is_video for t in r.tracks))
    (agent,) = [t for t in record.tracks if t.number == 0]
    ticket = proxy.register(ADMIN, record, 0)
    try:
        assert ticket.url.endswith("/track0.wav") and ticket.track == 0
        body = get(ticket.url).content
        assert body[HEADER_BYTES : HEADER_BYTES + 4000] == upstream_bytes(data, agent.download_url or "")[:4000]
        whole = proxy.register(ADMIN, record)
        assert whole.url.endswith("/whole.wav") and whole.track is None
        assert get(whole.url, Range="bytes=0-3").content == b"RIFF"
        proxy.release(whole.token)
    finally:
        proxy.release(ticket.token)
    with pytest.raises(MediaUnavailable, match="is video, not audio"):
        proxy.register(ADMIN, record, 2)
    with pytest.raises(MediaUnavailable, match=r"has no track 5 \(its tracks: 0, 1, 2\)"):
        proxy.register(ADMIN, record, 5)


def test_raw_g711_track_is_wrapped_as_wav(data: SimData, proxy: PlaybackProxy) -> None:
    for codec in ("PCMU", "PCMA"):
        record = next((r for r in data.closed() if r.codec == codec), None)
        if record is None:
            continue
        ticket = proxy.register(ADMIN, record, 1)  # the far end (Unified CM numbering: 0 is the agent)
        assert ticket.url.endswith("/track1.wav") and ticket.track == 1
        body = get(ticket.url).content
        (far,) = [t for t in record.tracks if t.number == 1]
        upstream = upstream_bytes(data, far.download_url or "")
        n = len(upstream)
        riff, riff_size, wave, fmt, fmt_size = struct.unpack("<4sI4s4sI", body[:20])
        tag, channels, rate, byte_rate, align, bits, cb = struct.unpack("<HHIIHHH", body[20:38])
        fact, fact_size, samples, data_id, data_size = struct.unpack("<4sII4sI", body[38:58])
        assert (riff, wave, fmt, fact, data_id) == (b"RIFF", b"WAVE", b"fmt ", b"fact", b"data")
        assert (fmt_size, tag, channels, rate, byte_rate, align, bits, cb) == (
            18, 7 if codec == "PCMU" else 6, 1, 8000, 8000, 1, 8, 0,
        )  # fmt: skip
        assert (fact_size, samples, data_size) == (4, n, n)
        assert riff_size == len(body) - 8
        assert body[HEADER_BYTES : HEADER_BYTES + n] == upstream
        assert len(body) == HEADER_BYTES + n + (n & 1)
        # Seeking across the header/body boundary.
        r = get(ticket.url, Range="bytes=50-69")
        assert r.status_code == 206 and r.content == body[50:70]
        r = get(ticket.url, Range="bytes=-7")
        assert r.content == body[-7:]


def test_pruned_media_is_404_and_other_teams_are_refused(honest: SimData) -> None:
    proxy = make_proxy(honest)
    try:
        pruned = honest.pruned()
        with pytest.raises(MediaNotFound):
            proxy.register(ADMIN, pruned)
        # Metadata synced before the pruning still names the media: MediaSense answers 404.
        stale: SessionRecord = replace(pruned, pruned=False)
        ticket = proxy.register(ADMIN, stale)
        r = get(ticket.url)
        assert r.status_code == 404 and "pruned" in r.text

        record = replace(honest.shortest(), team_code="T1")
        supervisor = Principal("sue", Role.SUPERVISOR, frozenset({"T2"}))
        with pytest.raises(PermissionDenied):
            proxy.register(supervisor, record)
        with pytest.raises(PermissionDenied):
            proxy.register(Principal("ivan", Role.IT), record)
        assert proxy.register(Principal("tom", Role.SUPERVISOR, frozenset({"T1"})), record)
    finally:
        proxy.stop()


def test_mediasense_down_is_502(honest: SimData, ca_file: str) -> None:
    from tests.playback.helpers import sim_config

    dead = replace(honest.config, urls=("https://127.0.0.1:9",), max_retries=0)
    proxy = PlaybackProxy(client_config=dead).start()
    try:
        record = honest.shortest()
        ticket = proxy.register(ADMIN, record)
        r = get(ticket.url)
        assert r.status_code == 502 and "MediaSense" in r.text
    finally:
        proxy.stop()
    assert sim_config  # the helper stays importable for the benchmark
