"""Growth: the store's cost per session syncing the same new sessions into an empty database and into one
that already holds 1,000,000 recordings, and which secondary indexes the app's query plans use.

    .venv/bin/python tests/benchmarks/bench_sync_growth.py [--sessions 50000] [--stored 1000000]
        [--db PATH] [--pages DIR] [--repeat 3]

The new sessions are getSessions pages of the simulator (in its own process), saved to disk once, and
loaded by the product's store path (`_saved_pages.load_with_product`: decoding, enrichment, one
`write_page` transaction a page), so the figure is the store's growth, not the network's. The stored
database is generated once (the recordings search benchmark's generator, plus the child rows a sync
writes: two tracks, two participants and two tags a session, and the raw session text and content
hash at their synced sizes) and reused when --db names an existing file with that many rows; each
round loads into a copy of it. Target: the stored database within 1.2× of the empty one's cost.

Then the secondary indexes of recordings and its child tables, and for each the app's queries whose
`EXPLAIN QUERY PLAN` uses it (on the stored database): the Recordings tab's searches, a recording's
details, the directory's preview of stored calls and its re-link after an agents import, the sync's
session-id lookups, open sessions and stored starts.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa
from _saved_pages import add_page_options, fresh_engine, load_with_product, saved_pages
from bench_recordings_search import generate, scenarios

from qms_desktop.domain.directory import DialPlan
from qms_desktop.search.query import RecordingQuery, count_recordings, get_recording, search_recordings
from qms_desktop.store import sync_state as state
from qms_desktop.store.directory import relink_recordings, sample_calls
from qms_desktop.store.engine import create_engine_for

TABLES = ("recordings", "recording_tracks", "recording_participants", "recording_tags")

# The child rows and the raw text a sync stores with each session, added to the generated recordings.
CHILDREN = (
    # A JSON string as long as a synced session's raw text (about 1,580 characters).
    "UPDATE recordings SET raw = '\"' || hex(randomblob(789)) || '\"', content_hash = hex(randomblob(16))",
    "INSERT INTO recording_tracks (recording_id, number, media_type, codec, start_ms, duration_ms, download_url)"
    " SELECT r.id, n.number, 'AUDIO', 'PCMU', r.start_ms, r.duration_ms,"
    " 'https://mediasense.example/mma/ExportRaw?recording=' || r.session_id || '-TRACK' || n.number"
    " FROM recordings r, (SELECT 0 AS number UNION ALL SELECT 1) n ORDER BY r.id, n.number",
    "INSERT INTO recording_participants (recording_id, track_number, device_ref, device_id, xref_ci, start_ms,"
    " duration_ms, is_conference)"
    " SELECT r.id, n.number, CASE WHEN (n.number = 0) = (r.direction = 'inbound') THEN r.dnis ELSE r.ani END,"
    " 'SEP' || r.id, CAST(r.id AS TEXT), r.start_ms, r.duration_ms, 0"
    " FROM recordings r, (SELECT 0 AS number UNION ALL SELECT 1) n ORDER BY r.id, n.number",
    "INSERT INTO recording_tags (recording_id, name, type, offset_ms, created_ms, track_number)"
    " SELECT r.id, 'TrackActive', 'SYSTEM_DEFINED', 0, r.start_ms, n.number"
    " FROM recordings r, (SELECT 0 AS number UNION ALL SELECT 1) n ORDER BY r.id, n.number",
    "ANALYZE",
)


def stored_rows(path: Path) -> int:
    if not path.exists():
        return -1
    with sqlite3.connect(path) as db:
        try:
            return int(db.execute("SELECT count(*) FROM recording_tags").fetchone()[0]) // 2
        except sqlite3.Error:
            return -1


def build_stored(path: Path, rows: int) -> None:
    """The stored database: generated recordings and search documents, then the child rows."""
    if stored_rows(path) == rows:
        return
    path.unlink(missing_ok=True)
    started = time.perf_counter()
    generate(path, rows)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA synchronous=OFF")
        for statement in CHILDREN:
            db.execute(statement)
            db.commit()
    print(f"stored database of {rows:,} rows built in {time.perf_counter() - started:.0f} s: {path}")


def timed_load(pages: list[bytes], path: Path, copy_from: Path | None) -> tuple[int, float]:
    if copy_from is None:
        engine = fresh_engine(path)
    else:
        shutil.copyfile(copy_from, path)  # each round writes into its own copy of the stored database
        engine = create_engine_for(f"sqlite:///{path}")
    started = time.perf_counter()
    sessions = load_with_product(pages, engine)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return sessions, elapsed


# ---- which index each query plan uses ----------------------------------------------------------------


def secondary_indexes(db: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(index, table, columns) of the tables a sync writes; the UNIQUE constraint's own index included."""
    out = []
    for table in TABLES:
        for _, name, *_ in db.execute(f"PRAGMA index_list({table})"):
            columns = ", ".join(str(row[2]) for row in db.execute(f"PRAGMA index_info({name})"))
            out.append((name, table, columns))
    return out


