"""getSessions pages saved to disk once, and the product's store path that loads them.

The simulator (cisco profile, HTTPS, frozen clock) runs in its own process; its pages for one day of
`sessions` sessions (1000 a page) are written to a folder, one file a page, and read back as bytes, so
a benchmark times the store and not the network. `load_with_product` is the product's own path for
those bytes: the client's page decoding (sessions stored as sent left out by their fingerprint),
directory enrichment, and one `write_page` transaction per page (rows, search documents,
checkpoint, run counters, lease) under a sync run, as a sync does.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import orjson
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_sync import PAGE, fetch_pages, frozen_day, start_simulator

from qms_desktop.domain.directory import DirectorySnapshot, enrich
from qms_desktop.domain.sessions import SessionFilters
from qms_desktop.mediasense.dialects import QUERY_BY_NAME, response_code
from qms_desktop.mediasense.queries import FetchedPage, read_page
from qms_desktop.mediasense.session_bytes import split_sessions
from qms_desktop.store import search_queue
from qms_desktop.store.engine import create_engine_for, upgrade
from qms_desktop.store.recordings import stored_unchanged
from qms_desktop.store.sync_page import SyncPage, write_page
from qms_desktop.store.sync_state import Checkpoint, RunCounts
from qms_desktop.sync.guard import SyncGuard
from qms_desktop.sync.run import begin_run

NOW_MS = 1_800_000_000_000  # the run's clock; fixed so that reruns write the same values


def save_pages(folder: Path, sessions: int) -> int:
    """Fetch one simulated day of `sessions` sessions into `folder` (page-NNNNNN.json); returns the pages.

    A folder that already holds pages is kept as it is (delete it to fetch again)."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = sorted(folder.glob("page-*.json"))
    if saved:
        return len(saved)
    work = Path(tempfile.mkdtemp(prefix="qms-bench-pages-"))
    proc, info = start_simulator(sessions, work)
    try:
        ctx, _, window = frozen_day(info)
        pages = fetch_pages(info, ctx, window)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    for number, content in enumerate(pages):
        partial = folder / f"page-{number:06d}.json.part"
        partial.write_bytes(content)
        os.replace(partial, folder / f"page-{number:06d}.json")  # a cut-short save leaves no page behind
    return len(pages)


def load_pages(folder: Path) -> list[bytes]:
    return [path.read_bytes() for path in sorted(folder.glob("page-*.json"))]


def fresh_engine(path: Path) -> Engine:
    """A new SQLite file of the product's schema."""
    path.unlink(missing_ok=True)
    engine = create_engine_for(f"sqlite:///{path}")
    upgrade(engine)
    return engine


def load_with_product(pages: list[bytes], engine: Engine) -> int:
    """Store `pages` the way a sync run does (one transaction a page); returns the sessions read."""
    dialect = QUERY_BY_NAME["cisco"]
    snapshot = DirectorySnapshot()  # a fresh install: no agents, the default dial plan
    guard = SyncGuard(engine, ttl_ms=600_000)
    run_id = guard.acquire(NOW_MS, lambda conn: begin_run(guard, "benchmark", "benchmark", "incremental", NOW_MS, conn))
    with engine.connect() as conn:
        index_queue = search_queue.queue_enabled(conn)
    counts = RunCounts()
    checkpoint = Checkpoint(last_sync_time_ms=NOW_MS)
    offset = 0

    async def stored_as_sent(prints: Sequence[tuple[str, str]]) -> set[str]:
        with engine.connect() as conn:
            return stored_unchanged(conn, prints)

    async def load() -> None:
        nonlocal counts, offset
        for content in pages:
            # As the client's transport decodes a getSessions answer: each session's bytes, unparsed.
            payload = split_sessions(content) or orjson.loads(content)
            raw = dialect.read(payload, response_code(payload), PAGE, offset)
            # The client's reading: sessions stored as sent only counted, the rest normalized.
            read = await read_page(FetchedPage(raw, dialect, SessionFilters(), offset), stored_as_sent)
            page = SyncPage(
                enrich(read.records, snapshot, snapshot.dial_plan), read.rejected, checkpoint=checkpoint,
                unchanged=read.unchanged,
            )  # fmt: skip
            counts = write_page(engine, page, run_id=run_id, counts=counts, lease=guard, fetched_at_ms=NOW_MS,
                                now_ms=lambda: NOW_MS, index_queue=index_queue)  # fmt: skip
            offset += len(raw.items)

    try:
        # One event loop for the whole load, as a sync run has: a loop per page would time asyncio's
        # set-up (its SIGINT handling alone was a quarter of a first load's time).
        asyncio.run(load())
    finally:
        guard.release()
    return counts.fetched
