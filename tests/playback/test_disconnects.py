"""A player that drops its connection (every seek does) is routine for the proxy: a DEBUG line, no
error and no traceback, neither from the proxy nor from aiohttp or asyncio on its loop, nor from the
simulator whose media request the proxy drops in turn."""

from __future__ import annotations

import gc
import logging
import socket
import struct
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest

from qms_desktop.playback import PlaybackProxy
from qms_desktop.security import Principal, Role
from tests.playback.helpers import SimData
from tests.waiting import poll_until

ADMIN = Principal("admin", Role.ADMIN)
WATCHED = ("qms", "aiohttp", "asyncio")


@pytest.fixture
def data(sim_data_factory: Callable[..., SimData]) -> SimData:
    return sim_data_factory()


@pytest.fixture
def proxy(data: SimData) -> Iterator[PlaybackProxy]:
    p = PlaybackProxy(client_config=data.config).start()
    yield p
    p.stop()


def abort(url: str, *, stall: bool) -> None:
    """GET the whole recording, then reset the connection: at once after the first bytes, or after
    not reading until the proxy's writes have stalled on a full socket (a paused player)."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        if stall:
            time.sleep(0.5)  # not a limit: the proxy fills the socket buffers and waits to drain
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST, like a cut read


@pytest.mark.parametrize("stall", [False, True], ids=["reading", "stalled"])
def test_a_dropped_connection_is_debug_not_a_traceback(
    data: SimData, proxy: PlaybackProxy, caplog: pytest.LogCaptureFixture, stall: bool
) -> None:
    record = data.longest()
    # The qms loggers' own level too: the integration log (set up by other tests) may have raised it.
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="qms"):
        for _ in range(3):
            before = proxy.stats().upstream_cancelled
            abort(proxy.register(ADMIN, record).url, stall=stall)
            poll_until(lambda: proxy.stats().upstream_cancelled > before, 10)  # noqa: B023 - called at once
        poll_until(lambda: proxy.stats().active_upstreams == 0, 10)
    noisy = [r for r in caplog.records if r.name.startswith(WATCHED) and (r.levelno >= logging.WARNING or r.exc_info)]
    assert noisy == [], sorted({(r.name, r.threadName, r.levelname, r.getMessage()) for r in noisy})
    assert any("closed the connection" in r.getMessage() for r in caplog.records if r.name == "qms.proxy")


def test_stopping_mid_stream_ends_the_player_connection_and_the_upstream(
    data: SimData, caplog: pytest.LogCaptureFixture
) -> None:
    """Sign-out or quit while a player is paused mid-recording: the proxy's stop closes the player's
    connection and its MediaSense request, and leaves no task or socket behind for the collector."""
    record = data.longest()
    proxy = PlaybackProxy(client_config=data.config).start()
    parts = urlsplit(proxy.register(ADMIN, record).url)
    with caplog.at_level(logging.DEBUG), socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
        received = len(sock.recv(4096))
        assert received > 0
        poll_until(lambda: proxy.stats().active_upstreams == 1, 10)
        time.sleep(0.5)  # not a wait for a condition: the proxy fills the socket buffers and waits to drain
        proxy.stop()
        assert proxy.stats().active_upstreams == 0
        while chunk := sock.recv(65536):  # what was in flight, then the end of the connection
            received += len(chunk)
        assert received < proxy.stats().bytes_served + 4096 < 100_000_000  # cut off, far from the whole call
        gc.collect()
    noisy = [r for r in caplog.records if r.name.startswith(WATCHED) and (r.levelno >= logging.WARNING or r.exc_info)]
    assert noisy == [], sorted({(r.name, r.threadName, r.levelname, r.getMessage()) for r in noisy})
