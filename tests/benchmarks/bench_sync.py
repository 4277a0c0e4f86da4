"""Sync throughput: the whole pipeline against the bare minimum on the same pages, in one run.

    .venv/bin/python tests/benchmarks/bench_sync.py [--sessions 100000] [--database sqlite|postgres]

The simulator (cisco profile, HTTPS) runs in its own process, as MediaSense would, so its JSON
rendering does not compete with the client for the interpreter.

Pipeline: client (HTTP, JSON, normalization) → directory enrichment → upsert + search index +
checkpoint per page → a fresh database (a SQLite file, or a new schema on the PostgreSQL server of
QMS_TEST_POSTGRES_URL with `--database postgres`), limits lifted (1000 rows a page, no page cap).
Re-run: the checkpoint forgotten, the same window read again into the same database: every session
is unchanged (the common case of the overlap and of the reconciliation).
Each run prints the CPU a session of this process, its writer process, the simulator and, for a
PostgreSQL server on this machine, the server's processes: on two cores they all share the machine.
Ceiling: the same pages fetched beforehand, then only `json.loads` + row tuples + one `executemany`
per table into the same schema of a fresh SQLite file, in one transaction. It writes a few columns
of the recordings, tracks and participants: about a seventh of what the product stores (each run
prints both sizes).
Ceiling of every row the product stores: the same, but with every column and table the product
writes (the session's JSON, the tags, the search document, numbers and words), into the database
the run uses (on PostgreSQL one COPY per table). The ratio to it says what the product adds on top
of storing the same data; the product spreads its work over two processes, this ceiling runs in one.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import resource
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import orjson
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.domain.sessions import SessionFilters
from qms_desktop.domain.time import TimeWindow, from_ms, to_ms
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.dialects import QUERY_BY_NAME
from qms_desktop.mediasense.tls import TlsSettings
from qms_desktop.store.engine import create_engine_for, upgrade
from qms_desktop.store.recordings import CONTENT_COLUMNS
from qms_desktop.store.schema import metadata
from qms_desktop.store.sync_state import reset_state
from qms_desktop.sync.engine import SyncEngine
from qms_desktop.sync.settings import SyncSettings
from qms_desktop.sync.windows import DAY_MS, floor_day

PAGE = 1000
USER, PASSWORD = "bench", "bench-pass"


POSTGRES_URL = os.environ.get("QMS_TEST_POSTGRES_URL") or "postgresql+psycopg://root@127.0.0.1:5432/test"


def fresh_engine(folder: Path, name: str):
    engine = create_engine_for(f"sqlite:///{folder / name}")
    upgrade(engine)
    return engine


def fresh_postgres(schema: str):
    """A new schema on the PostgreSQL server, migrated; dropped by `drop_postgres`."""
    admin_engine = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    admin_engine.dispose()
    separator = "&" if "?" in POSTGRES_URL else "?"
    engine = create_engine_for(f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}")
    upgrade(engine)
    return engine


def drop_postgres(schema: str) -> None:
    admin_engine = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    admin_engine.dispose()


def start_simulator(sessions: int, folder: Path) -> tuple[subprocess.Popen[str], dict]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "qms_desktop", "simulator", "--port", "0", "--media-port", "0",
         "--sessions-per-day", str(sessions), "--days", "1", "--seed", "3", "--user", USER,
         "--password", PASSWORD, "--cert-dir", str(folder / "cert"), "--json"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "QMS_HOME": str(folder / "sim-home")},
    )  # fmt: skip
    assert proc.stdout is not None
    info = json.loads(proc.stdout.readline())
    return proc, info


def admin(info: dict, ctx: ssl.SSLContext, path: str, **body: object) -> dict:
    with httpx.Client(verify=ctx) as http:
        if body:
            return http.post(info["api_url"] + path, json=body).json()
        return http.get(info["api_url"] + path).json()


def _proc_stat(pid: int | str) -> tuple[str, list[str]] | None:
    """(command name, the fields after it) of a process's /proc stat; None where it cannot be read."""
    try:
        name, rest = Path(f"/proc/{pid}/stat").read_text().split("(", 1)[1].rsplit(")", 1)
    except OSError:
        return None
    return name, rest.split()


