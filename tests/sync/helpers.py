"""Building sync engines against a simulator, and comparing the database with its ground truth."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.mediasense.client import MediaSenseClient
from qms_desktop.store.schema import recordings
from qms_desktop.sync.engine import SyncEngine
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.sync.windows import DAY_MS, floor_day
from tests.conftest import SIM_PASSWORD, SIM_USER, sim_client_config

# A fixed instant keeps every run reproducible: the simulator's clock is frozen here.
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
NOW_MS = int(NOW.timestamp() * 1000)


def small_settings(**overrides: Any) -> SyncSettings:
    values: dict[str, Any] = {
        "page_size": 25,
        "max_pages": 1000,
        "backfill_days": 4,
        "backfill_days_per_cycle": 7,
        "safety_delay_s": 0,
    }
    values.update(overrides)
    return SyncSettings(**values)


def client_for(sim: Any, ca_file: str) -> MediaSenseClient:
    return MediaSenseClient(sim_client_config(sim, ca_file, timeout=10.0, backoff_base=0.01, backoff_max=0.05))


def sync_engine(db: Engine, sim: Any, ca_file: str, settings: SyncSettings | None = None, **kw: Any) -> SyncEngine:
    return SyncEngine(db, client_for(sim, ca_file), settings or small_settings(), now=sim.clock.now, **kw)


async def run_once(db: Engine, sim: Any, ca_file: str, settings: SyncSettings | None = None, **kw: Any) -> Any:
    """One sync run against `sim`, its engine and client closed afterwards."""
    sync = sync_engine(db, sim, ca_file, settings, **kw)
    try:
        return await sync.run("test")
    finally:
        sync.close()
        await sync.client.aclose()


def covered_window(settings: SyncSettings, now_ms: int) -> tuple[int, int]:
    """What a completed first run covers: the backfill days before today, and today up to now."""
    upper = now_ms - int(settings.safety_delay_s * 1000)
    return floor_day(upper) - settings.backfill_days * DAY_MS, upper


def stored(db: Engine) -> dict[str, tuple[Any, ...]]:
    with db.connect() as conn:
        rows = conn.execute(
            sa.select(recordings.c.session_id, recordings.c.state, recordings.c.start_ms, recordings.c.duration_ms)
        ).all()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def truth(sim: Any, start_ms: int, end_ms: int) -> dict[str, tuple[Any, ...]]:
    return {t["sessionId"]: (t["state"], t["start_ms"], t["duration_ms"]) for t in sim.ground_truth(start_ms, end_ms)}


def row_count(db: Engine) -> int:
    with db.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(recordings)).scalar_one())


def sync_cli_env(db_url: str, sim: Any, ca_file: str, home: Path) -> dict[str, str]:
    """The environment of a `qms-desktop sync` process: this database and this simulator."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(
        QMS_HOME=str(home),
        QMS_DATABASE_URL=db_url,
        MEDIASENSE_URL=sim.api_url,
        MEDIASENSE_USERNAME=SIM_USER,
        MEDIASENSE_PASSWORD=SIM_PASSWORD,
        MEDIASENSE_CA_FILE=ca_file,
    )
    return env
