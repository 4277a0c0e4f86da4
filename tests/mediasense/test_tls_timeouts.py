"""A node that accepts TCP and never answers the TLS handshake is a timeout: retried, failed over, and
reported as "timed out" by the connection test. Only a real certificate failure says "certificate"."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import trustme

from qms_desktop.mediasense import diagnostics
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.errors import (
    CertificateExpired,
    CertificateUntrusted,
    ConnectionRefused,
    HostNotFound,
    RequestTimeout,
    TlsError,
)
from qms_desktop.mediasense.tls import TlsSettings, fetch_certificate
from tests.conftest import sim_client_config
from tests.mediasense.test_client import free_port, whole_window

pytestmark = pytest.mark.asyncio


class StallingNode:
    """A TCP server on 127.0.0.1 that accepts every connection and never sends a byte back."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0), backlog=32)
        self.port = self._server.getsockname()[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="stalling-node", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:  # closed by stop()
                return
            with self._lock:
                self._held.append(conn)

    @property
    def accepted(self) -> int:
        with self._lock:
            return len(self._held)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        self._thread.join(timeout=5)
        with self._lock:
            for conn in self._held:
                conn.close()


@pytest.fixture
def stalling() -> Iterator[StallingNode]:
    node = StallingNode()
    yield node
    node.stop()


def quick(sim: Any, ca_file: str | None, **overrides: Any) -> Any:
    """Short timeouts: each attempt on the stalling node costs one timeout."""
    options: dict[str, Any] = {"timeout": 1.0, "max_retries": 1}
    options.update(overrides)
    return sim_client_config(sim, ca_file, **options)


def alone(url: str, **overrides: Any) -> ClientConfig:
    """One node and no simulator behind it."""
    options: dict[str, Any] = {
        "urls": (url,),
        "username": "u",
        "password": "p-secret",
        "timeout": 1.0,
        "max_retries": 0,
        "backoff_base": 0.01,
    }
    options.update(overrides)
    return ClientConfig(**options)


def says_certificate(texts: list[str]) -> bool:
    return any("certificate" in text.lower() for text in texts)


# ---- failover -----------------------------------------------------------------------------------


async def test_a_stalled_handshake_fails_over_to_the_next_node(start_sim, ca_file, stalling):
    sim = start_sim("cisco")
    config = quick(sim, ca_file, urls=(stalling.url, sim.api_url))
    async with MediaSenseClient(config) as client:
        page = await client.query_sessions(whole_window(sim), limit=3)
        assert client.current_node == sim.api_url
    assert page.raw_count == 3
    assert stalling.accepted == 1  # node 1 was tried once, then the request moved on
    assert sim.stats.logins == 1


async def test_with_a_pinned_certificate_a_stalled_node_fails_over_too(start_sim, stalling):
    sim = start_sim("cisco", ssl_context=None, tls=True)  # its own self-signed certificate, pinned
    pinned = TlsSettings(pinned_sha256=(sim.fingerprint_sha256,))
    config = quick(sim, None, urls=(stalling.url, sim.api_url), tls=pinned)
    async with MediaSenseClient(config) as client:
        page = await client.query_sessions(whole_window(sim), limit=2)
        assert client.current_node == sim.api_url
    assert page.raw_count == 2 and stalling.accepted == 1


async def test_with_a_pinned_certificate_a_refused_node_fails_over(start_sim):
    sim = start_sim("cisco", ssl_context=None, tls=True)
    pinned = TlsSettings(pinned_sha256=(sim.fingerprint_sha256,))
    dead = f"https://127.0.0.1:{free_port()}"
    async with MediaSenseClient(quick(sim, None, urls=(dead, sim.api_url), tls=pinned)) as client:
        assert (await client.query_sessions(whole_window(sim), limit=1)).raw_count == 1
        assert client.current_node == sim.api_url


async def test_a_stalled_handshake_alone_is_a_retried_timeout(stalling):
    config = alone(stalling.url, max_retries=1)
    async with MediaSenseClient(config) as client:
        with pytest.raises(RequestTimeout) as info:
            await client.login()
    error = info.value
    assert not isinstance(error, TlsError)
    assert "timed out" in error.message and "TLS handshake" in error.message
    assert "certificate" not in str(error).lower()
    assert stalling.accepted == 2  # the first try and one retry


async def test_fetching_the_certificate_of_a_stalled_node_is_a_timeout(stalling):
    with pytest.raises(RequestTimeout) as info:
        await fetch_certificate(stalling.url, timeout=0.5)
    assert "TLS handshake timed out" in info.value.message


# ---- the connection test -------------------------------------------------------------------------


def texts_of(result: diagnostics.ConnectionTestResult) -> list[str]:
    return [result.message, *(d.message for d in result.details), *result.recommendations]


@pytest.mark.parametrize("pin", [False, True], ids=["ca", "pinned"])
async def test_connection_test_on_a_stalled_node_says_timed_out(stalling, ca_file, pin):
    tls = TlsSettings(pinned_sha256=("ab" * 32,)) if pin else TlsSettings(ca_file=ca_file)
    config = alone(stalling.url, tls=tls)
    result = await diagnostics.test_connection(config)
    assert not result.success
    assert [d.status for d in result.details] == ["ok", "failed", "skipped"]
    assert result.details[1].error is not None and result.details[1].error["type"] == "RequestTimeout"
    assert result.message.code == "result.no_connection" and "timed out" in result.message
    advice = [r for r in result.recommendations if r.code == "advice.timed_out"]
    assert advice and "timed out" in advice[0] and f"127.0.0.1:{stalling.port}" in advice[0]
    assert not says_certificate(texts_of(result)), texts_of(result)
    assert result.certificate is None


@pytest.mark.parametrize(
    ("target", "expected", "advice"),
    [("refused", ConnectionRefused, "advice.port"), ("dns", HostNotFound, "advice.dns")],
)
async def test_connection_test_with_a_pinned_certificate_keeps_the_specific_advice(target, expected, advice):
    url = f"https://127.0.0.1:{free_port()}" if target == "refused" else "https://qms-no-such-host.invalid:8440"
    tls = TlsSettings(pinned_sha256=("cd" * 32,))
    config = alone(url, tls=tls)
    result = await diagnostics.test_connection(config)
    assert result.details[1].error is not None and result.details[1].error["type"] == expected.__name__
    assert [r.code for r in result.recommendations] == [f"hint.{expected.__name__}", advice]
    assert not says_certificate(texts_of(result))


async def test_an_untrusted_certificate_still_says_certificate(start_sim):
    sim = start_sim("cisco")  # the test CA's certificate; the client trusts only the system CAs
    result = await diagnostics.test_connection(quick(sim, None, tls=TlsSettings()))
    assert result.details[1].error is not None and result.details[1].error["type"] == CertificateUntrusted.__name__
    assert says_certificate(result.recommendations)
    assert result.certificate is not None  # shown so that it can be pinned


@pytest.fixture
def expired_context(test_ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    now = datetime.now(UTC)
    leaf = test_ca.issue_cert("127.0.0.1", not_before=now - timedelta(days=30), not_after=now - timedelta(days=1))
    leaf.configure_cert(ctx)
    return ctx


async def test_an_expired_certificate_still_says_certificate(start_sim, ca_file, expired_context, tmp_path: Path):
    sim = start_sim("cisco", ssl_context=expired_context)
    async with MediaSenseClient(quick(sim, ca_file)) as client:
        with pytest.raises(CertificateExpired) as info:
            await client.login()
    assert "expired" in info.value.message and "certificate" in str(info.value).lower()
    assert sim.stats.logins == 0  # the password never left
    result = await diagnostics.test_connection(quick(sim, ca_file))
    assert result.details[1].error is not None and result.details[1].error["type"] == CertificateExpired.__name__
    # No trusted connection, so no sign-in was tried: the summary says so, not "authentication failed".
    assert result.message.code == "result.no_trusted_connection"
    assert result.category is not None and result.category.key == "tls-certificate"
    assert says_certificate(result.recommendations)
