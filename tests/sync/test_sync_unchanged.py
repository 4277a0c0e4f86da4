"""Unchanged sessions are recognised by the fingerprint of their JSON before they are parsed.

A re-read window (the overlap, the reconciliation, a reset checkpoint) is mostly sessions stored
exactly as MediaSense sends them again: they are counted as skipped and never normalized or written;
a session MediaSense changed is written again.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qms_desktop.domain.fingerprint import fingerprint
from qms_desktop.domain.time import TimeWindow, from_ms
from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.recordings import stored_unchanged
from qms_desktop.store.schema import recordings
from tests.sync.helpers import NOW, NOW_MS, client_for, covered_window, run_once, small_settings

pytestmark = pytest.mark.asyncio


@pytest.fixture
def sim(start_sim):
    return start_sim("cisco", now=NOW, freeze_clock=True, days=2, sessions_per_day=60)


def _rows(engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        return {
            row[0]: tuple(row[1:])
            for row in conn.execute(
                sa.select(recordings.c.session_id, recordings.c.content_hash, recordings.c.synced_at_ms,
                          recordings.c.raw, recordings.c.dialect)
            )
        }  # fmt: skip


def _forget_checkpoint(engine) -> None:
    with begin_write(engine) as conn:
        state.reset_state(conn)


async def test_a_reread_window_skips_every_unchanged_session_and_rewrites_a_changed_one(engine, sim, ca_file):
    settings = small_settings(backfill_days=1)
    first = await run_once(engine, sim, ca_file, settings)
    assert first.status == "SUCCESS" and first.counts.created > 50
    before = _rows(engine)
    # What the store keeps is what the client computes from the same JSON: the skip can work.
    assert all(digest == fingerprint(raw, dialect) for digest, _, raw, dialect in before.values())

    _forget_checkpoint(engine)  # the next run reads the whole window again
    again = await run_once(engine, sim, ca_file, settings)
    assert again.status == "SUCCESS"
    assert (again.counts.created, again.counts.updated) == (0, 0)
    assert again.counts.skipped == again.counts.fetched >= len(before)
    assert _rows(engine) == before  # not even the synced time moved: nothing was written

    changed = next(iter(before))
    sim.simulator.dataset.set_user_tags(changed, (("escalation", 1500),))
    _forget_checkpoint(engine)
    third = await run_once(engine, sim, ca_file, settings)
    assert (third.counts.created, third.counts.updated) == (0, 1)
    after = _rows(engine)
    assert after[changed][0] != before[changed][0] and "escalation" in after[changed][2]
    assert {sid: row for sid, row in after.items() if sid != changed} == {
        sid: row for sid, row in before.items() if sid != changed
    }


async def test_the_client_leaves_out_what_the_filter_reports_and_parses_the_rest(engine, sim, ca_file):
    settings = small_settings(backfill_days=1)
    await run_once(engine, sim, ca_file, settings)
    start, end = covered_window(settings, NOW_MS)
    asked: list[tuple[str, str]] = []

    async def half_known(prints):
        asked.extend(prints)
        with engine.connect() as conn:
            same = stored_unchanged(conn, prints)
        return {sid for i, sid in enumerate(sorted(same)) if i % 2 == 0}

    client = client_for(sim, ca_file)
    try:
        page = await client.query_sessions(TimeWindow(from_ms(start), from_ms(end)), limit=40, unchanged=half_known)
    finally:
        await client.aclose()
    assert page.raw_count == 40 == len(asked)
    assert page.unchanged == 20 and len(page.records) == 20  # every session stored unchanged; half reported
    stored = _rows(engine)
    for record in page.records:
        # The parsed ones carry their JSON text, fingerprinted exactly as the store fingerprints it.
        assert record.raw_json is not None
        assert fingerprint(record.raw_json, record.dialect) == stored[record.session_id][0]


async def test_a_fingerprint_that_differs_is_not_reported_unchanged(engine, sim, ca_file):
    await run_once(engine, sim, ca_file, small_settings(backfill_days=1))
    with engine.connect() as conn:
        sid, digest = conn.execute(sa.select(recordings.c.session_id, recordings.c.content_hash).limit(1)).one()
        assert stored_unchanged(conn, [(sid, digest)]) == {sid}
        assert stored_unchanged(conn, [(sid, "0" * 32), ("no-such-session", digest)]) == set()
