"""The store path with its page writes in the sync's writer process, against its writer thread.

    .venv/bin/python tests/benchmarks/bench_writer_process.py [--sessions 50000] [--repeat 3] [--pages DIR]
        [--database sqlite|postgres]

Both load the simulator's saved getSessions pages (1000 sessions each) into a fresh SQLite file (or a
new schema on the PostgreSQL server of QMS_TEST_POSTGRES_URL), each page read as a sync reads it
(split, fingerprints, unchanged filter, typed decoding, enrichment) and committed through the sync's
own `PageWriter`, one `write_page` transaction a page, two pages in flight, the garbage collector set
as a sync run sets it:

- one process (the baseline): `write_process_after=0`, every page on the run's writer thread;
- the writer process: `write_process_after=1`, as a long run does after its first pages: the process
  starts beside the run (its start is timed) and takes every page from then on, its rows prepared here.

No network and no simulator share the machine: this is the client's side alone, as on a workstation
whose MediaSense is elsewhere (`bench_sync.py` runs both with the simulator on the same cores). It
prints both rates, each side's CPU a session, and the ratio; both databases must hold the same rows.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saved_pages import CHECKPOINT, NOW_MS, acquire_run, add_page_options, fresh_engine, read_saved, saved_pages
from bench_sync import children_cpu_s, drop_postgres, fresh_postgres
from sqlalchemy import Engine

from qms_desktop.domain.sessions import RejectedRecord, SessionRecord
from qms_desktop.store.recordings import PreparedSessions
from qms_desktop.store.writer import DbWriter
from qms_desktop.sync.collector import fewer_collections
from qms_desktop.sync.pages import PageWriter
from qms_desktop.sync.run import SyncResult


def load_with_page_writer(
    pages: Sequence[bytes], engine: Engine, write_process_after: int
) -> tuple[float, float, float]:
    """(seconds, this process's CPU seconds, the writer process's CPU seconds) to store `pages`
    through the sync's `PageWriter`."""
    guard, run_id = acquire_run(engine)
    writer = DbWriter()
    result = SyncResult(run_id, "benchmark", "RUNNING", "incremental", None, None)
    page_writer = PageWriter(engine, writer, guard, result, now_ms=lambda: NOW_MS, check_stop=lambda: None,
                             on_committed=lambda: None, write_process_after=write_process_after)  # fmt: skip

    async def commit(
        sessions: PreparedSessions | list[SessionRecord], rejected: Sequence[RejectedRecord], unchanged: int
    ) -> None:
        await page_writer.commit(sessions, rejected, checkpoint=CHECKPOINT, unchanged=unchanged)

    async def load() -> None:
        try:
            await read_saved(pages, commit, engine)
            await page_writer.flush()
        finally:
            await page_writer.close()

    try:
        started, cpu, children = time.perf_counter(), time.process_time(), children_cpu_s()
        asyncio.run(load())
        return time.perf_counter() - started, time.process_time() - cpu, children_cpu_s() - children
    finally:
        writer.close()
        guard.release()


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
    add_page_options(parser, sessions=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="qms-bench-writer-"))
    pages = saved_pages(args, work)
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
            elapsed, cpu, _ = load_with_page_writer(pages, engine, write_process_after=0)
        expected = recordings_stored(engine)
        done(engine, "bench_one_process")
        sessions = expected[0]
        one_rates.append(sessions / elapsed)

        engine = fresh("bench_writer_process")
        with fewer_collections():
            two_elapsed, reader_cpu, writer_cpu = load_with_page_writer(pages, engine, write_process_after=1)
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
