"""Sessions MediaSense shows long after they started: the reconciliation pass finds every one.

The experiment: 12 simulated hours, one sync every 5 minutes, 2 % of the calls visible only 2-90
minutes after they end (the simulator's `late_visible_rate` fault), the simulator's clock frozen and
moved by the test. Then the syncs go on for 4 more hours, long enough for every call of the 12 hours
to have ended, become visible and met a reconciliation; no call of those 12 hours may be missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa

from qms_desktop.app.runtime import SYNC_SECTION
from qms_desktop.store import create_engine_for, upgrade
from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import sync_runs
from qms_desktop.store.settings import put_settings
from qms_desktop.sync.windows import DAY_MS, floor_day
from tests.acting import PASSWORD as ACTING_PASSWORD
from tests.acting import add_user
from tests.sync.helpers import small_settings, stored, sync_cli_env, sync_engine, truth

START = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
START_MS = int(START.timestamp() * 1000)
HOUR_MS = 3_600_000
LATE = {"late_visible_rate": 0.02, "late_visible_min_s": 120, "late_visible_max_s": 90 * 60}


async def run_experiment(engine: Any, sim: Any, ca_file: str, **settings: Any) -> dict[str, Any]:
    """Sync every 5 minutes for 12 hours and 4 more; what is missing of the 12 hours, and the runs."""
    options: dict[str, Any] = {"page_size": 100, "backfill_days": 1, "safety_delay_s": 60}
    options.update(settings)
    sync = sync_engine(engine, sim, ca_file, small_settings(**options))
    results = []
    try:
        for _ in range(16 * 12):
            results.append(await sync.run("schedule"))
            sim.clock.advance(300)
    finally:
        sync.close()
        await sync.client.aclose()
    covered = (floor_day(START_MS) - DAY_MS, START_MS + 12 * HOUR_MS)
    expected = truth(sim, *covered)
    have = stored(engine)
    missing = sorted(set(expected) - set(have))
    return {
        "results": results,
        "expected": expected,
        "missing": missing,
        "wrong": [sid for sid in expected if sid in have and have[sid] != expected[sid]],
        # Calls that appeared after the first sync and later than the live window's overlap after
        # their start (within a few minutes of the overlap it depends on when the runs fell).
        "late_sessions": [
            t
            for t in sim.ground_truth(*covered)
            if t["late"] and t["visible_from_ms"] > START_MS and t["visible_from_ms"] - t["start_ms"] > 40 * 60_000
        ],
        "late_after_start": [t for t in sim.ground_truth(*covered) if t["late"] and t["visible_from_ms"] > START_MS],
    }


@pytest.mark.asyncio
async def test_late_sessions_over_12_hours_are_all_found(sqlite_engine, start_sim, ca_file):
    sim = start_sim("cisco", now=START, freeze_clock=True, days=2, sessions_per_day=2400, faults=LATE, fault_seed=3)
    outcome = await run_experiment(sqlite_engine, sim, ca_file)
    results = outcome["results"]
    assert all(r.status == "SUCCESS" for r in results), [(r.run_id, r.status, r.error) for r in results]
    # The experiment means something: calls appeared later than the live window re-reads.
    assert len(outcome["late_sessions"]) >= 10
    assert outcome["missing"] == [] and outcome["wrong"] == []
    assert len(outcome["expected"]) > 1000
    found = sum(r.counts.late_found for r in results)
    assert len(outcome["late_sessions"]) <= found <= len(outcome["late_after_start"])
    reconciling = [r for r in results if r.mode.endswith("+reconcile")]
    assert 15 <= len(reconciling) <= 18  # hourly, over 16 hours
    # The run history and the JSON say how many late sessions each run found.
    with sqlite_engine.connect() as conn:
        history = sum(int(n) for (n,) in conn.execute(sa.select(sync_runs.c.late_found)))
        checkpoint = state.load_checkpoint(conn)
    assert history == found
    assert any(r.to_dict()["lateFound"] > 0 for r in results)
    assert checkpoint.reconciled_at_ms == reconciling[-1].window_end_ms  # the last hourly pass
    assert checkpoint.settled_through_ms == floor_day(START_MS) - DAY_MS  # no day left the 24 hours yet


@pytest.mark.asyncio
async def test_a_day_gets_its_final_check_when_it_leaves_the_reconciled_window(sqlite_engine, start_sim, ca_file):
    # Calls visible a day and a half hour after they end: later than any 24-hour pass reaches back.
    faults = {"late_visible_rate": 0.2, "late_visible_min_s": 24.5 * 3600, "late_visible_max_s": 24.5 * 3600}
    sim = start_sim("cisco", now=START, freeze_clock=True, days=2, sessions_per_day=200, faults=faults, fault_seed=3)
    day = floor_day(START_MS)
    sim.clock.set(day + 3 * DAY_MS)
    target = next(
        t
        for t in sim.ground_truth(START_MS, day + DAY_MS)
        if t["late"] and t["visible_from_ms"] < day + 2 * DAY_MS - HOUR_MS
    )
    sim.clock.set(START_MS)
    settings = small_settings(page_size=100, backfill_days=1, safety_delay_s=60)
    sync = sync_engine(sqlite_engine, sim, ca_file, settings)
    seen_visible_not_stored = False
    try:
        while sim.clock.now_ms() < day + 2 * DAY_MS + 2 * HOUR_MS:
            result = await sync.run("schedule")
            assert result.status == "SUCCESS", result.error
            visible = sim.session(target["sessionId"])["visible"]
            if sim.clock.now_ms() < day + 2 * DAY_MS:
                # Visible for hours, yet no pass over the last 24 hours reaches back to its start.
                assert target["sessionId"] not in stored(sqlite_engine)
                seen_visible_not_stored |= visible
            sim.clock.advance(3600)
    finally:
        sync.close()
        await sync.client.aclose()
    assert seen_visible_not_stored
    assert target["sessionId"] in stored(sqlite_engine)  # found by the day's final check
    with sqlite_engine.connect() as conn:
        assert state.load_checkpoint(conn).settled_through_ms == day + DAY_MS


@pytest.mark.asyncio
async def test_without_reconciliation_late_sessions_are_lost(sqlite_engine, start_sim, ca_file):
    """The control: the same experiment with the pass switched off loses calls for good."""
    sim = start_sim("cisco", now=START, freeze_clock=True, days=2, sessions_per_day=2400, faults=LATE, fault_seed=3)
    outcome = await run_experiment(sqlite_engine, sim, ca_file, reconcile_interval_s=0)
    assert outcome["missing"], "every late session was caught without reconciliation"
    late_ids = {t["sessionId"] for t in outcome["late_sessions"]}
    assert set(outcome["missing"]) <= {t["sessionId"] for t in outcome["late_after_start"]}
    assert late_ids <= set(outcome["missing"])
    assert sum(r.counts.late_found for r in outcome["results"]) == 0


def test_sync_now_json_and_status_report_the_late_sessions_found(sqlite_url, start_sim, ca_file, tmp_path):
    # Some calls stay hidden for ten hours; the first sync cannot see them.
    hidden = {"late_visible_rate": 0.2, "late_visible_min_s": 36_000, "late_visible_max_s": 36_000}
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=200, faults=hidden, fault_seed=3)
    engine = create_engine_for(sqlite_url)
    upgrade(engine)
    with begin_write(engine) as conn:
        # Stored like every sync setting: reconcile at every run, over the last 24 hours.
        settings = {"backfill_days": 1, "safety_delay_s": 0, "reconcile_interval_s": 0.001}
        put_settings(conn, SYNC_SECTION, settings, "test")
    add_user(sqlite_url, "it-staff", "IT")
    env = {**sync_cli_env(sqlite_url, sim, ca_file, tmp_path / "home"), "QMS_PASSWORD": ACTING_PASSWORD}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "qms_desktop", "sync", *args, "--as", "it-staff"]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)

    first = cli("now", "--json")
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert data["lateFound"] == 0 and data["problems"] == [] and data["mode"].endswith("+reconcile")

    sim.faults.update(late_visible_rate=0.0)  # now MediaSense shows them, long after they started
    covered = (floor_day(sim.clock.now_ms()) - DAY_MS, sim.clock.now_ms())
    late = set(truth(sim, *covered)) - set(stored(engine))
    overlap_start = data["window"]["end"] - 1800 * 1000
    beyond_overlap = [sid for sid in late if sim.session(sid)["start_ms"] < overlap_start]
    assert beyond_overlap, "some hidden calls started before the live window's overlap"

    second = cli("now", "--json")
    assert second.returncode == 0, second.stderr
    data = json.loads(second.stdout)
    assert len(beyond_overlap) <= data["lateFound"] <= len(late)
    assert stored(engine) == truth(sim, *covered)
    text = cli("now")
    assert text.returncode == 0 and "late" not in text.stdout  # nothing late left to report

    status = cli("status", "--json")
    assert status.returncode == 0, status.stderr
    history = json.loads(status.stdout)["history"]
    assert [run["lateFound"] for run in history[:3]] == [0, data["lateFound"], 0]
    engine.dispose()


def test_reconciliation_settings_are_checked() -> None:
    from qms_desktop.sync.settings import SyncSettings

    assert SyncSettings().reconcile_interval_s == 3600 and SyncSettings().reconcile_window_s == 86_400
    for bad in ({"reconcile_interval_s": -1}, {"reconcile_window_s": -60}):
        with pytest.raises(ValueError, match="reconciliation"):
            SyncSettings(**bad)


@pytest.mark.asyncio
async def test_a_server_that_reports_totals_is_reconciled_by_its_totals(sqlite_engine, start_sim, ca_file):
    hidden = {"late_visible_rate": 0.2, "late_visible_min_s": 36_000, "late_visible_max_s": 36_000}
    sim = start_sim("spec", now=START, freeze_clock=True, days=2, sessions_per_day=200, faults=hidden, fault_seed=3)
    settings = small_settings(page_size=100, backfill_days=1, reconcile_interval_s=0.001)
    sync = sync_engine(sqlite_engine, sim, ca_file, settings)
    try:
        assert (await sync.run("test")).status == "SUCCESS"
        sim.faults.update(late_visible_rate=0.0)  # shown now, hours after they started
        sim.clock.advance(60)
        covered = (floor_day(START_MS) - DAY_MS, sim.clock.now_ms())
        late = set(truth(sim, *covered)) - set(stored(sqlite_engine))
        assert late
        result = await sync.run("test")
    finally:
        sync.close()
        await sync.client.aclose()
    assert result.status == "SUCCESS" and result.counts.late_found >= 1
    assert stored(sqlite_engine) == truth(sim, *covered)
