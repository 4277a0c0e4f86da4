"""The sync follows open sessions by id whatever shape getSessionBySessionId answers in.

Against the simulator over HTTPS, on SQLite and PostgreSQL: every session lands, none is marked
DELETED or quarantined because of the lookup's shape, and a session MediaSense really no longer has
is marked DELETED only after getSessions around its start no longer lists it (and the log says why).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
import sqlalchemy as sa

from qms_desktop.simulator.faults import LOOKUP_SHAPES
from qms_desktop.store.schema import quarantine
from tests.sync.helpers import NOW, NOW_MS, covered_window, run_once, small_settings, stored, sync_engine, truth

pytestmark = pytest.mark.asyncio

BY_ID = "/ora/queryService/query/getSessionBySessionId"


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=2, sessions_per_day=60)


async def run_sessions(engine, sim, ca_file, settings, ids):
    sync = sync_engine(engine, sim, ca_file, settings)
    try:
        return await sync.run_sessions(ids)
    finally:
        sync.close()
        await sync.client.aclose()


def quarantined(engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(quarantine)).scalar_one())


def open_sessions(sim: Any, settings: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two calls open now: one that started before the next run's window (only a lookup by id sees
    it end), and another one."""
    open_now = [t for t in sim.ground_truth(*covered_window(settings, NOW_MS)) if t["state"] == "ACTIVE"]
    early = [t for t in open_now if t["start_ms"] < NOW_MS - settings.overlap_s * 1000]
    assert early, "the simulator plants calls longer than the overlap"
    others = [t for t in open_now if t is not early[0]]
    assert others, "the simulator has more than one open call"
    return early[0], others[0]


@pytest.mark.parametrize("shape", LOOKUP_SHAPES)
async def test_open_sessions_followed_by_id_in_every_shape(engine, sim, ca_file, shape, caplog):
    settings = small_settings(backfill_days=1)
    first = await run_once(engine, sim, ca_file, settings)
    assert first.status == "SUCCESS", first.error
    target, deleted = open_sessions(sim, settings)

    # Hours later the target has ended; MediaSense has lost `deleted`; the lookup answers in `shape`.
    sim.faults.update(lookup_shape=shape, gone_sessions=[deleted["sessionId"]])
    sim.clock.set(target["planned_end_ms"] + 3 * 3600 * 1000)
    lookups_before = sim.stats.requests_to(BY_ID)
    with caplog.at_level(logging.WARNING, logger="qms"):
        result = await run_once(engine, sim, ca_file, settings)
    assert result.status == "SUCCESS", result.error
    assert sim.stats.requests_to(BY_ID) > lookups_before  # the open sessions were asked for by id

    rows = stored(engine)
    state_now, _start, duration = rows[target["sessionId"]]
    assert state_now in ("CLOSED_NORMAL", "CLOSED_ERROR")
    assert duration == target["planned_end_ms"] - target["start_ms"]
    assert rows[deleted["sessionId"]][0] == "DELETED"
    deleted_rows = {sid for sid, row in rows.items() if row[0] == "DELETED"}
    assert deleted_rows == {deleted["sessionId"]}  # nothing else, whatever the shape
    assert quarantined(engine) == 0
    start = covered_window(settings, NOW_MS)[0]
    assert {k: v for k, v in rows.items() if k not in deleted_rows} == truth(sim, start, sim.clock.now_ms())
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(deleted["sessionId"] in w and "no longer lists it" in w for w in warnings), warnings


@pytest.mark.parametrize("shape", ["bare", "http405", "refused", "unknown"])
async def test_sessions_by_id_for_events_use_the_stored_start(engine, sim, ca_file, shape):
    """The event path re-fetches sessions by id; a stored one's start lets the window decide."""
    settings = small_settings(backfill_days=1)
    assert (await run_once(engine, sim, ca_file, settings)).status == "SUCCESS"
    alive, lost = open_sessions(sim, settings)
    sim.faults.update(lookup_shape=shape, gone_sessions=[lost["sessionId"]])
    sim.clock.set(alive["planned_end_ms"] + 60_000)
    result = await run_sessions(engine, sim, ca_file, settings, [alive["sessionId"], lost["sessionId"]])
    assert result.status == "SUCCESS", result.error
    rows = stored(engine)
    assert rows[alive["sessionId"]][0] in ("CLOSED_NORMAL", "CLOSED_ERROR")
    assert rows[alive["sessionId"]][2] == alive["planned_end_ms"] - alive["start_ms"]
    assert rows[lost["sessionId"]][0] == "DELETED"
    assert sum(1 for row in rows.values() if row[0] == "DELETED") == 1
    assert quarantined(engine) == 0


async def test_an_event_for_an_unknown_session_in_an_unknown_shape_deletes_nothing(engine, sim, ca_file):
    settings = small_settings(backfill_days=1)
    assert (await run_once(engine, sim, ca_file, settings)).status == "SUCCESS"
    before = stored(engine)
    sim.faults.update(lookup_shape="unknown")
    result = await run_sessions(engine, sim, ca_file, settings, ["0123456789abcd"])
    assert result.status != "SUCCESS"  # the answer could not be read: said so, not read as "gone"
    assert "unexpected shape" in (result.error or ""), result.error
    assert stored(engine) == before


async def test_open_sessions_the_live_window_just_read_are_not_asked_for_again(engine, sim, ca_file):
    """A run's live window lists the calls still open; asking for them again by id in the same run
    would only repeat what MediaSense just said. Only open calls the window did not cover are."""
    settings = small_settings(backfill_days=1)
    lookups = sim.stats.requests_to(BY_ID)
    first = await run_once(engine, sim, ca_file, settings)
    assert first.status == "SUCCESS", first.error
    open_now = {sid: row for sid, row in stored(engine).items() if row[0] == "ACTIVE"}
    assert open_now, "the simulator has calls open now"
    assert sim.stats.requests_to(BY_ID) == lookups  # the first run's window covered today: all were read

    # Ten minutes later the live window starts 30 minutes before the last watermark: the open calls
    # that began before that are followed by id, the others are in the window.
    sim.clock.set(NOW_MS + 10 * 60_000)
    window_start = NOW_MS - int(settings.overlap_s * 1000)
    before_window = {sid for sid, row in open_now.items() if row[1] < window_start}
    assert before_window and len(before_window) < len(open_now), "open calls on both sides of the window"
    lookups = sim.stats.requests_to(BY_ID)
    second = await run_once(engine, sim, ca_file, settings)
    assert second.status == "SUCCESS", second.error
    assert sim.stats.requests_to(BY_ID) - lookups == len(before_window)
    start = covered_window(settings, NOW_MS)[0]
    assert stored(engine) == truth(sim, start, sim.clock.now_ms())
