"""A sync page's transaction on PostgreSQL does not wait for its WAL to be flushed: the page and its
checkpoint commit together or not at all, and MediaSense still has what a crash would lose."""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from qms_desktop.store.sync_page import SyncPage, write_page
from qms_desktop.store.sync_state import RunCounts
from tests.store.factory import make_session


class SettingSeen:
    """The lease the page renews in its transaction: it notes the transaction's commit setting."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def renew(self, conn: Connection, now_ms: int, run_id: int | None = None) -> None:
        self.seen.append(conn.exec_driver_sql("SHOW synchronous_commit").scalar_one())


def test_a_page_commits_without_waiting_for_the_wal_flush_and_only_that_transaction(
    postgres_engine: Engine,
) -> None:
    with postgres_engine.connect() as conn:
        server_default = conn.exec_driver_sql("SHOW synchronous_commit").scalar_one()
    lease = SettingSeen()
    counts = write_page(postgres_engine, SyncPage([make_session("s1")]), run_id=1, counts=RunCounts(), lease=lease,
                        fetched_at_ms=1_000, now_ms=lambda: 1_000, index_queue=False)  # fmt: skip
    assert counts.created == 1
    assert lease.seen == ["off"]
    with postgres_engine.connect() as conn:  # SET LOCAL: the connection's next transaction waits again
        assert conn.exec_driver_sql("SHOW synchronous_commit").scalar_one() == server_default != "off"
