"""The store path with its page writes in a process of their own, against the product's one-process path.

    .venv/bin/python tests/benchmarks/bench_writer_process.py [--sessions 50000] [--repeat 3] [--pages DIR]
        [--database sqlite|postgres]

Both load the simulator's saved getSessions pages (1000 sessions each) into a fresh SQLite file (or a
new schema on the PostgreSQL server of QMS_TEST_POSTGRES_URL), a `write_page` transaction a page, the
garbage collector set as a sync run sets it:

- one process (the baseline): each page read (split, fingerprints, unchanged filter, typed decoding,
  enrichment) and committed through the sync's own `PageWriter`, whose writer thread commits a page
  while the next one is read, as a sync does today;
- a writer process: this process reads each page and prepares its rows (`prepare_sessions`, search
  documents included), pickles them and hands them over a pipe to a process started with "spawn",
  which runs `write_page` on them; one page in flight (the next is read while it commits), as
  `PageWriter` does with its thread.

A sketch of the design, to measure it: the sync itself still writes in one process. It prints both
rates, each side's CPU a session, and the ratio; both files must hold the same recordings.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import pickle
import sys
import tempfile
import time
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saved_pages import (
    CHECKPOINT,
    LEASE_TTL_MS,
    NOW_MS,
    PAGE,
    acquire_run,
    fresh_engine,
    load_pages,
    read_saved,
    save_pages,
)
from bench_sync import drop_postgres, fresh_postgres
from sqlalchemy import Engine

from qms_desktop.domain.sessions import RejectedRecord, SessionRecord
from qms_desktop.store.engine import create_engine_for
from qms_desktop.store.recordings import prepare_sessions
from qms_desktop.store.sync_page import SyncPage, write_page
from qms_desktop.store.sync_state import RunCounts
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync.collector import fewer_collections
from qms_desktop.sync.guard import SyncGuard
from qms_desktop.sync.pages import PageWriter
from qms_desktop.sync.run import SyncResult


def writer_main(url: str, holder: str, run_id: int, pipe: Connection) -> None:
    """The writer process: `write_page` for each page received, under the parent's sync lease; an
    empty message ends it, answered with its CPU seconds."""
    engine = create_engine_for(url)
    lease = SyncGuard(engine, ttl_ms=LEASE_TTL_MS, holder=holder)  # renews the row the parent acquired
    counts = RunCounts()
    started = time.process_time()
    pipe.send_bytes(b"ready")
    with fewer_collections():
        while data := pipe.recv_bytes():
            page: SyncPage = pickle.loads(data)
            counts = write_page(engine, page, run_id=run_id, counts=counts, lease=lease, fetched_at_ms=NOW_MS,
                                now_ms=lambda: NOW_MS, index_queue=False)  # fmt: skip
            pipe.send_bytes(b"ok")
    pipe.send_bytes(pickle.dumps(time.process_time() - started))
    engine.dispose()


def load_with_writer_thread(pages: Sequence[bytes], engine: Engine) -> tuple[float, float]:
    """(seconds, CPU seconds) to store `pages` through the sync's own `PageWriter`: its writer thread
    commits a page while the next one is read."""
    guard, run_id = acquire_run(engine)
    writer = DbWriter()
    result = SyncResult(run_id, "benchmark", "RUNNING", "incremental", None, None)
    page_writer = PageWriter(engine, writer, guard, result, now_ms=lambda: NOW_MS, check_stop=lambda: None,
                             on_committed=lambda: None)  # fmt: skip

    async def commit(records: list[SessionRecord], rejected: Sequence[RejectedRecord], unchanged: int) -> None:
        await page_writer.commit(records, rejected, checkpoint=CHECKPOINT, unchanged=unchanged)

    async def load() -> None:
        await read_saved(pages, commit, engine)
        await page_writer.flush()

    try:
        started, cpu = time.perf_counter(), time.process_time()
        asyncio.run(load())
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        writer.close()
        guard.release()


def load_with_writer_process(pages: Sequence[bytes], engine: Engine) -> tuple[float, float, float]:
    """(seconds, this process's CPU seconds, the writer's CPU seconds) to store `pages`."""
    guard, run_id = acquire_run(engine)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    url = engine.url.render_as_string(hide_password=False)
    writer = context.Process(target=writer_main, args=(url, guard.holder, run_id, theirs))
    writer.start()
    ours.recv_bytes()  # started and imported: not timed, a process would be started once for a long run
    in_flight = False

    async def send(records: list[SessionRecord], rejected: Sequence[RejectedRecord], unchanged: int) -> None:
        nonlocal in_flight
        page = SyncPage((), rejected, checkpoint=CHECKPOINT, unchanged=unchanged, prepared=prepare_sessions(records))
        data = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)
        if in_flight:
            ours.recv_bytes()  # the page before has committed
        ours.send_bytes(data)
        in_flight = True

    try:
        started, cpu = time.perf_counter(), time.process_time()
        asyncio.run(read_saved(pages, send, engine))
        if in_flight:
            ours.recv_bytes()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        ours.send_bytes(b"")
        writer_cpu: float = pickle.loads(ours.recv_bytes())
    finally:
        writer.join(timeout=30)
        guard.release()
    return elapsed, cpu, writer_cpu


def recordings_stored(engine: Engine) -> tuple[int, int]:
    """(recordings, child rows) in the file: both ways must store the same."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT count(*) FROM recordings").scalar_one()
        children = sum(
            conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in ("recording_tracks", "recording_participants", "recording_tags")
        )
    return rows, children


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=Path, help="folder for the saved pages, reused when it holds some")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="qms-bench-writer-"))
    folder = args.pages or work / "pages"
    save_pages(folder, args.sessions)
    pages = load_pages(folder)[: max(1, args.sessions // PAGE)]
    one_rates: list[float] = []
    two_rates: list[float] = []

    def fresh(name: str) -> Engine:
        if args.database == "postgres":
            drop_postgres(name)
            return fresh_postgres(name)
        return fresh_engine(work / f"{name}.sqlite3")

    def done(engine: Engine, name: str) -> None:
        engine.dispose()
        if args.database == "postgres":
            drop_postgres(name)

    for round_number in range(1, args.repeat + 1):
        engine = fresh("bench_one_process")
        with fewer_collections():
            elapsed, cpu = load_with_writer_thread(pages, engine)
        expected = recordings_stored(engine)
        done(engine, "bench_one_process")
        sessions = expected[0]
        one_rates.append(sessions / elapsed)

        engine = fresh("bench_writer_process")
        with fewer_collections():
            two_elapsed, reader_cpu, writer_cpu = load_with_writer_process(pages, engine)
        assert recordings_stored(engine) == expected, "the writer process stored something else"
        done(engine, "bench_writer_process")
        two_rates.append(sessions / two_elapsed)
        print(
            f"round {round_number}: one process {one_rates[-1]:,.0f}/s (CPU {cpu / sessions * 1e6:.0f} µs a session); "
            f"writer process {two_rates[-1]:,.0f}/s (this process {reader_cpu / sessions * 1e6:.0f} µs, "
            f"the writer {writer_cpu / sessions * 1e6:.0f} µs a session); ratio {two_rates[-1] / one_rates[-1]:.2f}x",
            flush=True,
        )
    where = "a new PostgreSQL schema" if args.database == "postgres" else "a fresh SQLite file"
    print(f"\n{sessions} sessions, {len(pages)} pages, {where} each way")
    print(f"one process (baseline): {min(one_rates):,.0f}–{max(one_rates):,.0f} sessions/s")
    print(f"writer process:         {min(two_rates):,.0f}–{max(two_rates):,.0f} sessions/s")
    ratios = sorted(two / one for one, two in zip(one_rates, two_rates, strict=True))
    print(f"writer process / one process: {ratios[0]:.2f}–{ratios[-1]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
