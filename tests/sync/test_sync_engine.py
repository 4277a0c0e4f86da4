"""The sync engine against the simulator's ground truth, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest
import sqlalchemy as sa

from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.domain.directory import DialPlan
from qms_desktop.security import audit, list_audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import search_queue
from qms_desktop.store import sync_state as state
from qms_desktop.store.directory import import_agents_csv, load_dial_plan
from qms_desktop.store.engine import begin_write
from qms_desktop.store.schema import backfill_slices, quarantine, recordings, sync_runs
from qms_desktop.sync.guard import SyncAlreadyRunning, current_lease
from qms_desktop.sync.scheduler import SyncScheduler
from qms_desktop.sync.status import sync_status
from tests.sync.helpers import (
    NOW,
    NOW_MS,
    covered_window,
    row_count,
    run_once,
    small_settings,
    stored,
    sync_engine,
    truth,
)
from tests.waiting import wait_until

pytestmark = pytest.mark.asyncio


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)


async def test_first_run_equals_ground_truth_and_second_creates_nothing(engine, sim, ca_file):
    settings = small_settings()
    first = await run_once(engine, sim, ca_file, settings)
    expected = truth(sim, *covered_window(settings, NOW_MS))
    assert first.status == "SUCCESS", first.error
    assert first.counts.created == len(expected) > 100
    assert stored(engine) == expected
    assert first.backfill_complete

    second = await run_once(engine, sim, ca_file, settings)
    assert second.status == "SUCCESS"
    assert second.counts.created == 0
    assert second.counts.updated == 0
    assert stored(engine) == expected


async def test_a_call_longer_than_the_overlap_is_followed_until_closed(engine, sim, ca_file):
    settings = small_settings()
    window = covered_window(settings, NOW_MS)
    long_active = [
        t
        for t in sim.ground_truth(*window)
        if t["state"] == "ACTIVE" and t["planned_end_ms"] - t["start_ms"] > settings.overlap_s * 1000
    ]
    assert long_active, "the simulator plants calls longer than the 30-minute overlap"
    target = long_active[0]
    await run_once(engine, sim, ca_file, settings)
    assert stored(engine)[target["sessionId"]][0] == "ACTIVE"

    # Hours later the call has ended; its start lies far before the next incremental window.
    sim.clock.set(target["planned_end_ms"] + 3 * 3600 * 1000)
    result = await run_once(engine, sim, ca_file, settings)
    assert result.status == "SUCCESS", result.error
    state_now, _start, duration = stored(engine)[target["sessionId"]]
    assert state_now in ("CLOSED_NORMAL", "CLOSED_ERROR")
    assert duration == target["planned_end_ms"] - target["start_ms"]
    assert stored(engine) == truth(sim, window[0], sim.clock.now_ms())


async def test_late_arrivals_inside_the_overlap_are_caught(engine, start_sim, ca_file):
    settings = small_settings()
    probe = start_sim("cisco", now=NOW, freeze_clock=True, days=3, sessions_per_day=60)
    late = [
        t
        for t in probe.ground_truth(NOW_MS - 2 * 86_400_000, NOW_MS)
        if t["late"] and t["state"] != "ACTIVE" and 0 < t["visible_from_ms"] - t["start_ms"] < 25 * 60_000
    ]
    assert late, "the simulator has sessions that appear some minutes after they start"
    target = late[-1]
    first_run_at = target["visible_from_ms"] - 1000
    probe.clock.set(first_run_at)
    first = await run_once(engine, probe, ca_file, settings)
    assert first.status == "SUCCESS"
    assert target["sessionId"] not in stored(engine)

    probe.clock.set(target["visible_from_ms"] + 5 * 60_000)
    second = await run_once(engine, probe, ca_file, settings)
    assert second.status == "SUCCESS"
    assert target["sessionId"] in stored(engine)
    start = covered_window(settings, first_run_at)[0]
    assert stored(engine) == truth(probe, start, probe.clock.now_ms())


# A clean first run of this data set commits about 10 pages of 40 (live window, then 4 backfill days).
@pytest.mark.parametrize("boundary", range(1, 13))
async def test_failure_at_every_page_boundary_then_a_new_run_equals_ground_truth(engine, sim, ca_file, boundary):
    settings = small_settings(page_size=40)
    expected = truth(sim, *covered_window(settings, NOW_MS))
    pages_seen = 0
    checkpoints: list[state.Checkpoint] = []

    def fail_after(progress):
        nonlocal pages_seen
        if progress.phase in ("incremental", "backfill") and "done" not in progress.message:
            pages_seen += 1
            with engine.connect() as conn:
                checkpoints.append(state.load_checkpoint(conn))
            if pages_seen == boundary:
                sim.faults.update(error_5xx_next=1000)  # MediaSense goes down at this page boundary

    failed = await run_once(engine, sim, ca_file, settings, on_progress=fail_after)
    sim.faults.update(error_5xx_next=0)
    if failed.status == "SUCCESS":
        assert pages_seen <= boundary  # no request to MediaSense followed this boundary
    else:
        # The pages before the outage stay committed: the run ends PARTIAL and says what went wrong.
        assert failed.status == "PARTIAL" and failed.counts.pages >= pages_seen, failed
        assert "503" in (failed.error or "") and failed.problems, failed
        with engine.connect() as conn:
            after = state.load_checkpoint(conn)
        # A run that failed part way never moves the checkpoint past its last committed page.
        assert after.last_sync_time_ms == checkpoints[-1].last_sync_time_ms
        assert after.backfill_complete == failed.backfill_complete  # only days done in full count
    resumed = await run_once(engine, sim, ca_file, settings)
    assert resumed.status == "SUCCESS", resumed.error
    assert stored(engine) == expected
    assert row_count(engine) == len(expected)  # no duplicates


async def test_unreachable_mediasense_fails_and_leaves_the_checkpoint(engine, sim, ca_file):
    sim.stop()
    result = await run_once(engine, sim, ca_file)
    assert result.status == "FAILED"
    assert "refused" in (result.error or "")
    with engine.connect() as conn:
        assert not state.load_checkpoint(conn).initialized
        run = state.get_run(conn, result.run_id)
    assert run is not None and run.status == "FAILED" and run.error_summary


async def test_database_error_rolls_back_the_page_and_fails(engine, sim, ca_file):
    settings = small_settings(page_size=30)
    pages = 0

    def break_database(progress):
        nonlocal pages
        if progress.phase == "incremental":
            pages += 1
            if pages == 1:
                with engine.begin() as conn:
                    conn.execute(sa.text("DROP TABLE recording_tags"))

    result = await run_once(engine, sim, ca_file, settings, on_progress=break_database)
    assert result.status == "FAILED" and "recording_tags" in (result.error or "")
    with engine.connect() as conn:
        run = state.get_run(conn, result.run_id)
        stored = conn.execute(sa.text("SELECT count(*) FROM recordings")).scalar_one()
    assert run is not None and run.status == "FAILED"
    # The page that failed rolled back entirely: the run counted exactly what is stored. The page
    # handed over while the first committed may have gone in before the table was dropped.
    assert result.counts.pages in (1, 2)
    assert stored == result.counts.created > 0


async def test_an_unexpected_error_ends_the_run_failed_and_is_raised(engine, sim, ca_file):
    # A hook that breaks after a committed page stands for any bug inside a phase.
    search_queue.set_queue_enabled(engine, True)
    sync = sync_engine(engine, sim, ca_file)
    pages_committed = 0

    def broken_hook() -> None:
        nonlocal pages_committed
        pages_committed += 1
        raise KeyError("no-such-key")

    sync.on_page_committed = broken_hook
    some_session = sim.ground_truth(*covered_window(small_settings(), NOW_MS))[0]["sessionId"]
    try:
        with pytest.raises(KeyError):
            await sync.run("test")
        with pytest.raises(KeyError):
            await sync.run_sessions([some_session])
        sync.on_page_committed = None
        after = await sync.run("test")  # nothing is left behind: the next run starts and completes
    finally:
        sync.close()
        await sync.client.aclose()
    assert after.status == "SUCCESS", after.error
    with engine.connect() as conn:
        cycle, by_id = (state.get_run(conn, run_id) for run_id in (after.run_id - 2, after.run_id - 1))
    for run, mode in ((cycle, "incremental"), (by_id, "sessions")):
        assert run is not None and run.mode == mode
        assert run.status == "FAILED" and run.finished_at_ms is not None
        assert "KeyError" in (run.error_summary or "") and "no-such-key" in (run.error_summary or "")
    # The pages committed before the error stay committed (the first, and the one handed over while
    # it committed), each told once; then the lookup by id's page.
    assert cycle is not None and cycle.counts.pages in (1, 2)
    assert pages_committed == cycle.counts.pages + 1


async def test_an_unexpected_error_releases_the_sync_at_once(engine, sim, ca_file):
    search_queue.set_queue_enabled(engine, True)
    sync = sync_engine(engine, sim, ca_file)

    def broken_hook() -> None:
        raise ValueError("a bug")

    sync.on_page_committed = broken_hook
    try:
        with pytest.raises(ValueError):
            await sync.run("test")
    finally:
        sync.close()
        await sync.client.aclose()
    with engine.connect() as conn:
        assert current_lease(conn) is None
    status = sync_status(engine)
    assert status["status"] == "FAILED" and status["runningRunId"] is None
    assert "ValueError: a bug" in status["stats"]["errorSummary"]


async def test_concurrent_triggers_run_once(engine, sim, ca_file):
    first = sync_engine(engine, sim, ca_file)
    second = sync_engine(engine, sim, ca_file)
    try:
        results = await asyncio.gather(first.run("a"), second.run("b"), return_exceptions=True)
    finally:
        for sync in (first, second):
            sync.close()
            await sync.client.aclose()
    busy = [r for r in results if isinstance(r, SyncAlreadyRunning)]
    done = [r for r in results if not isinstance(r, BaseException)]
    assert len(busy) == 1 and len(done) == 1
    assert busy[0].run_id is not None  # the answer names the running run
    assert done[0].status == "SUCCESS"
    with engine.connect() as conn:
        statuses = [r[0] for r in conn.execute(sa.select(sync_runs.c.status))]
    assert statuses == ["SUCCESS"]


async def test_rejected_records_are_quarantined_and_the_run_is_partial(engine, sim, ca_file, caplog):
    settings = small_settings()
    window = covered_window(settings, NOW_MS)
    sessions = sim.ground_truth(*window)
    old_ones = {t["sessionId"] for t in sessions[5:7]}  # backfill days: read once
    recent = {sessions[-3]["sessionId"]}  # inside the overlap: read again by the next run
    assert sessions[-3]["start_ms"] > NOW_MS - settings.overlap_s * 1000
    broken = old_ones | recent
    sim.faults.update(malformed_records=broken)
    with caplog.at_level(logging.INFO, logger="qms"):
        result = await run_once(engine, sim, ca_file, settings)
    assert result.status == "PARTIAL"
    assert result.counts.errors == len(broken) == result.quarantined
    # A person acts on both: the quarantine (with the reasons) and the partial run are warnings.
    warned = [r.getMessage() for r in caplog.records if r.name == "qms.sync" and r.levelno == logging.WARNING]
    assert any("quarantined" in m and "sync quarantine" in m for m in warned), warned
    assert any(f"Sync run {result.run_id} ended PARTIAL" in m for m in warned), warned
    with engine.connect() as conn:
        rows = conn.execute(sa.select(quarantine.c.reason, quarantine.c.raw)).all()
    assert len(rows) == len(broken)
    assert all(reason and raw for reason, raw in rows)
    # The good records of the same pages were all stored.
    expected = truth(sim, *window)
    assert set(stored(engine)) == set(expected) - broken

    again = await run_once(engine, sim, ca_file, settings)
    assert again.status == "SUCCESS" and again.counts.errors == 0  # known, unchanged: not a new error
    with engine.connect() as conn:
        counts = sorted(r[0] for r in conn.execute(sa.select(quarantine.c.seen_count)))
    assert counts == [1, 1, 3]  # kept once each; the recent one re-read by the first run's reconciliation, then again

    sim.faults.update(malformed_records=0.0)  # MediaSense now sends it whole: it lands
    fixed = await run_once(engine, sim, ca_file, settings)
    assert fixed.status == "SUCCESS"
    assert recent <= set(stored(engine))


async def test_a_quarantined_record_makes_one_run_partial_until_mediasense_changes_it(engine, sim, ca_file):
    settings = small_settings()
    recent = [
        t
        for t in sim.ground_truth(*covered_window(settings, NOW_MS))
        if t["state"] == "ACTIVE"
        and t["start_ms"] > NOW_MS - 10 * 60_000
        and t["planned_end_ms"] < NOW_MS + 10 * 60_000
    ]
    assert recent, "the simulator plants a short call running at its anchor"
    target = recent[0]["sessionId"]
    sim.faults.update(malformed_records={target})

    def quarantined() -> list[tuple[str, int]]:
        with engine.connect() as conn:
            return sorted((r.reason, r.seen_count) for r in conn.execute(sa.select(quarantine)))

    first = await run_once(engine, sim, ca_file, settings)
    assert (first.status, first.counts.errors, first.quarantined) == ("PARTIAL", 1, 1)
    for _ in range(2):  # unchanged on MediaSense: seen again, counted once
        unchanged = await run_once(engine, sim, ca_file, settings)
        assert (unchanged.status, unchanged.counts.errors, unchanged.quarantined) == ("SUCCESS", 0, 0)
    assert [count for _reason, count in quarantined()] == [4]  # the first run's reconciliation saw it too

    sim.clock.advance(10 * 60)  # the call ends: MediaSense changes the record, still broken
    changed = await run_once(engine, sim, ca_file, settings)
    assert (changed.status, changed.counts.errors, changed.quarantined) == ("PARTIAL", 1, 1)
    assert len(quarantined()) == 2 and all(reason for reason, _count in quarantined())
    assert (await run_once(engine, sim, ca_file, settings)).status == "SUCCESS"

    sim.faults.update(malformed_records=0.0)  # MediaSense sends it whole: it is stored
    fixed = await run_once(engine, sim, ca_file, settings)
    assert fixed.status == "SUCCESS" and fixed.counts.created >= 1
    assert stored(engine)[target][0] in ("CLOSED_NORMAL", "CLOSED_ERROR")


async def test_backfill_redoes_only_the_gaps(engine, sim, ca_file):
    settings = small_settings(backfill_days_per_cycle=2)
    first = await run_once(engine, sim, ca_file, settings)
    assert first.status == "SUCCESS" and not first.backfill_complete
    assert first.backfill_done_days == 2
    with engine.connect() as conn:
        done = conn.execute(sa.select(backfill_slices.c.slice_start_ms).where(backfill_slices.c.status == "done")).all()
    assert len(done) == 2
    requests_before = sim.stats.requests_to("/ora/queryService/query/getSessions")
    second = await run_once(engine, sim, ca_file, settings)
    assert second.backfill_complete
    assert second.backfill_done_days == 4
    # The incremental window did not move the backfill and vice versa: all data is there.
    assert stored(engine) == truth(sim, *covered_window(settings, NOW_MS))
    assert sim.stats.requests_to("/ora/queryService/query/getSessions") > requests_before


async def test_progress_reports_backfill_days(engine, sim, ca_file):
    seen = []
    result = await run_once(engine, sim, ca_file, small_settings(), on_progress=seen.append)
    assert result.status == "SUCCESS"
    days = {(p.backfill_day, p.backfill_days) for p in seen if p.phase == "backfill"}
    assert (1, 4) in days and (4, 4) in days
    assert seen[-1].phase == "done"
    assert all(p.correlation_id == result.correlation_id for p in seen)


async def test_the_scheduler_survives_a_failed_run_and_stops_cleanly(engine, sim, ca_file):
    sync = sync_engine(engine, sim, ca_file)
    statuses: list[str] = []

    async def once(trigger: str) -> None:
        result = await sync.run(trigger)
        statuses.append(result.status)
        if len(statuses) == 1:
            sim.faults.update(error_5xx_next=0)

    sim.faults.update(error_5xx_next=1000)
    scheduler = SyncScheduler(once, interval_s=0.05)
    scheduler.start()
    try:
        await wait_until(lambda: len(statuses) >= 2, 20)
    finally:
        await scheduler.stop()
        sync.close()
        await sync.client.aclose()
    assert statuses[0] == "FAILED" and "SUCCESS" in statuses[1:]
    assert not scheduler.running


async def test_sqlite_and_postgresql_store_the_same(sqlite_engine, postgres_engine, sim, ca_file):
    settings = small_settings()
    for db in (sqlite_engine, postgres_engine):
        result = await run_once(db, sim, ca_file, settings)
        assert result.status == "SUCCESS"
    columns = ("session_id", "state", "start_ms", "duration_ms", "direction", "ani", "dnis", "content_hash")

    def rows(db):
        with db.connect() as conn:
            return sorted(conn.execute(sa.text(f"SELECT {', '.join(columns)} FROM recordings")).all())

    assert rows(sqlite_engine) == rows(postgres_engine)
    assert len(rows(sqlite_engine)) > 100


async def test_clock_moving_forward_picks_up_new_calls(engine, sim, ca_file):
    settings = small_settings()
    await run_once(engine, sim, ca_file, settings)
    sim.clock.advance(timedelta(hours=4).total_seconds())
    result = await run_once(engine, sim, ca_file, settings)
    assert result.status == "SUCCESS"
    assert result.counts.created > 0
    assert stored(engine) == truth(sim, covered_window(settings, NOW_MS)[0], sim.clock.now_ms())


async def test_directory_links_agents_teams_and_directions_by_the_real_track_numbers(engine, sim, ca_file):
    """Track 0 is the agent's phone, track 1 the far end (Unified CM): every call links its agent; with
    the default plan (the caller on track 1) inbound and internal calls get their true direction and
    ANI/DNIS. The tracks do not say who dialed, so an outbound call reads as inbound until the site
    says otherwise (see test_a_saved_dial_plan_changes_the_next_sync)."""
    with begin_write(engine) as conn:
        assert import_agents_csv(conn, sim.agents_csv()).ok
    settings = small_settings()
    result = await run_once(engine, sim, ca_file, settings)
    assert result.status == "SUCCESS"
    rows = _calls(engine)
    truth_rows = sim.ground_truth(*covered_window(settings, NOW_MS))
    assert {t["direction"] for t in truth_rows} == {"inbound", "outbound", "internal"}
    for t in truth_rows:
        row = rows[t["sessionId"]]
        agent_ref, far_ref = t["deviceRefs"]
        assert (row.agent_id, row.team_code) == (t["agent_id"], t["team_id"]), t
        if t["direction"] == "internal":
            assert (row.direction, row.ani, row.dnis) == ("internal", far_ref, agent_ref), t
        else:  # the far end is taken as the caller
            assert (row.direction, row.ani, row.dnis) == ("inbound", far_ref, agent_ref), t


async def test_a_saved_dial_plan_changes_the_next_sync(engine, sim, ca_file):
    """An administrator says this site's agents dial out (the caller is on the agent's track 0): the
    next sync infers outbound calls from it; a supervisor cannot change it (refused and audited)."""
    with begin_write(engine) as conn:
        assert import_agents_csv(conn, sim.agents_csv()).ok
    settings = small_settings()
    assert (await run_once(engine, sim, ca_file, settings)).status == "SUCCESS"
    before = set(_calls(engine))

    supervisor = DirectoryUseCases(engine, Principal("sup", Role.SUPERVISOR, frozenset({"T1"})))
    with pytest.raises(PermissionDenied):
        supervisor.set_dial_plan({"caller_track": 0})
    denied = [r for r in list_audit(engine) if r.action == audit.ACCESS_DENIED and r.actor == "sup"]
    assert denied and denied[-1].target == "directory.dial_plan"
    with engine.connect() as conn:
        assert load_dial_plan(conn) == DialPlan()  # nothing changed

    admin = DirectoryUseCases(engine, Principal("root", Role.ADMIN))
    change = admin.set_dial_plan({"caller_track": 0})
    assert change.plan == DialPlan(caller_track=0) and change.relinked > 0  # stored calls follow at once
    (row,) = [r for r in list_audit(engine) if r.action == audit.DIRECTORY_DIAL_PLAN]
    assert row.actor == "root" and row.detail["after"]["caller_track"] == 0
    assert row.detail["before"]["caller_track"] == 1

    sim.clock.advance(timedelta(hours=4).total_seconds())
    assert (await run_once(engine, sim, ca_file, settings)).status == "SUCCESS"
    rows = _calls(engine)
    new = [t for t in sim.ground_truth(*covered_window(settings, sim.clock.now_ms())) if t["sessionId"] not in before]
    assert {t["direction"] for t in new} >= {"outbound", "internal"}
    for t in new:
        row = rows[t["sessionId"]]
        agent_ref, far_ref = t["deviceRefs"]
        expected = "internal" if t["direction"] == "internal" else "outbound"
        assert (row.direction, row.ani, row.dnis) == (expected, agent_ref, far_ref), t


def _calls(engine):
    with engine.connect() as conn:
        return {
            r.session_id: r
            for r in conn.execute(
                sa.select(
                    recordings.c.session_id, recordings.c.agent_id, recordings.c.team_code, recordings.c.direction,
                    recordings.c.ani, recordings.c.dnis,
                )
            )
        }  # fmt: skip


async def test_tracks_conferences_and_video_land_as_the_server_numbered_them(engine, sim, ca_file):
    """Tracks 0/1 (the agent's phone, the far end) are stored with their numbers; a conference keeps
    its three participants (two on the far end's track); a VIDEO track is stored as video."""
    from qms_desktop.search.query import get_recording

    settings = small_settings()
    assert (await run_once(engine, sim, ca_file, settings)).status == "SUCCESS"
    truth_rows = [t for t in sim.ground_truth(*covered_window(settings, NOW_MS)) if t["state"] == "CLOSED_NORMAL"]
    conference = next(t for t in truth_rows if t["conferenceRef"] and not t["video"])
    video = next(t for t in truth_rows if t["video"])
    plain = next(t for t in truth_rows if not t["video"] and not t["conferenceRef"])
    with engine.connect() as conn:
        details = {t["sessionId"]: get_recording(conn, t["sessionId"]) for t in (conference, video, plain)}
    agent_ref, far_ref = plain["deviceRefs"]
    detail = details[plain["sessionId"]]
    assert [(t.number, t.media_type) for t in detail.tracks] == [(0, "AUDIO"), (1, "AUDIO")]
    assert [(p.track_number, p.device_ref) for p in detail.participants] == [(0, agent_ref), (1, far_ref)]
    detail = details[conference["sessionId"]]
    agent_ref, far_ref = conference["deviceRefs"]
    assert [(p.track_number, p.device_ref, p.is_conference) for p in detail.participants] == [
        (0, agent_ref, False),
        (1, far_ref, True),
        (1, conference["conferenceRef"], True),
    ]
    detail = details[video["sessionId"]]
    assert [(t.number, t.media_type, t.download_url is None) for t in detail.tracks] == [
        (0, "AUDIO", False),
        (1, "AUDIO", False),
        (2, "VIDEO", True),
    ]
