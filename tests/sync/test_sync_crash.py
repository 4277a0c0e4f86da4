"""A real `qms-desktop sync now` process killed with SIGKILL in the middle of a backfill, many times:
one more run still ends equal to the simulator's ground truth, with no duplicate."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from qms_desktop.app.runtime import SYNC_SECTION
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import backfill_slices, sync_runs
from qms_desktop.store.settings import put_settings
from qms_desktop.sync.windows import DAY_MS, floor_day
from tests.acting import PASSWORD as ACTING_PASSWORD
from tests.acting import add_user
from tests.sync.helpers import row_count, stored, sync_cli_env, truth
from tests.waiting import poll_until

KILLS = 20


def _last_run_id(engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(sync_runs.c.id), 0))).scalar_one())


def _in_backfill(engine, after_run_id: int) -> bool:
    """A run newer than `after_run_id` is running and has started a backfill day."""
    with engine.connect() as conn:
        run = conn.execute(
            sa.select(sync_runs.c.started_at_ms).where(sync_runs.c.id > after_run_id, sync_runs.c.status == "RUNNING")
        ).first()
        if run is None:
            return False
        return bool(
            conn.execute(
                sa.select(sa.func.count())
                .select_from(backfill_slices)
                .where(backfill_slices.c.status == "running", backfill_slices.c.updated_at_ms >= run[0])
            ).scalar_one()
        )


def _start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    # Nobody reads a killed run's output: pipes would only be left open (and could fill and stall it).
    return subprocess.Popen(
        [sys.executable, "-m", "qms_desktop", "sync", "now", "--json", "--as", "it-staff"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
@pytest.mark.timeout(480)  # the kill loop may use 240 s on a busy machine, then the final syncs
def test_sigkill_at_random_moments_of_a_backfill(db_url, engine, start_sim, ca_file, tmp_path):
    # Slow pages (20 ms of simulated latency) over many days keep the backfill going through all kills.
    sim = start_sim("cisco", freeze_clock=True, days=16, sessions_per_day=100, faults={"latency_ms": 20})
    sim_now = sim.clock.now_ms()
    backfill_days = 16
    with begin_write(engine) as conn:
        # Small pages make a long backfill with many page boundaries to land a kill between.
        put_settings(
            conn,
            SYNC_SECTION,
            {"page_size": 5, "backfill_days": backfill_days, "safety_delay_s": 0, "lease_ttl_s": 30},
            "test",
        )
    env = sync_cli_env(db_url, sim, ca_file, tmp_path / "home")
    add_user(db_url, "it-staff", "IT")  # the CLI syncs as a signed-in user
    env["QMS_PASSWORD"] = ACTING_PASSWORD
    rng = random.Random(20261124)
    kills = 0
    completed_early = 0
    deadline = time.monotonic() + 240
    while kills < KILLS and time.monotonic() < deadline:
        last_run = _last_run_id(engine)
        proc = _start(env)
        poll_until(lambda p=proc, run=last_run: p.poll() is not None or _in_backfill(engine, run), 30)
        if proc.poll() is not None:
            completed_early += 1
            if completed_early > 3:
                break  # the backfill finished before we could kill it again
            continue
        time.sleep(rng.uniform(0.0, 0.5))  # not a wait: a random moment inside the backfill to kill it at
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
    assert kills >= KILLS, f"only {kills} kills landed inside a backfill"

    sim.faults.update(latency_ms=0)
    final = subprocess.run(
        [sys.executable, "-m", "qms_desktop", "sync", "now", "--json", "--as", "it-staff"],
        env=env,
        capture_output=True,
        timeout=180,
    )
    assert final.returncode == 0, final.stderr.decode()[-2000:]
    while '"complete": false' in final.stdout.decode():  # 7 backfill days per cycle: finish the rest
        final = subprocess.run(
            [sys.executable, "-m", "qms_desktop", "sync", "now", "--json", "--as", "it-staff"],
            env=env,
            capture_output=True,
            timeout=180,
        )
        assert final.returncode == 0, final.stderr.decode()[-2000:]
    with engine.connect() as conn:
        statuses = [r[0] for r in conn.execute(sa.select(sync_runs.c.status).order_by(sync_runs.c.id))]
    assert statuses[-1] == "SUCCESS"
    assert "RUNNING" not in statuses  # every killed run was marked INTERRUPTED by the next one
    assert statuses.count("INTERRUPTED") >= KILLS - 1

    start = floor_day(sim_now) - backfill_days * DAY_MS
    expected = truth(sim, start, sim_now + 1)
    assert stored(engine) == expected
    assert row_count(engine) == len(expected)
