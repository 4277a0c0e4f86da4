"""How long does `agents import` take as the file grows? It must grow linearly.

Run: .venv/bin/python tests/benchmarks/bench_agents_import.py [--sizes 8000 50000 100000]

Each size is imported into a fresh SQLite database (agents and teams; no recordings to re-link). The
baseline in the same run is Python's csv module reading the same text, nothing else.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.app import runtime
from qms_desktop.store.directory import import_agents_csv
from qms_desktop.store.engine import begin_write


def make_csv(rows: int) -> str:
    lines = ["agent_id,name,extension,team"]
    lines += [f"a{i},Agent Number {i},{10000 + i},T{i % 50}" for i in range(rows)]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8000, 50000, 100000])
    args = parser.parse_args()
    print(f"{'rows':>8} {'import s':>9} {'µs/row':>8} {'csv only s':>11} {'ratio':>6}")
    for rows in args.sizes:
        text = make_csv(rows)
        began = time.perf_counter()
        sum(1 for _ in csv.reader(io.StringIO(text)))
        baseline = time.perf_counter() - began
        with tempfile.TemporaryDirectory() as folder:
            engine = runtime.open_database(f"sqlite:///{folder}/bench.sqlite3")
            began = time.perf_counter()
            with begin_write(engine) as conn:
                result = import_agents_csv(conn, text)
            elapsed = time.perf_counter() - began
            engine.dispose()
        assert result.created == rows and not result.errors
        print(f"{rows:>8} {elapsed:>9.2f} {elapsed / rows * 1e6:>8.1f} {baseline:>11.3f} {elapsed / baseline:>6.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