def app_queries(engine: sa.Engine, pages: list[bytes]) -> dict[str, Callable[[sa.Connection], Any]]:
    """The app's typical reads and the sync's writes, each a label and what runs it."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT count(*) FROM recordings").scalar_one()
        some_id = conn.exec_driver_sql("SELECT session_id FROM recordings WHERE id = 4242").scalar_one()
    out: dict[str, Callable[[sa.Connection], Any]] = {}
    searches = {name: queries[0] for name, queries in scenarios(1, rows).items()}
    searches |= {
        "DNIS part (all time)": RecordingQuery(dnis="4567", limit=100),
        "tag (all time)": RecordingQuery(tags=("TrackActive",), limit=100),
        "state errors (all time)": RecordingQuery(state="CLOSED_ERROR", limit=100),
        "session id": RecordingQuery(session_id=some_id, limit=100),
    }
    for name, query in searches.items():
        out[f"search: {name}"] = lambda conn, q=query: (search_recordings(conn, q), count_recordings(conn, q))
    out["recording details"] = lambda conn: get_recording(conn, some_id)
    out["directory: sample calls"] = lambda conn: sample_calls(conn, DialPlan())
    out["directory: re-link agents"] = lambda conn: relink_recordings(conn)  # after an agents import
    out["sync: open sessions"] = lambda conn: state.open_sessions(conn, 100)
    out["sync: stored starts"] = lambda conn: state.stored_starts(conn, [some_id, "nope"])
    out["sync: count stored (reconcile)"] = lambda conn: state.count_stored(conn, 0, 1_800_000_000_000)
    out["sync: is stored (reconcile)"] = lambda conn: state.is_stored(conn, some_id, 0, 1_800_000_000_000)
    out["sync: page upsert, new"] = lambda conn: load_with_product(pages[-1:], conn.engine)
    out["sync: page upsert, again"] = lambda conn: load_with_product(pages[-1:], conn.engine)
    changed = pages[-1].replace(b'"Cisco-CUCM"', b'"Cisco-CUCM 15"')  # every session of the page changed
    out["sync: page upsert, changed"] = lambda conn: load_with_product([changed], conn.engine)
    return out


def plans(path: Path, pages: list[bytes]) -> dict[str, set[str]]:
    """Label -> the indexes its statements' plans name (run on `path`, which it writes to)."""
    engine = create_engine_for(f"sqlite:///{path}")
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        captured.append((statement, parameters[0] if executemany and parameters else parameters))

    sa.event.listen(engine, "before_cursor_execute", capture)
    used: dict[str, set[str]] = {}
    raw = sqlite3.connect(path)
    for label, run in app_queries(engine, pages).items():
        captured.clear()
        with engine.connect() as conn:
            run(conn)
        seen: set[str] = set()
        for statement, parameters in captured:
            if not re.match(r"\s*(SELECT|UPDATE|DELETE|INSERT|WITH)", statement, re.I):
                continue
            for row in raw.execute("EXPLAIN QUERY PLAN " + statement, parameters or ()):
                seen.update(re.findall(r"USING (?:COVERING )?INDEX (\w+)", row[3]))
                if "USING INTEGER PRIMARY KEY" in row[3] or "USING ROWID" in row[3]:
                    seen.add("(primary key)")
        used[label] = seen
    raw.close()
    engine.dispose()
    return used


def print_index_use(path: Path, pages: list[bytes]) -> None:
    used = plans(path, pages)
    with sqlite3.connect(path) as db:
        indexes = secondary_indexes(db)
    print("\nqueries and the indexes their plans use:")
    for label, names in used.items():
        print(f"  {label:36} {', '.join(sorted(names)) or '(full scan)'}")
    print("\nsecondary indexes and the queries that use them:")
    for name, table, columns in indexes:
        users = [label for label, names in used.items() if name in names]
        print(f"  {name:40} {table}({columns}): {'; '.join(users) or 'UNUSED by these plans'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_page_options(parser, sessions=50_000)
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="the stored database, built once and reused")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qms-bench-growth-"))
    stored = args.db or work / "stored.sqlite3"
    build_stored(stored, args.stored)
    pages = saved_pages(args, work)
    empty_rates, full_rates, ratios = [], [], []
    for number in range(args.repeat):
        n_empty, s_empty = timed_load(pages, work / "empty.sqlite3", None)
        n_full, s_full = timed_load(pages, work / "full.sqlite3", stored)
        empty_rates.append(n_empty / s_empty)
        full_rates.append(n_full / s_full)
        ratios.append(s_full / n_full / (s_empty / n_empty))
        print(f"round {number + 1}: empty {n_empty} in {s_empty:.2f} s = {n_empty / s_empty:,.0f}/s "
              f"({s_empty / n_empty * 1e6:.0f} µs a session); with {args.stored:,} stored {n_full} in {s_full:.2f} s "
              f"= {n_full / s_full:,.0f}/s ({s_full / n_full * 1e6:.0f} µs); cost ratio {ratios[-1]:.2f}×")  # fmt: skip
    print(f"\nempty database: {min(empty_rates):,.0f}–{max(empty_rates):,.0f} sessions/s")
    print(f"{args.stored:,} stored:   {min(full_rates):,.0f}–{max(full_rates):,.0f} sessions/s")
    print(f"cost per session, stored / empty: {min(ratios):.2f}–{max(ratios):.2f}× (target ≤ 1.2×)")
    print_index_use(work / "full.sqlite3", pages)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
