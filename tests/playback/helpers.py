"""Shared by the playback and security tests: a simulator, its client config, its recordings."""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from qms_desktop.domain.directory import enrich
from qms_desktop.domain.sessions import SessionRecord, SessionState
from qms_desktop.domain.time import TimeWindow, now_ms
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.simulator import RunningSimulator, SimulatorConfig, start_simulator
from qms_desktop.store.directory import import_agents_csv, load_directory
from qms_desktop.store.engine import begin_write
from qms_desktop.store.recordings import upsert_sessions
from tests.conftest import SIM_PASSWORD, SIM_USER, sim_client_config


def sim_config(sim: RunningSimulator, ca_file: str, **overrides: Any) -> ClientConfig:
    return sim_client_config(sim, ca_file, **overrides)


def start_test_sim(ssl_context: ssl.SSLContext, tmp: Path, **overrides: Any) -> RunningSimulator:
    options: dict[str, Any] = {
        "profile": "cisco",
        "sessions_per_day": 40,
        "days": 3,
        "seed": 7,
        "username": SIM_USER,
        "password": SIM_PASSWORD,
        "ssl_context": ssl_context,
        "cert_dir": tmp / "sim-certs",
    }
    options.update(overrides)
    return start_simulator(SimulatorConfig(**options))


def fetch_records(sim: RunningSimulator, config: ClientConfig) -> list[SessionRecord]:
    """Every session of the simulator's history, through the real client (all pages)."""

    async def run() -> list[SessionRecord]:
        out: list[SessionRecord] = []
        now = sim.clock.now()
        window = TimeWindow(now - timedelta(days=5), now + timedelta(minutes=1))
        async with MediaSenseClient(config) as client:
            offset: int | None = 0
            while offset is not None:
                page = await client.query_sessions(window, offset=offset, limit=100)
                out.extend(page.records)
                offset = page.next_offset
        return out

    return asyncio.run(run())


def store_records(engine: Engine, sim: RunningSimulator, records: list[SessionRecord]) -> list[SessionRecord]:
    """Import the simulator's agents, upsert the sessions, link them to agents and teams."""
    with begin_write(engine) as conn:
        import_agents_csv(conn, sim.agents_csv())
        snapshot = load_directory(conn)
        enriched = enrich(records, snapshot)
        upsert_sessions(conn, enriched, fetched_at_ms=now_ms(), now_ms=now_ms())
    return enriched


@dataclass
class SimData:
    sim: RunningSimulator
    config: ClientConfig
    records: list[SessionRecord]

    def closed(self) -> list[SessionRecord]:
        return [r for r in self.records if r.state is SessionState.CLOSED_NORMAL and not r.pruned]

    def shortest(self) -> SessionRecord:
        return min(self.closed(), key=lambda r: r.duration_ms or 0)

    def longest(self) -> SessionRecord:
        return max(self.closed(), key=lambda r: r.duration_ms or 0)

    def pruned(self) -> SessionRecord:
        return next(r for r in self.records if r.pruned)
