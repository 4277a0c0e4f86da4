"""Fixtures shared by every test: an isolated QMS_HOME, a throw-away CA, and simulators."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt

import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

SIM_USER = "qms-api"
SIM_PASSWORD = "S3cret-pa55word!"


def sim_client_config(sim: Any, ca_file: str | None, **overrides: Any) -> Any:
    """A client configuration for a test simulator: its credentials, the test CA, quick retries."""
    from qms_desktop.mediasense.client import ClientConfig
    from qms_desktop.mediasense.tls import TlsSettings

    options: dict[str, Any] = {
        "urls": (sim.api_url,),
        "username": SIM_USER,
        "password": SIM_PASSWORD,
        "timeout": 5.0,
        "tls": TlsSettings(ca_file=ca_file),
        "backoff_base": 0.05,
        "backoff_max": 0.2,
    }
    options.update(overrides)
    return ClientConfig(**options)


@pytest.fixture(autouse=True)
def qms_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's real folders; no connection setting leaks in from the machine."""
    home = tmp_path / "qms-home"
    home.mkdir()
    monkeypatch.setenv("QMS_HOME", str(home))
    monkeypatch.setenv("QMS_DEMO_HOME", str(tmp_path / "demo-home"))  # where a demo started by a test goes
    for name in list(os.environ):
        if name.startswith("MEDIASENSE_") or name == "QMS_DATABASE_URL":
            monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def test_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def ca_file(test_ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    test_ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture(scope="session")
def server_ssl_context(test_ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    test_ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


@pytest.fixture
def start_sim(server_ssl_context: ssl.SSLContext, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Start simulators (HTTPS with the test CA unless told otherwise); all are stopped afterwards."""
    from qms_desktop.simulator import SimulatorConfig, start_simulator

    running: list[Any] = []

    def start(profile: str = "cisco", **overrides: Any) -> Any:
        options: dict[str, Any] = {
            "profile": profile,
            "sessions_per_day": 40,
            "days": 3,
            "seed": 7,
            "username": SIM_USER,
            "password": SIM_PASSWORD,
            "ssl_context": server_ssl_context,
            "cert_dir": tmp_path / "sim-certs",
        }
        options.update(overrides)
        sim = start_simulator(SimulatorConfig(**options))
        running.append(sim)
        return sim

    yield start
    for sim in running:
        sim.stop()
