"""What the reconciliation of late sessions costs: requests and seconds per pass over 24 hours.

    .venv/bin/python tests/benchmarks/bench_reconcile.py [--sessions 40000] [--hours 3]

The simulator (cisco profile, HTTPS, its own process, clock frozen and moved by this script) makes
2 % of the calls visible only 2-90 minutes after they end. After a first sync (yesterday and today so
far) the script syncs every 5 simulated minutes with the live window only; at each full hour, at the
same instant, it measures:

  A  a live-window run (the baseline every 5 minutes costs),
  B  the same run with the hourly reconciliation due: B - A is what one pass over 24 hours costs,
     and B says how many late sessions the pass found;

and at the end, C: the naive alternative, a live window that re-reads the whole 24 hours (overlap
24 h), the cost a full re-read would add every hour. Requests are counted by the simulator.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import ssl
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.tls import TlsSettings
from qms_desktop.store.engine import create_engine_for, upgrade
from qms_desktop.sync.engine import SyncEngine, SyncResult
from qms_desktop.sync.settings import SyncSettings

USER, PASSWORD = "bench", "bench-pass"
LATE = "late_visible_rate=0.02,late_visible_min_s=120,late_visible_max_s=5400,seed=3"


def start_simulator(sessions: int, folder: Path) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "qms_desktop", "simulator", "--port", "0", "--media-port", "0",
         "--sessions-per-day", str(sessions), "--days", "2", "--seed", "3", "--user", USER,
         "--password", PASSWORD, "--cert-dir", str(folder / "cert"), "--faults", LATE, "--json"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "QMS_HOME": str(folder / "sim-home")},
    )  # fmt: skip
    assert proc.stdout is not None
    return proc, json.loads(proc.stdout.readline())


class Bench:
    def __init__(self, info: dict[str, Any], folder: Path) -> None:
        self.info = info
        self.ctx = ssl.create_default_context(cafile=info["cert_path"])
        self.ctx.check_hostname = False
        self.now_ms = info["anchor_ms"]
        self.db = create_engine_for(f"sqlite:///{folder / 'bench.sqlite3'}")
        upgrade(self.db)

    def admin(self, path: str, **body: Any) -> Any:
        with httpx.Client(verify=self.ctx) as http:
            url = self.info["api_url"] + path
            return (http.post(url, json=body) if body else http.get(url)).json()

    def requests(self) -> int:
        return sum(self.admin("/__sim/stats")["requests"].values())

    def advance(self, seconds: float) -> None:
        self.now_ms = self.admin("/__sim/clock", advance=seconds)["now"]

    async def run(self, **settings: Any) -> tuple[SyncResult, int, float]:
        """One sync run at the simulator's instant: (result, requests, seconds)."""
        options: dict[str, Any] = {"backfill_days": 1, "max_pages": 100_000}
        options.update(settings)
        tls = TlsSettings(pinned_sha256=(self.info["fingerprint_sha256"],))
        client = MediaSenseClient(ClientConfig(urls=(self.info["api_url"],), username=USER, password=PASSWORD, tls=tls))
        now = datetime.fromtimestamp(self.now_ms / 1000, UTC)
        sync = SyncEngine(self.db, client, SyncSettings(**options), now=lambda: now)
        before = self.requests()
        started = time.perf_counter()
        try:
            result = await sync.run("benchmark")
        finally:
            elapsed = time.perf_counter() - started
            sync.close()
            await client.aclose()
        assert result.status == "SUCCESS", result.error
        return result, self.requests() - before, elapsed


async def measure(bench: Bench, hours: int) -> None:
    result, requests, seconds = await bench.run()  # yesterday and today so far, then a first pass
    print(f"first sync: {result.counts.created} sessions, {requests} requests, {seconds:.1f} s")
    print()
    print("hour | A live window: requests   s | B with reconciliation: requests   s | B-A: requests   s | late found")
    passes: list[tuple[int, float]] = []
    for hour in range(1, hours + 1):
        for _ in range(12):
            bench.advance(300)
            await bench.run(reconcile_interval_s=0)
        a, a_requests, a_seconds = await bench.run(reconcile_interval_s=0)
        b, b_requests, b_seconds = await bench.run()
        assert b.mode.endswith("+reconcile") and not a.mode.endswith("+reconcile")
        passes.append((b_requests - a_requests, b_seconds - a_seconds))
        print(f"{hour:>4} | {a_requests:>24} {a_seconds:5.2f} | {b_requests:>33} {b_seconds:5.2f} |"
              f" {b_requests - a_requests:>13} {b_seconds - a_seconds:5.2f} | {b.counts.late_found:>10}")  # fmt: skip
    c, c_requests, c_seconds = await bench.run(reconcile_interval_s=0, overlap_s=86_400)
    print()
    mean_requests = sum(p[0] for p in passes) / len(passes)
    mean_seconds = sum(p[1] for p in passes) / len(passes)
    print(f"reconciliation of 24 h (mean of {len(passes)}): {mean_requests:.0f} requests, {mean_seconds:.2f} s")
    print(f"baseline, re-reading 24 h in full (live window with a 24 h overlap): {c_requests} requests,"
          f" {c_seconds:.2f} s, {c.counts.fetched} sessions fetched, {c.counts.created} new")  # fmt: skip
    print("baseline, one live-window run every 5 minutes: see column A (x12 an hour)")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40_000, help="calls a day (20,007 in 12 h: about 40,000)")
    parser.add_argument("--hours", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="qms-bench-reconcile-"))
    os.environ["QMS_HOME"] = str(folder / "home")
    proc, info = start_simulator(args.sessions, folder)
    try:
        bench = Bench(info, folder)
        bench.admin("/__sim/clock", set=bench.now_ms, freeze=True)
        print(f"{args.sessions} calls a day, 2 % visible 2-90 minutes after they end; SQLite; pages of 100")
        asyncio.run(measure(bench, args.hours))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