def _cpu_s(fields: list[str], *, with_children: bool = False) -> float:
    """User + system CPU seconds of a stat's fields; with the ended children it waited for."""
    return sum(int(v) for v in fields[11 : 15 if with_children else 13]) / os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) of another process so far; None where /proc is not there."""
    stat = _proc_stat(pid)
    return _cpu_s(stat[1]) if stat is not None else None


def local_postgres_cpu_s() -> float | None:
    """CPU seconds of the PostgreSQL server's processes on this machine so far (its backends, and
    through the postmaster those that have ended); None where /proc shows no server."""
    stats = [_proc_stat(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    servers = [fields for name, fields in filter(None, stats) if name == "postgres"]
    return sum(_cpu_s(fields, with_children=True) for fields in servers) if servers else None


def children_cpu_s() -> float:
    """CPU seconds of this process's children that have ended (the sync's writer process)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def run_pipeline(
    info: dict,
    engine: sa.Engine,
    now_ms: int,
    simulator_pid: int | None = None,
    write_process_after: int = SyncSettings().write_process_after,
) -> tuple[int, int, float]:
    """One sync run: (sessions created, sessions skipped as unchanged, seconds). Prints the client's
    CPU per session (what the product costs, whatever the simulator's share of the machine: this
    process and its writer process) and, given its pid, the simulator's (what answering cost
    MediaSense's stand-in)."""
    tls = TlsSettings(pinned_sha256=(info["fingerprint_sha256"],))
    client = MediaSenseClient(ClientConfig(urls=(info["api_url"],), username=USER, password=PASSWORD, tls=tls))
    settings = SyncSettings(page_size=PAGE, max_pages=1_000_000, backfill_days=1, safety_delay_s=0,
                            write_process_after=write_process_after)  # fmt: skip
    sync = SyncEngine(engine, client, settings, now=lambda: datetime.fromtimestamp(now_ms / 1000, UTC))
    simulator_before = process_cpu_s(simulator_pid) if simulator_pid is not None else None
    postgres_before = local_postgres_cpu_s() if engine.dialect.name == "postgresql" else None
    started, cpu, writer_cpu = time.perf_counter(), time.process_time(), children_cpu_s()
    result = await sync.run("benchmark")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    writer_cpu = children_cpu_s() - writer_cpu  # the run's writer process, joined at its end
    simulator_after = process_cpu_s(simulator_pid) if simulator_pid is not None else None
    postgres_after = local_postgres_cpu_s() if postgres_before is not None else None
    sync.close()
    await client.aclose()
    assert result.status == "SUCCESS", result.error
    fetched = result.counts.fetched
    print(f"  {fetched} sessions read: this process's CPU {cpu:.2f} s = {cpu / fetched * 1e6:.0f} µs a session")
    machine_cpu = cpu + writer_cpu
    if writer_cpu:
        print(f"  its writer process's CPU {writer_cpu:.2f} s = {writer_cpu / fetched * 1e6:.0f} µs a session")
    if simulator_before is not None and simulator_after is not None:
        used = simulator_after - simulator_before
        machine_cpu += used
        print(f"  the simulator's CPU {used:.2f} s = {used / fetched * 1e6:.0f} µs a session")
    if postgres_before is not None and postgres_after is not None:  # a server on this machine shares its cores
        used = postgres_after - postgres_before
        machine_cpu += used
        print(f"  the PostgreSQL server's CPU {used:.2f} s = {used / fetched * 1e6:.0f} µs a session")
    # The bound the machine itself sets: its cores, all busy, at what every process above costs a session.
    cores = len(os.sched_getaffinity(0))
    print(f"  all of them {machine_cpu / fetched * 1e6:.0f} µs a session: at that cost, this machine's {cores} "
          f"cores hold at most {cores * fetched / machine_cpu:,.0f} sessions/s")  # fmt: skip
    # What bounds the rate: the run waiting for the next page (the simulator, or the network) or for
    # the pages before it to commit (the database).
    print(f"  the run waited {result.waited_for_mediasense_s:.2f} s for the simulator's pages and "
          f"{result.waited_for_database_s:.2f} s for the database, of {elapsed:.2f} s")  # fmt: skip
    return result.counts.created, result.counts.skipped, elapsed


