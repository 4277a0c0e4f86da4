from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator

import pytest

from tests.pg import db_url, engine, postgres_engine, postgres_url, sqlite_engine, sqlite_url  # noqa: F401
from tests.playback.helpers import SimData, fetch_records, sim_config, start_test_sim


@pytest.fixture(scope="module")
def sim_data_factory(
    server_ssl_context: ssl.SSLContext, ca_file: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., SimData]]:
    """One simulator per (module, options): starting one and listing its sessions costs ~1 s."""
    made: dict[tuple[tuple[str, object], ...], SimData] = {}

    def make(**overrides: object) -> SimData:
        key = tuple(sorted(overrides.items()))
        if key not in made:
            sim = start_test_sim(server_ssl_context, tmp_path_factory.mktemp("sim"), **overrides)
            config = sim_config(sim, ca_file)
            made[key] = SimData(sim, config, fetch_records(sim, config))
        return made[key]

    yield make
    for data in made.values():
        data.sim.stop()
