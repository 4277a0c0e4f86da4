"""A real `qms-desktop service` process: SIGTERM mid-run, and the Prometheus endpoint in demo mode."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app.runtime import SYNC_SECTION
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import sync_lease, sync_runs
from qms_desktop.store.settings import put_settings
from qms_desktop.sync.windows import DAY_MS, floor_day
from tests.acting import PASSWORD as ACTING_PASSWORD
from tests.acting import add_user
from tests.conftest import SIM_PASSWORD, SIM_USER
from tests.sync.helpers import row_count, stored, truth
from tests.waiting import poll_until

BACKFILL_DAYS = 4


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(home), **extra)
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _runs(engine: Engine) -> list[tuple[str, int]]:
    with engine.connect() as conn:
        return [
            (r[0], r[1])
            for r in conn.execute(sa.select(sync_runs.c.status, sync_runs.c.pages).order_by(sync_runs.c.id))
        ]


def test_sigterm_mid_run_leaves_a_committed_resumable_state(
    db_url: str, engine: Engine, start_sim, ca_file, tmp_path: Path
) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=BACKFILL_DAYS + 1, sessions_per_day=60, faults={"latency_ms": 25})
    sim_now = sim.clock.now_ms()
    with begin_write(engine) as conn:
        put_settings(conn, SYNC_SECTION, {"page_size": 5, "backfill_days": BACKFILL_DAYS, "safety_delay_s": 0}, "test")
    env = _env(
        tmp_path / "home",
        QMS_DATABASE_URL=db_url,
        MEDIASENSE_URL=sim.api_url,
        MEDIASENSE_USERNAME=SIM_USER,
        MEDIASENSE_PASSWORD=SIM_PASSWORD,
        MEDIASENSE_CA_FILE=ca_file,
        QMS_PASSWORD=ACTING_PASSWORD,  # the service needs no user; the `sync now` runs after it do
    )
    add_user(db_url, "it-staff", "IT")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qms_desktop", "service", "--interval", "3600"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:

        def mid_run() -> bool:
            runs = _runs(engine)
            return bool(runs) and runs[-1][0] == "RUNNING" and runs[-1][1] >= 4

        poll_until(lambda: proc.poll() is not None or mid_run(), 30)
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err.decode()[-2000:]
    assert "Stop requested" in err.decode() and "MEDIASENSE_PASSWORD" not in err.decode()
    assert SIM_PASSWORD not in err.decode()
    runs = _runs(engine)
    assert runs[-1][0] == "INTERRUPTED" and runs[-1][1] >= 4
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(sync_lease)).scalar_one() == 0
        created = conn.execute(sa.select(sa.func.sum(sync_runs.c.created))).scalar_one()
    assert row_count(engine) == created  # every counted page is committed, nothing more

    # The next runs resume from the checkpoint and end equal to the simulator's ground truth.
    for _ in range(4):
        final = subprocess.run(
            [sys.executable, "-m", "qms_desktop", "sync", "now", "--json", "--as", "it-staff"],
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert final.returncode == 0, final.stderr.decode()[-2000:]
        if '"complete": true' in final.stdout.decode():
            break
    expected = truth(sim, floor_day(sim_now) - BACKFILL_DAYS * DAY_MS, sim_now + 1)
    assert stored(engine) == expected
    assert row_count(engine) == len(expected)


def test_demo_service_serves_metrics_and_stops_cleanly(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "qms_desktop", "service", "--demo", "--metrics-port", str(port), "--interval", "3600"],
        env=_env(tmp_path / "demo-home"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    text = ""
    try:
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
            except httpx.HTTPError:
                text = ""
            if 'qms_sync_runs_total{status="SUCCESS"} 1.0' in text:
                break
            time.sleep(0.2)  # the poll interval: the metrics are read again until the first run shows
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert 'qms_sync_runs_total{status="SUCCESS"} 1.0' in text, err.decode()[-2000:]
    created = next(line for line in text.splitlines() if line.startswith('qms_sync_records_total{outcome="created"}'))
    assert float(created.split()[-1]) > 0
    for name in (
        "qms_sync_last_success_timestamp_seconds",
        "qms_sync_lag_seconds",
        "qms_sync_open_sessions",
        "qms_search_index_backlog",
        "qms_database_up 1.0",
    ):
        assert name in text
    assert proc.returncode == 0, err.decode()[-2000:]