def frozen_day(info: dict) -> tuple[ssl.SSLContext, int, TimeWindow]:
    """Trust the simulator's certificate and freeze its clock at its anchor: (TLS context, now in ms,
    the day before now up to now, the window a benchmark reads)."""
    ctx = ssl.create_default_context(cafile=info["cert_path"])
    ctx.check_hostname = False
    now_ms = info["anchor_ms"]
    admin(info, ctx, "/__sim/clock", set=now_ms, freeze=True)
    window = TimeWindow(from_ms(floor_day(now_ms) - DAY_MS), from_ms(now_ms))
    return ctx, now_ms, window


def fetch_pages(info: dict, ctx: ssl.SSLContext, window: TimeWindow) -> list[bytes]:
    """The same getSessions pages the pipeline reads, fetched once up front (not timed)."""
    dialect = QUERY_BY_NAME["cisco"]
    pages: list[bytes] = []
    with httpx.Client(verify=ctx, timeout=120) as http:
        login = http.post(
            info["api_url"] + "/ora/authenticationService/authentication/signIn",
            json={"requestParameters": {"username": USER, "password": PASSWORD}},
        )
        cookies = {"JSESSIONID": login.cookies["JSESSIONID"]}
        offset = 0
        while True:
            body = dialect.build(window, SessionFilters(), offset, PAGE).json
            response = http.post(info["api_url"] + dialect.path, json=body, cookies=cookies)
            data = response.json()
            if data.get("responseCode") == 2001 or not data["responseBody"]["sessions"]:
                return pages
            pages.append(response.content)
            offset += PAGE


def stored_mb(cursor: Any) -> float:
    """The size of the SQLite database the cursor writes to, its WAL's pages included."""
    (count,) = cursor.execute("PRAGMA page_count").fetchone()
    (size,) = cursor.execute("PRAGMA page_size").fetchone()
    return count * size / 1e6


def run_ceiling(pages: list[bytes], folder: Path) -> tuple[int, float, float]:
    engine = fresh_engine(folder, "ceiling.sqlite3")
    raw = engine.raw_connection()
    cursor = raw.cursor()
    started = time.perf_counter()
    cursor.execute("BEGIN")  # the engine's connections run in autocommit mode: one transaction here
    recordings, tracks, participants = [], [], []
    next_id = 1
    for content in pages:
        for s in json.loads(content)["responseBody"]["sessions"]:
            rid = next_id
            next_id += 1
            recordings.append((rid, s["sessionId"], s["sessionStartDate"], s.get("sessionDuration"), s["sessionState"]))
            for t in s.get("tracks", ()):
                tracks.append((rid, t["trackNumber"], t.get("codec")))
                for p in t.get("participants", ()):
                    participants.append((rid, t["trackNumber"], p.get("deviceRef")))
    cursor.executemany(
        "INSERT INTO recordings (id, session_id, start_ms, duration_ms, state, state_rank, pruned, fetched_at_ms,"
        " first_synced_at_ms, synced_at_ms) VALUES (?, ?, ?, ?, ?, 2, 0, 0, 0, 0)",
        recordings,
    )
    cursor.executemany("INSERT INTO recording_tracks (recording_id, number, codec) VALUES (?, ?, ?)", tracks)
    cursor.executemany(
        "INSERT INTO recording_participants (recording_id, track_number, device_ref) VALUES (?, ?, ?)", participants
    )
    raw.commit()
    elapsed = time.perf_counter() - started
    size = stored_mb(cursor)
    raw.close()
    return len(recordings), elapsed, size


