"""The MediaSense client against the simulator over real HTTPS sockets, in every profile."""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp import web

from qms_desktop.domain.sessions import SessionState
from qms_desktop.domain.time import TimeWindow
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.errors import (
    ApiError,
    AuthenticationFailed,
    CertificateUntrusted,
    ConnectionRefused,
    FingerprintMismatch,
    MalformedResponse,
    MediaNotFound,
    RangeNotSatisfiable,
    ServerBusy,
    ServerError,
    SessionCookieMissing,
)
from qms_desktop.mediasense.media import media_source
from qms_desktop.mediasense.tls import TlsSettings
from tests.conftest import sim_client_config

pytestmark = pytest.mark.asyncio


config_for = sim_client_config


def whole_window(sim: Any) -> TimeWindow:
    now = sim.clock.now()
    return TimeWindow(now - timedelta(days=4), now + timedelta(minutes=1))


async def fetch_all(client: MediaSenseClient, window: TimeWindow, limit: int = 50) -> list:
    records, offset = [], 0
    while offset is not None:
        page = await client.query_sessions(window, offset=offset, limit=limit)
        records.extend(page.records)
        offset = page.next_offset
    return records


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("profile", "login", "query"),
    [("cisco", "cisco", "cisco"), ("spec", "spec", "spec"), ("legacy", "basic", "legacy-recording")],
)
async def test_each_profile_matches_ground_truth(start_sim, ca_file, profile, login, query):
    sim = start_sim(profile)
    window = whole_window(sim)
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        records = await fetch_all(client, window)
        assert client.login_strategy == login
        assert client.query_dialect == query
    truth = sim.ground_truth(window.start, window.end)
    assert sorted(r.session_id for r in records) == sorted(t["sessionId"] for t in truth)
    by_id = {t["sessionId"]: t for t in truth}
    for record in records:
        expected = by_id[record.session_id]
        assert record.state.value == expected["state"]
        assert int(record.start.timestamp() * 1000) == expected["start_ms"]
        if record.state is SessionState.ACTIVE:
            assert record.duration_ms is None
        else:
            assert record.duration_ms == expected["duration_ms"]


async def test_login_fallback_order_is_remembered(start_sim, ca_file):
    sim = start_sim("legacy")
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        await client.query_sessions(whole_window(sim), limit=5)
        await client.query_sessions(whole_window(sim), limit=5)
        profiles = dict(client.profiles)
    paths = [path for _method, path in list(sim.stats.request_log)]
    sign_in = paths.index("/ora/authenticationService/authentication/signIn")
    login = paths.index("/ora/authenticationService/authentication/login")
    probe = paths.index("/ora/serviceInfo")
    assert sign_in < login < probe
    # The second query went straight to the endpoint that worked: each fallback was tried once.
    assert paths.count("/ora/queryService/query/getSessions") == 1
    assert paths.count("/ora/recording/api/sessions") == 2

    # A new client told what worked skips the fallbacks entirely.
    before = len(sim.stats.request_log)
    async with MediaSenseClient(config_for(sim, ca_file), profiles=profiles) as client:
        await client.query_sessions(whole_window(sim), limit=5)
    later = [path for _m, path in list(sim.stats.request_log)[before:]]
    assert later == ["/ora/serviceInfo", "/ora/recording/api/sessions"]


async def test_expired_session_4021_signs_in_again_transparently(start_sim, ca_file):
    sim = start_sim("cisco")
    sim.faults.expire_session_after = 2
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        for _ in range(4):
            page = await client.query_sessions(whole_window(sim), limit=5)
            assert page.raw_count == 5
    assert sim.stats.logins >= 2


async def test_busy_5042_is_retried_honouring_retry_after(start_sim, ca_file):
    sim = start_sim("spec")
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        await client.login()
        sim.faults.retry_after = 1
        sim.faults.busy_next = 1
        started = time.monotonic()
        page = await client.query_sessions(whole_window(sim), limit=3)
        assert time.monotonic() - started >= 0.95  # waited for Retry-After, not the short backoff
    assert page.raw_count == 3


