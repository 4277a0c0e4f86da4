"""How long do 10,000 HTTP log lines take through the integration log, and paging them back?

Run: .venv/bin/python tests/benchmarks/bench_integration_log.py [--entries 10000]

CPU time of this thread: logging is synchronous, so that is what the caller pays. The baseline in
the same run sends the same records through a stdlib FileHandler with the JSON formatter's work
left out: the cost of Python logging itself, which masking, the ring buffer and JSON lines add to.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.integration_log import setup_integration_log, shutdown_integration_log


def emit(logger: logging.Logger, count: int) -> float:
    began = time.thread_time()
    for i in range(count):
        logger.info(
            "GET %s -> %d",
            "/ora/queryService/query/sessions",
            200,
            extra={"request_id": f"r{i}", "status": 200, "duration_ms": 3.2},
        )
    return time.thread_time() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plain = logging.getLogger("bench.plain")
        plain.propagate = False
        plain.setLevel(logging.INFO)
        handler = logging.FileHandler(Path(folder) / "plain.log")
        plain.addHandler(handler)
        base = emit(plain, args.entries)
        handler.close()

        log = setup_integration_log(Path(folder) / "logs")
        logging.getLogger("qms").propagate = False
        try:
            ours = emit(logging.getLogger("qms.http"), args.entries)
            began = time.thread_time()
            paged, cursor = 0, None
            while True:
                page = log.query(cursor=cursor, limit=500)
                paged += len(page.entries)
                if page.next_cursor is None:
                    break
                cursor = page.next_cursor
            paging = time.thread_time() - began
        finally:
            shutdown_integration_log()
    assert paged == args.entries, paged
    print(f"{'step':<34} {'CPU s':>7} {'ratio to baseline':>18}")
    print(f"{'baseline: stdlib FileHandler':<34} {base:>7.3f} {1:>17.1f}x")
    print(f"{'integration log (mask, ring, file)':<34} {ours:>7.3f} {ours / base:>17.1f}x")
    print(f"{'paging all of them back, 500 a page':<34} {paging:>7.3f} {paging / base:>17.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