def _text(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


_RECORDING_COLUMNS = (
    "id", "session_id", "recording_id", "start_ms", "end_ms", "duration_ms", "state", "state_rank", "agent_id",
    "agent_name", "team_code", "direction", "ani", "dnis", "csq", "wrap_up_reason", "codec", "wav_url",
    "mp4_url", "http_url", "rtsp_url", "audio_url", "call_controller_ip", "call_controller_type", "ccid",
    "pruned", "dialect", "raw", "content_hash", "fetched_at_ms", "first_synced_at_ms", "synced_at_ms",
)  # fmt: skip
_CHILD_COLUMNS = {
    "recording_tracks": ("recording_id", "number", "media_type", "codec", "start_ms", "duration_ms", "download_url"),
    "recording_participants": ("recording_id", "track_number", "device_ref", "device_id", "role", "name", "xref_ci",
                               "start_ms", "duration_ms", "is_conference"),
    "recording_tags": ("recording_id", "name", "type", "offset_ms", "created_ms", "track_number"),
}  # fmt: skip
STORED_TABLES = {"recordings": _RECORDING_COLUMNS, **_CHILD_COLUMNS}
# The row `same_rows` builds, in the store's order: a change of the store's columns must be made here too.
assert _RECORDING_COLUMNS[1 : len(CONTENT_COLUMNS) + 1] == CONTENT_COLUMNS, "the recordings row changed"
assert all(
    set(columns) == {c.name for c in metadata.tables[table].columns} - ({"id"} if table != "recordings" else set())
    for table, columns in STORED_TABLES.items()
), "a table of the recordings changed"


def same_rows(pages: list[bytes]) -> dict[str, list[tuple[object, ...]]]:
    """What the product stores of these pages, by table, with the least Python: every column of the
    recording (its JSON and a hash of it included), every track, participant and tag, the search
    document ("documents"), the caller/called numbers ("numbers") and the search words ("words").
    No enrichment, lifecycle guard or checkpoint."""
    rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in (*STORED_TABLES, "documents", "numbers")}
    recordings, tracks, participants, tags = (rows[table] for table in STORED_TABLES)
    documents, numbers = rows["documents"], rows["numbers"]
    lettered: set[str] = set()
    rid = 0
    for content in pages:
        for s in json.loads(content)["responseBody"]["sessions"]:
            rid += 1
            text = orjson.dumps(s)
            refs: list[str | None] = []
            codec = None
            for t in s.get("tracks") or ():
                number = t.get("trackNumber")
                codec = codec or _text(t.get("codec"))
                tracks.append((rid, number, t.get("trackMediaType") or "AUDIO", _text(t.get("codec")),
                               t.get("trackStartDate"), t.get("trackDuration"),
                               _text(t.get("downloadUrl"))))  # fmt: skip
                for p in t.get("participants") or ():
                    ref = _text(p.get("deviceRef"))
                    refs.append(ref)
                    participants.append((rid, number, ref, _text(p.get("deviceId")), None, None,
                                         _text(p.get("xRefCi")), p.get("participantStartDate"),
                                         p.get("participantDuration"), bool(p.get("isConference"))))  # fmt: skip
            names = [t["tagName"].strip() for t in s.get("tags") or ()]
            tags.extend(
                (rid, t["tagName"].strip(), t.get("tagType"), t.get("tagOffset"), t.get("tagCreateDate"),
                 t.get("trackNumber"))
                for t in s.get("tags") or ()
            )  # fmt: skip
            ani, dnis = [*refs, None, None][:2]
            urls = s.get("urls") or {}
            start, duration = s["sessionStartDate"], s.get("sessionDuration")
            recordings.append((
                rid, s["sessionId"], None, start, start + (duration or 0), duration, s["sessionState"], 2,
                None, None, None, "inbound", ani, dnis, None, None, codec, _text(urls.get("wavUrl")),
                _text(urls.get("mp4Url")), _text(urls.get("httpUrl")), _text(urls.get("rtspUrl")), None,
                _text(s.get("callControllerIP")), _text(s.get("callControllerType")), _text(s.get("ccid")),
                bool(s.get("pruned")), "cisco", text.decode(), hashlib.blake2b(text, digest_size=16).hexdigest(),
                0, 0, 0,
            ))  # fmt: skip
            document = " ".join(dict.fromkeys(w for v in (ani, dnis, s.get("ccid"), *names, *refs) if v
                                              for w in str(v).casefold().split()))  # fmt: skip
            documents.append((rid, document))
            numbers.append((rid, ani, dnis))
            lettered.update(w for w in document.split() if not w.isdigit())
    rows["words"] = [(w,) for w in sorted(lettered)]
    return rows


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def write_rows(raw: Any, rows: dict[str, list[tuple[object, ...]]], tables: dict[str, tuple[str, ...]]) -> None:
    """`rows` (`same_rows`) into `tables`' columns and the search tables, in the raw connection's open
    transaction: on SQLite one `executemany` per table, on PostgreSQL one COPY per table and the search
    document's lexemes made by the server in one statement, as the product's store does."""
    if isinstance(raw.driver_connection, sqlite3.Connection):
        cursor = raw.cursor()
        for table, columns in tables.items():
            cursor.executemany(_insert(table, columns), rows[table])
        cursor.executemany("INSERT INTO recordings_fts (rowid, document) VALUES (?, ?)", rows["documents"])
        cursor.executemany("INSERT INTO recording_numbers (rowid, ani, dnis) VALUES (?, ?, ?)", rows["numbers"])
        cursor.executemany("INSERT OR IGNORE INTO search_words (word) VALUES (?)", rows["words"])
        return
    with raw.driver_connection.cursor() as pg:
        for table, columns in tables.items():
            with pg.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows[table]:
                    copy.write_row(row)
        ids, docs = zip(*rows["documents"], strict=True)
        pg.execute(
            "INSERT INTO recording_search (recording_id, document) "
            "SELECT id, to_tsvector('simple'::regconfig, doc) FROM unnest(%s::bigint[], %s::text[]) AS d(id, doc)",
            (list(ids), list(docs)),
        )