async def test_cisco_5042_retried_then_busy_error(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file, max_retries=2)) as client:
        await client.login()
        sim.faults.busy_next = 1
        assert (await client.query_sessions(whole_window(sim), limit=2)).raw_count == 2
        sim.faults.busy_next = 10
        with pytest.raises(ServerBusy) as info:
            await client.query_sessions(whole_window(sim), limit=2)
        assert info.value.code == 5042
        sim.faults.busy_next = 0


async def test_5xx_retried_then_typed_error(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file, max_retries=2)) as client:
        await client.login()
        sim.faults.error_5xx_next = 2
        assert (await client.query_sessions(whole_window(sim), limit=2)).raw_count == 2
        sim.faults.error_5xx_next = 3
        before = sim.stats.requests_to("/ora/queryService/query/getSessions")
        with pytest.raises(ServerError) as info:
            await client.query_sessions(whole_window(sim), limit=2)
        assert sim.stats.requests_to("/ora/queryService/query/getSessions") - before == 3  # 1 + 2 retries
        assert info.value.status == 503


async def test_logical_4xxx_error_is_typed_and_not_retried(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        before = sim.stats.requests_to("/ora/queryService/query/getSessions")
        with pytest.raises(ApiError) as info:
            # No sessionStartDate clause: MediaSense refuses with a 4xxx code inside HTTP 200.
            await client.request("POST", "/ora/queryService/query/getSessions", json={"requestParameters": []})
        assert sim.stats.requests_to("/ora/queryService/query/getSessions") - before == 1
    assert info.value.code == 4010
    assert info.value.detail


async def test_wrong_password_is_authentication_failed(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file, password="wrong-password")) as client:
        with pytest.raises(AuthenticationFailed) as info:
            await client.query_sessions(whole_window(sim), limit=1)
    assert "wrong-password" not in str(info.value)
    assert info.value.hint


async def test_one_malformed_json_answer_is_retried(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        await client.login()
        sim.faults.update(malformed_json_next=1)
        assert (await client.query_sessions(whole_window(sim), limit=5)).raw_count == 5
    assert sim.stats.faults["malformed_json"] == 1


async def test_malformed_json_that_persists_is_a_typed_error_after_a_bounded_number_of_tries(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file, transient_retries=4)) as client:
        await client.login()
        sim.faults.update(malformed_json_next=100)
        before = sim.stats.requests_to("/ora/queryService/query/getSessions")
        with pytest.raises(MalformedResponse) as info:
            await client.query_sessions(whole_window(sim), limit=5)
        assert sim.stats.requests_to("/ora/queryService/query/getSessions") - before == 5  # 1 + 4 retries
        sim.faults.update(malformed_json_next=0)
        # The next call works again.
        assert (await client.query_sessions(whole_window(sim), limit=5)).raw_count == 5
    assert "invalid JSON" in str(info.value) and info.value.hint


async def test_a_truncated_sign_in_answer_is_retried(start_sim, ca_file):
    sim = start_sim("cisco")
    sim.faults.update(malformed_json_next=1)  # the first answer is signIn's: cut in half
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        assert await client.login() == "cisco"
        assert (await client.query_sessions(whole_window(sim), limit=2)).raw_count == 2
    assert sim.stats.faults["malformed_json"] == 1
    assert sim.stats.logins == 2  # the cut answer's session was never used; one more sign-in


