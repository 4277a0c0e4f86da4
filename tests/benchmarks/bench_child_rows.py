"""What the child tables cost a first load: a row a track, participant and tag against JSON in the recording.

    .venv/bin/python tests/benchmarks/bench_child_rows.py [--sessions 50000] [--repeat 3] [--pages DIR]
        [--database sqlite|postgres]

A design measurement for the store's schema, which keeps a row a track, participant and tag (about
six a session). Each variant loads the simulator's saved getSessions pages into a fresh database of
the product's schema in one transaction, as `bench_sync.py`'s ceiling of every row the product stores
does (`json.loads` + tuples + one `executemany` or COPY per table, search document and numbers
included):

- child rows (the baseline): the schema as it is;
- tracks and tags as JSON: two text columns added to the fresh `recordings`, each holding the
  session's tracks (or tags) as a JSON array of the same tuples; no rows in those two tables;
- all three as JSON: the participants too.

The variants alternate; it prints each one's rates (min–max), for a PostgreSQL server on this machine
its CPU a session, and the ratio to the baseline. What it leaves out: the reads that would have to
follow (tag filter, details, re-link, tag events), measured by none of this.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saved_pages import PAGE, add_page_options, fresh_engine, saved_pages
from bench_sync import STORED_TABLES, Rows, drop_postgres, fresh_postgres, local_postgres_cpu_s, run_same_rows_ceiling
from sqlalchemy import Engine

VARIANTS: dict[str, tuple[str, ...]] = {
    "child rows": (),
    "tracks and tags as JSON": ("recording_tracks", "recording_tags"),
    "all three as JSON": ("recording_tracks", "recording_tags", "recording_participants"),
}


def folded(rows: Rows, tables: tuple[str, ...]) -> Rows:
    """`rows` with each of `tables`' rows moved into its recording's row, a JSON array a table (in
    `tables`' order, after the recording's columns), and those tables left empty."""
    if not tables:
        return rows
    by_recording: dict[str, dict[object, list[tuple[object, ...]]]] = {table: {} for table in tables}
    for table in tables:
        for row in rows[table]:
            by_recording[table].setdefault(row[0], []).append(row[1:])
    recordings = [
        (*row, *(orjson.dumps(by_recording[table].get(row[0], ())).decode() for table in tables))
        for row in rows["recordings"]
    ]
    return {**rows, "recordings": recordings, **{table: [] for table in tables}}


def load(pages: list[bytes], engine: Engine, tables: tuple[str, ...]) -> tuple[int, float, float | None]:
    """(sessions, seconds, the local PostgreSQL server's CPU seconds or None) of one variant's load."""
    with engine.begin() as conn:  # not timed: the fresh schema given the variant's columns
        for table in tables:
            conn.exec_driver_sql(f"ALTER TABLE recordings ADD COLUMN {table}_json TEXT")
    columns = {
        "recordings": (*STORED_TABLES["recordings"], *(f"{table}_json" for table in tables)),
        **{table: names for table, names in STORED_TABLES.items() if table != "recordings" and table not in tables},
    }
    server_before = local_postgres_cpu_s() if engine.dialect.name == "postgresql" else None
    sessions, elapsed, _ = run_same_rows_ceiling(pages, engine, columns, lambda rows: folded(rows, tables))
    server_after = local_postgres_cpu_s() if server_before is not None else None
    server = server_after - server_before if server_after is not None and server_before is not None else None
    return sessions, elapsed, server


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_page_options(parser, sessions=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="qms-bench-child-rows-"))
    pages = saved_pages(args, work)
    rates: dict[str, list[float]] = {name: [] for name in VARIANTS}
    server_us: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(args.repeat):
        for index, (name, tables) in enumerate(VARIANTS.items()):
            schema = f"bench_child_rows_{index}"
            if args.database == "postgres":
                drop_postgres(schema)
            engine = fresh_postgres(schema) if args.database == "postgres" else fresh_engine(work / f"{index}.sqlite3")
            sessions, elapsed, server = load(pages, engine, tables)
            engine.dispose()
            if args.database == "postgres":
                drop_postgres(schema)
            rates[name].append(sessions / elapsed)
            if server is not None:
                server_us[name].append(server / sessions * 1e6)

    print(f"{len(pages)} pages of {PAGE} sessions into a fresh {args.database} database, {args.repeat} rounds:")
    print_rounds(rates, server_us, "child rows")
    return 0


def print_rounds(rates: dict[str, list[float]], server_us: dict[str, list[float]], baseline: str) -> None:
    """Each variant's rates (min–max), the server's CPU a session where measured, and its ratio to
    `baseline`'s rate in the same round."""
    for name, measured in rates.items():
        line = f"  {name}: {min(measured):,.0f}–{max(measured):,.0f} sessions/s"
        if server_us[name]:
            line += f", the server's CPU {min(server_us[name]):.0f}–{max(server_us[name]):.0f} µs a session"
        if name != baseline:
            ratios = [mine / theirs for mine, theirs in zip(measured, rates[baseline], strict=True)]
            line += f"; / {baseline}, round by round: {min(ratios):.2f}–{max(ratios):.2f}x"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
