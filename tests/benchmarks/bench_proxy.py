"""Benchmark: the playback proxy against fetching straight from the simulator, in one run.

    .venv/bin/python tests/benchmarks/bench_proxy.py [--seeks 100]

Prints time to first byte and throughput (proxy / direct ratios), ranged-request latency p50/p95,
and the process's RSS while the proxy streams the longest recording (~170 MB, a 90-minute call):
it must stay flat (the proxy buffers one 64 KiB chunk per connection). The simulator runs in the
same process, so the RSS covers both; what matters is that it does not grow with the bytes served.
Not collected by pytest (tests/benchmarks is excluded).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import ssl
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import trustme

from qms_desktop.domain.sessions import SessionRecord, SessionState
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.tls import TlsSettings
from qms_desktop.playback import PlaybackProxy
from qms_desktop.security import Principal, Role
from qms_desktop.simulator import SimulatorConfig, start_simulator

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere
from tests.playback.helpers import fetch_records


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class RssSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[float] = []
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(0.05):
            self.samples.append(rss_mb())

    def stop(self) -> list[float]:
        self._halt.set()
        self.join()
        return self.samples


async def direct_full(config: ClientConfig, url: str) -> tuple[float, float, int]:
    async with MediaSenseClient(config) as client:
        await client.login()
        started = time.perf_counter()
        response = await client.open_media(url)
        first = None
        size = 0
        async for chunk in response.aiter_bytes(64 * 1024):
            if first is None:
                first = time.perf_counter() - started
            size += len(chunk)
        await response.aclose()
        return first or 0.0, time.perf_counter() - started, size


async def direct_ranges(config: ClientConfig, url: str, offsets: list[int]) -> list[float]:
    out = []
    async with MediaSenseClient(config) as client:
        await client.login()
        for offset in offsets:
            started = time.perf_counter()
            response = await client.open_media(url, byte_range=f"bytes={offset}-{offset + 65535}")
            async for _ in response.aiter_bytes():
                pass
            await response.aclose()
            out.append(time.perf_counter() - started)
    return out


def proxy_full(url: str) -> tuple[float, float, int]:
    with httpx.Client(timeout=120) as client:
        started = time.perf_counter()
        first = None
        size = 0
        with client.stream("GET", url) as response:
            for chunk in response.iter_raw(64 * 1024):
                if first is None:
                    first = time.perf_counter() - started
                size += len(chunk)
        return first or 0.0, time.perf_counter() - started, size


def proxy_ranges(url: str, offsets: list[int]) -> list[float]:
    out = []
    with httpx.Client(timeout=60) as client:
        for offset in offsets:
            started = time.perf_counter()
            r = client.get(url, headers={"Range": f"bytes={offset}-{offset + 65535}"})
            assert r.status_code == 206, r.status_code
            out.append(time.perf_counter() - started)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeks", type=int, default=100)
    parser.add_argument("--ignore-range", action="store_true", help="simulate a MediaSense that ignores Range")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="qms-bench-"))
    ca = trustme.CA()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    ca.cert_pem.write_to_path(str(tmp / "ca.pem"))
    sim = start_simulator(
        SimulatorConfig(
            profile="cisco", sessions_per_day=300, days=3, seed=3, username="bench", password="bench-pass",
            ssl_context=ctx, cert_dir=tmp, ignore_range=args.ignore_range,
        )
    )  # fmt: skip
    config = ClientConfig(urls=(sim.api_url,), username="bench", password="bench-pass",
                          tls=TlsSettings(ca_file=str(tmp / "ca.pem")), media_timeout=300)  # fmt: skip
    records = fetch_records(sim, config)
    closed = [r for r in records if r.state is SessionState.CLOSED_NORMAL and not r.pruned and r.urls.wav]
    record: SessionRecord = max(closed, key=lambda r: r.duration_ms or 0)
    url = record.urls.wav or ""
    print(f"recording {record.session_id}: {(record.duration_ms or 0) / 60000:.1f} min")

    d_ttfb, d_total, size = asyncio.run(direct_full(config, url))
    proxy = PlaybackProxy(client_config=config).start()
    ticket = proxy.register(Principal("bench", Role.ADMIN), record)
    httpx.head(ticket.url)  # learn the size first, as the player does before setSource
    rss_before = rss_mb()
    sampler = RssSampler()
    sampler.start()
    p_ttfb, p_total, p_size = proxy_full(ticket.url)
    samples = sampler.stop()
    assert p_size == size, (p_size, size)

    rng = random.Random(1)
    offsets = [rng.randrange(0, size - 65536) for _ in range(args.seeks)]
    d_lat = asyncio.run(direct_ranges(config, url, offsets))
    p_lat = proxy_ranges(ticket.url, offsets)
    proxy.release(ticket.token)
    proxy.stop()
    sim.stop()

    mb = size / 1e6
    print(f"size                {mb:8.1f} MB  (upstream {'ignores' if args.ignore_range else 'honours'} Range)")
    print(f"TTFB direct/proxy   {d_ttfb * 1000:8.1f} ms / {p_ttfb * 1000:.1f} ms  (ratio {p_ttfb / d_ttfb:.2f})")
    print(f"throughput d/p      {mb / d_total:8.1f} MB/s / {mb / p_total:.1f} MB/s  (ratio {d_total / p_total:.2f})")
    print(f"range 64K direct    p50 {pct(d_lat, 0.5):6.1f} ms  p95 {pct(d_lat, 0.95):6.1f} ms")
    print(f"range 64K proxy     p50 {pct(p_lat, 0.5):6.1f} ms  p95 {pct(p_lat, 0.95):6.1f} ms")
    print(
        f"RSS while streaming {rss_before:8.1f} MB before, max {max(samples):.1f} MB, "
        f"end {samples[-1]:.1f} MB (growth {max(samples) - rss_before:+.1f} MB for {mb:.0f} MB served)"
    )


if __name__ == "__main__":
    main()
