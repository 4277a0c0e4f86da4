"""Several workstations on one database: the sync lock, readers during a sync, and `db check`."""

from __future__ import annotations

import asyncio
import json

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.cli import main
from qms_desktop.commands.db import database_check
from qms_desktop.search import RecordingQuery, search_recordings
from qms_desktop.store import create_engine_for, head_revision, upgrade
from qms_desktop.sync.guard import SyncAlreadyRunning, current_lease
from tests.sync.helpers import small_settings, sync_engine


async def _wait_for_lease(db: Engine, timeout: float = 10) -> int:
    for _ in range(int(timeout / 0.02)):
        with db.connect() as conn:
            lease = current_lease(conn)
        if lease is not None and lease.run_id is not None:
            return lease.run_id
        await asyncio.sleep(0.02)  # the poll interval
    raise AssertionError("the first sync never took the lock")


@pytest.mark.postgres
@pytest.mark.asyncio
async def test_two_workstations_race_for_the_sync_lock(
    postgres_engine: Engine, postgres_url: str, start_sim, ca_file
) -> None:
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=40, faults={"latency_ms": 40})
    other = create_engine_for(postgres_url)  # a second workstation: its own engine and pool
    first = sync_engine(postgres_engine, sim, ca_file, small_settings(page_size=5))
    second = sync_engine(other, sim, ca_file, small_settings(page_size=5))
    try:
        running = asyncio.create_task(first.run())
        run_id = await _wait_for_lease(other)
        with pytest.raises(SyncAlreadyRunning) as refused:
            await second.run()
        assert refused.value.run_id == run_id
        assert refused.value.holder and refused.value.holder.count(":") == 2  # host:pid:random
        report = await asyncio.to_thread(database_check, other)
        lock = report["lock"]
        assert lock["advisoryLockHeld"] is True and lock["syncRunning"] is True
        assert len(lock["advisoryHolders"]) == 1 and lock["advisoryHolders"][0]["application"] == "qms-desktop"
        assert lock["lease"]["runId"] == run_id
        first.request_stop()  # no need to finish: stop at the next page boundary
        result = await running
        assert result.status == "INTERRUPTED"
        after = await asyncio.to_thread(database_check, other)
        assert after["lock"]["advisoryLockHeld"] is False and after["lock"]["lease"] is None
    finally:
        for sync in (first, second):
            sync.close()
            await sync.client.aclose()
        other.dispose()


@pytest.mark.asyncio
async def test_a_reader_sees_whole_pages_as_they_commit(db_url: str, engine: Engine, start_sim, ca_file) -> None:
    """A workstation that does not sync reads with its own engine while another one writes."""
    sim = start_sim("cisco", freeze_clock=True, days=2, sessions_per_day=40, faults={"latency_ms": 15})
    reader = create_engine_for(db_url)
    writer = sync_engine(engine, sim, ca_file, small_settings(page_size=7, backfill_days=2))
    snapshots: list[tuple[int, int]] = []
    listed: list[int] = []

    def read_once() -> None:
        with reader.connect() as conn:
            # One statement, one snapshot: rows and the run's counters commit in the same transaction.
            rows, created = conn.exec_driver_sql(
                "SELECT (SELECT count(*) FROM recordings), (SELECT coalesce(sum(created), 0) FROM sync_runs)"
            ).one()
        snapshots.append((int(rows), int(created)))
        listed.append(len(search_recordings(reader, RecordingQuery(limit=1000)).items))

    try:
        task = asyncio.create_task(writer.run())
        while not task.done():
            await asyncio.to_thread(read_once)
            await asyncio.sleep(0.01)  # not a wait: the reader's pace, a snapshot every 10 ms while pages land
        result = task.result()
        await asyncio.to_thread(read_once)
    finally:
        writer.close()
        await writer.client.aclose()
        reader.dispose()
    assert result.status == "SUCCESS"
    assert all(rows == created for rows, created in snapshots), "a reader saw part of a page"
    counts = [rows for rows, _ in snapshots]
    assert counts == sorted(counts) and counts[-1] == result.counts.created
    assert len(set(counts)) >= 3, "the reader should see recordings land page by page"
    assert listed == sorted(listed) and listed[-1] == result.counts.created


def test_db_check_on_both_databases(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check", "--url", db_url, "--json"]) == 3  # empty: behind head
    behind = json.loads(capsys.readouterr().out)
    assert behind["schema"]["current"] is None and not behind["schema"]["upToDate"]
    engine = create_engine_for(db_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    assert main(["db", "check", "--url", db_url, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"]["upToDate"] and report["schema"]["current"] == report["schema"]["head"]
    assert report["lock"]["lease"] is None and report["lock"]["syncRunning"] is False
    if report["dialect"] == "postgresql":
        assert report["serverVersion"][0].isdigit() and report["lock"]["advisoryLockHeld"] is False
    else:
        assert report["serverVersion"].startswith("SQLite") and report["lock"]["advisoryLockHeld"] is None
    assert main(["db", "check", "--url", db_url]) == 0
    assert f"Schema: {head_revision()} (head {head_revision()}): up to date" in capsys.readouterr().out


def test_db_check_unreachable_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check", "--url", "postgresql://qms@127.0.0.1:1/qms"]) == 1
    assert "Could not use the database postgresql://qms@127.0.0.1:1/qms" in capsys.readouterr().err


def test_db_check_refuses_a_password_in_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://qms:Sup3rSecret@127.0.0.1:1/qms"
    assert main(["db", "check", "--url", url]) == 2  # tests/test_secrets_in_urls.py: before connecting
    err = capsys.readouterr().err
    assert "PGPASSFILE" in err and "Sup3rSecret" not in err and "***" in err


@pytest.mark.postgres
def test_db_check_sees_a_stale_lease_without_the_lock(postgres_engine: Engine) -> None:
    from qms_desktop.store.engine import begin_write
    from qms_desktop.store.schema import sync_lease

    with begin_write(postgres_engine) as conn:
        conn.execute(
            sa.insert(sync_lease).values(name="sync", holder="elsewhere:1:x", run_id=9, acquired_ms=1, expires_ms=2**62)
        )
    lock = database_check(postgres_engine)["lock"]
    assert lock["lease"]["runId"] == 9 and lock["advisoryLockHeld"] is False and lock["syncRunning"] is False
    assert "stale" in lock["note"]
