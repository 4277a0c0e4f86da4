"""The playback proxy behind a MediaSense whose media port redirects: a same-host redirect is followed
and every Range gets exact bytes; a redirect to another host is a 502 that says why."""

from __future__ import annotations

import logging
from collections.abc import Callable

import httpx
import pytest

from qms_desktop.playback import PlaybackProxy
from qms_desktop.security import Principal, Role
from qms_desktop.simulator.api_media import REDIRECTED
from qms_desktop.simulator.media import whole_call_wav
from tests.playback.helpers import SimData

ADMIN = Principal("alice", Role.ADMIN)


def truth(data: SimData, session_id: str) -> bytes:
    """The simulator's own bytes for the recording's whole-call WAV."""
    call = data.sim.simulator.dataset.find(session_id)
    assert call is not None
    body = whole_call_wav(call)
    return b"".join(body.iter_range(0, body.total))


def get(url: str, **headers: str) -> httpx.Response:
    return httpx.get(url, headers=headers, timeout=30)


def test_playback_follows_a_same_host_redirect_with_exact_ranges(sim_data_factory: Callable[..., SimData]) -> None:
    data = sim_data_factory(media_redirect="same_host")
    record = data.shortest()
    expected = truth(data, record.session_id)
    total = len(expected)
    data.sim.stats.reset()
    with PlaybackProxy(client_config=data.config) as proxy:
        ticket = proxy.register(ADMIN, record)
        full = get(ticket.url)
        assert full.status_code == 200 and full.content == expected
        for header, (start, end) in {
            "bytes=0-43": (0, 43),
            "bytes=1000-4999": (1000, 4999),
            "bytes=-777": (total - 777, total - 1),
            f"bytes={total - 1}-": (total - 1, total - 1),
        }.items():
            r = get(ticket.url, Range=header)
            assert r.status_code == 206, header
            assert r.headers["content-range"] == f"bytes {start}-{end}/{total}"
            assert r.content == expected[start : end + 1], header
    served = [m for m in data.sim.stats.media_log() if m.path_qs.startswith(REDIRECTED)]
    redirects = [m for m in data.sim.stats.media_log() if not m.path_qs.startswith(REDIRECTED)]
    assert served and len(served) == len(redirects)
    assert {m.status for m in redirects} == {302} and {m.status for m in served} <= {200, 206}
    assert all(m.accept != "application/json" and m.basic and m.jsessionid for m in served + redirects)


def test_redirect_to_another_host_is_a_502_with_the_reason(
    sim_data_factory: Callable[..., SimData], caplog: pytest.LogCaptureFixture
) -> None:
    data = sim_data_factory(media_redirect="other_host")
    record = data.shortest()
    data.sim.stats.reset()
    with caplog.at_level(logging.WARNING, logger="qms"), PlaybackProxy(client_config=data.config) as proxy:
        ticket = proxy.register(ADMIN, record)
        full = get(ticket.url)
        ranged = get(ticket.url, Range="bytes=100-199")
    for response in (full, ranged):
        assert response.status_code == 502
        text = response.text
        assert "redirected to another host" in text and "127.0.0.1" in text and "localhost" in text
        assert "credentials are not sent there" in text
        assert "Traceback" not in text
    # Logged as a warning that names the refusal, never as an unexpected failure with a traceback.
    proxy_records = [r for r in caplog.records if r.name.startswith("qms.proxy")]
    assert any("redirected to another host" in r.getMessage() for r in proxy_records)
    assert not any(r.exc_info for r in proxy_records) and not any(r.levelno >= logging.ERROR for r in proxy_records)
    # Nothing reached the other host's copy of the media.
    assert not any(m.path_qs.startswith(REDIRECTED) for m in data.sim.stats.media_log())
