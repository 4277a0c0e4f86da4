"""What does the audit trail's hash chain cost: appending entries, and verifying the whole trail?

Run: .venv/bin/python tests/benchmarks/bench_audit.py [--rows 5000] [--verify-rows 100000] [--url URL]

Appending: `--rows` audit entries, one transaction each (as the use cases write them), through
`audit.record` (read the head, hash, insert; on PostgreSQL also the chain's advisory lock) against
the same entries inserted plainly into a table of the same shape without the chain: the baseline.
Verifying: `--verify-rows` entries written in bulk, then `audit_chain.verify` over all of them.
The database: a fresh SQLite file, or `--url` (e.g. an empty PostgreSQL database).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.security import audit, audit_chain
from qms_desktop.store import create_engine_for, upgrade
from qms_desktop.store.engine import begin_write

PLAIN = sa.Table(
    "bench_audit_plain",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *(sa.Column(name, sa.BigInteger if name == "at_ms" else sa.Text) for name in audit_chain.HASHED_FIELDS),
)


def fields(n: int) -> dict[str, object]:
    return {
        "at_ms": 1_700_000_000_000 + n,
        "actor": "alice",
        "action": audit.PLAYBACK_START,
        "target": f"session-{n}",
        "detail": {"track": 0, "range": f"bytes={n}-"},
        "from_where": "bench/pid1",
        "outcome": audit.OK,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--verify-rows", type=int, default=100_000)
    parser.add_argument("--url", help="an empty database to use instead of a fresh SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine_for(args.url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        upgrade(engine)
        PLAIN.create(engine, checkfirst=True)

        began = time.perf_counter()
        for n in range(args.rows):
            with begin_write(engine) as conn:
                row = fields(n)
                row["detail"] = json.dumps(row["detail"], sort_keys=True)
                conn.execute(PLAIN.insert().values(**row))
        plain_s = time.perf_counter() - began

        began = time.perf_counter()
        for n in range(args.rows):
            row = fields(n)
            with begin_write(engine) as conn:
                audit.record(conn, str(row.pop("action")), **row)  # type: ignore[arg-type]
        chained_s = time.perf_counter() - began

        bulk = max(0, args.verify_rows - args.rows)
        with begin_write(engine) as conn:  # one transaction: the setup, not what is measured
            for n in range(bulk):
                row = fields(args.rows + n)
                audit.record(conn, str(row.pop("action")), **row)  # type: ignore[arg-type]
        began = time.perf_counter()
        with engine.connect() as conn:
            report = audit_chain.verify(conn)
        verify_s = time.perf_counter() - began
        PLAIN.drop(engine)
        engine.dispose()

    assert report.intact, report
    print(f"database: {engine.dialect.name}")
    print(f"append {args.rows} entries, one transaction each:")
    print(f"  plain insert (baseline) {plain_s:6.2f} s  {plain_s / args.rows * 1e3:6.3f} ms/entry")
    print(f"  chained audit.record    {chained_s:6.2f} s  {chained_s / args.rows * 1e3:6.3f} ms/entry")
    print(f"  ratio chained/plain     {chained_s / plain_s:6.2f}x")
    print(f"verify {report.checked} entries: {verify_s:.2f} s ({report.checked / verify_s:,.0f} entries/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
