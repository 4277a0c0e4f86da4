"""How long does the simulator take to generate a day of 100,000 sessions, and a second pass?

Run: .venv/bin/python tests/benchmarks/bench_simulator_data.py [--sessions 100000]

CPU time of this thread (the work is single-threaded), so other load on the machine counts less.
The baseline in the same run builds the same number of plain dicts with random fields: what any
generator has to pay at least.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.simulator.data import Dataset

DAY_MS = 86_400_000
ANCHOR_MS = 1_714_550_400_000  # 2024-05-01T08:00Z


def baseline(count: int) -> float:
    rng = random.Random(3)
    began = time.thread_time()
    rows = [
        {"id": i, "start": rng.randrange(DAY_MS), "duration": rng.randrange(600_000), "ext": rng.randrange(10_000)}
        for i in range(count)
    ]
    assert len(rows) == count
    return time.thread_time() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    args = parser.parse_args()
    data = Dataset(seed=3, sessions_per_day=args.sessions, days=1, anchor_ms=ANCHOR_MS)
    began = time.thread_time()
    calls = data.select(ANCHOR_MS - DAY_MS, ANCHOR_MS, ANCHOR_MS + DAY_MS).calls()
    first = time.thread_time() - began
    began = time.thread_time()
    again = data.select(ANCHOR_MS - DAY_MS, ANCHOR_MS, ANCHOR_MS + DAY_MS).calls()
    second = time.thread_time() - began
    assert len(calls) == len(again) == args.sessions
    base = baseline(args.sessions)
    print(f"{'pass':<22} {'CPU s':>7} {'ratio to baseline':>18}")
    print(f"{'baseline (dicts)':<22} {base:>7.3f} {1:>17.1f}x")
    print(f"{'first day generated':<22} {first:>7.3f} {first / base:>17.1f}x")
    print(f"{'same day again':<22} {second:>7.3f} {second / base:>17.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
