"""The live window's slices read as one stream of pages, against the simulator over HTTPS.

One getSessions request is always in flight: the first page of the next slice is asked for as soon
as the last page of the one before has arrived, before that page is read and committed, so the
server never waits for the client between slices. The page budget still ends the stream between
slices, and the next slice is then never asked for.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import aclosing
from datetime import timedelta

import pytest

from qms_desktop.domain.time import TimeWindow, to_ms
from qms_desktop.sync.phases import windows_pages
from tests.pg import migrated_engine
from tests.sync.helpers import NOW, client_for, run_once, small_settings

pytestmark = pytest.mark.asyncio

GET_SESSIONS = "/ora/queryService/query/getSessions"
PAGE = 5


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=1, sessions_per_day=400)


def hour_windows(sim, count: int) -> list[TimeWindow]:
    """`count` consecutive hours before the simulator's now, each holding more than two pages."""
    windows = [TimeWindow(NOW - timedelta(hours=h + 1), NOW - timedelta(hours=h)) for h in range(count, 0, -1)]
    for window in windows:
        assert sim.count(window.start, window.end) > 2 * PAGE
    return windows


def session_ids(sim, window: TimeWindow) -> set[str]:
    return {t["sessionId"] for t in sim.ground_truth(to_ms(window.start), to_ms(window.end))}


async def requests_reach(sim, wanted: int, timeout_s: float = 5.0) -> int:
    """The simulator's getSessions count once it reaches `wanted`, or what it is after `timeout_s`
    (the simulator answers on its own thread: polled, there is nothing to wait on)."""
    for _ in range(int(timeout_s / 0.01)):
        if sim.stats.requests_to(GET_SESSIONS) >= wanted:
            break
        await asyncio.sleep(0.01)
    return sim.stats.requests_to(GET_SESSIONS)


async def test_every_window_is_read_in_order_each_page_with_its_window(sim, ca_file):
    windows = hour_windows(sim, 3)
    read: dict[int, set[str]] = {0: set(), 1: set(), 2: set()}
    order: list[int] = []
    async with client_for(sim, ca_file) as client:
        async for index, page in windows_pages(client, windows, limit=PAGE):
            order.append(index)
            read[index].update(record.session_id for record in page.records)
    assert order == sorted(order) and set(order) == {0, 1, 2}
    for index, window in enumerate(windows):
        assert read[index] == session_ids(sim, window)


async def test_the_next_window_is_asked_for_before_the_last_page_of_this_one_is_used(sim, ca_file):
    windows = hour_windows(sim, 2)
    async with client_for(sim, ca_file) as client, aclosing(windows_pages(client, windows, limit=PAGE)) as pages:
        first_window_pages = 0
        async for index, page in pages:
            assert index == 0
            first_window_pages += 1
            if not page.has_more:
                break  # the first window's last page: held here, not yet used
        # While this page is held, the next window's first page is already on its way.
        assert await requests_reach(sim, first_window_pages + 1) == first_window_pages + 1
        index, page = await anext(pages)
        assert index == 1 and page.offset == 0


async def test_the_budget_ends_the_stream_between_windows_and_the_next_is_never_asked_for(sim, ca_file):
    windows = hour_windows(sim, 2)
    async with client_for(sim, ca_file) as client:
        # A budget of one page: the first window is read to its end, the second is not started.
        seen = [index async for index, _ in windows_pages(client, windows, limit=PAGE, budget=1)]
        asked = sim.stats.requests_to(GET_SESSIONS)
    assert seen == [0] * len(seen) and len(seen) > 2
    assert asked == len(seen)  # no request for the second window, not even a prefetch


async def test_a_run_reports_how_long_it_waited_for_mediasense(sim, ca_file, caplog, tmp_path):
    """A slow server shows in the run's result and its end line, so a slow sync can be told apart
    from a slow database (which database does not matter here: one SQLite file)."""
    engine = migrated_engine(f"sqlite:///{tmp_path / 'waits.sqlite3'}")
    sim.faults.update(latency_ms=100)
    settings = small_settings(page_size=PAGE, backfill_days=0, reconcile_interval_s=0)
    try:
        with caplog.at_level(logging.INFO, logger="qms.sync"):
            result = await run_once(engine, sim, ca_file, settings)
    finally:
        engine.dispose()
    assert result.status == "SUCCESS", result.error
    pages = result.counts.pages
    assert pages >= 5
    # Every page kept the run waiting for the server's 100 ms, less the little it had to do meanwhile.
    assert result.waited_for_mediasense_s >= 0.5 * pages * 0.100
    assert result.to_dict()["waited"]["mediasenseS"] == round(result.waited_for_mediasense_s, 3)
    ended = [r.getMessage() for r in caplog.records if f"Sync run {result.run_id} ended" in r.getMessage()]
    assert ended and f"waited {result.waited_for_mediasense_s:.1f} s for MediaSense's pages" in ended[0]