async def test_a_burst_of_5042_is_retried_within_the_budget(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        await client.login()
        sim.faults.update(busy_next=4)
        before = sim.stats.requests_to("/ora/queryService/query/getSessions")
        assert (await client.query_sessions(whole_window(sim), limit=2)).raw_count == 2
        assert sim.stats.requests_to("/ora/queryService/query/getSessions") - before == 5


async def test_5042_during_sign_in_is_retried(start_sim, ca_file):
    sim = start_sim("cisco")
    sim.faults.update(busy_next=3)
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        assert await client.login() == "cisco"
    assert sim.stats.faults["busy"] == 3


async def test_the_time_budget_bounds_waiting_on_retry_after(start_sim, ca_file):
    sim = start_sim("spec")
    async with MediaSenseClient(config_for(sim, ca_file, retry_budget_s=2.5)) as client:
        await client.login()
        sim.faults.update(busy_next=100, retry_after=1)
        before = sim.stats.total_requests()
        started = time.monotonic()
        with pytest.raises(ServerBusy) as info:
            await client.query_sessions(whole_window(sim), limit=2)
        waited = time.monotonic() - started
        sim.faults.update(busy_next=0)
    assert 1.9 <= waited < 3.5  # two Retry-After waits fit the budget, a third would not
    assert sim.stats.total_requests() - before == 3
    assert info.value.status == 429


async def test_malformed_records_are_rejected_not_lost(start_sim, ca_file):
    sim = start_sim("cisco")
    truth = sim.ground_truth(*(lambda w: (w.start, w.end))(whole_window(sim)))
    broken = {truth[0]["sessionId"], truth[3]["sessionId"]}
    sim.faults.malformed_records = set(broken)
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        page = await client.query_sessions(whole_window(sim), limit=10)
    assert len(page.records) + len(page.rejected) == page.raw_count == 10
    assert len(page.rejected) == 2
    assert all(r.reason for r in page.rejected)


async def test_pinned_fingerprint_trusts_the_self_signed_certificate(start_sim):
    sim = start_sim("cisco", ssl_context=None, tls=True)
    pin = sim.fingerprint_sha256
    async with MediaSenseClient(config_for(sim, None, tls=TlsSettings(pinned_sha256=(pin,)))) as client:
        assert (await client.query_sessions(whole_window(sim), limit=2)).raw_count == 2
    async with MediaSenseClient(config_for(sim, None)) as client:
        with pytest.raises(CertificateUntrusted):
            await client.login()
    wrong = "ab" * 32
    async with MediaSenseClient(config_for(sim, None, tls=TlsSettings(pinned_sha256=(wrong,)))) as client:
        with pytest.raises(FingerprintMismatch):
            await client.login()
    # The password never left for a server that failed the pin check.
    assert sim.stats.logins == 1


async def test_cluster_fails_over_to_the_next_node(start_sim, ca_file):
    sim = start_sim("cisco")
    dead = f"https://127.0.0.1:{free_port()}"
    async with MediaSenseClient(config_for(sim, ca_file, urls=(dead, sim.api_url))) as client:
        page = await client.query_sessions(whole_window(sim), limit=3)
        assert client.current_node == sim.api_url
    assert page.raw_count == 3


async def test_refused_connection_is_typed(ca_file):
    config = ClientConfig(
        urls=(f"https://127.0.0.1:{free_port()}",),
        username="u",
        password="p-secret",
        tls=TlsSettings(ca_file=ca_file),
        max_retries=1,
        backoff_base=0.01,
    )
    async with MediaSenseClient(config) as client:
        with pytest.raises(ConnectionRefused):
            await client.login()


async def test_get_session_follows_an_active_session_until_closed(start_sim, ca_file):
    sim = start_sim("cisco")
    active = [t for t in sim.ground_truth(*_bounds(sim)) if t["state"] == "ACTIVE"]
    assert active, "the simulator plants ACTIVE sessions"
    session_id = active[0]["sessionId"]
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        first = await client.get_session(session_id)
        assert first.state is SessionState.ACTIVE and first.duration_ms is None
        sim.clock.advance(6 * 3600)
        later = await client.get_session(session_id)
        assert later.state in (SessionState.CLOSED_NORMAL, SessionState.CLOSED_ERROR)
        assert later.duration_ms and later.duration_ms > 0
        assert await client.get_session("ffffffffffffff") is None


def _bounds(sim: Any) -> tuple[datetime, datetime]:
    window = whole_window(sim)
    return window.start, window.end


async def _closed_with_media(client: MediaSenseClient, sim: Any):
    records = await fetch_all(client, whole_window(sim), limit=100)
    return next(r for r in records if r.state is SessionState.CLOSED_NORMAL and not r.pruned and r.urls.wav)


@pytest.mark.parametrize("ignore_range", [False, True])
async def test_media_ranges(start_sim, ca_file, ignore_range):
    sim = start_sim("cisco", ignore_range=ignore_range)
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        record = await _closed_with_media(client, sim)
        source = media_source(record)
        async with await client.open_media(source.url) as full:
            assert full.status == 200
            body = b"".join([chunk async for chunk in full.aiter_bytes()])
        total = len(body)
        assert body[:4] == b"RIFF" and int(full.headers["Content-Length"]) == total
        for header, start, end in [
            ("bytes=0-99", 0, 99),
            ("bytes=1000-1999", 1000, 1999),
            (f"bytes={total - 10}-{total - 1}", total - 10, total - 1),
            ("bytes=-500", total - 500, total - 1),
            (f"bytes={total - 300}-", total - 300, total - 1),
        ]:
            async with await client.open_media(source.url, byte_range=header) as part:
                data = b"".join([chunk async for chunk in part.aiter_bytes()])
            if ignore_range:
                assert part.status == 200 and data == body
            else:
                assert part.status == 206, header
                assert part.headers["Content-Range"] == f"bytes {start}-{end}/{total}"
                assert data == body[start : end + 1]
        if not ignore_range:
            with pytest.raises(RangeNotSatisfiable):
                await client.open_media(source.url, byte_range=f"bytes={total + 10}-")


async def test_pruned_media_is_reported_as_pruned(start_sim, ca_file):
    sim = start_sim("cisco", sessions_per_day=120)
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        records = await fetch_all(client, whole_window(sim), limit=200)
        pruned = next(r for r in records if r.pruned)
        url = pruned.urls.wav or f"{sim.media_url}/recordedMedia/oramedia/wav/{pruned.session_id}.wav"
        with pytest.raises(MediaNotFound) as info:
            await client.open_media(url)
    assert "pruned" in info.value.hint


async def test_sign_in_without_cookie_is_a_clear_error(unused_tcp_port_factory=None):
    """A real server that answers 2000 to signIn but sets no JSESSIONID (seen on MediaSense 11.5)."""

    async def sign_in(_request: web.Request) -> web.Response:
        return web.json_response({"responseCode": 2000, "responseMessage": "Success"})

    app = web.Application()
    app.router.add_post("/ora/authenticationService/authentication/signIn", sign_in)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        config = ClientConfig(urls=(f"http://127.0.0.1:{port}",), username="u", password="p-secret")
        async with MediaSenseClient(config) as client:
            with pytest.raises(SessionCookieMissing) as info:
                await client.login()
        assert "JSESSIONID" in str(info.value)
    finally:
        await runner.cleanup()


async def test_concurrent_requests_share_one_login(start_sim, ca_file):
    sim = start_sim("cisco")
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        pages = await asyncio.gather(*(client.query_sessions(whole_window(sim), limit=2) for _ in range(8)))
    assert all(p.raw_count == 2 for p in pages)
    assert sim.stats.logins == 1


async def test_system_time_and_clock(start_sim, ca_file):
    sim = start_sim("legacy")  # legacy sends the epoch as a string
    async with MediaSenseClient(config_for(sim, ca_file)) as client:
        server_time = await client.get_system_time()
    assert abs((server_time - sim.clock.now()).total_seconds()) < 5
    assert server_time.tzinfo is UTC
