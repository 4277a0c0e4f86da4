"""The proxy against requests no player sends: malformed, never finished, idle, odd but valid."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from qms_desktop.playback import PlaybackProxy, PlaybackTicket
from qms_desktop.playback.ranges import decide
from qms_desktop.security import Principal, Role
from tests.playback.helpers import SimData

ADMIN = Principal("alice", Role.ADMIN)
IDLE_S = 0.5  # short, so a test waiting for the close does not wait long; correctness does not depend on it


@pytest.fixture
def served(sim_data_factory: Callable[..., SimData]) -> Iterator[tuple[PlaybackProxy, PlaybackTicket, bytes]]:
    data = sim_data_factory()
    proxy = PlaybackProxy(client_config=data.config, connection_idle_s=IDLE_S).start()
    ticket = proxy.register(ADMIN, data.shortest())
    body = httpx.get(ticket.url, timeout=30).content
    yield proxy, ticket, body
    proxy.stop()


def request_bytes(ticket: PlaybackTicket, *headers: str) -> bytes:
    url = urlsplit(ticket.url)
    lines = [f"GET {url.path} HTTP/1.1", *headers, "", ""]
    return "\r\n".join(lines).encode()


def exchange(port: int, data: bytes) -> bytes:
    """Send `data`, read until the proxy closes the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(data)
        return read_to_close(sock)


def read_to_close(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def proxy_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(("qms.proxy", "aiohttp", "asyncio"))]


@pytest.mark.parametrize("kind", ["oversized header", "duplicate Host"])
def test_malformed_request_is_400_and_one_debug_line(
    served: tuple[PlaybackProxy, PlaybackTicket, bytes], caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    proxy, ticket, _ = served
    host = f"Host: 127.0.0.1:{proxy.port}"
    headers = [host, "X-Big: " + "a" * 9000] if kind == "oversized header" else [host, "Host: 127.0.0.1"]
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="qms.proxy")  # an integration log set up earlier may hold `qms` at INFO
    answer = exchange(proxy.port, request_bytes(ticket, *headers))
    assert answer.startswith(b"HTTP/1.1 400") or answer.startswith(b"HTTP/1.0 400"), answer[:200]
    records = proxy_records(caplog)
    assert [(r.levelno, r.exc_info) for r in records] == [(logging.DEBUG, None)], [r.getMessage() for r in records]
    assert "400" in records[0].getMessage()
    # The proxy is none the worse for it.
    assert httpx.get(ticket.url, headers={"Range": "bytes=0-9"}, timeout=30).status_code == 206


def test_request_that_never_completes_is_closed(served: tuple[PlaybackProxy, PlaybackTicket, bytes]) -> None:
    proxy, ticket, _ = served
    partial = request_bytes(ticket, f"Host: 127.0.0.1:{proxy.port}")[:-4] + b"\r\nX-Still-Typing: "
    assert exchange(proxy.port, partial) == b""  # closed without an answer: nothing was asked
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=30) as silent:
        assert read_to_close(silent) == b""  # connected, never said a word


def test_idle_keep_alive_connection_is_closed(served: tuple[PlaybackProxy, PlaybackTicket, bytes]) -> None:
    proxy, ticket, body = served
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=30) as sock:
        sock.sendall(request_bytes(ticket, f"Host: 127.0.0.1:{proxy.port}", "Range: bytes=0-9"))
        head = b""
        while b"\r\n\r\n" not in head:
            head += sock.recv(65536)
        head, _, rest = head.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 206") and b"Content-Length: 10" in head
        rest += read_to_close(sock)  # the connection stays open until it has been idle too long
    assert rest == body[:10]


def test_range_with_leading_zeros_is_a_number(served: tuple[PlaybackProxy, PlaybackTicket, bytes]) -> None:
    _, ticket, body = served
    zeros = "0" * 40
    for header, (start, end) in {
        f"bytes={zeros}5-{zeros}14": (5, 14),
        f"bytes={zeros}100-": (100, len(body) - 1),
        f"bytes=-{zeros}7": (len(body) - 7, len(body) - 1),
    }.items():
        r = httpx.get(ticket.url, headers={"Range": header}, timeout=30)
        assert r.status_code == 206, header
        assert r.headers["content-range"] == f"bytes {start}-{end}/{len(body)}"
        assert r.content == body[start : end + 1]
    assert decide(f"bytes={zeros}1{'0' * 31}-", 10**9).status == 416  # a huge number is still huge
