"""`qms-desktop recordings serve` as a real process against bad requests, its stderr a pipe nobody reads."""

from __future__ import annotations

import fcntl
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.playback.helpers import SimData
from tests.playback.processes import ServeWorld, serve_world, url_of


@pytest.fixture
def world(
    sim_data_factory: Callable[..., SimData], sqlite_url: str, tmp_path: Path, ca_file: str
) -> Iterator[ServeWorld]:
    w = serve_world(sim_data_factory(), sqlite_url, tmp_path / "home", ca_file)
    yield w
    w.stop_all()


def answer_to(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def fill(pipe_write_fd: int) -> int:
    """Fill the pipe to the brim through a non-blocking description of its own (the process's
    stderr stays blocking). Returns the bytes written."""
    filler = os.open(f"/proc/self/fd/{pipe_write_fd}", os.O_WRONLY | os.O_NONBLOCK)
    written = 0
    try:
        for size in (4096, 1):  # a write of up to 4096 bytes goes in whole or not at all
            try:
                while True:
                    written += os.write(filler, b"#" * size)
            except BlockingIOError:
                pass
    finally:
        os.close(filler)
    return written


def test_proxy_keeps_serving_when_its_stderr_is_a_full_pipe_nobody_reads(world: ServeWorld) -> None:
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # the smallest pipe: quick to fill
    try:
        process = world.serve(world.records[0], stderr=write_end)
        url = url_of(process)
        assert url is not None
        good = httpx.get(url, headers={"Range": "bytes=0-99"}, timeout=30)
        assert good.status_code == 206
        assert fill(write_end) > 0  # from here on, any write to stderr blocks its writer

        port = urlsplit(url).port
        assert port is not None
        path = urlsplit(url).path
        host = f"Host: 127.0.0.1:{port}"
        bad = {
            "oversized header": f"GET {path} HTTP/1.1\r\n{host}\r\nX-Big: {'a' * 9000}\r\n\r\n",
            "duplicate Host": f"GET {path} HTTP/1.1\r\n{host}\r\nHost: elsewhere\r\n\r\n",
            "not HTTP": "\x16\x03\x01 hello\r\n\r\n",
            "foreign Host": f"GET {path} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
            "wrong token": f"GET {path.replace('/play/', '/play/x')} HTTP/1.1\r\n{host}\r\nConnection: close\r\n\r\n",
        }
        for _ in range(60):
            for kind, request in bad.items():
                answer = answer_to(port, request.encode("latin-1"))
                assert answer[9:12] in (b"400", b"403"), (kind, answer[:100])

        again = httpx.get(url, headers={"Range": "bytes=0-99"}, timeout=30)
        assert again.status_code == 206 and again.content == good.content
    finally:
        os.close(write_end)
        world.stop_all()  # SIGKILL: a process blocked writing to stderr cannot act on SIGTERM
        os.set_blocking(read_end, False)
        written = b""
        try:
            while chunk := os.read(read_end, 65536):
                written += chunk
        except BlockingIOError:
            pass
        os.close(read_end)
    assert b"Traceback" not in written


def test_serve_writes_no_traceback_for_bad_requests(world: ServeWorld) -> None:
    process = world.serve(world.records[0])
    url = url_of(process)
    assert url is not None
    port = urlsplit(url).port
    assert port is not None
    path = urlsplit(url).path
    for _ in range(50):
        answer_to(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {'a' * 9000}\r\n\r\n".encode())
        answer_to(port, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: x\r\n\r\n".encode())
    assert httpx.get(url, headers={"Range": "bytes=0-9"}, timeout=30).status_code == 206
    process.terminate()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Error handling request" not in err
    assert err.count("\n") <= 2, err  # just the "serving … until interrupted" line