Rows = dict[str, list[tuple[object, ...]]]


def run_same_rows_ceiling(
    pages: list[bytes],
    engine: sa.Engine,
    tables: dict[str, tuple[str, ...]] = STORED_TABLES,
    reshape: Callable[[Rows], Rows] | None = None,
) -> tuple[int, float, float | None]:
    """The ceiling writing what the product writes (`same_rows`, `write_rows`) in one transaction:
    (sessions, seconds, MB stored on SQLite). `reshape` (timed too) and `tables` let a benchmark
    store the same data another way."""
    raw = engine.raw_connection()
    cursor = raw.cursor()
    started = time.perf_counter()
    if engine.dialect.name == "sqlite":
        cursor.execute("BEGIN")  # the engine's connections run in autocommit mode: one transaction here
    rows = same_rows(pages)
    if reshape is not None:
        rows = reshape(rows)
    write_rows(raw, rows, tables)
    raw.commit()
    elapsed = time.perf_counter() - started
    size = stored_mb(cursor) if engine.dialect.name == "sqlite" else None
    raw.close()
    return len(rows["recordings"]), elapsed, size


def row_counts(engine: sa.Engine) -> dict[str, int]:
    """Rows a sync stores, by table: the two ceilings' runs are compared with the pipeline's by them."""
    search = ("recordings_fts", "recording_numbers") if engine.dialect.name == "sqlite" else ("recording_search",)
    with engine.connect() as conn:
        return {
            table: conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in (*STORED_TABLES, *search)
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    schema = f"bench_sync_{os.getpid()}"
    folder = Path(tempfile.mkdtemp(prefix="qms-bench-sync-"))
    os.environ["QMS_HOME"] = str(folder / "home")
    proc, info = start_simulator(args.sessions, folder)
    try:
        ctx, now_ms, window = frozen_day(info)
        start_ms = to_ms(window.start)
        expected = admin(info, ctx, f"/__sim/count?start={start_ms}&end={now_ms}")["count"]
        engine = fresh_engine(folder, "pipeline.sqlite3") if args.database == "sqlite" else fresh_postgres(schema)
        pipeline_n, _, pipeline_s = asyncio.run(run_pipeline(info, engine, now_ms, proc.pid))
        # The same run with every page written on the run's own writer thread: the one-process baseline.
        single = fresh_engine(folder, "single.sqlite3") if args.database == "sqlite" else fresh_postgres(f"{schema}_1")
        single_n, _, single_s = asyncio.run(run_pipeline(info, single, now_ms, proc.pid, write_process_after=0))
        single.dispose()
        with engine.begin() as conn:
            reset_state(conn)  # forget the checkpoint: the next run reads the same window again
        _, rerun_n, rerun_s = asyncio.run(run_pipeline(info, engine, now_ms, proc.pid))
        pipeline_rows = row_counts(engine)
        pipeline_mb = None
        if args.database == "sqlite":
            connection = engine.raw_connection()
            pipeline_mb = stored_mb(connection.cursor())
            connection.close()
        engine.dispose()
        pages = fetch_pages(info, ctx, window)
        ceiling_n, ceiling_s, ceiling_mb = run_ceiling(pages, folder)
        same = (
            fresh_engine(folder, "ceiling-same.sqlite3") if args.database == "sqlite" else fresh_postgres(f"{schema}_c")
        )
        same_n, same_s, same_mb = run_same_rows_ceiling(pages, same)
        same_rows_match = row_counts(same) == pipeline_rows
        same.dispose()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if args.database == "postgres":
            drop_postgres(schema)
            drop_postgres(f"{schema}_1")
            drop_postgres(f"{schema}_c")
    pipeline_rate, ceiling_rate = pipeline_n / pipeline_s, ceiling_n / ceiling_s
    print(f"simulator ground truth for the window: {expected}")
    stored = f", {pipeline_mb:.0f} MB stored" if pipeline_mb is not None else ""
    print(
        f"pipeline ({args.database}): {pipeline_n} sessions in {pipeline_s:.2f} s = {pipeline_rate:,.0f} sessions/s"
        f"{stored}"
    )
    single_rate = single_n / single_s
    print(
        f"one process (pages on the writer thread): {single_n} sessions in {single_s:.2f} s = "
        f"{single_rate:,.0f} sessions/s; with the writer process / one process: {pipeline_rate / single_rate:.2f}x"
    )
    print(f"re-run, all unchanged: {rerun_n} sessions in {rerun_s:.2f} s = {rerun_n / rerun_s:,.0f} sessions/s")
    print(
        f"ceiling (parse + executemany): {ceiling_n} in {ceiling_s:.2f} s = {ceiling_rate:,.0f} sessions/s, "
        f"{ceiling_mb:.0f} MB stored"
    )
    print(f"pipeline / ceiling: {pipeline_rate / ceiling_rate:.0%}")
    same_rate = same_n / same_s
    same_stored = f", {same_mb:.0f} MB stored" if same_mb is not None else ""
    print(
        f"ceiling ({args.database}), every row the product stores: {same_n} in {same_s:.2f} s = "
        f"{same_rate:,.0f} sessions/s{same_stored}; "
        f"{'the same' if same_rows_match else 'NOT the same'} rows per table as the pipeline {pipeline_rows}"
    )
    print(f"pipeline / that ceiling: {pipeline_rate / same_rate:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
