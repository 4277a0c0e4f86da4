"""What PostgreSQL's server spends a session on a first load, with the schema's extras taken away in turn.

    .venv/bin/python tests/benchmarks/bench_schema_floor.py [--sessions 100000] [--repeat 2] [--pages DIR]

A design measurement: how far the server's work a session could fall by changing the schema alone.
Each variant loads the simulator's saved getSessions pages into a fresh schema of the product in one
transaction, as `bench_sync.py`'s ceiling of every row the product stores does (`json.loads` +
tuples + one COPY per table + the search documents), after dropping, cumulatively:

- as is: the product's schema;
- without the search indexes: the caller/called-number trigrams and the full-text GIN index;
- without any secondary index: also every B-tree but the primary keys and the session id's;
- and without the child checks: also the triggers that check tracks, participants and tags
  against their recording.

The last is the least a load of these rows can cost the server; no search or filter could use
what it leaves. It prints, per variant, the rate and the server's CPU a session (min–max) and the
ratio to the product's schema round by round. Compare the floor with the budget a sync leaves the
server: `bench_sync.py --database postgres` prints the CPU of each process a session and the rate
the machine's cores hold at their sum.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _saved_pages import PAGE, add_page_options, saved_pages
from bench_child_rows import print_rounds
from bench_sync import STORED_TABLES, drop_postgres, fresh_postgres, local_postgres_cpu_s, run_same_rows_ceiling
from sqlalchemy import Connection

CHILD_TABLES = ("recording_tracks", "recording_participants", "recording_tags")
SEARCH_INDEXES = ("ix_recordings_ani_trgm", "ix_recordings_dnis_trgm", "ix_recording_search_document")
# Every index on a table a sync writes that no upsert needs (primary keys and the session id's stay):
# read from the fresh schema, so an index a later migration adds is dropped too.
_SECONDARY_INDEXES = """
    SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE NOT i.indisunique AND i.indrelid::regclass::text = ANY(%s)
"""
VARIANTS: dict[str, tuple[str, ...]] = {
    "as is": (),
    "without the search indexes": ("search indexes",),
    "without any secondary index": ("secondary indexes",),
    "and without the child checks": ("secondary indexes", "child checks"),
}


def removals(conn: Connection, parts: tuple[str, ...]) -> list[str]:
    """The statements that take a variant's `parts` out of a fresh schema."""
    statements: list[str] = []
    if "search indexes" in parts:
        statements += [f"DROP INDEX {name}" for name in SEARCH_INDEXES]
    if "secondary indexes" in parts:
        tables = [*STORED_TABLES, "recording_search"]
        names = [row[0] for row in conn.exec_driver_sql(_SECONDARY_INDEXES, (tables,))]
        assert set(SEARCH_INDEXES) <= set(names), "the search indexes are no longer secondary indexes"
        statements += [f"DROP INDEX {name}" for name in names]
    if "child checks" in parts:
        statements += [f"DROP TRIGGER {table}_recording_insert ON {table}" for table in CHILD_TABLES]
    return statements


def load(pages: list[bytes], schema: str, parts: tuple[str, ...]) -> tuple[int, float, float]:
    """(sessions, seconds, the server's CPU seconds) of one variant's load into a fresh schema."""
    drop_postgres(schema)
    engine = fresh_postgres(schema)
    try:
        with engine.begin() as conn:  # not timed: the variant's schema
            for statement in removals(conn, parts):
                conn.exec_driver_sql(statement)
        before = local_postgres_cpu_s()
        sessions, elapsed, _ = run_same_rows_ceiling(pages, engine)
        after = local_postgres_cpu_s()
    finally:
        engine.dispose()
        drop_postgres(schema)
    assert before is not None and after is not None
    return sessions, elapsed, after - before


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_page_options(parser, sessions=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if local_postgres_cpu_s() is None:
        print("no PostgreSQL server runs on this machine: its CPU, which this measures, cannot be read")
        return 1

    pages = saved_pages(args, Path(tempfile.mkdtemp(prefix="qms-bench-schema-floor-")))
    rates: dict[str, list[float]] = {name: [] for name in VARIANTS}
    server_us: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(args.repeat):
        for index, (name, parts) in enumerate(VARIANTS.items()):  # alternating: drift hits each alike
            sessions, elapsed, server = load(pages, f"bench_schema_floor_{index}", parts)
            rates[name].append(sessions / elapsed)
            server_us[name].append(server / sessions * 1e6)

    print(f"{len(pages)} pages of {PAGE} sessions into a fresh PostgreSQL schema, {args.repeat} rounds:")
    print_rounds(rates, server_us, "as is")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
