"""Benchmark: the player's waveform for a 10-minute and a 1-hour call, against the same decode alone.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_waveform.py [--minutes 10 60] [--proxy]

The call's audio (the simulator's stereo whole-call WAV, what the playback proxy serves for it) is
rendered once into memory and served over local HTTP in 64 KiB chunks, so the figures are about our
side only. For each call it prints:

- baseline: HTTP read + decode of every sample to float, nothing else (the floor for any analysis);
- waveform: the panel's own worker (`_Fetch`: read, decode, peaks, speech segments, snapshots):
  time to the first snapshot a view can draw, and to the complete waveform; the ratio to the baseline;
- drawing: one paint of the complete waveform at 1280 px (the GUI thread's cost per repaint).

With `--proxy` it also runs the real path once: the simulator over HTTPS, the playback proxy and a
ticket for its longest call, read by the same worker (the simulator synthesizes the audio as it is
read, so this measures the whole chain, not our analysis).

Nothing is written to disk. Not collected by pytest (tests/benchmarks is excluded).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from qms_desktop.playback.waveform import decode, parse_wav_header
from qms_desktop.simulator import audio

KEY = 987654321
CHUNK = 64 * 1024


def serve(bodies: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            data = bodies[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "audio/wav")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            view = memoryview(data)
            try:
                for i in range(0, len(data), CHUNK):
                    self.wfile.write(view[i : i + CHUNK])
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def baseline(url: str) -> tuple[float, float]:
    """(first decoded chunk, everything decoded) in seconds."""
    started = time.perf_counter()
    first = None
    head = b""
    fmt = None
    rest = b""
    with urllib.request.urlopen(url) as response:
        while chunk := response.read(CHUNK):
            if fmt is None:
                head += chunk
                parsed = parse_wav_header(head)
                if parsed is None:
                    continue
                fmt, offset = parsed
                chunk, head = head[offset:], b""
            buffer = rest + chunk
            usable = len(buffer) - len(buffer) % fmt.frame_bytes
            decode(fmt, buffer[:usable])
            rest = buffer[usable:]
            if first is None:
                first = time.perf_counter() - started
    return first or 0.0, time.perf_counter() - started


def with_waveform(url: str) -> tuple[float, float, int]:
    """(first snapshot, complete waveform, snapshots published) in seconds, with the panel's worker."""
    from qms_desktop.ui.widgets.waveform import _Fetch

    started = time.perf_counter()
    fetch = _Fetch(url)
    first = None
    seen = None
    snapshots = 0
    while True:
        snapshot, error = fetch.latest()
        assert error is None, error
        if snapshot is not None and snapshot is not seen:
            seen = snapshot
            snapshots += 1
            if first is None:
                first = time.perf_counter() - started
            if snapshot.complete:
                return first, time.perf_counter() - started, snapshots
        time.sleep(0.001)


def paint_ms(url: str) -> float:
    from qms_desktop.ui.qt import QApplication
    from qms_desktop.ui.widgets.waveform import WaveformView, _Fetch

    app = QApplication.instance() or QApplication([])
    fetch = _Fetch(url)
    while (snapshot := fetch.latest()[0]) is None or not snapshot.complete:
        time.sleep(0.01)
    view = WaveformView()
    view.resize(1280, 90)
    view.waveform = snapshot
    view.duration_ms = snapshot.duration_ms or 0
    view.lane_names = ["Agent", "Caller"]
    view.grab()  # warm-up
    runs = 20
    started = time.perf_counter()
    for _ in range(runs):
        view.grab()
    app.processEvents()
    return (time.perf_counter() - started) / runs * 1000


def through_proxy() -> None:
    import ssl
    import tempfile

    import trustme

    from qms_desktop.domain.sessions import SessionState
    from qms_desktop.mediasense.client import ClientConfig
    from qms_desktop.mediasense.tls import TlsSettings
    from qms_desktop.playback import PlaybackProxy
    from qms_desktop.security import Principal, Role
    from qms_desktop.simulator import SimulatorConfig, start_simulator
    from tests.playback.helpers import fetch_records

    tmp = Path(tempfile.mkdtemp(prefix="qms-bench-"))
    ca = trustme.CA()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    ca.cert_pem.write_to_path(str(tmp / "ca.pem"))
    sim = start_simulator(
        SimulatorConfig(profile="cisco", sessions_per_day=300, days=3, seed=3, username="bench",
                        password="bench-pass", ssl_context=ctx, cert_dir=tmp)
    )  # fmt: skip
    config = ClientConfig(urls=(sim.api_url,), username="bench", password="bench-pass",
                          tls=TlsSettings(ca_file=str(tmp / "ca.pem")), media_timeout=300)  # fmt: skip
    try:
        records = fetch_records(sim, config)
        closed = [r for r in records if r.state is SessionState.CLOSED_NORMAL and not r.pruned and r.urls.wav]
        record = max(closed, key=lambda r: r.duration_ms or 0)
        with PlaybackProxy(client_config=config) as proxy:
            ticket = proxy.register(Principal("bench", Role.ADMIN), record)
            urllib.request.urlopen(urllib.request.Request(ticket.url, method="HEAD")).close()  # as the player
            b_first, b_all = baseline(ticket.url)
            w_first, w_all, snaps = with_waveform(ticket.url)
            proxy.release(ticket.token)
        minutes = (record.duration_ms or 0) / 60_000
        print(f"\nthrough the proxy, {minutes:.0f}-minute call from the simulator: baseline first "
              f"{b_first * 1000:.0f} ms, all {b_all:.1f} s | waveform first {w_first * 1000:.0f} ms, "
              f"all {w_all:.1f} s ({snaps} snapshots) | ratio {w_all / b_all:.2f}x")  # fmt: skip
    finally:
        sim.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=int, nargs="+", default=[10, 60])
    parser.add_argument("--proxy", action="store_true", help="also through the simulator and the playback proxy")
    args = parser.parse_args()
    bodies = {}
    for minutes in args.minutes:
        started = time.perf_counter()
        body = audio.stereo_wav(KEY, minutes * 60_000, "bench")
        bodies[f"/{minutes}.wav"] = body.read(0, body.total)
        took = time.perf_counter() - started
        print(f"{minutes}-minute call: {body.total / 1e6:.1f} MB stereo PCM16 8 kHz, synthesized in {took:.1f} s")
    server, base = serve(bodies)
    try:
        print()
        print(f"{'call':>8} | {'baseline first':>14} {'baseline all':>12} | {'waveform first':>14} "
              f"{'waveform all':>12} {'snapshots':>9} | {'ratio all':>9} | {'paint 1280px':>12}")  # fmt: skip
        for minutes in args.minutes:
            url = f"{base}/{minutes}.wav"
            b_first, b_all = min((baseline(url) for _ in range(3)), key=lambda r: r[1])
            w_first, w_all, snaps = min((with_waveform(url) for _ in range(3)), key=lambda r: r[1])
            paint = paint_ms(url)
            print(f"{minutes:>5} min | {b_first * 1000:>11.1f} ms {b_all:>10.2f} s | {w_first * 1000:>11.1f} ms "
                  f"{w_all:>10.2f} s {snaps:>9} | {w_all / b_all:>8.2f}x | {paint:>9.1f} ms")  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    if args.proxy:
        through_proxy()


if __name__ == "__main__":
    main()
