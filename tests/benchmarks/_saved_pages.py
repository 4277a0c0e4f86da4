"""getSessions pages saved to disk once, and the product's store path that loads them.

The simulator (cisco profile, HTTPS, frozen clock) runs in its own process; its pages for one day of
`sessions` sessions (1000 a page) are written to a folder, one file a page, and read back as bytes, so
a benchmark times the store and not the network. `load_with_product` is the product's own path for
those bytes: the client's page decoding (sessions stored as sent left out by their fingerprint),
the rows of each page (ordinary sessions straight from their bytes, `sync.rows`), and one
`write_page` transaction per page (rows, search documents,
checkpoint, run counters, lease) under a sync run, as a sync does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import orjson
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench_sync import PAGE, fetch_pages, frozen_day, start_simulator

from qms_desktop.domain.directory import DirectorySnapshot, enrich
from qms_desktop.domain.sessions import RejectedRecord, SessionFilters, SessionRecord
from qms_desktop.mediasense.dialects import QUERY_BY_NAME, response_code
from qms_desktop.mediasense.queries import FetchedPage, read_page
from qms_desktop.mediasense.session_bytes import split_sessions
from qms_desktop.store import search_queue
from qms_desktop.store.engine import create_engine_for, upgrade
from qms_desktop.store.recordings import PreparedSessions, stored_unchanged
from qms_desktop.store.sync_page import SyncPage, write_page
from qms_desktop.store.sync_state import Checkpoint, RunCounts
from qms_desktop.sync.guard import SyncGuard
from qms_desktop.sync.rows import prepare_page
from qms_desktop.sync.run import begin_run

NOW_MS = 1_800_000_000_000  # the run's clock; fixed so that reruns write the same values
LEASE_TTL_MS = 600_000
CHECKPOINT = Checkpoint(last_sync_time_ms=NOW_MS)


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


def add_page_options(parser: argparse.ArgumentParser, *, sessions: int) -> None:
    """A benchmark's --sessions (how many it loads) and --pages (a folder that keeps them for the next run)."""
    parser.add_argument("--sessions", type=int, default=sessions)
    parser.add_argument("--pages", type=Path, help="folder for the saved pages, reused when it holds some")


def saved_pages(args: argparse.Namespace, work: Path) -> list[bytes]:
    """The first `args.sessions` sessions' pages, saved into `args.pages` (or `work`/pages) first if it
    holds none."""
    folder = args.pages or work / "pages"
    save_pages(folder, args.sessions)
    return load_pages(folder)[: max(1, args.sessions // PAGE)]


def fresh_engine(path: Path) -> Engine:
    """A new SQLite file of the product's schema."""
    path.unlink(missing_ok=True)
    engine = create_engine_for(f"sqlite:///{path}")
    upgrade(engine)
    return engine


# What a loader does with each page read: its sessions (the rows a sync writes, or with `as_records`
# their enriched records), its rejected sessions, and how many of its sessions were left out as
# stored exactly as sent.
HandOver = Callable[[PreparedSessions | list[SessionRecord], Sequence[RejectedRecord], int], Awaitable[None]]


async def read_saved(
    pages: Sequence[bytes], hand_over: HandOver, engine: Engine | None = None, *, as_records: bool = False
) -> None:
    """Read each page as a sync does and give it to `hand_over`: split into each session's bytes, as
    the client's transport decodes a getSessions answer; fingerprinted, the sessions stored as sent
    in `engine` only counted (no filter without one); the rows of the rest (a fresh install: no
    agents, the default dial plan), or with `as_records` their records, normalized and enriched."""
    dialect = QUERY_BY_NAME["cisco"]
    snapshot = DirectorySnapshot()

    async def stored_as_sent(prints: Sequence[tuple[str, str]]) -> set[str]:
        assert engine is not None
        with engine.connect() as conn:
            return stored_unchanged(conn, prints)

    offset = 0
    for content in pages:
        payload = split_sessions(content) or orjson.loads(content)
        raw = dialect.read(payload, response_code(payload), PAGE, offset)
        fetched = FetchedPage(raw, dialect, SessionFilters(), offset)
        read = await read_page(fetched, stored_as_sent if engine is not None else None, ordinary=not as_records)
        sessions = (
            enrich(read.records, snapshot, snapshot.dial_plan)
            if as_records
            else prepare_page(read, snapshot, snapshot.dial_plan)
        )
        await hand_over(sessions, read.rejected, read.unchanged)
        offset += len(raw.items)


def acquire_run(engine: Engine) -> tuple[SyncGuard, int]:
    """The sync lock and a run row, as a sync run takes them before its first page."""
    guard = SyncGuard(engine, ttl_ms=LEASE_TTL_MS)
    run_id = guard.acquire(NOW_MS, lambda conn: begin_run(guard, "benchmark", "benchmark", "incremental", NOW_MS, conn))
    return guard, run_id


def load_with_product(pages: list[bytes], engine: Engine) -> int:
    """Store `pages` the way a sync run does (one transaction a page); returns the sessions read."""
    guard, run_id = acquire_run(engine)
    with engine.connect() as conn:
        index_queue = search_queue.queue_enabled(conn)
    counts = RunCounts()

    async def write(
        sessions: PreparedSessions | list[SessionRecord], rejected: Sequence[RejectedRecord], unchanged: int
    ) -> None:
        nonlocal counts
        assert isinstance(sessions, PreparedSessions)
        page = SyncPage((), rejected, checkpoint=CHECKPOINT, unchanged=unchanged, prepared=sessions)
        counts = write_page(engine, page, run_id=run_id, counts=counts, lease=guard, fetched_at_ms=NOW_MS,
                            now_ms=lambda: NOW_MS, index_queue=index_queue)  # fmt: skip

    try:
        # One event loop for the whole load, as a sync run has: a loop per page would time asyncio's
        # set-up (its SIGINT handling alone was a quarter of a first load's time).
        asyncio.run(read_saved(pages, write, engine))
    finally:
        guard.release()
    return counts.fetched
