"""Runs under MediaSense faults: garbled answers, busy bursts and 5xx are retried; a run makes the
progress it can and says what it could not do; a connection that never works fails, saying why."""

from __future__ import annotations

import pytest

from qms_desktop.store import sync_state as state
from tests.conftest import sim_client_config
from tests.sync.helpers import NOW, NOW_MS, covered_window, run_once, small_settings, stored, truth

pytestmark = pytest.mark.asyncio

GET_SESSIONS = "/ora/queryService/query/getSessions"


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)


async def test_fault_soak_makes_progress_in_every_run_and_ends_equal_to_ground_truth(engine, start_sim, ca_file):
    sim = start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60, fault_seed=11)
    sim.faults.update(error_5xx_rate=0.1)
    settings = small_settings(page_size=10)

    def burst_mid_run(progress):
        if progress.counts.pages == 2:
            sim.faults.update(busy_next=4)  # a burst of 5042 in the middle of the run

    results = []
    for _ in range(12):
        # Every run signs in with a new client: its signIn answer arrives cut in half, then 5042 x3.
        sim.faults.update(malformed_json_next=1, busy_next=3)
        results.append(await run_once(engine, sim, ca_file, settings, on_progress=burst_mid_run))
        sim.clock.advance(300)
    for _extra in range(5):  # faults stay on: the soak ends with a run that got everything
        if results[-1].status == "SUCCESS":
            break
        results.append(await run_once(engine, sim, ca_file, settings))
    statuses = [(r.status, r.counts.pages, r.error) for r in results]
    assert all(r.status in ("SUCCESS", "PARTIAL") and r.counts.pages > 0 for r in results), statuses
    assert results[-1].status == "SUCCESS", statuses
    assert stored(engine) == truth(sim, covered_window(settings, NOW_MS)[0], sim.clock.now_ms())
    faults = sim.stats.faults
    assert faults["malformed_json"] >= 12 and faults["busy"] >= 12 * 3 and faults["error_5xx"] > 10, faults


async def test_a_failed_phase_leaves_the_others_running_and_the_run_partial_with_the_reason(engine, sim, ca_file):
    settings = small_settings(page_size=10)
    # After the sign-in and the live window's first page, its second page fails on every try. Set by
    # the request count, not from a progress report: those come when the loop gets to them, and by
    # then, on a slow host, the run may have read the whole window.
    sim.faults.update(error_5xx_after=2, error_5xx_next=3)
    result = await run_once(engine, sim, ca_file, settings)
    assert sim.stats.faults["error_5xx"] == 3
    assert result.status == "PARTIAL", result
    assert "live window" in (result.error or "") and "503" in (result.error or "")
    assert result.backfill_complete  # the backfill ran although the live window failed
    with engine.connect() as conn:
        checkpoint = state.load_checkpoint(conn)
    assert checkpoint.last_sync_time_ms is not None and checkpoint.last_sync_time_ms < result.window_end_ms

    again = await run_once(engine, sim, ca_file, settings)
    assert again.status == "SUCCESS", again.error
    assert stored(engine) == truth(sim, *covered_window(settings, NOW_MS))


async def test_mediasense_down_from_the_start_fails_the_run_without_hammering_it(engine, sim, ca_file):
    sim.faults.update(error_5xx_next=10_000)
    result = await run_once(engine, sim, ca_file)
    assert result.status == "FAILED" and result.counts.pages == 0
    assert "503" in (result.error or "") and "try again later" in (result.error or "")
    assert sim.stats.total_requests() <= 3 * 4  # a few tries of a few requests, not one per session
    with engine.connect() as conn:
        assert not state.load_checkpoint(conn).initialized


async def test_a_wrong_password_fails_the_run_saying_what_to_check(engine, sim, ca_file):
    from qms_desktop.mediasense.client import MediaSenseClient
    from qms_desktop.sync.engine import SyncEngine

    client = MediaSenseClient(sim_client_config(sim, ca_file, password="not-the-password", backoff_base=0.01))
    sync = SyncEngine(engine, client, small_settings(), now=sim.clock.now)
    try:
        result = await sync.run("test")
    finally:
        sync.close()
        await client.aclose()
    assert result.status == "FAILED" and result.counts.pages == 0
    assert "user name or password" in (result.error or "")
    assert "not-the-password" not in (result.error or "")
