"""The sync is correct whatever order MediaSense returns rows and pages in.

No Cisco text says the server honours `sortParameters` (one real client sends them as an array,
another as an object), so the simulator can ignore them: newest first, or a fixed shuffle. Against
it over HTTPS, on SQLite and PostgreSQL, the sync ends equal to the simulator's ground truth, with no
duplicates and the same checkpoint as against a server that sorts.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

import pytest

from qms_desktop.domain.time import TimeWindow, to_ms
from qms_desktop.store import sync_state as state
from tests.pg import migrated_engine
from tests.sync.helpers import (
    NOW,
    NOW_MS,
    client_for,
    covered_window,
    row_count,
    run_once,
    small_settings,
    stored,
    truth,
)

pytestmark = pytest.mark.asyncio

ORDERS = ["descending", "shuffled"]


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)


def checkpoint(engine) -> dict[str, object]:
    with engine.connect() as conn:
        saved = asdict(state.load_checkpoint(conn))
    saved.pop("reconciled_at_ms", None)  # when, not what
    return saved


async def starts_as_served(sim, ca_file) -> list[int]:
    """The start times of one window's rows in the order the server sent them."""
    async with client_for(sim, ca_file) as client:
        window = TimeWindow(NOW - timedelta(days=1), NOW)
        page = await client.query_sessions(window, limit=50)
    return [to_ms(r.start) for r in page.records]


@pytest.mark.parametrize("order", ORDERS)
async def test_a_server_ignoring_the_sort_gives_the_same_database_and_checkpoint(
    engine, sim, ca_file, tmp_path: Path, order: str
):
    settings = small_settings()
    reference = migrated_engine(f"sqlite:///{tmp_path / 'sorted.sqlite3'}")
    try:
        sorted_run = await run_once(reference, sim, ca_file, settings)
        assert sorted_run.status == "SUCCESS", sorted_run.error
        expected_rows, expected_checkpoint = stored(reference), checkpoint(reference)
    finally:
        reference.dispose()

    sim.faults.update(page_order=order)
    served = await starts_as_served(sim, ca_file)
    assert len(served) == 50 and served != sorted(served)  # the server really ignores the sort
    result = await run_once(engine, sim, ca_file, settings)
    assert result.status == "SUCCESS", result.error
    expected = truth(sim, *covered_window(settings, NOW_MS))
    assert stored(engine) == expected == expected_rows
    assert row_count(engine) == len(expected)  # no duplicates
    assert checkpoint(engine) == expected_checkpoint
    assert expected_checkpoint["last_sync_time_ms"] == result.window_end_ms

    again = await run_once(engine, sim, ca_file, settings)
    assert again.status == "SUCCESS" and again.counts.created == again.counts.updated == 0


@pytest.mark.parametrize("order", ORDERS)
async def test_cycles_cut_short_by_the_page_budget_lose_nothing(engine, sim, ca_file, order: str):
    """Today's window takes many short cycles; newest-first rows must not move the watermark past
    the ones not read yet. The reconciliation is off: the live window alone must be right."""
    sim.faults.update(page_order=order)
    settings = small_settings(page_size=5, max_pages=2, backfill_days=1, reconcile_interval_s=0)
    upper = NOW_MS - int(settings.safety_delay_s * 1000)
    cycles = 0
    marks: list[int] = []
    while True:
        result = await run_once(engine, sim, ca_file, settings)
        assert result.status == "SUCCESS", result.error
        cycles += 1
        marks.append(int(checkpoint(engine)["last_sync_time_ms"]))  # type: ignore[call-overload]
        if not result.more_pending:
            break
        assert cycles < 100, "the live window never finished"
    expected = truth(sim, *covered_window(settings, NOW_MS))
    assert stored(engine) == expected
    assert row_count(engine) == len(expected)
    assert cycles > 3  # the budget really cut the window into several cycles
    assert marks == sorted(marks) and marks[-1] == upper  # the watermark only ever moved forward


@pytest.mark.parametrize("order", ORDERS)
async def test_a_failure_inside_the_window_then_a_new_run_equals_ground_truth(engine, sim, ca_file, order: str):
    sim.faults.update(page_order=order)
    settings = small_settings(page_size=5, backfill_days=1, reconcile_interval_s=0)
    seen = 0

    def fail_after_three_pages(progress):
        nonlocal seen
        if progress.phase == "incremental":
            seen += 1
            if seen == 3:
                sim.faults.update(error_5xx_next=1000)  # MediaSense goes down mid-window

    failed = await run_once(engine, sim, ca_file, settings, on_progress=fail_after_three_pages)
    sim.faults.update(error_5xx_next=0)
    assert failed.status in ("PARTIAL", "FAILED"), failed
    assert int(checkpoint(engine)["last_sync_time_ms"]) < failed.window_end_ms  # type: ignore[call-overload]
    resumed = await run_once(engine, sim, ca_file, settings)
    assert resumed.status == "SUCCESS", resumed.error
    expected = truth(sim, *covered_window(settings, NOW_MS))
    assert stored(engine) == expected
    assert row_count(engine) == len(expected)
    assert checkpoint(engine)["last_sync_time_ms"] == resumed.window_end_ms
