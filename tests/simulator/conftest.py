"""Fixtures for the simulator tests: a trustme CA, simulators over HTTPS, and httpx clients."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import trustme

from qms_desktop.simulator import RunningSimulator, SimulatorConfig, start_simulator

ANCHOR = datetime(2026, 1, 26, 12, 0, tzinfo=UTC)
ANCHOR_MS = int(ANCHOR.timestamp() * 1000)
DAY_MS = 86_400_000
USER, PASSWORD = "qa_api", "s3cret"

SIGN_IN = "/ora/authenticationService/authentication/signIn"
GET_SESSIONS = "/ora/queryService/query/getSessions"


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def server_ssl(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


@pytest.fixture(scope="session")
def client_ssl(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ca.configure_trust(ctx)
    return ctx


@pytest.fixture
def make_sim(server_ssl: ssl.SSLContext) -> Iterator[Callable[..., RunningSimulator]]:
    """Start simulators with test defaults (frozen clock at ANCHOR, 3 days of 200 calls, HTTPS)."""
    started: list[RunningSimulator] = []

    def factory(**overrides: Any) -> RunningSimulator:
        config = SimulatorConfig(
            profile="cisco",
            sessions_per_day=200,
            days=3,
            seed=7,
            username=USER,
            password=PASSWORD,
            ssl_context=server_ssl,
            anchor=ANCHOR,
            now=ANCHOR,
            freeze_clock=True,
        )
        sim = start_simulator(config, **overrides)
        started.append(sim)
        return sim

    yield factory
    for sim in started:
        sim.stop()


@pytest.fixture
def client_for(client_ssl: ssl.SSLContext) -> Iterator[Callable[..., httpx.Client]]:
    clients: list[httpx.Client] = []

    def factory(base_url: str, **kwargs: Any) -> httpx.Client:
        client = httpx.Client(base_url=base_url, verify=client_ssl, timeout=10, **kwargs)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


def sign_in(client: httpx.Client, user: str = USER, password: str = PASSWORD) -> httpx.Response:
    return client.post(SIGN_IN, json={"requestParameters": {"username": user, "password": password}})


def window(start_ms: int, end_ms: int, *, offset: int = 0, limit: int = 100, **extra: Any) -> dict[str, Any]:
    """A getSessions body asking the half-open window [start, end) as `between [start, end-1]`."""
    body: dict[str, Any] = {
        "requestParameters": [
            {
                "fieldName": "sessionStartDate",
                "fieldConditions": [{"fieldOperator": "between", "fieldValues": [start_ms, end_ms - 1]}],
                "paramConnector": "AND",
            }
        ],
        "pageParameters": {"offset": offset, "limit": limit},
        "sortParameters": [{"byFieldName": "sessionStartDate", "order": "ASC"}],
    }
    body.update(extra)
    return body


@pytest.fixture
def cisco(make_sim: Callable[..., RunningSimulator]) -> RunningSimulator:
    return make_sim()


@pytest.fixture
def api(cisco: RunningSimulator, client_for: Callable[..., httpx.Client]) -> httpx.Client:
    """A signed-in client of the cisco simulator."""
    client = client_for(cisco.api_url)
    assert sign_in(client).json()["responseCode"] == 2000
    return client
