"""Media requests against the simulator's media port: same-host redirects are followed (Basic,
JSESSIONID and Range kept, no `Accept: application/json`), a redirect to another host is refused
before anything is sent there, and a redirect loop ends after a bounded number of hops."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from qms_desktop.domain.sessions import SessionRecord, SessionState
from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.mediasense.download import MAX_REDIRECTS
from qms_desktop.mediasense.errors import RedirectRefused, TooManyRedirects
from qms_desktop.simulator.api_media import REDIRECTED
from qms_desktop.simulator.media import whole_call_wav
from tests.conftest import sim_client_config
from tests.mediasense.test_client import fetch_all, whole_window

pytestmark = pytest.mark.asyncio


def truth(sim: Any, record: SessionRecord) -> bytes:
    """The bytes the simulator serves for the recording's whole-call WAV, from its own generator."""
    call = sim.simulator.dataset.find(record.session_id)
    body = whole_call_wav(call)
    return b"".join(body.iter_range(0, body.total))


async def closed_record(client: MediaSenseClient, sim: Any) -> SessionRecord:
    records = await fetch_all(client, whole_window(sim), limit=100)
    closed = [r for r in records if r.state is SessionState.CLOSED_NORMAL and not r.pruned and r.urls.wav]
    return min(closed, key=lambda r: r.duration_ms or 0)


async def read(client: MediaSenseClient, url: str, byte_range: str | None = None) -> tuple[int, bytes, str]:
    async with await client.open_media(url, byte_range=byte_range) as response:
        body = b"".join([chunk async for chunk in response.aiter_bytes()])
    return response.status, body, response.url


def port_of(url: str) -> int:
    port = urlsplit(url).port
    assert port is not None
    return port


async def test_same_host_redirect_is_followed_with_credentials_and_range(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        record = await closed_record(client, sim)
        expected = truth(sim, record)
        sim.set_media_redirect("same_host")
        sim.stats.reset()
        status, body, final_url = await read(client, record.urls.wav or "")
        assert status == 200 and body == expected
        assert urlsplit(final_url).path.startswith(REDIRECTED) and port_of(final_url) == port_of(sim.api_url)
        total = len(expected)
        for header, start, end in [
            ("bytes=0-0", 0, 0),
            ("bytes=1000-1999", 1000, 1999),
            ("bytes=-300", total - 300, total - 1),
        ]:
            status, part, _ = await read(client, record.urls.wav or "", header)
            assert status == 206 and part == expected[start : end + 1], header

    log = sim.stats.media_log()
    assert len(log) == 8  # four downloads, each a 302 on the media port and an answer on the API port
    firsts, seconds = log[0::2], log[1::2]
    assert {(m.port, m.status) for m in firsts} == {(port_of(sim.media_url), 302)}
    assert {m.port for m in seconds} == {port_of(sim.api_url)}
    assert [m.status for m in seconds] == [200, 206, 206, 206]
    assert all(m.path_qs.startswith(REDIRECTED) for m in seconds)
    for m in log:
        assert m.accept == "*/*", m  # never Accept: application/json on media
        assert m.basic and m.jsessionid, m  # Basic and JSESSIONID on every hop
    assert [m.range for m in seconds] == [None, "bytes=0-0", "bytes=1000-1999", "bytes=-300"]
    assert [m.range for m in firsts] == [m.range for m in seconds]


async def test_per_track_download_follows_a_same_host_redirect(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        record = await closed_record(client, sim)
        track = next(t for t in record.tracks if t.download_url)
        _, direct, _ = await read(client, track.download_url or "")
        sim.set_media_redirect("same_host")
        status, redirected, final_url = await read(client, track.download_url or "")
    assert status == 200 and redirected == direct and len(direct) > 0
    assert urlsplit(final_url).path == f"{REDIRECTED}/mma/ExportRaw"


async def test_redirect_to_another_host_is_refused_before_anything_is_sent_there(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        record = await closed_record(client, sim)
        sim.set_media_redirect("other_host")
        sim.stats.reset()
        with pytest.raises(RedirectRefused) as info:
            await client.open_media(record.urls.wav or "", byte_range="bytes=0-0")
    error = info.value
    assert error.message.code == "error.redirect_other_host"
    assert "redirected to another host" in error.message
    assert "127.0.0.1" in error.message and "localhost" in error.message
    assert "credentials are not sent" in error.message
    assert error.status == 302 and error.detail is not None and error.detail.startswith("https://localhost:")
    # Only the media port's 302 was seen: nothing went to the other host (the same machine here).
    assert [(m.path_qs.startswith(REDIRECTED), m.status) for m in sim.stats.media_log()] == [(False, 302)]


async def test_a_redirect_loop_ends_after_a_bounded_number_of_hops(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(sim_client_config(sim, ca_file)) as client:
        record = await closed_record(client, sim)
        sim.set_media_redirect("loop")
        sim.stats.reset()
        with pytest.raises(TooManyRedirects) as info:
            await client.open_media(record.urls.wav or "")
    assert str(MAX_REDIRECTS) in info.value.message
    assert len(sim.stats.media_log()) == MAX_REDIRECTS + 1
    assert {m.status for m in sim.stats.media_log()} == {302}
