"""Two pages in flight to the writer: a page handed over while the page before it fails is not
written, the checkpoint stays where the last committed page left it, and the run's next page is
written once nothing is in flight."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.store import sync_state as state
from qms_desktop.store.engine import begin_write
from qms_desktop.store.sync_state import Checkpoint
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync.guard import SyncGuard
from qms_desktop.sync.pages import PAGES_IN_FLIGHT, PageWriter
from qms_desktop.sync.run import SyncResult, begin_run
from tests.store.factory import make_session
from tests.sync.helpers import NOW_MS

REFUSED = "refused-by-the-database"


def _refuse(engine: Engine, session_id: str) -> None:
    """The database refuses to store one session, as a broken disk or a constraint would."""
    with begin_write(engine) as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql(
                f"CREATE TRIGGER refuse BEFORE INSERT ON recordings WHEN NEW.session_id = '{session_id}' "
                "BEGIN SELECT RAISE(ABORT, 'the test refuses this session'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF NEW.session_id = '{session_id}' THEN RAISE EXCEPTION 'the test refuses this session'; END IF; "
                "RETURN NEW; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE INSERT ON recordings FOR EACH ROW EXECUTE FUNCTION refuse()"
            )


def _stored_ids(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.text("SELECT session_id FROM recordings")).scalars())


@pytest.mark.asyncio
async def test_a_page_handed_over_while_the_one_before_fails_is_not_written(engine: Engine) -> None:
    assert PAGES_IN_FLIGHT == 2
    _refuse(engine, REFUSED)
    guard = SyncGuard(engine, ttl_ms=600_000)
    run_id = guard.acquire(NOW_MS, lambda conn: begin_run(guard, "test", "test", "incremental", NOW_MS, conn))
    writer = DbWriter()
    result = SyncResult(run_id, "test", "RUNNING", "incremental", None, None)
    pages = PageWriter(engine, writer, guard, result, now_ms=lambda: NOW_MS, check_stop=lambda: None,
                       on_committed=lambda: None)  # fmt: skip
    try:
        await pages.commit([make_session("first")], (), checkpoint=Checkpoint(last_sync_time_ms=NOW_MS - 3000))
        await pages.commit([make_session(REFUSED)], (), checkpoint=Checkpoint(last_sync_time_ms=NOW_MS - 2000))
        # Handed over while the refused page is still in flight: commit waits only for the first.
        await pages.commit([make_session("after")], (), checkpoint=Checkpoint(last_sync_time_ms=NOW_MS - 1000))
        with pytest.raises(Exception, match="the test refuses this session"):
            await pages.flush()  # the run's error is the refused page's, not the page after it
        assert _stored_ids(engine) == {"first"}
        assert result.counts.pages == 1 and result.counts.created == 1
        with engine.connect() as conn:
            assert state.load_checkpoint(conn).last_sync_time_ms == NOW_MS - 3000
        # Nothing is in flight any more: what is handed over next follows the committed pages.
        await pages.commit([make_session("later")], (), checkpoint=Checkpoint(last_sync_time_ms=NOW_MS))
        await pages.flush()
        assert _stored_ids(engine) == {"first", "later"}
        with engine.connect() as conn:
            assert state.load_checkpoint(conn).last_sync_time_ms == NOW_MS
    finally:
        await pages.close()
        writer.close()
        guard.release()
