from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest

from tests.pg import db_url, engine, postgres_engine, postgres_url, sqlite_engine, sqlite_url  # noqa: F401
from tests.playback.helpers import SimData, fetch_records, sim_config, start_test_sim


@pytest.fixture(scope="module")
def sim_data(
    server_ssl_context: ssl.SSLContext, ca_file: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SimData]:
    """One simulator (over HTTPS) for the module, with its sessions listed through the real client."""
    sim = start_test_sim(server_ssl_context, tmp_path_factory.mktemp("sim"))
    config = sim_config(sim, ca_file)
    try:
        yield SimData(sim, config, fetch_records(sim, config))
    finally:
        sim.stop()
