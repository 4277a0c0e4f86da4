"""A real `qms-desktop sync now` process killed with SIGKILL in the middle of a backfill, many times:
one more run still ends equal to the simulator's ground truth, with no duplicate."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


BACKFILL_DAYS = 16


def _long_backfill(db_url, engine, start_sim, ca_file, tmp_path, latency_ms: int, **settings) -> tuple[Any, dict]:
    """A simulator with slow pages over many days (the backfill goes on through every kill) and the
    environment of a `sync now` process syncing from it: (simulator, environment)."""
    sim = start_sim("cisco", freeze_clock=True, days=BACKFILL_DAYS, sessions_per_day=100,
                    faults={"latency_ms": latency_ms})  # fmt: skip
    with begin_write(engine) as conn:
        # Small pages make a long backfill with many page boundaries to land a kill between.
        values = {"page_size": 5, "backfill_days": BACKFILL_DAYS, "safety_delay_s": 0, "lease_ttl_s": 30}
        put_settings(conn, SYNC_SECTION, {**values, **settings}, "test")
    env = sync_cli_env(db_url, sim, ca_file, tmp_path / "home")
    add_user(db_url, "it-staff", "IT")  # the CLI syncs as a signed-in user
    env["QMS_PASSWORD"] = ACTING_PASSWORD
    return sim, env


def _finish(engine, sim, env) -> list[str]:
    """Sync at full speed until the backfill is complete; the database must then equal the ground
    truth with no duplicate. Returns the runs' statuses, oldest first."""
    sim.faults.update(latency_ms=0)
    while True:  # 7 backfill days per cycle: finish the rest
        final = subprocess.run(
            [sys.executable, "-m", "qms_desktop", "sync", "now", "--json", "--as", "it-staff"],
            env=env,
            capture_output=True,
            timeout=180,
        )
        assert final.returncode == 0, final.stderr.decode()[-2000:]
        if '"complete": false' not in final.stdout.decode():
            break
    now = sim.clock.now_ms()
    expected = truth(sim, floor_day(now) - BACKFILL_DAYS * DAY_MS, now + 1)
    assert stored(engine) == expected
    assert row_count(engine) == len(expected)
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(sa.select(sync_runs.c.status).order_by(sync_runs.c.id))]


@pytest.mark.slow
@pytest.mark.timeout(480)  # the kill loop may use 240 s on a busy machine, then the final syncs
def test_sigkill_at_random_moments_of_a_backfill(db_url, engine, start_sim, ca_file, tmp_path):
    sim, env = _long_backfill(db_url, engine, start_sim, ca_file, tmp_path, latency_ms=20)
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

    statuses = _finish(engine, sim, env)
    assert statuses[-1] == "SUCCESS"
    assert "RUNNING" not in statuses  # every killed run was marked INTERRUPTED by the next one
    assert statuses.count("INTERRUPTED") >= KILLS - 1


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


WRITER_KILLS = 5


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the writer process through Linux's /proc")
@pytest.mark.timeout(480)
def test_sigkill_while_the_writer_process_writes(db_url, engine, start_sim, ca_file, tmp_path):
    """The CLI killed while its run's pages go to its writer process: the writer commits nothing for a
    dead parent and ends, and one more run still ends equal to the ground truth, with no duplicate."""
    sim, env = _long_backfill(db_url, engine, start_sim, ca_file, tmp_path, latency_ms=40, write_process_after=10)
    rng = random.Random(20261204)
    writers: list[int] = []
    for _ in range(WRITER_KILLS):
        proc = _start(env)
        poll_until(lambda p=proc: p.poll() is not None or _children(p.pid), 60)
        assert proc.poll() is None, "the run ended before its writer process started"
        writers.extend(_children(proc.pid))
        time.sleep(rng.uniform(1.0, 2.5))  # a random moment while the writer starts or takes pages
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    poll_until(lambda: not any(_alive(pid) for pid in writers), 30)  # no orphan keeps writing
    statuses = _finish(engine, sim, env)
    assert statuses[-1] == "SUCCESS" and "RUNNING" not in statuses, statuses
